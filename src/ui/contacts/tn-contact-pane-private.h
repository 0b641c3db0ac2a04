/* tn-contact-pane-private.h — what the parts of TnContactPane share (the instance struct,
 * the form's functions in tn-contact-pane-form.c), and the fields tests fill in as a person
 * would; the app goes through the pane's own API instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tn-contact-pane.h"
#include "tn-contact-pane-details.h"
#include "tn-contact-timeline.h"
#include "tn-trust-chooser.h"

G_BEGIN_DECLS

struct _TnContactPane
{
  GtkWidget parent_instance;

  TnStore *store;
  TnClock *clock;
  TnContact *contact;
  gulong contact_notify_id;

  /* What the form was filled from: the fields where the form differs from it are the
   * person's edit, every other field follows what other processes write. */
  TnContact *loaded;
  gboolean loading;
  gboolean dirty;
  gboolean can_save;
  /* The form shows (after Edit, or for a new contact); otherwise the read view. */
  gboolean editing;
  /* The window is narrow and the pane covers the list: the way out is "Back". */
  gboolean folded;

  /* Template children */
  GtkWidget *box;
  GtkLabel *title_label;
  GtkWidget *back_button;
  GtkWidget *cancel_button;
  GtkWidget *edit_button;
  GtkWidget *save_button;
  GtkStack *mode_stack;
  TnContactPaneDetails *details;
  GtkScrolledWindow *scroller;
  AdwAvatar *avatar;
  AdwActionRow *trust_row;
  TnTrustChooser *trust_chooser;
  TnContactTimeline *timeline;
  AdwEntryRow *name_row;
  AdwEntryRow *organization_row;
  AdwEntryRow *title_row;
  GtkWidget *name_hint;
  GtkListBox *emails_list;
  GtkWidget *add_email_row;
  GtkListBox *phones_list;
  GtkWidget *add_phone_row;
  GtkTextView *note_view;
  GtkWidget *delete_button;
};

/* tn-contact-pane.c */
void       _tn_contact_pane_update_state    (TnContactPane  *self);

/* tn-contact-pane-form.c */
char      *_tn_contact_pane_get_name        (TnContactPane  *self);
void       _tn_contact_pane_clear_values    (TnContactPane  *self);
void       _tn_contact_pane_fill_form       (TnContactPane  *self,
                                             TnContact      *contact);
gboolean   _tn_contact_pane_form_differs    (TnContactPane  *self);
void       _tn_contact_pane_apply_form      (TnContactPane  *self,
                                             TnContact      *draft);
void       _tn_contact_pane_class_form_init (GtkWidgetClass *widget_class);

/* For tests */
AdwEntryRow *tn_contact_pane_get_name_row    (TnContactPane *self);
GtkTextView *tn_contact_pane_get_note_view   (TnContactPane *self);
GtkWidget   *tn_contact_pane_get_save_button (TnContactPane *self);

G_END_DECLS
