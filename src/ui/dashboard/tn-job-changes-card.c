/* tn-job-changes-card.c — the dashboard's "Changed Jobs": the job changes imports noticed
 * of people who trust you completely, then moderately, each with Log… and Dismiss. The
 * card hides itself when there are none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-job-changes-card"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tn-job-changes-card.h"
#include "tn-log-dialog.h"
#include "tn-store-jobs.h"

/* More would make the card the tallest of the dashboard; the command line lists all. */
#define MAX_SHOWN 6

struct _TnJobChangesCard
{
  GtkFlowBoxChild parent_instance;

  /* Owned References */
  TnStore *store;
  guint refresh_source;

  /* Template Widgets */
  GtkListBox *list;

  guint n_shown;
};

G_DEFINE_FINAL_TYPE (TnJobChangesCard, tn_job_changes_card, GTK_TYPE_FLOW_BOX_CHILD)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_log_clicked_cb (GtkButton        *button,
                   TnJobChangesCard *self)
{
  gint64 contact_id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "contact-id"));
  TnContact *contact = tn_store_get_contact_by_id (self->store, contact_id);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (!GTK_IS_WINDOW (root))
    return;

  if (contact == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s",
                                  _("That person was already deleted; nothing was changed"));
      return;
    }

  gtk_window_present (GTK_WINDOW (tn_log_dialog_new_for_contact (GTK_WINDOW (root), self->store, contact)));
}

static void
on_dismiss_clicked_cb (GtkButton        *button,
                       TnJobChangesCard *self)
{
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "job-change-id"));
  g_autoptr(GError) error = NULL;

  if (!tn_store_dismiss_job_change (self->store, id, &error))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);

  tn_job_changes_card_refresh (self);
}

static GtkWidget *
new_button (TnJobChangesCard *self,
            const char       *mnemonic,
            const char       *accessible,
            const char       *data_key,
            gint64            data,
            GCallback         clicked)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (mnemonic);

  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), data_key, GSIZE_TO_POINTER ((gsize) data));
  g_signal_connect_object (button, "clicked", clicked, self, 0);
  return button;
}

static GtkWidget *
new_row (TnJobChangesCard  *self,
         const TnJobChange *change)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *from = tn_job_change_describe_job (change->from_organization, change->from_title);
  g_autofree char *to = tn_job_change_describe_job (change->to_organization, change->to_title);
  g_autofree char *subtitle = NULL;
  g_autofree char *log_label = g_strdup_printf (_("Log an interaction with %s"), change->name);
  g_autofree char *dismiss_label = g_strdup_printf (_("Dismiss %s’s job change"), change->name);
  GtkWidget *dismiss;

  /* TRANSLATORS: "Completely · now CTO at Initech, before Engineer at Acme" */
  subtitle = g_strdup_printf (_("%s · now %s, before %s"), tn_trust_get_label (change->trust), to, from);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), change->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* Both jobs in full, however narrow the window: they are the news. */
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             new_button (self, _("_Log…"), log_label, "contact-id", change->contact_id,
                                         G_CALLBACK (on_log_clicked_cb)));
  dismiss = new_button (self, _("_Dismiss"), dismiss_label, "job-change-id", change->id,
                        G_CALLBACK (on_dismiss_clicked_cb));
  gtk_widget_add_css_class (dismiss, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dismiss);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

/**
 * tn_job_changes_card_refresh:
 * @self: a card
 *
 * Reads the job changes again and shows them.
 */
void
tn_job_changes_card_refresh (TnJobChangesCard *self)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  g_return_if_fail (TN_IS_JOB_CHANGES_CARD (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_shown = 0;

  if (self->store != NULL)
    {
      changes = tn_store_list_job_changes (self->store, TN_JOB_CHANGES_FLAGS_NOT_DISMISSED, &error);
      if (changes == NULL)
        g_warning ("The job changes: %s", error->message);
    }

  /* 1s first, then 2s: the store's order. */
  for (guint i = 0; changes != NULL && i < changes->len && self->n_shown < MAX_SHOWN; i++)
    {
      TnJobChange *change = g_ptr_array_index (changes, i);

      if (change->trust != TN_TRUST_COMPLETELY && change->trust != TN_TRUST_MODERATELY)
        continue;
      gtk_list_box_append (self->list, new_row (self, change));
      self->n_shown++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self), self->n_shown > 0);
}

/**
 * tn_job_changes_card_get_n_shown:
 * @self: a card
 *
 * Returns: how many job changes the card shows
 */
guint
tn_job_changes_card_get_n_shown (TnJobChangesCard *self)
{
  g_return_val_if_fail (TN_IS_JOB_CHANGES_CARD (self), 0);

  return self->n_shown;
}

static gboolean
refresh_cb (gpointer user_data)
{
  TnJobChangesCard *self = user_data;

  self->refresh_source = 0;
  tn_job_changes_card_refresh (self);
  return G_SOURCE_REMOVE;
}

/* An import of thousands of contacts costs one refresh, as the dashboard's own. */
static void
on_store_changed_cb (TnJobChangesCard *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add_full (G_PRIORITY_LOW, refresh_cb, self, NULL);
}

TnStore *
tn_job_changes_card_get_store (TnJobChangesCard *self)
{
  g_return_val_if_fail (TN_IS_JOB_CHANGES_CARD (self), NULL);

  return self->store;
}

void
tn_job_changes_card_set_store (TnJobChangesCard *self,
                               TnStore          *store)
{
  g_return_if_fail (TN_IS_JOB_CHANGES_CARD (self));
  g_return_if_fail (store == NULL || TN_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_data (tn_store_get_contacts (self->store), self);
      g_signal_handlers_disconnect_by_data (self->store, self);
    }

  g_set_object (&self->store, store);

  if (store != NULL)
    {
      /* An import, an undo or a rating changes whom the card shows. */
      g_signal_connect_object (tn_store_get_contacts (store), "items-changed", G_CALLBACK (on_store_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed-elsewhere", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
    }

  on_store_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static void
tn_job_changes_card_dispose (GObject *object)
{
  TnJobChangesCard *self = TN_JOB_CHANGES_CARD (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tn_job_changes_card_parent_class)->dispose (object);
}

static void
tn_job_changes_card_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TnJobChangesCard *self = TN_JOB_CHANGES_CARD (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_job_changes_card_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TnJobChangesCard *self = TN_JOB_CHANGES_CARD (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tn_job_changes_card_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_job_changes_card_class_init (TnJobChangesCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tn_job_changes_card_dispose;
  object_class->get_property = tn_job_changes_card_get_property;
  object_class->set_property = tn_job_changes_card_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TN_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/TrustNet/ui/tn-job-changes-card.ui");
  gtk_widget_class_bind_template_child (widget_class, TnJobChangesCard, list);
}

static void
tn_job_changes_card_init (TnJobChangesCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
