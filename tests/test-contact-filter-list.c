/* test-contact-filter-list.c — the contacts a list shows: after every change of a test or of
 * the model, the rows are those the plain rule gives, and a copy kept only from the
 * items-changed it announced (reading the rows while each is announced) is the same list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tn-contact-filter-list.h"
#include "tn-contact-list.h"
#include "tn-test-store.h"

/* The rules under test: found when the id is a multiple of @divisor, shown when also odd
 * (or always, when @odd_only is off). */
typedef struct
{
  guint divisor;
  gboolean odd_only;
  guint n_asked;
} Rule;

static gboolean
is_found (TnContact *contact,
          gpointer   user_data)
{
  const Rule *rule = user_data;

  return tn_contact_get_id (contact) % rule->divisor == 0;
}

static gboolean
passes_filters (TnContact *contact,
                gpointer   user_data)
{
  const Rule *rule = user_data;

  return !rule->odd_only || tn_contact_get_id (contact) % 2 == 1;
}

/* The rows as a view keeps them: changed only as announced, each row read when announced. */
typedef struct
{
  GPtrArray *rows;
  guint n_announced;
} Copy;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Copy       *copy)
{
  g_assert_cmpuint (position + removed, <=, copy->rows->len);
  g_ptr_array_remove_range (copy->rows, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (copy->rows, position + i, g_list_model_get_item (model, position + i));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, copy->rows->len);
  copy->n_announced++;
}

/* The list and the copy both show, in the model's order, exactly whom the rule lets through. */
static void
assert_rows (TnContactFilterList *list,
             Copy                *copy,
             GListModel          *model,
             const Rule          *rule)
{
  guint shown = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TnContact) contact = g_list_model_get_item (model, i);
      g_autoptr(TnContact) row = NULL;

      if (!is_found (contact, (gpointer) rule) || !passes_filters (contact, (gpointer) rule))
        {
          g_assert_cmpuint (tn_contact_filter_list_find (list, contact), ==, G_MAXUINT);
          continue;
        }

      row = g_list_model_get_item (G_LIST_MODEL (list), shown);
      g_assert_true (row == contact);
      g_assert_true (g_ptr_array_index (copy->rows, shown) == contact);
      g_assert_cmpuint (tn_contact_filter_list_find (list, contact), ==, shown);
      shown++;
    }

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, shown);
  g_assert_cmpuint (copy->rows->len, ==, shown);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), shown));
}

static void
test_follows_tests_and_model (void)
{
  g_autoptr(TnContactList) contacts = tn_contact_list_new ();
  g_autoptr(TnContactFilterList) list = tn_contact_filter_list_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);
  Copy copy = { g_ptr_array_new_with_free_func (g_object_unref), 0 };
  Rule rule = { 1, FALSE };
  gint64 next_id = 1;

  for (; next_id <= 400; next_id++)
    {
      g_autoptr(TnContact) contact = tn_test_contact_with_id (next_id);

      tn_contact_list_append (contacts, contact);
    }

  tn_contact_filter_list_set_test (list, TN_FILTER_STAGE_SEARCH, is_found, &rule);
  tn_contact_filter_list_set_test (list, TN_FILTER_STAGE_FILTERS, passes_filters, &rule);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &copy);
  tn_contact_filter_list_set_model (list, G_LIST_MODEL (contacts));
  assert_rows (list, &copy, G_LIST_MODEL (contacts), &rule);
  g_assert_cmpuint (copy.rows->len, ==, 400);

  for (int step = 0; step < 300; step++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (contacts));

      switch (g_rand_int_range (rand, 0, 5))
        {
        case 0:
          {
            /* A search that finds fewer (a multiple of the divisor), more, or others. */
            guint old = rule.divisor;
            g_autofree char *key = NULL;

            rule.divisor = g_rand_int_range (rand, 1, 12);
            key = g_strdup_printf ("%u", rule.divisor);
            /* As the page does: a search remembered (since the model last changed) is recalled. */
            if (!tn_contact_filter_list_recall_found (list, key))
              tn_contact_filter_list_changed (list, TN_FILTER_STAGE_SEARCH,
                                              rule.divisor % old == 0 ? TN_FILTER_CHANGE_MORE_STRICT :
                                              old % rule.divisor == 0 ? TN_FILTER_CHANGE_LESS_STRICT :
                                              TN_FILTER_CHANGE_DIFFERENT);
            tn_contact_filter_list_remember_found (list, key);
            break;
          }
        case 1:
          rule.odd_only = !rule.odd_only;
          tn_contact_filter_list_changed (list, TN_FILTER_STAGE_FILTERS,
                                          rule.odd_only ? TN_FILTER_CHANGE_MORE_STRICT : TN_FILTER_CHANGE_LESS_STRICT);
          break;
        case 2:
          {
            g_autoptr(TnContact) contact = tn_test_contact_with_id (next_id++);

            tn_contact_list_splice (contacts, g_rand_int_range (rand, 0, n + 1), 0, &contact, 1);
            break;
          }
        case 3:
          if (n > 0)
            {
              guint at = g_rand_int_range (rand, 0, n);

              tn_contact_list_splice (contacts, at, MIN (n - at, (guint) g_rand_int_range (rand, 1, 4)), NULL, 0);
            }
          break;
        default:
          if (n > 0)
            {
              /* A contact announced changed: it comes back as itself. */
              guint at = g_rand_int_range (rand, 0, n);
              TnContact *contact = tn_contact_list_get (contacts, at);

              tn_contact_list_splice (contacts, at, 1, &contact, 1);
            }
          break;
        }

      assert_rows (list, &copy, G_LIST_MODEL (contacts), &rule);
    }

  g_ptr_array_unref (copy.rows);
}

/* Typing a letter more hides a few rows here and there: one change from the first to the
 * last, nothing when nothing changes. */
static void
test_announces_only_what_changed (void)
{
  g_autoptr(TnContactList) contacts = tn_contact_list_new ();
  g_autoptr(TnContactFilterList) list = tn_contact_filter_list_new ();
  Copy copy = { g_ptr_array_new_with_free_func (g_object_unref), 0 };
  Rule rule = { 1, FALSE };
  guint all[TN_CONTACT_N_CLASSES], found[TN_CONTACT_N_CLASSES];

  for (gint64 id = 1; id <= 100; id++)
    {
      g_autoptr(TnContact) contact = tn_test_contact_with_id (id);

      tn_contact_list_append (contacts, contact);
    }

  tn_contact_filter_list_set_test (list, TN_FILTER_STAGE_SEARCH, is_found, &rule);
  tn_contact_filter_list_set_test (list, TN_FILTER_STAGE_FILTERS, passes_filters, &rule);
  tn_contact_filter_list_set_model (list, G_LIST_MODEL (contacts));
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &copy);
  for (guint i = 0; i < 100; i++)
    g_ptr_array_add (copy.rows, g_list_model_get_item (G_LIST_MODEL (list), i));

  /* Ids 10, 20 … 100 stay: the gaps before each are one change. */
  rule.divisor = 10;
  tn_contact_filter_list_changed (list, TN_FILTER_STAGE_SEARCH, TN_FILTER_CHANGE_MORE_STRICT);
  assert_rows (list, &copy, G_LIST_MODEL (contacts), &rule);
  g_assert_cmpuint (copy.n_announced, ==, 1);

  /* Nothing changes: nothing is announced. */
  copy.n_announced = 0;
  tn_contact_filter_list_changed (list, TN_FILTER_STAGE_SEARCH, TN_FILTER_CHANGE_DIFFERENT);
  g_assert_cmpuint (copy.n_announced, ==, 0);

  /* The second test only takes from those found; the counts count all found. */
  rule.odd_only = TRUE;
  tn_contact_filter_list_changed (list, TN_FILTER_STAGE_FILTERS, TN_FILTER_CHANGE_MORE_STRICT);
  assert_rows (list, &copy, G_LIST_MODEL (contacts), &rule);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  tn_contact_filter_list_count_classes (list, all, found);
  g_assert_cmpuint (found[0], ==, 10);
  g_assert_cmpuint (all[0], ==, 100);

  /* Every other row of 100 leaves: still one change. */
  rule = (Rule) { 2, FALSE };
  tn_contact_filter_list_changed (list, TN_FILTER_STAGE_FILTERS, TN_FILTER_CHANGE_LESS_STRICT);
  tn_contact_filter_list_changed (list, TN_FILTER_STAGE_SEARCH, TN_FILTER_CHANGE_DIFFERENT);
  assert_rows (list, &copy, G_LIST_MODEL (contacts), &rule);
  copy.n_announced = 0;
  rule.divisor = 4;
  tn_contact_filter_list_changed (list, TN_FILTER_STAGE_SEARCH, TN_FILTER_CHANGE_MORE_STRICT);
  assert_rows (list, &copy, G_LIST_MODEL (contacts), &rule);
  g_assert_cmpuint (copy.n_announced, ==, 1);

  g_ptr_array_unref (copy.rows);
}

/* A search deleted back to one typed before: the rows it found, no contact asked again,
 * with the second test asked of those it had not been; forgotten when the model changes. */
static gboolean
is_found_counted (TnContact *contact,
                  gpointer   user_data)
{
  Rule *rule = user_data;

  rule->n_asked++;
  return is_found (contact, rule);
}

static void
test_recalls_found (void)
{
  g_autoptr(TnContactList) contacts = tn_contact_list_new ();
  g_autoptr(TnContactFilterList) list = tn_contact_filter_list_new ();
  Copy copy = { g_ptr_array_new_with_free_func (g_object_unref), 0 };
  Rule rule = { 1, FALSE, 0 };

  for (gint64 id = 1; id <= 100; id++)
    {
      g_autoptr(TnContact) contact = tn_test_contact_with_id (id);

      tn_contact_list_append (contacts, contact);
    }

  tn_contact_filter_list_set_test (list, TN_FILTER_STAGE_SEARCH, is_found_counted, &rule);
  tn_contact_filter_list_set_test (list, TN_FILTER_STAGE_FILTERS, passes_filters, &rule);
  tn_contact_filter_list_set_model (list, G_LIST_MODEL (contacts));
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &copy);
  for (guint i = 0; i < 100; i++)
    g_ptr_array_add (copy.rows, g_list_model_get_item (G_LIST_MODEL (list), i));

  g_assert_false (tn_contact_filter_list_recall_found (list, "1"));
  tn_contact_filter_list_remember_found (list, "1");
  rule.divisor = 10;
  tn_contact_filter_list_changed (list, TN_FILTER_STAGE_SEARCH, TN_FILTER_CHANGE_MORE_STRICT);
  tn_contact_filter_list_remember_found (list, "10");

  /* Back to everyone, with only the odd shown: the second test asked of the newly found. */
  rule.odd_only = TRUE;
  tn_contact_filter_list_changed (list, TN_FILTER_STAGE_FILTERS, TN_FILTER_CHANGE_MORE_STRICT);
  rule.divisor = 1;
  rule.n_asked = 0;
  g_assert_true (tn_contact_filter_list_recall_found (list, "1"));
  g_assert_cmpuint (rule.n_asked, ==, 0);
  assert_rows (list, &copy, G_LIST_MODEL (contacts), &rule);
  g_assert_cmpuint (copy.rows->len, ==, 50);

  rule.divisor = 10;
  rule.odd_only = FALSE;
  tn_contact_filter_list_changed (list, TN_FILTER_STAGE_FILTERS, TN_FILTER_CHANGE_LESS_STRICT);
  g_assert_true (tn_contact_filter_list_recall_found (list, "10"));
  assert_rows (list, &copy, G_LIST_MODEL (contacts), &rule);
  g_assert_cmpuint (copy.rows->len, ==, 10);

  /* Only the last eight searches are kept. */
  for (guint divisor = 2; divisor <= 9; divisor++)
    {
      g_autofree char *key = g_strdup_printf ("%u", divisor);

      tn_contact_filter_list_remember_found (list, key);
    }
  g_assert_false (tn_contact_filter_list_recall_found (list, "1"));
  g_assert_true (tn_contact_filter_list_recall_found (list, "2"));

  /* A contact more (or one changed): who a search finds must be asked again. */
  {
    g_autoptr(TnContact) contact = tn_test_contact_with_id (101);

    tn_contact_list_append (contacts, contact);
  }
  g_assert_false (tn_contact_filter_list_recall_found (list, "2"));
  tn_contact_filter_list_remember_found (list, "2");
  tn_contact_filter_list_set_test (list, TN_FILTER_STAGE_SEARCH, is_found, &rule);
  g_assert_false (tn_contact_filter_list_recall_found (list, "2"));

  g_ptr_array_unref (copy.rows);
}

static void
test_model_replaced (void)
{
  g_autoptr(TnContactList) contacts = tn_contact_list_new ();
  g_autoptr(TnContactFilterList) list = tn_contact_filter_list_new ();
  g_autoptr(TnContact) contact = tn_test_contact_with_id (1);

  tn_contact_list_append (contacts, contact);
  tn_contact_filter_list_set_model (list, G_LIST_MODEL (contacts));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == TN_TYPE_CONTACT);

  tn_contact_filter_list_set_model (list, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_cmpuint (tn_contact_filter_list_find (list, contact), ==, G_MAXUINT);
}

/* The search asked of the keys the list keeps: after searches, renames, many removals (the
 * keys written again side by side) and keys folded ahead, the rows are those
 * tn_search_matches_contact() lets through. */
static gboolean
is_search_found (TnContact *contact,
                 gpointer   user_data)
{
  return tn_search_matches_contact (user_data, contact);
}

static void
test_search_over_kept_keys (void)
{
  static const char * const words[] = { "Ana", "Anders", "García", "Bjørn", "Müller", "O'Brien", "Zoë" };
  static const char * const typed[] = { "", "a", "an", "ana g", "gar", "mull", "obr", "zoe", "b", "x" };
  g_autoptr(TnContactList) contacts = tn_contact_list_new ();
  g_autoptr(TnContactFilterList) list = tn_contact_filter_list_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  Copy copy = { g_ptr_array_new_with_free_func (g_object_unref), 0 };
  Rule rule = { 1, FALSE };
  g_autoptr(TnSearch) search = tn_search_new ("");

  for (gint64 id = 1; id <= 600; id++)
    {
      g_autoptr(TnContact) contact = tn_test_contact_with_id (id);
      g_autofree char *name = g_strdup_printf ("%s %s", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                                               words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);

      tn_contact_set_full_name (contact, name);
      tn_contact_list_append (contacts, contact);
    }

  tn_contact_filter_list_set_search (list, search);
  tn_contact_filter_list_set_test (list, TN_FILTER_STAGE_FILTERS, passes_filters, &rule);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &copy);
  tn_contact_filter_list_set_model (list, G_LIST_MODEL (contacts));
  /* Some keys put side by side ahead of the first search, not all. */
  g_assert_true (tn_contact_filter_list_fold_keys (list, 100));

  for (int step = 0; step < 200; step++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (contacts));
      guint at = n > 0 ? (guint) g_rand_int_range (rand, 0, n) : 0;

      switch (g_rand_int_range (rand, 0, 4))
        {
        case 0:
          {
            g_autoptr(TnSearch) old = g_steal_pointer (&search);

            search = tn_search_new (typed[g_rand_int_range (rand, 0, G_N_ELEMENTS (typed))]);
            tn_contact_filter_list_set_search (list, search);
            tn_contact_filter_list_changed (list, TN_FILTER_STAGE_SEARCH,
                                            tn_search_is_narrower (search, old) ? TN_FILTER_CHANGE_MORE_STRICT :
                                            tn_search_is_narrower (old, search) ? TN_FILTER_CHANGE_LESS_STRICT :
                                            TN_FILTER_CHANGE_DIFFERENT);
            break;
          }
        case 1:
          if (n > 0)
            {
              /* Renamed: its key changes, and it comes back as itself. */
              TnContact *contact = tn_contact_list_get (contacts, at);

              tn_contact_set_full_name (contact, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
              tn_contact_list_splice (contacts, at, 1, &contact, 1);
            }
          break;
        case 2:
          if (n > 0)
            {
              guint n_removed = g_rand_int_range (rand, 1, 40);

              tn_contact_list_splice (contacts, at, MIN (n - at, n_removed), NULL, 0);
            }
          break;
        default:
          tn_contact_filter_list_fold_keys (list, 50);
          break;
        }

      {
        guint shown = 0;

        for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (contacts)); i++)
          {
            TnContact *contact = tn_contact_list_get (contacts, i);

            if (!is_search_found (contact, search))
              continue;
            g_assert_true (g_ptr_array_index (copy.rows, shown) == contact);
            shown++;
          }
        g_assert_cmpuint (copy.rows->len, ==, shown);
        g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, shown);
      }
    }

  /* Everyone's key is there: nothing left to fold. */
  g_assert_false (tn_contact_filter_list_fold_keys (list, G_MAXUINT));
  g_ptr_array_unref (copy.rows);
}

/* An empty search and no filter let everyone through without asking anyone: the rows are
 * still the plain rule's after a filter or a search is set and cleared again, and contacts
 * come and go meanwhile. */
static void
assert_plain_rule (TnContactList *contacts,
                   Copy          *copy,
                   TnSearch      *search,
                   gboolean       filtered)
{
  guint shown = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (contacts)); i++)
    {
      TnContact *contact = tn_contact_list_get (contacts, i);

      if (!tn_search_matches_contact (search, contact) || (filtered && tn_contact_get_id (contact) % 2 == 0))
        continue;
      g_assert_true (g_ptr_array_index (copy->rows, shown) == contact);
      shown++;
    }
  g_assert_cmpuint (copy->rows->len, ==, shown);
}

static void
test_lets_everyone_through (void)
{
  static const char * const typed[] = { "", "a", "an", "b", "" };
  g_autoptr(TnContactList) contacts = tn_contact_list_new ();
  g_autoptr(TnContactFilterList) list = tn_contact_filter_list_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  Copy copy = { g_ptr_array_new_with_free_func (g_object_unref), 0 };
  Rule rule = { 1, TRUE };
  g_autoptr(TnSearch) search = tn_search_new ("");
  gboolean filtered = FALSE;
  gint64 next_id = 1;

  for (; next_id <= 500; next_id++)
    {
      g_autoptr(TnContact) contact = tn_test_contact_with_id (next_id);

      tn_contact_set_full_name (contact, next_id % 3 == 0 ? "Ana" : "Bo");
      tn_contact_list_append (contacts, contact);
    }

  tn_contact_filter_list_set_search (list, search);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &copy);
  tn_contact_filter_list_set_model (list, G_LIST_MODEL (contacts));
  assert_plain_rule (contacts, &copy, search, filtered);
  g_assert_cmpuint (copy.rows->len, ==, 500);

  for (int step = 0; step < 300; step++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (contacts));
      guint at = n > 0 ? (guint) g_rand_int_range (rand, 0, n) : 0;

      switch (g_rand_int_range (rand, 0, 4))
        {
        case 0:
          filtered = !filtered;
          tn_contact_filter_list_set_test (list, TN_FILTER_STAGE_FILTERS,
                                           filtered ? passes_filters : NULL, &rule);
          tn_contact_filter_list_changed (list, TN_FILTER_STAGE_FILTERS,
                                          filtered ? TN_FILTER_CHANGE_MORE_STRICT : TN_FILTER_CHANGE_LESS_STRICT);
          break;
        case 1:
          {
            g_autoptr(TnSearch) old = g_steal_pointer (&search);

            search = tn_search_new (typed[g_rand_int_range (rand, 0, G_N_ELEMENTS (typed))]);
            tn_contact_filter_list_set_search (list, search);
            tn_contact_filter_list_changed (list, TN_FILTER_STAGE_SEARCH, TN_FILTER_CHANGE_DIFFERENT);
            break;
          }
        case 2:
          {
            g_autoptr(TnContact) contact = tn_test_contact_with_id (next_id++);

            tn_contact_set_full_name (contact, g_rand_boolean (rand) ? "Ana" : "Bo");
            tn_contact_list_splice (contacts, at, 0, &contact, 1);
            break;
          }
        default:
          if (n > 0)
            {
              guint n_removed = g_rand_int_range (rand, 1, 20);

              tn_contact_list_splice (contacts, at, MIN (n - at, n_removed), NULL, 0);
            }
          break;
        }

      assert_plain_rule (contacts, &copy, search, filtered);
    }

  /* Back to an empty search and no filter: everyone again. */
  g_clear_pointer (&search, tn_search_free);
  search = tn_search_new ("");
  tn_contact_filter_list_set_search (list, search);
  tn_contact_filter_list_set_test (list, TN_FILTER_STAGE_FILTERS, NULL, NULL);
  tn_contact_filter_list_changed (list, TN_FILTER_STAGE_SEARCH, TN_FILTER_CHANGE_LESS_STRICT);
  tn_contact_filter_list_changed (list, TN_FILTER_STAGE_FILTERS, TN_FILTER_CHANGE_LESS_STRICT);
  assert_plain_rule (contacts, &copy, search, FALSE);
  g_assert_cmpuint (copy.rows->len, ==, g_list_model_get_n_items (G_LIST_MODEL (contacts)));
  g_ptr_array_unref (copy.rows);
}

/* Counting by class: after every keystroke, toggle, change of a contact, of the model or of
 * the classes (in any order, with idle classifying between), the counts per class and the
 * rows are those a plain pass over the model gives, and a change of the counts was told. */
typedef struct
{
  guint epoch;
  guint n_asked;
} Classes;

static guint
class_of (TnContact *contact,
          gpointer   user_data)
{
  Classes *classes = user_data;

  classes->n_asked++;
  return (tn_contact_get_trust (contact) * 5 + tn_contact_get_id (contact) % 3 + classes->epoch) % TN_CONTACT_N_CLASSES;
}

static void
on_counts_changed_cb (TnContactFilterList *list,
                      guint               *n_told)
{
  (*n_told)++;
}

static void
assert_counted_plainly (TnContactFilterList *list,
                        Copy                *copy,
                        TnContactList       *contacts,
                        const TnSearch      *search,
                        guint                passing,
                        Classes             *classes,
                        guint                last[2][TN_CONTACT_N_CLASSES],
                        guint               *n_told)
{
  guint all[TN_CONTACT_N_CLASSES] = { 0 }, found[TN_CONTACT_N_CLASSES] = { 0 };
  guint kept_all[TN_CONTACT_N_CLASSES], kept_found[TN_CONTACT_N_CLASSES];
  guint shown = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (contacts)); i++)
    {
      TnContact *contact = tn_contact_list_get (contacts, i);
      guint class = class_of (contact, classes);
      gboolean is_found = tn_search_matches_contact (search, contact);

      all[class]++;
      found[class] += is_found;
      if (!is_found || (passing & (1u << class)) == 0)
        continue;
      g_assert_true (g_ptr_array_index (copy->rows, shown) == contact);
      shown++;
    }
  g_assert_cmpuint (copy->rows->len, ==, shown);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, shown);

  tn_contact_filter_list_count_classes (list, kept_all, kept_found);
  g_assert_cmpuint (tn_contact_filter_list_get_n_unclassified (list), ==, 0);
  g_assert_cmpmem (kept_all, sizeof kept_all, all, sizeof all);
  g_assert_cmpmem (kept_found, sizeof kept_found, found, sizeof found);

  /* What the counts followed from: told whenever they changed. */
  if (memcmp (last[0], all, sizeof all) != 0 || memcmp (last[1], found, sizeof found) != 0)
    g_assert_cmpuint (*n_told, >, 0);
  memcpy (last[0], all, sizeof all);
  memcpy (last[1], found, sizeof found);
  *n_told = 0;
}

static void
test_counts_classes (void)
{
  static const char * const typed[] = { "", "a", "an", "ana", "anab", "b", "bo", "" };
  static const char * const names[] = { "Ana", "Bo", "Anabel", "Ana Bo" };
  g_autoptr(TnContactList) contacts = tn_contact_list_new ();
  g_autoptr(TnContactFilterList) list = tn_contact_filter_list_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (1717);
  Copy copy = { g_ptr_array_new_with_free_func (g_object_unref), 0 };
  g_autoptr(TnSearch) search = tn_search_new ("");
  Classes classes = { 0, 0 };
  guint last[2][TN_CONTACT_N_CLASSES] = { { 0 } };
  guint passing = TN_CONTACT_ALL_CLASSES;
  guint n_told = 0;
  gint64 next_id = 1;

  for (; next_id <= 600; next_id++)
    {
      g_autoptr(TnContact) contact = tn_test_contact_with_id (next_id);

      tn_contact_set_full_name (contact, names[next_id % G_N_ELEMENTS (names)]);
      tn_contact_set_trust (contact, (TnTrust) (next_id % TN_TRUST_N_RATINGS));
      tn_contact_list_append (contacts, contact);
    }

  tn_contact_filter_list_set_search (list, search);
  tn_contact_filter_list_set_classify (list, class_of, &classes);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &copy);
  g_signal_connect (list, "counts-changed", G_CALLBACK (on_counts_changed_cb), &n_told);
  tn_contact_filter_list_set_model (list, G_LIST_MODEL (contacts));
  /* Shown without asking anyone's class. */
  g_assert_cmpuint (classes.n_asked, ==, 0);
  g_assert_cmpuint (tn_contact_filter_list_get_n_unclassified (list), ==, 600);
  assert_counted_plainly (list, &copy, contacts, search, passing, &classes, last, &n_told);

  for (int step = 0; step < 600; step++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (contacts));
      guint at = n > 0 ? (guint) g_rand_int_range (rand, 0, n) : 0;

      switch (g_rand_int_range (rand, 0, 8))
        {
        case 0:
          {
            /* A keystroke, as the page makes it: recalled when typed before. */
            g_autoptr(TnSearch) old = g_steal_pointer (&search);
            const char *text = typed[g_rand_int_range (rand, 0, G_N_ELEMENTS (typed))];

            search = tn_search_new (text);
            tn_contact_filter_list_set_search (list, search);
            if (!tn_contact_filter_list_recall_found (list, text))
              tn_contact_filter_list_changed (list, TN_FILTER_STAGE_SEARCH,
                                              tn_search_is_narrower (search, old) ? TN_FILTER_CHANGE_MORE_STRICT :
                                              tn_search_is_narrower (old, search) ? TN_FILTER_CHANGE_LESS_STRICT :
                                              TN_FILTER_CHANGE_DIFFERENT);
            tn_contact_filter_list_remember_found (list, text);
            break;
          }
        case 1:
          {
            /* A filter toggle: any set of classes, or all of them. */
            guint old = passing;

            passing = g_rand_boolean (rand) ? TN_CONTACT_ALL_CLASSES : (guint) g_rand_int_range (rand, 0, 0x10000);
            tn_contact_filter_list_set_passing_classes (list, passing);
            tn_contact_filter_list_changed (list, TN_FILTER_STAGE_FILTERS,
                                            (old & passing) == old ? TN_FILTER_CHANGE_LESS_STRICT :
                                            (old & passing) == passing ? TN_FILTER_CHANGE_MORE_STRICT :
                                            TN_FILTER_CHANGE_DIFFERENT);
            break;
          }
        case 2:
          {
            g_autoptr(TnContact) contact = tn_test_contact_with_id (next_id++);

            tn_contact_set_full_name (contact, names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))]);
            tn_contact_set_trust (contact, (TnTrust) g_rand_int_range (rand, 0, TN_TRUST_N_RATINGS));
            tn_contact_list_splice (contacts, at, 0, &contact, 1);
            break;
          }
        case 3:
          if (n > 0)
            {
              guint n_removed = g_rand_int_range (rand, 1, 20);

              tn_contact_list_splice (contacts, at, MIN (n - at, n_removed), NULL, 0);
            }
          break;
        case 4:
        case 5:
          if (n > 0)
            {
              /* A rating, or a rename, announced as the contact coming back as itself. */
              TnContact *contact = tn_contact_list_get (contacts, at);

              if (g_rand_boolean (rand))
                tn_contact_set_trust (contact, (TnTrust) g_rand_int_range (rand, 0, TN_TRUST_N_RATINGS));
              else
                tn_contact_set_full_name (contact, names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))]);
              tn_contact_list_splice (contacts, at, 1, &contact, 1);
            }
          break;
        case 6:
          /* The day changed: every class may differ, and the second test asks classes. */
          classes.epoch++;
          tn_contact_filter_list_forget_classes (list);
          tn_contact_filter_list_changed (list, TN_FILTER_STAGE_FILTERS, TN_FILTER_CHANGE_DIFFERENT);
          break;
        default:
          /* Idle: a few classes asked ahead. */
          tn_contact_filter_list_classify (list, g_rand_int_range (rand, 1, 50));
          break;
        }

      /* Counted only now and then, as a page does: classes left unasked in between. */
      if (g_rand_int_range (rand, 0, 3) == 0)
        assert_counted_plainly (list, &copy, contacts, search, passing, &classes, last, &n_told);
    }

  g_ptr_array_unref (copy.rows);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/contact-filter-list/follows-tests-and-model", test_follows_tests_and_model);
  g_test_add_func ("/contact-filter-list/announces-only-what-changed", test_announces_only_what_changed);
  g_test_add_func ("/contact-filter-list/recalls-found", test_recalls_found);
  g_test_add_func ("/contact-filter-list/model-replaced", test_model_replaced);
  g_test_add_func ("/contact-filter-list/search-over-kept-keys", test_search_over_kept_keys);
  g_test_add_func ("/contact-filter-list/lets-everyone-through", test_lets_everyone_through);
  g_test_add_func ("/contact-filter-list/counts-classes", test_counts_classes);

  return g_test_run ();
}
