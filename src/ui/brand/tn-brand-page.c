/* tn-brand-page.c — the "Who You Are" page. The statement is a draft until Save (Ctrl+S)
 * makes it a new version; the coaching rows follow every keystroke, from tn-brand.
 * The self-check's switches are a draft too, until Save Answers records a check.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-brand-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-adw-words.h"
#include "tn-brand-page.h"
#include "tn-brand.h"
#include "tn-clock.h"
#include "tn-linchpin.h"
#include "tn-wrap-bin.h"

/* The window of logged meetings the group-events question looks at. */
#define ONE_ON_ONE_DAYS 90

/* How many scores the trend shows, oldest to newest. */
#define TREND_LENGTH 6

struct _TnBrandPage
{
  AdwBin parent_instance;

  TnStore *store;
  /* The current version's text, "" when there is none: Save is off while the draft says
   * the same. */
  char *saved_text;
  /* The self-check as answered on the page: bit i set, question i "yes". */
  guint answers;

  AdwActionRow *check_rows[TN_BRAND_N_CHECKS];
  GtkImage *check_icons[TN_BRAND_N_CHECKS];
  AdwActionRow *question_rows[TN_LINCHPIN_N_QUESTIONS];
  GtkSwitch *question_switches[TN_LINCHPIN_N_QUESTIONS];
  /* What TrustNet knows about the group-events question, or NULL. */
  char *one_on_one_fact;
  /* The reach counted again once the list has settled: an import changes it many times. */
  guint reach_source;

  /* Template children */
  GtkTextView *editor;
  GtkWidget *placeholder;
  GtkLabel *word_count_label;
  GtkLabel *reach_label;
  GtkListBox *checks_list;
  GtkListBox *history_list;
  GtkListBox *questions_list;
  GtkLabel *score_label;
  GtkLabel *trend_label;
};

G_DEFINE_FINAL_TYPE (TnBrandPage, tn_brand_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_message (TnBrandPage *self,
              const char  *message)
{
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message))
    g_message ("%s", message);
}

static char *
get_draft (TnBrandPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->editor);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return tn_brand_clean_text (text);
}

/* ---- Coaching ----------------------------------------------------------------------- */

static void
show_verdict (TnBrandPage         *self,
              guint                check,
              const TnBrandResult *result)
{
  static const char * const css_classes[] = { "success", "warning", "dim-label" };
  GtkWidget *icon = GTK_WIDGET (self->check_icons[check]);
  const char *icon_name, *verdict;

  switch (result->verdict)
    {
    case TN_BRAND_VERDICT_PASS:
      icon_name = "object-select-symbolic";
      verdict = _("Passed");
      break;
    case TN_BRAND_VERDICT_HINT:
      icon_name = "dialog-warning-symbolic";
      verdict = _("Hint");
      break;
    case TN_BRAND_VERDICT_UNKNOWN:
    default:
      icon_name = "help-about-symbolic";
      verdict = _("Not checked");
      break;
    }

  gtk_image_set_from_icon_name (self->check_icons[check], icon_name);
  for (guint i = 0; i < G_N_ELEMENTS (css_classes); i++)
    gtk_widget_remove_css_class (icon, css_classes[i]);
  gtk_widget_add_css_class (icon, css_classes[MIN ((guint) result->verdict, G_N_ELEMENTS (css_classes) - 1)]);
  gtk_widget_set_tooltip_text (icon, verdict);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->check_rows[check]), result->message);
  /* Read as "Passed: One sentence", so the icon's meaning is not lost to a screen reader. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check_rows[check]),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, result->message,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, verdict,
                                  -1);
}

static void
update_coaching (TnBrandPage *self)
{
  g_autofree char *draft = get_draft (self);
  g_autoptr(TnBrandReport) report = tn_brand_check (draft);
  g_autofree char *problem = tn_brand_find_problem (draft);
  g_autofree char *summary = NULL;

  for (guint i = 0; i < TN_BRAND_N_CHECKS; i++)
    show_verdict (self, i, &report->results[i]);

  gtk_widget_set_visible (self->placeholder, *draft == '\0' &&
                          gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (self->editor)) == 0);

  if (*draft == '\0')
    summary = g_strdup (_("No words yet"));
  else
    /* Translators: the first %u is the words, the second the checks passed, of 5 */
    summary = g_strdup_printf (ngettext ("%u word · %u of %u checks passed",
                                         "%u words · %u of %u checks passed",
                                         report->n_words),
                               report->n_words, tn_brand_count_passed (report), (guint) TN_BRAND_N_CHECKS);
  gtk_label_set_label (self->word_count_label, summary);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "brand.save",
                                 self->store != NULL && problem == NULL &&
                                 g_strcmp0 (draft, self->saved_text) != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "brand.copy", *draft != '\0');
}

static void
on_buffer_changed_cb (TnBrandPage *self)
{
  update_coaching (self);
}

static void
build_check_rows (TnBrandPage *self)
{
  for (guint i = 0; i < TN_BRAND_N_CHECKS; i++)
    {
      g_autofree char *name = g_strdup_printf ("brand-check-%u", i);
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
      GtkWidget *icon = gtk_image_new ();

      gtk_widget_set_name (GTK_WIDGET (row), name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_title_lines (row, 0);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      adw_action_row_add_prefix (row, icon);
      gtk_list_box_append (self->checks_list, GTK_WIDGET (row));

      self->check_rows[i] = row;
      self->check_icons[i] = GTK_IMAGE (icon);
    }
}

/* ---- Versions and reach ------------------------------------------------------------- */

static char *
format_saved_at (gint64 unix_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  if (local == NULL)
    return g_strdup ("");

  /* Translators: when a version of the statement was saved, see g_date_time_format() */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

static void
on_restore_clicked_cb (GtkButton   *button,
                       TnBrandPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "version-id"));
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  if (!tn_store_restore_brand_statement (self->store, id, &error))
    {
      show_message (self, error->message);
      return;
    }

  /* Asked for in so many words: the restored text replaces even an unsaved draft. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->editor), self->saved_text, -1);
  show_message (self, _("Restored as the current version"));
}

static GtkWidget *
make_version_row (TnBrandPage          *self,
                  const TnBrandVersion *version,
                  gboolean              current)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *saved_at = format_saved_at (version->created_at);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), version->text);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), saved_at);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  tn_adw_words_hold_in_action_row (ADW_ACTION_ROW (row));

  if (current)
    {
      GtkWidget *label = gtk_label_new (_("Current"));

      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  else
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore"));
      g_autofree char *tooltip = g_strdup_printf (_("Make “%s” your statement again"), version->text);

      gtk_widget_set_name (button, "brand-restore-button");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, tooltip);
      g_object_set_data (G_OBJECT (button), "version-id", GSIZE_TO_POINTER ((gsize) version->id));
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_restore_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  return row;
}

static void
load_versions (TnBrandPage *self,
               gboolean     reset_draft)
{
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *row;

  /* Rows only: the placeholder is a child too. */
  while ((row = gtk_list_box_get_row_at_index (self->history_list, 0)) != NULL)
    gtk_list_box_remove (self->history_list, GTK_WIDGET (row));

  versions = self->store != NULL ? tn_store_list_brand_statements (self->store, &error) : NULL;
  if (versions == NULL)
    {
      if (error != NULL)
        show_message (self, error->message);
      return;
    }

  for (guint i = 0; i < versions->len; i++)
    gtk_list_box_append (self->history_list, make_version_row (self, versions->pdata[i], i == 0));

  g_free (self->saved_text);
  self->saved_text = g_strdup (versions->len > 0 ? ((TnBrandVersion *) versions->pdata[0])->text : "");
  if (reset_draft)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->editor), self->saved_text, -1);
}

static void
load_reach (TnBrandPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint heard = 0, trusted = 0;

  if (self->store == NULL || !tn_store_count_brand_reach (self->store, &heard, &trusted, &error))
    text = g_strdup (error != NULL ? error->message : "");
  else if (*self->saved_text == '\0')
    text = g_strdup (_("Save your statement, then mark on each contact’s page who has heard it."));
  else if (trusted == 0)
    text = g_strdup (_("No one is rated as trusting you completely yet: rate the people who do, then tell them."));
  else
    /* TRANSLATORS: "Know what you do now: 3 of the 17 people who trust you completely";
     * the plural follows the second number */
    text = g_strdup_printf (ngettext ("Know what you do now: %u of the %u person who trusts you completely",
                                      "Know what you do now: %u of the %u people who trust you completely",
                                      trusted),
                            heard, trusted);

  gtk_label_set_label (self->reach_label, text);
}

static gboolean
load_reach_cb (gpointer user_data)
{
  TnBrandPage *self = user_data;

  self->reach_source = 0;
  load_reach (self);
  return G_SOURCE_REMOVE;
}

static void
queue_load_reach (TnBrandPage *self)
{
  if (self->reach_source == 0)
    self->reach_source = g_idle_add_full (G_PRIORITY_LOW, load_reach_cb, self, NULL);
}

/* ---- Linchpin self-check ------------------------------------------------------------ */

static void
update_question_row (TnBrandPage        *self,
                     TnLinchpinQuestion  question)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);

  if (question == TN_LINCHPIN_GROUP_EVENTS && self->one_on_one_fact != NULL)
    g_string_append (subtitle, self->one_on_one_fact);

  if (tn_linchpin_answered_yes (self->answers, question))
    {
      if (subtitle->len > 0)
        g_string_append_c (subtitle, '\n');
      g_string_append (subtitle, tn_linchpin_get_advice (question));
    }

  adw_action_row_set_subtitle (self->question_rows[question], subtitle->str);
}

static void
on_answer_notify_cb (GtkSwitch   *answer,
                     GParamSpec  *pspec,
                     TnBrandPage *self)
{
  TnLinchpinQuestion question = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (answer), "question"));

  if (gtk_switch_get_active (answer))
    self->answers |= 1u << question;
  else
    self->answers &= ~(1u << question);

  update_question_row (self, question);
}

static void
build_question_rows (TnBrandPage *self)
{
  for (guint i = 0; i < TN_LINCHPIN_N_QUESTIONS; i++)
    {
      g_autofree char *name = g_strdup_printf ("linchpin-switch-%u", i);
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
      GtkWidget *answer = gtk_switch_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tn_linchpin_get_question (i));
      adw_action_row_set_title_lines (row, 0);
      adw_action_row_set_subtitle_lines (row, 0);
      gtk_widget_set_name (answer, name);
      gtk_widget_set_valign (answer, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (answer), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      tn_linchpin_get_question (i), -1);
      g_object_set_data (G_OBJECT (answer), "question", GUINT_TO_POINTER (i));
      g_signal_connect_object (answer, "notify::active", G_CALLBACK (on_answer_notify_cb), self, 0);
      adw_action_row_add_suffix (row, answer);
      adw_action_row_set_activatable_widget (row, answer);
      gtk_list_box_append (self->questions_list, GTK_WIDGET (row));

      self->question_rows[i] = row;
      self->question_switches[i] = GTK_SWITCH (answer);
    }
}

/* What TrustNet knows for "group events rather than one-on-one meetings". */
static void
load_one_on_one_fact (TnBrandPage *self)
{
  g_autoptr(GDateTime) now = tn_clock_now ();
  g_autoptr(GDateTime) since = g_date_time_add_days (now, -ONE_ON_ONE_DAYS);
  guint one_on_one = 0, total = 0;

  g_clear_pointer (&self->one_on_one_fact, g_free);
  if (self->store == NULL || !tn_store_count_one_on_one (self->store, since, &one_on_one, &total, NULL))
    return;

  if (total == 0)
    self->one_on_one_fact = g_strdup_printf (_("Nothing logged in the last %d days"), ONE_ON_ONE_DAYS);
  else
    self->one_on_one_fact = g_strdup_printf (ngettext ("Logged in the last %3$d days: %1$u of %2$u meeting was one-on-one",
                                                       "Logged in the last %3$d days: %1$u of %2$u meetings were one-on-one",
                                                       total),
                                             one_on_one, total, ONE_ON_ONE_DAYS);

  update_question_row (self, TN_LINCHPIN_GROUP_EVENTS);
}

/* The latest score and the trend; with @reset_answers, the switches show the latest
 * check's answers. */
static void
load_checks (TnBrandPage *self,
             gboolean     reset_answers)
{
  g_autoptr(GArray) checks = self->store != NULL ? tn_store_list_linchpin_checks (self->store, NULL) : NULL;
  g_autoptr(GString) trend = g_string_new (NULL);
  g_autofree char *score = NULL;
  g_autofree char *taken = NULL;
  const TnLinchpinCheck *latest;

  if (checks == NULL || checks->len == 0)
    {
      gtk_label_set_label (self->score_label, _("Not taken yet"));
      gtk_widget_set_visible (GTK_WIDGET (self->trend_label), FALSE);
      return;
    }

  latest = &g_array_index (checks, TnLinchpinCheck, 0);
  taken = format_saved_at (latest->taken_at);
  /* Translators: "Latest: 4 of 6 the linchpin way, 24 November 2026, 09:00" */
  score = g_strdup_printf (_("Latest: %d of %d the linchpin way, %s"), latest->score, TN_LINCHPIN_N_QUESTIONS, taken);
  gtk_label_set_label (self->score_label, score);

  for (guint i = MIN (checks->len, TREND_LENGTH); i > 0; i--)
    g_string_append_printf (trend, i < MIN (checks->len, TREND_LENGTH) ? " → %d" : "%d",
                            g_array_index (checks, TnLinchpinCheck, i - 1).score);
  if (checks->len > 1)
    {
      /* Translators: %s is the last scores, oldest first, e.g. "2 → 3 → 5" */
      g_autofree char *text = g_strdup_printf (_("Trend: %s"), trend->str);

      gtk_label_set_label (self->trend_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->trend_label), checks->len > 1);

  if (reset_answers)
    for (guint i = 0; i < TN_LINCHPIN_N_QUESTIONS; i++)
      gtk_switch_set_active (self->question_switches[i], tn_linchpin_answered_yes (latest->answers, i));
}

/* ---- Actions ------------------------------------------------------------------------ */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TnBrandPage *self = TN_BRAND_PAGE (widget);
  g_autofree char *draft = get_draft (self);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || g_strcmp0 (draft, self->saved_text) == 0)
    return;

  if (!tn_store_save_brand_statement (self->store, draft, NULL, &error))
    show_message (self, error->message);
  else
    show_message (self, _("Saved as a new version"));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TnBrandPage *self = TN_BRAND_PAGE (widget);
  g_autofree char *draft = get_draft (self);

  if (*draft == '\0')
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), draft);
  show_message (self, _("Copied"));
}

static void
save_answers_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TnBrandPage *self = TN_BRAND_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (self->store == NULL)
    return;

  if (!tn_store_save_linchpin_check (self->store, self->answers, &error))
    {
      show_message (self, error->message);
      return;
    }

  message = g_strdup_printf (_("Saved: %d of %d the linchpin way"), tn_linchpin_score (self->answers),
                             TN_LINCHPIN_N_QUESTIONS);
  show_message (self, message);
}

/* ---- Store -------------------------------------------------------------------------- */

static void
on_brand_changed_cb (TnBrandPage *self)
{
  g_autofree char *draft = get_draft (self);
  /* A draft being written stays; one that showed the saved text follows the new one. */
  gboolean follow = *draft == '\0' || g_strcmp0 (draft, self->saved_text) == 0;

  load_versions (self, follow);
  load_reach (self);
  load_checks (self, FALSE);
  update_coaching (self);
}

static void
on_interactions_changed_cb (TnBrandPage *self)
{
  load_one_on_one_fact (self);
}

TnStore *
tn_brand_page_get_store (TnBrandPage *self)
{
  g_return_val_if_fail (TN_IS_BRAND_PAGE (self), NULL);

  return self->store;
}

void
tn_brand_page_set_store (TnBrandPage *self,
                         TnStore     *store)
{
  g_return_if_fail (TN_IS_BRAND_PAGE (self));
  g_return_if_fail (store == NULL || TN_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_data (tn_store_get_contacts (self->store), self);
      g_signal_handlers_disconnect_by_data (self->store, self);
    }
  g_set_object (&self->store, store);

  if (store != NULL)
    {
      g_signal_connect_object (store, "brand-changed", G_CALLBACK (on_brand_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "interactions-changed", G_CALLBACK (on_interactions_changed_cb), self,
                               G_CONNECT_SWAPPED);
      /* "N of your 1s know": who heard the statement is written on contacts, not on the
       * brand, and only changed-elsewhere tells of another process marking it; a rating
       * changes a contact in the list. */
      g_signal_connect_object (store, "changed-elsewhere", G_CALLBACK (queue_load_reach), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (tn_store_get_contacts (store), "items-changed", G_CALLBACK (queue_load_reach), self,
                               G_CONNECT_SWAPPED);
    }

  load_versions (self, TRUE);
  load_reach (self);
  load_one_on_one_fact (self);
  load_checks (self, TRUE);
  update_coaching (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/* ---- GObject ------------------------------------------------------------------------ */

static void
tn_brand_page_dispose (GObject *object)
{
  TnBrandPage *self = (TnBrandPage *) object;

  g_clear_handle_id (&self->reach_source, g_source_remove);
  g_clear_object (&self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), TN_TYPE_BRAND_PAGE);

  G_OBJECT_CLASS (tn_brand_page_parent_class)->dispose (object);
}

static void
tn_brand_page_finalize (GObject *object)
{
  TnBrandPage *self = (TnBrandPage *) object;

  g_clear_pointer (&self->saved_text, g_free);
  g_clear_pointer (&self->one_on_one_fact, g_free);

  G_OBJECT_CLASS (tn_brand_page_parent_class)->finalize (object);
}

static void
tn_brand_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TnBrandPage *self = TN_BRAND_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_brand_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  TnBrandPage *self = TN_BRAND_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tn_brand_page_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_brand_page_class_init (TnBrandPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tn_brand_page_dispose;
  object_class->finalize = tn_brand_page_finalize;
  object_class->get_property = tn_brand_page_get_property;
  object_class->set_property = tn_brand_page_set_property;

  /**
   * TnBrandPage:store:
   *
   * The store whose statement, versions and self-checks the page shows.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TN_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TN_TYPE_WRAP_BIN);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/TrustNet/ui/tn-brand-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TnBrandPage, editor);
  gtk_widget_class_bind_template_child (widget_class, TnBrandPage, placeholder);
  gtk_widget_class_bind_template_child (widget_class, TnBrandPage, word_count_label);
  gtk_widget_class_bind_template_child (widget_class, TnBrandPage, reach_label);
  gtk_widget_class_bind_template_child (widget_class, TnBrandPage, checks_list);
  gtk_widget_class_bind_template_child (widget_class, TnBrandPage, history_list);
  gtk_widget_class_bind_template_child (widget_class, TnBrandPage, questions_list);
  gtk_widget_class_bind_template_child (widget_class, TnBrandPage, score_label);
  gtk_widget_class_bind_template_child (widget_class, TnBrandPage, trend_label);

  gtk_widget_class_install_action (widget_class, "brand.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "brand.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "brand.save-answers", NULL, save_answers_action);

  /* Ahead of the window's Ctrl+S (save the contact): the focus is on this page. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "brand.save", NULL);
}

static void
tn_brand_page_init (TnBrandPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->saved_text = g_strdup ("");
  build_check_rows (self);
  build_question_rows (self);
  /* The page's wrapping rows, each laid out 20 to 30 times when the window first opens
   * and again when the page is first shown (tn-adw-words.c). */
  tn_adw_words_hold_within (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->editor), "changed",
                           G_CALLBACK (on_buffer_changed_cb), self, G_CONNECT_SWAPPED);
  update_coaching (self);
  load_checks (self, FALSE);
}
