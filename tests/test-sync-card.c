/* test-sync-card.c — a contact and the person's own data as vCards on a CardDAV server:
 * round trips, another client's properties kept byte for byte, hostile values.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tn-sync-card.h"

/* A phone's card: a folded photo, an address, a grouped email with a label, its own X-
 * fields. Lines end in CRLF as RFC 6350 says. */
static const char phone_card[] =
  "BEGIN:VCARD\r\n"
  "VERSION:3.0\r\n"
  "PRODID:-//Phone Inc//Contacts 9//EN\r\n"
  "UID:phone-1234\r\n"
  "FN:Grace Hopper\r\n"
  "N:Hopper;Grace;Brewster;Rear Adm.;\r\n"
  "ORG:US Navy;Computing\r\n"
  "item1.EMAIL;TYPE=INTERNET,pref:grace@navy.example\r\n"
  "item1.X-ABLabel:_$!<Work>!$_\r\n"
  "TEL;TYPE=CELL:+1 555 0100\r\n"
  "ADR;TYPE=HOME:;;1 Main St;Arlington;VA;22201;USA\r\n"
  "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHR\r\n"
  " ofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAFAAB\r\n"
  " AAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q==\r\n"
  "X-PHONE-APP-RINGTONE:marimba\r\n"
  "X-PHONE-APP-FAVOURITE;X-RANK=2:1\r\n"
  "item2.URL;TYPE=WORK:https://navy.example/grace\r\n"
  "REV:2026-11-30T10:00:00Z\r\n"
  "END:VCARD\r\n";

static TnSyncContact *
make_full_contact (void)
{
  TnSyncContact *contact = tn_sync_contact_new ("ada-uid");
  TnSyncInteraction *lunch = tn_sync_interaction_new ("i-1", TN_INTERACTION_LUNCH, "2026-11-02");
  TnSyncInteraction *call = tn_sync_interaction_new ("i-2", TN_INTERACTION_CALL, "2026-11-20");

  tn_sync_contact_set (contact, TN_SYNC_FIELD_FULL_NAME, "Ada Lovelace", 100);
  tn_sync_contact_set (contact, TN_SYNC_FIELD_GIVEN_NAME, "Ada", 100);
  tn_sync_contact_set (contact, TN_SYNC_FIELD_FAMILY_NAME, "Lovelace", 100);
  tn_sync_contact_set (contact, TN_SYNC_FIELD_ORGANIZATION, "Analytical Engines", 200);
  tn_sync_contact_set (contact, TN_SYNC_FIELD_TITLE, "Countess", 100);
  tn_sync_contact_set (contact, TN_SYNC_FIELD_NOTE, "Met at the Babbage salon", 300);
  tn_sync_contact_set (contact, TN_SYNC_FIELD_BIRTHDAY, "1815-12-10", 100);
  tn_sync_contact_set (contact, TN_SYNC_FIELD_TRUST, "1", 400);
  tn_sync_contact_set (contact, TN_SYNC_FIELD_CADENCE, "6", 500);
  tn_sync_contact_set (contact, TN_SYNC_FIELD_HEARD, "1", 600);
  g_ptr_array_add (contact->emails, g_strdup ("ada@example.com"));
  g_ptr_array_add (contact->emails, g_strdup ("countess@example.org"));
  g_ptr_array_add (contact->phones, g_strdup ("+44 20 7946 0958"));
  tn_sync_contact_add_trust_change (contact, TN_TRUST_VAGUELY, 50);
  tn_sync_contact_add_trust_change (contact, TN_TRUST_COMPLETELY, 400);
  lunch->note = g_strdup ("Talked about looms");
  lunch->gave_value = TRUE;
  lunch->changed_at = 700;
  call->one_on_one = FALSE;
  call->changed_at = 800;
  g_ptr_array_add (contact->interactions, lunch);
  g_ptr_array_add (contact->interactions, call);
  g_ptr_array_add (contact->gone, tn_sync_tombstone_new ("i-0", 650));
  g_ptr_array_add (contact->urls, g_strdup ("https://www.linkedin.com/in/ada-lovelace"));
  g_ptr_array_add (contact->urls, g_strdup ("https://ada.example.org/notes?page=1&lang=en"));
  tn_sync_job_changes_add (contact->job_changes,
                           tn_sync_job_change_new ("Babbage & Co.", "Assistant", "Analytical Engines", "Countess",
                                                   "2026-11-01"));
  {
    TnSyncJobChange *dismissed = tn_sync_job_change_new (NULL, NULL, "Royal Society", NULL, "2026-11-15");

    dismissed->dismissed_at = 900;
    tn_sync_job_changes_add (contact->job_changes, dismissed);
  }
  return contact;
}

static TnSyncContact *
round_trip (const TnSyncContact *contact)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *card = tn_sync_card_write (contact);
  TnSyncContact *read = tn_sync_card_read (card, &error);

  g_assert_no_error (error);
  g_assert_nonnull (read);
  return read;
}

static void
test_round_trip (void)
{
  g_autoptr(TnSyncContact) contact = make_full_contact ();
  g_autoptr(TnSyncContact) read = round_trip (contact);

  g_assert_true (tn_sync_contact_equal (contact, read));
  for (guint i = 0; i < TN_SYNC_N_FIELDS; i++)
    g_assert_cmpint (read->times[i], ==, contact->times[i]);
  g_assert_cmpint (((TnSyncInteraction *) g_ptr_array_index (read->interactions, 0))->changed_at, ==, 700);
  g_assert_cmpint (((TnSyncTombstone *) g_ptr_array_index (read->gone, 0))->deleted_at, ==, 650);
  g_assert_cmpuint (read->trust_history->len, ==, 2);
  g_assert_cmpuint (read->urls->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (read->urls, 1), ==, "https://ada.example.org/notes?page=1&lang=en");
  g_assert_cmpuint (read->job_changes->len, ==, 2);
  g_assert_cmpint (((TnSyncJobChange *) g_ptr_array_index (read->job_changes, 1))->dismissed_at, ==, 900);
  g_assert_null (((TnSyncJobChange *) g_ptr_array_index (read->job_changes, 1))->from_organization);
}

/* @card with its folded lines joined again. */
static char *
unfold (const char *card)
{
  g_autoptr(GRegex) fold = g_regex_new ("\r\n[ \t]", 0, 0, NULL);

  return g_regex_replace_literal (fold, card, -1, 0, "", 0, NULL);
}

static void
test_standard_properties (void)
{
  g_autoptr(TnSyncContact) contact = make_full_contact ();
  g_autofree char *card = tn_sync_card_write (contact);
  g_autofree char *unfolded = unfold (card);

  /* What a phone shows is in the standard properties. */
  g_assert_true (g_str_has_prefix (card, "BEGIN:VCARD\r\nVERSION:3.0\r\n"));
  g_assert_nonnull (strstr (card, "\r\nUID:ada-uid\r\n"));
  g_assert_nonnull (strstr (card, "\r\nFN:Ada Lovelace\r\n"));
  g_assert_nonnull (strstr (card, "\r\nN:Lovelace;Ada;;;\r\n"));
  g_assert_nonnull (strstr (card, "\r\nEMAIL:ada@example.com\r\n"));
  g_assert_nonnull (strstr (card, "\r\nTEL:+44 20 7946 0958\r\n"));
  g_assert_nonnull (strstr (card, "\r\nX-TRUSTNET-TRUST:1\r\n"));
  /* Web pages are what every client shows as URL. */
  g_assert_nonnull (strstr (card, "\r\nURL:https://www.linkedin.com/in/ada-lovelace\r\n"));
  /* A job change: its id, the jobs percent-encoded, the day noticed, the dismissal. */
  g_assert_nonnull (strstr (unfolded, "\r\nX-TRUSTNET-JOB-CHANGE;X-FROM-ORG=\"Babbage%20%26%20Co.\";X-FROM-TITLE=Assistant;"
                                      "X-TO-ORG=\"Analytical%20Engines\";X-TO-TITLE=Countess;X-DAY=\"2026-11-01\":"));
  g_assert_nonnull (strstr (unfolded, "\r\nX-TRUSTNET-JOB-CHANGE;X-TO-ORG=\"Royal%20Society\";X-DAY=\"2026-11-15\";"
                                      "X-DISMISSED=900:"));
  g_assert_true (g_str_has_suffix (card, "END:VCARD\r\n"));
}

static void
test_unrated_is_empty (void)
{
  g_autoptr(TnSyncContact) contact = tn_sync_contact_new ("x");
  g_autoptr(TnSyncContact) read = NULL;
  g_autofree char *card = NULL;

  tn_sync_contact_set (contact, TN_SYNC_FIELD_FULL_NAME, "Xavier", 0);
  tn_sync_contact_set (contact, TN_SYNC_FIELD_TRUST, "0", 10);
  tn_sync_contact_set (contact, TN_SYNC_FIELD_HEARD, "", 10);
  g_assert_null (contact->fields[TN_SYNC_FIELD_TRUST]);
  g_assert_null (contact->fields[TN_SYNC_FIELD_HEARD]);

  card = tn_sync_card_write (contact);
  g_assert_null (strstr (card, "X-TRUSTNET-TRUST:"));
  read = round_trip (contact);
  g_assert_true (tn_sync_contact_equal (contact, read));
}

static void
test_hostile_values (void)
{
  g_autoptr(TnSyncContact) contact = make_full_contact ();
  g_autoptr(TnSyncContact) read = NULL;
  g_autoptr(GString) huge = g_string_new (NULL);
  TnSyncInteraction *lunch = g_ptr_array_index (contact->interactions, 0);

  while (huge->len < 2 * 1024 * 1024)
    g_string_append (huge, "line; with, every\\ separator\r\nand a newline\n");

  tn_sync_contact_set (contact, TN_SYNC_FIELD_FULL_NAME, "Ada;Lovelace,\nEND:VCARD", 1);
  tn_sync_contact_set (contact, TN_SYNC_FIELD_ORGANIZATION, "A;B", 1);
  tn_sync_contact_set (contact, TN_SYNC_FIELD_NOTE, huge->str, 1);
  g_free (lunch->note);
  lunch->note = g_strdup ("semi;colon, comma\nnew line\\back\\slash\nEND:VCARD\nBEGIN:VCARD");
  g_ptr_array_add (contact->emails, g_strdup ("odd;one@example.com"));
  g_ptr_array_add (contact->urls, g_strdup ("https://example.com/a;b,c\\d"));
  tn_sync_job_changes_add (contact->job_changes,
                           tn_sync_job_change_new ("\"Quoted\" Ltd; Inc, : %41", "Line\none", "Ünïcode ✓", "END:VCARD",
                                                   "2026-11-30"));

  read = round_trip (contact);
  g_assert_cmpstr (g_ptr_array_index (read->urls, 2), ==, "https://example.com/a;b,c\\d");
  g_assert_cmpstr (read->fields[TN_SYNC_FIELD_FULL_NAME], ==, "Ada;Lovelace,\nEND:VCARD");
  g_assert_cmpstr (read->fields[TN_SYNC_FIELD_ORGANIZATION], ==, "A;B");
  /* A card has one line break: the CR of CR LF is gone, here and in what is compared. */
  g_assert_cmpuint (strlen (read->fields[TN_SYNC_FIELD_NOTE]), <, huge->len);
  g_assert_true (g_str_equal (read->fields[TN_SYNC_FIELD_NOTE], contact->fields[TN_SYNC_FIELD_NOTE]));
  g_assert_null (strchr (contact->fields[TN_SYNC_FIELD_NOTE], '\r'));
  g_assert_true (tn_sync_contact_equal (contact, read));
}

static void
test_foreign_card_read (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnSyncContact) contact = tn_sync_card_read (phone_card, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (contact->uid, ==, "phone-1234");
  g_assert_cmpstr (contact->fields[TN_SYNC_FIELD_FULL_NAME], ==, "Grace Hopper");
  g_assert_cmpstr (contact->fields[TN_SYNC_FIELD_GIVEN_NAME], ==, "Grace");
  g_assert_cmpstr (contact->fields[TN_SYNC_FIELD_FAMILY_NAME], ==, "Hopper");
  g_assert_cmpstr (contact->fields[TN_SYNC_FIELD_ORGANIZATION], ==, "US Navy");
  /* Added on a phone: not rated yet. */
  g_assert_null (contact->fields[TN_SYNC_FIELD_TRUST]);
  g_assert_cmpuint (contact->emails->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (contact->emails, 0), ==, "grace@navy.example");
  g_assert_cmpstr (g_ptr_array_index (contact->phones, 0), ==, "+1 555 0100");
  g_assert_cmpuint (contact->urls->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (contact->urls, 0), ==, "https://navy.example/grace");
  g_assert_cmpstr (contact->vcard, ==, phone_card);
}

/* Every line of @base but those named in @except (whole lines, CRLF included) is in @card. */
static void
assert_lines_kept (const char *base,
                   const char *card,
                   const char * const *except)
{
  g_auto(GStrv) lines = g_strsplit (base, "\r\n", -1);
  g_autoptr(GString) logical = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      gboolean skip = FALSE;

      g_string_assign (logical, lines[i]);
      while (lines[i + 1] != NULL && lines[i + 1][0] == ' ')
        g_string_append_printf (logical, "\r\n%s", lines[++i]);
      g_string_append (logical, "\r\n");

      for (guint j = 0; except != NULL && except[j] != NULL; j++)
        skip |= g_str_has_prefix (logical->str, except[j]);
      if (!skip && strstr (card, logical->str) == NULL)
        g_error ("Line lost: %s\nin:\n%s", logical->str, card);
    }
}

static void
test_foreign_properties_kept (void)
{
  g_autoptr(TnSyncContact) contact = tn_sync_card_read (phone_card, NULL);
  g_autoptr(TnSyncContact) read = NULL;
  g_autofree char *card = NULL;
  TnSyncInteraction *lunch = tn_sync_interaction_new ("i-9", TN_INTERACTION_LUNCH, "2026-12-01");

  tn_sync_contact_set (contact, TN_SYNC_FIELD_TRUST, "2", 1000);
  tn_sync_contact_add_trust_change (contact, TN_TRUST_MODERATELY, 1000);
  g_ptr_array_add (contact->interactions, lunch);
  g_ptr_array_add (contact->urls, g_strdup ("https://grace.example.org"));
  tn_sync_job_changes_add (contact->job_changes, tn_sync_job_change_new ("US Navy", NULL, "Yale", NULL, "2026-12-01"));
  card = tn_sync_card_write (contact);

  /* Every line the phone wrote is there byte for byte: nothing of it changed. */
  assert_lines_kept (phone_card, card, NULL);
  g_assert_nonnull (strstr (card, "X-TRUSTNET-TRUST:2\r\n"));
  g_assert_nonnull (strstr (card, "X-TRUSTNET-INTERACTION;X-ID=\"i-9\";X-KIND=lunch;"));
  g_assert_nonnull (strstr (card, "\r\nURL:https://grace.example.org\r\n"));
  {
    g_autofree char *unfolded = unfold (card);

    g_assert_nonnull (strstr (unfolded, "X-TRUSTNET-JOB-CHANGE;X-FROM-ORG=\"US%20Navy\";X-TO-ORG=Yale;X-DAY=\"2026-12-01\":"));
  }
  /* The phone's web page is not written a second time. */
  g_assert_null (strstr (card, "\r\nURL:https://navy.example/grace"));
  /* UID and FN are not written twice. */
  g_assert_null (strstr (strstr (card, "UID:phone-1234") + 1, "UID:"));
  g_assert_null (strstr (strstr (card, "\nFN:") + 1, "\nFN:"));

  read = tn_sync_card_read (card, NULL);
  g_free (contact->vcard);
  contact->vcard = g_strdup (read->vcard);
  g_assert_true (tn_sync_contact_equal (contact, read));
}

static void
test_changed_value_replaced (void)
{
  g_autoptr(TnSyncContact) contact = tn_sync_card_read (phone_card, NULL);
  g_autofree char *card = NULL;
  const char * const changed[] = { "ORG:", "TEL;", NULL };

  tn_sync_contact_set (contact, TN_SYNC_FIELD_ORGANIZATION, "Yale", 10);
  g_ptr_array_remove_index (contact->phones, 0);
  g_ptr_array_add (contact->emails, g_strdup ("grace@yale.example"));
  card = tn_sync_card_write (contact);

  assert_lines_kept (phone_card, card, changed);
  g_assert_null (strstr (card, "ORG:US Navy"));
  g_assert_nonnull (strstr (card, "\r\nORG:Yale\r\n"));
  g_assert_null (strstr (card, "TEL"));
  g_assert_nonnull (strstr (card, "\r\nEMAIL:grace@yale.example\r\n"));
  /* The old address stays as the phone wrote it, label and all. */
  g_assert_nonnull (strstr (card, "item1.EMAIL;TYPE=INTERNET,pref:grace@navy.example\r\n"));
}

static void
test_version_4 (void)
{
  const char base[] =
    "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:4\r\nFN:Four\r\nTEL;VALUE=uri;TYPE=cell:tel:+1-555-0104\r\n"
    "X-PHONE-APP-X:y\r\nEND:VCARD\r\n";
  g_autoptr(TnSyncContact) contact = tn_sync_card_read (base, NULL);
  g_autofree char *card = NULL;

  g_assert_cmpstr (g_ptr_array_index (contact->phones, 0), ==, "+1-555-0104");
  tn_sync_contact_set (contact, TN_SYNC_FIELD_TRUST, "3", 5);
  card = tn_sync_card_write (contact);
  g_assert_true (g_str_has_prefix (card, "BEGIN:VCARD\r\nVERSION:4.0\r\n"));
  assert_lines_kept (base, card, NULL);
}

static void
test_version_21_becomes_30 (void)
{
  const char base[] =
    "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Old\r\nNOTE;ENCODING=QUOTED-PRINTABLE:caf=C3=A9\r\n"
    "X-OLD-PHONE:kept\r\nEND:VCARD\r\n";
  g_autoptr(TnSyncContact) contact = tn_sync_card_read (base, NULL);
  g_autoptr(TnSyncContact) read = NULL;
  g_autofree char *card = NULL;

  g_free (contact->uid);
  contact->uid = g_strdup ("old-1");
  card = tn_sync_card_write (contact);
  g_assert_true (g_str_has_prefix (card, "BEGIN:VCARD\r\nVERSION:3.0\r\n"));
  g_assert_null (strstr (card, "QUOTED-PRINTABLE"));
  g_assert_nonnull (strstr (card, "X-OLD-PHONE:kept"));
  read = tn_sync_card_read (card, NULL);
  g_assert_cmpstr (read->fields[TN_SYNC_FIELD_NOTE], ==, contact->fields[TN_SYNC_FIELD_NOTE]);
}

static void
test_not_a_card (void)
{
  const char * const bad[] = { "", "hello", "<html>500</html>", "\x01\x02\xff" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TnSyncContact) contact = tn_sync_card_read (bad[i], &error);

      g_assert_error (error, TN_SYNC_CARD_ERROR, TN_SYNC_CARD_ERROR_INVALID);
      g_assert_null (contact);
    }
}

static void
test_unreadable_values_left_out (void)
{
  const char card[] =
    "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:u\r\nEMAIL:nobody@example.com\r\n"
    "X-TRUSTNET-TRUST:7\r\nX-TRUSTNET-CADENCE-WEEKS:99999\r\nX-TRUSTNET-CHANGED;X-FIELD=nonsense:5\r\n"
    "X-TRUSTNET-TRUST-CHANGE;X-AT=5:9\r\nX-TRUSTNET-TRUST-CHANGE:2\r\n"
    "X-TRUSTNET-INTERACTION;X-ID=i;X-KIND=teleport;X-DAY=2026-01-01:x\r\n"
    "X-TRUSTNET-INTERACTION;X-ID=j;X-KIND=lunch;X-DAY=not-a-day:x\r\n"
    "X-TRUSTNET-INTERACTION;X-KIND=lunch;X-DAY=2026-01-01:\r\n"
    /* As Radicale writes an X- property back: every ';' of the value escaped. */
    "X-TRUSTNET-INTERACTION;X-ID=k;X-KIND=coffee;X-DAY=2026-01-02;X-ONE-ON-ONE=0;X-GAVE-VALUE=1;X-AT=77:a\\;b\r\n"
    "X-TRUSTNET-JOB-CHANGE;X-TO-ORG=Initech;X-DAY=yesterday:x\r\n"
    "X-TRUSTNET-JOB-CHANGE;X-TO-ORG=Initech:x\r\n"
    "X-TRUSTNET-JOB-CHANGE;X-TO-ORG=%FF%FE;X-DAY=2026-01-03:x\r\n"
    "X-TRUSTNET-JOB-CHANGE;X-TO-ORG=Initech;X-DAY=2026-01-03;X-DISMISSED=soon:x\r\n"
    /* The id a card gives is not believed: it is made of the jobs. */
    "X-TRUSTNET-JOB-CHANGE;X-TO-ORG=Globex;X-DAY=2026-01-04:made-up-id\r\n"
    "END:VCARD\r\n";
  g_autoptr(TnSyncContact) contact = tn_sync_card_read (card, NULL);
  TnSyncInteraction *coffee;

  g_assert_null (contact->fields[TN_SYNC_FIELD_TRUST]);
  g_assert_null (contact->fields[TN_SYNC_FIELD_CADENCE]);
  g_assert_cmpuint (contact->trust_history->len, ==, 0);
  g_assert_cmpuint (contact->interactions->len, ==, 1);
  coffee = g_ptr_array_index (contact->interactions, 0);
  g_assert_cmpstr (coffee->uid, ==, "k");
  g_assert_false (coffee->one_on_one);
  g_assert_true (coffee->gave_value);
  g_assert_cmpint (coffee->changed_at, ==, 77);
  g_assert_cmpstr (coffee->note, ==, "a;b");
  g_assert_cmpuint (contact->job_changes->len, ==, 1);
  {
    g_autoptr(TnSyncJobChange) globex = tn_sync_job_change_new (NULL, NULL, "Globex", NULL, "2026-01-04");

    g_assert_true (tn_sync_job_change_equal (g_ptr_array_index (contact->job_changes, 0), globex));
  }
  /* No FN: the name shown comes from what the card has. */
  g_assert_cmpstr (contact->fields[TN_SYNC_FIELD_FULL_NAME], ==, "nobody@example.com");
}

static void
test_self_card (void)
{
  g_autoptr(TnSyncSelf) self = tn_sync_self_new ();
  g_autoptr(TnSyncSelf) read = NULL;
  g_autoptr(TnSyncContact) as_contact = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *card = NULL;
  g_autofree char *again = NULL;

  tn_sync_self_add_statement (self, "I help; people, meet\nwell", 10);
  tn_sync_self_add_statement (self, "I connect builders", 20);
  tn_sync_self_add_statement (self, "I connect builders", 20);
  tn_sync_self_add_check (self, 0x2a, 30);
  self->goal = 15;
  self->employer = g_strdup ("Acme; Inc");
  g_assert_cmpuint (self->statements->len, ==, 2);

  card = tn_sync_self_card_write (self);
  g_assert_true (tn_sync_card_is_self (card));
  read = tn_sync_self_card_read (card, &error);
  g_assert_no_error (error);
  g_assert_true (tn_sync_self_equal (self, read));
  g_assert_cmpstr (((TnSyncStatement *) g_ptr_array_index (read->statements, 0))->text, ==, "I help; people, meet\nwell");

  /* Written again over itself: the same card. */
  again = tn_sync_self_card_write (read);
  g_assert_cmpstr (again, ==, card);

  as_contact = tn_sync_card_read (card, NULL);
  g_assert_cmpstr (as_contact->uid, ==, TN_SYNC_SELF_UID);
  g_assert_false (tn_sync_card_is_self (phone_card));
}

/* The goal's and the employer's change times travel, a cleared employer's too. */
static void
test_self_card_times (void)
{
  g_autoptr(TnSyncSelf) self = tn_sync_self_new ();
  g_autoptr(TnSyncSelf) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *card = NULL;

  self->goal = 30;
  self->goal_changed_at = 1795514400;
  self->employer_changed_at = 1795514401;
  card = tn_sync_self_card_write (self);
  g_assert_nonnull (strstr (card, "X-TRUSTNET-CHANGED;X-FIELD=employer:1795514401"));
  read = tn_sync_self_card_read (card, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read->goal, ==, 30);
  g_assert_cmpint (read->goal_changed_at, ==, 1795514400);
  g_assert_null (read->employer);
  g_assert_cmpint (read->employer_changed_at, ==, 1795514401);
}

static void
test_rewrite_is_stable (void)
{
  g_autoptr(TnSyncContact) contact = tn_sync_card_read (phone_card, NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(TnSyncContact) read = NULL;

  tn_sync_contact_set (contact, TN_SYNC_FIELD_TRUST, "1", 5);
  first = tn_sync_card_write (contact);
  read = tn_sync_card_read (first, NULL);
  second = tn_sync_card_write (read);
  /* Writing a card read back gives it unchanged: no change is invented. */
  g_assert_cmpstr (first, ==, second);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync-card/round-trip", test_round_trip);
  g_test_add_func ("/sync-card/standard-properties", test_standard_properties);
  g_test_add_func ("/sync-card/unrated-is-empty", test_unrated_is_empty);
  g_test_add_func ("/sync-card/hostile-values", test_hostile_values);
  g_test_add_func ("/sync-card/foreign-card-read", test_foreign_card_read);
  g_test_add_func ("/sync-card/foreign-properties-kept", test_foreign_properties_kept);
  g_test_add_func ("/sync-card/changed-value-replaced", test_changed_value_replaced);
  g_test_add_func ("/sync-card/version-4", test_version_4);
  g_test_add_func ("/sync-card/version-21-becomes-30", test_version_21_becomes_30);
  g_test_add_func ("/sync-card/not-a-card", test_not_a_card);
  g_test_add_func ("/sync-card/unreadable-values-left-out", test_unreadable_values_left_out);
  g_test_add_func ("/sync-card/self-card", test_self_card);
  g_test_add_func ("/sync-card/self-card-times", test_self_card_times);
  g_test_add_func ("/sync-card/rewrite-is-stable", test_rewrite_is_stable);

  return g_test_run ();
}
