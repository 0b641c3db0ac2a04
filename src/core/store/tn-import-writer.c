/* tn-import-writer.c — the importer's own connection to the store's database, for its worker
 * thread: adds and fills contacts, recording each change so the import can be undone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tn-clock.h"
#include "tn-duplicates.h"
#include "tn-import-writer-rows-private.h"
#include "tn-import-writer-private.h"
#include "tn-store-field-times.h"
#include "tn-store-internal.h"
#include "tn-text.h"

/* The columns behind TnImportField, for SQL built from this table only, never from text. */
const char * const _tn_import_field_columns[TN_IMPORT_N_TEXT_FIELDS] = {
  [TN_IMPORT_FIELD_GIVEN_NAME] = "given_name",
  [TN_IMPORT_FIELD_FAMILY_NAME] = "family_name",
  [TN_IMPORT_FIELD_ORGANIZATION] = "organization",
  [TN_IMPORT_FIELD_TITLE] = "title",
  [TN_IMPORT_FIELD_NOTE] = "note",
  [TN_IMPORT_FIELD_BIRTHDAY] = "birthday",
  [TN_IMPORT_FIELD_VCARD] = "vcard",
  [TN_IMPORT_FIELD_CONNECTED_ON] = "connected_on",
};

static const char *
field_name (TnImportField field)
{
  if (field == TN_IMPORT_FIELD_EMAIL)
    return "email";
  if (field == TN_IMPORT_FIELD_PHONE)
    return "phone";
  if (field == TN_IMPORT_FIELD_URL)
    return "url";

  g_assert ((guint) field < TN_IMPORT_N_TEXT_FIELDS);
  return _tn_import_field_columns[field];
}

gboolean
_tn_import_parse_field_name (const char    *name,
                             TnImportField *field)
{
  for (guint i = 0; i <= TN_IMPORT_FIELD_URL; i++)
    {
      if (g_strcmp0 (name, field_name (i)) == 0)
        {
          *field = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* The statements an import runs once per card or more, prepared once each. */
typedef enum
{
  WRITE_INSERT_CONTACT,
  WRITE_NEXT_EMAIL_POSITION,
  WRITE_NEXT_PHONE_POSITION,
  WRITE_NEXT_URL_POSITION,
  WRITE_RECORD_CHANGE,
  WRITE_RECORD_TRUST,
  WRITE_UPDATE_CONTACT,
  WRITE_READ_CONTACT,
  WRITE_READ_VALUES,
  WRITE_RECORD_JOB_CHANGE,
  WRITE_RECORD_FEED,
  WRITE_RECORD_FIELD_TIME,
  N_WRITE_STATEMENTS,
} WriteStatement;

/* The two statements that fire the triggers of set_aside_triggers when those are kept (see
 * kept_triggers_sql), after the verb that says how they resolve a conflict. */
#define UPDATE_CONTACT_SQL \
  " contacts SET given_name = ?2, family_name = ?3, organization = ?4, title = ?5, note = ?6," \
  " birthday = ?7, vcard = ?8, connected_on = ?9, updated_at = ?10, revision = revision + 1 WHERE id = ?1"
#define RECORD_JOB_CHANGE_SQL \
  " INTO job_changes (contact_id, from_organization, from_title, to_organization, to_title," \
  "                   noticed_on, batch_id)" \
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"

/* Constant text, since tn_db_cached() keys statements by it.
 *
 * OR ROLLBACK, and no foreign key checks on this connection: a statement that fires a
 * trigger (the change feed's) and may fail half-way keeps a statement journal, a copy of
 * every 16 KiB page it touches, so that it can be undone alone; a foreign key that is not
 * DEFERRABLE makes any statement one that may fail half-way, whatever PRAGMA
 * defer_foreign_keys says. An import undoes everything on any failure anyway, so no
 * statement needs undoing alone. The keys hold by construction: a contact's batch is the
 * one this import made, an address's or change's contact one it just wrote or matched
 * (test-import-same-rows checks the rows and the keys). The change feed's and the field
 * times' rows are the exception: replacing a row is what they are for, and they fire no
 * trigger. No statement here fires one: see set_aside_triggers. */
static const char * const write_sql[N_WRITE_STATEMENTS] = {
  [WRITE_INSERT_CONTACT] =
    "INSERT OR ROLLBACK INTO contacts (uid, full_name, given_name, family_name, organization, title, note, birthday,"
    "                      trust, vcard, batch_id, created_at, updated_at, connected_on)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12, ?13)",
  [WRITE_NEXT_EMAIL_POSITION] = "SELECT coalesce (max (position) + 1, 0) FROM emails WHERE contact_id = ?1",
  [WRITE_NEXT_PHONE_POSITION] = "SELECT coalesce (max (position) + 1, 0) FROM phones WHERE contact_id = ?1",
  [WRITE_NEXT_URL_POSITION] = "SELECT coalesce (max (position) + 1, 0) FROM urls WHERE contact_id = ?1",
  [WRITE_RECORD_CHANGE] =
    "INSERT OR ROLLBACK INTO batch_changes (batch_id, contact_id, what, value) VALUES (?1, ?2, ?3, ?4)",
  [WRITE_RECORD_TRUST] =
    "INSERT OR ROLLBACK INTO trust_changes (contact_id, trust, changed_at) VALUES (?1, ?2, ?3)",
  /* A merge's one write to the contact's row, in the order of TnImportField. It names the
   * new revision itself, so that the trigger need not write the row again (schema 9). */
  [WRITE_UPDATE_CONTACT] = "UPDATE OR ROLLBACK" UPDATE_CONTACT_SQL,
  [WRITE_READ_CONTACT] =
    "SELECT given_name, family_name, organization, title, note, birthday, vcard, connected_on"
    " FROM contacts WHERE id = ?1",
  /* A contact's addresses, each with its table (TnImportRowTable): one statement rather
   * than one per table, since starting and ending one costs about as much as reading a
   * contact's few rows. No ORDER BY: a merge asks only whether an address is there. */
  [WRITE_READ_VALUES] =
    "SELECT 0, value FROM emails WHERE contact_id = ?1"
    " UNION ALL SELECT 1, value FROM phones WHERE contact_id = ?1"
    " UNION ALL SELECT 2, value FROM urls WHERE contact_id = ?1",
  [WRITE_RECORD_JOB_CHANGE] = "INSERT OR ROLLBACK" RECORD_JOB_CHANGE_SQL,
  /* What the triggers of set_aside_triggers do, done by the writer (see there). */
  [WRITE_RECORD_FEED] =
    "INSERT OR REPLACE INTO changes (kind, row_id, contact_id) VALUES ('contact', ?1, ?1)",
  [WRITE_RECORD_FIELD_TIME] =
    "INSERT OR REPLACE INTO sync_field_times (contact_id, field, changed_at) VALUES (?1, ?2, ?3)",
};

/* The statements of write_sql that fire the triggers of set_aside_triggers, as a writer
 * that keeps them (_tn_import_writer_set_keep_triggers(), for tests) runs them: without
 * OR ROLLBACK, which SQLite would apply to the statements of the triggers too, overriding
 * the OR REPLACE by which they write the change feed. */
static const char * const kept_triggers_sql[N_WRITE_STATEMENTS] = {
  [WRITE_UPDATE_CONTACT] = "UPDATE" UPDATE_CONTACT_SQL,
  [WRITE_RECORD_JOB_CHANGE] = "INSERT" RECORD_JOB_CHANGE_SQL,
};

/* The triggers a contact's row and its job changes fire, which the writer sets aside for its
 * transaction and does the work of itself (writer_record_feed(), writer_record_field_times()),
 * writing the same rows: a statement that fires a trigger may fail half-way, so SQLite keeps
 * a statement journal for it, a copy of every 16 KiB page it touches, and a merge's UPDATE
 * and job change cost 100,000 instructions each that way, most of a second import. The
 * triggers are dropped inside the import's transaction and made again from their own SQL
 * before it commits, so no other connection ever sees them missing, and a rollback or a
 * crash brings them back with everything else. test-import-same-rows imports the same files
 * with the triggers kept and compares every row. */
static const char * const set_aside_triggers[] = {
  "contacts_insert_feed",     /* fires for contacts without a batch: an import's have one */
  "contacts_update_revision", /* fires when an UPDATE names no new revision: the writer's does */
  "contacts_update_feed",
  "contacts_update_field_times",
  "job_changes_insert_feed",
};

/* Every column sync keeps a change time for, with its name there: the list the trigger
 * contacts_update_field_times is made from. writer_find_timed_fields() picks those a merge's
 * UPDATE may change. */
#define TIMED_FIELD_ENTRY(column, name) { #column, name },
static const struct
{
  const char *column;
  const char *name;
} contact_timed_fields[] = {
  CONTACT_TIMED_FIELDS (TIMED_FIELD_ENTRY)
};
#undef TIMED_FIELD_ENTRY

/* A field a merge may change that sync keeps a change time for. */
typedef struct
{
  TnImportField field;
  const char *name;
} TimedField;

/* "+removed_at": not through contacts_removed_trust, which SQLite would pick and then sort
 * what it found by id in a temporary B-tree; the tables read in their own order need no
 * sort (a sixth of a second import of 100,000 cards went into those sorts). */
static const char * const known_sql[] = {
  [TN_IMPORT_KNOWN_UIDS] = "SELECT id, uid FROM contacts WHERE +removed_at IS NULL ORDER BY id",
  [TN_IMPORT_KNOWN_REMOVED_UIDS] = "SELECT 0, uid FROM contacts WHERE removed_at IS NOT NULL",
  [TN_IMPORT_KNOWN_NAMES] = "SELECT id, full_name FROM contacts WHERE +removed_at IS NULL ORDER BY id",
  [TN_IMPORT_KNOWN_EMAILS] =
    "SELECT e.contact_id, e.value FROM emails AS e JOIN contacts AS c ON c.id = e.contact_id"
    " WHERE +c.removed_at IS NULL ORDER BY e.contact_id, e.position",
  [TN_IMPORT_KNOWN_PHONES] =
    "SELECT p.contact_id, p.value FROM phones AS p JOIN contacts AS c ON c.id = p.contact_id"
    " WHERE +c.removed_at IS NULL ORDER BY p.contact_id, p.position",
  [TN_IMPORT_KNOWN_URLS] =
    "SELECT u.contact_id, u.value FROM urls AS u JOIN contacts AS c ON c.id = u.contact_id"
    " WHERE +c.removed_at IS NULL ORDER BY u.contact_id, u.position",
};

/* An import's pages stay in memory until the commit instead of spilling to the WAL as they
 * are written, at the cost of this much memory (KiB). */
#define WRITER_CACHE_KIB 32768

/* The indexes of lookup_indexes are built at the commit from their keys sorted. SQLite sorts
 * in worker threads (PRAGMA threads) only keys that do not fit in one run, whose size it
 * takes from cache_size: with WRITER_CACHE_KIB every index's keys fit in one run, sorted on
 * the writer's thread after the scan of the table while the other core has nothing to do.
 * With runs of SORT_RUN_KIB, worker threads sort each run while the writer goes on
 * scanning, and merge them. Meanwhile, cache_spill lets the transaction's pages stay in
 * memory beyond the small cache, up to WRITER_SPILL_PAGES, rather than be written out to
 * fit it; the cache is made its size again before the commit. */
#define SORT_RUN_KIB       2048
#define WRITER_SPILL_PAGES 8192

/* The indexes only lookups by name, email or phone and the dashboard's figures use, which
 * a large import drops and builds again at the end: built from sorted rows they cost a
 * third of what adding 100,000 random keys one by one does, and the import itself looks
 * nothing up in them. */
static const char * const lookup_indexes[] = {
  "contacts_full_name",
  "contacts_removed_trust",
  "emails_normalized",
  "phones_normalized",
};

struct _TnImportWriter
{
  TnDb *db;
  gint64 now;
  char *today;                /* the local date of @now, as job changes note it */
  GPtrArray *set_aside;       /* the CREATE statements of the indexes and triggers dropped
                               * until the commit */
  TnImportRows *rows;         /* the addresses of added contacts not written yet */
  gboolean kept_batch;        /* whether a file of this transaction changed anything */
  gboolean triggers_set_aside; /* whether this transaction writes the rows of
                                * set_aside_triggers itself */
  TimedField timed_fields[G_N_ELEMENTS (contact_timed_fields)];
  guint n_timed_fields;
};

/* See _tn_import_writer_set_keep_triggers(). */
static gint keep_triggers_for_tests;

void
_tn_import_writer_set_keep_triggers (gboolean keep)
{
  g_atomic_int_set (&keep_triggers_for_tests, keep);
}

/* Fills @self->timed_fields from contact_timed_fields: the columns of it that are also
 * columns of TnImportField. */
static void
writer_find_timed_fields (TnImportWriter *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (contact_timed_fields); i++)
    {
      for (guint field = 0; field < TN_IMPORT_N_TEXT_FIELDS; field++)
        {
          if (g_str_equal (contact_timed_fields[i].column, _tn_import_field_columns[field]))
            self->timed_fields[self->n_timed_fields++] = (TimedField) { field, contact_timed_fields[i].name };
        }
    }
}

static sqlite3_stmt *
writer_statement (TnImportWriter  *self,
                  WriteStatement   which,
                  GError         **error)
{
  if (!self->triggers_set_aside && kept_triggers_sql[which] != NULL)
    return tn_db_cached (self->db, kept_triggers_sql[which], error);

  return tn_db_cached (self->db, write_sql[which], error);
}

static gboolean
writer_check_schema (TnImportWriter *self,
                     GError        **error)
{
  g_autoptr(sqlite3_stmt) statement = tn_db_prepare (self->db, "PRAGMA user_version", error);

  if (statement == NULL)
    return FALSE;

  if (sqlite3_step (statement) != SQLITE_ROW)
    {
      tn_db_set_error (self->db, sqlite3_extended_errcode (self->db->handle), error);
      return FALSE;
    }

  /* The store that gave the path migrated the database when it opened it. */
  if (sqlite3_column_int (statement, 0) != TN_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_NEWER_SCHEMA,
                   _("The database %s was changed by another version of TrustNet while it was open; "
                     "restart TrustNet and try again"),
                   self->db->path);
      return FALSE;
    }

  return TRUE;
}

/**
 * tn_import_writer_open:
 * @path: the database of an open #TnStore
 * @error: return location for a #GError
 *
 * Opens a second connection to @path, for the thread that calls this and only that one.
 *
 * Returns: (transfer full) (nullable): the writer, or %NULL with @error set
 */
TnImportWriter *
tn_import_writer_open (const char  *path,
                       GError     **error)
{
  g_autoptr(TnImportWriter) self = g_new0 (TnImportWriter, 1);
  g_autofree char *cache_size = g_strdup_printf ("PRAGMA cache_size = -%d", WRITER_CACHE_KIB);

  g_return_val_if_fail (path != NULL, NULL);

  /* The store created the file; its absence now is an error. */
  self->db = tn_db_open (path, error);
  if (self->db == NULL)
    return NULL;
  self->rows = _tn_import_rows_new ();
  writer_find_timed_fields (self);

  /* Not inside the commit: tn_import_writer_checkpoint() does it after. */
  sqlite3_wal_autocheckpoint (self->db->handle, 0);

  /* See write_sql: every row this connection writes refers to a row it just wrote or read.
   *
   * No CHECK constraints either: SQLite tests a column against a list (changes.kind IN
   * ('contact', …), batch_changes.what IN (…)) by building a temporary B-tree of the list
   * for every row, and the change feed's row of each added contact cost three times the
   * row itself that way. What this connection writes holds them by construction: the feed's
   * kind is always 'contact', batch_changes.what comes from field_name(), a rating from
   * tn_trust_parse() (test-import-same-rows checks the rows).
   *
   * The sub-journal in a file, not in memory as tn_db_open() has it: under a file's
   * savepoint it keeps a copy of every page the import changes that was there before, and
   * each statement that ends truncates an in-memory one by walking it from its start, a
   * time that grows with all the import changed so far. A second import of 100,000 cards
   * took 120 s of CPU and 370 MB that way; in a file it is 5 s and 90 MB. */
  if (!tn_db_exec (self->db, "PRAGMA foreign_keys = OFF", error) ||
      !tn_db_exec (self->db, "PRAGMA ignore_check_constraints = ON", error) ||
      !tn_db_exec (self->db, "PRAGMA synchronous = NORMAL", error) ||
      !tn_db_exec (self->db, "PRAGMA temp_store = FILE", error) ||
      !tn_db_exec (self->db, cache_size, error) ||
      !writer_check_schema (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

void
tn_import_writer_free (TnImportWriter *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->set_aside, g_ptr_array_unref);
  g_clear_pointer (&self->db, tn_db_close);
  g_clear_pointer (&self->rows, _tn_import_rows_free);
  g_free (self->today);
  g_free (self);
}

/* Drops the indexes or triggers @names (@type) until the commit, keeping the SQL that made
 * them for writer_restore(). One that is not there is left out. */
static gboolean
writer_set_aside (TnImportWriter      *self,
                  const char          *type,
                  const char * const  *names,
                  guint                n_names,
                  GError             **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  statement = tn_db_prepare (self->db, "SELECT sql FROM sqlite_master WHERE type = ?1 AND name = ?2", error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_text (statement, 1, type, -1, SQLITE_STATIC);
  for (guint i = 0; i < n_names; i++)
    {
      g_autofree char *drop = NULL;

      sqlite3_bind_text (statement, 2, names[i], -1, SQLITE_STATIC);
      if (sqlite3_step (statement) != SQLITE_ROW)
        {
          sqlite3_reset (statement);
          continue;
        }
      g_ptr_array_add (self->set_aside, g_strdup ((const char *) sqlite3_column_text (statement, 0)));
      sqlite3_reset (statement);

      drop = g_strdup_printf ("DROP %s %s", type, names[i]);
      if (!tn_db_exec (self->db, drop, error))
        return FALSE;
    }

  return TRUE;
}

/* Takes the write lock at once, as the store does, so that a busy database fails before
 * anything is read; sets the triggers of set_aside_triggers aside. */
gboolean
tn_import_writer_begin (TnImportWriter *self,
                        GError        **error)
{
  g_autoptr(GDateTime) now = tn_clock_now ();
  g_autoptr(GDateTime) local_now = NULL;

  self->now = g_date_time_to_unix (now);
  local_now = g_date_time_new_from_unix_local (self->now);
  g_free (self->today);
  self->today = g_date_time_format (local_now, "%Y-%m-%d");
  if (!tn_db_exec (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;

  self->kept_batch = FALSE;
  g_clear_pointer (&self->set_aside, g_ptr_array_unref);
  self->set_aside = g_ptr_array_new_with_free_func (g_free);
  self->triggers_set_aside = !g_atomic_int_get (&keep_triggers_for_tests);
  return !self->triggers_set_aside ||
         writer_set_aside (self, "trigger", set_aside_triggers, G_N_ELEMENTS (set_aside_triggers), error);
}

/**
 * tn_import_writer_defer_indexes:
 * @self: a writer inside a transaction, before its first batch
 * @error: return location for a #GError
 *
 * Drops the lookup indexes until the commit, which builds them again from the SQL they
 * were made with. For imports larger than the database: see lookup_indexes.
 */
gboolean
tn_import_writer_defer_indexes (TnImportWriter *self,
                                GError        **error)
{
  g_assert (self->set_aside != NULL);

  return writer_set_aside (self, "index", lookup_indexes, G_N_ELEMENTS (lookup_indexes), error);
}

/* Makes what writer_set_aside() dropped again, indexes built from the rows there now. */
static gboolean
writer_restore (TnImportWriter *self,
                GError        **error)
{
  /* See SORT_RUN_KIB. The parser thread is done by now: its core sorts. */
  if (!tn_db_exec (self->db, "PRAGMA threads = 2", error) ||
      !tn_db_exec (self->db, "PRAGMA cache_spill = " G_STRINGIFY (WRITER_SPILL_PAGES), error) ||
      !tn_db_exec (self->db, "PRAGMA cache_size = -" G_STRINGIFY (SORT_RUN_KIB), error))
    return FALSE;

  for (guint i = 0; self->set_aside != NULL && i < self->set_aside->len; i++)
    {
      if (!tn_db_exec (self->db, g_ptr_array_index (self->set_aside, i), error))
        return FALSE;
    }

  g_clear_pointer (&self->set_aside, g_ptr_array_unref);
  return tn_db_exec (self->db, "PRAGMA cache_size = -" G_STRINGIFY (WRITER_CACHE_KIB), error) &&
         tn_db_exec (self->db, "PRAGMA cache_spill = 1", error);
}

gboolean
tn_import_writer_commit (TnImportWriter *self,
                         GError        **error)
{
  /* An import that kept no batch changed nothing: undoing what it set aside, rather than
   * making it again, leaves the database file exactly as it was. */
  if (!self->kept_batch)
    {
      tn_import_writer_rollback (self);
      return TRUE;
    }

  if (_tn_import_rows_flush (self->rows, self->db, error) &&
      writer_restore (self, error) &&
      tn_db_exec (self->db, "COMMIT", error))
    return TRUE;

  tn_import_writer_rollback (self);
  return FALSE;
}

void
tn_import_writer_rollback (TnImportWriter *self)
{
  /* Statements left mid-step would keep the transaction's read lock. */
  tn_db_reset_cached (self->db);
  _tn_import_rows_discard (self->rows);

  /* The rollback brings the dropped indexes and triggers back. */
  g_clear_pointer (&self->set_aside, g_ptr_array_unref);
  if (!sqlite3_get_autocommit (self->db->handle))
    sqlite3_exec (self->db->handle, "ROLLBACK", NULL, NULL, NULL);
}

/**
 * tn_import_writer_checkpoint:
 * @self: a writer after its commit
 *
 * Copies the import from the write-ahead log into the database file now, on the worker
 * thread, rather than in the middle of some later change on the main thread. Best effort:
 * SQLite will do it later if this cannot.
 */
void
tn_import_writer_checkpoint (TnImportWriter *self)
{
  int n_frames = 0, n_copied = 0;

  sqlite3_wal_checkpoint_v2 (self->db->handle, NULL, SQLITE_CHECKPOINT_PASSIVE, &n_frames, &n_copied);
  g_debug ("checkpoint: %d pages of %d in the log copied", n_copied, n_frames);
}

/**
 * tn_import_writer_count_contacts:
 * @self: a writer
 *
 * Returns: how many contacts the database holds, removed ones included
 */
guint
tn_import_writer_count_contacts (TnImportWriter *self)
{
  g_autoptr(sqlite3_stmt) statement = tn_db_prepare (self->db, "SELECT count (*) FROM contacts", NULL);

  if (statement == NULL || sqlite3_step (statement) != SQLITE_ROW)
    return 0;

  return (guint) sqlite3_column_int64 (statement, 0);
}

/**
 * tn_import_writer_begin_batch:
 * @self: a writer inside a transaction
 * @file_name: the file being imported, as people see its name
 * @batch_id: (out): the new batch
 * @error: return location for a #GError
 *
 * Starts one file's batch under a savepoint, so that a file refused half-way, or one that
 * changed nothing, leaves no trace while the files before it stay.
 */
gboolean
tn_import_writer_begin_batch (TnImportWriter *self,
                              const char     *file_name,
                              gint64         *batch_id,
                              GError        **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  if (!tn_db_exec (self->db, "SAVEPOINT import_file", error))
    return FALSE;

  statement = tn_db_prepare (self->db,
                             "INSERT INTO import_batches (file_name, imported_at) VALUES (?1, ?2)",
                             error);
  if (statement == NULL)
    return FALSE;

  tn_db_bind_text (statement, 1, file_name);
  sqlite3_bind_int64 (statement, 2, self->now);
  if (!tn_db_step_done (self->db, statement, error))
    return FALSE;

  *batch_id = sqlite3_last_insert_rowid (self->db->handle);
  return TRUE;
}

gboolean
tn_import_writer_end_batch (TnImportWriter            *self,
                            gint64                     batch_id,
                            const TnImportBatchCounts *counts,
                            GError                   **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  if (!_tn_import_rows_flush (self->rows, self->db, error))
    return FALSE;

  statement = tn_db_prepare (self->db,
                             "UPDATE import_batches SET n_added = ?2, n_merged = ?3, n_unchanged = ?4,"
                             " n_skipped = ?5 WHERE id = ?1",
                             error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, batch_id);
  sqlite3_bind_int (statement, 2, counts->n_added);
  sqlite3_bind_int (statement, 3, counts->n_merged);
  sqlite3_bind_int (statement, 4, counts->n_unchanged);
  sqlite3_bind_int (statement, 5, counts->n_skipped);

  if (!tn_db_step_done (self->db, statement, error))
    return FALSE;
  g_clear_pointer (&statement, sqlite3_finalize);

  /* The change feed, for the contacts this file added: one statement rather than a
   * trigger per contact (see schema 6 in tn-store.c). */
  statement = tn_db_prepare (self->db,
                             "INSERT OR REPLACE INTO changes (kind, row_id, contact_id)"
                             " SELECT 'contact', id, id FROM contacts WHERE batch_id = ?1 ORDER BY id",
                             error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, batch_id);
  if (!tn_db_step_done (self->db, statement, error) || !tn_db_exec (self->db, "RELEASE import_file", error))
    return FALSE;

  self->kept_batch = TRUE;
  return TRUE;
}

/**
 * tn_import_writer_forget_batch:
 * @self: a writer inside a batch that wrote nothing but its own row
 * @batch_id: that batch
 * @error: return location for a #GError
 *
 * Takes back a batch of a file whose every card was there already, leaving the database as
 * tn_import_writer_drop_batch() would, without a rollback to the savepoint: inside a
 * transaction that set triggers aside, such a rollback makes SQLite read the whole schema
 * again and prepare every statement anew, half a millisecond per file, most of a second
 * import of 10,000 small files. The batch's id comes back with the next batch, as after a
 * rollback (import_batches has no AUTOINCREMENT).
 */
gboolean
tn_import_writer_forget_batch (TnImportWriter *self,
                               gint64          batch_id,
                               GError        **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  statement = tn_db_prepare (self->db, "DELETE FROM import_batches WHERE id = ?1", error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, batch_id);
  return tn_db_step_done (self->db, statement, error) && tn_db_exec (self->db, "RELEASE import_file", error);
}

/* Forgets everything since tn_import_writer_begin_batch(); the transaction goes on. */
gboolean
tn_import_writer_drop_batch (TnImportWriter *self,
                             GError        **error)
{
  tn_db_reset_cached (self->db);
  _tn_import_rows_discard (self->rows);

  return tn_db_exec (self->db, "ROLLBACK TO import_file", error) &&
         tn_db_exec (self->db, "RELEASE import_file", error);
}

/**
 * tn_import_writer_foreach_known:
 * @self: a writer inside a transaction
 * @what: which rows
 * @func: called with each row
 * @user_data: for @func
 * @error: return location for a #GError
 *
 * Reads what the importer must know about the contacts already there, in one pass.
 */
gboolean
tn_import_writer_foreach_known (TnImportWriter   *self,
                                TnImportKnown     what,
                                TnImportRowFunc   func,
                                gpointer          user_data,
                                GError          **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  int result;

  g_assert ((guint) what < G_N_ELEMENTS (known_sql));

  if (!_tn_import_rows_flush (self->rows, self->db, error))
    return FALSE;

  statement = tn_db_prepare (self->db, known_sql[what], error);
  if (statement == NULL)
    return FALSE;

  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (statement, 1);

      if (text != NULL)
        func (sqlite3_column_int64 (statement, 0), text, user_data);
    }

  if (result != SQLITE_DONE)
    {
      tn_db_set_error (self->db, sqlite3_extended_errcode (self->db->handle), error);
      return FALSE;
    }

  return TRUE;
}

/* @normalized holds one value (or NULL) per value, as write_list() computes them. */
static gboolean
writer_insert_values (TnImportWriter      *self,
                      TnImportRowTable     table,
                      gint64               contact_id,
                      const char * const  *values,
                      const char * const  *normalized,
                      GError             **error)
{
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      if (!_tn_import_rows_add (self->rows, self->db, table, contact_id, (int) i, values[i], normalized[i], error))
        return FALSE;
    }

  return TRUE;
}

/* A contact's web pages, each with the key the urls table is searched by. */
static gboolean
writer_insert_urls (TnImportWriter      *self,
                    gint64               contact_id,
                    const char * const  *urls,
                    GError             **error)
{
  g_auto(GStrv) normalized = NULL;
  guint n = urls != NULL ? g_strv_length ((GStrv) urls) : 0;

  if (n == 0)
    return TRUE;

  normalized = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    normalized[i] = tn_duplicates_url_key (urls[i]);

  return writer_insert_values (self, TN_IMPORT_ROWS_URLS, contact_id, urls, (const char * const *) normalized, error);
}

static gboolean
writer_record_trust (TnImportWriter *self,
                     gint64          contact_id,
                     TnTrust         trust,
                     GError        **error)
{
  sqlite3_stmt *statement = writer_statement (self, WRITE_RECORD_TRUST, error);

  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, contact_id);
  sqlite3_bind_int (statement, 2, trust);
  sqlite3_bind_int64 (statement, 3, self->now);
  return tn_db_step_done (self->db, statement, error);
}

/**
 * tn_import_writer_add_contact:
 * @self: a writer inside a batch
 * @card: what the contact is made of
 * @uid: the uid to give it (the card's, unless another contact holds that)
 * @trust: its rating, from the card's X-TRUSTNET-TRUST
 * @normalized_emails: one normalised value per email, as the emails table stores them
 * @normalized_phones: one per phone number (%NULL where there is none)
 * @batch_id: the batch that creates it
 * @id: (out): the new contact's id
 * @error: return location for a #GError
 */
gboolean
tn_import_writer_add_contact (TnImportWriter     *self,
                              const TnVcardCard  *card,
                              const char         *uid,
                              TnTrust             trust,
                              const char * const *normalized_emails,
                              const char * const *normalized_phones,
                              gint64              batch_id,
                              gint64             *id,
                              GError            **error)
{
  sqlite3_stmt *statement = writer_statement (self, WRITE_INSERT_CONTACT, error);
  gboolean result;

  if (statement == NULL)
    return FALSE;

  /* SQLite reads the card's strings in place during the step instead of copying them. */
  tn_db_bind_static (statement, 1, uid);
  tn_db_bind_static (statement, 2, card->full_name);
  tn_db_bind_static (statement, 3, card->given_name);
  tn_db_bind_static (statement, 4, card->family_name);
  tn_db_bind_static (statement, 5, card->organization);
  tn_db_bind_static (statement, 6, card->title);
  tn_db_bind_static (statement, 7, card->note);
  tn_db_bind_static (statement, 8, card->birthday);
  sqlite3_bind_int (statement, 9, trust);
  tn_db_bind_static (statement, 10, card->vcard);
  sqlite3_bind_int64 (statement, 11, batch_id);
  sqlite3_bind_int64 (statement, 12, self->now);
  tn_db_bind_static (statement, 13, card->connected_on);

  result = tn_db_step_done (self->db, statement, error);
  /* No pointers into a card that will be freed are left behind. */
  sqlite3_clear_bindings (statement);
  if (!result)
    return FALSE;

  *id = sqlite3_last_insert_rowid (self->db->handle);

  return writer_insert_values (self, TN_IMPORT_ROWS_EMAILS, *id, (const char * const *) card->emails,
                               normalized_emails, error) &&
         writer_insert_values (self, TN_IMPORT_ROWS_PHONES, *id, (const char * const *) card->phones,
                               normalized_phones, error) &&
         writer_insert_urls (self, *id, (const char * const *) card->urls, error) &&
         (trust == TN_TRUST_UNRATED || writer_record_trust (self, *id, trust, error));
}

void
tn_import_merge_target_clear (TnImportMergeTarget *target)
{
  for (guint i = 0; i < TN_IMPORT_N_TEXT_FIELDS; i++)
    g_clear_pointer (&target->fields[i], g_free);
  g_clear_pointer (&target->emails, g_strfreev);
  g_clear_pointer (&target->phones, g_strfreev);
  g_clear_pointer (&target->urls, g_strfreev);
}

G_STATIC_ASSERT (TN_IMPORT_ROWS_EMAILS == 0 && TN_IMPORT_ROWS_PHONES == 1 && TN_IMPORT_ROWS_URLS == 2);

/* The addresses of contact @id, by table (TnImportRowTable): those in the tables, then
 * those still waiting. A merge asks only whether an address is among them, so their order
 * within a table is not promised. */
static gboolean
writer_read_values (TnImportWriter  *self,
                    gint64           id,
                    GStrv            values[TN_IMPORT_N_ROW_TABLES],
                    GError         **error)
{
  sqlite3_stmt *statement = writer_statement (self, WRITE_READ_VALUES, error);
  GStrvBuilder *builders[TN_IMPORT_N_ROW_TABLES];
  int result;

  if (statement == NULL)
    return FALSE;

  for (guint i = 0; i < TN_IMPORT_N_ROW_TABLES; i++)
    builders[i] = g_strv_builder_new ();

  sqlite3_bind_int64 (statement, 1, id);
  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      guint table = (guint) sqlite3_column_int (statement, 0);

      g_assert (table < TN_IMPORT_N_ROW_TABLES);
      g_strv_builder_add (builders[table], (const char *) sqlite3_column_text (statement, 1));
    }
  sqlite3_reset (statement);

  for (guint i = 0; i < TN_IMPORT_N_ROW_TABLES; i++)
    {
      _tn_import_rows_collect (self->rows, i, id, builders[i]);
      values[i] = g_strv_builder_end (builders[i]);
      g_strv_builder_unref (builders[i]);
    }

  if (result != SQLITE_DONE)
    {
      tn_db_set_error (self->db, sqlite3_extended_errcode (self->db->handle), error);
      return FALSE;
    }

  return TRUE;
}

/**
 * tn_import_writer_read_contact:
 * @self: a writer inside a transaction
 * @id: a contact's id
 * @target: (out caller-allocates): filled with the contact's fields and addresses
 * @error: return location for a #GError
 *
 * Reads what a merge into contact @id must not overwrite or add twice.
 */
gboolean
tn_import_writer_read_contact (TnImportWriter      *self,
                               gint64               id,
                               TnImportMergeTarget *target,
                               GError             **error)
{
  sqlite3_stmt *statement = writer_statement (self, WRITE_READ_CONTACT, error);
  int result;

  memset (target, 0, sizeof *target);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, id);
  result = sqlite3_step (statement);
  if (result == SQLITE_ROW)
    {
      for (guint i = 0; i < TN_IMPORT_N_TEXT_FIELDS; i++)
        target->fields[i] = g_strdup ((const char *) sqlite3_column_text (statement, i));
    }
  sqlite3_reset (statement);

  if (result != SQLITE_ROW)
    {
      tn_db_set_error (self->db, result == SQLITE_DONE ? SQLITE_CORRUPT : sqlite3_extended_errcode (self->db->handle), error);
      return FALSE;
    }

  {
    GStrv values[TN_IMPORT_N_ROW_TABLES];
    gboolean ok = writer_read_values (self, id, values, error);

    /* Given to @target even on failure, for tn_import_merge_target_clear(). */
    target->emails = values[TN_IMPORT_ROWS_EMAILS];
    target->phones = values[TN_IMPORT_ROWS_PHONES];
    target->urls = values[TN_IMPORT_ROWS_URLS];
    return ok;
  }
}

/* Adds an email address, phone number or web page after the contact's others, through the
 * rows waiting: the tables get their rows in the order the import made them. */
static gboolean
writer_append_address (TnImportWriter  *self,
                       gint64           id,
                       TnImportField    field,
                       const char      *value,
                       GError         **error)
{
  gboolean is_email = field == TN_IMPORT_FIELD_EMAIL;
  gboolean is_url = field == TN_IMPORT_FIELD_URL;
  TnImportRowTable table = is_email ? TN_IMPORT_ROWS_EMAILS : is_url ? TN_IMPORT_ROWS_URLS : TN_IMPORT_ROWS_PHONES;
  g_autofree char *normalized = is_email ? tn_duplicates_email_key (value) :
                                is_url ? tn_duplicates_url_key (value) : tn_duplicates_phone_digits (value);
  int position = _tn_import_rows_next_position (self->rows, table, id);

  /* As write_list(): emails.normalized is NOT NULL, phones.normalized may be. */
  if (is_email && normalized == NULL)
    normalized = g_strdup (value);

  if (position < 0)
    {
      sqlite3_stmt *statement = writer_statement (self, is_email ? WRITE_NEXT_EMAIL_POSITION :
                                                        is_url ? WRITE_NEXT_URL_POSITION : WRITE_NEXT_PHONE_POSITION,
                                                  error);
      int result;

      if (statement == NULL)
        return FALSE;

      sqlite3_bind_int64 (statement, 1, id);
      result = sqlite3_step (statement);
      position = sqlite3_column_int (statement, 0);
      sqlite3_reset (statement);
      if (result != SQLITE_ROW)
        {
          tn_db_set_error (self->db, sqlite3_extended_errcode (self->db->handle), error);
          return FALSE;
        }
    }

  return _tn_import_rows_add (self->rows, self->db, table, id, position, value, normalized, error);
}

static gboolean
writer_record_value (TnImportWriter  *self,
                     gint64           id,
                     gint64           batch_id,
                     TnImportField    field,
                     const char      *value,
                     GError         **error)
{
  sqlite3_stmt *statement = writer_statement (self, WRITE_RECORD_CHANGE, error);

  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, batch_id);
  sqlite3_bind_int64 (statement, 2, id);
  sqlite3_bind_text (statement, 3, field_name (field), -1, SQLITE_STATIC);
  tn_db_bind_text (statement, 4, value);
  return tn_db_step_done (self->db, statement, error);
}

/**
 * tn_import_writer_add_value:
 * @self: a writer inside a batch
 * @id: a contact that was there before the batch
 * @batch_id: the batch
 * @field: an empty field the merge fills (tn_import_writer_update_contact() writes it), or
 *   %TN_IMPORT_FIELD_EMAIL, %TN_IMPORT_FIELD_PHONE or %TN_IMPORT_FIELD_URL to add an address
 * @value: what to put there
 * @error: return location for a #GError
 *
 * Adds the address @value to contact @id, or notes the field it fills, and records it, so
 * that undoing the batch takes exactly it back.
 */
gboolean
tn_import_writer_add_value (TnImportWriter  *self,
                            gint64           id,
                            gint64           batch_id,
                            TnImportField    field,
                            const char      *value,
                            GError         **error)
{
  g_assert (value != NULL);

  if ((field == TN_IMPORT_FIELD_EMAIL || field == TN_IMPORT_FIELD_PHONE || field == TN_IMPORT_FIELD_URL) &&
      !writer_append_address (self, id, field, value, error))
    return FALSE;

  return writer_record_value (self, id, batch_id, field, value, error);
}

/* The change feed's row of contact @id, as contacts_update_feed and job_changes_insert_feed
 * write it; nothing when they are kept (for tests), since they wrote it. */
static gboolean
writer_record_feed (TnImportWriter  *self,
                    gint64           id,
                    GError         **error)
{
  sqlite3_stmt *statement = NULL;

  if (!self->triggers_set_aside)
    return TRUE;

  statement = writer_statement (self, WRITE_RECORD_FEED, error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, id);
  return tn_db_step_done (self->db, statement, error);
}

/* Now as the change time of each field of @self->timed_fields that differs between @from and
 * @fields, as contacts_update_field_times writes them (OLD.x IS NOT NEW.x); nothing when it
 * is kept (for tests), since it wrote them. */
static gboolean
writer_record_field_times (TnImportWriter             *self,
                           gint64                      id,
                           const TnImportMergeTarget  *from,
                           const char * const         *fields,
                           GError                    **error)
{
  sqlite3_stmt *statement = NULL;

  if (!self->triggers_set_aside)
    return TRUE;

  statement = writer_statement (self, WRITE_RECORD_FIELD_TIME, error);
  if (statement == NULL)
    return FALSE;

  for (guint i = 0; i < self->n_timed_fields; i++)
    {
      TnImportField field = self->timed_fields[i].field;

      if (g_strcmp0 (from->fields[field], fields[field]) == 0)
        continue;

      sqlite3_bind_int64 (statement, 1, id);
      sqlite3_bind_text (statement, 2, self->timed_fields[i].name, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (statement, 3, self->now);
      if (!tn_db_step_done (self->db, statement, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * tn_import_writer_update_contact:
 * @self: a writer inside a batch
 * @id: a contact that was there before the batch
 * @from: the contact as tn_import_writer_read_contact() read it
 * @fields: every text field of the contact as the merge leaves it (%NULL when empty), in
 *   the order of #TnImportField
 * @error: return location for a #GError
 *
 * Writes a merged contact's row once, its fields, its change time and its next revision,
 * then what the triggers set aside would have: the change time of each field that changed,
 * for sync, and the contact's row in the change feed. A merge that fills three fields and
 * changes a job writes the row once rather than five times.
 */
gboolean
tn_import_writer_update_contact (TnImportWriter             *self,
                                 gint64                      id,
                                 const TnImportMergeTarget  *from,
                                 const char * const         *fields,
                                 GError                    **error)
{
  sqlite3_stmt *statement = writer_statement (self, WRITE_UPDATE_CONTACT, error);
  gboolean result;

  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, id);
  for (guint i = 0; i < TN_IMPORT_N_TEXT_FIELDS; i++)
    tn_db_bind_static (statement, 2 + i, fields[i]);
  sqlite3_bind_int64 (statement, 2 + TN_IMPORT_N_TEXT_FIELDS, self->now);

  result = tn_db_step_done (self->db, statement, error);
  /* No pointers into the caller's strings are left behind. */
  sqlite3_clear_bindings (statement);

  return result &&
         writer_record_field_times (self, id, from, fields, error) &&
         writer_record_feed (self, id, error);
}

/**
 * tn_import_writer_record_job_change:
 * @self: a writer inside a batch
 * @id: a contact that was there before the batch
 * @batch_id: the batch
 * @from: the contact's job as tn_import_writer_read_contact() read it
 * @organization: (nullable): where the contact works now
 * @title: (nullable): as what
 * @error: return location for a #GError
 *
 * Records a job change, from the organization and title in @from to these, noticed today.
 * Undoing the batch takes it back. The contact gets the new job from
 * tn_import_writer_update_contact(), called after this.
 *
 * The old job is bound, not selected from the row: an INSERT … SELECT into a table with a
 * trigger goes through a temporary table, which cost more than the rest of the merge.
 */
gboolean
tn_import_writer_record_job_change (TnImportWriter            *self,
                                    gint64                     id,
                                    gint64                     batch_id,
                                    const TnImportMergeTarget *from,
                                    const char                *organization,
                                    const char                *title,
                                    GError                   **error)
{
  sqlite3_stmt *record = writer_statement (self, WRITE_RECORD_JOB_CHANGE, error);

  if (record == NULL)
    return FALSE;

  sqlite3_bind_int64 (record, 1, id);
  tn_db_bind_text (record, 2, from->fields[TN_IMPORT_FIELD_ORGANIZATION]);
  tn_db_bind_text (record, 3, from->fields[TN_IMPORT_FIELD_TITLE]);
  tn_db_bind_text (record, 4, organization);
  tn_db_bind_text (record, 5, title);
  tn_db_bind_text (record, 6, self->today);
  sqlite3_bind_int64 (record, 7, batch_id);
  return tn_db_step_done (self->db, record, error) &&
         writer_record_feed (self, id, error);
}
