/* tn-contacts-page-filter.c — who the contacts table shows: the search (the rule of
 * tn-search.c), the trust and overdue filters, and what the page says when no one is left.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-contacts-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tn-contacts-page-private.h"

/* Search keys are folded and put beside the others while idle, and the contacts' classes
 * asked, so a first search or count over 100,000 contacts does not pay for all of them at
 * once: in steps of WARM_STEP contacts,
 * for at most WARM_BUDGET_US per idle call. A fixed 2,000 took 30 to 45 ms when the
 * contacts themselves were still to be read, and such an idle call could fall into a
 * scrolled frame. */
#define WARM_STEP 200
#define WARM_BUDGET_US 4000

/* The values of the contacts-filter setting, indexed by TnTrust. */
static const char * const filter_names[] = {
  [TN_TRUST_UNRATED] = "unrated",
  [TN_TRUST_COMPLETELY] = "completely",
  [TN_TRUST_MODERATELY] = "moderately",
  [TN_TRUST_VAGUELY] = "vaguely",
};

/* Filtering */

/* The two stages of TnContactFilterList: the search (self->search, which the list asks of
 * the keys it keeps), then the filters, asked only of those found, as the set of classes
 * they let through (a class is a rating and whether overdue: the list keeps each contact's). */
/**
 * _tn_contacts_page_is_found:
 * @self: a page
 * @contact: a contact of its store
 *
 * Returns: whether the search (not the filters) finds @contact; the counts use it too
 */
gboolean
_tn_contacts_page_is_found (TnContactsPage *self,
                            TnContact      *contact)
{
  return tn_search_is_empty (self->search) || tn_search_matches_contact (self->search, contact);
}

/* The one rule of the trust and Overdue filters: the classes (_tn_contacts_page_classify())
 * they let through. With every rating and no Overdue filter that is every class, and the
 * list shows 100,000 contacts without asking each of them (most of the Contacts page's
 * first frame was that). */
static guint
passing_classes (TnContactsPage *self)
{
  guint classes = 0;

  for (guint class = 0; class < TN_CONTACT_N_CLASSES; class++)
    {
      int trust = class & ~CLASS_OVERDUE;

      if ((self->trust_filter == FILTER_ALL || trust == self->trust_filter) &&
          (!self->overdue_only || (class & CLASS_OVERDUE) != 0))
        classes |= 1u << class;
    }

  return classes;
}

static gboolean
passes_filters (TnContactsPage *self,
                TnContact      *contact)
{
  return (passing_classes (self) & (1u << _tn_contacts_page_classify (contact, self))) != 0;
}

static void
set_filters_test (TnContactsPage *self)
{
  tn_contact_filter_list_set_passing_classes (self->shown, passing_classes (self));
}

/**
 * _tn_contacts_page_shows:
 * @self: a page
 * @contact: a contact of its store
 *
 * Returns: whether the search and the filters let @contact be shown
 */
gboolean
_tn_contacts_page_shows (TnContactsPage *self,
                         TnContact      *contact)
{
  return _tn_contacts_page_is_found (self, contact) && passes_filters (self, contact);
}

void
_tn_contacts_page_update_stack (TnContactsPage *self)
{
  /* Rows not in the list yet are not "no matches". */
  guint n_visible = self->model_attached ? g_list_model_get_n_items (G_LIST_MODEL (self->shown))
                                         : self->total.n_contacts;
  gboolean searching = !tn_search_is_empty (self->search);

  gtk_widget_set_visible (self->filter_bar, self->total.n_contacts > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->result_count), searching);

  if (self->total.n_contacts == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else if (n_visible == 0)
    {
      const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
      g_autofree char *description = NULL;

      /* A status page's description is markup: the query is escaped. */
      if (self->overdue_only && !searching)
        description = g_strdup (_("No one is overdue. You are keeping in touch with everyone."));
      else if (self->overdue_only)
        description = g_markup_printf_escaped (_("No one overdue matches “%s”."), query);
      else if (searching && self->trust_filter == FILTER_ALL)
        description = g_markup_printf_escaped (_("No one matches “%s”. Try another name, organization or email."), query);
      else if (searching)
        description = g_markup_printf_escaped (_("No one with this rating matches “%s”."), query);
      else
        description = g_strdup (_("No one has this rating yet."));

      adw_status_page_set_description (self->no_matches_page, description);
      gtk_stack_set_visible_child_name (self->stack, "no-matches");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
    }
}

/* A selected row that the new filter hides would make the selection look
 * for it among every row the change brings in: let go of it first, and
 * autoselect picks the first match instead. A search typed before (a letter
 * deleted again) is not asked of every contact again: the list remembers
 * whom it found, under @search_text (the words as the search folds them). */
static void
refilter (TnContactsPage *self,
          TnFilterStage   stage,
          TnFilterChange  change,
          const char     *search_text)
{
  gboolean had_focus = _tn_contacts_page_list_has_focus (self);

  if (change != TN_FILTER_CHANGE_LESS_STRICT &&
      self->selected_contact != NULL &&
      !_tn_contacts_page_shows (self, self->selected_contact))
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  set_filters_test (self);
  _tn_contacts_page_hold_rows_until_painted (self);
  if (search_text == NULL || !tn_contact_filter_list_recall_found (self->shown, search_text))
    tn_contact_filter_list_changed (self->shown, stage, change);
  if (search_text != NULL)
    tn_contact_filter_list_remember_found (self->shown, search_text);
  _tn_contacts_page_scroll_to_top (self);
  _tn_contacts_page_rescue_focus (self, had_focus);
  _tn_contacts_page_update_counts (self);
}

void
_tn_contacts_page_refilter (TnContactsPage *self,
                            TnFilterStage   stage,
                            TnFilterChange  change)
{
  refilter (self, stage, change, NULL);
}

/**
 * _tn_contacts_page_set_search:
 * @self: a page
 * @text: what the person typed
 *
 * A search that can only find fewer people looks again only at the rows shown; the list
 * says when the counts changed (tn-contacts-page-counts.c).
 */
void
_tn_contacts_page_set_search (TnContactsPage *self,
                              const char     *text)
{
  g_autoptr(TnSearch) old = g_steal_pointer (&self->search);
  g_autofree char *key = NULL;
  TnFilterChange change;

  self->search = tn_search_new (text);
  tn_contact_filter_list_set_search (self->shown, self->search);
  if (tn_search_equal (old, self->search))
    return;

  if (tn_search_is_narrower (self->search, old))
    change = TN_FILTER_CHANGE_MORE_STRICT;
  else if (tn_search_is_narrower (old, self->search))
    change = TN_FILTER_CHANGE_LESS_STRICT;
  else
    change = TN_FILTER_CHANGE_DIFFERENT;

  /* Remembered under the words as the search compares them: "ana " after "ana g" is the
   * search "ana" typed before, not a new one to ask of every contact not shown. */
  key = tn_search_fold (text);
  refilter (self, TN_FILTER_STAGE_SEARCH, change, key);
  _tn_contacts_page_update_stack (self);
}

/* Everyone shown again: no search, no trust filter, not only the overdue. */
void
_tn_contacts_page_clear_filters (TnContactsPage *self)
{
  tn_contacts_page_set_trust_filter (self, "all");
  tn_contacts_page_set_overdue_only (self, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  _tn_contacts_page_set_search (self, "");
  tn_contacts_page_set_search_mode (self, FALSE);
}

static void
on_search_changed_cb (TnContactsPage *self,
                      GtkSearchEntry *entry)
{
  _tn_contacts_page_set_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_search_activate_cb (TnContactsPage *self,
                       GtkSearchEntry *entry)
{
  tn_contacts_page_focus_list (self);
}

static gboolean
warm_search_keys_cb (gpointer user_data)
{
  TnContactsPage *self = user_data;
  gint64 until = g_get_monotonic_time () + WARM_BUDGET_US;

  for (;;)
    {
      gboolean keys_left = tn_contact_filter_list_fold_keys (self->shown, WARM_STEP);
      gboolean classes_left = tn_contact_filter_list_classify (self->shown, WARM_STEP);

      if (!keys_left && !classes_left)
        break;
      if (g_get_monotonic_time () >= until)
        return G_SOURCE_CONTINUE;
    }

  /* The counts that waited for the classes (tn-contacts-page-counts.c). */
  self->warm_source = 0;
  _tn_contacts_page_recount (self);
  _tn_contacts_page_update_stack (self);
  return G_SOURCE_REMOVE;
}

void
_tn_contacts_page_warm_search_keys (TnContactsPage *self)
{
  if (self->warm_source == 0)
    self->warm_source = g_idle_add_full (G_PRIORITY_LOW, warm_search_keys_cb, self, NULL);
}

static void
on_search_mode_notify_cb (TnContactsPage *self,
                          GParamSpec     *pspec,
                          GtkSearchBar   *search_bar)
{
  if (gtk_search_bar_get_search_mode (search_bar))
    return;

  /* Closing the search shows everyone again and hands the keys back to the list. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  _tn_contacts_page_set_search (self, "");
  tn_contacts_page_focus_list (self);
}

/* The filters and the search, as properties */

const char *
tn_contacts_page_get_trust_filter (TnContactsPage *self)
{
  g_return_val_if_fail (TN_IS_CONTACTS_PAGE (self), NULL);

  if (self->trust_filter == FILTER_ALL)
    return "all";

  return filter_names[self->trust_filter];
}

/**
 * tn_contacts_page_set_trust_filter:
 * @self: a page
 * @trust_filter: "all", "completely", "moderately", "vaguely" or "unrated"
 */
void
tn_contacts_page_set_trust_filter (TnContactsPage *self,
                                   const char     *trust_filter)
{
  int old;
  int wanted = FILTER_ALL;

  g_return_if_fail (TN_IS_CONTACTS_PAGE (self));

  if (trust_filter != NULL && !g_str_equal (trust_filter, "all"))
    {
      for (TnTrust trust = TN_TRUST_UNRATED; trust <= TN_TRUST_LAST; trust++)
        {
          if (g_str_equal (trust_filter, filter_names[trust]))
            wanted = trust;
        }

      if (wanted == FILTER_ALL)
        {
          g_warning ("Unknown trust filter “%s”", trust_filter);
          return;
        }
    }

  if (self->trust_filter == wanted)
    return;

  old = self->trust_filter;
  self->trust_filter = wanted;

  if (self->shown != NULL)
    {
      if (old == FILTER_ALL)
        _tn_contacts_page_refilter (self, TN_FILTER_STAGE_FILTERS, TN_FILTER_CHANGE_MORE_STRICT);
      else if (wanted == FILTER_ALL)
        _tn_contacts_page_refilter (self, TN_FILTER_STAGE_FILTERS, TN_FILTER_CHANGE_LESS_STRICT);
      else
        _tn_contacts_page_refilter (self, TN_FILTER_STAGE_FILTERS, TN_FILTER_CHANGE_DIFFERENT);
    }

  _tn_contacts_page_notify (self, PROP_TRUST_FILTER);
}

gboolean
tn_contacts_page_get_overdue_only (TnContactsPage *self)
{
  g_return_val_if_fail (TN_IS_CONTACTS_PAGE (self), FALSE);

  return self->overdue_only;
}

/**
 * tn_contacts_page_set_overdue_only:
 * @self: a page
 * @overdue_only: whether to show only the contacts whose keep-in-touch interval has passed
 */
void
tn_contacts_page_set_overdue_only (TnContactsPage *self,
                                   gboolean        overdue_only)
{
  g_return_if_fail (TN_IS_CONTACTS_PAGE (self));

  overdue_only = !!overdue_only;
  if (self->overdue_only == overdue_only)
    return;

  self->overdue_only = overdue_only;
  if (self->shown != NULL)
    _tn_contacts_page_refilter (self, TN_FILTER_STAGE_FILTERS,
                                overdue_only ? TN_FILTER_CHANGE_MORE_STRICT : TN_FILTER_CHANGE_LESS_STRICT);

  _tn_contacts_page_notify (self, PROP_OVERDUE_ONLY);
}

gboolean
tn_contacts_page_get_search_mode (TnContactsPage *self)
{
  g_return_val_if_fail (TN_IS_CONTACTS_PAGE (self), FALSE);

  return self->search_mode;
}

/**
 * tn_contacts_page_set_search_mode:
 * @self: a page
 * @search_mode: whether the search bar is open
 *
 * Opening the search bar puts the keyboard focus in its entry.
 */
void
tn_contacts_page_set_search_mode (TnContactsPage *self,
                                  gboolean        search_mode)
{
  g_return_if_fail (TN_IS_CONTACTS_PAGE (self));

  search_mode = !!search_mode;
  if (self->search_mode == search_mode)
    return;

  self->search_mode = search_mode;
  /* The search entry has the keys now: a row waiting to be focused must not take them. */
  if (search_mode && self->focus_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->column_view), self->focus_tick);
      self->focus_tick = 0;
    }
  /* Once a search has started every letter goes to it, j and k too: they reach the
   * search bar's key capture when the list's shortcuts for them are off. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.select-next", !search_mode);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.select-previous", !search_mode);
  _tn_contacts_page_notify (self, PROP_SEARCH_MODE);
}

/**
 * tn_contacts_page_get_summary:
 * @self: a page
 *
 * Returns: "12 of 20 people trust you completely"
 */
const char *
tn_contacts_page_get_summary (TnContactsPage *self)
{
  g_return_val_if_fail (TN_IS_CONTACTS_PAGE (self), NULL);

  return self->summary;
}

/**
 * tn_contacts_page_get_filtered:
 * @self: a page
 *
 * Returns: whether a search or the trust filter is in effect, so that the
 *   list may show only some of the contacts (see tn_contacts_page_get_visible_model())
 */
gboolean
tn_contacts_page_get_filtered (TnContactsPage *self)
{
  g_return_val_if_fail (TN_IS_CONTACTS_PAGE (self), FALSE);

  return self->trust_filter != FILTER_ALL || self->overdue_only || !tn_search_is_empty (self->search);
}

void
_tn_contacts_page_class_bind_filters (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_notify_cb);

  gtk_widget_class_install_property_action (widget_class, "contacts.filter", "trust-filter");
  gtk_widget_class_install_property_action (widget_class, "contacts.overdue-only", "overdue-only");
}

/* A letter typed while a search is open but the list has the focus (after Enter, or a
 * click on a row) continues the search: GtkSearchBar only starts one. Digits never get
 * here, the list rates with them. */
static gboolean
on_key_pressed_cb (TnContactsPage        *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  gunichar c = gdk_keyval_to_unicode (keyval);
  GtkText *text = GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (self->search_entry)));
  char utf8[8] = { 0 };
  int position = -1;

  if (!self->search_mode || c == 0 || !g_unichar_isprint (c) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0 ||
      gtk_widget_has_focus (GTK_WIDGET (text)))
    return GDK_EVENT_PROPAGATE;

  g_unichar_to_utf8 (c, utf8);
  gtk_text_grab_focus_without_selecting (text);
  gtk_editable_insert_text (GTK_EDITABLE (self->search_entry), utf8, -1, &position);
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
  return GDK_EVENT_STOP;
}

void
_tn_contacts_page_init_filters (TnContactsPage *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  /* store → sort → shown → slots → row selection: the .ui file has the others. */
  self->shown = tn_contact_filter_list_new ();
  tn_contact_filter_list_set_search (self->shown, self->search);
  set_filters_test (self);
  tn_contact_filter_list_set_model (self->shown, G_LIST_MODEL (self->sort_model));
  _tn_contacts_page_init_rows (self);
  g_signal_connect_object (self->shown, "items-changed", G_CALLBACK (_tn_contacts_page_shown_changed_cb), self,
                           G_CONNECT_SWAPPED);

  /* Typing while the list has the focus starts a search; the list's own keys
   * (1 2 3 0 j k Delete /) are taken before they get here, j and k only outside a search. */
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}
