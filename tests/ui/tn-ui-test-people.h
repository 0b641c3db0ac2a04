/* tn-ui-test-people.h — four contacts whose trust and history put two of them overdue,
 * in the real window: what the Overdue filter and the timeline tests start from.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tn-ui-test-util.h"

G_BEGIN_DECLS

/* Today, in every test; the contacts were added on TN_UI_TEST_ADDED. */
#define TN_UI_TEST_TODAY "2026-11-24T10:00:00"
#define TN_UI_TEST_ADDED "2026-09-10T10:00:00"

typedef struct
{
  TnUiFixture ui;
  TnContact *ada;      /* a 1, last met five weeks ago: overdue */
  TnContact *grace;    /* a 1, met last week */
  TnContact *alan;     /* a 2, never met: added 75 days ago, twelve weeks not up yet */
  TnContact *barbara;  /* a 1, never met since added 75 days ago: overdue */
} TnUiPeopleFixture;

void tn_ui_test_people_set_up    (TnUiPeopleFixture *fixture,
                                  gconstpointer      application);
void tn_ui_test_people_tear_down (TnUiPeopleFixture *fixture,
                                  gconstpointer      application);

void tn_ui_test_log              (TnStore           *store,
                                  TnContact         *contact,
                                  TnInteractionKind  kind,
                                  const char        *day,
                                  const char        *note);

G_END_DECLS
