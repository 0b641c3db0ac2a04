/* test-vcard.c — reading .vcf files: every quirk of real exporters on small inline cards
 * (the corpus of real files: test-vcard-real.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTest makes warnings fatal, so any file that makes EVCard warn fails here too.
 */
#define G_LOG_DOMAIN "test-vcard"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "tn-test-import.h"
#include "tn-test-util.h"
#include "tn-vcard.h"

/* Ñ. */
#define N_TILDE "\xc3\x91"

/* ---- Helpers ------------------------------------------------------------------------ */

/* Parses @text, which must hold exactly one card, with no problems. */
static TnVcardCard *
parse_one (const char *text)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) cards = tn_test_parse_vcard_text (text, &problems);

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (cards->len, ==, 1);
  g_ptr_array_set_free_func (cards, NULL);
  return g_ptr_array_index (cards, 0);
}

static GError *
parse_error (const char *data,
             gsize       len)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);
  g_autoptr(GPtrArray) problems = NULL;
  GError *error = NULL;
  GPtrArray *cards;

  cards = tn_vcard_parse (bytes, "photo.vcf", &problems, &error);
  g_assert_null (cards);
  g_assert_null (problems);
  g_assert_nonnull (error);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  return error;
}

/* ---- Versions, lines, encodings ----------------------------------------------------- */

static void
test_versions (void)
{
  g_autoptr(GPtrArray) cards = NULL;

  cards = tn_test_parse_vcard_text ("BEGIN:VCARD\r\nVERSION:2.1\r\nN:Lovelace;Ada\r\nTEL;WORK;VOICE:+44 1\r\nEND:VCARD\r\n"
                      "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\nEMAIL;TYPE=INTERNET:grace@navy.mil\r\nEND:VCARD\r\n"
                      "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Alan Turing\r\nTEL;VALUE=uri;TYPE=cell:tel:+44-20-7946-0000\r\nEND:VCARD\r\n",
                      NULL);

  g_assert_cmpuint (cards->len, ==, 3);
  g_assert_cmpstr (tn_test_card_at (cards, 0)->full_name, ==, "Ada Lovelace");
  g_assert_cmpuint (tn_test_card_at (cards, 0)->line, ==, 1);
  tn_test_assert_gstrv (tn_test_card_at (cards, 0)->phones, "+44 1", NULL);
  g_assert_cmpstr (tn_test_card_at (cards, 1)->full_name, ==, "Grace Hopper");
  g_assert_cmpuint (tn_test_card_at (cards, 1)->line, ==, 6);
  tn_test_assert_gstrv (tn_test_card_at (cards, 1)->emails, "grace@navy.mil", NULL);
  g_assert_cmpstr (tn_test_card_at (cards, 2)->full_name, ==, "Alan Turing");
  tn_test_assert_gstrv (tn_test_card_at (cards, 2)->phones, "+44-20-7946-0000", NULL);

  for (guint i = 0; i < cards->len; i++)
    tn_test_assert_card_round_trips (tn_test_card_at (cards, i));
}

static void
test_line_endings (void)
{
  const char *files[] = {
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nNOTE:one\r\nEND:VCARD\r\n",
    "BEGIN:VCARD\nVERSION:3.0\nFN:Ada Lovelace\nNOTE:one\nEND:VCARD\n",
    "BEGIN:VCARD\rVERSION:3.0\rFN:Ada Lovelace\rNOTE:one\rEND:VCARD\r",
    "BEGIN:VCARD\r\r\nVERSION:3.0\r\r\nFN:Ada Lovelace\r\r\nNOTE:one\r\r\nEND:VCARD\r\r\n",
    "BEGIN:VCARD\r\nVERSION:3.0\nFN:Ada Lovelace\rNOTE:one\r\nEND:VCARD",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(TnVcardCard) card = parse_one (files[i]);

      g_assert_cmpstr (card->full_name, ==, "Ada Lovelace");
      g_assert_cmpstr (card->note, ==, "one");
      g_assert_null (strstr (card->vcard, "\r\r"));
      tn_test_assert_card_round_trips (card);
    }
}

static void
test_bare_cr_in_value (void)
{
  /* Thunderbird writes a lone CR inside a value; it is no line break. */
  g_autoptr(TnVcardCard) card = parse_one ("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ada\r\n"
                                           "X-CUSTOM3;VALUE=TEXT:custom\r3\r\n"
                                           "NOTE:after\r\nEND:VCARD\r\n");
  g_autofree char *custom = tn_test_kept_value (card->vcard, "X-CUSTOM3");

  g_assert_cmpstr (custom, ==, "custom\\n3");
  g_assert_cmpstr (card->note, ==, "after");
}

static void
test_folding (void)
{
  /* A fold removes exactly one blank; a second one is text. The fold in the middle of "é"
   * splits its two bytes: unfolding happens on bytes, before UTF-8 is checked. */
  g_autoptr(TnVcardCard) card = parse_one ("BEGIN:VCARD\r\nVERSION:3.0\r\n"
                                           "FN:Zo\xc3\r\n \xa9 Dura\r\n nd\r\n"
                                           "NOTE:United\r\n  States\r\n"
                                           "EMAIL;TYPE=\r\n\tWORK:zoe.\r\n durand@example.org\r\n"
                                           "END:VCARD\r\n");

  g_assert_cmpstr (card->full_name, ==, "Zoé Durand");
  g_assert_cmpstr (card->note, ==, "United States");
  tn_test_assert_gstrv (card->emails, "zoe.durand@example.org", NULL);
  tn_test_assert_card_round_trips (card);
}

static void
test_long_lines_folded (void)
{
  g_autofree char *note = g_strnfill (300, 'x');
  g_autofree char *text = g_strdup_printf ("BEGIN:VCARD\nVERSION:3.0\nFN:Ada\nNOTE:%s€\nEND:VCARD\n", note);
  g_autoptr(TnVcardCard) card = parse_one (text);
  g_auto(GStrv) lines = g_strsplit (card->vcard, "\r\n", -1);
  g_autofree char *expected = g_strconcat (note, "€", NULL);

  g_assert_cmpstr (card->note, ==, expected);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
    }
}

static void
test_lowercase (void)
{
  g_autoptr(TnVcardCard) card = parse_one ("begin:vcard\nversion:2.1\nfn:Ada Lovelace\n"
                                           "email;internet:ada@example.org\nend:vcard\n");

  g_assert_cmpstr (card->full_name, ==, "Ada Lovelace");
  tn_test_assert_gstrv (card->emails, "ada@example.org", NULL);
}

static void
test_utf8_bom (void)
{
  g_autoptr(TnVcardCard) card = parse_one ("\xef\xbb\xbf" "BEGIN:VCARD\nVERSION:3.0\nFN:Ada\nEND:VCARD\n");

  g_assert_cmpstr (card->full_name, ==, "Ada");
}

static void
test_utf16 (void)
{
  const char *text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoé Straße\r\nEND:VCARD\r\n";
  const char *encodings[] = { "UTF-16LE", "UTF-16BE" };
  const char *boms[] = { "\xff\xfe", "\xfe\xff" };

  for (gsize i = 0; i < G_N_ELEMENTS (encodings); i++)
    {
      g_autofree char *converted = NULL;
      g_autofree char *with_bom = NULL;
      g_autoptr(GPtrArray) cards = NULL;
      gsize len = 0;

      converted = g_convert (text, -1, encodings[i], "UTF-8", NULL, &len, NULL);
      g_assert_nonnull (converted);
      with_bom = g_malloc (len + 2);
      memcpy (with_bom, boms[i], 2);
      memcpy (with_bom + 2, converted, len);

      cards = tn_test_parse_vcard_bytes (with_bom, len + 2, NULL);
      g_assert_cmpuint (cards->len, ==, 1);
      g_assert_cmpstr (tn_test_card_at (cards, 0)->full_name, ==, "Zoé Straße");
      g_clear_pointer (&cards, g_ptr_array_unref);

      /* Without a byte-order mark, "BEGIN" between NUL bytes gives it away. */
      cards = tn_test_parse_vcard_bytes (converted, len, NULL);
      g_assert_cmpuint (cards->len, ==, 1);
      g_assert_cmpstr (tn_test_card_at (cards, 0)->full_name, ==, "Zoé Straße");
    }
}

static void
test_quoted_printable (void)
{
  g_autoptr(TnVcardCard) card = NULL;

  /* Bare QUOTED-PRINTABLE, a soft break inside the three bytes of "座", "=0D=0A" as a line
   * break, a value that starts with a soft break. */
  card = parse_one ("BEGIN:VCARD\r\nVERSION:2.1\r\n"
                    "FN;CHARSET=UTF-8;QUOTED-PRINTABLE:=E5=8D=81=E5=\r\n=BA=A7\r\n"
                    "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=\r\nBr=C3=BCning;=\r\nMichael\r\n"
                    "NOTE;ENCODING=QUOTED-PRINTABLE:line one=0D=0Aline two=3B still =\r\n two\r\n"
                    "TITLE;ENCODING=QUOTED-PRINTABLE:fold=\r\n ab=\r\ncd\r\n"
                    "END:VCARD\r\n");
  g_assert_cmpstr (card->full_name, ==, "十座");
  g_assert_cmpstr (card->family_name, ==, "Brüning");
  g_assert_cmpstr (card->given_name, ==, "Michael");
  g_assert_cmpstr (card->note, ==, "line one\nline two; still two");
  /* A soft break that is folded as well ("=" CRLF SPACE, as EVCard writes): "ab" is text. */
  g_assert_cmpstr (card->title, ==, "foldabcd");
  tn_test_assert_card_round_trips (card);
  g_clear_pointer (&card, tn_vcard_card_free);

  /* Android: "=" then an empty line ends the value; the next property is not part of it. */
  card = parse_one ("BEGIN:VCARD\r\nVERSION:2.1\r\n"
                    "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=91=C3=91=\r\n\r\n"
                    "TEL;CELL:123\r\nEND:VCARD\r\n");
  g_assert_cmpstr (card->full_name, ==, N_TILDE N_TILDE);
  tn_test_assert_gstrv (card->phones, "123", NULL);
  g_clear_pointer (&card, tn_vcard_card_free);

  /* A '#' line after a soft break is text, not a comment. */
  card = parse_one ("BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Call\r\n"
                    "NOTE;ENCODING=QUOTED-PRINTABLE:This is (sharp ->=\r\n#<- sharp).\r\nEND:VCARD\r\n");
  g_assert_cmpstr (card->note, ==, "This is (sharp ->#<- sharp).");
  g_clear_pointer (&card, tn_vcard_card_free);

  /* QUOTED-PRINTABLE in a list or with a quote inside, which EVCard decodes too, into bytes that are not UTF-8
   * when the value is cut inside a character (found by fuzzing); decoded here, such a
   * value is read as Windows-1252 like any other text that is not UTF-8. */
  card = parse_one ("BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Cut\r\n"
                    "TITLE;,QUOTED-PRINTABLE:=E5=8D=81=E7=90=REF\r\n"
                    "NOTE;WORK,QUOTED-PRINTABLE:a=3Db\r\n"
                    "N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTAB\"LE:M=FCller=C3=\r\n"
                    "END:VCARD\r\n");
  g_assert_true (g_utf8_validate (card->vcard, -1, NULL));
  g_assert_true (g_str_has_suffix (card->title, "=REF"));
  g_assert_cmpstr (card->note, ==, "a=b");
  g_assert_cmpstr (card->family_name, ==, "MüllerÃ");
}

/* A parameter value with "=" in it, which EVCard reads as another parameter named by what
 * comes before the "=" and then cannot read back from its own output (found by fuzzing):
 * the parameter goes, the line and the lines after it stay. (A bare CR in a parameter
 * value, which EVCard reads as the end of the line, is tests/fuzz/reproducers/
 * roundtrip-parameter-with-cr.vcf.) */
static void
test_parameter_with_equals (void)
{
  g_autoptr(TnVcardCard) card = NULL;

  card = parse_one ("BEGIN:VCARD\r\nVERSION:2.1\r\nN;X=a=Q\xc2\xbbx=MF:M\xc3\xbcller;Ann\r\n"
                    "TEL;TYPE=HOME:+44-555-555-7777\r\nTEL;CELL:+15550109999\r\nEND:VCARD\r\n");
  g_assert_cmpstr (card->family_name, ==, "M\xc3\xbcller");
  tn_test_assert_gstrv (card->phones, "+44-555-555-7777", "+15550109999", NULL);
  g_assert_null (strstr (card->vcard, "=MF"));
  tn_test_assert_card_round_trips (card);
}

/* CHARSET=UTF-8 with a blank after it: iconv takes "UTF-8 " for UTF-8 but lets through
 * bytes that are no UTF-8 at all (found by fuzzing); such a value is read as Windows-1252. */
static void
test_charset_utf8_with_blank (void)
{
  g_autoptr(TnVcardCard) card = NULL;

  card = parse_one ("BEGIN:VCARD\r\nVERSION:3.0\r\nLABEL;CHARSET=UTF-8 :x\r\n"
                    "FN:Om\r\xf6\x89\x9a\x84x\r\nEND:VCARD\r\n");
  g_assert_true (g_utf8_validate (card->vcard, -1, NULL));
  g_assert_true (g_utf8_validate (card->full_name, -1, NULL));
  g_assert_true (g_str_has_prefix (card->full_name, "Om\n\xc3\xb6"));
}

static void
test_charsets (void)
{
  g_autoptr(TnVcardCard) card = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  /* Windows-1251 ("Київ") in QUOTED-PRINTABLE, ISO-8859-1 raw, Shift_JIS raw ("安藤"). */
  card = parse_one ("BEGIN:VCARD\r\nVERSION:2.1\r\n"
                    "FN;CHARSET=Windows-1251;QUOTED-PRINTABLE:=CA=E8=BF=E2\r\n"
                    "ORG;CHARSET=ISO-8859-1:M\xfcller & S\xf6hne\r\n"
                    "N;CHARSET=SHIFT_JIS:\x88\xc0\x93\xa1;\x83\x8d\x83\x43\x83\x68\r\n"
                    "END:VCARD\r\n");
  g_assert_cmpstr (card->full_name, ==, "Київ");
  g_assert_cmpstr (card->organization, ==, "Müller & Söhne");
  g_assert_cmpstr (card->family_name, ==, "安藤");
  g_assert_cmpstr (card->given_name, ==, "ロイド");
  tn_test_assert_card_round_trips (card);
  g_clear_pointer (&card, tn_vcard_card_free);

  /* Not UTF-8 and no charset named: Windows-1252, as Outlook writes (0x80 is "€"). */
  card = parse_one ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ren\xe9 M\xfcller\r\nNOTE:5 \x80\r\nEND:VCARD\r\n");
  g_assert_cmpstr (card->full_name, ==, "René Müller");
  g_assert_cmpstr (card->note, ==, "5 €");
  g_assert_null (strstr (card->vcard, "\xef\xbf\xbd"));
  g_clear_pointer (&card, tn_vcard_card_free);

  /* A charset named on another line of the card is the better guess (Greek Windows-1253). */
  card = parse_one ("BEGIN:VCARD\r\nVERSION:2.1\r\nFN:\xc2\xe1\xe3\xe3\xdd\xeb\xe7\xf2\r\n"
                    "LABEL;CHARSET=Windows-1253;QUOTED-PRINTABLE:A=E8=DE=EDa\r\nEND:VCARD\r\n");
  g_assert_cmpstr (card->full_name, ==, "Βαγγέλης");
  g_clear_pointer (&card, tn_vcard_card_free);

  /* An unknown charset: the text is guessed, and the guess is reported. */
  cards = tn_test_parse_vcard_text ("BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=Murks:S\xf6ren\r\nEND:VCARD\r\n", &problems);
  g_assert_cmpuint (cards->len, ==, 1);
  g_assert_cmpstr (tn_test_card_at (cards, 0)->full_name, ==, "Sören");
  g_assert_true (tn_test_has_problem_at (problems, 3, "Murks"));
}

static void
test_shift_jis_backslash (void)
{
  /* 能 is 0x94 0x5C in Shift_JIS: its second byte is a backslash, right before the ";". */
  g_autoptr(TnVcardCard) card = parse_one ("BEGIN:VCARD\nVERSION:3.0\n"
                                           "FN;CHARSET=SHIFT_JIS:\x88\xc9\x94\x5c \x8c\x5c\x88\xea\n"
                                           "N;CHARSET=SHIFT_JIS:\x88\xc9\x94\x5c;\x8c\x5c\x88\xea;;;\n"
                                           "END:VCARD\n");

  g_assert_cmpstr (card->full_name, ==, "伊能 圭一");
  g_assert_cmpstr (card->family_name, ==, "伊能");
  g_assert_cmpstr (card->given_name, ==, "圭一");
}

static void
test_escapes (void)
{
  g_autoptr(TnVcardCard) card = NULL;

  /* 3.0: the standard escapes, and "\:" "\"" that EVCard would warn about and keep. */
  card = parse_one ("BEGIN:VCARD\nVERSION:3.0\nFN:Doe\\, John\n"
                    "NOTE:a\\;b\\nc \\\"d\\\" http\\://x \\\\ end\\\n"
                    "ORG:Soylent\\; Foods;Sales\nEND:VCARD\n");
  g_assert_cmpstr (card->full_name, ==, "Doe, John");
  g_assert_cmpstr (card->note, ==, "a;b\nc \"d\" http://x \\ end\\");
  g_assert_cmpstr (card->organization, ==, "Soylent; Foods");
  tn_test_assert_card_round_trips (card);
  g_clear_pointer (&card, tn_vcard_card_free);

  /* 2.1: a backslash is text unless it escapes ";", and a bare ";" in a text property is
   * text too. */
  card = parse_one ("BEGIN:VCARD\r\nVERSION:2.1\r\nFN:C:\\Users\\ada\r\n"
                    "NOTE:one; two\r\nN:O\\;Brien;Pat\r\nEND:VCARD\r\n");
  g_assert_cmpstr (card->full_name, ==, "C:\\Users\\ada");
  g_assert_cmpstr (card->note, ==, "one; two");
  g_assert_cmpstr (card->family_name, ==, "O;Brien");
  g_assert_cmpstr (card->given_name, ==, "Pat");
  tn_test_assert_card_round_trips (card);
}

/* ---- Properties --------------------------------------------------------------------- */

static void
test_birthdays (void)
{
  static const struct
  {
    const char *line;
    const char *expected;
  } cases[] = {
    { "BDAY:1980-03-22", "1980-03-22" },
    { "BDAY:19800322", "1980-03-22" },
    { "BDAY:1980-03-22T00:00:00Z", "1980-03-22" },
    { "BDAY;VALUE=date:--0412", "--04-12" },
    { "BDAY:--04-12", "--04-12" },
    { "BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-12", "--04-12" },
    { "BDAY:--0229", "--02-29" },
    { "BDAY:1981-02-29", NULL },
    { "BDAY;VALUE=text:circa 1800", NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("BEGIN:VCARD\nVERSION:3.0\nFN:Ada\n%s\nEND:VCARD\n",
                                               cases[i].line);
      g_autoptr(TnVcardCard) card = parse_one (text);

      g_assert_cmpstr (card->birthday, ==, cases[i].expected);
    }
}

static void
test_groups (void)
{
  g_autoptr(TnVcardCard) card = parse_one ("BEGIN:VCARD\nVERSION:3.0\nFN:Ada\n"
                                           "item1.EMAIL;type=INTERNET;type=pref:ada@example.org\n"
                                           "item1.X-ABLabel:_$!<Work>!$_\n"
                                           "item2.TEL:+1 555 0100\nitem2.X-ABLabel:Assistant\n"
                                           "END:VCARD\n");

  tn_test_assert_gstrv (card->emails, "ada@example.org", NULL);
  tn_test_assert_gstrv (card->phones, "+1 555 0100", NULL);
  g_assert_nonnull (strstr (card->vcard, "item1.EMAIL;"));
  g_assert_nonnull (strstr (card->vcard, "item1.X-ABLabel:_$!<Work>!$_\r\n"));
  g_assert_nonnull (strstr (card->vcard, "item2.X-ABLabel:Assistant\r\n"));
}

static void
test_emails_and_phones (void)
{
  g_autoptr(TnVcardCard) card = parse_one ("BEGIN:VCARD\nVERSION:4.0\nFN:Ada\n"
                                           "EMAIL:  first@example.org \nEMAIL:\nEMAIL;PREF=1:second@example.org\n"
                                           "TEL;VALUE=uri;TYPE=\"voice,work\":tel:+1-555-0100\n"
                                           "TEL:TEL:+1-555-0101\nTEL: (0221) 12 \nEND:VCARD\n");

  tn_test_assert_gstrv (card->emails, "first@example.org", "second@example.org", NULL);
  tn_test_assert_gstrv (card->phones, "+1-555-0100", "+1-555-0101", "(0221) 12", NULL);
}

static void
test_photos (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autofree char *photo = NULL;
  TnVcardCard *card;

  /* Inline base64, folded and indented as Apple writes it, is kept (without the blanks). */
  cards = tn_test_parse_vcard_text ("BEGIN:VCARD\nVERSION:3.0\nFN:Inline\nPHOTO;BASE64:\n  iVBORw0KGgo=\nEND:VCARD\n"
                      "BEGIN:VCARD\nVERSION:3.0\nFN:Link\nPHOTO;VALUE=uri:https://example.org/a.jpg\nEND:VCARD\n"
                      "BEGIN:VCARD\nVERSION:2.1\nFN:Broken\nPHOTO;ENCODING=BASE64;TYPE=JPEG:qgEP:ASDF==\n\nEND:VCARD\n",
                      &problems);
  g_assert_cmpuint (cards->len, ==, 3);

  card = tn_test_card_at (cards, 0);
  photo = tn_test_kept_value (card->vcard, "PHOTO");
  g_assert_cmpstr (photo, ==, "iVBORw0KGgo=");
  g_assert_cmpuint (tn_test_kept_photo_size (card->vcard), ==, 8);
  g_clear_pointer (&photo, g_free);

  card = tn_test_card_at (cards, 1);
  photo = tn_test_kept_value (card->vcard, "PHOTO");
  g_assert_cmpstr (photo, ==, "https://example.org/a.jpg");
  g_clear_pointer (&photo, g_free);

  /* Invalid base64: the photo goes, the card stays, the problem names the line. */
  card = tn_test_card_at (cards, 2);
  g_assert_cmpstr (card->full_name, ==, "Broken");
  g_assert_null (tn_test_kept_value (card->vcard, "PHOTO"));
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (tn_test_has_problem_at (problems, 15, "PHOTO"));
  g_assert_false (((TnVcardProblem *) g_ptr_array_index (problems, 0))->card_skipped);
}

static void
test_photo_too_large (void)
{
  gsize encoded = (TN_VCARD_MAX_BINARY_SIZE / 3 + 10) * 4;
  g_autoptr(GString) text = g_string_new ("BEGIN:VCARD\nVERSION:3.0\nFN:Big\nPHOTO;ENCODING=b:");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) cards = NULL;

  for (gsize i = 0; i < encoded; i++)
    g_string_append_c (text, 'A');
  g_string_append (text, "\nEMAIL:big@example.org\nEND:VCARD\n");

  cards = tn_test_parse_vcard_bytes (text->str, text->len, &problems);
  g_assert_cmpuint (cards->len, ==, 1);
  tn_test_assert_gstrv (tn_test_card_at (cards, 0)->emails, "big@example.org", NULL);
  g_assert_null (strstr (tn_test_card_at (cards, 0)->vcard, "PHOTO"));
  g_assert_true (tn_test_has_problem_at (problems, 4, "PHOTO"));
}

static void
test_card_too_large (void)
{
  g_autoptr(GString) text = g_string_new ("BEGIN:VCARD\nVERSION:3.0\nFN:Huge\nNOTE:");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) cards = NULL;

  for (gsize i = 0; i < TN_VCARD_MAX_CARD_SIZE + 10; i++)
    g_string_append_c (text, i % 60 == 59 ? ' ' : 'x');
  g_string_append (text, "\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:Next\nEND:VCARD\n");

  cards = tn_test_parse_vcard_bytes (text->str, text->len, &problems);
  tn_test_assert_one_card_and_skip (cards, "Next", problems, 1, "larger than");
}

static void
test_name_fallbacks (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  TnVcardProblem *problem;

  cards = tn_test_parse_vcard_text ("BEGIN:VCARD\nVERSION:3.0\nN:Lovelace;Ada;;;\nEND:VCARD\n"
                      "BEGIN:VCARD\nVERSION:3.0\nN:Lovelace;;;;\nEND:VCARD\n"
                      "BEGIN:VCARD\nVERSION:3.0\nFN:  \nORG:Analytical Engines;R&D\nEND:VCARD\n"
                      "BEGIN:VCARD\nVERSION:3.0\nEMAIL:ada@example.org\nEMAIL:b@example.org\nEND:VCARD\n"
                      "BEGIN:VCARD\nVERSION:3.0\nTEL:+1 555 0100\nNOTE:nobody\nEND:VCARD\n"
                      "BEGIN:VCARD\nVERSION:3.0\nFN:Last\nEND:VCARD\n",
                      &problems);

  g_assert_cmpuint (cards->len, ==, 5);
  g_assert_cmpstr (tn_test_card_at (cards, 0)->full_name, ==, "Ada Lovelace");
  g_assert_cmpstr (tn_test_card_at (cards, 1)->full_name, ==, "Lovelace");
  g_assert_cmpstr (tn_test_card_at (cards, 2)->full_name, ==, "Analytical Engines");
  g_assert_cmpstr (tn_test_card_at (cards, 3)->full_name, ==, "ada@example.org");
  g_assert_cmpstr (tn_test_card_at (cards, 4)->full_name, ==, "Last");

  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpuint (problem->line, ==, 19);
  g_assert_true (problem->card_skipped);
}

/* ---- Broken files ------------------------------------------------------------------- */

static void
test_broken_cards (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) cards = NULL;

  cards = tn_test_parse_vcard_text ("stray text before\n"                               /* 1 */
                      "BEGIN:VCARD\nVERSION:3.0\nFN:No End\n"              /* 2-4 */
                      "BEGIN:VCARD\nVERSION:3.0\nFN:Garbage Inside\n"      /* 5-7 */
                      "# a comment\n"                                      /* 8 */
                      "this is not a property\n"                           /* 9 */
                      "X-messaging/xmpp-All:ada@jabber.org\n"              /* 10 */
                      "NOTE\n"                                             /* 11 */
                      "EMAIL:g@example.org\nEND:VCARD\n"                   /* 12-13 */
                      "END:VCARD\n"                                        /* 14 */
                      "BEGIN:VCARD\nVERSION:3.0\nFN:Fine\nEND:VCARD\n"     /* 15-18 */
                      "BEGIN:VCARD\nVERSION:4.0\nFN:Cut off\nEMAIL:c@example.org\nE", /* 19-23 */
                      &problems);

  g_assert_cmpuint (cards->len, ==, 4);
  g_assert_cmpstr (tn_test_card_at (cards, 0)->full_name, ==, "No End");
  g_assert_cmpstr (tn_test_card_at (cards, 1)->full_name, ==, "Garbage Inside");
  tn_test_assert_gstrv (tn_test_card_at (cards, 1)->emails, "g@example.org", NULL);
  g_assert_cmpstr (tn_test_card_at (cards, 2)->full_name, ==, "Fine");
  g_assert_cmpstr (tn_test_card_at (cards, 3)->full_name, ==, "Cut off");
  tn_test_assert_gstrv (tn_test_card_at (cards, 3)->emails, "c@example.org", NULL);
  g_assert_cmpuint (tn_test_card_at (cards, 3)->line, ==, 19);

  g_assert_true (tn_test_has_problem_at (problems, 1, "not inside a card"));
  g_assert_true (tn_test_has_problem_at (problems, 2, "END:VCARD"));
  g_assert_true (tn_test_has_problem_at (problems, 8, "not a vCard property"));
  g_assert_true (tn_test_has_problem_at (problems, 9, "not a vCard property"));
  g_assert_true (tn_test_has_problem_at (problems, 10, "not a vCard property"));
  g_assert_true (tn_test_has_problem_at (problems, 11, "no value"));
  g_assert_true (tn_test_has_problem_at (problems, 14, "not inside a card"));
  g_assert_true (tn_test_has_problem_at (problems, 19, "END:VCARD"));
  g_assert_true (tn_test_has_problem_at (problems, 23, "no value"));
  g_assert_cmpuint (problems->len, ==, 9);

  /* Problems come in line order. */
  for (guint i = 1; i < problems->len; i++)
    g_assert_cmpuint (((TnVcardProblem *) g_ptr_array_index (problems, i - 1))->line, <=,
                      ((TnVcardProblem *) g_ptr_array_index (problems, i))->line);
}

static void
test_many_problems_are_capped (void)
{
  g_autoptr(GString) text = g_string_new ("BEGIN:VCARD\nVERSION:3.0\nFN:Noisy\n");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  TnVcardProblem *last;

  for (guint i = 0; i < 1000; i++)
    g_string_append (text, "# noise\n");
  g_string_append (text, "END:VCARD\n");

  cards = tn_test_parse_vcard_bytes (text->str, text->len, &problems);
  g_assert_cmpuint (cards->len, ==, 1);
  g_assert_cmpuint (problems->len, <=, 201);
  last = g_ptr_array_index (problems, problems->len - 1);
  g_assert_nonnull (strstr (last->message, "800 more problems"));
}

static void
test_trailing_spaces_and_groups_on_begin (void)
{
  g_autoptr(GPtrArray) cards = tn_test_parse_vcard_text (" BEGIN:VCARD \r\nVERSION:2.1\r\nFN:Dirk\r\nEND:VCARD \r\n"
                                           "home.begin:vcard\nversion:3.0\nfn:Meister\nhome.END:VCARD\n",
                                           NULL);

  g_assert_cmpuint (cards->len, ==, 2);
  g_assert_cmpstr (tn_test_card_at (cards, 0)->full_name, ==, "Dirk");
  g_assert_cmpstr (tn_test_card_at (cards, 1)->full_name, ==, "Meister");
}

static void
test_concatenated_files (void)
{
  /* cat a.vcf b.vcf, where b.vcf starts with a byte-order mark. */
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) cards = tn_test_parse_vcard_text ("\xef\xbb\xbf" "BEGIN:VCARD\nVERSION:3.0\nFN:A\nEND:VCARD\n"
                                           "\xef\xbb\xbf" "BEGIN:VCARD\nVERSION:3.0\nFN:B\nEND:VCARD\n",
                                           &problems);

  g_assert_cmpuint (cards->len, ==, 2);
  g_assert_cmpstr (tn_test_card_at (cards, 1)->full_name, ==, "B");
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_nested_cards (void)
{
  g_autoptr(GPtrArray) cards = tn_test_parse_vcard_text ("BEGIN:VCARD\nVERSION:2.1\nN:parent\n"
                                           "AGENT:\nBEGIN:VCARD\nVERSION:2.1\nN:agent\nEND:VCARD\n"
                                           "TEL:1\nEND:VCARD\n",
                                           NULL);

  g_assert_cmpuint (cards->len, ==, 2);
  g_assert_cmpstr (tn_test_card_at (cards, 0)->full_name, ==, "agent");
  g_assert_cmpuint (tn_test_card_at (cards, 0)->line, ==, 5);
  g_assert_cmpstr (tn_test_card_at (cards, 1)->full_name, ==, "parent");
  tn_test_assert_gstrv (tn_test_card_at (cards, 1)->phones, "1", NULL);
  g_assert_null (strstr (tn_test_card_at (cards, 1)->vcard, "agent"));
}

static void
test_not_vcards (void)
{
  static const struct
  {
    const char *data;
    gsize len;
    TnVcardError code;
    const char *words;
  } files[] = {
    { "", 0, TN_VCARD_ERROR_EMPTY, "empty" },
    { "\xef\xbb\xbf", 3, TN_VCARD_ERROR_EMPTY, "empty" },
    { " \r\n\r\n", 5, TN_VCARD_ERROR_EMPTY, "empty" },
    { "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, TN_VCARD_ERROR_NOT_VCARD, "“photo.vcf” is a PNG image, not a vCard file." },
    { "\xff\xd8\xff\xe0\0\x10JFIF", 10, TN_VCARD_ERROR_NOT_VCARD, "JPEG image" },
    { "%PDF-1.7\n%\xe2\xe3\n", 14, TN_VCARD_ERROR_NOT_VCARD, "PDF document" },
    { "BEGIN:VCARD\nFN:\0\x01\x02", 18, TN_VCARD_ERROR_NOT_VCARD, "binary" },
    { "FN:Frank Dawson\nEND:VCARD\n", 26, TN_VCARD_ERROR_NOT_VCARD, "BEGIN:VCARD" },
    { "Dear Ada,\nthanks for lunch.\n", 28, TN_VCARD_ERROR_NOT_VCARD, "BEGIN:VCARD" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GError) error = parse_error (files[i].data, files[i].len);

      g_assert_error (error, TN_VCARD_ERROR, (gint) files[i].code);
      g_assert_nonnull (strstr (error->message, files[i].words));
      g_assert_nonnull (strstr (error->message, "photo.vcf"));
    }
}

static void
test_single_huge_line (void)
{
  gsize len = 10 * 1024 * 1024;
  g_autofree char *data = g_malloc (len);
  g_autoptr(GError) error = NULL;

  memcpy (data, "BEGIN:VCARD", 11);
  memset (data + 11, 'A', len - 11);
  error = parse_error (data, len);
  g_assert_error (error, TN_VCARD_ERROR, TN_VCARD_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "single line"));
}

static void
test_parse_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("test-vcard-XXXXXX", &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  path = g_build_filename (tmp, "friends.vcf", NULL);
  file = g_file_new_for_path (path);
  dir = g_file_new_for_path (tmp);

  /* Missing. */
  g_assert_false (tn_vcard_parse_file (file, &cards, &problems, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "friends.vcf"));
  g_assert_null (cards);
  g_clear_error (&error);

  /* A folder. */
  g_assert_false (tn_vcard_parse_file (dir, &cards, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  /* A real one. */
  g_assert_true (g_file_set_contents (path, "BEGIN:VCARD\nVERSION:3.0\nFN:Ada\nEND:VCARD\n", -1, NULL));
  g_assert_true (tn_vcard_parse_file (file, &cards, &problems, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, 1);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&cards, g_ptr_array_unref);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Cancelled. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();

    g_cancellable_cancel (cancellable);
    g_assert_false (tn_vcard_parse_file (file, &cards, &problems, cancellable, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_null (cards);
    g_clear_error (&error);
  }

  /* An image with the wrong name. */
  g_assert_true (g_file_set_contents (path, "\x89PNG\r\n\x1a\n\0\0", 10, NULL));
  g_assert_false (tn_vcard_parse_file (file, &cards, &problems, NULL, &error));
  g_assert_error (error, TN_VCARD_ERROR, TN_VCARD_ERROR_NOT_VCARD);
  g_assert_cmpstr (error->message, ==, "“friends.vcf” is a PNG image, not a vCard file.");
  g_clear_error (&error);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (tmp), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vcard/versions", test_versions);
  g_test_add_func ("/vcard/line-endings", test_line_endings);
  g_test_add_func ("/vcard/bare-cr-in-value", test_bare_cr_in_value);
  g_test_add_func ("/vcard/folding", test_folding);
  g_test_add_func ("/vcard/long-lines-folded", test_long_lines_folded);
  g_test_add_func ("/vcard/lowercase", test_lowercase);
  g_test_add_func ("/vcard/utf8-bom", test_utf8_bom);
  g_test_add_func ("/vcard/utf16", test_utf16);
  g_test_add_func ("/vcard/quoted-printable", test_quoted_printable);
  g_test_add_func ("/vcard/parameter-with-equals", test_parameter_with_equals);
  g_test_add_func ("/vcard/charset-utf8-with-blank", test_charset_utf8_with_blank);
  g_test_add_func ("/vcard/charsets", test_charsets);
  g_test_add_func ("/vcard/shift-jis-backslash", test_shift_jis_backslash);
  g_test_add_func ("/vcard/escapes", test_escapes);
  g_test_add_func ("/vcard/birthdays", test_birthdays);
  g_test_add_func ("/vcard/groups", test_groups);
  g_test_add_func ("/vcard/emails-and-phones", test_emails_and_phones);
  g_test_add_func ("/vcard/photos", test_photos);
  g_test_add_func ("/vcard/photo-too-large", test_photo_too_large);
  g_test_add_func ("/vcard/card-too-large", test_card_too_large);
  g_test_add_func ("/vcard/name-fallbacks", test_name_fallbacks);
  g_test_add_func ("/vcard/broken-cards", test_broken_cards);
  g_test_add_func ("/vcard/many-problems-are-capped", test_many_problems_are_capped);
  g_test_add_func ("/vcard/begin-with-blanks-and-groups", test_trailing_spaces_and_groups_on_begin);
  g_test_add_func ("/vcard/concatenated-files", test_concatenated_files);
  g_test_add_func ("/vcard/nested-cards", test_nested_cards);
  g_test_add_func ("/vcard/not-vcards", test_not_vcards);
  g_test_add_func ("/vcard/single-huge-line", test_single_huge_line);
  g_test_add_func ("/vcard/parse-file", test_parse_file);


  return g_test_run ();
}
