/* tn-carddav.h — one CardDAV account: find its address books, read changes, write and
 * delete cards. Blocking calls over EDS's EWebDAVSession, for a worker thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TN_CARDDAV_ERROR (tn_carddav_error_quark ())

/**
 * TnCardDavError:
 * @TN_CARDDAV_ERROR_UNREACHABLE: no connection, DNS, refused, TLS
 * @TN_CARDDAV_ERROR_AUTH: 401/403
 * @TN_CARDDAV_ERROR_NOT_FOUND: 404, no address book there
 * @TN_CARDDAV_ERROR_PRECONDITION: 412: someone else changed the card
 * @TN_CARDDAV_ERROR_TOKEN: sync-collection token rejected (valid-sync-token) or unsupported
 * @TN_CARDDAV_ERROR_SERVER: 5xx, garbage XML, anything else: message in words
 * @TN_CARDDAV_ERROR_TOO_LARGE: a card or answer over the limit
 */
typedef enum
{
  TN_CARDDAV_ERROR_UNREACHABLE,   /* no connection, DNS, refused, TLS */
  TN_CARDDAV_ERROR_AUTH,          /* 401/403 */
  TN_CARDDAV_ERROR_NOT_FOUND,     /* 404, no address book there */
  TN_CARDDAV_ERROR_PRECONDITION,  /* 412: someone else changed the card */
  TN_CARDDAV_ERROR_TOKEN,         /* sync-collection token rejected (valid-sync-token) or unsupported */
  TN_CARDDAV_ERROR_SERVER,        /* 5xx, garbage XML, anything else: message in words */
  TN_CARDDAV_ERROR_TOO_LARGE,     /* a card or answer over the limit */
} TnCardDavError;

GQuark tn_carddav_error_quark (void);

/* data is NULL in listings */
typedef struct
{
  char *href;
  char *etag;
  char *data;
} TnCardDavCard;

typedef struct
{
  char *href;
  char *display_name;
} TnCardDavBook;

void tn_carddav_card_free (TnCardDavCard *);
void tn_carddav_book_free (TnCardDavBook *);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TnCardDavCard, tn_carddav_card_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TnCardDavBook, tn_carddav_book_free)

#define TN_TYPE_CARDDAV (tn_carddav_get_type ())
G_DECLARE_FINAL_TYPE (TnCardDav, tn_carddav, TN, CARDDAV, GObject)

TnCardDav *tn_carddav_new (const char *url, const char *user, const char *password);
/* url: a server root (discovery: /.well-known/carddav, current-user-principal,
 * addressbook-home-set) or an address book's own URL. hrefs below are absolute URLs. */
GPtrArray *tn_carddav_discover_books_sync (TnCardDav *, GCancellable *, GError **);      /* TnCardDavBook */
char      *tn_carddav_create_book_sync    (TnCardDav *, const char *display_name, GCancellable *, GError **); /* new book URL */
gboolean   tn_carddav_sync_collection_sync (TnCardDav *, const char *book_url, const char *token /* NULL: initial */,
                                            char **new_token, GPtrArray **changed /* TnCardDavCard, no data */,
                                            GPtrArray **removed /* char * hrefs */, GCancellable *, GError **);
/* The same, with each changed card's text in the answer where the server gives it. */
gboolean   tn_carddav_sync_collection_with_data_sync (TnCardDav *, const char *book_url, const char *token,
                                                      char **new_token, GPtrArray **changed /* TnCardDavCard */,
                                                      GPtrArray **removed, GCancellable *, GError **);
/* What a PROPFIND of the address book itself may ask (tn_carddav_get_book_tags_sync ()). */
typedef enum
{
  TN_CARDDAV_BOOK_TOKEN    = 1 << 0,  /* DAV:sync-token */
  TN_CARDDAV_BOOK_CTAG     = 1 << 1,  /* CS:getctag */
  TN_CARDDAV_BOOK_MODIFIED = 1 << 2,  /* DAV:getlastmodified */
} TnCardDavBookTag;

/* The answer; each NULL or 0 where not asked or the server has none. */
typedef struct
{
  char *token;
  char *ctag;
  gint64 modified;    /* Unix seconds */
  gint64 answered;    /* the answer's Date header, Unix seconds */
} TnCardDavBookTags;

void       tn_carddav_book_tags_clear     (TnCardDavBookTags *tags);
gboolean   tn_carddav_book_tags_modified_is_validator (const TnCardDavBookTags *tags);
gboolean   tn_carddav_get_book_tags_sync  (TnCardDav *, const char *book_url, TnCardDavBookTag asked,
                                           TnCardDavBookTags *tags, GCancellable *, GError **);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TnCardDavBookTags, tn_carddav_book_tags_clear)
GPtrArray *tn_carddav_list_cards_sync     (TnCardDav *, const char *book_url, GCancellable *, GError **); /* href+etag */
GPtrArray *tn_carddav_multiget_sync       (TnCardDav *, const char *book_url, const char * const *hrefs,
                                           GCancellable *, GError **);   /* with data; batches internally */
/* every card of the book with its text, one addressbook-query */
GPtrArray *tn_carddav_query_all_sync      (TnCardDav *, const char *book_url, GCancellable *, GError **);
gboolean   tn_carddav_put_card_sync       (TnCardDav *, const char *href, const char *vcard,
                                           const char *if_match /* NULL: new card, If-None-Match: * */,
                                           char **new_etag /* NULL when the server gave none */,
                                           GCancellable *, GError **);
gboolean   tn_carddav_delete_card_sync    (TnCardDav *, const char *href, const char *if_match,
                                           GCancellable *, GError **);
char      *tn_carddav_get_host            (TnCardDav *);   /* for "Synced with HOST" */

G_END_DECLS
