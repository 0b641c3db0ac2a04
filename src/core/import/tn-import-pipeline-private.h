/* tn-import-pipeline-private.h — the importer's reading side (tn-import-pipeline.c): threads
 * that parse one file and work out its cards' keys, handing chunks to the writer in file order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tn-duplicates.h"
#include "tn-trust.h"
#include "tn-vcard.h"

G_BEGIN_DECLS

/* A card with everything the writer will compare or store, worked out on a keys thread
 * (import_card_work_out()) rather than by the writer. */
typedef struct
{
  TnVcardCard *card;
  TnDuplicateKeys *keys;
  TnTrust trust;
  char **normalized_emails; /* as the emails table stores them, one per email */
  char **normalized_phones; /* as the phones table stores them; may hold NULLs */
} TnImportCard;

/* A handful of cards on their way from the parser to the writer; the writer gives each
 * back (_tn_import_pipeline_recycle()) for the parser to refill. */
typedef struct
{
  GPtrArray *cards; /* of TnImportCard */
  guint seq;        /* its place among the chunks of the file; the pipeline's only */
  guint n_read;     /* cards of the file read up to the last one here */
  guint n_cards;    /* cards in the file */

  /* Only in the last chunk of a file: how reading it ended. */
  gboolean last;
  GError *error;
  GPtrArray *problems;
  guint n_skipped;
} TnImportChunk;

/* Between the threads of one file and the writer. */
typedef struct _TnImportPipeline TnImportPipeline;

TnImportPipeline *_tn_import_pipeline_start   (GFile            *file,
                                               guint64           size,
                                               GCancellable     *cancellable);
TnImportChunk    *_tn_import_pipeline_take    (TnImportPipeline *pipeline);
void              _tn_import_pipeline_recycle (TnImportPipeline *pipeline,
                                               TnImportChunk    *chunk);
void              _tn_import_pipeline_stop    (TnImportPipeline *pipeline);
void              _tn_import_pipeline_free    (TnImportPipeline *pipeline,
                                               gint64           *cpu_time);

gint64            _tn_import_thread_cpu_time  (void);

G_END_DECLS
