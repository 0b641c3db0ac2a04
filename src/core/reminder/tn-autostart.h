/* tn-autostart.h — the XDG autostart entry that starts `trustnet --background` at login,
 * so the weekly reminder arrives while the window is closed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *tn_autostart_get_path            (void);
char     *tn_autostart_get_content         (const char  *program,
                                            const char  *database_path);
gboolean  tn_autostart_is_enabled          (void);
gboolean  tn_autostart_set_enabled         (gboolean     enabled,
                                            const char  *program,
                                            const char  *database_path,
                                            GError     **error);

G_END_DECLS
