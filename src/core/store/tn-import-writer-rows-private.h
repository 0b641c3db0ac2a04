/* tn-import-writer-rows-private.h — the address rows of the contacts an import adds, held
 * until there are enough for one INSERT of many rows. For tn-import-writer.c only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tn-db.h"

G_BEGIN_DECLS

/* The tables whose rows wait: (contact_id, position, value, normalized) each. */
typedef enum
{
  TN_IMPORT_ROWS_EMAILS,
  TN_IMPORT_ROWS_PHONES,
  TN_IMPORT_ROWS_URLS,
  TN_IMPORT_N_ROW_TABLES,
} TnImportRowTable;

typedef struct _TnImportRows TnImportRows;

TnImportRows *_tn_import_rows_new     (void);
void          _tn_import_rows_free    (TnImportRows      *self);
gboolean      _tn_import_rows_add     (TnImportRows      *self,
                                       TnDb              *db,
                                       TnImportRowTable   table,
                                       gint64             contact_id,
                                       int                position,
                                       const char        *value,
                                       const char        *normalized,
                                       GError           **error);
int           _tn_import_rows_next_position (TnImportRows      *self,
                                             TnImportRowTable   table,
                                             gint64             contact_id);
void          _tn_import_rows_collect (TnImportRows      *self,
                                       TnImportRowTable   table,
                                       gint64             contact_id,
                                       GStrvBuilder      *values);
gboolean      _tn_import_rows_flush   (TnImportRows      *self,
                                       TnDb              *db,
                                       GError           **error);
void          _tn_import_rows_discard (TnImportRows      *self);

G_END_DECLS
