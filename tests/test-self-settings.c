/* test-self-settings.c — the goal and the employer are set with the time they changed, and
 * only a change changes the time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-self-settings"

#include "config.h"

#include <gio/gio.h>

#include "tn-self-settings.h"

/* 2026-11-24T10:00:00Z */
#define NOW_TEXT "2026-11-24T10:00:00Z"
#define NOW_UNIX G_GINT64_CONSTANT (1795514400)

static GSettings *
new_settings (void)
{
  GSettings *settings = g_settings_new (APPLICATION_ID);
  const char *keys[] = { TN_SELF_SETTINGS_GOAL, TN_SELF_SETTINGS_EMPLOYER, TN_SELF_SETTINGS_GOAL TN_SELF_SETTINGS_CHANGED_AT, TN_SELF_SETTINGS_EMPLOYER TN_SELF_SETTINGS_CHANGED_AT };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (settings, keys[i]);
  return settings;
}

static void
test_goal (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(GVariant) user_value = NULL;

  g_assert_cmpint (tn_self_settings_get_changed_at (settings, TN_SELF_SETTINGS_GOAL), ==, 0);
  g_assert_true (tn_self_settings_set (settings, TN_SELF_SETTINGS_GOAL, g_variant_new_int32 (25), 100));
  g_assert_cmpint (g_settings_get_int (settings, TN_SELF_SETTINGS_GOAL), ==, 25);
  g_assert_cmpint (tn_self_settings_get_changed_at (settings, TN_SELF_SETTINGS_GOAL), ==, 100);

  /* The same value again (a widget told of it hands it back): the time stays. */
  g_assert_false (tn_self_settings_set (settings, TN_SELF_SETTINGS_GOAL, g_variant_new_int32 (25), 200));
  g_assert_cmpint (tn_self_settings_get_changed_at (settings, TN_SELF_SETTINGS_GOAL), ==, 100);

  /* Not set again (a sync brings a reset): the default, with when it happened. */
  g_assert_true (tn_self_settings_set (settings, TN_SELF_SETTINGS_GOAL, NULL, 300));
  user_value = g_settings_get_user_value (settings, TN_SELF_SETTINGS_GOAL);
  g_assert_null (user_value);
  g_assert_cmpint (tn_self_settings_get_changed_at (settings, TN_SELF_SETTINGS_GOAL), ==, 300);
  g_assert_cmpint (tn_self_settings_get_changed_at (settings, TN_SELF_SETTINGS_EMPLOYER), ==, 0);
}

static void
test_employer (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(GVariant) user_value = NULL;
  g_autofree char *employer = NULL;

  /* 0: now, by the one clock. */
  g_setenv ("TRUSTNET_NOW", NOW_TEXT, TRUE);
  g_assert_true (tn_self_settings_set (settings, TN_SELF_SETTINGS_EMPLOYER, g_variant_new_string ("Acme"), 0));
  g_unsetenv ("TRUSTNET_NOW");
  employer = g_settings_get_string (settings, TN_SELF_SETTINGS_EMPLOYER);
  g_assert_cmpstr (employer, ==, "Acme");
  g_assert_cmpint (tn_self_settings_get_changed_at (settings, TN_SELF_SETTINGS_EMPLOYER), ==, NOW_UNIX);

  /* Cleared: an empty employer is not set, and the clearing has its time (so it travels). */
  g_assert_true (tn_self_settings_set (settings, TN_SELF_SETTINGS_EMPLOYER, g_variant_new_string (""), 500));
  user_value = g_settings_get_user_value (settings, TN_SELF_SETTINGS_EMPLOYER);
  g_assert_null (user_value);
  g_assert_cmpint (tn_self_settings_get_changed_at (settings, TN_SELF_SETTINGS_EMPLOYER), ==, 500);
  /* Not set is not set, however it is spelled. */
  g_assert_false (tn_self_settings_set (settings, TN_SELF_SETTINGS_EMPLOYER, NULL, 600));
  g_assert_false (tn_self_settings_set (settings, TN_SELF_SETTINGS_EMPLOYER, g_variant_new_string (""), 600));
  g_assert_cmpint (tn_self_settings_get_changed_at (settings, TN_SELF_SETTINGS_EMPLOYER), ==, 500);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_unsetenv ("TRUSTNET_NOW");

  g_test_add_func ("/self-settings/goal", test_goal);
  g_test_add_func ("/self-settings/employer", test_employer);

  return g_test_run ();
}
