/* tn-clock.c — the one clock every module asks, so that TRUSTNET_NOW can
 * put tests and demos at any date.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-clock"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "tn-clock.h"

/**
 * tn_clock_parse_iso8601:
 * @text: "2026-11-24", "2026-11-24T09:30:00" or with a zone, "…Z", "…+01:00"
 * @error: return location for a #GError
 *
 * A time without a zone is local time.
 *
 * Returns: (transfer full) (nullable): the time, or %NULL with @error set
 */
GDateTime *
tn_clock_parse_iso8601 (const char  *text,
                        GError     **error)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autofree char *with_time = NULL;
  GDateTime *parsed;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (text == NULL)
    text = "";

  /* A bare date means its midnight, which g_date_time_new_from_iso8601() does not accept. */
  if (strlen (text) == 10)
    with_time = g_strconcat (text, "T00:00:00", NULL);

  parsed = g_date_time_new_from_iso8601 (with_time ? with_time : text, local);
  if (parsed == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                 _("“%s” is not a date and time like 2026-11-24 or 2026-11-24T09:00:00"),
                 text);

  return parsed;
}

/**
 * tn_clock_now:
 *
 * The current local time, or the one in the TRUSTNET_NOW environment
 * variable (ISO 8601) when it is set and valid. With TRUSTNET_NOW_MOVES=1 as
 * well, that time moves on: TRUSTNET_NOW plus the monotonic time elapsed since
 * the process first asked the clock (so `--background` can be tested just before
 * the due time). Without it TRUSTNET_NOW stands still, which tests comparing
 * exact times rely on.
 *
 * Returns: (transfer full): now
 */
GDateTime *
tn_clock_now (void)
{
  const char *override = g_getenv ("TRUSTNET_NOW");

  if (override != NULL && *override != '\0')
    {
      g_autoptr(GError) error = NULL;
      GDateTime *now = tn_clock_parse_iso8601 (override, &error);

      /* A zone in the override says when, not where: weeks are local. */
      if (now != NULL)
        {
          static gint64 started_us = -1;
          GDateTime *local;

          if (started_us < 0)
            started_us = g_get_monotonic_time ();
          if (g_strcmp0 (g_getenv ("TRUSTNET_NOW_MOVES"), "1") == 0)
            {
              GDateTime *moved = g_date_time_add (now, g_get_monotonic_time () - started_us);

              g_date_time_unref (now);
              now = moved;
            }

          local = g_date_time_to_local (now);
          g_date_time_unref (now);
          return local;
        }

      g_warning ("Ignoring TRUSTNET_NOW: %s", error->message);
    }

  return g_date_time_new_now_local ();
}

/**
 * tn_clock_pin_local_zone:
 *
 * Sets `TZ` to the local time zone's identifier when it is not set. Call it first thing
 * in main(), before any thread starts: setting the environment is not thread-safe.
 *
 * Without `TZ`, GLib 2.74 finds the local zone again for every local GDateTime (a
 * readlink and two stats of /etc/localtime), because the zone it cached is named after
 * the file, which never equals the unset variable. The window makes tens of thousands of
 * them at start (last contacts, who is overdue, the reminder's candidates): 30,000 such
 * look-ups took about 0.3 s of a 100,000-contact start. With `TZ` set to the same
 * identifier the cached zone is used. The price: a time zone changed while TrustNet runs
 * is seen at its next start.
 */
void
tn_clock_pin_local_zone (void)
{
  g_autoptr(GTimeZone) zone = NULL;

  if (g_getenv ("TZ") != NULL)
    return;

  zone = g_time_zone_new_local ();
  g_setenv ("TZ", g_time_zone_get_identifier (zone), TRUE);
}
