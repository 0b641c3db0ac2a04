/* tn-cli-job-changes.c — `trustnet --job-changes [--json]`: the job changes imports
 * noticed, 1s first, as lines for people or as JSON for programs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-cli.h"
#include "tn-cli-job-changes.h"
#include "tn-store-jobs.h"
#include "tn-text.h"

static void
print_json (GPtrArray *changes)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < changes->len; i++)
    {
      TnJobChange *change = g_ptr_array_index (changes, i);

      json_builder_begin_object (builder);
      tn_cli_add_nullable_string (builder, "name", change->name);
      tn_cli_add_nullable_string (builder, "uid", change->uid);
      tn_cli_add_nullable_string (builder, "from_organization", change->from_organization);
      tn_cli_add_nullable_string (builder, "from_title", change->from_title);
      tn_cli_add_nullable_string (builder, "to_organization", change->to_organization);
      tn_cli_add_nullable_string (builder, "to_title", change->to_title);
      tn_cli_add_nullable_string (builder, "noticed_on", change->noticed_on);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  tn_cli_print_json (builder);
}

static void
print_lines (GPtrArray *changes)
{
  if (changes->len == 0)
    {
      g_print ("%s\n", _("Nobody changed jobs yet: imports notice it when a known person’s organization or title differs."));
      return;
    }

  for (guint i = 0; i < changes->len; i++)
    {
      TnJobChange *change = g_ptr_array_index (changes, i);
      g_autofree char *from = tn_job_change_describe_job (change->from_organization, change->from_title);
      g_autofree char *to = tn_job_change_describe_job (change->to_organization, change->to_title);

      /* TRANSLATORS: day, name, old job, new job: "2026-12-06  Ada Lovelace: CTO at Acme → CTO at Initech" */
      tn_text_print (FALSE, _("%s  %s: %s → %s\n"), change->noticed_on, change->name, from, to);
    }
}

/**
 * tn_cli_print_job_changes:
 * @store: an open store
 * @json: whether to print JSON (name, uid, from_organization, from_title, to_organization,
 *   to_title, noticed_on) instead of lines
 * @error: return location for a #GError
 *
 * Prints every job change of the contacts in the list, dismissed ones included.
 *
 * Returns: %TRUE on success
 */
gboolean
tn_cli_print_job_changes (TnStore   *store,
                          gboolean   json,
                          GError   **error)
{
  g_autoptr(GPtrArray) changes = NULL;

  g_return_val_if_fail (TN_IS_STORE (store), FALSE);

  changes = tn_store_list_job_changes (store, TN_JOB_CHANGES_FLAGS_NONE, error);
  if (changes == NULL)
    return FALSE;

  if (json)
    print_json (changes);
  else
    print_lines (changes);
  return TRUE;
}
