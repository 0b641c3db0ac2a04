/* test-contact-edit.c — a person's edit laid onto a contact that changed meanwhile:
 * their fields win, everybody else's stay, lists merge.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tn-contact-edit.h"

static TnContact *
make_ada (void)
{
  const char *emails[] = { "ada@example.org", "ada@old.example", NULL };
  TnContact *ada = tn_contact_new ("Ada Lovelace");

  tn_contact_set_trust (ada, TN_TRUST_COMPLETELY);
  tn_contact_set_emails (ada, emails);
  return ada;
}

static void
test_edit_keeps_what_others_changed (void)
{
  g_autoptr(TnContact) seen = make_ada ();
  g_autoptr(TnContact) wanted = tn_contact_copy (seen);
  g_autoptr(TnContact) current = tn_contact_copy (seen);
  g_autoptr(TnContact) result = NULL;
  const char *current_emails[] = { "ada@example.org", "ada@old.example", "ada@work.example", NULL };
  const char *wanted_emails[] = { "ada@example.org", "ada@home.example", NULL };
  const char *merged[] = { "ada@example.org", "ada@work.example", "ada@home.example", NULL };
  const char *phones[] = { "+44 20 7946 0000", NULL };
  gboolean changed;

  /* Someone else: an organization, an address, a phone, a rating. */
  tn_contact_set_organization (current, "Analytical Engines");
  tn_contact_set_emails (current, current_emails);
  tn_contact_set_phones (current, phones);
  tn_contact_set_trust (current, TN_TRUST_VAGUELY);
  /* The person: a title, one address replaced by another. */
  tn_contact_set_title (wanted, "Countess");
  tn_contact_set_emails (wanted, wanted_emails);

  result = tn_contact_edit_rebase (seen, wanted, current, TN_CONTACT_EDIT_NONE, &changed);
  g_assert_true (changed);
  g_assert_cmpstr (tn_contact_get_title (result), ==, "Countess");
  g_assert_cmpstr (tn_contact_get_organization (result), ==, "Analytical Engines");
  g_assert_cmpint (tn_contact_get_trust (result), ==, TN_TRUST_VAGUELY);
  g_assert_true (g_strv_equal (tn_contact_get_emails (result), merged));
  g_assert_true (g_strv_equal (tn_contact_get_phones (result), phones));
}

static void
test_edit_same_field_later_wins (void)
{
  g_autoptr(TnContact) seen = make_ada ();
  g_autoptr(TnContact) wanted = tn_contact_copy (seen);
  g_autoptr(TnContact) current = tn_contact_copy (seen);
  g_autoptr(TnContact) result = NULL;
  gboolean changed;

  tn_contact_set_note (current, "from elsewhere");
  tn_contact_set_note (wanted, "from the window");
  result = tn_contact_edit_rebase (seen, wanted, current, TN_CONTACT_EDIT_NONE, &changed);
  g_assert_true (changed);
  g_assert_cmpstr (tn_contact_get_note (result), ==, "from the window");
}

static void
test_edit_rating_chosen_again (void)
{
  g_autoptr(TnContact) seen = make_ada ();
  g_autoptr(TnContact) wanted = tn_contact_copy (seen);
  g_autoptr(TnContact) current = tn_contact_copy (seen);
  g_autoptr(TnContact) result = NULL;
  gboolean changed;

  /* The window shows 1, the database says 3, the person presses 1. */
  tn_contact_set_trust (current, TN_TRUST_VAGUELY);
  result = tn_contact_edit_rebase (seen, wanted, current, TN_CONTACT_EDIT_NONE, &changed);
  g_assert_false (changed);
  g_assert_cmpint (tn_contact_get_trust (result), ==, TN_TRUST_VAGUELY);
  g_clear_object (&result);

  result = tn_contact_edit_rebase (seen, wanted, current, TN_CONTACT_EDIT_RATING, &changed);
  g_assert_true (changed);
  g_assert_cmpint (tn_contact_get_trust (result), ==, TN_TRUST_COMPLETELY);
}

static void
test_edit_same (void)
{
  g_autoptr(TnContact) a = make_ada ();
  g_autoptr(TnContact) b = tn_contact_copy (a);
  const char *phones[] = { "+44 20 7946 0000", NULL };

  g_assert_true (tn_contact_edit_same (a, b));
  tn_contact_set_phones (b, phones);
  g_assert_false (tn_contact_edit_same (a, b));
  g_clear_object (&b);
  b = tn_contact_copy (a);
  tn_contact_set_cadence_weeks (b, 8);
  g_assert_false (tn_contact_edit_same (a, b));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/contact-edit/keeps-what-others-changed", test_edit_keeps_what_others_changed);
  g_test_add_func ("/contact-edit/same-field-later-wins", test_edit_same_field_later_wins);
  g_test_add_func ("/contact-edit/rating-chosen-again", test_edit_rating_chosen_again);
  g_test_add_func ("/contact-edit/same", test_edit_same);

  return g_test_run ();
}
