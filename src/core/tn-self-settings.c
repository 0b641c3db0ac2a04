/* tn-self-settings.c — the one way the goal and the employer are set: the value and the
 * time it changed together, whoever sets them (Preferences, the command line, a sync).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-self-settings"

#include "config.h"

#include "tn-clock.h"
#include "tn-self-settings.h"

static gboolean
is_self_key (const char *key)
{
  return g_strcmp0 (key, TN_SELF_SETTINGS_GOAL) == 0 || g_strcmp0 (key, TN_SELF_SETTINGS_EMPLOYER) == 0;
}

/* An empty employer is no employer: "not set" has one spelling, the key's default. */
static gboolean
is_not_set (GVariant *value)
{
  return value == NULL ||
         (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) && *g_variant_get_string (value, NULL) == '\0');
}

/**
 * tn_self_settings_set:
 * @settings: the app's settings
 * @key: %TN_SELF_SETTINGS_GOAL or %TN_SELF_SETTINGS_EMPLOYER
 * @value: (nullable) (transfer floating): the new value; %NULL or an empty employer: not set
 * @changed_at: when it changed, Unix time; 0: now
 *
 * Sets @key and records when it changed. Setting the value it has already changes nothing,
 * not even the time: a widget showing the value hands it back when it is told of it.
 *
 * Returns: whether the value changed
 */
gboolean
tn_self_settings_set (GSettings  *settings,
                      const char *key,
                      GVariant   *value,
                      gint64      changed_at)
{
  g_autoptr(GVariant) sunk = value != NULL ? g_variant_ref_sink (value) : NULL;
  g_autoptr(GVariant) before = NULL;
  g_autofree char *time_key = NULL;
  gboolean not_set;

  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);
  g_return_val_if_fail (is_self_key (key), FALSE);

  not_set = is_not_set (sunk);
  before = g_settings_get_user_value (settings, key);
  if (not_set ? before == NULL || is_not_set (before) : before != NULL && g_variant_equal (before, sunk))
    return FALSE;

  if (changed_at <= 0)
    {
      g_autoptr(GDateTime) now = tn_clock_now ();

      changed_at = g_date_time_to_unix (now);
    }

  /* The time first: whoever is told of the new value finds its time already there. */
  time_key = g_strconcat (key, TN_SELF_SETTINGS_CHANGED_AT, NULL);
  g_settings_set_int64 (settings, time_key, changed_at);
  if (not_set)
    g_settings_reset (settings, key);
  else
    g_settings_set_value (settings, key, sunk);
  return TRUE;
}

/**
 * tn_self_settings_get_changed_at:
 * @settings: the app's settings
 * @key: %TN_SELF_SETTINGS_GOAL or %TN_SELF_SETTINGS_EMPLOYER
 *
 * Returns: when @key was last set through tn_self_settings_set(), Unix time; 0: never
 */
gint64
tn_self_settings_get_changed_at (GSettings  *settings,
                                 const char *key)
{
  g_autofree char *time_key = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), 0);
  g_return_val_if_fail (is_self_key (key), 0);

  time_key = g_strconcat (key, TN_SELF_SETTINGS_CHANGED_AT, NULL);
  return g_settings_get_int64 (settings, time_key);
}
