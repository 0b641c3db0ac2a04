/* test-contact.c — TnContact as views see it: every property reads back what
 * was set and notifies exactly once per real change; copies and search.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-contact"

#include "config.h"

#include <string.h>

#include <glib-object.h>

#include "tn-contact-private.h"
#include "tn-enums.h"
#include "tn-text.h"

/* Counts "notify" emissions per property name. */
typedef struct
{
  GHashTable *counts;
  guint total;
} NotifyLog;

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              NotifyLog  *log)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (log->counts, pspec->name));

  g_hash_table_replace (log->counts, (gpointer) pspec->name, GUINT_TO_POINTER (count + 1));
  log->total++;
}

static NotifyLog *
notify_log_new (TnContact *contact)
{
  NotifyLog *log = g_new0 (NotifyLog, 1);

  log->counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_signal_connect (contact, "notify", G_CALLBACK (on_notify_cb), log);
  return log;
}

static void
notify_log_free (NotifyLog *log)
{
  g_hash_table_unref (log->counts);
  g_free (log);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NotifyLog, notify_log_free)

static guint
notify_log_count (NotifyLog  *log,
                  const char *property)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (log->counts, property));
}

static void
notify_log_clear (NotifyLog *log)
{
  g_hash_table_remove_all (log->counts);
  log->total = 0;
}

/* Exactly @count notifications, all of them for @property. */
#define assert_notified(log, property, count)                              \
  G_STMT_START                                                             \
  {                                                                        \
    g_assert_cmpuint (notify_log_count ((log), (property)), ==, (count));  \
    g_assert_cmpuint ((log)->total, ==, (count));                          \
    notify_log_clear (log);                                                \
  }                                                                        \
  G_STMT_END

static guint
strv_length (const char * const *strv)
{
  return g_strv_length ((GStrv) strv);
}

static void
test_contact_new (void)
{
  g_autoptr(TnContact) contact = tn_contact_new ("Ada Lovelace");

  g_assert_true (TN_IS_CONTACT (contact));
  g_assert_cmpint (tn_contact_get_id (contact), ==, 0);
  g_assert_null (tn_contact_get_uid (contact));
  g_assert_cmpstr (tn_contact_get_full_name (contact), ==, "Ada Lovelace");
  g_assert_null (tn_contact_get_organization (contact));
  g_assert_null (tn_contact_get_title (contact));
  g_assert_null (tn_contact_get_note (contact));
  g_assert_cmpint (tn_contact_get_trust (contact), ==, TN_TRUST_UNRATED);
  g_assert_nonnull (tn_contact_get_emails (contact));
  g_assert_cmpuint (strv_length (tn_contact_get_emails (contact)), ==, 0);
  g_assert_null (tn_contact_get_primary_email (contact));
  g_assert_nonnull (tn_contact_get_phones (contact));
  g_assert_cmpuint (strv_length (tn_contact_get_phones (contact)), ==, 0);
  g_assert_null (tn_contact_get_last_contact (contact));
  g_assert_null (tn_contact_get_created_at (contact));
  g_assert_cmpint (tn_contact_get_created_unix (contact), ==, 0);
  g_assert_null (tn_contact_get_updated_at (contact));

  /* A contact without a name yet, as a draft starts. */
  {
    g_autoptr(TnContact) unnamed = tn_contact_new (NULL);
    g_autoptr(TnContact) empty = tn_contact_new ("");

    g_assert_null (tn_contact_get_full_name (unnamed));
    g_assert_null (tn_contact_get_full_name (empty));
  }
}

typedef struct
{
  const char *property;
  void (*set) (TnContact *, const char *);
  const char *(*get) (TnContact *);
  gboolean in_search_key;
} TextProperty;

static const TextProperty text_properties[] = {
  { "uid", tn_contact_set_uid, tn_contact_get_uid, FALSE },
  { "full-name", tn_contact_set_full_name, tn_contact_get_full_name, TRUE },
  { "organization", tn_contact_set_organization, tn_contact_get_organization, TRUE },
  { "title", tn_contact_set_title, tn_contact_get_title, FALSE },
  { "note", tn_contact_set_note, tn_contact_get_note, FALSE },
};

static void
test_contact_text_properties (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_properties); i++)
    {
      const TextProperty *p = &text_properties[i];
      g_autoptr(TnContact) contact = g_object_new (TN_TYPE_CONTACT, NULL);
      g_autoptr(NotifyLog) log = notify_log_new (contact);
      g_autofree char *same_text = g_strdup ("First value");
      g_autofree char *read_back = NULL;

      g_test_message ("property %s", p->property);
      g_assert_null (p->get (contact));

      /* Setting what is already there (nothing) says nothing. */
      p->set (contact, NULL);
      assert_notified (log, p->property, 0);
      p->set (contact, "");
      assert_notified (log, p->property, 0);
      g_assert_null (p->get (contact));

      p->set (contact, "First value");
      g_assert_cmpstr (p->get (contact), ==, "First value");
      assert_notified (log, p->property, 1);

      /* Equal text in another buffer is no change. */
      p->set (contact, same_text);
      assert_notified (log, p->property, 0);

      p->set (contact, "Second value");
      g_assert_cmpstr (p->get (contact), ==, "Second value");
      assert_notified (log, p->property, 1);

      /* Through GObject: the same rules. */
      g_object_set (contact, p->property, "Third value", NULL);
      g_assert_cmpstr (p->get (contact), ==, "Third value");
      assert_notified (log, p->property, 1);
      g_object_set (contact, p->property, "Third value", NULL);
      assert_notified (log, p->property, 0);
      g_object_get (contact, p->property, &read_back, NULL);
      g_assert_cmpstr (read_back, ==, "Third value");

      /* Empty text has one representation: NULL. */
      p->set (contact, "");
      g_assert_null (p->get (contact));
      assert_notified (log, p->property, 1);
      p->set (contact, NULL);
      assert_notified (log, p->property, 0);

      p->set (contact, "Fourth value");
      assert_notified (log, p->property, 1);
      p->set (contact, NULL);
      g_assert_null (p->get (contact));
      assert_notified (log, p->property, 1);
      g_object_set (contact, p->property, "", NULL);
      assert_notified (log, p->property, 0);

      /* Interior text is kept exactly. */
      p->set (contact, "  Robert'); DROP TABLE contacts;-- \xf0\x9f\x98\x80\t");
      g_assert_cmpstr (p->get (contact), ==, "  Robert'); DROP TABLE contacts;-- \xf0\x9f\x98\x80\t");
      assert_notified (log, p->property, 1);
    }
}

/* Setting a field from its own current text (for example the part after a
 * prefix) must copy the new text before the old one is freed. */
static void
test_contact_set_from_own_text (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_properties); i++)
    {
      const TextProperty *p = &text_properties[i];
      g_autoptr(TnContact) contact = g_object_new (TN_TYPE_CONTACT, NULL);

      g_test_message ("property %s", p->property);
      p->set (contact, "Countess Augusta Ada King of Lovelace");
      p->set (contact, p->get (contact) + strlen ("Countess "));
      g_assert_cmpstr (p->get (contact), ==, "Augusta Ada King of Lovelace");

      /* And the whole of it, which is no change at all. */
      p->set (contact, p->get (contact));
      g_assert_cmpstr (p->get (contact), ==, "Augusta Ada King of Lovelace");
    }
}

static void
test_contact_trust (void)
{
  g_autoptr(TnContact) contact = tn_contact_new ("Ada Lovelace");
  g_autoptr(NotifyLog) log = notify_log_new (contact);
  TnTrust trust = TN_TRUST_UNRATED;

  tn_contact_set_trust (contact, TN_TRUST_UNRATED);
  assert_notified (log, "trust", 0);

  tn_contact_set_trust (contact, TN_TRUST_COMPLETELY);
  g_assert_cmpint (tn_contact_get_trust (contact), ==, TN_TRUST_COMPLETELY);
  assert_notified (log, "trust", 1);

  tn_contact_set_trust (contact, TN_TRUST_COMPLETELY);
  assert_notified (log, "trust", 0);

  g_object_set (contact, "trust", TN_TRUST_VAGUELY, NULL);
  g_assert_cmpint (tn_contact_get_trust (contact), ==, TN_TRUST_VAGUELY);
  assert_notified (log, "trust", 1);
  g_object_get (contact, "trust", &trust, NULL);
  g_assert_cmpint (trust, ==, TN_TRUST_VAGUELY);

  tn_contact_set_trust (contact, TN_TRUST_MODERATELY);
  assert_notified (log, "trust", 1);
  tn_contact_set_trust (contact, TN_TRUST_UNRATED);
  g_assert_cmpint (tn_contact_get_trust (contact), ==, TN_TRUST_UNRATED);
  assert_notified (log, "trust", 1);

  /* The property's type is the registered enum. */
  g_assert_true (G_PARAM_SPEC_VALUE_TYPE (g_object_class_find_property (G_OBJECT_GET_CLASS (contact), "trust")) ==
                 TN_TYPE_TRUST);

  /* An impossible rating is a programming error and changes nothing. */
  g_test_expect_message ("tn-contact", G_LOG_LEVEL_CRITICAL, "*tn_trust_is_valid*");
  tn_contact_set_trust (contact, (TnTrust) 4);
  g_test_assert_expected_messages ();
  g_assert_cmpint (tn_contact_get_trust (contact), ==, TN_TRUST_UNRATED);
  assert_notified (log, "trust", 0);
}

static void
test_contact_emails (void)
{
  g_autoptr(TnContact) contact = tn_contact_new ("Ada Lovelace");
  g_autoptr(NotifyLog) log = notify_log_new (contact);
  const char *two[] = { "ada@example.org", "ada@engines.example", NULL };
  g_auto(GStrv) two_again = g_strdupv ((GStrv) two);
  const char *swapped[] = { "ada@engines.example", "ada@example.org", NULL };
  const char *same_first[] = { "ada@engines.example", "countess@example.org", NULL };
  const char *with_gaps[] = { "", "ada@engines.example", "", "countess@example.org", "", NULL };
  g_auto(GStrv) read_back = NULL;
  const char * const *emails;

  tn_contact_set_emails (contact, NULL);
  g_assert_cmpuint (log->total, ==, 0);

  tn_contact_set_emails (contact, two);
  emails = tn_contact_get_emails (contact);
  g_assert_cmpuint (strv_length (emails), ==, 2);
  g_assert_cmpstr (emails[0], ==, "ada@example.org");
  g_assert_cmpstr (emails[1], ==, "ada@engines.example");
  g_assert_true (emails != (const char * const *) two); /* a copy, not the caller's array */
  g_assert_cmpstr (tn_contact_get_primary_email (contact), ==, "ada@example.org");
  g_assert_cmpuint (notify_log_count (log, "emails"), ==, 1);
  g_assert_cmpuint (notify_log_count (log, "primary-email"), ==, 1);
  g_assert_cmpuint (log->total, ==, 2);
  notify_log_clear (log);

  /* The same addresses in another array: no change. */
  tn_contact_set_emails (contact, (const char * const *) two_again);
  g_assert_cmpuint (log->total, ==, 0);
  tn_contact_set_emails (contact, tn_contact_get_emails (contact));
  g_assert_cmpuint (log->total, ==, 0);

  /* A new first address is a new primary address. */
  tn_contact_set_emails (contact, swapped);
  g_assert_cmpstr (tn_contact_get_primary_email (contact), ==, "ada@engines.example");
  g_assert_cmpuint (notify_log_count (log, "emails"), ==, 1);
  g_assert_cmpuint (notify_log_count (log, "primary-email"), ==, 1);
  g_assert_cmpuint (log->total, ==, 2);
  notify_log_clear (log);

  /* Other addresses change, the first stays: primary-email is quiet. */
  tn_contact_set_emails (contact, same_first);
  g_assert_cmpstr (tn_contact_get_primary_email (contact), ==, "ada@engines.example");
  g_assert_cmpstr (tn_contact_get_emails (contact)[1], ==, "countess@example.org");
  assert_notified (log, "emails", 1);

  /* Through GObject. */
  g_object_set (contact, "emails", two, NULL);
  g_assert_cmpstr (tn_contact_get_primary_email (contact), ==, "ada@example.org");
  g_assert_cmpuint (notify_log_count (log, "emails"), ==, 1);
  g_assert_cmpuint (notify_log_count (log, "primary-email"), ==, 1);
  g_assert_cmpuint (log->total, ==, 2);
  notify_log_clear (log);
  g_object_get (contact, "emails", &read_back, NULL);
  g_assert_true (g_strv_equal ((const char * const *) read_back, two));
  {
    g_autofree char *primary = NULL;

    g_object_get (contact, "primary-email", &primary, NULL);
    g_assert_cmpstr (primary, ==, "ada@example.org");
  }

  /* Empty entries are dropped. */
  tn_contact_set_emails (contact, with_gaps);
  emails = tn_contact_get_emails (contact);
  g_assert_cmpuint (strv_length (emails), ==, 2);
  g_assert_cmpstr (emails[0], ==, "ada@engines.example");
  g_assert_cmpstr (emails[1], ==, "countess@example.org");
  g_assert_cmpstr (tn_contact_get_primary_email (contact), ==, "ada@engines.example");
  g_assert_cmpuint (notify_log_count (log, "emails"), ==, 1);
  g_assert_cmpuint (notify_log_count (log, "primary-email"), ==, 1);
  notify_log_clear (log);

  /* No addresses: an empty list, never NULL, and no primary address. */
  tn_contact_set_emails (contact, NULL);
  g_assert_nonnull (tn_contact_get_emails (contact));
  g_assert_cmpuint (strv_length (tn_contact_get_emails (contact)), ==, 0);
  g_assert_null (tn_contact_get_primary_email (contact));
  g_assert_cmpuint (notify_log_count (log, "emails"), ==, 1);
  g_assert_cmpuint (notify_log_count (log, "primary-email"), ==, 1);
  g_assert_cmpuint (log->total, ==, 2);
  notify_log_clear (log);

  tn_contact_set_emails (contact, NULL);
  g_assert_cmpuint (log->total, ==, 0);
}

/* A list that differs from the current one only by empty entries, which
 * are dropped, is the same list: no notification. */
static void
test_contact_lists_same_after_dropping_empty (void)
{
  g_autoptr(TnContact) contact = tn_contact_new ("Ada Lovelace");
  g_autoptr(NotifyLog) log = notify_log_new (contact);
  const char *one[] = { "ada@example.org", NULL };
  const char *one_with_gap[] = { "ada@example.org", "", NULL };
  const char *only_empty[] = { "", NULL };
  const char *phone[] = { "+44 20 7946 0958", NULL };
  const char *phone_with_gap[] = { "", "+44 20 7946 0958", NULL };

  tn_contact_set_emails (contact, only_empty);
  g_assert_cmpuint (strv_length (tn_contact_get_emails (contact)), ==, 0);
  g_assert_cmpuint (log->total, ==, 0);

  tn_contact_set_emails (contact, one);
  notify_log_clear (log);
  tn_contact_set_emails (contact, one_with_gap);
  g_assert_cmpuint (strv_length (tn_contact_get_emails (contact)), ==, 1);
  g_assert_cmpuint (log->total, ==, 0);

  tn_contact_set_phones (contact, only_empty);
  g_assert_cmpuint (strv_length (tn_contact_get_phones (contact)), ==, 0);
  g_assert_cmpuint (log->total, ==, 0);

  tn_contact_set_phones (contact, phone);
  notify_log_clear (log);
  tn_contact_set_phones (contact, phone_with_gap);
  g_assert_cmpuint (strv_length (tn_contact_get_phones (contact)), ==, 1);
  g_assert_cmpuint (log->total, ==, 0);
}

static void
test_contact_phones (void)
{
  g_autoptr(TnContact) contact = tn_contact_new ("Ada Lovelace");
  g_autoptr(NotifyLog) log = notify_log_new (contact);
  const char *phones[] = { "+44 (20) 7946-0958", "tel:+1-555-0100", NULL };
  const char *with_gaps[] = { "", "tel:+1-555-0100", "", NULL };
  g_auto(GStrv) copy = g_strdupv ((GStrv) phones);
  g_auto(GStrv) read_back = NULL;

  tn_contact_set_phones (contact, phones);
  /* Kept as written: normalising is for matching, not for showing. */
  g_assert_true (g_strv_equal (tn_contact_get_phones (contact), phones));
  assert_notified (log, "phones", 1);

  tn_contact_set_phones (contact, (const char * const *) copy);
  assert_notified (log, "phones", 0);

  tn_contact_set_phones (contact, with_gaps);
  g_assert_cmpuint (strv_length (tn_contact_get_phones (contact)), ==, 1);
  g_assert_cmpstr (tn_contact_get_phones (contact)[0], ==, "tel:+1-555-0100");
  assert_notified (log, "phones", 1);

  g_object_set (contact, "phones", phones, NULL);
  assert_notified (log, "phones", 1);
  g_object_get (contact, "phones", &read_back, NULL);
  g_assert_true (g_strv_equal ((const char * const *) read_back, phones));

  tn_contact_set_phones (contact, NULL);
  g_assert_nonnull (tn_contact_get_phones (contact));
  g_assert_cmpuint (strv_length (tn_contact_get_phones (contact)), ==, 0);
  assert_notified (log, "phones", 1);
  tn_contact_set_phones (contact, NULL);
  assert_notified (log, "phones", 0);

  /* Phones never touch the primary email. */
  g_assert_null (tn_contact_get_primary_email (contact));
}

static void
test_contact_private_setters (void)
{
  g_autoptr(TnContact) contact = tn_contact_new ("Ada Lovelace");
  g_autoptr(NotifyLog) log = notify_log_new (contact);
  gint64 id = 0;

  _tn_contact_set_id (contact, 42);
  g_assert_cmpint (tn_contact_get_id (contact), ==, 42);
  assert_notified (log, "id", 1);
  _tn_contact_set_id (contact, 42);
  assert_notified (log, "id", 0);
  g_object_get (contact, "id", &id, NULL);
  g_assert_cmpint (id, ==, 42);

  _tn_contact_set_last_contact (contact, "2026-11-20");
  g_assert_cmpstr (tn_contact_get_last_contact (contact), ==, "2026-11-20");
  assert_notified (log, "last-contact", 1);
  _tn_contact_set_last_contact (contact, "2026-11-20");
  assert_notified (log, "last-contact", 0);
  _tn_contact_set_last_contact (contact, NULL);
  g_assert_null (tn_contact_get_last_contact (contact));
  assert_notified (log, "last-contact", 1);

  _tn_contact_set_timestamps (contact, 1764000000, 1764000500);
  g_assert_cmpint (g_date_time_to_unix (tn_contact_get_created_at (contact)), ==, 1764000000);
  g_assert_cmpint (tn_contact_get_created_unix (contact), ==, 1764000000);
  g_assert_cmpint (g_date_time_to_unix (tn_contact_get_updated_at (contact)), ==, 1764000500);
  g_assert_cmpuint (notify_log_count (log, "created-at"), ==, 1);
  g_assert_cmpuint (notify_log_count (log, "updated-at"), ==, 1);
  g_assert_cmpuint (log->total, ==, 2);
  notify_log_clear (log);

  _tn_contact_set_timestamps (contact, 1764000000, 1764000500);
  g_assert_cmpuint (log->total, ==, 0);

  _tn_contact_set_timestamps (contact, 1764000000, 1764009999);
  assert_notified (log, "updated-at", 1);

  {
    g_autoptr(GDateTime) updated = NULL;

    g_object_get (contact, "updated-at", &updated, NULL);
    g_assert_cmpint (g_date_time_to_unix (updated), ==, 1764009999);
  }
}

static TnContact *
new_full_contact (void)
{
  TnContact *contact = tn_contact_new ("Ada Lovelace");
  const char *emails[] = { "ada@example.org", "countess@example.org", NULL };
  const char *phones[] = { "+44 20 7946 0958", NULL };

  tn_contact_set_uid (contact, "urn:uuid:ada");
  tn_contact_set_organization (contact, "Analytical Engines");
  tn_contact_set_title (contact, "Countess");
  tn_contact_set_note (contact, "Met at the Babbage salon.\nWrote the first program.");
  tn_contact_set_trust (contact, TN_TRUST_MODERATELY);
  tn_contact_set_emails (contact, emails);
  tn_contact_set_phones (contact, phones);
  _tn_contact_set_id (contact, 7);
  _tn_contact_set_last_contact (contact, "2026-11-20");
  _tn_contact_set_timestamps (contact, 1764000000, 1764000500);

  return contact;
}

static void
test_contact_copy (void)
{
  g_autoptr(TnContact) contact = new_full_contact ();
  g_autoptr(NotifyLog) log = notify_log_new (contact);
  g_autoptr(TnContact) copy = tn_contact_copy (contact);
  const char *other_emails[] = { "other@example.org", NULL };

  g_assert_true (copy != contact);
  g_assert_cmpint (tn_contact_get_id (copy), ==, 7);
  g_assert_cmpstr (tn_contact_get_uid (copy), ==, "urn:uuid:ada");
  g_assert_cmpstr (tn_contact_get_full_name (copy), ==, "Ada Lovelace");
  g_assert_cmpstr (tn_contact_get_organization (copy), ==, "Analytical Engines");
  g_assert_cmpstr (tn_contact_get_title (copy), ==, "Countess");
  g_assert_cmpstr (tn_contact_get_note (copy), ==, "Met at the Babbage salon.\nWrote the first program.");
  g_assert_cmpint (tn_contact_get_trust (copy), ==, TN_TRUST_MODERATELY);
  g_assert_true (g_strv_equal (tn_contact_get_emails (copy), tn_contact_get_emails (contact)));
  g_assert_cmpstr (tn_contact_get_primary_email (copy), ==, "ada@example.org");
  g_assert_true (g_strv_equal (tn_contact_get_phones (copy), tn_contact_get_phones (contact)));
  g_assert_cmpstr (tn_contact_get_last_contact (copy), ==, "2026-11-20");
  g_assert_nonnull (tn_contact_get_created_at (copy));
  g_assert_nonnull (tn_contact_get_updated_at (copy));
  g_assert_true (g_date_time_equal (tn_contact_get_created_at (copy), tn_contact_get_created_at (contact)));
  g_assert_true (g_date_time_equal (tn_contact_get_updated_at (copy), tn_contact_get_updated_at (contact)));
  g_assert_cmpstr (tn_contact_get_search_key (copy), ==, tn_contact_get_search_key (contact));

  /* A detached draft: editing it leaves the original alone, and copying
   * did not make the original notify. */
  g_assert_true (tn_contact_get_emails (copy) != tn_contact_get_emails (contact));
  tn_contact_set_full_name (copy, "Augusta Ada King");
  tn_contact_set_emails (copy, other_emails);
  tn_contact_set_trust (copy, TN_TRUST_COMPLETELY);
  g_assert_cmpstr (tn_contact_get_full_name (contact), ==, "Ada Lovelace");
  g_assert_cmpstr (tn_contact_get_primary_email (contact), ==, "ada@example.org");
  g_assert_cmpint (tn_contact_get_trust (contact), ==, TN_TRUST_MODERATELY);
  g_assert_cmpuint (log->total, ==, 0);

  /* A copy of a bare contact is bare too. */
  {
    g_autoptr(TnContact) bare = tn_contact_new ("Grace Hopper");
    g_autoptr(TnContact) bare_copy = tn_contact_copy (bare);

    g_assert_cmpint (tn_contact_get_id (bare_copy), ==, 0);
    g_assert_null (tn_contact_get_uid (bare_copy));
    g_assert_null (tn_contact_get_created_at (bare_copy));
    g_assert_null (tn_contact_get_last_contact (bare_copy));
    g_assert_cmpuint (strv_length (tn_contact_get_emails (bare_copy)), ==, 0);
  }
}

static void
test_contact_assign (void)
{
  g_autoptr(TnContact) contact = new_full_contact ();
  g_autoptr(TnContact) draft = tn_contact_copy (contact);
  g_autoptr(NotifyLog) log = notify_log_new (contact);
  const char *emails[] = { "countess@example.org", NULL };

  tn_contact_set_full_name (draft, "Augusta Ada King");
  tn_contact_set_title (draft, NULL);
  tn_contact_set_emails (draft, emails);
  _tn_contact_set_id (draft, 99);
  _tn_contact_set_last_contact (draft, "2020-01-01");

  _tn_contact_assign (contact, draft);

  /* What a person edits is taken; identity and derived figures stay. */
  g_assert_cmpstr (tn_contact_get_full_name (contact), ==, "Augusta Ada King");
  g_assert_null (tn_contact_get_title (contact));
  g_assert_cmpstr (tn_contact_get_primary_email (contact), ==, "countess@example.org");
  g_assert_cmpint (tn_contact_get_id (contact), ==, 7);
  g_assert_cmpstr (tn_contact_get_last_contact (contact), ==, "2026-11-20");

  /* One notification per property that changed, none for the rest. */
  g_assert_cmpuint (notify_log_count (log, "full-name"), ==, 1);
  g_assert_cmpuint (notify_log_count (log, "title"), ==, 1);
  g_assert_cmpuint (notify_log_count (log, "emails"), ==, 1);
  g_assert_cmpuint (notify_log_count (log, "primary-email"), ==, 1);
  g_assert_cmpuint (log->total, ==, 4);
}

static void
test_contact_search (void)
{
  g_autoptr(TnContact) contact = tn_contact_new ("Ada Lovelace");
  const char *emails[] = { "ada@example.org", "countess@babbage.example", NULL };
  static const char * const matching[] = {
    "ada", "ADA", "Lovelace", "a lov", "ada lovelace",
    "analytical", "ENGINES", "anal eng",
    "example.org", "countess", "@babbage", "COUNTESS@BABBAGE.EXAMPLE",
    /* Each word on its own, across name, organization and emails, in any order. */
    "lovelace analytical", "lovelace\tanalytical", "engines ada", "org countess",
  };
  static const char * const not_matching[] = {
    "grace",
    /* A word begins a word: not from its middle. */
    "cal eng", "velace",
    /* Title, note and phones are not searched. */
    "countess of", "babbage salon", "7946",
  };

  tn_contact_set_organization (contact, "Analytical Engines");
  tn_contact_set_emails (contact, emails);
  tn_contact_set_title (contact, "Countess of Lovelace");
  tn_contact_set_note (contact, "Met at the Babbage salon");
  {
    const char *phones[] = { "+44 20 7946 0958", NULL };

    tn_contact_set_phones (contact, phones);
  }

  for (guint i = 0; i < G_N_ELEMENTS (matching); i++)
    {
      g_test_message ("should match “%s”", matching[i]);
      g_assert_true (tn_contact_matches (contact, matching[i]));
    }

  for (guint i = 0; i < G_N_ELEMENTS (not_matching); i++)
    {
      g_test_message ("should not match “%s”", not_matching[i]);
      g_assert_false (tn_contact_matches (contact, not_matching[i]));
    }

  /* No query shows everyone. */
  g_assert_true (tn_contact_matches (contact, ""));
  g_assert_true (tn_contact_matches (contact, NULL));

  /* The key holds the words of each field folded, and only those fields. */
  g_assert_cmpstr (tn_contact_get_search_key (contact), ==,
                   " ada lovelace analytical engines ada example org countess babbage example");
}

static void
test_contact_search_accents (void)
{
  g_autoptr(TnContact) composed = tn_contact_new ("Zo\xc3\xa9 Durand");
  g_autoptr(TnContact) decomposed = tn_contact_new ("Zoe\xcc\x81 Durand");
  g_autofree char *query_composed = tn_text_fold_for_search ("ZO\xc3\x89");
  g_autofree char *query_decomposed = tn_text_fold_for_search ("zoe\xcc\x81");
  g_autofree char *query_plain = tn_text_fold_for_search ("zoe d");
  g_autofree char *query_other = tn_text_fold_for_search ("zoe x");

  g_assert_true (tn_contact_matches (composed, query_composed));
  g_assert_true (tn_contact_matches (composed, query_decomposed));
  g_assert_true (tn_contact_matches (decomposed, query_composed));
  g_assert_true (tn_contact_matches (decomposed, query_decomposed));
  /* Accents are left out of a search: "zoe" finds Zoé. */
  g_assert_true (tn_contact_matches (composed, query_plain));
  g_assert_false (tn_contact_matches (composed, query_other));
}

/* The key is cached; every change to a searched field must refresh it. */
static void
test_contact_search_follows_changes (void)
{
  g_autoptr(TnContact) contact = tn_contact_new ("Ada Lovelace");
  g_autofree char *ada = tn_text_fold_for_search ("ada");
  g_autofree char *grace = tn_text_fold_for_search ("grace");
  g_autofree char *navy = tn_text_fold_for_search ("navy");
  g_autofree char *hopper_mail = tn_text_fold_for_search ("fleet");
  const char *emails[] = { "hopper@fleet.example", NULL };

  g_assert_true (tn_contact_matches (contact, ada));
  g_assert_false (tn_contact_matches (contact, grace));

  tn_contact_set_full_name (contact, "Grace Hopper");
  g_assert_false (tn_contact_matches (contact, ada));
  g_assert_true (tn_contact_matches (contact, grace));

  g_assert_false (tn_contact_matches (contact, navy));
  tn_contact_set_organization (contact, "US Navy");
  g_assert_true (tn_contact_matches (contact, navy));
  tn_contact_set_organization (contact, NULL);
  g_assert_false (tn_contact_matches (contact, navy));

  g_assert_false (tn_contact_matches (contact, hopper_mail));
  tn_contact_set_emails (contact, emails);
  g_assert_true (tn_contact_matches (contact, hopper_mail));
  tn_contact_set_emails (contact, NULL);
  g_assert_false (tn_contact_matches (contact, hopper_mail));
}

static void
test_contact_has_email (void)
{
  g_autoptr(TnContact) contact = tn_contact_new ("Ada Lovelace");
  const char *emails[] = { "Ada@Example.org", "countess@babbage.example", NULL };

  g_assert_false (tn_contact_has_email (contact, "ada@example.org"));

  tn_contact_set_emails (contact, emails);
  g_assert_true (tn_contact_has_email (contact, "ada@example.org"));
  g_assert_true (tn_contact_has_email (contact, "ADA@EXAMPLE.ORG"));
  g_assert_true (tn_contact_has_email (contact, "  ada@example.org "));
  g_assert_true (tn_contact_has_email (contact, "Countess@Babbage.Example"));

  g_assert_false (tn_contact_has_email (contact, "ada@example.com"));
  g_assert_false (tn_contact_has_email (contact, "ada"));
  g_assert_false (tn_contact_has_email (contact, "example.org"));
  g_assert_false (tn_contact_has_email (contact, ""));
  g_assert_false (tn_contact_has_email (contact, "   "));
  g_assert_false (tn_contact_has_email (contact, NULL));
}

static void
test_contact_construct_properties (void)
{
  const char *emails[] = { "grace@navy.example", NULL };
  const char *phones[] = { "+1 555 0100", NULL };
  static const char * const read_only[] = { "id", "primary-email", "last-contact", "created-at", "updated-at" };
  g_autoptr(TnContact) contact = g_object_new (TN_TYPE_CONTACT,
                                               "uid", "urn:uuid:grace",
                                               "full-name", "Grace Hopper",
                                               "organization", "US Navy",
                                               "title", "Rear Admiral",
                                               "note", "COBOL",
                                               "trust", TN_TRUST_COMPLETELY,
                                               "emails", emails,
                                               "phones", phones,
                                               NULL);
  g_autofree char *uid = NULL;
  g_autofree char *full_name = NULL;
  g_autofree char *organization = NULL;
  g_autofree char *title = NULL;
  g_autofree char *note = NULL;
  g_autofree char *primary_email = NULL;
  g_autofree char *last_contact = NULL;
  g_auto(GStrv) read_emails = NULL;
  g_auto(GStrv) read_phones = NULL;
  TnTrust trust = TN_TRUST_UNRATED;
  gint64 id = -1;

  g_object_get (contact,
                "id", &id,
                "uid", &uid,
                "full-name", &full_name,
                "organization", &organization,
                "title", &title,
                "note", &note,
                "trust", &trust,
                "emails", &read_emails,
                "primary-email", &primary_email,
                "phones", &read_phones,
                "last-contact", &last_contact,
                NULL);

  g_assert_cmpint (id, ==, 0);
  g_assert_cmpstr (uid, ==, "urn:uuid:grace");
  g_assert_cmpstr (full_name, ==, "Grace Hopper");
  g_assert_cmpstr (organization, ==, "US Navy");
  g_assert_cmpstr (title, ==, "Rear Admiral");
  g_assert_cmpstr (note, ==, "COBOL");
  g_assert_cmpint (trust, ==, TN_TRUST_COMPLETELY);
  g_assert_true (g_strv_equal ((const char * const *) read_emails, emails));
  g_assert_cmpstr (primary_email, ==, "grace@navy.example");
  g_assert_true (g_strv_equal ((const char * const *) read_phones, phones));
  g_assert_null (last_contact);

  /* What the store derives is not for others to write. */
  for (guint i = 0; i < G_N_ELEMENTS (read_only); i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (contact), read_only[i]);

      g_assert_nonnull (pspec);
      g_assert_false (pspec->flags & G_PARAM_WRITABLE);
      g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);
    }
}

/* The fields an import fills: given and family name, birthday, the card itself. */
static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_contact_fields (void)
{
  g_autoptr(TnContact) contact = tn_contact_new ("Ada Lovelace");
  g_autoptr(TnContact) copy = NULL;
  g_autofree char *given = NULL;
  guint n_notify = 0;

  g_signal_connect_swapped (contact, "notify::given-name", G_CALLBACK (count_cb), &n_notify);
  tn_contact_set_given_name (contact, "Ada");
  tn_contact_set_given_name (contact, "Ada");
  g_assert_cmpuint (n_notify, ==, 1);
  tn_contact_set_family_name (contact, "  ");
  g_assert_cmpstr (tn_contact_get_family_name (contact), ==, "  ");
  tn_contact_set_family_name (contact, "");
  g_assert_null (tn_contact_get_family_name (contact));
  tn_contact_set_family_name (contact, "Lovelace");
  tn_contact_set_birthday (contact, "--12-10");
  tn_contact_set_vcard (contact, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nEND:VCARD\r\n");

  g_object_get (contact, "given-name", &given, NULL);
  g_assert_cmpstr (given, ==, "Ada");

  copy = tn_contact_copy (contact);
  g_assert_cmpstr (tn_contact_get_given_name (copy), ==, "Ada");
  g_assert_cmpstr (tn_contact_get_family_name (copy), ==, "Lovelace");
  g_assert_cmpstr (tn_contact_get_birthday (copy), ==, "--12-10");
  g_assert_cmpstr (tn_contact_get_vcard (copy), ==, tn_contact_get_vcard (contact));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* A failed check fails its test and lets the others still run. */
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/contact/new", test_contact_new);
  g_test_add_func ("/contact/text-properties", test_contact_text_properties);
  g_test_add_func ("/contact/set-from-own-text", test_contact_set_from_own_text);
  g_test_add_func ("/contact/trust", test_contact_trust);
  g_test_add_func ("/contact/emails", test_contact_emails);
  g_test_add_func ("/contact/phones", test_contact_phones);
  g_test_add_func ("/contact/lists-same-after-dropping-empty", test_contact_lists_same_after_dropping_empty);
  g_test_add_func ("/contact/private-setters", test_contact_private_setters);
  g_test_add_func ("/contact/construct-properties", test_contact_construct_properties);
  g_test_add_func ("/contact/copy", test_contact_copy);
  g_test_add_func ("/contact/assign", test_contact_assign);
  g_test_add_func ("/contact/search", test_contact_search);
  g_test_add_func ("/contact/search/accents", test_contact_search_accents);
  g_test_add_func ("/contact/search/follows-changes", test_contact_search_follows_changes);
  g_test_add_func ("/contact/has-email", test_contact_has_email);
  g_test_add_func ("/contact/import-fields", test_contact_fields);

  return g_test_run ();
}
