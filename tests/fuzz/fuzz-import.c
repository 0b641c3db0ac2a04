/* fuzz-import.c — libFuzzer target over the whole import of one file: bytes, charset
 * handling, EVCard, contact mapping, duplicate matching and the real store on disk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store is opened once and holds a few contacts for the input to match (by uid, email,
 * phone and name). Each input is imported and its batch undone, and the store must then be
 * exactly as before: that checks Undo's un-merge on every input the fuzzer invents.
 */
#define G_LOG_DOMAIN "fuzz-import"

#include "config.h"

#include "fuzz-common.h"

/* Contacts already in the store, each reachable by one duplicate rule. */
static const char known_cards[] =
  "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:ada-1815\r\nFN:Ada Lovelace\r\nN:Lovelace;Ada;;;\r\n"
  "EMAIL:ada@engines.example\r\nTEL:+44 20 7946 0958\r\nEND:VCARD\r\n"
  "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\nORG:Navy\r\n"
  "EMAIL:grace@navy.example\r\nEND:VCARD\r\n"
  "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Alan Turing\r\nTEL:+1 555 010 9999\r\nEND:VCARD\r\n";

static TnStore *store;
static char *known;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(TnImportResult) result = NULL;

  fuzz_init ();
  store = fuzz_open_store ("import.db");
  result = fuzz_import_bytes (store, (const uint8_t *) known_cards, sizeof known_cards - 1);
  g_assert_cmpuint (result->n_added, ==, 3);
  known = fuzz_describe_store (store);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(TnImportResult) result = fuzz_import_bytes (store, data, size);
  g_autofree char *after = NULL;

  fuzz_undo (store, result);
  after = fuzz_describe_store (store);
  g_assert_cmpstr (after, ==, known);
  return 0;
}
