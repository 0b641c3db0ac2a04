/* tn-csv.h — address books exported as CSV (LinkedIn's Connections.csv, Google Contacts,
 * Outlook) read into the same cards as vCard files, so that the importer takes either.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tn-vcard.h"

G_BEGIN_DECLS

#define TN_CSV_ERROR (tn_csv_error_quark ())

/**
 * TnCsvError:
 * @TN_CSV_ERROR_EMPTY: the file holds no rows
 * @TN_CSV_ERROR_NOT_CSV: the file is not comma-separated text (binary data, one column)
 * @TN_CSV_ERROR_UNKNOWN_FORMAT: CSV whose header is none of the exports TrustNet knows;
 *   the window asks the person which column is what (see tn_csv_file_set_columns())
 *
 * Why a CSV file was refused as a whole; a file too large is refused with
 * %TN_VCARD_ERROR_TOO_LARGE, as vCard files are.
 */
typedef enum
{
  TN_CSV_ERROR_EMPTY,
  TN_CSV_ERROR_NOT_CSV,
  TN_CSV_ERROR_UNKNOWN_FORMAT,
} TnCsvError;

/**
 * TnCsvFormat:
 * @TN_CSV_FORMAT_UNKNOWN: none TrustNet knows
 * @TN_CSV_FORMAT_LINKEDIN: LinkedIn's Connections.csv
 * @TN_CSV_FORMAT_GOOGLE: Google Contacts, the current format
 * @TN_CSV_FORMAT_GOOGLE_LEGACY: Google Contacts, the format before 2023 ("Name,Given Name,…")
 * @TN_CSV_FORMAT_OUTLOOK: Outlook, with English or German column names
 * @TN_CSV_FORMAT_CHOSEN: columns the person named one by one
 */
typedef enum
{
  TN_CSV_FORMAT_UNKNOWN,
  TN_CSV_FORMAT_LINKEDIN,
  TN_CSV_FORMAT_GOOGLE,
  TN_CSV_FORMAT_GOOGLE_LEGACY,
  TN_CSV_FORMAT_OUTLOOK,
  TN_CSV_FORMAT_CHOSEN,
} TnCsvFormat;

/**
 * TnCsvColumn:
 * @TN_CSV_COLUMN_IGNORE: not imported
 *
 * What a column holds. Several columns may hold emails, phones or web pages; for the other
 * fields the first non-empty cell wins. Cells of email, phone and web page columns may hold
 * several values joined by " ::: ", as Google writes them.
 */
typedef enum
{
  TN_CSV_COLUMN_IGNORE,
  TN_CSV_COLUMN_FULL_NAME,
  TN_CSV_COLUMN_GIVEN_NAME,
  TN_CSV_COLUMN_MIDDLE_NAME,
  TN_CSV_COLUMN_FAMILY_NAME,
  TN_CSV_COLUMN_ORGANIZATION,
  TN_CSV_COLUMN_TITLE,
  TN_CSV_COLUMN_EMAIL,
  TN_CSV_COLUMN_PHONE,
  TN_CSV_COLUMN_URL,
  TN_CSV_COLUMN_NOTE,
  TN_CSV_COLUMN_BIRTHDAY,
  TN_CSV_COLUMN_CONNECTED_ON,
  TN_CSV_N_COLUMNS,
} TnCsvColumn;

/**
 * TnCsvPreview:
 * @format: the format the header names say
 * @header: (array zero-terminated=1): the header's cells
 * @columns: (array length=n_columns): what each header cell holds, as recognised (or
 *   %TN_CSV_COLUMN_IGNORE)
 * @n_columns: how many header cells there are
 * @rows: (element-type GStrv): the first rows after the header, as read
 *
 * The start of a CSV file, for a person to say which column is what.
 */
typedef struct
{
  TnCsvFormat format;
  GStrv header;
  TnCsvColumn *columns;
  guint n_columns;
  GPtrArray *rows;
} TnCsvPreview;

GQuark        tn_csv_error_quark        (void);

gboolean      tn_csv_file_is_csv        (GFile           *file);
const char   *tn_csv_column_label       (TnCsvColumn      column);
const char   *tn_csv_format_name        (TnCsvFormat      format);

TnCsvColumn   tn_csv_column_for_header  (TnCsvFormat      format,
                                         const char      *name);
TnCsvFormat   tn_csv_detect_format      (const char * const *header);

char         *tn_csv_linkedin_date      (const char      *text);
char         *tn_csv_us_date            (const char      *text);

TnCsvPreview *tn_csv_preview_file       (GFile           *file,
                                         guint            max_rows,
                                         GCancellable    *cancellable,
                                         GError         **error);
void          tn_csv_preview_free       (TnCsvPreview    *preview);

void          tn_csv_file_set_columns   (GFile           *file,
                                         const TnCsvColumn *columns,
                                         guint            n_columns);

gboolean      tn_csv_parse_file_foreach (GFile           *file,
                                         TnVcardCardFunc  func,
                                         gpointer         user_data,
                                         GPtrArray      **problems,
                                         guint           *n_skipped,
                                         GCancellable    *cancellable,
                                         GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TnCsvPreview, tn_csv_preview_free)

G_END_DECLS
