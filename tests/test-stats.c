/* test-stats.c — the dashboard's figures over scenarios written with a fixed clock, in a
 * time zone with daylight saving so that local days are really local.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-stats"

#include "config.h"

#include <glib/gstdio.h>

#include <gio/gio.h>

#include "tn-cadence.h"
#include "tn-importer.h"
#include "tn-stats.h"
#include "tn-suggestion.h"
#include "tn-store.h"
#include "tn-test-store.h"
#include "tn-test-util.h"

/* A Tuesday. */
#define NOW "2026-11-24T09:00:00"

static const TnCadence defaults = { { 4, 12, 26 } };

typedef TnTestStore Fixture;

static void
set_clock (const char *iso8601)
{
  g_setenv ("TRUSTNET_NOW", iso8601, TRUE);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  set_clock (NOW);
  tn_test_store_open (fixture, "test-stats");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  tn_test_store_close (fixture);
  g_unsetenv ("TRUSTNET_NOW");
}

/* Adds a contact at the clock's time (set_clock()), rated @trust. */
static TnContact *
add_contact (Fixture    *fixture,
             const char *name,
             const char *organization,
             TnTrust     trust)
{
  g_autoptr(TnContact) contact = tn_contact_new (name);
  g_autoptr(GError) error = NULL;

  tn_contact_set_organization (contact, organization);
  tn_contact_set_trust (contact, trust);
  tn_store_add_contact (fixture->store, contact, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&contact);
}

static void
log_full (Fixture           *fixture,
          TnContact         *contact,
          TnInteractionKind  kind,
          const char        *day,
          gboolean           one_on_one,
          gboolean           gave_value)
{
  g_autoptr(TnInteraction) interaction = tn_interaction_new (kind, day);
  g_autoptr(GError) error = NULL;

  tn_interaction_set_one_on_one (interaction, one_on_one);
  tn_interaction_set_gave_value (interaction, gave_value);
  tn_store_log_interaction (fixture->store, contact, interaction, &error);
  g_assert_no_error (error);
}

static void
log_on (Fixture           *fixture,
        TnContact         *contact,
        TnInteractionKind  kind,
        const char        *day)
{
  log_full (fixture, contact, kind, day, TRUE, FALSE);
}

static TnStats *
compute_full (Fixture         *fixture,
              const char      *now,
              int              goal,
              const char      *employer,
              const TnCadence *cadence)
{
  g_autoptr(GDateTime) when = tn_test_local_time (now);
  g_autoptr(GError) error = NULL;
  TnStats *stats = tn_stats_compute (fixture->store, when, goal, employer, cadence, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stats);
  return stats;
}

static TnStats *
compute (Fixture *fixture)
{
  return compute_full (fixture, NOW, 20, NULL, &defaults);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(TnStats) stats = compute (fixture);

  g_assert_cmpuint (stats->n_contacts, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (stats->by_trust); i++)
    g_assert_cmpuint (stats->by_trust[i], ==, 0);
  g_assert_cmpuint (tn_stats_get_trusted (stats), ==, 0);
  g_assert_cmpint (stats->goal, ==, 20);
  g_assert_false (tn_stats_goal_reached (stats));
  g_assert_cmpuint (stats->outside_employer, ==, 0);
  g_assert_false (stats->employer_set);
  g_assert_cmpuint (stats->organizations->len, ==, 0);
  g_assert_cmpuint (stats->other_organizations, ==, 0);
  for (guint i = 0; i < TN_STATS_HISTORY_MONTHS; i++)
    {
      g_assert_cmpuint (stats->history[i].n_completely, ==, 0);
      g_assert_cmpuint (stats->history[i].n_moderately, ==, 0);
    }
  g_assert_cmpint (stats->history[TN_STATS_HISTORY_MONTHS - 1].year, ==, 2026);
  g_assert_cmpint (stats->history[TN_STATS_HISTORY_MONTHS - 1].month, ==, 11);
  g_assert_cmpint (stats->history[0].year, ==, 2025);
  g_assert_cmpint (stats->history[0].month, ==, 12);
  g_assert_cmpuint (stats->lunches_this_week, ==, 0);
  g_assert_cmpuint (stats->week_streak, ==, 0);
  g_assert_cmpuint (stats->n_overdue, ==, 0);
  g_assert_cmpuint (stats->overdue->len, ==, 0);
  g_assert_cmpuint (stats->never_contacted, ==, 0);
  g_assert_cmpuint (stats->lost_touch, ==, 0);
  g_assert_cmpuint (stats->interactions_90d, ==, 0);
  g_assert_cmpfloat (tn_stats_get_one_on_one_share (stats), ==, -1);
  g_assert_cmpuint (stats->gave_value_90d, ==, 0);
  for (guint i = 0; i < TN_STATS_HABIT_WEEKS; i++)
    g_assert_cmpuint (stats->per_week[i], ==, 0);
  g_assert_null (stats->brand_statement);
}

static void
test_goal_boundary (Fixture       *fixture,
                    gconstpointer  user_data)
{
  for (guint n = 1; n <= 21; n++)
    {
      g_autofree char *name = g_strdup_printf ("Person %u", n);
      g_autoptr(TnContact) contact = add_contact (fixture, name, NULL, TN_TRUST_COMPLETELY);
      g_autoptr(TnStats) stats = NULL;
      g_autofree char *text = NULL;

      if (n < 19)
        continue;

      stats = compute (fixture);
      text = tn_stats_describe_trusted (tn_stats_get_trusted (stats), stats->goal);
      g_assert_cmpuint (tn_stats_get_trusted (stats), ==, n);
      switch (n)
        {
        case 19:
          g_assert_false (tn_stats_goal_reached (stats));
          g_assert_cmpstr (text, ==, "19 of 20 people trust you completely");
          break;
        case 20:
          g_assert_true (tn_stats_goal_reached (stats));
          g_assert_cmpstr (text, ==, "20 people trust you completely: goal reached");
          break;
        default:
          g_assert_true (tn_stats_goal_reached (stats));
          g_assert_cmpstr (text, ==, "21 people trust you completely: goal reached");
          break;
        }
    }

  {
    g_autofree char *one = tn_stats_describe_trusted (1, 20);

    g_assert_cmpstr (one, ==, "1 of 20 people trusts you completely");
  }
}

static void
test_by_trust (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(TnContact) a = add_contact (fixture, "A", NULL, TN_TRUST_COMPLETELY);
  g_autoptr(TnContact) b = add_contact (fixture, "B", NULL, TN_TRUST_MODERATELY);
  g_autoptr(TnContact) c = add_contact (fixture, "C", NULL, TN_TRUST_MODERATELY);
  g_autoptr(TnContact) d = add_contact (fixture, "D", NULL, TN_TRUST_VAGUELY);
  g_autoptr(TnContact) e = add_contact (fixture, "E", NULL, TN_TRUST_UNRATED);
  g_autoptr(TnContact) gone = add_contact (fixture, "Gone", NULL, TN_TRUST_COMPLETELY);
  g_autoptr(TnContact) gone_unrated = add_contact (fixture, "Gone 0", NULL, TN_TRUST_UNRATED);
  g_autoptr(TnStats) stats = NULL;
  g_autoptr(GError) error = NULL;

  /* A removed contact waiting for its Undo counts nowhere, rated or not (the unrated are
   * counted as what is left of all contacts). */
  tn_store_remove_contact (fixture->store, gone, &error);
  g_assert_no_error (error);
  tn_store_remove_contact (fixture->store, gone_unrated, &error);
  g_assert_no_error (error);

  stats = compute (fixture);
  g_assert_cmpuint (stats->n_contacts, ==, 5);
  g_assert_cmpuint (stats->by_trust[0], ==, 1);
  g_assert_cmpuint (stats->by_trust[1], ==, 1);
  g_assert_cmpuint (stats->by_trust[2], ==, 2);
  g_assert_cmpuint (stats->by_trust[3], ==, 1);
}

static void
test_organizations (Fixture       *fixture,
                    gconstpointer  user_data)
{
  const struct { const char *organization; TnTrust trust; } people[] = {
    { "Acme", TN_TRUST_COMPLETELY },
    { "ACME ", TN_TRUST_COMPLETELY },
    { "acme", TN_TRUST_COMPLETELY },
    { "Globex", TN_TRUST_COMPLETELY },
    { "Globex", TN_TRUST_COMPLETELY },
    { "Initech", TN_TRUST_COMPLETELY },
    { "Umbrella", TN_TRUST_COMPLETELY },
    { "Öl AG", TN_TRUST_COMPLETELY },
    { NULL, TN_TRUST_COMPLETELY },
    { "Acme", TN_TRUST_MODERATELY },
  };
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  TnStats *stats;

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    g_ptr_array_add (contacts, add_contact (fixture, "Someone", people[i].organization, people[i].trust));

  /* No employer set: every 1 is outside it. */
  stats = compute_full (fixture, NOW, 20, "", &defaults);
  g_assert_false (stats->employer_set);
  g_assert_cmpuint (stats->outside_employer, ==, 9);
  g_assert_cmpuint (stats->organizations->len, ==, 3);
  g_assert_cmpint (g_ascii_strcasecmp (((TnStatsOrganization *) stats->organizations->pdata[0])->name, "acme"), ==, 0);
  g_assert_cmpuint (((TnStatsOrganization *) stats->organizations->pdata[0])->n_trusted, ==, 3);
  g_assert_cmpstr (((TnStatsOrganization *) stats->organizations->pdata[1])->name, ==, "Globex");
  g_assert_cmpuint (((TnStatsOrganization *) stats->organizations->pdata[1])->n_trusted, ==, 2);
  g_assert_cmpuint (((TnStatsOrganization *) stats->organizations->pdata[2])->n_trusted, ==, 1);
  /* Two of Initech, Umbrella and Öl AG, and the one without an organization. */
  g_assert_cmpuint (stats->other_organizations, ==, 3);
  tn_stats_free (stats);

  /* Case and spaces do not matter, in any script. */
  stats = compute_full (fixture, NOW, 20, " acme", &defaults);
  g_assert_true (stats->employer_set);
  g_assert_cmpuint (stats->outside_employer, ==, 6);
  tn_stats_free (stats);

  stats = compute_full (fixture, NOW, 20, "ÖL AG", &defaults);
  g_assert_cmpuint (stats->outside_employer, ==, 8);
  tn_stats_free (stats);

  /* "Where I work now" as a person means it: "Öl" is "Öl AG", "Acme Corp" is "Acme". */
  stats = compute_full (fixture, NOW, 20, "öl", &defaults);
  g_assert_cmpuint (stats->outside_employer, ==, 8);
  tn_stats_free (stats);
  stats = compute_full (fixture, NOW, 20, "Acme Corp", &defaults);
  g_assert_cmpuint (stats->outside_employer, ==, 6);
  tn_stats_free (stats);
}

static void
test_is_employer (void)
{
  g_assert_true (tn_stats_is_employer ("Soylent; Foods", "Soylent"));
  g_assert_true (tn_stats_is_employer ("Soylent; Foods", "soylent"));
  g_assert_true (tn_stats_is_employer ("ACME Corp", "Acme"));
  g_assert_true (tn_stats_is_employer ("Acme", "Acme Corp"));
  g_assert_true (tn_stats_is_employer ("Umbrella, Inc.", " umbrella "));
  g_assert_true (tn_stats_is_employer ("Café Noir", "CAFÉ NOIR"));
  g_assert_true (tn_stats_is_employer ("Globex", "Globex"));
  g_assert_false (tn_stats_is_employer ("Acmetech", "Acme"));
  g_assert_false (tn_stats_is_employer ("Acme", "Acmetech"));
  g_assert_false (tn_stats_is_employer ("Globex", "Initech"));
  g_assert_false (tn_stats_is_employer ("Globex", ""));
  g_assert_false (tn_stats_is_employer (NULL, "Globex"));
  g_assert_false (tn_stats_is_employer ("", NULL));
}

static void
test_history (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(TnContact) a = NULL;
  g_autoptr(TnContact) b = NULL;
  g_autoptr(TnContact) c = NULL;
  g_autoptr(TnContact) gone = NULL;
  g_autoptr(TnStats) stats = NULL;
  g_autoptr(GError) error = NULL;
  TnStatsMonth *history;

  /* A is a 1 since long before the chart starts. */
  set_clock ("2024-03-01T12:00:00");
  a = add_contact (fixture, "A", NULL, TN_TRUST_COMPLETELY);
  /* B: a 2 from March 2026, a 1 from the last day of June 2026 (late evening, local). */
  set_clock ("2026-03-10T12:00:00");
  b = add_contact (fixture, "B", NULL, TN_TRUST_MODERATELY);
  tn_test_rate_at (fixture->store, b, TN_TRUST_COMPLETELY, "2026-06-30T23:30:00");
  /* C: a 1 from January, cleared in September. */
  set_clock ("2026-01-15T12:00:00");
  c = add_contact (fixture, "C", NULL, TN_TRUST_UNRATED);
  tn_test_rate_at (fixture->store, c, TN_TRUST_COMPLETELY, "2026-01-15T12:00:00");
  tn_test_rate_at (fixture->store, c, TN_TRUST_UNRATED, "2026-09-02T08:00:00");
  /* A removed contact's history is gone with it. */
  set_clock ("2026-02-01T12:00:00");
  gone = add_contact (fixture, "Gone", NULL, TN_TRUST_COMPLETELY);
  set_clock (NOW);
  tn_store_remove_contact (fixture->store, gone, &error);
  g_assert_no_error (error);

  stats = compute (fixture);
  history = stats->history;
  /* history[0] is December 2025, history[11] November 2026. */
  g_assert_cmpint (history[0].month, ==, 12);
  g_assert_cmpuint (history[0].n_completely, ==, 1);
  g_assert_cmpuint (history[0].n_moderately, ==, 0);
  g_assert_cmpint (history[1].month, ==, 1);
  g_assert_cmpuint (history[1].n_completely, ==, 2);
  g_assert_cmpuint (history[2].n_completely, ==, 2); /* February */
  g_assert_cmpuint (history[3].n_completely, ==, 2); /* March */
  g_assert_cmpuint (history[3].n_moderately, ==, 1);
  g_assert_cmpuint (history[6].n_completely, ==, 3); /* June: B changed on its last evening */
  g_assert_cmpuint (history[6].n_moderately, ==, 0);
  g_assert_cmpuint (history[8].n_completely, ==, 3); /* August */
  g_assert_cmpuint (history[9].n_completely, ==, 2); /* September */
  g_assert_cmpuint (history[11].n_completely, ==, 2);
  g_assert_cmpuint (history[11].n_completely, ==, tn_stats_get_trusted (stats));
  g_assert_cmpuint (history[11].n_moderately, ==, stats->by_trust[2]);
}

static void
test_lunches_and_streak (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = add_contact (fixture, "Ada", NULL, TN_TRUST_COMPLETELY);
  TnStats *stats;

  /* Weeks of Nov 2 (coffee), Nov 9 (lunch, Sunday), Nov 16 (two lunches); a call does not
   * count, and the week of Oct 26 has none, so the streak starts after it. */
  log_on (fixture, ada, TN_INTERACTION_LUNCH, "2026-10-20");
  log_on (fixture, ada, TN_INTERACTION_CALL, "2026-10-28");
  log_on (fixture, ada, TN_INTERACTION_COFFEE, "2026-11-02");
  log_on (fixture, ada, TN_INTERACTION_LUNCH, "2026-11-15");
  log_on (fixture, ada, TN_INTERACTION_LUNCH, "2026-11-16");
  log_on (fixture, ada, TN_INTERACTION_LUNCH, "2026-11-20");

  /* None yet this week: the streak still counts back from last week. */
  stats = compute (fixture);
  g_assert_cmpuint (stats->lunches_this_week, ==, 0);
  g_assert_cmpuint (stats->week_streak, ==, 3);
  tn_stats_free (stats);

  log_on (fixture, ada, TN_INTERACTION_LUNCH, "2026-11-23");
  log_on (fixture, ada, TN_INTERACTION_COFFEE, "2026-11-24");
  log_on (fixture, ada, TN_INTERACTION_EMAIL, "2026-11-24");
  stats = compute (fixture);
  g_assert_cmpuint (stats->lunches_this_week, ==, 2);
  g_assert_cmpuint (stats->week_streak, ==, 4);
  tn_stats_free (stats);

  /* A week later with nothing new: this week and last have none, the streak is over. */
  stats = compute_full (fixture, "2026-12-08T09:00:00", 20, NULL, &defaults);
  g_assert_cmpuint (stats->lunches_this_week, ==, 0);
  g_assert_cmpuint (stats->week_streak, ==, 0);
  tn_stats_free (stats);
}

/* The number of contacts tn_cadence_is_overdue() finds, the rule stats must follow. */
static guint
count_overdue_by_cadence (Fixture         *fixture,
                          const TnCadence *cadence,
                          const char      *now)
{
  GListModel *contacts = tn_store_get_contacts (fixture->store);
  g_autoptr(GDateTime) when = tn_test_local_time (now);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(TnContact) contact = g_list_model_get_item (contacts, i);

      n += tn_cadence_is_overdue (cadence, contact, when);
    }

  return n;
}

static void
test_overdue_matches_cadence (Fixture       *fixture,
                              gconstpointer  user_data)
{
  const TnCadence cadences[] = { { { 4, 12, 26 } }, { { 1, 2, 3 } }, { { 0, 8, 0 } }, { { 52, 52, 52 } } };
  const char *moments[] = { NOW, "2026-11-24T00:05:00", "2026-11-24T23:55:00", "2026-12-22T12:00:00",
                            "2027-03-29T01:30:00", "2027-06-01T12:00:00" };
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  TnContact *contact;

  /* Added late in the evening (local) on several days, some met, some not. */
  set_clock ("2026-10-27T23:30:00");
  g_ptr_array_add (contacts, add_contact (fixture, "Never met 1", NULL, TN_TRUST_COMPLETELY));
  g_ptr_array_add (contacts, add_contact (fixture, "Never met 2", NULL, TN_TRUST_MODERATELY));
  g_ptr_array_add (contacts, add_contact (fixture, "Never met 0", NULL, TN_TRUST_UNRATED));
  set_clock ("2026-08-01T00:30:00");
  g_ptr_array_add (contacts, add_contact (fixture, "Old 3", NULL, TN_TRUST_VAGUELY));
  set_clock (NOW);
  contact = add_contact (fixture, "Met 1", NULL, TN_TRUST_COMPLETELY);
  log_on (fixture, contact, TN_INTERACTION_LUNCH, "2026-10-27");
  log_on (fixture, contact, TN_INTERACTION_CALL, "2026-09-01");
  g_ptr_array_add (contacts, contact);
  contact = add_contact (fixture, "Met 2", NULL, TN_TRUST_MODERATELY);
  log_on (fixture, contact, TN_INTERACTION_EMAIL, "2026-08-31");
  g_ptr_array_add (contacts, contact);
  /* Own intervals, one for someone unrated. */
  contact = add_contact (fixture, "Own 0", NULL, TN_TRUST_UNRATED);
  g_ptr_array_add (contacts, contact);
  {
    g_autoptr(TnContact) changes = tn_contact_copy (contact);

    tn_contact_set_cadence_weeks (changes, 2);
    set_clock ("2026-11-01T12:00:00");
    tn_store_update_contact (fixture->store, contact, changes, &error);
    g_assert_no_error (error);
    set_clock (NOW);
  }
  contact = add_contact (fixture, "Own 3", NULL, TN_TRUST_VAGUELY);
  log_on (fixture, contact, TN_INTERACTION_COFFEE, "2026-11-10");
  {
    g_autoptr(TnContact) changes = tn_contact_copy (contact);

    tn_contact_set_cadence_weeks (changes, 1);
    tn_store_update_contact (fixture->store, contact, changes, &error);
    g_assert_no_error (error);
  }
  g_ptr_array_add (contacts, contact);

  for (guint c = 0; c < G_N_ELEMENTS (cadences); c++)
    {
      for (guint m = 0; m < G_N_ELEMENTS (moments); m++)
        {
          g_autoptr(TnStats) stats = compute_full (fixture, moments[m], 20, NULL, &cadences[c]);

          g_assert_cmpuint (stats->n_overdue, ==, count_overdue_by_cadence (fixture, &cadences[c], moments[m]));
          g_assert_cmpuint (stats->overdue->len, ==, MIN (stats->n_overdue, TN_STATS_LISTED_OVERDUE));
        }
    }
}

static void
test_overdue_order (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(TnStats) stats = NULL;
  TnStatsOverdue *first;
  TnContact *contact;

  set_clock ("2026-01-05T12:00:00");
  g_ptr_array_add (contacts, add_contact (fixture, "Long ago 3", NULL, TN_TRUST_VAGUELY));
  g_ptr_array_add (contacts, add_contact (fixture, "Long ago 2", NULL, TN_TRUST_MODERATELY));
  set_clock (NOW);
  contact = add_contact (fixture, "Recent 1", NULL, TN_TRUST_COMPLETELY);
  log_on (fixture, contact, TN_INTERACTION_LUNCH, "2026-10-20");
  g_ptr_array_add (contacts, contact);
  contact = add_contact (fixture, "Older 1", NULL, TN_TRUST_COMPLETELY);
  log_on (fixture, contact, TN_INTERACTION_LUNCH, "2026-06-01");
  g_ptr_array_add (contacts, contact);
  contact = add_contact (fixture, "Met 1", NULL, TN_TRUST_COMPLETELY);
  log_on (fixture, contact, TN_INTERACTION_LUNCH, "2026-11-20");
  g_ptr_array_add (contacts, contact);

  stats = compute (fixture);
  g_assert_cmpuint (stats->n_overdue, ==, 4);
  g_assert_cmpuint (stats->overdue->len, ==, 4);
  first = &g_array_index (stats->overdue, TnStatsOverdue, 0);
  /* 1s first, the longest unseen first; then the 2 and the 3. */
  g_assert_cmpstr (first->name, ==, "Older 1");
  g_assert_cmpint (first->trust, ==, 1);
  g_assert_cmpint (first->days_since, ==, 176);
  g_assert_false (first->never_met);
  g_assert_cmpstr (g_array_index (stats->overdue, TnStatsOverdue, 1).name, ==, "Recent 1");
  g_assert_cmpint (g_array_index (stats->overdue, TnStatsOverdue, 1).days_since, ==, 35);
  g_assert_cmpstr (g_array_index (stats->overdue, TnStatsOverdue, 2).name, ==, "Long ago 2");
  g_assert_true (g_array_index (stats->overdue, TnStatsOverdue, 2).never_met);
  g_assert_cmpint (g_array_index (stats->overdue, TnStatsOverdue, 2).days_since, ==, 323);
  g_assert_cmpstr (g_array_index (stats->overdue, TnStatsOverdue, 3).name, ==, "Long ago 3");

  /* Lost touch: twice the interval passed: Older 1 (176 ≥ 56), Long ago 2 (323 ≥ 168),
   * not Long ago 3 (323 < 364) nor Recent 1 (35 < 56). */
  g_assert_cmpuint (stats->lost_touch, ==, 2);
}

/* More overdue than are listed: the first TN_STATS_LISTED_OVERDUE in their order, ties
 * broken by when they were added, then by id. */
static void
test_overdue_first_five (Fixture       *fixture,
                         gconstpointer  user_data)
{
  const char *expected[] = { "1 never a", "1 never b", "1 met 03-01", "1 met 03-01 twin", "1 met 05-01" };
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(TnStats) stats = NULL;
  TnContact *contact;

  set_clock ("2026-02-05T12:00:00");
  g_ptr_array_add (contacts, add_contact (fixture, "1 never b", NULL, TN_TRUST_COMPLETELY));
  set_clock ("2026-01-05T12:00:00");
  g_ptr_array_add (contacts, add_contact (fixture, "1 never a", NULL, TN_TRUST_COMPLETELY));
  g_ptr_array_add (contacts, add_contact (fixture, "2 never", NULL, TN_TRUST_MODERATELY));
  set_clock (NOW);
  contact = add_contact (fixture, "3 met 01-10", NULL, TN_TRUST_VAGUELY);
  log_on (fixture, contact, TN_INTERACTION_LUNCH, "2026-01-10");
  g_ptr_array_add (contacts, contact);
  contact = add_contact (fixture, "1 met 05-01", NULL, TN_TRUST_COMPLETELY);
  log_on (fixture, contact, TN_INTERACTION_LUNCH, "2026-05-01");
  g_ptr_array_add (contacts, contact);
  contact = add_contact (fixture, "1 met 03-01", NULL, TN_TRUST_COMPLETELY);
  log_on (fixture, contact, TN_INTERACTION_CALL, "2026-03-01");
  g_ptr_array_add (contacts, contact);
  contact = add_contact (fixture, "1 met 03-01 twin", NULL, TN_TRUST_COMPLETELY);
  log_on (fixture, contact, TN_INTERACTION_CALL, "2026-03-01");
  g_ptr_array_add (contacts, contact);

  stats = compute (fixture);
  g_assert_cmpuint (stats->n_overdue, ==, 7);
  g_assert_cmpuint (stats->overdue->len, ==, TN_STATS_LISTED_OVERDUE);
  for (guint i = 0; i < TN_STATS_LISTED_OVERDUE; i++)
    g_assert_cmpstr (g_array_index (stats->overdue, TnStatsOverdue, i).name, ==, expected[i]);
}

static void
test_never_contacted (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *vcf = g_build_filename (fixture->dir, "people.vcf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (vcf);
  g_autoptr(TnImportResult) result = NULL;
  g_autoptr(TnContact) by_hand = add_contact (fixture, "By hand", NULL, TN_TRUST_UNRATED);
  g_autoptr(TnStats) stats = NULL;
  g_autoptr(GError) error = NULL;
  TnContact *met;

  g_file_set_contents (vcf,
                       "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Imported One\r\nEMAIL:one@example.com\r\nEND:VCARD\r\n"
                       "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Imported Two\r\nEMAIL:two@example.com\r\nEND:VCARD\r\n"
                       "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Imported Three\r\nEMAIL:three@example.com\r\nEND:VCARD\r\n",
                       -1, &error);
  g_assert_no_error (error);
  result = tn_importer_import (fixture->store, &file, 1, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_added, ==, 3);

  /* One and Two are rated; Two was met; Three is unrated; By hand was not imported. */
  for (guint i = 0; i < 2; i++)
    {
      TnContact *rated = tn_store_lookup (fixture->store, i == 0 ? "one@example.com" : "two@example.com", &error);

      g_assert_no_error (error);
      tn_store_set_trust (fixture->store, rated, TN_TRUST_MODERATELY, &error);
      g_assert_no_error (error);
    }
  tn_store_set_trust (fixture->store, by_hand, TN_TRUST_COMPLETELY, &error);
  g_assert_no_error (error);
  met = tn_store_lookup (fixture->store, "two@example.com", &error);
  g_assert_no_error (error);
  log_on (fixture, met, TN_INTERACTION_CALL, "2026-11-20");

  stats = compute (fixture);
  g_assert_cmpuint (stats->never_contacted, ==, 1);
}

static void
test_habits (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = add_contact (fixture, "Ada", NULL, TN_TRUST_COMPLETELY);
  g_autoptr(TnStats) stats = NULL;

  /* Today, 6 days ago (same 7-day span), 7 days ago (the span before), 89 days ago (the
   * last day of the 90), 90 days ago (only in the sparkline), 91 days ago (in nothing). */
  log_full (fixture, ada, TN_INTERACTION_LUNCH, "2026-11-24", TRUE, TRUE);
  log_full (fixture, ada, TN_INTERACTION_MEETING, "2026-11-18", FALSE, FALSE);
  log_full (fixture, ada, TN_INTERACTION_EVENT, "2026-11-17", FALSE, TRUE);
  log_full (fixture, ada, TN_INTERACTION_CALL, "2026-08-27", TRUE, TRUE);
  log_full (fixture, ada, TN_INTERACTION_CALL, "2026-08-26", TRUE, TRUE);
  log_full (fixture, ada, TN_INTERACTION_CALL, "2026-08-25", TRUE, TRUE);

  stats = compute (fixture);
  g_assert_cmpuint (stats->interactions_90d, ==, 4);
  g_assert_cmpuint (stats->one_on_one_90d, ==, 2);
  g_assert_cmpfloat (tn_stats_get_one_on_one_share (stats), ==, 0.5);
  g_assert_cmpuint (stats->gave_value_90d, ==, 3);
  g_assert_cmpuint (stats->per_week[TN_STATS_HABIT_WEEKS - 1], ==, 2);
  g_assert_cmpuint (stats->per_week[TN_STATS_HABIT_WEEKS - 2], ==, 1);
  g_assert_cmpuint (stats->per_week[0], ==, 2);
  for (guint i = 1; i < TN_STATS_HABIT_WEEKS - 2; i++)
    g_assert_cmpuint (stats->per_week[i], ==, 0);
}

/* The sums per day follow edits and deletions, and leave removed contacts out. */
static void
test_habits_follow_changes (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = add_contact (fixture, "Ada", NULL, TN_TRUST_COMPLETELY);
  g_autoptr(TnContact) gone = add_contact (fixture, "Gone", NULL, TN_TRUST_COMPLETELY);
  g_autoptr(TnInteraction) changes = NULL;
  g_autoptr(GPtrArray) logged = NULL;
  g_autoptr(GError) error = NULL;
  TnInteraction *first;
  TnStats *stats;

  log_full (fixture, ada, TN_INTERACTION_LUNCH, "2026-11-24", TRUE, TRUE);
  log_full (fixture, ada, TN_INTERACTION_CALL, "2026-11-20", TRUE, FALSE);
  log_full (fixture, gone, TN_INTERACTION_LUNCH, "2026-11-24", FALSE, TRUE);
  tn_store_remove_contact (fixture->store, gone, &error);
  g_assert_no_error (error);

  stats = compute (fixture);
  g_assert_cmpuint (stats->interactions_90d, ==, 2);
  g_assert_cmpuint (stats->one_on_one_90d, ==, 2);
  g_assert_cmpuint (stats->gave_value_90d, ==, 1);
  g_assert_cmpuint (stats->lunches_this_week, ==, 1);
  tn_stats_free (stats);

  /* The lunch becomes a group lunch two weeks back, the call is deleted. */
  logged = tn_store_list_interactions (fixture->store, ada, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (logged->len, ==, 2);
  first = g_ptr_array_index (logged, 0);
  g_assert_cmpstr (tn_interaction_get_day (first), ==, "2026-11-24");
  changes = tn_interaction_copy (first);
  tn_interaction_set_day (changes, "2026-11-10");
  tn_interaction_set_one_on_one (changes, FALSE);
  tn_store_update_interaction (fixture->store, ada, first, changes, &error);
  g_assert_no_error (error);
  tn_store_remove_interaction (fixture->store, ada, g_ptr_array_index (logged, 1), &error);
  g_assert_no_error (error);

  stats = compute (fixture);
  g_assert_cmpuint (stats->interactions_90d, ==, 1);
  g_assert_cmpuint (stats->one_on_one_90d, ==, 0);
  g_assert_cmpuint (stats->gave_value_90d, ==, 1);
  g_assert_cmpuint (stats->per_week[TN_STATS_HABIT_WEEKS - 3], ==, 1);
  g_assert_cmpuint (stats->lunches_this_week, ==, 0);
  tn_stats_free (stats);
}

static void
test_brand_statement (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(TnStats) stats = NULL;
  g_autofree char *output = NULL;

  output = tn_test_sqlite (fixture->path,
                           "INSERT INTO brand_statements (text, created_at) VALUES ('Old words', 100),"
                           " ('I make hard things simple', 200)");
  stats = compute (fixture);
  g_assert_cmpstr (stats->brand_statement, ==, "I make hard things simple");
}

/* The worker's figures are the store's own, read on a second connection: what was
 * committed before the call, with removed contacts left out as always. */
static void
test_compute_async (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = add_contact (fixture, "Ada", "Acme", TN_TRUST_COMPLETELY);
  g_autoptr(TnContact) bo = add_contact (fixture, "Bo", "Acme", TN_TRUST_MODERATELY);
  g_autoptr(TnContact) gone = add_contact (fixture, "Gone", NULL, TN_TRUST_COMPLETELY);
  g_autoptr(TnContact) old = NULL;
  g_autoptr(GDateTime) when = tn_test_local_time (NOW);
  g_autoptr(TnStats) expected = NULL;
  g_autoptr(TnStats) stats = NULL;
  g_autoptr(GError) error = NULL;

  set_clock ("2026-01-05T10:00:00");
  old = add_contact (fixture, "Old", NULL, TN_TRUST_COMPLETELY);
  set_clock (NOW);
  log_on (fixture, ada, TN_INTERACTION_LUNCH, "2026-11-23");
  log_on (fixture, bo, TN_INTERACTION_CALL, "2026-06-01");
  tn_store_remove_contact (fixture->store, gone, &error);
  g_assert_no_error (error);

  expected = compute_full (fixture, NOW, 2, "Acme", &defaults);
  stats = tn_test_stats_in_worker (fixture->store, when, 2, "Acme", &defaults);

  g_assert_cmpuint (stats->n_contacts, ==, 3);
  g_assert_cmpuint (stats->n_contacts, ==, expected->n_contacts);
  g_assert_cmpmem (stats->by_trust, sizeof stats->by_trust, expected->by_trust, sizeof expected->by_trust);
  g_assert_cmpuint (stats->outside_employer, ==, 1);
  g_assert_cmpuint (stats->lunches_this_week, ==, 1);
  g_assert_cmpuint (stats->n_overdue, ==, 2);
  g_assert_cmpuint (stats->n_overdue, ==, expected->n_overdue);
  g_assert_cmpstr (g_array_index (stats->overdue, TnStatsOverdue, 0).name, ==, "Old");
  g_assert_cmpuint (stats->interactions_90d, ==, expected->interactions_90d);
  g_assert_cmpmem (stats->history, sizeof stats->history, expected->history, sizeof expected->history);

  /* The week's suggestion, read by the worker, is the store's own (Old, never met, a 1). */
  {
    g_auto(TnSuggestion) suggestion = { 0 };

    g_assert_true (tn_suggestion_compute (&suggestion, fixture->store, &defaults, when, 0, &error));
    g_assert_no_error (error);
    g_assert_cmpint (suggestion.contact_id, ==, tn_contact_get_id (old));
    g_assert_cmpint (stats->suggestion.contact_id, ==, suggestion.contact_id);
    g_assert_cmpstr (stats->suggestion.body, ==, suggestion.body);
    g_assert_cmpint (stats->suggestion.reason, ==, suggestion.reason);
    g_assert_null (expected->suggestion.body);
  }
}

/* A cancelled count says so, and nothing else. */
static void
on_cancelled_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnStats) stats = tn_stats_compute_finish (TN_STORE (source), result, &error);

  g_assert_null (stats);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  *(gboolean *) user_data = TRUE;
}

static void
test_compute_async_cancelled (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = add_contact (fixture, "Ada", NULL, TN_TRUST_COMPLETELY);
  g_autoptr(GDateTime) when = tn_test_local_time (NOW);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gboolean done = FALSE;

  tn_stats_compute_async (fixture->store, when, 20, NULL, &defaults, cancellable, on_cancelled_cb, &done);
  g_cancellable_cancel (cancellable);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* A store with no file (one read where none exists) is counted on the caller's thread. */
static void
test_compute_async_in_memory (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-stats-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "none.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TnStore) store = tn_store_open_full (path, TN_STORE_OPEN_FLAGS_NO_CREATE, &error);
  g_autoptr(GDateTime) when = tn_test_local_time (NOW);
  g_autoptr(TnStats) stats = NULL;

  g_assert_no_error (error);
  stats = tn_test_stats_in_worker (store, when, 20, NULL, &defaults);
  g_assert_cmpuint (stats->n_contacts, ==, 0);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* Before anything reads the local time zone: one with daylight saving. */
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/stats/empty", test_empty);
  ADD ("/stats/goal-boundary", test_goal_boundary);
  ADD ("/stats/by-trust", test_by_trust);
  ADD ("/stats/organizations", test_organizations);
  ADD ("/stats/history", test_history);
  ADD ("/stats/lunches-and-streak", test_lunches_and_streak);
  ADD ("/stats/overdue-matches-cadence", test_overdue_matches_cadence);
  ADD ("/stats/overdue-order", test_overdue_order);
  ADD ("/stats/overdue-first-five", test_overdue_first_five);
  ADD ("/stats/never-contacted", test_never_contacted);
  ADD ("/stats/habits", test_habits);
  ADD ("/stats/habits-follow-changes", test_habits_follow_changes);
  ADD ("/stats/brand-statement", test_brand_statement);
  ADD ("/stats/compute-async", test_compute_async);
  ADD ("/stats/compute-async-cancelled", test_compute_async_cancelled);
  g_test_add_func ("/stats/is-employer", test_is_employer);
  g_test_add_func ("/stats/compute-async-in-memory", test_compute_async_in_memory);

#undef ADD

  return g_test_run ();
}
