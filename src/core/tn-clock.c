/* tn-clock.c — the one clock every module asks, so that TRUSTNET_NOW can
 * put tests and demos at any date, and a TnClock that says when the day changes.
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
 * variable (ISO 8601) when it is set, valid and within %TN_CLOCK_FIRST_YEAR to
 * %TN_CLOCK_LAST_YEAR. With TRUSTNET_NOW_MOVES=1 as
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

      /* Year 1 or 9999 would make the dashboard's year of history, or next week's
       * reminder, fall outside what GDateTime can hold. */
      if (now != NULL && (g_date_time_get_year (now) < TN_CLOCK_FIRST_YEAR ||
                          g_date_time_get_year (now) > TN_CLOCK_LAST_YEAR))
        {
          g_clear_pointer (&now, g_date_time_unref);
          g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("“%s” is outside the years %d to %d"), override, TN_CLOCK_FIRST_YEAR, TN_CLOCK_LAST_YEAR);
        }

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

/* A timeout counts monotonic time, which stands still while the computer sleeps: one
 * armed for midnight would fire hours late after a night suspended. Waking at least this
 * often sees the new day within minutes of a resume, at the cost of a cheap check. */
#define MAX_WAIT_MS (5 * 60 * 1000)

/* At least this long, so a TRUSTNET_NOW that stands still just before midnight does not
 * make the clock spin. */
#define MIN_WAIT_MS 1000

/**
 * TnClock:
 *
 * Emits #TnClock::day-changed when the local day of tn_clock_now() changes: at midnight,
 * or soon after a resume that slept through one. The window owns one and gives it to its
 * pages, so that what "today" means (who is overdue, this week's figures) moves on
 * everywhere at once instead of in one timer a page.
 */
struct _TnClock
{
  GObject parent_instance;

  GDate today;
  guint timeout_source;
};

G_DEFINE_FINAL_TYPE (TnClock, tn_clock, G_TYPE_OBJECT)

enum {
  DAY_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
local_day (GDateTime *now,
           GDate     *day)
{
  g_date_clear (day, 1);
  g_date_set_dmy (day, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

static gboolean on_timeout_cb (gpointer user_data);

static void
arm (TnClock *self)
{
  g_autoptr(GDateTime) now = tn_clock_now ();
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) next = NULL;
  gint64 wait_ms;

  local_day (now, &self->today);
  midnight = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                    g_date_time_get_day_of_month (now), 0, 0, 0);
  next = g_date_time_add_days (midnight, 1);
  /* A millisecond late, so the clock is surely on the new day when it fires. */
  wait_ms = g_date_time_difference (next, now) / 1000 + 1;

  g_clear_handle_id (&self->timeout_source, g_source_remove);
  self->timeout_source = g_timeout_add ((guint) CLAMP (wait_ms, MIN_WAIT_MS, MAX_WAIT_MS),
                                        on_timeout_cb, self);
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  TnClock *self = user_data;
  g_autoptr(GDateTime) now = tn_clock_now ();
  GDate today;
  gboolean changed;

  self->timeout_source = 0;
  local_day (now, &today);
  changed = g_date_compare (&today, &self->today) != 0;

  arm (self);
  if (changed)
    g_signal_emit (self, signals[DAY_CHANGED], 0);

  return G_SOURCE_REMOVE;
}

static void
tn_clock_dispose (GObject *object)
{
  TnClock *self = (TnClock *) object;

  g_clear_handle_id (&self->timeout_source, g_source_remove);

  G_OBJECT_CLASS (tn_clock_parent_class)->dispose (object);
}

static void
tn_clock_class_init (TnClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tn_clock_dispose;

  /**
   * TnClock::day-changed:
   * @self: the clock
   *
   * The local day of tn_clock_now() is another one than when the clock last looked.
   */
  signals[DAY_CHANGED] =
    g_signal_new ("day-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
tn_clock_init (TnClock *self)
{
  arm (self);
}

/**
 * tn_clock_new:
 *
 * The clock watches the day from the default main context, which must be running for
 * #TnClock::day-changed to be emitted.
 *
 * Returns: (transfer full): a new clock
 */
TnClock *
tn_clock_new (void)
{
  return g_object_new (TN_TYPE_CLOCK, NULL);
}

/**
 * tn_clock_set_followed:
 * @clock_pointer: (inout) (nullable): the clock @follower follows now
 * @new_clock: (nullable): the clock to follow instead
 * @on_day_changed: @follower's handler of #TnClock::day-changed, called swapped
 * @follower: the object that follows the clock, as long as it lives
 *
 * g_set_object() for a clock that an object listens to: the handler moves from the old
 * clock to the new one, so that every page follows a clock in the same way.
 *
 * Returns: %TRUE when the clock changed, so the caller notifies its property
 */
gboolean
tn_clock_set_followed (TnClock   **clock_pointer,
                       TnClock    *new_clock,
                       GCallback   on_day_changed,
                       gpointer    follower)
{
  g_return_val_if_fail (clock_pointer != NULL, FALSE);
  g_return_val_if_fail (new_clock == NULL || TN_IS_CLOCK (new_clock), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (follower), FALSE);

  if (*clock_pointer == new_clock)
    return FALSE;

  if (*clock_pointer != NULL)
    g_signal_handlers_disconnect_by_func (*clock_pointer, on_day_changed, follower);
  g_set_object (clock_pointer, new_clock);
  if (new_clock != NULL)
    g_signal_connect_object (new_clock, "day-changed", on_day_changed, follower, G_CONNECT_SWAPPED);

  return TRUE;
}
