/* tn-clock.h — what time it is, as far as TrustNet is concerned, and TnClock, which
 * says when the day changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TN_TYPE_CLOCK (tn_clock_get_type ())

/* The years TrustNet works in: interactions are logged from 1900, and every date it
 * computes (a year of history back, weeks ahead) stays inside what GDateTime can hold. */
#define TN_CLOCK_FIRST_YEAR 1900
#define TN_CLOCK_LAST_YEAR  9998

G_DECLARE_FINAL_TYPE (TnClock, tn_clock, TN, CLOCK, GObject)

TnClock   *tn_clock_new              (void);
gboolean   tn_clock_set_followed     (TnClock  **clock_pointer,
                                      TnClock   *new_clock,
                                      GCallback  on_day_changed,
                                      gpointer   follower);

GDateTime *tn_clock_now              (void);
GDateTime *tn_clock_parse_iso8601    (const char *text,
                                      GError    **error);
void       tn_clock_pin_local_zone   (void);

G_END_DECLS
