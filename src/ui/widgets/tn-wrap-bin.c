/* tn-wrap-bin.c — wrapping words, asked for their width once, not once for each height.
 *
 * When GTK 4.8 measures a horizontal GtkBox (an AdwActionRow's header, a card's row) for
 * its height at a width, the box asks each child for its width at the child's minimum
 * height, to find how wide it would like to be. A column of wrapping labels answers that
 * by laying its text out at width after width until it fits the height (a bisection), and
 * a label's size cache is emptied whenever its text or style changes: 20 to 60 text
 * layouts per label when a page is first laid out. Words wrapped to fit a width are never
 * made narrower by a height, so the bin answers with its child's width for any height;
 * heights for a width are asked of the child as they are, so the text wraps as before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-wrap-bin"

#include "config.h"

#include "tn-wrap-bin.h"

struct _TnWrapBin
{
  GtkWidget parent_instance;

  GtkWidget *child;
};

G_DEFINE_FINAL_TYPE (TnWrapBin, tn_wrap_bin, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CHILD, N_PROPS };

static GParamSpec *properties[N_PROPS];

static GtkSizeRequestMode
tn_wrap_bin_get_request_mode (GtkWidget *widget)
{
  TnWrapBin *self = TN_WRAP_BIN (widget);

  return self->child != NULL ? gtk_widget_get_request_mode (self->child) : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
tn_wrap_bin_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  TnWrapBin *self = TN_WRAP_BIN (widget);

  if (self->child == NULL || !gtk_widget_get_visible (self->child))
    {
      *minimum = *natural = 0;
      return;
    }
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    for_size = -1;
  gtk_widget_measure (self->child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

static void
tn_wrap_bin_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  TnWrapBin *self = TN_WRAP_BIN (widget);

  if (self->child != NULL && gtk_widget_get_visible (self->child))
    gtk_widget_allocate (self->child, width, height, baseline, NULL);
}

void
tn_wrap_bin_set_child (TnWrapBin *self,
                       GtkWidget *child)
{
  g_return_if_fail (TN_IS_WRAP_BIN (self));
  g_return_if_fail (child == NULL || gtk_widget_get_parent (child) == NULL);

  if (self->child == child)
    return;
  g_clear_pointer (&self->child, gtk_widget_unparent);
  self->child = child;
  if (child != NULL)
    gtk_widget_set_parent (child, GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}

static void
tn_wrap_bin_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  if (prop_id == PROP_CHILD)
    g_value_set_object (value, TN_WRAP_BIN (object)->child);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
tn_wrap_bin_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  if (prop_id == PROP_CHILD)
    tn_wrap_bin_set_child (TN_WRAP_BIN (object), g_value_get_object (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
tn_wrap_bin_dispose (GObject *object)
{
  g_clear_pointer (&TN_WRAP_BIN (object)->child, gtk_widget_unparent);

  G_OBJECT_CLASS (tn_wrap_bin_parent_class)->dispose (object);
}

static void
tn_wrap_bin_class_init (TnWrapBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = tn_wrap_bin_get_property;
  object_class->set_property = tn_wrap_bin_set_property;
  object_class->dispose = tn_wrap_bin_dispose;
  widget_class->get_request_mode = tn_wrap_bin_get_request_mode;
  widget_class->measure = tn_wrap_bin_measure;
  widget_class->size_allocate = tn_wrap_bin_size_allocate;

  /* Named for the style sheet, which puts an action row's words back in place
   * (tn-adw-words.c). */
  gtk_widget_class_set_css_name (widget_class, "wrapbin");

  properties[PROP_CHILD] = g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tn_wrap_bin_init (TnWrapBin *self)
{
}

GtkWidget *
tn_wrap_bin_new (void)
{
  return g_object_new (TN_TYPE_WRAP_BIN, NULL);
}
