/* tn-sync-password.c — the sync password in the Secret Service keyring, keyed by server and
 * user, with TRUSTNET_SYNC_PASSWORD as the override scripts and test servers use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-sync-password"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "tn-sync-password.h"

#define PASSWORD_ENV "TRUSTNET_SYNC_PASSWORD"

static const SecretSchema *
sync_schema (void)
{
  static const SecretSchema schema = {
    "org.example.TrustNet.Sync",
    SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

/* libsecret's errors name D-Bus services; people need to know it is their keyring. */
static void
explain_keyring_error (GError **error)
{
  g_autofree char *detail = NULL;

  if (error == NULL || *error == NULL)
    return;

  detail = g_strdup ((*error)->message);
  g_clear_error (error);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("The desktop’s keyring could not be used: %s"), detail);
}

char *
tn_sync_password_lookup (const char *server_url,
                         const char *user,
                         GError    **error)
{
  const char *from_env;
  char *secret;
  char *password;

  g_return_val_if_fail (server_url != NULL, NULL);
  g_return_val_if_fail (user != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  from_env = g_getenv (PASSWORD_ENV);
  if (from_env != NULL && *from_env != '\0')
    return g_strdup (from_env);

  secret = secret_password_lookup_sync (sync_schema (), NULL, error,
                                        "server", server_url,
                                        "user", user,
                                        NULL);
  if (secret == NULL)
    {
      explain_keyring_error (error);
      return NULL;
    }

  /* secret_password_free wipes the keyring's copy; ours is an ordinary string. */
  password = g_strdup (secret);
  secret_password_free (secret);
  return password;
}

gboolean
tn_sync_password_store (const char *server_url,
                        const char *user,
                        const char *password,
                        GError    **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (server_url != NULL, FALSE);
  g_return_val_if_fail (user != NULL, FALSE);
  g_return_val_if_fail (password != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* TRANSLATORS: the name of the password in the desktop's keyring (Seahorse shows it). */
  label = g_strdup_printf (_("TrustNet sync: %s at %s"), user, server_url);
  if (!secret_password_store_sync (sync_schema (), SECRET_COLLECTION_DEFAULT, label,
                                   password, NULL, error,
                                   "server", server_url,
                                   "user", user,
                                   NULL))
    {
      explain_keyring_error (error);
      return FALSE;
    }

  return TRUE;
}

gboolean
tn_sync_password_clear (const char *server_url,
                        const char *user,
                        GError    **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (server_url != NULL, FALSE);
  g_return_val_if_fail (user != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* FALSE without an error only says nothing was stored: clearing is then done. */
  if (!secret_password_clear_sync (sync_schema (), NULL, &local_error,
                                   "server", server_url,
                                   "user", user,
                                   NULL)
      && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      explain_keyring_error (error);
      return FALSE;
    }

  return TRUE;
}
