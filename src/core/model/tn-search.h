/* tn-search.h — the one rule by which a typed search finds people, shared by the
 * contacts list, the log dialog and `trustnet --list --search`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "tn-contact.h"

G_BEGIN_DECLS

typedef struct _TnSearch TnSearch;

char       *tn_search_fold              (const char         *text);
char       *tn_search_make_key          (const char * const *fields,
                                         gsize               n_fields);

TnSearch   *tn_search_new               (const char         *text);
void        tn_search_free              (TnSearch           *self);
gboolean    tn_search_is_empty          (const TnSearch     *self);
gboolean    tn_search_equal             (const TnSearch     *a,
                                         const TnSearch     *b);
gboolean    tn_search_is_narrower       (const TnSearch     *self,
                                         const TnSearch     *than);
gboolean    tn_search_matches_key       (const TnSearch     *self,
                                         const char         *key);
gboolean    tn_search_matches_contact   (const TnSearch     *self,
                                         TnContact          *contact);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TnSearch, tn_search_free)

G_END_DECLS
