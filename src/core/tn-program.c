/* tn-program.c — where TrustNet's two programs are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `trustnet` runs every command-line mode without GTK and starts `trustnet-window` (by
 * exec, in the same process) for the window and for `--background`; the window names
 * `trustnet` in the login's autostart entry. Each finds the other beside itself when it is
 * there — the build folder, where tests and `meson devenv` run them uninstalled, or an
 * install whose libexecdir is its bindir — and else where Meson installs it. No environment
 * variable and no search of PATH: nobody but whoever could replace the running program
 * itself can choose what it starts.
 */
#define G_LOG_DOMAIN "tn-program"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "tn-clock.h"
#include "tn-program.h"

/* The names and folders src/meson.build installs them as. */
static const struct
{
  const char *name;
  const char *installed_folder;
} programs[] = {
  [TN_PROGRAM_COMMAND_LINE] = { "trustnet", BINDIR },
  [TN_PROGRAM_WINDOW] = { "trustnet-window", LIBEXECDIR },
};

/**
 * tn_program_init:
 *
 * What both programs do first thing in main(), before any thread starts: the local time
 * zone pinned (tn_clock_pin_local_zone()), the person's locale and TrustNet's
 * translations, the application's name that GLib and libnotify show, and one program name
 * for --help, log lines and X11's WM_CLASS, whichever program runs (D-Bus starts the
 * window's by its own path).
 */
void
tn_program_init (void)
{
  tn_clock_pin_local_zone ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_prgname ("trustnet");
  g_set_application_name ("TrustNet");
}

/**
 * tn_program_get_running:
 *
 * The absolute path of the binary running now, for what must name it to someone else (the
 * session's PATH at login need not hold a build folder, ~/.local/bin or /opt). A binary
 * replaced while it runs reads as "PATH (deleted)"; the new one at PATH is meant then.
 *
 * Returns: (transfer full) (nullable): the path, or %NULL where the system does not say
 */
char *
tn_program_get_running (void)
{
  g_autofree char *program = g_file_read_link ("/proc/self/exe", NULL);

  if (program == NULL || !g_path_is_absolute (program))
    return NULL;

  if (g_str_has_suffix (program, " (deleted)"))
    program[strlen (program) - strlen (" (deleted)")] = '\0';

  return g_steal_pointer (&program);
}

/**
 * tn_program_find_beside:
 * @running: (nullable): the absolute path of the running program
 * @program: which program to find
 *
 * Returns: (transfer full): @program's path in @running's folder when an executable file
 *   is there, else where it is installed
 */
char *
tn_program_find_beside (const char *running,
                        TnProgram   program)
{
  g_autofree char *folder = NULL;
  g_autofree char *beside = NULL;

  g_return_val_if_fail ((guint) program < G_N_ELEMENTS (programs), NULL);

  if (running != NULL)
    {
      folder = g_path_get_dirname (running);
      beside = g_build_filename (folder, programs[program].name, NULL);
      /* g_file_test() with two flags asks whether either holds: both must. */
      if (g_file_test (beside, G_FILE_TEST_IS_REGULAR) && g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&beside);
    }

  return g_build_filename (programs[program].installed_folder, programs[program].name, NULL);
}

/**
 * tn_program_find:
 * @program: which program to find
 *
 * Returns: (transfer full): the absolute path of @program of this TrustNet: beside the
 *   running program, else where it is installed (see tn_program_find_beside())
 */
char *
tn_program_find (TnProgram program)
{
  g_autofree char *running = tn_program_get_running ();

  return tn_program_find_beside (running, program);
}
