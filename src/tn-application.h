/* tn-application.h — the GtkApplication of `trustnet-window`: owns the store, opens the
 * window, runs the weekly reminder of `--background`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tn-store.h"

G_BEGIN_DECLS

#define TN_TYPE_APPLICATION (tn_application_get_type ())

G_DECLARE_FINAL_TYPE (TnApplication, tn_application, TN, APPLICATION, AdwApplication)

TnApplication *tn_application_new        (void);
TnStore       *tn_application_get_store  (TnApplication *self);

G_END_DECLS
