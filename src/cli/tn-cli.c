/* tn-cli.c — trustnet --list, --add, --with … --rate, --import, --export: the
 * contract scripts and tests rely on. Exit 0 on success, 1 on a user error with
 * one line on stderr, and the database unchanged on any error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-cli"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "tn-background.h"
#include "tn-brand.h"
#include "tn-cli.h"
#include "tn-cli-job-changes.h"
#include "tn-cli-stats.h"
#include "tn-cli-sync.h"
#include "tn-clock.h"
#include "tn-exporter.h"
#include "tn-import-files.h"
#include "tn-import-summary.h"
#include "tn-importer.h"
#include "tn-notifier.h"
#include "tn-reminder.h"
#include "tn-search.h"
#include "tn-self-settings.h"
#include "tn-store.h"
#include "tn-text.h"


typedef struct
{
  const char *database;
  gboolean list;
  gboolean json;
  const char *search;
  const char *add;
  const char **emails;
  const char *organization;
  const char *who;
  const char *rate;
  const char *log;
  const char *date;
  gboolean gave_value;
  gboolean group;
  const char **import;    /* after --import */
  const char **remaining; /* the arguments after the options */
  const char *export;
  gboolean remind;
  gboolean background;
  gboolean stats;
  gboolean job_changes;
  const char *brand;
  const char *goal;
  const char *employer;
  TnCliSyncOptions sync;
} TnCliOptions;

void
tn_cli_add_options (GApplication *application)
{
  static const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Use this database file instead of the default one"), N_("PATH") },
    { "list", 0, 0, G_OPTION_ARG_NONE, NULL, N_("List the contacts with their trust ratings"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, NULL, N_("With --list, --stats or --job-changes: print JSON for programs"), NULL },
    { "search", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --list: only the contacts this search finds, as the window’s search does"), N_("TEXT") },
    { "stats", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the dashboard’s figures: trust, lunches, who is overdue"), NULL },
    { "job-changes", 0, 0, G_OPTION_ARG_NONE, NULL, N_("List who changed jobs, as imports noticed it"), NULL },
    { "add", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Add a contact with this full name"), N_("NAME") },
    { "email", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL, N_("With --add: an email address (may be repeated)"), N_("EMAIL") },
    { "org", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --add: the organization"), N_("ORGANIZATION") },
    { "with", 0, 0, G_OPTION_ARG_STRING, NULL, N_("The contact to act on: an email address, a uid or an exact full name"), N_("WHO") },
    { "rate", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --with: set the trust rating (1 completely, 2 moderately, 3 vaguely, 0 to clear)"), N_("N") },
    { "log", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --with: log a lunch, coffee, call, email, message, meeting or event"), N_("KIND") },
    { "date", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --log: the day it happened (default today)"), N_("YYYY-MM-DD") },
    { "gave-value", 0, 0, G_OPTION_ARG_NONE, NULL, N_("With --log: you gave something of value (an introduction, a referral, help)"), NULL },
    { "group", 0, 0, G_OPTION_ARG_NONE, NULL, N_("With --log: it was a group, not one-on-one"), NULL },
    { "import", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, N_("Import vCard files, or the vCard files in folders; more may follow"), N_("FILE…") },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Write every contact to this vCard file"), N_("FILE") },
    { "remind", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Send this week's “Lunch with someone this week” reminder now if it is due"), NULL },
    { "background", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Run without a window: send the weekly reminder when it is due and handle its actions"), NULL },
    { "brand", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Save a new version of your brand statement: one sentence on what you do"), N_("TEXT") },
    { "goal", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Set your goal: how many people who trust you completely you aim for (1 to 1000)"), N_("N") },
    { "employer", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Set where you work now; an empty name clears it"), N_("NAME") },
    { "sync-setup", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Sync with this CardDAV server (or address book); stores the password in the keyring"), N_("URL") },
    { "user", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --sync-setup: your user name on the server"), N_("NAME") },
    { "password-stdin", 0, 0, G_OPTION_ARG_NONE, NULL, N_("With --sync-setup or --sync: read the password from the first line of stdin"), NULL },
    { "sync", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Sync with the server now (TRUSTNET_SYNC_PASSWORD overrides the keyring)"), NULL },
    { "sync-off", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Stop syncing on this computer; the server keeps its cards"), NULL },
    /* So that `--import a.vcf b.vcf` takes both files. */
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
    { NULL }
  };

  g_application_add_main_option_entries (application, entries);
  g_application_set_option_context_summary (application,
                                            _("Keep the people who trust you close. Without options, opens the window."));
}

/* GApplication prints GOption's refusals ("Unknown option --frobnicate", "Invalid byte
 * sequence in conversion input" for an argument that is not UTF-8) bare; every other
 * command-line error starts with "trustnet: ", so scripts and people can tell whose it is.
 * The handler is set only while the options are parsed. */
static GPrintFunc printerr_before_parsing;

static void
print_option_error (const char *text)
{
  if (g_str_has_prefix (text, "trustnet: "))
    fputs (text, stderr);
  else
    fprintf (stderr, "trustnet: %s", text);
}

/**
 * tn_cli_begin_parsing:
 *
 * Until tn_cli_end_parsing(), what is printed on stderr starts with "trustnet: ": called
 * by a GApplication's local_command_line() before it chains up, which parses the options.
 */
void
tn_cli_begin_parsing (void)
{
  printerr_before_parsing = g_set_printerr_handler (print_option_error);
}

/**
 * tn_cli_end_parsing:
 *
 * Restores stderr as it was before tn_cli_begin_parsing(): in handle-local-options, whose
 * messages are the commands' own, and after local_command_line() chained up (parsing may
 * have failed). Calling it twice is harmless.
 */
void
tn_cli_end_parsing (void)
{
  g_set_printerr_handler (printerr_before_parsing);
}

static void
print_error (const char *message)
{
  tn_text_print (TRUE, "trustnet: %s\n", message);
}

static int
fail (const char *message)
{
  print_error (message);
  return 1;
}

static int G_GNUC_PRINTF (1, 2)
fail_printf (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  return fail (message);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (tn_contact_get_sort_key (*(TnContact **) a), tn_contact_get_sort_key (*(TnContact **) b));
}

/* The contacts @search finds (everyone when %NULL), in the order of the window's Name
 * column: the same rule and the same collation keys as the window. */
static GPtrArray *
find_contacts_sorted_by_name (TnStore        *store,
                              const TnSearch *search)
{
  GListModel *contacts = tn_store_get_contacts (store);
  guint n_items = g_list_model_get_n_items (contacts);
  GPtrArray *found = g_ptr_array_new_full (n_items, g_object_unref);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TnContact) contact = g_list_model_get_item (contacts, i);

      if (search == NULL || tn_search_matches_contact (search, contact))
        g_ptr_array_add (found, g_steal_pointer (&contact));
    }

  g_ptr_array_sort (found, compare_names);
  return found;
}

static void
add_string_array (JsonBuilder        *builder,
                  const char         *member,
                  const char * const *values)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

/**
 * tn_cli_add_nullable_string:
 * @builder: a builder inside an object
 * @member: the member's name
 * @value: (nullable): its value; %NULL is written as null
 */
void
tn_cli_add_nullable_string (JsonBuilder *builder,
                            const char  *member,
                            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/**
 * tn_cli_print_json:
 * @builder: a builder holding one finished value
 *
 * Prints what @builder built as indented JSON and a newline, the one way every
 * `--json` answer is written.
 */
void
tn_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static void
print_contacts_json (GPtrArray *contacts)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < contacts->len; i++)
    {
      TnContact *contact = g_ptr_array_index (contacts, i);

      json_builder_begin_object (builder);
      tn_cli_add_nullable_string (builder, "uid", tn_contact_get_uid (contact));
      tn_cli_add_nullable_string (builder, "name", tn_contact_get_full_name (contact));
      tn_cli_add_nullable_string (builder, "organization", tn_contact_get_organization (contact));
      tn_cli_add_nullable_string (builder, "title", tn_contact_get_title (contact));
      json_builder_set_member_name (builder, "trust");
      json_builder_add_int_value (builder, tn_contact_get_trust (contact));
      add_string_array (builder, "emails", tn_contact_get_emails (contact));
      add_string_array (builder, "phones", tn_contact_get_phones (contact));
      tn_cli_add_nullable_string (builder, "last_contact", tn_contact_get_last_contact (contact));
      tn_cli_add_nullable_string (builder, "note", tn_contact_get_note (contact));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  tn_cli_print_json (builder);
}

/* A field of a tab-separated line, through tn_text_for_terminal(): control characters (a
 * newline in a name, a tab in an organization, an ESC from a vCard) become spaces so that
 * a contact stays on one line and in its columns and never drives the terminal. */
static void
append_field (GString    *line,
              const char *text)
{
  g_autofree char *printable = tn_text_for_terminal (text);

  g_string_append_c (line, '\t');
  g_string_append (line, printable);
}

/* One contact a line, fields separated by tabs so that `cut` and `awk`
 * work: trust, name, organization, emails. */
static void
print_contacts_text (GPtrArray *contacts)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; i < contacts->len; i++)
    {
      TnContact *contact = g_ptr_array_index (contacts, i);
      g_autofree char *emails = g_strjoinv (", ", (char **) tn_contact_get_emails (contact));

      g_string_printf (line, "%d", tn_contact_get_trust (contact));
      append_field (line, tn_contact_get_full_name (contact));
      append_field (line, tn_contact_get_organization (contact));
      append_field (line, emails);
      /* Each field is printable already; the tabs between them must stay. */
      g_print ("%s\n", line->str);
    }
}

static int
run_list (TnStore      *store,
          TnCliOptions *options)
{
  g_autoptr(TnSearch) search = options->search != NULL ? tn_search_new (options->search) : NULL;
  g_autoptr(GPtrArray) contacts = find_contacts_sorted_by_name (store, search);

  if (options->json)
    print_contacts_json (contacts);
  else
    print_contacts_text (contacts);

  return 0;
}

static int
run_add (TnStore      *store,
         TnCliOptions *options)
{
  g_autoptr(TnContact) contact = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = tn_text_clean_line (options->add);

  contact = tn_contact_new (name);
  tn_contact_set_organization (contact, options->organization);
  tn_contact_set_emails (contact, options->emails);

  if (!tn_store_add_contact (store, contact, &error))
    return fail (error->message);

  tn_text_print (FALSE, _("Added %s (uid %s)\n"), tn_contact_get_full_name (contact), tn_contact_get_uid (contact));
  return 0;
}

static int
run_rate (TnStore      *store,
          TnCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  TnContact *contact;
  TnTrust trust;

  /* check_arguments() has already refused anything else. */
  if (!tn_trust_parse (options->rate, &trust))
    g_assert_not_reached ();

  contact = tn_store_lookup (store, options->who, &error);
  if (contact == NULL)
    return fail (error->message);

  if (!tn_store_set_trust (store, contact, trust, &error))
    return fail (error->message);

  tn_text_print (FALSE, _("%s: trust %d (%s)\n"), tn_contact_get_full_name (contact), trust, tn_trust_get_label (trust));
  return 0;
}

/* --import FILE and the files after the options, in the order given. */
static GPtrArray *
import_paths (TnCliOptions *options)
{
  GPtrArray *paths = g_ptr_array_new ();

  for (guint i = 0; options->import != NULL && options->import[i] != NULL; i++)
    g_ptr_array_add (paths, (gpointer) options->import[i]);
  for (guint i = 0; options->remaining != NULL && options->remaining[i] != NULL; i++)
    g_ptr_array_add (paths, (gpointer) options->remaining[i]);

  return paths;
}

/* Whether @file was read but none of its cards could be taken (every one broken, or its
 * only card over the size bound): for the person that file failed as a whole. */
static gboolean
file_gave_nothing (TnImportFileResult *file)
{
  return file->error == NULL && file->n_skipped > 0 &&
         file->n_added + file->n_merged + file->n_unchanged == 0;
}

/* Each problem as "file.vcf:12: what", the form editors and grep understand, then one
 * line for a file that was refused or gave nothing. Returns whether it failed so. */
static gboolean
print_file_problems (const char         *path,
                     TnImportFileResult *file)
{
  g_autofree char *message = NULL;

  for (guint i = 0; i < file->problems->len; i++)
    {
      TnVcardProblem *problem = g_ptr_array_index (file->problems, i);

      tn_text_print (TRUE, "%s:%u: %s\n", path, problem->line, problem->message);
    }

  if (file->error != NULL)
    {
      print_error (file->error->message);
      return TRUE;
    }
  if (!file_gave_nothing (file))
    return FALSE;

  message = g_strdup_printf (ngettext ("Nothing was imported from “%s”: its one card could not be read (see above)",
                                       "Nothing was imported from “%s”: none of its %u cards could be read (see above)",
                                       file->n_skipped),
                             path, file->n_skipped);
  print_error (message);
  return TRUE;
}

/* How a file found for --import is named in messages: as the person typed it when it was
 * given by name, by its path when it was found in a folder given. */
static const char *
import_file_name (GHashTable *given_names,
                  GFile      *file)
{
  const char *name = g_hash_table_lookup (given_names, file);

  return name != NULL ? name : g_file_peek_path (file);
}

/* The files and folders given are looked at as a drop on the window is, then every file
 * is read even when one is refused; the others are imported (each its own batch, all in
 * one transaction) and the exit status is 1. */
static int
run_import (TnStore      *store,
            TnCliOptions *options)
{
  g_autoptr(GPtrArray) paths = import_paths (options);
  g_autoptr(GPtrArray) given = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) given_names = g_hash_table_new (g_file_hash, (GEqualFunc) g_file_equal);
  g_autoptr(TnImportFiles) found = NULL;
  g_autoptr(TnImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  guint n_failed;

  for (guint i = 0; i < paths->len; i++)
    {
      GFile *file = g_file_new_for_commandline_arg (g_ptr_array_index (paths, i));

      g_ptr_array_add (given, file);
      g_hash_table_insert (given_names, file, g_ptr_array_index (paths, i));
    }

  found = tn_import_collect_files ((GFile * const *) given->pdata, given->len,
                                   TN_IMPORT_COLLECT_FLAGS_NONE, NULL, &error);
  if (found == NULL)
    return fail (error->message);

  for (guint i = 0; i < found->refused->len; i++)
    print_error (g_ptr_array_index (found->refused, i));

  if (found->files->len == 0)
    return 1;

  /* The process ends next: reading the new contacts back into the list would be waste. */
  result = tn_importer_import (store, (GFile **) found->files->pdata, found->files->len,
                               TN_IMPORT_FLAGS_NO_REFRESH, NULL, &error);
  if (result == NULL)
    return fail (error->message);

  n_failed = 0;
  for (guint i = 0; i < result->files->len; i++)
    {
      if (print_file_problems (import_file_name (given_names, g_ptr_array_index (found->files, i)),
                               g_ptr_array_index (result->files, i)))
        n_failed++;
    }

  if (n_failed == result->files->len)
    return 1;

  summary = tn_import_result_describe (result);
  tn_text_print (FALSE, "%s\n", summary);
  return n_failed + found->refused->len > 0 ? 1 : 0;
}

static int
run_export (TnStore      *store,
            TnCliOptions *options)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (options->export);
  g_autoptr(GError) error = NULL;
  guint n_written = 0;

  if (!tn_exporter_write_file (tn_store_get_contacts (store), file, &n_written, NULL, &error))
    return fail (error->message);

  tn_text_print (FALSE, ngettext ("Exported %u contact to %s\n", "Exported %u contacts to %s\n", n_written),
           n_written, options->export);
  return 0;
}

static char *
check_import_paths (TnCliOptions *options)
{
  g_autoptr(GPtrArray) paths = import_paths (options);

  if (options->import == NULL && paths->len > 0)
    return g_strdup_printf (_("Unexpected argument “%s”; to import vCard files, use --import FILE…"),
                            (const char *) g_ptr_array_index (paths, 0));

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return g_strdup_printf (_("“%s” does not exist"), path);
    }

  return NULL;
}

static char *
check_export_path (TnCliOptions *options)
{
  g_autofree char *folder = NULL;

  if (options->export == NULL)
    return NULL;

  if (*options->export == '\0')
    return g_strdup (_("--export needs a file name, e.g. --export contacts.vcf"));
  if (g_file_test (options->export, G_FILE_TEST_IS_DIR))
    return g_strdup_printf (_("“%s” is a folder; --export needs a file name"), options->export);

  folder = g_path_get_dirname (options->export);
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    return g_strdup_printf (_("Cannot write “%s”: the folder %s does not exist"), options->export, folder);

  return NULL;
}

static int
run_log (TnStore      *store,
         TnCliOptions *options)
{
  g_autoptr(TnInteraction) interaction = NULL;
  g_autoptr(GDateTime) now = tn_clock_now ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GError) error = NULL;
  const char *day = options->date ? options->date : today;
  TnInteractionKind kind;
  TnContact *contact;

  /* check_arguments() has already refused anything else. */
  if (!tn_interaction_kind_parse (options->log, &kind))
    g_assert_not_reached ();

  /* Today may be no day a lunch can have (a clock set to year 1): say so, never crash. */
  if (!tn_interaction_day_is_valid (day))
    return fail_printf (_("Cannot log anything on %s: TrustNet keeps days from %d to %d"),
                        day, TN_CLOCK_FIRST_YEAR, TN_CLOCK_LAST_YEAR);

  /* The store refuses a day after today, before anything is written. */
  contact = tn_store_lookup (store, options->who, &error);
  if (contact == NULL)
    return fail (error->message);

  interaction = tn_interaction_new (kind, day);
  tn_interaction_set_one_on_one (interaction, !options->group);
  tn_interaction_set_gave_value (interaction, options->gave_value);
  if (!tn_store_log_interaction (store, contact, interaction, &error))
    return fail (error->message);

  /* TRANSLATORS: "Logged lunch with Ada Lovelace on 2026-11-24" */
  tn_text_print (FALSE, _("Logged %s with %s on %s\n"), tn_interaction_kind_to_string (kind), tn_contact_get_full_name (contact), day);
  return 0;
}

/* The reminder's settings, or NULL with a message when the schema is not installed
 * (g_settings_new() would abort). */
static GSettings *
open_settings (char **problem)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    {
      *problem = g_strdup_printf (_("The settings schema %s is not installed"), APPLICATION_ID);
      return NULL;
    }

  return g_settings_new (APPLICATION_ID);
}

/* --remind: sends this week's reminder if it is due and says what it did on stdout
 * (see tn_background_remind_if_due(), which --background shares). If sending fails
 * the exit status is 1 and the reminder stays due.
 *
 * The notification's buttons need a process that keeps running: this one exits right
 * after sending, so it sends the reminder without them. */
static int
run_remind (TnStore *store)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  NotifyNotification *sent = NULL;

  settings = open_settings (&problem);
  if (settings == NULL)
    return fail (problem);

  if (!tn_background_remind_if_due (store, settings, NULL, NULL, &sent, &error))
    return fail (error->message);

  g_clear_object (&sent);
  return 0;
}

/* --stats [--json]: see tn-cli-stats.c. */
static int
run_stats (TnStore  *store,
           gboolean  json)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;

  settings = open_settings (&problem);
  if (settings == NULL)
    return fail (problem);

  if (!tn_cli_print_stats (store, settings, json, &error))
    return fail (error->message);

  return 0;
}

/* --brand TEXT: a new version, unless it is the current one already. */
static int
run_brand (TnStore    *store,
           const char *text)
{
  g_autoptr(TnBrandVersion) before = NULL;
  g_autoptr(TnBrandVersion) after = NULL;
  g_autoptr(GError) error = NULL;

  before = tn_store_get_current_brand_statement (store, &error);
  if (error != NULL)
    return fail (error->message);

  if (!tn_store_save_brand_statement (store, text, NULL, &error))
    return fail (error->message);

  after = tn_store_get_current_brand_statement (store, &error);
  if (after == NULL)
    return fail (error != NULL ? error->message : _("The brand statement could not be read back"));

  if (before != NULL && before->id == after->id)
    tn_text_print (FALSE, _("Your brand statement is unchanged: %s\n"), after->text);
  else
    tn_text_print (FALSE, _("Saved your brand statement: %s\n"), after->text);
  return 0;
}

/* --goal N and --employer NAME: set as Preferences sets them, with the time, so that a
 * sync knows which machine changed them last. */
static int
run_self_settings (TnCliOptions *options)
{
  g_autofree char *problem = NULL;
  g_autofree char *employer = NULL;
  g_autoptr(GSettings) settings = open_settings (&problem);

  if (settings == NULL)
    return fail (problem);

  if (options->goal != NULL)
    {
      int goal = (int) g_ascii_strtoll (options->goal, NULL, 10);

      tn_self_settings_set (settings, TN_SELF_SETTINGS_GOAL, g_variant_new_int32 (goal), 0);
      tn_text_print (FALSE, _("Your goal: %d people who trust you completely\n"), goal);
    }
  if (options->employer != NULL)
    {
      employer = tn_text_clean_line (options->employer);
      tn_self_settings_set (settings, TN_SELF_SETTINGS_EMPLOYER, employer != NULL ? g_variant_new_string (employer) : NULL, 0);
      if (employer != NULL)
        tn_text_print (FALSE, _("Where you work now: %s\n"), employer);
      else
        g_print ("%s\n", _("Where you work now: not set"));
    }
  g_settings_sync ();
  return 0;
}

/* Everything that can be wrong with the arguments themselves is found
 * before the database is opened, so a mistyped command neither creates a
 * database nor takes its lock. Options that only make sense beside another
 * are refused alone, so a typo never silently does something else.
 * Returns the message for the person, or NULL. */
static char *
check_arguments (TnCliOptions *options)
{
  g_autofree char *name = NULL;
  g_autofree char *organization = NULL;
  char *problem;
  TnTrust trust;
  TnInteractionKind kind;
  guint n_modes = (options->list ? 1 : 0) + (options->add ? 1 : 0) + (options->who ? 1 : 0) +
                  (options->import ? 1 : 0) + (options->export ? 1 : 0) + (options->remind ? 1 : 0) +
                  (options->background ? 1 : 0) + (options->stats ? 1 : 0) + (options->brand ? 1 : 0) +
                  (options->job_changes ? 1 : 0) + (options->goal != NULL || options->employer != NULL ? 1 : 0);
  guint64 goal;

  if ((problem = tn_cli_sync_check_arguments (&options->sync, n_modes)) != NULL)
    return problem;
  if (n_modes > 1)
    return g_strdup (_("Choose one of --list, --add, --with, --import, --export, --remind, --background, --stats, --job-changes or --brand at a time"));
  if (options->json && !options->list && !options->stats && !options->job_changes)
    return g_strdup (_("--json goes with --list, --stats or --job-changes"));
  if (options->search != NULL && !options->list)
    return g_strdup (_("--search goes with --list"));
  if ((options->emails != NULL || options->organization != NULL) && options->add == NULL)
    return g_strdup (_("--email and --org go with --add"));
  if (options->rate != NULL && options->who == NULL)
    return g_strdup (_("--rate needs --with WHO to say whose rating to set"));
  if (options->log != NULL && options->who == NULL)
    return g_strdup (_("--log needs --with WHO to say who you met"));
  if ((options->date != NULL || options->gave_value || options->group) && options->log == NULL)
    return g_strdup (_("--date, --gave-value and --group go with --log"));
  if (options->who != NULL && options->rate == NULL && options->log == NULL)
    return g_strdup (_("--with WHO needs something to do, e.g. --rate 1 or --log lunch"));
  if (options->rate != NULL && options->log != NULL)
    return g_strdup (_("Choose one of --rate or --log at a time"));
  if (options->who != NULL && *options->who == '\0')
    return g_strdup (_("Say who: an email address, a uid or a full name"));
  if (options->rate != NULL && !tn_trust_parse (options->rate, &trust))
    return g_strdup (_("--rate takes 1 (completely), 2 (moderately), 3 (vaguely), or 0 to clear"));
  if (options->log != NULL && !tn_interaction_kind_parse (options->log, &kind))
    return g_strdup_printf (_("--log takes lunch, coffee, call, email, message, meeting or event, not “%s”"), options->log);
  if (options->date != NULL && !tn_interaction_day_is_valid (options->date))
    return g_strdup_printf (_("--date takes a day like 2026-11-24 from the years %d to %d, not “%s”"),
                            TN_CLOCK_FIRST_YEAR, TN_CLOCK_LAST_YEAR, options->date);

  if (options->add != NULL)
    {
      name = tn_text_clean_line (options->add);
      if (name == NULL)
        return g_strdup (_("--add needs a name, e.g. --add \"Ada Lovelace\""));
      organization = tn_text_clean_line (options->organization);
      /* An ESC or BEL kept in a name would reach every terminal and window showing it. */
      if (tn_text_has_control (name, FALSE) || (organization != NULL && tn_text_has_control (organization, FALSE)))
        return g_strdup (_("A name or organization cannot hold control characters (a tab, a line break, ESC)"));
    }

  for (guint i = 0; options->emails != NULL && options->emails[i] != NULL; i++)
    {
      if (!tn_text_is_plausible_email (options->emails[i]))
        return g_strdup_printf (_("“%s” is not an email address"), options->emails[i]);
    }

  if (options->goal != NULL && !g_ascii_string_to_unsigned (options->goal, 10, 1, 1000, &goal, NULL))
    return g_strdup_printf (_("--goal takes a number from 1 to 1000, not “%s”"), options->goal);
  if (options->employer != NULL && tn_text_has_control (options->employer, FALSE))
    return g_strdup (_("A name or organization cannot hold control characters (a tab, a line break, ESC)"));

  /* Line breaks and tabs fold into spaces in a statement; other control characters cannot. */
  if (options->brand != NULL && tn_text_has_control (options->brand, TRUE))
    return g_strdup (_("A brand statement cannot hold control characters such as ESC"));
  if (options->brand != NULL && (problem = tn_brand_find_problem (options->brand)) != NULL)
    return problem;

  if ((problem = check_import_paths (options)) != NULL ||
      (problem = check_export_path (options)) != NULL)
    return problem;

  return NULL;
}

static TnStoreOpenFlags
open_flags (TnCliOptions *options)
{
  /* An import and a sync only write (and read the rows they need): the list of every
   * contact would be read for nothing. */
  if (options->import != NULL || tn_cli_sync_wanted (&options->sync))
    return TN_STORE_OPEN_FLAGS_NO_CONTACTS;
  /* Commands that only read (and --with, which finds nobody in no database) create none. */
  if (options->list || options->stats || options->job_changes || options->export != NULL || options->who != NULL)
    return TN_STORE_OPEN_FLAGS_NO_CREATE;

  return TN_STORE_OPEN_FLAGS_NONE;
}

/**
 * tn_cli_run:
 * @options: the parsed options from #GApplication::handle-local-options
 *
 * Returns: the exit status, or %TN_CLI_CONTINUE when the application itself should
 *   go on: no command-line mode was asked for and the window should open, or
 *   `--background` asked for the reminder service, which runs inside the application
 */
int
tn_cli_run (GVariantDict *options)
{
  TnCliOptions parsed = { 0 };
  g_autoptr(TnStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree const char **emails = NULL;
  g_autofree const char **import = NULL;
  g_autofree const char **remaining = NULL;
  g_autofree char *problem = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("TrustNet %s\n", PACKAGE_VERSION);
      return 0;
    }

  g_variant_dict_lookup (options, "database", "^&ay", &parsed.database);
  parsed.list = g_variant_dict_contains (options, "list");
  parsed.json = g_variant_dict_contains (options, "json");
  g_variant_dict_lookup (options, "search", "&s", &parsed.search);
  g_variant_dict_lookup (options, "add", "&s", &parsed.add);
  g_variant_dict_lookup (options, "email", "^a&s", &emails);
  parsed.emails = emails;
  g_variant_dict_lookup (options, "org", "&s", &parsed.organization);
  g_variant_dict_lookup (options, "with", "&s", &parsed.who);
  g_variant_dict_lookup (options, "rate", "&s", &parsed.rate);
  g_variant_dict_lookup (options, "log", "&s", &parsed.log);
  g_variant_dict_lookup (options, "date", "&s", &parsed.date);
  parsed.gave_value = g_variant_dict_contains (options, "gave-value");
  parsed.group = g_variant_dict_contains (options, "group");
  g_variant_dict_lookup (options, "import", "^a&ay", &import);
  parsed.import = import;
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &remaining);
  parsed.remaining = remaining;
  g_variant_dict_lookup (options, "export", "^&ay", &parsed.export);
  parsed.remind = g_variant_dict_contains (options, "remind");
  parsed.background = g_variant_dict_contains (options, "background");
  parsed.stats = g_variant_dict_contains (options, "stats");
  parsed.job_changes = g_variant_dict_contains (options, "job-changes");
  g_variant_dict_lookup (options, "brand", "&s", &parsed.brand);
  g_variant_dict_lookup (options, "goal", "&s", &parsed.goal);
  g_variant_dict_lookup (options, "employer", "&s", &parsed.employer);
  g_variant_dict_lookup (options, "sync-setup", "&s", &parsed.sync.setup_url);
  g_variant_dict_lookup (options, "user", "&s", &parsed.sync.user);
  parsed.sync.password_stdin = g_variant_dict_contains (options, "password-stdin");
  parsed.sync.sync = g_variant_dict_contains (options, "sync");
  parsed.sync.off = g_variant_dict_contains (options, "sync-off");

  problem = check_arguments (&parsed);
  if (problem != NULL)
    return fail (problem);
  if (parsed.goal != NULL || parsed.employer != NULL)
    return run_self_settings (&parsed);

  if (!parsed.list && parsed.add == NULL && parsed.who == NULL && parsed.import == NULL && parsed.export == NULL &&
      !parsed.remind && !parsed.stats && !parsed.job_changes && parsed.brand == NULL
      && !tn_cli_sync_wanted (&parsed.sync))
    return TN_CLI_CONTINUE;

  store = tn_store_open_full (parsed.database, open_flags (&parsed), &error);
  if (store == NULL)
    return fail (error->message);

  if (parsed.list)
    return run_list (store, &parsed);
  if (parsed.add != NULL)
    return run_add (store, &parsed);
  if (parsed.import != NULL)
    return run_import (store, &parsed);
  if (parsed.export != NULL)
    return run_export (store, &parsed);
  if (parsed.remind)
    return run_remind (store);
  if (parsed.stats)
    return run_stats (store, parsed.json);
  if (parsed.brand != NULL)
    return run_brand (store, parsed.brand);
  if (parsed.job_changes)
    return tn_cli_print_job_changes (store, parsed.json, &error) ? 0 : fail (error->message);
  if (tn_cli_sync_wanted (&parsed.sync))
    return tn_cli_sync_run (store, &parsed.sync);

  if (parsed.log != NULL)
    return run_log (store, &parsed);

  return run_rate (store, &parsed);
}
