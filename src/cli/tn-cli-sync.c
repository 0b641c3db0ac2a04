/* tn-cli-sync.c — sync from the command line: set it up, sync once, turn it off. The
 * password comes from TRUSTNET_SYNC_PASSWORD, else from stdin (--password-stdin), else
 * from the keyring; it is never an argument (others could read it in the process list).
 * Exit 1 with one `trustnet: …` line on any failure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "tn-cli-sync.h"
#include "tn-sync-password.h"
#include "tn-sync.h"
#include "tn-text.h"

#define PASSWORD_VARIABLE "TRUSTNET_SYNC_PASSWORD"

/* A password longer than this is not one a person typed or a keyring holds. */
#define MAX_PASSWORD_LENGTH 4096

static int
fail (const char *message)
{
  tn_text_print (TRUE, "trustnet: %s\n", message);
  return 1;
}

gboolean
tn_cli_sync_wanted (const TnCliSyncOptions *options)
{
  return options->setup_url != NULL || options->sync || options->off;
}

/**
 * tn_cli_sync_check_arguments:
 * @options: the sync options given
 * @n_other_modes: how many of the other modes (--list, --add, …) were given
 *
 * Returns: (transfer full) (nullable): the message for the person, or %NULL
 */
char *
tn_cli_sync_check_arguments (const TnCliSyncOptions *options,
                             guint                   n_other_modes)
{
  guint n_sync_modes = (options->setup_url != NULL ? 1 : 0) + (options->sync ? 1 : 0) + (options->off ? 1 : 0);

  if (n_sync_modes > 1 || (n_sync_modes == 1 && n_other_modes > 0))
    return g_strdup (_("--sync-setup, --sync and --sync-off each go alone"));
  if (options->user != NULL && options->setup_url == NULL)
    return g_strdup (_("--user goes with --sync-setup"));
  if (options->password_stdin && options->setup_url == NULL && !options->sync)
    return g_strdup (_("--password-stdin goes with --sync-setup or --sync"));
  if (options->setup_url != NULL && (options->user == NULL || *options->user == '\0'))
    return g_strdup (_("--sync-setup needs --user NAME, the user name on the server"));
  if (options->setup_url != NULL && !g_str_has_prefix (options->setup_url, "http://") &&
      !g_str_has_prefix (options->setup_url, "https://"))
    return g_strdup_printf (_("--sync-setup takes the server’s address, e.g. https://dav.example.com/, not “%s”"),
                            options->setup_url);

  return NULL;
}

/* One line from stdin, without its line break. */
static char *
read_password_line (void)
{
  g_autofree char *line = g_malloc (MAX_PASSWORD_LENGTH + 2);
  gsize length;

  if (fgets (line, MAX_PASSWORD_LENGTH + 2, stdin) == NULL)
    return NULL;

  length = strcspn (line, "\r\n");
  line[length] = '\0';
  return length > 0 && length <= MAX_PASSWORD_LENGTH ? g_steal_pointer (&line) : NULL;
}

/* The password, from the environment, stdin or the keyring, in that order; %NULL with
 * @problem set when there is none. */
static char *
find_password (const TnCliSyncOptions  *options,
               const char              *server_url,
               const char              *user,
               char                   **problem)
{
  g_autoptr(GError) error = NULL;
  const char *variable = g_getenv (PASSWORD_VARIABLE);
  char *password;

  if (variable != NULL && *variable != '\0')
    return g_strdup (variable);

  if (options->password_stdin)
    {
      password = read_password_line ();
      if (password == NULL)
        *problem = g_strdup (_("--password-stdin found no password on the first line of its input"));
      return password;
    }

  password = tn_sync_password_lookup (server_url, user, &error);
  if (password == NULL)
    *problem = error != NULL
                 ? g_strdup_printf (_("The password could not be read from the keyring: %s"), error->message)
                 : g_strdup_printf (_("No password for %s is stored; give it with --password-stdin or %s"),
                                    user, PASSWORD_VARIABLE);
  return password;
}

static int
run_setup (TnStore                *store,
           const TnCliSyncOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *password = find_password (options, options->setup_url, options->user, &problem);
  g_autofree char *book_url = NULL;

  if (password == NULL)
    return fail (problem);

  if (!tn_sync_setup (store, options->setup_url, options->user, password, NULL, &book_url, NULL, &error))
    return fail (error->message);

  if (!tn_sync_password_store (options->setup_url, options->user, password, &error))
    {
      g_autofree char *message = NULL;

      /* With the password in the environment, syncing works without the keyring. */
      if (g_getenv (PASSWORD_VARIABLE) == NULL)
        {
          message = g_strdup_printf (_("The password could not be stored in the keyring, so sync was not set up: %s"),
                                     error->message);
          tn_sync_forget (store, NULL);
          return fail (message);
        }

      message = g_strdup_printf (_("The password was not stored in the keyring (%s); each sync will take it from %s"),
                                 error->message, PASSWORD_VARIABLE);
      tn_text_print (TRUE, "trustnet: %s\n", message);
    }

  tn_text_print (FALSE, _("Sync set up: %s\n"), book_url);
  return 0;
}

static int
run_sync (TnStore                *store,
          const TnCliSyncOptions *options)
{
  g_autoptr(TnSyncAccount) account = tn_sync_get_account (store);
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *password = NULL;
  TnSyncReport report = { 0 };
  gboolean synced;

  if (account == NULL)
    return fail (_("Sync is not set up; run trustnet --sync-setup URL --user NAME first"));

  password = find_password (options, account->server_url, account->user, &problem);
  if (password == NULL)
    return fail (problem);

  synced = tn_sync_run (store, password, &report, NULL, &error);
  if (synced)
    tn_text_print (FALSE, _("Synced with %s: sent %u, received %u, merged %u, deleted %u\n"),
                   report.host, report.sent, report.received, report.merged, report.deleted);
  tn_sync_report_clear (&report);

  return synced ? 0 : fail (error->message);
}

static int
run_off (TnStore *store)
{
  g_autoptr(TnSyncAccount) account = tn_sync_get_account (store);
  g_autoptr(GError) error = NULL;

  if (account == NULL)
    {
      tn_text_print (FALSE, _("Sync was not set up; nothing changed\n"));
      return 0;
    }

  if (!tn_sync_forget (store, &error))
    return fail (error->message);

  /* The account is forgotten either way; a keyring that cannot be reached keeps a
   * password nothing will use. */
  if (!tn_sync_password_clear (account->server_url, account->user, &error))
    g_debug ("The password could not be removed from the keyring: %s", error->message);

  tn_text_print (FALSE, _("Sync turned off on this computer; the server keeps its cards\n"));
  return 0;
}

/**
 * tn_cli_sync_run:
 * @store: the database
 * @options: the sync options, checked by tn_cli_sync_check_arguments()
 *
 * Returns: the exit status
 */
int
tn_cli_sync_run (TnStore                *store,
                 const TnCliSyncOptions *options)
{
  if (options->setup_url != NULL)
    return run_setup (store, options);
  if (options->sync)
    return run_sync (store, options);

  return run_off (store);
}
