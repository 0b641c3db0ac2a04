/* tn-interaction.c — an interaction as a GObject, and the words and database
 * names for its kinds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-interaction"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "tn-clock.h"
#include "tn-enums.h"
#include "tn-interaction-private.h"

struct _TnInteraction
{
  GObject parent_instance;

  gint64 id;
  gint64 contact_id;
  TnInteractionKind kind;
  char *day;
  gboolean one_on_one;
  gboolean gave_value;
  char *note;
};

G_DEFINE_FINAL_TYPE (TnInteraction, tn_interaction, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CONTACT_ID,
  PROP_KIND,
  PROP_DAY,
  PROP_ONE_ON_ONE,
  PROP_GAVE_VALUE,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The names the database's CHECK constraint and the command line use. */
static const char * const kind_names[] = {
  [TN_INTERACTION_LUNCH] = "lunch",
  [TN_INTERACTION_COFFEE] = "coffee",
  [TN_INTERACTION_CALL] = "call",
  [TN_INTERACTION_EMAIL] = "email",
  [TN_INTERACTION_MESSAGE] = "message",
  [TN_INTERACTION_MEETING] = "meeting",
  [TN_INTERACTION_EVENT] = "event",
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_names) == TN_INTERACTION_KIND_LAST + 1);

const char *
tn_interaction_kind_to_string (TnInteractionKind kind)
{
  g_return_val_if_fail (kind <= TN_INTERACTION_KIND_LAST, NULL);

  return kind_names[kind];
}

/**
 * tn_interaction_kind_parse:
 * @text: "lunch", "coffee", "call", "email", "message", "meeting" or "event",
 *   in any case
 * @kind: (out): the kind
 *
 * Returns: %TRUE if @text names a kind
 */
gboolean
tn_interaction_kind_parse (const char        *text,
                           TnInteractionKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    {
      if (g_ascii_strcasecmp (text, kind_names[i]) == 0)
        {
          *kind = (TnInteractionKind) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
tn_interaction_kind_get_label (TnInteractionKind kind)
{
  switch (kind)
    {
    case TN_INTERACTION_LUNCH:
      return _("Lunch");
    case TN_INTERACTION_COFFEE:
      return _("Coffee");
    case TN_INTERACTION_CALL:
      return _("Call");
    case TN_INTERACTION_EMAIL:
      return _("Email");
    case TN_INTERACTION_MESSAGE:
      return _("Message");
    case TN_INTERACTION_MEETING:
      return _("Meeting");
    case TN_INTERACTION_EVENT:
      return _("Event");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * tn_interaction_day_is_valid:
 * @day: (nullable): a day as YYYY-MM-DD
 *
 * Returns: %TRUE if @day is exactly a real calendar day written YYYY-MM-DD, from
 *   %TN_CLOCK_FIRST_YEAR on (year 1 is a typo, not a lunch, and dates before it break
 *   the dashboard's arithmetic)
 */
gboolean
tn_interaction_day_is_valid (const char *day)
{
  int year, month, date;
  char tail;

  if (day == NULL || strlen (day) != 10 || day[4] != '-' || day[7] != '-')
    return FALSE;

  for (int i = 0; i < 10; i++)
    {
      if (i != 4 && i != 7 && !g_ascii_isdigit (day[i]))
        return FALSE;
    }

  if (sscanf (day, "%4d-%2d-%2d%c", &year, &month, &date, &tail) != 3)
    return FALSE;

  return year >= TN_CLOCK_FIRST_YEAR && year <= TN_CLOCK_LAST_YEAR && g_date_valid_dmy (date, month, year);
}

static void
tn_interaction_finalize (GObject *object)
{
  TnInteraction *self = (TnInteraction *) object;

  g_clear_pointer (&self->day, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (tn_interaction_parent_class)->finalize (object);
}

static void
tn_interaction_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TnInteraction *self = TN_INTERACTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CONTACT_ID:
      g_value_set_int64 (value, self->contact_id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_DAY:
      g_value_set_string (value, self->day);
      break;
    case PROP_ONE_ON_ONE:
      g_value_set_boolean (value, self->one_on_one);
      break;
    case PROP_GAVE_VALUE:
      g_value_set_boolean (value, self->gave_value);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_interaction_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TnInteraction *self = TN_INTERACTION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      tn_interaction_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_DAY:
      tn_interaction_set_day (self, g_value_get_string (value));
      break;
    case PROP_ONE_ON_ONE:
      tn_interaction_set_one_on_one (self, g_value_get_boolean (value));
      break;
    case PROP_GAVE_VALUE:
      tn_interaction_set_gave_value (self, g_value_get_boolean (value));
      break;
    case PROP_NOTE:
      tn_interaction_set_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_interaction_class_init (TnInteractionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tn_interaction_finalize;
  object_class->get_property = tn_interaction_get_property;
  object_class->set_property = tn_interaction_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CONTACT_ID] =
    g_param_spec_int64 ("contact-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, TN_TYPE_INTERACTION_KIND, TN_INTERACTION_LUNCH, rw);
  properties[PROP_DAY] =
    g_param_spec_string ("day", NULL, NULL, NULL, rw);
  properties[PROP_ONE_ON_ONE] =
    g_param_spec_boolean ("one-on-one", NULL, NULL, TRUE, rw | G_PARAM_CONSTRUCT);
  properties[PROP_GAVE_VALUE] =
    g_param_spec_boolean ("gave-value", NULL, NULL, FALSE, rw);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tn_interaction_init (TnInteraction *self)
{
  self->one_on_one = TRUE;
}

/**
 * tn_interaction_new:
 * @kind: what it was
 * @day: the day it happened, YYYY-MM-DD
 *
 * Returns: (transfer full): a new interaction, not stored yet
 */
TnInteraction *
tn_interaction_new (TnInteractionKind  kind,
                    const char        *day)
{
  g_return_val_if_fail (kind <= TN_INTERACTION_KIND_LAST, NULL);
  g_return_val_if_fail (tn_interaction_day_is_valid (day), NULL);

  return g_object_new (TN_TYPE_INTERACTION, "kind", kind, "day", day, NULL);
}

/**
 * tn_interaction_copy:
 * @self: an interaction
 *
 * A draft to edit: the same fields, but no id, so the store can tell it is not the
 * stored object (see tn_store_update_interaction()).
 *
 * Returns: (transfer full): a copy of @self, not stored
 */
TnInteraction *
tn_interaction_copy (TnInteraction *self)
{
  TnInteraction *copy;

  g_return_val_if_fail (TN_IS_INTERACTION (self), NULL);

  copy = g_object_new (TN_TYPE_INTERACTION, NULL);
  _tn_interaction_assign (copy, self);
  return copy;
}

/* Takes @from's editable fields; the ids stay. */
void
_tn_interaction_assign (TnInteraction *self,
                        TnInteraction *from)
{
  g_assert (TN_IS_INTERACTION (self));
  g_assert (TN_IS_INTERACTION (from));

  g_object_freeze_notify (G_OBJECT (self));
  tn_interaction_set_kind (self, from->kind);
  tn_interaction_set_day (self, from->day);
  tn_interaction_set_one_on_one (self, from->one_on_one);
  tn_interaction_set_gave_value (self, from->gave_value);
  tn_interaction_set_note (self, from->note);
  g_object_thaw_notify (G_OBJECT (self));
}

gint64
tn_interaction_get_id (TnInteraction *self)
{
  g_return_val_if_fail (TN_IS_INTERACTION (self), 0);

  return self->id;
}

gint64
tn_interaction_get_contact_id (TnInteraction *self)
{
  g_return_val_if_fail (TN_IS_INTERACTION (self), 0);

  return self->contact_id;
}

TnInteractionKind
tn_interaction_get_kind (TnInteraction *self)
{
  g_return_val_if_fail (TN_IS_INTERACTION (self), TN_INTERACTION_LUNCH);

  return self->kind;
}

const char *
tn_interaction_get_day (TnInteraction *self)
{
  g_return_val_if_fail (TN_IS_INTERACTION (self), NULL);

  return self->day;
}

void
tn_interaction_set_kind (TnInteraction     *self,
                         TnInteractionKind  kind)
{
  g_return_if_fail (TN_IS_INTERACTION (self));
  g_return_if_fail (kind <= TN_INTERACTION_KIND_LAST);

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/**
 * tn_interaction_set_day:
 * @self: an interaction
 * @day: the day it happened, YYYY-MM-DD
 *
 * The store refuses to write a day that tn_interaction_day_is_valid() does not accept;
 * one read back from the database is kept as it is.
 */
void
tn_interaction_set_day (TnInteraction *self,
                        const char    *day)
{
  g_autofree char *old = NULL;

  g_return_if_fail (TN_IS_INTERACTION (self));

  if (g_strcmp0 (self->day, day) == 0)
    return;

  old = g_steal_pointer (&self->day);
  self->day = g_strdup (day);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
}

gboolean
tn_interaction_get_one_on_one (TnInteraction *self)
{
  g_return_val_if_fail (TN_IS_INTERACTION (self), FALSE);

  return self->one_on_one;
}

void
tn_interaction_set_one_on_one (TnInteraction *self,
                               gboolean       one_on_one)
{
  g_return_if_fail (TN_IS_INTERACTION (self));

  one_on_one = !!one_on_one;
  if (self->one_on_one == one_on_one)
    return;

  self->one_on_one = one_on_one;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONE_ON_ONE]);
}

gboolean
tn_interaction_get_gave_value (TnInteraction *self)
{
  g_return_val_if_fail (TN_IS_INTERACTION (self), FALSE);

  return self->gave_value;
}

void
tn_interaction_set_gave_value (TnInteraction *self,
                               gboolean       gave_value)
{
  g_return_if_fail (TN_IS_INTERACTION (self));

  gave_value = !!gave_value;
  if (self->gave_value == gave_value)
    return;

  self->gave_value = gave_value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GAVE_VALUE]);
}

const char *
tn_interaction_get_note (TnInteraction *self)
{
  g_return_val_if_fail (TN_IS_INTERACTION (self), NULL);

  return self->note;
}

void
tn_interaction_set_note (TnInteraction *self,
                         const char    *note)
{
  g_autofree char *old = NULL;

  g_return_if_fail (TN_IS_INTERACTION (self));

  if (note != NULL && *note == '\0')
    note = NULL;
  if (g_strcmp0 (self->note, note) == 0)
    return;

  /* @note may point into the text it replaces. */
  old = g_steal_pointer (&self->note);
  self->note = g_strdup (note);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

void
_tn_interaction_set_ids (TnInteraction *self,
                         gint64         id,
                         gint64         contact_id)
{
  g_assert (TN_IS_INTERACTION (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }

  if (self->contact_id != contact_id)
    {
      self->contact_id = contact_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT_ID]);
    }
}
