/* tn-log-dialog.c — "Log Lunch…": who (fixed, or picked by searching as you type),
 * what, which day, and a note; or the same form over an interaction already logged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-log-dialog"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "tn-clock.h"
#include "tn-contacts-by-name.h"
#include "tn-interaction-undo.h"
#include "tn-log-dialog-private.h"
#include "tn-search.h"
#include "tn-text.h"

struct _TnLogDialog
{
  AdwWindow parent_instance;

  TnStore *store;
  /* The person: fixed, picked, or %NULL while the picker waits for a choice. */
  TnContact *contact;
  /* In edit mode, the interaction the form changes; %NULL when logging a new one. */
  TnInteraction *interaction;
  /* Whether the contact had heard the statement when the form was filled: in edit mode
   * the switch shows it, and a change to it is a change to save. */
  gboolean heard_before;
  gboolean picker;

  TnSearch *search;
  /* YYYY-MM-DD, so that days compare as text. */
  char *today;
  char *day;

  /* Template children */
  AdwWindowTitle *window_title;
  GtkWidget *save_button;
  GtkLabel *error_label;
  GtkWidget *who_group;
  GtkStack *who_stack;
  GtkSearchEntry *search_entry;
  GtkStack *matches_stack;
  GtkListView *matches_view;
  GtkLabel *empty_label;
  GtkSingleSelection *selection;
  AdwActionRow *picked_row;
  AdwComboRow *kind_row;
  GtkStringList *kind_labels;
  GtkMenuButton *day_button;
  GtkCalendar *calendar;
  GtkWidget *day_error_label;
  GtkSwitch *group_switch;
  GtkSwitch *gave_value_switch;
  /* Shown for a new log once there is a brand statement. */
  GtkWidget *heard_brand_row;
  GtkSwitch *heard_brand_switch;
  AdwEntryRow *note_row;
  GtkSortListModel *sort_model;
  GtkFilterListModel *filter_model;
  GtkCustomFilter *filter;
  GtkCustomSorter *sorter;
};

G_DEFINE_FINAL_TYPE (TnLogDialog, tn_log_dialog, ADW_TYPE_WINDOW)

/* Whole sentences per kind, so that translators never have to glue a kind into a phrase. */
typedef struct
{
  const char *log_title;
  const char *edit_title;
  const char *logged;
  const char *saved;
} KindTexts;

static const KindTexts kind_texts[] = {
  [TN_INTERACTION_LUNCH] = { N_("Log Lunch"), N_("Edit Lunch"),
                             N_("Lunch with %s logged"), N_("Lunch with %s saved") },
  [TN_INTERACTION_COFFEE] = { N_("Log Coffee"), N_("Edit Coffee"),
                              N_("Coffee with %s logged"), N_("Coffee with %s saved") },
  [TN_INTERACTION_CALL] = { N_("Log Call"), N_("Edit Call"),
                            N_("Call with %s logged"), N_("Call with %s saved") },
  [TN_INTERACTION_EMAIL] = { N_("Log Email"), N_("Edit Email"),
                             N_("Email with %s logged"), N_("Email with %s saved") },
  [TN_INTERACTION_MESSAGE] = { N_("Log Message"), N_("Edit Message"),
                               N_("Message with %s logged"), N_("Message with %s saved") },
  [TN_INTERACTION_MEETING] = { N_("Log Meeting"), N_("Edit Meeting"),
                               N_("Meeting with %s logged"), N_("Meeting with %s saved") },
  [TN_INTERACTION_EVENT] = { N_("Log Event"), N_("Edit Event"),
                             N_("Event with %s logged"), N_("Event with %s saved") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_texts) == TN_INTERACTION_KIND_LAST + 1);

static TnInteractionKind
get_kind (TnLogDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  return selected <= TN_INTERACTION_KIND_LAST ? (TnInteractionKind) selected : TN_INTERACTION_LUNCH;
}

/* "Analytical Engines · Completely": enough to tell two people of one name apart. */
static char *
describe_contact (TnContact *contact)
{
  const char *organization = tn_contact_get_organization (contact);
  const char *trust = tn_trust_get_label (tn_contact_get_trust (contact));

  if (organization == NULL || *organization == '\0')
    organization = tn_contact_get_primary_email (contact);
  if (organization == NULL || *organization == '\0')
    return g_strdup (trust);

  /* TRANSLATORS: a contact's organization (or email) and trust rating, e.g. "Acme · Completely" */
  return g_strdup_printf (_("%s · %s"), organization, trust);
}

static void
update_title (TnLogDialog *self)
{
  const KindTexts *texts = &kind_texts[get_kind (self)];
  const char *title = _(self->interaction != NULL ? texts->edit_title : texts->log_title);

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title,
                                 self->contact != NULL ? tn_contact_get_full_name (self->contact) : NULL);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
update_state (TnLogDialog *self)
{
  gboolean future;

  /* The kinds are listed before the form has a day: nothing to show yet. */
  if (self->day == NULL)
    return;

  future = strcmp (self->day, self->today) > 0;

  gtk_widget_set_visible (self->day_error_label, future);
  if (future)
    gtk_widget_add_css_class (GTK_WIDGET (self->day_button), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->day_button), "error");

  gtk_widget_set_sensitive (self->save_button, tn_log_dialog_get_can_save (self));
}

static void
show_error (TnLogDialog *self,
            const char  *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The day */

static GDateTime *
parse_day (const char *day)
{
  int year, month, date;

  if (!tn_interaction_day_is_valid (day) || sscanf (day, "%4d-%2d-%2d", &year, &month, &date) != 3)
    return NULL;

  return g_date_time_new_local (year, month, date, 12, 0, 0);
}

static char *
format_day (TnLogDialog *self,
            GDateTime   *date)
{
  g_autoptr(GDateTime) today = parse_day (self->today);
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (today, -1);
  g_autofree char *day = g_date_time_format (date, "%Y-%m-%d");
  g_autofree char *yesterday_day = g_date_time_format (yesterday, "%Y-%m-%d");

  if (g_str_equal (day, self->today))
    return g_strdup (_("Today"));
  if (g_str_equal (day, yesterday_day))
    return g_strdup (_("Yesterday"));

  /* TRANSLATORS: the day of an interaction, see g_date_time_format() */
  return g_date_time_format (date, _("%A, %-d %B %Y"));
}

static void
set_day (TnLogDialog *self,
         const char  *day)
{
  g_autoptr(GDateTime) date = parse_day (day);
  g_autofree char *label = NULL;

  g_assert (date != NULL);

  if (g_strcmp0 (self->day, day) == 0)
    return;

  g_free (self->day);
  self->day = g_strdup (day);

  label = format_day (self, date);
  gtk_menu_button_set_label (self->day_button, label);
  gtk_calendar_select_day (self->calendar, date);
  update_state (self);
}

static void
on_day_selected_cb (TnLogDialog *self,
                    GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *day = g_date_time_format (date, "%Y-%m-%d");

  set_day (self, day);
}

/* Picking the person */

/* Runs for each of up to 100,000 contacts per keystroke: each contact keeps its folded key. */
static gboolean
filter_contact (gpointer item,
                gpointer user_data)
{
  TnLogDialog *self = user_data;

  return tn_search_matches_contact (self->search, item);
}

/* The people who count most come first: 1s, then 2s, 3s, the unrated; by name within each. */
static int
compare_contacts (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  guint rank_a = tn_trust_get_sort_rank (tn_contact_get_trust ((TnContact *) a));
  guint rank_b = tn_trust_get_sort_rank (tn_contact_get_trust ((TnContact *) b));
  int order;

  if (rank_a != rank_b)
    return rank_a < rank_b ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;

  order = strcmp (tn_contact_get_sort_key ((TnContact *) a), tn_contact_get_sort_key ((TnContact *) b));
  return order < 0 ? GTK_ORDERING_SMALLER : order > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
update_matches (TnLogDialog *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0;

  /* While the filter still runs, an empty list only means "not yet". */
  if (empty && gtk_filter_list_model_get_pending (self->filter_model) > 0)
    return;

  if (empty)
    gtk_label_set_text (self->empty_label,
                        !tn_search_is_empty (self->search) ? _("No one matches") : _("No contacts yet"));
  gtk_stack_set_visible_child_name (self->matches_stack, empty ? "empty" : "list");
}

static void
on_matches_changed_cb (TnLogDialog *self)
{
  update_matches (self);
}

static void
on_search_changed_cb (TnLogDialog    *self,
                      GtkSearchEntry *entry)
{
  g_autoptr(TnSearch) old = g_steal_pointer (&self->search);
  GtkFilterChange change;

  /* Parsed once per keystroke, not once per contact checked. */
  self->search = tn_search_new (gtk_editable_get_text (GTK_EDITABLE (entry)));
  if (tn_search_equal (old, self->search))
    return;

  /* The contacts list's rule: words that only grow or are added can only hide rows. */
  if (tn_search_is_narrower (self->search, old))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (tn_search_is_narrower (old, self->search))
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  gtk_filter_changed (GTK_FILTER (self->filter), change);
  gtk_single_selection_set_selected (self->selection, 0);
  update_matches (self);
}

static void
pick (TnLogDialog *self,
      TnContact   *contact)
{
  g_autofree char *description = NULL;

  g_set_object (&self->contact, contact);
  update_title (self);
  update_state (self);

  if (contact == NULL)
    {
      gtk_stack_set_visible_child_name (self->who_stack, "search");
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      return;
    }

  description = describe_contact (contact);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->picked_row), tn_contact_get_full_name (contact));
  adw_action_row_set_subtitle (self->picked_row, description);
  gtk_stack_set_visible_child_name (self->who_stack, "picked");
}

/* Once the person is known, the next thing to type is the note; Enter there logs. */
static void
pick_and_move_on (TnLogDialog *self,
                  TnContact   *contact)
{
  pick (self, contact);
  if (contact != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->note_row));
}

static void
on_search_activate_cb (TnLogDialog    *self,
                       GtkSearchEntry *entry)
{
  TnContact *contact = gtk_single_selection_get_selected_item (self->selection);

  if (contact != NULL)
    pick_and_move_on (self, contact);
}

static void
on_match_activate_cb (TnLogDialog *self,
                      guint        position,
                      GtkListView *view)
{
  g_autoptr(TnContact) contact = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  pick_and_move_on (self, contact);
}

static void
on_stop_search_cb (TnLogDialog    *self,
                   GtkSearchEntry *entry)
{
  /* The search entry takes Escape for itself; in this dialog Escape cancels. */
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_change_clicked_cb (TnLogDialog *self,
                      GtkButton   *button)
{
  pick (self, NULL);
}

/* Down and Up move through the matches while the typing stays in the search entry. */
static gboolean
on_search_key_pressed_cb (TnLogDialog           *self,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          GtkEventControllerKey *controller)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint selected = gtk_single_selection_get_selected (self->selection);

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0 || n_items == 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      selected = selected == GTK_INVALID_LIST_POSITION ? 0 : MIN (selected + 1, n_items - 1);
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      selected = selected == GTK_INVALID_LIST_POSITION || selected == 0 ? 0 : selected - 1;
      break;
    default:
      return GDK_EVENT_PROPAGATE;
    }

  gtk_single_selection_set_selected (self->selection, selected);
  gtk_widget_activate_action (GTK_WIDGET (self->matches_view), "list.scroll-to-item", "u", selected);
  return GDK_EVENT_STOP;
}

static GtkWidget *
append_line_label (GtkWidget *box)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

/* A match: the avatar, the name, and below it the organization and trust. */
static void
setup_match_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *description;

  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (text, TRUE);

  append_line_label (text);
  description = append_line_label (text);
  gtk_widget_add_css_class (description, "caption");
  gtk_widget_add_css_class (description, "dim-label");

  gtk_box_append (GTK_BOX (box), adw_avatar_new (32, NULL, TRUE));
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_item_set_child (item, box);
}

static void
bind_match_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  TnContact *contact = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *avatar = gtk_widget_get_first_child (box);
  GtkWidget *name = gtk_widget_get_first_child (gtk_widget_get_next_sibling (avatar));
  GtkWidget *description = gtk_widget_get_next_sibling (name);
  g_autofree char *text = describe_contact (contact);

  adw_avatar_set_text (ADW_AVATAR (avatar), tn_contact_get_full_name (contact));
  gtk_label_set_text (GTK_LABEL (name), tn_contact_get_full_name (contact));
  gtk_label_set_text (GTK_LABEL (description), text);
}

/* Saving */

static gboolean
get_heard (TnLogDialog *self)
{
  return gtk_widget_get_visible (self->heard_brand_row) && gtk_switch_get_active (self->heard_brand_switch);
}

/* In edit mode: whether the form says anything the logged interaction does not. */
static gboolean
form_differs (TnLogDialog *self)
{
  TnInteraction *logged = self->interaction;
  g_autofree char *note = tn_text_clean_line (gtk_editable_get_text (GTK_EDITABLE (self->note_row)));

  g_assert (logged != NULL);

  return get_kind (self) != tn_interaction_get_kind (logged) ||
         g_strcmp0 (self->day, tn_interaction_get_day (logged)) != 0 ||
         gtk_switch_get_active (self->group_switch) == tn_interaction_get_one_on_one (logged) ||
         gtk_switch_get_active (self->gave_value_switch) != tn_interaction_get_gave_value (logged) ||
         g_strcmp0 (note, tn_interaction_get_note (logged)) != 0 ||
         (gtk_widget_get_visible (self->heard_brand_row) && get_heard (self) != self->heard_before);
}

static void
on_form_changed_cb (TnLogDialog *self)
{
  update_state (self);
}

static void
on_save_clicked_cb (TnLogDialog *self,
                    GtkButton   *button)
{
  tn_log_dialog_save (self);
}

static void
fill_interaction (TnLogDialog   *self,
                  TnInteraction *interaction)
{
  g_autofree char *note = tn_text_clean_line (gtk_editable_get_text (GTK_EDITABLE (self->note_row)));

  tn_interaction_set_one_on_one (interaction, !gtk_switch_get_active (self->group_switch));
  tn_interaction_set_gave_value (interaction, gtk_switch_get_active (self->gave_value_switch));
  tn_interaction_set_note (interaction, note);
}

/* A new interaction: returns it as logged, for Undo, or %NULL. */
static TnInteraction *
log_interaction (TnLogDialog  *self,
                 GError      **error)
{
  g_autoptr(TnInteraction) draft = tn_interaction_new (get_kind (self), self->day);

  fill_interaction (self, draft);
  /* One transaction: the lunch and that they heard the statement are logged together. */
  if (!tn_store_log_interaction_with_brand (self->store, self->contact, draft, get_heard (self), error))
    return NULL;

  return g_steal_pointer (&draft);
}

static gboolean
update_interaction (TnLogDialog  *self,
                    GError      **error)
{
  g_autoptr(TnInteraction) draft = tn_interaction_copy (self->interaction);

  /* The store writes the draft first; only then does the interaction take its fields. */
  tn_interaction_set_kind (draft, get_kind (self));
  tn_interaction_set_day (draft, self->day);
  fill_interaction (self, draft);
  if (!tn_store_update_interaction (self->store, self->contact, self->interaction, draft, error))
    return FALSE;

  /* A second write: should it fail, the entry is saved and the dialog says what was not. */
  if (gtk_widget_get_visible (self->heard_brand_row) && get_heard (self) != self->heard_before)
    {
      if (!tn_store_set_heard_brand (self->store, self->contact, get_heard (self), error))
        return FALSE;
      self->heard_before = get_heard (self);
    }

  return TRUE;
}

/**
 * tn_log_dialog_save:
 * @self: a log dialog
 *
 * Writes the interaction. On success the dialog tells its parent window
 * ("Lunch with Ada Lovelace logged") and closes; on failure it says why and
 * keeps everything typed, and the database is as it was.
 *
 * Returns: %TRUE if the interaction was written
 */
gboolean
tn_log_dialog_save (TnLogDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnInteraction) logged = NULL;
  g_autofree char *message = NULL;
  const KindTexts *texts = &kind_texts[get_kind (self)];
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  gboolean heard_before;

  g_return_val_if_fail (TN_IS_LOG_DIALOG (self), FALSE);

  if (!tn_log_dialog_get_can_save (self))
    return FALSE;

  if (self->interaction != NULL)
    {
      if (!update_interaction (self, &error))
        {
          show_error (self, error->message);
          return FALSE;
        }

      message = g_strdup_printf (_(texts->saved), tn_contact_get_full_name (self->contact));
      if (parent == NULL || !gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-toast", "s", message))
        g_debug ("%s", message);
    }
  else
    {
      heard_before = tn_store_get_heard_brand (self->store, self->contact);
      logged = log_interaction (self, &error);
      if (logged == NULL)
        {
          show_error (self, error->message);
          return FALSE;
        }

      /* Logged with the wrong person or on the wrong day: Undo, rather than hunt for it. */
      message = g_strdup_printf (_(texts->logged), tn_contact_get_full_name (self->contact));
      if (parent != NULL)
        tn_interaction_undo_show_toast (GTK_WIDGET (parent), message, TN_INTERACTION_UNDO_LOG, self->store,
                                        self->contact, logged, get_heard (self) && !heard_before);
    }

  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

/* GObject */

static void
on_kind_notify_cb (TnLogDialog *self,
                   GParamSpec  *pspec,
                   AdwComboRow *row)
{
  update_title (self);
  update_state (self);
}

static void
tn_log_dialog_dispose (GObject *object)
{
  TnLogDialog *self = (TnLogDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), TN_TYPE_LOG_DIALOG);

  G_OBJECT_CLASS (tn_log_dialog_parent_class)->dispose (object);
}

static void
tn_log_dialog_finalize (GObject *object)
{
  TnLogDialog *self = (TnLogDialog *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->contact);
  g_clear_object (&self->interaction);
  g_clear_pointer (&self->search, tn_search_free);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->day, g_free);

  G_OBJECT_CLASS (tn_log_dialog_parent_class)->finalize (object);
}

static void
tn_log_dialog_class_init (TnLogDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tn_log_dialog_dispose;
  object_class->finalize = tn_log_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/TrustNet/ui/tn-log-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TnLogDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, TnLogDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, TnLogDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, TnLogDialog, who_group);
  gtk_widget_class_bind_template_child (widget_class, TnLogDialog, who_stack);
  gtk_widget_class_bind_template_child (widget_class, TnLogDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TnLogDialog, matches_stack);
  gtk_widget_class_bind_template_child (widget_class, TnLogDialog, matches_view);
  gtk_widget_class_bind_template_child (widget_class, TnLogDialog, empty_label);
  gtk_widget_class_bind_template_child (widget_class, TnLogDialog, selection);
  gtk_widget_class_bind_template_child (widget_class, TnLogDialog, picked_row);
  gtk_widget_class_bind_template_child (widget_class, TnLogDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, TnLogDialog, kind_labels);
  gtk_widget_class_bind_template_child (widget_class, TnLogDialog, day_button);
  gtk_widget_class_bind_template_child (widget_class, TnLogDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, TnLogDialog, day_error_label);
  gtk_widget_class_bind_template_child (widget_class, TnLogDialog, group_switch);
  gtk_widget_class_bind_template_child (widget_class, TnLogDialog, gave_value_switch);
  gtk_widget_class_bind_template_child (widget_class, TnLogDialog, heard_brand_row);
  gtk_widget_class_bind_template_child (widget_class, TnLogDialog, heard_brand_switch);
  gtk_widget_class_bind_template_child (widget_class, TnLogDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, TnLogDialog, sort_model);
  gtk_widget_class_bind_template_child (widget_class, TnLogDialog, filter_model);
  gtk_widget_class_bind_template_child (widget_class, TnLogDialog, filter);
  gtk_widget_class_bind_template_child (widget_class, TnLogDialog, sorter);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_match_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_matches_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_change_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_notify_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tn_log_dialog_init (TnLogDialog *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GDateTime) now = tn_clock_now ();
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->search = tn_search_new ("");
  self->today = g_date_time_format (now, "%Y-%m-%d");

  for (TnInteractionKind kind = 0; kind <= TN_INTERACTION_KIND_LAST; kind++)
    gtk_string_list_append (self->kind_labels, tn_interaction_kind_get_label (kind));

  gtk_custom_filter_set_filter_func (self->filter, filter_contact, self, NULL);
  gtk_custom_sorter_set_sort_func (self->sorter, compare_contacts, NULL, NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_match_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_match_cb), NULL);
  gtk_list_view_set_factory (self->matches_view, factory);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_search_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);

  /* In edit mode Save waits for a change; each of these may be one. */
  g_signal_connect_object (self->group_switch, "notify::active", G_CALLBACK (on_form_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->gave_value_switch, "notify::active", G_CALLBACK (on_form_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->heard_brand_switch, "notify::active", G_CALLBACK (on_form_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->note_row, "changed", G_CALLBACK (on_form_changed_cb), self, G_CONNECT_SWAPPED);

  set_day (self, self->today);
}

static TnLogDialog *
log_dialog_new (GtkWindow         *parent,
                TnStore           *store,
                TnContact         *contact,
                TnInteractionKind  kind,
                gboolean           picker)
{
  TnLogDialog *self = g_object_new (TN_TYPE_LOG_DIALOG, "transient-for", parent, NULL);
  g_autoptr(TnBrandVersion) statement = tn_store_get_current_brand_statement (store, NULL);

  self->store = g_object_ref (store);
  gtk_widget_set_visible (self->heard_brand_row, statement != NULL);
  self->picker = picker;
  gtk_widget_set_visible (self->who_group, picker);
  adw_combo_row_set_selected (self->kind_row, kind);

  /* Given in name order, the sort (ratings first, then names) finds most of its work done. */
  if (picker)
    {
      GListModel *by_name = tn_store_get_contacts_by_name (store);

      tn_contacts_by_name_wait (TN_CONTACTS_BY_NAME (by_name));
      gtk_sort_list_model_set_model (self->sort_model, by_name);
    }

  pick (self, contact);
  gtk_widget_grab_focus (contact != NULL ? GTK_WIDGET (self->note_row) : GTK_WIDGET (self->search_entry));
  return self;
}

/**
 * tn_log_dialog_new_for_contact:
 * @parent: the window that shows the toast once the interaction is logged
 * @store: the store
 * @contact: the contact met, of @store
 *
 * Returns: (transfer none): a new dialog that logs a lunch (or any other kind)
 *   with @contact, not shown yet; it destroys itself when closed
 */
TnLogDialog *
tn_log_dialog_new_for_contact (GtkWindow *parent,
                               TnStore   *store,
                               TnContact *contact)
{
  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TN_IS_STORE (store), NULL);
  g_return_val_if_fail (TN_IS_CONTACT (contact), NULL);

  return log_dialog_new (parent, store, contact, TN_INTERACTION_LUNCH, FALSE);
}

/**
 * tn_log_dialog_new_with_picker:
 * @parent: the window that shows the toast once the interaction is logged
 * @store: the store whose contacts the picker searches
 * @kind: the kind chosen at first
 *
 * Returns: (transfer none): a new dialog whose first field searches for the
 *   person, not shown yet; see tn_log_dialog_set_contact() to preselect one
 */
TnLogDialog *
tn_log_dialog_new_with_picker (GtkWindow         *parent,
                               TnStore           *store,
                               TnInteractionKind  kind)
{
  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TN_IS_STORE (store), NULL);
  g_return_val_if_fail (kind <= TN_INTERACTION_KIND_LAST, NULL);

  return log_dialog_new (parent, store, NULL, kind, TRUE);
}

/**
 * tn_log_dialog_new_for_edit:
 * @parent: the window that shows the toast once the changes are saved
 * @store: the store
 * @contact: the contact @interaction is with
 * @interaction: an interaction already logged
 *
 * Returns: (transfer none): a new dialog over @interaction's fields, not
 *   shown yet; @interaction only changes once the store has written them
 */
TnLogDialog *
tn_log_dialog_new_for_edit (GtkWindow     *parent,
                            TnStore       *store,
                            TnContact     *contact,
                            TnInteraction *interaction)
{
  TnLogDialog *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TN_IS_STORE (store), NULL);
  g_return_val_if_fail (TN_IS_CONTACT (contact), NULL);
  g_return_val_if_fail (TN_IS_INTERACTION (interaction), NULL);
  g_return_val_if_fail (tn_interaction_get_id (interaction) != 0, NULL);

  self = log_dialog_new (parent, store, contact, tn_interaction_get_kind (interaction), FALSE);
  self->interaction = g_object_ref (interaction);
  /* Told them at that lunch, noticed only later: the switch shows whether they heard it. */
  self->heard_before = tn_store_get_heard_brand (store, contact);
  gtk_switch_set_active (self->heard_brand_switch, self->heard_before);

  set_day (self, tn_interaction_get_day (interaction));
  gtk_switch_set_active (self->group_switch, !tn_interaction_get_one_on_one (interaction));
  gtk_switch_set_active (self->gave_value_switch, tn_interaction_get_gave_value (interaction));
  gtk_editable_set_text (GTK_EDITABLE (self->note_row),
                         tn_interaction_get_note (interaction) ? tn_interaction_get_note (interaction) : "");
  gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Save"));
  update_title (self);
  update_state (self);
  return self;
}

TnContact *
tn_log_dialog_get_contact (TnLogDialog *self)
{
  g_return_val_if_fail (TN_IS_LOG_DIALOG (self), NULL);

  return self->contact;
}

/**
 * tn_log_dialog_set_contact:
 * @self: a dialog with a picker
 * @contact: (nullable): the person to log with, or %NULL to search for one
 *
 * Preselects @contact (the one selected in the list, say); Change… still picks another.
 */
void
tn_log_dialog_set_contact (TnLogDialog *self,
                           TnContact   *contact)
{
  g_return_if_fail (TN_IS_LOG_DIALOG (self));
  g_return_if_fail (contact == NULL || TN_IS_CONTACT (contact));
  g_return_if_fail (self->picker);

  pick (self, contact);
  gtk_widget_grab_focus (contact != NULL ? GTK_WIDGET (self->note_row) : GTK_WIDGET (self->search_entry));
}

/**
 * tn_log_dialog_get_can_save:
 * @self: a log dialog
 *
 * Returns: whether the person is known, the day is not still to come and, when editing,
 *   something differs from what was logged
 */
gboolean
tn_log_dialog_get_can_save (TnLogDialog *self)
{
  g_return_val_if_fail (TN_IS_LOG_DIALOG (self), FALSE);

  return self->contact != NULL && strcmp (self->day, self->today) <= 0 &&
         (self->interaction == NULL || form_differs (self));
}

GtkSearchEntry *
tn_log_dialog_get_search_entry (TnLogDialog *self)
{
  g_return_val_if_fail (TN_IS_LOG_DIALOG (self), NULL);

  return self->search_entry;
}

/**
 * tn_log_dialog_get_matches:
 * @self: a dialog with a picker
 *
 * Returns: (transfer none): the contacts the picker shows, in their order
 */
GListModel *
tn_log_dialog_get_matches (TnLogDialog *self)
{
  g_return_val_if_fail (TN_IS_LOG_DIALOG (self), NULL);

  return G_LIST_MODEL (self->selection);
}

AdwComboRow *
tn_log_dialog_get_kind_row (TnLogDialog *self)
{
  g_return_val_if_fail (TN_IS_LOG_DIALOG (self), NULL);

  return self->kind_row;
}

GtkCalendar *
tn_log_dialog_get_calendar (TnLogDialog *self)
{
  g_return_val_if_fail (TN_IS_LOG_DIALOG (self), NULL);

  return self->calendar;
}

GtkSwitch *
tn_log_dialog_get_group_switch (TnLogDialog *self)
{
  g_return_val_if_fail (TN_IS_LOG_DIALOG (self), NULL);

  return self->group_switch;
}

GtkSwitch *
tn_log_dialog_get_gave_value_switch (TnLogDialog *self)
{
  g_return_val_if_fail (TN_IS_LOG_DIALOG (self), NULL);

  return self->gave_value_switch;
}

AdwEntryRow *
tn_log_dialog_get_note_row (TnLogDialog *self)
{
  g_return_val_if_fail (TN_IS_LOG_DIALOG (self), NULL);

  return self->note_row;
}

GtkWidget *
tn_log_dialog_get_save_button (TnLogDialog *self)
{
  g_return_val_if_fail (TN_IS_LOG_DIALOG (self), NULL);

  return self->save_button;
}

/**
 * tn_log_dialog_get_error:
 * @self: a log dialog
 *
 * Returns: (nullable): why the last save failed, while it is shown
 */
const char *
tn_log_dialog_get_error (TnLogDialog *self)
{
  g_return_val_if_fail (TN_IS_LOG_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;

  return gtk_label_get_text (self->error_label);
}
