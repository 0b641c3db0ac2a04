/* tn-clock.h — what time it is, as far as TrustNet is concerned.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GDateTime *tn_clock_now              (void);
GDateTime *tn_clock_parse_iso8601    (const char *text,
                                      GError    **error);
void       tn_clock_pin_local_zone   (void);

G_END_DECLS
