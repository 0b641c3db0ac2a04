/* tn-contact-pane-details.c — what the contact pane shows before Edit: a row per detail
 * the contact has, none for what they lack. An email row opens the desktop's mail app on a
 * mailto: address, a phone row its phone app on a tel: one; the notes as they were typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-contact-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-adw-words.h"
#include "tn-contact-pane-details.h"
#include "tn-contact-uri.h"

struct _TnContactPaneDetails
{
  AdwBin parent_instance;

  /* Template children */
  GtkWidget *details_group;
  GtkListBox *details_list;
  GtkWidget *note_group;
  GtkLabel *note_label;
};

G_DEFINE_FINAL_TYPE (TnContactPaneDetails, tn_contact_pane_details, ADW_TYPE_BIN)

/* The row keeps the URI it opens; rows without one only show a value. */
#define ROW_URI_KEY "tn-uri"

static void
show_message (TnContactPaneDetails *self,
              const char           *message)
{
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message))
    g_message ("%s", message);
}

/* A detail as GNOME Contacts shows one: the value, and under it what it is. */
static GtkWidget *
add_row (TnContactPaneDetails *self,
         const char           *value,
         const char           *what)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), value);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), what);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  /* A value can be copied; the row is for reading. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  tn_adw_words_hold_in_action_row (ADW_ACTION_ROW (row));
  gtk_list_box_append (self->details_list, row);

  return row;
}

/* A row that opens @uri, with an icon saying what a click does. */
static void
add_link_row (TnContactPaneDetails *self,
              const char           *value,
              const char           *what,
              char                 *uri,
              const char           *icon_name,
              const char           *action)
{
  GtkWidget *row = add_row (self, value, what);
  GtkWidget *icon;

  if (uri == NULL)
    return;

  icon = gtk_image_new_from_icon_name (icon_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, action, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
  gtk_widget_set_tooltip_text (row, action);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), ROW_URI_KEY, uri, g_free);
}

static void
clear_rows (TnContactPaneDetails *self)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->details_list, 0)) != NULL)
    gtk_list_box_remove (self->details_list, GTK_WIDGET (row));
}

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

static void
load (TnContactPaneDetails *self,
      TnContact            *contact)
{
  const char *organization, *title, *note;
  const char * const *emails;
  const char * const *phones;

  clear_rows (self);
  gtk_widget_set_visible (self->details_group, FALSE);
  gtk_widget_set_visible (self->note_group, FALSE);
  if (contact == NULL)
    return;

  organization = tn_contact_get_organization (contact);
  title = tn_contact_get_title (contact);
  emails = tn_contact_get_emails (contact);
  phones = tn_contact_get_phones (contact);
  note = tn_contact_get_note (contact);

  if (!is_blank (organization))
    add_row (self, organization, _("Organization"));
  if (!is_blank (title))
    add_row (self, title, _("Job Title"));
  for (guint i = 0; emails != NULL && emails[i] != NULL; i++)
    add_link_row (self, emails[i], _("Email"), tn_contact_uri_for_email (emails[i]),
                  "mail-unread-symbolic", _("Write an email"));
  for (guint i = 0; phones != NULL && phones[i] != NULL; i++)
    add_link_row (self, phones[i], _("Phone"), tn_contact_uri_for_phone (phones[i]),
                  "call-start-symbolic", _("Call"));

  gtk_widget_set_visible (self->details_group, gtk_list_box_get_row_at_index (self->details_list, 0) != NULL);

  gtk_label_set_text (self->note_label, note != NULL ? note : "");
  gtk_widget_set_visible (self->note_group, !is_blank (note));
}

/* Opening a link */

typedef struct
{
  GWeakRef details;
  char *uri;
} Launch;

static void
launch_free (Launch *launch)
{
  g_weak_ref_clear (&launch->details);
  g_free (launch->uri);
  g_free (launch);
}

static void
on_uri_shown_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Launch *launch = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TnContactPaneDetails) self = g_weak_ref_get (&launch->details);

  /* No mail or phone app: say so, where the person clicked. */
  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not open %s: %s"), launch->uri, error->message);

      if (self != NULL)
        show_message (self, message);
      else
        g_message ("%s", message);
    }

  launch_free (launch);
}

static void
on_row_activated_cb (TnContactPaneDetails *self,
                     GtkListBoxRow        *row,
                     GtkListBox           *list)
{
  const char *uri = g_object_get_data (G_OBJECT (row), ROW_URI_KEY);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  Launch *launch;

  if (uri == NULL || !GTK_IS_WINDOW (root))
    return;

  launch = g_new0 (Launch, 1);
  g_weak_ref_init (&launch->details, self);
  launch->uri = g_strdup (uri);

  /* GTK 4.8 has no GtkUriLauncher yet: gtk_show_uri_full() asks the desktop (or the
   * portal, in a sandbox) for the app that handles mailto: or tel:. */
  gtk_show_uri_full (GTK_WINDOW (root), uri, GDK_CURRENT_TIME, NULL, on_uri_shown_cb, launch);
}

/* GObject */

static void
tn_contact_pane_details_dispose (GObject *object)
{
  TnContactPaneDetails *self = TN_CONTACT_PANE_DETAILS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TN_TYPE_CONTACT_PANE_DETAILS);

  G_OBJECT_CLASS (tn_contact_pane_details_parent_class)->dispose (object);
}

static void
tn_contact_pane_details_class_init (TnContactPaneDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tn_contact_pane_details_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/TrustNet/ui/tn-contact-pane-details.ui");
  gtk_widget_class_bind_template_child (widget_class, TnContactPaneDetails, details_group);
  gtk_widget_class_bind_template_child (widget_class, TnContactPaneDetails, details_list);
  gtk_widget_class_bind_template_child (widget_class, TnContactPaneDetails, note_group);
  gtk_widget_class_bind_template_child (widget_class, TnContactPaneDetails, note_label);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
}

static void
tn_contact_pane_details_init (TnContactPaneDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  load (self, NULL);
}

/**
 * tn_contact_pane_details_new:
 *
 * Returns: (transfer floating): a read view showing no one yet
 */
GtkWidget *
tn_contact_pane_details_new (void)
{
  return g_object_new (TN_TYPE_CONTACT_PANE_DETAILS, NULL);
}

/**
 * tn_contact_pane_details_show:
 * @self: a read view
 * @contact: (nullable): the contact to show, or %NULL for no one
 *
 * Shows @contact's details as they are now; the pane calls it again whenever they change.
 */
void
tn_contact_pane_details_show (TnContactPaneDetails *self,
                              TnContact            *contact)
{
  g_return_if_fail (TN_IS_CONTACT_PANE_DETAILS (self));
  g_return_if_fail (contact == NULL || TN_IS_CONTACT (contact));

  load (self, contact);
}
