/* tn-import-summary.c — "Imported 812 contacts, merged 17 duplicates, skipped 2 broken
 * cards; 5 were already there", written once for the window's toast and `trustnet --import`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tn-csv.h"
#include "tn-import-summary.h"

/* Joins @part (taken) to *@summary with @format, "%s, %s" or "%s; %s" as translated. */
static void
append_part (char       **summary,
             const char  *format,
             char        *part)
{
  g_autofree char *owned = part;
  char *joined = g_strdup_printf (format, *summary, owned);

  g_free (*summary);
  *summary = joined;
}

/* Whether every skipped item was a row of a CSV file, so they are "rows", not "cards". */
static gboolean
skipped_only_rows (const TnImportResult *result)
{
  gboolean any_row = FALSE;

  for (guint i = 0; result->files != NULL && i < result->files->len; i++)
    {
      const TnImportFileResult *file = g_ptr_array_index (result->files, i);

      if (file->n_skipped == 0)
        continue;
      if (file->file == NULL || !tn_csv_file_is_csv (file->file))
        return FALSE;
      any_row = TRUE;
    }
  return any_row;
}

static char *
describe_skipped (const TnImportResult *result)
{
  if (skipped_only_rows (result))
    return g_strdup_printf (ngettext ("skipped %u broken row", "skipped %u broken rows", result->n_skipped),
                            result->n_skipped);
  return g_strdup_printf (ngettext ("skipped %u broken card", "skipped %u broken cards", result->n_skipped),
                          result->n_skipped);
}

/**
 * tn_import_result_describe:
 * @result: what an import did
 *
 * Says @result in one line, leaving out the parts that are zero: "Imported 812 contacts,
 * merged 17 duplicates, skipped 2 broken cards; 5 were already there", "Nothing new; 5
 * were already there", "No new contacts, merged 3 duplicates". Broken items are "rows"
 * when every one came from a CSV file. Files refused as a whole are not said here.
 *
 * Returns: (transfer full): the line, without a full stop
 */
char *
tn_import_result_describe (const TnImportResult *result)
{
  g_autofree char *summary = NULL;

  g_return_val_if_fail (result != NULL, NULL);

  if (result->n_added == 0 && result->n_merged == 0 && result->n_skipped == 0 && result->n_unchanged > 0)
    /* TRANSLATORS: followed by "; 5 were already there" */
    summary = g_strdup (_("Nothing new"));
  else if (result->n_added > 0 || result->n_merged == 0)
    summary = g_strdup_printf (ngettext ("Imported %u contact", "Imported %u contacts", result->n_added),
                               result->n_added);
  else
    /* TRANSLATORS: followed by ", merged 17 duplicates" */
    summary = g_strdup (_("No new contacts"));

  if (result->n_merged > 0)
    /* TRANSLATORS: joins the parts of "Imported 812 contacts, merged 17 duplicates" */
    append_part (&summary, C_("import summary", "%s, %s"),
                 g_strdup_printf (ngettext ("merged %u duplicate", "merged %u duplicates", result->n_merged),
                                  result->n_merged));

  if (result->n_skipped > 0)
    append_part (&summary, C_("import summary", "%s, %s"), describe_skipped (result));

  if (result->n_unchanged > 0)
    /* TRANSLATORS: joins "Imported 7 contacts" and "5 were already there" */
    append_part (&summary, C_("import summary", "%s; %s"),
                 g_strdup_printf (ngettext ("%u was already there", "%u were already there", result->n_unchanged),
                                  result->n_unchanged));

  return g_steal_pointer (&summary);
}
