/* main.c — starts TrustNet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trustnet"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "tn-application.h"
#include "tn-clock.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TnApplication) application = NULL;

  tn_clock_pin_local_zone ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name ("TrustNet");

  application = tn_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}
