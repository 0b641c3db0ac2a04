/* tn-action-row-words.c — an AdwActionRow's words asked for their width once, as in any
 * other TnWrapBin (see tn-wrap-bin.c for why).
 *
 * libadwaita 1.2 builds an action row as a header box holding its prefixes, icon, a box of
 * title and subtitle, and its suffixes. That box is moved into a TnWrapBin at the same
 * place, so the row keeps everything AdwActionRow does (its title and subtitle properties,
 * its activatable widget, what a screen reader hears) and only the header's question
 * "how wide at this height?" is answered without laying the words out again. Adwaita's
 * style sheet places the box by naming it the header's child; style.css says the same for
 * it inside the bin.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-action-row-words"

#include "config.h"

#include "tn-action-row-words.h"
#include "tn-wrap-bin.h"

static GtkWidget *
find_child_box (GtkWidget  *parent,
                const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (parent); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BOX (child) && gtk_widget_has_css_class (child, css_class))
      return child;

  return NULL;
}

/**
 * tn_action_row_hold_words:
 * @row: an action row
 *
 * Moves the box of @row's title and subtitle into a #TnWrapBin in the same place. Call it
 * once, before the row is first shown.
 *
 * Returns: %TRUE if the row was built as libadwaita 1.2 builds it and its words are now
 *   held; %FALSE if it was left as it was
 */
gboolean
tn_action_row_hold_words (AdwActionRow *row)
{
  GtkWidget *header, *words, *previous, *bin;

  g_return_val_if_fail (ADW_IS_ACTION_ROW (row), FALSE);

  header = find_child_box (GTK_WIDGET (row), "header");
  words = header != NULL ? find_child_box (header, "title") : NULL;
  if (words == NULL)
    return FALSE;

  previous = gtk_widget_get_prev_sibling (words);
  bin = tn_wrap_bin_new ();
  gtk_widget_set_hexpand (bin, gtk_widget_get_hexpand (words));
  /* The bin centres the words, not the words themselves: GTK 4.8 places a widget that is
   * not aligned to fill by asking its width at the height it is given, and the bin answers
   * that without laying the words out. */
  gtk_widget_set_halign (bin, gtk_widget_get_halign (words));
  gtk_widget_set_valign (bin, gtk_widget_get_valign (words));
  gtk_widget_set_halign (words, GTK_ALIGN_FILL);
  gtk_widget_set_valign (words, GTK_ALIGN_FILL);
  /* The row hides the box when it has neither title nor subtitle: the bin goes with it,
   * so the header leaves no spacing for it. */
  g_object_bind_property (words, "visible", bin, "visible", G_BINDING_SYNC_CREATE);

  g_object_ref (words);
  gtk_box_remove (GTK_BOX (header), words);
  tn_wrap_bin_set_child (TN_WRAP_BIN (bin), words);
  g_object_unref (words);
  gtk_box_insert_child_after (GTK_BOX (header), bin, previous);
  return TRUE;
}

/**
 * tn_action_row_hold_words_within:
 * @root: a widget
 *
 * Calls tn_action_row_hold_words() on every action row in @root, @root included, that
 * does not hold its words yet: for the rows of a template, once it is built.
 *
 * Returns: how many rows now hold their words
 */
guint
tn_action_row_hold_words_within (GtkWidget *root)
{
  guint n_held = 0;

  g_return_val_if_fail (GTK_IS_WIDGET (root), 0);

  if (ADW_IS_ACTION_ROW (root) && tn_action_row_hold_words (ADW_ACTION_ROW (root)))
    n_held++;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n_held += tn_action_row_hold_words_within (child);

  return n_held;
}
