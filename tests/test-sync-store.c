/* test-sync-store.c — what sync keeps in the database: the account, card states, the
 * change feed as sync reads it, per-field change times, interaction uids and tombstones,
 * and contacts and the person's own data read and written as sync carries them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tn-store-sync.h"
#include "tn-sync-card.h"
#include "tn-test-import.h"
#include "tn-test-store.h"
#include "tn-test-util.h"

#define T0 "2026-11-24T09:00:00Z"
#define T0_UNIX G_GINT64_CONSTANT (1795510800)

static TnStoreSyncCard *
card_state (const char *uid,
            const char *href,
            const char *etag,
            const char *text)
{
  TnStoreSyncCard *card = g_new0 (TnStoreSyncCard, 1);

  card->uid = g_strdup (uid);
  card->href = g_strdup (href);
  card->etag = g_strdup (etag);
  card->card = g_strdup (text);
  return card;
}

static void
test_account (TnTestStore   *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnStoreSyncAccount) none = tn_store_sync_get_account (fixture->store, &error);
  g_autoptr(TnStoreSyncAccount) account = NULL;
  g_autoptr(TnStoreSyncAccount) moved = NULL;
  g_autoptr(TnStoreSyncCard) card = card_state ("u", "http://h/b/u.vcf", "e1", "BEGIN:VCARD\r\nEND:VCARD\r\n");
  g_autoptr(TnStoreSyncCard) found = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  gint64 seq;
  gint64 seq_after;
  TnStoreSyncBook known = { (char *) "ctag-1", 1700000000, TN_STORE_SYNC_TRUST_YES, 1700000100 };
  TnStoreSyncBook none_known = { 0 };

  g_assert_no_error (error);
  g_assert_null (none);

  g_assert_true (tn_store_sync_set_account (fixture->store, "http://h/", "alice", "http://h/b/", &error));
  g_assert_true (tn_store_sync_save_position (fixture->store, "token-1", &known, 42, &error));
  g_assert_true (tn_store_sync_save_card (fixture->store, card, &error));
  g_assert_no_error (error);

  /* Another store on the file sees all of it, and no password anywhere. */
  tn_test_store_reopen (fixture);
  account = tn_store_sync_get_account (fixture->store, &error);
  g_assert_cmpstr (account->server_url, ==, "http://h/");
  g_assert_cmpstr (account->user, ==, "alice");
  g_assert_cmpstr (account->book_url, ==, "http://h/b/");
  g_assert_cmpstr (account->token, ==, "token-1");
  g_assert_cmpint (account->seen_seq, ==, 42);
  g_assert_cmpstr (account->book.ctag, ==, "ctag-1");
  g_assert_cmpint (account->book.modified, ==, 1700000000);
  g_assert_cmpint (account->book.modified_trust, ==, TN_STORE_SYNC_TRUST_YES);
  g_assert_cmpint (account->book.ctag_asked_at, ==, 1700000100);
  found = tn_store_sync_get_card (fixture->store, NULL, "http://h/b/u.vcf", &error);
  g_assert_cmpstr (found->uid, ==, "u");
  g_assert_cmpstr (found->etag, ==, "e1");
  g_assert_cmpstr (found->card, ==, card->card);
  cards = tn_store_sync_list_cards (fixture->store, &error);
  g_assert_cmpuint (cards->len, ==, 1);
  g_assert_null (((TnStoreSyncCard *) g_ptr_array_index (cards, 0))->card);

  /* What is not known any more is forgotten (NULL: nothing); "" (the server gives no
   * CTag) is kept. */
  g_assert_true (tn_store_sync_save_position (fixture->store, "token-2", NULL, 43, &error));
  g_clear_pointer (&account, tn_store_sync_account_free);
  account = tn_store_sync_get_account (fixture->store, &error);
  g_assert_cmpstr (account->token, ==, "token-2");
  g_assert_null (account->book.ctag);
  g_assert_cmpint (account->book.modified, ==, 0);
  g_assert_cmpint (account->book.modified_trust, ==, TN_STORE_SYNC_TRUST_UNKNOWN);
  g_assert_cmpint (account->book.ctag_asked_at, ==, 0);
  none_known.ctag = (char *) "";
  g_assert_true (tn_store_sync_save_position (fixture->store, "token-2", &none_known, 43, &error));
  g_clear_pointer (&account, tn_store_sync_account_free);
  account = tn_store_sync_get_account (fixture->store, &error);
  g_assert_cmpstr (account->book.ctag, ==, "");
  known.ctag = (char *) "ctag-2";
  known.modified_trust = TN_STORE_SYNC_TRUST_NO;
  g_assert_true (tn_store_sync_save_position (fixture->store, "token-2", &known, 43, &error));
  g_clear_pointer (&account, tn_store_sync_account_free);
  account = tn_store_sync_get_account (fixture->store, &error);
  g_assert_cmpint (account->book.modified_trust, ==, TN_STORE_SYNC_TRUST_NO);
  /* The same again is no write: the change feed (which sees meta) stays. */
  g_ptr_array_unref (tn_store_sync_list_changed (fixture->store, 0, &seq, &error));
  g_assert_true (tn_store_sync_save_position (fixture->store, "token-2", &known, 43, &error));
  g_ptr_array_unref (tn_store_sync_list_changed (fixture->store, 0, &seq_after, &error));
  g_assert_cmpint (seq_after, ==, seq);
  known.ctag = (char *) "ctag-3";
  g_assert_true (tn_store_sync_save_position (fixture->store, "token-2", &known, 43, &error));
  g_ptr_array_unref (tn_store_sync_list_changed (fixture->store, 0, &seq_after, &error));
  g_assert_cmpint (seq_after, >, seq);
  seq = seq_after;
  known.ctag_asked_at = 1700000200;
  g_assert_true (tn_store_sync_save_position (fixture->store, "token-2", &known, 43, &error));
  g_ptr_array_unref (tn_store_sync_list_changed (fixture->store, 0, &seq_after, &error));
  g_assert_cmpint (seq_after, >, seq);

  /* Another account starts over. */
  g_assert_true (tn_store_sync_set_account (fixture->store, "http://other/", "bob", "http://other/b/", &error));
  moved = tn_store_sync_get_account (fixture->store, &error);
  g_assert_null (moved->token);
  g_assert_null (moved->book.ctag);
  g_assert_cmpint (moved->book.modified_trust, ==, TN_STORE_SYNC_TRUST_UNKNOWN);
  g_assert_cmpint (moved->seen_seq, ==, 0);
  g_clear_pointer (&cards, g_ptr_array_unref);
  cards = tn_store_sync_list_cards (fixture->store, &error);
  g_assert_cmpuint (cards->len, ==, 0);

  g_assert_true (tn_store_sync_save_position (fixture->store, "token-3", &known, 1, &error));
  g_assert_true (tn_store_sync_forget (fixture->store, &error));
  g_clear_pointer (&none, tn_store_sync_account_free);
  none = tn_store_sync_get_account (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_null (none);
  /* Set up again: the last account's CTag is not taken for the new one's. */
  g_assert_true (tn_store_sync_set_account (fixture->store, "http://h/", "alice", "http://h/b/", &error));
  none = tn_store_sync_get_account (fixture->store, &error);
  g_assert_null (none->book.ctag);
  g_assert_cmpint (none->book.modified, ==, 0);
  g_assert_cmpint (none->book.modified_trust, ==, TN_STORE_SYNC_TRUST_UNKNOWN);
  g_assert_cmpint (none->book.ctag_asked_at, ==, 0);
}

static void
test_drop_card (TnTestStore   *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnStoreSyncCard) card = card_state ("u", "http://h/b/u.vcf", NULL, "x");
  g_autoptr(TnStoreSyncCard) found = NULL;

  g_assert_true (tn_store_sync_set_account (fixture->store, "http://h/", "a", "http://h/b/", &error));
  g_assert_true (tn_store_sync_save_card (fixture->store, card, &error));
  found = tn_store_sync_get_card (fixture->store, "u", NULL, &error);
  g_assert_nonnull (found);
  g_assert_null (found->etag);
  g_assert_true (tn_store_sync_drop_card (fixture->store, "u", &error));
  g_clear_pointer (&found, tn_store_sync_card_free);
  found = tn_store_sync_get_card (fixture->store, "u", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (found);
}

static void
test_read_contact (TnTestStore   *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnContact) ada = tn_test_add_contact (fixture->store, "Ada Lovelace", TN_TRUST_VAGUELY);
  g_autoptr(TnContact) changes = tn_contact_copy (ada);
  g_autoptr(TnSyncContact) read = NULL;
  g_autoptr(GPtrArray) interactions = NULL;
  TnSyncInteraction *lunch;
  const char * const emails[] = { "ada@example.com", NULL };

  tn_test_log (fixture->store, ada, TN_INTERACTION_LUNCH, "2026-11-20");
  tn_contact_set_organization (changes, "Engines");
  tn_contact_set_note (changes, "line one\r\nline two");
  tn_contact_set_emails (changes, emails);
  g_assert_true (tn_store_update_contact (fixture->store, ada, changes, &error));
  g_setenv ("TRUSTNET_NOW", "2026-11-24T10:00:00Z", TRUE);
  g_assert_true (tn_store_set_trust (fixture->store, ada, TN_TRUST_COMPLETELY, &error));
  g_setenv ("TRUSTNET_NOW", T0, TRUE);

  read = tn_store_sync_read_contact (fixture->store, tn_contact_get_uid (ada), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->fields[TN_SYNC_FIELD_FULL_NAME], ==, "Ada Lovelace");
  g_assert_cmpstr (read->fields[TN_SYNC_FIELD_ORGANIZATION], ==, "Engines");
  g_assert_cmpstr (read->fields[TN_SYNC_FIELD_NOTE], ==, "line one\nline two");
  g_assert_cmpstr (read->fields[TN_SYNC_FIELD_TRUST], ==, "1");
  g_assert_null (read->fields[TN_SYNC_FIELD_CADENCE]);
  /* Each field knows when it last changed, whoever changed it. */
  g_assert_cmpint (read->times[TN_SYNC_FIELD_TRUST], ==, T0_UNIX + 3600);
  g_assert_cmpint (read->times[TN_SYNC_FIELD_ORGANIZATION], ==, T0_UNIX);
  g_assert_cmpstr (g_ptr_array_index (read->emails, 0), ==, "ada@example.com");
  g_assert_cmpuint (read->trust_history->len, ==, 2);
  g_assert_cmpuint (read->interactions->len, ==, 1);
  lunch = g_ptr_array_index (read->interactions, 0);
  /* Every interaction has a uid of its own and a change time. */
  g_assert_cmpuint (strlen (lunch->uid), ==, 32);
  g_assert_cmpint (lunch->changed_at, >, 0);
  g_assert_cmpstr (lunch->day, ==, "2026-11-20");

  /* Deleted: it leaves a tombstone. */
  interactions = tn_store_list_interactions (fixture->store, ada, &error);
  g_assert_true (tn_store_remove_interaction (fixture->store, ada, g_ptr_array_index (interactions, 0), &error));
  g_clear_pointer (&read, tn_sync_contact_free);
  read = tn_store_sync_read_contact (fixture->store, tn_contact_get_uid (ada), &error);
  g_assert_cmpuint (read->interactions->len, ==, 0);
  g_assert_cmpuint (read->gone->len, ==, 1);

  /* A removed contact is not there for sync. */
  g_assert_true (tn_store_remove_contact (fixture->store, ada, &error));
  g_clear_pointer (&read, tn_sync_contact_free);
  read = tn_store_sync_read_contact (fixture->store, tn_contact_get_uid (ada), &error);
  g_assert_no_error (error);
  g_assert_null (read);
}

static TnSyncContact *
make_remote_contact (const char *uid)
{
  TnSyncContact *contact = tn_sync_contact_new (uid);
  TnSyncInteraction *call = tn_sync_interaction_new ("call-1", TN_INTERACTION_CALL, "2026-11-10");

  tn_sync_contact_set (contact, TN_SYNC_FIELD_FULL_NAME, "Grace Hopper", 100);
  tn_sync_contact_set (contact, TN_SYNC_FIELD_ORGANIZATION, "Navy", 200);
  tn_sync_contact_set (contact, TN_SYNC_FIELD_TRUST, "2", 300);
  tn_sync_contact_set (contact, TN_SYNC_FIELD_CADENCE, "8", 300);
  tn_sync_contact_add_trust_change (contact, TN_TRUST_MODERATELY, 300);
  g_ptr_array_add (contact->emails, g_strdup ("grace@example.com"));
  g_ptr_array_add (contact->phones, g_strdup ("+1 555 0100"));
  call->note = g_strdup ("COBOL");
  call->changed_at = 400;
  g_ptr_array_add (contact->interactions, call);
  contact->vcard = g_strdup ("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:g\r\nFN:Grace Hopper\r\nX-PHONE:1\r\nEND:VCARD\r\n");
  return contact;
}

static void
test_write_contact (TnTestStore   *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnSyncContact) remote = make_remote_contact ("g");
  g_autoptr(TnSyncContact) read = NULL;
  g_autoptr(TnStoreSyncCard) state = card_state ("g", "http://h/b/g.vcf", "e1", remote->vcard);
  g_autoptr(TnStoreSyncCard) found = NULL;
  TnContact *grace;

  g_assert_true (tn_store_sync_set_account (fixture->store, "http://h/", "a", "http://h/b/", &error));
  g_assert_true (tn_store_sync_write_contact (fixture->store, remote, state, &error));
  g_assert_no_error (error);

  read = tn_store_sync_read_contact (fixture->store, "g", &error);
  g_assert_true (tn_sync_contact_equal (read, remote));
  /* The merge's times, not the moment it was written. */
  g_assert_cmpint (read->times[TN_SYNC_FIELD_ORGANIZATION], ==, 200);
  g_assert_cmpstr (read->vcard, ==, remote->vcard);
  found = tn_store_sync_get_card (fixture->store, "g", NULL, &error);
  g_assert_cmpstr (found->etag, ==, "e1");

  /* The window's list, reopened, shows her. */
  tn_test_store_reopen (fixture);
  grace = tn_store_get_contact_by_uid (fixture->store, "g");
  g_assert_nonnull (grace);
  g_assert_cmpint (tn_contact_get_trust (grace), ==, TN_TRUST_MODERATELY);
  g_assert_cmpint (tn_contact_get_cadence_weeks (grace), ==, 8);
  g_assert_cmpstr (tn_contact_get_last_contact (grace), ==, "2026-11-10");

  /* Written again with the interaction changed and one deleted: matched by uid. */
  {
    TnSyncInteraction *call = g_ptr_array_index (remote->interactions, 0);
    TnSyncInteraction *lunch = tn_sync_interaction_new ("lunch-2", TN_INTERACTION_LUNCH, "2026-11-12");
    g_autoptr(TnSyncContact) again = NULL;

    g_free (call->note);
    call->note = g_strdup ("COBOL and compilers");
    g_ptr_array_add (remote->interactions, lunch);
    g_assert_true (tn_store_sync_write_contact (fixture->store, remote, state, &error));
    g_ptr_array_remove_index (remote->interactions, 0);
    g_ptr_array_add (remote->gone, tn_sync_tombstone_new ("call-1", 500));
    g_assert_true (tn_store_sync_write_contact (fixture->store, remote, state, &error));

    again = tn_store_sync_read_contact (fixture->store, "g", &error);
    g_assert_true (tn_sync_contact_equal (again, remote));
    g_assert_cmpint (((TnSyncTombstone *) g_ptr_array_index (again->gone, 0))->deleted_at, ==, 500);
  }
}

static void
test_write_brings_back_removed (TnTestStore   *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnContact) ada = tn_test_add_contact (fixture->store, "Ada Lovelace", TN_TRUST_COMPLETELY);
  g_autoptr(TnSyncContact) read = NULL;
  g_autoptr(TnStoreSyncCard) state = NULL;
  g_autofree char *uid = g_strdup (tn_contact_get_uid (ada));

  read = tn_store_sync_read_contact (fixture->store, uid, &error);
  g_assert_true (tn_store_remove_contact (fixture->store, ada, &error));
  state = card_state (uid, "http://h/b/a.vcf", "e", "x");
  g_assert_true (tn_store_sync_write_contact (fixture->store, read, state, &error));
  g_clear_pointer (&read, tn_sync_contact_free);
  read = tn_store_sync_read_contact (fixture->store, uid, &error);
  g_assert_nonnull (read);
}

static void
test_remove_contact (TnTestStore   *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnSyncContact) remote = make_remote_contact ("g");
  g_autoptr(TnStoreSyncCard) state = card_state ("g", "http://h/b/g.vcf", "e1", "x");
  g_autoptr(TnStoreSyncCard) found = NULL;
  g_autoptr(TnSyncContact) read = NULL;
  g_autoptr(GPtrArray) deleted = NULL;

  g_assert_true (tn_store_sync_set_account (fixture->store, "http://h/", "a", "http://h/b/", &error));
  g_assert_true (tn_store_sync_write_contact (fixture->store, remote, state, &error));
  g_assert_true (tn_store_sync_remove_contact (fixture->store, "g", &error));
  read = tn_store_sync_read_contact (fixture->store, "g", &error);
  g_assert_null (read);
  found = tn_store_sync_get_card (fixture->store, "g", NULL, &error);
  g_assert_null (found);
  /* Gone on the server already: not one to delete there. */
  deleted = tn_store_sync_list_deleted (fixture->store, G_MAXINT64, &error);
  g_assert_cmpuint (deleted->len, ==, 0);
}

static void
test_list_deleted (TnTestStore   *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnContact) ada = tn_test_add_contact (fixture->store, "Ada Lovelace", TN_TRUST_COMPLETELY);
  g_autoptr(TnStoreSyncCard) state = card_state (tn_contact_get_uid (ada), "http://h/b/a.vcf", "e", "x");
  g_autoptr(TnStoreSyncCard) gone = card_state ("purged", "http://h/b/p.vcf", "e", "x");
  /* A contact still here and the person's own card (no contact) are never listed. */
  g_autoptr(TnContact) bob = tn_test_add_contact (fixture->store, "Bob Here", TN_TRUST_COMPLETELY);
  g_autoptr(TnStoreSyncCard) kept = card_state (tn_contact_get_uid (bob), "http://h/b/b.vcf", "e", "x");
  g_autoptr(TnStoreSyncCard) self = card_state (TN_SYNC_SELF_UID, "http://h/b/self.vcf", "e", "x");
  g_autoptr(GPtrArray) deleted = NULL;

  g_assert_true (tn_store_sync_save_card (fixture->store, state, &error));
  g_assert_true (tn_store_sync_save_card (fixture->store, gone, &error));
  g_assert_true (tn_store_sync_save_card (fixture->store, kept, &error));
  g_assert_true (tn_store_sync_save_card (fixture->store, self, &error));
  g_assert_true (tn_store_remove_contact (fixture->store, ada, &error));

  /* Removed at T0: still within Undo before then, deleted after. */
  deleted = tn_store_sync_list_deleted (fixture->store, T0_UNIX, &error);
  g_assert_cmpuint (deleted->len, ==, 1);
  g_assert_cmpstr (((TnStoreSyncCard *) g_ptr_array_index (deleted, 0))->uid, ==, "purged");
  g_clear_pointer (&deleted, g_ptr_array_unref);
  deleted = tn_store_sync_list_deleted (fixture->store, T0_UNIX + 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deleted->len, ==, 2);
  for (guint i = 0; i < deleted->len; i++)
    {
      const TnStoreSyncCard *card = g_ptr_array_index (deleted, i);

      g_assert_true (g_str_equal (card->uid, "purged") || g_str_equal (card->uid, tn_contact_get_uid (ada)));
      g_assert_nonnull (card->href);
    }
}

static gboolean
has_uid (GPtrArray  *uids,
         const char *uid)
{
  for (guint i = 0; i < uids->len; i++)
    if (g_str_equal (g_ptr_array_index (uids, i), uid))
      return TRUE;

  return FALSE;
}

static void
test_list_changed (TnTestStore   *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnContact) ada = tn_test_add_contact (fixture->store, "Ada Lovelace", TN_TRUST_COMPLETELY);
  g_autoptr(TnContact) bob = tn_test_add_contact (fixture->store, "Bob Builder", TN_TRUST_UNRATED);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) later = NULL;
  gint64 seq = 0;
  gint64 seq_later = 0;

  all = tn_store_sync_list_changed (fixture->store, 0, &seq, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpint (seq, >, 0);

  /* An interaction logged counts as a change of its contact; a statement, of the self. */
  tn_test_log (fixture->store, bob, TN_INTERACTION_CALL, "2026-11-20");
  g_assert_true (tn_store_save_brand_statement (fixture->store, "I connect builders.", NULL, &error));
  later = tn_store_sync_list_changed (fixture->store, seq, &seq_later, &error);
  g_assert_cmpuint (later->len, ==, 2);
  g_assert_true (has_uid (later, tn_contact_get_uid (bob)));
  g_assert_true (has_uid (later, TN_SYNC_SELF_UID));
  g_assert_cmpint (seq_later, >, seq);
}

static void
test_self (TnTestStore   *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnSyncSelf) mine = NULL;
  g_autoptr(TnSyncSelf) incoming = tn_sync_self_new ();
  g_autoptr(TnSyncSelf) read = NULL;
  g_autoptr(TnBrandVersion) current = NULL;
  g_autoptr(TnContact) ada = tn_test_add_contact (fixture->store, "Ada Lovelace", TN_TRUST_COMPLETELY);
  g_autoptr(TnStoreSyncCard) state = card_state (TN_SYNC_SELF_UID, "http://h/b/self.vcf", "e", "x");

  g_assert_true (tn_store_save_brand_statement (fixture->store, "I connect builders.", NULL, &error));
  g_assert_true (tn_store_set_heard_brand (fixture->store, ada, TRUE, &error));
  g_assert_true (tn_store_save_linchpin_check (fixture->store, 5, &error));
  mine = tn_store_sync_read_self (fixture->store, &error);
  g_assert_cmpuint (mine->statements->len, ==, 1);
  g_assert_cmpuint (mine->checks->len, ==, 1);

  /* An older version from elsewhere and a newer one: the newest is current, and whom you
   * told yours stays told. */
  tn_sync_self_add_statement (incoming, "An older statement.", T0_UNIX - 100);
  tn_sync_self_add_check (incoming, 7, T0_UNIX - 50);
  g_assert_true (tn_store_sync_write_self (fixture->store, incoming, state, &error));
  g_assert_no_error (error);
  current = tn_store_get_current_brand_statement (fixture->store, &error);
  g_assert_cmpstr (current->text, ==, "I connect builders.");
  g_assert_true (tn_store_get_heard_brand (fixture->store, ada));
  read = tn_store_sync_read_self (fixture->store, &error);
  g_assert_cmpuint (read->statements->len, ==, 2);
  g_assert_cmpuint (read->checks->len, ==, 2);

  tn_sync_self_add_statement (incoming, "A newer statement.", T0_UNIX + 100);
  g_assert_true (tn_store_sync_write_self (fixture->store, incoming, state, &error));
  g_clear_pointer (&current, tn_brand_version_free);
  current = tn_store_get_current_brand_statement (fixture->store, &error);
  g_assert_cmpstr (current->text, ==, "A newer statement.");
}

static void
test_heard_travels (TnTestStore   *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnContact) ada = tn_test_add_contact (fixture->store, "Ada Lovelace", TN_TRUST_COMPLETELY);
  g_autoptr(TnSyncContact) read = NULL;
  g_autoptr(TnStoreSyncCard) state = NULL;

  g_assert_true (tn_store_save_brand_statement (fixture->store, "I connect builders.", NULL, &error));
  read = tn_store_sync_read_contact (fixture->store, tn_contact_get_uid (ada), &error);
  g_assert_null (read->fields[TN_SYNC_FIELD_HEARD]);

  tn_sync_contact_set (read, TN_SYNC_FIELD_HEARD, "1", T0_UNIX);
  state = card_state (read->uid, "http://h/b/a.vcf", "e", "x");
  g_assert_true (tn_store_sync_write_contact (fixture->store, read, state, &error));
  g_assert_true (tn_store_get_heard_brand (fixture->store, ada));
}

/* A batch: one transaction for many writes, committed whole; a write that fails in it
 * rolls the whole batch back (its cards come again with the next sync), and says so. */
static void
test_batch (TnTestStore   *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnSyncContact) first = make_remote_contact ("first");
  g_autoptr(TnSyncContact) second = make_remote_contact ("second");
  g_autoptr(TnStoreSyncCard) first_state = card_state ("first", "http://h/b/1.vcf", "e", "x");
  g_autoptr(TnStoreSyncCard) second_state = card_state ("second", "http://h/b/2.vcf", "e", "x");
  g_autoptr(TnSyncContact) read = NULL;
  g_autoptr(TnStore) other = NULL;

  g_assert_true (tn_store_sync_begin_batch (fixture->store, &error));
  g_assert_true (tn_store_sync_write_contact (fixture->store, first, first_state, &error));

  /* Nothing is visible to another connection before the batch ends. */
  other = tn_test_store_open_path (fixture->path);
  g_assert_null (tn_store_get_contact_by_uid (other, "first"));
  g_clear_object (&other);

  g_assert_true (tn_store_sync_end_batch (fixture->store, &error));
  read = tn_store_sync_read_contact (fixture->store, "first", &error);
  g_assert_nonnull (read);
  g_clear_pointer (&read, tn_sync_contact_free);

  g_assert_true (tn_store_sync_begin_batch (fixture->store, &error));
  g_assert_true (tn_store_sync_write_contact (fixture->store, second, second_state, &error));
  /* A rating the database refuses (its CHECK): the write fails half-way. */
  tn_sync_contact_set (first, TN_SYNC_FIELD_TRUST, "7", 1);
  g_assert_false (tn_store_sync_write_contact (fixture->store, first, first_state, &error));
  g_clear_error (&error);
  g_assert_false (tn_store_sync_end_batch (fixture->store, &error));
  g_assert_error (error, TN_STORE_ERROR, TN_STORE_ERROR_FAILED);
  g_clear_error (&error);

  read = tn_store_sync_read_contact (fixture->store, "second", &error);
  g_assert_no_error (error);
  g_assert_null (read);
  read = tn_store_sync_read_contact (fixture->store, "first", &error);
  g_assert_nonnull (read);
  g_assert_cmpstr (read->fields[TN_SYNC_FIELD_TRUST], ==, "2");
}

/* A database of schema 7 with interactions: each gets a uid and keeps its data. */
static void
test_migration_from_6 (TnTestStore   *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnContact) ada = tn_test_add_contact (fixture->store, "Ada Lovelace", TN_TRUST_COMPLETELY);
  g_autoptr(TnSyncContact) read = NULL;
  g_autofree char *uid = g_strdup (tn_contact_get_uid (ada));

  tn_test_log (fixture->store, ada, TN_INTERACTION_LUNCH, "2026-11-20");
  tn_test_log (fixture->store, ada, TN_INTERACTION_CALL, "2026-11-21");
  g_clear_object (&fixture->store);
  tn_test_assert_query (fixture->path, SCHEMA_11_UNDONE SCHEMA_9_UNDONE SCHEMA_8_UNDONE " PRAGMA user_version = 7; SELECT count (*) FROM interactions;",
                        "2");

  tn_test_store_reopen (fixture);
  g_assert_cmpint (tn_store_get_schema_version (fixture->store), ==, TN_STORE_SCHEMA_VERSION);
  read = tn_store_sync_read_contact (fixture->store, uid, &error);
  g_assert_cmpuint (read->interactions->len, ==, 2);
  g_assert_cmpstr (((TnSyncInteraction *) g_ptr_array_index (read->interactions, 0))->uid, !=,
                   ((TnSyncInteraction *) g_ptr_array_index (read->interactions, 1))->uid);
  tn_test_assert_query (fixture->path, "SELECT count (DISTINCT uid) FROM interactions WHERE length (uid) = 32", "2");
}

/* A book's state copied is its own (the CTag too); cleared, it is empty. */
static void
test_book_copy (void)
{
  TnStoreSyncBook from = { g_strdup ("ctag-1"), 1700000000, TN_STORE_SYNC_TRUST_NO, 1700000100 };
  TnStoreSyncBook to = { g_strdup ("old"), 1, TN_STORE_SYNC_TRUST_YES, 2 };

  tn_store_sync_book_copy (&to, &from);
  g_assert_cmpstr (to.ctag, ==, "ctag-1");
  g_assert_true (to.ctag != from.ctag);
  g_assert_cmpint (to.modified, ==, 1700000000);
  g_assert_cmpint (to.modified_trust, ==, TN_STORE_SYNC_TRUST_NO);
  g_assert_cmpint (to.ctag_asked_at, ==, 1700000100);
  tn_store_sync_book_clear (&from);
  g_assert_null (from.ctag);
  g_assert_cmpint (from.modified + from.modified_trust + from.ctag_asked_at, ==, 0);
  g_assert_cmpstr (to.ctag, ==, "ctag-1");
  tn_store_sync_book_clear (&to);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  tn_test_add_store_test ("/sync-store/account", T0, test_account);
  tn_test_add_store_test ("/sync-store/drop-card", T0, test_drop_card);
  tn_test_add_store_test ("/sync-store/read-contact", T0, test_read_contact);
  tn_test_add_store_test ("/sync-store/write-contact", T0, test_write_contact);
  tn_test_add_store_test ("/sync-store/write-brings-back-removed", T0, test_write_brings_back_removed);
  tn_test_add_store_test ("/sync-store/remove-contact", T0, test_remove_contact);
  tn_test_add_store_test ("/sync-store/list-deleted", T0, test_list_deleted);
  tn_test_add_store_test ("/sync-store/list-changed", T0, test_list_changed);
  tn_test_add_store_test ("/sync-store/self", T0, test_self);
  tn_test_add_store_test ("/sync-store/heard-travels", T0, test_heard_travels);
  tn_test_add_store_test ("/sync-store/migration-from-6", T0, test_migration_from_6);
  tn_test_add_store_test ("/sync-store/batch", T0, test_batch);
  g_test_add_func ("/sync-store/book-copy", test_book_copy);

  return g_test_run ();
}
