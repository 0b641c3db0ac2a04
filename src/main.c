/* main.c — `trustnet`: every command-line mode, in a process that links no GTK, so that a
 * script's `--list` or a quiet `--sync` does not pay for loading the toolkit. A launch
 * that needs the window — no mode, or `--background`, whose reminder lives in the window's
 * process (it opens the window on a click) — becomes `trustnet-window` by exec, with the
 * same arguments and the same process id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trustnet"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "tn-cli.h"
#include "tn-program.h"
#include "tn-text.h"

/* Returns only when the window's program could not be started. */
static int
exec_window (char **argv)
{
  g_autofree char *window = tn_program_find (TN_PROGRAM_WINDOW);
  g_autofree char *message = NULL;
  int saved_errno;

  fflush (stdout);
  execv (window, argv);

  saved_errno = errno;
  message = g_strdup_printf (_("Cannot start the window’s program %s: %s"), window, g_strerror (saved_errno));
  tn_text_print (TRUE, "trustnet: %s\n", message);
  return 1;
}

static int
on_handle_local_options_cb (GApplication *application,
                            GVariantDict *options,
                            char        **argv)
{
  int status;

  /* Parsing succeeded: from here on, what is printed is the commands' own. */
  tn_cli_end_parsing ();

  status = tn_cli_run (options);
  if (status != TN_CLI_CONTINUE)
    return status;

  return exec_window (argv);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GApplication) application = NULL;
  int status;

  tn_program_init ();

  /* A GApplication only to parse the options exactly as the window's GtkApplication does
   * (the same list, --help and messages): it never registers, since every path leaves
   * handle-local-options with an exit status or an exec. */
  application = g_application_new (APPLICATION_ID, G_APPLICATION_DEFAULT_FLAGS);
  tn_cli_add_options (application);
  g_signal_connect (application, "handle-local-options", G_CALLBACK (on_handle_local_options_cb), argv);

  tn_cli_begin_parsing ();
  status = g_application_run (application, argc, argv);
  tn_cli_end_parsing ();
  return status;
}
