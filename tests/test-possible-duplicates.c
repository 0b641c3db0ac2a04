/* test-possible-duplicates.c — which namesakes are put to the person (a second hint in
 * common, likeliest first), dismissals that last, and a merge that Undo takes back whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "tn-duplicate-hints.h"
#include "tn-test-import.h"
#include "tn-test-util.h"

#define NOW "2026-11-24T09:00:00Z"

typedef TnTestStore Fixture;

static void
test_mailbox_key (void)
{
  const struct { const char *email; const char *key; } cases[] = {
    { "Ada.Lovelace@example.org", "adalovelace" },
    { " ada.lovelace+news@home.example ", "adalovelace" },
    { "ADALOVELACE@work.example", "adalovelace" },
    { "info@example.org", NULL },
    { "Sales+eu@example.org", NULL },
    { "a@b.c", NULL },
    { "ab@b.c", NULL },
    { "bob@b.c", "bob" },
    { "no-at-sign", NULL },
    { "", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = tn_duplicate_hints_mailbox_key (cases[i].email);

      g_assert_cmpstr (key, ==, cases[i].key);
    }
}

static TnContact *
person (const char *name,
        const char *organization,
        const char *email,
        const char *phone)
{
  TnContact *contact = tn_contact_new (name);
  const char *emails[] = { email, NULL };
  const char *phones[] = { phone, NULL };

  tn_contact_set_organization (contact, organization);
  tn_contact_set_emails (contact, emails);
  tn_contact_set_phones (contact, phones);
  return contact;
}

static void
test_hints (void)
{
  g_autoptr(TnContact) ada = person ("Ada Lovelace", "Analytical Engines", "ada.lovelace@work.example", "+44 20 7946 0958");
  g_autoptr(TnContact) same_org = person ("Ada Lovelace", " analytical engines", "countess@home.example", NULL);
  g_autoptr(TnContact) similar = person ("Ada Lovelace", NULL, "AdaLovelace+x@home.example", NULL);
  g_autoptr(TnContact) phone = person ("Ada Lovelace", NULL, NULL, "020 7946 0958");
  g_autoptr(TnContact) stranger = person ("Ada Lovelace", "Globex", "ada@globex.example", "+1 617 555 0100");

  g_assert_cmpint (tn_duplicate_hints_find (ada, same_org), ==, TN_DUPLICATE_HINT_ORGANIZATION);
  g_assert_cmpint (tn_duplicate_hints_find (ada, similar), ==, TN_DUPLICATE_HINT_SIMILAR_EMAIL);
  g_assert_cmpint (tn_duplicate_hints_find (ada, phone), ==, TN_DUPLICATE_HINT_PHONE);
  g_assert_cmpint (tn_duplicate_hints_find (ada, ada), ==,
                   TN_DUPLICATE_HINT_ORGANIZATION | TN_DUPLICATE_HINT_SAME_EMAIL | TN_DUPLICATE_HINT_PHONE);
  g_assert_cmpint (tn_duplicate_hints_find (ada, stranger), ==, TN_DUPLICATE_HINT_NONE);

  /* A name alone is no likeness; a shared number beats a shared employer. */
  g_assert_cmpuint (tn_duplicate_hints_likeness (TN_DUPLICATE_HINT_NONE), ==, 0);
  g_assert_cmpuint (tn_duplicate_hints_likeness (TN_DUPLICATE_HINT_PHONE), >,
                    tn_duplicate_hints_likeness (TN_DUPLICATE_HINT_SIMILAR_EMAIL));
  g_assert_cmpuint (tn_duplicate_hints_likeness (TN_DUPLICATE_HINT_SIMILAR_EMAIL), >,
                    tn_duplicate_hints_likeness (TN_DUPLICATE_HINT_ORGANIZATION));
  g_assert_cmpuint (tn_duplicate_hints_likeness (TN_DUPLICATE_HINT_ORGANIZATION | TN_DUPLICATE_HINT_SIMILAR_EMAIL), >,
                    tn_duplicate_hints_likeness (TN_DUPLICATE_HINT_SIMILAR_EMAIL));
}

/* Keys once each; namesakes that share none have no hint, those that share one may. */
static void
test_keys (void)
{
  g_autoptr(TnContact) ada = person ("Ada Lovelace", " Analytical Engines ", "Ada.Lovelace@work.example", "+44 20 7946 0958");
  g_autoptr(TnContact) phone = person ("Ada Lovelace", NULL, NULL, "020 7946 0958");
  g_autoptr(TnContact) twice = person ("Ada Lovelace", NULL, "adalovelace@a.example", NULL);
  g_autoptr(GPtrArray) keys = tn_duplicate_hints_keys (ada);
  g_autoptr(GPtrArray) phone_keys = tn_duplicate_hints_keys (phone);
  const char *emails[] = { "adalovelace@a.example", "ada.lovelace+x@b.example", NULL };
  g_autoptr(GPtrArray) twice_keys = NULL;

  g_assert_cmpuint (keys->len, ==, 4);
  g_assert_cmpstr (keys->pdata[0], ==, "o:analytical engines");
  g_assert_cmpstr (keys->pdata[1], ==, "e:ada.lovelace@work.example");
  g_assert_cmpstr (keys->pdata[2], ==, "m:adalovelace");
  g_assert_cmpstr (keys->pdata[3], ==, "p:079460958");
  /* The same number written nationally ends with the same digits. */
  g_assert_cmpuint (phone_keys->len, ==, 1);
  g_assert_cmpstr (phone_keys->pdata[0], ==, "p:079460958");

  tn_contact_set_emails (twice, emails);
  twice_keys = tn_duplicate_hints_keys (twice);
  g_assert_cmpuint (twice_keys->len, ==, 3);
}

/* The keys of the columns a worker reads are the keys of the contact they make. */
static void
test_keys_of (void)
{
  const char *emails[] = { "Ada.Lovelace@work.example", "adalovelace+x@home.example", "info@acme.example", NULL };
  const char *phones[] = { "+44 20 7946 0958", "020 7946 0958", "12", NULL };
  g_autoptr(TnContact) ada = person ("Ada Lovelace", " Analytical Engines ", NULL, NULL);
  g_autoptr(GPtrArray) of_contact = NULL;
  g_autoptr(GPtrArray) of_columns = NULL;
  g_autoptr(GPtrArray) none = tn_duplicate_hints_keys_of (NULL, NULL, NULL);

  tn_contact_set_emails (ada, emails);
  tn_contact_set_phones (ada, phones);
  of_contact = tn_duplicate_hints_keys (ada);
  of_columns = tn_duplicate_hints_keys_of (" Analytical Engines ", emails, phones);
  g_assert_cmpuint (of_columns->len, ==, 6);
  g_assert_cmpuint (of_columns->len, ==, of_contact->len);
  for (guint i = 0; i < of_columns->len; i++)
    g_assert_cmpstr (of_columns->pdata[i], ==, of_contact->pdata[i]);
  g_assert_cmpuint (none->len, ==, 0);
}

static TnContact *
add (Fixture    *fixture,
     const char *name,
     const char *organization,
     const char *email,
     const char *phone)
{
  g_autoptr(TnContact) contact = person (name, organization, email, phone);
  g_autoptr(GError) error = NULL;

  g_assert_true (tn_store_add_contact (fixture->store, contact, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&contact);
}

static void
assert_pair (GPtrArray *pairs,
             guint      index,
             TnContact *first,
             TnContact *second)
{
  TnPossibleDuplicate *pair;

  g_assert_cmpuint (index, <, pairs->len);
  pair = pairs->pdata[index];
  g_assert_cmpint (tn_contact_get_id (pair->first), ==, tn_contact_get_id (first));
  g_assert_cmpint (tn_contact_get_id (pair->second), ==, tn_contact_get_id (second));
  g_assert_cmpuint (pair->likeness, ==, tn_duplicate_hints_likeness (pair->hints));
}

/* Namesakes with nothing else in common are not listed; the rest come likeliest first, and
 * a dismissed pair stays dismissed in the next session. */
static void
test_list_and_dismiss (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = add (fixture, "Ada Lovelace", "Analytical Engines", "ada@work.example", NULL);
  g_autoptr(TnContact) ada_org = add (fixture, "ada lovelace", "Analytical Engines", "countess@home.example", NULL);
  g_autoptr(TnContact) grace = add (fixture, "Grace Hopper", NULL, "grace@navy.example", "+1 617 555 0199");
  g_autoptr(TnContact) grace_phone = add (fixture, "Grace Hopper", NULL, NULL, "(617) 555-0199");
  g_autoptr(TnContact) alan = add (fixture, "Alan Turing", "Bletchley", "alan@bletchley.example", NULL);
  g_autoptr(TnContact) other_alan = add (fixture, "Alan Turing", "Globex", "a.turing@globex.example", "+1 212 555 0100");
  g_autoptr(GPtrArray) pairs = tn_store_list_possible_duplicates (fixture->store);
  g_autofree char *last_change = NULL;
  g_autofree char *last_change_again = NULL;
  g_autoptr(GError) error = NULL;

  /* The two Alans share only a name: never listed. */
  g_assert_cmpuint (pairs->len, ==, 2);
  g_assert_cmpuint (tn_store_count_possible_duplicates (fixture->store), ==, 2);
  assert_pair (pairs, 0, grace, grace_phone);
  assert_pair (pairs, 1, ada, ada_org);
  for (guint i = 0; i < pairs->len; i++)
    g_assert_cmpint (((TnPossibleDuplicate *) pairs->pdata[i])->hints, !=, TN_DUPLICATE_HINT_NONE);
  (void) alan;
  (void) other_alan;

  g_assert_true (tn_store_dismiss_possible_duplicate (fixture->store, ada_org, ada, &error));
  g_assert_no_error (error);
  /* Dismissed again: nothing written, so no change in the feed for other windows. */
  last_change = tn_test_sqlite (fixture->path, "SELECT max (seq) FROM changes");
  g_assert_true (tn_store_dismiss_possible_duplicate (fixture->store, ada, ada_org, &error));
  g_assert_no_error (error);
  last_change_again = tn_test_sqlite (fixture->path, "SELECT max (seq) FROM changes");
  g_assert_cmpstr (last_change_again, ==, last_change);
  g_clear_pointer (&pairs, g_ptr_array_unref);
  pairs = tn_store_list_possible_duplicates (fixture->store);
  g_assert_cmpuint (pairs->len, ==, 1);
  g_assert_cmpuint (tn_store_count_possible_duplicates (fixture->store), ==, 1);
  assert_pair (pairs, 0, grace, grace_phone);

  /* Remembered in the database, not in this process. */
  g_clear_object (&ada);
  g_clear_object (&ada_org);
  g_clear_object (&grace);
  g_clear_object (&grace_phone);
  g_clear_object (&alan);
  g_clear_object (&other_alan);
  g_clear_pointer (&pairs, g_ptr_array_unref);
  tn_test_store_reopen (fixture);
  pairs = tn_store_list_possible_duplicates (fixture->store);
  g_assert_cmpuint (pairs->len, ==, 1);
  g_assert_cmpstr (tn_contact_get_full_name (((TnPossibleDuplicate *) pairs->pdata[0])->first), ==, "Grace Hopper");
}

/* Undo of a merge brings both back as they were: fields, addresses, rating, history. */
static void
test_merge_undo (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = add (fixture, "Ada Lovelace", NULL, "ada@work.example", "+44 20 7946 0958");
  g_autoptr(TnContact) other = add (fixture, "Ada Lovelace", "Analytical Engines", "countess@home.example", "+44 20 7946 0000");
  g_autoptr(TnMergeUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  TnContact *back;

  g_assert_true (tn_store_set_trust (fixture->store, other, TN_TRUST_COMPLETELY, &error));
  g_assert_no_error (error);
  tn_test_log (fixture->store, other, TN_INTERACTION_LUNCH, "2026-11-20");
  tn_test_assert_query (fixture->path, "SELECT count (*) FROM trust_changes", "1");

  undo = tn_store_merge_contacts_undoable (fixture->store, ada, other, &error);
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  g_assert_cmpuint (tn_test_n_contacts (fixture->store), ==, 1);
  g_assert_cmpstr (tn_contact_get_organization (ada), ==, "Analytical Engines");
  g_assert_cmpint (tn_contact_get_trust (ada), ==, TN_TRUST_COMPLETELY);
  g_assert_cmpstr (tn_contact_get_last_contact (ada), ==, "2026-11-20");
  tn_test_assert_strv (tn_contact_get_emails (ada), "ada@work.example", "countess@home.example", NULL);

  g_assert_true (tn_store_undo_merge (fixture->store, undo, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (tn_test_n_contacts (fixture->store), ==, 2);
  g_assert_null (tn_contact_get_organization (ada));
  g_assert_cmpint (tn_contact_get_trust (ada), ==, TN_TRUST_UNRATED);
  g_assert_null (tn_contact_get_last_contact (ada));
  tn_test_assert_strv (tn_contact_get_emails (ada), "ada@work.example", NULL);
  tn_test_assert_strv (tn_contact_get_phones (ada), "+44 20 7946 0958", NULL);

  back = tn_store_get_contact_by_id (fixture->store, tn_contact_get_id (other));
  g_assert_nonnull (back);
  g_assert_cmpstr (tn_contact_get_organization (back), ==, "Analytical Engines");
  g_assert_cmpint (tn_contact_get_trust (back), ==, TN_TRUST_COMPLETELY);
  g_assert_cmpstr (tn_contact_get_last_contact (back), ==, "2026-11-20");
  tn_test_assert_strv (tn_contact_get_emails (back), "countess@home.example", NULL);
  /* The rating history is as before the merge: only the other's own change. */
  tn_test_assert_query (fixture->path, "SELECT count (*) FROM trust_changes", "1");

  /* Once is all: the same undo again says so and changes nothing. */
  g_assert_false (tn_store_undo_merge (fixture->store, undo, &error));
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (tn_test_n_contacts (fixture->store), ==, 2);
}

/* A merge that is not undone is final at the next start. */
static void
test_merge_final_after_restart (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = add (fixture, "Ada Lovelace", "Analytical Engines", "ada@work.example", NULL);
  g_autoptr(TnContact) other = add (fixture, "Ada Lovelace", "Analytical Engines", "countess@home.example", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (tn_store_merge_contacts (fixture->store, ada, other, &error));
  g_assert_no_error (error);
  g_clear_object (&ada);
  g_clear_object (&other);
  /* The next start, a day later: what was removed before it is purged. */
  g_setenv ("TRUSTNET_NOW", "2026-11-25T09:00:00Z", TRUE);
  tn_test_store_reopen (fixture);
  g_assert_cmpuint (tn_test_n_contacts (fixture->store), ==, 1);
  tn_test_assert_query (fixture->path, "SELECT count (*) FROM contacts", "1");
}

/* The worker's count is the list's length, and its list the list: with many namesakes sharing an organization,
 * a phone or a mailbox (pairs found through several keys counted once), a dismissed pair,
 * and a removed contact. */
static void
on_counted_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  guint *count = user_data;

  g_assert_true (tn_store_count_possible_duplicates_finish (TN_STORE (source), result, count, &error));
  g_assert_no_error (error);
}

static guint
count_in_worker (Fixture *fixture)
{
  guint count = G_MAXUINT;

  tn_store_count_possible_duplicates_async (fixture->store, NULL, on_counted_cb, &count);
  while (count == G_MAXUINT)
    g_main_context_iteration (NULL, TRUE);
  return count;
}

static void
on_listed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GPtrArray **pairs = user_data;

  *pairs = tn_store_list_possible_duplicates_finish (TN_STORE (source), result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*pairs);
}

/* The worker's list is the window thread's, pair for pair and in its order. */
static void
assert_worker_lists (Fixture   *fixture,
                     GPtrArray *expected)
{
  g_autoptr(GPtrArray) pairs = NULL;

  tn_store_list_possible_duplicates_async (fixture->store, NULL, on_listed_cb, &pairs);
  while (pairs == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (pairs->len, ==, expected->len);
  for (guint i = 0; i < pairs->len; i++)
    {
      TnPossibleDuplicate *pair = pairs->pdata[i];
      TnPossibleDuplicate *want = expected->pdata[i];

      g_assert_true (pair->first == want->first);
      g_assert_true (pair->second == want->second);
      g_assert_cmpint (pair->hints, ==, want->hints);
      g_assert_cmpuint (pair->likeness, ==, want->likeness);
    }
}

static void
test_count_async (Fixture       *fixture,
                  gconstpointer  user_data)
{
  static const char * const organizations[] = { "Acme", "Globex", NULL };
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GError) error = NULL;
  guint n_expected = 0;

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *email = g_strdup_printf ("%s%u@x%u.example", i % 4 == 0 ? "ada.lovelace" : "someone", i, i);
      g_autofree char *phone = g_strdup_printf ("+44 20 7946 %04u", i % 5);

      if (i % 4 == 0)
        email[strlen ("ada.lovelace")] = '@';
      g_ptr_array_add (added, add (fixture, i % 2 ? "Ada Lovelace" : "ADA LOVELACE ", organizations[i % 3],
                                   email, i % 3 == 0 ? phone : NULL));
    }

  /* Every pair the slow way: each two of one name, with a hint in common. */
  for (guint i = 0; i < added->len; i++)
    for (guint j = i + 1; j < added->len; j++)
      n_expected += tn_duplicate_hints_find (added->pdata[i], added->pdata[j]) != TN_DUPLICATE_HINT_NONE;

  pairs = tn_store_list_possible_duplicates (fixture->store);
  g_assert_cmpuint (pairs->len, >, 100);
  g_assert_cmpuint (pairs->len, ==, n_expected);
  for (guint i = 0; i < pairs->len; i++)
    {
      TnPossibleDuplicate *pair = pairs->pdata[i];

      g_assert_cmpint (tn_contact_get_id (pair->first), <, tn_contact_get_id (pair->second));
      g_assert_cmpint (pair->hints, ==, tn_duplicate_hints_find (pair->first, pair->second));
    }
  g_assert_cmpuint (count_in_worker (fixture), ==, pairs->len);
  g_assert_cmpuint (tn_store_count_possible_duplicates (fixture->store), ==, pairs->len);
  assert_worker_lists (fixture, pairs);

  g_assert_true (tn_store_dismiss_possible_duplicate (fixture->store, ((TnPossibleDuplicate *) pairs->pdata[0])->first,
                                                      ((TnPossibleDuplicate *) pairs->pdata[0])->second, &error));
  g_assert_no_error (error);
  g_assert_true (tn_store_remove_contact (fixture->store, added->pdata[1], &error));
  g_assert_no_error (error);
  g_clear_pointer (&pairs, g_ptr_array_unref);
  pairs = tn_store_list_possible_duplicates (fixture->store);
  g_assert_cmpuint (count_in_worker (fixture), ==, pairs->len);
  assert_worker_lists (fixture, pairs);
  for (guint i = 0; i < pairs->len; i++)
    {
      TnPossibleDuplicate *pair = pairs->pdata[i];

      g_assert_true (pair->first != added->pdata[1] && pair->second != added->pdata[1]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/possible-duplicates/mailbox-key", test_mailbox_key);
  g_test_add_func ("/possible-duplicates/hints", test_hints);
  g_test_add_func ("/possible-duplicates/keys", test_keys);
  g_test_add_func ("/possible-duplicates/keys-of", test_keys_of);
  tn_test_add_store_test ("/possible-duplicates/count-async", NOW, test_count_async);
  tn_test_add_store_test ("/possible-duplicates/list-and-dismiss", NOW, test_list_and_dismiss);
  tn_test_add_store_test ("/possible-duplicates/merge-undo", NOW, test_merge_undo);
  tn_test_add_store_test ("/possible-duplicates/merge-final-after-restart", NOW, test_merge_final_after_restart);

  return g_test_run ();
}
