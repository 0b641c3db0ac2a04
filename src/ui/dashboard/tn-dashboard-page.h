/* tn-dashboard-page.h — the dashboard: job security at a glance.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tn-clock.h"
#include "tn-store.h"

G_BEGIN_DECLS

#define TN_TYPE_DASHBOARD_PAGE (tn_dashboard_page_get_type ())

G_DECLARE_FINAL_TYPE (TnDashboardPage, tn_dashboard_page, TN, DASHBOARD_PAGE, GtkWidget)

TnStore   *tn_dashboard_page_get_store          (TnDashboardPage *self);
void       tn_dashboard_page_set_store          (TnDashboardPage *self,
                                                 TnStore         *store);
TnClock   *tn_dashboard_page_get_clock          (TnDashboardPage *self);
void       tn_dashboard_page_set_clock          (TnDashboardPage *self,
                                                 TnClock         *clock);
gint64     tn_dashboard_page_get_suggested_id   (TnDashboardPage *self);
void       tn_dashboard_page_refresh            (TnDashboardPage *self);

G_END_DECLS
