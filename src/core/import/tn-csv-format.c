/* tn-csv-format.c — which export a CSV file is, told by its header's column names (never by
 * their positions, which every exporter changes), and what each column holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-csv"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "tn-csv-private.h"

G_DEFINE_QUARK (tn-csv-error-quark, tn_csv_error)

typedef struct
{
  const char *name;
  TnCsvColumn column;
} HeaderName;

/* LinkedIn's Connections.csv. */
static const HeaderName linkedin_names[] = {
  { "First Name", TN_CSV_COLUMN_GIVEN_NAME },
  { "Last Name", TN_CSV_COLUMN_FAMILY_NAME },
  { "URL", TN_CSV_COLUMN_URL },
  { "Email Address", TN_CSV_COLUMN_EMAIL },
  { "Company", TN_CSV_COLUMN_ORGANIZATION },
  { "Position", TN_CSV_COLUMN_TITLE },
  { "Connected On", TN_CSV_COLUMN_CONNECTED_ON },
  { NULL, 0 },
};

/* Google Contacts; the repeated groups ("E-mail 1 - Value", …) are in group_column(). */
static const HeaderName google_names[] = {
  { "First Name", TN_CSV_COLUMN_GIVEN_NAME },
  { "Middle Name", TN_CSV_COLUMN_MIDDLE_NAME },
  { "Last Name", TN_CSV_COLUMN_FAMILY_NAME },
  { "Organization Name", TN_CSV_COLUMN_ORGANIZATION },
  { "Organization Title", TN_CSV_COLUMN_TITLE },
  { "Birthday", TN_CSV_COLUMN_BIRTHDAY },
  { "Notes", TN_CSV_COLUMN_NOTE },
  { NULL, 0 },
};

static const HeaderName google_legacy_names[] = {
  { "Name", TN_CSV_COLUMN_FULL_NAME },
  { "Given Name", TN_CSV_COLUMN_GIVEN_NAME },
  { "Additional Name", TN_CSV_COLUMN_MIDDLE_NAME },
  { "Family Name", TN_CSV_COLUMN_FAMILY_NAME },
  { "Birthday", TN_CSV_COLUMN_BIRTHDAY },
  { "Notes", TN_CSV_COLUMN_NOTE },
  { "Organization 1 - Name", TN_CSV_COLUMN_ORGANIZATION },
  { "Organization 1 - Title", TN_CSV_COLUMN_TITLE },
  { NULL, 0 },
};

/* Outlook names its columns in the language it runs in. "Title" is the salutation
 * ("Mr."), not the job. */
static const HeaderName outlook_names[] = {
  { "First Name", TN_CSV_COLUMN_GIVEN_NAME },
  { "Middle Name", TN_CSV_COLUMN_MIDDLE_NAME },
  { "Last Name", TN_CSV_COLUMN_FAMILY_NAME },
  { "Company", TN_CSV_COLUMN_ORGANIZATION },
  { "Job Title", TN_CSV_COLUMN_TITLE },
  { "E-mail Address", TN_CSV_COLUMN_EMAIL },
  { "E-mail 2 Address", TN_CSV_COLUMN_EMAIL },
  { "E-mail 3 Address", TN_CSV_COLUMN_EMAIL },
  { "Business Phone", TN_CSV_COLUMN_PHONE },
  { "Business Phone 2", TN_CSV_COLUMN_PHONE },
  { "Mobile Phone", TN_CSV_COLUMN_PHONE },
  { "Home Phone", TN_CSV_COLUMN_PHONE },
  { "Home Phone 2", TN_CSV_COLUMN_PHONE },
  { "Other Phone", TN_CSV_COLUMN_PHONE },
  { "Primary Phone", TN_CSV_COLUMN_PHONE },
  { "Company Main Phone", TN_CSV_COLUMN_PHONE },
  { "Birthday", TN_CSV_COLUMN_BIRTHDAY },
  { "Notes", TN_CSV_COLUMN_NOTE },
  { "Web Page", TN_CSV_COLUMN_URL },
  { "Vorname", TN_CSV_COLUMN_GIVEN_NAME },
  { "Weitere Vornamen", TN_CSV_COLUMN_MIDDLE_NAME },
  { "Nachname", TN_CSV_COLUMN_FAMILY_NAME },
  { "Firma", TN_CSV_COLUMN_ORGANIZATION },
  { "Position", TN_CSV_COLUMN_TITLE },
  { "E-Mail-Adresse", TN_CSV_COLUMN_EMAIL },
  { "E-Mail 2: Adresse", TN_CSV_COLUMN_EMAIL },
  { "E-Mail 3: Adresse", TN_CSV_COLUMN_EMAIL },
  { "Telefon geschäftlich", TN_CSV_COLUMN_PHONE },
  { "Telefon geschäftlich 2", TN_CSV_COLUMN_PHONE },
  { "Mobiltelefon", TN_CSV_COLUMN_PHONE },
  { "Telefon privat", TN_CSV_COLUMN_PHONE },
  { "Telefon privat 2", TN_CSV_COLUMN_PHONE },
  { "Weiteres Telefon", TN_CSV_COLUMN_PHONE },
  { "Haupttelefon", TN_CSV_COLUMN_PHONE },
  { "Geburtstag", TN_CSV_COLUMN_BIRTHDAY },
  { "Notizen", TN_CSV_COLUMN_NOTE },
  { "Webseite", TN_CSV_COLUMN_URL },
  { NULL, 0 },
};

/* For a file of another kind: the names people give columns, as a first guess the person
 * corrects in the window. */
static const HeaderName guessed_names[] = {
  { "Name", TN_CSV_COLUMN_FULL_NAME },
  { "Full Name", TN_CSV_COLUMN_FULL_NAME },
  { "Email", TN_CSV_COLUMN_EMAIL },
  { "E-mail", TN_CSV_COLUMN_EMAIL },
  { "E-Mail", TN_CSV_COLUMN_EMAIL },
  { "Phone", TN_CSV_COLUMN_PHONE },
  { "Mobile", TN_CSV_COLUMN_PHONE },
  { "Telefon", TN_CSV_COLUMN_PHONE },
  { "Organization", TN_CSV_COLUMN_ORGANIZATION },
  { "Title", TN_CSV_COLUMN_TITLE },
  { "Website", TN_CSV_COLUMN_URL },
  { "Note", TN_CSV_COLUMN_NOTE },
  { NULL, 0 },
};

static TnCsvColumn
find_name (const HeaderName *names,
           const char       *name)
{
  for (guint i = 0; names[i].name != NULL; i++)
    {
      if (g_ascii_strcasecmp (names[i].name, name) == 0)
        return names[i].column;
    }

  return TN_CSV_COLUMN_IGNORE;
}

/* Google's repeated groups: "E-mail 2 - Value", "Phone 1 - Value", "Website 3 - Value".
 * Their "- Label" and "- Type" columns say home or work and are not kept. */
static TnCsvColumn
group_column (const char *name)
{
  static const HeaderName groups[] = {
    { "E-mail ", TN_CSV_COLUMN_EMAIL },
    { "Phone ", TN_CSV_COLUMN_PHONE },
    { "Website ", TN_CSV_COLUMN_URL },
    { NULL, 0 },
  };

  if (!g_str_has_suffix (name, " - Value"))
    return TN_CSV_COLUMN_IGNORE;

  for (guint i = 0; groups[i].name != NULL; i++)
    {
      const char *number = name + strlen (groups[i].name);

      if (g_str_has_prefix (name, groups[i].name) && g_ascii_isdigit (*number))
        return groups[i].column;
    }

  return TN_CSV_COLUMN_IGNORE;
}

/**
 * tn_csv_column_for_header:
 * @format: the file's format
 * @name: a header cell
 *
 * Returns: what the column holds in @format; for %TN_CSV_FORMAT_UNKNOWN, a guess from
 *   every format's names
 */
TnCsvColumn
tn_csv_column_for_header (TnCsvFormat  format,
                          const char  *name)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  TnCsvColumn column;

  switch (format)
    {
    case TN_CSV_FORMAT_LINKEDIN:
      return find_name (linkedin_names, trimmed);
    case TN_CSV_FORMAT_GOOGLE:
      column = find_name (google_names, trimmed);
      return column != TN_CSV_COLUMN_IGNORE ? column : group_column (trimmed);
    case TN_CSV_FORMAT_GOOGLE_LEGACY:
      column = find_name (google_legacy_names, trimmed);
      return column != TN_CSV_COLUMN_IGNORE ? column : group_column (trimmed);
    case TN_CSV_FORMAT_OUTLOOK:
      return find_name (outlook_names, trimmed);
    case TN_CSV_FORMAT_UNKNOWN:
    case TN_CSV_FORMAT_CHOSEN:
    default:
      break;
    }

  if ((column = find_name (guessed_names, trimmed)) != TN_CSV_COLUMN_IGNORE ||
      (column = find_name (linkedin_names, trimmed)) != TN_CSV_COLUMN_IGNORE ||
      (column = find_name (google_names, trimmed)) != TN_CSV_COLUMN_IGNORE ||
      (column = find_name (outlook_names, trimmed)) != TN_CSV_COLUMN_IGNORE)
    return column;

  return group_column (trimmed);
}

static gboolean
has_all (const char * const *header,
         const char * const *wanted)
{
  for (guint i = 0; wanted[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; header[j] != NULL && !found; j++)
        {
          g_autofree char *trimmed = g_strstrip (g_strdup (header[j]));

          found = g_ascii_strcasecmp (trimmed, wanted[i]) == 0;
        }
      if (!found)
        return FALSE;
    }

  return TRUE;
}

/**
 * tn_csv_detect_format:
 * @header: a row's cells
 *
 * Returns: the export whose header @header is, or %TN_CSV_FORMAT_UNKNOWN
 */
TnCsvFormat
tn_csv_detect_format (const char * const *header)
{
  static const char * const linkedin[] = { "First Name", "Last Name", "URL", "Connected On", NULL };
  static const char * const google_legacy[] = { "Name", "Given Name", "Family Name", NULL };
  static const char * const google[] = { "First Name", "Last Name", "Organization Name", NULL };
  static const char * const google_labels[] = { "First Name", "Last Name", "Labels", NULL };
  static const char * const outlook_en[] = { "First Name", "Last Name", "E-mail Address", NULL };
  static const char * const outlook_en_job[] = { "First Name", "Last Name", "Job Title", NULL };
  static const char * const outlook_de[] = { "Vorname", "Nachname", NULL };

  g_return_val_if_fail (header != NULL, TN_CSV_FORMAT_UNKNOWN);

  if (has_all (header, linkedin))
    return TN_CSV_FORMAT_LINKEDIN;
  if (has_all (header, google_legacy))
    return TN_CSV_FORMAT_GOOGLE_LEGACY;
  if (has_all (header, google) || has_all (header, google_labels))
    return TN_CSV_FORMAT_GOOGLE;
  if (has_all (header, outlook_en) || has_all (header, outlook_en_job) || has_all (header, outlook_de))
    return TN_CSV_FORMAT_OUTLOOK;

  return TN_CSV_FORMAT_UNKNOWN;
}

/**
 * tn_csv_format_name:
 * @format: a format
 *
 * Returns: the format's name, for people
 */
const char *
tn_csv_format_name (TnCsvFormat format)
{
  switch (format)
    {
    case TN_CSV_FORMAT_LINKEDIN:
      return _("LinkedIn connections");
    case TN_CSV_FORMAT_GOOGLE:
    case TN_CSV_FORMAT_GOOGLE_LEGACY:
      return _("Google Contacts");
    case TN_CSV_FORMAT_OUTLOOK:
      return _("Outlook contacts");
    case TN_CSV_FORMAT_CHOSEN:
      return _("Columns you chose");
    case TN_CSV_FORMAT_UNKNOWN:
    default:
      return _("Unknown CSV");
    }
}

/**
 * tn_csv_column_label:
 * @column: a column
 *
 * Returns: what @column holds, for the drop-down that lets a person choose
 */
const char *
tn_csv_column_label (TnCsvColumn column)
{
  switch (column)
    {
    case TN_CSV_COLUMN_FULL_NAME:
      return _("Full name");
    case TN_CSV_COLUMN_GIVEN_NAME:
      return _("Given name");
    case TN_CSV_COLUMN_MIDDLE_NAME:
      return _("Middle name");
    case TN_CSV_COLUMN_FAMILY_NAME:
      return _("Family name");
    case TN_CSV_COLUMN_ORGANIZATION:
      return _("Organization");
    case TN_CSV_COLUMN_TITLE:
      return _("Job title");
    case TN_CSV_COLUMN_EMAIL:
      return _("Email");
    case TN_CSV_COLUMN_PHONE:
      return _("Phone");
    case TN_CSV_COLUMN_URL:
      return _("Web page");
    case TN_CSV_COLUMN_NOTE:
      return _("Note");
    case TN_CSV_COLUMN_BIRTHDAY:
      return _("Birthday");
    case TN_CSV_COLUMN_CONNECTED_ON:
      return _("Connected on");
    case TN_CSV_COLUMN_IGNORE:
    case TN_CSV_N_COLUMNS:
    default:
      return _("Not imported");
    }
}

/**
 * tn_csv_file_is_csv:
 * @file: a file
 *
 * Returns: %TRUE when @file's name says CSV: the importer reads it with this module
 */
gboolean
tn_csv_file_is_csv (GFile *file)
{
  g_autofree char *name = NULL;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_basename (file);
  lower = name != NULL ? g_ascii_strdown (name, -1) : NULL;
  return lower != NULL && g_str_has_suffix (lower, ".csv");
}

/* ---- Dates ----------------------------------------------------------------------------- */

static char *
format_date (int year,
             int month,
             int day)
{
  if (month < 1 || month > 12 || day < 1 || day > 31)
    return NULL;
  /* Outlook writes the year 1604 for a birthday without one. */
  if (year == 1604 || year == 0)
    return g_strdup_printf ("--%02d-%02d", month, day);
  if (year < 1 || year > 9999 || !g_date_valid_dmy (day, month, year))
    return NULL;

  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/**
 * tn_csv_linkedin_date:
 * @text: (nullable): a date as LinkedIn writes it, "07 Dec 2025", or as ISO 8601
 *
 * Returns: (transfer full) (nullable): "YYYY-MM-DD", or %NULL if @text is no such date
 */
char *
tn_csv_linkedin_date (const char *text)
{
  static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
  char month_name[4] = { 0 };
  int day, year;
  int month, n = 0;

  if (text == NULL)
    return NULL;

  if (sscanf (text, " %d %3[A-Za-z] %d%n", &day, month_name, &year, &n) == 3 && strlen (month_name) == 3)
    {
      const char *found = strstr (months, month_name);

      if (found == NULL || (found - months) % 3 != 0)
        return NULL;
      month = (found - months) / 3 + 1;
      return format_date (year, month, day);
    }

  return tn_csv_us_date (text);
}

/**
 * tn_csv_us_date:
 * @text: (nullable): a date as Outlook or Google writes it: "MM/DD/YYYY", "DD.MM.YYYY"
 *   (German Outlook), "YYYY-MM-DD" or "--MM-DD"; the year 1604 stands for none
 *
 * Returns: (transfer full) (nullable): "YYYY-MM-DD" or "--MM-DD", or %NULL
 */
char *
tn_csv_us_date (const char *text)
{
  int a, b, c;
  char tail;

  if (text == NULL)
    return NULL;

  if (sscanf (text, " --%2d-%2d %c", &a, &b, &tail) == 2)
    return format_date (0, a, b);
  if (sscanf (text, " %4d-%2d-%2d %c", &a, &b, &c, &tail) == 3)
    return format_date (a, b, c);
  if (sscanf (text, " %2d/%2d/%4d %c", &a, &b, &c, &tail) == 3)
    return format_date (c, a, b);
  if (sscanf (text, " %2d.%2d.%4d %c", &a, &b, &c, &tail) == 3)
    return format_date (c, b, a);

  return NULL;
}
