/* tn-preferences-window.c — Preferences: every row bound to its GSettings key, and the
 * "Remind me when TrustNet is closed" switch kept in step with the autostart entry.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-preferences-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tn-autostart.h"
#include "tn-preferences-window.h"
#include "tn-program.h"
#include "tn-self-settings.h"
#include "tn-text.h"
#include "tn-toast.h"
#include "tn-window.h"

struct _TnPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings *settings;
  /* Set while the background switch is put back after a failure, so that
   * putting it back does not try to write the autostart entry again. */
  gboolean reverting_background;

  /* Template children */
  GtkSwitch *reminder_switch;
  AdwComboRow *weekday_row;
  AdwComboRow *hour_row;
  GtkSwitch *background_switch;
  AdwActionRow *completely_row;
  GtkSpinButton *completely_spin;
  AdwActionRow *moderately_row;
  GtkSpinButton *moderately_spin;
  AdwActionRow *vaguely_row;
  GtkSpinButton *vaguely_spin;
  GtkSpinButton *goal_spin;
  AdwEntryRow *employer_row;
  GtkMenuButton *organizations_button;
};

G_DEFINE_FINAL_TYPE (TnPreferencesWindow, tn_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* ---- Weekday and hour ---------------------------------------------------------------------- */

/* The locale's weekday names, Monday first, as the reminder-weekday key counts (1 = Monday). */
static GListModel *
create_weekday_model (void)
{
  GtkStringList *weekdays = gtk_string_list_new (NULL);

  /* 1 January 2024 was a Monday. */
  for (int day = 1; day <= 7; day++)
    {
      g_autoptr(GDateTime) date = g_date_time_new_utc (2024, 1, day, 12, 0, 0);
      g_autofree char *name = g_date_time_format (date, "%A");

      gtk_string_list_append (weekdays, name);
    }

  return G_LIST_MODEL (weekdays);
}

/* Whether the locale writes times on a 12-hour clock: its own time format
 * shows 13:00 without a "13" then ("1:00:00 PM"). */
static gboolean
locale_uses_twelve_hours (void)
{
  g_autoptr(GDateTime) afternoon = g_date_time_new_utc (2024, 1, 1, 13, 0, 0);
  g_autofree char *text = g_date_time_format (afternoon, "%X");

  return text != NULL && strstr (text, "13") == NULL;
}

/* 00:00 to 23:00, one per hour, as the locale writes a time of day. */
static GListModel *
create_hour_model (void)
{
  GtkStringList *hours = gtk_string_list_new (NULL);
  const char *format = locale_uses_twelve_hours () ? "%-l:%M %p" : "%H:%M";

  for (int hour = 0; hour < 24; hour++)
    {
      g_autoptr(GDateTime) time = g_date_time_new_utc (2024, 1, 1, hour, 0, 0);
      g_autofree char *text = g_date_time_format (time, format);

      gtk_string_list_append (hours, text);
    }

  return G_LIST_MODEL (hours);
}

/* The weekday key counts from 1, the combo row's positions from 0. */
static gboolean
weekday_from_setting (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  g_value_set_uint (value, g_variant_get_int32 (variant) - 1);
  return TRUE;
}

static GVariant *
weekday_to_setting (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  /* GTK_INVALID_LIST_POSITION while the model is replaced: keep the key. */
  if (position >= 7)
    return NULL;

  return g_variant_new_int32 (position + 1);
}

/* ---- Cadence --------------------------------------------------------------------------------- */

static void
on_cadence_changed_cb (GtkSpinButton *spin,
                       AdwActionRow  *row)
{
  int weeks = gtk_spin_button_get_value_as_int (spin);
  /* The unit shows beside the number; the subtitle says what the number does. */
  g_autofree char *subtitle = g_strdup_printf (ngettext ("Overdue after %d week without contact",
                                                         "Overdue after %d weeks without contact", weeks),
                                               weeks);
  GtkLabel *unit = g_object_get_data (G_OBJECT (spin), "tn-unit");

  adw_action_row_set_subtitle (row, subtitle);
  /* TRANSLATORS: the unit after a number of weeks in a spin button: "[ 4 ] weeks" */
  gtk_label_set_text (unit, ngettext ("week", "weeks", weeks));
}

static void
bind_cadence (TnPreferencesWindow *self,
              const char          *key,
              GtkSpinButton       *spin,
              AdwActionRow        *row)
{
  GtkWidget *unit = gtk_label_new (NULL);
  g_autofree char *unit_name = g_strconcat (key, "-unit", NULL);

  /* The number alone does not say weeks: the unit follows it, as in "[ 4 ] weeks". */
  gtk_label_set_xalign (GTK_LABEL (unit), 0);
  gtk_label_set_width_chars (GTK_LABEL (unit), 5);
  gtk_widget_set_name (unit, unit_name);
  adw_action_row_add_suffix (row, unit);
  g_object_set_data (G_OBJECT (spin), "tn-unit", unit);

  g_signal_connect_object (spin, "value-changed", G_CALLBACK (on_cadence_changed_cb), row, 0);
  g_settings_bind (self->settings, key, spin, "value", G_SETTINGS_BIND_DEFAULT);
  on_cadence_changed_cb (spin, row);
}

/* ---- Running in the background ------------------------------------------------------------ */

static void
on_error_details_clicked_cb (AdwToast            *toast,
                             TnPreferencesWindow *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), g_object_get_data (G_OBJECT (toast), "error-heading"),
                                   g_object_get_data (G_OBJECT (toast), "error-message"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A toast is too narrow for a path and a reason: it says what failed, and
 * its Details button shows the whole message. */
static void
show_background_error (TnPreferencesWindow *self,
                       gboolean             enabling,
                       const GError        *error)
{
  const char *heading = enabling ? _("Could not turn on starting at login")
                                 : _("Could not turn off starting at login");
  AdwToast *toast = tn_toast_new (heading);

  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_timeout (toast, 10);
  /* The toast's title is a widget of its own once shown (see tn_toast_show()). */
  g_object_set_data (G_OBJECT (toast), "error-heading", (gpointer) heading);
  g_object_set_data_full (G_OBJECT (toast), "error-message", g_strdup (error->message), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_error_details_clicked_cb), self, 0);
  tn_toast_show (GTK_WIDGET (self), toast);
}

/* The entry starts this TrustNet's `trustnet` (beside this window's program or installed)
 * on the database this window has open, so that the reminder at login speaks of the same
 * people. */
static gboolean
set_autostart (TnPreferencesWindow  *self,
               gboolean              enabled,
               GError              **error)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *program = tn_program_find (TN_PROGRAM_COMMAND_LINE);
  const char *database_path = NULL;

  if (TN_IS_WINDOW (parent))
    database_path = tn_store_get_path (tn_window_get_store (TN_WINDOW (parent)));

  return tn_autostart_set_enabled (enabled, program, database_path, error);
}

static void
on_background_changed_cb (TnPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  gboolean active = gtk_switch_get_active (self->background_switch);

  if (self->reverting_background)
    return;

  if (set_autostart (self, active, &error))
    return;

  show_background_error (self, active, error);

  /* The switch says what will happen at the next login: put it back. The
   * binding writes the setting back with it. */
  self->reverting_background = TRUE;
  gtk_switch_set_active (self->background_switch, !active);
  self->reverting_background = FALSE;
}

/* The autostart entry is what starts TrustNet at login; the setting only
 * remembers it. Someone may have removed the file, or copied a home folder
 * without it: the switch shows what the next login will do. */
static void
bind_background (TnPreferencesWindow *self)
{
  gboolean enabled = tn_autostart_is_enabled ();

  if (g_settings_get_boolean (self->settings, "run-in-background") != enabled)
    g_settings_set_boolean (self->settings, "run-in-background", enabled);

  g_settings_bind (self->settings, "run-in-background", self->background_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->background_switch, "notify::active",
                           G_CALLBACK (on_background_changed_cb), self, G_CONNECT_SWAPPED);
}

/* ---- Where I work now: completion from the contacts' organizations --------------------------- */

#define N_SUGGESTED_ORGANIZATIONS 8

typedef struct
{
  char *name;   /* the first spelling met */
  guint count;
} OrganizationCount;

static void
organization_count_free (gpointer data)
{
  OrganizationCount *organization = data;

  g_free (organization->name);
  g_free (organization);
}

static int
compare_by_count (gconstpointer a,
                  gconstpointer b)
{
  const OrganizationCount *first = *(OrganizationCount * const *) a;
  const OrganizationCount *second = *(OrganizationCount * const *) b;

  if (first->count != second->count)
    return first->count > second->count ? -1 : 1;
  return g_utf8_collate (first->name, second->name);
}

/* The organizations of the window's contacts that match what is typed (all of them when
 * nothing does), most frequent first: the employer is usually the most common one. */
static GPtrArray *
list_organizations (TnPreferencesWindow *self,
                    const char          *typed)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (organization_count_free);
  g_autofree char *folded_typed = tn_text_fold_for_search (typed);
  GPtrArray *matching = g_ptr_array_new_with_free_func (g_free);
  GListModel *contacts;

  g_strstrip (folded_typed);
  if (!TN_IS_WINDOW (parent) || tn_window_get_store (TN_WINDOW (parent)) == NULL)
    return g_steal_pointer (&matching);

  contacts = tn_store_get_contacts (tn_window_get_store (TN_WINDOW (parent)));
  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(TnContact) contact = g_list_model_get_item (contacts, i);
      g_autofree char *name = g_strstrip (g_strdup (tn_contact_get_organization (contact) != NULL ? tn_contact_get_organization (contact) : ""));
      g_autofree char *key = tn_text_fold_for_search (name);
      OrganizationCount *organization;

      if (*key == '\0')
        continue;
      organization = g_hash_table_lookup (by_key, key);
      if (organization == NULL)
        {
          organization = g_new0 (OrganizationCount, 1);
          organization->name = g_steal_pointer (&name);
          g_ptr_array_add (all, organization);
          g_hash_table_insert (by_key, g_steal_pointer (&key), organization);
        }
      organization->count++;
    }
  g_ptr_array_sort (all, compare_by_count);

  for (guint pass = 0; pass < 2 && matching->len == 0; pass++)
    for (guint i = 0; i < all->len && matching->len < N_SUGGESTED_ORGANIZATIONS; i++)
      {
        OrganizationCount *organization = all->pdata[i];
        g_autofree char *folded = tn_text_fold_for_search (organization->name);

        if (pass == 1 || *folded_typed == '\0' || strstr (folded, folded_typed) != NULL)
          g_ptr_array_add (matching, g_strdup (organization->name));
      }
  return matching;
}

/* The settings' own change, shown, comes back here too: only a different value is the
 * person's. */
static void
on_goal_changed_cb (TnPreferencesWindow *self)
{
  int goal = gtk_spin_button_get_value_as_int (self->goal_spin);

  if (goal != g_settings_get_int (self->settings, TN_SELF_SETTINGS_GOAL))
    tn_self_settings_set (self->settings, TN_SELF_SETTINGS_GOAL, g_variant_new_int32 (goal), 0);
}

static void
on_employer_changed_cb (TnPreferencesWindow *self)
{
  const char *employer = gtk_editable_get_text (GTK_EDITABLE (self->employer_row));
  g_autofree char *before = g_settings_get_string (self->settings, TN_SELF_SETTINGS_EMPLOYER);

  if (!g_str_equal (employer, before))
    tn_self_settings_set (self->settings, TN_SELF_SETTINGS_EMPLOYER, g_variant_new_string (employer), 0);
}

static void
on_organization_activated_cb (GtkListBox          *list,
                              GtkListBoxRow       *row,
                              TnPreferencesWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->employer_row),
                         adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  gtk_menu_button_popdown (self->organizations_button);
}

/* Made each time it opens, from the contacts as they are and the text as typed. */
static void
create_organizations_popover_cb (GtkMenuButton *button,
                                 gpointer       user_data)
{
  TnPreferencesWindow *self = user_data;
  g_autoptr(GPtrArray) organizations = list_organizations (self, gtk_editable_get_text (GTK_EDITABLE (self->employer_row)));
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *list = gtk_list_box_new ();

  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_size_request (list, 240, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Organizations of your contacts"), -1);
  for (guint i = 0; i < organizations->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), organizations->pdata[i]);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  if (organizations->len == 0)
    {
      GtkWidget *empty = gtk_label_new (_("None of your contacts has an organization yet"));

      gtk_widget_add_css_class (empty, "dim-label");
      gtk_popover_set_child (GTK_POPOVER (popover), empty);
    }
  else
    {
      gtk_popover_set_child (GTK_POPOVER (popover), list);
    }
  g_signal_connect_object (list, "row-activated", G_CALLBACK (on_organization_activated_cb), self, 0);
  gtk_menu_button_set_popover (button, popover);
}

static void
set_up_organizations (TnPreferencesWindow *self)
{
  self->organizations_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_widget_set_name (GTK_WIDGET (self->organizations_button), "employer-organizations-button");
  gtk_menu_button_set_icon_name (self->organizations_button, "pan-down-symbolic");
  gtk_widget_set_valign (GTK_WIDGET (self->organizations_button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->organizations_button), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->organizations_button), _("Choose from your contacts’ organizations"));
  gtk_menu_button_set_create_popup_func (self->organizations_button, create_organizations_popover_cb, self, NULL);
  adw_entry_row_add_suffix (self->employer_row, GTK_WIDGET (self->organizations_button));
}

/* ---- The window ------------------------------------------------------------------------------ */

static void
tn_preferences_window_dispose (GObject *object)
{
  TnPreferencesWindow *self = (TnPreferencesWindow *) object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tn_preferences_window_parent_class)->dispose (object);
}

static void
tn_preferences_window_class_init (TnPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tn_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/TrustNet/ui/tn-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TnPreferencesWindow, reminder_switch);
  gtk_widget_class_bind_template_child (widget_class, TnPreferencesWindow, weekday_row);
  gtk_widget_class_bind_template_child (widget_class, TnPreferencesWindow, hour_row);
  gtk_widget_class_bind_template_child (widget_class, TnPreferencesWindow, background_switch);
  gtk_widget_class_bind_template_child (widget_class, TnPreferencesWindow, completely_row);
  gtk_widget_class_bind_template_child (widget_class, TnPreferencesWindow, completely_spin);
  gtk_widget_class_bind_template_child (widget_class, TnPreferencesWindow, moderately_row);
  gtk_widget_class_bind_template_child (widget_class, TnPreferencesWindow, moderately_spin);
  gtk_widget_class_bind_template_child (widget_class, TnPreferencesWindow, vaguely_row);
  gtk_widget_class_bind_template_child (widget_class, TnPreferencesWindow, vaguely_spin);
  gtk_widget_class_bind_template_child (widget_class, TnPreferencesWindow, goal_spin);
  gtk_widget_class_bind_template_child (widget_class, TnPreferencesWindow, employer_row);
}

static void
tn_preferences_window_init (TnPreferencesWindow *self)
{
  g_autoptr(GListModel) weekdays = create_weekday_model ();
  g_autoptr(GListModel) hours = create_hour_model ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);

  g_settings_bind (self->settings, "reminder-enabled", self->reminder_switch, "active", G_SETTINGS_BIND_DEFAULT);

  /* Day and time mean nothing while there is no reminder. Their own bindings
   * leave "sensitive" alone: by default they would bind it to the key's
   * writability, replacing this binding. */
  adw_combo_row_set_model (self->weekday_row, weekdays);
  g_settings_bind_with_mapping (self->settings, "reminder-weekday", self->weekday_row, "selected",
                                G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_NO_SENSITIVITY,
                                weekday_from_setting, weekday_to_setting, NULL, NULL);
  adw_combo_row_set_model (self->hour_row, hours);
  g_settings_bind (self->settings, "reminder-hour", self->hour_row, "selected",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_NO_SENSITIVITY);
  g_settings_bind (self->settings, "reminder-enabled", self->weekday_row, "sensitive", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "reminder-enabled", self->hour_row, "sensitive", G_SETTINGS_BIND_GET);

  bind_background (self);

  bind_cadence (self, "cadence-weeks-completely", self->completely_spin, self->completely_row);
  bind_cadence (self, "cadence-weeks-moderately", self->moderately_spin, self->moderately_row);
  bind_cadence (self, "cadence-weeks-vaguely", self->vaguely_spin, self->vaguely_row);

  /* Shown as the settings say; set through tn_self_settings_set(), which records when (for
   * sync). Connected after the bindings, which set the widgets once as they are made. */
  g_settings_bind (self->settings, TN_SELF_SETTINGS_GOAL, self->goal_spin, "value", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, TN_SELF_SETTINGS_EMPLOYER, self->employer_row, "text", G_SETTINGS_BIND_GET);
  g_signal_connect_object (self->goal_spin, "notify::value", G_CALLBACK (on_goal_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->employer_row, "notify::text", G_CALLBACK (on_employer_changed_cb), self,
                           G_CONNECT_SWAPPED);
  set_up_organizations (self);
}

/**
 * tn_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 *
 * The new window joins @parent's application, so that the application can
 * find it and show it again rather than open a second one.
 *
 * Returns: (transfer none): a new window, not shown yet
 */
GtkWidget *
tn_preferences_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (TN_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
}
