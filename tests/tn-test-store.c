/* tn-test-store.c — a store in a scratch folder, and writes to it that must succeed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tn-contact-private.h"
#include "tn-test-store.h"
#include "tn-test-util.h"

/**
 * tn_test_store_make_dir:
 * @test_store: (out caller-allocates): where to keep the folder and path
 * @prefix: names the scratch folder, e.g. "test-store"
 * @relative_path: the database's path inside the folder, e.g. "data/trustnet.db"
 *
 * A scratch folder and a database path in it, with no store open: for suites that
 * test opening itself, on a path that may not exist yet.
 */
void
tn_test_store_make_dir (TnTestStore *test_store,
                        const char  *prefix,
                        const char  *relative_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strconcat (prefix, "-XXXXXX", NULL);

  test_store->dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  test_store->path = g_build_filename (test_store->dir, relative_path, NULL);
  test_store->store = NULL;
}

/**
 * tn_test_store_open_path:
 * @path: a database file
 *
 * Returns: (transfer full): a store open on @path; opening must succeed
 */
TnStore *
tn_test_store_open_path (const char *path)
{
  g_autoptr(GError) error = NULL;
  TnStore *store = tn_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (TN_IS_STORE (store));
  return store;
}

/**
 * tn_test_store_open:
 * @test_store: (out caller-allocates): where to keep the folder, path and store
 * @prefix: names the scratch folder, e.g. "test-interaction"
 */
void
tn_test_store_open (TnTestStore *test_store,
                    const char  *prefix)
{
  tn_test_store_make_dir (test_store, prefix, "trustnet.db");
  test_store->store = tn_test_store_open_path (test_store->path);
}

/**
 * tn_test_store_reopen:
 * @test_store: a store opened by tn_test_store_open()
 *
 * Closes the store and opens its file again, as the next start of the app would, so
 * that what a test reads comes from the database and not from the old store's memory.
 */
/* Closes *@store and opens @path again in its place. */
void
tn_test_reopen_path (const char  *path,
                     TnStore    **store)
{
  g_clear_object (store);
  *store = tn_test_store_open_path (path);
}

void
tn_test_store_reopen (TnTestStore *test_store)
{
  tn_test_reopen_path (test_store->path, &test_store->store);
}

/**
 * tn_test_store_close:
 * @test_store: a store opened by tn_test_store_open()
 */
void
tn_test_store_close (TnTestStore *test_store)
{
  g_clear_object (&test_store->store);
  if (test_store->dir != NULL)
    tn_test_remove_tree (test_store->dir);
  g_clear_pointer (&test_store->dir, g_free);
  g_clear_pointer (&test_store->path, g_free);
}

/**
 * tn_test_store_set_up:
 * @test_store: the fixture
 * @now: (nullable): the moment the store lives at (TRUSTNET_NOW), e.g. "2026-11-24T09:00:00Z"
 *
 * A GTest fixture set-up: a store in a scratch folder named after the test program.
 */
void
tn_test_store_set_up (TnTestStore   *test_store,
                      gconstpointer  now)
{
  g_autofree char *prefix = g_path_get_basename (g_get_prgname ());

  if (now != NULL)
    g_setenv ("TRUSTNET_NOW", now, TRUE);
  tn_test_store_open (test_store, prefix);
}

/**
 * tn_test_store_tear_down:
 * @test_store: the fixture
 * @now: (nullable): what tn_test_store_set_up() was given
 */
void
tn_test_store_tear_down (TnTestStore   *test_store,
                         gconstpointer  now)
{
  tn_test_store_close (test_store);
  if (now != NULL)
    g_unsetenv ("TRUSTNET_NOW");
}

/**
 * tn_test_add_contact:
 * @store: a store
 * @name: the full name
 * @trust: the rating, set after adding as a person would (so it is in trust_changes)
 *
 * Returns: (transfer full): the contact, as the store now has it
 */
/* No store open: the database is data/trustnet.db in the scratch folder, and data/ does not
 * exist yet. The clock (TRUSTNET_NOW) reads @now, a string or NULL. */
void
tn_test_store_set_up_unopened (TnTestStore   *test_store,
                               gconstpointer  now)
{
  g_autofree char *prefix = g_path_get_basename (g_get_prgname ());

  tn_test_store_make_dir (test_store, prefix, "data/trustnet.db");
  if (now != NULL)
    g_setenv ("TRUSTNET_NOW", now, TRUE);
}

/* Closes what the test opened and checks the scratch folder is gone. */
void
tn_test_store_tear_down_unopened (TnTestStore   *test_store,
                                  gconstpointer  now)
{
  g_autofree char *dir = g_strdup (test_store->dir);

  tn_test_store_close (test_store);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  if (now != NULL)
    g_unsetenv ("TRUSTNET_NOW");
}

TnContact *
tn_test_add_contact (TnStore    *store,
                     const char *name,
                     TnTrust     trust)
{
  g_autoptr(TnContact) contact = tn_contact_new (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (tn_store_add_contact (store, contact, &error));
  g_assert_no_error (error);
  if (trust != TN_TRUST_UNRATED)
    {
      g_assert_true (tn_store_set_trust (store, contact, trust, &error));
      g_assert_no_error (error);
    }

  return g_steal_pointer (&contact);
}

/**
 * tn_test_rate_at:
 * @store: a store
 * @contact: a contact of @store
 * @trust: the new rating
 * @when: the moment of the rating (TRUSTNET_NOW meanwhile); the clock reads as before after
 *
 * Rates @contact as a person would have at @when, and checks the store took it.
 */
void
tn_test_rate_at (TnStore    *store,
                 TnContact  *contact,
                 TnTrust     trust,
                 const char *when)
{
  g_autofree char *now = g_strdup (g_getenv ("TRUSTNET_NOW"));
  g_autoptr(GError) error = NULL;

  g_setenv ("TRUSTNET_NOW", when, TRUE);
  g_assert_true (tn_store_set_trust (store, contact, trust, &error));
  g_assert_no_error (error);
  if (now != NULL)
    g_setenv ("TRUSTNET_NOW", now, TRUE);
  else
    g_unsetenv ("TRUSTNET_NOW");
}

/**
 * tn_test_log:
 * @store: a store
 * @contact: a contact of @store
 * @kind: what it was
 * @day: YYYY-MM-DD, not after the test's TRUSTNET_NOW
 *
 * Logs a one-on-one interaction and checks the store took it.
 */
void
tn_test_log (TnStore           *store,
             TnContact         *contact,
             TnInteractionKind  kind,
             const char        *day)
{
  g_autoptr(TnInteraction) interaction = tn_interaction_new (kind, day);
  g_autoptr(GError) error = NULL;

  g_assert_true (tn_store_log_interaction (store, contact, interaction, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tn_interaction_get_id (interaction), >, 0);
  g_assert_cmpint (tn_interaction_get_contact_id (interaction), ==, tn_contact_get_id (contact));
}

/**
 * tn_test_contact_with_id:
 * @id: the id it has, as if a store had given it
 *
 * Returns: (transfer full): a contact named "Contact @id", in no store
 */
TnContact *
tn_test_contact_with_id (gint64 id)
{
  g_autofree char *name = g_strdup_printf ("Contact %" G_GINT64_FORMAT, id);
  TnContact *contact = tn_contact_new (name);

  _tn_contact_set_id (contact, id);
  return contact;
}

static void
on_stats_computed_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  TnStats **stats = user_data;
  g_autoptr(GError) error = NULL;

  *stats = tn_stats_compute_finish (TN_STORE (source), result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*stats);
}

/**
 * tn_test_stats_in_worker:
 * @store: a store
 * @now: as for tn_stats_compute_async()
 * @goal: as for tn_stats_compute_async()
 * @employer: (nullable): as for tn_stats_compute_async()
 * @cadence: as for tn_stats_compute_async()
 *
 * tn_stats_compute_async(), waited for: the dashboard's refresh as the window makes it
 * (figures and the week's suggestion); the test fails if it fails.
 *
 * Returns: (transfer full): the figures
 */
TnStats *
tn_test_stats_in_worker (TnStore         *store,
                         GDateTime       *now,
                         int              goal,
                         const char      *employer,
                         const TnCadence *cadence)
{
  TnStats *stats = NULL;

  tn_stats_compute_async (store, now, goal, employer, cadence, NULL, on_stats_computed_cb, &stats);
  while (stats == NULL)
    g_main_context_iteration (NULL, TRUE);
  return stats;
}
