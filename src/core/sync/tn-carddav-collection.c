/* tn-carddav-collection.c — what changed in an address book since a token (RFC 6578
 * sync-collection), with the changed cards' text in the same answer when asked (the
 * standard lets a client ask for any property there). The answer is read with EDS's XML
 * helpers: its sync-token and its removed cards (a response with a status, no
 * properties) are outside what EDS's traversal reports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-carddav"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-carddav-private.h"

/* A server may answer in parts: 507 on the collection itself says "ask again from the new
 * token". More rounds than this means it makes no progress. */
#define MAX_SYNC_ROUNDS 100

typedef struct
{
  GPtrArray *changed;     /* TnCardDavCard, data only when asked for */
  GPtrArray *removed;     /* char * */
  char      *token;
  gboolean   truncated;
  char      *too_large_href;
} SyncAnswer;

static guint
status_of (xmlNode *node)
{
  const xmlChar *text = e_xml_find_child_and_get_text (node, E_WEBDAV_NS_DAV, "status");
  guint status = 0;

  if (text == NULL || !soup_headers_parse_status_line ((const char *) text, NULL, &status, NULL))
    return 0;
  return status;
}

static void
read_response (EWebDAVSession *session,
               GUri           *book_uri,
               const char     *book_url,
               xmlNode        *response,
               SyncAnswer     *answer)
{
  const xmlChar *href_text = e_xml_find_child_and_get_text (response, E_WEBDAV_NS_DAV, "href");
  g_autofree char *href = NULL;
  xmlNode *propstat;
  guint status;

  if (href_text == NULL)
    return;
  href = e_webdav_session_ensure_full_uri (session, book_uri, (const char *) href_text);
  status = status_of (response);

  if (g_str_has_suffix (href, "/") || e_webdav_session_util_item_href_equal (book_url, href))
    {
      if (status == SOUP_STATUS_INSUFFICIENT_STORAGE)
        answer->truncated = TRUE;
      return;
    }

  if (status == SOUP_STATUS_NOT_FOUND)
    {
      g_ptr_array_add (answer->removed, g_steal_pointer (&href));
      return;
    }

  for (propstat = e_xml_find_child (response, E_WEBDAV_NS_DAV, "propstat");
       propstat != NULL;
       propstat = e_xml_find_next_sibling (propstat, E_WEBDAV_NS_DAV, "propstat"))
    {
      xmlNode *prop = e_xml_find_child (propstat, E_WEBDAV_NS_DAV, "prop");
      TnCardDavCard *card;
      gboolean too_large;

      /* A server that cannot give a card's text here lists it in a propstat of 404:
       * the card then comes without data, and the engine fetches it. */
      if (status_of (propstat) != SOUP_STATUS_OK || prop == NULL)
        continue;
      card = _tn_carddav_card_from_prop (href, prop, &too_large);
      if (too_large && answer->too_large_href == NULL)
        answer->too_large_href = g_strdup (href);
      if (card != NULL)
        {
          g_ptr_array_add (answer->changed, card);
          return;
        }
    }
}

static gboolean
read_answer (TnCardDav  *self,
             const char *book_url,
             GByteArray *content,
             SyncAnswer *answer,
             GError    **error)
{
  g_autoptr(GUri) book_uri = g_uri_parse (book_url, SOUP_HTTP_URI_FLAGS | G_URI_FLAGS_PARSE_RELAXED, NULL);
  xmlDoc *doc = NULL;
  xmlNode *root;
  xmlNode *response;
  const xmlChar *token;

  if (content != NULL)
    doc = _tn_carddav_parse_answer (content->data, content->len);
  root = doc != NULL ? e_xml_find_sibling (xmlDocGetRootElement (doc), E_WEBDAV_NS_DAV, "multistatus") : NULL;
  token = root != NULL ? e_xml_find_child_and_get_text (root, E_WEBDAV_NS_DAV, "sync-token") : NULL;
  if (token == NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_propagate_error (error, _tn_carddav_bad_answer (self, _("no list of changes with a sync token")));
      return FALSE;
    }

  g_free (answer->token);
  answer->token = g_strdup ((const char *) token);
  answer->truncated = FALSE;
  for (response = e_xml_find_child (root, E_WEBDAV_NS_DAV, "response");
       response != NULL;
       response = e_xml_find_next_sibling (response, E_WEBDAV_NS_DAV, "response"))
    read_response (_tn_carddav_get_session (self), book_uri, book_url, response, answer);

  xmlFreeDoc (doc);
  if (answer->too_large_href != NULL)
    {
      g_propagate_error (error, _tn_carddav_card_too_large (self, answer->too_large_href));
      return FALSE;
    }
  return TRUE;
}

/* The server refuses the token (RFC 6578's DAV:valid-sync-token) or cannot do sync-collection
 * at all: both mean "list everything instead", which the engine does on TOKEN. xandikos 0.2
 * answers a token it does not know with 500; after a token, a server error is taken as a
 * refusal too: if the server is really broken, the listing that follows says so. */
static gboolean
is_token_refusal (EWebDAVSession *session,
                  const GError   *error,
                  gboolean        had_token)
{
  const char *dav_error = e_webdav_session_get_last_dav_error_code (session);

  if (dav_error != NULL
      && (strstr (dav_error, "valid-sync-token") != NULL || strstr (dav_error, "supported-report") != NULL))
    return TRUE;
  if (error->domain != E_SOUP_SESSION_ERROR)
    return FALSE;

  switch (error->code)
    {
    case SOUP_STATUS_NOT_IMPLEMENTED:
    case SOUP_STATUS_METHOD_NOT_ALLOWED:
    case SOUP_STATUS_BAD_REQUEST:
    case SOUP_STATUS_CONFLICT:
    case SOUP_STATUS_UNPROCESSABLE_ENTITY:
      return TRUE;
    case SOUP_STATUS_FORBIDDEN:
    case SOUP_STATUS_PRECONDITION_FAILED:
    case SOUP_STATUS_INTERNAL_SERVER_ERROR:
      return had_token;
    default:
      return FALSE;
    }
}

static gboolean
sync_round (TnCardDav    *self,
            const char   *book_url,
            const char   *token,
            gboolean      with_data,
            SyncAnswer   *answer,
            GCancellable *cancellable,
            GError      **error)
{
  EWebDAVSession *session = _tn_carddav_get_session (self);
  g_autoptr(EXmlDocument) xml = NULL;
  g_autoptr(GByteArray) content = NULL;
  GError *local_error = NULL;
  gboolean success;

  xml = e_xml_document_new (E_WEBDAV_NS_DAV, "sync-collection");
  if (with_data)
    e_xml_document_add_namespaces (xml, "C", E_WEBDAV_NS_CARDDAV, NULL);
  e_xml_document_start_text_element (xml, E_WEBDAV_NS_DAV, "sync-token");
  if (token != NULL)
    e_xml_document_write_string (xml, token);
  e_xml_document_end_element (xml);
  e_xml_document_start_text_element (xml, E_WEBDAV_NS_DAV, "sync-level");
  e_xml_document_write_string (xml, "1");
  e_xml_document_end_element (xml);
  e_xml_document_start_element (xml, E_WEBDAV_NS_DAV, "prop");
  e_xml_document_add_empty_element (xml, E_WEBDAV_NS_DAV, "getetag");
  if (with_data)
    e_xml_document_add_empty_element (xml, E_WEBDAV_NS_CARDDAV, "address-data");
  e_xml_document_end_element (xml);

  success = e_webdav_session_report_sync (session, book_url, E_WEBDAV_DEPTH_THIS, xml,
                                          NULL, NULL, NULL, &content,
                                          _tn_carddav_request_begin (self, cancellable), &local_error);
  if (!success && local_error != NULL && is_token_refusal (session, local_error, token != NULL))
    {
      g_clear_error (&local_error);
      local_error = g_error_new (TN_CARDDAV_ERROR, TN_CARDDAV_ERROR_TOKEN,
                                 token != NULL ? _("The server no longer knows this sync position; everything is compared again.")
                                               : _("The server cannot list changes; everything is compared instead."));
    }
  if (success && content != NULL && content->len > _tn_carddav_max_answer_bytes ())
    _tn_carddav_set_too_large (self);
  if (!_tn_carddav_request_end (self, success, local_error, error))
    return FALSE;

  return read_answer (self, book_url, content, answer, error);
}

/* Both public functions, checks included (they take the same arguments). */
static gboolean
sync_collection (TnCardDav    *self,
                 const char   *book_url,
                 const char   *token,
                 gboolean      with_data,
                 char        **new_token,
                 GPtrArray   **changed,
                 GPtrArray   **removed,
                 GCancellable *cancellable,
                 GError      **error)
{
  SyncAnswer answer = { 0 };
  gboolean success = TRUE;
  guint round;

  g_return_val_if_fail (TN_IS_CARDDAV (self), FALSE);
  g_return_val_if_fail (book_url != NULL, FALSE);
  g_return_val_if_fail (new_token != NULL, FALSE);
  g_return_val_if_fail (changed != NULL, FALSE);
  g_return_val_if_fail (removed != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  answer.changed = g_ptr_array_new_with_free_func ((GDestroyNotify) tn_carddav_card_free);
  answer.removed = g_ptr_array_new_with_free_func (g_free);
  answer.truncated = TRUE;

  for (round = 0; success && answer.truncated; round++)
    {
      if (round == MAX_SYNC_ROUNDS)
        {
          g_set_error (error, TN_CARDDAV_ERROR, TN_CARDDAV_ERROR_TOKEN,
                       _("The server kept sending its list of changes in parts; everything is compared instead."));
          success = FALSE;
          break;
        }
      success = sync_round (self, book_url, round == 0 ? token : answer.token, with_data, &answer,
                            cancellable, error);
    }

  g_free (answer.too_large_href);
  if (!success)
    {
      g_ptr_array_unref (answer.changed);
      g_ptr_array_unref (answer.removed);
      g_free (answer.token);
      return FALSE;
    }

  *new_token = answer.token;
  *changed = answer.changed;
  *removed = answer.removed;
  return TRUE;
}

gboolean
tn_carddav_sync_collection_sync (TnCardDav    *self,
                                 const char   *book_url,
                                 const char   *token,
                                 char        **new_token,
                                 GPtrArray   **changed,
                                 GPtrArray   **removed,
                                 GCancellable *cancellable,
                                 GError      **error)
{
  return sync_collection (self, book_url, token, FALSE, new_token, changed, removed, cancellable, error);
}

/**
 * tn_carddav_sync_collection_with_data_sync:
 * @self: a #TnCardDav
 * @book_url: the address book
 * @token: (nullable): the token of the last sync; %NULL: every card
 * @new_token: (out): the token to give next time
 * @changed: (out) (element-type TnCardDavCard): the cards changed since @token, with
 *   their text where the server gave it in the same answer (%NULL data: fetch it)
 * @removed: (out) (element-type utf8): the hrefs removed since @token
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * tn_carddav_sync_collection_sync() that asks for the changed cards' text too, so a sync
 * needs no second request for them. The answer holds every changed card: for a first
 * listing of a big address book, tn_carddav_sync_collection_sync() and
 * tn_carddav_multiget_sync() in batches keep it small; %TN_CARDDAV_ERROR_TOO_LARGE
 * says to do that.
 *
 * Returns: %TRUE on success
 */
gboolean
tn_carddav_sync_collection_with_data_sync (TnCardDav    *self,
                                           const char   *book_url,
                                           const char   *token,
                                           char        **new_token,
                                           GPtrArray   **changed,
                                           GPtrArray   **removed,
                                           GCancellable *cancellable,
                                           GError      **error)
{
  return sync_collection (self, book_url, token, TRUE, new_token, changed, removed, cancellable, error);
}
