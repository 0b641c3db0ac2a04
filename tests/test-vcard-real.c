/* test-vcard-real.c — reading .vcf files: every file of tests/data/vcards/real with the facts its
 * EXPECTED.md lists.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTest makes warnings fatal, so any file that makes EVCard warn fails here too.
 */
#define G_LOG_DOMAIN "test-vcard-real"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "tn-test-import.h"
#include "tn-test-util.h"
#include "tn-vcard.h"

/* Ñ, and the nine characters of evolution-data-server/5.vcf. */
#define N_TILDE "\xc3\x91"
#define CJK_S "十城目管理大型知座"

/* Parses a file of the corpus; NULL (and the test skipped) when the corpus is not there. */
static GPtrArray *
parse_real (const char  *relative,
            GPtrArray  **problems)
{
  g_autofree char *dir = tn_test_real_dir ();
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) local_problems = NULL;
  GPtrArray *cards = NULL;

  if (dir == NULL)
    {
      g_test_skip ("TRUSTNET_TEST_DATA is not set");
      return NULL;
    }

  path = g_build_filename (dir, relative, NULL);
  file = g_file_new_for_path (path);
  g_assert_true (tn_vcard_parse_file (file, &cards, &local_problems, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < cards->len; i++)
    tn_test_assert_card_round_trips (tn_test_card_at (cards, i));

  if (problems != NULL)
    *problems = g_steal_pointer (&local_problems);
  return cards;
}

/* Every file of the corpus: read without a crash or a warning, every card round-trips, and
 * the only refusals are the two files that hold no card at all. */
static void
test_real_every_file (void)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFile) root = tn_test_real_files (files);
  guint n_cards = 0;

  if (root == NULL)
    return;

  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      g_autofree char *relative = g_file_get_relative_path (root, file);
      g_autoptr(GPtrArray) cards = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;

      if (tn_vcard_parse_file (file, &cards, &problems, NULL, &error))
        {
          g_test_message ("%s: %u cards, %u problems", relative, cards->len, problems->len);
          for (guint j = 0; j < cards->len; j++)
            tn_test_assert_card_round_trips (tn_test_card_at (cards, j));
          for (guint j = 0; j < problems->len; j++)
            {
              TnVcardProblem *problem = g_ptr_array_index (problems, j);

              g_assert_cmpuint (problem->line, >, 0);
              g_assert_true (g_utf8_validate (problem->message, -1, NULL));
            }
          n_cards += cards->len;
        }
      else if (g_str_equal (relative, "folkerkinzel-vcards/Empty.vcf"))
        g_assert_error (error, TN_VCARD_ERROR, TN_VCARD_ERROR_EMPTY);
      else if (g_str_equal (relative, "evolution-data-server/7.vcf"))
        g_assert_error (error, TN_VCARD_ERROR, TN_VCARD_ERROR_NOT_VCARD);
      else
        g_error ("%s was refused: %s", relative, error->message);
    }

  g_assert_cmpuint (n_cards, >=, 100);
}

/* §1 */
static void
test_real_outlook (void)
{
  g_autoptr(GPtrArray) cards = parse_real ("ez-vcard/John_Doe_MS_OUTLOOK.vcf", NULL);
  TnVcardCard *card;

  if (cards == NULL)
    return;
  g_assert_cmpuint (cards->len, ==, 1);
  card = tn_test_card_at (cards, 0);
  g_assert_cmpstr (card->full_name, ==, "Mr. John Richter James Doe Sr.");
  g_assert_cmpstr (card->family_name, ==, "Doe");
  g_assert_cmpstr (card->given_name, ==, "John");
  g_assert_cmpstr (card->organization, ==, "IBM");
  g_assert_cmpstr (card->title, ==, "Money Counter");
  tn_test_assert_gstrv (card->emails, "john.doe@ibm.cm", NULL);
  tn_test_assert_gstrv (card->phones, "(905) 555-1234", "(905) 666-1234", NULL);
  g_assert_cmpstr (card->birthday, ==, "1980-03-22");
  g_assert_cmpuint (tn_test_kept_photo_size (card->vcard), ==, 860);
}

/* §2 */
static void
test_real_android (void)
{
  g_autoptr(GPtrArray) cards = parse_real ("ez-vcard/John_Doe_ANDROID.vcf", NULL);
  g_autofree char *n12 = NULL;
  g_autofree char *n14 = NULL;
  g_autofree char *n44 = NULL;
  TnVcardCard *card;

  if (cards == NULL)
    return;
  g_assert_cmpuint (cards->len, ==, 6);

  /* Cards 1 and 2 have only an email: imported under it. */
  card = tn_test_card_at (cards, 0);
  g_assert_cmpstr (card->full_name, ==, "john.doe@company.com");
  tn_test_assert_gstrv (card->emails, "john.doe@company.com", NULL);
  g_assert_null (card->family_name);
  card = tn_test_card_at (cards, 1);
  g_assert_cmpstr (card->full_name, ==, "jane.doe@company.com");
  tn_test_assert_gstrv (card->emails, "jane.doe@company.com", NULL);

  /* Names are trimmed: EXPECTED lists "Ñ Ñ Ñ Ñ Ñ " with a trailing space. */
  card = tn_test_card_at (cards, 2);
  g_assert_cmpstr (card->full_name, ==, N_TILDE " " N_TILDE " " N_TILDE " " N_TILDE " " N_TILDE);
  g_assert_cmpstr (card->family_name, ==, N_TILDE " " N_TILDE " " N_TILDE " " N_TILDE);
  g_assert_null (card->given_name);
  tn_test_assert_gstrv (card->phones, "123456789", NULL);
  tn_test_assert_gstrv (card->emails, NULL);

  card = tn_test_card_at (cards, 3);
  g_assert_cmpstr (card->full_name, ==, N_TILDE " " N_TILDE " " N_TILDE " " N_TILDE " " N_TILDE " "
                                        N_TILDE " " N_TILDE " " N_TILDE " " N_TILDE " " N_TILDE " " N_TILDE);
  g_assert_cmpstr (card->family_name, ==, card->full_name);
  tn_test_assert_gstrv (card->phones, "123456", "234567", "3456789", "45678901", NULL);

  n12 = g_strjoinv ("", (char *[]) { N_TILDE, N_TILDE, N_TILDE, N_TILDE, N_TILDE, N_TILDE,
                                      N_TILDE, N_TILDE, N_TILDE, N_TILDE, N_TILDE, N_TILDE, NULL });
  n14 = g_strconcat (n12, N_TILDE N_TILDE, NULL);
  n44 = g_strconcat (n12, n12, n12, N_TILDE N_TILDE N_TILDE N_TILDE N_TILDE N_TILDE N_TILDE N_TILDE, NULL);

  card = tn_test_card_at (cards, 4);
  g_assert_cmpstr (card->full_name, ==, N_TILDE " " N_TILDE " " N_TILDE " " N_TILDE);
  g_assert_cmpstr (card->family_name, ==, N_TILDE " " N_TILDE);
  g_assert_cmpstr (card->given_name, ==, N_TILDE " " N_TILDE " " N_TILDE);
  tn_test_assert_gstrv (card->emails, "bob@company.com", n14, NULL);
  tn_test_assert_gstrv (card->phones, "123456", "123456", "123456", NULL);
  g_assert_cmpstr (card->organization, ==, n12);
  g_assert_cmpuint (tn_test_kept_photo_size (card->vcard), ==, 876);

  card = tn_test_card_at (cards, 5);
  g_assert_cmpstr (card->full_name, ==, N_TILDE N_TILDE N_TILDE N_TILDE);
  g_assert_cmpstr (card->family_name, ==, N_TILDE N_TILDE N_TILDE N_TILDE);
  tn_test_assert_gstrv (card->emails, "henry@company.com", NULL);
  tn_test_assert_gstrv (card->phones, "55556666", NULL);
  g_assert_cmpstr (card->organization, ==, n44);
  /* The second ORG's stray "=80" in declared UTF-8 is the one U+FFFD EXPECTED.md asks for. */
  g_assert_nonnull (strstr (card->vcard, "\xef\xbf\xbd"));
}

/* §3 */
static void
test_real_iphone (void)
{
  g_autoptr(GPtrArray) cards = parse_real ("ez-vcard/John_Doe_IPHONE.vcf", NULL);
  TnVcardCard *card;

  if (cards == NULL)
    return;
  g_assert_cmpuint (cards->len, ==, 1);
  card = tn_test_card_at (cards, 0);
  g_assert_cmpstr (card->full_name, ==, "Mr. John Richter James Doe Sr.");
  g_assert_cmpstr (card->family_name, ==, "Doe");
  g_assert_cmpstr (card->given_name, ==, "John");
  g_assert_cmpstr (card->organization, ==, "IBM");
  g_assert_cmpstr (card->title, ==, "Money Counter");
  g_assert_cmpstr (card->birthday, ==, "2012-06-06");
  tn_test_assert_gstrv (card->emails, "john.doe@ibm.com", NULL);
  tn_test_assert_gstrv (card->phones, "905-555-1234", "905-666-1234", "905-777-1234", "905-888-1234",
               "905-999-1234", "905-111-1234", "905-222-1234", NULL);
  g_assert_cmpuint (tn_test_kept_photo_size (card->vcard), ==, 32531);
}

/* §4 */
static void
test_real_gmail (void)
{
  g_autoptr(GPtrArray) cards = parse_real ("ez-vcard/John_Doe_GMAIL.vcf", NULL);
  TnVcardCard *card;

  if (cards == NULL)
    return;
  g_assert_cmpuint (cards->len, ==, 1);
  card = tn_test_card_at (cards, 0);
  g_assert_cmpstr (card->full_name, ==, "Mr. John Richter, James Doe Sr.");
  g_assert_cmpstr (card->family_name, ==, "Doe");
  g_assert_cmpstr (card->given_name, ==, "John");
  tn_test_assert_gstrv (card->emails, "john.doe@ibm.com", NULL);
  tn_test_assert_gstrv (card->phones, "905-555-1234", "905-666-1234", NULL);
  g_assert_cmpstr (card->organization, ==, "IBM");
  g_assert_cmpstr (card->title, ==, "Money Counter");
  g_assert_cmpstr (card->birthday, ==, "1980-03-22");
  g_assert_true (g_str_has_suffix (card->note, "SUCH DAMAGE.\nFavotire Color: Blue"));
  g_assert_nonnull (strstr (card->note, "\"AS IS\""));
}

/* §5 */
static void
test_real_evolution (void)
{
  g_autoptr(GPtrArray) cards = parse_real ("ez-vcard/John_Doe_EVOLUTION.vcf", NULL);
  TnVcardCard *card;

  if (cards == NULL)
    return;
  g_assert_cmpuint (cards->len, ==, 1);
  card = tn_test_card_at (cards, 0);
  g_assert_cmpstr (card->full_name, ==, "Mr. John Richter, James Doe Sr.");
  g_assert_cmpstr (card->family_name, ==, "Doe");
  g_assert_cmpstr (card->given_name, ==, "John");
  g_assert_cmpstr (card->organization, ==, "IBM");
  g_assert_cmpstr (card->title, ==, "Money Counter");
  tn_test_assert_gstrv (card->emails, "john.doe@ibm.com", NULL);
  tn_test_assert_gstrv (card->phones, "905-666-1234", "905-555-1234", NULL);
  g_assert_cmpstr (card->birthday, ==, "1980-03-22");
}

/* §6 */
static void
test_real_thunderbird (void)
{
  g_autoptr(GPtrArray) cards = parse_real ("thunderbird/export.vcf", NULL);
  g_autofree char *custom3 = NULL;
  TnVcardCard *card;

  if (cards == NULL)
    return;
  g_assert_cmpuint (cards->len, ==, 2);
  card = tn_test_card_at (cards, 0);
  g_assert_cmpstr (card->full_name, ==, "contact number one");
  g_assert_cmpstr (card->family_name, ==, "one");
  g_assert_cmpstr (card->given_name, ==, "contact");
  tn_test_assert_gstrv (card->emails, "contact1@invalid", NULL);
  g_assert_cmpstr (card->uid, ==, "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx");

  card = tn_test_card_at (cards, 1);
  g_assert_cmpstr (card->full_name, ==, "contact number two");
  g_assert_cmpstr (card->family_name, ==, "two");
  g_assert_cmpstr (card->given_name, ==, "contact");
  tn_test_assert_gstrv (card->emails, "contact2@invalid", NULL);
  g_assert_cmpstr (card->title, ==, "\"worker\"");
  g_assert_cmpstr (card->note, ==, "here's some unicode text…");
  tn_test_assert_gstrv (card->phones, NULL);
  g_assert_null (card->organization);
  /* The bare CR in X-CUSTOM3 stays inside its value: no property called "3". */
  custom3 = tn_test_kept_value (card->vcard, "X-CUSTOM3");
  g_assert_cmpstr (custom3, ==, "custom\\n3");
  g_assert_null (strstr (card->vcard, "\r\n3"));
}

/* §7 */
static void
test_real_eds_chinese (void)
{
  g_autoptr(GPtrArray) cards = parse_real ("evolution-data-server/5.vcf", NULL);
  TnVcardCard *card;

  if (cards == NULL)
    return;
  g_assert_cmpuint (cards->len, ==, 1);
  card = tn_test_card_at (cards, 0);
  g_assert_cmpstr (card->full_name, ==, CJK_S);
  g_assert_null (card->family_name);
  g_assert_cmpstr (card->given_name, ==, CJK_S);
  g_assert_cmpstr (card->organization, ==, CJK_S);
  g_assert_cmpstr (card->title, ==, CJK_S);
  tn_test_assert_gstrv (card->emails, "weird@weird.com", NULL);
  tn_test_assert_gstrv (card->phones, CJK_S, CJK_S, CJK_S, CJK_S, NULL);
}

/* §8 */
static void
test_real_shift_jis (void)
{
  g_autoptr(GPtrArray) v21 = parse_real ("android-vcard/v21_japanese_2.vcf", NULL);
  g_autoptr(GPtrArray) v30 = parse_real ("android-vcard/v30_japanese.vcf", NULL);
  TnVcardCard *card;

  if (v21 == NULL || v30 == NULL)
    return;
  g_assert_cmpuint (v21->len, ==, 1);
  card = tn_test_card_at (v21, 0);
  g_assert_cmpstr (card->full_name, ==, "安藤 ロイド 1");
  g_assert_cmpstr (card->family_name, ==, "安藤");
  g_assert_cmpstr (card->given_name, ==, "ロイド1");
  g_assert_cmpstr (card->note, ==, "メモ");
  tn_test_assert_gstrv (card->emails, NULL);
  tn_test_assert_gstrv (card->phones, NULL);
  g_assert_null (card->organization);
  g_assert_nonnull (strstr (card->vcard, "東京都渋谷区桜丘町26-1セルリアンタワー6階"));

  g_assert_cmpuint (v30->len, ==, 1);
  card = tn_test_card_at (v30, 0);
  g_assert_cmpstr (card->full_name, ==, "伊能 圭一 伊予");
  g_assert_cmpstr (card->family_name, ==, "伊能");
  g_assert_cmpstr (card->given_name, ==, "圭一");
}

/* §9 */
static void
test_real_ukrainian (void)
{
  g_autoptr(GPtrArray) cards = parse_real ("folkerkinzel-vcards/Utf-8/Ukrainian.vcf", NULL);
  g_autofree char *label = NULL;
  TnVcardCard *card;

  if (cards == NULL)
    return;
  g_assert_cmpuint (cards->len, ==, 1);
  card = tn_test_card_at (cards, 0);
  g_assert_cmpstr (card->full_name, ==, "Віталій Володи\xcc\x81мирович Кличко\xcc\x81");
  g_assert_cmpstr (card->family_name, ==, "Кличко\xcc\x81");
  g_assert_cmpstr (card->given_name, ==, "Віталій");
  tn_test_assert_gstrv (card->emails, NULL);
  tn_test_assert_gstrv (card->phones, NULL);
  g_assert_null (card->organization);
  label = tn_test_kept_value (card->vcard, "LABEL");
  g_assert_cmpstr (label, ==, "Київ");
}

/* §10 */
static void
test_real_utf16 (void)
{
  g_autoptr(GPtrArray) cards = parse_real ("folkerkinzel-vcards/MultiAnsiFilterTests/v3Utf16Bom.vcf", NULL);
  g_autofree char *photo = NULL;
  TnVcardCard *card;

  if (cards == NULL)
    return;
  g_assert_cmpuint (cards->len, ==, 2);
  card = tn_test_card_at (cards, 0);
  g_assert_cmpstr (card->full_name, ==, "Folker Kinzel");
  g_assert_cmpstr (card->family_name, ==, "Kinzel");
  g_assert_cmpstr (card->given_name, ==, "Folker");
  tn_test_assert_gstrv (card->emails, "email1@wumms.de", "email2@folker-kinzel.de", NULL);
  tn_test_assert_gstrv (card->phones, "0123-45678", NULL);
  g_assert_cmpstr (card->birthday, ==, "1978-03-11");
  photo = tn_test_kept_value (card->vcard, "PHOTO");
  g_assert_cmpstr (photo, ==, "https://lh3.googleusercontent.com/-qA19KAIW4ig/XPRQfJuWDoI/AAAAAAAAAAA/"
                              "n3yseZjiGHcH1S5pjm8TULwkceJJtHykQCOQCEAE/photo.jpg");

  card = tn_test_card_at (cards, 1);
  g_assert_cmpstr (card->full_name, ==, "KMS Außenstelle");
  g_assert_cmpstr (card->family_name, ==, "KMS");
  g_assert_cmpstr (card->given_name, ==, "WSF");
  tn_test_assert_gstrv (card->emails, "blablö@blub.com", NULL);
  tn_test_assert_gstrv (card->phones, "03443-303776", "03443-333440", NULL);
  g_assert_cmpstr (card->organization, ==, "KMS Außenstelle");
}

/* §11 */
static void
test_real_split_utf8 (void)
{
  g_autoptr(GPtrArray) cards = parse_real ("kcontacts/vcard9.vcf", NULL);
  g_autoptr(GString) full_name = g_string_new (NULL);
  TnVcardCard *card;

  if (cards == NULL)
    return;
  for (guint i = 0; i < 11; i++)
    g_string_append (full_name, "βγδεαβγδ1");

  g_assert_cmpuint (cards->len, ==, 1);
  card = tn_test_card_at (cards, 0);
  g_assert_cmpstr (card->full_name, ==, full_name->str);
  g_assert_cmpuint (g_utf8_strlen (card->full_name, -1), ==, 99);
  g_assert_cmpstr (card->family_name, ==, "123ㄓㄕㄖbcdeαβγδαβγδαβγδαβγδαβγδαβγδαβㄤㄓㄕㄖ");
  g_assert_null (card->given_name);
  g_assert_cmpstr (card->note, ==, "Длинный комментарий на русском языке, чтобы в результате "
                                   "получилась строка более 70 символов.");
  g_assert_cmpstr (card->uid, ==, "20140316T155019.877e370c11@martin");
  tn_test_assert_gstrv (card->emails, NULL);
  tn_test_assert_gstrv (card->phones, NULL);
  g_assert_null (card->organization);
}

/* §12 */
static void
test_real_latin1 (void)
{
  g_autoptr(GPtrArray) cards = parse_real ("ical4j-vcard/vcard-vCards-SAP.vcf", NULL);
  TnVcardCard *card;

  if (cards == NULL)
    return;
  g_assert_cmpuint (cards->len, ==, 30);

  card = tn_test_card_at (cards, 0);
  g_assert_cmpstr (card->full_name, ==, "Gwendolina Brown");
  tn_test_assert_gstrv (card->emails, "Gwendolina.Brown@sap.com", NULL);
  tn_test_assert_gstrv (card->phones, NULL);

  card = tn_test_card_at (cards, 1);
  g_assert_cmpstr (card->full_name, ==, "Peter Smalholtz");
  g_assert_cmpstr (card->organization, ==, "SAP");
  tn_test_assert_gstrv (card->emails, "Peter.Smalholtz@sap.com", NULL);
  tn_test_assert_gstrv (card->phones, "§", NULL);

  card = tn_test_card_at (cards, 4);
  g_assert_cmpstr (card->full_name, ==, "Karlsruhe Travel");
  g_assert_cmpstr (card->family_name, ==, "Töcken");
  g_assert_cmpstr (card->given_name, ==, "Frida");
  g_assert_cmpstr (card->organization, ==, "Karlsruhe Travel");
  tn_test_assert_gstrv (card->emails, "Frida.Tocken@karlsruhetravel.com", NULL);

  g_assert_cmpstr (tn_test_card_at (cards, 9)->full_name, ==, "Ingrid Spaßlund");
  card = tn_test_card_at (cards, 14);
  g_assert_cmpstr (card->full_name, ==, "Günther Blümchen");
  g_assert_cmpstr (card->organization, ==, "Oracle");
  tn_test_assert_gstrv (card->phones, "+1.650.506.7000", NULL);
  g_assert_cmpstr (tn_test_card_at (cards, 19)->full_name, ==, "Berit Müller");
  card = tn_test_card_at (cards, 29);
  g_assert_cmpstr (card->full_name, ==, "Diana Smith");
  tn_test_assert_gstrv (card->emails, "Diana.Smith@sap.com", NULL);
}

/* §13 */
static void
test_real_three_versions (void)
{
  g_autoptr(GPtrArray) cards = parse_real ("node-vcf/multiple.vcf", NULL);

  if (cards == NULL)
    return;
  g_assert_cmpuint (cards->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      TnVcardCard *card = tn_test_card_at (cards, i);

      g_assert_cmpstr (card->full_name, ==, "Dr. Erika Mustermann");
      g_assert_cmpstr (card->family_name, ==, "Mustermann");
      g_assert_cmpstr (card->given_name, ==, "Erika");
      g_assert_cmpstr (card->organization, ==, "Wikimedia");
      g_assert_cmpstr (card->title, ==, "Redaktion & Gestaltung");
      tn_test_assert_gstrv (card->emails, "erika@mustermann.de", NULL);
    }
  /* EXPECTED lists the 4.0 values as URIs; a phone number is kept without its "tel:". */
  tn_test_assert_gstrv (tn_test_card_at (cards, 0)->phones, "+49-221-9999123", "+49-221-1234567", NULL);
  tn_test_assert_gstrv (tn_test_card_at (cards, 1)->phones, "(0221) 9999123", "(0221) 1234567", NULL);
  tn_test_assert_gstrv (tn_test_card_at (cards, 2)->phones, "+49 221 9999123", "+49 221 1234567", NULL);
}

/* The edge files table. */
static void
test_real_edge_files (void)
{
  g_autofree char *dir = tn_test_real_dir ();
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  TnVcardCard *card;

  if (dir == NULL)
    {
      g_test_skip ("TRUSTNET_TEST_DATA is not set");
      return;
    }

  /* Only a byte-order mark: no contacts. Refused as empty (see issue 3), not as broken. */
  path = g_build_filename (dir, "folkerkinzel-vcards", "Empty.vcf", NULL);
  file = g_file_new_for_path (path);
  g_assert_false (tn_vcard_parse_file (file, &cards, &problems, NULL, &error));
  g_assert_error (error, TN_VCARD_ERROR, TN_VCARD_ERROR_EMPTY);
  g_assert_null (cards);
  g_clear_error (&error);
  g_clear_object (&file);
  g_clear_pointer (&path, g_free);

  /* No BEGIN:VCARD at all. */
  path = g_build_filename (dir, "evolution-data-server", "7.vcf", NULL);
  file = g_file_new_for_path (path);
  g_assert_false (tn_vcard_parse_file (file, &cards, &problems, NULL, &error));
  g_assert_error (error, TN_VCARD_ERROR, TN_VCARD_ERROR_NOT_VCARD);
  g_clear_error (&error);

  /* No END:VCARD: read leniently, and said so. */
  cards = parse_real ("khard/unparsable.vcf", &problems);
  g_assert_cmpuint (cards->len, ==, 1);
  g_assert_cmpstr (tn_test_card_at (cards, 0)->full_name, ==, "second contact with minimal Vcard");
  g_assert_true (tn_test_has_problem_at (problems, 1, "END:VCARD"));
  g_clear_pointer (&cards, g_ptr_array_unref);
  g_clear_pointer (&problems, g_ptr_array_unref);

  cards = parse_real ("radicale/broken-vcards.vcf", NULL);
  g_assert_cmpuint (cards->len, ==, 2);
  g_assert_cmpstr (tn_test_card_at (cards, 0)->full_name, ==, "test-misses-N-or-FN@example.com");
  g_assert_cmpstr (tn_test_card_at (cards, 1)->full_name, ==, "test-misses-N-or-FN@example1.com");
  g_clear_pointer (&cards, g_ptr_array_unref);

  cards = parse_real ("evolution-data-server/9.vcf", &problems);
  g_assert_cmpuint (cards->len, ==, 1);
  card = tn_test_card_at (cards, 0);
  g_assert_cmpstr (card->full_name, ==, "Frank Dawson");
  g_assert_cmpstr (card->organization, ==, "Lotus Development Corporation");
  tn_test_assert_gstrv (card->phones, "+1-919-676-9515", "+1-919-676-9564", NULL);
  g_assert_true (tn_test_has_problem_at (problems, 9, "“E”"));
  g_clear_pointer (&cards, g_ptr_array_unref);
  g_clear_pointer (&problems, g_ptr_array_unref);

  cards = parse_real ("android-vcard/v21_nest.vcf", NULL);
  g_assert_cmpuint (cards->len, ==, 3);
  g_assert_cmpstr (tn_test_card_at (cards, 0)->full_name, ==, "nest1");
  g_assert_cmpstr (tn_test_card_at (cards, 1)->full_name, ==, "nest2");
  g_assert_cmpstr (tn_test_card_at (cards, 2)->full_name, ==, "parent");
  tn_test_assert_gstrv (tn_test_card_at (cards, 2)->phones, "1", NULL);
  g_clear_pointer (&cards, g_ptr_array_unref);

  cards = parse_real ("android-vcard/v21_malformed_photo.vcf", &problems);
  g_assert_cmpuint (cards->len, ==, 1);
  card = tn_test_card_at (cards, 0);
  g_assert_cmpstr (card->family_name, ==, "name");
  g_assert_cmpstr (card->full_name, ==, "fullname");
  g_assert_null (strstr (card->vcard, "PHOTO"));
  g_assert_true (tn_test_has_problem_at (problems, 5, "PHOTO"));
  g_clear_pointer (&cards, g_ptr_array_unref);
  g_clear_pointer (&problems, g_ptr_array_unref);

  cards = parse_real ("android-vcard/v21_invalid_comment_line.vcf", NULL);
  g_assert_cmpuint (cards->len, ==, 1);
  g_assert_cmpstr (tn_test_card_at (cards, 0)->full_name, ==, "Conference Call");
  g_assert_cmpstr (tn_test_card_at (cards, 0)->note, ==,
                   "This is an (sharp ->#<- sharp) example. This message must NOT be ignored.");
  g_clear_pointer (&cards, g_ptr_array_unref);

  for (guint i = 0; i < 2; i++)
    {
      cards = parse_real (i == 0 ? "l0b0-vcard/line_ending_mac.vcf" : "l0b0-vcard/line_ending_mixed.vcf", NULL);
      g_assert_cmpuint (cards->len, ==, 1);
      g_assert_cmpstr (tn_test_card_at (cards, 0)->full_name, ==, "John Doe");
      g_assert_cmpstr (tn_test_card_at (cards, 0)->family_name, ==, "Doe");
      g_assert_cmpstr (tn_test_card_at (cards, 0)->given_name, ==, "John");
      g_clear_pointer (&cards, g_ptr_array_unref);
    }

  cards = parse_real ("ical4j-vcard/vcard-dirk-whitespaceafterbegin.vcf", NULL);
  g_assert_cmpuint (cards->len, ==, 1);
  g_assert_cmpstr (tn_test_card_at (cards, 0)->full_name, ==, "Dirk");
  tn_test_assert_gstrv (tn_test_card_at (cards, 0)->emails, "dirk@sap.com", NULL);
  g_clear_pointer (&cards, g_ptr_array_unref);

  cards = parse_real ("thunderbird/dos_vcard_addressbook.vcf", &problems);
  g_assert_cmpuint (cards->len, ==, 1);
  g_assert_cmpuint (problems->len, ==, 0);
  card = tn_test_card_at (cards, 0);
  g_assert_cmpstr (card->full_name, ==, "Name Surname");
  g_assert_cmpstr (card->family_name, ==, "Surname");
  g_assert_cmpstr (card->given_name, ==, "Name");
  tn_test_assert_gstrv (card->emails, "example@gmail.com", NULL);
  g_assert_null (strstr (card->vcard, "\r\n\r\n"));
  g_assert_null (strstr (card->vcard, ":\r\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vcard/real/every-file", test_real_every_file);
  g_test_add_func ("/vcard/real/outlook", test_real_outlook);
  g_test_add_func ("/vcard/real/android", test_real_android);
  g_test_add_func ("/vcard/real/iphone", test_real_iphone);
  g_test_add_func ("/vcard/real/gmail", test_real_gmail);
  g_test_add_func ("/vcard/real/evolution", test_real_evolution);
  g_test_add_func ("/vcard/real/thunderbird", test_real_thunderbird);
  g_test_add_func ("/vcard/real/eds-chinese", test_real_eds_chinese);
  g_test_add_func ("/vcard/real/shift-jis", test_real_shift_jis);
  g_test_add_func ("/vcard/real/ukrainian", test_real_ukrainian);
  g_test_add_func ("/vcard/real/utf16", test_real_utf16);
  g_test_add_func ("/vcard/real/split-utf8", test_real_split_utf8);
  g_test_add_func ("/vcard/real/latin1", test_real_latin1);
  g_test_add_func ("/vcard/real/three-versions", test_real_three_versions);
  g_test_add_func ("/vcard/real/edge-files", test_real_edge_files);

  return g_test_run ();
}
