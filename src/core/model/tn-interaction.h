/* tn-interaction.h — one time a person was in touch with a contact: a lunch,
 * a coffee, a call, an email, a message, a meeting or an event.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * TnInteractionKind:
 * @TN_INTERACTION_LUNCH: lunch together
 * @TN_INTERACTION_COFFEE: coffee together
 * @TN_INTERACTION_CALL: a phone or video call
 * @TN_INTERACTION_EMAIL: an email
 * @TN_INTERACTION_MESSAGE: a text or chat message
 * @TN_INTERACTION_MEETING: a meeting
 * @TN_INTERACTION_EVENT: an event both went to
 */
typedef enum
{
  TN_INTERACTION_LUNCH,
  TN_INTERACTION_COFFEE,
  TN_INTERACTION_CALL,
  TN_INTERACTION_EMAIL,
  TN_INTERACTION_MESSAGE,
  TN_INTERACTION_MEETING,
  TN_INTERACTION_EVENT,
} TnInteractionKind;

#define TN_INTERACTION_KIND_LAST TN_INTERACTION_EVENT

#define TN_TYPE_INTERACTION (tn_interaction_get_type ())

G_DECLARE_FINAL_TYPE (TnInteraction, tn_interaction, TN, INTERACTION, GObject)

const char        *tn_interaction_kind_to_string  (TnInteractionKind  kind);
gboolean           tn_interaction_kind_parse      (const char        *text,
                                                   TnInteractionKind *kind);
const char        *tn_interaction_kind_get_label  (TnInteractionKind  kind);

TnInteraction     *tn_interaction_new             (TnInteractionKind  kind,
                                                   const char        *day);
TnInteraction     *tn_interaction_copy            (TnInteraction     *self);
gint64             tn_interaction_get_id          (TnInteraction     *self);
gint64             tn_interaction_get_contact_id  (TnInteraction     *self);
TnInteractionKind  tn_interaction_get_kind        (TnInteraction     *self);
void               tn_interaction_set_kind        (TnInteraction     *self,
                                                   TnInteractionKind  kind);
const char        *tn_interaction_get_day         (TnInteraction     *self);
void               tn_interaction_set_day         (TnInteraction     *self,
                                                   const char        *day);
gboolean           tn_interaction_get_one_on_one  (TnInteraction     *self);
void               tn_interaction_set_one_on_one  (TnInteraction     *self,
                                                   gboolean           one_on_one);
gboolean           tn_interaction_get_gave_value  (TnInteraction     *self);
void               tn_interaction_set_gave_value  (TnInteraction     *self,
                                                   gboolean           gave_value);
const char        *tn_interaction_get_note        (TnInteraction     *self);
void               tn_interaction_set_note        (TnInteraction     *self,
                                                   const char        *note);

gboolean           tn_interaction_day_is_valid    (const char        *day);

G_END_DECLS
