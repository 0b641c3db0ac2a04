/* tn-contacts-page.c — the contacts table over the store's list: sorted by
 * the column headers, filtered by trust and search, rated in place and from the keyboard.
 * This file holds the object, its store and the loading of the list; the other parts are
 * named in tn-contacts-page-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-contacts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-clock.h"
#include "tn-contacts-by-name.h"
#include "tn-contacts-page-private.h"
#include "tn-enums.h"

G_DEFINE_FINAL_TYPE (TnContactsPage, tn_contacts_page, GTK_TYPE_WIDGET)

static GParamSpec *properties[N_PROPS];

/* For the page's other files, which notify through here rather than share the array. */
void
_tn_contacts_page_notify (TnContactsPage *self,
                          guint           prop_id)
{
  g_assert (prop_id > PROP_0 && prop_id < N_PROPS);

  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* Putting the contacts in the list */

/* The store's contacts come in name order (tn_store_get_contacts_by_name()), the order the
 * headers start with: the sort model passes them on as they are until a header is clicked
 * (tn-contacts-page-columns.c). */
void
_tn_contacts_page_attach_model (TnContactsPage *self)
{
  GListModel *by_name;

  if (self->model_attached || self->store == NULL || self->sort_model == NULL)
    return;

  self->model_attached = TRUE;
  g_clear_handle_id (&self->attach_source, g_source_remove);
  by_name = tn_store_get_contacts_by_name (self->store);
  g_clear_signal_handler (&self->ordered_id, by_name);
  tn_contacts_by_name_wait (TN_CONTACTS_BY_NAME (by_name));
  _tn_contacts_page_hold_rows_until_painted (self);
  gtk_sort_list_model_set_model (self->sort_model, by_name);
  _tn_contacts_page_warm_search_keys (self);
  _tn_contacts_page_update_stack (self);
}

static gboolean
attach_model_cb (gpointer user_data)
{
  TnContactsPage *self = user_data;

  self->attach_source = 0;
  _tn_contacts_page_attach_model (self);
  return G_SOURCE_REMOVE;
}

static void
queue_attach_model (TnContactsPage *self)
{
  if (!self->model_attached && self->attach_source == 0)
    self->attach_source = g_idle_add_full (G_PRIORITY_LOW, attach_model_cb, self, NULL);
}

static void
on_ordered_cb (TnContactsPage *self,
               GParamSpec     *pspec,
               GObject        *by_name)
{
  g_clear_signal_handler (&self->ordered_id, by_name);
  queue_attach_model (self);
}

/* After the first frame, the rows go in when their order is made (a worker makes it, and
 * waiting for it here would hold the window still). */
static void
on_window_painted_cb (GdkFrameClock  *frame_clock,
                      TnContactsPage *self)
{
  GListModel *by_name;

  g_clear_signal_handler (&self->after_paint_id, frame_clock);
  if (self->model_attached || self->store == NULL)
    return;

  by_name = tn_store_get_contacts_by_name (self->store);
  if (tn_contacts_by_name_is_ordered (TN_CONTACTS_BY_NAME (by_name)))
    queue_attach_model (self);
  else if (self->ordered_id == 0)
    self->ordered_id = g_signal_connect_object (by_name, "notify::ordered", G_CALLBACK (on_ordered_cb), self,
                                                G_CONNECT_SWAPPED);
}

static void
tn_contacts_page_realize (GtkWidget *widget)
{
  TnContactsPage *self = TN_CONTACTS_PAGE (widget);
  GdkFrameClock *frame_clock;

  GTK_WIDGET_CLASS (tn_contacts_page_parent_class)->realize (widget);

  frame_clock = gtk_widget_get_frame_clock (widget);
  if (!self->model_attached && self->after_paint_id == 0 && frame_clock != NULL)
    self->after_paint_id = g_signal_connect (frame_clock, "after-paint", G_CALLBACK (on_window_painted_cb), self);
}

static void
tn_contacts_page_unmap (GtkWidget *widget)
{
  _tn_contacts_page_unmap_counts (TN_CONTACTS_PAGE (widget));

  GTK_WIDGET_CLASS (tn_contacts_page_parent_class)->unmap (widget);
}

static void
tn_contacts_page_unrealize (GtkWidget *widget)
{
  TnContactsPage *self = TN_CONTACTS_PAGE (widget);
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (widget);

  if (frame_clock != NULL)
    g_clear_signal_handler (&self->after_paint_id, frame_clock);
  /* No frame to wait for any more. */
  _tn_contacts_page_stop_row_steps (self);

  GTK_WIDGET_CLASS (tn_contacts_page_parent_class)->unrealize (widget);
}

static void
tn_contacts_page_constructed (GObject *object)
{
  TnContactsPage *self = (TnContactsPage *) object;

  G_OBJECT_CLASS (tn_contacts_page_parent_class)->constructed (object);

  g_settings_bind (self->settings, "contacts-filter", self, "trust-filter", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "contacts-overdue-only", self, "overdue-only", G_SETTINGS_BIND_DEFAULT);
}

static void
tn_contacts_page_dispose (GObject *object)
{
  TnContactsPage *self = (TnContactsPage *) object;

  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->items_changed_id, tn_store_get_contacts (self->store));
      g_clear_signal_handler (&self->ordered_id, tn_store_get_contacts_by_name (self->store));
    }

  /* Taking the column view apart re-sorts and so re-filters the list: the
   * page must not hear of it once its template children are going. */
  if (self->shown != NULL)
    g_signal_handlers_disconnect_by_data (self->shown, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->row_selection != NULL)
    g_signal_handlers_disconnect_by_data (self->row_selection, self);
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);

  /* The tick callback belongs to the column view, which goes with the template. */
  self->focus_tick = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), TN_TYPE_CONTACTS_PAGE);

  tn_after_paint_cancel (&self->recount);
  g_clear_pointer (&self->overdue_cache, g_hash_table_unref);
  g_clear_handle_id (&self->warm_source, g_source_remove);
  g_clear_handle_id (&self->attach_source, g_source_remove);
  tn_after_paint_cancel (&self->rows_after_paint);
  g_clear_object (&self->slots);
  g_clear_object (&self->shown);
  g_clear_object (&self->clock);
  g_clear_object (&self->selected_contact);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tn_contacts_page_parent_class)->dispose (object);
}

static void
tn_contacts_page_finalize (GObject *object)
{
  TnContactsPage *self = (TnContactsPage *) object;

  g_clear_pointer (&self->search, tn_search_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->today, g_date_time_unref);

  G_OBJECT_CLASS (tn_contacts_page_parent_class)->finalize (object);
}

static void
tn_contacts_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TnContactsPage *self = TN_CONTACTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    case PROP_TRUST_FILTER:
      g_value_set_string (value, tn_contacts_page_get_trust_filter (self));
      break;
    case PROP_OVERDUE_ONLY:
      g_value_set_boolean (value, self->overdue_only);
      break;
    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, self->search_mode);
      break;
    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case PROP_SELECTED_CONTACT:
      g_value_set_object (value, self->selected_contact);
      break;
    case PROP_N_CONTACTS:
      g_value_set_uint (value, self->n_contacts);
      break;
    case PROP_N_COMPLETELY:
      g_value_set_uint (value, self->counts[TN_TRUST_COMPLETELY]);
      break;
    case PROP_N_MODERATELY:
      g_value_set_uint (value, self->counts[TN_TRUST_MODERATELY]);
      break;
    case PROP_N_VAGUELY:
      g_value_set_uint (value, self->counts[TN_TRUST_VAGUELY]);
      break;
    case PROP_N_UNRATED:
      g_value_set_uint (value, self->counts[TN_TRUST_UNRATED]);
      break;
    case PROP_N_OVERDUE:
      g_value_set_uint (value, self->n_overdue);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_contacts_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TnContactsPage *self = TN_CONTACTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tn_contacts_page_set_store (self, g_value_get_object (value));
      break;
    case PROP_CLOCK:
      tn_contacts_page_set_clock (self, g_value_get_object (value));
      break;
    case PROP_TRUST_FILTER:
      tn_contacts_page_set_trust_filter (self, g_value_get_string (value));
      break;
    case PROP_OVERDUE_ONLY:
      tn_contacts_page_set_overdue_only (self, g_value_get_boolean (value));
      break;
    case PROP_SEARCH_MODE:
      tn_contacts_page_set_search_mode (self, g_value_get_boolean (value));
      break;
    case PROP_COMPACT:
      tn_contacts_page_set_compact (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
count_param_spec (const char *name)
{
  return g_param_spec_uint (name, NULL, NULL,
                            0, G_MAXUINT, 0,
                            G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
install_properties (GObjectClass *object_class)
{
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TN_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TnContactsPage:trust-filter:
   *
   * Who is shown: "all", "completely", "moderately", "vaguely" or
   * "unrated"; the values of the contacts-filter setting it is bound to.
   */
  properties[PROP_TRUST_FILTER] =
    g_param_spec_string ("trust-filter", NULL, NULL,
                         "all",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TnContactsPage:overdue-only:
   *
   * Whether only the contacts whose keep-in-touch interval has passed are shown,
   * together with the trust filter ("Overdue" and "1": the 1s to call first).
   */
  properties[PROP_OVERDUE_ONLY] =
    g_param_spec_boolean ("overdue-only", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SEARCH_MODE] =
    g_param_spec_boolean ("search-mode", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TnContactsPage:compact:
   *
   * Whether the table leaves out the Email column, for a narrow window or
   * when the contact pane (which shows the addresses) takes half of it.
   */
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TnContactsPage:summary:
   *
   * "12 of 20 people trust you completely", against the trusted-goal setting.
   */
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SELECTED_CONTACT] =
    g_param_spec_object ("selected-contact", NULL, NULL,
                         TN_TYPE_CONTACT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_N_CONTACTS] = count_param_spec ("n-contacts");
  properties[PROP_N_COMPLETELY] = count_param_spec ("n-completely");
  properties[PROP_N_MODERATELY] = count_param_spec ("n-moderately");
  properties[PROP_N_VAGUELY] = count_param_spec ("n-vaguely");
  properties[PROP_N_UNRATED] = count_param_spec ("n-unrated");
  properties[PROP_N_OVERDUE] = count_param_spec ("n-overdue");

  /**
   * TnContactsPage:clock:
   *
   * The clock whose #TnClock::day-changed moves the "Overdue" filter and count on to
   * the new day.
   */
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL,
                         TN_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tn_contacts_page_class_init (TnContactsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tn_contacts_page_constructed;
  object_class->dispose = tn_contacts_page_dispose;
  object_class->finalize = tn_contacts_page_finalize;
  object_class->get_property = tn_contacts_page_get_property;
  object_class->set_property = tn_contacts_page_set_property;
  widget_class->realize = tn_contacts_page_realize;
  widget_class->unrealize = tn_contacts_page_unrealize;
  widget_class->unmap = tn_contacts_page_unmap;

  install_properties (object_class);

  /**
   * TnContactsPage::contact-activated:
   * @self: the page
   * @contact: the contact of the row
   *
   * A row was double-clicked or Enter was pressed on it.
   */
  g_signal_new ("contact-activated",
                G_TYPE_FROM_CLASS (klass),
                G_SIGNAL_RUN_LAST,
                0,
                NULL, NULL,
                NULL,
                G_TYPE_NONE, 1, TN_TYPE_CONTACT);

  g_type_ensure (TN_TYPE_CONTACT);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/TrustNet/ui/tn-contacts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TnContactsPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, TnContactsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TnContactsPage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, TnContactsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TnContactsPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, TnContactsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, TnContactsPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, TnContactsPage, name_sorter);
  gtk_widget_class_bind_template_child (widget_class, TnContactsPage, trust_column);
  gtk_widget_class_bind_template_child (widget_class, TnContactsPage, organization_column);
  gtk_widget_class_bind_template_child (widget_class, TnContactsPage, last_contact_column);
  gtk_widget_class_bind_template_child (widget_class, TnContactsPage, email_column);
  gtk_widget_class_bind_template_child (widget_class, TnContactsPage, no_matches_page);
  gtk_widget_class_bind_template_child (widget_class, TnContactsPage, result_count);
  gtk_widget_class_bind_template_child (widget_class, TnContactsPage, sort_model);
  gtk_widget_class_bind_template_child (widget_class, TnContactsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, TnContactsPage, row_selection);
  _tn_contacts_page_class_bind_columns (widget_class);
  _tn_contacts_page_class_bind_filters (widget_class);
  _tn_contacts_page_class_bind_triage (widget_class);

  gtk_widget_class_set_css_name (widget_class, "contactspage");
}

static void
tn_contacts_page_init (TnContactsPage *self)
{
  self->trust_filter = FILTER_ALL;
  self->search = tn_search_new (NULL);
  self->settings = g_settings_new (APPLICATION_ID);

  gtk_widget_init_template (GTK_WIDGET (self));

  _tn_contacts_page_init_filters (self);
  _tn_contacts_page_init_counts (self);
  _tn_contacts_page_init_columns (self);

  _tn_contacts_page_recount (self);
  _tn_contacts_page_update_stack (self);
}

/**
 * tn_contacts_page_new:
 * @store: (nullable): the store whose contacts are shown
 *
 * Returns: (transfer floating): a new page
 */
GtkWidget *
tn_contacts_page_new (TnStore *store)
{
  g_return_val_if_fail (store == NULL || TN_IS_STORE (store), NULL);

  return g_object_new (TN_TYPE_CONTACTS_PAGE, "store", store, NULL);
}

/**
 * tn_contacts_page_get_store:
 * @self: a page
 *
 * Returns: (transfer none) (nullable): the store shown
 */
TnStore *
tn_contacts_page_get_store (TnContactsPage *self)
{
  g_return_val_if_fail (TN_IS_CONTACTS_PAGE (self), NULL);

  return self->store;
}

void
tn_contacts_page_set_store (TnContactsPage *self,
                            TnStore        *store)
{
  g_return_if_fail (TN_IS_CONTACTS_PAGE (self));
  g_return_if_fail (store == NULL || TN_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->items_changed_id, tn_store_get_contacts (self->store));
      g_clear_signal_handler (&self->ordered_id, tn_store_get_contacts_by_name (self->store));
    }

  g_set_object (&self->store, store);

  if (self->store != NULL)
    {
      GListModel *contacts = tn_store_get_contacts (self->store);

      self->items_changed_id =
        g_signal_connect_object (contacts, "items-changed",
                                 G_CALLBACK (_tn_contacts_page_store_items_changed_cb), self,
                                 G_CONNECT_SWAPPED);
      self->model_attached = FALSE;
      /* Asked for now, so its worker starts putting the names in order while the window
       * starts. */
      tn_store_get_contacts_by_name (self->store);
      if (gtk_widget_get_realized (GTK_WIDGET (self)))
        _tn_contacts_page_attach_model (self);
    }
  else if (self->sort_model != NULL)
    {
      gtk_sort_list_model_set_model (self->sort_model, NULL);
      self->model_attached = FALSE;
    }

  if (self->stack != NULL)
    {
      _tn_contacts_page_recount (self);
      _tn_contacts_page_update_stack (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * tn_contacts_page_load:
 * @self: a page
 *
 * Puts the store's contacts in the list now, if they are not there yet; call it when
 * the page is about to be shown.
 */
void
tn_contacts_page_load (TnContactsPage *self)
{
  g_return_if_fail (TN_IS_CONTACTS_PAGE (self));

  _tn_contacts_page_attach_model (self);
}

/**
 * tn_contacts_page_get_column_view:
 * @self: a page
 *
 * Returns: (transfer none): the table, named "contacts-column-view"
 */
GtkColumnView *
tn_contacts_page_get_column_view (TnContactsPage *self)
{
  g_return_val_if_fail (TN_IS_CONTACTS_PAGE (self), NULL);

  return self->column_view;
}

/**
 * tn_contacts_page_get_search_entry:
 * @self: a page
 *
 * Returns: (transfer none): the search entry, named "contacts-search-entry"
 */
GtkSearchEntry *
tn_contacts_page_get_search_entry (TnContactsPage *self)
{
  g_return_val_if_fail (TN_IS_CONTACTS_PAGE (self), NULL);

  return self->search_entry;
}

/**
 * tn_contacts_page_get_search_bar:
 * @self: a page
 *
 * Returns: (transfer none): the search bar
 */
GtkSearchBar *
tn_contacts_page_get_search_bar (TnContactsPage *self)
{
  g_return_val_if_fail (TN_IS_CONTACTS_PAGE (self), NULL);

  return self->search_bar;
}

/**
 * tn_contacts_page_get_visible_model:
 * @self: a page
 *
 * Returns: (transfer none): the rows as shown: sorted, filtered, a
 *   #GtkSingleSelection of #TnContact
 */
GListModel *
tn_contacts_page_get_visible_model (TnContactsPage *self)
{
  g_return_val_if_fail (TN_IS_CONTACTS_PAGE (self), NULL);

  _tn_contacts_page_attach_model (self);
  return G_LIST_MODEL (self->selection);
}
