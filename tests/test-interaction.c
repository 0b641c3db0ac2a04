/* test-interaction.c — interactions: their kinds and days, and logging them in the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tn-enums.h"
#include "tn-interaction.h"
#include "tn-store.h"
#include "tn-test-store.h"
#include "tn-test-util.h"

typedef TnTestStore Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  tn_test_store_open (fixture, "test-interaction");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  tn_test_store_close (fixture);
}

static void
assert_n_interactions (const char *path,
                       const char *expected)
{
  g_autofree char *count = tn_test_sqlite (path, "SELECT count(*) FROM interactions");

  g_assert_cmpstr (count, ==, expected);
}


static void
test_kinds (void)
{
  TnInteractionKind kind = TN_INTERACTION_EVENT;
  GEnumClass *enum_class = g_type_class_ref (TN_TYPE_INTERACTION_KIND);

  for (int i = 0; i <= TN_INTERACTION_KIND_LAST; i++)
    {
      const char *name = tn_interaction_kind_to_string (i);

      g_assert_nonnull (name);
      g_assert_true (tn_interaction_kind_parse (name, &kind));
      g_assert_cmpint (kind, ==, i);
      g_assert_nonnull (tn_interaction_kind_get_label (i));
      g_assert_nonnull (g_enum_get_value (enum_class, i));
    }
  g_type_class_unref (enum_class);

  g_assert_cmpstr (tn_interaction_kind_to_string (TN_INTERACTION_LUNCH), ==, "lunch");
  g_assert_cmpstr (tn_interaction_kind_get_label (TN_INTERACTION_COFFEE), ==, "Coffee");
  g_assert_true (tn_interaction_kind_parse ("LUNCH", &kind));
  g_assert_cmpint (kind, ==, TN_INTERACTION_LUNCH);
  g_assert_false (tn_interaction_kind_parse ("dinner", &kind));
  g_assert_false (tn_interaction_kind_parse ("", &kind));
  g_assert_false (tn_interaction_kind_parse (NULL, &kind));
}

static void
test_days (void)
{
  g_assert_true (tn_interaction_day_is_valid ("2026-11-24"));
  g_assert_true (tn_interaction_day_is_valid ("2024-02-29"));
  g_assert_false (tn_interaction_day_is_valid ("2026-02-29"));
  g_assert_false (tn_interaction_day_is_valid ("2026-13-01"));
  g_assert_false (tn_interaction_day_is_valid ("2026-11-31"));
  g_assert_false (tn_interaction_day_is_valid ("26-11-24"));
  g_assert_false (tn_interaction_day_is_valid ("2026/11/24"));
  g_assert_false (tn_interaction_day_is_valid ("2026-11-2x"));
  g_assert_false (tn_interaction_day_is_valid ("2026-11-24T10"));
  g_assert_false (tn_interaction_day_is_valid (""));
  g_assert_false (tn_interaction_day_is_valid (NULL));
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_object (void)
{
  g_autoptr(TnInteraction) interaction = tn_interaction_new (TN_INTERACTION_COFFEE, "2026-11-20");
  guint n_notify = 0;

  g_assert_cmpint (tn_interaction_get_id (interaction), ==, 0);
  g_assert_cmpint (tn_interaction_get_kind (interaction), ==, TN_INTERACTION_COFFEE);
  g_assert_cmpstr (tn_interaction_get_day (interaction), ==, "2026-11-20");
  g_assert_true (tn_interaction_get_one_on_one (interaction));
  g_assert_false (tn_interaction_get_gave_value (interaction));
  g_assert_null (tn_interaction_get_note (interaction));

  g_signal_connect (interaction, "notify", G_CALLBACK (count_notify_cb), &n_notify);
  tn_interaction_set_one_on_one (interaction, FALSE);
  tn_interaction_set_one_on_one (interaction, FALSE);
  tn_interaction_set_gave_value (interaction, TRUE);
  tn_interaction_set_gave_value (interaction, TRUE);
  tn_interaction_set_note (interaction, "Introduced her to Grace; \"thanks!\"");
  tn_interaction_set_note (interaction, tn_interaction_get_note (interaction));
  tn_interaction_set_note (interaction, tn_interaction_get_note (interaction) + 15);
  g_assert_cmpuint (n_notify, ==, 4);
  g_assert_false (tn_interaction_get_one_on_one (interaction));
  g_assert_true (tn_interaction_get_gave_value (interaction));
  g_assert_cmpstr (tn_interaction_get_note (interaction), ==, "to Grace; \"thanks!\"");

  tn_interaction_set_note (interaction, "");
  g_assert_null (tn_interaction_get_note (interaction));
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint count;
} LastChange;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     LastChange *change)
{
  *change = (LastChange) { position, removed, added, change->count + 1 };
}

static void
test_log_updates_last_contact (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = tn_test_add_contact (fixture->store, "Ada Lovelace", TN_TRUST_UNRATED);
  g_autoptr(TnContact) grace = tn_test_add_contact (fixture->store, "Grace Hopper", TN_TRUST_UNRATED);
  GListModel *contacts = tn_store_get_contacts (fixture->store);
  LastChange change = { 0 };

  g_assert_null (tn_contact_get_last_contact (grace));
  g_signal_connect (contacts, "items-changed", G_CALLBACK (on_items_changed_cb), &change);

  tn_test_log (fixture->store, grace, TN_INTERACTION_LUNCH, "2026-11-10");
  g_assert_cmpstr (tn_contact_get_last_contact (grace), ==, "2026-11-10");
  g_assert_cmpuint (change.count, ==, 1);
  g_assert_cmpuint (change.position, ==, 1);
  g_assert_cmpuint (change.removed, ==, 1);
  g_assert_cmpuint (change.added, ==, 1);

  /* An older interaction is recorded but does not move the last contact. */
  tn_test_log (fixture->store, grace, TN_INTERACTION_CALL, "2026-10-01");
  g_assert_cmpstr (tn_contact_get_last_contact (grace), ==, "2026-11-10");
  g_assert_cmpuint (change.count, ==, 1);

  tn_test_log (fixture->store, grace, TN_INTERACTION_COFFEE, "2026-11-20");
  g_assert_cmpstr (tn_contact_get_last_contact (grace), ==, "2026-11-20");
  g_assert_cmpuint (change.count, ==, 2);
  g_assert_null (tn_contact_get_last_contact (ada));

  assert_n_interactions (fixture->path, "3");

  /* What the next start reads back. */
  {
    g_autoptr(TnStore) reopened = tn_test_store_open_path (fixture->path);

    g_assert_cmpstr (tn_contact_get_last_contact (tn_store_get_contact_by_id (reopened, tn_contact_get_id (grace))),
                     ==, "2026-11-20");
    g_assert_null (tn_contact_get_last_contact (tn_store_get_contact_by_id (reopened, tn_contact_get_id (ada))));
  }
}

static void
test_list_newest_first (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = tn_test_add_contact (fixture->store, "Ada Lovelace", TN_TRUST_UNRATED);
  g_autoptr(TnContact) alan = tn_test_add_contact (fixture->store, "Alan Turing", TN_TRUST_UNRATED);
  g_autoptr(TnInteraction) lunch = tn_interaction_new (TN_INTERACTION_LUNCH, "2026-11-03");
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;

  tn_test_log (fixture->store, ada, TN_INTERACTION_EMAIL, "2026-09-01");
  tn_interaction_set_one_on_one (lunch, FALSE);
  tn_interaction_set_gave_value (lunch, TRUE);
  tn_interaction_set_note (lunch, "Team lunch — שלום 👩‍💻");
  g_assert_true (tn_store_log_interaction (fixture->store, ada, lunch, &error));
  g_assert_no_error (error);
  tn_test_log (fixture->store, ada, TN_INTERACTION_EVENT, "2026-10-15");
  tn_test_log (fixture->store, alan, TN_INTERACTION_CALL, "2026-11-20");

  listed = tn_store_list_interactions (fixture->store, ada, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 3);
  g_assert_cmpstr (tn_interaction_get_day (g_ptr_array_index (listed, 0)), ==, "2026-11-03");
  g_assert_cmpstr (tn_interaction_get_day (g_ptr_array_index (listed, 1)), ==, "2026-10-15");
  g_assert_cmpstr (tn_interaction_get_day (g_ptr_array_index (listed, 2)), ==, "2026-09-01");
  g_assert_cmpint (tn_interaction_get_kind (g_ptr_array_index (listed, 0)), ==, TN_INTERACTION_LUNCH);
  g_assert_false (tn_interaction_get_one_on_one (g_ptr_array_index (listed, 0)));
  g_assert_true (tn_interaction_get_gave_value (g_ptr_array_index (listed, 0)));
  g_assert_cmpstr (tn_interaction_get_note (g_ptr_array_index (listed, 0)), ==, "Team lunch — שלום 👩‍💻");
  g_assert_cmpint (tn_interaction_get_id (g_ptr_array_index (listed, 0)), ==, tn_interaction_get_id (lunch));
  g_assert_true (tn_interaction_get_one_on_one (g_ptr_array_index (listed, 1)));
}

static void
test_log_for_removed_contact (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = tn_test_add_contact (fixture->store, "Ada Lovelace", TN_TRUST_UNRATED);
  g_autoptr(TnInteraction) lunch = tn_interaction_new (TN_INTERACTION_LUNCH, "2026-11-03");
  g_autoptr(GError) error = NULL;

  g_assert_true (tn_store_remove_contact (fixture->store, ada, &error));
  g_assert_no_error (error);
  g_assert_false (tn_store_log_interaction (fixture->store, ada, lunch, &error));
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (tn_interaction_get_id (lunch), ==, 0);
  assert_n_interactions (fixture->path, "0");
}

static void
test_copy_and_edit (void)
{
  g_autoptr(TnInteraction) lunch = tn_interaction_new (TN_INTERACTION_LUNCH, "2026-11-03");
  g_autoptr(TnInteraction) draft = NULL;
  guint n_notifies = 0;

  tn_interaction_set_one_on_one (lunch, FALSE);
  tn_interaction_set_gave_value (lunch, TRUE);
  tn_interaction_set_note (lunch, "Introduced her to Grace");

  draft = tn_interaction_copy (lunch);
  g_assert_true (draft != lunch);
  g_assert_cmpint (tn_interaction_get_id (draft), ==, 0);
  g_assert_cmpint (tn_interaction_get_kind (draft), ==, TN_INTERACTION_LUNCH);
  g_assert_cmpstr (tn_interaction_get_day (draft), ==, "2026-11-03");
  g_assert_false (tn_interaction_get_one_on_one (draft));
  g_assert_true (tn_interaction_get_gave_value (draft));
  g_assert_cmpstr (tn_interaction_get_note (draft), ==, "Introduced her to Grace");

  g_signal_connect (draft, "notify", G_CALLBACK (count_notify_cb), &n_notifies);
  tn_interaction_set_kind (draft, TN_INTERACTION_COFFEE);
  tn_interaction_set_kind (draft, TN_INTERACTION_COFFEE);
  tn_interaction_set_day (draft, "2026-11-04");
  tn_interaction_set_day (draft, "2026-11-04");
  g_assert_cmpuint (n_notifies, ==, 2);
  g_assert_cmpint (tn_interaction_get_kind (draft), ==, TN_INTERACTION_COFFEE);
  g_assert_cmpstr (tn_interaction_get_day (draft), ==, "2026-11-04");

  /* The original is untouched. */
  g_assert_cmpint (tn_interaction_get_kind (lunch), ==, TN_INTERACTION_LUNCH);
  g_assert_cmpstr (tn_interaction_get_day (lunch), ==, "2026-11-03");
}

typedef struct
{
  guint count;
  TnContact *contact;
} TimelineChange;

static void
on_interactions_changed_cb (TnStore        *store,
                            TnContact      *contact,
                            TimelineChange *change)
{
  change->count++;
  change->contact = contact;
}

static TnInteraction *
first_interaction (TnStore   *store,
                   TnContact *contact)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) listed = tn_store_list_interactions (store, contact, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, >, 0);
  return g_object_ref (g_ptr_array_index (listed, 0));
}

static void
test_update (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = tn_test_add_contact (fixture->store, "Ada Lovelace", TN_TRUST_UNRATED);
  g_autoptr(TnInteraction) stored = NULL;
  g_autoptr(TnInteraction) draft = NULL;
  g_autoptr(TnInteraction) reread = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  tn_test_log (fixture->store, ada, TN_INTERACTION_CALL, "2026-10-01");
  tn_test_log (fixture->store, ada, TN_INTERACTION_LUNCH, "2026-11-20");
  stored = first_interaction (fixture->store, ada);
  g_assert_cmpstr (tn_contact_get_last_contact (ada), ==, "2026-11-20");

  /* Moving the latest lunch back in time moves "Last contact" back too. */
  draft = tn_interaction_copy (stored);
  tn_interaction_set_kind (draft, TN_INTERACTION_COFFEE);
  tn_interaction_set_day (draft, "2026-09-15");
  tn_interaction_set_one_on_one (draft, FALSE);
  tn_interaction_set_gave_value (draft, TRUE);
  tn_interaction_set_note (draft, "Brought the référence letter ✉️");
  g_assert_true (tn_store_update_interaction (fixture->store, ada, stored, draft, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tn_interaction_get_kind (stored), ==, TN_INTERACTION_COFFEE);
  g_assert_cmpstr (tn_interaction_get_day (stored), ==, "2026-09-15");
  g_assert_cmpstr (tn_contact_get_last_contact (ada), ==, "2026-10-01");

  reread = first_interaction (fixture->store, ada);
  g_assert_cmpstr (tn_interaction_get_day (reread), ==, "2026-10-01");
  g_clear_object (&reread);
  after = tn_test_sqlite (fixture->path,
                          "SELECT kind, happened_on, one_on_one, gave_value, note FROM interactions"
                          " WHERE happened_on = '2026-09-15'");
  g_assert_cmpstr (after, ==, "coffee|2026-09-15|0|1|Brought the référence letter ✉️");

  /* A day that is not a day, or is after today, changes nothing. */
  before = tn_test_dump (fixture->path);
  tn_interaction_set_day (draft, "2026-02-30");
  g_assert_false (tn_store_update_interaction (fixture->store, ada, stored, draft, &error));
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  tn_interaction_set_day (draft, "2026-11-25");
  g_assert_false (tn_store_update_interaction (fixture->store, ada, stored, draft, &error));
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "future"));
  g_clear_error (&error);
  g_free (after);
  after = tn_test_dump (fixture->path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (tn_interaction_get_day (stored), ==, "2026-09-15");
}

static void
test_remove_and_restore (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = tn_test_add_contact (fixture->store, "Ada Lovelace", TN_TRUST_UNRATED);
  g_autoptr(TnInteraction) latest = NULL;
  g_autoptr(TnInteraction) draft = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *contacts = tn_store_get_contacts (fixture->store);
  LastChange change = { 0 };
  TimelineChange timeline = { 0 };

  tn_test_log (fixture->store, ada, TN_INTERACTION_CALL, "2026-10-01");
  tn_test_log (fixture->store, ada, TN_INTERACTION_LUNCH, "2026-11-20");
  latest = first_interaction (fixture->store, ada);
  g_signal_connect (contacts, "items-changed", G_CALLBACK (on_items_changed_cb), &change);
  g_signal_connect (fixture->store, "interactions-changed", G_CALLBACK (on_interactions_changed_cb), &timeline);

  g_assert_true (tn_store_remove_interaction (fixture->store, ada, latest, &error));
  g_assert_no_error (error);
  assert_n_interactions (fixture->path, "1");
  g_assert_cmpint (tn_interaction_get_id (latest), ==, 0);
  g_assert_cmpstr (tn_contact_get_last_contact (ada), ==, "2026-10-01");
  g_assert_cmpuint (change.count, ==, 1);
  g_assert_cmpuint (timeline.count, ==, 1);
  g_assert_true (timeline.contact == ada);

  /* Undo brings back the same fields. */
  g_assert_true (tn_store_restore_interaction (fixture->store, ada, latest, &error));
  g_assert_no_error (error);
  assert_n_interactions (fixture->path, "2");
  g_assert_cmpint (tn_interaction_get_id (latest), >, 0);
  g_assert_cmpstr (tn_contact_get_last_contact (ada), ==, "2026-11-20");
  g_assert_cmpuint (change.count, ==, 2);
  g_assert_cmpuint (timeline.count, ==, 2);

  /* The last one gone: never met. */
  g_assert_true (tn_store_remove_interaction (fixture->store, ada, latest, &error));
  g_clear_object (&latest);
  latest = first_interaction (fixture->store, ada);
  g_assert_true (tn_store_remove_interaction (fixture->store, ada, latest, &error));
  g_assert_no_error (error);
  g_assert_null (tn_contact_get_last_contact (ada));
  assert_n_interactions (fixture->path, "0");

  /* Editing what is no longer there says so. */
  tn_test_log (fixture->store, ada, TN_INTERACTION_CALL, "2026-10-01");
  g_clear_object (&latest);
  latest = first_interaction (fixture->store, ada);
  g_free (tn_test_sqlite (fixture->path, "DELETE FROM interactions"));
  draft = tn_interaction_copy (latest);
  tn_interaction_set_note (draft, "lost");
  g_assert_false (tn_store_update_interaction (fixture->store, ada, latest, draft, &error));
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_FOUND);
  g_assert_null (tn_interaction_get_note (latest));
  /* Two removals and a log since the restore; the failed edit announced nothing. */
  g_assert_cmpuint (timeline.count, ==, 5);
}

static void
test_log_refuses_bad_days (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = tn_test_add_contact (fixture->store, "Ada Lovelace", TN_TRUST_UNRATED);
  g_autoptr(TnInteraction) tomorrow = tn_interaction_new (TN_INTERACTION_LUNCH, "2026-11-25");
  g_autoptr(TnInteraction) today = tn_interaction_new (TN_INTERACTION_LUNCH, "2026-11-24");
  g_autoptr(TnInteraction) nonsense = g_object_new (TN_TYPE_INTERACTION, "day", "yesterday", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (tn_store_log_interaction (fixture->store, ada, tomorrow, &error));
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tn_store_log_interaction (fixture->store, ada, nonsense, &error));
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  assert_n_interactions (fixture->path, "0");
  g_assert_null (tn_contact_get_last_contact (ada));

  g_assert_true (tn_store_log_interaction (fixture->store, ada, today, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* "Today" for the checks that refuse a future day. */
  g_setenv ("TRUSTNET_NOW", "2026-11-24T12:00:00", TRUE);

  g_test_add_func ("/interaction/kinds", test_kinds);
  g_test_add_func ("/interaction/days", test_days);
  g_test_add_func ("/interaction/object", test_object);
  g_test_add ("/interaction/log-updates-last-contact", Fixture, NULL,
              fixture_set_up, test_log_updates_last_contact, fixture_tear_down);
  g_test_add ("/interaction/list-newest-first", Fixture, NULL,
              fixture_set_up, test_list_newest_first, fixture_tear_down);
  g_test_add ("/interaction/log-for-removed-contact", Fixture, NULL,
              fixture_set_up, test_log_for_removed_contact, fixture_tear_down);
  g_test_add_func ("/interaction/copy-and-edit", test_copy_and_edit);
  g_test_add ("/interaction/update", Fixture, NULL, fixture_set_up, test_update, fixture_tear_down);
  g_test_add ("/interaction/remove-and-restore", Fixture, NULL,
              fixture_set_up, test_remove_and_restore, fixture_tear_down);
  g_test_add ("/interaction/log-refuses-bad-days", Fixture, NULL,
              fixture_set_up, test_log_refuses_bad_days, fixture_tear_down);

  return g_test_run ();
}
