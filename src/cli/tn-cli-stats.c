/* tn-cli-stats.c — `trustnet --stats`: the dashboard's figures (tn-stats.c) printed for
 * a person, one "label: value" a line, or with --json as an object for programs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-cli-stats"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "tn-cli-stats.h"
#include "tn-cli.h"
#include "tn-clock.h"
#include "tn-self-settings.h"
#include "tn-stats.h"
#include "tn-text.h"

static void
add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

/* The keys DESIGN.md promises (trusted, goal, by_trust, lunches_this_week, week_streak,
 * lost_touch, brand_statement) and the others the dashboard shows. */
static void
print_json (const TnStats *stats)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  double share = tn_stats_get_one_on_one_share (stats);

  json_builder_begin_object (builder);
  add_int (builder, "trusted", tn_stats_get_trusted (stats));
  add_int (builder, "goal", stats->goal);
  json_builder_set_member_name (builder, "by_trust");
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (stats->by_trust); i++)
    {
      char key[2] = { (char) ('0' + i), '\0' };

      add_int (builder, key, stats->by_trust[i]);
    }
  json_builder_end_object (builder);
  add_int (builder, "lunches_this_week", stats->lunches_this_week);
  add_int (builder, "week_streak", stats->week_streak);
  add_int (builder, "lost_touch", stats->lost_touch);
  json_builder_set_member_name (builder, "brand_statement");
  if (stats->brand_statement != NULL)
    json_builder_add_string_value (builder, stats->brand_statement);
  else
    json_builder_add_null_value (builder);
  add_int (builder, "outside_employer", stats->outside_employer);
  add_int (builder, "overdue", stats->n_overdue);
  add_int (builder, "never_contacted", stats->never_contacted);
  json_builder_set_member_name (builder, "one_on_one_share");
  if (share >= 0)
    json_builder_add_double_value (builder, share);
  else
    json_builder_add_null_value (builder);
  add_int (builder, "interactions_90d", stats->interactions_90d);
  add_int (builder, "gave_value_90d", stats->gave_value_90d);
  json_builder_set_member_name (builder, "trusted_history");
  json_builder_begin_array (builder);
  for (guint i = 0; i < TN_STATS_HISTORY_MONTHS; i++)
    {
      g_autofree char *month = g_strdup_printf ("%04d-%02d", stats->history[i].year, stats->history[i].month);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "month");
      json_builder_add_string_value (builder, month);
      add_int (builder, "completely", stats->history[i].n_completely);
      add_int (builder, "moderately", stats->history[i].n_moderately);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "interactions_per_week");
  json_builder_begin_array (builder);
  for (guint i = 0; i < TN_STATS_HABIT_WEEKS; i++)
    json_builder_add_int_value (builder, stats->per_week[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  tn_cli_print_json (builder);
}

static void
print_text (const TnStats *stats)
{
  g_autofree char *trusted = tn_stats_describe_trusted (tn_stats_get_trusted (stats), stats->goal);
  g_autoptr(GString) history = g_string_new (NULL);
  double share = tn_stats_get_one_on_one_share (stats);

  tn_text_print (FALSE, "%s\n", trusted);
  /* TRANSLATORS: --stats, the contacts per trust rating */
  tn_text_print (FALSE, _("By trust: %u completely, %u moderately, %u vaguely, %u not rated yet\n"),
           stats->by_trust[1], stats->by_trust[2], stats->by_trust[3], stats->by_trust[0]);
  if (stats->employer_set)
    tn_text_print (FALSE, _("Outside your employer: %u of %u\n"), stats->outside_employer, tn_stats_get_trusted (stats));
  for (guint i = 0; i < stats->organizations->len; i++)
    {
      const TnStatsOrganization *organization = g_ptr_array_index (stats->organizations, i);

      /* TRANSLATORS: --stats, where the 1s work, e.g. "  Acme: 4" */
      tn_text_print (FALSE, _("  %s: %u\n"), organization->name, organization->n_trusted);
    }
  if (stats->organizations->len > 0 && stats->other_organizations > 0)
    tn_text_print (FALSE, _("  Others: %u\n"), stats->other_organizations);
  tn_text_print (FALSE, _("Lunches this week: %u\n"), stats->lunches_this_week);
  tn_text_print (FALSE, _("Week streak: %u\n"), stats->week_streak);
  tn_text_print (FALSE, _("Overdue: %u\n"), stats->n_overdue);
  for (guint i = 0; i < stats->overdue->len; i++)
    {
      const TnStatsOverdue *overdue = &g_array_index (stats->overdue, TnStatsOverdue, i);

      /* TRANSLATORS: --stats, one overdue person: trust, name, days since last contact */
      tn_text_print (FALSE, _("  %d  %s, %d days\n"), overdue->trust, overdue->name, overdue->days_since);
    }
  tn_text_print (FALSE, _("Lost touch: %u\n"), stats->lost_touch);
  tn_text_print (FALSE, _("Never contacted since import: %u\n"), stats->never_contacted);
  tn_text_print (FALSE, _("Interactions in 90 days: %u\n"), stats->interactions_90d);
  if (share >= 0)
    tn_text_print (FALSE, _("One-on-one in 90 days: %.0f%%\n"), share * 100);
  tn_text_print (FALSE, _("Gave value in 90 days: %u\n"), stats->gave_value_90d);
  for (guint i = 0; i < TN_STATS_HISTORY_MONTHS; i++)
    g_string_append_printf (history, " %04d-%02d:%u/%u", stats->history[i].year, stats->history[i].month,
                            stats->history[i].n_completely, stats->history[i].n_moderately);
  /* TRANSLATORS: --stats, then " 2026-11:17/30" per month: 1s/2s at its end */
  tn_text_print (FALSE, _("Trusted over time (completely/moderately):%s\n"), history->str);
  if (stats->brand_statement != NULL)
    tn_text_print (FALSE, _("Brand statement: %s\n"), stats->brand_statement);
}

/**
 * tn_cli_print_stats:
 * @store: the store
 * @settings: the app's settings: the goal, the employer and the keep-in-touch intervals
 * @json: print JSON instead of text
 * @error: return location for a #GError
 *
 * Prints the figures as of tn_clock_now().
 *
 * Returns: %TRUE on success
 */
gboolean
tn_cli_print_stats (TnStore    *store,
                    GSettings  *settings,
                    gboolean    json,
                    GError    **error)
{
  g_autoptr(GDateTime) now = tn_clock_now ();
  g_autoptr(TnStats) stats = NULL;
  g_autofree char *employer = g_settings_get_string (settings, TN_SELF_SETTINGS_EMPLOYER);
  TnCadence cadence;

  tn_cadence_init_from_settings (&cadence, settings);
  stats = tn_stats_compute (store, now, g_settings_get_int (settings, TN_SELF_SETTINGS_GOAL), employer, &cadence, error);
  if (stats == NULL)
    return FALSE;

  if (json)
    print_json (stats);
  else
    print_text (stats);

  return TRUE;
}
