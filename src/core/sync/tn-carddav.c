/* tn-carddav.c — one CardDAV account over EDS's EWebDAVSession: an in-memory ESource carries
 * the URL and user, the session speaks HTTP and parses XML, this file asks the questions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-carddav"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-carddav-private.h"
#include "tn-carddav.h"

/* Cards on phones carry photos of a few hundred kilobytes; nobody's card is 8 MB, and a
 * server sending more is broken or hostile. An answer holds at most one batch of cards. */
#define MAX_CARD_BYTES   (8 * 1024 * 1024)
#define MAX_ANSWER_BYTES (32 * 1024 * 1024)

/* Cards asked for in one addressbook-multiget: each request costs a server such as Radicale
 * a fixed overhead (100 at a time made a first sync of 10,000 cards spend half its time
 * there). A batch whose answer is over MAX_ANSWER_BYTES is split, and later batches of
 * the same account start at the size that fitted. */
#define MULTIGET_BATCH 1000

/* No answer for this long (seconds) means the server is gone. */
#define NETWORK_TIMEOUT 60

struct _TnCardDav
{
  GObject         parent_instance;

  EWebDAVSession *session;
  char           *url;
  char           *host;
  char           *home_url;      /* addressbook-home-set, once discovered */

  /* The request under way: its own cancellable, so an answer found too large by its
   * headers can be stopped before it is read. One request at a time (blocking calls). */
  GCancellable   *request_cancellable;
  GCancellable   *caller_cancellable;
  gulong          caller_handler;
  gboolean        request_too_large;
  gint64          answer_date;    /* its answer's Date header, Unix seconds; 0: none */

  /* libxml2's own complaint handlers, put back after a request (see quiet_xml_cb) */
  xmlGenericErrorFunc    saved_generic_error;
  void                  *saved_generic_context;
  xmlStructuredErrorFunc saved_structured_error;
  void                  *saved_structured_context;

  guint           multiget_batch;
};

G_DEFINE_TYPE (TnCardDav, tn_carddav, G_TYPE_OBJECT)

G_DEFINE_QUARK (tn-carddav-error-quark, tn_carddav_error)

void
tn_carddav_card_free (TnCardDavCard *card)
{
  if (card == NULL)
    return;
  g_free (card->href);
  g_free (card->etag);
  g_free (card->data);
  g_free (card);
}

void
tn_carddav_book_free (TnCardDavBook *book)
{
  if (book == NULL)
    return;
  g_free (book->href);
  g_free (book->display_name);
  g_free (book);
}

TnCardDavCard *
_tn_carddav_card_new (const char *href,
                      const char *etag,
                      const char *data)
{
  TnCardDavCard *card = g_new0 (TnCardDavCard, 1);

  card->href = g_strdup (href);
  card->etag = g_strdup (etag);
  card->data = g_strdup (data);
  return card;
}

static void
tn_carddav_finalize (GObject *object)
{
  TnCardDav *self = TN_CARDDAV (object);

  g_clear_object (&self->session);
  g_clear_object (&self->request_cancellable);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->host, g_free);
  g_clear_pointer (&self->home_url, g_free);

  G_OBJECT_CLASS (tn_carddav_parent_class)->finalize (object);
}

static void
tn_carddav_class_init (TnCardDavClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tn_carddav_finalize;
}

static void
tn_carddav_init (TnCardDav *self)
{
  self->multiget_batch = MULTIGET_BATCH;
}

/* The answer's size is known from its headers before its body is read: stop there. Its
 * Date is kept: EDS's calls hand over the body alone, and whether a last-modified can tell
 * that nothing changed depends on when the server answered (see tn-carddav-collection.c). */
static void
on_got_headers_cb (SoupMessage *message,
                   TnCardDav   *self)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (message);
  const char *date = soup_message_headers_get_one (headers, "Date");
  g_autoptr(GDateTime) parsed = date != NULL ? soup_date_time_new_from_http_string (date) : NULL;
  goffset length;

  self->answer_date = parsed != NULL ? g_date_time_to_unix (parsed) : 0;
  length = soup_message_headers_get_content_length (headers);
  if (length > MAX_ANSWER_BYTES && self->request_cancellable != NULL)
    {
      self->request_too_large = TRUE;
      g_cancellable_cancel (self->request_cancellable);
    }
}

static void
on_request_queued_cb (SoupSession *session,
                      SoupMessage *message,
                      TnCardDav   *self)
{
  g_signal_connect_object (message, "got-headers", G_CALLBACK (on_got_headers_cb), self, 0);
}

static void
drop_message_cb (const char    *log_domain,
                 GLogLevelFlags log_level,
                 const char    *message,
                 gpointer       user_data)
{
}

/* EDS registers its mail (Camel) account kinds when the first ESource is made, and warns on
 * a desktop without Evolution's mail providers: nothing TrustNet needs, and the command line
 * keeps stderr for its own one line. */
static gpointer
register_source_kinds (gpointer unused)
{
  guint handler = g_log_set_handler ("camel", G_LOG_LEVEL_WARNING, drop_message_cb, NULL);

  e_source_camel_register_types ();
  g_log_remove_handler ("camel", handler);
  return NULL;
}

/* An ESource that lives only in this process: EDS's registry daemon is not needed. */
static ESource *
new_memory_source (const char *url,
                   const char *user)
{
  static GOnce registered = G_ONCE_INIT;
  g_autoptr(GUri) uri = NULL;
  ESource *source;
  ESourceWebdav *webdav;
  ESourceAuthentication *auth;

  g_once (&registered, register_source_kinds, NULL);
  source = e_source_new (NULL, NULL, NULL);
  g_return_val_if_fail (source != NULL, NULL);

  uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS | G_URI_FLAGS_PARSE_RELAXED, NULL);
  webdav = e_source_get_extension (source, E_SOURCE_EXTENSION_WEBDAV_BACKEND);
  if (uri != NULL)
    e_source_webdav_set_uri (webdav, uri);

  auth = e_source_get_extension (source, E_SOURCE_EXTENSION_AUTHENTICATION);
  e_source_authentication_set_user (auth, user);
  if (uri != NULL)
    {
      e_source_authentication_set_host (auth, g_uri_get_host (uri));
      e_source_authentication_set_port (auth, g_uri_get_port (uri) > 0 ? g_uri_get_port (uri) : 0);
    }

  return source;
}

/* Where the password cannot be overheard: over TLS (EDS itself sends it up front there) or
 * to this very machine. Elsewhere libsoup waits for the server's challenge, so a server
 * that asks for Digest never sees the password in the clear. */
static gboolean
may_send_password_first (GUri *uri)
{
  g_autoptr(GInetAddress) address = NULL;
  const char *host = g_uri_get_host (uri);

  if (g_strcmp0 (g_uri_get_scheme (uri), "https") == 0)
    return TRUE;
  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/* libsoup sends credentials only after a 401: a quiet sync from the command line (a new
 * process, a new session) would make two requests where one does. The auth manager is
 * given a Basic answer for the whole server before the first request, as EDS does over
 * TLS; a server that refuses it still challenges, and EDS then reports a wrong password. */
static void
send_password_first (TnCardDav  *self,
                     GUri       *uri,
                     const char *user,
                     const char *password)
{
  SoupSession *session = SOUP_SESSION (self->session);
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(SoupAuth) auth = NULL;
  g_autoptr(GUri) server = NULL;
  SoupSessionFeature *manager;

  if (user == NULL || *user == '\0' || password == NULL || !may_send_password_first (uri))
    return;

  message = soup_message_new_from_uri (SOUP_METHOD_GET, uri);
  auth = soup_auth_new (SOUP_TYPE_AUTH_BASIC, message, "Basic");
  manager = soup_session_get_feature (session, SOUP_TYPE_AUTH_MANAGER);
  if (auth == NULL || manager == NULL)
    return;

  if (!soup_session_has_feature (session, SOUP_TYPE_AUTH_BASIC))
    soup_session_add_feature_by_type (session, SOUP_TYPE_AUTH_BASIC);
  soup_auth_authenticate (auth, user, password);
  server = g_uri_build (SOUP_HTTP_URI_FLAGS, g_uri_get_scheme (uri), NULL, g_uri_get_host (uri),
                        g_uri_get_port (uri), "/", NULL, NULL);
  soup_auth_manager_use_auth (SOUP_AUTH_MANAGER (manager), server, auth);
}

TnCardDav *
tn_carddav_new (const char *url,
                const char *user,
                const char *password)
{
  g_autoptr(ESource) source = NULL;
  g_autoptr(GUri) uri = NULL;
  ENamedParameters *credentials;
  TnCardDav *self;

  g_return_val_if_fail (url != NULL, NULL);

  self = g_object_new (TN_TYPE_CARDDAV, NULL);
  self->url = g_strdup (url);
  uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS | G_URI_FLAGS_PARSE_RELAXED, NULL);
  self->host = g_strdup (uri != NULL && g_uri_get_host (uri) != NULL ? g_uri_get_host (uri) : url);

  source = new_memory_source (url, user != NULL ? user : "");
  self->session = e_webdav_session_new (source);
  g_object_set (self->session, "timeout", NETWORK_TIMEOUT, NULL);

  /* libsoup answers a server's challenge with these; a server that never asks gets none
   * (but see send_password_first ()). */
  credentials = e_named_parameters_new ();
  if (user != NULL)
    e_named_parameters_set (credentials, E_SOURCE_CREDENTIAL_USERNAME, user);
  if (password != NULL)
    e_named_parameters_set (credentials, E_SOURCE_CREDENTIAL_PASSWORD, password);
  e_soup_session_set_credentials (E_SOUP_SESSION (self->session), credentials);
  e_named_parameters_free (credentials);
  if (uri != NULL)
    send_password_first (self, uri, user, password);

  g_signal_connect_object (self->session, "request-queued", G_CALLBACK (on_request_queued_cb), self, 0);

  return self;
}

char *
tn_carddav_get_host (TnCardDav *self)
{
  g_return_val_if_fail (TN_IS_CARDDAV (self), NULL);

  return g_strdup (self->host);
}

EWebDAVSession *
_tn_carddav_get_session (TnCardDav *self)
{
  return self->session;
}

const char *
_tn_carddav_get_url (TnCardDav *self)
{
  return self->url;
}

void
_tn_carddav_set_home_url (TnCardDav  *self,
                          const char *home_url)
{
  g_free (self->home_url);
  self->home_url = g_strdup (home_url);
}

const char *
_tn_carddav_get_home_url (TnCardDav *self)
{
  return self->home_url;
}

/* libxml2 prints its complaints about a broken answer ("parser error : Document is empty")
 * on stderr, from EDS's parsing as from ours: the command line's one `trustnet:` line
 * says it in words. The handlers are per thread in libxml2, so this silences only the
 * parsing of this request's answer. */
static void
quiet_xml_cb (void       *context,
              const char *format,
              ...)
{
}

static void
quiet_structured_xml_cb (void        *context,
                         xmlErrorPtr  error)
{
}

static void
forward_cancel_cb (GCancellable *caller_cancellable,
                   GCancellable *request_cancellable)
{
  g_cancellable_cancel (request_cancellable);
}

GCancellable *
_tn_carddav_request_begin (TnCardDav    *self,
                           GCancellable *caller_cancellable)
{
  g_assert (self->request_cancellable == NULL);

  self->request_too_large = FALSE;
  self->answer_date = 0;
  self->request_cancellable = g_cancellable_new ();
  self->saved_generic_error = xmlGenericError;
  self->saved_generic_context = xmlGenericErrorContext;
  self->saved_structured_error = xmlStructuredError;
  self->saved_structured_context = xmlStructuredErrorContext;
  xmlSetGenericErrorFunc (NULL, quiet_xml_cb);
  xmlSetStructuredErrorFunc (NULL, quiet_structured_xml_cb);
  if (caller_cancellable != NULL)
    {
      self->caller_cancellable = g_object_ref (caller_cancellable);
      self->caller_handler = g_cancellable_connect (caller_cancellable, G_CALLBACK (forward_cancel_cb),
                                                    self->request_cancellable, NULL);
    }
  return self->request_cancellable;
}

static gboolean
is_status (const GError *error,
           guint         status)
{
  return g_error_matches (error, E_SOUP_SESSION_ERROR, (int) status);
}

static gboolean
is_unreachable (const GError *error)
{
  if (error->domain == G_RESOLVER_ERROR || error->domain == G_TLS_ERROR)
    return TRUE;
  if (error->domain == SOUP_SESSION_ERROR)
    return FALSE;
  if (error->domain != G_IO_ERROR)
    return FALSE;

  switch (error->code)
    {
    case G_IO_ERROR_CONNECTION_REFUSED:
    case G_IO_ERROR_HOST_NOT_FOUND:
    case G_IO_ERROR_HOST_UNREACHABLE:
    case G_IO_ERROR_NETWORK_UNREACHABLE:
    case G_IO_ERROR_TIMED_OUT:
    case G_IO_ERROR_BROKEN_PIPE:
    case G_IO_ERROR_NOT_CONNECTED:
    case G_IO_ERROR_PROXY_FAILED:
    case G_IO_ERROR_PROXY_NOT_ALLOWED:
    case G_IO_ERROR_PROXY_AUTH_FAILED:
    case G_IO_ERROR_PROXY_NEED_AUTH:
    case G_IO_ERROR_NO_SUCH_DEVICE:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Why a server could not be reached, in words; NULL where GIO's own message says it best
 * (a TLS certificate problem, say). */
static const char *
unreachable_reason (const GError *error)
{
  if (error->domain == G_RESOLVER_ERROR || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND))
    return _("its name is not known");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    return _("the connection was refused");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return _("it did not answer in time");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE))
    return _("there is no network connection to it");
  return NULL;
}

/* Every failure leaves here as a TN_CARDDAV_ERROR with words for people: EDS's message
 * already carries the server's own explanation (its DAV:error or text) where it gave one. */
static GError *
translate_error (TnCardDav    *self,
                 const GError *error)
{
  if (self->request_too_large)
    return g_error_new (TN_CARDDAV_ERROR, TN_CARDDAV_ERROR_TOO_LARGE,
                        _("The server %s sent an answer larger than %d MB; TrustNet does not read it."),
                        self->host, MAX_ANSWER_BYTES / (1024 * 1024));

  if (error->domain == TN_CARDDAV_ERROR || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  if (is_unreachable (error))
    return g_error_new (TN_CARDDAV_ERROR, TN_CARDDAV_ERROR_UNREACHABLE,
                        _("The server %s could not be reached: %s"), self->host,
                        unreachable_reason (error) != NULL ? unreachable_reason (error) : error->message);

  if (is_status (error, SOUP_STATUS_UNAUTHORIZED))
    return g_error_new (TN_CARDDAV_ERROR, TN_CARDDAV_ERROR_AUTH,
                        _("The server %s did not accept the user name and password."), self->host);

  if (is_status (error, SOUP_STATUS_FORBIDDEN))
    return g_error_new (TN_CARDDAV_ERROR, TN_CARDDAV_ERROR_AUTH,
                        _("The server %s refused access: %s"), self->host, error->message);

  if (is_status (error, SOUP_STATUS_NOT_FOUND) || is_status (error, SOUP_STATUS_GONE))
    return g_error_new (TN_CARDDAV_ERROR, TN_CARDDAV_ERROR_NOT_FOUND,
                        _("The server %s has no address book or card at that address."), self->host);

  if (is_status (error, SOUP_STATUS_PRECONDITION_FAILED))
    return g_error_new (TN_CARDDAV_ERROR, TN_CARDDAV_ERROR_PRECONDITION,
                        _("Someone else changed this card on the server %s in the meantime."), self->host);

  if (is_status (error, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE))
    return g_error_new (TN_CARDDAV_ERROR, TN_CARDDAV_ERROR_TOO_LARGE,
                        _("The server %s refused a card as too large: %s"), self->host, error->message);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
    return g_error_new (TN_CARDDAV_ERROR, TN_CARDDAV_ERROR_SERVER,
                        _("The server %s sent an answer TrustNet cannot read: %s"), self->host, error->message);

  return g_error_new (TN_CARDDAV_ERROR, TN_CARDDAV_ERROR_SERVER,
                      _("The server %s reported a problem: %s"), self->host, error->message);
}

gboolean
_tn_carddav_request_end (TnCardDav *self,
                         gboolean   success,
                         GError    *error,
                         GError   **out_error)
{
  g_autoptr(GError) owned = error;

  xmlSetGenericErrorFunc (self->saved_generic_context, self->saved_generic_error);
  xmlSetStructuredErrorFunc (self->saved_structured_context, self->saved_structured_error);
  if (self->caller_cancellable != NULL)
    g_cancellable_disconnect (self->caller_cancellable, self->caller_handler);
  self->caller_handler = 0;
  g_clear_object (&self->caller_cancellable);
  g_clear_object (&self->request_cancellable);

  if (success && !self->request_too_large)
    return TRUE;

  if (owned == NULL)
    owned = g_error_new_literal (TN_CARDDAV_ERROR, TN_CARDDAV_ERROR_SERVER, "");
  g_propagate_error (out_error, translate_error (self, owned));
  self->request_too_large = FALSE;
  return FALSE;
}

gint64
_tn_carddav_get_answer_date (TnCardDav *self)
{
  return self->answer_date;
}

void
_tn_carddav_set_too_large (TnCardDav *self)
{
  self->request_too_large = TRUE;
}

GError *
_tn_carddav_bad_answer (TnCardDav  *self,
                        const char *what)
{
  return g_error_new (TN_CARDDAV_ERROR, TN_CARDDAV_ERROR_SERVER,
                      _("The server %s sent an answer TrustNet cannot read: %s"), self->host, what);
}

xmlDoc *
_tn_carddav_parse_answer (const guint8 *data,
                          gsize         length)
{
  if (data == NULL || length == 0 || length > G_MAXINT)
    return NULL;

  /* No complaints on stderr (see quiet_xml_cb); HUGE: a card may be a few MB of text. */
  return xmlReadMemory ((const char *) data, (int) length, "answer.xml", NULL,
                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
}

char *
_tn_carddav_path_of (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS | G_URI_FLAGS_PARSE_RELAXED, NULL);
  const char *path;

  if (uri == NULL)
    return g_strdup (url);
  path = *g_uri_get_path (uri) != '\0' ? g_uri_get_path (uri) : "/";
  if (g_uri_get_query (uri) != NULL)
    return g_strdup_printf ("%s?%s", path, g_uri_get_query (uri));
  return g_strdup (path);
}

/* ---- Cards ---------------------------------------------------------------------------- */

typedef struct
{
  const char *book_url;
  GPtrArray  *cards;
} ListingData;

static gboolean
is_collection_itself (const char *book_url,
                      const char *href)
{
  return g_str_has_suffix (href, "/") || e_webdav_session_util_item_href_equal (book_url, href);
}

static gboolean
listing_cb (EWebDAVSession *webdav,
            xmlNode        *prop_node,
            const GUri     *request_uri,
            const char     *href,
            guint           status_code,
            gpointer        user_data)
{
  ListingData *listing = user_data;
  g_autofree char *etag = NULL;

  if (status_code != SOUP_STATUS_OK || href == NULL || is_collection_itself (listing->book_url, href))
    return TRUE;

  etag = e_webdav_session_util_maybe_dequote (
    g_strdup ((const char *) e_xml_find_child_and_get_text (prop_node, E_WEBDAV_NS_DAV, "getetag")));
  if (etag == NULL)
    return TRUE;

  g_ptr_array_add (listing->cards, _tn_carddav_card_new (href, etag, NULL));
  return TRUE;
}

GPtrArray *
tn_carddav_list_cards_sync (TnCardDav    *self,
                            const char   *book_url,
                            GCancellable *cancellable,
                            GError      **error)
{
  g_autoptr(GPtrArray) cards = NULL;
  ListingData listing;

  g_return_val_if_fail (TN_IS_CARDDAV (self), NULL);
  g_return_val_if_fail (book_url != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  cards = g_ptr_array_new_with_free_func ((GDestroyNotify) tn_carddav_card_free);
  listing.book_url = book_url;
  listing.cards = cards;

  if (!_tn_carddav_propfind_dav_prop (self, book_url, E_WEBDAV_DEPTH_THIS_AND_CHILDREN, "getetag", listing_cb,
                                      &listing, cancellable, error))
    return NULL;

  return g_steal_pointer (&cards);
}

gboolean
_tn_carddav_propfind_dav_prop (TnCardDav                   *self,
                               const char                  *url,
                               const char                  *depth,
                               const char                  *dav_prop,
                               EWebDAVPropstatTraverseFunc  func,
                               gpointer                     func_data,
                               GCancellable                *cancellable,
                               GError                     **error)
{
  g_autoptr(EXmlDocument) xml = e_xml_document_new (E_WEBDAV_NS_DAV, "propfind");
  GError *local_error = NULL;
  gboolean success;

  e_xml_document_start_element (xml, E_WEBDAV_NS_DAV, "prop");
  e_xml_document_add_empty_element (xml, E_WEBDAV_NS_DAV, dav_prop);
  e_xml_document_end_element (xml);

  success = e_webdav_session_propfind_sync (self->session, url, depth, xml, func, func_data,
                                            _tn_carddav_request_begin (self, cancellable), &local_error);
  return _tn_carddav_request_end (self, success, local_error, error);
}

/* A card's ETag and, when the answer holds it, its text, from a response's DAV:prop; NULL
 * without an ETag. *too_large says its text is over MAX_CARD_BYTES. */
TnCardDavCard *
_tn_carddav_card_from_prop (const char *href,
                            xmlNode    *prop_node,
                            gboolean   *too_large)
{
  xmlNode *data_node = NULL;
  xmlNode *etag_node = NULL;
  g_autofree char *etag = NULL;
  TnCardDavCard *card;
  xmlChar *data;

  *too_large = FALSE;
  e_xml_find_children_nodes (prop_node, 2,
                             E_WEBDAV_NS_CARDDAV, "address-data", &data_node,
                             E_WEBDAV_NS_DAV, "getetag", &etag_node);
  etag = e_webdav_session_util_maybe_dequote (g_strdup ((const char *) e_xml_get_node_text (etag_node)));
  if (etag == NULL || *etag == '\0')
    return NULL;

  data = data_node != NULL ? e_xml_dup_node_content (data_node) : NULL;
  if (data != NULL && strlen ((const char *) data) > MAX_CARD_BYTES)
    {
      *too_large = TRUE;
      xmlFree (data);
      return NULL;
    }

  card = _tn_carddav_card_new (href, etag, NULL);
  if (data != NULL && *data != '\0')
    card->data = g_strdup ((const char *) data);
  xmlFree (data);
  return card;
}

GError *
_tn_carddav_card_too_large (TnCardDav  *self,
                            const char *href)
{
  return g_error_new (TN_CARDDAV_ERROR, TN_CARDDAV_ERROR_TOO_LARGE,
                      _("The card %s on the server %s is larger than %d MB; TrustNet does not read it."),
                      href, self->host, MAX_CARD_BYTES / (1024 * 1024));
}

typedef struct
{
  GPtrArray *cards;
  char      *too_large_href;
} MultigetData;

static gboolean
multiget_cb (EWebDAVSession *webdav,
             xmlNode        *prop_node,
             const GUri     *request_uri,
             const char     *href,
             guint           status_code,
             gpointer        user_data)
{
  MultigetData *multiget = user_data;
  TnCardDavCard *card;
  gboolean too_large;

  /* A card deleted between the listing and this request is simply not there (404). */
  if (status_code != SOUP_STATUS_OK || href == NULL)
    return TRUE;

  card = _tn_carddav_card_from_prop (href, prop_node, &too_large);
  if (too_large)
    {
      multiget->too_large_href = g_strdup (href);
      return FALSE;
    }
  if (card == NULL || card->data == NULL)
    {
      tn_carddav_card_free (card);
      return TRUE;
    }

  g_ptr_array_add (multiget->cards, card);
  return TRUE;
}

/* A REPORT whose answer is cards with their text (a multiget, a query): into @cards. */
static gboolean
report_cards (TnCardDav    *self,
              const char   *book_url,
              EXmlDocument *xml,
              GPtrArray    *cards,
              GCancellable *cancellable,
              GError      **error)
{
  GError *local_error = NULL;
  MultigetData answer = { cards, NULL };
  gboolean success;

  success = e_webdav_session_report_sync (self->session, book_url, E_WEBDAV_DEPTH_THIS_AND_CHILDREN, xml,
                                          multiget_cb, &answer, NULL, NULL,
                                          _tn_carddav_request_begin (self, cancellable), &local_error);
  if (success && answer.too_large_href != NULL)
    {
      success = FALSE;
      local_error = _tn_carddav_card_too_large (self, answer.too_large_href);
    }
  g_free (answer.too_large_href);

  return _tn_carddav_request_end (self, success, local_error, error);
}

static gboolean
multiget_batch (TnCardDav          *self,
                const char         *book_url,
                const char * const *hrefs,
                guint               n_hrefs,
                GPtrArray          *cards,
                GCancellable       *cancellable,
                GError            **error)
{
  g_autoptr(EXmlDocument) xml = NULL;
  guint i;

  xml = e_xml_document_new (E_WEBDAV_NS_CARDDAV, "addressbook-multiget");
  e_xml_document_add_namespaces (xml, "D", E_WEBDAV_NS_DAV, NULL);
  e_xml_document_start_element (xml, E_WEBDAV_NS_DAV, "prop");
  e_xml_document_add_empty_element (xml, E_WEBDAV_NS_DAV, "getetag");
  e_xml_document_add_empty_element (xml, E_WEBDAV_NS_CARDDAV, "address-data");
  e_xml_document_end_element (xml);
  for (i = 0; i < n_hrefs; i++)
    {
      g_autofree char *path = _tn_carddav_path_of (hrefs[i]);

      e_xml_document_start_text_element (xml, E_WEBDAV_NS_DAV, "href");
      e_xml_document_write_string (xml, path);
      e_xml_document_end_element (xml);
    }

  return report_cards (self, book_url, xml, cards, cancellable, error);
}

/* A batch whose answer is too large is asked for again in halves: only a single card
 * over the limit is an error. */
static gboolean
multiget_split (TnCardDav          *self,
                const char         *book_url,
                const char * const *hrefs,
                guint               n_hrefs,
                GPtrArray          *cards,
                GCancellable       *cancellable,
                GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  guint half;

  if (multiget_batch (self, book_url, hrefs, n_hrefs, cards, cancellable, &local_error))
    return TRUE;

  if (n_hrefs < 2 || !g_error_matches (local_error, TN_CARDDAV_ERROR, TN_CARDDAV_ERROR_TOO_LARGE))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  half = n_hrefs / 2;
  self->multiget_batch = MIN (self->multiget_batch, MAX (half, 1));
  return multiget_split (self, book_url, hrefs, half, cards, cancellable, error)
         && multiget_split (self, book_url, hrefs + half, n_hrefs - half, cards, cancellable, error);
}

GPtrArray *
tn_carddav_multiget_sync (TnCardDav          *self,
                          const char         *book_url,
                          const char * const *hrefs,
                          GCancellable       *cancellable,
                          GError            **error)
{
  g_autoptr(GPtrArray) cards = NULL;
  guint n_hrefs;
  guint start;

  g_return_val_if_fail (TN_IS_CARDDAV (self), NULL);
  g_return_val_if_fail (book_url != NULL, NULL);
  g_return_val_if_fail (hrefs != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  cards = g_ptr_array_new_with_free_func ((GDestroyNotify) tn_carddav_card_free);
  n_hrefs = g_strv_length ((char **) hrefs);

  for (start = 0; start < n_hrefs;)
    {
      guint batch = MIN (self->multiget_batch, n_hrefs - start);

      if (!multiget_split (self, book_url, hrefs + start, batch, cards, cancellable, error))
        return NULL;
      start += batch;
    }

  return g_steal_pointer (&cards);
}

/**
 * tn_carddav_query_all_sync:
 * @self: a #TnCardDav
 * @book_url: the address book
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Every card of the address book with its ETag and text, in one addressbook-query with a
 * filter that matches all (RFC 6352 8.6): one pass over the book on the server, where a
 * server such as xandikos 0.2 looks each href of a multiget up by walking the whole book.
 * A card over the size limit fails the whole answer with %TN_CARDDAV_ERROR_TOO_LARGE.
 *
 * Returns: (transfer container) (element-type TnCardDavCard): the cards, or %NULL
 */
GPtrArray *
tn_carddav_query_all_sync (TnCardDav    *self,
                           const char   *book_url,
                           GCancellable *cancellable,
                           GError      **error)
{
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(EXmlDocument) xml = NULL;

  g_return_val_if_fail (TN_IS_CARDDAV (self), NULL);
  g_return_val_if_fail (book_url != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  cards = g_ptr_array_new_with_free_func ((GDestroyNotify) tn_carddav_card_free);

  xml = e_xml_document_new (E_WEBDAV_NS_CARDDAV, "addressbook-query");
  e_xml_document_add_namespaces (xml, "D", E_WEBDAV_NS_DAV, NULL);
  e_xml_document_start_element (xml, E_WEBDAV_NS_DAV, "prop");
  e_xml_document_add_empty_element (xml, E_WEBDAV_NS_DAV, "getetag");
  e_xml_document_add_empty_element (xml, E_WEBDAV_NS_CARDDAV, "address-data");
  e_xml_document_end_element (xml);
  /* No prop-filter: every card matches (RFC 6352 10.5). */
  e_xml_document_add_empty_element (xml, E_WEBDAV_NS_CARDDAV, "filter");

  if (!report_cards (self, book_url, xml, cards, cancellable, error))
    return NULL;
  return g_steal_pointer (&cards);
}

gboolean
tn_carddav_put_card_sync (TnCardDav    *self,
                          const char   *href,
                          const char   *vcard,
                          const char   *if_match,
                          char        **new_etag,
                          GCancellable *cancellable,
                          GError      **error)
{
  g_autofree char *etag = NULL;
  GError *local_error = NULL;
  gsize length;
  gboolean success;

  g_return_val_if_fail (TN_IS_CARDDAV (self), FALSE);
  g_return_val_if_fail (href != NULL, FALSE);
  g_return_val_if_fail (vcard != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (new_etag != NULL)
    *new_etag = NULL;

  length = strlen (vcard);
  if (length > MAX_CARD_BYTES)
    {
      g_set_error (error, TN_CARDDAV_ERROR, TN_CARDDAV_ERROR_TOO_LARGE,
                   _("This card is larger than %d MB; TrustNet does not send it to the server %s."),
                   MAX_CARD_BYTES / (1024 * 1024), self->host);
      return FALSE;
    }

  /* if_match NULL makes EDS send If-None-Match: *, so a new card never overwrites one
   * another client created at the same address. */
  success = e_webdav_session_put_data_sync (self->session, href, if_match, E_WEBDAV_CONTENT_TYPE_VCARD,
                                            NULL, vcard, length, NULL, &etag, NULL,
                                            _tn_carddav_request_begin (self, cancellable), &local_error);
  if (!_tn_carddav_request_end (self, success, local_error, error))
    return FALSE;

  /* A weak ETag cannot guard a later If-Match: better none, then the engine lists again. */
  if (new_etag != NULL && etag != NULL && *etag != '\0' && !g_str_has_prefix (etag, "W/"))
    *new_etag = g_steal_pointer (&etag);
  return TRUE;
}

gboolean
tn_carddav_delete_card_sync (TnCardDav    *self,
                             const char   *href,
                             const char   *if_match,
                             GCancellable *cancellable,
                             GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  GError *session_error = NULL;
  gboolean success;

  g_return_val_if_fail (TN_IS_CARDDAV (self), FALSE);
  g_return_val_if_fail (href != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  success = e_webdav_session_delete_sync (self->session, href, NULL, if_match,
                                          _tn_carddav_request_begin (self, cancellable), &session_error);
  if (_tn_carddav_request_end (self, success, session_error, &local_error))
    return TRUE;

  /* Gone already is what was asked for. */
  if (g_error_matches (local_error, TN_CARDDAV_ERROR, TN_CARDDAV_ERROR_NOT_FOUND))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gsize
_tn_carddav_max_answer_bytes (void)
{
  return MAX_ANSWER_BYTES;
}
