/* test-csv.c — CSV exports read into cards: each format by its header, each quirk of the
 * files (preamble, BOM, quoted line breaks, " ::: ", German Outlook, Windows-1252, broken
 * rows, files that are not CSV), columns a person chose, and a preview.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-csv"

#include "config.h"

#include <gio/gio.h>

#include "tn-csv.h"
#include "tn-test-import.h"

#define NOW "2026-11-24T09:00:00Z"

typedef TnTestStore Fixture;

#define LINKEDIN_PREAMBLE \
  "Notes:\r\n" \
  "\"When exporting your connection data, you may notice that some of the email addresses are missing. " \
  "You will only see email addresses for connections who have allowed their connections to see or " \
  "download their email address using this setting https://www.linkedin.com/psettings/privacy/email.\"\r\n" \
  "\r\n"

#define LINKEDIN_HEADER "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"

static gboolean
collect_card (TnVcardCard *card,
              guint        index,
              guint        n_cards,
              gpointer     user_data)
{
  GPtrArray *cards = user_data;

  g_assert_cmpuint (index, ==, cards->len);
  g_assert_cmpuint (index, <, n_cards);
  g_ptr_array_add (cards, card);
  return TRUE;
}

/* Parses @data written to @name in @dir; the cards, and the problems in *@problems. */
static GPtrArray *
parse_csv (const char  *dir,
           const char  *name,
           const char  *data,
           gssize       len,
           GPtrArray  **problems,
           GError     **error)
{
  g_autofree char *path = tn_test_write_file (dir, name, data, len);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func ((GDestroyNotify) tn_vcard_card_free);
  guint n_skipped = 0;

  if (!tn_csv_parse_file_foreach (file, collect_card, cards,
                                  problems, &n_skipped, NULL, error))
    return NULL;

  return g_steal_pointer (&cards);
}

static TnVcardCard *
card_at (GPtrArray *cards,
         guint      index)
{
  g_assert_cmpuint (index, <, cards->len);
  return g_ptr_array_index (cards, index);
}

static void
test_detect_format (void)
{
  static const struct
  {
    const char * const header[12];
    TnCsvFormat format;
  } cases[] = {
    { { "First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On" }, TN_CSV_FORMAT_LINKEDIN },
    { { "First Name", "Middle Name", "Last Name", "Organization Name", "Organization Title", "Labels", "E-mail 1 - Value" }, TN_CSV_FORMAT_GOOGLE },
    { { "Name", "Given Name", "Additional Name", "Family Name", "E-mail 1 - Value" }, TN_CSV_FORMAT_GOOGLE_LEGACY },
    { { "Title", "First Name", "Middle Name", "Last Name", "Company", "Job Title", "E-mail Address" }, TN_CSV_FORMAT_OUTLOOK },
    { { "Anrede", "Vorname", "Weitere Vornamen", "Nachname", "Firma", "Position" }, TN_CSV_FORMAT_OUTLOOK },
    { { " first name ", "LAST NAME", "url", "Connected On" }, TN_CSV_FORMAT_LINKEDIN },
    { { "Vendor", "Amount" }, TN_CSV_FORMAT_UNKNOWN },
    { { "Notes:" }, TN_CSV_FORMAT_UNKNOWN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (tn_csv_detect_format (cases[i].header), ==, cases[i].format);
}

static void
test_columns (void)
{
  g_assert_cmpint (tn_csv_column_for_header (TN_CSV_FORMAT_LINKEDIN, "Company"), ==, TN_CSV_COLUMN_ORGANIZATION);
  g_assert_cmpint (tn_csv_column_for_header (TN_CSV_FORMAT_LINKEDIN, "Position"), ==, TN_CSV_COLUMN_TITLE);
  g_assert_cmpint (tn_csv_column_for_header (TN_CSV_FORMAT_GOOGLE, "E-mail 2 - Value"), ==, TN_CSV_COLUMN_EMAIL);
  g_assert_cmpint (tn_csv_column_for_header (TN_CSV_FORMAT_GOOGLE, "E-mail 2 - Label"), ==, TN_CSV_COLUMN_IGNORE);
  g_assert_cmpint (tn_csv_column_for_header (TN_CSV_FORMAT_GOOGLE, "Website 1 - Value"), ==, TN_CSV_COLUMN_URL);
  /* Outlook's "Title" is "Mr.", its job is "Job Title". */
  g_assert_cmpint (tn_csv_column_for_header (TN_CSV_FORMAT_OUTLOOK, "Title"), ==, TN_CSV_COLUMN_IGNORE);
  g_assert_cmpint (tn_csv_column_for_header (TN_CSV_FORMAT_OUTLOOK, "Job Title"), ==, TN_CSV_COLUMN_TITLE);
  g_assert_cmpint (tn_csv_column_for_header (TN_CSV_FORMAT_OUTLOOK, "Telefon geschäftlich"), ==, TN_CSV_COLUMN_PHONE);
  /* Unknown files get a guess. */
  g_assert_cmpint (tn_csv_column_for_header (TN_CSV_FORMAT_UNKNOWN, "Email"), ==, TN_CSV_COLUMN_EMAIL);
  g_assert_cmpint (tn_csv_column_for_header (TN_CSV_FORMAT_UNKNOWN, "Amount"), ==, TN_CSV_COLUMN_IGNORE);

  for (guint i = 0; i < TN_CSV_N_COLUMNS; i++)
    g_assert_cmpstr (tn_csv_column_label (i), !=, "");
  g_assert_cmpstr (tn_csv_format_name (TN_CSV_FORMAT_LINKEDIN), ==, "LinkedIn connections");
}

static void
test_dates (void)
{
  static const struct
  {
    const char *text;
    const char *linkedin;
    const char *us;
  } cases[] = {
    { "07 Dec 2025", "2025-12-07", NULL },
    { "1 Jan 2020", "2020-01-01", NULL },
    { "31 Feb 2020", NULL, NULL },
    { "07 Dez 2025", NULL, NULL },
    { "12/10/1815", "1815-12-10", "1815-12-10" },
    { "12/10/1604", "--12-10", "--12-10" },
    { "10.12.1815", "1815-12-10", "1815-12-10" },
    { "1815-12-10", "1815-12-10", "1815-12-10" },
    { "--12-10", "--12-10", "--12-10" },
    { "0/0/00", NULL, NULL },
    { "", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *linkedin = tn_csv_linkedin_date (cases[i].text);
      g_autofree char *us = tn_csv_us_date (cases[i].text);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpstr (linkedin, ==, cases[i].linkedin);
      g_assert_cmpstr (us, ==, cases[i].us);
    }
  g_assert_null (tn_csv_linkedin_date (NULL));
}

static void
test_linkedin (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cards = parse_csv (fixture->dir, "Connections.csv",
                                          LINKEDIN_PREAMBLE LINKEDIN_HEADER
                                          "Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,,Analytical Engines,CTO,07 Dec 2025\r\n"
                                          "Grace,Hopper,https://www.linkedin.com/in/grace,grace@navy.example,\"Navy, Inc.\",\"Rear \"\"Amazing\"\" Admiral\",01 Jan 2020\r\n",
                                          -1, &problems, &error);
  TnVcardCard *ada, *grace;

  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, 2);
  g_assert_cmpuint (problems->len, ==, 0);

  ada = card_at (cards, 0);
  g_assert_cmpuint (ada->line, ==, 5);
  g_assert_cmpstr (ada->full_name, ==, "Ada Lovelace");
  g_assert_cmpstr (ada->given_name, ==, "Ada");
  g_assert_cmpstr (ada->organization, ==, "Analytical Engines");
  g_assert_cmpstr (ada->title, ==, "CTO");
  g_assert_cmpstr (ada->connected_on, ==, "2025-12-07");
  g_assert_null (ada->uid);
  tn_test_assert_gstrv (ada->emails, NULL);
  tn_test_assert_gstrv (ada->urls, "https://www.linkedin.com/in/ada-lovelace", NULL);
  g_assert_nonnull (strstr (ada->vcard, "URL:https://www.linkedin.com/in/ada-lovelace"));
  g_assert_nonnull (strstr (ada->vcard, "ORG:Analytical Engines"));

  grace = card_at (cards, 1);
  g_assert_cmpstr (grace->organization, ==, "Navy, Inc.");
  g_assert_cmpstr (grace->title, ==, "Rear \"Amazing\" Admiral");
  tn_test_assert_gstrv (grace->emails, "grace@navy.example", NULL);
}

/* Older exports start with the header. */
static void
test_linkedin_without_preamble (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cards = parse_csv (fixture->dir, "Connections.csv",
                                          LINKEDIN_HEADER "Alan,Turing,https://www.linkedin.com/in/alan,,,,02 Feb 2021\n",
                                          -1, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, 1);
  g_assert_cmpuint (card_at (cards, 0)->line, ==, 2);
  g_assert_cmpstr (card_at (cards, 0)->connected_on, ==, "2021-02-02");
  g_assert_null (card_at (cards, 0)->organization);
}

/* Google: a byte-order mark, several values in a cell, a note over three lines. */
static void
test_google (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cards = parse_csv (fixture->dir, "contacts.csv",
                                          "\xef\xbb\xbf" "First Name,Middle Name,Last Name,Organization Name,Organization Title,"
                                          "Birthday,Notes,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,"
                                          "Website 1 - Label,Website 1 - Value\n"
                                          "Ada,Augusta,Lovelace,Analytical Engines,CTO,1815-12-10,\"Met at the\nRoyal Society,\nLondon\","
                                          "* myContacts,* Home ::: * Work,ada@home.example ::: ada@work.example,Mobile,+44 20 7946 0958,"
                                          "Profile,https://www.linkedin.com/in/ada-lovelace/\n"
                                          "Grace,,Hopper,,,--12-09,,,,,,,,\n",
                                          -1, NULL, &error);
  TnVcardCard *ada;

  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, 2);
  ada = card_at (cards, 0);
  g_assert_cmpstr (ada->full_name, ==, "Ada Augusta Lovelace");
  g_assert_cmpstr (ada->note, ==, "Met at the\nRoyal Society,\nLondon");
  g_assert_cmpstr (ada->birthday, ==, "1815-12-10");
  tn_test_assert_gstrv (ada->emails, "ada@home.example", "ada@work.example", NULL);
  tn_test_assert_gstrv (ada->phones, "+44 20 7946 0958", NULL);
  tn_test_assert_gstrv (ada->urls, "https://www.linkedin.com/in/ada-lovelace/", NULL);
  /* Grace's row starts after Ada's three lines. */
  g_assert_cmpuint (card_at (cards, 1)->line, ==, 5);
  g_assert_cmpstr (card_at (cards, 1)->birthday, ==, "--12-09");
  g_assert_null (card_at (cards, 1)->urls);
}

static void
test_google_legacy (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cards = parse_csv (fixture->dir, "google.csv",
                                          "Name,Given Name,Additional Name,Family Name,Birthday,Notes,"
                                          "E-mail 1 - Type,E-mail 1 - Value,Organization 1 - Name,Organization 1 - Title\n"
                                          "Countess Lovelace,Ada,,Lovelace,,,* Home,ada@example.org,Analytical Engines,CTO\n",
                                          -1, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, 1);
  g_assert_cmpstr (card_at (cards, 0)->full_name, ==, "Countess Lovelace");
  g_assert_cmpstr (card_at (cards, 0)->organization, ==, "Analytical Engines");
  tn_test_assert_gstrv (card_at (cards, 0)->emails, "ada@example.org", NULL);
}

static void
test_outlook (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cards = parse_csv (fixture->dir, "outlook.csv",
                                          "Title,First Name,Middle Name,Last Name,Company,Department,Job Title,"
                                          "Business Phone,Mobile Phone,E-mail Address,E-mail 2 Address,Birthday,Notes,Web Page\r\n"
                                          "Lady,Ada,,Lovelace,Analytical Engines,R&D,CTO,+44 20 7946 0958,,ada@example.org,"
                                          "countess@example.org,12/10/1604,,http://ada.example/\r\n",
                                          -1, NULL, &error);
  TnVcardCard *ada;

  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, 1);
  ada = card_at (cards, 0);
  g_assert_cmpstr (ada->full_name, ==, "Ada Lovelace");
  g_assert_cmpstr (ada->title, ==, "CTO");
  g_assert_cmpstr (ada->birthday, ==, "--12-10");
  tn_test_assert_gstrv (ada->emails, "ada@example.org", "countess@example.org", NULL);
  tn_test_assert_gstrv (ada->urls, "http://ada.example/", NULL);
}

/* German Outlook, saved in Windows-1252 as Excel does ("Müller", "geschäftlich"). */
static void
test_outlook_german_cp1252 (Fixture       *fixture,
                            gconstpointer  user_data)
{
  static const char data[] =
    "Anrede,Vorname,Weitere Vornamen,Nachname,Firma,Position,Telefon gesch\xe4" "ftlich,E-Mail-Adresse,Geburtstag,Notizen\r\n"
    ",J\xfcrgen,,M\xfcller,Stra\xdf" "enbau AG,Gesch\xe4" "ftsf\xfchrer,0221 9999123,jm@example.de,10.12.1965,\x80 5\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cards = parse_csv (fixture->dir, "kontakte.csv", data, sizeof data - 1, NULL, &error);
  TnVcardCard *juergen;

  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, 1);
  juergen = card_at (cards, 0);
  g_assert_cmpstr (juergen->full_name, ==, "Jürgen Müller");
  g_assert_cmpstr (juergen->organization, ==, "Straßenbau AG");
  g_assert_cmpstr (juergen->title, ==, "Geschäftsführer");
  g_assert_cmpstr (juergen->birthday, ==, "1965-12-10");
  g_assert_cmpstr (juergen->note, ==, "€ 5");
  tn_test_assert_gstrv (juergen->phones, "0221 9999123", NULL);
}

/* German Excel saves "CSV" with semicolons. */
static void
test_semicolons (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cards = parse_csv (fixture->dir, "kontakte.csv",
                                          "Vorname;Nachname;Firma;Position;E-Mail-Adresse\r\n"
                                          "Ada;Lovelace;\"Engines; Analytical\";CTO;ada@example.org\r\n",
                                          -1, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, 1);
  g_assert_cmpstr (card_at (cards, 0)->organization, ==, "Engines; Analytical");
  tn_test_assert_gstrv (card_at (cards, 0)->emails, "ada@example.org", NULL);
}

/* A broken row in the middle is reported with its line and skipped; the rest is read. */
static void
test_broken_rows (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cards = parse_csv (fixture->dir, "Connections.csv",
                                          LINKEDIN_HEADER
                                          "Ada,Lovelace,https://www.linkedin.com/in/ada,,,,\n"
                                          "Bad,\"Ro\"w,x,,,,\n"
                                          ",,,,,,\n"
                                          "Too,Many,x,,,,,extra,cells\n"
                                          ",,https://www.linkedin.com/in/nobody,,,,\n"
                                          "Alan,Turing,https://www.linkedin.com/in/alan,,,,\n",
                                          -1, &problems, &error);
  TnVcardProblem *problem;

  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, 2);
  g_assert_cmpstr (card_at (cards, 1)->full_name, ==, "Alan Turing");
  g_assert_cmpuint (card_at (cards, 1)->line, ==, 7);

  g_assert_cmpuint (problems->len, ==, 3);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpuint (problem->line, ==, 3);
  g_assert_true (problem->card_skipped);
  g_assert_cmpuint (((TnVcardProblem *) g_ptr_array_index (problems, 1))->line, ==, 5);
  g_assert_cmpuint (((TnVcardProblem *) g_ptr_array_index (problems, 2))->line, ==, 6);
}

/* A quote that never closes takes the rest of the file: said, not silently. */
static void
test_unclosed_quote (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cards = parse_csv (fixture->dir, "Connections.csv",
                                          LINKEDIN_HEADER
                                          "Ada,Lovelace,x,,,,\n"
                                          "Grace,\"Hopper,x,,,,\n"
                                          "Alan,Turing,x,,,,\n",
                                          -1, &problems, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, 1);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpuint (((TnVcardProblem *) g_ptr_array_index (problems, 0))->line, ==, 3);
}

static void
test_not_csv (Fixture       *fixture,
              gconstpointer  user_data)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cards = NULL;

  cards = parse_csv (fixture->dir, "image.csv", png, sizeof png - 1, NULL, &error);
  g_assert_null (cards);
  g_assert_error (error, TN_CSV_ERROR, TN_CSV_ERROR_NOT_CSV);
  g_assert_nonnull (strstr (error->message, "image.csv"));
  g_clear_error (&error);

  cards = parse_csv (fixture->dir, "prose.csv", "Dear Ada\nthis is a letter\n", -1, NULL, &error);
  g_assert_error (error, TN_CSV_ERROR, TN_CSV_ERROR_NOT_CSV);
  g_clear_error (&error);

  cards = parse_csv (fixture->dir, "invoice.csv", "Vendor,Amount\nAcme,12\n", -1, NULL, &error);
  g_assert_error (error, TN_CSV_ERROR, TN_CSV_ERROR_UNKNOWN_FORMAT);
  /* The message names the formats TrustNet knows. */
  g_assert_nonnull (strstr (error->message, "LinkedIn"));
  g_assert_nonnull (strstr (error->message, "Google"));
  g_assert_nonnull (strstr (error->message, "Outlook"));
  g_clear_error (&error);

  cards = parse_csv (fixture->dir, "empty.csv", "", 0, NULL, &error);
  g_assert_error (error, TN_CSV_ERROR, TN_CSV_ERROR_EMPTY);
}

/* An unknown file: previewed, then imported with the columns the person chose. */
static void
test_chosen_columns (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *path = tn_test_write_file (fixture->dir, "people.csv",
                                              "Who,Mail,Firm,Amount\n"
                                              "Ada Lovelace,ada@example.org,Analytical Engines,12\n"
                                              "Grace Hopper,grace@navy.example,Navy,3\n", -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TnCsvPreview) preview = NULL;
  g_autoptr(TnImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const TnCsvColumn columns[] = {
    TN_CSV_COLUMN_FULL_NAME, TN_CSV_COLUMN_EMAIL, TN_CSV_COLUMN_ORGANIZATION, TN_CSV_COLUMN_IGNORE,
  };
  GFile *files[] = { file };
  TnContact *ada;

  preview = tn_csv_preview_file (file, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (preview->format, ==, TN_CSV_FORMAT_UNKNOWN);
  g_assert_cmpuint (preview->n_columns, ==, 4);
  tn_test_assert_gstrv (preview->header, "Who", "Mail", "Firm", "Amount", NULL);
  g_assert_cmpuint (preview->rows->len, ==, 1);
  tn_test_assert_gstrv (g_ptr_array_index (preview->rows, 0), "Ada Lovelace", "ada@example.org", "Analytical Engines", "12", NULL);

  tn_csv_file_set_columns (file, columns, G_N_ELEMENTS (columns));
  result = tn_importer_import (fixture->store, files, 1, TN_IMPORT_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_added, ==, 2);
  g_assert_cmpuint (result->n_refused, ==, 0);

  ada = tn_test_lookup (fixture->store, "ada@example.org");
  g_assert_cmpstr (tn_contact_get_full_name (ada), ==, "Ada Lovelace");
  g_assert_cmpstr (tn_contact_get_organization (ada), ==, "Analytical Engines");
}

/* A file of a known format previews with its columns recognised, past LinkedIn's note. */
static void
test_preview_known (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *path = tn_test_write_file (fixture->dir, "Connections.csv",
                                              LINKEDIN_PREAMBLE LINKEDIN_HEADER "Ada,Lovelace,x,,,,\n", -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TnCsvPreview) preview = tn_csv_preview_file (file, 5, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (preview->format, ==, TN_CSV_FORMAT_LINKEDIN);
  g_assert_cmpint (preview->columns[4], ==, TN_CSV_COLUMN_ORGANIZATION);
  g_assert_cmpuint (preview->rows->len, ==, 1);
}

static void
test_file_is_csv (void)
{
  g_autoptr(GFile) csv = g_file_new_for_path ("/tmp/Connections.CSV");
  g_autoptr(GFile) vcf = g_file_new_for_path ("/tmp/contacts.vcf");

  g_assert_true (tn_csv_file_is_csv (csv));
  g_assert_false (tn_csv_file_is_csv (vcf));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/csv/detect-format", test_detect_format);
  g_test_add_func ("/csv/columns", test_columns);
  g_test_add_func ("/csv/dates", test_dates);
  g_test_add_func ("/csv/file-is-csv", test_file_is_csv);
  tn_test_add_store_test ("/csv/linkedin", NOW, test_linkedin);
  tn_test_add_store_test ("/csv/linkedin-without-preamble", NOW, test_linkedin_without_preamble);
  tn_test_add_store_test ("/csv/google", NOW, test_google);
  tn_test_add_store_test ("/csv/google-legacy", NOW, test_google_legacy);
  tn_test_add_store_test ("/csv/outlook", NOW, test_outlook);
  tn_test_add_store_test ("/csv/outlook-german-cp1252", NOW, test_outlook_german_cp1252);
  tn_test_add_store_test ("/csv/semicolons", NOW, test_semicolons);
  tn_test_add_store_test ("/csv/broken-rows", NOW, test_broken_rows);
  tn_test_add_store_test ("/csv/unclosed-quote", NOW, test_unclosed_quote);
  tn_test_add_store_test ("/csv/not-csv", NOW, test_not_csv);
  tn_test_add_store_test ("/csv/chosen-columns", NOW, test_chosen_columns);
  tn_test_add_store_test ("/csv/preview-known", NOW, test_preview_known);

  return g_test_run ();
}
