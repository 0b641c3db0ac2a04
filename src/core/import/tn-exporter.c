/* tn-exporter.c — contacts to vCard 3.0 files. A contact imported from a card is written as
 * that card with TrustNet's current values put in, so photos, addresses, URLs and X-
 * properties survive; a contact made in TrustNet gets a card of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A property TrustNet models and the person has not changed is left exactly as it was, with
 * its parameters and group (item1.EMAIL with its item1.X-ABLabel); only a changed value is
 * rewritten. Import → export → import therefore gives the same contacts.
 */
#define G_LOG_DOMAIN "tn-exporter"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

/* EDS 3.46's headers use GTimeVal, deprecated since GLib 2.62. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
#include <libebook-contacts/libebook-contacts.h>
G_GNUC_END_IGNORE_DEPRECATIONS

#include "tn-exporter-private.h"
#include "tn-vcard-attributes-private.h"
#include "tn-vcard-private.h"
#include "tn-vcard.h"

/* EDS 3.46 declares no g_autoptr() support for its types. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EVCard, g_object_unref)

/* Where a trust rating goes; the importer reads it back. */
#define TRUST_PROPERTY "X-TRUSTNET-TRUST"

/* Cards are written to the file in pieces of about this size. */
#define WRITE_BUFFER_SIZE (64 * 1024)

/* ---- Reading a property as the importer does (tn-vcard-attributes-private.h) -------- */

/* Every property named @name, whatever its group and case, in card order. */
static GList *
find_attributes (EVCard     *vcard,
                 const char *name)
{
  GList *found = NULL;

  for (GList *l = e_vcard_get_attributes (vcard); l != NULL; l = l->next)
    {
      if (g_ascii_strcasecmp (e_vcard_attribute_get_name (l->data), name) == 0)
        found = g_list_prepend (found, l->data);
    }

  return g_list_reverse (found);
}

/* ---- Putting the contact's values in ------------------------------------------------- */

static void
append_value (EVCard     *vcard,
              const char *name,
              const char *value)
{
  e_vcard_append_attribute_with_value (vcard, e_vcard_attribute_new (NULL, name), value);
}

/* Replaces the values of @attr with @values, keeping its group and parameters. */
static void
set_values (EVCardAttribute    *attr,
            const char * const *values,
            guint               n_values)
{
  e_vcard_attribute_remove_values (attr);
  for (guint i = 0; i < n_values; i++)
    e_vcard_attribute_add_value (attr, values[i] != NULL ? values[i] : "");
}

typedef char *(*ReadValue) (EVCardAttribute *attr);

static char *
read_text (EVCardAttribute *attr)
{
  return _tn_vcard_attribute_text (attr, FALSE);
}

/* A property read once (FN, TITLE, NOTE, UID, BDAY): kept if its first occurrence still
 * says @value, else rewritten; removed when the contact has no value. */
static void
put_single (EVCard     *vcard,
            const char *name,
            const char *value,
            ReadValue   read)
{
  g_autoptr(GList) attrs = find_attributes (vcard, name);
  g_autofree char *current = attrs != NULL ? read (attrs->data) : NULL;

  if (g_strcmp0 (current, value) == 0)
    return;

  e_vcard_remove_attributes (vcard, NULL, name);
  if (value != NULL)
    append_value (vcard, name, value);
}

/* The first of a structured property's values (ORG's organization) and the second too for
 * N (family; given), keeping the other components: units, prefixes, suffixes. */
static void
put_components (EVCard     *vcard,
                const char *name,
                const char *first,
                const char *second,
                guint       n_components,
                gboolean    always)
{
  g_autoptr(GList) attrs = find_attributes (vcard, name);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  const char *wanted[2] = { first, second };
  gboolean same = TRUE;

  if (attrs == NULL)
    {
      if (!always && first == NULL && second == NULL)
        return;

      for (guint i = 0; i < n_components; i++)
        g_ptr_array_add (values, g_strdup (i < 2 && wanted[i] != NULL ? wanted[i] : ""));
      attrs = g_list_prepend (NULL, e_vcard_attribute_new (NULL, name));
      set_values (attrs->data, (const char * const *) values->pdata, values->len);
      e_vcard_append_attribute (vcard, attrs->data);
      return;
    }

  for (guint i = 0; i < MIN (n_components, 2); i++)
    {
      g_autofree char *current = _tn_vcard_attribute_component (attrs->data, i);

      same = same && g_strcmp0 (current, wanted[i]) == 0;
    }
  if (same)
    return;

  if (!always && first == NULL && second == NULL)
    {
      e_vcard_remove_attributes (vcard, NULL, name);
      return;
    }

  for (GList *l = e_vcard_attribute_get_values (attrs->data); l != NULL; l = l->next)
    g_ptr_array_add (values, g_strdup (l->data));
  while (values->len < MIN (n_components, 2))
    g_ptr_array_add (values, g_strdup (""));
  for (guint i = 0; i < MIN (n_components, 2); i++)
    {
      g_free (g_ptr_array_index (values, i));
      g_ptr_array_index (values, i) = g_strdup (wanted[i] != NULL ? wanted[i] : "");
    }
  set_values (attrs->data, (const char * const *) values->pdata, values->len);
}

/* EMAIL, TEL and URL: a property whose value the contact still has stays as it was; the
 * others go; the contact's new values are added at the end. */
static void
put_list (EVCard             *vcard,
          const char         *name,
          const char * const *values,
          gboolean            is_phone)
{
  g_autoptr(GList) attrs = find_attributes (vcard, name);
  guint n_values = g_strv_length ((char **) values);
  g_autofree gboolean *written = g_new0 (gboolean, n_values + 1);

  for (GList *l = attrs; l != NULL; l = l->next)
    {
      g_autofree char *current = _tn_vcard_attribute_text (l->data, is_phone);
      gboolean kept = FALSE;

      for (guint i = 0; i < n_values && !kept; i++)
        {
          if (!written[i] && g_strcmp0 (current, values[i]) == 0)
            written[i] = kept = TRUE;
        }

      if (!kept)
        e_vcard_remove_attribute (vcard, l->data);
    }

  for (guint i = 0; i < n_values; i++)
    {
      EVCardAttribute *attr;

      if (written[i])
        continue;

      attr = e_vcard_attribute_new (NULL, name);
      /* A web page has no type to give. */
      if (is_phone || g_str_equal (name, EVC_EMAIL))
        e_vcard_attribute_add_param_with_value (attr, e_vcard_attribute_param_new (EVC_TYPE),
                                                is_phone ? "VOICE" : "INTERNET");
      e_vcard_append_attribute_with_value (vcard, attr, values[i]);
    }
}

static void
put_trust (EVCard  *vcard,
           TnTrust  trust)
{
  g_autofree char *value = g_strdup_printf ("%d", trust);

  e_vcard_remove_attributes (vcard, NULL, TRUST_PROPERTY);
  if (trust != TN_TRUST_UNRATED)
    append_value (vcard, TRUST_PROPERTY, value);
}

/**
 * tn_exporter_contact_to_vcard:
 * @contact: a contact
 *
 * The contact as a vCard 3.0 card: its imported card (see tn_contact_get_vcard()) with the
 * contact's current name, organization, title, note, birthday, uid, email addresses, phone
 * numbers and web pages put in, or a new card for a contact made in TrustNet. A trust
 * rating goes in X-TRUSTNET-TRUST, when the connection began in X-TRUSTNET-CONNECTED-ON.
 *
 * Returns: (transfer full): the card's text, CRLF line endings, without a final newline
 */
char *
tn_exporter_contact_to_vcard (TnContact *contact)
{
  g_autoptr(EVCard) vcard = NULL;
  const char *kept;

  g_return_val_if_fail (TN_IS_CONTACT (contact), NULL);

  kept = tn_contact_get_vcard (contact);
  vcard = kept != NULL ? e_vcard_new_from_string (kept) : e_vcard_new ();

  put_single (vcard, EVC_UID, tn_contact_get_uid (contact), read_text);
  put_single (vcard, EVC_FN, tn_contact_get_full_name (contact), read_text);
  put_components (vcard, EVC_N, tn_contact_get_family_name (contact), tn_contact_get_given_name (contact), 5, TRUE);
  put_components (vcard, EVC_ORG, tn_contact_get_organization (contact), NULL, 1, FALSE);
  put_single (vcard, EVC_TITLE, tn_contact_get_title (contact), read_text);
  put_single (vcard, EVC_NOTE, tn_contact_get_note (contact), read_text);
  put_single (vcard, EVC_BDAY, tn_contact_get_birthday (contact), _tn_vcard_attribute_birthday);
  put_list (vcard, EVC_EMAIL, tn_contact_get_emails (contact), FALSE);
  put_list (vcard, EVC_TEL, tn_contact_get_phones (contact), TRUE);
  put_list (vcard, EVC_URL, tn_contact_get_urls (contact), FALSE);
  put_single (vcard, TN_VCARD_CONNECTED_ON_PROPERTY, tn_contact_get_connected_on (contact), read_text);
  put_trust (vcard, tn_contact_get_trust (contact));

  return e_vcard_to_string (vcard, EVC_FORMAT_VCARD_30);
}

/* ---- Writing a file ------------------------------------------------------------------ */

static gboolean
flush (GOutputStream  *stream,
       GString        *buffer,
       GCancellable   *cancellable,
       GError        **error)
{
  gboolean written = g_output_stream_write_all (stream, buffer->str, buffer->len, NULL, cancellable, error);

  g_string_truncate (buffer, 0);
  return written;
}

/* A card the importer would skip is refused, naming the contact: what TrustNet exports it
 * can import again. A card this short fits whatever it holds; a longer one is measured as
 * the importer measures it (its text without inline data). */
static gboolean
check_card_importable (TnContact   *contact,
                       const char  *card,
                       GError     **error)
{
  g_autofree char *limit = NULL;

  if (strlen (card) <= TN_VCARD_MAX_CARD_SIZE || _tn_vcard_card_is_importable (card))
    return TRUE;

  limit = g_format_size (TN_VCARD_MAX_CARD_SIZE);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
               _("the card of “%s” would be larger than TrustNet imports (%s of text); "
                 "shorten its note or remove some of its addresses"),
               tn_contact_get_full_name (contact), limit);
  return FALSE;
}

/* A file the importer would refuse is not written at all: see _tn_exporter_write_file_at_most(). */
static gboolean
check_file_size (guint64   size,
                 gsize     max_size,
                 GError  **error)
{
  g_autofree char *limit = NULL;

  if (size <= max_size)
    return TRUE;

  limit = g_format_size (max_size);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
               _("the file would be larger than %s, the largest file TrustNet imports; "
                 "export fewer contacts at a time"),
               limit);
  return FALSE;
}

static gboolean
write_contacts (GListModel     *contacts,
                GOutputStream  *stream,
                gsize           max_size,
                guint          *n_written,
                GCancellable   *cancellable,
                GError        **error)
{
  g_autoptr(GString) buffer = g_string_sized_new (WRITE_BUFFER_SIZE + 4096);
  guint n_items = g_list_model_get_n_items (contacts);
  guint64 size = 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TnContact) contact = g_list_model_get_item (contacts, i);
      g_autofree char *card = tn_exporter_contact_to_vcard (contact);
      gsize before = buffer->len;

      if (!check_card_importable (contact, card, error))
        return FALSE;

      g_string_append (buffer, card);
      g_string_append (buffer, "\r\n");
      size += buffer->len - before;
      if (!check_file_size (size, max_size, error))
        return FALSE;
      (*n_written)++;

      if (buffer->len >= WRITE_BUFFER_SIZE && !flush (stream, buffer, cancellable, error))
        return FALSE;
    }

  return flush (stream, buffer, cancellable, error);
}

/* A file GIO reaches only by URI (no local path): replaced by GIO, which keeps what was
 * there when the write fails. */
static gboolean
write_by_uri (GListModel    *contacts,
              GFile         *file,
              gsize          max_size,
              guint         *count,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) abandon = NULL;

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE, cancellable, error);
  if (stream == NULL)
    return FALSE;
  if (write_contacts (contacts, G_OUTPUT_STREAM (stream), max_size, count, cancellable, error) &&
      g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error))
    return TRUE;

  /* Closing a replacement with a cancelled cancellable keeps the file that was there. */
  abandon = g_cancellable_new ();
  g_cancellable_cancel (abandon);
  g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
  return FALSE;
}

/* What may be replaced: nothing yet, or a regular file. A symbolic link is refused rather
 * than followed, so an export never writes over a file the link points at. */
static gboolean
check_target (const char  *path,
              GError     **error)
{
  GStatBuf info;

  if (g_lstat (path, &info) != 0)
    return TRUE;
  if (S_ISLNK (info.st_mode))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                           _("it is a symbolic link; give the name of the file itself"));
      return FALSE;
    }
  if (!S_ISREG (info.st_mode))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("it is not a regular file"));
      return FALSE;
    }

  return TRUE;
}

/* Sets @error from errno, for the calls below that are not GIO's. */
static gboolean
fail_with_errno (GError **error)
{
  int saved_errno = errno;

  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), g_strerror (saved_errno));
  return FALSE;
}

/* A new 0600 file beside @path, written, synced and renamed over @path: the old file (and
 * any other hard link to it) is never written in place, a kill leaves it whole, and what a
 * failure leaves behind is removed, or at worst a hidden file only its owner may read. */
static gboolean
write_by_path (GListModel    *contacts,
               const char    *path,
               gsize          max_size,
               guint         *count,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *temporary = g_strdup_printf ("%s/.%s.XXXXXX", folder, base);
  g_autoptr(GOutputStream) stream = NULL;
  int fd;

  if (!check_target (path, error))
    return FALSE;

  fd = g_mkstemp_full (temporary, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    return fail_with_errno (error);

  stream = g_unix_output_stream_new (fd, TRUE);
  /* Synced before the rename, so that after a power cut the name holds old or new. */
  if (write_contacts (contacts, stream, max_size, count, cancellable, error) &&
      (fsync (fd) == 0 || fail_with_errno (error)) &&
      g_output_stream_close (stream, NULL, error) &&
      (g_rename (temporary, path) == 0 || fail_with_errno (error)))
    return TRUE;

  g_output_stream_close (stream, NULL, NULL);
  g_unlink (temporary);
  return FALSE;
}

/**
 * _tn_exporter_write_file_at_most:
 * @contacts: as tn_exporter_write_file()
 * @file: as tn_exporter_write_file()
 * @max_size: the largest file to write: the import bound, or a smaller one for tests
 * @n_written: (out) (optional): as tn_exporter_write_file()
 * @cancellable: (nullable): as tn_exporter_write_file()
 * @error: as tn_exporter_write_file()
 *
 * tn_exporter_write_file() with the bound on the file's size given.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
_tn_exporter_write_file_at_most (GListModel    *contacts,
                                 GFile         *file,
                                 gsize          max_size,
                                 guint         *n_written,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  guint count = 0;
  gboolean written;

  g_return_val_if_fail (G_IS_LIST_MODEL (contacts), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_written != NULL)
    *n_written = 0;

  path = g_file_get_path (file);
  if (path != NULL)
    written = write_by_path (contacts, path, max_size, &count, cancellable, &local_error);
  else
    written = write_by_uri (contacts, file, max_size, &count, cancellable, &local_error);

  if (written)
    {
      if (n_written != NULL)
        *n_written = count;
      return TRUE;
    }

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  name = g_file_get_parse_name (file);
  g_set_error (error, local_error->domain, local_error->code,
               _("Could not write “%s”: %s"), name, local_error->message);
  return FALSE;
}

/**
 * tn_exporter_write_file:
 * @contacts: a #GListModel of #TnContact: the store's list, or a selection of it
 * @file: where to write; replaced if it is a regular file, refused if a symbolic link
 * @n_written: (out) (optional): how many contacts were written
 * @cancellable: (nullable): to stop; then @file is left as it was
 * @error: return location for a #GError: %G_IO_ERROR_MESSAGE_TOO_LARGE when the file, or a
 *   contact's card, would be larger than TrustNet imports
 *
 * Writes @contacts as one vCard 3.0 file (see tn_exporter_contact_to_vcard()). A new file
 * readable by its owner alone (it holds a person's contacts and ratings) is written beside
 * @file and renamed over it once complete: @file is never written in place. What TrustNet
 * writes it can import again: a file over %TN_VCARD_MAX_FILE_SIZE, or a card the importer
 * would skip, is refused and @file left as it was.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
tn_exporter_write_file (GListModel    *contacts,
                        GFile         *file,
                        guint         *n_written,
                        GCancellable  *cancellable,
                        GError       **error)
{
  return _tn_exporter_write_file_at_most (contacts, file, TN_VCARD_MAX_FILE_SIZE, n_written, cancellable, error);
}
