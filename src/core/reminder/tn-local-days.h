/* tn-local-days.h — the local calendar day of many unix times, and the local midnight of
 * many days, against one time zone taken once: for rules that look at every contact.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _TnLocalDays TnLocalDays;

TnLocalDays *tn_local_days_new          (GTimeZone   *zone);
void         tn_local_days_free         (TnLocalDays *self);
guint32      tn_local_days_of_unix      (TnLocalDays *self,
                                         gint64       unix_time);
gint64       tn_local_days_midnight     (TnLocalDays *self,
                                         guint32      julian_day);
guint32      tn_local_days_of_date_time (GDateTime   *when);
guint32      tn_local_days_parse        (const char  *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TnLocalDays, tn_local_days_free)

G_END_DECLS
