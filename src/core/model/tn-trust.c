/* tn-trust.c — the words used everywhere a trust rating is shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-trust"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tn-trust.h"

gboolean
tn_trust_is_valid (int value)
{
  return value >= TN_TRUST_UNRATED && value <= TN_TRUST_LAST;
}

/**
 * tn_trust_parse:
 * @text: what a person typed: "0", "1", "2" or "3"
 * @trust: (out): the rating
 *
 * Returns: %TRUE if @text is exactly one of the four ratings
 */
gboolean
tn_trust_parse (const char *text,
                TnTrust    *trust)
{
  g_return_val_if_fail (trust != NULL, FALSE);

  if (text == NULL || text[0] < '0' || text[0] > '0' + TN_TRUST_LAST || text[1] != '\0')
    return FALSE;

  *trust = (TnTrust) (text[0] - '0');
  return TRUE;
}

const char *
tn_trust_get_label (TnTrust trust)
{
  switch (trust)
    {
    case TN_TRUST_COMPLETELY:
      return _("Completely");
    case TN_TRUST_MODERATELY:
      return _("Moderately");
    case TN_TRUST_VAGUELY:
      return _("Vaguely");
    case TN_TRUST_UNRATED:
    default:
      /* One word for each rating everywhere: the filter buttons, the Trust column, toasts. */
      return _("Not rated");
    }
}

const char *
tn_trust_get_description (TnTrust trust)
{
  switch (trust)
    {
    case TN_TRUST_COMPLETELY:
      return _("Trusts me completely: always calls me back, always meets with me");
    case TN_TRUST_MODERATELY:
      return _("Trusts me moderately: probably calls me back, probably meets with me");
    case TN_TRUST_VAGUELY:
      return _("Trusts me vaguely: might call me back, might meet with me");
    case TN_TRUST_UNRATED:
    default:
      return _("Not rated yet: how much does this person trust you?");
    }
}

/* Sorting by trust puts the people who count most first and the ones
 * still waiting for a rating last, which is what triage wants. */
guint
tn_trust_get_sort_rank (TnTrust trust)
{
  return trust == TN_TRUST_UNRATED ? TN_TRUST_LAST + 1 : (guint) trust;
}
