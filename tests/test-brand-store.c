/* test-brand-store.c — brand statement versions, restoring one, who heard the current one
 * and how many of your 1s that is, linchpin self-checks, and the one-on-one share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-brand-store"

#include "config.h"

#include <gio/gio.h>

#include "tn-brand.h"
#include "tn-store.h"
#include "tn-test-store.h"
#include "tn-test-util.h"

#define NOW "2026-11-24T09:00:00Z"

typedef struct
{
  TnTestStore test_store;
  TnStore *store;
  char *path;
  guint n_changed;
} Fixture;

static void
on_brand_changed_cb (TnStore *store,
                     Fixture *fixture)
{
  fixture->n_changed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_setenv ("TRUSTNET_NOW", NOW, TRUE);
  tn_test_store_open (&fixture->test_store, "test-brand-store");
  fixture->store = fixture->test_store.store;
  fixture->path = fixture->test_store.path;
  g_signal_connect (fixture->store, "brand-changed", G_CALLBACK (on_brand_changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  tn_test_store_close (&fixture->test_store);
  g_unsetenv ("TRUSTNET_NOW");
}

static gint64
save (Fixture    *fixture,
      const char *text)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (tn_store_save_brand_statement (fixture->store, text, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
assert_reach (Fixture *fixture,
              guint    heard,
              guint    trusted)
{
  g_autoptr(GError) error = NULL;
  guint got_heard = 99, got_trusted = 99;

  g_assert_true (tn_store_count_brand_reach (fixture->store, &got_heard, &got_trusted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (got_heard, ==, heard);
  g_assert_cmpuint (got_trusted, ==, trusted);
}

static void
test_versions (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnBrandVersion) none = NULL;
  g_autoptr(TnBrandVersion) current = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  gint64 first, second, again;

  none = tn_store_get_current_brand_statement (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_null (none);
  versions = tn_store_list_brand_statements (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 0);
  g_clear_pointer (&versions, g_ptr_array_unref);

  /* Cleaned: one line, single spaces. */
  first = save (fixture, "  I'm the guy who doubled\n  widget sales.  ");
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  g_setenv ("TRUSTNET_NOW", "2026-11-25T09:00:00Z", TRUE);
  second = save (fixture, "I majored in engineering and minored in business law.");
  g_assert_cmpint (second, >, first);
  g_assert_cmpuint (fixture->n_changed, ==, 2);

  /* The same text as the current version is a no-op success, even with other spaces. */
  again = save (fixture, "I majored in engineering  and minored in business law.");
  g_assert_cmpint (again, ==, second);
  g_assert_cmpuint (fixture->n_changed, ==, 2);

  current = tn_store_get_current_brand_statement (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (current->id, ==, second);
  g_assert_cmpstr (current->text, ==, "I majored in engineering and minored in business law.");

  versions = tn_store_list_brand_statements (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_cmpint (((TnBrandVersion *) versions->pdata[0])->id, ==, second);
  g_assert_cmpstr (((TnBrandVersion *) versions->pdata[1])->text, ==, "I'm the guy who doubled widget sales.");
  g_assert_cmpint (((TnBrandVersion *) versions->pdata[1])->created_at, ==, 1795510800);
  g_assert_cmpint (((TnBrandVersion *) versions->pdata[0])->created_at, ==, 1795510800 + 86400);
}

static void
test_restore (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnBrandVersion) current = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  gint64 first = save (fixture, "I sold widgets.");
  gint64 second = save (fixture, "I doubled widget sales.");

  g_assert_true (tn_store_restore_brand_statement (fixture->store, first, &error));
  g_assert_no_error (error);

  /* A new version with the old text; the history keeps all three. */
  current = tn_store_get_current_brand_statement (fixture->store, &error);
  g_assert_cmpint (current->id, >, second);
  g_assert_cmpstr (current->text, ==, "I sold widgets.");
  versions = tn_store_list_brand_statements (fixture->store, &error);
  g_assert_cmpuint (versions->len, ==, 3);
  g_assert_cmpuint (fixture->n_changed, ==, 3);

  /* Restoring the current one changes nothing. */
  g_assert_true (tn_store_restore_brand_statement (fixture->store, current->id, &error));
  g_assert_cmpuint (fixture->n_changed, ==, 3);

  g_assert_false (tn_store_restore_brand_statement (fixture->store, 999, &error));
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_FOUND);
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GString) long_text = g_string_new ("I ");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *empties[] = { "", "   ", "\n\t \r\n" };

  save (fixture, "I sold widgets.");
  before = tn_test_dump (fixture->path);

  for (guint i = 0; i < G_N_ELEMENTS (empties); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (tn_store_save_brand_statement (fixture->store, empties[i], NULL, &error));
      g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_INVALID);
    }

  /* Counted in characters, not bytes: 1,000 “é” pass, 1,001 do not. */
  while (g_utf8_strlen (long_text->str, -1) < TN_BRAND_MAX_CHARS)
    g_string_append (long_text, "é");
  {
    g_autoptr(GError) error = NULL;

    g_string_append (long_text, "x");
    g_assert_false (tn_store_save_brand_statement (fixture->store, long_text->str, NULL, &error));
    g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_INVALID);
  }

  after = tn_test_dump (fixture->path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  g_string_truncate (long_text, long_text->len - 1);
  save (fixture, long_text->str);
}

static void
test_heard_and_reach (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnContact) ada = tn_test_add_contact (fixture->store, "Ada Lovelace", TN_TRUST_COMPLETELY);
  g_autoptr(TnContact) bob = tn_test_add_contact (fixture->store, "Bob Babbage", TN_TRUST_COMPLETELY);
  g_autoptr(TnContact) cy = tn_test_add_contact (fixture->store, "Cy Moderate", TN_TRUST_MODERATELY);
  g_autoptr(TnContact) dee = tn_test_add_contact (fixture->store, "Dee Unrated", TN_TRUST_UNRATED);

  /* No statement yet: nobody heard it, and nobody can be marked. */
  assert_reach (fixture, 0, 2);
  g_assert_false (tn_store_get_heard_brand (fixture->store, ada));
  g_assert_false (tn_store_set_heard_brand (fixture->store, ada, TRUE, &error));
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_INVALID);
  g_clear_error (&error);

  save (fixture, "I sold widgets.");
  fixture->n_changed = 0;
  assert_reach (fixture, 0, 2);

  g_assert_true (tn_store_set_heard_brand (fixture->store, ada, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (tn_store_get_heard_brand (fixture->store, ada));
  g_assert_false (tn_store_get_heard_brand (fixture->store, bob));
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  assert_reach (fixture, 1, 2);

  /* Marking twice is no change; a 2 or an unrated contact who heard it is not a 1. */
  g_assert_true (tn_store_set_heard_brand (fixture->store, ada, TRUE, &error));
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_true (tn_store_set_heard_brand (fixture->store, cy, TRUE, &error));
  g_assert_true (tn_store_set_heard_brand (fixture->store, dee, TRUE, &error));
  g_assert_true (tn_store_set_heard_brand (fixture->store, bob, TRUE, &error));
  assert_reach (fixture, 2, 2);

  /* A 1 who becomes a 2 leaves both counts; one who becomes a 1 joins them. */
  g_assert_true (tn_store_set_trust (fixture->store, bob, TN_TRUST_MODERATELY, &error));
  assert_reach (fixture, 1, 1);
  g_assert_true (tn_store_set_trust (fixture->store, cy, TN_TRUST_COMPLETELY, &error));
  assert_reach (fixture, 2, 2);

  /* Unmarking. */
  g_assert_true (tn_store_set_heard_brand (fixture->store, cy, FALSE, &error));
  g_assert_false (tn_store_get_heard_brand (fixture->store, cy));
  assert_reach (fixture, 1, 2);

  /* A removed contact no longer counts. */
  g_assert_true (tn_store_remove_contact (fixture->store, ada, &error));
  assert_reach (fixture, 0, 1);
  g_assert_true (tn_store_restore_contact (fixture->store, ada, &error));
  assert_reach (fixture, 1, 2);

  /* A new version starts the count again; restoring an old one too. */
  save (fixture, "I doubled widget sales.");
  assert_reach (fixture, 0, 2);
  g_assert_false (tn_store_get_heard_brand (fixture->store, ada));
  g_assert_no_error (error);
}

static void
test_log_with_brand (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnContact) ada = tn_test_add_contact (fixture->store, "Ada Lovelace", TN_TRUST_COMPLETELY);
  g_autoptr(TnInteraction) refused = tn_interaction_new (TN_INTERACTION_LUNCH, "2026-11-23");
  g_autoptr(TnInteraction) lunch = tn_interaction_new (TN_INTERACTION_LUNCH, "2026-11-23");
  g_autoptr(GPtrArray) interactions = NULL;
  g_autofree char *before = tn_test_dump (fixture->path);
  g_autofree char *after = NULL;

  /* Without a statement the whole log is refused: one transaction. */
  g_assert_false (tn_store_log_interaction_with_brand (fixture->store, ada, refused, TRUE, &error));
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (tn_interaction_get_id (refused), ==, 0);
  after = tn_test_dump (fixture->path);
  g_assert_cmpstr (after, ==, before);

  save (fixture, "I sold widgets.");
  fixture->n_changed = 0;
  g_assert_true (tn_store_log_interaction_with_brand (fixture->store, ada, lunch, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tn_interaction_get_id (lunch), >, 0);
  g_assert_true (tn_store_get_heard_brand (fixture->store, ada));
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  assert_reach (fixture, 1, 1);

  interactions = tn_store_list_interactions (fixture->store, ada, &error);
  g_assert_cmpuint (interactions->len, ==, 1);
  g_assert_cmpstr (tn_contact_get_last_contact (ada), ==, "2026-11-23");
}

static void
test_linchpin_checks (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) checks = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  checks = tn_store_list_linchpin_checks (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checks->len, ==, 0);
  g_clear_pointer (&checks, g_array_unref);

  g_assert_true (tn_store_save_linchpin_check (fixture->store, TN_LINCHPIN_ALL_YES, &error));
  g_setenv ("TRUSTNET_NOW", "2026-12-01T09:00:00Z", TRUE);
  g_assert_true (tn_store_save_linchpin_check (fixture->store, 1u << TN_LINCHPIN_JOB_BOARDS, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_changed, ==, 2);

  before = tn_test_dump (fixture->path);
  g_assert_false (tn_store_save_linchpin_check (fixture->store, 64, &error));
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_INVALID);
  after = tn_test_dump (fixture->path);
  g_assert_cmpstr (after, ==, before);

  checks = tn_store_list_linchpin_checks (fixture->store, NULL);
  g_assert_cmpuint (checks->len, ==, 2);
  g_assert_cmpuint (g_array_index (checks, TnLinchpinCheck, 0).answers, ==, 1u << TN_LINCHPIN_JOB_BOARDS);
  g_assert_cmpint (g_array_index (checks, TnLinchpinCheck, 0).score, ==, 5);
  g_assert_cmpint (g_array_index (checks, TnLinchpinCheck, 0).taken_at, ==, 1796115600);
  g_assert_cmpint (g_array_index (checks, TnLinchpinCheck, 1).score, ==, 0);
  g_assert_cmpint (g_array_index (checks, TnLinchpinCheck, 1).answers, ==, 63);
}

static void
log_day (TnStore    *store,
         TnContact  *contact,
         const char *day,
         gboolean    one_on_one)
{
  g_autoptr(TnInteraction) interaction = tn_interaction_new (TN_INTERACTION_MEETING, day);
  g_autoptr(GError) error = NULL;

  tn_interaction_set_one_on_one (interaction, one_on_one);
  g_assert_true (tn_store_log_interaction (store, contact, interaction, &error));
  g_assert_no_error (error);
}

static void
test_one_on_one (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnContact) ada = tn_test_add_contact (fixture->store, "Ada Lovelace", TN_TRUST_COMPLETELY);
  g_autoptr(TnContact) bob = tn_test_add_contact (fixture->store, "Bob Babbage", TN_TRUST_VAGUELY);
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) since = g_date_time_new (zone, 2026, 9, 1, 12, 0, 0);
  guint one = 99, total = 99;

  g_assert_true (tn_store_count_one_on_one (fixture->store, since, &one, &total, &error));
  g_assert_cmpuint (one, ==, 0);
  g_assert_cmpuint (total, ==, 0);

  log_day (fixture->store, ada, "2026-08-31", TRUE);  /* the day before: not counted */
  log_day (fixture->store, ada, "2026-09-01", TRUE);  /* the first day counts */
  log_day (fixture->store, ada, "2026-10-10", FALSE);
  log_day (fixture->store, bob, "2026-11-20", FALSE);
  log_day (fixture->store, bob, "2026-11-21", TRUE);

  g_assert_true (tn_store_count_one_on_one (fixture->store, since, &one, &total, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (one, ==, 2);
  g_assert_cmpuint (total, ==, 4);

  /* A removed contact's interactions leave the count. */
  g_assert_true (tn_store_remove_contact (fixture->store, bob, &error));
  g_assert_true (tn_store_count_one_on_one (fixture->store, since, &one, &total, &error));
  g_assert_cmpuint (one, ==, 1);
  g_assert_cmpuint (total, ==, 2);
}

/* The brand tables are the ones migration 4 made: this part of the store adds no migration. */
static void
test_schema_untouched (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *statements = tn_test_sqlite (fixture->path, "SELECT group_concat (name, ',') FROM pragma_table_info ('brand_statements')");
  g_autofree char *heard = tn_test_sqlite (fixture->path, "SELECT group_concat (name, ',') FROM pragma_table_info ('brand_heard')");
  g_autofree char *checks = tn_test_sqlite (fixture->path, "SELECT group_concat (name, ',') FROM pragma_table_info ('linchpin_checks')");

  g_assert_cmpint (tn_store_get_schema_version (fixture->store), ==, TN_STORE_SCHEMA_VERSION);
  g_assert_cmpstr (g_strstrip (statements), ==, "id,text,created_at");
  g_assert_cmpstr (g_strstrip (heard), ==, "statement_id,contact_id,heard_at");
  g_assert_cmpstr (g_strstrip (checks), ==, "id,taken_at,answers,score");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/brand-store/versions", test_versions);
  ADD ("/brand-store/restore", test_restore);
  ADD ("/brand-store/refused", test_refused);
  ADD ("/brand-store/heard-and-reach", test_heard_and_reach);
  ADD ("/brand-store/log-with-brand", test_log_with_brand);
  ADD ("/brand-store/linchpin-checks", test_linchpin_checks);
  ADD ("/brand-store/one-on-one", test_one_on_one);
  ADD ("/brand-store/schema-untouched", test_schema_untouched);
#undef ADD

  return g_test_run ();
}
