/* tn-cli-sync.h — `trustnet --sync-setup URL --user NAME [--password-stdin]`, `--sync`
 * and `--sync-off`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tn-store.h"

G_BEGIN_DECLS

typedef struct
{
  const char *setup_url;   /* --sync-setup URL */
  const char *user;        /* --user NAME */
  gboolean password_stdin; /* --password-stdin */
  gboolean sync;           /* --sync */
  gboolean off;            /* --sync-off */
} TnCliSyncOptions;

gboolean tn_cli_sync_wanted          (const TnCliSyncOptions *options);
char    *tn_cli_sync_check_arguments (const TnCliSyncOptions *options,
                                      guint                   n_other_modes);
int      tn_cli_sync_run             (TnStore                *store,
                                      const TnCliSyncOptions *options);

G_END_DECLS
