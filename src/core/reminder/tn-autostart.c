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

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "tn-autostart.h"

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

/**
 * tn_autostart_get_content:
 *
 * The entry runs the installed binary by name, found on the session's PATH, rather than
 * the path of the one running now: a build folder may be gone by the next login.
 *
 * Returns: (transfer full): the text of the autostart entry
 */
char *
tn_autostart_get_content (void)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  const char *group = G_KEY_FILE_DESKTOP_GROUP;

  g_key_file_set_string (key_file, group, G_KEY_FILE_DESKTOP_KEY_TYPE, G_KEY_FILE_DESKTOP_TYPE_APPLICATION);
  /* The session shows neither name nor comment anywhere; they are written in
   * English, as the .desktop file's untranslated keys are. */
  g_key_file_set_string (key_file, group, G_KEY_FILE_DESKTOP_KEY_NAME, "TrustNet");
  g_key_file_set_string (key_file, group, G_KEY_FILE_DESKTOP_KEY_COMMENT,
                         "Sends the weekly “Lunch with someone this week” reminder");
  g_key_file_set_string (key_file, group, G_KEY_FILE_DESKTOP_KEY_EXEC, "trustnet --background");
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
write_entry (GError **error)
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

  content = tn_autostart_get_content ();
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
 * @error: where to say why not
 *
 * Writes the autostart entry (atomically, creating its folder) or removes it. Both are
 * idempotent: writing again replaces the entry, removing an absent one succeeds.
 *
 * Returns: whether the entry now is as asked; on %FALSE @error is set, in the
 *   %G_FILE_ERROR domain, with a message for the person
 */
gboolean
tn_autostart_set_enabled (gboolean   enabled,
                          GError   **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return enabled ? write_entry (error) : remove_entry (error);
}
