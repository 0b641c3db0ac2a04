/* test-suggest-first.c — the dashboard's refresh reads only the candidates that can come
 * first (every 1 and 2, and the first of everyone else) and only the chosen one's name:
 * over random address books its suggestion must be the one the rule gives over everyone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-suggest-first"

#include "config.h"

#include <gio/gio.h>

#include "tn-stats.h"
#include "tn-store-reader-private.h"
#include "tn-suggestion.h"
#include "tn-test-store.h"
#include "tn-test-util.h"

#define N_SEEDS 60

/* Odd and even ISO weeks, a Monday just after midnight and a Sunday night (local time). */
static const char * const moments[] = {
  "2026-11-25T10:00:00", /* W48 */
  "2026-12-02T10:00:00", /* W49 */
  "2026-11-23T00:30:00", /* W48, Monday */
  "2026-12-06T23:30:00", /* W49, Sunday */
};

static const TnCadence cadence = { { 4, 12, 26 } };

/* A local day @days_back before 2026-12-06, as the store writes it. */
static char *
day_before (int days_back)
{
  GDate date;
  char text[16];

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 6, G_DATE_DECEMBER, 2026);
  if (days_back >= 0)
    g_date_subtract_days (&date, (guint) days_back);
  else
    g_date_add_days (&date, (guint) -days_back);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
  return g_strdup (text);
}

/* Few distinct times, so that many are equal: the order's ties by id are met. */
static void
write_book (const char *path,
            GRand      *rand)
{
  g_autoptr(GString) sql = g_string_new ("BEGIN;");
  guint n = (guint) g_rand_int_range (rand, 0, 3) == 0 ? (guint) g_rand_int_range (rand, 0, 4)
                                                        : (guint) g_rand_int_range (rand, 4, 80);
  gint64 added_base = 1790000000; /* 2026-09 */
  /* In some books everyone was met: the order among the met then decides. */
  int never_met = g_rand_int_range (rand, 0, 3) * 25;
  /* In some there are no 1s, or no 1s and 2s: someone else is then chosen. */
  int share_1 = g_rand_int_range (rand, 0, 3) == 0 ? 0 : 15;
  int share_2 = g_rand_int_range (rand, 0, 3) == 0 ? 0 : 20;

  for (guint id = 1; id <= n; id++)
    {
      int roll = g_rand_int_range (rand, 0, 100);
      int trust = roll < share_1 ? 1 : roll < share_1 + share_2 ? 2 : roll < 80 ? 0 : 3;
      int own = g_rand_int_range (rand, 0, 4) == 0 ? g_rand_int_range (rand, 1, 9) : 0;
      gint64 added = added_base + g_rand_int_range (rand, 0, 4) * 7 * 86400;
      g_autofree char *last_met = NULL;

      /* Never met, long ago, lately, this week, or in the days still to come. */
      switch (g_rand_int_range (rand, 0, 100) < never_met ? 0 : g_rand_int_range (rand, 1, 5))
        {
        case 0:
          break;
        case 1:
          last_met = day_before (g_rand_int_range (rand, 0, 4) * 30 + 20);
          break;
        case 2:
          last_met = day_before (g_rand_int_range (rand, 7, 40));
          break;
        default:
          last_met = day_before (g_rand_int_range (rand, -2, 14));
          break;
        }

      g_string_append_printf (sql,
                              "INSERT INTO contacts (id, uid, full_name, trust, created_at, updated_at, cadence_weeks,"
                              "  last_met, removed_at)"
                              " VALUES (%u, 'uid-%u', 'Person %u', %d, %" G_GINT64_FORMAT ", 0, %d, %s%s%s, %s);",
                              id, id, id, trust, added, own,
                              last_met != NULL ? "'" : "", last_met != NULL ? last_met : "NULL", last_met != NULL ? "'" : "",
                              g_rand_int_range (rand, 0, 10) == 0 ? "1" : "NULL");

      /* Job changes of anyone, some dismissed, noticed within the last weeks or before. */
      if (g_rand_int_range (rand, 0, 6) == 0)
        {
          g_autofree char *noticed = day_before (g_rand_int_range (rand, -1, 45));

          g_string_append_printf (sql,
                                  "INSERT INTO job_changes (contact_id, to_organization, to_title, noticed_on, dismissed_at)"
                                  " VALUES (%u, 'Initech', NULL, '%s', %s);",
                                  id, noticed, g_rand_int_range (rand, 0, 4) == 0 ? "1" : "NULL");
        }
    }
  g_string_append (sql, "COMMIT;");
  g_free (tn_test_sqlite (path, sql->str));
}

static void
assert_same_suggestion (const TnSuggestion *got,
                        const TnSuggestion *expected)
{
  g_assert_cmpint (got->contact_id, ==, expected->contact_id);
  g_assert_cmpint (got->reason, ==, expected->reason);
  g_assert_cmpstr (got->name, ==, expected->name);
  g_assert_cmpstr (got->body, ==, expected->body);
}

static void
test_random_book (gconstpointer data)
{
  guint seed = GPOINTER_TO_UINT (data);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GError) error = NULL;
  g_autoptr(TnDb) db = NULL;
  TnTestStore test_store = { 0 };

  tn_test_store_open (&test_store, "test-suggest-first");
  g_clear_object (&test_store.store);
  write_book (test_store.path, rand);
  tn_test_store_reopen (&test_store);
  db = tn_db_open (test_store.path, &error);
  g_assert_no_error (error);

  for (guint m = 0; m < G_N_ELEMENTS (moments); m++)
    {
      g_autoptr(GDateTime) now = tn_test_local_time (moments[m]);
      g_autoptr(GStringChunk) names = g_string_chunk_new (256);
      g_autoptr(GArray) everyone = NULL;
      g_autoptr(GArray) first = NULL;
      g_autoptr(GPtrArray) changes = NULL;
      g_auto(TnSuggestion) expected = { 0 };
      g_auto(TnSuggestion) got = { 0 };
      g_autoptr(TnStats) stats = NULL;

      everyone = _tn_store_read_reminder_candidates (db, &cadence, names, &error);
      g_assert_no_error (error);
      first = _tn_store_read_first_reminder_candidates (db, &cadence, &error);
      g_assert_no_error (error);
      changes = _tn_store_list_job_changes_on (db, TN_JOB_CHANGES_FLAGS_NOT_DISMISSED, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (first->len, <=, everyone->len);
      g_assert_true (first->len > 0 || everyone->len == 0);

      /* The rule over everyone, as "Someone else" and the reminder see it. */
      tn_suggestion_choose (&expected, everyone, changes, now, 0);

      g_assert_true (tn_suggestion_choose_named (&got, first, changes, now, 0, _tn_store_read_contact_name, db, &error));
      g_assert_no_error (error);
      assert_same_suggestion (&got, &expected);

      /* And the dashboard's refresh, which reads the same in its worker. */
      stats = tn_test_stats_in_worker (test_store.store, now, 20, NULL, &cadence);
      assert_same_suggestion (&stats->suggestion, &expected);
    }

  g_clear_pointer (&db, tn_db_close);
  tn_test_store_close (&test_store);
}

/* The chosen contact's name, read by id; one that is not there is an error, not a crash. */
static void
test_read_contact_name (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnDb) db = NULL;
  g_autofree char *name = NULL;
  TnTestStore test_store = { 0 };

  tn_test_store_open (&test_store, "test-suggest-first");
  g_autoptr(TnContact) ada = tn_test_add_contact (test_store.store, "Ada Lovelace", TN_TRUST_COMPLETELY);
  db = tn_db_open (test_store.path, &error);
  g_assert_no_error (error);

  name = _tn_store_read_contact_name (tn_contact_get_id (ada), db, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "Ada Lovelace");

  g_assert_null (_tn_store_read_contact_name (tn_contact_get_id (ada) + 1, db, &error));
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_FOUND);

  g_clear_pointer (&db, tn_db_close);
  tn_test_store_close (&test_store);
}

/* A name function that fails leaves the suggestion cleared and says why. */
static char *
fail_name (gint64    contact_id,
           gpointer  user_data,
           GError  **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "no name");
  return NULL;
}

static void
test_name_failure (void)
{
  g_autoptr(GDateTime) now = tn_test_local_time (moments[0]);
  g_autoptr(GArray) candidates = g_array_new (FALSE, TRUE, sizeof (TnReminderCandidate));
  g_autoptr(GPtrArray) changes = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  TnReminderCandidate unnamed = { .id = 7, .trust = 1, .added_at = 1790000000, .cadence_weeks = 4 };
  TnSuggestion suggestion = { 0 };

  g_array_append_val (candidates, unnamed);
  g_assert_false (tn_suggestion_choose_named (&suggestion, candidates, changes, now, 0, fail_name, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpint (suggestion.contact_id, ==, 0);
  g_assert_null (suggestion.name);
  g_assert_null (suggestion.body);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/suggest-first/read-contact-name", test_read_contact_name);
  g_test_add_func ("/suggest-first/name-failure", test_name_failure);
  for (guint seed = 1; seed <= N_SEEDS; seed++)
    {
      g_autofree char *path = g_strdup_printf ("/suggest-first/random-book/%u", seed);

      g_test_add_data_func (path, GUINT_TO_POINTER (seed), test_random_book);
    }

  return g_test_run ();
}
