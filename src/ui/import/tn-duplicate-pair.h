/* tn-duplicate-pair.h — two contacts that may be one person, as the Possible Duplicates
 * window lists them: the one that was there first, and the later one with the same name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "tn-contact.h"
#include "tn-duplicate-hints.h"

G_BEGIN_DECLS

#define TN_TYPE_DUPLICATE_PAIR (tn_duplicate_pair_get_type ())

G_DECLARE_FINAL_TYPE (TnDuplicatePair, tn_duplicate_pair, TN, DUPLICATE_PAIR, GObject)

TnDuplicatePair *tn_duplicate_pair_new        (TnContact        *first,
                                               TnContact        *second,
                                               TnDuplicateHints  hints);
TnContact       *tn_duplicate_pair_get_first  (TnDuplicatePair  *self);
TnContact       *tn_duplicate_pair_get_second (TnDuplicatePair  *self);
TnDuplicateHints tn_duplicate_pair_get_hints  (TnDuplicatePair  *self);

G_END_DECLS
