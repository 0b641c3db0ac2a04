/* tn-history-chart.h — a line chart of one or two series over a few periods: the trust over
 * time on the dashboard, and (compact) the sparkline of interactions per week.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TN_TYPE_HISTORY_CHART (tn_history_chart_get_type ())

G_DECLARE_FINAL_TYPE (TnHistoryChart, tn_history_chart, TN, HISTORY_CHART, GtkWidget)

GtkWidget *tn_history_chart_new          (void);
void       tn_history_chart_set_data     (TnHistoryChart     *self,
                                          const guint        *first,
                                          const guint        *second,
                                          const char * const *labels,
                                          guint               n);
gboolean   tn_history_chart_get_compact  (TnHistoryChart     *self);
void       tn_history_chart_set_compact  (TnHistoryChart     *self,
                                          gboolean            compact);
int        tn_history_chart_get_axis_width (TnHistoryChart   *self);

G_END_DECLS
