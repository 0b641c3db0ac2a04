/* tn-csv-private.h — the pieces of the CSV reader shared by its files: rows out of libcsv,
 * header names to columns, and a row to a card.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tn-csv.h"

G_BEGIN_DECLS

/**
 * TnCsvRowFunc:
 * @cells: (transfer full): the row's cells as read, never %NULL
 * @line: the 1-based line of the file where the row begins
 * @user_data: the data given with the function
 *
 * Returns: %TRUE to go on reading
 */
typedef gboolean (*TnCsvRowFunc) (GStrv    cells,
                                  guint    line,
                                  gpointer user_data);

char        *_tn_csv_decode           (GBytes             *bytes,
                                       gsize              *len,
                                       GError            **error);
char        *_tn_csv_read_text        (GFile              *file,
                                       gsize              *len,
                                       GCancellable       *cancellable,
                                       GError            **error);
gboolean     _tn_csv_read_rows        (const char         *text,
                                       gsize               len,
                                       TnCsvRowFunc        func,
                                       gpointer            user_data,
                                       GPtrArray          *problems,
                                       guint              *n_broken,
                                       GCancellable       *cancellable);
guint        _tn_csv_count_lines      (const char         *text,
                                       gsize               len);
char         _tn_csv_guess_delimiter  (const char         *text,
                                       gsize               len);

TnCsvColumn *_tn_csv_file_get_columns (GFile              *file,
                                       guint              *n_columns);

TnVcardCard *_tn_csv_card_from_row    (const TnCsvColumn  *columns,
                                       guint               n_columns,
                                       TnCsvFormat         format,
                                       const char * const *cells,
                                       guint               line);

void         _tn_csv_add_problem      (GPtrArray          *problems,
                                       guint               line,
                                       gboolean            row_skipped,
                                       const char         *format,
                                       ...) G_GNUC_PRINTF (4, 5);

G_END_DECLS
