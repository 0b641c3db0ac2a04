/* tn-sync-self.c — the person's own card: brand statement versions and self-checks from
 * the database, goal and employer from the settings (only those the person set, with when
 * they changed: tn-self-settings.c), merged with the server's card and written where they
 * differ.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-sync"

#include "config.h"

#include "tn-clock.h"
#include "tn-self-settings.h"
#include "tn-sync-card.h"
#include "tn-sync-merge.h"
#include "tn-sync-private.h"

#define SETTINGS_SCHEMA "org.example.TrustNet"

/* The app's settings, or %NULL where its schema is not installed (a bare test build). */
static GSettings *
open_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source != NULL ? g_settings_schema_source_lookup (source, SETTINGS_SCHEMA, TRUE)
                                                     : NULL;

  return schema != NULL ? g_settings_new (SETTINGS_SCHEMA) : NULL;
}

/* Only what the person set travels: a default is no one's choice. */
static void
read_settings (TnSyncSelf *data)
{
  g_autoptr(GSettings) settings = open_settings ();
  g_autoptr(GVariant) goal = NULL;
  g_autoptr(GVariant) employer = NULL;

  if (settings == NULL)
    return;

  goal = g_settings_get_user_value (settings, TN_SELF_SETTINGS_GOAL);
  employer = g_settings_get_user_value (settings, TN_SELF_SETTINGS_EMPLOYER);
  if (goal != NULL)
    data->goal = g_variant_get_int32 (goal);
  if (employer != NULL && *g_variant_get_string (employer, NULL) != '\0')
    data->employer = g_variant_dup_string (employer, NULL);
  data->goal_changed_at = tn_self_settings_get_changed_at (settings, TN_SELF_SETTINGS_GOAL);
  data->employer_changed_at = tn_self_settings_get_changed_at (settings, TN_SELF_SETTINGS_EMPLOYER);
}

/* Whether a value that differs from the last sync's has no time of its own: none at all,
 * or one older than the last sync's value (the time of a value before it). The same
 * second counts as a time of its own (set here in the second a sync wrote the value); so
 * a change made outside TrustNet just after a sync counts as made at that sync's time,
 * and loses to a later change elsewhere. */
static gboolean
is_untimed (gint64 changed_at,
            gint64 base_changed_at)
{
  return changed_at == 0 || changed_at < base_changed_at;
}

/* Changed since the last sync with no time of its own (set outside TrustNet: gsettings,
 * dconf-editor): changed when this sync noticed it. */
static void
notice_untimed_changes (TnSyncSelf       *mine,
                        const TnSyncSelf *base,
                        gint64            now)
{
  if (base == NULL)
    return;
  if (mine->goal != base->goal && is_untimed (mine->goal_changed_at, base->goal_changed_at))
    mine->goal_changed_at = now;
  if (g_strcmp0 (mine->employer, base->employer) != 0 &&
      is_untimed (mine->employer_changed_at, base->employer_changed_at))
    mine->employer_changed_at = now;
}

static void
write_settings (const TnSyncSelf *data,
                const TnSyncSelf *before)
{
  g_autoptr(GSettings) settings = open_settings ();

  if (settings == NULL)
    return;

  if (data->goal != before->goal)
    tn_self_settings_set (settings, TN_SELF_SETTINGS_GOAL, data->goal > 0 ? g_variant_new_int32 (data->goal) : NULL,
                          data->goal_changed_at);
  if (g_strcmp0 (data->employer, before->employer) != 0)
    tn_self_settings_set (settings, TN_SELF_SETTINGS_EMPLOYER,
                          data->employer != NULL ? g_variant_new_string (data->employer) : NULL,
                          data->employer_changed_at);
  g_settings_sync ();
}

/* The person's data here, and as last synced (%NULL: never, or unreadable). */
static TnSyncSelf *
read_local (TnSyncRun         *run,
            TnStoreSyncCard  **known,
            TnSyncSelf       **base,
            GError           **error)
{
  g_autoptr(TnSyncSelf) data = tn_store_sync_read_self (run->store, error);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) now = tn_clock_now ();

  if (data == NULL)
    return NULL;

  *known = tn_store_sync_get_card (run->store, TN_SYNC_SELF_UID, NULL, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  *base = *known != NULL && (*known)->card != NULL ? tn_sync_self_card_read ((*known)->card, NULL) : NULL;

  read_settings (data);
  notice_untimed_changes (data, *base, g_date_time_to_unix (now));
  return g_steal_pointer (&data);
}

static gboolean
is_empty (const TnSyncSelf *data)
{
  return data->statements->len == 0 && data->checks->len == 0 && data->goal == 0 && data->employer == NULL;
}

static char *
self_href (TnSyncRun *run)
{
  const char *book = run->account->book_url;

  return g_strdup_printf ("%s%s" TN_SYNC_SELF_UID ".vcf", book, g_str_has_suffix (book, "/") ? "" : "/");
}

/* Sends @data; a 412 is settled by the next sync, which receives the server's card. */
static gboolean
put_self (TnSyncRun         *run,
          const TnSyncSelf  *data,
          const char        *href,
          const char        *etag,
          GError           **error)
{
  g_autofree char *text = tn_sync_self_card_write (data);
  g_autofree char *new_etag = NULL;
  TnStoreSyncCard state = { TN_SYNC_SELF_UID, (char *) href, NULL, text };

  if (!tn_carddav_put_card_sync (run->dav, href, text, etag, &new_etag, run->cancellable, error))
    return FALSE;

  state.etag = new_etag;
  if (!tn_store_sync_save_card (run->store, &state, error))
    return FALSE;

  run->report->sent++;
  return TRUE;
}

/**
 * _tn_sync_receive_self:
 * @run: the sync
 * @card: the person's own card, changed on the server
 * @error: return location for a #GError
 */
gboolean
_tn_sync_receive_self (TnSyncRun            *run,
                       const TnCardDavCard  *card,
                       GError              **error)
{
  g_autoptr(TnSyncSelf) theirs = tn_sync_self_card_read (card->data, error);
  g_autoptr(TnSyncSelf) mine = NULL;
  g_autoptr(TnSyncSelf) base = NULL;
  g_autoptr(TnSyncSelf) merged = NULL;
  g_autoptr(TnStoreSyncCard) known = NULL;
  TnStoreSyncCard state = { TN_SYNC_SELF_UID, card->href, card->etag, card->data };

  if (theirs == NULL)
    return FALSE;

  mine = read_local (run, &known, &base, error);
  if (mine == NULL)
    return FALSE;

  g_hash_table_remove (run->local_changed, TN_SYNC_SELF_UID);
  merged = tn_sync_merge_self (base, mine, theirs);
  g_free (merged->vcard);
  merged->vcard = g_strdup (card->data);

  if (!tn_store_sync_write_self (run->store, merged, &state, error))
    return FALSE;
  if (!tn_sync_self_equal (merged, mine))
    {
      write_settings (merged, mine);
      run->report->received++;
    }

  return tn_sync_self_equal (merged, theirs) || put_self (run, merged, card->href, card->etag, error);
}

/**
 * _tn_sync_send_self:
 * @run: the sync
 * @error: return location for a #GError
 *
 * Sends the person's own data unless the server has it already.
 */
gboolean
_tn_sync_send_self (TnSyncRun  *run,
                    GError    **error)
{
  g_autoptr(TnStoreSyncCard) known = NULL;
  g_autoptr(TnSyncSelf) base = NULL;
  g_autoptr(TnSyncSelf) mine = read_local (run, &known, &base, error);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *href = NULL;

  if (mine == NULL)
    return FALSE;

  if ((base != NULL && tn_sync_self_equal (mine, base)) || (base == NULL && is_empty (mine)))
    return TRUE;

  if (known != NULL)
    mine->vcard = g_strdup (known->card);
  href = known != NULL ? g_strdup (known->href) : self_href (run);
  if (!put_self (run, mine, href, known != NULL ? known->etag : NULL, &local_error))
    {
      g_autoptr(TnCardDavCard) card = NULL;

      /* Another machine wrote it first: take theirs in, merged, and send the result. */
      if (!g_error_matches (local_error, TN_CARDDAV_ERROR, TN_CARDDAV_ERROR_PRECONDITION))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      card = _tn_sync_fetch_card (run, href, error);
      return card != NULL && _tn_sync_receive_self (run, card, error);
    }

  return TRUE;
}
