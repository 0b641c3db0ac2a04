/* tn-import-writer-rows.c — the email addresses, phone numbers and web pages of the contacts
 * an import adds, written ROWS_PER_INSERT at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each INSERT costs SQLite a good part of its work whatever the number of rows it writes
 * (starting the statement, opening a cursor per index, ending it): an address written
 * alone cost twice what it costs as one of many. So the rows wait here, copied, until a
 * table has ROWS_PER_INSERT of them, and go in with one statement. Whoever reads these
 * tables on the same connection flushes first (_tn_import_rows_flush()), or reads one
 * contact's rows in the table and then those waiting (_tn_import_rows_collect(),
 * _tn_import_rows_next_position()); whoever adds to them adds here too. The rows go in in the order they were added, so the tables end up exactly as
 * with one INSERT each.
 */
#define G_LOG_DOMAIN "tn-store"

#include "config.h"

#include "tn-import-writer-rows-private.h"

#define ROWS_PER_INSERT 64
#define COLUMNS_PER_ROW 4
/* INSERTs of 64, 32, 16, … 1 rows: the rows left when a reader flushes go in with one
 * statement per bit of their number. */
#define N_INSERT_SIZES  7

static const char * const table_names[TN_IMPORT_N_ROW_TABLES] = {
  [TN_IMPORT_ROWS_EMAILS] = "emails",
  [TN_IMPORT_ROWS_PHONES] = "phones",
  [TN_IMPORT_ROWS_URLS] = "urls",
};

typedef struct
{
  gint64 contact_id;
  int position;
  char *value;
  char *normalized; /* may be NULL (phones) */
} Row;

struct _TnImportRows
{
  GArray *rows[TN_IMPORT_N_ROW_TABLES]; /* of Row, in the order they were added */
  /* The SQL of each table's INSERT of ROWS_PER_INSERT >> i rows: kept for as long as the
   * connection, since tn_db_cached() keys statements by their text's address. */
  char *inserts[TN_IMPORT_N_ROW_TABLES][N_INSERT_SIZES];
};

G_STATIC_ASSERT (ROWS_PER_INSERT >> (N_INSERT_SIZES - 1) == 1);

static void
row_clear (Row *row)
{
  g_clear_pointer (&row->value, g_free);
  g_clear_pointer (&row->normalized, g_free);
}

/* OR ROLLBACK: no statement journal (see write_sql in tn-import-writer.c). */
static char *
insert_sql (const char *table,
            guint       n_rows)
{
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql, "INSERT OR ROLLBACK INTO %s (contact_id, position, value, normalized) VALUES ", table);
  for (guint i = 0; i < n_rows; i++)
    g_string_append (sql, i == 0 ? "(?, ?, ?, ?)" : ", (?, ?, ?, ?)");

  return g_string_free (sql, FALSE);
}

TnImportRows *
_tn_import_rows_new (void)
{
  TnImportRows *self = g_new0 (TnImportRows, 1);

  for (guint i = 0; i < TN_IMPORT_N_ROW_TABLES; i++)
    {
      self->rows[i] = g_array_sized_new (FALSE, FALSE, sizeof (Row), ROWS_PER_INSERT);
      g_array_set_clear_func (self->rows[i], (GDestroyNotify) row_clear);
      for (guint size = 0; size < N_INSERT_SIZES; size++)
        self->inserts[i][size] = insert_sql (table_names[i], ROWS_PER_INSERT >> size);
    }

  return self;
}

/* After the connection whose statement cache holds the SQL is closed. */
void
_tn_import_rows_free (TnImportRows *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < TN_IMPORT_N_ROW_TABLES; i++)
    {
      g_array_unref (self->rows[i]);
      for (guint size = 0; size < N_INSERT_SIZES; size++)
        g_free (self->inserts[i][size]);
    }
  g_free (self);
}

/* Writes @n_rows rows of @table's, from @first, with the statement of @sql. */
static gboolean
insert_rows (TnDb        *db,
             const char  *sql,
             const Row   *first,
             guint        n_rows,
             GError     **error)
{
  sqlite3_stmt *statement = tn_db_cached (db, sql, error);
  gboolean result;

  if (statement == NULL)
    return FALSE;

  for (guint i = 0; i < n_rows; i++)
    {
      int column = (int) (i * COLUMNS_PER_ROW);

      sqlite3_bind_int64 (statement, column + 1, first[i].contact_id);
      sqlite3_bind_int (statement, column + 2, first[i].position);
      tn_db_bind_static (statement, column + 3, first[i].value);
      tn_db_bind_static (statement, column + 4, first[i].normalized);
    }

  result = tn_db_step_done (db, statement, error);
  /* No pointers into rows about to be freed are left behind. */
  sqlite3_clear_bindings (statement);
  return result;
}

/* Everything waiting for @table, in order: by ROWS_PER_INSERT while there are that many,
 * then by the largest INSERT that fits what is left. */
static gboolean
flush_table (TnImportRows      *self,
             TnDb              *db,
             TnImportRowTable   table,
             GError           **error)
{
  GArray *rows = self->rows[table];
  const Row *all = (const Row *) (gpointer) rows->data;
  guint done = 0, size = 0;
  gboolean ok = TRUE;

  while (ok && done < rows->len)
    {
      guint n_rows = ROWS_PER_INSERT >> size;

      if (rows->len - done < n_rows)
        {
          size++;
          continue;
        }

      ok = insert_rows (db, self->inserts[table][size], all + done, n_rows, error);
      done += n_rows;
    }

  g_array_set_size (rows, 0);
  return ok;
}

/**
 * _tn_import_rows_add:
 * @self: the rows waiting
 * @db: the import's connection, inside its transaction
 * @table: where the row goes
 * @contact_id: the contact it belongs to
 * @position: its place among the contact's values of @table
 * @value: the value as the card gives it
 * @normalized: (nullable): its key, as the table stores it
 * @error: return location for a #GError
 *
 * Adds a row to @table, now or with the next ones; @value and @normalized are copied.
 * Returns: %FALSE with @error set when writing the rows waiting failed
 */
gboolean
_tn_import_rows_add (TnImportRows      *self,
                     TnDb              *db,
                     TnImportRowTable   table,
                     gint64             contact_id,
                     int                position,
                     const char        *value,
                     const char        *normalized,
                     GError           **error)
{
  Row row = {
    .contact_id = contact_id,
    .position = position,
    .value = g_strdup (value),
    .normalized = g_strdup (normalized),
  };

  g_array_append_val (self->rows[table], row);
  return self->rows[table]->len < ROWS_PER_INSERT || flush_table (self, db, table, error);
}

/**
 * _tn_import_rows_next_position:
 * @self: the rows waiting
 * @table: a table
 * @contact_id: a contact
 *
 * A row waiting comes after every row of its contact in the table, since the rows go in in
 * the order they were added: the last one waiting has the contact's highest position.
 *
 * Returns: one past the position of the last row of @contact_id waiting for @table, or -1
 *   when none is waiting
 */
int
_tn_import_rows_next_position (TnImportRows      *self,
                               TnImportRowTable   table,
                               gint64             contact_id)
{
  GArray *rows = self->rows[table];

  for (guint i = rows->len; i > 0; i--)
    {
      const Row *row = &g_array_index (rows, Row, i - 1);

      if (row->contact_id == contact_id)
        return row->position + 1;
    }

  return -1;
}

/**
 * _tn_import_rows_collect:
 * @self: the rows waiting
 * @table: a table
 * @contact_id: a contact
 * @values: where the values go
 *
 * Adds the value of each row of @contact_id waiting for @table to @values, in the order of
 * their positions: after the contact's rows in the table, a reader has them all, without
 * writing what waits (a merge into a contact just added would otherwise write the rows
 * waiting for every table with up to seven INSERTs each).
 */
void
_tn_import_rows_collect (TnImportRows      *self,
                         TnImportRowTable   table,
                         gint64             contact_id,
                         GStrvBuilder      *values)
{
  GArray *rows = self->rows[table];

  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);

      if (row->contact_id == contact_id)
        g_strv_builder_add (values, row->value);
    }
}

/**
 * _tn_import_rows_flush:
 * @self: the rows waiting
 * @db: the connection they were added on, inside its transaction
 * @error: return location for a #GError
 *
 * Writes every row waiting, before anything on @db reads or changes their tables.
 */
gboolean
_tn_import_rows_flush (TnImportRows  *self,
                       TnDb          *db,
                       GError       **error)
{
  for (guint i = 0; i < TN_IMPORT_N_ROW_TABLES; i++)
    {
      if (!flush_table (self, db, i, error))
        {
          _tn_import_rows_discard (self);
          return FALSE;
        }
    }

  return TRUE;
}

/* Forgets the rows waiting, for a rollback: they were never written. */
void
_tn_import_rows_discard (TnImportRows *self)
{
  for (guint i = 0; i < TN_IMPORT_N_ROW_TABLES; i++)
    g_array_set_size (self->rows[i], 0);
}
