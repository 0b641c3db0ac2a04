/* tn-store.c — TrustNet's SQLite database: opening it safely, migrating it,
 * and keeping the GListModel of contacts identical to what is on disk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "tn-brand.h"
#include "tn-cadence.h"
#include "tn-clock.h"
#include "tn-contact-list.h"
#include "tn-contact-private.h"
#include "tn-interaction-private.h"
#include "tn-duplicates.h"
#include "tn-store-private.h"
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
  TnContactList *contacts;
  GHashTable *contacts_by_id;
};

G_DEFINE_FINAL_TYPE (TnStore, tn_store, G_TYPE_OBJECT)

enum {
  INTERACTIONS_CHANGED,
  BRAND_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

  /* 1 → 2: vCard imports as batches that can be undone: the contacts a batch created point
   * to it, and batch_changes lists every address it added to a contact that was already
   * there and every empty field it filled, so that undo takes back exactly those. */
  "CREATE TABLE import_batches ("
  "  id INTEGER PRIMARY KEY,"
  "  file_name TEXT NOT NULL,"
  "  imported_at INTEGER NOT NULL,"
  "  n_added INTEGER NOT NULL DEFAULT 0,"
  "  n_merged INTEGER NOT NULL DEFAULT 0,"
  "  n_unchanged INTEGER NOT NULL DEFAULT 0,"
  "  n_skipped INTEGER NOT NULL DEFAULT 0,"
  "  undone_at INTEGER"
  ");"
  "ALTER TABLE contacts ADD COLUMN batch_id INTEGER REFERENCES import_batches (id) ON DELETE SET NULL;"
  "CREATE INDEX contacts_batch ON contacts (batch_id);"
  "CREATE TABLE batch_changes ("
  "  batch_id INTEGER NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,"
  "  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,"
  "  what TEXT NOT NULL CHECK (what IN ('email', 'phone', 'given_name', 'family_name',"
  "                                     'organization', 'title', 'note', 'birthday', 'vcard')),"
  "  value TEXT NOT NULL"
  ");"
  "CREATE INDEX batch_changes_batch ON batch_changes (batch_id);"
  /* Deleting a contact looks its changes up by contact: without this, undoing a large
   * import would scan the table once per contact. */
  "CREATE INDEX batch_changes_contact ON batch_changes (contact_id);",

  /* 2 → 3: a keep-in-touch interval of the contact's own, in weeks; 0 follows the
   * trust rating's default from the settings. */
  "ALTER TABLE contacts ADD COLUMN cadence_weeks INTEGER NOT NULL DEFAULT 0"
  "  CHECK (cadence_weeks BETWEEN 0 AND 520);",

  /* 3 → 4: who you are. Every saved brand statement is a version (the newest is the
   * current one); brand_heard records whom you told which version; each linchpin
   * self-check keeps its six answers as bits (bit i set: question i answered "yes")
   * and its score. */
  "CREATE TABLE brand_statements ("
  "  id INTEGER PRIMARY KEY,"
  "  text TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL"
  ");"
  "CREATE TABLE brand_heard ("
  "  statement_id INTEGER NOT NULL REFERENCES brand_statements (id) ON DELETE CASCADE,"
  "  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,"
  "  heard_at INTEGER NOT NULL,"
  "  PRIMARY KEY (statement_id, contact_id)"
  ");"
  "CREATE INDEX brand_heard_contact ON brand_heard (contact_id);"
  "CREATE TABLE linchpin_checks ("
  "  id INTEGER PRIMARY KEY,"
  "  taken_at INTEGER NOT NULL,"
  "  answers INTEGER NOT NULL CHECK (answers BETWEEN 0 AND 63),"
  "  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 6)"
  ");",

  /* 4 → 5: what the dashboard's figures (tn-stats.c) read, so that they take milliseconds
   * over 100,000 contacts and a million interactions (tests/bench/bench-stats.c).
   * contacts.last_met is the day of the contact's last interaction, kept by triggers: who is
   * overdue is then a comparison per contact in one index, not a look-up of each one's
   * interactions. The indexes: the contacts in the list by rating with what the overdue
   * rule and the organizations of the 1s need, interactions by kind and day (lunches, the
   * week streak), and rating changes by time and by contact with the rating (the trust
   * history of the last months). */
  "ALTER TABLE contacts ADD COLUMN last_met TEXT;"
  "UPDATE contacts SET last_met = (SELECT max (happened_on) FROM interactions WHERE contact_id = contacts.id);"
  "CREATE TRIGGER interactions_insert_last_met AFTER INSERT ON interactions BEGIN"
  "  UPDATE contacts SET last_met = NEW.happened_on"
  "    WHERE id = NEW.contact_id AND (last_met IS NULL OR last_met < NEW.happened_on);"
  "END;"
  "CREATE TRIGGER interactions_delete_last_met AFTER DELETE ON interactions BEGIN"
  "  UPDATE contacts SET last_met = (SELECT max (happened_on) FROM interactions WHERE contact_id = OLD.contact_id)"
  "    WHERE id = OLD.contact_id;"
  "END;"
  "CREATE TRIGGER interactions_update_last_met AFTER UPDATE OF contact_id, happened_on ON interactions BEGIN"
  "  UPDATE contacts SET last_met = (SELECT max (happened_on) FROM interactions WHERE contact_id = contacts.id)"
  "    WHERE id IN (OLD.contact_id, NEW.contact_id);"
  "END;"
  "CREATE INDEX contacts_removed_trust ON contacts"
  "  (removed_at, trust, cadence_weeks, last_met, created_at, batch_id, organization);"
  "CREATE INDEX interactions_kind_day ON interactions (kind, happened_on, contact_id);"
  "CREATE INDEX trust_changes_changed ON trust_changes (changed_at, contact_id, trust);"
  "CREATE INDEX trust_changes_contact_trust ON trust_changes (contact_id, changed_at, trust);"
  /* interaction_days sums each day's interactions, kept by triggers, so that the habits
   * of 90 days read 90 rows however many interactions they hold. */
  "CREATE TABLE interaction_days ("
  "  day TEXT PRIMARY KEY,"
  "  n INTEGER NOT NULL DEFAULT 0,"
  "  one_on_one INTEGER NOT NULL DEFAULT 0,"
  "  gave_value INTEGER NOT NULL DEFAULT 0"
  ") WITHOUT ROWID;"
  "INSERT INTO interaction_days (day, n, one_on_one, gave_value)"
  "  SELECT happened_on, count (*), total (one_on_one != 0), total (gave_value != 0)"
  "    FROM interactions GROUP BY happened_on;"
  "CREATE TRIGGER interactions_insert_day AFTER INSERT ON interactions BEGIN"
  "  INSERT OR IGNORE INTO interaction_days (day) VALUES (NEW.happened_on);"
  "  UPDATE interaction_days SET n = n + 1, one_on_one = one_on_one + (NEW.one_on_one != 0),"
  "                              gave_value = gave_value + (NEW.gave_value != 0)"
  "    WHERE day = NEW.happened_on;"
  "END;"
  "CREATE TRIGGER interactions_delete_day AFTER DELETE ON interactions BEGIN"
  "  UPDATE interaction_days SET n = n - 1, one_on_one = one_on_one - (OLD.one_on_one != 0),"
  "                              gave_value = gave_value - (OLD.gave_value != 0)"
  "    WHERE day = OLD.happened_on;"
  "END;"
  "CREATE TRIGGER interactions_update_day AFTER UPDATE OF happened_on, one_on_one, gave_value ON interactions BEGIN"
  "  UPDATE interaction_days SET n = n - 1, one_on_one = one_on_one - (OLD.one_on_one != 0),"
  "                              gave_value = gave_value - (OLD.gave_value != 0)"
  "    WHERE day = OLD.happened_on;"
  "  INSERT OR IGNORE INTO interaction_days (day) VALUES (NEW.happened_on);"
  "  UPDATE interaction_days SET n = n + 1, one_on_one = one_on_one + (NEW.one_on_one != 0),"
  "                              gave_value = gave_value + (NEW.gave_value != 0)"
  "    WHERE day = NEW.happened_on;"
  "END;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == TN_STORE_SCHEMA_VERSION);

/* The columns fill_contact_from_row() reads, in its order, of the contacts with ids in
 * [?1, ?2]. */
static const char contacts_query[] =
  "SELECT id, uid, full_name, organization, title, note, trust, created_at, updated_at,"
  "       given_name, family_name, birthday, vcard, cadence_weeks, last_met"
  "  FROM contacts WHERE removed_at IS NULL AND id BETWEEN ?1 AND ?2 ORDER BY id";

/* The store's connection and an importer's: what every statement helper needs. */
typedef struct
{
  sqlite3 *db;
  const char *path; /* for messages */
} Connection;

static void
set_error_for_path (const char  *path,
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
                   path);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_READ_ONLY,
                   _("The database %s cannot be written; check that you may change it and its folder"),
                   path);
      break;
    case SQLITE_FULL:
      g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_DISK_FULL,
                   _("The disk holding %s is full; nothing was changed"),
                   path);
      break;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_A_DATABASE,
                   _("%s is not a TrustNet database, or it is damaged"),
                   path);
      break;
    default:
      g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_FAILED,
                   _("The database %s reported an error: %s"),
                   path, sqlite3_errstr (result));
      break;
    }
}

static gboolean
connection_exec (Connection  *connection,
                 const char  *sql,
                 GError     **error)
{
  int result = sqlite3_exec (connection->db, sql, NULL, NULL, NULL);

  if (result != SQLITE_OK)
    {
      set_error_for_path (connection->path, sqlite3_extended_errcode (connection->db), error);
      return FALSE;
    }

  return TRUE;
}

static sqlite3_stmt *
connection_prepare (Connection  *connection,
                    const char  *sql,
                    GError     **error)
{
  sqlite3_stmt *statement = NULL;
  int result = sqlite3_prepare_v2 (connection->db, sql, -1, &statement, NULL);

  if (result != SQLITE_OK)
    {
      set_error_for_path (connection->path, result, error);
      return NULL;
    }

  return statement;
}

/* Runs a statement that returns no rows, then resets it for reuse. */
static gboolean
connection_step_done (Connection    *connection,
                      sqlite3_stmt  *statement,
                      GError       **error)
{
  int result = sqlite3_step (statement);

  sqlite3_reset (statement);
  if (result != SQLITE_DONE)
    {
      set_error_for_path (connection->path, sqlite3_extended_errcode (connection->db), error);
      return FALSE;
    }

  return TRUE;
}

#define STORE_CONNECTION(self) (&(Connection) { (self)->db, (self)->path })

static void
set_error_from_sqlite (TnStore     *self,
                       int          result,
                       GError     **error)
{
  set_error_for_path (self->path, result, error);
}

static gboolean
exec_sql (TnStore     *self,
          const char  *sql,
          GError     **error)
{
  return connection_exec (STORE_CONNECTION (self), sql, error);
}

static sqlite3_stmt *
prepare (TnStore     *self,
         const char  *sql,
         GError     **error)
{
  return connection_prepare (STORE_CONNECTION (self), sql, error);
}

static gboolean
step_done (TnStore       *self,
           sqlite3_stmt  *statement,
           GError       **error)
{
  return connection_step_done (STORE_CONNECTION (self), statement, error);
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

  /**
   * TnStore::interactions-changed:
   * @self: the store
   * @contact: the contact whose interactions were logged, edited or deleted
   *
   * Emitted after the change is committed, so a timeline can read it again.
   */
  signals[INTERACTIONS_CHANGED] =
    g_signal_new ("interactions-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, TN_TYPE_CONTACT);

  /**
   * TnStore::brand-changed:
   * @self: the store
   *
   * Emitted after anything the "Who You Are" page shows was committed: a new brand
   * statement version, a change of who heard it, a linchpin self-check.
   */
  signals[BRAND_CHANGED] =
    g_signal_new ("brand-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
tn_store_init (TnStore *self)
{
  self->contacts = tn_contact_list_new ();
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
  tn_contact_set_given_name (contact, (const char *) sqlite3_column_text (statement, 9));
  tn_contact_set_family_name (contact, (const char *) sqlite3_column_text (statement, 10));
  tn_contact_set_birthday (contact, (const char *) sqlite3_column_text (statement, 11));
  tn_contact_set_vcard (contact, (const char *) sqlite3_column_text (statement, 12));
  tn_contact_set_cadence_weeks (contact, CLAMP (sqlite3_column_int (statement, 13), 0, TN_CONTACT_MAX_CADENCE_WEEKS));
  _tn_contact_set_last_contact (contact, (const char *) sqlite3_column_text (statement, 14));
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

  if (contacts->len == 0)
    return TRUE;

  /* Only the rows of the id range the contacts span. */
  sqlite3_bind_int64 (statement, 1, tn_contact_get_id (g_ptr_array_index (contacts, 0)));
  sqlite3_bind_int64 (statement, 2, tn_contact_get_id (g_ptr_array_index (contacts, contacts->len - 1)));

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

/* Reads the contacts with ids from @first to @last that @wanted holds (every one when
 * @wanted is %NULL), as new objects ordered by id, with their addresses and last contact
 * (contacts.last_met, which triggers keep, rather than a pass over every interaction):
 * one pass over each table for the range. */
static GPtrArray *
read_contacts (TnStore     *self,
               gint64       first,
               gint64       last,
               GHashTable  *wanted,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);
  int result;

  statement = prepare (self, contacts_query, error);
  if (statement == NULL)
    return NULL;

  sqlite3_bind_int64 (statement, 1, first);
  sqlite3_bind_int64 (statement, 2, last);
  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      TnContact *contact;

      if (wanted != NULL && !g_hash_table_contains (wanted, &(gint64) { sqlite3_column_int64 (statement, 0) }))
        continue;

      contact = g_object_new (TN_TYPE_CONTACT, NULL);
      fill_contact_from_row (contact, statement);
      g_ptr_array_add (loaded, contact);
    }

  if (result != SQLITE_DONE)
    {
      set_error_from_sqlite (self, sqlite3_extended_errcode (self->db), error);
      return NULL;
    }

  if (!merge_values (self, loaded,
                     "SELECT contact_id, value FROM emails WHERE contact_id BETWEEN ?1 AND ?2 "
                     "ORDER BY contact_id, position",
                     apply_emails, error) ||
      !merge_values (self, loaded,
                     "SELECT contact_id, value FROM phones WHERE contact_id BETWEEN ?1 AND ?2 "
                     "ORDER BY contact_id, position",
                     apply_phones, error))
    return NULL;

  return g_steal_pointer (&loaded);
}

static gboolean
load_contacts (TnStore  *self,
               GError  **error)
{
  g_autoptr(GPtrArray) loaded = read_contacts (self, 0, G_MAXINT64, NULL, error);

  if (loaded == NULL)
    return FALSE;

  for (guint i = 0; i < loaded->len; i++)
    remember_contact (self, g_ptr_array_index (loaded, i));

  tn_contact_list_splice (self->contacts, 0, 0, (TnContact **) loaded->pdata, loaded->len);
  return TRUE;
}

/* Pages of 16 KiB instead of 4: rows with a whole vCard in them fill pages fast, and an
 * import of 100,000 cards writes a fifth faster. Only a new, empty database can take it;
 * one created before keeps the size it has. */
#define NEW_DATABASE_PAGE_SIZE 16384

static gboolean
choose_page_size (TnStore  *self,
                  GError  **error)
{
  g_autofree char *sql = NULL;
  GStatBuf info;

  if (g_stat (self->path, &info) != 0 || info.st_size != 0)
    return TRUE;

  sql = g_strdup_printf ("PRAGMA page_size = %d", NEW_DATABASE_PAGE_SIZE);
  return exec_sql (self, sql, error);
}

/* SQLite counts the memory it allocates under a global mutex unless told not to; nothing
 * here reads the counts, and an import's threads would wait on each other for them. This
 * must come before SQLite's first use. */
static void
configure_sqlite (void)
{
  static gsize configured = 0;

  if (g_once_init_enter (&configured))
    {
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      g_once_init_leave (&configured, 1);
    }
}

/**
 * tn_store_open_full:
 * @path: (nullable): the database file, or %NULL for tn_store_get_default_path()
 * @flags: what to leave out
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
tn_store_open_full (const char        *path,
                    TnStoreOpenFlags   flags,
                    GError           **error)
{
  g_autoptr(TnStore) self = NULL;
  int result;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  configure_sqlite ();

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

  if (!choose_page_size (self, error) ||
      !exec_sql (self, "PRAGMA journal_mode = WAL", error) ||
      !exec_sql (self, "PRAGMA foreign_keys = ON", error) ||
      !exec_sql (self, "PRAGMA synchronous = NORMAL", error))
    return NULL;

  if (!migrate (self, error) || !purge_removed (self, error))
    return NULL;

  if (!(flags & TN_STORE_OPEN_FLAGS_NO_CONTACTS) && !load_contacts (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * tn_store_open:
 * @path: (nullable): the database file, or %NULL for tn_store_get_default_path()
 * @error: return location for a #GError
 *
 * tn_store_open_full() with no flags: the store and its list of every contact.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
TnStore *
tn_store_open (const char  *path,
               GError     **error)
{
  return tn_store_open_full (path, TN_STORE_OPEN_FLAGS_NONE, error);
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

static gboolean
find_position (TnStore   *self,
               TnContact *contact,
               guint     *position)
{
  return tn_contact_list_find_by_id (self->contacts, tn_contact_get_id (contact), position) &&
         tn_contact_list_get (self->contacts, *position) == contact;
}

static void
announce_changed (TnStore   *self,
                  TnContact *contact)
{
  guint position;

  if (find_position (self, contact, &position))
    tn_contact_list_splice (self->contacts, position, 1, &contact, 1);
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
                       "INSERT INTO contacts (uid, full_name, organization, title, note, trust, created_at, updated_at, "
                       "                      given_name, family_name, birthday, vcard) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8, ?9, ?10, ?11)",
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
  bind_text (statement, 8, tn_contact_get_given_name (contact));
  bind_text (statement, 9, tn_contact_get_family_name (contact));
  bind_text (statement, 10, tn_contact_get_birthday (contact));
  bind_text (statement, 11, tn_contact_get_vcard (contact));

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
  tn_contact_list_append (self->contacts, contact);

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
                       "note = ?6, trust = ?7, updated_at = ?8, given_name = ?9, family_name = ?10, "
                       "birthday = ?11, vcard = ?12, cadence_weeks = ?13 WHERE id = ?1",
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
  bind_text (statement, 9, tn_contact_get_given_name (changes));
  bind_text (statement, 10, tn_contact_get_family_name (changes));
  bind_text (statement, 11, tn_contact_get_birthday (changes));
  bind_text (statement, 12, tn_contact_get_vcard (changes));
  sqlite3_bind_int (statement, 13, tn_contact_get_cadence_weeks (changes));

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

  tn_contact_list_remove (self->contacts, position);
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
  tn_contact_list_insert_by_id (self->contacts, contact);

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

/* ---- Bringing the list up to date after another connection wrote ---------------------- */

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 id_a = *(const gint64 *) a;
  gint64 id_b = *(const gint64 *) b;

  return (id_a > id_b) - (id_a < id_b);
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  guint position_a = *(const guint *) a;
  guint position_b = *(const guint *) b;

  return (position_a > position_b) - (position_a < position_b);
}

/* Takes @gone out of the list with one items-changed per run of neighbours: the contacts of
 * one import sit side by side, so undoing 100,000 of them is one signal, not 100,000. */
static void
forget_contacts (TnStore   *self,
                 GPtrArray *gone)
{
  g_autoptr(GArray) positions = g_array_sized_new (FALSE, FALSE, sizeof (guint), gone->len);
  guint end;

  for (guint i = 0; i < gone->len; i++)
    {
      TnContact *contact = g_ptr_array_index (gone, i);
      guint position;

      if (find_position (self, contact, &position))
        g_array_append_val (positions, position);
      g_hash_table_remove (self->contacts_by_id, &(gint64) { tn_contact_get_id (contact) });
    }

  g_array_sort (positions, compare_positions);

  /* From the end, so that earlier positions stay valid. */
  end = positions->len;
  while (end > 0)
    {
      guint start = end - 1;

      while (start > 0 && g_array_index (positions, guint, start - 1) + 1 == g_array_index (positions, guint, start))
        start--;

      tn_contact_list_splice (self->contacts, g_array_index (positions, guint, start), end - start, NULL, 0);
      end = start;
    }
}

/* Adds contacts new to the list, which come from the database ordered by id: at the end in
 * one splice when they are all newer than the last one listed, which is what an import
 * gives; else each in its place. */
static void
welcome_contacts (TnStore   *self,
                  GPtrArray *added)
{
  GListModel *model = G_LIST_MODEL (self->contacts);
  guint n_items = g_list_model_get_n_items (model);
  g_autoptr(TnContact) last = n_items > 0 ? g_list_model_get_item (model, n_items - 1) : NULL;

  if (added->len == 0)
    return;

  for (guint i = 0; i < added->len; i++)
    remember_contact (self, g_ptr_array_index (added, i));

  if (last == NULL || compare_by_id (last, g_ptr_array_index (added, 0), NULL) < 0)
    {
      tn_contact_list_splice (self->contacts, n_items, 0, (TnContact **) added->pdata, added->len);
      return;
    }

  for (guint i = 0; i < added->len; i++)
    tn_contact_list_insert_by_id (self->contacts, g_ptr_array_index (added, i));
}

static gint64
unix_or_zero (GDateTime *date_time)
{
  return date_time != NULL ? g_date_time_to_unix (date_time) : 0;
}

/* Gives @contact, which the views hold, what the database now says. */
static void
update_from (TnStore   *self,
             TnContact *contact,
             TnContact *fresh)
{
  g_object_freeze_notify (G_OBJECT (contact));
  _tn_contact_assign (contact, fresh);
  _tn_contact_set_last_contact (contact, tn_contact_get_last_contact (fresh));
  _tn_contact_set_timestamps (contact,
                              unix_or_zero (tn_contact_get_created_at (fresh)),
                              unix_or_zero (tn_contact_get_updated_at (fresh)));
  g_object_thaw_notify (G_OBJECT (contact));
  announce_changed (self, contact);
}

/**
 * tn_store_refresh_contacts:
 * @self: a store
 * @ids: (array length=n_ids): the contacts another connection changed, added or deleted
 * @n_ids: how many ids there are
 * @error: return location for a #GError
 *
 * Brings these contacts of the list in line with the database after an import (or anything
 * else) wrote through another connection: new ones are appended, changed ones take their
 * new values (and are announced with items-changed), deleted ones leave the list.
 *
 * Returns: %TRUE on success; on failure the list is as it was
 */
gboolean
tn_store_refresh_contacts (TnStore       *self,
                           const gint64  *ids,
                           gsize          n_ids,
                           GError       **error)
{
  g_autoptr(GArray) sorted = NULL;
  g_autoptr(GHashTable) wanted = NULL;
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_ids == 0)
    return TRUE;

  sorted = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  g_array_append_vals (sorted, ids, n_ids);
  g_array_sort (sorted, compare_ids);

  wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < sorted->len; i++)
    g_hash_table_add (wanted, &g_array_index (sorted, gint64, i));

  fresh = read_contacts (self, g_array_index (sorted, gint64, 0),
                         g_array_index (sorted, gint64, sorted->len - 1), wanted, error);
  if (fresh == NULL)
    return FALSE;

  for (guint i = 0; i < fresh->len; i++)
    {
      TnContact *contact = g_ptr_array_index (fresh, i);
      TnContact *listed = tn_store_get_contact_by_id (self, tn_contact_get_id (contact));

      g_hash_table_remove (wanted, &(gint64) { tn_contact_get_id (contact) });
      if (listed != NULL)
        update_from (self, listed, contact);
      else
        g_ptr_array_add (added, g_object_ref (contact));
    }

  /* What is still wanted was not found: deleted, or removed with undo offered. */
  for (guint i = 0; i < sorted->len; i++)
    {
      gint64 id = g_array_index (sorted, gint64, i);
      TnContact *listed = g_hash_table_contains (wanted, &id) ? tn_store_get_contact_by_id (self, id) : NULL;

      if (listed != NULL && (gone->len == 0 || g_ptr_array_index (gone, gone->len - 1) != listed))
        g_ptr_array_add (gone, g_object_ref (listed));
    }

  forget_contacts (self, gone);
  welcome_contacts (self, added);

  return TRUE;
}

/* ---- Undoing an import ------------------------------------------------------------------ */

/* The columns behind TnStoreField, for SQL built from this table only, never from text. */
static const char * const field_columns[TN_STORE_N_TEXT_FIELDS] = {
  [TN_STORE_FIELD_GIVEN_NAME] = "given_name",
  [TN_STORE_FIELD_FAMILY_NAME] = "family_name",
  [TN_STORE_FIELD_ORGANIZATION] = "organization",
  [TN_STORE_FIELD_TITLE] = "title",
  [TN_STORE_FIELD_NOTE] = "note",
  [TN_STORE_FIELD_BIRTHDAY] = "birthday",
  [TN_STORE_FIELD_VCARD] = "vcard",
};

static const char *
field_name (TnStoreField field)
{
  if (field == TN_STORE_FIELD_EMAIL)
    return "email";
  if (field == TN_STORE_FIELD_PHONE)
    return "phone";

  g_assert ((guint) field < TN_STORE_N_TEXT_FIELDS);
  return field_columns[field];
}

static gboolean
parse_field_name (const char   *name,
                  TnStoreField *field)
{
  for (guint i = 0; i <= TN_STORE_FIELD_PHONE; i++)
    {
      if (g_strcmp0 (name, field_name (i)) == 0)
        {
          *field = i;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
check_batch_can_be_undone (TnStore  *self,
                           gint64    batch_id,
                           GError  **error)
{
  g_autoptr(sqlite3_stmt) statement = prepare (self, "SELECT undone_at IS NOT NULL FROM import_batches WHERE id = ?1", error);
  int result;

  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, batch_id);
  result = sqlite3_step (statement);
  if (result == SQLITE_DONE)
    {
      /* The number is formatted apart: xgettext cannot read G_GINT64_FORMAT. */
      g_autofree char *batch_text = g_strdup_printf ("%" G_GINT64_FORMAT, batch_id);

      g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_FOUND,
                   _("There is no import %s to undo"), batch_text);
      return FALSE;
    }
  if (result != SQLITE_ROW)
    {
      set_error_from_sqlite (self, sqlite3_extended_errcode (self->db), error);
      return FALSE;
    }
  if (sqlite3_column_int (statement, 0) != 0)
    {
      g_set_error_literal (error, TN_STORE_ERROR, TN_STORE_ERROR_INVALID,
                           _("This import was already undone"));
      return FALSE;
    }

  return TRUE;
}

/* Appends the ids the first column of @sql gives, with ?1 bound to @id. */
static gboolean
collect_ids (TnStore     *self,
             const char  *sql,
             gint64       id,
             GArray      *ids,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = prepare (self, sql, error);
  int result;

  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, id);
  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      gint64 found = sqlite3_column_int64 (statement, 0);

      g_array_append_val (ids, found);
    }

  if (result != SQLITE_DONE)
    {
      set_error_from_sqlite (self, sqlite3_extended_errcode (self->db), error);
      return FALSE;
    }

  return TRUE;
}

/* Takes back one thing a batch added to a contact that was already there, if the contact
 * still has it as the batch left it: a field the person has edited since stays. */
static gboolean
take_back_change (TnStore       *self,
                  gint64         contact_id,
                  TnStoreField   field,
                  const char    *value,
                  GError       **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autofree char *sql = NULL;

  if (field == TN_STORE_FIELD_EMAIL)
    sql = g_strdup ("DELETE FROM emails WHERE contact_id = ?1 AND value = ?2");
  else if (field == TN_STORE_FIELD_PHONE)
    sql = g_strdup ("DELETE FROM phones WHERE contact_id = ?1 AND value = ?2");
  else
    sql = g_strdup_printf ("UPDATE contacts SET %s = NULL WHERE id = ?1 AND %s = ?2",
                           field_columns[field], field_columns[field]);

  statement = prepare (self, sql, error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, contact_id);
  bind_text (statement, 2, value);
  return step_done (self, statement, error);
}

static gboolean
take_back_changes (TnStore  *self,
                   gint64    batch_id,
                   GError  **error)
{
  g_autoptr(sqlite3_stmt) statement =
    prepare (self, "SELECT contact_id, what, value FROM batch_changes WHERE batch_id = ?1", error);
  int result;

  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, batch_id);
  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      TnStoreField field;

      /* The CHECK constraint allows no other names. */
      if (!parse_field_name ((const char *) sqlite3_column_text (statement, 1), &field))
        g_assert_not_reached ();

      if (!take_back_change (self, sqlite3_column_int64 (statement, 0), field,
                             (const char *) sqlite3_column_text (statement, 2), error))
        return FALSE;
    }

  if (result != SQLITE_DONE)
    {
      set_error_from_sqlite (self, sqlite3_extended_errcode (self->db), error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
exec_for_id (TnStore     *self,
             const char  *sql,
             gint64       id,
             gint64       now,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = prepare (self, sql, error);

  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, id);
  if (sqlite3_bind_parameter_count (statement) >= 2)
    sqlite3_bind_int64 (statement, 2, now);
  return step_done (self, statement, error);
}

/* Undoing a large import deletes rows all over every table and index: with SQLite's
 * default cache of 2 MiB it reads again the pages it has just changed, and takes twice as
 * long (2 s instead of 1 for 100,000 contacts). The cache is this large only meanwhile. */
#define UNDO_CACHE_KIB    16384
#define DEFAULT_CACHE_KIB 2000

static void
set_cache_size (TnStore *self,
                int      kib)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = -%d", kib);

  /* Only a matter of speed: a failure changes nothing else. */
  exec_sql (self, sql, NULL);
}

static gboolean
undo_batch (TnStore  *self,
            gint64    batch_id,
            GArray   *affected,
            GError  **error)
{
  gint64 now = now_unix ();

  if (!begin (self, error))
    return FALSE;

  if (!check_batch_can_be_undone (self, batch_id, error) ||
      !collect_ids (self,
                    "SELECT id FROM contacts WHERE batch_id = ?1 "
                    "UNION SELECT contact_id FROM batch_changes WHERE batch_id = ?1",
                    batch_id, affected, error) ||
      !take_back_changes (self, batch_id, error) ||
      !exec_for_id (self,
                    "UPDATE contacts SET updated_at = ?2 "
                    " WHERE id IN (SELECT contact_id FROM batch_changes WHERE batch_id = ?1)",
                    batch_id, now, error) ||
      !exec_for_id (self,
                    "UPDATE contacts SET batch_id = NULL WHERE batch_id = ?1 AND "
                    " (trust != 0 OR EXISTS (SELECT 1 FROM interactions WHERE contact_id = contacts.id))",
                    batch_id, now, error) ||
      !exec_for_id (self, "DELETE FROM contacts WHERE batch_id = ?1", batch_id, now, error) ||
      !exec_for_id (self, "DELETE FROM batch_changes WHERE batch_id = ?1", batch_id, now, error) ||
      !exec_for_id (self, "UPDATE import_batches SET undone_at = ?2 WHERE id = ?1", batch_id, now, error))
    {
      rollback (self);
      return FALSE;
    }

  return commit (self, error);
}

/**
 * tn_store_undo_import:
 * @self: a store
 * @batch_id: an import batch, from #TnImportFileResult
 * @error: return location for a #GError
 *
 * Takes back one import, in one transaction: the contacts it created are deleted, and from
 * the contacts it merged into, the addresses it added are removed and the empty fields it
 * filled are emptied again. The list follows.
 *
 * What the person did since is kept: a created contact they have rated or logged an
 * interaction with stays (it is simply no longer part of the batch), and a filled field
 * they have edited keeps their text.
 *
 * Returns: %TRUE on success; on failure nothing changed
 */
gboolean
tn_store_undo_import (TnStore  *self,
                      gint64    batch_id,
                      GError  **error)
{
  g_autoptr(GArray) affected = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean undone;

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  set_cache_size (self, UNDO_CACHE_KIB);
  undone = undo_batch (self, batch_id, affected, error);
  set_cache_size (self, DEFAULT_CACHE_KIB);

  if (!undone)
    return FALSE;

  return tn_store_refresh_contacts (self, (const gint64 *) (gpointer) affected->data, affected->len, error);
}

/* ---- Merging two contacts by hand ------------------------------------------------------- */

static gboolean
append_value (TnStore       *self,
              gint64         contact_id,
              TnStoreField   field,
              const char    *value,
              GError       **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autofree char *normalized = NULL;

  if (field == TN_STORE_FIELD_EMAIL)
    {
      statement = prepare (self,
                           "INSERT INTO emails (contact_id, position, value, normalized) VALUES "
                           "(?1, (SELECT coalesce (max (position) + 1, 0) FROM emails WHERE contact_id = ?1), ?2, ?3)",
                           error);
      normalized = tn_text_normalize_email (value);
      /* emails.normalized is NOT NULL: an unparseable address matches only itself. */
      if (normalized == NULL)
        normalized = g_strdup (value);
    }
  else
    {
      statement = prepare (self,
                           "INSERT INTO phones (contact_id, position, value, normalized) VALUES "
                           "(?1, (SELECT coalesce (max (position) + 1, 0) FROM phones WHERE contact_id = ?1), ?2, ?3)",
                           error);
      normalized = tn_text_normalize_phone (value);
    }

  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, contact_id);
  bind_text (statement, 2, value);
  bind_text (statement, 3, normalized);
  return step_done (self, statement, error);
}

static gboolean
has_email (const char * const *emails,
           const char         *email)
{
  g_autofree char *wanted = tn_duplicates_email_key (email);

  for (guint i = 0; emails[i] != NULL; i++)
    {
      g_autofree char *key = tn_duplicates_email_key (emails[i]);

      if (g_strcmp0 (key, wanted) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
has_phone (const char * const *phones,
           const char         *phone)
{
  for (guint i = 0; phones[i] != NULL; i++)
    {
      if (tn_duplicates_phones_match (phones[i], phone))
        return TRUE;
    }

  return FALSE;
}

/* Gives @keep the addresses of @absorb it does not have yet. */
static gboolean
merge_addresses (TnStore    *self,
                 TnContact  *keep,
                 TnContact  *absorb,
                 GError    **error)
{
  const char * const *emails = tn_contact_get_emails (absorb);
  const char * const *phones = tn_contact_get_phones (absorb);

  for (guint i = 0; emails[i] != NULL; i++)
    {
      if (!has_email (tn_contact_get_emails (keep), emails[i]) &&
          !append_value (self, tn_contact_get_id (keep), TN_STORE_FIELD_EMAIL, emails[i], error))
        return FALSE;
    }

  for (guint i = 0; phones[i] != NULL; i++)
    {
      if (!has_phone (tn_contact_get_phones (keep), phones[i]) &&
          !append_value (self, tn_contact_get_id (keep), TN_STORE_FIELD_PHONE, phones[i], error))
        return FALSE;
    }

  return TRUE;
}

/* Fills @keep's empty fields from @absorb, and its rating if it has none; what @keep has
 * stays. Then @absorb's interactions become @keep's, and @absorb goes. */
static gboolean
absorb_contact (TnStore    *self,
                TnContact  *keep,
                TnContact  *absorb,
                gint64      now,
                GError    **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  gint64 keep_id = tn_contact_get_id (keep);
  gint64 absorb_id = tn_contact_get_id (absorb);

  statement = prepare (self,
                       "UPDATE contacts SET"
                       "  given_name = coalesce (given_name, (SELECT given_name FROM contacts WHERE id = ?2)),"
                       "  family_name = coalesce (family_name, (SELECT family_name FROM contacts WHERE id = ?2)),"
                       "  organization = coalesce (organization, (SELECT organization FROM contacts WHERE id = ?2)),"
                       "  title = coalesce (title, (SELECT title FROM contacts WHERE id = ?2)),"
                       "  note = coalesce (note, (SELECT note FROM contacts WHERE id = ?2)),"
                       "  birthday = coalesce (birthday, (SELECT birthday FROM contacts WHERE id = ?2)),"
                       "  vcard = coalesce (vcard, (SELECT vcard FROM contacts WHERE id = ?2)),"
                       "  trust = CASE trust WHEN 0 THEN (SELECT trust FROM contacts WHERE id = ?2) ELSE trust END,"
                       "  updated_at = ?3"
                       " WHERE id = ?1",
                       error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, keep_id);
  sqlite3_bind_int64 (statement, 2, absorb_id);
  sqlite3_bind_int64 (statement, 3, now);
  if (!step_done (self, statement, error))
    return FALSE;

  if (tn_contact_get_trust (keep) == TN_TRUST_UNRATED && tn_contact_get_trust (absorb) != TN_TRUST_UNRATED &&
      !record_trust_change (self, keep_id, tn_contact_get_trust (absorb), now, error))
    return FALSE;

  g_clear_pointer (&statement, sqlite3_finalize);
  statement = prepare (self, "UPDATE interactions SET contact_id = ?1 WHERE contact_id = ?2", error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, keep_id);
  sqlite3_bind_int64 (statement, 2, absorb_id);
  if (!step_done (self, statement, error))
    return FALSE;

  return exec_for_id (self, "DELETE FROM contacts WHERE id = ?1", absorb_id, now, error);
}

/**
 * tn_store_merge_contacts:
 * @self: a store
 * @keep: the contact that stays
 * @absorb: the contact that is the same person and goes
 * @error: return location for a #GError
 *
 * Makes two contacts one, as an import merges a duplicate: @keep gains the email addresses
 * and phone numbers of @absorb it lacks, its empty fields are filled from @absorb, and it
 * takes @absorb's rating only if it has none; nothing @keep has is overwritten. @absorb's
 * interactions move to @keep, and @absorb is deleted. One transaction; the list follows.
 *
 * Returns: %TRUE on success; on failure nothing changed
 */
gboolean
tn_store_merge_contacts (TnStore    *self,
                         TnContact  *keep,
                         TnContact  *absorb,
                         GError    **error)
{
  gint64 ids[2];
  gint64 now = now_unix ();

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (TN_IS_CONTACT (keep), FALSE);
  g_return_val_if_fail (TN_IS_CONTACT (absorb), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (keep == absorb)
    {
      g_set_error_literal (error, TN_STORE_ERROR, TN_STORE_ERROR_INVALID,
                           _("A contact cannot be merged with itself"));
      return FALSE;
    }

  for (guint i = 0; i < 2; i++)
    {
      TnContact *contact = i == 0 ? keep : absorb;

      if (tn_store_get_contact_by_id (self, tn_contact_get_id (contact)) != contact)
        {
          g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_FOUND,
                       _("%s is no longer in the database"), tn_contact_get_full_name (contact));
          return FALSE;
        }
    }

  if (!begin (self, error))
    return FALSE;

  if (!merge_addresses (self, keep, absorb, error) ||
      !absorb_contact (self, keep, absorb, now, error))
    {
      rollback (self);
      return FALSE;
    }

  if (!commit (self, error))
    return FALSE;

  ids[0] = tn_contact_get_id (keep);
  ids[1] = tn_contact_get_id (absorb);
  return tn_store_refresh_contacts (self, ids, G_N_ELEMENTS (ids), error);
}

/* ---- Possible duplicates -------------------------------------------------------------- */

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  GPtrArray *group_a = *(GPtrArray * const *) a;
  GPtrArray *group_b = *(GPtrArray * const *) b;

  return compare_by_id (g_ptr_array_index (group_a, 0), g_ptr_array_index (group_b, 0), NULL);
}

/**
 * tn_store_list_possible_duplicates:
 * @self: a store
 *
 * Contacts that may be one person: the same full name, ignoring case and surrounding
 * blanks. An import merges only on a uid, email address or phone number in common, so
 * namesakes stay apart until the person decides with tn_store_merge_contacts().
 *
 * Returns: (transfer full) (element-type GPtrArray): groups of two or more #TnContact with
 *   the same name, each ordered by when they were added, the groups by their first contact
 */
GPtrArray *
tn_store_list_possible_duplicates (TnStore *self)
{
  GListModel *model;
  g_autoptr(GHashTable) by_name = NULL;
  GPtrArray *groups;
  GHashTableIter iter;
  gpointer value;
  guint n_items;

  g_return_val_if_fail (TN_IS_STORE (self), NULL);

  model = G_LIST_MODEL (self->contacts);
  n_items = g_list_model_get_n_items (model);
  by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TnContact) contact = g_list_model_get_item (model, i);
      char *key = tn_duplicates_name_key (tn_contact_get_full_name (contact));
      GPtrArray *group;

      if (key == NULL)
        continue;

      group = g_hash_table_lookup (by_name, key);
      if (group == NULL)
        {
          group = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (by_name, key, group);
        }
      else
        g_free (key);

      g_ptr_array_add (group, g_object_ref (contact));
    }

  groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_hash_table_iter_init (&iter, by_name);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GPtrArray *group = value;

      if (group->len >= 2)
        g_ptr_array_add (groups, g_ptr_array_ref (group));
    }

  g_ptr_array_sort (groups, compare_groups);
  return groups;
}

/* ---- The importer's own connection ------------------------------------------------------ */

/* The statements an import runs once per card or more, prepared once each. */
typedef enum
{
  WRITE_INSERT_CONTACT,
  WRITE_INSERT_EMAIL,
  WRITE_INSERT_PHONE,
  WRITE_APPEND_EMAIL,
  WRITE_APPEND_PHONE,
  WRITE_RECORD_CHANGE,
  WRITE_RECORD_TRUST,
  WRITE_TOUCH,
  WRITE_READ_CONTACT,
  WRITE_READ_EMAILS,
  WRITE_READ_PHONES,
  WRITE_FILL_FIRST,
  N_WRITE_STATEMENTS = WRITE_FILL_FIRST + TN_STORE_N_TEXT_FIELDS,
} WriteStatement;

static const char * const write_sql[WRITE_FILL_FIRST] = {
  [WRITE_INSERT_CONTACT] =
    "INSERT INTO contacts (uid, full_name, given_name, family_name, organization, title, note, birthday,"
    "                      trust, vcard, batch_id, created_at, updated_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
  [WRITE_INSERT_EMAIL] =
    "INSERT INTO emails (contact_id, position, value, normalized) VALUES (?1, ?2, ?3, ?4)",
  [WRITE_INSERT_PHONE] =
    "INSERT INTO phones (contact_id, position, value, normalized) VALUES (?1, ?2, ?3, ?4)",
  [WRITE_APPEND_EMAIL] =
    "INSERT INTO emails (contact_id, position, value, normalized) VALUES "
    "(?1, (SELECT coalesce (max (position) + 1, 0) FROM emails WHERE contact_id = ?1), ?2, ?3)",
  [WRITE_APPEND_PHONE] =
    "INSERT INTO phones (contact_id, position, value, normalized) VALUES "
    "(?1, (SELECT coalesce (max (position) + 1, 0) FROM phones WHERE contact_id = ?1), ?2, ?3)",
  [WRITE_RECORD_CHANGE] =
    "INSERT INTO batch_changes (batch_id, contact_id, what, value) VALUES (?1, ?2, ?3, ?4)",
  [WRITE_RECORD_TRUST] =
    "INSERT INTO trust_changes (contact_id, trust, changed_at) VALUES (?1, ?2, ?3)",
  [WRITE_TOUCH] =
    "UPDATE contacts SET updated_at = ?2 WHERE id = ?1",
  [WRITE_READ_CONTACT] =
    "SELECT given_name, family_name, organization, title, note, birthday, vcard FROM contacts WHERE id = ?1",
  [WRITE_READ_EMAILS] =
    "SELECT value FROM emails WHERE contact_id = ?1 ORDER BY position",
  [WRITE_READ_PHONES] =
    "SELECT value FROM phones WHERE contact_id = ?1 ORDER BY position",
};

static const char * const known_sql[] = {
  [TN_STORE_KNOWN_UIDS] = "SELECT id, uid FROM contacts WHERE removed_at IS NULL ORDER BY id",
  [TN_STORE_KNOWN_REMOVED_UIDS] = "SELECT 0, uid FROM contacts WHERE removed_at IS NOT NULL",
  [TN_STORE_KNOWN_NAMES] = "SELECT id, full_name FROM contacts WHERE removed_at IS NULL ORDER BY id",
  [TN_STORE_KNOWN_EMAILS] =
    "SELECT e.contact_id, e.value FROM emails AS e JOIN contacts AS c ON c.id = e.contact_id"
    " WHERE c.removed_at IS NULL ORDER BY e.contact_id, e.position",
  [TN_STORE_KNOWN_PHONES] =
    "SELECT p.contact_id, p.value FROM phones AS p JOIN contacts AS c ON c.id = p.contact_id"
    " WHERE c.removed_at IS NULL ORDER BY p.contact_id, p.position",
};

/* An import's pages stay in memory until the commit instead of spilling to the WAL as they
 * are written, at the cost of this much memory (KiB). */
#define WRITER_CACHE_KIB 32768

/* The indexes only lookups by name, email or phone use, which a large import drops and
 * builds again at the end: built from sorted rows they cost a third of what adding 100,000
 * random keys one by one does, and the import itself looks nothing up in them. */
static const char * const lookup_indexes[] = {
  "contacts_full_name",
  "emails_normalized",
  "phones_normalized",
};

struct _TnStoreWriter
{
  Connection connection;
  char *path;
  gint64 now;
  sqlite3_stmt *statements[N_WRITE_STATEMENTS];
  GPtrArray *dropped_indexes; /* their CREATE INDEX statements, while deferred */
};

#define WRITER_CONNECTION(self) (&(self)->connection)

static sqlite3_stmt *
writer_statement (TnStoreWriter   *self,
                  WriteStatement   which,
                  GError         **error)
{
  if (self->statements[which] == NULL)
    {
      g_autofree char *sql = NULL;

      if (which >= WRITE_FILL_FIRST)
        {
          const char *column = field_columns[which - WRITE_FILL_FIRST];

          /* Fills only an empty field: an import never overwrites. */
          sql = g_strdup_printf ("UPDATE contacts SET %s = ?2 WHERE id = ?1 AND %s IS NULL", column, column);
        }

      self->statements[which] = connection_prepare (WRITER_CONNECTION (self),
                                                    sql != NULL ? sql : write_sql[which], error);
    }

  return self->statements[which];
}

static gboolean
writer_check_schema (TnStoreWriter  *self,
                     GError        **error)
{
  g_autoptr(sqlite3_stmt) statement = connection_prepare (WRITER_CONNECTION (self), "PRAGMA user_version", error);

  if (statement == NULL)
    return FALSE;

  if (sqlite3_step (statement) != SQLITE_ROW)
    {
      set_error_for_path (self->path, sqlite3_extended_errcode (self->connection.db), error);
      return FALSE;
    }

  /* The store that gave the path migrated the database when it opened it. */
  if (sqlite3_column_int (statement, 0) != TN_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_NEWER_SCHEMA,
                   _("The database %s was changed by another version of TrustNet while it was open; "
                     "restart TrustNet and try again"),
                   self->path);
      return FALSE;
    }

  return TRUE;
}

/**
 * _tn_store_writer_open:
 * @path: the database of an open #TnStore
 * @error: return location for a #GError
 *
 * Opens a second connection to @path, for the thread that calls this and only that one.
 *
 * Returns: (transfer full) (nullable): the writer, or %NULL with @error set
 */
TnStoreWriter *
_tn_store_writer_open (const char  *path,
                       GError     **error)
{
  g_autoptr(TnStoreWriter) self = g_new0 (TnStoreWriter, 1);
  g_autofree char *cache_size = g_strdup_printf ("PRAGMA cache_size = -%d", WRITER_CACHE_KIB);
  int result;

  g_return_val_if_fail (path != NULL, NULL);

  configure_sqlite ();

  self->path = g_strdup (path);
  self->connection.path = self->path;

  /* No SQLITE_OPEN_CREATE: the store created the file; its absence now is an error. */
  result = sqlite3_open_v2 (path, &self->connection.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (result != SQLITE_OK)
    {
      set_error_for_path (path, result, error);
      return NULL;
    }

  sqlite3_extended_result_codes (self->connection.db, TRUE);
  sqlite3_busy_timeout (self->connection.db, BUSY_TIMEOUT_MS);
  /* Not inside the commit: _tn_store_writer_checkpoint() does it after. */
  sqlite3_wal_autocheckpoint (self->connection.db, 0);

  if (!connection_exec (WRITER_CONNECTION (self), "PRAGMA foreign_keys = ON", error) ||
      !connection_exec (WRITER_CONNECTION (self), "PRAGMA synchronous = NORMAL", error) ||
      !connection_exec (WRITER_CONNECTION (self), cache_size, error) ||
      !writer_check_schema (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

void
_tn_store_writer_free (TnStoreWriter *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < N_WRITE_STATEMENTS; i++)
    g_clear_pointer (&self->statements[i], sqlite3_finalize);
  g_clear_pointer (&self->dropped_indexes, g_ptr_array_unref);
  if (self->connection.db != NULL && !sqlite3_get_autocommit (self->connection.db))
    sqlite3_exec (self->connection.db, "ROLLBACK", NULL, NULL, NULL);
  g_clear_pointer (&self->connection.db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);
  g_free (self);
}

/* Takes the write lock at once, as the store does, so that a busy database fails before
 * anything is read. */
gboolean
_tn_store_writer_begin (TnStoreWriter  *self,
                        GError        **error)
{
  g_autoptr(GDateTime) now = tn_clock_now ();

  self->now = g_date_time_to_unix (now);
  return connection_exec (WRITER_CONNECTION (self), "BEGIN IMMEDIATE", error);
}

/**
 * _tn_store_writer_defer_indexes:
 * @self: a writer inside a transaction, before its first batch
 * @error: return location for a #GError
 *
 * Drops the lookup indexes until the commit, which builds them again from the SQL they
 * were made with. For imports larger than the database: see lookup_indexes.
 */
gboolean
_tn_store_writer_defer_indexes (TnStoreWriter  *self,
                                GError        **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  g_assert (self->dropped_indexes == NULL);

  statement = connection_prepare (WRITER_CONNECTION (self),
                                  "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?1", error);
  if (statement == NULL)
    return FALSE;

  self->dropped_indexes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (lookup_indexes); i++)
    {
      g_autofree char *drop = NULL;

      sqlite3_bind_text (statement, 1, lookup_indexes[i], -1, SQLITE_STATIC);
      if (sqlite3_step (statement) != SQLITE_ROW)
        {
          /* Someone dropped it already: nothing to build again. */
          sqlite3_reset (statement);
          continue;
        }
      g_ptr_array_add (self->dropped_indexes, g_strdup ((const char *) sqlite3_column_text (statement, 0)));
      sqlite3_reset (statement);

      drop = g_strdup_printf ("DROP INDEX %s", lookup_indexes[i]);
      if (!connection_exec (WRITER_CONNECTION (self), drop, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
writer_rebuild_indexes (TnStoreWriter  *self,
                        GError        **error)
{
  for (guint i = 0; self->dropped_indexes != NULL && i < self->dropped_indexes->len; i++)
    {
      if (!connection_exec (WRITER_CONNECTION (self), g_ptr_array_index (self->dropped_indexes, i), error))
        return FALSE;
    }

  g_clear_pointer (&self->dropped_indexes, g_ptr_array_unref);
  return TRUE;
}

gboolean
_tn_store_writer_commit (TnStoreWriter  *self,
                         GError        **error)
{
  if (writer_rebuild_indexes (self, error) &&
      connection_exec (WRITER_CONNECTION (self), "COMMIT", error))
    return TRUE;

  _tn_store_writer_rollback (self);
  return FALSE;
}

void
_tn_store_writer_rollback (TnStoreWriter *self)
{
  /* Statements left mid-step would keep the transaction's read lock. */
  for (guint i = 0; i < N_WRITE_STATEMENTS; i++)
    {
      if (self->statements[i] != NULL)
        sqlite3_reset (self->statements[i]);
    }

  /* The rollback brings the dropped indexes back. */
  g_clear_pointer (&self->dropped_indexes, g_ptr_array_unref);
  if (!sqlite3_get_autocommit (self->connection.db))
    sqlite3_exec (self->connection.db, "ROLLBACK", NULL, NULL, NULL);
}

/**
 * _tn_store_writer_checkpoint:
 * @self: a writer after its commit
 *
 * Copies the import from the write-ahead log into the database file now, on the worker
 * thread, rather than in the middle of some later change on the main thread. Best effort:
 * SQLite will do it later if this cannot.
 */
void
_tn_store_writer_checkpoint (TnStoreWriter *self)
{
  sqlite3_wal_checkpoint_v2 (self->connection.db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
}

/**
 * _tn_store_writer_count_contacts:
 * @self: a writer
 *
 * Returns: how many contacts the database holds, removed ones included
 */
guint
_tn_store_writer_count_contacts (TnStoreWriter *self)
{
  g_autoptr(sqlite3_stmt) statement = connection_prepare (WRITER_CONNECTION (self), "SELECT count (*) FROM contacts", NULL);

  if (statement == NULL || sqlite3_step (statement) != SQLITE_ROW)
    return 0;

  return (guint) sqlite3_column_int64 (statement, 0);
}

/**
 * _tn_store_writer_begin_batch:
 * @self: a writer inside a transaction
 * @file_name: the file being imported, as people see its name
 * @batch_id: (out): the new batch
 * @error: return location for a #GError
 *
 * Starts one file's batch under a savepoint, so that a file refused half-way, or one that
 * changed nothing, leaves no trace while the files before it stay.
 */
gboolean
_tn_store_writer_begin_batch (TnStoreWriter  *self,
                              const char     *file_name,
                              gint64         *batch_id,
                              GError        **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  if (!connection_exec (WRITER_CONNECTION (self), "SAVEPOINT import_file", error))
    return FALSE;

  statement = connection_prepare (WRITER_CONNECTION (self),
                                  "INSERT INTO import_batches (file_name, imported_at) VALUES (?1, ?2)",
                                  error);
  if (statement == NULL)
    return FALSE;

  bind_text (statement, 1, file_name);
  sqlite3_bind_int64 (statement, 2, self->now);
  if (!connection_step_done (WRITER_CONNECTION (self), statement, error))
    return FALSE;

  *batch_id = sqlite3_last_insert_rowid (self->connection.db);
  return TRUE;
}

gboolean
_tn_store_writer_end_batch (TnStoreWriter             *self,
                            gint64                     batch_id,
                            const TnStoreBatchCounts  *counts,
                            GError                   **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  statement = connection_prepare (WRITER_CONNECTION (self),
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

  return connection_step_done (WRITER_CONNECTION (self), statement, error) &&
         connection_exec (WRITER_CONNECTION (self), "RELEASE import_file", error);
}

/* Forgets everything since _tn_store_writer_begin_batch(); the transaction goes on. */
gboolean
_tn_store_writer_drop_batch (TnStoreWriter  *self,
                             GError        **error)
{
  for (guint i = 0; i < N_WRITE_STATEMENTS; i++)
    {
      if (self->statements[i] != NULL)
        sqlite3_reset (self->statements[i]);
    }

  return connection_exec (WRITER_CONNECTION (self), "ROLLBACK TO import_file", error) &&
         connection_exec (WRITER_CONNECTION (self), "RELEASE import_file", error);
}

/**
 * _tn_store_writer_foreach_known:
 * @self: a writer inside a transaction
 * @what: which rows
 * @func: called with each row
 * @user_data: for @func
 * @error: return location for a #GError
 *
 * Reads what the importer must know about the contacts already there, in one pass.
 */
gboolean
_tn_store_writer_foreach_known (TnStoreWriter   *self,
                                TnStoreKnown     what,
                                TnStoreRowFunc   func,
                                gpointer         user_data,
                                GError         **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  int result;

  g_assert ((guint) what < G_N_ELEMENTS (known_sql));

  statement = connection_prepare (WRITER_CONNECTION (self), known_sql[what], error);
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
      set_error_for_path (self->path, sqlite3_extended_errcode (self->connection.db), error);
      return FALSE;
    }

  return TRUE;
}

/* For strings that stay valid until the statement has run and its bindings are cleared. */
static void
bind_static (sqlite3_stmt *statement,
             int           index,
             const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (statement, index);
  else
    sqlite3_bind_text (statement, index, text, -1, SQLITE_STATIC);
}

/* @normalized holds one value (or NULL) per value, as write_list() computes them. */
static gboolean
writer_insert_values (TnStoreWriter       *self,
                      WriteStatement       which,
                      gint64               contact_id,
                      const char * const  *values,
                      const char * const  *normalized,
                      GError             **error)
{
  sqlite3_stmt *statement = writer_statement (self, which, error);

  if (statement == NULL)
    return FALSE;

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      sqlite3_bind_int64 (statement, 1, contact_id);
      sqlite3_bind_int (statement, 2, (int) i);
      bind_static (statement, 3, values[i]);
      bind_static (statement, 4, normalized[i]);
      if (!connection_step_done (WRITER_CONNECTION (self), statement, error))
        return FALSE;
    }

  /* No pointers into the caller's strings are left behind. */
  sqlite3_clear_bindings (statement);
  return TRUE;
}

static gboolean
writer_record_trust (TnStoreWriter  *self,
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
  return connection_step_done (WRITER_CONNECTION (self), statement, error);
}

/**
 * _tn_store_writer_add_contact:
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
_tn_store_writer_add_contact (TnStoreWriter      *self,
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
  bind_static (statement, 1, uid);
  bind_static (statement, 2, card->full_name);
  bind_static (statement, 3, card->given_name);
  bind_static (statement, 4, card->family_name);
  bind_static (statement, 5, card->organization);
  bind_static (statement, 6, card->title);
  bind_static (statement, 7, card->note);
  bind_static (statement, 8, card->birthday);
  sqlite3_bind_int (statement, 9, trust);
  bind_static (statement, 10, card->vcard);
  sqlite3_bind_int64 (statement, 11, batch_id);
  sqlite3_bind_int64 (statement, 12, self->now);

  result = connection_step_done (WRITER_CONNECTION (self), statement, error);
  /* No pointers into a card that will be freed are left behind. */
  sqlite3_clear_bindings (statement);
  if (!result)
    return FALSE;

  *id = sqlite3_last_insert_rowid (self->connection.db);

  return writer_insert_values (self, WRITE_INSERT_EMAIL, *id, (const char * const *) card->emails,
                               normalized_emails, error) &&
         writer_insert_values (self, WRITE_INSERT_PHONE, *id, (const char * const *) card->phones,
                               normalized_phones, error) &&
         (trust == TN_TRUST_UNRATED || writer_record_trust (self, *id, trust, error));
}

void
_tn_store_merge_target_clear (TnStoreMergeTarget *target)
{
  for (guint i = 0; i < TN_STORE_N_TEXT_FIELDS; i++)
    g_clear_pointer (&target->fields[i], g_free);
  g_clear_pointer (&target->emails, g_strfreev);
  g_clear_pointer (&target->phones, g_strfreev);
}

static GStrv
writer_read_values (TnStoreWriter   *self,
                    WriteStatement   which,
                    gint64           id,
                    GError         **error)
{
  sqlite3_stmt *statement = writer_statement (self, which, error);
  g_autoptr(GStrvBuilder) builder = NULL;
  int result;

  if (statement == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  sqlite3_bind_int64 (statement, 1, id);
  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (statement, 0));
  sqlite3_reset (statement);

  if (result != SQLITE_DONE)
    {
      set_error_for_path (self->path, sqlite3_extended_errcode (self->connection.db), error);
      return NULL;
    }

  return g_strv_builder_end (builder);
}

/**
 * _tn_store_writer_read_contact:
 * @self: a writer inside a transaction
 * @id: a contact's id
 * @target: (out caller-allocates): filled with the contact's fields and addresses
 * @error: return location for a #GError
 *
 * Reads what a merge into contact @id must not overwrite or add twice.
 */
gboolean
_tn_store_writer_read_contact (TnStoreWriter       *self,
                               gint64               id,
                               TnStoreMergeTarget  *target,
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
      for (guint i = 0; i < TN_STORE_N_TEXT_FIELDS; i++)
        target->fields[i] = g_strdup ((const char *) sqlite3_column_text (statement, i));
    }
  sqlite3_reset (statement);

  if (result != SQLITE_ROW)
    {
      set_error_for_path (self->path, result == SQLITE_DONE ? SQLITE_CORRUPT : sqlite3_extended_errcode (self->connection.db), error);
      return FALSE;
    }

  target->emails = writer_read_values (self, WRITE_READ_EMAILS, id, error);
  if (target->emails == NULL)
    return FALSE;

  target->phones = writer_read_values (self, WRITE_READ_PHONES, id, error);
  return target->phones != NULL;
}

/* Adds an email address or phone number after the contact's others. */
static gboolean
writer_append_address (TnStoreWriter  *self,
                       gint64          id,
                       TnStoreField    field,
                       const char     *value,
                       GError        **error)
{
  gboolean is_email = field == TN_STORE_FIELD_EMAIL;
  sqlite3_stmt *statement = writer_statement (self, is_email ? WRITE_APPEND_EMAIL : WRITE_APPEND_PHONE, error);
  g_autofree char *normalized = is_email ? tn_duplicates_email_key (value) : tn_duplicates_phone_digits (value);

  if (statement == NULL)
    return FALSE;

  /* As write_list(): emails.normalized is NOT NULL, phones.normalized may be. */
  if (is_email && normalized == NULL)
    normalized = g_strdup (value);

  sqlite3_bind_int64 (statement, 1, id);
  bind_text (statement, 2, value);
  bind_text (statement, 3, normalized);
  return connection_step_done (WRITER_CONNECTION (self), statement, error);
}

/* Fills one of the contact's fields, if it is still empty. */
static gboolean
writer_fill_field (TnStoreWriter  *self,
                   gint64          id,
                   TnStoreField    field,
                   const char     *value,
                   GError        **error)
{
  sqlite3_stmt *statement = writer_statement (self, WRITE_FILL_FIRST + field, error);

  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, id);
  bind_text (statement, 2, value);
  return connection_step_done (WRITER_CONNECTION (self), statement, error);
}

/**
 * _tn_store_writer_add_value:
 * @self: a writer inside a batch
 * @id: a contact that was there before the batch
 * @batch_id: the batch
 * @field: an empty field to fill, or %TN_STORE_FIELD_EMAIL or %TN_STORE_FIELD_PHONE to add
 *   an address
 * @value: what to put there
 * @error: return location for a #GError
 *
 * Adds @value to contact @id and records it, so that undoing the batch takes exactly it back.
 */
gboolean
_tn_store_writer_add_value (TnStoreWriter  *self,
                            gint64          id,
                            gint64          batch_id,
                            TnStoreField    field,
                            const char     *value,
                            GError        **error)
{
  sqlite3_stmt *statement;

  g_assert (value != NULL);

  if (field == TN_STORE_FIELD_EMAIL || field == TN_STORE_FIELD_PHONE)
    {
      if (!writer_append_address (self, id, field, value, error))
        return FALSE;
    }
  else if (!writer_fill_field (self, id, field, value, error))
    return FALSE;

  statement = writer_statement (self, WRITE_RECORD_CHANGE, error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, batch_id);
  sqlite3_bind_int64 (statement, 2, id);
  sqlite3_bind_text (statement, 3, field_name (field), -1, SQLITE_STATIC);
  bind_text (statement, 4, value);
  return connection_step_done (WRITER_CONNECTION (self), statement, error);
}

gboolean
_tn_store_writer_touch (TnStoreWriter  *self,
                        gint64          id,
                        GError        **error)
{
  sqlite3_stmt *statement = writer_statement (self, WRITE_TOUCH, error);

  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, id);
  sqlite3_bind_int64 (statement, 2, self->now);
  return connection_step_done (WRITER_CONNECTION (self), statement, error);
}

/**
 * _tn_store_get_db: (skip)
 * @self: a store
 *
 * The store's connection, for tn-stats.c, whose figures are aggregates in SQL over the
 * store's tables (read only: every write goes through this file).
 *
 * Returns: (transfer none): the SQLite connection
 */
sqlite3 *
_tn_store_get_db (TnStore *self)
{
  g_return_val_if_fail (TN_IS_STORE (self), NULL);

  return self->db;
}

/* ---- Interactions ------------------------------------------------------------------- */

/* A day the person can have lived: a real date, and not after today. Days compare as
 * text, since YYYY-MM-DD sorts by date. */
static gboolean
check_interaction_is_valid (TnInteraction  *interaction,
                            GError        **error)
{
  const char *day = tn_interaction_get_day (interaction);
  g_autoptr(GDateTime) now = tn_clock_now ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  if (!tn_interaction_day_is_valid (day))
    {
      g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_INVALID,
                   _("“%s” is not a day; write it as YYYY-MM-DD"), day != NULL ? day : "");
      return FALSE;
    }

  if (strcmp (day, today) > 0)
    {
      g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_INVALID,
                   _("%s is in the future; log what already happened"), day);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_contact_is_here (TnStore    *self,
                       TnContact  *contact,
                       GError    **error)
{
  if (tn_store_get_contact_by_id (self, tn_contact_get_id (contact)) == contact)
    return TRUE;

  g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_FOUND,
               _("%s is no longer in the database"), tn_contact_get_full_name (contact));
  return FALSE;
}

/* Parameters ?2 to ?6 of an INSERT or UPDATE of interactions, in the same order as both
 * write them: kind, happened_on, one_on_one, gave_value, note. */
static void
bind_interaction_fields (sqlite3_stmt  *statement,
                         TnInteraction *interaction)
{
  bind_text (statement, 2, tn_interaction_kind_to_string (tn_interaction_get_kind (interaction)));
  bind_text (statement, 3, tn_interaction_get_day (interaction));
  sqlite3_bind_int (statement, 4, tn_interaction_get_one_on_one (interaction));
  sqlite3_bind_int (statement, 5, tn_interaction_get_gave_value (interaction));
  bind_text (statement, 6, tn_interaction_get_note (interaction));
}

/* After an interaction was edited or deleted, the contact's last contact is whatever
 * day is now the latest; the list announces it if it moved. */
static gboolean
refresh_last_contact (TnStore    *self,
                      TnContact  *contact,
                      GError    **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  const char *last;

  statement = prepare (self, "SELECT max (happened_on) FROM interactions WHERE contact_id = ?1", error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, tn_contact_get_id (contact));
  if (sqlite3_step (statement) != SQLITE_ROW)
    {
      set_error_from_sqlite (self, sqlite3_extended_errcode (self->db), error);
      return FALSE;
    }

  last = (const char *) sqlite3_column_text (statement, 0);
  if (g_strcmp0 (last, tn_contact_get_last_contact (contact)) != 0)
    {
      _tn_contact_set_last_contact (contact, last);
      announce_changed (self, contact);
    }

  return TRUE;
}

static gboolean write_heard_brand (TnStore    *self,
                                   TnContact  *contact,
                                   gboolean    heard,
                                   gboolean   *changed,
                                   GError    **error);

/**
 * tn_store_log_interaction_with_brand:
 * @self: a store
 * @contact: a contact of this store
 * @interaction: a new interaction (from tn_interaction_new())
 * @heard_brand: whether you also told @contact your current brand statement
 * @error: return location for a #GError
 *
 * Records @interaction with @contact in one transaction, and with @heard_brand marks in
 * the same transaction that @contact heard the current statement (refused when there is
 * none, see tn_store_set_heard_brand()). The contact's
 * last contact moves to its day if that is later, and the list announces
 * the change, so "Last contact" and anything filtering on it follow.
 * A day that is not a real date, or is after today, is refused.
 *
 * Returns: %TRUE on success; on failure nothing was written
 */
gboolean
tn_store_log_interaction_with_brand (TnStore        *self,
                                     TnContact      *contact,
                                     TnInteraction  *interaction,
                                     gboolean        heard_brand,
                                     GError        **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  gboolean heard_changed = FALSE;
  const char *day;
  const char *last;

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (TN_IS_CONTACT (contact), FALSE);
  g_return_val_if_fail (TN_IS_INTERACTION (interaction), FALSE);
  g_return_val_if_fail (tn_interaction_get_id (interaction) == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_contact_is_here (self, contact, error) || !check_interaction_is_valid (interaction, error))
    return FALSE;

  if (!begin (self, error))
    return FALSE;

  statement = prepare (self,
                       "INSERT INTO interactions (contact_id, kind, happened_on, one_on_one, gave_value, note) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                       error);
  if (statement == NULL)
    goto failed;

  day = tn_interaction_get_day (interaction);
  sqlite3_bind_int64 (statement, 1, tn_contact_get_id (contact));
  bind_interaction_fields (statement, interaction);
  if (!step_done (self, statement, error))
    goto failed;

  if (heard_brand && !write_heard_brand (self, contact, TRUE, &heard_changed, error))
    goto failed;

  if (!commit (self, error))
    return FALSE;

  _tn_interaction_set_ids (interaction, sqlite3_last_insert_rowid (self->db), tn_contact_get_id (contact));

  last = tn_contact_get_last_contact (contact);
  if (last == NULL || strcmp (day, last) > 0)
    {
      _tn_contact_set_last_contact (contact, day);
      announce_changed (self, contact);
    }

  g_signal_emit (self, signals[INTERACTIONS_CHANGED], 0, contact);
  if (heard_changed)
    g_signal_emit (self, signals[BRAND_CHANGED], 0);
  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

/**
 * tn_store_list_interactions:
 * @self: a store
 * @contact: a contact of this store
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type TnInteraction) (nullable):
 *   @contact's interactions, newest first, or %NULL with @error set
 */
GPtrArray *
tn_store_list_interactions (TnStore    *self,
                            TnContact  *contact,
                            GError    **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(GPtrArray) interactions = g_ptr_array_new_with_free_func (g_object_unref);
  int result;

  g_return_val_if_fail (TN_IS_STORE (self), NULL);
  g_return_val_if_fail (TN_IS_CONTACT (contact), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  statement = prepare (self,
                       "SELECT id, kind, happened_on, one_on_one, gave_value, note FROM interactions "
                       " WHERE contact_id = ?1 ORDER BY happened_on DESC, id DESC",
                       error);
  if (statement == NULL)
    return NULL;

  sqlite3_bind_int64 (statement, 1, tn_contact_get_id (contact));
  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      const char *day = (const char *) sqlite3_column_text (statement, 2);
      TnInteractionKind kind;
      TnInteraction *interaction;

      /* The schema's CHECK constraint allows only known kinds; a day
       * written by hand may still be off, and is shown as it is. */
      if (!tn_interaction_kind_parse ((const char *) sqlite3_column_text (statement, 1), &kind))
        kind = TN_INTERACTION_MEETING;

      interaction = g_object_new (TN_TYPE_INTERACTION, "kind", kind, "day", day, NULL);
      tn_interaction_set_one_on_one (interaction, sqlite3_column_int (statement, 3));
      tn_interaction_set_gave_value (interaction, sqlite3_column_int (statement, 4));
      tn_interaction_set_note (interaction, (const char *) sqlite3_column_text (statement, 5));
      _tn_interaction_set_ids (interaction, sqlite3_column_int64 (statement, 0), tn_contact_get_id (contact));
      g_ptr_array_add (interactions, interaction);
    }

  if (result != SQLITE_DONE)
    {
      set_error_from_sqlite (self, sqlite3_extended_errcode (self->db), error);
      return NULL;
    }

  return g_steal_pointer (&interactions);
}

/**
 * tn_store_update_interaction:
 * @self: a store
 * @contact: the contact @interaction is with
 * @interaction: a stored interaction
 * @changes: a draft from tn_interaction_copy() with the edited fields
 * @error: return location for a #GError
 *
 * Writes the draft's fields; only then does @interaction take them. The contact's
 * last contact follows if the day moved.
 *
 * Returns: %TRUE on success; on failure nothing changed
 */
gboolean
tn_store_update_interaction (TnStore        *self,
                             TnContact      *contact,
                             TnInteraction  *interaction,
                             TnInteraction  *changes,
                             GError        **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (TN_IS_CONTACT (contact), FALSE);
  g_return_val_if_fail (TN_IS_INTERACTION (interaction), FALSE);
  g_return_val_if_fail (tn_interaction_get_contact_id (interaction) == tn_contact_get_id (contact), FALSE);
  g_return_val_if_fail (TN_IS_INTERACTION (changes), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_contact_is_here (self, contact, error) || !check_interaction_is_valid (changes, error))
    return FALSE;

  if (!begin (self, error))
    return FALSE;

  statement = prepare (self,
                       "UPDATE interactions SET kind = ?2, happened_on = ?3, one_on_one = ?4, "
                       "gave_value = ?5, note = ?6 WHERE id = ?1",
                       error);
  if (statement == NULL)
    goto failed;

  sqlite3_bind_int64 (statement, 1, tn_interaction_get_id (interaction));
  bind_interaction_fields (statement, changes);
  if (!step_done (self, statement, error))
    goto failed;

  if (sqlite3_changes (self->db) != 1)
    {
      g_set_error_literal (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_FOUND,
                           _("This entry is no longer in the database"));
      goto failed;
    }

  if (!commit (self, error))
    return FALSE;

  _tn_interaction_assign (interaction, changes);
  /* The row is written; a failed read here only leaves "Last contact" stale. */
  refresh_last_contact (self, contact, NULL);
  g_signal_emit (self, signals[INTERACTIONS_CHANGED], 0, contact);
  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

/**
 * tn_store_remove_interaction:
 * @self: a store
 * @contact: the contact @interaction is with
 * @interaction: a stored interaction
 * @error: return location for a #GError
 *
 * Deletes @interaction from the database. The object keeps its fields, so
 * tn_store_restore_interaction() can bring it back for Undo.
 *
 * Returns: %TRUE on success; on failure nothing changed
 */
gboolean
tn_store_remove_interaction (TnStore        *self,
                             TnContact      *contact,
                             TnInteraction  *interaction,
                             GError        **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (TN_IS_CONTACT (contact), FALSE);
  g_return_val_if_fail (TN_IS_INTERACTION (interaction), FALSE);
  g_return_val_if_fail (tn_interaction_get_contact_id (interaction) == tn_contact_get_id (contact), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_contact_is_here (self, contact, error))
    return FALSE;

  if (!begin (self, error))
    return FALSE;

  statement = prepare (self, "DELETE FROM interactions WHERE id = ?1", error);
  if (statement == NULL)
    goto failed;

  sqlite3_bind_int64 (statement, 1, tn_interaction_get_id (interaction));
  if (!step_done (self, statement, error) || !commit (self, error))
    goto failed;

  _tn_interaction_set_ids (interaction, 0, 0);
  refresh_last_contact (self, contact, NULL);
  g_signal_emit (self, signals[INTERACTIONS_CHANGED], 0, contact);
  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

/**
 * tn_store_restore_interaction:
 * @self: a store
 * @contact: the contact @interaction was with
 * @interaction: an interaction tn_store_remove_interaction() removed
 * @error: return location for a #GError
 *
 * Undo for tn_store_remove_interaction(): records @interaction again, with a new id.
 *
 * Returns: %TRUE on success; on failure nothing changed
 */
gboolean
tn_store_restore_interaction (TnStore        *self,
                              TnContact      *contact,
                              TnInteraction  *interaction,
                              GError        **error)
{
  g_return_val_if_fail (TN_IS_INTERACTION (interaction), FALSE);
  g_return_val_if_fail (tn_interaction_get_id (interaction) == 0, FALSE);

  return tn_store_log_interaction (self, contact, interaction, error);
}

/* The weekly reminder's state lives in the meta table under these keys, as decimal text. */
#define META_SENT_YEAR "reminder-sent-year"
#define META_SENT_WEEK "reminder-sent-week"
#define META_SNOOZED_UNTIL "reminder-snoozed-until"

static gboolean
read_meta_int (TnStore     *self,
               const char  *key,
               gint64      *value,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = prepare (self, "SELECT value FROM meta WHERE key = ?1", error);
  int result;

  *value = 0;
  if (statement == NULL)
    return FALSE;

  bind_text (statement, 1, key);
  result = sqlite3_step (statement);
  if (result == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (statement, 0);

      *value = text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
      return TRUE;
    }
  if (result != SQLITE_DONE)
    {
      set_error_from_sqlite (self, sqlite3_extended_errcode (self->db), error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_meta_int (TnStore     *self,
                const char  *key,
                gint64       value,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = prepare (self, "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)", error);
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  if (statement == NULL)
    return FALSE;

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  bind_text (statement, 1, key);
  bind_text (statement, 2, text);
  return step_done (self, statement, error);
}

static gboolean
read_sent_and_snooze (TnStore          *self,
                      TnReminderState  *state,
                      GError          **error)
{
  gint64 year, week;

  if (!read_meta_int (self, META_SENT_YEAR, &year, error) ||
      !read_meta_int (self, META_SENT_WEEK, &week, error) ||
      !read_meta_int (self, META_SNOOZED_UNTIL, &state->snoozed_until, error))
    return FALSE;

  state->sent_year = (int) year;
  state->sent_week = (int) week;
  return TRUE;
}

/* "YYYY-MM-DD" of @when's local calendar day plus @days. */
static char *
local_day_plus (GDateTime *when,
                int        days)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (when);
  g_autoptr(GDateTime) shifted = g_date_time_add_days (local, days);

  return g_date_time_format (shifted, "%Y-%m-%d");
}

/**
 * tn_store_get_reminder_state:
 * @self: a store
 * @state: (out caller-allocates): filled with what the database knows
 * @now: the current time; its local ISO week is "this week"
 * @error: return location for a #GError
 *
 * Fills @state's @sent_year, @sent_week and @snoozed_until from the meta table, and
 * @lunch_this_week from the interactions: a lunch or coffee with anyone on a day from
 * @now's local Monday to Sunday. @enabled is left alone: it is a setting, not data.
 *
 * Returns: %TRUE on success
 */
gboolean
tn_store_get_reminder_state (TnStore          *self,
                             TnReminderState  *state,
                             GDateTime        *now,
                             GError          **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *monday = NULL;
  g_autofree char *sunday = NULL;
  int weekday;

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (state != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!read_sent_and_snooze (self, state, error))
    return FALSE;

  local = g_date_time_to_local (now);
  weekday = g_date_time_get_day_of_week (local); /* 1 = Monday */
  monday = local_day_plus (local, 1 - weekday);
  sunday = local_day_plus (local, 7 - weekday);

  /* Days compare as text: YYYY-MM-DD sorts by date. */
  statement = prepare (self,
                       "SELECT EXISTS (SELECT 1 FROM interactions"
                       "  WHERE kind IN ('lunch', 'coffee') AND happened_on BETWEEN ?1 AND ?2)",
                       error);
  if (statement == NULL)
    return FALSE;
  bind_text (statement, 1, monday);
  bind_text (statement, 2, sunday);
  if (sqlite3_step (statement) != SQLITE_ROW)
    {
      set_error_from_sqlite (self, sqlite3_extended_errcode (self->db), error);
      return FALSE;
    }
  state->lunch_this_week = sqlite3_column_int (statement, 0) != 0;

  return TRUE;
}

/**
 * tn_store_claim_reminder:
 * @self: a store
 * @iso_year: the ISO week-numbering year of the reminder about to be sent
 * @iso_week: its ISO week
 * @claimed: (out): whether this caller may send it
 * @error: return location for a #GError
 *
 * Records that the reminder of @iso_year-W@iso_week is being sent, in one
 * `BEGIN IMMEDIATE` transaction that reads the week recorded before writing it, so two
 * processes that both found it due never both send it: the second gets @claimed
 * %FALSE. A snooze pending in the same week (set after that week's reminder was
 * sent, and run out by the time tn_reminder_check() said due) is a second chance:
 * the claim then succeeds and clears it, so again only one process sends.
 *
 * Returns: %TRUE on success, whatever @claimed says; on failure nothing was written
 */
gboolean
tn_store_claim_reminder (TnStore   *self,
                         int        iso_year,
                         int        iso_week,
                         gboolean  *claimed,
                         GError   **error)
{
  TnReminderState before = { 0 };

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (iso_year > 0 && iso_week >= 1 && iso_week <= 53, FALSE);
  g_return_val_if_fail (claimed != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *claimed = FALSE;
  if (!begin (self, error))
    return FALSE;

  if (!read_sent_and_snooze (self, &before, error))
    goto failed;

  if (before.sent_year != iso_year || before.sent_week != iso_week || before.snoozed_until != 0)
    {
      if (!write_meta_int (self, META_SENT_YEAR, iso_year, error) ||
          !write_meta_int (self, META_SENT_WEEK, iso_week, error) ||
          !write_meta_int (self, META_SNOOZED_UNTIL, 0, error))
        goto failed;
      *claimed = TRUE;
    }

  if (!commit (self, error))
    {
      *claimed = FALSE;
      return FALSE;
    }

  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

/**
 * tn_store_unclaim_reminder:
 * @self: a store
 * @before: the state read before tn_store_claim_reminder()
 * @error: return location for a #GError
 *
 * Puts back the sent week and snooze of @before, in one transaction: for a caller whose
 * claim succeeded but whose notification could not be shown, so the reminder stays due.
 *
 * Returns: %TRUE on success
 */
gboolean
tn_store_unclaim_reminder (TnStore               *self,
                           const TnReminderState *before,
                           GError               **error)
{
  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (before != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!begin (self, error))
    return FALSE;

  if (!write_meta_int (self, META_SENT_YEAR, before->sent_year, error) ||
      !write_meta_int (self, META_SENT_WEEK, before->sent_week, error) ||
      !write_meta_int (self, META_SNOOZED_UNTIL, before->snoozed_until, error))
    {
      rollback (self);
      return FALSE;
    }

  return commit (self, error);
}

/**
 * tn_store_snooze_reminder:
 * @self: a store
 * @until_unix: when the reminder may come back ("Remind me tomorrow"), 0 to clear
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
tn_store_snooze_reminder (TnStore  *self,
                          gint64    until_unix,
                          GError  **error)
{
  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (until_unix >= 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return write_meta_int (self, META_SNOOZED_UNTIL, until_unix, error);
}

/* Unix time of a "YYYY-MM-DD" day's local midnight, 0 if it is not a day. */
static gint64
local_midnight (const char *day)
{
  g_autoptr(GDateTime) midnight = NULL;
  int year, month, mday;

  if (day == NULL || sscanf (day, "%d-%d-%d", &year, &month, &mday) != 3)
    return 0;

  midnight = g_date_time_new_local (year, month, mday, 0, 0, 0);
  return midnight != NULL ? g_date_time_to_unix (midnight) : 0;
}

/**
 * tn_store_list_reminder_candidates:
 * @self: a store
 * @cadence: the keep-in-touch interval per trust rating
 * @error: return location for a #GError
 *
 * Every contact in the list as tn_reminder_suggest() wants it: its last contact day at
 * local midnight (0 if never met), when it was added, and its cadence (its own, else its
 * tier's; none for the unrated without one).
 *
 * The names are borrowed from the store's contacts: they stay valid while the store is
 * alive and those contacts are not changed or removed, so use the array at once and do
 * not keep it across a return to the main loop.
 *
 * Returns: (transfer full) (element-type TnReminderCandidate): the candidates, by id
 */
GArray *
tn_store_list_reminder_candidates (TnStore    *self,
                                   const TnCadence *cadence,
                                   GError    **error)
{
  GListModel *contacts;
  GArray *candidates;
  guint n_items;

  g_return_val_if_fail (TN_IS_STORE (self), NULL);
  g_return_val_if_fail (cadence != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  contacts = G_LIST_MODEL (self->contacts);
  n_items = g_list_model_get_n_items (contacts);
  candidates = g_array_sized_new (FALSE, TRUE, sizeof (TnReminderCandidate), n_items);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TnContact) contact = g_list_model_get_item (contacts, i);
      GDateTime *created_at = tn_contact_get_created_at (contact);
      TnReminderCandidate candidate = { 0 };
      int trust = tn_contact_get_trust (contact);

      candidate.id = tn_contact_get_id (contact);
      candidate.name = tn_contact_get_full_name (contact);
      candidate.trust = trust;
      candidate.last_met = local_midnight (tn_contact_get_last_contact (contact));
      candidate.added_at = created_at != NULL ? g_date_time_to_unix (created_at) : 0;
      candidate.cadence_weeks = tn_cadence_weeks_for (cadence, contact);
      g_array_append_val (candidates, candidate);
    }

  return candidates;
}

/* ---- Who you are: brand statements and linchpin self-checks ---- */

void
tn_brand_version_free (TnBrandVersion *version)
{
  if (version == NULL)
    return;

  g_free (version->text);
  g_free (version);
}

static TnBrandVersion *
brand_version_from_row (sqlite3_stmt *statement)
{
  TnBrandVersion *version = g_new0 (TnBrandVersion, 1);

  version->id = sqlite3_column_int64 (statement, 0);
  version->text = g_strdup ((const char *) sqlite3_column_text (statement, 1));
  version->created_at = sqlite3_column_int64 (statement, 2);
  return version;
}

/* Reads the versions newest first, at most @limit of them (-1 for all). Versions are
 * ordered by id, not by date: TRUSTNET_NOW or a clock change may set dates back. */
static GPtrArray *
read_brand_versions (TnStore  *self,
                     int       limit,
                     GError  **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(GPtrArray) versions = g_ptr_array_new_with_free_func ((GDestroyNotify) tn_brand_version_free);
  int result;

  statement = prepare (self, "SELECT id, text, created_at FROM brand_statements ORDER BY id DESC LIMIT ?1", error);
  if (statement == NULL)
    return NULL;

  sqlite3_bind_int (statement, 1, limit);
  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    g_ptr_array_add (versions, brand_version_from_row (statement));

  if (result != SQLITE_DONE)
    {
      set_error_from_sqlite (self, sqlite3_extended_errcode (self->db), error);
      return NULL;
    }

  return g_steal_pointer (&versions);
}

/**
 * tn_store_get_current_brand_statement:
 * @self: a store
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the newest saved version, or %NULL: with @error set
 *   on failure, without when no statement was ever saved
 */
TnBrandVersion *
tn_store_get_current_brand_statement (TnStore  *self,
                                      GError  **error)
{
  g_autoptr(GPtrArray) versions = NULL;

  g_return_val_if_fail (TN_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  versions = read_brand_versions (self, 1, error);
  if (versions == NULL || versions->len == 0)
    return NULL;

  return g_ptr_array_steal_index (versions, 0);
}

/**
 * tn_store_list_brand_statements:
 * @self: a store
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type TnBrandVersion) (nullable): every saved
 *   version, newest (the current one) first, or %NULL with @error set
 */
GPtrArray *
tn_store_list_brand_statements (TnStore  *self,
                                GError  **error)
{
  g_return_val_if_fail (TN_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_brand_versions (self, -1, error);
}

/**
 * tn_store_save_brand_statement:
 * @self: a store
 * @text: the statement; white space is cleaned up as tn_brand_clean_text() does
 * @id_out: (out) (optional): the current version's id afterwards
 * @error: return location for a #GError
 *
 * Saves @text as a new version, which becomes the current one. Saving the text of the
 * current version again writes nothing and succeeds. An empty statement, or one longer
 * than %TN_BRAND_MAX_CHARS characters, is refused with %TN_STORE_ERROR_INVALID.
 * Emits #TnStore::brand-changed after a new version is committed.
 *
 * Returns: %TRUE on success; on failure nothing was written
 */
gboolean
tn_store_save_brand_statement (TnStore     *self,
                               const char  *text,
                               gint64      *id_out,
                               GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(GPtrArray) current = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *problem = NULL;

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  problem = tn_brand_find_problem (text);
  if (problem != NULL)
    {
      g_set_error_literal (error, TN_STORE_ERROR, TN_STORE_ERROR_INVALID, problem);
      return FALSE;
    }

  clean = tn_brand_clean_text (text);

  if (!begin (self, error))
    return FALSE;

  /* Read under the lock, so two processes saving the same text make one version. */
  current = read_brand_versions (self, 1, error);
  if (current == NULL)
    goto failed;

  if (current->len > 0 && g_strcmp0 (((TnBrandVersion *) current->pdata[0])->text, clean) == 0)
    {
      rollback (self);
      if (id_out != NULL)
        *id_out = ((TnBrandVersion *) current->pdata[0])->id;
      return TRUE;
    }

  statement = prepare (self, "INSERT INTO brand_statements (text, created_at) VALUES (?1, ?2)", error);
  if (statement == NULL)
    goto failed;

  bind_text (statement, 1, clean);
  sqlite3_bind_int64 (statement, 2, now_unix ());
  if (!step_done (self, statement, error))
    goto failed;

  if (id_out != NULL)
    *id_out = sqlite3_last_insert_rowid (self->db);

  if (!commit (self, error))
    return FALSE;

  g_signal_emit (self, signals[BRAND_CHANGED], 0);
  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

/**
 * tn_store_restore_brand_statement:
 * @self: a store
 * @id: the id of a saved version
 * @error: return location for a #GError
 *
 * Makes an old version current again by saving its text as a new version: history is
 * never rewritten, and whom you told the restored text starts again from nobody.
 *
 * Returns: %TRUE on success; on failure nothing was written
 */
gboolean
tn_store_restore_brand_statement (TnStore  *self,
                                  gint64    id,
                                  GError  **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autofree char *text = NULL;
  int result;

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  statement = prepare (self, "SELECT text FROM brand_statements WHERE id = ?1", error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, id);
  result = sqlite3_step (statement);
  if (result == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (statement, 0));
  else if (result == SQLITE_DONE)
    {
      g_set_error_literal (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_FOUND,
                           _("This version of your statement is no longer in the database"));
      return FALSE;
    }
  else
    {
      set_error_from_sqlite (self, sqlite3_extended_errcode (self->db), error);
      return FALSE;
    }

  return tn_store_save_brand_statement (self, text, NULL, error);
}

/* Marks (or unmarks) that @contact heard the current version, inside the caller's
 * transaction; @changed says whether a row was written. */
static gboolean
write_heard_brand (TnStore    *self,
                   TnContact  *contact,
                   gboolean    heard,
                   gboolean   *changed,
                   GError    **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(GPtrArray) current = read_brand_versions (self, 1, error);

  *changed = FALSE;
  if (current == NULL)
    return FALSE;

  if (current->len == 0)
    {
      g_set_error_literal (error, TN_STORE_ERROR, TN_STORE_ERROR_INVALID,
                           _("Save your brand statement first, then mark who heard it"));
      return FALSE;
    }

  statement = prepare (self,
                       heard
                       ? "INSERT OR IGNORE INTO brand_heard (statement_id, contact_id, heard_at) VALUES (?1, ?2, ?3)"
                       : "DELETE FROM brand_heard WHERE statement_id = ?1 AND contact_id = ?2",
                       error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, ((TnBrandVersion *) current->pdata[0])->id);
  sqlite3_bind_int64 (statement, 2, tn_contact_get_id (contact));
  if (heard)
    sqlite3_bind_int64 (statement, 3, now_unix ());
  if (!step_done (self, statement, error))
    return FALSE;

  *changed = sqlite3_changes (self->db) > 0;
  return TRUE;
}

/**
 * tn_store_set_heard_brand:
 * @self: a store
 * @contact: a contact of this store
 * @heard: whether you told @contact your current statement
 * @error: return location for a #GError
 *
 * Records whether @contact heard the current version. With no statement saved yet this
 * is refused with %TN_STORE_ERROR_INVALID. Emits #TnStore::brand-changed when it changed.
 *
 * Returns: %TRUE on success; on failure nothing was written
 */
gboolean
tn_store_set_heard_brand (TnStore    *self,
                          TnContact  *contact,
                          gboolean    heard,
                          GError    **error)
{
  gboolean changed;

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (TN_IS_CONTACT (contact), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_contact_is_here (self, contact, error) || !begin (self, error))
    return FALSE;

  if (!write_heard_brand (self, contact, heard, &changed, error))
    {
      rollback (self);
      return FALSE;
    }

  if (!commit (self, error))
    return FALSE;

  if (changed)
    g_signal_emit (self, signals[BRAND_CHANGED], 0);
  return TRUE;
}

/**
 * tn_store_get_heard_brand:
 * @self: a store
 * @contact: a contact of this store
 *
 * Returns: whether @contact heard the current version; %FALSE when there is none, or
 *   when the database cannot be read
 */
gboolean
tn_store_get_heard_brand (TnStore   *self,
                          TnContact *contact)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (TN_IS_CONTACT (contact), FALSE);

  statement = prepare (self,
                       "SELECT EXISTS (SELECT 1 FROM brand_heard WHERE contact_id = ?1"
                       "  AND statement_id = (SELECT max (id) FROM brand_statements))",
                       NULL);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, tn_contact_get_id (contact));
  return sqlite3_step (statement) == SQLITE_ROW && sqlite3_column_int (statement, 0) != 0;
}

/**
 * tn_store_count_brand_reach:
 * @self: a store
 * @heard: (out): how many of @trusted heard the current version
 * @trusted: (out): how many contacts trust you completely (rated 1)
 * @error: return location for a #GError
 *
 * "12 of 17 of your 1s know what you do now". Removed contacts do not count; with no
 * statement saved, @heard is 0.
 *
 * Returns: %TRUE on success
 */
gboolean
tn_store_count_brand_reach (TnStore  *self,
                            guint    *heard,
                            guint    *trusted,
                            GError  **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (heard != NULL && trusted != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *heard = *trusted = 0;
  statement = prepare (self,
                       "SELECT count (*), count (h.contact_id) FROM contacts c"
                       "  LEFT JOIN brand_heard h ON h.contact_id = c.id"
                       "    AND h.statement_id = (SELECT max (id) FROM brand_statements)"
                       "  WHERE c.trust = 1 AND c.removed_at IS NULL",
                       error);
  if (statement == NULL)
    return FALSE;

  if (sqlite3_step (statement) != SQLITE_ROW)
    {
      set_error_from_sqlite (self, sqlite3_extended_errcode (self->db), error);
      return FALSE;
    }

  *trusted = (guint) sqlite3_column_int64 (statement, 0);
  *heard = (guint) sqlite3_column_int64 (statement, 1);
  return TRUE;
}

/**
 * tn_store_log_interaction:
 * @self: a store
 * @contact: a contact of this store
 * @interaction: a new interaction (from tn_interaction_new())
 * @error: return location for a #GError
 *
 * tn_store_log_interaction_with_brand() without marking the statement heard.
 *
 * Returns: %TRUE on success; on failure nothing was written
 */
gboolean
tn_store_log_interaction (TnStore        *self,
                          TnContact      *contact,
                          TnInteraction  *interaction,
                          GError        **error)
{
  return tn_store_log_interaction_with_brand (self, contact, interaction, FALSE, error);
}

/**
 * tn_store_save_linchpin_check:
 * @self: a store
 * @answers: bit i set: question i answered "yes" (see #TnLinchpinQuestion)
 * @error: return location for a #GError
 *
 * Records a self-check taken now, with its score from tn_linchpin_score(). Answers with
 * bits beyond the six questions are refused with %TN_STORE_ERROR_INVALID. Emits
 * #TnStore::brand-changed.
 *
 * Returns: %TRUE on success; on failure nothing was written
 */
gboolean
tn_store_save_linchpin_check (TnStore  *self,
                              guint     answers,
                              GError  **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!tn_linchpin_answers_are_valid (answers))
    {
      g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_INVALID,
                   _("%u is not a set of answers to the six questions"), answers);
      return FALSE;
    }

  if (!begin (self, error))
    return FALSE;

  statement = prepare (self, "INSERT INTO linchpin_checks (taken_at, answers, score) VALUES (?1, ?2, ?3)", error);
  if (statement == NULL)
    goto failed;

  sqlite3_bind_int64 (statement, 1, now_unix ());
  sqlite3_bind_int (statement, 2, (int) answers);
  sqlite3_bind_int (statement, 3, tn_linchpin_score (answers));
  if (!step_done (self, statement, error) || !commit (self, error))
    goto failed;

  g_signal_emit (self, signals[BRAND_CHANGED], 0);
  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

/**
 * tn_store_list_linchpin_checks:
 * @self: a store
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type TnLinchpinCheck) (nullable): every self-check,
 *   newest first, or %NULL with @error set
 */
GArray *
tn_store_list_linchpin_checks (TnStore  *self,
                               GError  **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(GArray) checks = g_array_new (FALSE, TRUE, sizeof (TnLinchpinCheck));
  int result;

  g_return_val_if_fail (TN_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  statement = prepare (self, "SELECT id, taken_at, answers, score FROM linchpin_checks ORDER BY id DESC", error);
  if (statement == NULL)
    return NULL;

  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      TnLinchpinCheck check = {
        .id = sqlite3_column_int64 (statement, 0),
        .taken_at = sqlite3_column_int64 (statement, 1),
        .answers = (guint) sqlite3_column_int (statement, 2),
        .score = sqlite3_column_int (statement, 3),
      };

      g_array_append_val (checks, check);
    }

  if (result != SQLITE_DONE)
    {
      set_error_from_sqlite (self, sqlite3_extended_errcode (self->db), error);
      return NULL;
    }

  return g_steal_pointer (&checks);
}

/**
 * tn_store_count_one_on_one:
 * @self: a store
 * @since: the first day to count (its local calendar day)
 * @one_on_one: (out): how many of the interactions were one-on-one
 * @total: (out): how many interactions were logged from that day on
 * @error: return location for a #GError
 *
 * What TrustNet knows for the self-check's question about group events: of the
 * interactions logged with contacts still in the list, how many were one-on-one.
 *
 * Returns: %TRUE on success
 */
gboolean
tn_store_count_one_on_one (TnStore    *self,
                           GDateTime  *since,
                           guint      *one_on_one,
                           guint      *total,
                           GError    **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autofree char *first_day = NULL;

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (since != NULL, FALSE);
  g_return_val_if_fail (one_on_one != NULL && total != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *one_on_one = *total = 0;
  /* interaction_days holds each day's sums: 90 rows, not a walk over every interaction
   * of the period (400 ms with a million of them). Removed contacts, few and waiting to
   * be purged or brought back, are taken out by their own interactions (CROSS JOIN keeps
   * SQLite starting from those few contacts rather than from every interaction). */
  statement = prepare (self,
                       "SELECT (SELECT coalesce (sum (n), 0) FROM interaction_days WHERE day >= ?1)"
                       "       - (SELECT count (*) FROM contacts c CROSS JOIN interactions i ON i.contact_id = c.id"
                       "           WHERE c.removed_at IS NOT NULL AND i.happened_on >= ?1),"
                       "       (SELECT coalesce (sum (one_on_one), 0) FROM interaction_days WHERE day >= ?1)"
                       "       - (SELECT coalesce (sum (i.one_on_one != 0), 0) FROM contacts c"
                       "           CROSS JOIN interactions i ON i.contact_id = c.id"
                       "           WHERE c.removed_at IS NOT NULL AND i.happened_on >= ?1)",
                       error);
  if (statement == NULL)
    return FALSE;

  first_day = local_day_plus (since, 0);
  bind_text (statement, 1, first_day);
  if (sqlite3_step (statement) != SQLITE_ROW)
    {
      set_error_from_sqlite (self, sqlite3_extended_errcode (self->db), error);
      return FALSE;
    }

  *total = (guint) sqlite3_column_int64 (statement, 0);
  *one_on_one = (guint) sqlite3_column_int64 (statement, 1);
  return TRUE;
}
