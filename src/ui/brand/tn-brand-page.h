/* tn-brand-page.h — the "Who You Are" page: the brand statement editor with live
 * coaching, its versions and reach, and the linchpin self-check.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tn-store.h"

G_BEGIN_DECLS

#define TN_TYPE_BRAND_PAGE (tn_brand_page_get_type ())

G_DECLARE_FINAL_TYPE (TnBrandPage, tn_brand_page, TN, BRAND_PAGE, AdwBin)

TnStore *tn_brand_page_get_store (TnBrandPage *self);
void     tn_brand_page_set_store (TnBrandPage *self,
                                  TnStore     *store);

G_END_DECLS
