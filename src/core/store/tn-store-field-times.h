/* tn-store-field-times.h — the SQL of the trigger that records when each field of a
 * contact changed, for sync's "the later change wins": schema 8 made it and schema 9 made it
 * again; the tests make schema 8's again from it. No SQLite here: SQL text only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

/* The trigger's body: schema 8 ran it for every UPDATE of a contact, schema 9 only for an
 * UPDATE of these fields. */
#define CONTACT_FIELD_TIMES_BODY \
  "  INSERT OR REPLACE INTO sync_field_times SELECT NEW.id, 'full-name', NEW.updated_at WHERE OLD.full_name IS NOT NEW.full_name;" \
  "  INSERT OR REPLACE INTO sync_field_times SELECT NEW.id, 'given-name', NEW.updated_at WHERE OLD.given_name IS NOT NEW.given_name;" \
  "  INSERT OR REPLACE INTO sync_field_times SELECT NEW.id, 'family-name', NEW.updated_at WHERE OLD.family_name IS NOT NEW.family_name;" \
  "  INSERT OR REPLACE INTO sync_field_times SELECT NEW.id, 'organization', NEW.updated_at WHERE OLD.organization IS NOT NEW.organization;" \
  "  INSERT OR REPLACE INTO sync_field_times SELECT NEW.id, 'title', NEW.updated_at WHERE OLD.title IS NOT NEW.title;" \
  "  INSERT OR REPLACE INTO sync_field_times SELECT NEW.id, 'note', NEW.updated_at WHERE OLD.note IS NOT NEW.note;" \
  "  INSERT OR REPLACE INTO sync_field_times SELECT NEW.id, 'birthday', NEW.updated_at WHERE OLD.birthday IS NOT NEW.birthday;" \
  "  INSERT OR REPLACE INTO sync_field_times SELECT NEW.id, 'trust', NEW.updated_at WHERE OLD.trust IS NOT NEW.trust;" \
  "  INSERT OR REPLACE INTO sync_field_times SELECT NEW.id, 'cadence', NEW.updated_at WHERE OLD.cadence_weeks IS NOT NEW.cadence_weeks;"
