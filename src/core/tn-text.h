/* tn-text.h — text normalisation shared by search, lookup and duplicate matching.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *tn_text_fold_for_search (const char *text);
char *tn_text_normalize_email (const char *email);
gboolean tn_text_is_plausible_email (const char *email);
char *tn_text_normalize_phone (const char *phone);
char *tn_text_clean_line      (const char *text);
char *tn_text_for_terminal    (const char *text);
gboolean tn_text_has_control  (const char *text,
                               gboolean    allow_space);
void  tn_text_print           (gboolean    to_stderr,
                               const char *format,
                               ...) G_GNUC_PRINTF (2, 3);

G_END_DECLS
