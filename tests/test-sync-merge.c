/* test-sync-merge.c — the merge rules of sync: per field the later change wins, addresses,
 * web pages, interactions and job changes as unions less what was removed, nothing a
 * person wrote lost silently, one job change noticed on two machines shown once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tn-sync-merge.h"

static TnSyncContact *
make_base (void)
{
  TnSyncContact *contact = tn_sync_contact_new ("x");
  TnSyncInteraction *lunch = tn_sync_interaction_new ("lunch-1", TN_INTERACTION_LUNCH, "2026-11-01");

  tn_sync_contact_set (contact, TN_SYNC_FIELD_FULL_NAME, "Xena Example", 100);
  tn_sync_contact_set (contact, TN_SYNC_FIELD_ORGANIZATION, "Old Org", 100);
  tn_sync_contact_set (contact, TN_SYNC_FIELD_NOTE, "Base note", 100);
  tn_sync_contact_set (contact, TN_SYNC_FIELD_TRUST, "2", 100);
  tn_sync_contact_add_trust_change (contact, TN_TRUST_MODERATELY, 100);
  g_ptr_array_add (contact->emails, g_strdup ("x@example.com"));
  g_ptr_array_add (contact->emails, g_strdup ("old@example.com"));
  g_ptr_array_add (contact->phones, g_strdup ("+1 555 0100"));
  lunch->changed_at = 100;
  lunch->note = g_strdup ("soup");
  g_ptr_array_add (contact->interactions, lunch);
  return contact;
}

static TnSyncContact *
merge (const TnSyncContact *base,
       const TnSyncContact *local,
       const TnSyncContact *remote,
       guint               *conflicts)
{
  TnSyncContact *merged = tn_sync_merge_contact (base, local, remote, conflicts);
  g_autoptr(TnSyncContact) other_way = tn_sync_merge_contact (base, remote, local, NULL);

  /* Both machines reach the same contact, whichever merges. */
  g_assert_true (tn_sync_contact_equal (merged, other_way));
  return merged;
}

static void
test_nothing_changed (void)
{
  g_autoptr(TnSyncContact) base = make_base ();
  g_autoptr(TnSyncContact) merged = NULL;
  guint conflicts = 99;

  merged = merge (base, base, base, &conflicts);
  g_assert_true (tn_sync_contact_equal (merged, base));
  g_assert_cmpuint (conflicts, ==, 0);
}

static void
test_one_side_changed (void)
{
  g_autoptr(TnSyncContact) base = make_base ();
  g_autoptr(TnSyncContact) local = tn_sync_contact_copy (base);
  g_autoptr(TnSyncContact) remote = tn_sync_contact_copy (base);
  g_autoptr(TnSyncContact) merged = NULL;
  guint conflicts = 99;

  /* An older change on the side that changed still wins over an unchanged field. */
  tn_sync_contact_set (local, TN_SYNC_FIELD_ORGANIZATION, "New Org", 50);
  tn_sync_contact_set (remote, TN_SYNC_FIELD_TRUST, "1", 300);
  tn_sync_contact_add_trust_change (remote, TN_TRUST_COMPLETELY, 300);
  tn_sync_contact_set (remote, TN_SYNC_FIELD_CADENCE, "4", 300);

  merged = merge (base, local, remote, &conflicts);
  g_assert_cmpstr (merged->fields[TN_SYNC_FIELD_ORGANIZATION], ==, "New Org");
  g_assert_cmpint (merged->times[TN_SYNC_FIELD_ORGANIZATION], ==, 50);
  g_assert_cmpstr (merged->fields[TN_SYNC_FIELD_TRUST], ==, "1");
  g_assert_cmpstr (merged->fields[TN_SYNC_FIELD_CADENCE], ==, "4");
  g_assert_cmpuint (merged->trust_history->len, ==, 2);
  g_assert_cmpuint (conflicts, ==, 0);
}

static void
test_same_field_later_wins (void)
{
  g_autoptr(TnSyncContact) base = make_base ();
  g_autoptr(TnSyncContact) local = tn_sync_contact_copy (base);
  g_autoptr(TnSyncContact) remote = tn_sync_contact_copy (base);
  g_autoptr(TnSyncContact) merged = NULL;
  guint conflicts = 0;

  tn_sync_contact_set (local, TN_SYNC_FIELD_ORGANIZATION, "Local Org", 300);
  tn_sync_contact_set (remote, TN_SYNC_FIELD_ORGANIZATION, "Remote Org", 200);
  tn_sync_contact_set (local, TN_SYNC_FIELD_TITLE, "Local Title", 200);
  tn_sync_contact_set (remote, TN_SYNC_FIELD_TITLE, "Remote Title", 300);

  merged = merge (base, local, remote, &conflicts);
  g_assert_cmpstr (merged->fields[TN_SYNC_FIELD_ORGANIZATION], ==, "Local Org");
  g_assert_cmpint (merged->times[TN_SYNC_FIELD_ORGANIZATION], ==, 300);
  g_assert_cmpstr (merged->fields[TN_SYNC_FIELD_TITLE], ==, "Remote Title");
  g_assert_cmpuint (conflicts, ==, 2);
}

static void
test_same_time_same_winner (void)
{
  g_autoptr(TnSyncContact) local = tn_sync_contact_new ("x");
  g_autoptr(TnSyncContact) remote = tn_sync_contact_new ("x");
  g_autoptr(TnSyncContact) merged = NULL;

  tn_sync_contact_set (local, TN_SYNC_FIELD_TITLE, "Alpha", 10);
  tn_sync_contact_set (remote, TN_SYNC_FIELD_TITLE, "Beta", 10);
  /* merge() checks that both orders agree. */
  merged = merge (NULL, local, remote, NULL);
  g_assert_cmpstr (merged->fields[TN_SYNC_FIELD_TITLE], ==, "Beta");
}

static void
test_trust_both_sides (void)
{
  g_autoptr(TnSyncContact) base = make_base ();
  g_autoptr(TnSyncContact) local = tn_sync_contact_copy (base);
  g_autoptr(TnSyncContact) remote = tn_sync_contact_copy (base);
  g_autoptr(TnSyncContact) merged = NULL;
  const TnSyncTrustChange *last;

  tn_sync_contact_set (local, TN_SYNC_FIELD_TRUST, "3", 400);
  tn_sync_contact_add_trust_change (local, TN_TRUST_VAGUELY, 400);
  tn_sync_contact_set (remote, TN_SYNC_FIELD_TRUST, "1", 500);
  tn_sync_contact_add_trust_change (remote, TN_TRUST_COMPLETELY, 500);

  merged = merge (base, local, remote, NULL);
  g_assert_cmpstr (merged->fields[TN_SYNC_FIELD_TRUST], ==, "1");
  /* The history shows both ratings, the later last. */
  g_assert_cmpuint (merged->trust_history->len, ==, 3);
  g_assert_cmpint (g_array_index (merged->trust_history, TnSyncTrustChange, 1).trust, ==, TN_TRUST_VAGUELY);
  last = &g_array_index (merged->trust_history, TnSyncTrustChange, 2);
  g_assert_cmpint (last->trust, ==, TN_TRUST_COMPLETELY);
  g_assert_cmpint (last->changed_at, ==, 500);
}

static void
test_notes_both_kept (void)
{
  g_autoptr(TnSyncContact) base = make_base ();
  g_autoptr(TnSyncContact) local = tn_sync_contact_copy (base);
  g_autoptr(TnSyncContact) remote = tn_sync_contact_copy (base);
  g_autoptr(TnSyncContact) merged = NULL;
  g_autoptr(TnSyncContact) again = NULL;

  tn_sync_contact_set (local, TN_SYNC_FIELD_NOTE, "Likes chess", 300);
  tn_sync_contact_set (remote, TN_SYNC_FIELD_NOTE, "Moved to Berlin", 400);

  merged = merge (base, local, remote, NULL);
  g_assert_cmpstr (merged->fields[TN_SYNC_FIELD_NOTE], ==, "Moved to Berlin\n\nLikes chess");

  /* The other machine, whose note is now the base, takes the merged note as it is. */
  again = merge (remote, remote, merged, NULL);
  g_assert_cmpstr (again->fields[TN_SYNC_FIELD_NOTE], ==, "Moved to Berlin\n\nLikes chess");
}

static void
test_merge_notes (void)
{
  const struct { const char *later, *earlier, *expected; } cases[] = {
    { "new", "old", "new\n\nold" },
    { NULL, "old", "old" },
    { "", "old", "old" },
    { "new", NULL, "new" },
    { "old and more", "old", "old and more" },
    { "old", "old and more", "old and more" },
    { NULL, NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *note = tn_sync_merge_notes (cases[i].later, cases[i].earlier);

      g_assert_cmpstr (note, ==, cases[i].expected);
    }
}

static void
test_addresses (void)
{
  g_autoptr(TnSyncContact) base = make_base ();
  g_autoptr(TnSyncContact) local = tn_sync_contact_copy (base);
  g_autoptr(TnSyncContact) remote = tn_sync_contact_copy (base);
  g_autoptr(TnSyncContact) merged = NULL;

  /* Here: old@ removed, new-here@ added. There: X@ written differently, new-there@ added,
   * the phone removed. */
  g_ptr_array_remove_index (local->emails, 1);
  g_ptr_array_add (local->emails, g_strdup ("new-here@example.com"));
  g_ptr_array_remove_index (remote->emails, 0);
  g_ptr_array_insert (remote->emails, 0, g_strdup ("X@Example.com"));
  g_ptr_array_add (remote->emails, g_strdup ("new-there@example.com"));
  g_ptr_array_remove_index (remote->phones, 0);
  g_ptr_array_add (local->phones, g_strdup ("+1 555 0199"));

  merged = tn_sync_merge_contact (base, local, remote, NULL);
  g_assert_cmpuint (merged->emails->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (merged->emails, 0), ==, "x@example.com");
  g_assert_cmpstr (g_ptr_array_index (merged->emails, 1), ==, "new-here@example.com");
  g_assert_cmpstr (g_ptr_array_index (merged->emails, 2), ==, "new-there@example.com");
  g_assert_cmpuint (merged->phones->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (merged->phones, 0), ==, "+1 555 0199");
}

static void
test_addresses_without_base (void)
{
  g_autoptr(TnSyncContact) local = tn_sync_contact_new ("x");
  g_autoptr(TnSyncContact) remote = tn_sync_contact_new ("x");
  g_autoptr(TnSyncContact) merged = NULL;

  g_ptr_array_add (local->emails, g_strdup ("a@example.com"));
  g_ptr_array_add (remote->emails, g_strdup ("b@example.com"));
  g_ptr_array_add (remote->emails, g_strdup ("A@example.com"));
  merged = tn_sync_merge_contact (NULL, local, remote, NULL);
  g_assert_cmpuint (merged->emails->len, ==, 2);
}

static TnSyncInteraction *
add_interaction (TnSyncContact     *contact,
                 const char        *uid,
                 TnInteractionKind  kind,
                 const char        *day,
                 gint64             changed_at)
{
  TnSyncInteraction *interaction = tn_sync_interaction_new (uid, kind, day);

  interaction->changed_at = changed_at;
  g_ptr_array_add (contact->interactions, interaction);
  return interaction;
}

static gboolean
has_interaction (TnSyncContact *contact,
                 const char    *uid)
{
  for (guint i = 0; i < contact->interactions->len; i++)
    if (g_str_equal (((TnSyncInteraction *) g_ptr_array_index (contact->interactions, i))->uid, uid))
      return TRUE;

  return FALSE;
}

static void
test_interactions_union (void)
{
  g_autoptr(TnSyncContact) base = make_base ();
  g_autoptr(TnSyncContact) local = tn_sync_contact_copy (base);
  g_autoptr(TnSyncContact) remote = tn_sync_contact_copy (base);
  g_autoptr(TnSyncContact) merged = NULL;

  add_interaction (local, "call-here", TN_INTERACTION_CALL, "2026-11-20", 300);
  add_interaction (remote, "lunch-there", TN_INTERACTION_LUNCH, "2026-11-10", 300);
  /* A card another client rewrote without the old lunch, and without a tombstone: the
   * lunch is not thrown away on a guess. */
  g_ptr_array_remove_index (remote->interactions, 0);

  merged = merge (base, local, remote, NULL);
  g_assert_cmpuint (merged->interactions->len, ==, 3);
  g_assert_true (has_interaction (merged, "lunch-1"));
  g_assert_true (has_interaction (merged, "call-here"));
  g_assert_true (has_interaction (merged, "lunch-there"));
  /* By day. */
  g_assert_cmpstr (((TnSyncInteraction *) g_ptr_array_index (merged->interactions, 1))->uid, ==, "lunch-there");
}

static void
test_interaction_deleted (void)
{
  g_autoptr(TnSyncContact) base = make_base ();
  g_autoptr(TnSyncContact) local = tn_sync_contact_copy (base);
  g_autoptr(TnSyncContact) remote = tn_sync_contact_copy (base);
  g_autoptr(TnSyncContact) merged = NULL;

  g_ptr_array_remove_index (local->interactions, 0);
  g_ptr_array_add (local->gone, tn_sync_tombstone_new ("lunch-1", 200));

  merged = merge (base, local, remote, NULL);
  g_assert_false (has_interaction (merged, "lunch-1"));
  /* The tombstone travels, so no machine brings it back. */
  g_assert_cmpuint (merged->gone->len, ==, 1);
}

static void
test_interaction_edited_after_deletion (void)
{
  g_autoptr(TnSyncContact) base = make_base ();
  g_autoptr(TnSyncContact) local = tn_sync_contact_copy (base);
  g_autoptr(TnSyncContact) remote = tn_sync_contact_copy (base);
  g_autoptr(TnSyncContact) merged = NULL;
  TnSyncInteraction *edited = g_ptr_array_index (remote->interactions, 0);

  g_ptr_array_remove_index (local->interactions, 0);
  g_ptr_array_add (local->gone, tn_sync_tombstone_new ("lunch-1", 200));
  g_free (edited->note);
  edited->note = g_strdup ("soup, and a job offer");
  edited->changed_at = 300;

  merged = merge (base, local, remote, NULL);
  g_assert_true (has_interaction (merged, "lunch-1"));
  g_assert_cmpuint (merged->gone->len, ==, 0);
}

static void
test_interaction_edited_both (void)
{
  g_autoptr(TnSyncContact) base = make_base ();
  g_autoptr(TnSyncContact) local = tn_sync_contact_copy (base);
  g_autoptr(TnSyncContact) remote = tn_sync_contact_copy (base);
  g_autoptr(TnSyncContact) merged = NULL;
  TnSyncInteraction *mine = g_ptr_array_index (local->interactions, 0);
  TnSyncInteraction *theirs = g_ptr_array_index (remote->interactions, 0);
  TnSyncInteraction *result;
  guint conflicts = 0;

  g_free (mine->note);
  mine->note = g_strdup ("soup and bread");
  mine->gave_value = TRUE;
  mine->changed_at = 300;
  g_free (theirs->note);
  theirs->note = g_strdup ("salad");
  theirs->kind = TN_INTERACTION_COFFEE;
  theirs->changed_at = 200;

  merged = merge (base, local, remote, &conflicts);
  g_assert_cmpuint (conflicts, ==, 1);
  result = g_ptr_array_index (merged->interactions, 0);
  g_assert_cmpint (result->kind, ==, TN_INTERACTION_LUNCH);
  g_assert_true (result->gave_value);
  g_assert_cmpstr (result->note, ==, "soup and bread\n\nsalad");
}

static void
test_new_on_both_without_base (void)
{
  g_autoptr(TnSyncContact) local = make_base ();
  g_autoptr(TnSyncContact) remote = tn_sync_contact_new ("x");
  g_autoptr(TnSyncContact) merged = NULL;

  /* The server's card came from a phone: no rating, no interactions. Nothing of here is
   * lost, and the phone's name change, later, wins. */
  tn_sync_contact_set (remote, TN_SYNC_FIELD_FULL_NAME, "Xena Q. Example", 0);
  remote->vcard = g_strdup ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Xena Q. Example\r\nEND:VCARD\r\n");
  merged = tn_sync_merge_contact (NULL, local, remote, NULL);
  g_assert_cmpstr (merged->fields[TN_SYNC_FIELD_TRUST], ==, "2");
  g_assert_cmpstr (merged->fields[TN_SYNC_FIELD_NOTE], ==, "Base note");
  g_assert_cmpuint (merged->interactions->len, ==, 1);
  g_assert_cmpstr (merged->fields[TN_SYNC_FIELD_FULL_NAME], ==, "Xena Example");
  g_assert_cmpstr (merged->vcard, ==, remote->vcard);
}


static TnSyncJobChange *
add_job_change (TnSyncContact *contact,
                const char    *from,
                const char    *to,
                const char    *noticed_on,
                gint64         dismissed_at)
{
  TnSyncJobChange *change = tn_sync_job_change_new (from, "Engineer", to, "CTO", noticed_on);
  TnSyncJobChange *copy = tn_sync_job_change_copy (change);

  change->dismissed_at = dismissed_at;
  copy->dismissed_at = dismissed_at;
  tn_sync_job_changes_add (contact->job_changes, change);
  return copy;
}

static const TnSyncJobChange *
find_job_change (const TnSyncContact *contact,
                 const char          *id)
{
  for (guint i = 0; i < contact->job_changes->len; i++)
    if (g_str_equal (((TnSyncJobChange *) g_ptr_array_index (contact->job_changes, i))->id, id))
      return g_ptr_array_index (contact->job_changes, i);

  return NULL;
}

static void
test_job_change_id (void)
{
  g_autoptr(TnSyncJobChange) change = tn_sync_job_change_new ("Analytical Engines", "Engineer", "Initech", "CTO",
                                                              "2026-12-01");
  g_autoptr(TnSyncJobChange) spelled = tn_sync_job_change_new ("analytical engines ", "ENGINEER", "Initech", "CTO",
                                                               "2026-12-05");
  g_autoptr(TnSyncJobChange) accents = tn_sync_job_change_new ("Analytical Engines", "Engineer", "Cafe\xcc\x81", "CTO",
                                                               "2026-12-01");
  g_autoptr(TnSyncJobChange) composed = tn_sync_job_change_new ("Analytical Engines", "Engineer", "Caf\xc3\xa9", "CTO",
                                                                "2026-12-01");
  g_autoptr(TnSyncJobChange) other = tn_sync_job_change_new ("Analytical Engines", "Engineer", "Initech", NULL,
                                                             "2026-12-01");
  g_autoptr(TnSyncJobChange) empty = tn_sync_job_change_new ("Analytical Engines", "Engineer", "Initech", "",
                                                             "2026-12-01");
  g_autoptr(TnSyncJobChange) swapped = tn_sync_job_change_new ("Initech", "CTO", "Analytical Engines", "Engineer",
                                                               "2026-12-01");
  g_autoptr(TnSyncJobChange) copy = tn_sync_job_change_copy (change);

  /* The same move, whoever noticed it when, spelled as imports compare it: one id. */
  g_assert_cmpuint (strlen (change->id), ==, 32);
  g_assert_cmpstr (change->id, ==, spelled->id);
  g_assert_cmpstr (composed->id, ==, accents->id);
  /* Another move: another id. An empty title is no title. */
  g_assert_cmpstr (change->id, !=, other->id);
  g_assert_cmpstr (change->id, !=, swapped->id);
  g_assert_cmpstr (other->id, ==, empty->id);
  g_assert_null (empty->to_title);

  g_assert_true (tn_sync_job_change_equal (change, copy));
  g_assert_false (tn_sync_job_change_equal (change, spelled));
  copy->dismissed_at = 10;
  g_assert_false (tn_sync_job_change_equal (change, copy));
}

static void
test_job_changes_add (void)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) tn_sync_job_change_free);
  TnSyncJobChange *later = tn_sync_job_change_new ("Acme", NULL, "Initech", NULL, "2026-12-05");
  TnSyncJobChange *earlier = tn_sync_job_change_new ("ACME", NULL, "initech", NULL, "2026-12-01");
  TnSyncJobChange *first = tn_sync_job_change_new ("School", NULL, "Acme", NULL, "2020-01-01");
  TnSyncJobChange *kept;

  later->dismissed_at = 900;
  earlier->dismissed_at = 0;
  tn_sync_job_changes_add (list, later);
  tn_sync_job_changes_add (list, earlier);
  tn_sync_job_changes_add (list, first);

  /* One change noticed twice is one: the earlier day and spelling, and dismissed. */
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((TnSyncJobChange *) g_ptr_array_index (list, 0))->noticed_on, ==, "2020-01-01");
  kept = g_ptr_array_index (list, 1);
  g_assert_cmpstr (kept->noticed_on, ==, "2026-12-01");
  g_assert_cmpstr (kept->from_organization, ==, "ACME");
  g_assert_cmpint (kept->dismissed_at, ==, 900);

  /* Dismissed twice: the earlier dismissal. */
  earlier = tn_sync_job_change_new ("Acme", NULL, "Initech", NULL, "2026-12-09");
  earlier->dismissed_at = 500;
  tn_sync_job_changes_add (list, earlier);
  g_assert_cmpuint (list->len, ==, 2);
  kept = g_ptr_array_index (list, 1);
  g_assert_cmpint (kept->dismissed_at, ==, 500);
  g_assert_cmpstr (kept->noticed_on, ==, "2026-12-01");
}

static void
test_job_changes_union (void)
{
  g_autoptr(TnSyncContact) base = make_base ();
  g_autoptr(TnSyncContact) local = NULL;
  g_autoptr(TnSyncContact) remote = NULL;
  g_autoptr(TnSyncContact) merged = NULL;
  g_autoptr(TnSyncJobChange) old = add_job_change (base, "School", "Old Org", "2025-01-01", 0);
  g_autoptr(TnSyncJobChange) here = NULL;
  g_autoptr(TnSyncJobChange) there = NULL;
  guint conflicts = 99;

  local = tn_sync_contact_copy (base);
  remote = tn_sync_contact_copy (base);
  here = add_job_change (local, "Old Org", "Initech", "2026-12-01", 0);
  there = add_job_change (remote, "Initech", "Globex", "2026-12-03", 0);

  merged = merge (base, local, remote, &conflicts);
  g_assert_cmpuint (merged->job_changes->len, ==, 3);
  g_assert_nonnull (find_job_change (merged, old->id));
  g_assert_nonnull (find_job_change (merged, here->id));
  g_assert_nonnull (find_job_change (merged, there->id));
  /* Kept by the day noticed. */
  g_assert_cmpstr (((TnSyncJobChange *) g_ptr_array_index (merged->job_changes, 2))->id, ==, there->id);
  g_assert_cmpuint (conflicts, ==, 0);
}

static void
test_job_change_noticed_on_both (void)
{
  g_autoptr(TnSyncContact) base = make_base ();
  g_autoptr(TnSyncContact) local = tn_sync_contact_copy (base);
  g_autoptr(TnSyncContact) remote = tn_sync_contact_copy (base);
  g_autoptr(TnSyncContact) merged = NULL;
  g_autoptr(TnSyncContact) again = NULL;
  g_autoptr(TnSyncJobChange) here = add_job_change (local, "Old Org", "Initech", "2026-12-02", 0);
  g_autoptr(TnSyncJobChange) there = add_job_change (remote, "old org", "INITECH", "2026-12-01", 0);
  const TnSyncJobChange *change;

  /* Both machines imported the same export before they synced: one change, not two,
   * noticed on the earlier day, whichever machine merges. */
  merged = merge (base, local, remote, NULL);
  g_assert_cmpuint (merged->job_changes->len, ==, 1);
  change = g_ptr_array_index (merged->job_changes, 0);
  g_assert_cmpstr (change->id, ==, here->id);
  g_assert_cmpstr (change->noticed_on, ==, "2026-12-01");
  g_assert_cmpstr (change->to_organization, ==, "INITECH");

  /* Without a base (two first syncs) too. */
  again = merge (NULL, local, remote, NULL);
  g_assert_true (tn_sync_contact_equal (again, merged));

  /* The next sync changes nothing: the merge is where both sides already are. */
  g_clear_pointer (&again, tn_sync_contact_free);
  again = merge (merged, merged, merged, NULL);
  g_assert_true (tn_sync_contact_equal (again, merged));
}

static void
test_job_change_dismissal_sticks (void)
{
  g_autoptr(TnSyncContact) base = make_base ();
  g_autoptr(TnSyncContact) local = NULL;
  g_autoptr(TnSyncContact) remote = NULL;
  g_autoptr(TnSyncContact) merged = NULL;
  g_autoptr(TnSyncJobChange) change = add_job_change (base, "Old Org", "Initech", "2026-12-01", 0);
  TnSyncJobChange *mine;
  TnSyncJobChange *theirs;

  local = tn_sync_contact_copy (base);
  remote = tn_sync_contact_copy (base);
  mine = g_ptr_array_index (local->job_changes, 0);
  theirs = g_ptr_array_index (remote->job_changes, 0);

  /* Dismissed here; the server's card, newer in every other way, does not bring it back. */
  mine->dismissed_at = 500;
  tn_sync_contact_set (remote, TN_SYNC_FIELD_ORGANIZATION, "Initech", 900);
  merged = merge (base, local, remote, NULL);
  g_assert_cmpint (((TnSyncJobChange *) g_ptr_array_index (merged->job_changes, 0))->dismissed_at, ==, 500);
  g_assert_cmpstr (merged->fields[TN_SYNC_FIELD_ORGANIZATION], ==, "Initech");

  /* Dismissed on both: the earlier dismissal, on both machines. */
  theirs->dismissed_at = 400;
  g_clear_pointer (&merged, tn_sync_contact_free);
  merged = merge (base, local, remote, NULL);
  g_assert_cmpint (((TnSyncJobChange *) g_ptr_array_index (merged->job_changes, 0))->dismissed_at, ==, 400);
  g_assert_cmpstr (((TnSyncJobChange *) g_ptr_array_index (merged->job_changes, 0))->id, ==, change->id);
}

static void
test_job_change_taken_back (void)
{
  g_autoptr(TnSyncContact) base = make_base ();
  g_autoptr(TnSyncContact) local = NULL;
  g_autoptr(TnSyncContact) remote = NULL;
  g_autoptr(TnSyncContact) merged = NULL;
  g_autoptr(TnSyncJobChange) undone = add_job_change (base, "Old Org", "Initech", "2026-12-01", 0);
  g_autoptr(TnSyncJobChange) kept = add_job_change (base, "School", "Old Org", "2025-01-01", 0);

  local = tn_sync_contact_copy (base);
  remote = tn_sync_contact_copy (base);
  /* The import that noticed it was undone here; the server still has it, unchanged. */
  g_ptr_array_remove_index (local->job_changes, 1);
  g_assert_null (find_job_change (local, undone->id));

  merged = merge (base, local, remote, NULL);
  g_assert_cmpuint (merged->job_changes->len, ==, 1);
  g_assert_nonnull (find_job_change (merged, kept->id));

  /* Not in the base (never synced): nothing says it was taken back, so it stays. */
  g_clear_pointer (&merged, tn_sync_contact_free);
  merged = merge (NULL, local, remote, NULL);
  g_assert_cmpuint (merged->job_changes->len, ==, 2);
}

static void
test_web_pages (void)
{
  g_autoptr(TnSyncContact) base = make_base ();
  g_autoptr(TnSyncContact) local = NULL;
  g_autoptr(TnSyncContact) remote = NULL;
  g_autoptr(TnSyncContact) merged = NULL;

  tn_sync_contact_add_url (base, "https://www.linkedin.com/in/xena");
  tn_sync_contact_add_url (base, "https://old.example.com/");
  /* The same pages written otherwise, and nothing, are not added. */
  tn_sync_contact_add_url (base, "http://linkedin.com/in/xena/en");
  tn_sync_contact_add_url (base, "OLD.example.com");
  tn_sync_contact_add_url (base, "");
  tn_sync_contact_add_url (base, NULL);
  g_assert_cmpuint (base->urls->len, ==, 2);
  local = tn_sync_contact_copy (base);
  remote = tn_sync_contact_copy (base);
  /* Here: the old page removed, a blog added. There: the same profile written by another
   * LinkedIn site (one page, not two), a shop added. */
  g_ptr_array_remove_index (local->urls, 1);
  g_ptr_array_add (local->urls, g_strdup ("https://xena.example.org/blog"));
  g_ptr_array_add (remote->urls, g_strdup ("https://de.linkedin.com/in/xena/de"));
  g_ptr_array_add (remote->urls, g_strdup ("https://shop.example.net"));

  /* In this side's order, then the other's new ones, as addresses. */
  merged = tn_sync_merge_contact (base, local, remote, NULL);
  g_assert_cmpuint (merged->urls->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (merged->urls, 0), ==, "https://www.linkedin.com/in/xena");
  g_assert_cmpstr (g_ptr_array_index (merged->urls, 1), ==, "https://xena.example.org/blog");
  g_assert_cmpstr (g_ptr_array_index (merged->urls, 2), ==, "https://shop.example.net");
  g_assert_false (tn_sync_contact_equal (merged, base));
}

static void
test_random_merges_agree (void)
{
  /* Random edits on both sides: whichever side merges, the result is the same, and
   * nothing either side logged is missing unless a tombstone says so. */
  GRand *rand = g_rand_new_with_seed (g_test_rand_int ());

  for (guint round = 0; round < 500; round++)
    {
      g_autoptr(TnSyncContact) base = make_base ();
      g_autoptr(TnSyncContact) here = tn_sync_contact_copy (base);
      g_autoptr(TnSyncContact) there = tn_sync_contact_copy (base);
      TnSyncContact *sides[2] = { here, there };
      g_autoptr(TnSyncContact) merged = NULL;

      for (guint s = 0; s < 2; s++)
        {
          for (guint f = 0; f < TN_SYNC_N_FIELDS; f++)
            if (g_rand_boolean (rand))
              {
                g_autofree char *value = g_strdup_printf ("%u", g_rand_int_range (rand, 0, 4));

                tn_sync_contact_set (sides[s], f, value, g_rand_int_range (rand, 0, 1000));
              }
          if (g_rand_boolean (rand))
            {
              g_autofree char *uid = g_strdup_printf ("i-%u-%u", s, g_rand_int (rand));

              add_interaction (sides[s], uid, TN_INTERACTION_CALL, "2026-01-01", g_rand_int_range (rand, 0, 1000));
            }
          /* Job changes from a few moves, so that both sides often notice the same one. */
          if (g_rand_boolean (rand))
            {
              const char *orgs[] = { "Old Org", "Initech", "Globex" };
              g_autofree char *day = g_strdup_printf ("2026-12-%02d", g_rand_int_range (rand, 1, 29));
              g_autoptr(TnSyncJobChange) added = NULL;

              added = add_job_change (sides[s], orgs[g_rand_int_range (rand, 0, 3)], orgs[g_rand_int_range (rand, 0, 3)],
                                      day, g_rand_boolean (rand) ? g_rand_int_range (rand, 1, 1000) : 0);
            }
        }

      merged = merge (base, sides[0], sides[1], NULL);
      for (guint s = 0; s < 2; s++)
        for (guint i = 0; i < sides[s]->interactions->len; i++)
          g_assert_true (has_interaction (merged, ((TnSyncInteraction *) g_ptr_array_index (sides[s]->interactions, i))->uid));
      /* Every job change either side noticed is there once, dismissed if either dismissed it. */
      for (guint s = 0; s < 2; s++)
        for (guint i = 0; i < sides[s]->job_changes->len; i++)
          {
            const TnSyncJobChange *change = g_ptr_array_index (sides[s]->job_changes, i);
            const TnSyncJobChange *found = find_job_change (merged, change->id);

            g_assert_nonnull (found);
            g_assert_cmpstr (found->noticed_on, <=, change->noticed_on);
            g_assert_true (change->dismissed_at == 0 || (found->dismissed_at != 0 && found->dismissed_at <= change->dismissed_at));
          }
      for (guint i = 0; i < merged->job_changes->len; i++)
        for (guint j = i + 1; j < merged->job_changes->len; j++)
          g_assert_cmpstr (((TnSyncJobChange *) g_ptr_array_index (merged->job_changes, i))->id, !=,
                           ((TnSyncJobChange *) g_ptr_array_index (merged->job_changes, j))->id);
    }

  g_rand_free (rand);
}

static void
test_self (void)
{
  g_autoptr(TnSyncSelf) base = tn_sync_self_new ();
  g_autoptr(TnSyncSelf) local = NULL;
  g_autoptr(TnSyncSelf) remote = NULL;
  g_autoptr(TnSyncSelf) merged = NULL;
  g_autoptr(TnSyncSelf) first = NULL;
  g_autoptr(TnSyncSelf) empty = NULL;

  tn_sync_self_add_statement (base, "One", 10);
  base->goal = 10;
  base->employer = g_strdup ("Acme");
  local = tn_sync_self_copy (base);
  remote = tn_sync_self_copy (base);
  tn_sync_self_add_statement (local, "Two here", 20);
  tn_sync_self_add_statement (remote, "Two there", 21);
  tn_sync_self_add_check (remote, 7, 30);
  remote->goal = 12;
  g_free (local->employer);
  local->employer = NULL;

  merged = tn_sync_merge_self (base, local, remote);
  g_assert_cmpuint (merged->statements->len, ==, 3);
  g_assert_cmpuint (merged->checks->len, ==, 1);
  g_assert_cmpint (merged->goal, ==, 12);
  /* Cleared here: stays cleared. */
  g_assert_null (merged->employer);

  /* A first sync: what the server has fills in what is not set here. */
  empty = tn_sync_self_new ();
  first = tn_sync_merge_self (NULL, empty, remote);
  g_assert_true (tn_sync_self_equal (first, remote));
}

/* Goal and employer: the later change wins on both machines, whichever syncs first, and a
 * cleared employer is a change like any other. */
static void
test_self_later_wins (void)
{
  g_autoptr(TnSyncSelf) base = tn_sync_self_new ();
  g_autoptr(TnSyncSelf) earlier = NULL;
  g_autoptr(TnSyncSelf) later = NULL;
  g_autoptr(TnSyncSelf) here_first = NULL;
  g_autoptr(TnSyncSelf) there_first = NULL;

  base->goal = 20;
  base->goal_changed_at = 5;
  base->employer = g_strdup ("Acme");
  base->employer_changed_at = 5;
  earlier = tn_sync_self_copy (base);
  later = tn_sync_self_copy (base);
  earlier->goal = 25;
  earlier->goal_changed_at = 10;
  g_clear_pointer (&earlier->employer, g_free);
  earlier->employer_changed_at = 40;
  later->goal = 30;
  later->goal_changed_at = 20;
  g_free (later->employer);
  later->employer = g_strdup ("Initech");
  later->employer_changed_at = 30;

  here_first = tn_sync_merge_self (base, earlier, later);
  there_first = tn_sync_merge_self (base, later, earlier);
  for (guint i = 0; i < 2; i++)
    {
      const TnSyncSelf *merged = i == 0 ? here_first : there_first;

      g_assert_cmpint (merged->goal, ==, 30);
      g_assert_cmpint (merged->goal_changed_at, ==, 20);
      /* The clearing (at 40) is later than Initech (at 30). */
      g_assert_null (merged->employer);
      g_assert_cmpint (merged->employer_changed_at, ==, 40);
    }

  /* Changed on one side only: that side's, whatever the times say. */
  g_clear_pointer (&here_first, tn_sync_self_free);
  here_first = tn_sync_merge_self (later, later, earlier);
  g_assert_cmpint (here_first->goal, ==, 25);
  g_assert_null (here_first->employer);
}

/* No sync before: what one side never set takes the other's; both set, the later. */
static void
test_self_without_base (void)
{
  g_autoptr(TnSyncSelf) unset = tn_sync_self_new ();
  g_autoptr(TnSyncSelf) set_early = tn_sync_self_new ();
  g_autoptr(TnSyncSelf) set_late = tn_sync_self_new ();
  g_autoptr(TnSyncSelf) merged = NULL;

  set_early->goal = 42;
  set_early->goal_changed_at = 100;
  set_early->employer = g_strdup ("Acme");
  set_early->employer_changed_at = 100;
  set_late->goal = 12;
  set_late->goal_changed_at = 200;

  merged = tn_sync_merge_self (NULL, unset, set_early);
  g_assert_cmpint (merged->goal, ==, 42);
  g_assert_cmpstr (merged->employer, ==, "Acme");
  g_clear_pointer (&merged, tn_sync_self_free);

  merged = tn_sync_merge_self (NULL, set_late, set_early);
  g_assert_cmpint (merged->goal, ==, 12);
  g_assert_cmpint (merged->goal_changed_at, ==, 200);
  g_assert_cmpstr (merged->employer, ==, "Acme");
  g_clear_pointer (&merged, tn_sync_self_free);

  merged = tn_sync_merge_self (NULL, set_early, set_late);
  g_assert_cmpint (merged->goal, ==, 12);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync-merge/nothing-changed", test_nothing_changed);
  g_test_add_func ("/sync-merge/one-side-changed", test_one_side_changed);
  g_test_add_func ("/sync-merge/same-field-later-wins", test_same_field_later_wins);
  g_test_add_func ("/sync-merge/same-time-same-winner", test_same_time_same_winner);
  g_test_add_func ("/sync-merge/trust-both-sides", test_trust_both_sides);
  g_test_add_func ("/sync-merge/notes-both-kept", test_notes_both_kept);
  g_test_add_func ("/sync-merge/merge-notes", test_merge_notes);
  g_test_add_func ("/sync-merge/addresses", test_addresses);
  g_test_add_func ("/sync-merge/addresses-without-base", test_addresses_without_base);
  g_test_add_func ("/sync-merge/interactions-union", test_interactions_union);
  g_test_add_func ("/sync-merge/interaction-deleted", test_interaction_deleted);
  g_test_add_func ("/sync-merge/interaction-edited-after-deletion", test_interaction_edited_after_deletion);
  g_test_add_func ("/sync-merge/interaction-edited-both", test_interaction_edited_both);
  g_test_add_func ("/sync-merge/new-on-both-without-base", test_new_on_both_without_base);
  g_test_add_func ("/sync-merge/job-change-id", test_job_change_id);
  g_test_add_func ("/sync-merge/job-changes-add", test_job_changes_add);
  g_test_add_func ("/sync-merge/job-changes-union", test_job_changes_union);
  g_test_add_func ("/sync-merge/job-change-noticed-on-both", test_job_change_noticed_on_both);
  g_test_add_func ("/sync-merge/job-change-dismissal-sticks", test_job_change_dismissal_sticks);
  g_test_add_func ("/sync-merge/job-change-taken-back", test_job_change_taken_back);
  g_test_add_func ("/sync-merge/web-pages", test_web_pages);
  g_test_add_func ("/sync-merge/random-merges-agree", test_random_merges_agree);
  g_test_add_func ("/sync-merge/self", test_self);
  g_test_add_func ("/sync-merge/self-later-wins", test_self_later_wins);
  g_test_add_func ("/sync-merge/self-without-base", test_self_without_base);

  return g_test_run ();
}
