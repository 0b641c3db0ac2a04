/* tn-contacts-page-private.h — the page's table and search bar, for the tests that drive
 * them as a person would; the window needs only what tn-contacts-page.h offers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tn-contacts-page.h"

G_BEGIN_DECLS

GtkColumnView *tn_contacts_page_get_column_view (TnContactsPage *self);
GtkSearchBar  *tn_contacts_page_get_search_bar  (TnContactsPage *self);

G_END_DECLS
