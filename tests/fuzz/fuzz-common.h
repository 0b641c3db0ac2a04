/* fuzz-common.h — what both fuzz targets share: a scratch folder (on tmpfs when there is
 * one), stores opened once per process, and one file's import with its invariants.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "tn-importer.h"
#include "tn-store.h"

G_BEGIN_DECLS

/* The entry points libFuzzer calls; fuzz-main.c calls them too, for the regression test. */
int             LLVMFuzzerInitialize    (int            *argc,
                                         char         ***argv);
int             LLVMFuzzerTestOneInput  (const uint8_t  *data,
                                         size_t          size);

void            fuzz_init               (void);
TnStore        *fuzz_open_store         (const char     *name);
char           *fuzz_scratch_path       (const char     *name);
TnImportResult *fuzz_import_bytes       (TnStore        *store,
                                         const uint8_t  *data,
                                         size_t          size);
TnImportResult *fuzz_import_path        (TnStore        *store,
                                         const char     *path);
char           *fuzz_describe_contact   (TnContact      *contact);
char           *fuzz_describe_store     (TnStore        *store);
void            fuzz_undo               (TnStore        *store,
                                         TnImportResult *result);

G_END_DECLS
