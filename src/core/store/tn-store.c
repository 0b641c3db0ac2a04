/* tn-store.c — TrustNet's SQLite database: opening it safely and migrating it.
 * The other concerns of TnStore live in tn-store-*.c, sharing tn-store-internal.h.
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

#include "tn-clock.h"
#include "tn-store-field-times.h"
#include "tn-store-internal.h"

G_DEFINE_FINAL_TYPE (TnStore, tn_store, G_TYPE_OBJECT)

guint _tn_store_signals[TN_STORE_N_SIGNALS];

G_DEFINE_QUARK (tn-store-error-quark, tn_store_error)

/* The rating a row of trust_changes replaced: that of the contact's change before it in
 * time (and in id, for two in one second), 0 (unrated) before the first. Schema 11 keeps
 * it in the row. */
#define PREVIOUS_RATING_SQL \
  "coalesce ((SELECT p.trust FROM trust_changes AS p" \
  "             WHERE p.contact_id = trust_changes.contact_id" \
  "               AND (p.changed_at, p.id) < (trust_changes.changed_at, trust_changes.id)" \
  "             ORDER BY p.changed_at DESC, p.id DESC LIMIT 1), 0)"

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

  /* 5 → 6: one truth between processes. Contact ids are never reused (AUTOINCREMENT, so a
   * notification or an Undo that names an id never reaches someone added after a purge),
   * each contact row has a revision that every change bumps, and the change feed records,
   * by triggers, the latest committed change of every row that matters: another process
   * reads it to refresh exactly those rows, and sync to know what changed since it last
   * looked. One row per changed row (INSERT OR REPLACE moves it to a new seq), so the feed
   * is bounded by the size of the database. The table is rebuilt with foreign keys off
   * (see migrate()); the triggers that name contacts are dropped first and made again. */
  "DROP TRIGGER interactions_insert_last_met;"
  "DROP TRIGGER interactions_delete_last_met;"
  "DROP TRIGGER interactions_update_last_met;"
  "CREATE TABLE contacts_v6 ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
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
  "  vcard TEXT,"
  "  batch_id INTEGER REFERENCES import_batches (id) ON DELETE SET NULL,"
  "  cadence_weeks INTEGER NOT NULL DEFAULT 0 CHECK (cadence_weeks BETWEEN 0 AND 520),"
  "  last_met TEXT,"
  "  revision INTEGER NOT NULL DEFAULT 0"
  ");"
  "INSERT INTO contacts_v6 (id, uid, full_name, given_name, family_name, organization, title, note, birthday,"
  "                         trust, created_at, updated_at, removed_at, vcard, batch_id, cadence_weeks, last_met)"
  "  SELECT id, uid, full_name, given_name, family_name, organization, title, note, birthday,"
  "         trust, created_at, updated_at, removed_at, vcard, batch_id, cadence_weeks, last_met FROM contacts;"
  "DROP TABLE contacts;"
  "ALTER TABLE contacts_v6 RENAME TO contacts;"
  "CREATE INDEX contacts_full_name ON contacts (full_name);"
  "CREATE INDEX contacts_batch ON contacts (batch_id);"
  "CREATE INDEX contacts_removed_trust ON contacts"
  "  (removed_at, trust, cadence_weeks, last_met, created_at, batch_id, organization);"
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
  "CREATE TABLE changes ("
  "  seq INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  kind TEXT NOT NULL CHECK (kind IN ('contact', 'interaction', 'brand', 'self-check', 'setting')),"
  "  row_id INTEGER NOT NULL,"
  "  contact_id INTEGER,"
  "  deleted INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE UNIQUE INDEX changes_row ON changes (kind, row_id);"
  /* A contact's row, and everything shown as part of it. A row that changes without
   * naming a new revision gets the next one. Whatever changes a contact's emails or
   * phones also writes its row (its updated_at), so the addresses need no triggers of
   * their own: each would cost every address an import writes. The contacts an import
   * adds are recorded by tn_import_writer_end_batch() in one statement, for the same
   * reason. */
  "CREATE TRIGGER contacts_insert_feed AFTER INSERT ON contacts WHEN NEW.batch_id IS NULL BEGIN"
  "  INSERT OR REPLACE INTO changes (kind, row_id, contact_id) VALUES ('contact', NEW.id, NEW.id);"
  "END;"
  "CREATE TRIGGER contacts_update_feed AFTER UPDATE ON contacts BEGIN"
  "  UPDATE contacts SET revision = OLD.revision + 1 WHERE id = NEW.id AND NEW.revision = OLD.revision;"
  "  INSERT OR REPLACE INTO changes (kind, row_id, contact_id) VALUES ('contact', NEW.id, NEW.id);"
  "END;"
  "CREATE TRIGGER contacts_delete_feed AFTER DELETE ON contacts BEGIN"
  "  INSERT OR REPLACE INTO changes (kind, row_id, contact_id, deleted) VALUES ('contact', OLD.id, OLD.id, 1);"
  "END;"
  "CREATE TRIGGER interactions_insert_feed AFTER INSERT ON interactions BEGIN"
  "  INSERT OR REPLACE INTO changes (kind, row_id, contact_id) VALUES ('interaction', NEW.id, NEW.contact_id);"
  "END;"
  "CREATE TRIGGER interactions_update_feed AFTER UPDATE ON interactions BEGIN"
  "  INSERT OR REPLACE INTO changes (kind, row_id, contact_id) VALUES ('interaction', NEW.id, NEW.contact_id);"
  "END;"
  "CREATE TRIGGER interactions_delete_feed AFTER DELETE ON interactions BEGIN"
  "  INSERT OR REPLACE INTO changes (kind, row_id, contact_id, deleted) VALUES ('interaction', OLD.id, OLD.contact_id, 1);"
  "END;"
  "CREATE TRIGGER brand_statements_insert_feed AFTER INSERT ON brand_statements BEGIN"
  "  INSERT OR REPLACE INTO changes (kind, row_id) VALUES ('brand', NEW.id);"
  "END;"
  "CREATE TRIGGER brand_statements_delete_feed AFTER DELETE ON brand_statements BEGIN"
  "  INSERT OR REPLACE INTO changes (kind, row_id, deleted) VALUES ('brand', OLD.id, 1);"
  "END;"
  /* Whom you told your statement is part of the contact (and of the brand page). */
  "CREATE TRIGGER brand_heard_insert_feed AFTER INSERT ON brand_heard BEGIN"
  "  INSERT OR REPLACE INTO changes (kind, row_id, contact_id) VALUES ('contact', NEW.contact_id, NEW.contact_id);"
  "END;"
  "CREATE TRIGGER brand_heard_delete_feed AFTER DELETE ON brand_heard BEGIN"
  "  INSERT OR REPLACE INTO changes (kind, row_id, contact_id) VALUES ('contact', OLD.contact_id, OLD.contact_id);"
  "END;"
  "CREATE TRIGGER linchpin_checks_insert_feed AFTER INSERT ON linchpin_checks BEGIN"
  "  INSERT OR REPLACE INTO changes (kind, row_id) VALUES ('self-check', NEW.id);"
  "END;"
  "CREATE TRIGGER meta_insert_feed AFTER INSERT ON meta BEGIN"
  "  INSERT OR REPLACE INTO changes (kind, row_id) VALUES ('setting', NEW.rowid);"
  "END;"
  "CREATE TRIGGER meta_update_feed AFTER UPDATE ON meta BEGIN"
  "  INSERT OR REPLACE INTO changes (kind, row_id) VALUES ('setting', NEW.rowid);"
  "END;"
  "CREATE TRIGGER meta_delete_feed AFTER DELETE ON meta BEGIN"
  "  INSERT OR REPLACE INTO changes (kind, row_id, deleted) VALUES ('setting', OLD.rowid, 1);"
  "END;"
  /* Every contact there now is news to a feed that starts here. */
  "INSERT INTO changes (kind, row_id, contact_id) SELECT 'contact', id, id FROM contacts;",

  /* 6 → 7: the professional network (issue 16). A contact's web pages (a LinkedIn profile
   * is the best identity LinkedIn gives, so it is matched on, by its normalised form) and
   * when the connection began; job changes noticed when an import finds a known person
   * with another organization or title (batch_id: an import's Undo takes its changes back;
   * dismissed_at: the dashboard no longer shows it). batch_changes is rebuilt to take the
   * two new fields an import may fill. Job changes are part of their contact in the feed. */
  "ALTER TABLE contacts ADD COLUMN connected_on TEXT;"
  "CREATE TABLE urls ("
  "  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  value TEXT NOT NULL,"
  "  normalized TEXT NOT NULL,"
  "  PRIMARY KEY (contact_id, position)"
  ");"
  "CREATE INDEX urls_normalized ON urls (normalized);"
  "CREATE TABLE job_changes ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,"
  "  from_organization TEXT,"
  "  from_title TEXT,"
  "  to_organization TEXT,"
  "  to_title TEXT,"
  "  noticed_on TEXT NOT NULL,"
  "  batch_id INTEGER REFERENCES import_batches (id) ON DELETE SET NULL,"
  "  dismissed_at INTEGER"
  ");"
  "CREATE INDEX job_changes_contact ON job_changes (contact_id);"
  "CREATE INDEX job_changes_noticed ON job_changes (noticed_on);"
  "CREATE INDEX job_changes_batch ON job_changes (batch_id);"
  "CREATE TABLE batch_changes_v7 ("
  "  batch_id INTEGER NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,"
  "  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,"
  "  what TEXT NOT NULL CHECK (what IN ('email', 'phone', 'url', 'given_name', 'family_name',"
  "                                     'organization', 'title', 'note', 'birthday', 'vcard',"
  "                                     'connected_on')),"
  "  value TEXT NOT NULL"
  ");"
  "INSERT INTO batch_changes_v7 (batch_id, contact_id, what, value)"
  "  SELECT batch_id, contact_id, what, value FROM batch_changes;"
  "DROP TABLE batch_changes;"
  "ALTER TABLE batch_changes_v7 RENAME TO batch_changes;"
  "CREATE INDEX batch_changes_batch ON batch_changes (batch_id);"
  "CREATE INDEX batch_changes_contact ON batch_changes (contact_id);"
  "CREATE TRIGGER job_changes_insert_feed AFTER INSERT ON job_changes BEGIN"
  "  INSERT OR REPLACE INTO changes (kind, row_id, contact_id) VALUES ('contact', NEW.contact_id, NEW.contact_id);"
  "END;"
  "CREATE TRIGGER job_changes_update_feed AFTER UPDATE ON job_changes BEGIN"
  "  INSERT OR REPLACE INTO changes (kind, row_id, contact_id) VALUES ('contact', NEW.contact_id, NEW.contact_id);"
  "END;"
  "CREATE TRIGGER job_changes_delete_feed AFTER DELETE ON job_changes BEGIN"
  "  INSERT OR REPLACE INTO changes (kind, row_id, contact_id) VALUES ('contact', OLD.contact_id, OLD.contact_id);"
  "END;",

  /* 7 → 8: sync over CardDAV (src/core/sync/, issue 18). The account (never the password:
   * that is in the keyring), the sync token and how far the change feed was sent; per card
   * its href, ETag, the contact's revision and the card as last synced (the base of the
   * three-way merge). Interactions get a uid every machine shares and a change time; a
   * deleted one leaves a tombstone so that no other machine brings it back. Each field of a
   * contact records when it last changed, by triggers, so that "the later change wins"
   * holds whichever writer (window, command line, import) changed it. */
  "CREATE TABLE sync_account ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  server_url TEXT NOT NULL,"
  "  user_name TEXT NOT NULL,"
  "  book_url TEXT NOT NULL,"
  "  token TEXT,"
  "  seen_seq INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE sync_cards ("
  "  uid TEXT PRIMARY KEY,"
  "  href TEXT NOT NULL UNIQUE,"
  "  etag TEXT,"
  "  revision INTEGER NOT NULL DEFAULT 0,"
  "  card TEXT NOT NULL"
  ");"
  "ALTER TABLE interactions ADD COLUMN uid TEXT;"
  "ALTER TABLE interactions ADD COLUMN changed_at INTEGER NOT NULL DEFAULT 0;"
  "UPDATE interactions SET uid = lower (hex (randomblob (16)));"
  "CREATE UNIQUE INDEX interactions_uid ON interactions (uid);"
  "CREATE TRIGGER interactions_insert_uid AFTER INSERT ON interactions WHEN NEW.uid IS NULL BEGIN"
  "  UPDATE interactions SET uid = lower (hex (randomblob (16))),"
  "                          changed_at = CAST (strftime ('%s', 'now') AS INTEGER) WHERE id = NEW.id;"
  "END;"
  /* A change that names no new change time (everything but sync) gets now. */
  "CREATE TRIGGER interactions_update_changed_at"
  "  AFTER UPDATE OF contact_id, kind, happened_on, one_on_one, gave_value, note ON interactions"
  "  WHEN NEW.changed_at = OLD.changed_at BEGIN"
  "  UPDATE interactions SET changed_at = CAST (strftime ('%s', 'now') AS INTEGER) WHERE id = NEW.id;"
  "END;"
  "CREATE TABLE sync_gone ("
  "  uid TEXT PRIMARY KEY,"
  "  contact_id INTEGER NOT NULL,"
  "  deleted_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX sync_gone_contact ON sync_gone (contact_id);"
  "CREATE TRIGGER interactions_delete_gone AFTER DELETE ON interactions WHEN OLD.uid IS NOT NULL BEGIN"
  "  INSERT OR REPLACE INTO sync_gone (uid, contact_id, deleted_at)"
  "    VALUES (OLD.uid, OLD.contact_id, CAST (strftime ('%s', 'now') AS INTEGER));"
  "END;"
  "CREATE TABLE sync_field_times ("
  "  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,"
  "  field TEXT NOT NULL,"
  "  changed_at INTEGER NOT NULL,"
  "  PRIMARY KEY (contact_id, field)"
  ") WITHOUT ROWID;"
  "CREATE TRIGGER contacts_update_field_times AFTER UPDATE ON contacts BEGIN"
  CONTACT_FIELD_TIMES_BODY
  "END;"
  "CREATE TRIGGER brand_heard_insert_field_time AFTER INSERT ON brand_heard BEGIN"
  "  INSERT OR REPLACE INTO sync_field_times VALUES (NEW.contact_id, 'heard', NEW.heard_at);"
  "END;"
  "CREATE TRIGGER brand_heard_delete_field_time AFTER DELETE ON brand_heard BEGIN"
  "  INSERT OR REPLACE INTO sync_field_times"
  "    SELECT OLD.contact_id, 'heard', CAST (strftime ('%s', 'now') AS INTEGER)"
  "      WHERE EXISTS (SELECT 1 FROM contacts WHERE id = OLD.contact_id);"
  "END;",

  /* 8 → 9: a contact's revision bumped without writing its row twice (issue 17). The bump
   * was an UPDATE inside the feed's trigger, so every change wrote the row twice and ran the
   * sync field times' trigger twice: a card an import merged cost eight times one it
   * added. Now a writer may name the new revision in its own UPDATE (revision = revision +
   * 1, as the importer does) and the row is written once; an UPDATE that names none gets
   * the bump as before. The feed records the row when its revision moves (the bump's
   * UPDATE, or the writer's), and the field times' trigger runs only for the fields sync
   * merges, not again for the bump. Every writer gets the same rows as with schema 8. */
  "DROP TRIGGER contacts_update_feed;"
  "CREATE TRIGGER contacts_update_revision AFTER UPDATE ON contacts WHEN NEW.revision = OLD.revision BEGIN"
  "  UPDATE contacts SET revision = OLD.revision + 1 WHERE id = NEW.id;"
  "END;"
  "CREATE TRIGGER contacts_update_feed AFTER UPDATE OF revision ON contacts WHEN NEW.revision <> OLD.revision BEGIN"
  "  INSERT OR REPLACE INTO changes (kind, row_id, contact_id) VALUES ('contact', NEW.id, NEW.id);"
  "END;"
  "DROP TRIGGER contacts_update_field_times;"
  "CREATE TRIGGER contacts_update_field_times"
  "  AFTER UPDATE OF full_name, given_name, family_name, organization, title, note, birthday, trust, cadence_weeks"
  "  ON contacts BEGIN"
  CONTACT_FIELD_TIMES_BODY
  "END;",

  /* 9 → 10: a contact's email addresses, phone numbers and web pages stored in the order of
   * their key, (contact_id, position), without a rowid (issue 17). Each table was a B-tree by
   * rowid plus an index on that key: every row written twice, and a contact's addresses
   * read through the index and then the table. A second import of the same 30,000 cards
   * reads each contact's addresses to merge it: its writer did 9% fewer instructions this
   * way. No one reads these tables' rowids; the rows and their order by the key are as
   * before. Nothing references these tables or fires on them, so each is rebuilt in place. */
  "CREATE TABLE emails_v10 ("
  "  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  value TEXT NOT NULL,"
  "  normalized TEXT NOT NULL,"
  "  kind TEXT,"
  "  PRIMARY KEY (contact_id, position)"
  ") WITHOUT ROWID;"
  "INSERT INTO emails_v10 (contact_id, position, value, normalized, kind)"
  "  SELECT contact_id, position, value, normalized, kind FROM emails;"
  "DROP TABLE emails;"
  "ALTER TABLE emails_v10 RENAME TO emails;"
  "CREATE INDEX emails_normalized ON emails (normalized);"
  "CREATE TABLE phones_v10 ("
  "  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  value TEXT NOT NULL,"
  "  normalized TEXT,"
  "  kind TEXT,"
  "  PRIMARY KEY (contact_id, position)"
  ") WITHOUT ROWID;"
  "INSERT INTO phones_v10 (contact_id, position, value, normalized, kind)"
  "  SELECT contact_id, position, value, normalized, kind FROM phones;"
  "DROP TABLE phones;"
  "ALTER TABLE phones_v10 RENAME TO phones;"
  "CREATE INDEX phones_normalized ON phones (normalized);"
  "CREATE TABLE urls_v10 ("
  "  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  value TEXT NOT NULL,"
  "  normalized TEXT NOT NULL,"
  "  PRIMARY KEY (contact_id, position)"
  ") WITHOUT ROWID;"
  "INSERT INTO urls_v10 (contact_id, position, value, normalized)"
  "  SELECT contact_id, position, value, normalized FROM urls;"
  "DROP TABLE urls;"
  "ALTER TABLE urls_v10 RENAME TO urls;"
  "CREATE INDEX urls_normalized ON urls (normalized);",

  /* 10 → 11: the dashboard's figures within a frame at 100,000 contacts and a million
   * interactions (issue 17; tests/bench/bench-stats.c). Schema 5's index of every contact
   * by (removed_at, trust, ...) gives way to partial indexes of the few rows each figure
   * reads: the removed (waiting for their Undo to run out), the 1s in the list (with their
   * organization), and the contacts in the list with an interval (rated, or with one of
   * their own) in the order the overdue rule cuts them, by rating and the day last met
   * (never met first), so that the figures read the overdue, not everyone. An import's
   * unrated contacts are in none of them. Each index holds the columns of its own WHERE
   * too, since SQLite reads the table for a column an index does not hold. A rating change
   * keeps the rating it replaced (previous), kept right by triggers whoever writes the
   * changes, in whatever order of time: the trust history of the last months then reads
   * the changes of those months that move a 1 or a 2 (all it charts), not each one's
   * predecessor too. */
  "DROP INDEX contacts_removed_trust;"
  "CREATE INDEX contacts_removed ON contacts (removed_at) WHERE removed_at IS NOT NULL;"
  "CREATE INDEX contacts_trusted ON contacts (organization, trust, removed_at) WHERE trust = 1 AND removed_at IS NULL;"
  "CREATE INDEX contacts_timed ON contacts"
  "  (trust, cadence_weeks, coalesce (last_met, ''), last_met, created_at, batch_id, removed_at)"
  "  WHERE removed_at IS NULL AND (trust > 0 OR cadence_weeks > 0);"
  "ALTER TABLE trust_changes ADD COLUMN previous INTEGER NOT NULL DEFAULT 0;"
  "UPDATE trust_changes SET previous = " PREVIOUS_RATING_SQL ";"
  "DROP INDEX trust_changes_changed;"
  "CREATE INDEX trust_changes_changed ON trust_changes (changed_at, contact_id, trust, previous)"
  "  WHERE trust IN (1, 2) OR previous IN (1, 2);"
  /* A change put among a contact's others, or taken from them, changes the previous rating
   * of the ones after it; a change moved (to another contact, time or rating) changes both
   * contacts' changes. The triggers set only previous, which fires none of them again. */
  "CREATE TRIGGER trust_changes_insert_previous AFTER INSERT ON trust_changes BEGIN"
  "  UPDATE trust_changes SET previous = " PREVIOUS_RATING_SQL
  "    WHERE contact_id = NEW.contact_id AND (changed_at, id) >= (NEW.changed_at, NEW.id);"
  "END;"
  "CREATE TRIGGER trust_changes_delete_previous AFTER DELETE ON trust_changes BEGIN"
  "  UPDATE trust_changes SET previous = " PREVIOUS_RATING_SQL
  "    WHERE contact_id = OLD.contact_id AND (changed_at, id) > (OLD.changed_at, OLD.id);"
  "END;"
  "CREATE TRIGGER trust_changes_update_previous AFTER UPDATE OF contact_id, trust, changed_at ON trust_changes BEGIN"
  "  UPDATE trust_changes SET previous = " PREVIOUS_RATING_SQL
  "    WHERE contact_id IN (OLD.contact_id, NEW.contact_id);"
  "END;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == TN_STORE_SCHEMA_VERSION);

gint64
_tn_store_now_unix (void)
{
  g_autoptr(GDateTime) now = tn_clock_now ();

  return g_date_time_to_unix (now);
}

static void
tn_store_dispose (GObject *object)
{
  TnStore *self = (TnStore *) object;

  g_clear_handle_id (&self->follow_source, g_source_remove);
  g_clear_pointer (&self->contacts_by_id, g_hash_table_unref);
  g_clear_object (&self->contacts_by_name);
  g_clear_object (&self->contacts);

  G_OBJECT_CLASS (tn_store_parent_class)->dispose (object);
}

static void
tn_store_finalize (GObject *object)
{
  TnStore *self = (TnStore *) object;

  g_clear_pointer (&self->db, tn_db_close);

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
  _tn_store_signals[TN_STORE_SIGNAL_INTERACTIONS_CHANGED] =
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
  _tn_store_signals[TN_STORE_SIGNAL_BRAND_CHANGED] =
    g_signal_new ("brand-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * TnStore::changed-elsewhere:
   * @self: the store
   *
   * Emitted after tn_store_check_for_changes() took in what other processes committed
   * (the list of contacts and the other signals already followed), for views that
   * show figures over everything, such as the dashboard.
   */
  _tn_store_signals[TN_STORE_SIGNAL_CHANGED_ELSEWHERE] =
    g_signal_new ("changed-elsewhere",
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
 * Returns: (transfer full): `$XDG_DATA_HOME/trustnet/trustnet.db`, with
 *   `~/.local/share` for an unset or relative `XDG_DATA_HOME`
 */
char *
tn_store_get_default_path (void)
{
  const char *data_dir = g_get_user_data_dir ();

  /* The XDG base directory spec says a relative XDG_DATA_HOME is invalid and must be
   * ignored; GLib 2.74 takes it as it is, which would put the database wherever the
   * program happened to be started. */
  if (!g_path_is_absolute (data_dir))
    return g_build_filename (g_get_home_dir (), ".local", "share", "trustnet", "trustnet.db", NULL);

  return g_build_filename (data_dir, "trustnet", "trustnet.db", NULL);
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

  if (g_lstat (path, &info) == 0)
    return TRUE;

  fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
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

/* The database holds a person's relationships, and its WAL holds recent changes: in a
 * folder others may write (/tmp, a shared drive), another user could have put a file
 * there first, readable by everyone or with content of theirs for SQLite to take in.
 * Each file is judged by lstat(), never opened: closing a descriptor of a file drops every
 * POSIX lock this process holds on it, SQLite's included, and the store may already have
 * the database open (a second connection, an import's worker). A symbolic link is
 * refused, not followed. A missing file is fine: SQLite creates the WAL and SHM files
 * with the database's mode (the database itself is made with O_NOFOLLOW | O_EXCL).
 * With @tighten, a file of ours that others may read is made private, which is only done
 * once the database is known to be one we may use: a refused file keeps its mode. */
static gboolean
check_private_file (const char  *path,
                    gboolean     is_database,
                    gboolean     tighten,
                    GError     **error)
{
  GStatBuf info;

  if (g_lstat (path, &info) != 0)
    return TRUE;

  if (S_ISLNK (info.st_mode))
    {
      g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_PRIVATE,
                   _("%s is a symbolic link; TrustNet opens its database files only where they are"), path);
      return FALSE;
    }
  if (is_database && !S_ISREG (info.st_mode))
    {
      g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_A_DATABASE,
                   _("%s is not a TrustNet database, or it is damaged"), path);
      return FALSE;
    }
  if (!S_ISREG (info.st_mode) || info.st_uid != geteuid ())
    {
      g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_PRIVATE,
                   _("%s belongs to another user or is not a file; TrustNet will not keep your contacts in it"),
                   path);
      return FALSE;
    }
  if (tighten && (info.st_mode & 077) != 0 && g_chmod (path, info.st_mode & 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_PRIVATE,
                   _("Others may read %s and it cannot be made private: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* The database and the two files SQLite keeps beside it in WAL mode. */
static gboolean
check_private_files (const char  *path,
                     gboolean     tighten,
                     GError     **error)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  return check_private_file (path, TRUE, tighten, error) &&
         check_private_file (wal, FALSE, tighten, error) &&
         check_private_file (shm, FALSE, tighten, error);
}

static gboolean
read_schema_version (TnStore  *self,
                     int      *version,
                     GError  **error)
{
  g_autoptr(sqlite3_stmt) statement = tn_db_prepare (self->db, "PRAGMA user_version", error);
  int result;

  if (statement == NULL)
    return FALSE;

  result = sqlite3_step (statement);
  if (result != SQLITE_ROW)
    {
      tn_db_set_error (self->db, sqlite3_extended_errcode (self->db->handle), error);
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
               self->db->path, version, TN_STORE_SCHEMA_VERSION);
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

static gboolean migrate_steps (TnStore  *self,
                               GError  **error);

static gboolean
migrate (TnStore  *self,
         GError  **error)
{
  gboolean migrated;
  int version = 0;

  /* An up-to-date database needs no write lock, so reading it works while
   * another program writes. */
  if (!read_schema_version (self, &version, error))
    return FALSE;
  if (version == TN_STORE_SCHEMA_VERSION)
    return TRUE;

  /* Schema 6 rebuilds the contacts table: with foreign keys on, dropping the old one
   * would delete every row that points at it. SQLite takes this pragma only outside a
   * transaction; migrate_steps() checks the keys before it commits. */
  if (version < 6 && !tn_db_exec (self->db, "PRAGMA foreign_keys = OFF", error))
    return FALSE;

  migrated = migrate_steps (self, error);
  return tn_db_exec (self->db, "PRAGMA foreign_keys = ON", migrated ? error : NULL) && migrated;
}

/* The steps from the database's version to this one, in one transaction. */
static gboolean
migrate_steps (TnStore  *self,
               GError  **error)
{
  g_autofree char *set_version = NULL;
  g_autoptr(sqlite3_stmt) broken_keys = NULL;
  int version = 0;

  if (!tn_db_begin (self->db, error))
    return FALSE;

  /* Read again under the lock: another process may have migrated meanwhile. */
  if (!read_schema_version (self, &version, error) || refuse_newer_schema (self, version, error))
    {
      tn_db_rollback (self->db);
      return FALSE;
    }

  if (version == TN_STORE_SCHEMA_VERSION)
    {
      tn_db_rollback (self->db);
      return TRUE;
    }

  for (int step = version; step < TN_STORE_SCHEMA_VERSION; step++)
    {
      if (!tn_db_exec (self->db, migrations[step], error))
        {
          tn_db_rollback (self->db);
          return FALSE;
        }
    }

  /* A rebuilt table whose rows no longer match their references is a bug of a step:
   * better to stay at the old version than to commit it. */
  broken_keys = tn_db_prepare (self->db, "PRAGMA foreign_key_check", error);
  if (broken_keys == NULL || sqlite3_step (broken_keys) != SQLITE_DONE)
    {
      if (broken_keys != NULL)
        g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_FAILED,
                     _("The database %s could not be updated to this version of TrustNet: its references do not match"),
                     self->db->path);
      tn_db_rollback (self->db);
      return FALSE;
    }

  set_version = g_strdup_printf ("PRAGMA user_version = %d", TN_STORE_SCHEMA_VERSION);
  if (!tn_db_exec (self->db, set_version, error))
    {
      tn_db_rollback (self->db);
      return FALSE;
    }

  return tn_db_commit (self->db, error);
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
  gint64 cutoff = _tn_store_now_unix () - PURGE_REMOVED_AFTER_SECONDS;
  gboolean any;

  statement = tn_db_prepare (self->db, "SELECT EXISTS (SELECT 1 FROM contacts WHERE removed_at < ?1)", error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, cutoff);
  if (sqlite3_step (statement) != SQLITE_ROW)
    {
      tn_db_set_error (self->db, sqlite3_extended_errcode (self->db->handle), error);
      return FALSE;
    }

  any = sqlite3_column_int (statement, 0) != 0;
  g_clear_pointer (&statement, sqlite3_finalize);
  if (!any)
    return TRUE;

  if (!tn_db_begin (self->db, error))
    return FALSE;

  statement = tn_db_prepare (self->db, "DELETE FROM contacts WHERE removed_at < ?1", error);
  if (statement == NULL)
    goto failed;

  sqlite3_bind_int64 (statement, 1, cutoff);
  if (!tn_db_step_done (self->db, statement, error))
    goto failed;

  return tn_db_commit (self->db, error);

failed:
  tn_db_rollback (self->db);
  return FALSE;
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

  if (g_stat (self->db->path, &info) != 0 || info.st_size != 0)
    return TRUE;

  sql = g_strdup_printf ("PRAGMA page_size = %d", NEW_DATABASE_PAGE_SIZE);
  return tn_db_exec (self->db, sql, error);
}

/* The last steps of opening a migrated store, on disk or in memory: where the change
 * feed stands now, then the contacts unless @flags leave them out. */
static TnStore *
finish_open (TnStore           *store,
             TnStoreOpenFlags   flags,
             GError           **error)
{
  g_autoptr(TnStore) self = store;

  if (!_tn_store_feed_init (self, error))
    return NULL;
  if (!(flags & TN_STORE_OPEN_FLAGS_NO_CONTACTS) && !_tn_store_load_contacts (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

static TnStore *
open_empty_in_memory (TnStore           *store,
                      TnStoreOpenFlags   flags,
                      GError           **error)
{
  g_autoptr(TnStore) self = store;

  self->db = tn_db_open (":memory:", error);
  if (self->db == NULL || !migrate (self, error))
    return NULL;

  return finish_open (g_steal_pointer (&self), flags, error);
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
  g_autofree char *file = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (TN_TYPE_STORE, NULL);
  file = path ? g_strdup (path) : tn_store_get_default_path ();

  /* Reading a database that is not there gives what an empty one would, without leaving
   * one (or its folders) behind where a mistyped path pointed. */
  if ((flags & TN_STORE_OPEN_FLAGS_NO_CREATE) && !g_file_test (file, G_FILE_TEST_EXISTS) &&
      !g_file_test (file, G_FILE_TEST_IS_SYMLINK))
    return open_empty_in_memory (g_steal_pointer (&self), flags, error);

  if (!check_private_files (file, FALSE, error) || !prepare_private_file (file, error))
    return NULL;

  self->db = tn_db_open (file, error);
  if (self->db == NULL)
    return NULL;

  if (!check_schema_is_known (self, error))
    return NULL;

  /* SQLite silently opens a file it may not write read-only; say so now
   * rather than at the first change the person tries to save. */
  if (sqlite3_db_readonly (self->db->handle, "main") == 1)
    {
      tn_db_set_error (self->db, SQLITE_READONLY, error);
      return NULL;
    }

  if (!check_private_files (file, TRUE, error))
    return NULL;

  if (!choose_page_size (self, error) ||
      !tn_db_exec (self->db, "PRAGMA journal_mode = WAL", error) ||
      !tn_db_exec (self->db, "PRAGMA foreign_keys = ON", error) ||
      !tn_db_exec (self->db, "PRAGMA synchronous = NORMAL", error))
    return NULL;

  if (!migrate (self, error) || !purge_removed (self, error))
    return NULL;

  return finish_open (g_steal_pointer (&self), flags, error);
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

  return self->db->path;
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

