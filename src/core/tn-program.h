/* tn-program.h — TrustNet's two programs, `trustnet` (the command line, no GTK) and
 * `trustnet-window` (the window and the weekly reminder), and how each finds the other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  TN_PROGRAM_COMMAND_LINE,
  TN_PROGRAM_WINDOW,
} TnProgram;

void  tn_program_init            (void);
char *tn_program_get_running     (void);
char *tn_program_find_beside     (const char *running,
                                  TnProgram   program);
char *tn_program_find            (TnProgram   program);

G_END_DECLS
