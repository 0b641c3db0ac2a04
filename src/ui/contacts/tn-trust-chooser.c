/* tn-trust-chooser.c — three linked buttons that show and change a trust
 * rating; clicking the lit one again clears it to "not rated yet".
 *
 * Made in C rather than from a template: the contacts table makes one per row, up to 200
 * at a time whenever a search brings in new rows, and GtkBuilder parsing the template for
 * each was a quarter of a keystroke.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-trust-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-enums.h"
#include "tn-trust-cell.h"
#include "tn-trust-chooser.h"

struct _TnTrustChooser
{
  GtkWidget parent_instance;

  TnContact *contact;
  TnTrust trust;
  gboolean show_label;

  /* Children */
  GtkWidget *buttons;
  GtkToggleButton *button_completely;
  GtkToggleButton *button_moderately;
  GtkToggleButton *button_vaguely;
  GtkLabel *label;
};

G_DEFINE_FINAL_TYPE (TnTrustChooser, tn_trust_chooser, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTACT,
  PROP_TRUST,
  PROP_SHOW_LABEL,
  N_PROPS
};

enum {
  RATE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GtkToggleButton *
get_button (TnTrustChooser *self,
            TnTrust         trust)
{
  switch (trust)
    {
    case TN_TRUST_COMPLETELY:
      return self->button_completely;
    case TN_TRUST_MODERATELY:
      return self->button_moderately;
    case TN_TRUST_VAGUELY:
      return self->button_vaguely;
    case TN_TRUST_UNRATED:
    default:
      return NULL;
    }
}

/* The buttons only ever show self->trust: a click asks for a change, and
 * the change shows once the contact (or the owner) has taken it. */
static void
update_display (TnTrustChooser *self)
{
  for (TnTrust trust = TN_TRUST_COMPLETELY; trust <= TN_TRUST_LAST; trust++)
    gtk_toggle_button_set_active (get_button (self, trust), trust == self->trust);

  gtk_label_set_text (self->label, tn_trust_get_label (self->trust));

  if (self->trust == TN_TRUST_UNRATED)
    gtk_widget_add_css_class (GTK_WIDGET (self->label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->label), "dim-label");
}

static void
sync_from_contact (TnTrustChooser *self)
{
  if (self->contact != NULL)
    tn_trust_chooser_set_trust (self, tn_contact_get_trust (self->contact));
  else
    update_display (self);
}

static void
on_contact_trust_notify_cb (TnTrustChooser *self,
                            GParamSpec     *pspec,
                            TnContact      *contact)
{
  sync_from_contact (self);
}

/* Tooltips are asked for, not set: setting a tooltip makes GTK look for
 * the pointer, a round trip to the display server for each of the
 * hundreds of buttons a table creates as it scrolls. */
static gboolean
on_query_tooltip_cb (TnTrustChooser *self,
                     int             x,
                     int             y,
                     gboolean        keyboard_mode,
                     GtkTooltip     *tooltip,
                     GtkWidget      *widget)
{
  TnTrust trust = self->trust;

  for (TnTrust i = TN_TRUST_COMPLETELY; i <= TN_TRUST_LAST; i++)
    {
      if (widget == GTK_WIDGET (get_button (self, i)))
        trust = i;
    }

  gtk_tooltip_set_text (tooltip, tn_trust_get_description (trust));
  return TRUE;
}

static void
on_button_clicked_cb (TnTrustChooser  *self,
                      GtkToggleButton *button)
{
  TnTrust chosen = TN_TRUST_UNRATED;

  for (TnTrust trust = TN_TRUST_COMPLETELY; trust <= TN_TRUST_LAST; trust++)
    {
      /* A click on the lit button has just turned it off: that clears the rating. */
      if (button == get_button (self, trust) && gtk_toggle_button_get_active (button))
        chosen = trust;
    }

  if (self->contact == NULL)
    tn_trust_chooser_set_trust (self, chosen);

  g_signal_emit (self, signals[RATE], 0, chosen);

  /* If the store refused the change, show the rating the contact still has. */
  sync_from_contact (self);
}

/* Layout: the buttons always, the word after them only when it fits. A
 * narrow Trust column (the pane open beside the list) shows the buttons
 * alone instead of clipping the word differently on every row. */

#define LABEL_SPACING 8

static void
tn_trust_chooser_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  TnTrustChooser *self = TN_TRUST_CHOOSER (widget);
  int buttons_min, buttons_nat, label_min, label_nat;

  gtk_widget_measure (self->buttons, orientation, -1, &buttons_min, &buttons_nat, NULL, NULL);

  if (!self->show_label)
    {
      *minimum = buttons_min;
      *natural = buttons_nat;
      return;
    }

  gtk_widget_measure (GTK_WIDGET (self->label), orientation, -1, &label_min, &label_nat, NULL, NULL);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = buttons_min;
      *natural = buttons_nat + LABEL_SPACING + label_nat;
    }
  else
    {
      *minimum = MAX (buttons_min, label_min);
      *natural = MAX (buttons_nat, label_nat);
    }
}

static void
tn_trust_chooser_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  TnTrustChooser *self = TN_TRUST_CHOOSER (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int buttons_width, label_min, label_width;
  gboolean label_fits;

  gtk_widget_measure (self->buttons, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &buttons_width, NULL, NULL);
  buttons_width = MIN (buttons_width, width);
  gtk_widget_size_allocate (self->buttons,
                            &(GtkAllocation) { rtl ? width - buttons_width : 0, 0, buttons_width, height },
                            baseline);

  gtk_widget_measure (GTK_WIDGET (self->label), GTK_ORIENTATION_HORIZONTAL, -1, &label_min, NULL, NULL, NULL);
  label_width = width - buttons_width - LABEL_SPACING;
  label_fits = self->show_label && label_width >= label_min;

  gtk_widget_set_child_visible (GTK_WIDGET (self->label), label_fits);
  if (label_fits)
    gtk_widget_size_allocate (GTK_WIDGET (self->label),
                              &(GtkAllocation) { rtl ? 0 : buttons_width + LABEL_SPACING, 0, label_width, height },
                              baseline);
}

static void
tn_trust_chooser_dispose (GObject *object)
{
  TnTrustChooser *self = (TnTrustChooser *) object;

  g_clear_pointer (&self->buttons, gtk_widget_unparent);
  if (self->label != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->label));
  self->label = NULL;
  tn_trust_follow_contact (&self->contact, NULL, G_CALLBACK (on_contact_trust_notify_cb), self);

  G_OBJECT_CLASS (tn_trust_chooser_parent_class)->dispose (object);
}

static void
tn_trust_chooser_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TnTrustChooser *self = TN_TRUST_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_CONTACT:
      g_value_set_object (value, self->contact);
      break;
    case PROP_TRUST:
      g_value_set_enum (value, self->trust);
      break;
    case PROP_SHOW_LABEL:
      g_value_set_boolean (value, self->show_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_trust_chooser_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TnTrustChooser *self = TN_TRUST_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_CONTACT:
      tn_trust_chooser_set_contact (self, g_value_get_object (value));
      break;
    case PROP_TRUST:
      tn_trust_chooser_set_trust (self, g_value_get_enum (value));
      break;
    case PROP_SHOW_LABEL:
      tn_trust_chooser_set_show_label (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_trust_chooser_class_init (TnTrustChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tn_trust_chooser_dispose;
  object_class->get_property = tn_trust_chooser_get_property;
  object_class->set_property = tn_trust_chooser_set_property;

  widget_class->measure = tn_trust_chooser_measure;
  widget_class->size_allocate = tn_trust_chooser_size_allocate;

  /**
   * TnTrustChooser:contact:
   *
   * The contact whose rating is shown; the buttons follow its "trust".
   * Without a contact the chooser edits its own #TnTrustChooser:trust.
   */
  properties[PROP_CONTACT] =
    g_param_spec_object ("contact", NULL, NULL,
                         TN_TYPE_CONTACT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TnTrustChooser:trust:
   *
   * The rating shown.
   */
  properties[PROP_TRUST] =
    g_param_spec_enum ("trust", NULL, NULL,
                       TN_TYPE_TRUST,
                       TN_TRUST_UNRATED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TnTrustChooser:show-label:
   *
   * Whether the word for the rating ("Completely", …) follows the buttons.
   */
  properties[PROP_SHOW_LABEL] =
    g_param_spec_boolean ("show-label", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TnTrustChooser::rate:
   * @self: the chooser
   * @trust: the rating the person clicked; %TN_TRUST_UNRATED to clear it
   *
   * Emitted when the person picks a rating. With a #TnTrustChooser:contact,
   * the handler is expected to save it (tn_store_set_trust()); the buttons
   * show the new rating once the contact has it.
   */
  signals[RATE] =
    g_signal_new ("rate",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, TN_TYPE_TRUST);

  gtk_widget_class_set_css_name (widget_class, "trustchooser");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

/* Tooltips are asked for when the pointer rests (see on_query_tooltip_cb()). */
static void
ask_for_tooltip (TnTrustChooser *self,
                 GtkWidget      *widget)
{
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect_object (widget, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), self, G_CONNECT_SWAPPED);
}

static GtkToggleButton *
new_button (TnTrustChooser *self,
            const char     *digit,
            const char     *css_class)
{
  GtkWidget *button = gtk_toggle_button_new_with_label (digit);

  gtk_widget_set_focus_on_click (button, FALSE);
  gtk_widget_add_css_class (button, css_class);
  ask_for_tooltip (self, button);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_button_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->buttons), button);
  return GTK_TOGGLE_BUTTON (button);
}

static void
tn_trust_chooser_init (TnTrustChooser *self)
{
  self->show_label = TRUE;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Trust"), -1);

  self->buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_valign (self->buttons, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->buttons, "linked");
  gtk_widget_set_parent (self->buttons, GTK_WIDGET (self));
  self->button_completely = new_button (self, "1", "trust-completely");
  self->button_moderately = new_button (self, "2", "trust-moderately");
  self->button_vaguely = new_button (self, "3", "trust-vaguely");

  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->label, 0);
  gtk_label_set_ellipsize (self->label, PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (self->label, 10);
  ask_for_tooltip (self, GTK_WIDGET (self->label));
  gtk_widget_set_parent (GTK_WIDGET (self->label), GTK_WIDGET (self));

  /* The words come from the core, so the list, the pane, the command line
   * and the notifications all say the same thing. */
  for (TnTrust trust = TN_TRUST_COMPLETELY; trust <= TN_TRUST_LAST; trust++)
    {
      GtkWidget *button = GTK_WIDGET (get_button (self, trust));

      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, tn_trust_get_label (trust),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tn_trust_get_description (trust),
                                      -1);
    }

  update_display (self);
}

/**
 * tn_trust_chooser_new:
 *
 * Returns: (transfer floating): a chooser showing "not rated yet"
 */
GtkWidget *
tn_trust_chooser_new (void)
{
  return g_object_new (TN_TYPE_TRUST_CHOOSER, NULL);
}

/**
 * tn_trust_chooser_get_contact:
 * @self: a chooser
 *
 * Returns: (transfer none) (nullable): the contact shown
 */
TnContact *
tn_trust_chooser_get_contact (TnTrustChooser *self)
{
  g_return_val_if_fail (TN_IS_TRUST_CHOOSER (self), NULL);

  return self->contact;
}

void
tn_trust_chooser_set_contact (TnTrustChooser *self,
                              TnContact      *contact)
{
  g_return_if_fail (TN_IS_TRUST_CHOOSER (self));
  g_return_if_fail (contact == NULL || TN_IS_CONTACT (contact));

  if (!tn_trust_follow_contact (&self->contact, contact, G_CALLBACK (on_contact_trust_notify_cb), self))
    return;

  sync_from_contact (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT]);
}

TnTrust
tn_trust_chooser_get_trust (TnTrustChooser *self)
{
  g_return_val_if_fail (TN_IS_TRUST_CHOOSER (self), TN_TRUST_UNRATED);

  return self->trust;
}

void
tn_trust_chooser_set_trust (TnTrustChooser *self,
                            TnTrust         trust)
{
  g_return_if_fail (TN_IS_TRUST_CHOOSER (self));
  g_return_if_fail (tn_trust_is_valid (trust));

  /* Redraw even without a change: a refused click has left a button lit. */
  if (self->trust == trust)
    {
      update_display (self);
      return;
    }

  self->trust = trust;
  update_display (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRUST]);
}

gboolean
tn_trust_chooser_get_show_label (TnTrustChooser *self)
{
  g_return_val_if_fail (TN_IS_TRUST_CHOOSER (self), FALSE);

  return self->show_label;
}

void
tn_trust_chooser_set_show_label (TnTrustChooser *self,
                                 gboolean        show_label)
{
  g_return_if_fail (TN_IS_TRUST_CHOOSER (self));

  show_label = !!show_label;
  if (self->show_label == show_label)
    return;

  self->show_label = show_label;
  gtk_widget_set_visible (GTK_WIDGET (self->label), show_label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_LABEL]);
}
