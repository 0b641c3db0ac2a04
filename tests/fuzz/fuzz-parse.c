/* fuzz-parse.c — libFuzzer target over the import's first half alone, in memory: bytes,
 * charset handling, EVCard, contact mapping and duplicate matching among the file's cards.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No database, so it runs many times faster than fuzz-import and carries most of the
 * executions; fuzz-import covers the same path through the store.
 */
#define G_LOG_DOMAIN "fuzz-parse"

#include "config.h"

#include "tn-duplicates.h"
#include "tn-vcard.h"

#include "fuzz-common.h"

static void
assert_text (const char *text)
{
  if (text != NULL)
    {
      g_assert_true (g_utf8_validate (text, -1, NULL));
      g_assert_cmpstr (text, !=, "");
    }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(TnDuplicateIndex) index = tn_duplicate_index_new ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GError) error = NULL;

  cards = tn_vcard_parse (bytes, "fuzz.vcf", &problems, &error);
  g_assert_true ((cards == NULL) == (error != NULL));
  if (cards == NULL)
    {
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  g_assert_nonnull (problems);
  for (guint i = 0; i < problems->len; i++)
    assert_text (((TnVcardProblem *) g_ptr_array_index (problems, i))->message);

  for (guint i = 0; i < cards->len; i++)
    {
      TnVcardCard *card = g_ptr_array_index (cards, i);
      g_autoptr(TnDuplicateKeys) keys = NULL;
      TnDuplicateRule rule;

      g_assert_nonnull (card->full_name);
      g_assert_nonnull (card->vcard);
      g_assert_nonnull (card->emails);
      g_assert_nonnull (card->phones);
      assert_text (card->full_name);
      assert_text (card->uid);
      assert_text (card->organization);
      assert_text (card->note);
      assert_text (card->vcard);
      for (guint j = 0; card->emails[j] != NULL; j++)
        assert_text (card->emails[j]);
      for (guint j = 0; card->phones[j] != NULL; j++)
        assert_text (card->phones[j]);

      keys = tn_duplicate_keys_new (card->uid, (const char * const *) card->emails,
                                    (const char * const *) card->phones, card->full_name);
      if (tn_duplicate_index_find (index, keys, &rule) == 0)
        tn_duplicate_index_add (index, keys, i + 1);
      else
        g_assert_cmpint (rule, !=, TN_DUPLICATE_RULE_NONE);
    }
  return 0;
}
