/* tn-vcard.h — the bytes of a .vcf file as the cards people meant to write: every vCard
 * version, encoding and exporter quirk cleaned up, then read with libebook-contacts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TN_VCARD_ERROR (tn_vcard_error_quark ())

/**
 * TnVcardError:
 * @TN_VCARD_ERROR_EMPTY: the file holds nothing (or only a byte-order mark); callers may treat
 *   this as "no contacts" rather than as a failure
 * @TN_VCARD_ERROR_NOT_VCARD: the file is something else: binary data, an image, a document,
 *   or text without any BEGIN:VCARD line
 * @TN_VCARD_ERROR_TOO_LARGE: the file is larger than %TN_VCARD_MAX_FILE_SIZE, its first
 *   line alone is longer than %TN_VCARD_MAX_CARD_SIZE, or a line is longer than
 *   %TN_VCARD_MAX_CARD_BYTES
 *
 * Why a file as a whole was refused. A damaged card inside a good file is not an error: it
 * is a #TnVcardProblem.
 */
typedef enum
{
  TN_VCARD_ERROR_EMPTY,
  TN_VCARD_ERROR_NOT_VCARD,
  TN_VCARD_ERROR_TOO_LARGE,
} TnVcardError;

/* Bounds that keep one bad file from exhausting memory. A card whose text (not counting
 * inline base64 data) is larger than TN_VCARD_MAX_CARD_SIZE is skipped; inline base64 data
 * (PHOTO, LOGO, SOUND, KEY) larger than TN_VCARD_MAX_BINARY_SIZE once decoded is dropped from
 * its card; a card taking more than TN_VCARD_MAX_CARD_BYTES of the file, its data included,
 * is skipped (a file is read in pieces, and memory holds at most one card). All are
 * reported as problems. The exporter writes nothing these would refuse. */
#define TN_VCARD_MAX_FILE_SIZE   ((gsize) 512 * 1024 * 1024)
#define TN_VCARD_MAX_CARD_SIZE   ((gsize) 1 * 1024 * 1024)
#define TN_VCARD_MAX_BINARY_SIZE ((gsize) 5 * 1024 * 1024)
#define TN_VCARD_MAX_CARD_BYTES  ((gsize) 32 * 1024 * 1024)

/* Where TrustNet's export keeps when a connection began (TnVcardCard's connected_on). */
#define TN_VCARD_CONNECTED_ON_PROPERTY "X-TRUSTNET-CONNECTED-ON"

/**
 * TnVcardCard:
 * @line: the 1-based line of the file where the card begins
 * @uid: (nullable): the card's UID
 * @full_name: never %NULL: FN, or else given and family name from N, or else ORG, or else
 *   the first email address
 * @given_name: (nullable): N's given name
 * @family_name: (nullable): N's family name
 * @organization: (nullable): the first component of the first ORG
 * @title: (nullable): TITLE
 * @note: (nullable): NOTE, with real line breaks
 * @birthday: (nullable): "YYYY-MM-DD", or "--MM-DD" when the year is not known
 * @emails: every EMAIL, trimmed, in file order; never %NULL
 * @phones: every TEL, trimmed, without a "tel:" prefix, in file order; never %NULL
 * @urls: (nullable): every URL (web pages, a LinkedIn profile), in file order; %NULL when
 *   there is none
 * @connected_on: (nullable): "YYYY-MM-DD", when the connection began (LinkedIn's
 *   "Connected On")
 * @vcard: the whole card as clean UTF-8 vCard 3.0 text, to keep every property TrustNet
 *   does not model
 *
 * One contact read from a file. Text fields are trimmed UTF-8; empty ones are %NULL.
 */
typedef struct
{
  guint line;
  char *uid;
  char *full_name;
  char *given_name;
  char *family_name;
  char *organization;
  char *title;
  char *note;
  char *birthday;
  GStrv emails;
  GStrv phones;
  GStrv urls;
  char *connected_on;
  char *vcard;
} TnVcardCard;

/**
 * TnVcardProblem:
 * @line: the 1-based line of the file the problem is about
 * @message: what happened, written for the person who imports the file
 * @card_skipped: %TRUE when a whole card was left out, %FALSE when only a line or a value
 *   was dropped or guessed
 */
typedef struct
{
  guint line;
  char *message;
  gboolean card_skipped;
} TnVcardProblem;

/**
 * TnVcardCardFunc:
 * @card: (transfer full): the card just read
 * @index: where the card is among the file's cards, from 0
 * @n_cards: how many cards the file holds, broken and skipped ones included: while the
 *   file is still being read, an estimate from the bytes read so far, always more than @index
 * @user_data: the data given to tn_vcard_parse_file_foreach()
 *
 * Receives the cards of a file one at a time, as the file is read in pieces, so that a
 * large file never has all its cards, or all its bytes, in memory at once.
 *
 * Returns: %TRUE to go on reading, %FALSE to stop
 */
typedef gboolean (*TnVcardCardFunc) (TnVcardCard *card,
                                     guint        index,
                                     guint        n_cards,
                                     gpointer     user_data);

GQuark     tn_vcard_error_quark   (void);

void       tn_vcard_card_free     (TnVcardCard    *card);
void       tn_vcard_problem_free  (TnVcardProblem *problem);

GPtrArray *tn_vcard_parse         (GBytes        *contents,
                                   const char    *display_name,
                                   GPtrArray    **problems,
                                   GError       **error);
gboolean   tn_vcard_parse_file    (GFile         *file,
                                   GPtrArray    **cards,
                                   GPtrArray    **problems,
                                   GCancellable  *cancellable,
                                   GError       **error);
gboolean   tn_vcard_parse_file_foreach (GFile           *file,
                                        TnVcardCardFunc  func,
                                        gpointer         user_data,
                                        GPtrArray      **problems,
                                        guint           *n_skipped,
                                        GCancellable    *cancellable,
                                        GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TnVcardCard, tn_vcard_card_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TnVcardProblem, tn_vcard_problem_free)

G_END_DECLS
