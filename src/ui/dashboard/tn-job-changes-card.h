/* tn-job-changes-card.h — the dashboard's "Changed Jobs": 1s and 2s who changed jobs, each
 * with Log… and Dismiss.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tn-store.h"

G_BEGIN_DECLS

#define TN_TYPE_JOB_CHANGES_CARD (tn_job_changes_card_get_type ())

G_DECLARE_FINAL_TYPE (TnJobChangesCard, tn_job_changes_card, TN, JOB_CHANGES_CARD, GtkFlowBoxChild)

TnStore *tn_job_changes_card_get_store (TnJobChangesCard *self);
void     tn_job_changes_card_set_store (TnJobChangesCard *self,
                                        TnStore          *store);
void     tn_job_changes_card_refresh   (TnJobChangesCard *self);
guint    tn_job_changes_card_get_n_shown (TnJobChangesCard *self);

G_END_DECLS
