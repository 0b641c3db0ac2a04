/* tn-sync-contact.h — what sync carries of a contact and of the person themself: plain
 * data, compared and merged field by field, read from the store and written as cards.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "tn-interaction.h"
#include "tn-trust.h"

G_BEGIN_DECLS

/* The UID of the one card that holds the person's own data. */
#define TN_SYNC_SELF_UID "trustnet-self-0b7f1c52-2f0e-4b7e-9a43-5d3c7e0f9a11"

/**
 * TnSyncField:
 * The single-valued fields of a contact, each with its own change time. Trust, the
 * contact's own interval (weeks) and "heard the statement" ("1" or empty) are written as
 * text, so that one rule merges them all.
 */
typedef enum
{
  TN_SYNC_FIELD_FULL_NAME,
  TN_SYNC_FIELD_GIVEN_NAME,
  TN_SYNC_FIELD_FAMILY_NAME,
  TN_SYNC_FIELD_ORGANIZATION,
  TN_SYNC_FIELD_TITLE,
  TN_SYNC_FIELD_NOTE,
  TN_SYNC_FIELD_BIRTHDAY,
  TN_SYNC_FIELD_TRUST,
  TN_SYNC_FIELD_CADENCE,
  TN_SYNC_FIELD_HEARD,
  TN_SYNC_N_FIELDS
} TnSyncField;

char       *tn_sync_text_new        (const char  *text);
const char *tn_sync_field_to_string (TnSyncField  field);
gboolean    tn_sync_field_parse     (const char  *text,
                                     TnSyncField *field);

/* One logged interaction; @uid is the same on every machine. */
typedef struct
{
  char *uid;
  TnInteractionKind kind;
  char *day;
  gboolean one_on_one;
  gboolean gave_value;
  char *note;
  gint64 changed_at;
} TnSyncInteraction;

/* A rating as it was set at a time: one step of the trust history. */
typedef struct
{
  TnTrust trust;
  gint64 changed_at;
} TnSyncTrustChange;

/* Something deleted (an interaction), remembered so that no other machine brings it back. */
typedef struct
{
  char *uid;
  gint64 deleted_at;
} TnSyncTombstone;

/**
 * TnSyncJobChange:
 * @id: the same on every machine, made of what changed (see tn_sync_job_change_new())
 * @noticed_on: the day an import noticed it, "YYYY-MM-DD"
 * @dismissed_at: when it was taken off the dashboard, Unix time; 0: still shown
 *
 * A job change an import noticed: from one organization and title to others.
 */
typedef struct
{
  char *id;
  char *from_organization;
  char *from_title;
  char *to_organization;
  char *to_title;
  char *noticed_on;
  gint64 dismissed_at;
} TnSyncJobChange;

typedef struct
{
  char *uid;
  char *fields[TN_SYNC_N_FIELDS];   /* NULL for empty */
  gint64 times[TN_SYNC_N_FIELDS];  /* when each field last changed, Unix time; 0: unknown */
  GPtrArray *emails;               /* char *, in order */
  GPtrArray *phones;               /* char *, in order */
  GPtrArray *urls;                 /* char *, web pages, in order */
  GPtrArray *job_changes;          /* TnSyncJobChange, by day noticed */
  GArray *trust_history;           /* TnSyncTrustChange, oldest first */
  GPtrArray *interactions;         /* TnSyncInteraction, by day */
  GPtrArray *gone;                 /* TnSyncTombstone of deleted interactions */
  char *vcard;                     /* the card this came from, whose other properties are kept */
} TnSyncContact;

TnSyncInteraction *tn_sync_interaction_new  (const char              *uid,
                                             TnInteractionKind        kind,
                                             const char              *day);
TnSyncInteraction *tn_sync_interaction_copy (const TnSyncInteraction *interaction);
void               tn_sync_interaction_free (TnSyncInteraction       *interaction);
gboolean           tn_sync_interaction_equal (const TnSyncInteraction *a,
                                              const TnSyncInteraction *b);

TnSyncTombstone   *tn_sync_tombstone_new    (const char              *uid,
                                             gint64                   deleted_at);
void               tn_sync_tombstone_free   (TnSyncTombstone         *tombstone);

TnSyncJobChange   *tn_sync_job_change_new   (const char              *from_organization,
                                             const char              *from_title,
                                             const char              *to_organization,
                                             const char              *to_title,
                                             const char              *noticed_on);
TnSyncJobChange   *tn_sync_job_change_copy  (const TnSyncJobChange   *change);
void               tn_sync_job_change_free  (TnSyncJobChange         *change);
gboolean           tn_sync_job_change_equal (const TnSyncJobChange   *a,
                                             const TnSyncJobChange   *b);
void               tn_sync_job_changes_add  (GPtrArray               *job_changes,
                                             TnSyncJobChange         *change);

TnSyncContact *tn_sync_contact_new    (const char          *uid);
TnSyncContact *tn_sync_contact_copy   (const TnSyncContact *contact);
void           tn_sync_contact_free   (TnSyncContact       *contact);
gboolean       tn_sync_contact_equal  (const TnSyncContact *a,
                                       const TnSyncContact *b);
void           tn_sync_contact_set    (TnSyncContact       *contact,
                                       TnSyncField          field,
                                       const char          *value,
                                       gint64               changed_at);
void           tn_sync_contact_add_url (TnSyncContact      *contact,
                                        const char         *url);
void           tn_sync_contact_add_trust_change (TnSyncContact *contact,
                                                 TnTrust        trust,
                                                 gint64         changed_at);

/* The person's own data: every brand statement version, every self-check, the goal and the
 * employer. Statements and checks only ever grow; goal and employer are fields. */
typedef struct
{
  char *text;
  gint64 created_at;
} TnSyncStatement;

typedef struct
{
  guint answers;
  gint64 taken_at;
} TnSyncSelfCheck;

typedef struct
{
  GPtrArray *statements;  /* TnSyncStatement, oldest first */
  GArray *checks;         /* TnSyncSelfCheck, oldest first */
  int goal;               /* 0: not set */
  char *employer;         /* NULL: not set */
  gint64 goal_changed_at; /* when each last changed, a clearing too, Unix time; 0: unknown */
  gint64 employer_changed_at;
  char *vcard;
} TnSyncSelf;

TnSyncSelf *tn_sync_self_new           (void);
TnSyncSelf *tn_sync_self_copy          (const TnSyncSelf *self);
void        tn_sync_self_free          (TnSyncSelf       *self);
gboolean    tn_sync_self_equal         (const TnSyncSelf *a,
                                        const TnSyncSelf *b);
void        tn_sync_self_add_statement (TnSyncSelf       *self,
                                        const char       *text,
                                        gint64            created_at);
void        tn_sync_self_add_check     (TnSyncSelf       *self,
                                        guint             answers,
                                        gint64            taken_at);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TnSyncContact, tn_sync_contact_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TnSyncInteraction, tn_sync_interaction_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TnSyncJobChange, tn_sync_job_change_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TnSyncSelf, tn_sync_self_free)

G_END_DECLS
