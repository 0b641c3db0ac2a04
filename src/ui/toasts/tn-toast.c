/* tn-toast.c — every toast of every window comes through tn_toast_show(), which lets it go,
 * whoever dismisses it, only when libadwaita 1.2 can take it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-toast"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-toast.h"

/* libadwaita 1.2.2, as Debian 12 ships it, frees a toast's bookkeeping when the toast's
 * hide animation ends but leaves its show animation pointing at it (fixed upstream in 1.3,
 * commit 1674ebc9). When both end in the same frame — a toast dismissed while it is still
 * sliding in, and a main thread busy for a moment, as it is at the end of an import — the
 * application crashes. A toast is dismissed from many places: our code, its own timeout,
 * its close button, Escape over its overlay, its button's click. All of them emit
 * "dismissed", and the overlay acts in its handler: a handler connected before it holds
 * the dismissal back, and emits it again once a frame has been drawn after the toast's
 * show animation (at most 500 ms) is over. */
#define TOAST_SHOW_US (600 * G_TIME_SPAN_MILLISECOND)

/* Where a toast is on its way out. */
typedef enum
{
  TOAST_STAYS,
  TOAST_WAITS_TO_GO,
  TOAST_GOES,
} TnToastGoing;

static TnToastGoing
get_going (AdwToast *toast)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toast), "tn-going"));
}

static void
set_going (AdwToast     *toast,
           TnToastGoing  going)
{
  g_object_set_data (G_OBJECT (toast), "tn-going", GUINT_TO_POINTER (going));
}

/* When the toast's show animation started, in frame-clock time: when it was added, and
 * again whenever it comes back after a more urgent toast pushed it aside. */
static void
on_title_map_cb (GtkWidget *title,
                 AdwToast  *toast)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (title);
  gint64 now = clock != NULL ? gdk_frame_clock_get_frame_time (clock) : 0;

  g_object_set_data_full (G_OBJECT (toast), "tn-shown-at", g_memdup2 (&now, sizeof now), g_free);
}

static gboolean
is_sliding_in (AdwToast      *toast,
               GdkFrameClock *clock)
{
  gint64 *shown_at = g_object_get_data (G_OBJECT (toast), "tn-shown-at");

  return shown_at != NULL && gdk_frame_clock_get_frame_time (clock) < *shown_at + TOAST_SHOW_US;
}

static gboolean
let_go_cb (gpointer user_data)
{
  AdwToast *toast = user_data;

  /* Not adw_toast_dismiss(): the toast forgot its overlay when first dismissed (its own
   * handler runs before any other), and so would not emit again. */
  set_going (toast, TOAST_GOES);
  g_signal_emit_by_name (toast, "dismissed");
  return G_SOURCE_REMOVE;
}

static gboolean
let_go_when_shown_cb (GtkWidget     *host,
                      GdkFrameClock *clock,
                      gpointer       user_data)
{
  AdwToast *toast = user_data;

  if (is_sliding_in (toast, clock))
    return G_SOURCE_CONTINUE;

  /* Not within this frame's ticks: after a long frame, the show animation's own last tick
   * may come after this one, and it must have run before the toast is let go (a toast
   * waiting in the queue is freed at once). */
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, let_go_cb, g_object_ref (toast), g_object_unref);
  return G_SOURCE_REMOVE;
}

/* Runs before the overlay's own handler (see tn_toast_show()). */
static void
on_dismissed_cb (AdwToast  *toast,
                 GtkWidget *host)
{
  TnToastGoing going = get_going (toast);

  /* An overlay that is not drawn plays no animation. */
  if (going == TOAST_GOES || !gtk_widget_get_mapped (host))
    {
      set_going (toast, TOAST_GOES);
      return;
    }

  /* Held back, once: the toast has forgotten its overlay already, so adw_toast_dismiss()
   * does not ask again (a close button clicked twice); only an emission by name would. */
  g_signal_stop_emission_by_name (toast, "dismissed");
  if (going == TOAST_WAITS_TO_GO)
    return;

  set_going (toast, TOAST_WAITS_TO_GO);
  gtk_widget_add_tick_callback (host, let_go_when_shown_cb, g_object_ref (toast), g_object_unref);
}

/**
 * tn_toast_new:
 * @text: what the toast says, plain text
 *
 * Returns: (transfer full): a toast for tn_toast_show() that says @text
 */
AdwToast *
tn_toast_new (const char *text)
{
  /* Toast titles are markup; messages may quote a person's name ("Babbage & Co"). */
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  escaped = g_markup_escape_text (text, -1);
  return adw_toast_new (escaped);
}

/**
 * tn_toast_new_title:
 * @markup: what a toast says, as markup
 *
 * A toast's title as libadwaita's own, one line: shortened only when the window is narrow,
 * and then whole in the tooltip. For a custom title that holds more (buttons).
 *
 * Returns: (transfer floating): the label
 */
GtkWidget *
tn_toast_new_title (const char *markup)
{
  GtkWidget *label;

  g_return_val_if_fail (markup != NULL, NULL);

  label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_tooltip_markup (label, markup);
  gtk_widget_add_css_class (label, "heading");

  return label;
}

/**
 * tn_toast_new_fitting_title:
 * @long_markup: what a toast says, as markup, on one line
 * @short_markup: the same in fewer words, or @long_markup again
 *
 * A toast's title that says all of @long_markup when it fits on one line, and else
 * @short_markup on up to two lines (a toast in libadwaita 1.2 is no taller): a toast's
 * own title is cut short at 360 px ("Ada Lovelace was de…").
 *
 * Returns: (transfer floating): the title, for adw_toast_set_custom_title()
 */
GtkWidget *
tn_toast_new_fitting_title (const char *long_markup,
                            const char *short_markup)
{
  GtkWidget *squeezer;
  GtkWidget *whole;
  GtkWidget *wrapped;

  g_return_val_if_fail (long_markup != NULL, NULL);
  g_return_val_if_fail (short_markup != NULL, NULL);

  squeezer = adw_squeezer_new ();
  whole = gtk_label_new (NULL);
  wrapped = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (whole), long_markup);
  gtk_label_set_markup (GTK_LABEL (wrapped), short_markup);
  gtk_label_set_wrap (GTK_LABEL (wrapped), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (wrapped), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (wrapped), 2);
  /* A name longer than a line still ends in "…": the tooltip has it whole. */
  gtk_label_set_ellipsize (GTK_LABEL (wrapped), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_markup (wrapped, long_markup);
  for (GtkWidget *label = whole; label != NULL; label = label == whole ? wrapped : NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "heading");
      adw_squeezer_add (ADW_SQUEEZER (squeezer), label);
    }
  /* Each as tall as it is: the one line stays centred in the toast. */
  adw_squeezer_set_homogeneous (ADW_SQUEEZER (squeezer), FALSE);
  adw_squeezer_set_transition_type (ADW_SQUEEZER (squeezer), ADW_SQUEEZER_TRANSITION_TYPE_NONE);

  return squeezer;
}

static void
on_toast_button_clicked_cb (GtkButton *button,
                            AdwToast  *toast)
{
  /* Pressed once: a sliding toast may be clicked again while it waits to go. Its action,
   * if any, has run already. */
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  adw_toast_dismiss (toast);

  g_signal_emit_by_name (toast, "button-clicked");
}

/* The toast's own button (Undo), as libadwaita would show it, moved to the end of @title
 * (a box gains it, anything else is put in one): libadwaita's own would act on every click
 * until the toast is gone. It does what the toast's button would: its action, or
 * "button-clicked". */
static GtkWidget *
take_toast_button (AdwToast  *toast,
                   GtkWidget *title)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (adw_toast_get_button_label (toast));
  GtkWidget *box = title;

  gtk_widget_set_name (button, "toast-button");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (button, 6);
  gtk_widget_set_focus_on_click (button, FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), adw_toast_get_action_name (toast));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), adw_toast_get_action_target_value (toast));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_toast_button_clicked_cb), toast, 0);

  adw_toast_set_button_label (toast, NULL);
  adw_toast_set_action_name (toast, NULL);

  if (!GTK_IS_BOX (title))
    {
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_widget_set_hexpand (title, TRUE);
      gtk_box_append (GTK_BOX (box), title);
    }
  gtk_box_append (GTK_BOX (box), button);

  return box;
}

/**
 * tn_toast_show:
 * @host: where the toast shows: an #AdwToastOverlay, or an #AdwPreferencesWindow (whose
 *   overlay is its own)
 * @toast: (transfer full): the toast to show, with its button (Undo) if it has one
 *
 * Shows @toast the one way that libadwaita 1.2.2 survives: however it is dismissed, it
 * goes only once it has slid in (see on_dismissed_cb()). Its title becomes a widget of our
 * own, so that we see it come and go, and so does its button.
 *
 * A handler of "dismissed" connected after this runs once, when the toast goes; one
 * connected before runs also for a dismissal held back.
 */
void
tn_toast_show (GtkWidget *host,
               AdwToast  *toast)
{
  g_autoptr(GtkWidget) title = NULL;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (host) || ADW_IS_PREFERENCES_WINDOW (host));
  g_return_if_fail (ADW_IS_TOAST (toast));

  /* Setting a custom title clears the toast's own; libadwaita refs either, sinks neither. */
  title = adw_toast_get_custom_title (toast);
  if (title == NULL)
    title = tn_toast_new_title (adw_toast_get_title (toast));
  g_object_ref_sink (title);

  if (adw_toast_get_button_label (toast) != NULL)
    {
      GtkWidget *box = take_toast_button (toast, title);

      if (box != title)
        {
          g_object_unref (title);
          title = g_object_ref_sink (box);
        }
    }

  g_signal_connect_object (title, "map", G_CALLBACK (on_title_map_cb), toast, 0);
  adw_toast_set_custom_title (toast, title);

  /* Before the overlay's own handler, which adding the toast connects. */
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_dismissed_cb), host, 0);
  if (ADW_IS_TOAST_OVERLAY (host))
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (host), toast);
  else
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (host), toast);
}
