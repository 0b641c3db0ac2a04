/* test-store.c — TnStore on real SQLite files, a fresh temporary folder per test: CRUD that
 * survives a reopen, locking and the live GListModel (see also test-store-open, test-store-lookup).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-store"

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "tn-clock.h"
#include "tn-store.h"
#include "tn-test-import.h"
#include "tn-test-store.h"
#include "tn-test-util.h"

/* Whatever the clock says, stores in these tests are at this moment. */
#define NOW "2026-11-24T09:00:00Z"

#define RLM "\xe2\x80\x8f"

/* No store is open at first: these tests open their own, on a database in a subfolder that
 * does not exist yet. */
typedef TnTestStore Fixture;

static gint64
unix_time (const char *iso8601)
{
  g_autoptr(GDateTime) date_time = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (date_time);
  return g_date_time_to_unix (date_time);
}

static TnContact *
get_item (TnStore *store,
          guint    position)
{
  g_autoptr(TnContact) item = g_list_model_get_item (tn_store_get_contacts (store), position);

  g_assert_nonnull (item);
  /* The store keeps its own reference; borrowing is safe while it lives. */
  return item;
}

static TnContact *
find_by_uid (TnStore    *store,
             const char *uid)
{
  for (guint i = 0; i < tn_test_n_contacts (store); i++)
    {
      TnContact *contact = get_item (store, i);

      if (g_strcmp0 (tn_contact_get_uid (contact), uid) == 0)
        return contact;
    }

  return NULL;
}

static void
assert_same_date_time (GDateTime *a,
                       GDateTime *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpint (g_date_time_to_unix (a), ==, g_date_time_to_unix (b));
}

static void
assert_contacts_equal (TnContact *actual,
                       TnContact *expected)
{
  g_assert_cmpint (tn_contact_get_id (actual), ==, tn_contact_get_id (expected));
  g_assert_cmpstr (tn_contact_get_uid (actual), ==, tn_contact_get_uid (expected));
  g_assert_cmpstr (tn_contact_get_full_name (actual), ==, tn_contact_get_full_name (expected));
  g_assert_cmpstr (tn_contact_get_organization (actual), ==, tn_contact_get_organization (expected));
  g_assert_cmpstr (tn_contact_get_title (actual), ==, tn_contact_get_title (expected));
  g_assert_cmpstr (tn_contact_get_note (actual), ==, tn_contact_get_note (expected));
  g_assert_cmpint (tn_contact_get_trust (actual), ==, tn_contact_get_trust (expected));
  g_assert_true (g_strv_equal (tn_contact_get_emails (actual), tn_contact_get_emails (expected)));
  g_assert_true (g_strv_equal (tn_contact_get_phones (actual), tn_contact_get_phones (expected)));
  g_assert_cmpstr (tn_contact_get_last_contact (actual), ==, tn_contact_get_last_contact (expected));
  assert_same_date_time (tn_contact_get_created_at (actual), tn_contact_get_created_at (expected));
  assert_same_date_time (tn_contact_get_updated_at (actual), tn_contact_get_updated_at (expected));
}

/* Records items-changed as (position, removed, added) and the length the
 * model had when it said so. */
typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint n_items;
} Change;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     GArray     *changes)
{
  Change change = { position, removed, added, g_list_model_get_n_items (model) };

  g_array_append_val (changes, change);
}

static GArray *
watch_items_changed (TnStore *store)
{
  GArray *changes = g_array_new (FALSE, TRUE, sizeof (Change));

  g_signal_connect (tn_store_get_contacts (store), "items-changed", G_CALLBACK (on_items_changed_cb), changes);
  return changes;
}

static void
unwatch_items_changed (TnStore *store,
                       GArray  *changes)
{
  g_signal_handlers_disconnect_by_func (tn_store_get_contacts (store), on_items_changed_cb, changes);
  g_array_unref (changes);
}

static void
assert_one_change (GArray *changes,
                   guint   position,
                   guint   removed,
                   guint   added,
                   guint   n_items)
{
  Change *change;

  g_assert_cmpuint (changes->len, ==, 1);
  change = &g_array_index (changes, Change, 0);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
  g_assert_cmpuint (change->n_items, ==, n_items);
  g_array_set_size (changes, 0);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* ----------------------------------------------------------- round trips */

static TnContact *
new_full_contact (void)
{
  TnContact *contact = tn_contact_new ("Ada Lovelace");
  const char *emails[] = { "Ada@Example.org", "countess@babbage.example", NULL };
  const char *phones[] = { "+44 (20) 7946-0958", "tel:+1-555-0100", NULL };

  tn_contact_set_organization (contact, "Analytical Engines");
  tn_contact_set_title (contact, "Countess of Lovelace");
  tn_contact_set_note (contact, "Met at the Babbage salon.\nWrote the first program.");
  tn_contact_set_trust (contact, TN_TRUST_MODERATELY);
  tn_contact_set_emails (contact, emails);
  tn_contact_set_phones (contact, phones);

  return contact;
}

static void
test_add_assigns_identity (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnStore) store = tn_test_store_open_path (fixture->path);
  g_autoptr(TnContact) ada = tn_contact_new ("Ada Lovelace");
  g_autoptr(TnContact) grace = tn_contact_new ("Grace Hopper");

  g_assert_true (tn_store_add_contact (store, ada, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tn_contact_get_id (ada), >, 0);
  g_assert_nonnull (tn_contact_get_uid (ada));
  g_assert_true (g_uuid_string_is_valid (tn_contact_get_uid (ada)));
  g_assert_cmpint (g_date_time_to_unix (tn_contact_get_created_at (ada)), ==, unix_time (NOW));
  g_assert_cmpint (g_date_time_to_unix (tn_contact_get_updated_at (ada)), ==, unix_time (NOW));
  g_assert_true (get_item (store, 0) == ada);
  g_assert_true (tn_store_get_contact_by_id (store, tn_contact_get_id (ada)) == ada);

  /* A uid the contact brings (from a vCard) is kept. */
  tn_contact_set_uid (grace, "urn:uuid:grace-hopper");
  g_assert_true (tn_store_add_contact (store, grace, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tn_contact_get_uid (grace), ==, "urn:uuid:grace-hopper");
  g_assert_cmpint (tn_contact_get_id (grace), >, tn_contact_get_id (ada));
  g_assert_cmpuint (tn_test_n_contacts (store), ==, 2);
}

static void
test_reopen_keeps_data (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnStore) store = tn_test_store_open_path (fixture->path);
  g_autoptr(TnContact) ada = new_full_contact ();
  g_autoptr(TnContact) bare = tn_contact_new ("Grace Hopper");

  g_assert_true (tn_store_add_contact (store, ada, &error));
  g_assert_no_error (error);
  g_assert_true (tn_store_add_contact (store, bare, &error));
  g_assert_no_error (error);

  tn_test_reopen_path (fixture->path, &store);

  g_assert_cmpuint (tn_test_n_contacts (store), ==, 2);
  /* New objects, same contents, same order. */
  g_assert_true (get_item (store, 0) != ada);
  assert_contacts_equal (get_item (store, 0), ada);
  assert_contacts_equal (get_item (store, 1), bare);
  g_assert_null (tn_contact_get_organization (get_item (store, 1)));
  g_assert_cmpuint (g_strv_length ((GStrv) tn_contact_get_emails (get_item (store, 1))), ==, 0);
  g_assert_true (tn_store_get_contact_by_id (store, tn_contact_get_id (ada)) == get_item (store, 0));
}

static void
test_update_round_trip (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnStore) store = tn_test_store_open_path (fixture->path);
  g_autoptr(TnContact) ada = new_full_contact ();
  g_autoptr(TnContact) draft = NULL;
  const char *emails[] = { "countess@babbage.example", NULL };
  const char *phones[] = { "020 7946 0000", NULL };
  TnContact *reloaded;

  g_assert_true (tn_store_add_contact (store, ada, &error));
  g_assert_no_error (error);

  g_setenv ("TRUSTNET_NOW", "2026-11-25T10:00:00Z", TRUE);
  draft = tn_contact_copy (ada);
  tn_contact_set_full_name (draft, "Augusta Ada King");
  tn_contact_set_organization (draft, NULL);
  tn_contact_set_title (draft, "Mathematician");
  tn_contact_set_note (draft, "Prefers letters.");
  tn_contact_set_emails (draft, emails);
  tn_contact_set_phones (draft, phones);

  /* The shown contact changes only once the database took the change. */
  g_assert_cmpstr (tn_contact_get_full_name (ada), ==, "Ada Lovelace");
  g_assert_true (tn_store_update_contact (store, ada, draft, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tn_contact_get_full_name (ada), ==, "Augusta Ada King");
  g_assert_null (tn_contact_get_organization (ada));
  g_assert_cmpstr (tn_contact_get_primary_email (ada), ==, "countess@babbage.example");
  g_assert_cmpint (g_date_time_to_unix (tn_contact_get_created_at (ada)), ==, unix_time (NOW));
  g_assert_cmpint (g_date_time_to_unix (tn_contact_get_updated_at (ada)), ==, unix_time ("2026-11-25T10:00:00Z"));

  g_setenv ("TRUSTNET_NOW", "2026-11-26T10:00:00Z", TRUE);
  g_assert_true (tn_store_set_trust (store, ada, TN_TRUST_COMPLETELY, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tn_contact_get_trust (ada), ==, TN_TRUST_COMPLETELY);

  tn_test_reopen_path (fixture->path, &store);
  g_assert_cmpuint (tn_test_n_contacts (store), ==, 1);
  reloaded = get_item (store, 0);
  assert_contacts_equal (reloaded, ada);
  g_assert_cmpstr (tn_contact_get_full_name (reloaded), ==, "Augusta Ada King");
  g_assert_cmpint (tn_contact_get_trust (reloaded), ==, TN_TRUST_COMPLETELY);
  g_assert_cmpint (g_date_time_to_unix (tn_contact_get_updated_at (reloaded)), ==, unix_time ("2026-11-26T10:00:00Z"));

  /* The old addresses are gone, not kept beside the new ones. */
  tn_test_assert_query (fixture->path, "SELECT group_concat (value, ',') FROM emails", "countess@babbage.example");
  tn_test_assert_query (fixture->path, "SELECT group_concat (value, ',') FROM phones", "020 7946 0000");
}

static void
test_update_notifies_once (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnStore) store = tn_test_store_open_path (fixture->path);
  g_autoptr(TnContact) ada = tn_test_add_person (store, "Ada Lovelace", "ada@example.org", NULL);
  g_autoptr(TnContact) draft = tn_contact_copy (ada);
  guint n_name = 0;
  guint n_emails = 0;
  guint n_organization = 0;

  g_signal_connect_swapped (ada, "notify::full-name", G_CALLBACK (count_cb), &n_name);
  g_signal_connect_swapped (ada, "notify::emails", G_CALLBACK (count_cb), &n_emails);
  g_signal_connect_swapped (ada, "notify::organization", G_CALLBACK (count_cb), &n_organization);

  tn_contact_set_full_name (draft, "Augusta Ada King");
  g_assert_true (tn_store_update_contact (store, ada, draft, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (n_name, ==, 1);
  g_assert_cmpuint (n_emails, ==, 0);
  g_assert_cmpuint (n_organization, ==, 0);
}

static void
test_remove_restore (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnStore) store = tn_test_store_open_path (fixture->path);
  g_autoptr(TnContact) ada = tn_test_add_person (store, "Ada Lovelace", "ada@example.org", NULL);
  g_autoptr(TnContact) grace = tn_test_add_person (store, "Grace Hopper", "grace@navy.example", NULL);
  g_autoptr(TnContact) alan = tn_test_add_person (store, "Alan Turing", "alan@bletchley.example", NULL);
  gint64 grace_id = tn_contact_get_id (grace);

  g_assert_true (tn_store_set_trust (store, grace, TN_TRUST_COMPLETELY, &error));
  g_assert_no_error (error);

  g_assert_true (tn_store_remove_contact (store, grace, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tn_test_n_contacts (store), ==, 2);
  g_assert_null (tn_store_get_contact_by_id (store, grace_id));
  g_assert_true (get_item (store, 0) == ada);
  g_assert_true (get_item (store, 1) == alan);

  /* Undo: the same object, back where it was, with everything it had. */
  g_assert_true (tn_store_restore_contact (store, grace, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tn_test_n_contacts (store), ==, 3);
  g_assert_true (get_item (store, 1) == grace);
  g_assert_true (tn_store_get_contact_by_id (store, grace_id) == grace);

  /* Restoring what is there already is harmless. */
  g_assert_true (tn_store_restore_contact (store, grace, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tn_test_n_contacts (store), ==, 3);

  tn_test_reopen_path (fixture->path, &store);
  g_assert_cmpuint (tn_test_n_contacts (store), ==, 3);
  assert_contacts_equal (get_item (store, 1), grace);
  g_assert_cmpint (tn_contact_get_trust (get_item (store, 1)), ==, TN_TRUST_COMPLETELY);
  tn_test_assert_query (fixture->path, "SELECT count(*) FROM trust_changes", "1");
}

/* Removed through another connection (sync, for a card deleted on the server): this store
 * holds no object for it any more, and Undo brings it back by uid. */
static void
test_restore_by_uid (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnStore) store = tn_test_store_open_path (fixture->path);
  g_autoptr(TnStore) other = NULL;
  g_autoptr(TnContact) ada = tn_test_add_person (store, "Ada Lovelace", "ada@example.org", NULL);
  g_autoptr(TnContact) grace = tn_test_add_person (store, "Grace Hopper", "grace@navy.example", NULL);
  g_autofree char *uid = g_strdup (tn_contact_get_uid (grace));
  g_autoptr(GArray) changes = NULL;
  TnContact *restored;
  gint64 seq;

  g_assert_true (tn_store_set_trust (store, grace, TN_TRUST_COMPLETELY, &error));
  g_assert_no_error (error);
  other = tn_test_store_open_path (fixture->path);
  g_assert_true (tn_store_remove_contact (other, tn_store_get_contact_by_uid (other, uid), &error));
  g_assert_no_error (error);
  g_assert_true (tn_store_check_for_changes (store, &error));
  g_assert_null (tn_store_get_contact_by_uid (store, uid));
  seq = tn_store_get_change_seq (store);

  g_assert_true (tn_store_restore_contact_by_uid (store, uid, &error));
  g_assert_no_error (error);
  restored = tn_store_get_contact_by_uid (store, uid);
  g_assert_nonnull (restored);
  g_assert_cmpstr (tn_contact_get_full_name (restored), ==, "Grace Hopper");
  g_assert_cmpint (tn_contact_get_trust (restored), ==, TN_TRUST_COMPLETELY);
  g_assert_cmpuint (tn_test_n_contacts (store), ==, 2);
  /* Written as a change made here: sync sends it again. */
  changes = tn_store_list_changes (store, seq, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpint (g_array_index (changes, TnStoreChange, 0).contact_id, ==, tn_contact_get_id (restored));

  /* Again: harmless. A uid never removed, or purged: cannot be restored. */
  g_assert_true (tn_store_restore_contact_by_uid (store, uid, &error));
  g_assert_no_error (error);
  g_assert_false (tn_store_restore_contact_by_uid (store, "no-such-uid", &error));
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (tn_test_n_contacts (store), ==, 2);
}

static void
test_remove_then_reopen_purges (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnStore) store = tn_test_store_open_path (fixture->path);
  g_autoptr(TnContact) ada = tn_test_add_person (store, "Ada Lovelace", "ada@example.org", NULL);
  g_autoptr(TnContact) grace = tn_test_add_person (store, "Grace Hopper", "grace@navy.example", NULL);
  gint64 grace_id = tn_contact_get_id (grace);

  g_assert_true (tn_store_set_trust (store, grace, TN_TRUST_VAGUELY, &error));
  g_assert_no_error (error);
  g_assert_true (tn_store_remove_contact (store, grace, &error));
  g_assert_no_error (error);

  /* Until a start well after the Undo toast it is still on disk, so that
   * another process opening the store does not break the window's Undo. */
  tn_test_assert_query (fixture->path, "SELECT count(*) FROM contacts", "2");
  tn_test_reopen_path (fixture->path, &store);
  tn_test_assert_query (fixture->path, "SELECT count(*) FROM contacts", "2");
  g_assert_cmpuint (tn_test_n_contacts (store), ==, 1);

  /* Two hours later the removal is final. */
  {
    g_autoptr(GDateTime) now = tn_clock_now ();
    g_autoptr(GDateTime) later = g_date_time_add_hours (now, 2);
    g_autofree char *later_text = g_date_time_format_iso8601 (later);

    g_setenv ("TRUSTNET_NOW", later_text, TRUE);
  }
  tn_test_reopen_path (fixture->path, &store);
  g_setenv ("TRUSTNET_NOW", NOW, TRUE);
  g_assert_cmpuint (tn_test_n_contacts (store), ==, 1);
  assert_contacts_equal (get_item (store, 0), ada);
  g_assert_null (tn_store_get_contact_by_id (store, grace_id));

  /* Gone for good, with everything that hung on it. */
  tn_test_assert_query (fixture->path, "SELECT count(*) FROM contacts", "1");
  tn_test_assert_query (fixture->path, "SELECT count(*) FROM emails", "1");
  tn_test_assert_query (fixture->path, "SELECT count(*) FROM trust_changes", "0");

  /* The old object cannot come back once purged. */
  g_assert_false (tn_store_restore_contact (store, grace, &error));
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (tn_test_n_contacts (store), ==, 1);

  tn_test_reopen_path (fixture->path, &store);
  g_assert_cmpuint (tn_test_n_contacts (store), ==, 1);
}

static void
test_removed_cannot_change (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnStore) store = tn_test_store_open_path (fixture->path);
  g_autoptr(TnContact) ada = tn_test_add_person (store, "Ada Lovelace", "ada@example.org", NULL);
  g_autoptr(TnContact) draft = NULL;
  g_autoptr(TnContact) stranger = tn_contact_new ("Not In The Store");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (tn_store_remove_contact (store, ada, &error));
  g_assert_no_error (error);
  before = tn_test_sqlite (fixture->path, ".dump");

  draft = tn_contact_copy (ada);
  tn_contact_set_full_name (draft, "Augusta Ada King");
  g_assert_false (tn_store_update_contact (store, ada, draft, &error));
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpstr (tn_contact_get_full_name (ada), ==, "Ada Lovelace");

  g_assert_false (tn_store_set_trust (store, ada, TN_TRUST_COMPLETELY, &error));
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (tn_contact_get_trust (ada), ==, TN_TRUST_UNRATED);

  g_assert_false (tn_store_remove_contact (store, ada, &error));
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A contact that was never in the store. */
  g_assert_false (tn_store_update_contact (store, stranger, draft, &error));
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (tn_store_remove_contact (store, stranger, &error));
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  after = tn_test_sqlite (fixture->path, ".dump");
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (tn_test_n_contacts (store), ==, 0);
}

static void
test_invalid_name (Fixture       *fixture,
                   gconstpointer  user_data)
{
  static const char * const invalid[] = { NULL, "", " ", "   \t\n  " };
  g_autoptr(GError) error = NULL;
  g_autoptr(TnStore) store = tn_test_store_open_path (fixture->path);
  g_autoptr(TnContact) ada = tn_test_add_person (store, "Ada Lovelace", "ada@example.org", NULL);
  g_autofree char *before = tn_test_sqlite (fixture->path, ".dump");
  GArray *changes = watch_items_changed (store);

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(TnContact) nameless = tn_contact_new (invalid[i]);
      g_autoptr(TnContact) draft = tn_contact_copy (ada);
      const char *emails[] = { "nameless@example.org", NULL };

      g_test_message ("name “%s”", invalid[i] ? invalid[i] : "(null)");
      tn_contact_set_emails (nameless, emails);
      g_assert_false (tn_store_add_contact (store, nameless, &error));
      g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_cmpint (tn_contact_get_id (nameless), ==, 0);
      g_assert_null (tn_contact_get_uid (nameless));

      /* Editing a name away is refused the same way. */
      tn_contact_set_full_name (draft, invalid[i]);
      g_assert_false (tn_store_update_contact (store, ada, draft, &error));
      g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_cmpstr (tn_contact_get_full_name (ada), ==, "Ada Lovelace");
    }

  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_cmpuint (tn_test_n_contacts (store), ==, 1);
  {
    g_autofree char *after = tn_test_sqlite (fixture->path, ".dump");

    g_assert_cmpstr (after, ==, before);
  }

  unwatch_items_changed (store, changes);
}

static void
test_duplicate_uid (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnStore) store = tn_test_store_open_path (fixture->path);
  g_autoptr(TnContact) first = tn_contact_new ("Ada Lovelace");
  g_autoptr(TnContact) second = new_full_contact ();
  g_autoptr(TnContact) grace = NULL;
  g_autoptr(TnContact) draft = NULL;
  g_autofree char *before = NULL;
  GArray *changes = NULL;

  tn_contact_set_uid (first, "urn:uuid:same");
  g_assert_true (tn_store_add_contact (store, first, &error));
  g_assert_no_error (error);
  grace = tn_test_add_person (store, "Grace Hopper", "grace@navy.example", NULL);
  before = tn_test_sqlite (fixture->path, ".dump");
  changes = watch_items_changed (store);

  tn_contact_set_uid (second, "urn:uuid:same");
  g_assert_false (tn_store_add_contact (store, second, &error));
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "urn:uuid:same"));
  g_clear_error (&error);
  g_assert_cmpint (tn_contact_get_id (second), ==, 0);

  /* Changing another contact's uid to a taken one is refused too. */
  draft = tn_contact_copy (grace);
  tn_contact_set_uid (draft, "urn:uuid:same");
  tn_contact_set_full_name (draft, "Grace Brewster Hopper");
  g_assert_false (tn_store_update_contact (store, grace, draft, &error));
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (tn_contact_get_full_name (grace), ==, "Grace Hopper");
  g_assert_cmpstr (tn_contact_get_uid (grace), !=, "urn:uuid:same");

  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_cmpuint (tn_test_n_contacts (store), ==, 2);
  {
    g_autofree char *after = tn_test_sqlite (fixture->path, ".dump");

    g_assert_cmpstr (after, ==, before);
  }

  /* The failed transaction left the connection usable. */
  g_clear_object (&second);
  second = tn_test_add_person (store, "Alan Turing", "alan@bletchley.example", NULL);
  tn_test_reopen_path (fixture->path, &store);
  g_assert_cmpuint (tn_test_n_contacts (store), ==, 3);

  /* The first store, which the handler watched, is gone. */
  g_array_unref (changes);
}

static char *
make_long_note (void)
{
  /* Multibyte text, line breaks and tabs: 10,000 characters, not bytes. */
  static const char * const pieces[] = { "Lunch at the caf\xc3\xa9", "\n", "\t", "\xf0\x9f\x8d\x9c", " ", "\xd7\xa9", "x" };
  g_autoptr(GString) note = g_string_new (NULL);
  guint n_chars = 0;

  for (guint i = 0; n_chars < 10000; i++)
    {
      const char *piece = pieces[i % G_N_ELEMENTS (pieces)];
      glong length = g_utf8_strlen (piece, -1);

      if (n_chars + length > 10000)
        piece = "x", length = 1;
      g_string_append (note, piece);
      n_chars += length;
    }

  g_assert_cmpint (g_utf8_strlen (note->str, -1), ==, 10000);
  return g_string_free (g_steal_pointer (&note), FALSE);
}

static void
test_strange_strings (Fixture       *fixture,
                      gconstpointer  user_data)
{
  static const char * const strange[] = {
    "\"Ada\" 'The Countess' Lovelace",
    "Robert'); DROP TABLE contacts;--",
    "semi;colon;;name;",
    "100% %s%n%x {} \\ \\\\ backslashes",
    /* Family and rainbow flag: ZWJ sequences; a skin-tone modifier. */
    "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7\xe2\x80\x8d\xf0\x9f\x91\xa6 Family",
    "\xf0\x9f\x8f\xb3\xef\xb8\x8f\xe2\x80\x8d\xf0\x9f\x8c\x88 \xf0\x9f\x91\x8b\xf0\x9f\x8f\xbd",
    /* Arabic and Hebrew names wrapped in right-to-left marks. */
    RLM "\xd9\x85\xd8\xad\xd9\x85\xd8\xaf \xd8\xb9\xd9\x84\xd9\x8a" RLM,
    RLM "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \xd7\xa2\xd7\x9c\xd7\x99\xd7\x9b\xd7\x9d" RLM,
    "Mixed English " RLM "\xd7\xa2\xd7\x91\xd7\xa8\xd7\x99\xd7\xaa" RLM " and \xd8\xa7\xd9\x84\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a\xd8\xa9",
    /* The same letter composed and decomposed: stored as given. */
    "Zo\xc3\xa9 / Zoe\xcc\x81",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(TnStore) store = tn_test_store_open_path (fixture->path);
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *long_note = make_long_note ();
  const char *emails[] = { "o'brien+lunch@example.ie", "\"very.unusual\"@example.org", "\xe7\x94\xa8\xe6\x88\xb7@\xe4\xbe\x8b\xe5\xad\x90.\xe5\xb9\xbf\xe5\x91\x8a", NULL };
  const char *phones[] = { "+44 (20) 7946-0958 ext. 5; ask for \"Bob\"", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (strange); i++)
    {
      TnContact *contact = tn_contact_new (strange[i]);

      tn_contact_set_organization (contact, strange[(i + 1) % G_N_ELEMENTS (strange)]);
      tn_contact_set_title (contact, strange[(i + 2) % G_N_ELEMENTS (strange)]);
      tn_contact_set_note (contact, strange[(i + 3) % G_N_ELEMENTS (strange)]);
      tn_contact_set_emails (contact, emails);
      tn_contact_set_phones (contact, phones);
      g_assert_true (tn_store_add_contact (store, contact, &error));
      g_assert_no_error (error);
      g_ptr_array_add (added, contact);
    }

  {
    TnContact *noted = tn_contact_new ("Long Note");

    tn_contact_set_note (noted, long_note);
    g_assert_true (tn_store_add_contact (store, noted, &error));
    g_assert_no_error (error);
    g_ptr_array_add (added, noted);
  }
  {
    TnContact *tabbed = tn_contact_new ("Tab And Newline");

    tn_contact_set_note (tabbed, "first line\n\tindented second line\r\nthird\t\tcolumns\n");
    g_assert_true (tn_store_add_contact (store, tabbed, &error));
    g_assert_no_error (error);
    g_ptr_array_add (added, tabbed);
  }

  tn_test_reopen_path (fixture->path, &store);

  g_assert_cmpuint (tn_test_n_contacts (store), ==, added->len);
  for (guint i = 0; i < added->len; i++)
    {
      TnContact *original = g_ptr_array_index (added, i);
      TnContact *reloaded = find_by_uid (store, tn_contact_get_uid (original));

      g_test_message ("round trip of “%s”", tn_contact_get_full_name (original));
      g_assert_nonnull (reloaded);
      assert_contacts_equal (reloaded, original);
    }

  /* Byte for byte, not merely equal after normalisation. */
  g_assert_cmpstr (tn_contact_get_note (find_by_uid (store, tn_contact_get_uid (g_ptr_array_index (added, added->len - 2)))), ==, long_note);

  /* The table the name talks about is still there, and names find people. */
  tn_test_assert_query (fixture->path, "SELECT count(*) FROM contacts", "12");
  for (guint i = 0; i < G_N_ELEMENTS (strange); i++)
    {
      TnContact *found = tn_store_lookup (store, strange[i], &error);

      g_assert_no_error (error);
      g_assert_nonnull (found);
      g_assert_cmpstr (tn_contact_get_full_name (found), ==, strange[i]);
    }
}

/* The classic SQL injection strings, as names, organizations, notes and email addresses: no
 * SQL is built from user text, so each is stored and found verbatim and every table stays. */
static void
test_sql_injection_strings (Fixture       *fixture,
                            gconstpointer  user_data)
{
  static const char * const attacks[] = {
    "' OR '1'='1",
    "' OR 1=1; --",
    "\"; DROP TABLE contacts; --",
    "1; DELETE FROM emails WHERE 1=1",
    "x' UNION SELECT sqlite_version (), 2, 3 --",
    "' || (SELECT group_concat (uid) FROM contacts) || '",
    "admin'/*",
    "?1 ?2 :name @x $y",
    "'); ATTACH DATABASE '/tmp/pwned.db' AS p; --",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(TnStore) store = tn_test_store_open_path (fixture->path);
  g_autofree char *tables = tn_test_sqlite (fixture->path, "SELECT group_concat (name) FROM sqlite_master");

  for (guint i = 0; i < G_N_ELEMENTS (attacks); i++)
    {
      g_autoptr(TnContact) contact = tn_contact_new (attacks[i]);
      g_autofree char *email = g_strdup_printf ("attack%u@example.org", i);
      const char *emails[] = { email, NULL };

      tn_contact_set_organization (contact, attacks[(i + 1) % G_N_ELEMENTS (attacks)]);
      tn_contact_set_note (contact, attacks[(i + 2) % G_N_ELEMENTS (attacks)]);
      tn_contact_set_emails (contact, emails);
      g_assert_true (tn_store_add_contact (store, contact, &error));
      g_assert_no_error (error);
    }

  tn_test_reopen_path (fixture->path, &store);

  g_assert_cmpuint (tn_test_n_contacts (store), ==, G_N_ELEMENTS (attacks));
  for (guint i = 0; i < G_N_ELEMENTS (attacks); i++)
    {
      TnContact *found = tn_store_lookup (store, attacks[i], &error);

      g_assert_no_error (error);
      g_assert_nonnull (found);
      g_assert_cmpstr (tn_contact_get_full_name (found), ==, attacks[i]);
      g_assert_cmpstr (tn_contact_get_organization (found), ==, attacks[(i + 1) % G_N_ELEMENTS (attacks)]);
      g_assert_cmpstr (tn_contact_get_note (found), ==, attacks[(i + 2) % G_N_ELEMENTS (attacks)]);
    }
  tn_test_assert_query (fixture->path, "SELECT group_concat (name) FROM sqlite_master", tables);
  tn_test_assert_query (fixture->path, "SELECT count (*) FROM emails", "9");
  g_assert_false (g_file_test ("/tmp/pwned.db", G_FILE_TEST_EXISTS));
}

static void
test_items_changed (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnStore) store = tn_test_store_open_path (fixture->path);
  GArray *changes = watch_items_changed (store);
  g_autoptr(TnContact) ada = tn_test_add_person (store, "Ada Lovelace", "ada@example.org", NULL);
  g_autoptr(TnContact) grace = NULL;
  g_autoptr(TnContact) alan = NULL;
  g_autoptr(TnContact) draft = NULL;

  assert_one_change (changes, 0, 0, 1, 1);
  grace = tn_test_add_person (store, "Grace Hopper", "grace@navy.example", NULL);
  assert_one_change (changes, 1, 0, 1, 2);
  alan = tn_test_add_person (store, "Alan Turing", "alan@bletchley.example", NULL);
  assert_one_change (changes, 2, 0, 1, 3);

  /* A change replaces the item with itself, so filters look again. */
  draft = tn_contact_copy (grace);
  tn_contact_set_organization (draft, "US Navy");
  g_assert_true (tn_store_update_contact (store, grace, draft, &error));
  g_assert_no_error (error);
  assert_one_change (changes, 1, 1, 1, 3);
  g_assert_true (get_item (store, 1) == grace);

  g_assert_true (tn_store_set_trust (store, alan, TN_TRUST_MODERATELY, &error));
  g_assert_no_error (error);
  assert_one_change (changes, 2, 1, 1, 3);

  /* The same rating again is no change. */
  g_assert_true (tn_store_set_trust (store, alan, TN_TRUST_MODERATELY, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 0);

  g_assert_true (tn_store_remove_contact (store, grace, &error));
  g_assert_no_error (error);
  assert_one_change (changes, 1, 1, 0, 2);

  g_assert_true (tn_store_restore_contact (store, grace, &error));
  g_assert_no_error (error);
  assert_one_change (changes, 1, 0, 1, 3);

  g_assert_true (tn_store_remove_contact (store, ada, &error));
  g_assert_no_error (error);
  assert_one_change (changes, 0, 1, 0, 2);
  g_assert_true (tn_store_remove_contact (store, alan, &error));
  g_assert_no_error (error);
  assert_one_change (changes, 1, 1, 0, 1);
  g_assert_true (tn_store_restore_contact (store, alan, &error));
  g_assert_no_error (error);
  assert_one_change (changes, 1, 0, 1, 2);
  g_assert_true (tn_store_restore_contact (store, ada, &error));
  g_assert_no_error (error);
  assert_one_change (changes, 0, 0, 1, 3);
  g_assert_true (get_item (store, 0) == ada);
  g_assert_true (get_item (store, 1) == grace);
  g_assert_true (get_item (store, 2) == alan);

  unwatch_items_changed (store, changes);
}

static void
test_get_contact_by_id (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnStore) store = tn_test_store_open_path (fixture->path);
  g_autoptr(TnContact) ada = tn_test_add_person (store, "Ada Lovelace", "ada@example.org", NULL);
  g_autoptr(TnContact) grace = tn_test_add_person (store, "Grace Hopper", "grace@navy.example", NULL);
  gint64 ada_id = tn_contact_get_id (ada);
  gint64 grace_id = tn_contact_get_id (grace);

  g_assert_cmpint (ada_id, !=, grace_id);
  g_assert_true (tn_store_get_contact_by_id (store, ada_id) == ada);
  g_assert_true (tn_store_get_contact_by_id (store, grace_id) == grace);
  g_assert_null (tn_store_get_contact_by_id (store, 0));
  g_assert_null (tn_store_get_contact_by_id (store, -1));
  g_assert_null (tn_store_get_contact_by_id (store, grace_id + 1000));

  g_assert_true (tn_store_remove_contact (store, ada, &error));
  g_assert_no_error (error);
  g_assert_null (tn_store_get_contact_by_id (store, ada_id));

  tn_test_reopen_path (fixture->path, &store);
  g_assert_null (tn_store_get_contact_by_id (store, ada_id));
  g_assert_nonnull (tn_store_get_contact_by_id (store, grace_id));
  g_assert_cmpstr (tn_contact_get_full_name (tn_store_get_contact_by_id (store, grace_id)), ==, "Grace Hopper");
}

static void
test_trust_history (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnStore) store = tn_test_store_open_path (fixture->path);
  g_autoptr(TnContact) ada = tn_contact_new ("Ada Lovelace");
  g_autoptr(TnContact) unrated = tn_test_add_person (store, "Grace Hopper", "grace@navy.example", NULL);
  g_autoptr(TnContact) draft = NULL;
  g_autofree char *expected = NULL;

  /* Added unrated: no history yet. */
  tn_test_assert_query (fixture->path, "SELECT count(*) FROM trust_changes", "0");

  /* Added already rated: the first entry. */
  tn_contact_set_trust (ada, TN_TRUST_COMPLETELY);
  g_assert_true (tn_store_add_contact (store, ada, &error));
  g_assert_no_error (error);
  tn_test_assert_query (fixture->path, "SELECT count(*) FROM trust_changes", "1");

  g_setenv ("TRUSTNET_NOW", "2026-12-01T12:00:00Z", TRUE);
  g_assert_true (tn_store_set_trust (store, ada, TN_TRUST_MODERATELY, &error));
  g_assert_no_error (error);
  tn_test_assert_query (fixture->path, "SELECT count(*) FROM trust_changes", "2");

  /* Setting what is there is not a change. */
  g_assert_true (tn_store_set_trust (store, ada, TN_TRUST_MODERATELY, &error));
  g_assert_no_error (error);
  tn_test_assert_query (fixture->path, "SELECT count(*) FROM trust_changes", "2");

  /* An edit that leaves the rating alone is not a change either. */
  draft = tn_contact_copy (ada);
  tn_contact_set_title (draft, "Countess");
  g_assert_true (tn_store_update_contact (store, ada, draft, &error));
  g_assert_no_error (error);
  tn_test_assert_query (fixture->path, "SELECT count(*) FROM trust_changes", "2");

  /* Clearing the rating is a change. */
  g_setenv ("TRUSTNET_NOW", "2026-12-08T12:00:00Z", TRUE);
  g_assert_true (tn_store_set_trust (store, ada, TN_TRUST_UNRATED, &error));
  g_assert_no_error (error);

  expected = g_strdup_printf ("%" G_GINT64_FORMAT "|1|%" G_GINT64_FORMAT "\n"
                              "%" G_GINT64_FORMAT "|2|%" G_GINT64_FORMAT "\n"
                              "%" G_GINT64_FORMAT "|0|%" G_GINT64_FORMAT,
                              tn_contact_get_id (ada), unix_time (NOW),
                              tn_contact_get_id (ada), unix_time ("2026-12-01T12:00:00Z"),
                              tn_contact_get_id (ada), unix_time ("2026-12-08T12:00:00Z"));
  tn_test_assert_query (fixture->path, "SELECT contact_id, trust, changed_at FROM trust_changes ORDER BY id", expected);
  tn_test_assert_query (fixture->path, "SELECT trust FROM contacts WHERE full_name = 'Ada Lovelace'", "0");
  g_assert_cmpint (tn_contact_get_trust (unrated), ==, TN_TRUST_UNRATED);
}

/* Another program holds the write lock: sqlite3 with BEGIN EXCLUSIVE. */
typedef struct
{
  GSubprocess *process;
  GOutputStream *input;
} Locker;

static gboolean
database_is_locked (const char *path)
{
  const char *argv[] = { "sqlite3", "-batch", path, "BEGIN IMMEDIATE; ROLLBACK;", NULL };
  g_autofree char *standard_error = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &standard_error, &wait_status, &error);
  g_assert_no_error (error);

  return !g_spawn_check_wait_status (wait_status, NULL) && strstr (standard_error, "locked") != NULL;
}

static void
locker_start (Locker     *locker,
              const char *path)
{
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_assert_false (database_is_locked (path));

  locker->process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE,
                                      &error, "sqlite3", "-batch", path, NULL);
  g_assert_no_error (error);
  locker->input = g_subprocess_get_stdin_pipe (locker->process);

  g_output_stream_write_all (locker->input, "BEGIN EXCLUSIVE;\n", 17, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_flush (locker->input, NULL, &error);
  g_assert_no_error (error);

  while (!database_is_locked (path))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (20 * 1000);
    }
}

static void
locker_stop (Locker *locker)
{
  g_autoptr(GError) error = NULL;

  g_output_stream_write_all (locker->input, "ROLLBACK;\n.quit\n", 16, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (locker->input, NULL, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check (locker->process, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&locker->process);
}

static void
test_busy (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnStore) store = tn_test_store_open_path (fixture->path);
  g_autoptr(TnContact) ada = tn_test_add_person (store, "Ada Lovelace", "ada@example.org", NULL);
  g_autoptr(TnContact) grace = tn_contact_new ("Grace Hopper");
  g_autofree char *before = tn_test_sqlite (fixture->path, ".dump");
  GArray *changes = watch_items_changed (store);
  Locker locker = { 0 };
  guint n_trust_notify = 0;
  gint64 started;
  gint64 waited;

  locker_start (&locker, fixture->path);

  started = g_get_monotonic_time ();
  g_assert_false (tn_store_add_contact (store, grace, &error));
  waited = g_get_monotonic_time () - started;
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_clear_error (&error);

  /* It waited for the lock (about 2 s) before giving up, but not forever. */
  g_assert_cmpint (waited, >=, 1500 * 1000);
  g_assert_cmpint (waited, <, 10 * G_USEC_PER_SEC);

  /* Nothing changed, in memory or on disk. */
  g_assert_cmpint (tn_contact_get_id (grace), ==, 0);
  g_assert_null (tn_contact_get_uid (grace));
  g_assert_cmpuint (tn_test_n_contacts (store), ==, 1);

  g_signal_connect_swapped (ada, "notify::trust", G_CALLBACK (count_cb), &n_trust_notify);
  g_assert_false (tn_store_set_trust (store, ada, TN_TRUST_COMPLETELY, &error));
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_cmpint (tn_contact_get_trust (ada), ==, TN_TRUST_UNRATED);
  g_assert_cmpuint (n_trust_notify, ==, 0);

  g_assert_false (tn_store_remove_contact (store, ada, &error));
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_cmpuint (tn_test_n_contacts (store), ==, 1);
  g_assert_true (tn_store_get_contact_by_id (store, tn_contact_get_id (ada)) == ada);

  g_assert_cmpuint (changes->len, ==, 0);

  locker_stop (&locker);
  {
    g_autofree char *after = tn_test_sqlite (fixture->path, ".dump");

    g_assert_cmpstr (after, ==, before);
  }

  /* Released: the same changes go through. */
  g_assert_true (tn_store_add_contact (store, grace, &error));
  g_assert_no_error (error);
  g_assert_true (tn_store_set_trust (store, ada, TN_TRUST_COMPLETELY, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tn_test_n_contacts (store), ==, 2);
  g_assert_cmpuint (changes->len, ==, 2);

  tn_test_reopen_path (fixture->path, &store);
  g_assert_cmpuint (tn_test_n_contacts (store), ==, 2);
  g_assert_cmpint (tn_contact_get_trust (get_item (store, 0)), ==, TN_TRUST_COMPLETELY);

  /* The first store, which the handler watched, is gone. */
  g_array_unref (changes);
}

int
main (int   argc,
      char *argv[])
{
  tn_test_init (&argc, &argv);

#define ADD_TEST(path, func) tn_test_add_unopened_store_test (path, NOW, func)

  ADD_TEST ("/store/add/assigns-identity", test_add_assigns_identity);
  ADD_TEST ("/store/add/invalid-name", test_invalid_name);
  ADD_TEST ("/store/add/duplicate-uid", test_duplicate_uid);
  ADD_TEST ("/store/reopen-keeps-data", test_reopen_keeps_data);
  ADD_TEST ("/store/update/round-trip", test_update_round_trip);
  ADD_TEST ("/store/update/notifies-once", test_update_notifies_once);
  ADD_TEST ("/store/remove/restore", test_remove_restore);
  ADD_TEST ("/store/remove/restore-by-uid", test_restore_by_uid);
  ADD_TEST ("/store/remove/reopen-purges", test_remove_then_reopen_purges);
  ADD_TEST ("/store/remove/cannot-change-removed", test_removed_cannot_change);
  ADD_TEST ("/store/strange-strings", test_strange_strings);
  ADD_TEST ("/store/sql-injection-strings", test_sql_injection_strings);
  ADD_TEST ("/store/items-changed", test_items_changed);
  ADD_TEST ("/store/get-contact-by-id", test_get_contact_by_id);
  ADD_TEST ("/store/trust-history", test_trust_history);
  ADD_TEST ("/store/busy", test_busy);

#undef ADD_TEST

  return g_test_run ();
}