/* tn-contacts-page.h — the contacts table: search, trust filter, sortable
 * columns, in-place rating and keyboard triage.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tn-clock.h"
#include "tn-store.h"

G_BEGIN_DECLS

#define TN_TYPE_CONTACTS_PAGE (tn_contacts_page_get_type ())

G_DECLARE_FINAL_TYPE (TnContactsPage, tn_contacts_page, TN, CONTACTS_PAGE, GtkWidget)

GtkWidget      *tn_contacts_page_new                  (TnStore        *store);
TnStore        *tn_contacts_page_get_store            (TnContactsPage *self);
void            tn_contacts_page_set_store            (TnContactsPage *self,
                                                       TnStore        *store);
TnClock        *tn_contacts_page_get_clock            (TnContactsPage *self);
void            tn_contacts_page_set_clock            (TnContactsPage *self,
                                                       TnClock        *clock);

void            tn_contacts_page_load                 (TnContactsPage *self);
void            tn_contacts_page_set_narrow           (TnContactsPage *self,
                                                       gboolean        narrow);
TnContact      *tn_contacts_page_get_selected_contact (TnContactsPage *self);
gboolean        tn_contacts_page_select_contact       (TnContactsPage *self,
                                                       TnContact      *contact);
void            tn_contacts_page_focus_list           (TnContactsPage *self);

const char     *tn_contacts_page_get_trust_filter     (TnContactsPage *self);
void            tn_contacts_page_set_trust_filter     (TnContactsPage *self,
                                                       const char     *trust_filter);
gboolean        tn_contacts_page_get_overdue_only     (TnContactsPage *self);
void            tn_contacts_page_set_overdue_only     (TnContactsPage *self,
                                                       gboolean        overdue_only);
gboolean        tn_contacts_page_get_search_mode      (TnContactsPage *self);
void            tn_contacts_page_set_search_mode      (TnContactsPage *self,
                                                       gboolean        search_mode);
const char     *tn_contacts_page_get_summary          (TnContactsPage *self);
gboolean        tn_contacts_page_get_filtered         (TnContactsPage *self);
gboolean        tn_contacts_page_get_compact          (TnContactsPage *self);
void            tn_contacts_page_set_compact          (TnContactsPage *self,
                                                       gboolean        compact);

/* The window focuses the search entry (Ctrl+F) and exports what is shown. */
GtkSearchEntry *tn_contacts_page_get_search_entry     (TnContactsPage *self);
GListModel     *tn_contacts_page_get_visible_model    (TnContactsPage *self);

G_END_DECLS
