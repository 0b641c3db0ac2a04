/* tn-adw-words.c — the words of an AdwActionRow or an AdwPreferencesGroup's header asked
 * for their width once, as in any other TnWrapBin (see tn-wrap-bin.c for why).
 *
 * libadwaita 1.2 builds both the same way: a horizontal header box holds a vertical box of
 * wrapping labels (an action row's title and subtitle, a group's title and description),
 * centred, beside prefixes or suffixes. That box is moved into a TnWrapBin at the same
 * place, so the widget keeps everything libadwaita does (its properties, its activatable
 * widget, what a screen reader hears); only the questions "how wide at this height?" are
 * answered without laying the words out again. Adwaita's style sheet places an action
 * row's box by naming it the header's child; style.css says the same for it in the bin.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-adw-words"

#include "config.h"

#include "tn-adw-words.h"
#include "tn-wrap-bin.h"

static GtkWidget *
find_child_box (GtkWidget  *parent,
                const char *css_class)
{
  if (parent == NULL)
    return NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (parent); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BOX (child) && gtk_widget_has_css_class (child, css_class))
      return child;

  return NULL;
}

/* Moves @words, a child of the box @header, into a TnWrapBin in its place. */
static gboolean
hold_words (GtkWidget *header,
            GtkWidget *words)
{
  GtkWidget *previous, *bin;

  if (header == NULL || words == NULL)
    return FALSE;

  previous = gtk_widget_get_prev_sibling (words);
  bin = tn_wrap_bin_new ();
  gtk_widget_set_hexpand (bin, gtk_widget_get_hexpand (words));
  /* The bin is aligned, not the words: GTK 4.8 places a widget that does not fill its
   * space by asking its width at the height it is given, and the bin answers that without
   * laying the words out. */
  gtk_widget_set_halign (bin, gtk_widget_get_halign (words));
  gtk_widget_set_valign (bin, gtk_widget_get_valign (words));
  gtk_widget_set_halign (words, GTK_ALIGN_FILL);
  gtk_widget_set_valign (words, GTK_ALIGN_FILL);

  g_object_ref (words);
  gtk_box_remove (GTK_BOX (header), words);
  tn_wrap_bin_set_child (TN_WRAP_BIN (bin), words);
  g_object_unref (words);
  gtk_box_insert_child_after (GTK_BOX (header), bin, previous);
  return TRUE;
}

/**
 * tn_adw_words_hold_in_action_row:
 * @row: an action row
 *
 * Moves the box of @row's title and subtitle into a #TnWrapBin in the same place.
 *
 * Returns: %TRUE if the row was built as libadwaita 1.2 builds it and its words are now
 *   held; %FALSE if it was left as it was (also when they were held already)
 */
gboolean
tn_adw_words_hold_in_action_row (AdwActionRow *row)
{
  GtkWidget *header;

  g_return_val_if_fail (ADW_IS_ACTION_ROW (row), FALSE);

  header = find_child_box (GTK_WIDGET (row), "header");
  return hold_words (header, find_child_box (header, "title"));
}

/**
 * tn_adw_words_hold_in_preferences_group:
 * @group: a preferences group
 *
 * Moves the box of @group's title and description into a #TnWrapBin in the same place.
 *
 * Returns: as tn_adw_words_hold_in_action_row()
 */
gboolean
tn_adw_words_hold_in_preferences_group (AdwPreferencesGroup *group)
{
  GtkWidget *header;

  g_return_val_if_fail (ADW_IS_PREFERENCES_GROUP (group), FALSE);

  header = find_child_box (gtk_widget_get_first_child (GTK_WIDGET (group)), "header");
  return hold_words (header, find_child_box (header, "labels"));
}

/**
 * tn_adw_words_hold_within:
 * @root: a widget
 *
 * Holds the words of every action row and preferences group in @root, @root included,
 * that does not hold them yet: for the widgets of a template, once it is built.
 *
 * Returns: how many had their words held
 */
guint
tn_adw_words_hold_within (GtkWidget *root)
{
  guint n_held = 0;

  g_return_val_if_fail (GTK_IS_WIDGET (root), 0);

  if (ADW_IS_ACTION_ROW (root) && tn_adw_words_hold_in_action_row (ADW_ACTION_ROW (root)))
    n_held++;
  else if (ADW_IS_PREFERENCES_GROUP (root) && tn_adw_words_hold_in_preferences_group (ADW_PREFERENCES_GROUP (root)))
    n_held++;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n_held += tn_adw_words_hold_within (child);

  return n_held;
}
