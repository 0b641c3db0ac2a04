/* test-search.c — the one search rule: folding words, contacts' keys, matching word
 * prefixes in any order, and knowing when a new search can only find fewer people.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-search"

#include "config.h"

#include <string.h>

#include <glib.h>

#include "tn-contact.h"
#include "tn-search.h"

static void
assert_fold (const char *text,
             const char *expected)
{
  g_autofree char *folded = tn_search_fold (text);

  g_assert_cmpstr (folded, ==, expected);
}

static void
test_fold (void)
{
  assert_fold ("Ana García", "ana garcia");
  assert_fold ("  ADA   Lovelace ", "ada lovelace");
  /* Composed and decomposed accents, umlauts, and the letters Unicode does not decompose. */
  assert_fold ("Chlo\xc3\xa9", "chloe");
  assert_fold ("Chloe\xcc\x81", "chloe");
  assert_fold ("Müller", "muller");
  assert_fold ("Bjørn Ødegård", "bjorn odegard");
  assert_fold ("Łukasz Wójcik", "lukasz wojcik");
  assert_fold ("Straße", "strasse");
  assert_fold ("Ægir Œuvre Þór Đorđe", "aegir oeuvre thor dorde");
  /* Apostrophes join; other punctuation separates. */
  assert_fold ("O'Brien", "obrien");
  assert_fold ("O\xe2\x80\x99" "Brien", "obrien");
  assert_fold ("ana.garcia@example.com", "ana garcia example com");
  assert_fold ("Jean-Luc", "jean luc");
  assert_fold ("Umbrella, Inc.", "umbrella inc");
  /* Other scripts keep their letters, lower-cased. */
  assert_fold ("Ελένη Παπαδόπουλος", "ελενη παπαδοπουλοσ"); /* final sigma folds too */
  assert_fold ("Андрей Смирнов", "андреи смирнов");
  assert_fold ("王小明", "王小明");
  /* Nothing to search for. */
  assert_fold (NULL, "");
  assert_fold ("", "");
  assert_fold (" .,;@ ", "");
}

/* Text of ASCII characters only takes a shorter way: the same words as the Unicode way,
 * which a non-ASCII word at the end makes the whole text take. */
static void
test_fold_ascii_as_unicode (void)
{
  static const char alphabet[] = "aZ09 .,@'-_\t\n!?\"";
  g_autoptr(GRand) rand = g_rand_new_with_seed (24);

  for (guint i = 0; i < 2000; i++)
    {
      char text[24];
      guint length = g_rand_int_range (rand, 0, sizeof text);
      g_autofree char *with_accent = NULL;
      g_autofree char *folded = NULL;
      g_autofree char *by_unicode = NULL;

      /* Any ASCII byte, the alphabet's more often. */
      for (guint k = 0; k < length; k++)
        text[k] = g_rand_boolean (rand) ? alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)]
                                        : (char) g_rand_int_range (rand, 1, 0x80);
      text[length] = '\0';

      folded = tn_search_fold (text);
      with_accent = g_strconcat (text, " \xc3\xa9", NULL);
      by_unicode = tn_search_fold (with_accent);
      if (*folded == '\0')
        g_assert_cmpstr (by_unicode, ==, "e");
      else
        g_assert_true (g_str_has_prefix (by_unicode, folded) && g_str_equal (by_unicode + strlen (folded), " e"));
    }
}

static void
test_make_key (void)
{
  const char *fields[] = { "Ana García", NULL, "ana.garcia@example.com", "" };
  g_autofree char *key = tn_search_make_key (fields, G_N_ELEMENTS (fields));
  g_autofree char *none = tn_search_make_key (NULL, 0);

  /* Every word with a space before it, NULL and empty fields left out. */
  g_assert_cmpstr (key, ==, " ana garcia ana garcia example com");
  g_assert_cmpstr (none, ==, "");
}

static TnContact *
make_contact (const char *name,
              const char *organization,
              const char *email)
{
  TnContact *contact = tn_contact_new (name);
  const char *emails[] = { email, NULL };

  tn_contact_set_organization (contact, organization);
  tn_contact_set_emails (contact, emails);
  return contact;
}

static gboolean
finds (const char *text,
       TnContact  *contact)
{
  g_autoptr(TnSearch) search = tn_search_new (text);

  return tn_search_matches_contact (search, contact);
}

/* The searches of issue 14, which found nobody before. */
static void
test_matches_word_prefixes (void)
{
  g_autoptr(TnContact) ana = make_contact ("Ana García", "Acme Corp", "ana.garcia@example.com");
  g_autoptr(TnContact) chloe = make_contact ("Chlo\xc3\xa9 Castillo", NULL, NULL);
  g_autoptr(TnContact) gunter = make_contact ("Günter Müller", "Initech", NULL);
  g_autoptr(TnContact) bjorn = make_contact ("Bjørn Hansen", NULL, "bjorn@hooli.example");
  g_autoptr(TnContact) bjorn_umlaut = make_contact ("Björn Eriksen", NULL, NULL);

  g_assert_true (finds ("ana g", ana));
  g_assert_true (finds ("g ana", ana));
  g_assert_true (finds ("ANA GARC", ana));
  g_assert_true (finds ("garcia", ana));
  g_assert_true (finds ("García", ana));
  g_assert_true (finds ("acme ana", ana));
  g_assert_true (finds ("example", ana));
  g_assert_true (finds ("ana.garcia@ex", ana));
  g_assert_true (finds ("chloe c", chloe));
  g_assert_true (finds ("chloé", chloe));
  g_assert_true (finds ("mull", gunter));
  g_assert_true (finds ("gunter", gunter));
  g_assert_true (finds ("bjorn", bjorn));
  g_assert_true (finds ("bjorn", bjorn_umlaut));
  g_assert_true (finds ("hooli", bjorn));

  /* A word must begin a word: no match from its middle or across two words. */
  g_assert_false (finds ("arcia", ana));
  g_assert_false (finds ("na", ana));
  g_assert_false (finds ("anagarcia", ana));
  g_assert_false (finds ("ana x", ana));
  g_assert_false (finds ("chloe d", chloe));
  g_assert_false (finds ("muller initech x", gunter));

  /* Nothing typed, or only punctuation: everyone. */
  g_assert_true (finds ("", ana));
  g_assert_true (finds (" . ", ana));
  g_assert_true (finds (NULL, ana));
}

static void
test_is_empty_and_equal (void)
{
  g_autoptr(TnSearch) empty = tn_search_new ("  ");
  g_autoptr(TnSearch) a = tn_search_new ("Ana  G.");
  g_autoptr(TnSearch) b = tn_search_new ("ana g");
  g_autoptr(TnSearch) c = tn_search_new ("g ana");

  g_assert_true (tn_search_is_empty (empty));
  g_assert_false (tn_search_is_empty (a));
  g_assert_true (tn_search_equal (a, b));
  g_assert_false (tn_search_equal (a, c));
}

static void
test_is_narrower (void)
{
  g_autoptr(TnSearch) none = tn_search_new ("");
  g_autoptr(TnSearch) an = tn_search_new ("an");
  g_autoptr(TnSearch) ana = tn_search_new ("ana");
  g_autoptr(TnSearch) ana_g = tn_search_new ("ana g");
  g_autoptr(TnSearch) g_ana = tn_search_new ("ga ana");
  g_autoptr(TnSearch) bob = tn_search_new ("bob");

  g_assert_true (tn_search_is_narrower (an, none));
  g_assert_true (tn_search_is_narrower (ana, an));
  g_assert_true (tn_search_is_narrower (ana_g, ana));
  g_assert_true (tn_search_is_narrower (g_ana, ana_g));
  g_assert_true (tn_search_is_narrower (ana, ana));

  g_assert_false (tn_search_is_narrower (an, ana));
  g_assert_false (tn_search_is_narrower (none, an));
  g_assert_false (tn_search_is_narrower (bob, ana));
  g_assert_false (tn_search_is_narrower (ana, bob));
}

/* What is_narrower() promises, checked on people: whoever the narrower search finds,
 * the wider one finds too. */
static void
test_is_narrower_holds_for_people (void)
{
  const char *names[] = { "Ana García", "Ana Gomez", "Anabel Smith", "Gabriel Ana", "Bob Anders" };
  const char *typed[] = { "", "a", "an", "ana", "ana g", "ana ga", "g", "ga ana", "b", "bo an" };

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      for (guint j = 0; j < G_N_ELEMENTS (typed); j++)
        {
          g_autoptr(TnSearch) narrow = tn_search_new (typed[i]);
          g_autoptr(TnSearch) wide = tn_search_new (typed[j]);

          if (!tn_search_is_narrower (narrow, wide))
            continue;

          for (guint k = 0; k < G_N_ELEMENTS (names); k++)
            {
              g_autoptr(TnContact) contact = tn_contact_new (names[k]);

              if (tn_search_matches_contact (narrow, contact))
                g_assert_true (tn_search_matches_contact (wide, contact));
            }
        }
    }
}

static void
test_matches_key (void)
{
  g_autoptr(TnSearch) search = tn_search_new ("lov ada");

  g_assert_true (tn_search_matches_key (search, " ada lovelace"));
  g_assert_false (tn_search_matches_key (search, " ada"));
  g_assert_false (tn_search_matches_key (search, ""));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/fold", test_fold);
  g_test_add_func ("/search/fold-ascii-as-unicode", test_fold_ascii_as_unicode);
  g_test_add_func ("/search/make-key", test_make_key);
  g_test_add_func ("/search/matches/word-prefixes", test_matches_word_prefixes);
  g_test_add_func ("/search/matches/key", test_matches_key);
  g_test_add_func ("/search/empty-and-equal", test_is_empty_and_equal);
  g_test_add_func ("/search/narrower", test_is_narrower);
  g_test_add_func ("/search/narrower/people", test_is_narrower_holds_for_people);

  return g_test_run ();
}
