/* tn-csv-read.c — the bytes of a CSV file as rows of cells: decoded to UTF-8 (a byte-order
 * mark dropped, Windows-1252 when the bytes are not UTF-8), then split by libcsv.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libcsv is given the text one line at a time, so that each row knows the line it starts
 * on: a row starts on the line fed while the parser had not begun one. Its strict mode
 * finds the broken rows (a stray quote in a cell, a quoted cell that never ends); such a
 * row is reported and skipped, and reading goes on at the next line.
 */
#define G_LOG_DOMAIN "tn-csv"

#include "config.h"

#include <string.h>

#include <csv.h>
#include <glib/gi18n-lib.h>

#include "tn-csv-private.h"
#include "tn-vcard-read.h"

/* libcsv's state while no row has begun (ROW_NOT_BEGUN in its source). */
#define CSV_ROW_NOT_BEGUN 0

/* A row with more cells than this is not an address book's. */
#define MAX_CELLS 4096

void
_tn_csv_add_problem (GPtrArray  *problems,
                     guint       line,
                     gboolean    row_skipped,
                     const char *format,
                     ...)
{
  TnVcardProblem *problem;
  va_list args;

  if (problems == NULL)
    return;

  problem = g_new0 (TnVcardProblem, 1);
  problem->line = line;
  problem->card_skipped = row_skipped;
  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (problems, problem);
}

/**
 * _tn_csv_decode:
 * @bytes: a file's bytes
 * @len: (out): the length of the text returned
 * @error: return location for a #GError: %TN_CSV_ERROR_NOT_CSV for binary data
 *
 * Returns: (transfer full) (nullable): the text as UTF-8 without a byte-order mark
 */
char *
_tn_csv_decode (GBytes  *bytes,
                gsize   *len,
                GError **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autofree char *converted = NULL;

  if (size >= 2 && ((guchar) data[0] == 0xff || (guchar) data[0] == 0xfe) &&
      ((guchar) data[1] == 0xfe || (guchar) data[1] == 0xff))
    {
      /* Outlook's "Unicode" CSV. */
      converted = g_convert (data, size, "UTF-8", "UTF-16", NULL, len, NULL);
      if (converted != NULL && g_str_has_prefix (converted, "\xef\xbb\xbf"))
        {
          *len -= 3;
          memmove (converted, converted + 3, *len + 1);
        }
      if (converted != NULL)
        return g_steal_pointer (&converted);
    }

  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      size -= 3;
    }

  if (memchr (data, '\0', size) != NULL)
    {
      g_set_error_literal (error, TN_CSV_ERROR, TN_CSV_ERROR_NOT_CSV,
                           _("The file holds binary data, not comma-separated text."));
      return NULL;
    }

  if (g_utf8_validate_len (data, size, NULL))
    {
      *len = size;
      return g_strndup (data, size);
    }

  /* Excel and older Outlooks write the Windows code page; its five unused bytes are read
   * as Latin-1 rather than refusing the file. */
  converted = g_convert (data, size, "UTF-8", "WINDOWS-1252", NULL, len, NULL);
  if (converted == NULL)
    converted = g_convert (data, size, "UTF-8", "ISO-8859-1", NULL, len, NULL);
  if (converted == NULL)
    g_set_error_literal (error, TN_CSV_ERROR, TN_CSV_ERROR_NOT_CSV,
                         _("The file is neither UTF-8 nor Windows-1252 text."));

  return g_steal_pointer (&converted);
}

/**
 * _tn_csv_read_text:
 * @file: a file to import
 * @len: (out): the length of the text
 * @cancellable: (nullable): to stop reading
 * @error: return location for a #GError
 *
 * Reads @file as every file to import is read (regular files only, within the import
 * bound), and decodes it.
 *
 * Returns: (transfer full) (nullable): the text
 */
char *
_tn_csv_read_text (GFile         *file,
                   gsize         *len,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autofree char *display_name = NULL;
  g_autoptr(GBytes) bytes = _tn_vcard_load_file (file, &display_name, cancellable, error);

  if (bytes == NULL)
    return NULL;

  if (g_bytes_get_size (bytes) == 0)
    {
      g_set_error_literal (error, TN_CSV_ERROR, TN_CSV_ERROR_EMPTY, _("The file is empty."));
      return NULL;
    }

  return _tn_csv_decode (bytes, len, error);
}

/**
 * _tn_csv_count_lines:
 * @text: text
 * @len: its length
 *
 * Returns: how many lines @text has, for progress: rows are at most that many
 */
guint
_tn_csv_count_lines (const char *text,
                     gsize       len)
{
  const char *end = text + len;
  guint n = 0;

  for (const char *p = text; p < end && (p = memchr (p, '\n', end - p)) != NULL; p++)
    n++;

  return n + 1;
}

typedef struct
{
  TnCsvRowFunc func;
  gpointer user_data;
  GPtrArray *cells;
  guint row_line;
  gboolean too_wide;
  gboolean stop;
} Reader;

static void
on_cell_cb (void   *data,
            size_t  len,
            void   *user_data)
{
  Reader *self = user_data;

  if (self->cells->len >= MAX_CELLS)
    {
      self->too_wide = TRUE;
      return;
    }

  g_ptr_array_add (self->cells, g_strndup (data != NULL ? data : "", len));
}

static void
on_row_cb (int   terminator,
           void *user_data)
{
  Reader *self = user_data;
  GStrv cells;

  if (self->stop || self->too_wide)
    {
      g_ptr_array_set_size (self->cells, 0);
      self->too_wide = FALSE;
      return;
    }

  g_ptr_array_add (self->cells, NULL);
  cells = (GStrv) g_ptr_array_steal (self->cells, NULL);
  self->cells = g_ptr_array_new_with_free_func (g_free);
  if (!self->func (cells, self->row_line, self->user_data))
    self->stop = TRUE;
}

/* How many lines the delimiter is guessed from: LinkedIn's note comes before its header. */
#define DELIMITER_LINES 8

/**
 * _tn_csv_guess_delimiter:
 * @text: UTF-8 text
 * @len: its length
 *
 * Excel and Outlook in German (and other languages whose decimal mark is a comma) save
 * "CSV" with semicolons between the cells.
 *
 * Returns: ';' when the first lines hold more semicolons than commas, else ','
 */
char
_tn_csv_guess_delimiter (const char *text,
                         gsize       len)
{
  guint commas = 0, semicolons = 0, lines = 0;

  for (gsize i = 0; i < len && lines < DELIMITER_LINES; i++)
    {
      commas += text[i] == ',';
      semicolons += text[i] == ';';
      lines += text[i] == '\n';
    }

  return semicolons > commas ? ';' : ',';
}

static void
parser_start (struct csv_parser *parser,
              char               delimiter)
{
  csv_init (parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
  csv_set_delim (parser, (unsigned char) delimiter);
}

/**
 * _tn_csv_read_rows:
 * @text: UTF-8 text
 * @len: its length
 * @func: called with each row, in file order
 * @user_data: for @func
 * @problems: (element-type TnVcardProblem): broken rows are added here
 * @n_broken: (inout): counts the broken rows
 * @cancellable: (nullable): checked every few thousand lines
 *
 * Returns: %FALSE if @cancellable was cancelled
 */
gboolean
_tn_csv_read_rows (const char   *text,
                   gsize         len,
                   TnCsvRowFunc  func,
                   gpointer      user_data,
                   GPtrArray    *problems,
                   guint        *n_broken,
                   GCancellable *cancellable)
{
  Reader self = { func, user_data, g_ptr_array_new_with_free_func (g_free), 1, FALSE, FALSE };
  struct csv_parser parser;
  const char *end = text + len;
  const char *line_start = text;
  char delimiter = _tn_csv_guess_delimiter (text, len);
  guint line = 1;

  parser_start (&parser, delimiter);

  while (line_start < end && !self.stop)
    {
      const char *newline = memchr (line_start, '\n', end - line_start);
      const char *line_end = newline != NULL ? newline + 1 : end;
      gsize n = line_end - line_start;

      if ((line & 0xfff) == 0 && g_cancellable_is_cancelled (cancellable))
        break;

      if (parser.pstate == CSV_ROW_NOT_BEGUN)
        self.row_line = line;

      if (csv_parse (&parser, line_start, n, on_cell_cb, on_row_cb, &self) != n)
        {
          /* Strict mode stops at a quote where none may be: the row is left out, and
           * the next line starts afresh. */
          (*n_broken)++;
          _tn_csv_add_problem (problems, self.row_line, TRUE,
                               _("A stray quote breaks this row; it was skipped."));
          csv_free (&parser);
          parser_start (&parser, delimiter);
          g_ptr_array_set_size (self.cells, 0);
        }

      line_start = line_end;
      line++;
    }

  if (!self.stop && csv_fini (&parser, on_cell_cb, on_row_cb, &self) != 0)
    {
      (*n_broken)++;
      _tn_csv_add_problem (problems, self.row_line, TRUE,
                           _("A quoted cell that starts here never ends; the rest of the file was skipped."));
    }

  csv_free (&parser);
  g_ptr_array_unref (self.cells);

  return !g_cancellable_is_cancelled (cancellable);
}
