/* tn-ui-test-util.c — the window tests' shared harness.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gdk/x11/gdkx.h>

#include "tn-test-util.h"
#include "tn-text-cell.h"
#include "tn-ui-test-util.h"
#include "tn-window-private.h"

/**
 * tn_ui_test_init:
 * @argc: main()'s
 * @argv: main()'s
 *
 * Sets up a window test: X11 (xdotool needs it), memory settings, GTK's own
 * dialogs rather than a portal's, and GTest.
 *
 * Returns: (transfer full) (nullable): the registered application the test's
 *   windows belong to, or %NULL without a display (the tests then skip)
 */
TnApplication *
tn_ui_test_init (int    *argc,
                 char ***argv)
{
  TnApplication *application;

  g_setenv ("GDK_BACKEND", "x11", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("NO_AT_BRIDGE", "1", TRUE);
  g_setenv ("GTK_USE_PORTAL", "0", TRUE);
  gtk_disable_setlocale ();
  g_test_init (argc, argv, NULL);

  if (g_getenv ("DISPLAY") == NULL)
    return NULL;

  application = tn_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, NULL);
  return application;
}

static gboolean
window_is_drawn (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data)) && gtk_widget_get_width (GTK_WIDGET (data)) > 0;
}

/* Shows @window and waits until it is mapped and drawn. */
void
tn_ui_test_present (GtkWindow *window)
{
  gtk_window_present (window);
  g_assert_true (tn_ui_test_wait_until (window_is_drawn, window));
}

/* The real window over @store, shown and drawn. */
TnWindow *
tn_ui_test_open_window (TnApplication *application,
                        TnStore       *store)
{
  TnWindow *window = tn_window_new (ADW_APPLICATION (application), store);

  /* The window opens on the dashboard; the tests of the other pages start on the
   * contacts, as a person switching there would (test-dashboard switches back). */
  tn_window_show_page (window, "contacts");
  tn_ui_test_present (GTK_WINDOW (window));
  tn_ui_test_settle (200);
  return window;
}

/**
 * tn_ui_test_fixture_set_up:
 * @fixture: the test's
 * @prefix: (type utf8): names the scratch folder, e.g. "test-window"
 *
 * Opens an empty store in a scratch folder. Without a display the test is
 * skipped and @fixture->store stays %NULL, which the tests check first.
 */
void
tn_ui_test_fixture_set_up (TnUiFixture   *fixture,
                           gconstpointer  prefix)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = NULL;
  g_autofree char *path = NULL;

  if (g_getenv ("DISPLAY") == NULL)
    {
      g_test_skip ("needs an X display: run under xvfb-run");
      return;
    }

  template = g_strconcat (prefix, "-XXXXXX", NULL);
  fixture->dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "trustnet.db", NULL);
  fixture->store = tn_store_open (path, &error);
  g_assert_no_error (error);
}

void
tn_ui_test_fixture_open_window (TnUiFixture   *fixture,
                                TnApplication *application)
{
  fixture->window = tn_ui_test_open_window (application, fixture->store);
}

/* Destroying the window closes what it is transient for too (Preferences, dialogs). */
void
tn_ui_test_fixture_tear_down (TnUiFixture   *fixture,
                              gconstpointer  user_data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  tn_ui_test_settle (50);
  g_clear_object (&fixture->store);

  if (fixture->dir != NULL)
    tn_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

/**
 * tn_ui_test_add_contact:
 * @store: where to add
 * @name: the full name
 * @email: (nullable): the one address
 * @organization: (nullable): where they work
 * @trust: the rating
 *
 * Returns: (transfer full): the contact, now in @store
 */
TnContact *
tn_ui_test_add_contact (TnStore    *store,
                        const char *name,
                        const char *email,
                        const char *organization,
                        TnTrust     trust)
{
  g_autoptr(TnContact) contact = tn_contact_new (name);
  g_autoptr(GError) error = NULL;

  if (email != NULL)
    {
      const char *emails[] = { email, NULL };

      tn_contact_set_emails (contact, emails);
    }
  tn_contact_set_organization (contact, organization);
  tn_contact_set_trust (contact, trust);
  g_assert_true (tn_store_add_contact (store, contact, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&contact);
}

/* How many contacts the TnStore @store holds; a #TnTestCount. */
guint
tn_ui_test_n_contacts (gpointer store)
{
  return g_list_model_get_n_items (tn_store_get_contacts (store));
}

/* How many contacts the TnWindow @window's list shows, after search and filters; a #TnTestCount. */
guint
tn_ui_test_n_visible (gpointer window)
{
  TnContactsPage *page = tn_window_get_contacts_page (window);

  return g_list_model_get_n_items (tn_contacts_page_get_visible_model (page));
}

static gboolean
on_timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * tn_ui_test_wait_until_ms:
 * @condition: what to wait for
 * @data: passed to @condition
 * @ms: how long at most
 *
 * Runs the main loop until @condition holds or @ms milliseconds pass.
 *
 * Returns: whether @condition holds
 */
gboolean
tn_ui_test_wait_until_ms (TnTestCondition condition,
                          gpointer        data,
                          guint           ms)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add (ms, on_timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (timeout_id);

  return condition (data);
}

gboolean
tn_ui_test_wait_until (TnTestCondition condition,
                       gpointer        data)
{
  /* Generous: a machine busy with other builds draws and imports slowly, and a wait
   * that runs out is a failure, never a measurement. */
  return tn_ui_test_wait_until_ms (condition, data, 30000);
}

typedef struct
{
  TnTestCount count;
  gpointer data;
  guint expected;
} CountWait;

static gboolean
count_is_expected (gpointer data)
{
  CountWait *wait = data;

  return wait->count (wait->data) == wait->expected;
}

/* Runs the main loop until @count of @data is @expected; returns whether it is. */
gboolean
tn_ui_test_wait_for_count (TnTestCount count,
                           gpointer    data,
                           guint       expected)
{
  CountWait wait = { count, data, expected };

  return tn_ui_test_wait_until (count_is_expected, &wait);
}

static gboolean
on_settle_tick_cb (gpointer data)
{
  int *remaining = data;

  (*remaining)--;
  return *remaining < 0 ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

/* Lets layout, drawing and X round trips happen for @ms milliseconds. */
void
tn_ui_test_settle (guint ms)
{
  int remaining = ms / 20;

  g_timeout_add (20, on_settle_tick_cb, &remaining);
  while (remaining >= 0)
    g_main_context_iteration (NULL, TRUE);
}

/**
 * tn_ui_test_busy_moment:
 *
 * A moment of a busy main thread (as with 100,000 contacts), after a frame or two in which
 * a toast sliding in may be dismissed: a toast whose show animation and hide animation end
 * in the same frame is what libadwaita 1.2.2 cannot take (see tn-toast.c).
 */
void
tn_ui_test_busy_moment (void)
{
  tn_ui_test_settle (40);
  g_usleep (700 * G_TIME_SPAN_MILLISECOND);
  tn_ui_test_settle (100);
}

static gboolean
slow_tick_cb (GtkWidget     *widget,
              GdkFrameClock *frame_clock,
              gpointer       user_data)
{
  g_usleep (25 * G_TIME_SPAN_MILLISECOND);
  return G_SOURCE_CONTINUE;
}

/**
 * tn_ui_test_add_slow_frames:
 * @widget: a widget shown
 *
 * An animation on a busy machine: every frame of @widget's window asks for the next and
 * takes 25 ms, longer than the frame interval, so a frame is always due.
 *
 * Returns: the tick callback, for gtk_widget_remove_tick_callback()
 */
guint
tn_ui_test_add_slow_frames (GtkWidget *widget)
{
  return gtk_widget_add_tick_callback (widget, slow_tick_cb, NULL, NULL);
}

/* Each xdotool call is a process of its own: chained commands would send keys with
 * XSendEvent, which GTK ignores, and a drag needs the main loop to run in between. */
void
tn_ui_test_xdotool (const char *first_arg,
                    ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, g_strdup ("xdotool"));
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

char *
tn_ui_test_window_xid (GtkWidget *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  return g_strdup_printf ("%lu", (unsigned long) gdk_x11_surface_get_xid (surface));
}

/* Without a window manager the X keyboard focus is PointerRoot: keys go to
 * the window under the pointer. (An explicit XSetInputFocus leaves GTK
 * thinking it is not focused, and it drops the keys; `mousemove --sync`
 * hangs when the pointer is already there.) */
void
tn_ui_test_point_at (GtkWidget *window)
{
  g_autofree char *xid = tn_ui_test_window_xid (window);

  tn_ui_test_xdotool ("mousemove", "--window", xid, "400", "8", NULL);
}

static gboolean
on_click_event_cb (GtkEventControllerLegacy *watcher,
                   GdkEvent                 *event,
                   gboolean                 *released)
{
  if (gdk_event_get_event_type (event) == GDK_BUTTON_RELEASE)
    *released = TRUE;
  return GDK_EVENT_PROPAGATE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* A real click in the middle of @widget, through the X server. */
/**
 * tn_ui_test_spot_of:
 * @widget: a widget shown in a window
 *
 * Returns: where the middle of @widget is now, in the X coordinates of its window
 */
TnUiSpot
tn_ui_test_spot_of (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t middle = GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0f,
                                                 gtk_widget_get_height (widget) / 2.0f);
  graphene_point_t point;
  double dx, dy;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &middle, &point));
  /* Widget coordinates start inside the client-side shadow; X's at the surface's corner. */
  gtk_native_get_surface_transform (native, &dx, &dy);
  return (TnUiSpot) { (int) (point.x + dx), (int) (point.y + dy) };
}

static void
move_pointer_to (GtkWidget *window,
                 TnUiSpot   spot)
{
  g_autofree char *xid = tn_ui_test_window_xid (window);
  g_autofree char *x = g_strdup_printf ("%d", spot.x);
  g_autofree char *y = g_strdup_printf ("%d", spot.y);

  tn_ui_test_xdotool ("mousemove", "--window", xid, x, y, NULL);
}

/**
 * tn_ui_test_click_spot:
 * @window: a window
 * @spot: where in it, from tn_ui_test_spot_of()
 *
 * Clicks there at once, without waiting for anything: for a widget that is still on its
 * way there, as a toast's button while the toast slides in.
 */
void
tn_ui_test_click_spot (GtkWidget *window,
                       TnUiSpot   spot)
{
  move_pointer_to (window, spot);
  tn_ui_test_xdotool ("click", "1", NULL);
}

void
tn_ui_test_click (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GtkEventController *watcher;
  gboolean released = FALSE;

  move_pointer_to (GTK_WIDGET (native), tn_ui_test_spot_of (widget));
  tn_ui_test_settle (100);

  /* On a busy machine the release can arrive well after xdotool returns: wait until the
   * window has seen it, so whatever the click does has happened when this returns. */
  watcher = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (watcher, GTK_PHASE_CAPTURE);
  g_signal_connect (watcher, "event", G_CALLBACK (on_click_event_cb), &released);
  gtk_widget_add_controller (GTK_WIDGET (native), watcher);

  /* The click may close the window it lands in (Log, Save, Cancel). */
  g_object_add_weak_pointer (G_OBJECT (native), (gpointer *) &native);

  tn_ui_test_xdotool ("click", "1", NULL);
  g_assert_true (tn_ui_test_wait_until (is_true, &released));
  if (native != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (native), (gpointer *) &native);
      gtk_widget_remove_controller (GTK_WIDGET (native), watcher);
    }
  tn_ui_test_settle (100);
}

void
tn_ui_test_save_screenshot (const char *name)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_autofree char *path = NULL;
  g_autofree char *file_name = g_strconcat (name, ".png", NULL);
  const char *argv[] = { "import", "-window", "root", NULL, NULL };
  int status = 0;

  tn_ui_test_settle (300);
  g_mkdir_with_parents (folder, 0755);
  path = g_build_filename (folder, file_name, NULL);
  argv[3] = path;
  if (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                    NULL, NULL, NULL, NULL, &status, NULL) &&
      g_spawn_check_wait_status (status, NULL))
    g_test_message ("screenshot: %s", path);
  else
    g_test_message ("no screenshot of %s: ImageMagick's import is missing", name);
}

typedef gboolean (*WidgetMatch) (GtkWidget  *widget,
                                 gconstpointer wanted);

/* The first widget from @widget down, depth first, that @match accepts; with
 * @shown_only, hidden widgets and all below them are passed over. */
static GtkWidget *
find_widget (GtkWidget     *widget,
             WidgetMatch    match,
             gconstpointer  wanted,
             gboolean       shown_only)
{
  if (shown_only && (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget)))
    return NULL;

  if (match (widget, wanted))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, wanted, shown_only);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  wanted)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, *(const GType *) wanted);
}

static gboolean
is_named (GtkWidget     *widget,
          gconstpointer  wanted)
{
  return g_strcmp0 (gtk_widget_get_name (widget), wanted) == 0;
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  wanted)
{
  g_autoptr(GString) text = NULL;

  if (!GTK_IS_BUTTON (widget) || gtk_button_get_label (GTK_BUTTON (widget)) == NULL)
    return FALSE;

  text = g_string_new (gtk_button_get_label (GTK_BUTTON (widget)));
  g_string_replace (text, "_", "", 0);
  return g_str_equal (text->str, wanted);
}

/* A label, or a cell of the contacts table (it draws its text), showing @wanted. */
static gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  wanted)
{
  const char *text = GTK_IS_LABEL (widget) ? gtk_label_get_text (GTK_LABEL (widget)) :
                     TN_IS_TEXT_CELL (widget) ? tn_text_cell_get_text (TN_TEXT_CELL (widget)) : NULL;

  return text != NULL && strstr (text, wanted) != NULL;
}

GtkWidget *
tn_ui_test_find_visible (GtkWidget *widget,
                         GType      type)
{
  return find_widget (widget, is_of_type, &type, TRUE);
}

/* A shown button whose label, without mnemonics, is @label. */
GtkWidget *
tn_ui_test_find_button (GtkWidget  *widget,
                        const char *label)
{
  return find_widget (widget, is_button_labelled, label, TRUE);
}

/* The widget named @name from @widget down, shown or not: a bar still sliding in counts. */
GtkWidget *
tn_ui_test_find_named (GtkWidget  *widget,
                       const char *name)
{
  return find_widget (widget, is_named, name, FALSE);
}

/* A shown toplevel of @type, if any. Dialogs belong to no application:
 * every toplevel is looked at. The toplevel list keeps the window alive. */
GtkWidget *
tn_ui_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (window))
        return window;
    }

  return NULL;
}

static gboolean
toplevel_is_shown (gpointer data)
{
  return tn_ui_test_find_toplevel (*(GType *) data) != NULL;
}

static gboolean
toplevel_is_gone (gpointer data)
{
  return tn_ui_test_find_toplevel (*(GType *) data) == NULL;
}

/* Waits for a toplevel of @type to be shown; returns it, or %NULL if none came. */
GtkWidget *
tn_ui_test_wait_for_toplevel (GType type)
{
  tn_ui_test_wait_until (toplevel_is_shown, &type);
  return tn_ui_test_find_toplevel (type);
}

/* Waits until no toplevel of @type is shown; returns whether none is. */
gboolean
tn_ui_test_wait_toplevel_gone (GType type)
{
  return tn_ui_test_wait_until (toplevel_is_gone, &type);
}

/* A shown label (or contacts-table cell) whose text contains @text. */
GtkWidget *
tn_ui_test_find_label (GtkWidget  *widget,
                       const char *text)
{
  return find_widget (widget, is_label_containing, text, TRUE);
}
