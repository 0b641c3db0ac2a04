/* test-adaptive.c — the window down to 360 px, as a phone holds it: no page asks for more,
 * the window takes 360, the title reads whole, the pages switch from the bottom bar, and a
 * screenshot of each page narrow, light and dark.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tn-application.h"
#include "tn-window-private.h"
#include "tn-test-util.h"
#include "tn-ui-test-util.h"

#define NARROW 360

typedef TnUiFixture Fixture;

static TnApplication *application;

static const char * const pages[] = { "dashboard", "contacts", "you" };

static void
populate (TnStore *store)
{
  const char *names[] = { "Ada Lovelace", "Grace Hopper", "Alan Turing", "Kateřina Nakamura-Papadopoulos", "Hedy Lamarr" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(TnContact) contact = tn_ui_test_add_contact (store, names[i], NULL, "Analytical Engines International",
                                                             (TnTrust) (i % 4));
    }
}

static int
minimum_width (GtkWidget *widget)
{
  int minimum;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum;
}

static gboolean
is_narrow (gpointer data)
{
  return gtk_widget_get_width (data) <= NARROW;
}

static gboolean
is_wide (gpointer data)
{
  return gtk_widget_get_width (data) >= 1000;
}

/* No page, and nothing around them, asks for more than 360 px. */
static void
test_minimum_width (Fixture       *fixture,
                    gconstpointer  user_data)
{
  AdwViewStack *stack;
  GtkWidget *content;

  if (fixture->store == NULL)
    return;

  populate (fixture->store);
  tn_ui_test_fixture_open_window (fixture, application);
  stack = ADW_VIEW_STACK (tn_ui_test_find_visible (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK));
  g_assert_nonnull (stack);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page = adw_view_stack_get_child_by_name (stack, pages[i]);

      g_test_message ("%s needs %d px", pages[i], minimum_width (page));
      g_assert_cmpint (minimum_width (page), <=, NARROW);
    }
  /* The window's content: the window itself adds the shadow drawn around it. */
  content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (fixture->window));
  g_test_message ("the window's content needs %d px", minimum_width (content));
  g_assert_cmpint (minimum_width (content), <=, NARROW);
}

static gboolean
title_is_whole (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child) &&
          g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), "TrustNet") == 0)
        return !pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (child)));
      if (title_is_whole (child))
        return TRUE;
    }
  return FALSE;
}

/* At 360 px the window is 360 px wide, its title reads whole, and every page is shown
 * through the bottom switcher. */
static void
test_narrow_window (Fixture       *fixture,
                    gconstpointer  user_data)
{
  AdwViewSwitcherBar *bar;

  if (fixture->store == NULL)
    return;

  populate (fixture->store);
  tn_ui_test_fixture_open_window (fixture, application);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), NARROW, 720);
  g_assert_true (tn_ui_test_wait_until (is_narrow, fixture->window));
  tn_ui_test_settle (500);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), ==, NARROW);
  g_assert_true (title_is_whole (GTK_WIDGET (fixture->window)));

  bar = ADW_VIEW_SWITCHER_BAR (tn_ui_test_find_visible (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_SWITCHER_BAR));
  g_assert_nonnull (bar);
  g_assert_true (adw_view_switcher_bar_get_reveal (bar));

  for (guint dark = 0; dark < 2; dark++)
    {
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
        {
          g_autofree char *name = g_strdup_printf ("narrow-%s-%s", pages[i], dark ? "dark" : "light");

          tn_window_show_page (fixture->window, pages[i]);
          tn_ui_test_settle (400);
          g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), ==, NARROW);
          tn_ui_test_save_screenshot (name);
        }
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

/* The toast widget around @label: libadwaita's own, named "toast" in CSS. */
static GtkWidget *
toast_of (GtkWidget *label)
{
  GtkWidget *widget = label;

  while (widget != NULL && g_strcmp0 (gtk_widget_get_css_name (widget), "toast") != 0)
    widget = gtk_widget_get_parent (widget);
  return widget;
}

static gboolean
toast_is_shown (gpointer data)
{
  GtkWidget *label = tn_ui_test_find_label (GTK_WIDGET (data), "Deleted Grace Hopper");

  return label != NULL && gtk_widget_get_mapped (label);
}

/* Where @widget is in @window, toast transforms (sliding in) included. */
static graphene_rect_t
bounds_in (GtkWidget *widget,
           TnWindow  *window)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (window), &bounds));
  return bounds;
}

/* Deletes Grace with the Delete key, as a person does, and waits for the toast to have
 * slid in; the screenshot shows it. */
static GtkWidget *
delete_grace (Fixture    *fixture,
              const char *screenshot)
{
  TnContactsPage *page = tn_window_get_contacts_page (fixture->window);
  TnContact *grace = NULL;
  GListModel *contacts = tn_store_get_contacts (fixture->store);

  for (guint i = 0; i < g_list_model_get_n_items (contacts) && grace == NULL; i++)
    {
      g_autoptr(TnContact) contact = g_list_model_get_item (contacts, i);

      if (g_strcmp0 (tn_contact_get_full_name (contact), "Grace Hopper") == 0)
        grace = contact;
    }
  g_assert_nonnull (grace);

  tn_window_show_page (fixture->window, "contacts");
  g_assert_true (tn_contacts_page_select_contact (page, grace));
  tn_contacts_page_focus_list (page);
  tn_ui_test_point_at (GTK_WIDGET (fixture->window));
  tn_ui_test_xdotool ("key", "Delete", NULL);
  g_assert_true (tn_ui_test_wait_until (toast_is_shown, fixture->window));
  /* Slid in: its show animation takes half a second at most. */
  tn_ui_test_settle (700);
  tn_ui_test_save_screenshot (screenshot);

  return toast_of (tn_ui_test_find_label (GTK_WIDGET (fixture->window), "Deleted Grace Hopper"));
}

/* A toast at 360 px rises above the bottom page switcher instead of covering it, light and
 * dark; in a wide window, where there is no bar, it sits at the window's bottom edge. */
static void
test_toast_above_bar (Fixture       *fixture,
                      gconstpointer  user_data)
{
  AdwViewSwitcherBar *bar;
  graphene_rect_t toast, bar_bounds;

  if (fixture->store == NULL)
    return;

  populate (fixture->store);
  tn_ui_test_fixture_open_window (fixture, application);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 720);
  g_assert_true (tn_ui_test_wait_until (is_wide, fixture->window));
  tn_ui_test_settle (300);

  toast = bounds_in (delete_grace (fixture, "toast-wide"), fixture->window);
  /* 12 px of the toast's margin to the window's bottom edge, centred. */
  g_assert_cmpfloat (toast.origin.y + toast.size.height, >=, gtk_widget_get_height (GTK_WIDGET (fixture->window)) - 24);
  g_assert_cmpfloat (ABS (toast.origin.x + toast.size.width / 2 - gtk_widget_get_width (GTK_WIDGET (fixture->window)) / 2.0), <=, 1);
  gtk_widget_activate (tn_ui_test_find_button (GTK_WIDGET (fixture->window), "Undo"));
  tn_ui_test_settle (900);

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), NARROW, 720);
  g_assert_true (tn_ui_test_wait_until (is_narrow, fixture->window));
  tn_ui_test_settle (500);
  bar = ADW_VIEW_SWITCHER_BAR (tn_ui_test_find_visible (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_SWITCHER_BAR));
  g_assert_true (adw_view_switcher_bar_get_reveal (bar));

  for (guint dark = 0; dark < 2; dark++)
    {
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      toast = bounds_in (delete_grace (fixture, dark ? "toast-narrow-dark" : "toast-narrow-light"), fixture->window);
      bar_bounds = bounds_in (GTK_WIDGET (bar), fixture->window);
      g_test_message ("toast from %.0f to %.0f px, bar from %.0f px", toast.origin.y,
                      toast.origin.y + toast.size.height, bar_bounds.origin.y);
      g_assert_cmpfloat (bar_bounds.size.height, >, 0);
      g_assert_cmpfloat (toast.origin.y + toast.size.height, <=, bar_bounds.origin.y);
      g_assert_cmpfloat (toast.origin.x, >=, 0);
      g_assert_cmpfloat (toast.origin.x + toast.size.width, <=, NARROW);

      gtk_widget_activate (tn_ui_test_find_button (GTK_WIDGET (fixture->window), "Undo"));
      tn_ui_test_settle (900);
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  application = tn_ui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, "test-adaptive", tn_ui_test_fixture_set_up, func, tn_ui_test_fixture_tear_down)

  ADD ("/adaptive/minimum-width", test_minimum_width);
  ADD ("/adaptive/narrow-window", test_narrow_window);
  ADD ("/adaptive/toast-above-bar", test_toast_above_bar);

#undef ADD

  return g_test_run ();
}
