/* tn-carddav-book.c — the address book as a whole, from one PROPFIND of the book alone:
 * its sync token, its CTag and its last-modified, each asked only where wanted (Radicale
 * 3.1 reads every card of the book for the token and for the CTag alike, but answers the
 * last-modified from the files' times: 53 ms against 433 ms for 10,000 cards).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-carddav"

#include "config.h"

#include "tn-carddav-private.h"

/* A last-modified has a resolution of one second: a change later in the same second leaves
 * it as it was. RFC 7232 2.2.2 takes it as a validator only when the answer's Date is at
 * least a second later. One second more here: the Date is stamped as the answer leaves, a
 * moment after the server read the times (Radicale lets writers in between), and a write in
 * that moment may still carry the second that was read. */
#define VALIDATOR_MARGIN 2

void
tn_carddav_book_tags_clear (TnCardDavBookTags *tags)
{
  g_return_if_fail (tags != NULL);

  g_clear_pointer (&tags->token, g_free);
  g_clear_pointer (&tags->ctag, g_free);
  tags->modified = tags->answered = 0;
}

/**
 * tn_carddav_book_tags_modified_is_validator:
 * @tags: an answer of tn_carddav_get_book_tags_sync()
 *
 * Whether @tags' last-modified can tell later that nothing changed since it was read: the
 * server gave one, and answered well after that second ended.
 *
 * Returns: %TRUE when the same last-modified later means the same book (on a server whose
 *   last-modified moves with its cards at all)
 */
gboolean
tn_carddav_book_tags_modified_is_validator (const TnCardDavBookTags *tags)
{
  g_return_val_if_fail (tags != NULL, FALSE);

  return tags->modified != 0 && tags->answered != 0 && tags->answered >= tags->modified + VALIDATOR_MARGIN;
}

static gboolean
book_tags_cb (EWebDAVSession *webdav,
              xmlNode        *prop_node,
              const GUri     *request_uri,
              const char     *href,
              guint           status_code,
              gpointer        user_data)
{
  TnCardDavBookTags *tags = user_data;
  const xmlChar *token = e_xml_find_child_and_get_text (prop_node, E_WEBDAV_NS_DAV, "sync-token");
  const xmlChar *ctag = e_xml_find_child_and_get_text (prop_node, E_WEBDAV_NS_CALENDARSERVER, "getctag");
  const xmlChar *modified = e_xml_find_child_and_get_text (prop_node, E_WEBDAV_NS_DAV, "getlastmodified");

  /* A property the server does not have comes in a propstat of its own (404). */
  if (status_code != SOUP_STATUS_OK)
    return TRUE;
  if (token != NULL && *token != '\0' && tags->token == NULL)
    tags->token = g_strdup ((const char *) token);
  if (ctag != NULL && *ctag != '\0' && tags->ctag == NULL)
    tags->ctag = g_strdup ((const char *) ctag);
  if (modified != NULL && tags->modified == 0)
    {
      g_autoptr(GDateTime) parsed = soup_date_time_new_from_http_string ((const char *) modified);

      tags->modified = parsed != NULL ? g_date_time_to_unix (parsed) : 0;
    }
  return TRUE;
}

/**
 * tn_carddav_get_book_tags_sync:
 * @self: a #TnCardDav
 * @book_url: the address book
 * @asked: which tags to ask
 * @tags: (out caller-allocates): the answer; clear with tn_carddav_book_tags_clear()
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The address book's tags now, from one PROPFIND of the book alone. The CTag
 * (CS:getctag, CalendarServer's extension that most CardDAV servers give) changes with
 * any card: asked alone, it tells whether anything changed for less than a sync-collection
 * costs (Radicale 3.1 and xandikos 0.2, 10,000 cards: about two thirds;
 * tests/bench/bench-sync.sh). The sync token (DAV:sync-token, RFC 6578 4) is what a first
 * sync needs instead, which takes every card from one addressbook-query: a token without
 * the listing of every card that a sync-collection from no token is. The last-modified
 * (DAV:getlastmodified) comes with the answer's Date: RFC 4918 does not say that a
 * collection's moves with its members, so the caller finds out whether it does.
 *
 * Returns: %TRUE on success, whether or not the server gives the tags
 */
gboolean
tn_carddav_get_book_tags_sync (TnCardDav          *self,
                               const char         *book_url,
                               TnCardDavBookTag    asked,
                               TnCardDavBookTags  *tags,
                               GCancellable       *cancellable,
                               GError            **error)
{
  g_autoptr(EXmlDocument) xml = e_xml_document_new (E_WEBDAV_NS_DAV, "propfind");
  GError *local_error = NULL;
  gboolean success;

  g_return_val_if_fail (TN_IS_CARDDAV (self), FALSE);
  g_return_val_if_fail (book_url != NULL, FALSE);
  g_return_val_if_fail (asked != 0, FALSE);
  g_return_val_if_fail (tags != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *tags = (TnCardDavBookTags) { 0 };
  e_xml_document_add_namespaces (xml, "CS", E_WEBDAV_NS_CALENDARSERVER, NULL);
  e_xml_document_start_element (xml, E_WEBDAV_NS_DAV, "prop");
  if (asked & TN_CARDDAV_BOOK_TOKEN)
    e_xml_document_add_empty_element (xml, E_WEBDAV_NS_DAV, "sync-token");
  if (asked & TN_CARDDAV_BOOK_CTAG)
    e_xml_document_add_empty_element (xml, E_WEBDAV_NS_CALENDARSERVER, "getctag");
  if (asked & TN_CARDDAV_BOOK_MODIFIED)
    e_xml_document_add_empty_element (xml, E_WEBDAV_NS_DAV, "getlastmodified");
  e_xml_document_end_element (xml);

  success = e_webdav_session_propfind_sync (_tn_carddav_get_session (self), book_url, E_WEBDAV_DEPTH_THIS, xml,
                                            book_tags_cb, tags, _tn_carddav_request_begin (self, cancellable),
                                            &local_error);
  tags->answered = _tn_carddav_get_answer_date (self);
  if (!_tn_carddav_request_end (self, success, local_error, error))
    {
      tn_carddav_book_tags_clear (tags);
      return FALSE;
    }

  return TRUE;
}
