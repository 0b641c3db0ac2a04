/* tn-store-jobs.h — job changes: a known person found working somewhere else, or as
 * something else, by an import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tn-store.h"

G_BEGIN_DECLS

/**
 * TnJobChange:
 * @id: the change's id
 * @contact_id: whose job changed
 * @uid: the contact's uid
 * @name: the contact's full name
 * @trust: the contact's rating now
 * @from_organization: (nullable): where they worked
 * @from_title: (nullable): as what
 * @to_organization: (nullable): where they work now
 * @to_title: (nullable): as what
 * @noticed_on: the day the import noticed it, "YYYY-MM-DD"
 * @dismissed: whether the person dismissed it on the dashboard
 */
typedef struct
{
  gint64 id;
  gint64 contact_id;
  char *uid;
  char *name;
  TnTrust trust;
  char *from_organization;
  char *from_title;
  char *to_organization;
  char *to_title;
  char *noticed_on;
  gboolean dismissed;
} TnJobChange;

/**
 * TnJobChangesFlags:
 * @TN_JOB_CHANGES_FLAGS_NONE: every job change, dismissed ones included
 * @TN_JOB_CHANGES_FLAGS_NOT_DISMISSED: only those still to look at
 */
typedef enum
{
  TN_JOB_CHANGES_FLAGS_NONE = 0,
  TN_JOB_CHANGES_FLAGS_NOT_DISMISSED = 1 << 0,
} TnJobChangesFlags;

void        tn_job_change_free                (TnJobChange        *change);
char       *tn_job_change_describe_job        (const char         *organization,
                                               const char         *title);

GPtrArray  *tn_store_list_job_changes         (TnStore            *self,
                                               TnJobChangesFlags   flags,
                                               GError            **error);
GPtrArray  *tn_store_list_contact_job_changes (TnStore            *self,
                                               TnContact          *contact,
                                               GError            **error);
gboolean    tn_store_dismiss_job_change       (TnStore            *self,
                                               gint64              id,
                                               GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TnJobChange, tn_job_change_free)

G_END_DECLS
