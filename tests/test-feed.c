/* test-feed.c — one database, several writers: the change feed, taking in what another
 * connection committed, edits that never drop another writer's fields, ids never reused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tn-importer.h"
#include "tn-test-store.h"
#include "tn-test-util.h"

/* Two stores on one file: "window" and "elsewhere" (the command line, an import). */
typedef struct
{
  TnTestStore test_store;
  TnStore *window;
  TnStore *elsewhere;
  guint n_changes;
  guint last_position, last_removed, last_added;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  tn_test_store_open (&fixture->test_store, "test-feed");
  fixture->window = fixture->test_store.store;
  fixture->elsewhere = tn_store_open (fixture->test_store.path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->elsewhere);
  tn_test_store_close (&fixture->test_store);
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Fixture    *fixture)
{
  fixture->n_changes++;
  fixture->last_position = position;
  fixture->last_removed = removed;
  fixture->last_added = added;
}

static TnContact *
twin (TnStore   *store,
      TnContact *contact)
{
  return tn_store_get_contact_by_uid (store, tn_contact_get_uid (contact));
}

static void
check (TnStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tn_store_check_for_changes (store, &error));
  g_assert_no_error (error);
}

/* A rating, an organization and a new contact from elsewhere reach the window's list
 * with exactly one items-changed each, where they belong. */
static void
test_feed_takes_in_other_writers (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GListModel *contacts = tn_store_get_contacts (fixture->window);
  TnContact *ada = tn_test_add_contact (fixture->window, "Ada Lovelace", TN_TRUST_COMPLETELY);
  TnContact *grace = tn_test_add_contact (fixture->window, "Grace Hopper", TN_TRUST_UNRATED);
  TnContact *ada_there, *eve;

  check (fixture->elsewhere);
  ada_there = twin (fixture->elsewhere, ada);
  g_assert_nonnull (ada_there);
  g_assert_nonnull (twin (fixture->elsewhere, grace));

  g_signal_connect (contacts, "items-changed", G_CALLBACK (on_items_changed_cb), fixture);

  /* Nobody else committed: nothing is read, nothing announced. */
  check (fixture->window);
  g_assert_cmpuint (fixture->n_changes, ==, 0);

  g_assert_true (tn_store_set_trust (fixture->elsewhere, ada_there, TN_TRUST_VAGUELY, &error));
  g_assert_no_error (error);
  check (fixture->window);
  g_assert_cmpint (tn_contact_get_trust (ada), ==, TN_TRUST_VAGUELY);
  g_assert_cmpuint (fixture->n_changes, ==, 1);
  g_assert_cmpuint (fixture->last_position, ==, 0);
  g_assert_cmpuint (fixture->last_removed, ==, 1);
  g_assert_cmpuint (fixture->last_added, ==, 1);

  eve = tn_test_add_contact (fixture->elsewhere, "Eve New", TN_TRUST_MODERATELY);
  check (fixture->window);
  g_assert_cmpuint (fixture->n_changes, ==, 2);
  g_assert_cmpuint (fixture->last_position, ==, 2);
  g_assert_cmpuint (fixture->last_removed, ==, 0);
  g_assert_cmpuint (fixture->last_added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 3);
  g_assert_nonnull (twin (fixture->window, eve));

  g_assert_true (tn_store_remove_contact (fixture->elsewhere, twin (fixture->elsewhere, grace), &error));
  g_assert_no_error (error);
  check (fixture->window);
  g_assert_cmpuint (fixture->n_changes, ==, 3);
  g_assert_cmpuint (fixture->last_position, ==, 1);
  g_assert_cmpuint (fixture->last_removed, ==, 1);
  g_assert_cmpuint (fixture->last_added, ==, 0);
  g_assert_null (twin (fixture->window, grace));
}

static void
on_interactions_changed_cb (TnStore   *store,
                            TnContact *contact,
                            TnContact **seen)
{
  *seen = contact;
}

/* A lunch logged elsewhere: the contact's last contact follows, and the timeline hears. */
static void
test_feed_interactions_from_elsewhere (Fixture       *fixture,
                                       gconstpointer  data)
{
  TnContact *ada = tn_test_add_contact (fixture->window, "Ada Lovelace", TN_TRUST_COMPLETELY);
  TnContact *seen = NULL;

  check (fixture->elsewhere);
  g_signal_connect (fixture->window, "interactions-changed", G_CALLBACK (on_interactions_changed_cb), &seen);
  tn_test_log (fixture->elsewhere, twin (fixture->elsewhere, ada), TN_INTERACTION_LUNCH, "2026-11-20");
  check (fixture->window);
  g_assert_true (seen == ada);
  g_assert_cmpstr (tn_contact_get_last_contact (ada), ==, "2026-11-20");
}

/* The window's copy is stale: elsewhere added an organization, an email, a phone and a
 * note. A rating and an edit of the name from the window keep all of them. */
static void
test_feed_stale_edit_keeps_other_fields (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnContact) edit = NULL;
  g_autoptr(TnContact) draft = NULL;
  g_autoptr(TnStore) reopened = NULL;
  const char *emails[] = { "ada@example.org", NULL };
  const char *more_emails[] = { "ada@example.org", "ada@work.example", NULL };
  const char *phones[] = { "+44 20 7946 0000", NULL };
  TnContact *ada = tn_test_add_contact (fixture->window, "Ada Lovelace", TN_TRUST_COMPLETELY);
  TnContact *ada_there, *ada_again;

  tn_contact_set_emails (ada, emails);
  draft = tn_contact_copy (ada);
  g_assert_true (tn_store_update_contact (fixture->window, ada, draft, &error));
  g_assert_no_error (error);

  check (fixture->elsewhere);
  ada_there = twin (fixture->elsewhere, ada);
  edit = tn_contact_copy (ada_there);
  tn_contact_set_organization (edit, "Analytical Engines");
  tn_contact_set_note (edit, "Met at the Royal Society");
  tn_contact_set_emails (edit, more_emails);
  tn_contact_set_phones (edit, phones);
  g_assert_true (tn_store_update_contact (fixture->elsewhere, ada_there, edit, &error));
  g_assert_no_error (error);

  /* The window has not looked yet. */
  g_assert_null (tn_contact_get_organization (ada));
  g_assert_true (tn_store_set_trust (fixture->window, ada, TN_TRUST_MODERATELY, &error));
  g_assert_no_error (error);
  g_clear_object (&draft);
  draft = tn_contact_copy (ada);
  tn_contact_set_full_name (draft, "Augusta Ada King");
  g_assert_true (tn_store_update_contact (fixture->window, ada, draft, &error));
  g_assert_no_error (error);

  /* What the window shows is what is saved, and it holds both writers' changes. */
  g_assert_cmpstr (tn_contact_get_organization (ada), ==, "Analytical Engines");
  reopened = tn_store_open (fixture->test_store.path, &error);
  g_assert_no_error (error);
  ada_again = twin (reopened, ada);
  g_assert_cmpstr (tn_contact_get_full_name (ada_again), ==, "Augusta Ada King");
  g_assert_cmpint (tn_contact_get_trust (ada_again), ==, TN_TRUST_MODERATELY);
  g_assert_cmpstr (tn_contact_get_organization (ada_again), ==, "Analytical Engines");
  g_assert_cmpstr (tn_contact_get_note (ada_again), ==, "Met at the Royal Society");
  g_assert_cmpstrv (tn_contact_get_emails (ada_again), more_emails);
  g_assert_cmpstrv (tn_contact_get_phones (ada_again), phones);
}

/* Both changed the same field: the later change wins, and it is what both then show. */
static void
test_feed_same_field_later_wins (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnContact) there = NULL;
  g_autoptr(TnContact) here = NULL;
  const char *removed_one[] = { "b@example.org", NULL };
  const char *added_one[] = { "a@example.org", "b@example.org", "c@example.org", NULL };
  const char *both[] = { "b@example.org", "c@example.org", NULL };
  const char *start[] = { "a@example.org", "b@example.org", NULL };
  TnContact *ada = tn_test_add_contact (fixture->window, "Ada Lovelace", TN_TRUST_UNRATED);
  TnContact *ada_there;

  here = tn_contact_copy (ada);
  tn_contact_set_emails (here, start);
  g_assert_true (tn_store_update_contact (fixture->window, ada, here, &error));
  g_clear_object (&here);
  check (fixture->elsewhere);
  ada_there = twin (fixture->elsewhere, ada);

  there = tn_contact_copy (ada_there);
  tn_contact_set_title (there, "Countess");
  tn_contact_set_emails (there, removed_one);
  g_assert_true (tn_store_update_contact (fixture->elsewhere, ada_there, there, &error));
  g_assert_no_error (error);

  here = tn_contact_copy (ada);
  tn_contact_set_title (here, "Mathematician");
  tn_contact_set_emails (here, added_one);
  g_assert_true (tn_store_update_contact (fixture->window, ada, here, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (tn_contact_get_title (ada), ==, "Mathematician");
  /* The address removed elsewhere stays removed; the one added here is added. */
  g_assert_cmpstrv (tn_contact_get_emails (ada), both);
  check (fixture->elsewhere);
  g_assert_cmpstr (tn_contact_get_title (ada_there), ==, "Mathematician");
  g_assert_cmpstrv (tn_contact_get_emails (ada_there), both);
}

/* The window thinks 1, the database says 3: pressing 1 writes 1. */
static void
test_feed_rating_compares_with_database (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *trust = NULL;
  TnContact *ada = tn_test_add_contact (fixture->window, "Ada Lovelace", TN_TRUST_COMPLETELY);

  check (fixture->elsewhere);
  g_assert_true (tn_store_set_trust (fixture->elsewhere, twin (fixture->elsewhere, ada), TN_TRUST_VAGUELY, &error));
  g_assert_no_error (error);

  g_assert_true (tn_store_set_trust (fixture->window, ada, TN_TRUST_COMPLETELY, &error));
  g_assert_no_error (error);
  trust = tn_test_sqlite (fixture->test_store.path, "SELECT trust FROM contacts");
  g_assert_cmpstr (trust, ==, "1");
  g_assert_cmpint (tn_contact_get_trust (ada), ==, TN_TRUST_COMPLETELY);
}

/* A purged contact's id is never given to the next one. */
static void
test_feed_ids_never_reused (Fixture       *fixture,
                            gconstpointer  data)
{
  TnContact *zoe = tn_test_add_contact (fixture->window, "Zoe Gone", TN_TRUST_COMPLETELY);
  gint64 zoe_id = tn_contact_get_id (zoe);
  g_autofree char *zoe_uid = g_strdup (tn_contact_get_uid (zoe));
  g_autofree char *purged = NULL;
  TnContact *mallory;

  g_clear_object (&fixture->elsewhere);
  g_clear_object (&fixture->test_store.store);
  purged = tn_test_sqlite (fixture->test_store.path, "DELETE FROM contacts; SELECT count (*) FROM contacts");
  g_assert_cmpstr (purged, ==, "0");

  fixture->window = fixture->test_store.store = tn_store_open (fixture->test_store.path, NULL);
  g_assert_nonnull (fixture->window);
  mallory = tn_test_add_contact (fixture->window, "Mallory Newman", TN_TRUST_UNRATED);
  g_assert_cmpint (tn_contact_get_id (mallory), >, zoe_id);
  g_assert_null (tn_store_get_contact_by_uid (fixture->window, zoe_uid));
}

/* Every kind of change is in the feed, in the order it was committed, once per row. */
static void
test_feed_lists_every_kind_in_order (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) changes = NULL;
  gint64 start = tn_store_get_change_seq (fixture->window);
  static const TnStoreChangeKind expected[] = {
    TN_STORE_CHANGE_INTERACTION, TN_STORE_CHANGE_CONTACT, TN_STORE_CHANGE_BRAND,
    TN_STORE_CHANGE_SELF_CHECK, TN_STORE_CHANGE_SETTING,
  };
  TnContact *ada = tn_test_add_contact (fixture->window, "Ada Lovelace", TN_TRUST_COMPLETELY);

  tn_test_log (fixture->window, ada, TN_INTERACTION_LUNCH, "2026-11-20");
  g_assert_true (tn_store_save_brand_statement (fixture->window, "I make payroll software that never misses a Friday.",
                                                NULL, &error));
  g_assert_true (tn_store_save_linchpin_check (fixture->window, 5, &error));
  g_assert_true (tn_store_snooze_reminder (fixture->window, 1800000000, &error));
  g_assert_no_error (error);

  changes = tn_store_list_changes (fixture->window, start, &error);
  g_assert_no_error (error);
  /* The contact was added, then changed by the lunch (its last contact): one row, late. */
  g_assert_cmpuint (changes->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < changes->len; i++)
    {
      TnStoreChange *change = &g_array_index (changes, TnStoreChange, i);

      g_assert_cmpint (change->kind, ==, expected[i]);
      if (i > 0)
        g_assert_cmpint (change->seq, >, g_array_index (changes, TnStoreChange, i - 1).seq);
    }
  g_assert_cmpint (g_array_index (changes, TnStoreChange, 0).contact_id, ==, tn_contact_get_id (ada));
  g_assert_cmpint (g_array_index (changes, TnStoreChange, 1).row_id, ==, tn_contact_get_id (ada));
}

/* An import elsewhere: the contacts it adds (recorded once per file, not by a trigger
 * per contact) and the addresses it merges into one already there reach the window. */
static void
test_feed_import_from_elsewhere (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnImportResult) result = NULL;
  g_autofree char *path = g_build_filename (fixture->test_store.dir, "cards.vcf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char *emails[] = { "ada@example.org", NULL };
  const char *merged[] = { "ada@example.org", "ada@work.example", NULL };
  g_autoptr(TnContact) draft = NULL;
  TnContact *ada = tn_test_add_contact (fixture->window, "Ada Lovelace", TN_TRUST_COMPLETELY);

  draft = tn_contact_copy (ada);
  tn_contact_set_emails (draft, emails);
  g_assert_true (tn_store_update_contact (fixture->window, ada, draft, &error));
  g_assert_true (g_file_set_contents (path,
                                      "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\n"
                                      "EMAIL:ada@example.org\r\nEMAIL:ada@work.example\r\nORG:Analytical Engines\r\n"
                                      "END:VCARD\r\n"
                                      "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Eve New\r\nEND:VCARD\r\n",
                                      -1, &error));
  g_assert_no_error (error);

  result = tn_importer_import (fixture->elsewhere, &file, 1, TN_IMPORT_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);

  check (fixture->window);
  g_assert_cmpuint (g_list_model_get_n_items (tn_store_get_contacts (fixture->window)), ==, 2);
  g_assert_cmpstr (tn_contact_get_organization (ada), ==, "Analytical Engines");
  g_assert_cmpstrv (tn_contact_get_emails (ada), merged);
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* A store that follows other processes takes their changes in on its own, within a second. */
static void
test_feed_follows_other_processes (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TnContact *ada = tn_test_add_contact (fixture->window, "Ada Lovelace", TN_TRUST_COMPLETELY);
  gboolean timed_out = FALSE;
  guint timeout;

  tn_store_follow_other_processes (fixture->window);
  check (fixture->elsewhere);
  g_assert_true (tn_store_set_trust (fixture->elsewhere, twin (fixture->elsewhere, ada), TN_TRUST_MODERATELY, &error));

  timeout = g_timeout_add (1000, on_timeout_cb, &timed_out);
  while (!timed_out && tn_contact_get_trust (ada) != TN_TRUST_MODERATELY)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (tn_contact_get_trust (ada), ==, TN_TRUST_MODERATELY);
  if (!timed_out)
    g_source_remove (timeout);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/feed/takes-in-other-writers", test_feed_takes_in_other_writers);
  ADD ("/feed/interactions-from-elsewhere", test_feed_interactions_from_elsewhere);
  ADD ("/feed/stale-edit-keeps-other-fields", test_feed_stale_edit_keeps_other_fields);
  ADD ("/feed/same-field-later-wins", test_feed_same_field_later_wins);
  ADD ("/feed/rating-compares-with-database", test_feed_rating_compares_with_database);
  ADD ("/feed/ids-never-reused", test_feed_ids_never_reused);
  ADD ("/feed/lists-every-kind-in-order", test_feed_lists_every_kind_in_order);
  ADD ("/feed/follows-other-processes", test_feed_follows_other_processes);
  ADD ("/feed/import-from-elsewhere", test_feed_import_from_elsewhere);
#undef ADD

  return g_test_run ();
}
