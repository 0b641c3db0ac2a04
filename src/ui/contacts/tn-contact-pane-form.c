/* tn-contact-pane-form.c — the contact pane's form (after Edit, or for a new contact):
 * filled from a contact, compared with it, and laid onto a draft for Done to save.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-contact-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-contact-pane-private.h"
#include "tn-text.h"

static char *
get_note (TnContactPane *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char *
get_line (AdwEntryRow *row)
{
  return tn_text_clean_line (gtk_editable_get_text (GTK_EDITABLE (row)));
}

/* Emails and phones: one entry row per value, kept above the "Add" row. */

static GtkWidget *
get_add_row (TnContactPane *self,
             GtkListBox    *list)
{
  return list == self->emails_list ? self->add_email_row : self->add_phone_row;
}

static GStrv
collect_values (TnContactPane *self,
                GtkListBox    *list)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GtkWidget *add_row = get_add_row (self, list);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autofree char *value = NULL;

      if (child == add_row || !ADW_IS_ENTRY_ROW (child))
        continue;

      value = get_line (ADW_ENTRY_ROW (child));
      if (value != NULL)
        g_strv_builder_add (builder, value);
    }

  return g_strv_builder_end (builder);
}

static void
clear_values (TnContactPane *self,
              GtkListBox    *list)
{
  GtkWidget *add_row = get_add_row (self, list);
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (child != add_row && ADW_IS_ENTRY_ROW (child))
        gtk_list_box_remove (list, child);

      child = next;
    }
}

static void
on_remove_value_clicked_cb (TnContactPane *self,
                            GtkButton     *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  GtkWidget *list = row != NULL ? gtk_widget_get_parent (row) : NULL;
  GtkWidget *next;

  if (list == NULL)
    return;

  /* Keep the keyboard focus nearby: on the next row, which at worst is "Add". */
  next = gtk_widget_get_next_sibling (row);
  gtk_list_box_remove (GTK_LIST_BOX (list), row);
  if (next != NULL)
    gtk_widget_grab_focus (next);

  _tn_contact_pane_update_state (self);
}

static AdwEntryRow *
add_value_row (TnContactPane *self,
               GtkListBox    *list,
               const char    *value)
{
  gboolean is_email = list == self->emails_list;
  GtkWidget *add_row = get_add_row (self, list);
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  const char *remove_label = is_email ? _("Remove Email") : _("Remove Phone");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), is_email ? _("Email") : _("Phone"));
  adw_entry_row_set_input_purpose (row, is_email ? GTK_INPUT_PURPOSE_EMAIL : GTK_INPUT_PURPOSE_PHONE);
  gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_value_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_entry_row_add_suffix (row, remove);

  g_signal_connect_object (row, "changed", G_CALLBACK (_tn_contact_pane_update_state), self, G_CONNECT_SWAPPED);

  gtk_list_box_insert (list, GTK_WIDGET (row), gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (add_row)));

  return row;
}

static void
load_values (TnContactPane      *self,
             GtkListBox         *list,
             const char * const *values)
{
  clear_values (self, list);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    add_value_row (self, list, values[i]);
}

static void
set_text_if_changed (AdwEntryRow *row,
                     const char  *text)
{
  if (text == NULL)
    text = "";

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* Shows @contact's values, touching only the fields that differ: rebuilding a row or
 * setting its text would take the cursor away from the one being typed in. */
void
_tn_contact_pane_fill_form (TnContactPane *self,
           TnContact     *contact)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  g_autofree char *note = get_note (self);
  const char *new_note = contact != NULL ? tn_contact_get_note (contact) : NULL;

  set_text_if_changed (self->name_row, contact ? tn_contact_get_full_name (contact) : NULL);
  set_text_if_changed (self->organization_row, contact ? tn_contact_get_organization (contact) : NULL);
  set_text_if_changed (self->title_row, contact ? tn_contact_get_title (contact) : NULL);

  {
    g_auto(GStrv) emails = collect_values (self, self->emails_list);
    g_auto(GStrv) phones = collect_values (self, self->phones_list);
    const char * const none[] = { NULL };
    const char * const *new_emails = contact ? tn_contact_get_emails (contact) : none;
    const char * const *new_phones = contact ? tn_contact_get_phones (contact) : none;

    if (!g_strv_equal ((const char * const *) emails, new_emails))
      load_values (self, self->emails_list, new_emails);
    if (!g_strv_equal ((const char * const *) phones, new_phones))
      load_values (self, self->phones_list, new_phones);
  }

  if (g_strcmp0 (note, new_note != NULL ? new_note : "") != 0)
    gtk_text_buffer_set_text (buffer, new_note != NULL ? new_note : "", -1);

  tn_trust_chooser_set_trust (self->trust_chooser, contact ? tn_contact_get_trust (contact) : TN_TRUST_UNRATED);
}

static gboolean
text_differs (const char *stored,
              const char *typed)
{
  return g_strcmp0 (stored != NULL ? stored : "", typed != NULL ? typed : "") != 0;
}

gboolean
_tn_contact_pane_form_differs (TnContactPane *self)
{
  TnContact *contact = self->contact;
  g_autofree char *name = get_line (self->name_row);
  g_autofree char *organization = get_line (self->organization_row);
  g_autofree char *title = get_line (self->title_row);
  g_autofree char *note = get_note (self);
  g_auto(GStrv) emails = collect_values (self, self->emails_list);
  g_auto(GStrv) phones = collect_values (self, self->phones_list);
  const char * const none[] = { NULL };

  return text_differs (contact ? tn_contact_get_full_name (contact) : NULL, name) ||
         text_differs (contact ? tn_contact_get_organization (contact) : NULL, organization) ||
         text_differs (contact ? tn_contact_get_title (contact) : NULL, title) ||
         text_differs (contact ? tn_contact_get_note (contact) : NULL, note) ||
         !g_strv_equal (contact ? tn_contact_get_emails (contact) : none, (const char * const *) emails) ||
         !g_strv_equal (contact ? tn_contact_get_phones (contact) : none, (const char * const *) phones) ||
         tn_trust_chooser_get_trust (self->trust_chooser) != (contact ? tn_contact_get_trust (contact) : TN_TRUST_UNRATED);
}

void
_tn_contact_pane_apply_form (TnContactPane *self,
            TnContact     *draft)
{
  g_autofree char *name = get_line (self->name_row);
  g_autofree char *organization = get_line (self->organization_row);
  g_autofree char *title = get_line (self->title_row);
  g_autofree char *note = get_note (self);
  g_auto(GStrv) emails = collect_values (self, self->emails_list);
  g_auto(GStrv) phones = collect_values (self, self->phones_list);

  tn_contact_set_full_name (draft, name);
  tn_contact_set_organization (draft, organization);
  tn_contact_set_title (draft, title);
  /* Notes are kept exactly as typed, blank lines and all. */
  tn_contact_set_note (draft, note);
  tn_contact_set_emails (draft, (const char * const *) emails);
  tn_contact_set_phones (draft, (const char * const *) phones);
  tn_contact_set_trust (draft, tn_trust_chooser_get_trust (self->trust_chooser));
}

static void
add_email_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TnContactPane *self = TN_CONTACT_PANE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (add_value_row (self, self->emails_list, NULL)));
  _tn_contact_pane_update_state (self);
}

static void
add_phone_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TnContactPane *self = TN_CONTACT_PANE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (add_value_row (self, self->phones_list, NULL)));
  _tn_contact_pane_update_state (self);
}

/**
 * _tn_contact_pane_get_name:
 * @self: a pane
 *
 * Returns: (transfer full) (nullable): the name typed, cleaned, or %NULL while it is blank
 */
char *
_tn_contact_pane_get_name (TnContactPane *self)
{
  return get_line (self->name_row);
}

/* Empties the addresses and numbers, so that the previous person's rows do not linger. */
void
_tn_contact_pane_clear_values (TnContactPane *self)
{
  clear_values (self, self->emails_list);
  clear_values (self, self->phones_list);
}

void
_tn_contact_pane_class_form_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "pane.add-email", NULL, add_email_action);
  gtk_widget_class_install_action (widget_class, "pane.add-phone", NULL, add_phone_action);
}
