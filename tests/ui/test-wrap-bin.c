/* test-wrap-bin.c — TnWrapBin answers "how wide at this height?" with its child's plain
 * width and passes every other question on; libadwaita's rows and group headers with their
 * words held in one look, read and act exactly as before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tn-adw-words.h"
#include "tn-application.h"
#include "tn-ui-test-util.h"
#include "tn-wrap-bin.h"

#define LONG_TEXT "Do you spend more time at job-search groups than at professional events, and do you " \
                  "model your elevator pitch on the ones you hear there?"

static TnApplication *application;

/* ---- A child that notes the questions it is asked ------------------------------------ */

#define TEST_TYPE_PROBE (test_probe_get_type ())
G_DECLARE_FINAL_TYPE (TestProbe, test_probe, TEST, PROBE, GtkWidget)

struct _TestProbe
{
  GtkWidget parent_instance;

  guint n_width_for_height;
  guint n_width;
  guint n_height_for_width;
};

G_DEFINE_FINAL_TYPE (TestProbe, test_probe, GTK_TYPE_WIDGET)

/* As a wrapping label: 400 px on one line, 100 px at the narrowest, 2,000 px² of text. */
static void
test_probe_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  TestProbe *self = TEST_PROBE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL && for_size >= 0)
    {
      self->n_width_for_height++;
      *minimum = *natural = CLAMP (2000 / MAX (for_size, 1), 100, 400);
    }
  else if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      self->n_width++;
      *minimum = 100;
      *natural = 400;
    }
  else
    {
      self->n_height_for_width++;
      *minimum = *natural = 2000 / CLAMP (for_size < 0 ? 400 : for_size, 100, 400);
    }
}

static GtkSizeRequestMode
test_probe_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
test_probe_class_init (TestProbeClass *klass)
{
  GTK_WIDGET_CLASS (klass)->measure = test_probe_measure;
  GTK_WIDGET_CLASS (klass)->get_request_mode = test_probe_get_request_mode;
}

static void
test_probe_init (TestProbe *self)
{
}

/* Width for any height: the child's plain width, without asking it a height; height for
 * a width: the child's own answer. */
static void
test_answers (void)
{
  GtkWidget *bin;
  TestProbe *probe;
  int minimum, natural;

  if (application == NULL)
    return;

  bin = g_object_ref_sink (tn_wrap_bin_new ());
  probe = g_object_new (TEST_TYPE_PROBE, NULL);
  tn_wrap_bin_set_child (TN_WRAP_BIN (bin), GTK_WIDGET (probe));
  g_assert_cmpint (gtk_widget_get_request_mode (bin), ==, GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH);

  for (int height = 5; height <= 40; height += 5)
    {
      gtk_widget_measure (bin, GTK_ORIENTATION_HORIZONTAL, height, &minimum, &natural, NULL, NULL);
      g_assert_cmpint (minimum, ==, 100);
      g_assert_cmpint (natural, ==, 400);
    }
  g_assert_cmpuint (probe->n_width_for_height, ==, 0);
  g_assert_cmpuint (probe->n_width, >, 0);

  gtk_widget_measure (bin, GTK_ORIENTATION_VERTICAL, 200, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, 10);
  g_assert_cmpint (natural, ==, 10);
  g_assert_cmpuint (probe->n_height_for_width, >, 0);

  /* An invisible child takes no room. */
  gtk_widget_set_visible (GTK_WIDGET (probe), FALSE);
  gtk_widget_measure (bin, GTK_ORIENTATION_VERTICAL, 200, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (natural, ==, 0);

  g_object_unref (bin);
}

/* ---- libadwaita's widgets with their words held ------------------------------------- */

static GtkWidget *
new_question_row (gboolean hold)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *answer = gtk_switch_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), LONG_TEXT);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), "Logged in the last 90 days: 3 of 7 meetings were one-on-one");
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_set_valign (answer, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), answer);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), answer);
  if (hold)
    g_assert_true (tn_adw_words_hold_in_action_row (ADW_ACTION_ROW (row)));
  return row;
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  GtkWidget *label = tn_ui_test_find_label (root, text);

  g_assert_nonnull (label);
  return label;
}

/* Where @widget is drawn in @window, and how big. */
static graphene_rect_t
bounds_in (GtkWidget *widget,
           GtkWidget *window)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  return bounds;
}

static void
assert_same_place (GtkWidget *held,
                   GtkWidget *plain,
                   GtkWidget *held_row,
                   GtkWidget *plain_row)
{
  graphene_rect_t a = bounds_in (held, held_row);
  graphene_rect_t b = bounds_in (plain, plain_row);

  g_assert_cmpfloat (a.origin.x, ==, b.origin.x);
  g_assert_cmpfloat (a.origin.y, ==, b.origin.y);
  g_assert_cmpfloat (a.size.width, ==, b.size.width);
  g_assert_cmpfloat (a.size.height, ==, b.size.height);
}

static GtkWidget *
new_list_window (GtkWidget *first,
                 GtkWidget *second,
                 int        width)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (application));
  gtk_window_set_default_size (GTK_WINDOW (window), width, 700);
  gtk_box_append (GTK_BOX (box), first);
  gtk_box_append (GTK_BOX (box), second);
  adw_window_set_content (ADW_WINDOW (window), box);
  tn_ui_test_present (GTK_WINDOW (window));
  tn_ui_test_settle (200);
  return window;
}

static GtkWidget *
new_boxed_list (GtkWidget *row)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return list;
}

/* A held row wraps, places and sizes its words as a plain one does, wide and at 360 px,
 * keeps its title, and activating it still flips its switch. */
static void
test_action_row (void)
{
  const int widths[] = { 720, 360 };

  if (application == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      GtkWidget *held = new_question_row (TRUE);
      GtkWidget *plain = new_question_row (FALSE);
      GtkWidget *window = new_list_window (new_boxed_list (held), new_boxed_list (plain), widths[i]);
      GtkWidget *held_title = find_label (held, LONG_TEXT);
      GtkWidget *switch_widget;

      g_assert_true (gtk_widget_get_ancestor (held_title, TN_TYPE_WRAP_BIN) != NULL);
      g_assert_null (gtk_widget_get_ancestor (find_label (plain, LONG_TEXT), TN_TYPE_WRAP_BIN));
      g_assert_cmpint (gtk_widget_get_height (held), ==, gtk_widget_get_height (plain));
      assert_same_place (held_title, find_label (plain, LONG_TEXT), held, plain);
      assert_same_place (find_label (held, "Logged in the last 90 days: 3 of 7 meetings were one-on-one"),
                         find_label (plain, "Logged in the last 90 days: 3 of 7 meetings were one-on-one"),
                         held, plain);
      /* Wrapped at 360 px, on one line at most when wide. */
      if (widths[i] == 360)
        g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (held_title))), >, 2);

      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (held)), ==, LONG_TEXT);
      switch_widget = tn_ui_test_find_visible (held, GTK_TYPE_SWITCH);
      g_assert_false (gtk_switch_get_active (GTK_SWITCH (switch_widget)));
      g_signal_emit_by_name (held, "activate");
      tn_ui_test_settle (100);
      g_assert_true (gtk_switch_get_active (GTK_SWITCH (switch_widget)));

      /* Once is enough: a second call finds the words held. */
      g_assert_false (tn_adw_words_hold_in_action_row (ADW_ACTION_ROW (held)));
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

static GtkWidget *
new_group (gboolean hold)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), "Linchpin Self-Check");
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), LONG_TEXT);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), adw_action_row_new ());
  if (hold)
    g_assert_cmpuint (tn_adw_words_hold_within (group), ==, 2);
  return group;
}

/* A group's title and description, held, wrap and sit as they did. */
static void
test_preferences_group (void)
{
  GtkWidget *held, *plain, *window;

  if (application == NULL)
    return;

  held = new_group (TRUE);
  plain = new_group (FALSE);
  window = new_list_window (held, plain, 360);
  g_assert_nonnull (gtk_widget_get_ancestor (find_label (held, LONG_TEXT), TN_TYPE_WRAP_BIN));
  g_assert_cmpint (gtk_widget_get_height (held), ==, gtk_widget_get_height (plain));
  assert_same_place (find_label (held, LONG_TEXT), find_label (plain, LONG_TEXT), held, plain);
  assert_same_place (find_label (held, "Linchpin Self-Check"), find_label (plain, "Linchpin Self-Check"), held, plain);
  g_assert_cmpuint (tn_adw_words_hold_within (held), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  application = tn_ui_test_init (&argc, &argv);

  g_test_add_func ("/wrap-bin/answers", test_answers);
  g_test_add_func ("/wrap-bin/action-row", test_action_row);
  g_test_add_func ("/wrap-bin/preferences-group", test_preferences_group);

  return g_test_run ();
}
