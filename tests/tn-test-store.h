/* tn-test-store.h — what the suites that test against a real store share: a store in a
 * scratch folder, and adding contacts and interactions that must succeed; and contacts
 * with an id that no store holds, for the models' tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tn-stats.h"
#include "tn-store.h"
#include "tn-store-field-times.h"

G_BEGIN_DECLS

/* SQL that takes a database of schema 11 back to schema 10: schema 5's indexes of the
 * contacts and rating changes, and no previous rating kept in the changes. */
#define SCHEMA_11_UNDONE \
  "DROP TRIGGER trust_changes_insert_previous; DROP TRIGGER trust_changes_delete_previous;" \
  " DROP TRIGGER trust_changes_update_previous;" \
  " DROP INDEX contacts_removed; DROP INDEX contacts_trusted; DROP INDEX contacts_timed;" \
  " CREATE INDEX contacts_removed_trust ON contacts" \
  "  (removed_at, trust, cadence_weeks, last_met, created_at, batch_id, organization);" \
  " DROP INDEX trust_changes_changed; ALTER TABLE trust_changes DROP COLUMN previous;" \
  " CREATE INDEX trust_changes_changed ON trust_changes (changed_at, contact_id, trust);"

/* SQL that counts the rating changes whose kept previous rating (schema 11) is not the
 * rating of the contact's change before it, computed afresh: 0 when the triggers kept
 * them right. */
#define PREVIOUS_RATINGS_WRONG \
  "SELECT count (*) FROM (SELECT previous, coalesce (lag (trust) OVER (PARTITION BY contact_id" \
  "  ORDER BY changed_at, id), 0) AS replaced FROM trust_changes) WHERE previous IS NOT replaced;"

/* SQL that takes a database of schema 10 back to schema 9: the address tables by rowid,
 * with an index on their key, as schema 1 and 7 made them. */
#define ADDRESS_TABLE_BY_ROWID(table, columns, normalized) \
  "CREATE TABLE " table "_v9 (contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE," \
  " position INTEGER NOT NULL, value TEXT NOT NULL, normalized TEXT " normalized columns "," \
  " PRIMARY KEY (contact_id, position));" \
  " INSERT INTO " table "_v9 SELECT * FROM " table "; DROP TABLE " table ";" \
  " ALTER TABLE " table "_v9 RENAME TO " table ";" \
  " CREATE INDEX " table "_normalized ON " table " (normalized);"
#define SCHEMA_10_UNDONE \
  ADDRESS_TABLE_BY_ROWID ("emails", ", kind TEXT", "NOT NULL") \
  ADDRESS_TABLE_BY_ROWID ("phones", ", kind TEXT", "") \
  ADDRESS_TABLE_BY_ROWID ("urls", "", "NOT NULL")

/* SQL that takes a database of schema 9 back to schema 8: the contacts' update triggers as
 * schema 6 and 8 made them (the revision bumped by a second write of the row). */
#define SCHEMA_9_UNDONE \
  "DROP TRIGGER contacts_update_revision; DROP TRIGGER contacts_update_feed;" \
  " CREATE TRIGGER contacts_update_feed AFTER UPDATE ON contacts BEGIN" \
  "  UPDATE contacts SET revision = OLD.revision + 1 WHERE id = NEW.id AND NEW.revision = OLD.revision;" \
  "  INSERT OR REPLACE INTO changes (kind, row_id, contact_id) VALUES ('contact', NEW.id, NEW.id);" \
  " END;" \
  " DROP TRIGGER contacts_update_field_times;" \
  " CREATE TRIGGER contacts_update_field_times AFTER UPDATE ON contacts BEGIN" \
  CONTACT_FIELD_TIMES_BODY \
  " END;"

/* SQL that takes a database of schema 8 back to schema 7: sync's state (7 → 8). */
#define SCHEMA_8_UNDONE \
  "DROP TABLE sync_account; DROP TABLE sync_cards; DROP TABLE sync_gone; DROP TABLE sync_field_times;" \
  " DROP TRIGGER contacts_update_field_times; DROP TRIGGER brand_heard_insert_field_time;" \
  " DROP TRIGGER brand_heard_delete_field_time; DROP TRIGGER interactions_insert_uid;" \
  " DROP TRIGGER interactions_update_changed_at; DROP TRIGGER interactions_delete_gone;" \
  " DROP INDEX interactions_uid; ALTER TABLE interactions DROP COLUMN uid;" \
  " ALTER TABLE interactions DROP COLUMN changed_at;"

/* What schema 7 added (the professional network), taken away again (its batch_changes takes
 * more names than 6's: a schema-6 file's rows fit it). */
#define SCHEMA_7_UNDONE \
  " DROP TABLE job_changes; DROP TABLE urls; ALTER TABLE contacts DROP COLUMN connected_on;"

/**
 * TnTestStore:
 * @dir: the scratch folder, removed with everything in it by tn_test_store_close()
 * @path: the database file in it
 * @store: the store open on it, or %NULL for suites that test opening itself
 *
 * Used directly as a GTest fixture with tn_test_store_set_up() and
 * tn_test_store_tear_down(), or embedded in a suite's own fixture.
 */
typedef struct
{
  char *dir;
  char *path;
  TnStore *store;
} TnTestStore;

void       tn_test_store_make_dir   (TnTestStore       *test_store,
                                     const char        *prefix,
                                     const char        *relative_path);
void       tn_test_store_open       (TnTestStore       *test_store,
                                     const char        *prefix);
void       tn_test_store_reopen     (TnTestStore       *test_store);
void       tn_test_store_close      (TnTestStore       *test_store);
TnStore   *tn_test_store_open_path  (const char        *path);
void       tn_test_reopen_path      (const char        *path,
                                     TnStore          **store);

void       tn_test_store_set_up     (TnTestStore       *test_store,
                                     gconstpointer      now);
void       tn_test_store_set_up_unopened    (TnTestStore   *test_store,
                                             gconstpointer  now);
void       tn_test_store_tear_down_unopened (TnTestStore   *test_store,
                                             gconstpointer  now);
void       tn_test_store_tear_down  (TnTestStore       *test_store,
                                     gconstpointer      now);

/* A test on a fresh store whose clock (TRUSTNET_NOW) reads @now, a string or NULL. */
#define tn_test_add_store_test(path, now, func) \
  g_test_add ((path), TnTestStore, (now), tn_test_store_set_up, (func), tn_test_store_tear_down)

/* A test with no store open yet, on a database in a subfolder that does not exist yet, for
 * the suites that open their own; the folder must be gone afterwards. */
#define tn_test_add_unopened_store_test(path, now, func) \
  g_test_add ((path), TnTestStore, (now), tn_test_store_set_up_unopened, (func), tn_test_store_tear_down_unopened)

TnContact *tn_test_add_contact (TnStore           *store,
                                const char        *name,
                                TnTrust            trust);
void       tn_test_rate_at     (TnStore           *store,
                                TnContact         *contact,
                                TnTrust            trust,
                                const char        *when);
void       tn_test_log         (TnStore           *store,
                                TnContact         *contact,
                                TnInteractionKind  kind,
                                const char        *day);

TnContact *tn_test_contact_with_id (gint64 id);

TnStats   *tn_test_stats_in_worker (TnStore         *store,
                                    GDateTime       *now,
                                    int              goal,
                                    const char      *employer,
                                    const TnCadence *cadence);

G_END_DECLS
