/* tn-contact.c — a contact as a GObject: every field is a property that
 * notifies, so views bound to it update when the store changes it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-contact"

#include "config.h"

#include <string.h>

#include "tn-contact-private.h"
#include "tn-enums.h"
#include "tn-search.h"
#include "tn-text.h"

struct _TnContact
{
  GObject parent_instance;

  gint64 id;
  char *uid;
  char *full_name;
  char *given_name;
  char *family_name;
  char *organization;
  char *title;
  char *note;
  char *birthday;
  char *connected_on;
  /* The card this contact was imported from, as clean vCard 3.0 text, so that an export
   * keeps every property TrustNet does not model. */
  char *vcard;
  TnTrust trust;
  /* Weeks between keep-in-touch meetings; 0 follows the trust rating's default. */
  int cadence_weeks;
  GStrv emails;
  GStrv phones;
  GStrv urls;
  char *last_contact;

  /* Unix times, with their GDateTime made only when asked for: making a
   * local GDateTime looks up the time zone file, which for 100,000
   * contacts at start-up costs more than reading them. */
  gint64 created_unix;
  gint64 updated_unix;
  GDateTime *created_at;
  GDateTime *updated_at;

  /* Folded name, organization and emails, built on first search and
   * dropped whenever one of them changes: search runs over 100,000 rows
   * per keystroke, so folding must not happen there. */
  char *search_key;

  /* The name's collation key, for sorting 100,000 names without making a
   * key per comparison; dropped when the name changes. A GRefString, so the
   * list kept in name order (TnContactsByName) shares it instead of a copy. */
  char *sort_key;
};

G_DEFINE_FINAL_TYPE (TnContact, tn_contact, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UID,
  PROP_FULL_NAME,
  PROP_GIVEN_NAME,
  PROP_FAMILY_NAME,
  PROP_ORGANIZATION,
  PROP_TITLE,
  PROP_NOTE,
  PROP_BIRTHDAY,
  PROP_CONNECTED_ON,
  PROP_VCARD,
  PROP_TRUST,
  PROP_CADENCE_WEEKS,
  PROP_EMAILS,
  PROP_PRIMARY_EMAIL,
  PROP_PHONES,
  PROP_URLS,
  PROP_LAST_CONTACT,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const empty_strv[] = { NULL };

/* g_set_str() arrives in GLib 2.76; Debian 12 has 2.74. Empty text is
 * stored as NULL so "no organization" has one representation. */
static gboolean
set_text (char       **field,
          const char  *value)
{
  char *copy;

  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  /* @value may point into the text it replaces: copy before freeing. */
  copy = g_strdup (value);
  g_free (*field);
  *field = copy;
  return TRUE;
}

static gboolean
set_strv (GStrv              *field,
          const char * const *value)
{
  const char * const *current = *field ? (const char * const *) *field : empty_strv;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;

  for (guint i = 0; value != NULL && value[i] != NULL; i++)
    {
      if (value[i][0] != '\0')
        g_strv_builder_add (builder, value[i]);
    }
  kept = g_strv_builder_end (builder);

  if (g_strv_equal (current, (const char * const *) kept))
    return FALSE;

  g_strfreev (*field);
  *field = g_steal_pointer (&kept);
  return TRUE;
}

static void
forget_search_key (TnContact *self)
{
  g_clear_pointer (&self->search_key, g_free);
}

static void
forget_sort_key (TnContact *self)
{
  g_clear_pointer (&self->sort_key, g_ref_string_release);
}

static void
tn_contact_finalize (GObject *object)
{
  TnContact *self = (TnContact *) object;

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->full_name, g_free);
  g_clear_pointer (&self->given_name, g_free);
  g_clear_pointer (&self->family_name, g_free);
  g_clear_pointer (&self->organization, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->birthday, g_free);
  g_clear_pointer (&self->connected_on, g_free);
  g_clear_pointer (&self->vcard, g_free);
  g_clear_pointer (&self->emails, g_strfreev);
  g_clear_pointer (&self->phones, g_strfreev);
  g_clear_pointer (&self->urls, g_strfreev);
  g_clear_pointer (&self->last_contact, g_free);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->updated_at, g_date_time_unref);
  g_clear_pointer (&self->search_key, g_free);
  forget_sort_key (self);

  G_OBJECT_CLASS (tn_contact_parent_class)->finalize (object);
}

static void
tn_contact_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  TnContact *self = TN_CONTACT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_UID:
      g_value_set_string (value, self->uid);
      break;
    case PROP_FULL_NAME:
      g_value_set_string (value, self->full_name);
      break;
    case PROP_GIVEN_NAME:
      g_value_set_string (value, self->given_name);
      break;
    case PROP_FAMILY_NAME:
      g_value_set_string (value, self->family_name);
      break;
    case PROP_BIRTHDAY:
      g_value_set_string (value, self->birthday);
      break;
    case PROP_CONNECTED_ON:
      g_value_set_string (value, self->connected_on);
      break;
    case PROP_VCARD:
      g_value_set_string (value, self->vcard);
      break;
    case PROP_ORGANIZATION:
      g_value_set_string (value, self->organization);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_TRUST:
      g_value_set_enum (value, self->trust);
      break;
    case PROP_CADENCE_WEEKS:
      g_value_set_int (value, self->cadence_weeks);
      break;
    case PROP_EMAILS:
      g_value_set_boxed (value, tn_contact_get_emails (self));
      break;
    case PROP_PRIMARY_EMAIL:
      g_value_set_string (value, tn_contact_get_primary_email (self));
      break;
    case PROP_PHONES:
      g_value_set_boxed (value, tn_contact_get_phones (self));
      break;
    case PROP_URLS:
      g_value_set_boxed (value, tn_contact_get_urls (self));
      break;
    case PROP_LAST_CONTACT:
      g_value_set_string (value, self->last_contact);
      break;
    case PROP_CREATED_AT:
      g_value_set_boxed (value, tn_contact_get_created_at (self));
      break;
    case PROP_UPDATED_AT:
      g_value_set_boxed (value, tn_contact_get_updated_at (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_contact_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  TnContact *self = TN_CONTACT (object);

  switch (prop_id)
    {
    case PROP_UID:
      tn_contact_set_uid (self, g_value_get_string (value));
      break;
    case PROP_FULL_NAME:
      tn_contact_set_full_name (self, g_value_get_string (value));
      break;
    case PROP_GIVEN_NAME:
      tn_contact_set_given_name (self, g_value_get_string (value));
      break;
    case PROP_FAMILY_NAME:
      tn_contact_set_family_name (self, g_value_get_string (value));
      break;
    case PROP_BIRTHDAY:
      tn_contact_set_birthday (self, g_value_get_string (value));
      break;
    case PROP_CONNECTED_ON:
      tn_contact_set_connected_on (self, g_value_get_string (value));
      break;
    case PROP_VCARD:
      tn_contact_set_vcard (self, g_value_get_string (value));
      break;
    case PROP_ORGANIZATION:
      tn_contact_set_organization (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      tn_contact_set_title (self, g_value_get_string (value));
      break;
    case PROP_NOTE:
      tn_contact_set_note (self, g_value_get_string (value));
      break;
    case PROP_TRUST:
      tn_contact_set_trust (self, g_value_get_enum (value));
      break;
    case PROP_CADENCE_WEEKS:
      tn_contact_set_cadence_weeks (self, g_value_get_int (value));
      break;
    case PROP_EMAILS:
      tn_contact_set_emails (self, g_value_get_boxed (value));
      break;
    case PROP_PHONES:
      tn_contact_set_phones (self, g_value_get_boxed (value));
      break;
    case PROP_URLS:
      tn_contact_set_urls (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_contact_class_init (TnContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tn_contact_finalize;
  object_class->get_property = tn_contact_get_property;
  object_class->set_property = tn_contact_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_UID] =
    g_param_spec_string ("uid", NULL, NULL, NULL, rw);
  properties[PROP_FULL_NAME] =
    g_param_spec_string ("full-name", NULL, NULL, NULL, rw);
  properties[PROP_GIVEN_NAME] =
    g_param_spec_string ("given-name", NULL, NULL, NULL, rw);
  properties[PROP_FAMILY_NAME] =
    g_param_spec_string ("family-name", NULL, NULL, NULL, rw);
  properties[PROP_ORGANIZATION] =
    g_param_spec_string ("organization", NULL, NULL, NULL, rw);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL, rw);
  properties[PROP_BIRTHDAY] =
    g_param_spec_string ("birthday", NULL, NULL, NULL, rw);
  properties[PROP_CONNECTED_ON] =
    g_param_spec_string ("connected-on", NULL, NULL, NULL, rw);
  properties[PROP_VCARD] =
    g_param_spec_string ("vcard", NULL, NULL, NULL, rw);
  properties[PROP_TRUST] =
    g_param_spec_enum ("trust", NULL, NULL, TN_TYPE_TRUST, TN_TRUST_UNRATED, rw);
  properties[PROP_CADENCE_WEEKS] =
    g_param_spec_int ("cadence-weeks", NULL, NULL, 0, TN_CONTACT_MAX_CADENCE_WEEKS, 0, rw);
  properties[PROP_EMAILS] =
    g_param_spec_boxed ("emails", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_PRIMARY_EMAIL] =
    g_param_spec_string ("primary-email", NULL, NULL, NULL, ro);
  properties[PROP_PHONES] =
    g_param_spec_boxed ("phones", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_URLS] =
    g_param_spec_boxed ("urls", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_LAST_CONTACT] =
    g_param_spec_string ("last-contact", NULL, NULL, NULL, ro);
  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_UPDATED_AT] =
    g_param_spec_boxed ("updated-at", NULL, NULL, G_TYPE_DATE_TIME, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tn_contact_init (TnContact *self)
{
}

TnContact *
tn_contact_new (const char *full_name)
{
  return g_object_new (TN_TYPE_CONTACT, "full-name", full_name, NULL);
}

/**
 * tn_contact_copy:
 * @self: a contact
 *
 * A detached copy, with the same id, to edit as a draft and hand back to
 * tn_store_update_contact(): the shown contact changes only once the
 * database has taken the change.
 *
 * Returns: (transfer full): the copy
 */
TnContact *
tn_contact_copy (TnContact *self)
{
  TnContact *copy;

  g_return_val_if_fail (TN_IS_CONTACT (self), NULL);

  copy = g_object_new (TN_TYPE_CONTACT, NULL);
  copy->id = self->id;
  copy->last_contact = g_strdup (self->last_contact);
  copy->created_unix = self->created_unix;
  copy->updated_unix = self->updated_unix;
  _tn_contact_assign (copy, self);

  return copy;
}

gint64
tn_contact_get_id (TnContact *self)
{
  g_return_val_if_fail (TN_IS_CONTACT (self), 0);

  return self->id;
}

const char *
tn_contact_get_uid (TnContact *self)
{
  g_return_val_if_fail (TN_IS_CONTACT (self), NULL);

  return self->uid;
}

void
tn_contact_set_uid (TnContact  *self,
                    const char *uid)
{
  g_return_if_fail (TN_IS_CONTACT (self));

  if (set_text (&self->uid, uid))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UID]);
}

const char *
tn_contact_get_full_name (TnContact *self)
{
  g_return_val_if_fail (TN_IS_CONTACT (self), NULL);

  return self->full_name;
}

void
tn_contact_set_full_name (TnContact  *self,
                          const char *full_name)
{
  g_return_if_fail (TN_IS_CONTACT (self));

  if (set_text (&self->full_name, full_name))
    {
      forget_search_key (self);
      forget_sort_key (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FULL_NAME]);
    }
}

const char *
tn_contact_get_given_name (TnContact *self)
{
  g_return_val_if_fail (TN_IS_CONTACT (self), NULL);

  return self->given_name;
}

void
tn_contact_set_given_name (TnContact  *self,
                           const char *given_name)
{
  g_return_if_fail (TN_IS_CONTACT (self));

  if (set_text (&self->given_name, given_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GIVEN_NAME]);
}

const char *
tn_contact_get_family_name (TnContact *self)
{
  g_return_val_if_fail (TN_IS_CONTACT (self), NULL);

  return self->family_name;
}

void
tn_contact_set_family_name (TnContact  *self,
                            const char *family_name)
{
  g_return_if_fail (TN_IS_CONTACT (self));

  if (set_text (&self->family_name, family_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAMILY_NAME]);
}

const char *
tn_contact_get_organization (TnContact *self)
{
  g_return_val_if_fail (TN_IS_CONTACT (self), NULL);

  return self->organization;
}

void
tn_contact_set_organization (TnContact  *self,
                             const char *organization)
{
  g_return_if_fail (TN_IS_CONTACT (self));

  if (set_text (&self->organization, organization))
    {
      forget_search_key (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANIZATION]);
    }
}

const char *
tn_contact_get_title (TnContact *self)
{
  g_return_val_if_fail (TN_IS_CONTACT (self), NULL);

  return self->title;
}

void
tn_contact_set_title (TnContact  *self,
                      const char *title)
{
  g_return_if_fail (TN_IS_CONTACT (self));

  if (set_text (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
tn_contact_get_note (TnContact *self)
{
  g_return_val_if_fail (TN_IS_CONTACT (self), NULL);

  return self->note;
}

void
tn_contact_set_note (TnContact  *self,
                     const char *note)
{
  g_return_if_fail (TN_IS_CONTACT (self));

  if (set_text (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

/**
 * tn_contact_get_birthday:
 * @self: a contact
 *
 * Returns: (nullable): "YYYY-MM-DD", or "--MM-DD" when the year is not known
 */
const char *
tn_contact_get_birthday (TnContact *self)
{
  g_return_val_if_fail (TN_IS_CONTACT (self), NULL);

  return self->birthday;
}

void
tn_contact_set_birthday (TnContact  *self,
                         const char *birthday)
{
  g_return_if_fail (TN_IS_CONTACT (self));

  if (set_text (&self->birthday, birthday))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BIRTHDAY]);
}

/**
 * tn_contact_get_vcard:
 * @self: a contact
 *
 * Returns: (nullable): the card the contact was imported from, as vCard 3.0 text, or %NULL
 *   for a contact created in TrustNet
 */
const char *
tn_contact_get_vcard (TnContact *self)
{
  g_return_val_if_fail (TN_IS_CONTACT (self), NULL);

  return self->vcard;
}

void
tn_contact_set_vcard (TnContact  *self,
                      const char *vcard)
{
  g_return_if_fail (TN_IS_CONTACT (self));

  if (set_text (&self->vcard, vcard))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VCARD]);
}

TnTrust
tn_contact_get_trust (TnContact *self)
{
  g_return_val_if_fail (TN_IS_CONTACT (self), TN_TRUST_UNRATED);

  return self->trust;
}

void
tn_contact_set_trust (TnContact *self,
                      TnTrust    trust)
{
  g_return_if_fail (TN_IS_CONTACT (self));
  g_return_if_fail (tn_trust_is_valid (trust));

  if (self->trust == trust)
    return;

  self->trust = trust;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRUST]);
}

/**
 * tn_contact_get_cadence_weeks:
 * @self: a contact
 *
 * Returns: how many weeks may pass between two meetings with this person before
 *   they are overdue, or 0 to follow their trust rating's default (Preferences)
 */
int
tn_contact_get_cadence_weeks (TnContact *self)
{
  g_return_val_if_fail (TN_IS_CONTACT (self), 0);

  return self->cadence_weeks;
}

void
tn_contact_set_cadence_weeks (TnContact *self,
                              int        cadence_weeks)
{
  g_return_if_fail (TN_IS_CONTACT (self));
  g_return_if_fail (cadence_weeks >= 0 && cadence_weeks <= TN_CONTACT_MAX_CADENCE_WEEKS);

  if (self->cadence_weeks == cadence_weeks)
    return;

  self->cadence_weeks = cadence_weeks;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CADENCE_WEEKS]);
}

/**
 * tn_contact_get_emails:
 * @self: a contact
 *
 * Returns: (transfer none): the addresses, first the preferred one; never %NULL
 */
const char * const *
tn_contact_get_emails (TnContact *self)
{
  g_return_val_if_fail (TN_IS_CONTACT (self), empty_strv);

  return self->emails ? (const char * const *) self->emails : empty_strv;
}

void
tn_contact_set_emails (TnContact          *self,
                       const char * const *emails)
{
  g_autofree char *old_primary = NULL;

  g_return_if_fail (TN_IS_CONTACT (self));

  old_primary = g_strdup (tn_contact_get_primary_email (self));
  if (!set_strv (&self->emails, emails))
    return;

  forget_search_key (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAILS]);
  if (g_strcmp0 (old_primary, tn_contact_get_primary_email (self)) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRIMARY_EMAIL]);
}

const char *
tn_contact_get_primary_email (TnContact *self)
{
  g_return_val_if_fail (TN_IS_CONTACT (self), NULL);

  return self->emails ? self->emails[0] : NULL;
}

/**
 * tn_contact_get_connected_on:
 * @self: a contact
 *
 * Returns: (nullable): "YYYY-MM-DD", when the professional connection began (LinkedIn's
 *   "Connected On")
 */
const char *
tn_contact_get_connected_on (TnContact *self)
{
  g_return_val_if_fail (TN_IS_CONTACT (self), NULL);

  return self->connected_on;
}

void
tn_contact_set_connected_on (TnContact  *self,
                             const char *connected_on)
{
  g_return_if_fail (TN_IS_CONTACT (self));

  if (set_text (&self->connected_on, connected_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTED_ON]);
}

/**
 * tn_contact_get_urls:
 * @self: a contact
 *
 * Returns: (transfer none): the contact's web pages (a LinkedIn profile among them), never
 *   %NULL
 */
const char * const *
tn_contact_get_urls (TnContact *self)
{
  g_return_val_if_fail (TN_IS_CONTACT (self), NULL);

  return self->urls ? (const char * const *) self->urls : empty_strv;
}

void
tn_contact_set_urls (TnContact          *self,
                     const char * const *urls)
{
  g_return_if_fail (TN_IS_CONTACT (self));

  if (set_strv (&self->urls, urls))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URLS]);
}

/**
 * tn_contact_get_phones:
 * @self: a contact
 *
 * Returns: (transfer none): the phone numbers as written; never %NULL
 */
const char * const *
tn_contact_get_phones (TnContact *self)
{
  g_return_val_if_fail (TN_IS_CONTACT (self), empty_strv);

  return self->phones ? (const char * const *) self->phones : empty_strv;
}

void
tn_contact_set_phones (TnContact          *self,
                       const char * const *phones)
{
  g_return_if_fail (TN_IS_CONTACT (self));

  if (set_strv (&self->phones, phones))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONES]);
}

/**
 * tn_contact_get_last_contact:
 * @self: a contact
 *
 * Returns: (nullable): the day of the latest logged interaction as
 *   YYYY-MM-DD, or %NULL if there has been none
 */
const char *
tn_contact_get_last_contact (TnContact *self)
{
  g_return_val_if_fail (TN_IS_CONTACT (self), NULL);

  return self->last_contact;
}

static GDateTime *
get_date_time (GDateTime **cache,
               gint64      unix_time)
{
  if (unix_time == 0)
    return NULL;

  if (*cache == NULL)
    *cache = g_date_time_new_from_unix_local (unix_time);

  return *cache;
}

/**
 * tn_contact_get_created_at:
 * @self: a contact
 *
 * Returns: (transfer none) (nullable): when the contact was added, or
 *   %NULL if it is not stored yet
 */
GDateTime *
tn_contact_get_created_at (TnContact *self)
{
  g_return_val_if_fail (TN_IS_CONTACT (self), NULL);

  return get_date_time (&self->created_at, self->created_unix);
}

/**
 * tn_contact_get_created_unix:
 * @self: a contact
 *
 * tn_contact_get_created_at() without making a #GDateTime: for rules that look at every
 * contact, where one each would cost a time-zone look-up each.
 *
 * Returns: when the contact was added, in unix time; 0 if it is not stored yet
 */
gint64
tn_contact_get_created_unix (TnContact *self)
{
  g_return_val_if_fail (TN_IS_CONTACT (self), 0);

  return self->created_unix;
}

/**
 * tn_contact_get_updated_at:
 * @self: a contact
 *
 * Returns: (transfer none) (nullable): when the contact last changed, or
 *   %NULL if it is not stored yet
 */
GDateTime *
tn_contact_get_updated_at (TnContact *self)
{
  g_return_val_if_fail (TN_IS_CONTACT (self), NULL);

  return get_date_time (&self->updated_at, self->updated_unix);
}

/**
 * tn_contact_get_search_key:
 * @self: a contact
 *
 * Returns: the words of the name, organization and emails, folded once by
 *   tn_search_make_key() and kept until one of those fields changes
 */
const char *
tn_contact_get_search_key (TnContact *self)
{
  g_return_val_if_fail (TN_IS_CONTACT (self), "");

  if (self->search_key == NULL)
    {
      g_autoptr(GPtrArray) fields = g_ptr_array_new ();

      g_ptr_array_add (fields, self->full_name);
      g_ptr_array_add (fields, self->organization);
      for (guint i = 0; self->emails != NULL && self->emails[i] != NULL; i++)
        g_ptr_array_add (fields, self->emails[i]);

      self->search_key = tn_search_make_key ((const char * const *) fields->pdata, fields->len);
    }

  return self->search_key;
}

/**
 * tn_contact_get_sort_key:
 * @self: a contact
 *
 * Returns: the collation key of the full name (g_utf8_collate_key()):
 *   strcmp() on two keys orders the names as the person's language does
 */
const char *
tn_contact_get_sort_key (TnContact *self)
{
  g_return_val_if_fail (TN_IS_CONTACT (self), "");

  if (self->sort_key == NULL)
    self->sort_key = _tn_contact_make_sort_key (self->full_name);

  return self->sort_key;
}

/* The collation key of @name as a GRefString: one rule, for this file and for
 * the worker thread of TnContactsByName. Safe in any thread. */
char *
_tn_contact_make_sort_key (const char *name)
{
  g_autofree char *key = g_utf8_collate_key (name != NULL ? name : "", -1);

  return g_ref_string_new (key);
}

/* A new reference to the name's collation key (see tn_contact_get_sort_key()). */
char *
_tn_contact_ref_sort_key (TnContact *self)
{
  g_assert (TN_IS_CONTACT (self));

  return g_ref_string_acquire ((char *) tn_contact_get_sort_key (self));
}

/* Takes @key, made in another thread from @name, if the contact is still called
 * @name and has no key yet: 100,000 keys are made off the main thread once. */
void
_tn_contact_offer_sort_key (TnContact  *self,
                            const char *name,
                            char       *key)
{
  g_assert (TN_IS_CONTACT (self));

  if (self->sort_key == NULL && g_strcmp0 (self->full_name != NULL ? self->full_name : "", name) == 0)
    self->sort_key = g_ref_string_acquire (key);
}

/**
 * tn_contact_matches:
 * @self: a contact
 * @query: (nullable): what the person typed
 *
 * The rule of tn-search.h for one contact. A list checking many contacts per keystroke
 * makes one #TnSearch and calls tn_search_matches_contact() instead.
 *
 * Returns: %TRUE if every word of @query begins a word of the name, organization or an email
 */
gboolean
tn_contact_matches (TnContact  *self,
                    const char *query)
{
  g_autoptr(TnSearch) search = NULL;

  g_return_val_if_fail (TN_IS_CONTACT (self), FALSE);

  if (query == NULL || *query == '\0')
    return TRUE;

  search = tn_search_new (query);
  return tn_search_matches_contact (search, self);
}

gboolean
tn_contact_has_email (TnContact  *self,
                      const char *email)
{
  g_autofree char *wanted = NULL;

  g_return_val_if_fail (TN_IS_CONTACT (self), FALSE);

  wanted = tn_text_normalize_email (email);
  if (wanted == NULL)
    return FALSE;

  for (guint i = 0; self->emails != NULL && self->emails[i] != NULL; i++)
    {
      g_autofree char *candidate = tn_text_normalize_email (self->emails[i]);

      if (g_strcmp0 (candidate, wanted) == 0)
        return TRUE;
    }

  return FALSE;
}

void
_tn_contact_set_id (TnContact *self,
                    gint64     id)
{
  g_assert (TN_IS_CONTACT (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
_tn_contact_set_last_contact (TnContact  *self,
                              const char *last_contact)
{
  g_assert (TN_IS_CONTACT (self));

  if (set_text (&self->last_contact, last_contact))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_CONTACT]);
}

static void
set_unix_time (TnContact  *self,
               gint64     *field,
               GDateTime **cache,
               gint64      unix_time,
               GParamSpec *pspec)
{
  if (*field == unix_time)
    return;

  *field = unix_time;
  g_clear_pointer (cache, g_date_time_unref);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

void
_tn_contact_set_timestamps (TnContact *self,
                            gint64     created_at,
                            gint64     updated_at)
{
  g_assert (TN_IS_CONTACT (self));

  set_unix_time (self, &self->created_unix, &self->created_at, created_at, properties[PROP_CREATED_AT]);
  set_unix_time (self, &self->updated_unix, &self->updated_at, updated_at, properties[PROP_UPDATED_AT]);
}

/* Copies what a person can edit; identity and derived figures stay. */
void
_tn_contact_assign (TnContact *self,
                    TnContact *source)
{
  g_assert (TN_IS_CONTACT (self));
  g_assert (TN_IS_CONTACT (source));

  g_object_freeze_notify (G_OBJECT (self));
  tn_contact_set_uid (self, source->uid);
  tn_contact_set_full_name (self, source->full_name);
  tn_contact_set_given_name (self, source->given_name);
  tn_contact_set_family_name (self, source->family_name);
  tn_contact_set_organization (self, source->organization);
  tn_contact_set_title (self, source->title);
  tn_contact_set_note (self, source->note);
  tn_contact_set_birthday (self, source->birthday);
  tn_contact_set_connected_on (self, source->connected_on);
  tn_contact_set_vcard (self, source->vcard);
  tn_contact_set_trust (self, source->trust);
  tn_contact_set_cadence_weeks (self, source->cadence_weeks);
  tn_contact_set_emails (self, tn_contact_get_emails (source));
  tn_contact_set_phones (self, tn_contact_get_phones (source));
  tn_contact_set_urls (self, tn_contact_get_urls (source));
  g_object_thaw_notify (G_OBJECT (self));
}
