/* tn-log-dialog-private.h — the parts of the log dialog's form a person works with, for
 * the tests that fill it in as a person would; the app itself never reaches inside.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tn-log-dialog.h"

G_BEGIN_DECLS

GtkSearchEntry *tn_log_dialog_get_search_entry      (TnLogDialog *self);
GListModel     *tn_log_dialog_get_matches           (TnLogDialog *self);
AdwComboRow    *tn_log_dialog_get_kind_row          (TnLogDialog *self);
GtkCalendar    *tn_log_dialog_get_calendar          (TnLogDialog *self);
GtkSwitch      *tn_log_dialog_get_group_switch      (TnLogDialog *self);
GtkSwitch      *tn_log_dialog_get_gave_value_switch (TnLogDialog *self);
AdwEntryRow    *tn_log_dialog_get_note_row          (TnLogDialog *self);
GtkWidget      *tn_log_dialog_get_save_button       (TnLogDialog *self);
const char     *tn_log_dialog_get_error             (TnLogDialog *self);

G_END_DECLS
