/* tn-sync-password.h — the sync account's password in the desktop's keyring (Secret
 * Service through libsecret), never in the database or GSettings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUSTNET_SYNC_PASSWORD in the environment wins over the keyring (like PGPASSWORD). */
char    *tn_sync_password_lookup (const char *server_url, const char *user, GError **error); /* NULL + no error: none stored */
gboolean tn_sync_password_store  (const char *server_url, const char *user, const char *password, GError **error);
gboolean tn_sync_password_clear  (const char *server_url, const char *user, GError **error);

G_END_DECLS
