/* tn-autostart.c — writes or removes the XDG autostart entry that runs
 * `trustnet --background` when the person logs in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The entry lives in $XDG_CONFIG_HOME/autostart (the Desktop Application Autostart
 * Specification); the session starts every .desktop file there at login. Its presence is
 * the truth: the run-in-background setting only mirrors it.
 */
#define G_LOG_DOMAIN "tn-autostart"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "tn-autostart.h"
#include "tn-store.h"

#define AUTOSTART_FILE_NAME "org.example.TrustNet-autostart.desktop"

static char *
get_folder (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", NULL);
}

/**
 * tn_autostart_get_path:
 *
 * Returns: (transfer full): where the autostart entry is, whether or not it exists
 */
char *
tn_autostart_get_path (void)
{
  g_autofree char *folder = get_folder ();

  return g_build_filename (folder, AUTOSTART_FILE_NAME, NULL);
}

/* The desktop entry specification's reserved characters: an argument holding any of them
 * is quoted. */
#define EXEC_RESERVED " \t\n\"'\\><~|&;$*?#()`"

/* One argument of an Exec line as the desktop entry specification wants it: inside double
 * quotes when it holds a reserved character, with " ` $ and \ escaped there, and every %
 * doubled so that it is not taken for a field code. The key file adds its own string
 * escapes on top when the line is written. */
static void
append_exec_argument (GString    *exec,
                      const char *argument)
{
  gboolean quote = argument[0] == '\0' || strpbrk (argument, EXEC_RESERVED) != NULL;

  if (exec->len > 0)
    g_string_append_c (exec, ' ');
  if (quote)
    g_string_append_c (exec, '"');
  for (const char *c = argument; *c != '\0'; c++)
    {
      if (*c == '%')
        g_string_append_c (exec, '%');
      else if (quote && strchr ("\"`$\\", *c) != NULL)
        g_string_append_c (exec, '\\');
      g_string_append_c (exec, *c);
    }
  if (quote)
    g_string_append_c (exec, '"');
}

/* The default database needs no --database; any other one is named by its absolute path,
 * since the session starts the entry in the home folder, not where the window was. */
static char *
get_exec (const char *program,
          const char *database_path)
{
  g_autoptr(GString) exec = g_string_new (NULL);
  g_autofree char *default_path = tn_store_get_default_path ();
  g_autofree char *database = NULL;

  append_exec_argument (exec, program);
  if (database_path != NULL)
    {
      database = g_canonicalize_filename (database_path, NULL);
      if (g_strcmp0 (database, default_path) != 0)
        {
          append_exec_argument (exec, "--database");
          append_exec_argument (exec, database);
        }
    }
  append_exec_argument (exec, "--background");

  return g_string_free (g_steal_pointer (&exec), FALSE);
}

/**
 * tn_autostart_get_content:
 * @program: the absolute path of the trustnet to start
 * @database_path: (nullable): the database the reminder is for; %NULL or the default
 *   database write no `--database`
 *
 * Returns: (transfer full): the text of the autostart entry
 */
char *
tn_autostart_get_content (const char *program,
                          const char *database_path)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *exec = NULL;
  const char *group = G_KEY_FILE_DESKTOP_GROUP;

  g_return_val_if_fail (program != NULL, NULL);

  exec = get_exec (program, database_path);
  g_key_file_set_string (key_file, group, G_KEY_FILE_DESKTOP_KEY_TYPE, G_KEY_FILE_DESKTOP_TYPE_APPLICATION);
  /* The session shows neither name nor comment anywhere; they are written in
   * English, as the .desktop file's untranslated keys are. */
  g_key_file_set_string (key_file, group, G_KEY_FILE_DESKTOP_KEY_NAME, "TrustNet");
  g_key_file_set_string (key_file, group, G_KEY_FILE_DESKTOP_KEY_COMMENT,
                         "Sends the weekly “Lunch with someone this week” reminder");
  g_key_file_set_string (key_file, group, G_KEY_FILE_DESKTOP_KEY_EXEC, exec);
  g_key_file_set_string (key_file, group, G_KEY_FILE_DESKTOP_KEY_ICON, "org.example.TrustNet");
  g_key_file_set_boolean (key_file, group, G_KEY_FILE_DESKTOP_KEY_NO_DISPLAY, TRUE);
  g_key_file_set_boolean (key_file, group, "X-GNOME-Autostart-enabled", TRUE);

  return g_key_file_to_data (key_file, NULL, NULL);
}

/**
 * tn_autostart_is_enabled:
 *
 * Returns: whether the autostart entry exists
 */
gboolean
tn_autostart_is_enabled (void)
{
  g_autofree char *path = tn_autostart_get_path ();

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static gboolean
write_entry (const char  *program,
             const char  *database_path,
             GError     **error)
{
  g_autofree char *folder = get_folder ();
  g_autofree char *path = tn_autostart_get_path ();
  g_autofree char *content = NULL;

  /* 0700 like any new folder of the person's own; an existing folder keeps its mode. */
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), folder, g_strerror (saved_errno));
      return FALSE;
    }

  /* A desktop entry is UTF-8; a path that is not cannot be written into one. */
  if (!g_utf8_validate (program, -1, NULL) || (database_path != NULL && !g_utf8_validate (database_path, -1, NULL)))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("Starting at login needs a program and database path in UTF-8"));
      return FALSE;
    }

  content = tn_autostart_get_content (program, database_path);
  /* Written to a temporary file and renamed: the session never reads half an entry.
   * GLib's message already names the file and the reason. */
  return g_file_set_contents (path, content, -1, error);
}

static gboolean
remove_entry (GError **error)
{
  g_autofree char *path = tn_autostart_get_path ();
  int saved_errno;

  if (g_unlink (path) == 0)
    return TRUE;

  /* No file, or no folder to hold one (ENOTDIR: "autostart" is a file): nothing
   * would start at login, which is what was asked. */
  saved_errno = errno;
  if (saved_errno == ENOENT || saved_errno == ENOTDIR)
    return TRUE;

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               _("Could not remove “%s”: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

/**
 * tn_autostart_set_enabled:
 * @enabled: whether TrustNet should start in the background at login
 * @program: the absolute path of the trustnet to start (tn_program_find())
 * @database_path: (nullable): the database the window has open
 * @error: where to say why not
 *
 * Writes the autostart entry (atomically, creating its folder) or removes it. Both are
 * idempotent: writing again replaces the entry, removing an absent one succeeds.
 *
 * Returns: whether the entry now is as asked; on %FALSE @error is set, in the
 *   %G_FILE_ERROR domain, with a message for the person
 */
gboolean
tn_autostart_set_enabled (gboolean     enabled,
                          const char  *program,
                          const char  *database_path,
                          GError     **error)
{
  g_return_val_if_fail (program != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return enabled ? write_entry (program, database_path, error) : remove_entry (error);
}
