/* tn-import-merge-private.h — the importer's merge step: what a card brings to a contact
 * TrustNet already has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tn-duplicates.h"
#include "tn-import-writer.h"

G_BEGIN_DECLS

gboolean _tn_import_merge_card      (TnImportWriter     *writer,
                                     TnDuplicateIndex   *index,
                                     gint64              batch_id,
                                     gint64              id,
                                     const TnVcardCard  *card,
                                     gboolean           *changed,
                                     GError            **error);
gboolean _tn_import_is_job_change   (const char         *organization,
                                     const char         *title,
                                     const TnVcardCard  *card,
                                     char              **to_organization,
                                     char              **to_title);

G_END_DECLS
