/* tn-contact-filter-list.h — the contacts a list shows: a GListModel over another list of
 * contacts, filtered in two stages (the search, then the filters on what it finds), each
 * change asking again only those it can concern.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tn-contact.h"
#include "tn-search.h"

G_BEGIN_DECLS

#define TN_TYPE_CONTACT_FILTER_LIST (tn_contact_filter_list_get_type ())

G_DECLARE_FINAL_TYPE (TnContactFilterList, tn_contact_filter_list, TN, CONTACT_FILTER_LIST, GObject)

/**
 * TnFilterStage:
 * @TN_FILTER_STAGE_SEARCH: the first test: who is found (what the counts count)
 * @TN_FILTER_STAGE_FILTERS: the second, asked only of those found: who of them is shown
 */
typedef enum
{
  TN_FILTER_STAGE_SEARCH,
  TN_FILTER_STAGE_FILTERS,
} TnFilterStage;

/**
 * TnFilterChange:
 * @TN_FILTER_CHANGE_DIFFERENT: anyone may now pass or fail
 * @TN_FILTER_CHANGE_LESS_STRICT: whoever passed still passes: only the others are asked again
 * @TN_FILTER_CHANGE_MORE_STRICT: whoever failed still fails: only those who passed are asked again
 */
typedef enum
{
  TN_FILTER_CHANGE_DIFFERENT,
  TN_FILTER_CHANGE_LESS_STRICT,
  TN_FILTER_CHANGE_MORE_STRICT,
} TnFilterChange;

typedef gboolean (*TnContactTest) (TnContact *contact,
                                   gpointer   user_data);

/* How many classes a TnContactClassify may put contacts in, and all of them as a set. */
#define TN_CONTACT_N_CLASSES 16
#define TN_CONTACT_ALL_CLASSES 0xFFFFu

/* The class of @contact, below TN_CONTACT_N_CLASSES: what a list counts by, and what the
 * second test may ask (tn_contact_filter_list_set_passing_classes()). */
typedef guint (*TnContactClassify) (TnContact *contact,
                                    gpointer   user_data);

TnContactFilterList *tn_contact_filter_list_new          (void);
void                 tn_contact_filter_list_set_model    (TnContactFilterList *self,
                                                          GListModel          *model);
void                 tn_contact_filter_list_set_test     (TnContactFilterList *self,
                                                          TnFilterStage        stage,
                                                          TnContactTest        test,
                                                          gpointer             user_data);
void                 tn_contact_filter_list_set_search   (TnContactFilterList *self,
                                                          const TnSearch      *search);
gboolean             tn_contact_filter_list_fold_keys    (TnContactFilterList *self,
                                                          guint                n);
void                 tn_contact_filter_list_changed      (TnContactFilterList *self,
                                                          TnFilterStage        stage,
                                                          TnFilterChange       change);
void                 tn_contact_filter_list_remember_found (TnContactFilterList *self,
                                                           const char          *key);
gboolean             tn_contact_filter_list_recall_found (TnContactFilterList *self,
                                                          const char          *key);
guint                tn_contact_filter_list_find         (TnContactFilterList *self,
                                                          TnContact           *contact);
void                 tn_contact_filter_list_set_classify (TnContactFilterList *self,
                                                          TnContactClassify    classify,
                                                          gpointer             user_data);
void                 tn_contact_filter_list_set_passing_classes (TnContactFilterList *self,
                                                                 guint                classes);
void                 tn_contact_filter_list_forget_classes (TnContactFilterList *self);
gboolean             tn_contact_filter_list_classify     (TnContactFilterList *self,
                                                          guint                n);
guint                tn_contact_filter_list_get_n_unclassified (TnContactFilterList *self);
void                 tn_contact_filter_list_count_classes (TnContactFilterList *self,
                                                           guint                all[TN_CONTACT_N_CLASSES],
                                                           guint                found[TN_CONTACT_N_CLASSES]);

G_END_DECLS
