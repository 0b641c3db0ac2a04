/* tn-contacts-page-columns.c — the contacts table's columns: the cells (made in C: a
 * GtkBuilderListItemFactory parses its template again for every row it makes; each a
 * widget that draws itself, tn-text-cell.c and tn-trust-cell.c say why), the
 * closures the .ui file's sorters use, the name sorter, and which columns fit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-contacts-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tn-clock.h"
#include "tn-contacts-page-private.h"
#include "tn-text-cell.h"
#include "tn-trust-cell.h"

/* The Trust column: the buttons and the word, or the buttons alone. */
#define TRUST_COLUMN_WIDE 210
#define TRUST_COLUMN_NARROW 112

/* Each growing column's own width, the rest of the room shared among them (the .ui file
 * says why). On a phone's width the Name column leaves room for Trust and Last Contact. */
#define NAME_COLUMN_WIDE 200
#define NAME_COLUMN_NARROW 96
#define ORGANIZATION_COLUMN 150
#define EMAIL_COLUMN 180

/* Expression closures used by the .ui file */

static guint
trust_sort_rank_cb (gpointer unused,
                    TnTrust  trust)
{
  return tn_trust_get_sort_rank (trust);
}

static char *
format_count_cb (gpointer unused,
                 guint    count)
{
  return g_strdup_printf ("%u", count);
}

static GDateTime *
parse_day (const char *day)
{
  if (day == NULL || *day == '\0')
    return NULL;

  return tn_clock_parse_iso8601 (day, NULL);
}

static char *
text_or_empty_cb (gpointer    unused,
                  const char *text)
{
  return g_strdup (text != NULL ? text : "");
}

/* One form for every row, as GNOME Files shows dates: the day itself, not "5 weeks ago"
 * beside "31 Mar 2025"; the tooltip has the weekday and the full date. */
static char *
format_last_contact (const char *last_contact)
{
  g_autoptr(GDateTime) then = parse_day (last_contact);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) today = NULL;
  gint64 days;

  if (then == NULL)
    return g_strdup (last_contact == NULL ? _("Never") : last_contact);

  now = tn_clock_now ();
  today = g_date_time_new_local (g_date_time_get_year (now),
                                 g_date_time_get_month (now),
                                 g_date_time_get_day_of_month (now),
                                 0, 0, 0);
  /* Rounded, so a change to summer time does not make yesterday two days ago. */
  days = (g_date_time_difference (today, then) + G_TIME_SPAN_HOUR * 12) / G_TIME_SPAN_DAY;

  if (days == 0)
    return g_strdup (_("Today"));
  if (days == 1)
    return g_strdup (_("Yesterday"));
  if (g_date_time_get_year (then) == g_date_time_get_year (now))
    /* TRANSLATORS: a day of this year in the "Last contact" column, see g_date_time_format() */
    return g_date_time_format (then, _("%-d %b"));

  /* TRANSLATORS: a day in the "Last contact" column, see g_date_time_format() */
  return g_date_time_format (then, _("%-d %b %Y"));
}

/* Asked for when the pointer rests on the cell, rather than set on every
 * row: setting a tooltip costs a round trip to the display server. */
static gboolean
on_last_contact_query_tooltip_cb (GtkWidget   *label,
                                  int          x,
                                  int          y,
                                  gboolean     keyboard_mode,
                                  GtkTooltip  *tooltip,
                                  GtkListItem *list_item)
{
  TnContact *contact = _tn_contacts_page_row_contact (list_item);
  g_autoptr(GDateTime) then = NULL;
  g_autofree char *text = NULL;

  if (contact == NULL)
    return FALSE;

  then = parse_day (tn_contact_get_last_contact (contact));
  if (then == NULL)
    {
      gtk_tooltip_set_text (tooltip, _("No lunch, coffee, call or meeting logged yet"));
      return TRUE;
    }

  /* TRANSLATORS: the full date in the "Last contact" tooltip, see g_date_time_format() */
  text = g_date_time_format (then, _("%A, %-d %B %Y"));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* Names sort by collation keys the contacts keep: a GtkStringSorter would
 * fold and key all 100,000 names again each time the list is sorted. */
static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  int order = strcmp (tn_contact_get_sort_key ((TnContact *) a), tn_contact_get_sort_key ((TnContact *) b));

  return order < 0 ? GTK_ORDERING_SMALLER : order > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* The store's list comes in name order already (tn_store_get_contacts_by_name()), which is
 * the order the headers start with: until a header is clicked, the sort model passes it on
 * unsorted rather than check 100,000 names the first time the page is shown. GTK 4.8 does not
 * say which column a click sorts by, so from the first click on, the headers' sorter sorts. */
static void
on_headers_sorter_changed_cb (TnContactsPage *self,
                              GtkSorterChange change,
                              GtkSorter      *sorter)
{
  g_signal_handlers_disconnect_by_func (sorter, on_headers_sorter_changed_cb, self);
  gtk_sort_list_model_set_sorter (self->sort_model, sorter);
}

/* GTK 4.8 counts a hidden column's own width in the table's minimum, and then has no
 * room left to share out: a hidden column has none. */
static void
show_column (GtkColumnViewColumn *column,
             gboolean             visible,
             int                  width)
{
  gtk_column_view_column_set_visible (column, visible);
  gtk_column_view_column_set_fixed_width (column, visible ? width : -1);
}

/**
 * tn_contacts_page_set_narrow:
 * @self: a page
 * @narrow: whether the page has a phone's width to itself
 *
 * A narrow page leaves out the Organization column too (see #TnContactsPage:compact),
 * so the names keep the room to be read.
 */
void
tn_contacts_page_set_narrow (TnContactsPage *self,
                             gboolean        narrow)
{
  g_return_if_fail (TN_IS_CONTACTS_PAGE (self));

  self->narrow = !!narrow;
  show_column (self->organization_column, !self->narrow, ORGANIZATION_COLUMN);
  gtk_column_view_column_set_fixed_width (self->name_column, self->narrow ? NAME_COLUMN_NARROW : NAME_COLUMN_WIDE);
}

gboolean
tn_contacts_page_get_compact (TnContactsPage *self)
{
  g_return_val_if_fail (TN_IS_CONTACTS_PAGE (self), FALSE);

  return self->compact;
}

void
tn_contacts_page_set_compact (TnContactsPage *self,
                              gboolean        compact)
{
  g_return_if_fail (TN_IS_CONTACTS_PAGE (self));

  compact = !!compact;
  if (self->compact == compact)
    return;

  self->compact = compact;
  show_column (self->email_column, !compact, EMAIL_COLUMN);
  /* Room for the three buttons only: the rating's word then stays out of every row. */
  gtk_column_view_column_set_fixed_width (self->trust_column, compact ? TRUST_COLUMN_NARROW : TRUST_COLUMN_WIDE);
  _tn_contacts_page_notify (self, PROP_COMPACT);
}

void
_tn_contacts_page_class_bind_columns (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, trust_sort_rank_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_count_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_or_empty_cb);
}

/* The cells. Each label column shows one text of the contact and follows that property. */

typedef struct
{
  const char *property;
  char *(*text) (TnContact *contact);
} LabelColumn;

static char *
organization_text (TnContact *contact)
{
  return g_strdup (tn_contact_get_organization (contact));
}

static char *
email_text (TnContact *contact)
{
  return g_strdup (tn_contact_get_primary_email (contact));
}

static char *
last_contact_text (TnContact *contact)
{
  return format_last_contact (tn_contact_get_last_contact (contact));
}

static char *
name_text (TnContact *contact)
{
  return g_strdup (tn_contact_get_full_name (contact));
}

/* The Name column draws the initials before the name. */
static const LabelColumn name_column = { "notify::full-name", name_text };
static const LabelColumn organization_column = { "notify::organization", organization_text };
static const LabelColumn email_column = { "notify::primary-email", email_text };
static const LabelColumn last_contact_column = { "notify::last-contact", last_contact_text };

/* A row's item is a slot (tn-contacts-page-rows.c): the cells follow the slot's contact, and
 * each label the property of the contact it shows. */
static void
show_label_text (GtkListItem *list_item)
{
  const LabelColumn *column = g_object_get_data (G_OBJECT (list_item), "tn-column");
  TnContact *contact = g_object_get_data (G_OBJECT (list_item), "tn-contact");
  g_autofree char *text = contact != NULL ? column->text (contact) : NULL;

  tn_text_cell_set_text (TN_TEXT_CELL (gtk_list_item_get_child (list_item)), text);
}

/* The label shows @contact (or nothing) from now on, and follows its property. */
static void
follow_label_contact (GtkListItem *list_item,
                      TnContact   *contact)
{
  const LabelColumn *column = g_object_get_data (G_OBJECT (list_item), "tn-column");
  TnContact *followed = g_object_get_data (G_OBJECT (list_item), "tn-contact");

  if (followed != NULL)
    g_signal_handlers_disconnect_by_func (followed, show_label_text, list_item);
  g_object_set_data_full (G_OBJECT (list_item), "tn-contact",
                          contact != NULL ? g_object_ref (contact) : NULL, g_object_unref);
  if (contact != NULL)
    g_signal_connect_swapped (contact, column->property, G_CALLBACK (show_label_text), list_item);
  show_label_text (list_item);
}

static void
on_label_slot_contact_notify_cb (TnRowSlot   *slot,
                                 GParamSpec  *pspec,
                                 GtkListItem *list_item)
{
  follow_label_contact (list_item, tn_row_slot_get_contact (slot));
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  column)
{
  GtkWidget *cell = tn_text_cell_new (column == &name_column);

  g_object_set_data (G_OBJECT (list_item), "tn-column", column);
  if (column == &last_contact_column)
    {
      gtk_widget_set_has_tooltip (cell, TRUE);
      g_signal_connect (cell, "query-tooltip", G_CALLBACK (on_last_contact_query_tooltip_cb), list_item);
    }
  gtk_list_item_set_child (list_item, cell);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  follow_label_contact (list_item, _tn_contacts_page_row_contact (list_item));
  g_signal_connect (gtk_list_item_get_item (list_item), "notify::contact",
                    G_CALLBACK (on_label_slot_contact_notify_cb), list_item);
}

static void
unbind_label_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (list_item), on_label_slot_contact_notify_cb, list_item);
  follow_label_contact (list_item, NULL);
}

/* The Trust column: the cell follows its contact by itself, and the slot's contact. */
static void
on_trust_slot_contact_notify_cb (TnRowSlot   *slot,
                                 GParamSpec  *pspec,
                                 GtkListItem *list_item)
{
  tn_trust_cell_set_contact (TN_TRUST_CELL (gtk_list_item_get_child (list_item)), tn_row_slot_get_contact (slot));
}

static void
setup_trust_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item)
{
  GtkWidget *cell = tn_trust_cell_new ();

  g_signal_connect (cell, "rate", G_CALLBACK (_tn_contacts_page_row_rate_cb), NULL);
  gtk_list_item_set_child (list_item, cell);
}

static void
bind_trust_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  tn_trust_cell_set_contact (TN_TRUST_CELL (gtk_list_item_get_child (list_item)), _tn_contacts_page_row_contact (list_item));
  g_signal_connect (gtk_list_item_get_item (list_item), "notify::contact",
                    G_CALLBACK (on_trust_slot_contact_notify_cb), list_item);
}

static void
unbind_trust_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (list_item), on_trust_slot_contact_notify_cb, list_item);
  tn_trust_cell_set_contact (TN_TRUST_CELL (gtk_list_item_get_child (list_item)), NULL);
}

static GtkListItemFactory *
new_factory (GCallback setup,
             GCallback bind,
             GCallback unbind,
             gpointer  data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", setup, data);
  g_signal_connect (factory, "bind", bind, data);
  g_signal_connect (factory, "unbind", unbind, data);
  return factory;
}

static void
set_factory (GtkColumnViewColumn *column,
             GtkListItemFactory  *factory)
{
  gtk_column_view_column_set_factory (column, factory);
  g_object_unref (factory);
}

void
_tn_contacts_page_init_columns (TnContactsPage *self)
{
  set_factory (self->name_column,
               new_factory (G_CALLBACK (setup_label_cb), G_CALLBACK (bind_label_cb), G_CALLBACK (unbind_label_cb), (gpointer) &name_column));
  set_factory (self->trust_column,
               new_factory (G_CALLBACK (setup_trust_cb), G_CALLBACK (bind_trust_cb), G_CALLBACK (unbind_trust_cb), NULL));
  set_factory (self->organization_column,
               new_factory (G_CALLBACK (setup_label_cb), G_CALLBACK (bind_label_cb), G_CALLBACK (unbind_label_cb), (gpointer) &organization_column));
  set_factory (self->last_contact_column,
               new_factory (G_CALLBACK (setup_label_cb), G_CALLBACK (bind_label_cb), G_CALLBACK (unbind_label_cb), (gpointer) &last_contact_column));
  set_factory (self->email_column,
               new_factory (G_CALLBACK (setup_label_cb), G_CALLBACK (bind_label_cb), G_CALLBACK (unbind_label_cb), (gpointer) &email_column));

  gtk_custom_sorter_set_sort_func (self->name_sorter, compare_names, NULL, NULL);
  gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_headers_sorter_changed_cb), self, G_CONNECT_SWAPPED);
}
