/* window-main.c — `trustnet-window`: the window, and the weekly reminder of `--background`,
 * in one GtkApplication per database. `trustnet` starts it (by exec) when no command-line
 * mode was asked for; it takes the same options, so D-Bus activation, the autostart entry
 * or a person may start it directly too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trustnet"

#include "config.h"

#include "tn-application.h"
#include "tn-program.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TnApplication) application = NULL;

  tn_program_init ();

  application = tn_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}
