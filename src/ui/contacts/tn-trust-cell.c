/* tn-trust-cell.c — the trust rating in a row of the contacts table.
 *
 * GTK 4.8 makes a new row for every contact a search or a scroll brings into view, up to
 * 200 at a time, and measures each. A TnTrustChooser per row (a box, three toggle buttons,
 * their labels and the word) was a third of such a keystroke. This cell draws the same
 * three linked buttons and the word itself, with the colours of style.css, is a fixed size,
 * and takes a click on a digit as the chooser does: the lit one again clears the rating.
 * The keys 1 2 3 0 on the selected row remain the way to rate without a pointer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-trust-cell"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-enums.h"
#include "tn-text-cell.h"
#include "tn-trust-cell.h"

/* As "trustchooser button" in style.css, and the chooser's space before the word. */
#define BUTTON_WIDTH 26
#define BUTTON_HEIGHT 24
#define RADIUS 6
#define LABEL_SPACING 8
#define LABEL_CHARS 10

struct _TnTrustCell
{
  GtkWidget parent_instance;

  TnContact *contact;
  TnTrust trust;
};

G_DEFINE_FINAL_TYPE (TnTrustCell, tn_trust_cell, GTK_TYPE_WIDGET)

enum {
  RATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The lit button's colours, indexed by TnTrust, as style.css gives the chooser. */
static const char * const lit_background[] = {
  [TN_TRUST_COMPLETELY] = "success_bg_color",
  [TN_TRUST_MODERATELY] = "accent_bg_color",
  [TN_TRUST_VAGUELY] = "warning_bg_color",
};
static const char * const lit_foreground[] = {
  [TN_TRUST_COMPLETELY] = "success_fg_color",
  [TN_TRUST_MODERATELY] = "accent_fg_color",
  [TN_TRUST_VAGUELY] = "warning_fg_color",
};

static void
show_trust (TnTrustCell *self)
{
  TnTrust trust = self->contact != NULL ? tn_contact_get_trust (self->contact) : TN_TRUST_UNRATED;

  if (!tn_trust_is_valid (trust))
    trust = TN_TRUST_UNRATED;

  if (self->trust == trust)
    return;

  self->trust = trust;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tn_trust_get_label (trust),
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Which button is at @x, or TN_TRUST_UNRATED for the word. */
static TnTrust
trust_at (TnTrustCell *self,
          double       x)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    x = width - x;

  if (x < 0 || x >= BUTTON_WIDTH * TN_TRUST_LAST)
    return TN_TRUST_UNRATED;

  return TN_TRUST_COMPLETELY + (int) (x / BUTTON_WIDTH);
}

static void
on_released_cb (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                TnTrustCell     *self)
{
  TnTrust clicked = trust_at (self, x);

  if (clicked == TN_TRUST_UNRATED || self->contact == NULL)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  /* A click on the lit button clears the rating, as on the chooser. */
  g_signal_emit (self, signals[RATE], 0, clicked == self->trust ? TN_TRUST_UNRATED : clicked);
}

static gboolean
on_query_tooltip_cb (TnTrustCell *self,
                     int          x,
                     int          y,
                     gboolean     keyboard_mode,
                     GtkTooltip  *tooltip)
{
  TnTrust pointed = trust_at (self, x);

  gtk_tooltip_set_text (tooltip, tn_trust_get_description (pointed != TN_TRUST_UNRATED ? pointed : self->trust));
  return TRUE;
}

/* The word's width, the same for every row: measured once. */
static int
label_width (GtkWidget *widget)
{
  static int width = -1;

  if (width < 0)
    {
      PangoFontMetrics *metrics = pango_context_get_metrics (gtk_widget_get_pango_context (widget), NULL, NULL);

      width = PANGO_PIXELS (pango_font_metrics_get_approximate_char_width (metrics) * LABEL_CHARS);
      pango_font_metrics_unref (metrics);
    }

  return width;
}

static void
tn_trust_cell_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      *minimum = *natural = BUTTON_HEIGHT;
      return;
    }

  *minimum = BUTTON_WIDTH * TN_TRUST_LAST;
  *natural = *minimum + LABEL_SPACING + label_width (widget);
}

static GdkRGBA
named_color (GtkWidget  *widget,
             const char *name)
{
  GdkRGBA color = { 0.5, 0.5, 0.5, 1 };

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  return color;
}

static void
tn_trust_cell_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  TnTrustCell *self = TN_TRUST_CELL (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int width = gtk_widget_get_width (widget);
  float top = (gtk_widget_get_height (widget) - BUTTON_HEIGHT) / 2.0f;
  int buttons_width = BUTTON_WIDTH * TN_TRUST_LAST;
  g_autoptr(PangoLayout) layout = tn_cell_create_layout (widget, NULL);
  GdkRGBA foreground;
  int text_width, text_height;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &foreground);
  G_GNUC_END_IGNORE_DEPRECATIONS

  for (TnTrust trust = TN_TRUST_COMPLETELY; trust <= TN_TRUST_LAST; trust++)
    {
      gboolean lit = trust == self->trust;
      int index = trust - TN_TRUST_COMPLETELY;
      float x = rtl ? width - (index + 1) * BUTTON_WIDTH : index * BUTTON_WIDTH;
      gboolean left_end = rtl ? trust == TN_TRUST_LAST : trust == TN_TRUST_COMPLETELY;
      gboolean right_end = rtl ? trust == TN_TRUST_COMPLETELY : trust == TN_TRUST_LAST;
      graphene_size_t round = GRAPHENE_SIZE_INIT (RADIUS, RADIUS);
      graphene_size_t square = GRAPHENE_SIZE_INIT (0, 0);
      GskRoundedRect outline;
      GdkRGBA background = foreground, text = foreground;
      char digit[2] = { (char) ('0' + trust), '\0' };

      gsk_rounded_rect_init (&outline, &GRAPHENE_RECT_INIT (x, top, BUTTON_WIDTH, BUTTON_HEIGHT),
                             left_end ? &round : &square, right_end ? &round : &square,
                             right_end ? &round : &square, left_end ? &round : &square);
      if (lit)
        {
          background = named_color (widget, lit_background[trust]);
          text = named_color (widget, lit_foreground[trust]);
        }
      else
        {
          background.alpha *= 0.1f;
        }

      gtk_snapshot_push_rounded_clip (snapshot, &outline);
      gtk_snapshot_append_color (snapshot, &background, &outline.bounds);
      gtk_snapshot_pop (snapshot);

      pango_layout_set_text (layout, digit, -1);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      tn_cell_draw_layout (snapshot, layout, x + (BUTTON_WIDTH - text_width) / 2.0f, top + (BUTTON_HEIGHT - text_height) / 2.0f, &text);
    }

  /* The word, where it fits whole (the narrow column shows the buttons alone). */
  if (width - buttons_width - LABEL_SPACING >= label_width (widget))
    {
      GdkRGBA text = foreground;

      if (self->trust == TN_TRUST_UNRATED)
        text.alpha *= 0.55f;
      pango_layout_set_text (layout, tn_trust_get_label (self->trust), -1);
      pango_layout_set_width (layout, (width - buttons_width - LABEL_SPACING) * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      tn_cell_draw_layout (snapshot, layout,
                           rtl ? width - buttons_width - LABEL_SPACING - text_width : buttons_width + LABEL_SPACING,
                           (gtk_widget_get_height (widget) - text_height) / 2.0f, &text);
    }
}

static void
tn_trust_cell_dispose (GObject *object)
{
  tn_trust_cell_set_contact (TN_TRUST_CELL (object), NULL);

  G_OBJECT_CLASS (tn_trust_cell_parent_class)->dispose (object);
}

static void
tn_trust_cell_class_init (TnTrustCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tn_trust_cell_dispose;
  widget_class->measure = tn_trust_cell_measure;
  widget_class->snapshot = tn_trust_cell_snapshot;

  /**
   * TnTrustCell::rate:
   * @self: the cell
   * @trust: the rating clicked; %TN_TRUST_UNRATED to clear it
   *
   * As #TnTrustChooser::rate: the handler saves it; the cell shows it once the contact has it.
   */
  signals[RATE] =
    g_signal_new ("rate",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, TN_TYPE_TRUST);

  gtk_widget_class_set_css_name (widget_class, "trustcell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tn_trust_cell_init (TnTrustCell *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->trust = TN_TRUST_UNRATED;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Trust"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tn_trust_get_label (TN_TRUST_UNRATED),
                                  -1);

  g_signal_connect (click, "released", G_CALLBACK (on_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  /* Asked for when the pointer rests: setting tooltips costs a round trip per row. */
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
}

GtkWidget *
tn_trust_cell_new (void)
{
  return g_object_new (TN_TYPE_TRUST_CELL, NULL);
}

/**
 * tn_trust_cell_get_contact:
 * @self: a cell
 *
 * Returns: (transfer none) (nullable): the contact shown
 */
TnContact *
tn_trust_cell_get_contact (TnTrustCell *self)
{
  g_return_val_if_fail (TN_IS_TRUST_CELL (self), NULL);

  return self->contact;
}

/**
 * tn_trust_cell_set_contact:
 * @self: a cell
 * @contact: (nullable): the contact whose rating to show and follow
 */
void
tn_trust_cell_set_contact (TnTrustCell *self,
                           TnContact   *contact)
{
  g_return_if_fail (TN_IS_TRUST_CELL (self));
  g_return_if_fail (contact == NULL || TN_IS_CONTACT (contact));

  if (tn_trust_follow_contact (&self->contact, contact, G_CALLBACK (show_trust), self))
    show_trust (self);
}

/**
 * tn_trust_follow_contact:
 * @followed: (inout): where the owner keeps the contact it follows, with a reference
 * @contact: (nullable): the contact to follow from now on
 * @on_trust_notify: called with @owner first when @contact's rating changes
 * @owner: the widget that follows it
 *
 * The one way the trust cell and the trust chooser follow a contact's rating.
 *
 * Returns: whether @followed changed
 */
gboolean
tn_trust_follow_contact (TnContact **followed,
                         TnContact  *contact,
                         GCallback   on_trust_notify,
                         gpointer    owner)
{
  if (*followed == contact)
    return FALSE;

  if (*followed != NULL)
    g_signal_handlers_disconnect_by_func (*followed, on_trust_notify, owner);

  g_set_object (followed, contact);

  if (contact != NULL)
    g_signal_connect_swapped (contact, "notify::trust", on_trust_notify, owner);
  return TRUE;
}
