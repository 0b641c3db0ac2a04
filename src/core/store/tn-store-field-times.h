/* tn-store-field-times.h — the SQL of the trigger that records when each field of a
 * contact changed, for sync's "the later change wins": schema 8 made it and schema 9 made it
 * again; the tests make schema 8's again from it. No SQLite here: SQL text only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

/* The contact's columns sync keeps a change time for, each with the name sync_field_times
 * gives it, as X (column, "name"). The trigger's body below and the import writer's own
 * record of the times (tn-import-writer.c, which sets the trigger aside) both come from this
 * one list. */
#define CONTACT_TIMED_FIELDS(X) \
  X (full_name, "full-name") \
  X (given_name, "given-name") \
  X (family_name, "family-name") \
  X (organization, "organization") \
  X (title, "title") \
  X (note, "note") \
  X (birthday, "birthday") \
  X (trust, "trust") \
  X (cadence_weeks, "cadence")

#define CONTACT_FIELD_TIME_SQL(column, name) \
  "  INSERT OR REPLACE INTO sync_field_times SELECT NEW.id, '" name "', NEW.updated_at" \
  " WHERE OLD." #column " IS NOT NEW." #column ";"

/* The trigger's body: schema 8 ran it for every UPDATE of a contact, schema 9 only for an
 * UPDATE of these fields. */
#define CONTACT_FIELD_TIMES_BODY CONTACT_TIMED_FIELDS (CONTACT_FIELD_TIME_SQL)
