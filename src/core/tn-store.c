/* tn-store.c — TrustNet's SQLite database: opening it safely, migrating it,
 * and keeping the GListModel of contacts identical to what is on disk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "tn-clock.h"
#include "tn-contact-private.h"
#include "tn-store.h"
#include "tn-text.h"

/* How long a write waits for another program's lock before giving up
 * with a clear message instead of failing at once. */
#define BUSY_TIMEOUT_MS 2000

struct _TnStore
{
  GObject parent_instance;

  char *path;
  sqlite3 *db;

  /* Contacts ordered by id, and the same objects by id for lookups. */
  GListStore *contacts;
  GHashTable *contacts_by_id;
};

G_DEFINE_FINAL_TYPE (TnStore, tn_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (tn-store-error-quark, tn_store_error)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* Each entry takes the schema from version i to i + 1. Append, never edit:
 * a database in the wild may be at any of these steps. */
static const char * const migrations[] = {
  /* 0 → 1: contacts with trust, their addresses, and the tables the
   * interaction log and the trust history build on. */
  "CREATE TABLE contacts ("
  "  id INTEGER PRIMARY KEY,"
  "  uid TEXT NOT NULL UNIQUE,"
  "  full_name TEXT NOT NULL,"
  "  given_name TEXT,"
  "  family_name TEXT,"
  "  organization TEXT,"
  "  title TEXT,"
  "  note TEXT,"
  "  birthday TEXT,"
  "  trust INTEGER NOT NULL DEFAULT 0 CHECK (trust BETWEEN 0 AND 3),"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  removed_at INTEGER,"
  "  vcard TEXT"
  ");"
  "CREATE INDEX contacts_full_name ON contacts (full_name);"
  "CREATE TABLE emails ("
  "  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  value TEXT NOT NULL,"
  "  normalized TEXT NOT NULL,"
  "  kind TEXT,"
  "  PRIMARY KEY (contact_id, position)"
  ");"
  "CREATE INDEX emails_normalized ON emails (normalized);"
  "CREATE TABLE phones ("
  "  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  value TEXT NOT NULL,"
  "  normalized TEXT,"
  "  kind TEXT,"
  "  PRIMARY KEY (contact_id, position)"
  ");"
  "CREATE INDEX phones_normalized ON phones (normalized);"
  "CREATE TABLE interactions ("
  "  id INTEGER PRIMARY KEY,"
  "  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('lunch', 'coffee', 'call', 'email', 'message', 'meeting', 'event')),"
  "  happened_on TEXT NOT NULL,"
  "  one_on_one INTEGER NOT NULL DEFAULT 1,"
  "  gave_value INTEGER NOT NULL DEFAULT 0,"
  "  note TEXT"
  ");"
  "CREATE INDEX interactions_contact_day ON interactions (contact_id, happened_on);"
  "CREATE TABLE trust_changes ("
  "  id INTEGER PRIMARY KEY,"
  "  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,"
  "  trust INTEGER NOT NULL,"
  "  changed_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX trust_changes_contact ON trust_changes (contact_id, changed_at);"
  "CREATE TABLE meta ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT"
  ");",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == TN_STORE_SCHEMA_VERSION);

/* The columns fill_contact_from_row() reads, in its order. */
static const char contacts_query[] =
  "SELECT id, uid, full_name, organization, title, note, trust, created_at, updated_at"
  "  FROM contacts WHERE removed_at IS NULL";

static void
set_error_from_sqlite (TnStore     *self,
                       int          result,
                       GError     **error)
{
  int code = result & 0xff;

  switch (code)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_BUSY,
                   _("The database %s is in use by another program; try again in a moment"),
                   self->path);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_READ_ONLY,
                   _("The database %s cannot be written; check that you may change it and its folder"),
                   self->path);
      break;
    case SQLITE_FULL:
      g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_DISK_FULL,
                   _("The disk holding %s is full; nothing was changed"),
                   self->path);
      break;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_A_DATABASE,
                   _("%s is not a TrustNet database, or it is damaged"),
                   self->path);
      break;
    default:
      g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_FAILED,
                   _("The database %s reported an error: %s"),
                   self->path, sqlite3_errstr (result));
      break;
    }
}

static gboolean
exec_sql (TnStore     *self,
          const char  *sql,
          GError     **error)
{
  int result = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (result != SQLITE_OK)
    {
      set_error_from_sqlite (self, sqlite3_extended_errcode (self->db), error);
      return FALSE;
    }

  return TRUE;
}

static sqlite3_stmt *
prepare (TnStore     *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *statement = NULL;
  int result = sqlite3_prepare_v2 (self->db, sql, -1, &statement, NULL);

  if (result != SQLITE_OK)
    {
      set_error_from_sqlite (self, result, error);
      return NULL;
    }

  return statement;
}

/* Runs a statement that returns no rows, then resets it for reuse. */
static gboolean
step_done (TnStore       *self,
           sqlite3_stmt  *statement,
           GError       **error)
{
  int result = sqlite3_step (statement);

  sqlite3_reset (statement);
  if (result != SQLITE_DONE)
    {
      set_error_from_sqlite (self, sqlite3_extended_errcode (self->db), error);
      return FALSE;
    }

  return TRUE;
}

static void
bind_text (sqlite3_stmt *statement,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (statement, index);
  else
    sqlite3_bind_text (statement, index, text, -1, SQLITE_TRANSIENT);
}

/* Writes take the lock at the start, so a busy database fails before
 * anything is half-done, and wait BUSY_TIMEOUT_MS for it first. */
static gboolean
begin (TnStore  *self,
       GError  **error)
{
  return exec_sql (self, "BEGIN IMMEDIATE", error);
}

static gboolean
commit (TnStore  *self,
        GError  **error)
{
  if (exec_sql (self, "COMMIT", error))
    return TRUE;

  exec_sql (self, "ROLLBACK", NULL);
  return FALSE;
}

static void
rollback (TnStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    exec_sql (self, "ROLLBACK", NULL);
}

static gint64
now_unix (void)
{
  g_autoptr(GDateTime) now = tn_clock_now ();

  return g_date_time_to_unix (now);
}

static void
tn_store_dispose (GObject *object)
{
  TnStore *self = (TnStore *) object;

  g_clear_pointer (&self->contacts_by_id, g_hash_table_unref);
  g_clear_object (&self->contacts);

  G_OBJECT_CLASS (tn_store_parent_class)->dispose (object);
}

static void
tn_store_finalize (GObject *object)
{
  TnStore *self = (TnStore *) object;

  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (tn_store_parent_class)->finalize (object);
}

static void
tn_store_class_init (TnStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tn_store_dispose;
  object_class->finalize = tn_store_finalize;
}

static void
tn_store_init (TnStore *self)
{
  self->contacts = g_list_store_new (TN_TYPE_CONTACT);
  self->contacts_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

/**
 * tn_store_get_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/trustnet/trustnet.db`
 */
char *
tn_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "trustnet", "trustnet.db", NULL);
}

/* The database holds a person's relationships: only they may read it.
 * The file is created here, before SQLite sees it, because SQLite would
 * create it with the umask's looser mode; its journal files copy this mode. */
static gboolean
prepare_private_file (const char  *path,
                      GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  GStatBuf info;
  int fd;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_READ_ONLY,
                   _("Cannot create the folder %s: %s"), folder, g_strerror (saved_errno));
      return FALSE;
    }

  if (g_stat (path, &info) == 0)
    {
      if (!S_ISREG (info.st_mode))
        {
          g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_A_DATABASE,
                       _("%s is not a TrustNet database, or it is damaged"), path);
          return FALSE;
        }

      return TRUE;
    }

  fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == EEXIST)
        return TRUE;

      g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_READ_ONLY,
                   _("Cannot create the database %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  close (fd);
  return TRUE;
}

/* Re-checked at every open, once the file is known to be a database we
 * may use: a backup tool may have loosened it, but a refused file keeps
 * its mode like everything else about it. */
static void
keep_file_private (const char *path)
{
  GStatBuf info;

  if (g_stat (path, &info) == 0 && (info.st_mode & 077) != 0 &&
      g_chmod (path, info.st_mode & 0700) != 0)
    g_warning ("Could not make %s private: %s", path, g_strerror (errno));
}

static gboolean
read_schema_version (TnStore  *self,
                     int      *version,
                     GError  **error)
{
  g_autoptr(sqlite3_stmt) statement = prepare (self, "PRAGMA user_version", error);
  int result;

  if (statement == NULL)
    return FALSE;

  result = sqlite3_step (statement);
  if (result != SQLITE_ROW)
    {
      set_error_from_sqlite (self, sqlite3_extended_errcode (self->db), error);
      return FALSE;
    }

  *version = sqlite3_column_int (statement, 0);
  return TRUE;
}

static gboolean
refuse_newer_schema (TnStore  *self,
                     int       version,
                     GError  **error)
{
  if (version <= TN_STORE_SCHEMA_VERSION)
    return FALSE;

  g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_NEWER_SCHEMA,
               _("The database %s was written by a newer version of TrustNet (schema %d; this version knows up to %d). "
                 "It was left untouched; please update TrustNet"),
               self->path, version, TN_STORE_SCHEMA_VERSION);
  return TRUE;
}

/* Reading the version before anything else, and before switching to WAL
 * (which writes to the file header), keeps a newer database byte-for-byte
 * unchanged and tells "not a database" apart from other failures. */
static gboolean
check_schema_is_known (TnStore  *self,
                       GError  **error)
{
  int version = 0;

  if (!read_schema_version (self, &version, error))
    return FALSE;

  return !refuse_newer_schema (self, version, error);
}

static gboolean
migrate (TnStore  *self,
         GError  **error)
{
  g_autofree char *set_version = NULL;
  int version = 0;

  /* An up-to-date database needs no write lock, so reading it works while
   * another program writes. */
  if (!read_schema_version (self, &version, error))
    return FALSE;
  if (version == TN_STORE_SCHEMA_VERSION)
    return TRUE;

  if (!begin (self, error))
    return FALSE;

  /* Read again under the lock: another process may have migrated meanwhile. */
  if (!read_schema_version (self, &version, error) || refuse_newer_schema (self, version, error))
    {
      rollback (self);
      return FALSE;
    }

  if (version == TN_STORE_SCHEMA_VERSION)
    {
      rollback (self);
      return TRUE;
    }

  for (int step = version; step < TN_STORE_SCHEMA_VERSION; step++)
    {
      if (!exec_sql (self, migrations[step], error))
        {
          rollback (self);
          return FALSE;
        }
    }

  set_version = g_strdup_printf ("PRAGMA user_version = %d", TN_STORE_SCHEMA_VERSION);
  if (!exec_sql (self, set_version, error))
    {
      rollback (self);
      return FALSE;
    }

  return commit (self, error);
}

/* Contacts removed with Undo offered stay in the database, interactions
 * and all, until a later start well after the Undo toast is gone: another
 * process opening the store meanwhile must not break a window's Undo. */
#define PURGE_REMOVED_AFTER_SECONDS (60 * 60)

static gboolean
purge_removed (TnStore  *self,
               GError  **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  gint64 cutoff = now_unix () - PURGE_REMOVED_AFTER_SECONDS;
  gboolean any;

  statement = prepare (self, "SELECT EXISTS (SELECT 1 FROM contacts WHERE removed_at < ?1)", error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, cutoff);
  if (sqlite3_step (statement) != SQLITE_ROW)
    {
      set_error_from_sqlite (self, sqlite3_extended_errcode (self->db), error);
      return FALSE;
    }

  any = sqlite3_column_int (statement, 0) != 0;
  g_clear_pointer (&statement, sqlite3_finalize);
  if (!any)
    return TRUE;

  if (!begin (self, error))
    return FALSE;

  statement = prepare (self, "DELETE FROM contacts WHERE removed_at < ?1", error);
  if (statement == NULL)
    goto failed;

  sqlite3_bind_int64 (statement, 1, cutoff);
  if (!step_done (self, statement, error))
    goto failed;

  return commit (self, error);

failed:
  rollback (self);
  return FALSE;
}

static void
remember_contact (TnStore   *self,
                  TnContact *contact)
{
  gint64 *key = g_new (gint64, 1);

  *key = tn_contact_get_id (contact);
  g_hash_table_insert (self->contacts_by_id, key, g_object_ref (contact));
}

static void
fill_contact_from_row (TnContact    *contact,
                       sqlite3_stmt *statement)
{
  int trust = sqlite3_column_int (statement, 6);

  _tn_contact_set_id (contact, sqlite3_column_int64 (statement, 0));
  tn_contact_set_uid (contact, (const char *) sqlite3_column_text (statement, 1));
  tn_contact_set_full_name (contact, (const char *) sqlite3_column_text (statement, 2));
  tn_contact_set_organization (contact, (const char *) sqlite3_column_text (statement, 3));
  tn_contact_set_title (contact, (const char *) sqlite3_column_text (statement, 4));
  tn_contact_set_note (contact, (const char *) sqlite3_column_text (statement, 5));
  tn_contact_set_trust (contact, tn_trust_is_valid (trust) ? (TnTrust) trust : TN_TRUST_UNRATED);
  _tn_contact_set_timestamps (contact, sqlite3_column_int64 (statement, 7), sqlite3_column_int64 (statement, 8));
}

typedef void (*ApplyList) (TnContact          *contact,
                           const char * const *values);

static void
apply_emails (TnContact          *contact,
              const char * const *values)
{
  tn_contact_set_emails (contact, values);
}

static void
apply_phones (TnContact          *contact,
              const char * const *values)
{
  tn_contact_set_phones (contact, values);
}

static void
apply_last_contact (TnContact          *contact,
                    const char * const *values)
{
  _tn_contact_set_last_contact (contact, values[0]);
}

/* Walks (contact_id, value) rows ordered by contact_id alongside
 * @contacts, also ordered by id, and hands each contact its values: one
 * pass per table instead of a subquery per contact, which halves start-up
 * with 100,000 contacts. */
static gboolean
merge_values (TnStore    *self,
              GPtrArray  *contacts,
              const char *sql,
              ApplyList   apply,
              GError    **error)
{
  g_autoptr(sqlite3_stmt) statement = prepare (self, sql, error);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  guint index = 0;
  gint64 current_id = -1;
  int result;

  if (statement == NULL)
    return FALSE;

  for (;;)
    {
      gint64 id;

      result = sqlite3_step (statement);
      id = result == SQLITE_ROW ? sqlite3_column_int64 (statement, 0) : G_MAXINT64;

      if (id != current_id && values->len > 0)
        {
          while (index < contacts->len && tn_contact_get_id (g_ptr_array_index (contacts, index)) < current_id)
            index++;

          g_ptr_array_add (values, NULL);
          if (index < contacts->len && tn_contact_get_id (g_ptr_array_index (contacts, index)) == current_id)
            apply (g_ptr_array_index (contacts, index), (const char * const *) values->pdata);
          g_ptr_array_set_size (values, 0);
        }

      if (result != SQLITE_ROW)
        break;

      current_id = id;
      if (sqlite3_column_text (statement, 1) != NULL)
        g_ptr_array_add (values, g_strdup ((const char *) sqlite3_column_text (statement, 1)));
    }

  if (result != SQLITE_DONE)
    {
      set_error_from_sqlite (self, sqlite3_extended_errcode (self->db), error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_contacts (TnStore  *self,
               GError  **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sql = g_strconcat (contacts_query, " ORDER BY id", NULL);
  int result;

  statement = prepare (self, sql, error);
  if (statement == NULL)
    return FALSE;

  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      TnContact *contact = g_object_new (TN_TYPE_CONTACT, NULL);

      fill_contact_from_row (contact, statement);
      g_ptr_array_add (loaded, contact);
    }

  if (result != SQLITE_DONE)
    {
      set_error_from_sqlite (self, sqlite3_extended_errcode (self->db), error);
      return FALSE;
    }

  if (!merge_values (self, loaded, "SELECT contact_id, value FROM emails ORDER BY contact_id, position",
                     apply_emails, error) ||
      !merge_values (self, loaded, "SELECT contact_id, value FROM phones ORDER BY contact_id, position",
                     apply_phones, error) ||
      !merge_values (self, loaded, "SELECT contact_id, max (happened_on) FROM interactions GROUP BY contact_id ORDER BY contact_id",
                     apply_last_contact, error))
    return FALSE;

  for (guint i = 0; i < loaded->len; i++)
    remember_contact (self, g_ptr_array_index (loaded, i));

  g_list_store_splice (self->contacts, 0, 0, loaded->pdata, loaded->len);
  return TRUE;
}

/**
 * tn_store_open:
 * @path: (nullable): the database file, or %NULL for tn_store_get_default_path()
 * @error: return location for a #GError
 *
 * Opens the database, creating it privately (0600 in a 0700 folder) and
 * migrating it to the current schema in one transaction. A database from a
 * newer TrustNet, a file that is not a database, or one that cannot be
 * written is refused with a message for the person, and left as it was.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
TnStore *
tn_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(TnStore) self = NULL;
  int result;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (TN_TYPE_STORE, NULL);
  self->path = path ? g_strdup (path) : tn_store_get_default_path ();

  if (!prepare_private_file (self->path, error))
    return NULL;

  result = sqlite3_open_v2 (self->path, &self->db,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                            NULL);
  if (result != SQLITE_OK)
    {
      set_error_from_sqlite (self, result, error);
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  if (!check_schema_is_known (self, error))
    return NULL;

  /* SQLite silently opens a file it may not write read-only; say so now
   * rather than at the first change the person tries to save. */
  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      set_error_from_sqlite (self, SQLITE_READONLY, error);
      return NULL;
    }

  keep_file_private (self->path);

  if (!exec_sql (self, "PRAGMA journal_mode = WAL", error) ||
      !exec_sql (self, "PRAGMA foreign_keys = ON", error) ||
      !exec_sql (self, "PRAGMA synchronous = NORMAL", error))
    return NULL;

  if (!migrate (self, error) || !purge_removed (self, error) || !load_contacts (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
tn_store_get_path (TnStore *self)
{
  g_return_val_if_fail (TN_IS_STORE (self), NULL);

  return self->path;
}

int
tn_store_get_schema_version (TnStore *self)
{
  int version = -1;

  g_return_val_if_fail (TN_IS_STORE (self), -1);

  if (!read_schema_version (self, &version, NULL))
    return -1;

  return version;
}

/**
 * tn_store_get_contacts:
 * @self: a store
 *
 * The live list of contacts, ordered by when they were added. It emits
 * items-changed for every addition, removal and change (a change replaces
 * the item with itself, so filters and sorters look at it again).
 *
 * Returns: (transfer none): a #GListModel of #TnContact
 */
GListModel *
tn_store_get_contacts (TnStore *self)
{
  g_return_val_if_fail (TN_IS_STORE (self), NULL);

  return G_LIST_MODEL (self->contacts);
}

/**
 * tn_store_get_contact_by_id:
 * @self: a store
 * @id: a contact's id
 *
 * Returns: (transfer none) (nullable): the contact, or %NULL
 */
TnContact *
tn_store_get_contact_by_id (TnStore *self,
                            gint64   id)
{
  g_return_val_if_fail (TN_IS_STORE (self), NULL);

  return g_hash_table_lookup (self->contacts_by_id, &id);
}

static int
compare_by_id (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  gint64 id_a = tn_contact_get_id ((TnContact *) a);
  gint64 id_b = tn_contact_get_id ((TnContact *) b);

  return (id_a > id_b) - (id_a < id_b);
}

/* The list is ordered by id, so a binary search finds a contact in
 * O(log² n) instead of a walk over 100,000 items. */
static gboolean
find_position (TnStore   *self,
               TnContact *contact,
               guint     *position)
{
  GListModel *model = G_LIST_MODEL (self->contacts);
  guint low = 0;
  guint high = g_list_model_get_n_items (model);

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      g_autoptr(TnContact) item = g_list_model_get_item (model, middle);
      int order = compare_by_id (item, contact, NULL);

      if (order == 0)
        {
          *position = middle;
          return item == contact;
        }

      if (order < 0)
        low = middle + 1;
      else
        high = middle;
    }

  return FALSE;
}

static void
announce_changed (TnStore   *self,
                  TnContact *contact)
{
  guint position;

  if (find_position (self, contact, &position))
    g_list_store_splice (self->contacts, position, 1, (gpointer *) &contact, 1);
}

static gboolean
check_contact_is_valid (TnContact  *contact,
                        GError    **error)
{
  g_autofree char *name = tn_text_clean_line (tn_contact_get_full_name (contact));

  if (name == NULL)
    {
      g_set_error_literal (error, TN_STORE_ERROR, TN_STORE_ERROR_INVALID,
                           _("A contact needs a name"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_list (TnStore             *self,
            gint64               contact_id,
            const char          *table,
            const char * const  *values,
            char               *(*normalize) (const char *),
            GError             **error)
{
  g_autofree char *delete_sql = g_strdup_printf ("DELETE FROM %s WHERE contact_id = ?1", table);
  g_autofree char *insert_sql = g_strdup_printf ("INSERT INTO %s (contact_id, position, value, normalized) "
                                                 "VALUES (?1, ?2, ?3, ?4)",
                                                 table);
  g_autoptr(sqlite3_stmt) delete = prepare (self, delete_sql, error);
  g_autoptr(sqlite3_stmt) insert = NULL;

  if (delete == NULL)
    return FALSE;

  sqlite3_bind_int64 (delete, 1, contact_id);
  if (!step_done (self, delete, error))
    return FALSE;

  insert = prepare (self, insert_sql, error);
  if (insert == NULL)
    return FALSE;

  for (guint i = 0; values[i] != NULL; i++)
    {
      g_autofree char *normalized = normalize (values[i]);

      sqlite3_bind_int64 (insert, 1, contact_id);
      sqlite3_bind_int (insert, 2, (int) i);
      bind_text (insert, 3, values[i]);
      /* emails.normalized is NOT NULL: an unparseable address matches only itself. */
      bind_text (insert, 4, normalized ? normalized : values[i]);
      if (!step_done (self, insert, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_addresses (TnStore    *self,
                 gint64      contact_id,
                 TnContact  *contact,
                 GError    **error)
{
  return write_list (self, contact_id, "emails", tn_contact_get_emails (contact),
                     tn_text_normalize_email, error) &&
         write_list (self, contact_id, "phones", tn_contact_get_phones (contact),
                     tn_text_normalize_phone, error);
}

static gboolean
record_trust_change (TnStore    *self,
                     gint64      contact_id,
                     TnTrust     trust,
                     gint64      changed_at,
                     GError    **error)
{
  g_autoptr(sqlite3_stmt) statement =
    prepare (self, "INSERT INTO trust_changes (contact_id, trust, changed_at) VALUES (?1, ?2, ?3)", error);

  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, contact_id);
  sqlite3_bind_int (statement, 2, trust);
  sqlite3_bind_int64 (statement, 3, changed_at);
  return step_done (self, statement, error);
}

/**
 * tn_store_add_contact:
 * @self: a store
 * @contact: a new contact, with a full name
 * @error: return location for a #GError
 *
 * Saves @contact in one transaction, gives it an id (and a uid if it has
 * none) and appends it to the contacts list.
 *
 * Returns: %TRUE on success; on failure nothing was written
 */
gboolean
tn_store_add_contact (TnStore    *self,
                      TnContact  *contact,
                      GError    **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autofree char *uid = NULL;
  gint64 now = now_unix ();
  gint64 id;

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (TN_IS_CONTACT (contact), FALSE);
  g_return_val_if_fail (tn_contact_get_id (contact) == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_contact_is_valid (contact, error))
    return FALSE;

  uid = g_strdup (tn_contact_get_uid (contact));
  if (uid == NULL)
    uid = g_uuid_string_random ();

  if (!begin (self, error))
    return FALSE;

  statement = prepare (self,
                       "INSERT INTO contacts (uid, full_name, organization, title, note, trust, created_at, updated_at) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                       error);
  if (statement == NULL)
    goto failed;

  bind_text (statement, 1, uid);
  bind_text (statement, 2, tn_contact_get_full_name (contact));
  bind_text (statement, 3, tn_contact_get_organization (contact));
  bind_text (statement, 4, tn_contact_get_title (contact));
  bind_text (statement, 5, tn_contact_get_note (contact));
  sqlite3_bind_int (statement, 6, tn_contact_get_trust (contact));
  sqlite3_bind_int64 (statement, 7, now);

  if (sqlite3_step (statement) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_INVALID,
                     _("A contact with the uid %s already exists"), uid);
      else
        set_error_from_sqlite (self, sqlite3_extended_errcode (self->db), error);
      goto failed;
    }

  id = sqlite3_last_insert_rowid (self->db);

  if (!write_addresses (self, id, contact, error))
    goto failed;

  if (tn_contact_get_trust (contact) != TN_TRUST_UNRATED &&
      !record_trust_change (self, id, tn_contact_get_trust (contact), now, error))
    goto failed;

  if (!commit (self, error))
    return FALSE;

  tn_contact_set_uid (contact, uid);
  _tn_contact_set_id (contact, id);
  _tn_contact_set_timestamps (contact, now, now);
  remember_contact (self, contact);
  g_list_store_append (self->contacts, contact);

  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

/**
 * tn_store_update_contact:
 * @self: a store
 * @contact: a contact of this store
 * @changes: a draft from tn_contact_copy() with the edited fields
 * @error: return location for a #GError
 *
 * Writes the draft's fields in one transaction; only then does @contact
 * take them, so what is shown is always what is saved.
 *
 * Returns: %TRUE on success; on failure nothing changed
 */
gboolean
tn_store_update_contact (TnStore    *self,
                         TnContact  *contact,
                         TnContact  *changes,
                         GError    **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  gint64 id;
  gint64 now = now_unix ();

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (TN_IS_CONTACT (contact), FALSE);
  g_return_val_if_fail (TN_IS_CONTACT (changes), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  id = tn_contact_get_id (contact);
  if (tn_store_get_contact_by_id (self, id) != contact)
    {
      g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_FOUND,
                   _("%s is no longer in the database"), tn_contact_get_full_name (contact));
      return FALSE;
    }

  if (!check_contact_is_valid (changes, error))
    return FALSE;

  if (tn_contact_get_uid (changes) == NULL)
    tn_contact_set_uid (changes, tn_contact_get_uid (contact));

  if (!begin (self, error))
    return FALSE;

  statement = prepare (self,
                       "UPDATE contacts SET uid = ?2, full_name = ?3, organization = ?4, title = ?5, "
                       "note = ?6, trust = ?7, updated_at = ?8 WHERE id = ?1",
                       error);
  if (statement == NULL)
    goto failed;

  sqlite3_bind_int64 (statement, 1, id);
  bind_text (statement, 2, tn_contact_get_uid (changes));
  bind_text (statement, 3, tn_contact_get_full_name (changes));
  bind_text (statement, 4, tn_contact_get_organization (changes));
  bind_text (statement, 5, tn_contact_get_title (changes));
  bind_text (statement, 6, tn_contact_get_note (changes));
  sqlite3_bind_int (statement, 7, tn_contact_get_trust (changes));
  sqlite3_bind_int64 (statement, 8, now);

  if (sqlite3_step (statement) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_INVALID,
                     _("A contact with the uid %s already exists"), tn_contact_get_uid (changes));
      else
        set_error_from_sqlite (self, sqlite3_extended_errcode (self->db), error);
      goto failed;
    }

  if (!write_addresses (self, id, changes, error))
    goto failed;

  if (tn_contact_get_trust (changes) != tn_contact_get_trust (contact) &&
      !record_trust_change (self, id, tn_contact_get_trust (changes), now, error))
    goto failed;

  if (!commit (self, error))
    return FALSE;

  g_object_freeze_notify (G_OBJECT (contact));
  _tn_contact_assign (contact, changes);
  _tn_contact_set_timestamps (contact, g_date_time_to_unix (tn_contact_get_created_at (contact)), now);
  g_object_thaw_notify (G_OBJECT (contact));
  announce_changed (self, contact);

  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

/**
 * tn_store_set_trust:
 * @self: a store
 * @contact: a contact of this store
 * @trust: the new rating
 * @error: return location for a #GError
 *
 * Rates @contact and records the change for the trust history.
 *
 * Returns: %TRUE on success; on failure nothing changed
 */
gboolean
tn_store_set_trust (TnStore    *self,
                    TnContact  *contact,
                    TnTrust     trust,
                    GError    **error)
{
  g_autoptr(TnContact) changes = NULL;

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (TN_IS_CONTACT (contact), FALSE);
  g_return_val_if_fail (tn_trust_is_valid (trust), FALSE);

  if (tn_contact_get_trust (contact) == trust)
    return TRUE;

  changes = tn_contact_copy (contact);
  tn_contact_set_trust (changes, trust);
  return tn_store_update_contact (self, contact, changes, error);
}

static gboolean
set_removed_at (TnStore    *self,
                TnContact  *contact,
                gint64      removed_at,
                GError    **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  if (!begin (self, error))
    return FALSE;

  statement = prepare (self, "UPDATE contacts SET removed_at = ?2 WHERE id = ?1", error);
  if (statement == NULL)
    goto failed;

  sqlite3_bind_int64 (statement, 1, tn_contact_get_id (contact));
  if (removed_at == 0)
    sqlite3_bind_null (statement, 2);
  else
    sqlite3_bind_int64 (statement, 2, removed_at);

  if (!step_done (self, statement, error))
    goto failed;

  return commit (self, error);

failed:
  rollback (self);
  return FALSE;
}

/**
 * tn_store_remove_contact:
 * @self: a store
 * @contact: a contact of this store
 * @error: return location for a #GError
 *
 * Takes @contact out of the list. It stays in the database, with its
 * interactions, until the next start, so tn_store_restore_contact() can
 * undo this completely.
 *
 * Returns: %TRUE on success
 */
gboolean
tn_store_remove_contact (TnStore    *self,
                         TnContact  *contact,
                         GError    **error)
{
  guint position;

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (TN_IS_CONTACT (contact), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!find_position (self, contact, &position))
    {
      g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_FOUND,
                   _("%s is no longer in the database"), tn_contact_get_full_name (contact));
      return FALSE;
    }

  if (!set_removed_at (self, contact, now_unix (), error))
    return FALSE;

  g_list_store_remove (self->contacts, position);
  g_hash_table_remove (self->contacts_by_id, &(gint64) { tn_contact_get_id (contact) });

  return TRUE;
}

/**
 * tn_store_restore_contact:
 * @self: a store
 * @contact: a contact removed with tn_store_remove_contact() since the store opened
 * @error: return location for a #GError
 *
 * Returns: %TRUE if @contact is back in the list where it was
 */
gboolean
tn_store_restore_contact (TnStore    *self,
                          TnContact  *contact,
                          GError    **error)
{
  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (TN_IS_CONTACT (contact), FALSE);
  g_return_val_if_fail (tn_contact_get_id (contact) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (tn_store_get_contact_by_id (self, tn_contact_get_id (contact)) != NULL)
    return TRUE;

  if (!set_removed_at (self, contact, 0, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_FOUND,
                   _("%s can no longer be restored"), tn_contact_get_full_name (contact));
      return FALSE;
    }

  remember_contact (self, contact);
  g_list_store_insert_sorted (self->contacts, contact, compare_by_id, NULL);

  return TRUE;
}

static void
append_candidate (GString   *candidates,
                  TnContact *contact)
{
  const char *email = tn_contact_get_primary_email (contact);

  if (candidates->len > 0)
    g_string_append (candidates, ", ");

  g_string_append (candidates, tn_contact_get_full_name (contact));
  if (email != NULL)
    g_string_append_printf (candidates, " <%s>", email);
  else
    g_string_append_printf (candidates, " (uid %s)", tn_contact_get_uid (contact));
}

/* The rules in order: an email address, then a uid, then an exact full
 * name. The first rule that finds anyone decides. */
static GPtrArray *
find_matches (TnStore     *self,
              const char  *who,
              GError     **error)
{
  static const char * const queries[] = {
    "SELECT DISTINCT e.contact_id FROM emails AS e JOIN contacts AS c ON c.id = e.contact_id "
    " WHERE e.normalized = ?1 AND c.removed_at IS NULL ORDER BY e.contact_id",
    "SELECT id FROM contacts WHERE uid = ?2 AND removed_at IS NULL",
    "SELECT id FROM contacts WHERE full_name = ?2 AND removed_at IS NULL ORDER BY id",
  };
  g_autoptr(GPtrArray) matches = g_ptr_array_new ();
  g_autofree char *email = tn_text_normalize_email (who);

  for (guint i = 0; i < G_N_ELEMENTS (queries) && matches->len == 0; i++)
    {
      g_autoptr(sqlite3_stmt) statement = prepare (self, queries[i], error);
      int result;

      if (statement == NULL)
        return NULL;

      bind_text (statement, 1, email);
      bind_text (statement, 2, who);
      while ((result = sqlite3_step (statement)) == SQLITE_ROW)
        {
          TnContact *contact = tn_store_get_contact_by_id (self, sqlite3_column_int64 (statement, 0));

          if (contact != NULL)
            g_ptr_array_add (matches, contact);
        }

      if (result != SQLITE_DONE)
        {
          set_error_from_sqlite (self, sqlite3_extended_errcode (self->db), error);
          return NULL;
        }
    }

  return g_steal_pointer (&matches);
}

/**
 * tn_store_lookup:
 * @self: a store
 * @who: an email address, a uid, or an exact full name
 * @error: return location for a #GError
 *
 * Finds the one contact @who names. When several match, the error lists
 * them so the person can pick an email address or uid instead.
 *
 * Returns: (transfer none) (nullable): the contact, or %NULL with @error set
 */
TnContact *
tn_store_lookup (TnStore     *self,
                 const char  *who,
                 GError     **error)
{
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GString) candidates = NULL;

  g_return_val_if_fail (TN_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (who == NULL || *who == '\0')
    {
      g_set_error_literal (error, TN_STORE_ERROR, TN_STORE_ERROR_INVALID,
                           _("Say who: an email address, a uid or a full name"));
      return NULL;
    }

  matches = find_matches (self, who, error);
  if (matches == NULL)
    return NULL;

  if (matches->len == 1)
    return g_ptr_array_index (matches, 0);

  if (matches->len == 0)
    {
      g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_FOUND,
                   _("No contact matches “%s”"), who);
      return NULL;
    }

  candidates = g_string_new (NULL);
  for (guint i = 0; i < matches->len; i++)
    append_candidate (candidates, g_ptr_array_index (matches, i));

  g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_AMBIGUOUS,
               _("“%s” matches %u contacts: %s. Use an email address or uid instead"),
               who, matches->len, candidates->str);
  return NULL;
}
