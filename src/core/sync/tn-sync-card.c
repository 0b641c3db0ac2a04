/* tn-sync-card.c — a contact, or the person's own data, as one vCard on the server, and
 * back. The card another client wrote is the base: each of its lines is kept as it was,
 * byte for byte, unless it is one of TrustNet's and its value changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-sync"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
/* EDS 3.46's headers use GTimeVal, deprecated since GLib 2.62. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
#include <libebook-contacts/libebook-contacts.h>
G_GNUC_END_IGNORE_DEPRECATIONS

#include "tn-sync-card.h"
#include "tn-text.h"

G_DEFINE_QUARK (tn-sync-card-error-quark, tn_sync_card_error)

/* EDS 3.46 declares no g_autoptr() support for its types. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EVCard, g_object_unref)

#define X_TRUST "X-TRUSTNET-TRUST"
#define X_CADENCE "X-TRUSTNET-CADENCE-WEEKS"
#define X_HEARD "X-TRUSTNET-HEARD"
#define X_CHANGED "X-TRUSTNET-CHANGED"
#define X_TRUST_CHANGE "X-TRUSTNET-TRUST-CHANGE"
#define X_INTERACTION "X-TRUSTNET-INTERACTION"
#define X_GONE "X-TRUSTNET-GONE"
#define X_JOB_CHANGE "X-TRUSTNET-JOB-CHANGE"
#define X_STATEMENT "X-TRUSTNET-STATEMENT"
#define X_SELF_CHECK "X-TRUSTNET-SELF-CHECK"
#define X_GOAL "X-TRUSTNET-GOAL"
#define X_EMPLOYER "X-TRUSTNET-EMPLOYER"

/* The parameters that carry the parts of TrustNet's properties. */
#define X_FIELD "X-FIELD"
#define X_AT "X-AT"
#define X_ID "X-ID"
#define X_KIND "X-KIND"
#define X_DAY "X-DAY"
#define X_ONE_ON_ONE "X-ONE-ON-ONE"
#define X_GAVE_VALUE "X-GAVE-VALUE"
#define X_FROM_ORG "X-FROM-ORG"
#define X_FROM_TITLE "X-FROM-TITLE"
#define X_TO_ORG "X-TO-ORG"
#define X_TO_TITLE "X-TO-TITLE"
#define X_DISMISSED "X-DISMISSED"

/* The X-FIELD names of the person's own fields (a contact's are tn_sync_field_to_string()'s). */
#define SELF_FIELD_GOAL "goal"
#define SELF_FIELD_EMPLOYER "employer"

/* The name on the person's own card, which phones show like any other. */
#define SELF_CARD_NAME "TrustNet (your own data)"

/* ---- the base card's lines ---------------------------------------------------------- */

/* One property of the base card: its text exactly as it came, folded lines and line
 * ending included, and its name without a group ("item1.EMAIL" is EMAIL), upper case. */
typedef struct
{
  GString *raw;
  char *name;
} BaseLine;

static void
base_line_free (BaseLine *line)
{
  g_string_free (line->raw, TRUE);
  g_free (line->name);
  g_free (line);
}

static char *
property_name (const char *raw)
{
  const char *end = raw + strcspn (raw, ";:\r\n");
  const char *dot = memchr (raw, '.', end - raw);
  const char *start = dot != NULL ? dot + 1 : raw;

  return g_ascii_strup (start, end - start);
}

/* The base card's properties, one per unfolded line. */
static GPtrArray *
split_base (const char *vcard)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) base_line_free);
  const char *p = vcard;
  BaseLine *current = NULL;

  while (*p != '\0')
    {
      const char *newline = strchr (p, '\n');
      const char *next = newline != NULL ? newline + 1 : p + strlen (p);

      if ((*p == ' ' || *p == '\t') && current != NULL)
        {
          /* A folded line continues the property before it. */
          g_string_append_len (current->raw, p, next - p);
        }
      else if (*p != '\r' && *p != '\n')
        {
          current = g_new0 (BaseLine, 1);
          current->raw = g_string_new_len (p, next - p);
          current->name = property_name (p);
          g_ptr_array_add (lines, current);
        }
      p = next;
    }

  return g_steal_pointer (&lines);
}

/* One base line read on its own, so its value can be compared with TrustNet's. */
static EVCard *
decode_line (const char *raw)
{
  g_autofree char *card = g_strdup_printf ("BEGIN:VCARD\r\nVERSION:3.0\r\n%s%sEND:VCARD\r\n", raw,
                                           g_str_has_suffix (raw, "\n") ? "" : "\r\n");

  return e_vcard_new_from_string (card);
}

static EVCardAttribute *
first_property (EVCard *card)
{
  for (GList *l = e_vcard_get_attributes (card); l != NULL; l = l->next)
    if (g_ascii_strcasecmp (e_vcard_attribute_get_name (l->data), EVC_VERSION) != 0)
      return l->data;

  return NULL;
}

/* GLib 2.74 has no set_text (). */
static void
set_text (char       **place,
          const char  *text)
{
  char *copy = g_strdup (text);

  g_free (*place);
  *place = copy;
}

/* ---- values -------------------------------------------------------------------------- */

/* The @index'th value, decoded; a foreign client's unescaped separator splits a value that
 * was one, so a single-valued property's values are joined again. */
static char *
attribute_text (EVCardAttribute *attribute,
                int              index)
{
  GList *values = e_vcard_attribute_get_values (attribute);

  if (index < 0)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      for (GList *l = values; l != NULL; l = l->next)
        g_string_append_printf (text, "%s%s", l == values ? "" : ";", (const char *) l->data);
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  return g_strdup (g_list_nth_data (values, index));
}

/* What makes a TrustNet property the same as a base line: the same name and this key. */
static char *
comparison_key (EVCardAttribute *attribute)
{
  g_autofree char *name = g_ascii_strup (e_vcard_attribute_get_name (attribute), -1);
  g_autofree char *value = attribute_text (attribute, 0);

  if (g_str_equal (name, EVC_N))
    {
      g_autofree char *given = attribute_text (attribute, 1);

      return g_strdup_printf ("%s\037%s", value ? value : "", given ? given : "");
    }
  if (g_str_equal (name, EVC_EMAIL))
    return tn_text_normalize_email (value);
  if (g_str_equal (name, EVC_TEL))
    return tn_text_normalize_phone (value);
  if (g_str_equal (name, EVC_ORG))
    return g_steal_pointer (&value);

  return attribute_text (attribute, -1);
}

static void
add_property (EVCard     *card,
              const char *name,
              const char *value)
{
  if (value != NULL)
    e_vcard_append_attribute_with_value (card, e_vcard_attribute_new (NULL, name), value);
}

static void
add_values (EVCard      *card,
            const char  *name,
            const char  *first,
            ...)
{
  EVCardAttribute *attribute = e_vcard_attribute_new (NULL, name);
  va_list args;

  va_start (args, first);
  for (const char *value = first; value != NULL; value = va_arg (args, const char *))
    e_vcard_attribute_add_value (attribute, value);
  va_end (args);

  e_vcard_append_attribute (card, attribute);
}

static gboolean
parse_int64 (const char *text,
             gint64     *number)
{
  return text != NULL && g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, number, NULL);
}

/* A TrustNet property whose parts are parameters and whose value is free text: servers
 * (Radicale's vobject) treat an X- property's value as one text and escape every ';' in
 * it, so parts separated by ';' would not survive; parameters do. */
static void
add_with_params (EVCard      *card,
                 const char  *name,
                 const char  *value,
                 const char  *first_param,
                 ...)
{
  EVCardAttribute *attribute = e_vcard_attribute_new (NULL, name);
  va_list args;

  va_start (args, first_param);
  for (const char *param = first_param; param != NULL; param = va_arg (args, const char *))
    e_vcard_attribute_add_param_with_value (attribute, e_vcard_attribute_param_new (param),
                                            va_arg (args, const char *));
  va_end (args);

  e_vcard_append_attribute_with_value (card, attribute, value != NULL ? value : "");
}

static char *
param_text (EVCardAttribute *attribute,
            const char      *param)
{
  GList *values = e_vcard_attribute_get_param (attribute, param);

  return values != NULL ? g_strdup (values->data) : NULL;
}

static gboolean
param_int64 (EVCardAttribute *attribute,
             const char      *param,
             gint64          *number)
{
  g_autofree char *text = param_text (attribute, param);

  return parse_int64 (text, number);
}

static void
add_number (EVCard     *card,
            const char *name,
            gint64      number)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, number);

  add_property (card, name, text);
}

/* When @field last changed (X-TRUSTNET-CHANGED;X-FIELD=…), unless that is unknown (0). */
static void
add_change_time (EVCard     *card,
                 const char *field,
                 gint64      changed_at)
{
  g_autofree char *time = NULL;

  if (changed_at == 0)
    return;

  time = g_strdup_printf ("%" G_GINT64_FORMAT, changed_at);
  add_with_params (card, X_CHANGED, time, X_FIELD, field, NULL);
}

/* ---- writing over the base ----------------------------------------------------------- */

/* TrustNet's own properties: the standard ones it compares with the base's, and those it
 * always writes afresh. */
static const char * const compared_names[] = {
  EVC_UID, EVC_FN, EVC_N, EVC_ORG, EVC_TITLE, EVC_NOTE, EVC_BDAY, EVC_EMAIL, EVC_TEL, EVC_URL,
};

static gboolean
is_compared (const char *name)
{
  return g_strv_contains (compared_names, name);
}

static gboolean
is_rewritten (const char *name)
{
  return g_str_has_prefix (name, "X-TRUSTNET-");
}

/* TrustNet's properties, serialised, without the card's BEGIN, VERSION and END. */
static char *
serialise_properties (EVCard *card)
{
  g_autofree char *text = e_vcard_to_string (card, EVC_FORMAT_VCARD_30);
  const char *start = strstr (text, "VERSION:3.0\r\n");
  const char *end = g_strrstr (text, "END:VCARD");

  g_assert (start != NULL && end != NULL);
  start += strlen ("VERSION:3.0\r\n");
  return g_strndup (start, end - start);
}

/* Marks the TrustNet property a base line says already, if any; the line is then kept. */
static gboolean
cover_property (GList      *ours,
                GHashTable *covered,
                const char *name,
                const char *raw)
{
  g_autoptr(EVCard) decoded = decode_line (raw);
  EVCardAttribute *theirs = first_property (decoded);
  g_autofree char *key = theirs != NULL ? comparison_key (theirs) : NULL;

  for (GList *l = ours; l != NULL && key != NULL; l = l->next)
    {
      g_autofree char *our_key = NULL;

      if (g_hash_table_contains (covered, l->data) ||
          g_ascii_strcasecmp (e_vcard_attribute_get_name (l->data), name) != 0)
        continue;

      our_key = comparison_key (l->data);
      if (g_strcmp0 (key, our_key) == 0)
        {
          g_hash_table_add (covered, l->data);
          return TRUE;
        }
    }

  return FALSE;
}

/* A vCard 2.1 base cannot go on a CardDAV server as it is (quoted-printable, charsets):
 * EVCard reads it and writes its other properties as 3.0. */
static char *
write_over_old_card (EVCard     *ours,
                     const char *base)
{
  g_autoptr(EVCard) card = e_vcard_new_from_string (base);
  g_autofree char *text = NULL;
  GList *attributes = g_list_copy (e_vcard_get_attributes (card));

  for (GList *l = attributes; l != NULL; l = l->next)
    {
      g_autofree char *name = g_ascii_strup (e_vcard_attribute_get_name (l->data), -1);

      if (is_compared (name) || is_rewritten (name) || g_str_equal (name, EVC_VERSION))
        e_vcard_remove_attribute (card, l->data);
      else
        {
          e_vcard_attribute_remove_param (l->data, "CHARSET");
          e_vcard_attribute_remove_param (l->data, "ENCODING");
        }
    }
  g_list_free (attributes);

  for (GList *l = e_vcard_get_attributes (ours); l != NULL; l = l->next)
    e_vcard_append_attribute (card, e_vcard_attribute_copy (l->data));

  text = e_vcard_to_string (card, EVC_FORMAT_VCARD_30);
  return g_str_has_suffix (text, "\n") ? g_steal_pointer (&text) : g_strconcat (text, "\r\n", NULL);
}

static gboolean
base_is_old (GPtrArray *lines)
{
  for (guint i = 0; i < lines->len; i++)
    {
      BaseLine *line = g_ptr_array_index (lines, i);

      if (g_str_equal (line->name, EVC_VERSION))
        return strstr (line->raw->str, "3.0") == NULL && strstr (line->raw->str, "4.0") == NULL;
    }

  return TRUE;
}

/* @ours over @base (nullable): the base's lines that are not TrustNet's, or that say what
 * TrustNet says, as they were; then TrustNet's other properties, before END:VCARD. */
static char *
write_over_base (EVCard     *ours,
                 const char *base)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GHashTable) covered = g_hash_table_new (NULL, NULL);
  g_autoptr(GString) card = NULL;
  g_autoptr(EVCard) rest = NULL;
  g_autofree char *rest_text = NULL;
  gboolean begun = FALSE;

  lines = split_base (base != NULL ? base : "BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n");
  if (base_is_old (lines))
    return write_over_old_card (ours, base);

  card = g_string_new (NULL);
  for (guint i = 0; i < lines->len; i++)
    {
      BaseLine *line = g_ptr_array_index (lines, i);

      if (g_str_equal (line->name, "BEGIN"))
        {
          begun = TRUE;
          continue;
        }
      if (!begun)
        continue;
      if (g_str_equal (line->name, "END"))
        break;
      if (is_rewritten (line->name) ||
          (is_compared (line->name) && !cover_property (e_vcard_get_attributes (ours), covered, line->name, line->raw->str)))
        continue;

      g_string_append_len (card, line->raw->str, line->raw->len);
      if (!g_str_has_suffix (line->raw->str, "\n"))
        g_string_append (card, "\r\n");
    }

  rest = e_vcard_new ();
  for (GList *l = e_vcard_get_attributes (ours); l != NULL; l = l->next)
    if (!g_hash_table_contains (covered, l->data))
      e_vcard_append_attribute (rest, e_vcard_attribute_copy (l->data));
  rest_text = serialise_properties (rest);

  g_string_prepend (card, "BEGIN:VCARD\r\n");
  g_string_append (card, rest_text);
  g_string_append (card, "END:VCARD\r\n");
  return g_string_free (g_steal_pointer (&card), FALSE);
}

/* ---- a contact ----------------------------------------------------------------------- */

/* An organization or title in a parameter, percent-encoded: a parameter cannot carry every
 * text (a '"' has no spelling in vCard 3.0, and servers differ on ',' ';' ':'), and the
 * value is one text only (see add_with_params()). */
static void
add_encoded_param (EVCardAttribute *attribute,
                   const char      *param,
                   const char      *text)
{
  g_autofree char *encoded = NULL;

  if (text == NULL)
    return;

  encoded = g_uri_escape_string (text, NULL, FALSE);
  e_vcard_attribute_add_param_with_value (attribute, e_vcard_attribute_param_new (param), encoded);
}

/* A job change: its id as the value (as a tombstone's), the rest in parameters. */
static void
add_job_change (EVCard                *card,
                const TnSyncJobChange *change)
{
  EVCardAttribute *attribute = e_vcard_attribute_new (NULL, X_JOB_CHANGE);

  add_encoded_param (attribute, X_FROM_ORG, change->from_organization);
  add_encoded_param (attribute, X_FROM_TITLE, change->from_title);
  add_encoded_param (attribute, X_TO_ORG, change->to_organization);
  add_encoded_param (attribute, X_TO_TITLE, change->to_title);
  e_vcard_attribute_add_param_with_value (attribute, e_vcard_attribute_param_new (X_DAY), change->noticed_on);
  if (change->dismissed_at != 0)
    {
      g_autofree char *time = g_strdup_printf ("%" G_GINT64_FORMAT, change->dismissed_at);

      e_vcard_attribute_add_param_with_value (attribute, e_vcard_attribute_param_new (X_DISMISSED), time);
    }
  e_vcard_append_attribute_with_value (card, attribute, change->id);
}

static void
add_contact_properties (EVCard              *card,
                        const TnSyncContact *contact)
{
  const char * const *fields = (const char * const *) contact->fields;

  add_property (card, EVC_UID, contact->uid);
  add_property (card, EVC_FN, fields[TN_SYNC_FIELD_FULL_NAME] ? fields[TN_SYNC_FIELD_FULL_NAME] : "");
  if (fields[TN_SYNC_FIELD_FAMILY_NAME] != NULL || fields[TN_SYNC_FIELD_GIVEN_NAME] != NULL)
    add_values (card, EVC_N, fields[TN_SYNC_FIELD_FAMILY_NAME] ? fields[TN_SYNC_FIELD_FAMILY_NAME] : "",
                fields[TN_SYNC_FIELD_GIVEN_NAME] ? fields[TN_SYNC_FIELD_GIVEN_NAME] : "", "", "", "", NULL);
  add_property (card, EVC_ORG, fields[TN_SYNC_FIELD_ORGANIZATION]);
  add_property (card, EVC_TITLE, fields[TN_SYNC_FIELD_TITLE]);
  add_property (card, EVC_NOTE, fields[TN_SYNC_FIELD_NOTE]);
  add_property (card, EVC_BDAY, fields[TN_SYNC_FIELD_BIRTHDAY]);
  for (guint i = 0; i < contact->emails->len; i++)
    add_property (card, EVC_EMAIL, g_ptr_array_index (contact->emails, i));
  for (guint i = 0; i < contact->phones->len; i++)
    add_property (card, EVC_TEL, g_ptr_array_index (contact->phones, i));
  for (guint i = 0; i < contact->urls->len; i++)
    add_property (card, EVC_URL, g_ptr_array_index (contact->urls, i));

  add_property (card, X_TRUST, fields[TN_SYNC_FIELD_TRUST]);
  add_property (card, X_CADENCE, fields[TN_SYNC_FIELD_CADENCE]);
  add_property (card, X_HEARD, fields[TN_SYNC_FIELD_HEARD]);
  for (guint i = 0; i < TN_SYNC_N_FIELDS; i++)
    add_change_time (card, tn_sync_field_to_string (i), contact->times[i]);
  for (guint i = 0; i < contact->trust_history->len; i++)
    {
      const TnSyncTrustChange *change = &g_array_index (contact->trust_history, TnSyncTrustChange, i);
      g_autofree char *trust = g_strdup_printf ("%d", change->trust);
      g_autofree char *time = g_strdup_printf ("%" G_GINT64_FORMAT, change->changed_at);

      add_with_params (card, X_TRUST_CHANGE, trust, X_AT, time, NULL);
    }
  for (guint i = 0; i < contact->interactions->len; i++)
    {
      const TnSyncInteraction *interaction = g_ptr_array_index (contact->interactions, i);
      g_autofree char *time = g_strdup_printf ("%" G_GINT64_FORMAT, interaction->changed_at);

      add_with_params (card, X_INTERACTION, interaction->note, X_ID, interaction->uid,
                       X_KIND, tn_interaction_kind_to_string (interaction->kind), X_DAY, interaction->day,
                       X_ONE_ON_ONE, interaction->one_on_one ? "1" : "0",
                       X_GAVE_VALUE, interaction->gave_value ? "1" : "0", X_AT, time, NULL);
    }
  for (guint i = 0; i < contact->gone->len; i++)
    {
      const TnSyncTombstone *tombstone = g_ptr_array_index (contact->gone, i);
      g_autofree char *time = g_strdup_printf ("%" G_GINT64_FORMAT, tombstone->deleted_at);

      add_with_params (card, X_GONE, tombstone->uid, X_AT, time, NULL);
    }
  for (guint i = 0; i < contact->job_changes->len; i++)
    add_job_change (card, g_ptr_array_index (contact->job_changes, i));
}

/**
 * tn_sync_card_write:
 * @contact: a contact, whose @vcard (nullable) is the card to write over
 *
 * The contact as a vCard 3.0 card (or 4.0, when the base card is one): what phones show
 * in the standard properties, everything else in X-TRUSTNET-* properties. Every line of
 * the base that is not TrustNet's, or says what TrustNet says, is kept byte for byte.
 *
 * Returns: (transfer full): the card
 */
char *
tn_sync_card_write (const TnSyncContact *contact)
{
  g_autoptr(EVCard) ours = e_vcard_new ();

  g_return_val_if_fail (contact != NULL, NULL);
  g_return_val_if_fail (contact->uid != NULL, NULL);

  add_contact_properties (ours, contact);
  return write_over_base (ours, contact->vcard);
}

/* ---- reading ------------------------------------------------------------------------- */

typedef void (*ReadProperty) (gpointer         data,
                              const char      *name,
                              EVCardAttribute *attribute);

static EVCard *
parse_card (const char  *vcard,
            GError     **error)
{
  g_autofree char *head = NULL;

  /* EVCard makes an empty card of anything; a card must at least say it is one. */
  head = vcard != NULL ? g_ascii_strup (vcard, MIN (strlen (vcard), 64)) : NULL;
  if (head == NULL || strstr (head, "BEGIN:VCARD") == NULL)
    {
      g_set_error (error, TN_SYNC_CARD_ERROR, TN_SYNC_CARD_ERROR_INVALID,
                   _("The server sent something that is not a vCard"));
      return NULL;
    }

  return e_vcard_new_from_string (vcard);
}

static void
read_properties (EVCard       *card,
                 ReadProperty  read,
                 gpointer      data)
{
  for (GList *l = e_vcard_get_attributes (card); l != NULL; l = l->next)
    {
      g_autofree char *name = g_ascii_strup (e_vcard_attribute_get_name (l->data), -1);

      read (data, name, l->data);
    }
}

static void
add_unique (GPtrArray  *list,
            const char *value,
            char     *(*normalize) (const char *))
{
  g_autofree char *key = normalize (value);

  if (key == NULL)
    return;
  for (guint i = 0; i < list->len; i++)
    {
      g_autofree char *other = normalize (g_ptr_array_index (list, i));

      if (g_strcmp0 (key, other) == 0)
        return;
    }

  g_ptr_array_add (list, g_strdup (value));
}

static char *
strip_tel_uri (const char *value)
{
  return g_strdup (g_str_has_prefix (value, "tel:") ? value + 4 : value);
}

static void
read_interaction (TnSyncContact   *contact,
                  EVCardAttribute *attribute)
{
  g_autofree char *uid = param_text (attribute, X_ID);
  g_autofree char *kind_text = param_text (attribute, X_KIND);
  g_autofree char *day = param_text (attribute, X_DAY);
  g_autofree char *one_on_one = param_text (attribute, X_ONE_ON_ONE);
  g_autofree char *gave_value = param_text (attribute, X_GAVE_VALUE);
  g_autofree char *note = attribute_text (attribute, -1);
  TnSyncInteraction *interaction;
  TnInteractionKind kind;
  gint64 changed_at = 0;

  /* A kind from a newer TrustNet, or a broken day, is not guessed at. */
  if (uid == NULL || *uid == '\0' || !tn_interaction_kind_parse (kind_text, &kind) ||
      !tn_interaction_day_is_valid (day))
    {
      g_debug ("Skipping an interaction this version cannot read: %s %s", kind_text, day);
      return;
    }

  param_int64 (attribute, X_AT, &changed_at);
  interaction = tn_sync_interaction_new (uid, kind, day);
  interaction->one_on_one = g_strcmp0 (one_on_one, "0") != 0;
  interaction->gave_value = g_strcmp0 (gave_value, "1") == 0;
  interaction->changed_at = changed_at;
  interaction->note = note != NULL && *note != '\0' ? tn_sync_text_new (note) : NULL;
  g_ptr_array_add (contact->interactions, interaction);
}

/* A percent-encoded parameter: %TRUE with @text (nullable) when absent or readable. */
static gboolean
decoded_param (EVCardAttribute  *attribute,
               const char       *param,
               char            **text)
{
  g_autofree char *encoded = param_text (attribute, param);

  *text = encoded != NULL ? g_uri_unescape_string (encoded, NULL) : NULL;
  return encoded == NULL || (*text != NULL && g_utf8_validate (*text, -1, NULL));
}

/* The id a card gives is not read: it is made again of the jobs, so that a card cannot
 * give one change two ids (or two changes one). */
static void
read_job_change (TnSyncContact   *contact,
                 EVCardAttribute *attribute)
{
  g_autofree char *from_organization = NULL;
  g_autofree char *from_title = NULL;
  g_autofree char *to_organization = NULL;
  g_autofree char *to_title = NULL;
  g_autofree char *day = param_text (attribute, X_DAY);
  g_autofree char *dismissed = param_text (attribute, X_DISMISSED);
  TnSyncJobChange *change;
  gint64 dismissed_at = 0;

  if (!decoded_param (attribute, X_FROM_ORG, &from_organization) ||
      !decoded_param (attribute, X_FROM_TITLE, &from_title) ||
      !decoded_param (attribute, X_TO_ORG, &to_organization) ||
      !decoded_param (attribute, X_TO_TITLE, &to_title) ||
      !tn_interaction_day_is_valid (day) ||
      (dismissed != NULL && (!parse_int64 (dismissed, &dismissed_at) || dismissed_at <= 0)))
    {
      g_debug ("Skipping a job change this version cannot read: %s", day);
      return;
    }

  change = tn_sync_job_change_new (from_organization, from_title, to_organization, to_title, day);
  change->dismissed_at = dismissed_at;
  tn_sync_job_changes_add (contact->job_changes, change);
}

static void
read_contact_property (gpointer         data,
                       const char      *name,
                       EVCardAttribute *attribute)
{
  TnSyncContact *contact = data;
  g_autofree char *value = attribute_text (attribute, 0);
  g_autofree char *second = attribute_text (attribute, 1);
  gint64 number = 0;
  TnSyncField field;

  if (g_str_equal (name, EVC_UID))
    set_text (&contact->uid, value);
  else if (g_str_equal (name, EVC_FN))
    {
      g_autofree char *whole = attribute_text (attribute, -1);

      tn_sync_contact_set (contact, TN_SYNC_FIELD_FULL_NAME, whole, contact->times[TN_SYNC_FIELD_FULL_NAME]);
    }
  else if (g_str_equal (name, EVC_N))
    {
      tn_sync_contact_set (contact, TN_SYNC_FIELD_FAMILY_NAME, value, contact->times[TN_SYNC_FIELD_FAMILY_NAME]);
      tn_sync_contact_set (contact, TN_SYNC_FIELD_GIVEN_NAME, second, contact->times[TN_SYNC_FIELD_GIVEN_NAME]);
    }
  else if (g_str_equal (name, EVC_ORG))
    tn_sync_contact_set (contact, TN_SYNC_FIELD_ORGANIZATION, value, contact->times[TN_SYNC_FIELD_ORGANIZATION]);
  else if (g_str_equal (name, EVC_TITLE) || g_str_equal (name, EVC_NOTE) || g_str_equal (name, EVC_BDAY))
    {
      g_autofree char *whole = attribute_text (attribute, -1);

      field = g_str_equal (name, EVC_TITLE) ? TN_SYNC_FIELD_TITLE
              : g_str_equal (name, EVC_NOTE) ? TN_SYNC_FIELD_NOTE
              : TN_SYNC_FIELD_BIRTHDAY;
      tn_sync_contact_set (contact, field, whole, contact->times[field]);
    }
  else if (g_str_equal (name, EVC_EMAIL) && value != NULL)
    add_unique (contact->emails, value, tn_text_normalize_email);
  else if (g_str_equal (name, EVC_TEL) && value != NULL)
    {
      g_autofree char *phone = strip_tel_uri (value);

      add_unique (contact->phones, phone, tn_text_normalize_phone);
    }
  else if (g_str_equal (name, EVC_URL) && value != NULL)
    {
      g_autofree char *whole = attribute_text (attribute, -1);

      tn_sync_contact_add_url (contact, whole);
    }
  else if (g_str_equal (name, X_TRUST) && parse_int64 (value, &number) && tn_trust_is_valid ((int) number))
    tn_sync_contact_set (contact, TN_SYNC_FIELD_TRUST, value, contact->times[TN_SYNC_FIELD_TRUST]);
  else if (g_str_equal (name, X_CADENCE) && parse_int64 (value, &number) && number >= 0 && number <= 520)
    tn_sync_contact_set (contact, TN_SYNC_FIELD_CADENCE, value, contact->times[TN_SYNC_FIELD_CADENCE]);
  else if (g_str_equal (name, X_HEARD))
    tn_sync_contact_set (contact, TN_SYNC_FIELD_HEARD, g_strcmp0 (value, "1") == 0 ? "1" : NULL,
                         contact->times[TN_SYNC_FIELD_HEARD]);
  else if (g_str_equal (name, X_CHANGED))
    {
      g_autofree char *field_name = param_text (attribute, X_FIELD);

      if (tn_sync_field_parse (field_name, &field) && parse_int64 (value, &number))
        contact->times[field] = number;
    }
  else if (g_str_equal (name, X_TRUST_CHANGE) && parse_int64 (value, &number) && tn_trust_is_valid ((int) number))
    {
      gint64 changed_at;

      if (param_int64 (attribute, X_AT, &changed_at))
        tn_sync_contact_add_trust_change (contact, (TnTrust) number, changed_at);
    }
  else if (g_str_equal (name, X_INTERACTION))
    read_interaction (contact, attribute);
  else if (g_str_equal (name, X_JOB_CHANGE))
    read_job_change (contact, attribute);
  else if (g_str_equal (name, X_GONE) && value != NULL && *value != '\0' && param_int64 (attribute, X_AT, &number))
    g_ptr_array_add (contact->gone, tn_sync_tombstone_new (value, number));
}

/* A card another client wrote may have no FN; TrustNet needs a name to show. */
static void
fill_in_name (TnSyncContact *contact)
{
  char **fields = contact->fields;
  g_autofree char *name = NULL;

  if (fields[TN_SYNC_FIELD_FULL_NAME] != NULL)
    return;

  name = g_strstrip (g_strdup_printf ("%s %s", fields[TN_SYNC_FIELD_GIVEN_NAME] ? fields[TN_SYNC_FIELD_GIVEN_NAME] : "",
                                      fields[TN_SYNC_FIELD_FAMILY_NAME] ? fields[TN_SYNC_FIELD_FAMILY_NAME] : ""));
  if (*name == '\0')
    set_text (&name, fields[TN_SYNC_FIELD_ORGANIZATION]);
  if ((name == NULL || *name == '\0') && contact->emails->len > 0)
    set_text (&name, g_ptr_array_index (contact->emails, 0));
  if ((name == NULL || *name == '\0') && contact->phones->len > 0)
    set_text (&name, g_ptr_array_index (contact->phones, 0));
  if (name == NULL || *name == '\0')
    set_text (&name, _("Unnamed contact"));

  tn_sync_contact_set (contact, TN_SYNC_FIELD_FULL_NAME, name, contact->times[TN_SYNC_FIELD_FULL_NAME]);
}

/**
 * tn_sync_card_read:
 * @vcard: a vCard 3.0 or 4.0 from the server
 * @error: return location for a #GError
 *
 * The contact a card describes; what it does not say (a card from a phone has no
 * rating) stays empty, and values TrustNet cannot use are left out, never guessed. The
 * card itself becomes the contact's @vcard, so its other properties are kept when it is
 * written back. A card without a UID gets none; the caller names it.
 *
 * Returns: (transfer full) (nullable): the contact, or %NULL with @error set
 */
TnSyncContact *
tn_sync_card_read (const char  *vcard,
                   GError     **error)
{
  g_autoptr(EVCard) card = NULL;
  g_autoptr(TnSyncContact) contact = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  card = parse_card (vcard, error);
  if (card == NULL)
    return NULL;

  contact = tn_sync_contact_new (NULL);
  read_properties (card, read_contact_property, contact);
  fill_in_name (contact);
  contact->vcard = g_strdup (vcard);
  return g_steal_pointer (&contact);
}

/* ---- the person's own card ----------------------------------------------------------- */

/**
 * tn_sync_self_card_write:
 * @self: the person's own data, whose @vcard (nullable) is the card to write over
 *
 * Returns: (transfer full): the card with the UID %TN_SYNC_SELF_UID
 */
char *
tn_sync_self_card_write (const TnSyncSelf *self)
{
  g_autoptr(EVCard) ours = e_vcard_new ();

  g_return_val_if_fail (self != NULL, NULL);

  add_property (ours, EVC_UID, TN_SYNC_SELF_UID);
  add_property (ours, EVC_FN, SELF_CARD_NAME);
  for (guint i = 0; i < self->statements->len; i++)
    {
      const TnSyncStatement *statement = g_ptr_array_index (self->statements, i);
      g_autofree char *time = g_strdup_printf ("%" G_GINT64_FORMAT, statement->created_at);

      add_with_params (ours, X_STATEMENT, statement->text, X_AT, time, NULL);
    }
  for (guint i = 0; i < self->checks->len; i++)
    {
      const TnSyncSelfCheck *check = &g_array_index (self->checks, TnSyncSelfCheck, i);
      g_autofree char *time = g_strdup_printf ("%" G_GINT64_FORMAT, check->taken_at);
      g_autofree char *answers = g_strdup_printf ("%u", check->answers);

      add_with_params (ours, X_SELF_CHECK, answers, X_AT, time, NULL);
    }
  if (self->goal > 0)
    add_number (ours, X_GOAL, self->goal);
  add_property (ours, X_EMPLOYER, self->employer);
  /* The times as a contact's fields carry theirs: a cleared employer has one, and no value. */
  add_change_time (ours, SELF_FIELD_GOAL, self->goal_changed_at);
  add_change_time (ours, SELF_FIELD_EMPLOYER, self->employer_changed_at);

  return write_over_base (ours, self->vcard);
}

static void
read_self_property (gpointer         data,
                    const char      *name,
                    EVCardAttribute *attribute)
{
  TnSyncSelf *self = data;
  g_autofree char *value = attribute_text (attribute, 0);
  gint64 number = 0;
  gint64 second = 0;

  if (g_str_equal (name, X_STATEMENT) && param_int64 (attribute, X_AT, &number))
    {
      g_autofree char *text = attribute_text (attribute, -1);

      if (text != NULL && *text != '\0')
        tn_sync_self_add_statement (self, text, number);
    }
  else if (g_str_equal (name, X_SELF_CHECK) && param_int64 (attribute, X_AT, &number))
    {
      if (parse_int64 (value, &second) && second >= 0 && second <= 63)
        tn_sync_self_add_check (self, (guint) second, number);
    }
  else if (g_str_equal (name, X_GOAL) && parse_int64 (value, &number) && number > 0 && number <= 1000)
    self->goal = (int) number;
  else if (g_str_equal (name, X_EMPLOYER) && value != NULL && *value != '\0')
    set_text (&self->employer, value);
  else if (g_str_equal (name, X_CHANGED) && parse_int64 (value, &number))
    {
      g_autofree char *field = param_text (attribute, X_FIELD);

      if (g_strcmp0 (field, SELF_FIELD_GOAL) == 0)
        self->goal_changed_at = number;
      else if (g_strcmp0 (field, SELF_FIELD_EMPLOYER) == 0)
        self->employer_changed_at = number;
    }
}

/**
 * tn_sync_self_card_read:
 * @vcard: the person's own card from the server
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the person's data, or %NULL with @error set
 */
TnSyncSelf *
tn_sync_self_card_read (const char  *vcard,
                        GError     **error)
{
  g_autoptr(EVCard) card = NULL;
  g_autoptr(TnSyncSelf) self = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  card = parse_card (vcard, error);
  if (card == NULL)
    return NULL;

  self = tn_sync_self_new ();
  read_properties (card, read_self_property, self);
  self->vcard = g_strdup (vcard);
  return g_steal_pointer (&self);
}

/**
 * tn_sync_card_is_self:
 * @vcard: a card
 *
 * Returns: whether @vcard is the person's own card (its UID is %TN_SYNC_SELF_UID)
 */
gboolean
tn_sync_card_is_self (const char *vcard)
{
  g_autoptr(EVCard) card = NULL;
  g_autofree char *value = NULL;
  EVCardAttribute *uid;

  g_return_val_if_fail (vcard != NULL, FALSE);

  /* Cheap first: most cards are not. */
  if (strstr (vcard, TN_SYNC_SELF_UID) == NULL)
    return FALSE;

  card = e_vcard_new_from_string (vcard);
  uid = e_vcard_get_attribute (card, EVC_UID);
  if (uid == NULL)
    return FALSE;

  value = e_vcard_attribute_get_value (uid);
  return g_strcmp0 (value, TN_SYNC_SELF_UID) == 0;
}
