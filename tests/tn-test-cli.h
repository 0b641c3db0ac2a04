/* tn-test-cli.h — the real `trustnet` binary on a scratch database, for the
 * command-line suites (test-cli, test-cli-hostile).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define NOW "2026-11-24T09:00:00Z"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

/* What one run of trustnet did. */
typedef struct
{
  int status;
  char *out;
  char *err;
} Run;

/* A test on a fresh scratch database. */
#define add_cli_test(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)

void     run_clear         (Run                *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

void     fixture_set_up    (Fixture            *fixture,
                            gconstpointer       user_data);
void     fixture_tear_down (Fixture            *fixture,
                            gconstpointer       user_data);
gboolean have_trustnet     (void);
GPid     spawn             (const char * const *argv,
                            Run                *run);
GPid     run_program       (const char         *program,
                            Run                *run,
                            const char         *first,
                            ...) G_GNUC_NULL_TERMINATED;
void     run_plain         (Run                *run,
                            const char         *first,
                            ...) G_GNUC_NULL_TERMINATED;
void     run_on            (const char         *database,
                            Run                *run,
                            const char         *first,
                            ...) G_GNUC_NULL_TERMINATED;
void     run_argv          (const char         *database,
                            const char * const *args,
                            Run                *run);
void     assert_success    (Run                *run);
void     assert_user_error (Run                *run);
void     add_ok            (const char         *database,
                            const char         *name,
                            const char         *email);
char    *list_json         (const char         *database);
char    *summarize_json    (const char         *json);
char    *summarize_list    (const char         *database);
void     seed              (const char         *database);

G_END_DECLS
