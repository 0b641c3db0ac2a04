/* tn-contact-timeline.c — a contact's "Keep in Touch" section in the side pane: how
 * often to meet (the trust rating's default or the contact's own), whether they are
 * overdue, and the lunches, calls and emails logged with them, newest first, each
 * with Edit and Delete (with Undo).
 *
 * Unlike the form above it, everything here is saved at once: logging and choosing
 * how often are things done, not fields being drafted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-contact-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-cadence.h"
#include "tn-clock.h"
#include "tn-contact-timeline.h"
#include "tn-interaction-undo.h"
#include "tn-log-dialog.h"
#include "tn-store-jobs.h"

/* What "How Often" offers, in weeks; 0 follows the trust rating. A contact's own
 * interval that is not one of these (set from the command line) is added to the list. */
static const int cadence_presets[] = { 0, 1, 2, 4, 8, 12, 26, 52 };

struct _TnContactTimeline
{
  AdwBin parent_instance;

  TnStore *store;
  gulong interactions_changed_id;
  /* Followed so that "today", "yesterday" and "Due in" move on at midnight. */
  TnClock *clock;
  TnContact *contact;
  gulong contact_notify_id;
  GSettings *settings;

  /* The weeks of each entry of the "How Often" list, in its order. */
  GArray *cadence_choices;
  /* The history as listed, newest first; rows refer to it by position. */
  GPtrArray *interactions;
  /* Set while the widgets are filled from the contact, so that is not taken for a choice. */
  gboolean loading;
  /* "How Often" is filled again from an idle callback when the contact changes: the
   * change may come from the row's own selection, whose model must not be replaced
   * while it is announcing it. */
  guint load_cadence_source;

  /* Template children */
  AdwActionRow *status_row;
  GtkWidget *status_icon;
  AdwComboRow *cadence_row;
  GtkListBox *history_list;
  /* "Heard your statement": whether they heard the current brand statement version. */
  GtkWidget *heard_row;
  GtkSwitch *heard_switch;
  gulong brand_changed_id;
  /* Another process may mark who heard it: that changes no field of the contact. */
  gulong changed_elsewhere_id;
  gboolean loading_heard;
};

G_DEFINE_FINAL_TYPE (TnContactTimeline, tn_contact_timeline, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CONTACT,
  PROP_CLOCK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_message (TnContactTimeline *self,
              const char        *message)
{
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message))
    g_message ("%s", message);
}

static const char *
kind_icon_name (TnInteractionKind kind)
{
  switch (kind)
    {
    case TN_INTERACTION_LUNCH:
      return "emoji-food-symbolic";
    case TN_INTERACTION_COFFEE:
      /* TrustNet's own (the resources' icons/): Adwaita has no cup. */
      return "tn-coffee-symbolic";
    case TN_INTERACTION_CALL:
      return "call-start-symbolic";
    case TN_INTERACTION_EMAIL:
      return "mail-unread-symbolic";
    case TN_INTERACTION_MESSAGE:
      return "chat-message-new-symbolic";
    case TN_INTERACTION_MEETING:
      return "system-users-symbolic";
    case TN_INTERACTION_EVENT:
      return "x-office-calendar-symbolic";
    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
format_day (const char *day)
{
  g_autoptr(GDateTime) when = day != NULL ? tn_clock_parse_iso8601 (day, NULL) : NULL;

  if (when == NULL)
    return g_strdup (day != NULL ? day : "");

  /* TRANSLATORS: the full date in the "Last contact" tooltip, see g_date_time_format() */
  return g_date_time_format (when, _("%A, %-d %B %Y"));
}

static char *
describe_cadence (int weeks)
{
  if (weeks == 52)
    return g_strdup (_("Once a year"));

  return g_strdup_printf (ngettext ("Every week", "Every %d weeks", weeks), weeks);
}

/* The status row: whether they are overdue or when they are due (the title), and when
 * you were last in touch (the subtitle). */
static void
update_status (TnContactTimeline *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *title = NULL;
  g_autofree char *since = NULL;
  TnCadence cadence;
  int days, weeks, days_left;
  gboolean overdue;

  if (self->contact == NULL)
    return;

  now = tn_clock_now ();
  tn_cadence_init_from_settings (&cadence, self->settings);
  weeks = tn_cadence_weeks_for (&cadence, self->contact);
  days = tn_cadence_days_since_contact (self->contact, now);
  overdue = tn_cadence_is_overdue (&cadence, self->contact, now);
  days_left = tn_cadence_days_until_due (weeks, days);

  /* Nobody met yet: the clock runs from the day they were added, and says so plainly. */
  if (tn_contact_get_last_contact (self->contact) == NULL && days == 0)
    since = g_strdup (_("Added today; nothing logged yet"));
  else if (tn_contact_get_last_contact (self->contact) == NULL && days == 1)
    since = g_strdup (_("Added yesterday; nothing logged since"));
  else if (tn_contact_get_last_contact (self->contact) == NULL)
    since = g_strdup_printf (ngettext ("Added %d day ago; nothing logged since",
                                       "Added %d days ago; nothing logged since", days),
                             days);
  else if (days == 0)
    since = g_strdup (_("Last in touch today"));
  else if (days == 1)
    since = g_strdup (_("Last in touch yesterday"));
  else if (days < 14)
    since = g_strdup_printf (ngettext ("Last in touch %d day ago", "Last in touch %d days ago", days), days);
  else
    since = g_strdup_printf (ngettext ("Last in touch %d week ago", "Last in touch %d weeks ago", days / 7),
                             days / 7);

  if (weeks == 0)
    title = g_strdup (_("No reminder: rate them or choose how often"));
  else if (overdue)
    title = g_strdup (_("Overdue"));
  else
    title = g_strdup_printf (ngettext ("Due in %d day", "Due in %d days", days_left), days_left);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), title);
  adw_action_row_set_subtitle (self->status_row, since);
  /* The alarm always shows, so the row lines up with the others; lit only when overdue. */
  if (overdue)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), "dim-label");
  if (overdue)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_row), "overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_row), "overdue");
}

/* "How Often": first what the trust rating says, with its figure, then the presets,
 * with the contact's own interval in its place if it is none of them. */
static void
load_cadence (TnContactTimeline *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  TnCadence cadence;
  int own, tier_weeks;
  guint selected = 0;

  if (self->contact == NULL)
    return;

  tn_cadence_init_from_settings (&cadence, self->settings);
  own = tn_contact_get_cadence_weeks (self->contact);
  tier_weeks = tn_cadence_weeks_for_trust (&cadence, tn_contact_get_trust (self->contact));

  g_array_set_size (self->cadence_choices, 0);
  g_array_append_vals (self->cadence_choices, cadence_presets, G_N_ELEMENTS (cadence_presets));
  for (guint i = 0; own > 0 && i <= self->cadence_choices->len; i++)
    {
      if (i == self->cadence_choices->len || g_array_index (self->cadence_choices, int, i) > own)
        {
          g_array_insert_val (self->cadence_choices, i, own);
          break;
        }
      if (g_array_index (self->cadence_choices, int, i) == own)
        break;
    }

  for (guint i = 0; i < self->cadence_choices->len; i++)
    {
      int weeks = g_array_index (self->cadence_choices, int, i);
      g_autofree char *label = NULL;

      if (weeks == 0 && tier_weeks == 0)
        label = g_strdup (_("Not until they are rated"));
      else if (weeks == 0)
        label = g_strdup_printf (ngettext ("Every %d week, as for their trust rating",
                                           "Every %d weeks, as for their trust rating", tier_weeks),
                                 tier_weeks);
      else
        label = describe_cadence (weeks);

      gtk_string_list_append (labels, label);
      if (weeks == own)
        selected = i;
    }

  self->loading = TRUE;
  adw_combo_row_set_model (self->cadence_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->cadence_row, selected);
  self->loading = FALSE;
}

static gboolean
load_cadence_cb (gpointer user_data)
{
  TnContactTimeline *self = user_data;

  self->load_cadence_source = 0;
  load_cadence (self);
  return G_SOURCE_REMOVE;
}

static void
queue_load_cadence (TnContactTimeline *self)
{
  if (self->load_cadence_source == 0)
    self->load_cadence_source = g_idle_add (load_cadence_cb, self);
}

static void
on_cadence_selected_cb (TnContactTimeline *self,
                        GParamSpec        *pspec,
                        AdwComboRow       *row)
{
  g_autoptr(TnContact) changes = NULL;
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (row);
  int weeks;

  if (self->loading || self->contact == NULL || self->store == NULL ||
      selected >= self->cadence_choices->len)
    return;

  weeks = g_array_index (self->cadence_choices, int, selected);
  if (weeks == tn_contact_get_cadence_weeks (self->contact))
    return;

  changes = tn_contact_copy (self->contact);
  tn_contact_set_cadence_weeks (changes, weeks);
  if (!tn_store_update_contact (self->store, self->contact, changes, &error))
    {
      show_message (self, error->message);
      queue_load_cadence (self);
    }
}

/* History */

static GtkWidget *
new_icon_button (const char *icon_name,
                 const char *label,
                 const char *action_name,
                 guint       position)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", position);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

static GtkWidget *
new_history_row (TnInteraction *interaction,
                 guint          position)
{
  TnInteractionKind kind = tn_interaction_get_kind (interaction);
  const char *kind_label = tn_interaction_kind_get_label (kind);
  const char *note = tn_interaction_get_note (interaction);
  g_autofree char *title = NULL;
  g_autofree char *day = format_day (tn_interaction_get_day (interaction));
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (kind_icon_name (kind));

  if (tn_interaction_get_one_on_one (interaction))
    title = g_strdup (kind_label);
  else
    /* TRANSLATORS: "Lunch, with a group" */
    title = g_strdup_printf (_("%s, with a group"), kind_label);

  /* TRANSLATORS: "Tuesday, 10 November 2026 — Introduced her to Grace" */
  subtitle = note != NULL ? g_strdup_printf (_("%s — %s"), day, note) : g_strdup (day);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  if (tn_interaction_get_gave_value (interaction))
    {
      GtkWidget *star = gtk_image_new_from_icon_name ("starred-symbolic");
      const char *gave = _("You gave something of value");

      gtk_widget_set_tooltip_text (star, gave);
      gtk_accessible_update_property (GTK_ACCESSIBLE (star), GTK_ACCESSIBLE_PROPERTY_LABEL, gave, -1);
      gtk_widget_add_css_class (star, "gave-value");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), star);
    }

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             new_icon_button ("document-edit-symbolic", _("Edit"), "timeline.edit", position));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             new_icon_button ("user-trash-symbolic", _("Delete"), "timeline.delete", position));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  /* Job changes sit between the interactions: a row knows its interaction (from 1). */
  g_object_set_data (G_OBJECT (row), "interaction", GUINT_TO_POINTER (position + 1));

  return row;
}

/* A job change an import noticed, in the history where it happened (issue 16). */
static GtkWidget *
new_job_change_row (const TnJobChange *change)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *to = tn_job_change_describe_job (change->to_organization, change->to_title);
  g_autofree char *from = tn_job_change_describe_job (change->from_organization, change->from_title);
  g_autofree char *title = g_strdup_printf (_("Now %s"), to);
  g_autofree char *day = format_day (change->noticed_on);
  /* TRANSLATORS: "Tuesday, 10 November 2026 — before: Engineer at Acme" */
  g_autofree char *subtitle = g_strdup_printf (_("%s — before: %s"), day, from);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("network-workgroup-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
load_history (TnContactTimeline *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  guint next_change = 0;
  GtkListBoxRow *row;

  /* Rows only: the list's placeholder is a child too, and must stay. */
  while ((row = gtk_list_box_get_row_at_index (self->history_list, 0)) != NULL)
    gtk_list_box_remove (self->history_list, GTK_WIDGET (row));
  g_clear_pointer (&self->interactions, g_ptr_array_unref);

  if (self->contact == NULL || self->store == NULL)
    return;

  self->interactions = tn_store_list_interactions (self->store, self->contact, &error);
  if (self->interactions == NULL)
    {
      show_message (self, error->message);
      return;
    }

  /* Both lists are newest first; a job change goes before the interactions of its day. */
  changes = tn_store_list_contact_job_changes (self->store, self->contact, NULL);
  for (guint i = 0; i < self->interactions->len; i++)
    {
      TnInteraction *interaction = g_ptr_array_index (self->interactions, i);

      for (; changes != NULL && next_change < changes->len &&
             g_strcmp0 (((TnJobChange *) g_ptr_array_index (changes, next_change))->noticed_on,
                        tn_interaction_get_day (interaction)) >= 0;
           next_change++)
        gtk_list_box_append (self->history_list, new_job_change_row (g_ptr_array_index (changes, next_change)));
      gtk_list_box_append (self->history_list, new_history_row (interaction, i));
    }
  for (; changes != NULL && next_change < changes->len; next_change++)
    gtk_list_box_append (self->history_list, new_job_change_row (g_ptr_array_index (changes, next_change)));
}

static TnInteraction *
interaction_at (TnContactTimeline *self,
                GVariant          *position)
{
  guint i = g_variant_get_uint32 (position);

  if (self->interactions == NULL || i >= self->interactions->len)
    return NULL;

  return g_ptr_array_index (self->interactions, i);
}

static void
open_edit_dialog (TnContactTimeline *self,
                  TnInteraction     *interaction)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  TnLogDialog *dialog;

  if (!GTK_IS_WINDOW (root) || self->store == NULL || self->contact == NULL)
    return;

  dialog = tn_log_dialog_new_for_edit (GTK_WINDOW (root), self->store, self->contact, interaction);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_history_row_activated_cb (TnContactTimeline *self,
                             GtkListBoxRow     *row,
                             GtkListBox        *list)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "interaction"));

  if (self->interactions != NULL && i > 0 && i <= self->interactions->len)
    open_edit_dialog (self, g_ptr_array_index (self->interactions, i - 1));
}

/* Delete, with Undo */

static void
delete_interaction (TnContactTimeline *self,
                    TnInteraction     *interaction)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnInteraction) kept = g_object_ref (interaction);
  g_autofree char *day = NULL;
  g_autofree char *title = NULL;

  if (!tn_store_remove_interaction (self->store, self->contact, kept, &error))
    {
      show_message (self, error->message);
      return;
    }

  day = format_day (tn_interaction_get_day (kept));
  /* TRANSLATORS: "Lunch of Tuesday, 10 November 2026 deleted" */
  title = g_strdup_printf (_("%s of %s deleted"), tn_interaction_kind_get_label (tn_interaction_get_kind (kept)), day);
  tn_interaction_undo_show_toast (GTK_WIDGET (self), title, TN_INTERACTION_UNDO_DELETE,
                                  self->store, self->contact, kept, FALSE);
}

/* Actions */

static void
log_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TnContactTimeline *self = TN_CONTACT_TIMELINE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  TnLogDialog *dialog;

  if (!GTK_IS_WINDOW (root) || self->store == NULL || self->contact == NULL)
    return;

  dialog = tn_log_dialog_new_for_contact (GTK_WINDOW (root), self->store, self->contact);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TnContactTimeline *self = TN_CONTACT_TIMELINE (widget);
  TnInteraction *interaction = interaction_at (self, parameter);

  if (interaction != NULL)
    open_edit_dialog (self, interaction);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TnContactTimeline *self = TN_CONTACT_TIMELINE (widget);
  TnInteraction *interaction = interaction_at (self, parameter);

  if (interaction != NULL)
    delete_interaction (self, interaction);
}

/* Following the store, the contact and the settings */

static void
on_interactions_changed_cb (TnContactTimeline *self,
                            TnContact         *contact,
                            TnStore           *store)
{
  if (contact == self->contact)
    load_history (self);
}

static void
on_contact_notify_cb (TnContactTimeline *self,
                      GParamSpec        *pspec,
                      TnContact         *contact)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "trust") || g_str_equal (name, "cadence-weeks"))
    queue_load_cadence (self);
  if (g_str_equal (name, "trust") || g_str_equal (name, "cadence-weeks") || g_str_equal (name, "last-contact"))
    update_status (self);
  /* A job change comes with a new organization or title. */
  if (g_str_equal (name, "organization") || g_str_equal (name, "title"))
    load_history (self);
}

static void
on_cadence_settings_changed_cb (TnContactTimeline *self,
                                const char        *key,
                                GSettings         *settings)
{
  if (g_str_has_prefix (key, "cadence-weeks-"))
    {
      queue_load_cadence (self);
      update_status (self);
    }
}

/* Shown only once there is a statement to have heard. */
static void
update_heard (TnContactTimeline *self)
{
  g_autoptr(TnBrandVersion) current = NULL;

  if (self->store != NULL && self->contact != NULL)
    current = tn_store_get_current_brand_statement (self->store, NULL);

  gtk_widget_set_visible (self->heard_row, current != NULL);
  if (current == NULL)
    return;

  self->loading_heard = TRUE;
  gtk_switch_set_active (self->heard_switch, tn_store_get_heard_brand (self->store, self->contact));
  self->loading_heard = FALSE;
}

static void
on_heard_active_cb (TnContactTimeline *self)
{
  g_autoptr(GError) error = NULL;

  if (self->loading_heard || self->store == NULL || self->contact == NULL)
    return;

  if (!tn_store_set_heard_brand (self->store, self->contact, gtk_switch_get_active (self->heard_switch), &error))
    {
      show_message (self, error->message);
      update_heard (self);
    }
}

static void
tn_contact_timeline_dispose (GObject *object)
{
  TnContactTimeline *self = TN_CONTACT_TIMELINE (object);

  tn_contact_timeline_set_contact (self, NULL);
  tn_contact_timeline_set_store (self, NULL);
  g_clear_object (&self->clock);
  g_clear_handle_id (&self->load_cadence_source, g_source_remove);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->interactions, g_ptr_array_unref);
  g_clear_pointer (&self->cadence_choices, g_array_unref);

  G_OBJECT_CLASS (tn_contact_timeline_parent_class)->dispose (object);
}

static void
tn_contact_timeline_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TnContactTimeline *self = TN_CONTACT_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CONTACT:
      g_value_set_object (value, self->contact);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_contact_timeline_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TnContactTimeline *self = TN_CONTACT_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tn_contact_timeline_set_store (self, g_value_get_object (value));
      break;
    case PROP_CONTACT:
      tn_contact_timeline_set_contact (self, g_value_get_object (value));
      break;
    case PROP_CLOCK:
      tn_contact_timeline_set_clock (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_contact_timeline_class_init (TnContactTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tn_contact_timeline_dispose;
  object_class->get_property = tn_contact_timeline_get_property;
  object_class->set_property = tn_contact_timeline_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TN_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTACT] =
    g_param_spec_object ("contact", NULL, NULL, TN_TYPE_CONTACT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, TN_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/TrustNet/ui/tn-contact-timeline.ui");
  gtk_widget_class_bind_template_child (widget_class, TnContactTimeline, status_row);
  gtk_widget_class_bind_template_child (widget_class, TnContactTimeline, status_icon);
  gtk_widget_class_bind_template_child (widget_class, TnContactTimeline, cadence_row);
  gtk_widget_class_bind_template_child (widget_class, TnContactTimeline, history_list);
  gtk_widget_class_bind_template_callback (widget_class, on_cadence_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_history_row_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, TnContactTimeline, heard_row);
  gtk_widget_class_bind_template_child (widget_class, TnContactTimeline, heard_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_heard_active_cb);

  gtk_widget_class_install_action (widget_class, "timeline.log", NULL, log_action);
  gtk_widget_class_install_action (widget_class, "timeline.edit", "u", edit_action);
  gtk_widget_class_install_action (widget_class, "timeline.delete", "u", delete_action);
}

static void
tn_contact_timeline_init (TnContactTimeline *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cadence_choices = g_array_new (FALSE, FALSE, sizeof (int));
  self->settings = g_settings_new ("org.example.TrustNet");
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_cadence_settings_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

/**
 * tn_contact_timeline_new:
 *
 * Returns: (transfer floating): a timeline showing no one yet
 */
GtkWidget *
tn_contact_timeline_new (void)
{
  return g_object_new (TN_TYPE_CONTACT_TIMELINE, NULL);
}

/**
 * tn_contact_timeline_set_store:
 * @self: a timeline
 * @store: (nullable): the store the contact is in
 */
void
tn_contact_timeline_set_store (TnContactTimeline *self,
                               TnStore           *store)
{
  g_return_if_fail (TN_IS_CONTACT_TIMELINE (self));
  g_return_if_fail (store == NULL || TN_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->interactions_changed_id, self->store);
      g_clear_signal_handler (&self->brand_changed_id, self->store);
      g_clear_signal_handler (&self->changed_elsewhere_id, self->store);
    }

  g_set_object (&self->store, store);

  if (self->store != NULL)
    self->interactions_changed_id =
      g_signal_connect_object (self->store, "interactions-changed",
                               G_CALLBACK (on_interactions_changed_cb), self, G_CONNECT_SWAPPED);
  if (self->store != NULL)
    self->brand_changed_id =
      g_signal_connect_object (self->store, "brand-changed", G_CALLBACK (update_heard), self, G_CONNECT_SWAPPED);
  if (self->store != NULL)
    self->changed_elsewhere_id =
      g_signal_connect_object (self->store, "changed-elsewhere", G_CALLBACK (update_heard), self, G_CONNECT_SWAPPED);

  load_history (self);
  update_heard (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * tn_contact_timeline_set_clock:
 * @self: a timeline
 * @clock: (nullable): the clock whose day-changed updates the status row
 */
void
tn_contact_timeline_set_clock (TnContactTimeline *self,
                               TnClock           *clock)
{
  g_return_if_fail (TN_IS_CONTACT_TIMELINE (self));
  g_return_if_fail (clock == NULL || TN_IS_CLOCK (clock));

  if (tn_clock_set_followed (&self->clock, clock, G_CALLBACK (update_status), self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOCK]);
}

/**
 * tn_contact_timeline_get_contact:
 * @self: a timeline
 *
 * Returns: (transfer none) (nullable): the contact shown
 */
TnContact *
tn_contact_timeline_get_contact (TnContactTimeline *self)
{
  g_return_val_if_fail (TN_IS_CONTACT_TIMELINE (self), NULL);

  return self->contact;
}

/**
 * tn_contact_timeline_set_contact:
 * @self: a timeline
 * @contact: (nullable): a contact of the store, or %NULL
 */
void
tn_contact_timeline_set_contact (TnContactTimeline *self,
                                 TnContact         *contact)
{
  g_return_if_fail (TN_IS_CONTACT_TIMELINE (self));
  g_return_if_fail (contact == NULL || TN_IS_CONTACT (contact));

  if (self->contact == contact)
    return;

  if (self->contact != NULL)
    g_clear_signal_handler (&self->contact_notify_id, self->contact);

  g_set_object (&self->contact, contact);

  if (self->contact != NULL)
    self->contact_notify_id =
      g_signal_connect_object (self->contact, "notify", G_CALLBACK (on_contact_notify_cb),
                               self, G_CONNECT_SWAPPED);

  load_cadence (self);
  update_status (self);
  load_history (self);
  update_heard (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT]);
}

/**
 * tn_contact_timeline_get_cadence_row:
 * @self: a timeline
 *
 * Returns: (transfer none): the "How Often" row, for tests
 */
AdwComboRow *
tn_contact_timeline_get_cadence_row (TnContactTimeline *self)
{
  g_return_val_if_fail (TN_IS_CONTACT_TIMELINE (self), NULL);

  return self->cadence_row;
}

/**
 * tn_contact_timeline_get_history_list:
 * @self: a timeline
 *
 * Returns: (transfer none): the list of logged interactions, for tests
 */
GtkListBox *
tn_contact_timeline_get_history_list (TnContactTimeline *self)
{
  g_return_val_if_fail (TN_IS_CONTACT_TIMELINE (self), NULL);

  return self->history_list;
}
