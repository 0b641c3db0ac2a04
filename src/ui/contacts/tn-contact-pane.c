/* tn-contact-pane.c — the pane beside the list: a contact's read view (rating, details,
 * keep in touch, history), and after Edit a form whose draft only reaches the store (and the
 * list) on Done. A new contact starts in the form. Nothing typed is ever dropped unasked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-contact-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-adw-words.h"
#include "tn-contact-edit.h"
#include "tn-contact-pane-private.h"

G_DEFINE_FINAL_TYPE (TnContactPane, tn_contact_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CONTACT,
  PROP_DIRTY,
  PROP_CAN_SAVE,
  PROP_CLOCK,
  PROP_EDITING,
  PROP_FOLDED,
  N_PROPS
};

enum {
  SAVED,
  CLOSED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
show_error (TnContactPane *self,
            const GError  *error)
{
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message))
    g_message ("%s", error->message);
}

static void
on_field_changed_cb (TnContactPane *self,
                     GtkEditable   *editable)
{
  _tn_contact_pane_update_state (self);
}

/* Loading and comparing */

static void
update_trust_row (TnContactPane *self)
{
  TnTrust trust = tn_trust_chooser_get_trust (self->trust_chooser);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->trust_row), tn_trust_get_label (trust));
  /* The rating's own description would say "Not rated yet" a second time. */
  adw_action_row_set_subtitle (self->trust_row, trust == TN_TRUST_UNRATED
                                                  ? _("How much does this person trust you? Choose 1, 2 or 3.")
                                                  : tn_trust_get_description (trust));
}

static void
load (TnContactPane *self)
{
  TnContact *contact = self->contact;

  self->loading = TRUE;
  _tn_contact_pane_fill_form (self, contact);
  g_clear_object (&self->loaded);
  self->loaded = contact != NULL ? tn_contact_copy (contact) : NULL;

  gtk_widget_set_visible (self->delete_button, contact != NULL);
  tn_contact_pane_details_show (self->details, contact);
  /* A contact being added has no history yet: it starts at Save. */
  gtk_widget_set_visible (GTK_WIDGET (self->timeline), contact != NULL);
  tn_contact_timeline_set_contact (self->timeline, contact);

  self->loading = FALSE;
  _tn_contact_pane_update_state (self);
}

void
_tn_contact_pane_update_state (TnContactPane *self)
{
  g_autofree char *name = NULL;
  const char *tooltip;
  gboolean dirty;
  gboolean can_save;

  if (self->loading)
    return;

  name = _tn_contact_pane_get_name (self);
  dirty = _tn_contact_pane_form_differs (self);
  can_save = dirty && name != NULL && self->store != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pane.save", can_save);
  gtk_widget_set_visible (self->name_hint, name == NULL);

  /* A quiet hint on an empty form; an error once something else is typed. */
  if (name == NULL && dirty)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
      gtk_widget_add_css_class (self->name_hint, "error");
      gtk_widget_remove_css_class (self->name_hint, "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
      gtk_widget_remove_css_class (self->name_hint, "error");
      gtk_widget_add_css_class (self->name_hint, "dim-label");
    }

  if (can_save)
    tooltip = _("Save the changes (Ctrl+S)");
  else if (name == NULL)
    tooltip = _("Enter a name to save");
  else
    tooltip = _("Nothing to save yet");

  /* Only on a change: setting a tooltip asks the display server where the pointer is. */
  if (g_strcmp0 (gtk_widget_get_tooltip_text (self->save_button), tooltip) != 0)
    gtk_widget_set_tooltip_text (self->save_button, tooltip);

  if (name != NULL)
    gtk_label_set_text (self->title_label, name);
  else if (self->contact != NULL)
    gtk_label_set_text (self->title_label, _("Edit Contact"));
  else
    gtk_label_set_text (self->title_label, _("New Contact"));

  adw_avatar_set_text (self->avatar, name);
  update_trust_row (self);

  if (self->dirty != dirty)
    {
      self->dirty = dirty;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
    }

  if (self->can_save != can_save)
    {
      self->can_save = can_save;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_SAVE]);
    }
}

static void
on_note_changed_cb (TnContactPane *self,
                    GtkTextBuffer *buffer)
{
  _tn_contact_pane_update_state (self);
}

/* In the read view a rating is done at once, as in the list; in the form it is part of
 * the draft that Done saves and Cancel drops. */
static void
on_trust_notify_cb (TnContactPane  *self,
                    GParamSpec     *pspec,
                    TnTrustChooser *chooser)
{
  g_autoptr(GError) error = NULL;
  TnTrust trust = tn_trust_chooser_get_trust (chooser);

  if (!self->loading && !self->editing && self->contact != NULL && self->store != NULL &&
      trust != tn_contact_get_trust (self->contact) &&
      !tn_store_set_trust (self->store, self->contact, trust, &error))
    {
      show_error (self, error);
      self->loading = TRUE;
      tn_trust_chooser_set_trust (chooser, tn_contact_get_trust (self->contact));
      self->loading = FALSE;
    }

  _tn_contact_pane_update_state (self);
}

/* The contact changed under the form: from the list's in-place rating, this pane's own
 * Save, or another process (the command line, an import). Unedited, the form follows it;
 * edited, the person's changes are laid onto it field by field, as Save will write them,
 * so a field they did not touch never carries a stale value back into the database. */
static void
on_contact_notify_cb (TnContactPane *self,
                      GParamSpec    *pspec,
                      TnContact     *contact)
{
  g_autoptr(TnContact) wanted = NULL;
  g_autoptr(TnContact) merged = NULL;
  gboolean changed;

  if (self->loading)
    return;

  if (!self->dirty || self->loaded == NULL)
    {
      load (self);
      return;
    }

  wanted = tn_contact_copy (self->loaded);
  _tn_contact_pane_apply_form (self, wanted);
  merged = tn_contact_edit_rebase (self->loaded, wanted, contact, TN_CONTACT_EDIT_NONE, &changed);

  self->loading = TRUE;
  _tn_contact_pane_fill_form (self, merged);
  g_clear_object (&self->loaded);
  self->loaded = tn_contact_copy (contact);
  self->loading = FALSE;
  _tn_contact_pane_update_state (self);
}

static void
set_contact (TnContactPane *self,
             TnContact     *contact)
{
  if (self->contact == contact)
    return;

  if (self->contact != NULL)
    g_clear_signal_handler (&self->contact_notify_id, self->contact);

  g_set_object (&self->contact, contact);

  if (self->contact != NULL)
    self->contact_notify_id =
      g_signal_connect_object (self->contact, "notify",
                               G_CALLBACK (on_contact_notify_cb), self,
                               G_CONNECT_SWAPPED);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT]);
}

/* Modes */

static void
scroll_to_top (TnContactPane *self)
{
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/* The header follows the mode: Back and Edit over the read view, Cancel and Done
 * (Add, for someone new) over the form. */
static void
update_mode (TnContactPane *self)
{
  gboolean adding = self->contact == NULL;
  const char *back = self->folded ? _("Back to the List (Escape)") : _("Close (Escape)");

  gtk_stack_set_visible_child_name (self->mode_stack, self->editing ? "edit" : "read");
  gtk_widget_set_visible (self->back_button, !self->editing);
  gtk_widget_set_visible (self->edit_button, !self->editing && !adding);
  gtk_widget_set_visible (self->cancel_button, self->editing);
  gtk_widget_set_visible (self->save_button, self->editing);
  gtk_button_set_label (GTK_BUTTON (self->save_button), adding ? _("_Add") : _("_Done"));

  /* Over the list the pane is a page of its own; beside it, a panel that can close. */
  gtk_button_set_icon_name (GTK_BUTTON (self->back_button),
                            self->folded ? "go-previous-symbolic" : "sidebar-show-right-symbolic");
  if (g_strcmp0 (gtk_widget_get_tooltip_text (self->back_button), back) != 0)
    gtk_widget_set_tooltip_text (self->back_button, back);
}

static void
set_editing (TnContactPane *self,
             gboolean       editing)
{
  gboolean changed = self->editing != editing;

  self->editing = editing;
  update_mode (self);
  if (changed)
    {
      scroll_to_top (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
    }
}

/* Cancel: the form goes back to what the contact is and the read view returns; a new
 * contact never saved leaves nothing to read, so the pane closes. */
static void
leave_form (TnContactPane *self)
{
  tn_contact_pane_discard (self);
  if (self->contact == NULL)
    g_signal_emit (self, signals[CLOSED], 0);
}

static void
on_unsaved_response_cb (TnContactPane    *self,
                        const char       *response,
                        AdwMessageDialog *dialog)
{
  if (g_str_equal (response, "discard"))
    leave_form (self);
  else if (g_str_equal (response, "save"))
    tn_contact_pane_save (self);
  /* "keep": the form stays as it is, the cursor where it was. */
}

/**
 * tn_contact_pane_ask_about_changes:
 * @self: a pane whose form has changes
 *
 * Asks whether to save the changes, drop them, or keep editing: Escape over the form,
 * and closing the window, never drop what was typed without asking.
 */
void
tn_contact_pane_ask_about_changes (TnContactPane *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *name = _tn_contact_pane_get_name (self);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Save the Changes?"), NULL));
  if (self->contact != NULL)
    adw_message_dialog_format_body (dialog, _("What you changed for %s is not saved yet."),
                                    tn_contact_get_full_name (self->contact));
  else if (name != NULL)
    adw_message_dialog_format_body (dialog, _("%s is not added yet."), name);
  else
    adw_message_dialog_set_body (dialog, _("The new contact is not added yet."));

  adw_message_dialog_add_responses (dialog,
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "keep");
  adw_message_dialog_set_default_response (dialog, "keep");

  if (self->can_save)
    {
      adw_message_dialog_add_response (dialog, "save", self->contact != NULL ? _("_Save") : _("_Add"));
      adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "save");
    }

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unsaved_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  tn_contact_pane_save (TN_CONTACT_PANE (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  leave_form (TN_CONTACT_PANE (widget));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  tn_contact_pane_begin_edit (TN_CONTACT_PANE (widget));
}

/* Escape, and Back: the read view closes; the form returns to it, asking first if
 * anything typed would be lost. */
static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TnContactPane *self = TN_CONTACT_PANE (widget);

  if (!self->editing)
    g_signal_emit (self, signals[CLOSED], 0);
  else if (self->dirty)
    tn_contact_pane_ask_about_changes (self);
  else
    leave_form (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TnContactPane *self = TN_CONTACT_PANE (widget);

  if (self->contact == NULL)
    return;

  /* The window removes it, closes this pane and offers Undo. */
  gtk_widget_activate_action (widget, "win.delete-contact", "x", tn_contact_get_id (self->contact));
}

/* GtkWidget */

/* A side pane asks for a form's width, not for the width its header bar
 * would need to centre the title between the buttons and the window controls. */
#define NATURAL_WIDTH 400
#define FOLDED_NATURAL_WIDTH 8192

static void
tn_contact_pane_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  TnContactPane *self = TN_CONTACT_PANE (widget);

  gtk_widget_measure (self->box, orientation, for_size,
                      minimum, natural,
                      minimum_baseline, natural_baseline);

  /* Folded over the list, the pane is the page: it asks for more than any window has, and
   * the flap gives it the whole width rather than leave a strip of the list beside it. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL && self->folded)
    *natural = MAX (*minimum, FOLDED_NATURAL_WIDTH);
  else if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*minimum, MIN (*natural, NATURAL_WIDTH));
}

static void
tn_contact_pane_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  TnContactPane *self = TN_CONTACT_PANE (widget);

  gtk_widget_size_allocate (self->box, &(GtkAllocation) { 0, 0, width, height }, baseline);
}

/* GObject */

static void
tn_contact_pane_dispose (GObject *object)
{
  TnContactPane *self = (TnContactPane *) object;

  if (self->contact != NULL)
    g_clear_signal_handler (&self->contact_notify_id, self->contact);

  gtk_widget_dispose_template (GTK_WIDGET (self), TN_TYPE_CONTACT_PANE);

  g_clear_object (&self->contact);
  g_clear_object (&self->loaded);
  g_clear_object (&self->store);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (tn_contact_pane_parent_class)->dispose (object);
}

static void
tn_contact_pane_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TnContactPane *self = TN_CONTACT_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CONTACT:
      g_value_set_object (value, self->contact);
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    case PROP_CAN_SAVE:
      g_value_set_boolean (value, self->can_save);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    case PROP_EDITING:
      g_value_set_boolean (value, self->editing);
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_contact_pane_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TnContactPane *self = TN_CONTACT_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tn_contact_pane_set_store (self, g_value_get_object (value));
      break;
    case PROP_CLOCK:
      if (g_set_object (&self->clock, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_FOLDED:
      tn_contact_pane_set_folded (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_properties (GObjectClass *object_class)
{
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TN_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TnContactPane:contact:
   *
   * The contact being edited, or %NULL while a new one is being added.
   */
  properties[PROP_CONTACT] =
    g_param_spec_object ("contact", NULL, NULL,
                         TN_TYPE_CONTACT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TnContactPane:dirty:
   *
   * Whether the form differs from the contact: there is something to save or lose.
   */
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CAN_SAVE] =
    g_param_spec_boolean ("can-save", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TnContactPane:clock:
   *
   * The clock the timeline follows for "today"; the template hands it on.
   */
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL,
                         TN_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TnContactPane:editing:
   *
   * Whether the form shows (after Edit, or for a new contact) rather than the read view.
   */
  properties[PROP_EDITING] =
    g_param_spec_boolean ("editing", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TnContactPane:folded:
   *
   * Whether the pane covers the list, on a narrow window: its way out is then "Back".
   */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
install_signals (TnContactPaneClass *klass)
{
  /**
   * TnContactPane::saved:
   * @self: the pane
   * @contact: the contact as the store now has it (new or changed)
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, TN_TYPE_CONTACT);

  /**
   * TnContactPane::closed:
   * @self: the pane
   *
   * The person is done with the pane (Back, Escape, or Cancel on a new contact):
   * nothing is left unsaved, and the pane can go.
   */
  signals[CLOSED] =
    g_signal_new ("closed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
tn_contact_pane_class_init (TnContactPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tn_contact_pane_dispose;
  object_class->get_property = tn_contact_pane_get_property;
  object_class->set_property = tn_contact_pane_set_property;

  widget_class->measure = tn_contact_pane_measure;
  widget_class->size_allocate = tn_contact_pane_size_allocate;

  install_properties (object_class);
  install_signals (klass);

  g_type_ensure (TN_TYPE_TRUST_CHOOSER);
  g_type_ensure (TN_TYPE_CONTACT_TIMELINE);
  g_type_ensure (TN_TYPE_CONTACT_PANE_DETAILS);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/TrustNet/ui/tn-contact-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, TnContactPane, box);
  gtk_widget_class_bind_template_child (widget_class, TnContactPane, title_label);
  gtk_widget_class_bind_template_child (widget_class, TnContactPane, back_button);
  gtk_widget_class_bind_template_child (widget_class, TnContactPane, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, TnContactPane, edit_button);
  gtk_widget_class_bind_template_child (widget_class, TnContactPane, save_button);
  gtk_widget_class_bind_template_child (widget_class, TnContactPane, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, TnContactPane, details);
  gtk_widget_class_bind_template_child (widget_class, TnContactPane, scroller);
  gtk_widget_class_bind_template_child (widget_class, TnContactPane, avatar);
  gtk_widget_class_bind_template_child (widget_class, TnContactPane, trust_row);
  gtk_widget_class_bind_template_child (widget_class, TnContactPane, trust_chooser);
  gtk_widget_class_bind_template_child (widget_class, TnContactPane, timeline);
  gtk_widget_class_bind_template_child (widget_class, TnContactPane, name_row);
  gtk_widget_class_bind_template_child (widget_class, TnContactPane, organization_row);
  gtk_widget_class_bind_template_child (widget_class, TnContactPane, title_row);
  gtk_widget_class_bind_template_child (widget_class, TnContactPane, name_hint);
  gtk_widget_class_bind_template_child (widget_class, TnContactPane, emails_list);
  gtk_widget_class_bind_template_child (widget_class, TnContactPane, add_email_row);
  gtk_widget_class_bind_template_child (widget_class, TnContactPane, phones_list);
  gtk_widget_class_bind_template_child (widget_class, TnContactPane, add_phone_row);
  gtk_widget_class_bind_template_child (widget_class, TnContactPane, note_view);
  gtk_widget_class_bind_template_child (widget_class, TnContactPane, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_trust_notify_cb);

  gtk_widget_class_install_action (widget_class, "pane.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "pane.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "pane.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "pane.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "pane.delete", NULL, delete_action);
  _tn_contact_pane_class_form_init (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "pane.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "pane.close", NULL);

  gtk_widget_class_set_css_name (widget_class, "contactpane");
}

static void
tn_contact_pane_init (TnContactPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The trust row, the Add rows and the timeline's rows: laid out 50 to 170 times each
   * when the window first opens or the pane first shows a contact (tn-adw-words.c). */
  tn_adw_words_hold_within (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                           G_CALLBACK (on_note_changed_cb), self,
                           G_CONNECT_SWAPPED);

  load (self);
  set_editing (self, TRUE);
}

/**
 * tn_contact_pane_new:
 * @store: (nullable): the store that Save writes to
 *
 * Returns: (transfer floating): an empty pane, ready for a new contact
 */
GtkWidget *
tn_contact_pane_new (TnStore *store)
{
  g_return_val_if_fail (store == NULL || TN_IS_STORE (store), NULL);

  return g_object_new (TN_TYPE_CONTACT_PANE, "store", store, NULL);
}

/**
 * tn_contact_pane_get_store:
 * @self: a pane
 *
 * Returns: (transfer none) (nullable): the store that Save writes to
 */
TnStore *
tn_contact_pane_get_store (TnContactPane *self)
{
  g_return_val_if_fail (TN_IS_CONTACT_PANE (self), NULL);

  return self->store;
}

void
tn_contact_pane_set_store (TnContactPane *self,
                           TnStore       *store)
{
  g_return_if_fail (TN_IS_CONTACT_PANE (self));
  g_return_if_fail (store == NULL || TN_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  tn_contact_timeline_set_store (self->timeline, store);
  _tn_contact_pane_update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * tn_contact_pane_get_contact:
 * @self: a pane
 *
 * Returns: (transfer none) (nullable): the contact being edited, or %NULL
 *   while adding a new one
 */
TnContact *
tn_contact_pane_get_contact (TnContactPane *self)
{
  g_return_val_if_fail (TN_IS_CONTACT_PANE (self), NULL);

  return self->contact;
}

/**
 * tn_contact_pane_show_contact:
 * @self: a pane
 * @contact: (nullable): the contact to show, or %NULL to add a new one
 *
 * Shows @contact in the read view, or an empty form for a new contact, dropping unsaved
 * edits: the window asks before it calls this over changes (see tn_contact_pane_get_dirty()).
 */
void
tn_contact_pane_show_contact (TnContactPane *self,
                              TnContact     *contact)
{
  g_return_if_fail (TN_IS_CONTACT_PANE (self));
  g_return_if_fail (contact == NULL || TN_IS_CONTACT (contact));

  set_contact (self, contact);

  /* Start from a clean form, so the previous person's rows do not linger. */
  self->loading = TRUE;
  _tn_contact_pane_clear_values (self);
  self->loading = FALSE;

  load (self);
  set_editing (self, contact == NULL);
  scroll_to_top (self);
}

gboolean
tn_contact_pane_get_dirty (TnContactPane *self)
{
  g_return_val_if_fail (TN_IS_CONTACT_PANE (self), FALSE);

  return self->dirty;
}

gboolean
tn_contact_pane_get_can_save (TnContactPane *self)
{
  g_return_val_if_fail (TN_IS_CONTACT_PANE (self), FALSE);

  return self->can_save;
}

/**
 * tn_contact_pane_save:
 * @self: a pane
 *
 * Adds the new contact, or applies the form to the contact through a draft.
 * A refusal from the store is shown as a toast and the form is kept.
 *
 * Returns: %TRUE if the store took the change
 */
gboolean
tn_contact_pane_save (TnContactPane *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnContact) draft = NULL;

  g_return_val_if_fail (TN_IS_CONTACT_PANE (self), FALSE);

  _tn_contact_pane_update_state (self);
  if (!self->can_save)
    return FALSE;

  if (self->contact == NULL)
    {
      draft = tn_contact_new (NULL);
      _tn_contact_pane_apply_form (self, draft);

      if (!tn_store_add_contact (self->store, draft, &error))
        {
          show_error (self, error);
          return FALSE;
        }

      set_contact (self, draft);
    }
  else
    {
      /* A fresh copy: what the form does not show (uid, …) stays as the store has it. */
      draft = tn_contact_copy (self->contact);
      _tn_contact_pane_apply_form (self, draft);

      self->loading = TRUE;
      if (!tn_store_update_contact (self->store, self->contact, draft, &error))
        {
          self->loading = FALSE;
          show_error (self, error);
          return FALSE;
        }
      self->loading = FALSE;
    }

  load (self);
  set_editing (self, FALSE);
  g_signal_emit (self, signals[SAVED], 0, self->contact);

  return TRUE;
}

/**
 * tn_contact_pane_discard:
 * @self: a pane
 *
 * Puts the form back as the contact is (or empties it for a new one).
 */
void
tn_contact_pane_discard (TnContactPane *self)
{
  g_return_if_fail (TN_IS_CONTACT_PANE (self));

  tn_contact_pane_show_contact (self, self->contact);
}

/**
 * tn_contact_pane_begin_edit:
 * @self: a pane
 *
 * Shows the form (Edit) with the keyboard focus in the name, ready to type.
 */
void
tn_contact_pane_begin_edit (TnContactPane *self)
{
  g_return_if_fail (TN_IS_CONTACT_PANE (self));

  set_editing (self, TRUE);

  /* The cursor at the end: a stray key must not replace the whole name. */
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  gtk_editable_select_region (GTK_EDITABLE (self->name_row), -1, -1);
  /* The avatar stays in sight: the name is close enough below it to show too. */
  scroll_to_top (self);
}

/**
 * tn_contact_pane_get_editing:
 * @self: a pane
 *
 * Returns: whether the form shows rather than the read view
 */
gboolean
tn_contact_pane_get_editing (TnContactPane *self)
{
  g_return_val_if_fail (TN_IS_CONTACT_PANE (self), FALSE);

  return self->editing;
}

/**
 * tn_contact_pane_set_folded:
 * @self: a pane
 * @folded: whether the pane covers the list (a narrow window) rather than sitting beside it
 */
void
tn_contact_pane_set_folded (TnContactPane *self,
                            gboolean       folded)
{
  g_return_if_fail (TN_IS_CONTACT_PANE (self));

  folded = !!folded;
  if (self->folded == folded)
    return;

  self->folded = folded;
  update_mode (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
}

/**
 * tn_contact_pane_get_name_row:
 * @self: a pane
 *
 * Returns: (transfer none): the full name entry, named "contact-pane-name-row"
 */
AdwEntryRow *
tn_contact_pane_get_name_row (TnContactPane *self)
{
  g_return_val_if_fail (TN_IS_CONTACT_PANE (self), NULL);

  return self->name_row;
}

/**
 * tn_contact_pane_get_note_view:
 * @self: a pane
 *
 * Returns: (transfer none): the notes, named "contact-pane-note-view"
 */
GtkTextView *
tn_contact_pane_get_note_view (TnContactPane *self)
{
  g_return_val_if_fail (TN_IS_CONTACT_PANE (self), NULL);

  return self->note_view;
}

/**
 * tn_contact_pane_get_save_button:
 * @self: a pane
 *
 * Returns: (transfer none): the Save button, named "contact-pane-save-button"
 */
GtkWidget *
tn_contact_pane_get_save_button (TnContactPane *self)
{
  g_return_val_if_fail (TN_IS_CONTACT_PANE (self), NULL);

  return self->save_button;
}
