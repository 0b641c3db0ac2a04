/* tn-cli.h — the command-line modes, which run without a window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What tn_cli_run() returns when the application, not the command line, goes on. */
#define TN_CLI_CONTINUE (-1)

void tn_cli_add_options (GApplication *application);
void tn_cli_begin_parsing (void);
void tn_cli_end_parsing   (void);
int  tn_cli_run         (GVariantDict *options);
void tn_cli_print_json  (JsonBuilder  *builder);
void tn_cli_add_nullable_string (JsonBuilder *builder,
                                 const char  *member,
                                 const char  *value);

G_END_DECLS
