/* tn-carddav-discover.c — from what a person types (a server root or an address book's own
 * URL) to the address books they have: /.well-known/carddav (RFC 6764), the
 * current-user-principal (RFC 5397), its addressbook-home-set and the collections in it
 * (RFC 6352). Done with PROPFIND here because EDS's e_webdav_discover_sources_sync needs
 * EDS's registry daemon, which a plain desktop may not run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-carddav"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-carddav-private.h"

typedef struct
{
  gboolean is_addressbook;
  char    *display_name;
  char    *principal;
  char    *home_set;
} Props;

static void
props_clear (Props *props)
{
  g_clear_pointer (&props->display_name, g_free);
  g_clear_pointer (&props->principal, g_free);
  g_clear_pointer (&props->home_set, g_free);
}

static char *
find_href (EWebDAVSession *session,
           const GUri     *request_uri,
           xmlNode        *prop_node,
           const char     *ns,
           const char     *name)
{
  xmlNode *href = e_xml_find_in_hierarchy (prop_node, ns, name, E_WEBDAV_NS_DAV, "href", NULL, NULL);
  const xmlChar *text = e_xml_get_node_text (href);

  if (text == NULL || *text == '\0')
    return NULL;
  return e_webdav_session_ensure_full_uri (session, request_uri, (const char *) text);
}

static void
read_props (EWebDAVSession *session,
            const GUri     *request_uri,
            xmlNode        *prop_node,
            Props          *props)
{
  const xmlChar *name;

  if (e_xml_find_in_hierarchy (prop_node, E_WEBDAV_NS_DAV, "resourcetype",
                               E_WEBDAV_NS_CARDDAV, "addressbook", NULL, NULL) != NULL)
    props->is_addressbook = TRUE;

  name = e_xml_find_child_and_get_text (prop_node, E_WEBDAV_NS_DAV, "displayname");
  if (name != NULL && *name != '\0' && props->display_name == NULL)
    props->display_name = g_strdup ((const char *) name);

  if (props->principal == NULL)
    props->principal = find_href (session, request_uri, prop_node, E_WEBDAV_NS_DAV, "current-user-principal");
  if (props->home_set == NULL)
    props->home_set = find_href (session, request_uri, prop_node, E_WEBDAV_NS_CARDDAV, "addressbook-home-set");
}

static gboolean
resource_props_cb (EWebDAVSession *session,
                   xmlNode        *prop_node,
                   const GUri     *request_uri,
                   const char     *href,
                   guint           status_code,
                   gpointer        user_data)
{
  if (status_code == SOUP_STATUS_OK)
    read_props (session, request_uri, prop_node, user_data);
  return TRUE;
}

static EXmlDocument *
new_discovery_request (void)
{
  EXmlDocument *xml = e_xml_document_new (E_WEBDAV_NS_DAV, "propfind");

  e_xml_document_add_namespaces (xml, "A", E_WEBDAV_NS_CARDDAV, NULL);
  e_xml_document_start_element (xml, E_WEBDAV_NS_DAV, "prop");
  e_xml_document_add_empty_element (xml, E_WEBDAV_NS_DAV, "resourcetype");
  e_xml_document_add_empty_element (xml, E_WEBDAV_NS_DAV, "displayname");
  e_xml_document_add_empty_element (xml, E_WEBDAV_NS_DAV, "current-user-principal");
  e_xml_document_add_empty_element (xml, E_WEBDAV_NS_CARDDAV, "addressbook-home-set");
  e_xml_document_end_element (xml);
  return xml;
}

static gboolean
propfind (TnCardDav                   *self,
          const char                  *url,
          const char                  *depth,
          EWebDAVPropstatTraverseFunc  func,
          gpointer                     user_data,
          GCancellable                *cancellable,
          GError                     **error)
{
  g_autoptr(EXmlDocument) xml = new_discovery_request ();
  GError *local_error = NULL;
  gboolean success;

  success = e_webdav_session_propfind_sync (_tn_carddav_get_session (self), url, depth, xml, func, user_data,
                                            _tn_carddav_request_begin (self, cancellable), &local_error);
  return _tn_carddav_request_end (self, success, local_error, error);
}

static gboolean
is_server_root (const char *url)
{
  g_autofree char *path = _tn_carddav_path_of (url);

  return g_str_equal (path, "/");
}

/* A server root is asked through /.well-known/carddav first; a server without it (or one
 * that answers it strangely) is asked at the root itself. Only "unreachable" and
 * "wrong password" end the search early: asking elsewhere would not change them. */
static gboolean
read_start_props (TnCardDav    *self,
                  Props        *props,
                  GCancellable *cancellable,
                  GError      **error)
{
  const char *url = _tn_carddav_get_url (self);
  g_autoptr(GError) well_known_error = NULL;

  if (is_server_root (url))
    {
      g_autoptr(GUri) base = g_uri_parse (url, SOUP_HTTP_URI_FLAGS | G_URI_FLAGS_PARSE_RELAXED, NULL);
      g_autoptr(GUri) well_known = NULL;
      g_autofree char *well_known_url = NULL;

      if (base != NULL)
        {
          well_known = g_uri_parse_relative (base, "/.well-known/carddav", SOUP_HTTP_URI_FLAGS, NULL);
          well_known_url = g_uri_to_string (well_known);
        }
      if (well_known_url != NULL
          && propfind (self, well_known_url, E_WEBDAV_DEPTH_THIS, resource_props_cb, props,
                       cancellable, &well_known_error)
          && (props->principal != NULL || props->home_set != NULL || props->is_addressbook))
        return TRUE;

      if (g_error_matches (well_known_error, TN_CARDDAV_ERROR, TN_CARDDAV_ERROR_UNREACHABLE)
          || g_error_matches (well_known_error, TN_CARDDAV_ERROR, TN_CARDDAV_ERROR_AUTH)
          || g_error_matches (well_known_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&well_known_error));
          return FALSE;
        }
      props_clear (props);
      props->is_addressbook = FALSE;
    }

  return propfind (self, url, E_WEBDAV_DEPTH_THIS, resource_props_cb, props, cancellable, error);
}

/* The addressbook-home-set: read from the start URL or from its principal; when the server
 * names neither, the start URL itself is where the address books are. */
static char *
find_home (TnCardDav    *self,
           Props        *start,
           GCancellable *cancellable,
           GError      **error)
{
  Props principal = { 0 };
  char *home;

  if (start->home_set != NULL)
    return g_strdup (start->home_set);

  if (start->principal != NULL)
    {
      if (!propfind (self, start->principal, E_WEBDAV_DEPTH_THIS, resource_props_cb, &principal,
                     cancellable, error))
        {
          props_clear (&principal);
          return NULL;
        }
      if (principal.home_set != NULL)
        {
          home = g_steal_pointer (&principal.home_set);
          props_clear (&principal);
          return home;
        }
      props_clear (&principal);
      return g_strdup (start->principal);
    }

  return g_strdup (_tn_carddav_get_url (self));
}

static gboolean
collect_books_cb (EWebDAVSession *session,
                  xmlNode        *prop_node,
                  const GUri     *request_uri,
                  const char     *href,
                  guint           status_code,
                  gpointer        user_data)
{
  GPtrArray *books = user_data;
  Props props = { 0 };

  if (status_code != SOUP_STATUS_OK || href == NULL)
    return TRUE;

  read_props (session, request_uri, prop_node, &props);
  if (props.is_addressbook)
    {
      TnCardDavBook *book = g_new0 (TnCardDavBook, 1);

      book->href = g_strdup (href);
      book->display_name = g_steal_pointer (&props.display_name);
      g_ptr_array_add (books, book);
    }
  props_clear (&props);
  return TRUE;
}

static GPtrArray *
list_books (TnCardDav    *self,
            const char   *home,
            GCancellable *cancellable,
            GError      **error)
{
  g_autoptr(GPtrArray) books = g_ptr_array_new_with_free_func ((GDestroyNotify) tn_carddav_book_free);

  if (!propfind (self, home, E_WEBDAV_DEPTH_THIS_AND_CHILDREN, collect_books_cb, books, cancellable, error))
    return NULL;
  return g_steal_pointer (&books);
}

static char *
ensure_trailing_slash (char *url)
{
  char *with_slash;

  if (g_str_has_suffix (url, "/"))
    return url;
  with_slash = g_strconcat (url, "/", NULL);
  g_free (url);
  return with_slash;
}

GPtrArray *
tn_carddav_discover_books_sync (TnCardDav    *self,
                                GCancellable *cancellable,
                                GError      **error)
{
  g_autoptr(GPtrArray) books = NULL;
  g_autofree char *home = NULL;
  Props start = { 0 };

  g_return_val_if_fail (TN_IS_CARDDAV (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!read_start_props (self, &start, cancellable, error))
    {
      props_clear (&start);
      return NULL;
    }

  /* The URL given is an address book already: that is the one. */
  if (start.is_addressbook)
    {
      TnCardDavBook *book = g_new0 (TnCardDavBook, 1);

      book->href = g_strdup (_tn_carddav_get_url (self));
      book->display_name = g_steal_pointer (&start.display_name);
      props_clear (&start);
      books = g_ptr_array_new_with_free_func ((GDestroyNotify) tn_carddav_book_free);
      g_ptr_array_add (books, book);
      return g_steal_pointer (&books);
    }

  home = find_home (self, &start, cancellable, error);
  props_clear (&start);
  if (home == NULL)
    return NULL;

  home = ensure_trailing_slash (g_steal_pointer (&home));
  _tn_carddav_set_home_url (self, home);
  return list_books (self, home, cancellable, error);
}

/* A name for the new collection's URL: the display name's letters and digits, and a
 * random tail so that it never meets an address book that is already there. */
static char *
new_book_segment (const char *display_name)
{
  g_autoptr(GString) segment = g_string_new (NULL);
  const char *p;

  for (p = display_name; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (segment, g_ascii_tolower (*p));
    }
  if (segment->len == 0)
    g_string_append (segment, "contacts");
  g_string_append_printf (segment, "-%08x", g_random_int ());
  return g_string_free (g_steal_pointer (&segment), FALSE);
}

char *
tn_carddav_create_book_sync (TnCardDav    *self,
                             const char   *display_name,
                             GCancellable *cancellable,
                             GError      **error)
{
  g_autofree char *segment = NULL;
  g_autofree char *book_url = NULL;
  GError *local_error = NULL;
  gboolean success;

  g_return_val_if_fail (TN_IS_CARDDAV (self), NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (_tn_carddav_get_home_url (self) == NULL)
    {
      g_autoptr(GPtrArray) books = tn_carddav_discover_books_sync (self, cancellable, error);

      if (books == NULL)
        return NULL;
      if (_tn_carddav_get_home_url (self) == NULL)
        {
          g_set_error (error, TN_CARDDAV_ERROR, TN_CARDDAV_ERROR_NOT_FOUND,
                       _("This address is an address book itself; there is no place beside it to create another."));
          return NULL;
        }
    }

  segment = new_book_segment (display_name);
  book_url = g_strconcat (_tn_carddav_get_home_url (self), segment, "/", NULL);
  success = e_webdav_session_mkcol_addressbook_sync (_tn_carddav_get_session (self), book_url, display_name, NULL,
                                                     _tn_carddav_request_begin (self, cancellable), &local_error);
  if (!_tn_carddav_request_end (self, success, local_error, error))
    return NULL;

  return g_steal_pointer (&book_url);
}
