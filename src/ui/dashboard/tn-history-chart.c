/* tn-history-chart.c — draws up to two series as lines with cairo, in the theme's colours
 * so that it reads in light and dark mode: the first in the success colour (the 1s), the
 * second in the accent colour (the 2s). With axes, the period labels below and the
 * highest value at the left; compact, only the line, for a sparkline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-history-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-history-chart.h"
#include "tn-theme-color.h"

/* Room between the highest value's label and the plot. */
#define AXIS_GAP 6
#define LABEL_HEIGHT 20

struct _TnHistoryChart
{
  GtkWidget parent_instance;

  GArray *first;   /* guint */
  GArray *second;  /* guint, empty for one series */
  GStrv labels;
  gboolean compact;
};

G_DEFINE_FINAL_TYPE (TnHistoryChart, tn_history_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COMPACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GdkRGBA
foreground (GtkWidget *widget)
{
  GdkRGBA color;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  return color;
}

static guint
highest (TnHistoryChart *self)
{
  guint top = 0;

  for (guint i = 0; i < self->first->len; i++)
    top = MAX (top, g_array_index (self->first, guint, i));
  for (guint i = 0; i < self->second->len; i++)
    top = MAX (top, g_array_index (self->second, guint, i));

  return top;
}

static void
draw_series (cairo_t       *cr,
             GArray        *values,
             const GdkRGBA *color,
             double         x,
             double         y,
             double         width,
             double         height,
             guint          top,
             gboolean       fill)
{
  double step;

  if (values->len == 0)
    return;

  step = values->len > 1 ? width / (values->len - 1) : 0;
  for (guint i = 0; i < values->len; i++)
    {
      double px = x + i * step;
      double py = y + height - height * g_array_index (values, guint, i) / MAX (top, 1);

      if (i == 0)
        cairo_move_to (cr, px, py);
      else
        cairo_line_to (cr, px, py);
    }

  gdk_cairo_set_source_rgba (cr, color);
  cairo_set_line_width (cr, 2.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (!fill)
    {
      cairo_stroke (cr);
      return;
    }

  cairo_stroke_preserve (cr);
  cairo_line_to (cr, x + (values->len - 1) * step, y + height);
  cairo_line_to (cr, x, y + height);
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, 0.15);
  cairo_fill (cr);
}

static void
draw_text (GtkWidget     *widget,
           cairo_t       *cr,
           const char    *text,
           double         x,
           double         y,
           double         align)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, x - width * align, y);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

static int
text_width (GtkWidget  *widget,
            const char *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/**
 * tn_history_chart_get_axis_width:
 * @self: a chart
 *
 * The left margin the plot leaves for the value axis: as wide as the highest value's
 * label in the widget's font, so that "12051" is never cut to "051".
 *
 * Returns: the width in pixels, a small fixed edge for a compact chart
 */
int
tn_history_chart_get_axis_width (TnHistoryChart *self)
{
  g_autofree char *top_text = NULL;

  g_return_val_if_fail (TN_IS_HISTORY_CHART (self), 0);

  if (self->compact)
    return 2;

  top_text = g_strdup_printf ("%u", highest (self));
  return MAX (text_width (GTK_WIDGET (self), top_text), text_width (GTK_WIDGET (self), "0")) + AXIS_GAP;
}

static void
tn_history_chart_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  TnHistoryChart *self = TN_HISTORY_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA ink = foreground (widget);
  GdkRGBA first = tn_theme_color (widget, "success_color", "#26a269");
  GdkRGBA second = tn_theme_color (widget, "accent_color", "#3584e4");
  double left = tn_history_chart_get_axis_width (self);
  double bottom = self->compact ? 2 : LABEL_HEIGHT;
  double plot_width = width - left - (self->compact ? 2 : 12);
  double plot_height = height - bottom - 8;
  guint top = highest (self);
  cairo_t *cr;

  if (width <= 0 || height <= 0 || plot_width <= 0 || plot_height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (!self->compact)
    {
      g_autofree char *top_text = g_strdup_printf ("%u", top);
      guint n = self->labels != NULL ? g_strv_length (self->labels) : 0;

      /* The base line and the highest value's line, faint. */
      cairo_set_source_rgba (cr, ink.red, ink.green, ink.blue, 0.15);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, left, 8.5 + plot_height);
      cairo_line_to (cr, left + plot_width, 8.5 + plot_height);
      cairo_move_to (cr, left, 8.5);
      cairo_line_to (cr, left + plot_width, 8.5);
      cairo_stroke (cr);

      cairo_set_source_rgba (cr, ink.red, ink.green, ink.blue, 0.6);
      draw_text (widget, cr, top_text, left - AXIS_GAP, 0, 1);
      draw_text (widget, cr, "0", left - AXIS_GAP, plot_height - 2, 1);
      /* Every other label when they would touch. */
      for (guint i = 0; i < n; i++)
        {
          guint every = plot_width / MAX (n, 1) < 34 ? 2 : 1;

          if ((n - 1 - i) % every != 0)
            continue;
          draw_text (widget, cr, self->labels[i], left + (n > 1 ? i * plot_width / (n - 1) : 0),
                     8 + plot_height + 2, i == 0 ? 0 : i == n - 1 ? 1 : 0.5);
        }
    }

  draw_series (cr, self->second, &second, left, 8, plot_width, plot_height, top, FALSE);
  draw_series (cr, self->first, self->compact ? &second : &first, left, 8, plot_width, plot_height, top, TRUE);

  cairo_destroy (cr);
}

static void
tn_history_chart_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  TnHistoryChart *self = TN_HISTORY_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = self->compact ? 60 : 200;
      *natural = self->compact ? 160 : 300;
    }
  else
    {
      *minimum = *natural = self->compact ? 36 : 160;
    }
}

static void
tn_history_chart_finalize (GObject *object)
{
  TnHistoryChart *self = TN_HISTORY_CHART (object);

  g_clear_pointer (&self->first, g_array_unref);
  g_clear_pointer (&self->second, g_array_unref);
  g_clear_pointer (&self->labels, g_strfreev);

  G_OBJECT_CLASS (tn_history_chart_parent_class)->finalize (object);
}

static void
tn_history_chart_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TnHistoryChart *self = TN_HISTORY_CHART (object);

  switch (prop_id)
    {
    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_history_chart_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TnHistoryChart *self = TN_HISTORY_CHART (object);

  switch (prop_id)
    {
    case PROP_COMPACT:
      tn_history_chart_set_compact (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_history_chart_class_init (TnHistoryChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = tn_history_chart_finalize;
  object_class->get_property = tn_history_chart_get_property;
  object_class->set_property = tn_history_chart_set_property;

  widget_class->snapshot = tn_history_chart_snapshot;
  widget_class->measure = tn_history_chart_measure;

  /**
   * TnHistoryChart:compact:
   *
   * Only the line, without axes or labels: a sparkline.
   */
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "historychart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tn_history_chart_init (TnHistoryChart *self)
{
  self->first = g_array_new (FALSE, FALSE, sizeof (guint));
  self->second = g_array_new (FALSE, FALSE, sizeof (guint));
}

GtkWidget *
tn_history_chart_new (void)
{
  return g_object_new (TN_TYPE_HISTORY_CHART, NULL);
}

/**
 * tn_history_chart_set_data:
 * @self: a chart
 * @first: (array length=n): the first series, oldest first
 * @second: (array length=n) (nullable): the second series, or %NULL for one
 * @labels: (array length=n) (nullable): a label per period, shown below unless compact
 * @n: the number of periods
 */
void
tn_history_chart_set_data (TnHistoryChart     *self,
                           const guint        *first,
                           const guint        *second,
                           const char * const *labels,
                           guint               n)
{
  g_return_if_fail (TN_IS_HISTORY_CHART (self));
  g_return_if_fail (first != NULL || n == 0);

  g_array_set_size (self->first, 0);
  g_array_append_vals (self->first, first, n);
  g_array_set_size (self->second, 0);
  if (second != NULL)
    g_array_append_vals (self->second, second, n);
  g_clear_pointer (&self->labels, g_strfreev);
  if (labels != NULL)
    {
      self->labels = g_new0 (char *, n + 1);
      for (guint i = 0; i < n; i++)
        self->labels[i] = g_strdup (labels[i]);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
tn_history_chart_get_compact (TnHistoryChart *self)
{
  g_return_val_if_fail (TN_IS_HISTORY_CHART (self), FALSE);

  return self->compact;
}

void
tn_history_chart_set_compact (TnHistoryChart *self,
                              gboolean        compact)
{
  g_return_if_fail (TN_IS_HISTORY_CHART (self));

  compact = !!compact;
  if (self->compact == compact)
    return;

  self->compact = compact;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPACT]);
}
