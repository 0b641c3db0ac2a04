/* tn-carddav-private.h — what the transport's files share: the session, and the frame
 * around every request that maps its failure to a TnCardDavError.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

/* EDS 3.46's headers use GTimeVal, deprecated since GLib 2.62. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
#include <libedataserver/libedataserver.h>
G_GNUC_END_IGNORE_DEPRECATIONS

#include "tn-carddav.h"

G_BEGIN_DECLS

EWebDAVSession *_tn_carddav_get_session  (TnCardDav *self);
const char     *_tn_carddav_get_url      (TnCardDav *self);
const char     *_tn_carddav_get_home_url (TnCardDav *self);
void            _tn_carddav_set_home_url (TnCardDav  *self,
                                          const char *home_url);

/* Every request: begin hands out the cancellable to pass to EDS; end takes ownership of
 * the request's error (or NULL) and returns FALSE with a TN_CARDDAV_ERROR when it failed
 * or its answer was too large. */
GCancellable   *_tn_carddav_request_begin (TnCardDav    *self,
                                           GCancellable *caller_cancellable);
gboolean        _tn_carddav_request_end   (TnCardDav *self,
                                           gboolean   success,
                                           GError    *error,
                                           GError   **out_error);
/* A PROPFIND of one DAV: property (getetag, sync-token), each response to @func. */
gboolean        _tn_carddav_propfind_dav_prop (TnCardDav                   *self,
                                               const char                  *url,
                                               const char                  *depth,
                                               const char                  *dav_prop,
                                               EWebDAVPropstatTraverseFunc  func,
                                               gpointer                     func_data,
                                               GCancellable                *cancellable,
                                               GError                     **error);
/* The Date header of the last request's answer (Unix seconds), 0 when it had none. */
gint64          _tn_carddav_get_answer_date (TnCardDav *self);
/* For an answer found too large after it was read (no Content-Length). */
void            _tn_carddav_set_too_large (TnCardDav *self);
gsize           _tn_carddav_max_answer_bytes (void);

GError         *_tn_carddav_bad_answer (TnCardDav  *self,
                                        const char *what);
TnCardDavCard  *_tn_carddav_card_new   (const char *href,
                                        const char *etag,
                                        const char *data);
TnCardDavCard  *_tn_carddav_card_from_prop (const char *href,
                                            xmlNode    *prop_node,
                                            gboolean   *too_large);
GError         *_tn_carddav_card_too_large (TnCardDav  *self,
                                            const char *href);
/* An answer's XML, or NULL when it is none; libxml2 keeps its complaints to itself. */
xmlDoc         *_tn_carddav_parse_answer (const guint8 *data,
                                          gsize         length);
/* The path (and query) of a URL: what a DAV:href in a request holds. */
char           *_tn_carddav_path_of    (const char *url);

G_END_DECLS
