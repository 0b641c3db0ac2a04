/* tn-contact-timeline.h — a contact's "Keep in Touch" section: how often, whether
 * overdue, and the history of lunches, calls and emails with Edit and Delete.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tn-clock.h"
#include "tn-store.h"

G_BEGIN_DECLS

#define TN_TYPE_CONTACT_TIMELINE (tn_contact_timeline_get_type ())

G_DECLARE_FINAL_TYPE (TnContactTimeline, tn_contact_timeline, TN, CONTACT_TIMELINE, AdwBin)

GtkWidget   *tn_contact_timeline_new              (void);
void         tn_contact_timeline_set_store        (TnContactTimeline *self,
                                                   TnStore           *store);
void         tn_contact_timeline_set_clock        (TnContactTimeline *self,
                                                   TnClock           *clock);
TnContact   *tn_contact_timeline_get_contact      (TnContactTimeline *self);
void         tn_contact_timeline_set_contact      (TnContactTimeline *self,
                                                   TnContact         *contact);
AdwComboRow *tn_contact_timeline_get_cadence_row  (TnContactTimeline *self);
GtkListBox  *tn_contact_timeline_get_history_list (TnContactTimeline *self);

G_END_DECLS
