/* tn-contacts-page-private.h — what the files of TnContactsPage share: the instance, its
 * properties, and each part's entry points; and, for the tests that drive them as a person
 * would, the page's table and search bar (the window needs only tn-contacts-page.h).
 *
 * The page is split by concern: tn-contacts-page.c (the object, its store, loading the
 * list), -columns.c (the cells and sorting), -filter.c (search and filters), -rows.c (the
 * row slots the view shows and its selection), -counts.c
 * (the counts on the filter buttons and the summary) and -triage.c (selection, focus and
 * rating from the keyboard).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tn-after-paint.h"
#include "tn-cadence.h"
#include "tn-contact-filter-list.h"
#include "tn-contacts-page.h"
#include "tn-row-slots.h"
#include "tn-search.h"
#include "tn-trust-cell.h"
#include "tn-trust-counts.h"

G_BEGIN_DECLS

/* TnContactsPage.trust_filter when every rating is shown. */
#define FILTER_ALL (-1)

/* A contact's class in the list (_tn_contacts_page_classify()): its rating, or
 * CLASS_NOT_A_RATING (no #TnTrust, so counted as a contact only), plus CLASS_OVERDUE. */
#define CLASS_NOT_A_RATING TN_TRUST_N_RATINGS
#define CLASS_OVERDUE 8

struct _TnContactsPage
{
  GtkWidget parent_instance;

  TnStore *store;
  gulong items_changed_id;
  /* Whether the store's contacts are in the sort model yet. A worker puts them in name
   * order first (TnContactsByName, a few hundred milliseconds for 100,000): when the page
   * is not what the window shows first, they go in once the first frame is painted and
   * the order is made (@ordered_id), or when the page is shown (tn_contacts_page_load())
   * or its rows are needed, which waits for the worker. */
  gboolean model_attached;
  gulong after_paint_id;
  /* While pending, the view's rows move a step toward those it should have, after the next
   * frame (tn-contacts-page-rows.c). */
  TnAfterPaint rows_after_paint;
  gulong ordered_id;
  guint attach_source;
  GSettings *settings;

  int trust_filter;
  /* Only those whose keep-in-touch interval has passed, by the rule of tn-cadence, on
   * the day @today (refreshed when @clock says the day changed). */
  gboolean overdue_only;
  TnCadence cadence;
  GDateTime *today;
  TnClock *clock;
  TnSearch *search;
  gboolean search_mode;
  gboolean compact;
  gboolean narrow;
  char *summary;
  TnContact *selected_contact;

  /* Whether each contact is overdue, TnContact → 1 (no) or 2 (yes): checking it reads
   * dates, too slow to do for 100,000 contacts at every toggle. Emptied when the day or
   * the intervals change; a contact's entry goes when the store says it changed. */
  GHashTable *overdue_cache;
  /* Every contact, and those the search finds per rating, [1] the overdue, [0] the others:
   * counted from the list's classes whenever it says they changed (tn-contacts-page-counts.c).
   * The filters only combine them. */
  TnTrustCounts total;
  TnTrustCounts found[2];
  TnAfterPaint recount;

  /* What each filter button would show if clicked, given the search and the other
   * filter: the counts the buttons show. */
  guint counts[TN_TRUST_N_RATINGS];
  guint n_overdue;
  guint n_contacts;

  guint warm_source;

  guint focus_tick;
  guint focus_tries;

  /* Template children */
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkWidget *filter_bar;
  GtkStack *stack;
  GtkScrolledWindow *scroller;
  GtkColumnView *column_view;
  GtkColumnViewColumn *name_column;
  GtkCustomSorter *name_sorter;
  GtkColumnViewColumn *trust_column;
  GtkColumnViewColumn *organization_column;
  GtkColumnViewColumn *last_contact_column;
  GtkColumnViewColumn *email_column;
  AdwStatusPage *no_matches_page;
  GtkLabel *result_count;
  GtkSortListModel *sort_model;
  GtkSingleSelection *selection;
  /* Between the two: who is shown (tn-contacts-page-filter.c). */
  TnContactFilterList *shown;
  /* What the view shows: a slot per row over @shown, and the view's selection of them,
   * kept on @selection (tn-contacts-page-rows.c). */
  TnRowSlots *slots;
  GtkSingleSelection *row_selection;
  gboolean following_shown;
  gboolean syncing_rows;
  /* Whether the view was scrolled since the contacts shown last changed from the top: it
   * has every row then, else only those in reach of the top (tn-contacts-page-rows.c). */
  gboolean rows_scrolled;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_TRUST_FILTER,
  PROP_OVERDUE_ONLY,
  PROP_SEARCH_MODE,
  PROP_COMPACT,
  PROP_SUMMARY,
  PROP_SELECTED_CONTACT,
  PROP_N_CONTACTS,
  PROP_N_COMPLETELY,
  PROP_N_MODERATELY,
  PROP_N_VAGUELY,
  PROP_N_UNRATED,
  PROP_N_OVERDUE,
  PROP_CLOCK,
  N_PROPS
};

/* tn-contacts-page.c */
void           _tn_contacts_page_notify                 (TnContactsPage  *self,
                                                         guint            prop_id);
void           _tn_contacts_page_attach_model           (TnContactsPage  *self);

/* tn-contacts-page-columns.c */
void           _tn_contacts_page_class_bind_columns     (GtkWidgetClass  *widget_class);
void           _tn_contacts_page_init_columns           (TnContactsPage  *self);

/* tn-contacts-page-filter.c */
void           _tn_contacts_page_class_bind_filters     (GtkWidgetClass  *widget_class);
void           _tn_contacts_page_init_filters           (TnContactsPage  *self);
void           _tn_contacts_page_refilter               (TnContactsPage  *self,
                                                         TnFilterStage    stage,
                                                         TnFilterChange   change);
gboolean       _tn_contacts_page_is_found               (TnContactsPage  *self,
                                                         TnContact       *contact);
gboolean       _tn_contacts_page_shows                  (TnContactsPage  *self,
                                                         TnContact       *contact);
void           _tn_contacts_page_set_search             (TnContactsPage  *self,
                                                         const char      *text);
void           _tn_contacts_page_clear_filters          (TnContactsPage  *self);
void           _tn_contacts_page_update_stack           (TnContactsPage  *self);
void           _tn_contacts_page_warm_search_keys       (TnContactsPage  *self);

/* tn-contacts-page-counts.c */
void           _tn_contacts_page_init_counts            (TnContactsPage  *self);
gboolean       _tn_contacts_page_is_overdue             (TnContactsPage  *self,
                                                         TnContact       *contact);
guint          _tn_contacts_page_classify               (TnContact       *contact,
                                                         gpointer         user_data);
void           _tn_contacts_page_reconsider_overdue     (TnContactsPage  *self);
void           _tn_contacts_page_recount                (TnContactsPage  *self);
void           _tn_contacts_page_queue_recount          (TnContactsPage  *self);
void           _tn_contacts_page_unmap_counts           (TnContactsPage  *self);
void           _tn_contacts_page_update_counts          (TnContactsPage  *self);
void           _tn_contacts_page_store_items_changed_cb (TnContactsPage  *self,
                                                         guint            position,
                                                         guint            removed,
                                                         guint            added,
                                                         GListModel      *contacts);

/* tn-contacts-page-rows.c */
void           _tn_contacts_page_init_rows              (TnContactsPage  *self);
void           _tn_contacts_page_sync_row_selection     (TnContactsPage  *self);
void           _tn_contacts_page_scroll_to_top          (TnContactsPage  *self);
void           _tn_contacts_page_hold_rows_until_painted (TnContactsPage *self);
void           _tn_contacts_page_announce_row           (TnContactsPage  *self,
                                                         guint            position);
void           _tn_contacts_page_stop_row_steps         (TnContactsPage  *self);
TnContact     *_tn_contacts_page_row_contact            (GtkListItem     *list_item);

/* tn-contacts-page-triage.c */
void           _tn_contacts_page_row_rate_cb            (TnTrustCell     *cell,
                                                         TnTrust          trust,
                                                         gpointer         user_data);
void           _tn_contacts_page_class_bind_triage      (GtkWidgetClass  *widget_class);
void           _tn_contacts_page_shown_changed_cb       (TnContactsPage  *self,
                                                         guint            position,
                                                         guint            removed,
                                                         guint            added,
                                                         GListModel      *shown);
gboolean       _tn_contacts_page_list_has_focus         (TnContactsPage  *self);
void           _tn_contacts_page_rescue_focus           (TnContactsPage  *self,
                                                         gboolean         had_focus);
void           _tn_contacts_page_focus_selected         (TnContactsPage  *self);
void           _tn_contacts_page_select_position        (TnContactsPage  *self,
                                                         guint            position);

/* For the tests */
GtkColumnView *tn_contacts_page_get_column_view         (TnContactsPage  *self);
GtkSearchBar  *tn_contacts_page_get_search_bar          (TnContactsPage  *self);

G_END_DECLS
