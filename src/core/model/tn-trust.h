/* tn-trust.h — the trust rating a person gives a contact, and the words for it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TnTrust:
 * @TN_TRUST_UNRATED: not rated yet
 * @TN_TRUST_COMPLETELY: always calls me back, always meets with me
 * @TN_TRUST_MODERATELY: probably calls back, probably meets
 * @TN_TRUST_VAGUELY: might call back, might meet
 *
 * The numbers are the ones a person types and the ones stored in the database.
 */
typedef enum
{
  TN_TRUST_UNRATED = 0,
  TN_TRUST_COMPLETELY = 1,
  TN_TRUST_MODERATELY = 2,
  TN_TRUST_VAGUELY = 3,
} TnTrust;

#define TN_TRUST_LAST TN_TRUST_VAGUELY
/* How many ratings there are, unrated included: the size of an array indexed by TnTrust. */
#define TN_TRUST_N_RATINGS (TN_TRUST_LAST + 1)

gboolean     tn_trust_is_valid       (int      value);
gboolean     tn_trust_parse          (const char *text,
                                      TnTrust    *trust);
const char  *tn_trust_get_label      (TnTrust  trust);
const char  *tn_trust_get_description (TnTrust trust);
guint        tn_trust_get_sort_rank  (TnTrust  trust);

G_END_DECLS
