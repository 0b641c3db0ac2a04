/* tn-csv.c — a CSV file's rows handed to the importer as cards, one at a time, as
 * tn_vcard_parse_file_foreach() hands a vCard file's; and a preview of the first rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The header is found by its names among the first rows: LinkedIn puts a note of three
 * lines before it (older exports do not). A file whose header is no known export is
 * refused, unless the person chose what each column holds (tn_csv_file_set_columns()).
 */
#define G_LOG_DOMAIN "tn-csv"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tn-csv-private.h"

/* How many rows may come before the header. */
#define MAX_ROWS_BEFORE_HEADER 10

/* ---- Columns a person chose ------------------------------------------------------------- */

typedef struct
{
  TnCsvColumn *columns;
  guint n_columns;
} ChosenColumns;

static void
chosen_columns_free (ChosenColumns *chosen)
{
  g_free (chosen->columns);
  g_free (chosen);
}

/**
 * tn_csv_file_set_columns:
 * @file: a CSV file about to be imported
 * @columns: (array length=n_columns): what each column of its first row holds
 * @n_columns: how many there are
 *
 * Keeps, with this #GFile object, what the person said each column holds: importing it
 * then reads its first row as the header and the rows after it with these columns,
 * whatever the header's names.
 */
void
tn_csv_file_set_columns (GFile             *file,
                         const TnCsvColumn *columns,
                         guint              n_columns)
{
  ChosenColumns *chosen = g_new0 (ChosenColumns, 1);

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (columns != NULL || n_columns == 0);

  chosen->columns = g_memdup2 (columns, n_columns * sizeof *columns);
  chosen->n_columns = n_columns;
  g_object_set_data_full (G_OBJECT (file), "tn-csv-columns", chosen, (GDestroyNotify) chosen_columns_free);
}

TnCsvColumn *
_tn_csv_file_get_columns (GFile *file,
                          guint *n_columns)
{
  ChosenColumns *chosen = g_object_get_data (G_OBJECT (file), "tn-csv-columns");

  if (chosen == NULL)
    return NULL;

  *n_columns = chosen->n_columns;
  return g_memdup2 (chosen->columns, chosen->n_columns * sizeof *chosen->columns);
}

/* ---- Reading the rows --------------------------------------------------------------------- */

typedef struct
{
  TnCsvFormat format;
  TnCsvColumn *columns;
  guint n_columns;
  guint n_rows_before_header;
  guint widest_row;

  TnVcardCardFunc func;
  gpointer user_data;
  guint index;
  guint n_rows_at_most;
  GPtrArray *problems;
  guint n_skipped;
  gboolean stopped;
} Parse;

static gboolean
row_is_blank (const char * const *cells)
{
  for (guint i = 0; cells[i] != NULL; i++)
    {
      for (const char *p = cells[i]; *p != '\0'; p++)
        {
          if (!g_ascii_isspace (*p))
            return FALSE;
        }
    }

  return TRUE;
}

/* Before the header: is this row it? */
static void
find_header (Parse *self,
             GStrv  cells)
{
  guint n = g_strv_length (cells);

  self->widest_row = MAX (self->widest_row, n);
  self->n_rows_before_header++;

  if (self->columns != NULL)
    {
      /* Chosen columns: the first row that is not blank is the header. */
      if (!row_is_blank ((const char * const *) cells))
        self->format = TN_CSV_FORMAT_CHOSEN;
      return;
    }

  self->format = tn_csv_detect_format ((const char * const *) cells);
  if (self->format == TN_CSV_FORMAT_UNKNOWN)
    return;

  self->n_columns = n;
  self->columns = g_new0 (TnCsvColumn, n);
  for (guint i = 0; i < n; i++)
    self->columns[i] = tn_csv_column_for_header (self->format, cells[i]);
}

static gboolean
on_row_cb (GStrv    cells,
           guint    line,
           gpointer user_data)
{
  Parse *self = user_data;
  g_auto(GStrv) owned = cells;
  TnVcardCard *card;
  guint n_cells;

  if (self->format == TN_CSV_FORMAT_UNKNOWN)
    {
      find_header (self, cells);
      return self->format != TN_CSV_FORMAT_UNKNOWN || self->n_rows_before_header < MAX_ROWS_BEFORE_HEADER;
    }

  if (row_is_blank ((const char * const *) cells))
    return TRUE;

  n_cells = g_strv_length (cells);
  if (n_cells > self->n_columns)
    {
      self->n_skipped++;
      _tn_csv_add_problem (self->problems, line, TRUE,
                           g_dngettext (GETTEXT_PACKAGE,
                                        "This row has %u cell more than the header; it was skipped.",
                                        "This row has %u cells more than the header; it was skipped.",
                                        n_cells - self->n_columns),
                           n_cells - self->n_columns);
      return TRUE;
    }

  card = _tn_csv_card_from_row (self->columns, self->n_columns, self->format,
                                (const char * const *) cells, line);
  if (card == NULL)
    {
      self->n_skipped++;
      _tn_csv_add_problem (self->problems, line, TRUE,
                           _("This row has no name, organization or email address; it was skipped."));
      return TRUE;
    }

  self->index++;
  if (!self->func (card, self->index - 1, MAX (self->n_rows_at_most, self->index), self->user_data))
    self->stopped = TRUE;
  return !self->stopped;
}

/* The error for a file whose header was not found. */
static void
set_not_found_error (Parse   *self,
                     GError **error)
{
  if (self->n_rows_before_header == 0)
    g_set_error_literal (error, TN_CSV_ERROR, TN_CSV_ERROR_EMPTY, _("The file holds no rows."));
  else if (self->widest_row < 2)
    g_set_error_literal (error, TN_CSV_ERROR, TN_CSV_ERROR_NOT_CSV,
                         _("This is not a CSV file: no row has more than one column."));
  else
    g_set_error (error, TN_CSV_ERROR, TN_CSV_ERROR_UNKNOWN_FORMAT,
                 _("TrustNet does not know this kind of CSV file. It reads %s (Connections.csv), "
                   "%s (current and older exports) and %s (English or German)."),
                 tn_csv_format_name (TN_CSV_FORMAT_LINKEDIN), tn_csv_format_name (TN_CSV_FORMAT_GOOGLE),
                 tn_csv_format_name (TN_CSV_FORMAT_OUTLOOK));
}

/* Prefixes @error's message with the file's name, as the vCard reader's messages have it. */
static void
name_the_file (GFile   *file,
               GError **error)
{
  g_autofree char *name = g_file_get_basename (file);

  if (error != NULL && *error != NULL && (*error)->domain == TN_CSV_ERROR)
    /* TRANSLATORS: %s is a file's name; what is wrong with it follows */
    g_prefix_error (error, _("“%s”: "), name);
}

/**
 * tn_csv_parse_file_foreach:
 * @file: a CSV file
 * @func: called with each card, in file order; it takes the card
 * @user_data: for @func
 * @problems: (out) (optional) (element-type TnVcardProblem) (transfer full): rows that
 *   were skipped, as "line: what", in line order
 * @n_skipped: (out) (optional): how many rows were skipped
 * @cancellable: (nullable): to stop reading (then %G_IO_ERROR_CANCELLED)
 * @error: return location for a #GError: a #TnCsvError, a #TnVcardError for a file too
 *   large, or a #GIOError for one that cannot be read
 *
 * tn_vcard_parse_file_foreach() for CSV exports: each row after the header becomes a card,
 * with the columns its format names (see tn_csv_detect_format()) or the person chose.
 *
 * Returns: %TRUE if the file was read to its end (or until @func said stop)
 */
gboolean
tn_csv_parse_file_foreach (GFile            *file,
                           TnVcardCardFunc   func,
                           gpointer          user_data,
                           GPtrArray       **problems,
                           guint            *n_skipped,
                           GCancellable     *cancellable,
                           GError          **error)
{
  g_autoptr(GPtrArray) found_problems = g_ptr_array_new_with_free_func ((GDestroyNotify) tn_vcard_problem_free);
  g_autofree char *text = NULL;
  Parse self = { TN_CSV_FORMAT_UNKNOWN };
  gsize len = 0;
  gboolean read;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (problems != NULL)
    *problems = NULL;
  if (n_skipped != NULL)
    *n_skipped = 0;

  text = _tn_csv_read_text (file, &len, cancellable, error);
  if (text == NULL)
    {
      name_the_file (file, error);
      return FALSE;
    }

  self.columns = _tn_csv_file_get_columns (file, &self.n_columns);
  self.func = func;
  self.user_data = user_data;
  self.problems = found_problems;
  self.n_rows_at_most = _tn_csv_count_lines (text, len);

  read = _tn_csv_read_rows (text, len, on_row_cb, &self, found_problems, &self.n_skipped, cancellable);
  g_free (self.columns);

  if (!read)
    return !g_cancellable_set_error_if_cancelled (cancellable, error);

  if (self.format == TN_CSV_FORMAT_UNKNOWN)
    {
      set_not_found_error (&self, error);
      name_the_file (file, error);
      return FALSE;
    }

  if (problems != NULL)
    *problems = g_steal_pointer (&found_problems);
  if (n_skipped != NULL)
    *n_skipped = self.n_skipped;
  return TRUE;
}

/* ---- A preview ------------------------------------------------------------------------- */

typedef struct
{
  TnCsvPreview *preview;
  guint max_rows;
} Previewing;

static gboolean
on_preview_row_cb (GStrv    cells,
                   guint    line,
                   gpointer user_data)
{
  Previewing *self = user_data;
  TnCsvPreview *preview = self->preview;
  TnCsvFormat format;

  if (row_is_blank ((const char * const *) cells))
    {
      g_strfreev (cells);
      return TRUE;
    }

  if (preview->header != NULL)
    {
      g_ptr_array_add (preview->rows, cells);
      return preview->rows->len < self->max_rows;
    }

  /* A row before the header of a known format (LinkedIn's note) is passed by; in an
   * unknown file the first row is the header. */
  format = tn_csv_detect_format ((const char * const *) cells);
  if (format == TN_CSV_FORMAT_UNKNOWN && g_strv_length (cells) < 2)
    {
      g_strfreev (cells);
      return TRUE;
    }

  preview->format = format;
  preview->header = cells;
  preview->n_columns = g_strv_length (cells);
  preview->columns = g_new0 (TnCsvColumn, preview->n_columns);
  for (guint i = 0; i < preview->n_columns; i++)
    preview->columns[i] = tn_csv_column_for_header (format, cells[i]);

  return self->max_rows > 0;
}

/**
 * tn_csv_preview_file:
 * @file: a CSV file
 * @max_rows: how many rows after the header to read at most
 * @cancellable: (nullable): to stop reading
 * @error: return location for a #GError, as tn_csv_parse_file_foreach()
 *
 * Reads the header and the first rows of @file, for a person to say what each column
 * holds when TrustNet does not know the format.
 *
 * Returns: (transfer full) (nullable): the preview
 */
TnCsvPreview *
tn_csv_preview_file (GFile         *file,
                     guint          max_rows,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(TnCsvPreview) preview = g_new0 (TnCsvPreview, 1);
  Previewing previewing = { preview, max_rows };
  g_autofree char *text = NULL;
  gsize len = 0;
  guint n_broken = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  text = _tn_csv_read_text (file, &len, cancellable, error);
  if (text == NULL)
    {
      name_the_file (file, error);
      return NULL;
    }

  preview->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  if (!_tn_csv_read_rows (text, len, on_preview_row_cb, &previewing, NULL, &n_broken, cancellable))
    {
      g_cancellable_set_error_if_cancelled (cancellable, error);
      return NULL;
    }

  if (preview->header == NULL || preview->n_columns < 2)
    {
      g_set_error_literal (error, TN_CSV_ERROR, TN_CSV_ERROR_NOT_CSV,
                           _("This is not a CSV file: no row has more than one column."));
      name_the_file (file, error);
      return NULL;
    }

  return g_steal_pointer (&preview);
}

void
tn_csv_preview_free (TnCsvPreview *preview)
{
  if (preview == NULL)
    return;

  g_strfreev (preview->header);
  g_free (preview->columns);
  g_clear_pointer (&preview->rows, g_ptr_array_unref);
  g_free (preview);
}
