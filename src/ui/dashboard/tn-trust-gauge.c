/* tn-trust-gauge.c — the dashboard's ring: the share of the goal reached, drawn with cairo
 * in the accent colour (the success colour once the goal is reached), the number of 1s in
 * its middle. Screen readers get "17 of 20" as the label the page sets beside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-trust-gauge"

#include "config.h"

#include <math.h>

#include "tn-trust-gauge.h"
#include "tn-theme-color.h"

#define SIZE 132
#define THICKNESS 12

struct _TnTrustGauge
{
  GtkWidget parent_instance;

  guint trusted;
  int goal;
};

G_DEFINE_FINAL_TYPE (TnTrustGauge, tn_trust_gauge, GTK_TYPE_WIDGET)

static void
tn_trust_gauge_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  TnTrustGauge *self = TN_TRUST_GAUGE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double radius = MIN (width, height) / 2.0 - THICKNESS / 2.0 - 1;
  double share = self->goal > 0 ? MIN ((double) self->trusted / self->goal, 1.0) : 1.0;
  gboolean reached = (gint64) self->trusted >= self->goal;
  GdkRGBA fill = tn_theme_color (widget, reached ? "success_color" : "accent_color", reached ? "#26a269" : "#3584e4");
  GdkRGBA ink;
  g_autofree char *number = g_strdup_printf ("%u", self->trusted);
  PangoLayout *layout;
  PangoAttrList *attributes;
  int text_width, text_height;
  cairo_t *cr;

  if (radius <= 0)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &ink);
  G_GNUC_END_IGNORE_DEPRECATIONS

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_line_width (cr, THICKNESS);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  /* The track, faint in either mode; then the share reached, from the top, clockwise. */
  cairo_set_source_rgba (cr, ink.red, ink.green, ink.blue, 0.12);
  cairo_arc (cr, width / 2.0, height / 2.0, radius, 0, 2 * G_PI);
  cairo_stroke (cr);
  if (share > 0)
    {
      gdk_cairo_set_source_rgba (cr, &fill);
      cairo_arc (cr, width / 2.0, height / 2.0, radius, -G_PI / 2, -G_PI / 2 + share * 2 * G_PI);
      cairo_stroke (cr);
    }

  layout = gtk_widget_create_pango_layout (widget, number);
  attributes = pango_attr_list_new ();
  pango_attr_list_insert (attributes, pango_attr_scale_new (2.4));
  pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attributes);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  gdk_cairo_set_source_rgba (cr, &ink);
  cairo_move_to (cr, (width - text_width) / 2.0, (height - text_height) / 2.0);
  pango_cairo_show_layout (cr, layout);
  pango_attr_list_unref (attributes);
  g_object_unref (layout);

  cairo_destroy (cr);
}

static void
tn_trust_gauge_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  *minimum = *natural = SIZE;
}

static void
tn_trust_gauge_class_init (TnTrustGaugeClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = tn_trust_gauge_snapshot;
  widget_class->measure = tn_trust_gauge_measure;

  gtk_widget_class_set_css_name (widget_class, "trustgauge");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_METER);
}

static void
tn_trust_gauge_init (TnTrustGauge *self)
{
  self->goal = 20;
}

GtkWidget *
tn_trust_gauge_new (void)
{
  return g_object_new (TN_TYPE_TRUST_GAUGE, NULL);
}

/**
 * tn_trust_gauge_set:
 * @self: a gauge
 * @trusted: the number of 1s
 * @goal: the trusted-contacts goal
 */
void
tn_trust_gauge_set (TnTrustGauge *self,
                    guint         trusted,
                    int           goal)
{
  g_return_if_fail (TN_IS_TRUST_GAUGE (self));

  if (self->trusted == trusted && self->goal == goal)
    return;

  self->trusted = trusted;
  self->goal = goal;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, (double) MAX (goal, 1),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) MIN ((gint64) trusted, MAX (goal, 1)),
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
