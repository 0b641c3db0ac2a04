/* tn-stats.c — the dashboard's figures: one SQL aggregate per figure over the store's
 * own connection, so that 100,000 contacts cost what the database does, not a loop.
 *
 * Days are local calendar days written "YYYY-MM-DD", as interactions store them; they
 * compare as text. Contacts removed (and waiting for their Undo to run out) are left
 * out of every figure, with their interactions and rating changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-stats"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tn-stats.h"
#include "tn-text.h"
#include "tn-store-internal.h"
#include "tn-store-reader-private.h"
#include "tn-trust-counts.h"

/* The streak stops looking back after ten years: enough for anyone, and bounded. */
#define MAX_STREAK_WEEKS 520

/* Interactions of contacts still in the list: removed ones are few (they are purged an
 * hour after their Undo), so this set stays small whatever the size of the database. */
#define NOT_REMOVED(column) \
  column " NOT IN (SELECT id FROM contacts WHERE removed_at IS NOT NULL)"

typedef struct
{
  TnDb *db;     /* the store's own connection, borrowed */
  char *today;  /* local day of the figures, YYYY-MM-DD */
  char *monday; /* this ISO week's first day */
  GDateTime *local_now;
} Query;

static void
query_clear (Query *query)
{
  g_clear_pointer (&query->today, g_free);
  g_clear_pointer (&query->monday, g_free);
  g_clear_pointer (&query->local_now, g_date_time_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Query, query_clear)

static char *
format_day (GDateTime *local,
            int        days)
{
  g_autoptr(GDateTime) shifted = g_date_time_add_days (local, days);

  return g_date_time_format (shifted, "%Y-%m-%d");
}

static void
organization_free (gpointer data)
{
  TnStatsOrganization *organization = data;

  g_free (organization->name);
  g_free (organization);
}

static void
overdue_clear (gpointer data)
{
  TnStatsOverdue *overdue = data;

  g_clear_pointer (&overdue->name, g_free);
}

/**
 * tn_stats_free:
 * @stats: (transfer full): figures from tn_stats_compute()
 */
void
tn_stats_free (TnStats *stats)
{
  if (stats == NULL)
    return;

  g_clear_pointer (&stats->organizations, g_ptr_array_unref);
  g_clear_pointer (&stats->overdue, g_array_unref);
  g_clear_pointer (&stats->brand_statement, g_free);
  tn_suggestion_clear (&stats->suggestion);
  g_free (stats);
}

/* Grouped in SQL, bucketed by tn_trust_counts_add(), as the contacts page counts its list.
 * Only the rated are grouped, in contacts_timed (which holds them: trust > 0): the
 * unrated, most of a large address book, are what is left of all contacts (a count SQLite
 * takes from the pages, not the rows) less the removed (few, in contacts_removed) and the
 * rated. */
static gboolean
count_by_trust (Query    *query,
                TnStats  *stats,
                GError  **error)
{
  g_autoptr(sqlite3_stmt) statement =
    tn_db_prepare (query->db,
                   "SELECT trust, count(*) FROM contacts WHERE removed_at IS NULL AND trust > 0 GROUP BY trust"
                   " UNION ALL"
                   " SELECT 0, (SELECT count(*) FROM contacts) - (SELECT count(*) FROM contacts WHERE removed_at IS NOT NULL)",
                   error);
  TnTrustCounts counts = { 0 };
  guint n_rated = 0;
  int result;

  if (statement == NULL)
    return FALSE;

  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      int trust = sqlite3_column_int (statement, 0);
      guint count = sqlite3_column_int (statement, 1);

      if (trust == TN_TRUST_UNRATED)
        count -= n_rated;
      else
        n_rated += count;
      if (count > 0)
        tn_trust_counts_add (&counts, trust, count);
    }

  G_STATIC_ASSERT (sizeof stats->by_trust == sizeof counts.by_trust);
  memcpy (stats->by_trust, counts.by_trust, sizeof stats->by_trust);
  stats->n_contacts = counts.n_contacts;

  return tn_db_finished (query->db, result, error);
}

/* Organizations compare as people write them: "ACME " and "Acme" are one. */
static char *
organization_key (const char *name)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));

  return g_utf8_casefold (trimmed, -1);
}

/* Whether @longer begins with @shorter as a whole word or words: "soylent" begins
 * "soylent; foods" and "acme" begins "acme corp", but "acme" does not begin "acmetech". */
static gboolean
starts_with_words (const char *longer,
                   const char *shorter)
{
  size_t length = strlen (shorter);

  return g_str_has_prefix (longer, shorter) &&
         (longer[length] == '\0' || !g_unichar_isalnum (g_utf8_get_char (longer + length)));
}

/**
 * tn_stats_is_employer:
 * @organization: (nullable): a contact's organization as written
 * @employer: (nullable): "Where I work now" as the person typed it
 *
 * The employer matches as a person means it: case and accents aside, "Soylent" is the
 * organization "Soylent; Foods" (a vCard's company and department), "Acme" is "ACME
 * Corp", and "Acme Corp" is "Acme"; "Acme" is not "Acmetech".
 *
 * Returns: whether @organization is where the person works
 */
gboolean
tn_stats_is_employer (const char *organization,
                      const char *employer)
{
  g_autofree char *folded_organization = tn_text_fold_for_search (organization);
  g_autofree char *folded_employer = tn_text_fold_for_search (employer);
  char *a = g_strstrip (folded_organization);
  char *b = g_strstrip (folded_employer);

  if (*a == '\0' || *b == '\0')
    return FALSE;

  return strlen (a) >= strlen (b) ? starts_with_words (a, b) : starts_with_words (b, a);
}

static int
compare_organizations (gconstpointer a,
                       gconstpointer b)
{
  const TnStatsOrganization *first = *(TnStatsOrganization * const *) a;
  const TnStatsOrganization *second = *(TnStatsOrganization * const *) b;

  if (first->n_trusted != second->n_trusted)
    return first->n_trusted > second->n_trusted ? -1 : 1;
  return g_utf8_collate (first->name, second->name);
}

/* The 1s grouped by organization in SQL, from contacts_trusted (which holds only them);
 * the few groups are then merged by their case-folded names, which SQLite's ASCII-only
 * NOCASE would get wrong for "Öl AG". The most frequent spelling names the merged group. */
static gboolean
count_organizations (Query       *query,
                     TnStats     *stats,
                     const char  *employer,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (organization_free);
  g_autofree char *employer_key = organization_key (employer);
  guint at_employer = 0;
  int result;

  statement = tn_db_prepare (query->db,
                             "SELECT organization, count(*) FROM contacts"
                             "  WHERE removed_at IS NULL AND trust = 1"
                             "  GROUP BY organization ORDER BY count(*) DESC",
                             error);
  if (statement == NULL)
    return FALSE;

  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (statement, 0);
      guint count = sqlite3_column_int (statement, 1);
      g_autofree char *key = organization_key (name);
      TnStatsOrganization *organization;

      if (tn_stats_is_employer (name, employer))
        at_employer += count;
      if (*key == '\0')
        continue;

      organization = g_hash_table_lookup (by_key, key);
      if (organization == NULL)
        {
          organization = g_new0 (TnStatsOrganization, 1);
          organization->name = g_strstrip (g_strdup (name));
          g_ptr_array_add (all, organization);
          g_hash_table_insert (by_key, g_steal_pointer (&key), organization);
        }
      organization->n_trusted += count;
    }
  if (!tn_db_finished (query->db, result, error))
    return FALSE;

  g_ptr_array_sort (all, compare_organizations);

  stats->employer_set = *employer_key != '\0';
  stats->outside_employer = stats->by_trust[TN_TRUST_COMPLETELY] - at_employer;
  stats->organizations = g_ptr_array_new_with_free_func (organization_free);
  stats->other_organizations = stats->by_trust[TN_TRUST_COMPLETELY];
  while (all->len > 0 && stats->organizations->len < TN_STATS_TOP_ORGANIZATIONS)
    {
      TnStatsOrganization *organization = g_ptr_array_steal_index (all, 0);

      stats->other_organizations -= organization->n_trusted;
      g_ptr_array_add (stats->organizations, organization);
    }

  return TRUE;
}

/* Unix time of local midnight on the first day of the month after @year-@month. */
static gint64
end_of_month (int year,
              int month)
{
  g_autoptr(GDateTime) next = NULL;

  if (month == 12)
    next = g_date_time_new_local (year + 1, 1, 1, 0, 0, 0);
  else
    next = g_date_time_new_local (year, month + 1, 1, 0, 0, 0);

  return g_date_time_to_unix (next);
}

/* The number of 1s and 2s at the end of each month, counted back from today's ratings:
 * a change after a month's end is undone from the count (its new rating taken off, the
 * rating it replaced put back). Only the last months' changes are read, each with the
 * rating it replaced, which the database keeps in its row (schema 11), and only those
 * that make or unmake a 1 or a 2 (the index trust_changes_changed holds just those),
 * instead of replaying every change ever made. A contact whose rating has no recorded
 * change is taken to have had it all along. */
static gboolean
count_history (Query    *query,
               TnStats  *stats,
               GError  **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  gint64 ends[TN_STATS_HISTORY_MONTHS];
  int year, month;
  int result;

  g_date_time_get_ymd (query->local_now, &year, &month, NULL);
  for (int i = TN_STATS_HISTORY_MONTHS - 1; i >= 0; i--)
    {
      stats->history[i].year = year;
      stats->history[i].month = month;
      stats->history[i].n_completely = stats->by_trust[TN_TRUST_COMPLETELY];
      stats->history[i].n_moderately = stats->by_trust[TN_TRUST_MODERATELY];
      /* The current month ends now: every change so far counts. */
      ends[i] = i == TN_STATS_HISTORY_MONTHS - 1 ? G_MAXINT64 : end_of_month (year, month);
      if (--month == 0)
        {
          month = 12;
          year--;
        }
    }

  statement = tn_db_prepare (query->db,
                             "SELECT changed_at, trust, previous FROM trust_changes"
                             "  WHERE changed_at >= ?1 AND (trust IN (1, 2) OR previous IN (1, 2))"
                             "    AND " NOT_REMOVED ("contact_id"),
                             error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, ends[0]);
  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      gint64 changed_at = sqlite3_column_int64 (statement, 0);
      int trust = sqlite3_column_int (statement, 1);
      int previous = sqlite3_column_int (statement, 2);

      for (int i = 0; i < TN_STATS_HISTORY_MONTHS && ends[i] <= changed_at; i++)
        {
          TnStatsMonth *point = &stats->history[i];

          point->n_completely += (previous == TN_TRUST_COMPLETELY) - (trust == TN_TRUST_COMPLETELY);
          point->n_moderately += (previous == TN_TRUST_MODERATELY) - (trust == TN_TRUST_MODERATELY);
        }
    }

  return tn_db_finished (query->db, result, error);
}

/* The streak in one statement: the weeks back from this one, each one look-up in the
 * (kind, happened_on) index, going on while each week had a lunch (this week may have none
 * yet); the list of removed contacts is made once for all of them. The row before this
 * week (n = -1) only starts the walk. Days are calendar days, so a week back is 7 of them. */
static gboolean
count_lunches (Query    *query,
               TnStats  *stats,
               GError  **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autofree char *sunday = format_day (query->local_now, 7 - g_date_time_get_day_of_week (query->local_now));
  int result;

  statement = tn_db_prepare (query->db,
                             "WITH RECURSIVE weeks (n, first, last, had_lunch) AS ("
                             "  VALUES (-1, date (?1, '+7 days'), date (?2, '+7 days'), 1)"
                             "  UNION ALL"
                             "  SELECT n + 1, date (first, '-7 days'), date (last, '-7 days'),"
                             "         EXISTS (SELECT 1 FROM interactions WHERE kind IN ('lunch', 'coffee')"
                             "                   AND happened_on BETWEEN date (weeks.first, '-7 days')"
                             "                                       AND date (weeks.last, '-7 days')"
                             "                   AND " NOT_REMOVED ("contact_id") ")"
                             "    FROM weeks WHERE (had_lunch OR n = 0) AND n + 1 < ?3)"
                             " SELECT count (*) FROM weeks WHERE n >= 0 AND had_lunch",
                             error);
  if (statement == NULL)
    return FALSE;

  tn_db_bind_text (statement, 1, query->monday);
  tn_db_bind_text (statement, 2, sunday);
  sqlite3_bind_int (statement, 3, MAX_STREAK_WEEKS);
  result = sqlite3_step (statement);
  if (result != SQLITE_ROW)
    return tn_db_finished (query->db, result, error);
  stats->week_streak = sqlite3_column_int (statement, 0);

  g_clear_pointer (&statement, sqlite3_finalize);
  statement = tn_db_prepare (query->db,
                             "SELECT count(*) FROM interactions"
                             "  WHERE kind IN ('lunch', 'coffee') AND happened_on BETWEEN ?1 AND ?2"
                             "    AND " NOT_REMOVED ("contact_id"),
                             error);
  if (statement == NULL)
    return FALSE;

  tn_db_bind_text (statement, 1, query->monday);
  tn_db_bind_text (statement, 2, query->today);
  result = sqlite3_step (statement);
  if (result != SQLITE_ROW)
    return tn_db_finished (query->db, result, error);
  stats->lunches_this_week = sqlite3_column_int (statement, 0);

  return TRUE;
}

/* The names of the few overdue people listed, looked up once the list is known: reading
 * every overdue contact's row for them would cost more than the whole count. */
static gboolean
name_overdue (Query    *query,
              TnStats  *stats,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) statement = tn_db_prepare (query->db, "SELECT full_name FROM contacts WHERE id = ?1", error);

  if (statement == NULL)
    return FALSE;

  for (guint i = 0; i < stats->overdue->len; i++)
    {
      TnStatsOverdue *overdue = &g_array_index (stats->overdue, TnStatsOverdue, i);
      int result;

      sqlite3_reset (statement);
      sqlite3_bind_int64 (statement, 1, overdue->id);
      result = sqlite3_step (statement);
      if (result != SQLITE_ROW)
        return tn_db_finished (query->db, result, error);
      overdue->name = g_strdup ((const char *) sqlite3_column_text (statement, 0));
    }

  return TRUE;
}

/* The contacts with an interval: the rated, and the unrated with one of their own; the
 * rows of the index contacts_timed (schema 11), which SQLite uses for this WHERE. */
#define TIMED \
  "FROM contacts WHERE removed_at IS NULL AND (trust > 0 OR cadence_weeks > 0)"

/* Where in contacts_timed the overdue and the never met can be: for each rating's own
 * interval, those last met on its cut-off day or before (tn_cadence_passed_sql()'s ?2 to
 * ?4; no cut-off for a rating without an interval) or never ('' sorts first); and all
 * with an interval of their own, for which the rule computes the days. These only narrow
 * what SQLite reads to ranges of the index; the rule itself still decides. */
static const char * const timed_ranges[] = {
  "trust = 1 AND cadence_weeks = 0 AND coalesce (last_met, '') <= coalesce (?2, '')",
  "trust = 2 AND cadence_weeks = 0 AND coalesce (last_met, '') <= coalesce (?3, '')",
  "trust = 3 AND cadence_weeks = 0 AND coalesce (last_met, '') <= coalesce (?4, '')",
  "trust IN (0, 1, 2, 3) AND cadence_weeks > 0",
};

/* tn_cadence_passed_sql() for @times intervals, its parameters ?1 to ?7 renumbered to
 * ?@first to ?(@first + 6), so that one statement can hold it for one and two intervals:
 * the overdue rule is written once, in tn-cadence.c, and only put into the SQL here. */
static char *
passed_sql_from (int times,
                 int first)
{
  g_autofree char *passed = tn_cadence_passed_sql (times);
  GString *sql = g_string_new (NULL);

  for (const char *p = passed; *p != '\0'; p++)
    {
      if (p[0] == '?' && p[1] >= '1' && p[1] <= '7' && !g_ascii_isdigit (p[2]))
        {
          g_string_append_printf (sql, "?%d", first + (p[1] - '1'));
          p++;
        }
      else
        g_string_append_c (sql, *p);
    }

  return g_string_free (sql, FALSE);
}

/* Binds the parameters of passed_sql_from() for @times each rating's interval, from ?@first. */
static void
bind_cutoffs (Query           *query,
              sqlite3_stmt    *statement,
              const TnCadence *cadence,
              int              times,
              int              first)
{
  g_auto(TnCadenceCutoffs) cutoffs = { 0 };

  tn_cadence_cutoffs_init (&cutoffs, cadence, query->local_now, times);
  tn_db_bind_text (statement, first, cutoffs.today);
  for (int i = 0; i < 3; i++)
    {
      if (cutoffs.last_met_by[i] == NULL)
        {
          sqlite3_bind_null (statement, first + 1 + i);
          sqlite3_bind_null (statement, first + 4 + i);
          continue;
        }

      tn_db_bind_text (statement, first + 1 + i, cutoffs.last_met_by[i]);
      sqlite3_bind_int64 (statement, first + 4 + i, cutoffs.added_before[i]);
    }
}

/* Whole days from the local day of @created_at (unix time) to the figures' day: the
 * cadence's own count, so that "never met" reads the same here as on the contacts page. */
static int
days_since_added (Query  *query,
                  gint64  created_at)
{
  g_autoptr(GDateTime) added = g_date_time_new_from_unix_local (created_at);

  return tn_cadence_days_between (added, query->local_now);
}

static int days_before (const GDate *today,
                        const char  *day);

/* One overdue contact as the listing orders them: 1s first, then 2s, 3s and the unrated
 * with an interval of their own; in each, the never met (added longest ago first), then
 * the longest unseen. */
typedef struct
{
  gint64 id;
  int trust;
  char *last_met; /* NULL: never met */
  gint64 created_at;
} OverdueRow;

static int
tier (int trust)
{
  return trust == 0 ? 4 : trust;
}

static int
compare_overdue (const OverdueRow *a,
                 const OverdueRow *b)
{
  int order;

  if (tier (a->trust) != tier (b->trust))
    return tier (a->trust) < tier (b->trust) ? -1 : 1;
  if ((a->last_met == NULL) != (b->last_met == NULL))
    return a->last_met == NULL ? -1 : 1;
  if (a->last_met != NULL && (order = strcmp (a->last_met, b->last_met)) != 0)
    return order;
  if (a->created_at != b->created_at)
    return a->created_at < b->created_at ? -1 : 1;
  return (a->id > b->id) - (a->id < b->id);
}

/* Keeps the first TN_STATS_LISTED_OVERDUE rows of @first, in order, with @row among them
 * if it belongs there. */
static void
keep_first_overdue (OverdueRow *first,
                    guint      *n_first,
                    OverdueRow *row)
{
  guint at = *n_first;

  while (at > 0 && compare_overdue (row, &first[at - 1]) < 0)
    at--;
  if (at >= TN_STATS_LISTED_OVERDUE)
    return;

  if (*n_first == TN_STATS_LISTED_OVERDUE)
    g_free (first[--(*n_first)].last_met);
  memmove (&first[at + 1], &first[at], (*n_first - at) * sizeof *first);
  first[at] = *row;
  first[at].last_met = g_strdup (row->last_met);
  (*n_first)++;
}

/* The SQL of find_overdue(): for each of timed_ranges, its rows with whether each is
 * overdue (tn_cadence_passed_sql(), ?1 to ?7), has lost touch (twice the interval, ?11 to
 * ?17) and was rated, imported and never met; only the overdue and the never met. */
static char *
overdue_sql (void)
{
  g_autofree char *passed = passed_sql_from (1, 1);
  g_autofree char *passed_twice = passed_sql_from (2, 11);
  GString *sql = g_string_new ("SELECT id, trust, last_met, created_at, overdue, lost, never FROM (");

  for (guint i = 0; i < G_N_ELEMENTS (timed_ranges); i++)
    g_string_append_printf (sql,
                            "%s SELECT id, trust, last_met, created_at, (%s) AS overdue,"
                            "  trust > 0 AND (%s) AS lost,"
                            "  trust > 0 AND batch_id IS NOT NULL AND last_met IS NULL AS never "
                            TIMED " AND %s",
                            i > 0 ? " UNION ALL" : "", passed, passed_twice, timed_ranges[i]);
  g_string_append (sql, ") WHERE overdue OR never");

  return g_string_free (sql, FALSE);
}

/* How many are overdue, have lost touch (twice the interval), and were rated, imported and
 * never met; then the first few overdue. One pass over the contacts with an interval that
 * may be overdue or never met: SQL says which are overdue (tn_cadence_passed_sql()), and
 * only those, and the never met, come out of it. */
static gboolean
find_overdue (Query            *query,
              TnStats          *stats,
              const TnCadence  *cadence,
              GError          **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autofree char *sql = overdue_sql ();
  OverdueRow first[TN_STATS_LISTED_OVERDUE] = { { 0 } };
  guint n_first = 0;
  GDate today;
  int year, month, day;
  int result;

  statement = tn_db_prepare (query->db, sql, error);
  if (statement == NULL)
    return FALSE;

  bind_cutoffs (query, statement, cadence, 1, 1);
  bind_cutoffs (query, statement, cadence, 2, 11);
  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      OverdueRow row = {
        .id = sqlite3_column_int64 (statement, 0),
        .trust = sqlite3_column_int (statement, 1),
        .last_met = (char *) sqlite3_column_text (statement, 2),
        .created_at = sqlite3_column_int64 (statement, 3),
      };

      stats->never_contacted += sqlite3_column_int (statement, 6) != 0;
      if (sqlite3_column_int (statement, 4) == 0)
        continue;

      stats->n_overdue++;
      stats->lost_touch += sqlite3_column_int (statement, 5) != 0;
      keep_first_overdue (first, &n_first, &row);
    }

  g_date_time_get_ymd (query->local_now, &year, &month, &day);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, day, month, year);

  stats->overdue = g_array_new (FALSE, TRUE, sizeof (TnStatsOverdue));
  g_array_set_clear_func (stats->overdue, overdue_clear);
  for (guint i = 0; i < n_first; i++)
    {
      TnStatsOverdue overdue = { 0 };

      overdue.id = first[i].id;
      overdue.trust = first[i].trust;
      overdue.never_met = first[i].last_met == NULL;
      overdue.days_since = first[i].last_met != NULL ? MAX (days_before (&today, first[i].last_met), 0)
                                                     : days_since_added (query, first[i].created_at);
      g_array_append_val (stats->overdue, overdue);
      g_free (first[i].last_met);
    }

  return tn_db_finished (query->db, result, error) && name_overdue (query, stats, error);
}

/* Whole days from @day ("YYYY-MM-DD") to @today; -1 if @day is not a day. */
static int
days_before (const GDate *today,
             const char  *day)
{
  GDate date;

  g_date_clear (&date, 1);
  if (day == NULL)
    return -1;
  g_date_set_parse (&date, day);
  if (!g_date_valid (&date))
    return -1;

  return g_date_days_between (&date, today);
}

/* The last 91 days of interaction_days: the 13 weekly spans of the sparkline, and the
 * 90 days of the habit figures. */
static gboolean
count_habits (Query    *query,
              TnStats  *stats,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autofree char *first = format_day (query->local_now, 1 - 7 * TN_STATS_HABIT_WEEKS);
  GDate today;
  int year, month, day;
  int result;

  g_date_time_get_ymd (query->local_now, &year, &month, &day);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, day, month, year);

  /* The sums per day, less the interactions of removed contacts (a few look-ups). */
  statement = tn_db_prepare (query->db,
                             "SELECT day, sum (n), sum (one_on_one), sum (gave_value) FROM ("
                             "  SELECT day, n, one_on_one, gave_value FROM interaction_days"
                             "    WHERE day BETWEEN ?1 AND ?2"
                             "  UNION ALL"
                             "  SELECT happened_on, -1, -(one_on_one != 0), -(gave_value != 0) FROM interactions"
                             "    WHERE contact_id IN (SELECT id FROM contacts WHERE removed_at IS NOT NULL)"
                             "      AND happened_on BETWEEN ?1 AND ?2)"
                             "  GROUP BY day",
                             error);
  if (statement == NULL)
    return FALSE;

  tn_db_bind_text (statement, 1, first);
  tn_db_bind_text (statement, 2, query->today);
  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      int age = days_before (&today, (const char *) sqlite3_column_text (statement, 0));
      guint count = sqlite3_column_int (statement, 1);

      if (age < 0 || age >= 7 * TN_STATS_HABIT_WEEKS)
        continue;

      stats->per_week[TN_STATS_HABIT_WEEKS - 1 - age / 7] += count;
      if (age < TN_STATS_HABIT_DAYS)
        {
          stats->interactions_90d += count;
          stats->one_on_one_90d += sqlite3_column_int (statement, 2);
          stats->gave_value_90d += sqlite3_column_int (statement, 3);
        }
    }

  return tn_db_finished (query->db, result, error);
}

static gboolean
read_brand_statement (Query    *query,
                      TnStats  *stats,
                      GError  **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  int result;

  statement = tn_db_prepare (query->db,
                             "SELECT text FROM brand_statements ORDER BY created_at DESC, id DESC LIMIT 1",
                             error);
  if (statement == NULL)
    return FALSE;

  result = sqlite3_step (statement);
  if (result == SQLITE_ROW)
    {
      stats->brand_statement = g_strdup ((const char *) sqlite3_column_text (statement, 0));
      return TRUE;
    }

  return tn_db_finished (query->db, result, error);
}

/* Every figure, read on @db; the caller holds a read transaction around it, so that every
 * figure counts the same rows. */
static TnStats *
compute_on (TnDb            *db,
            GDateTime       *now,
            int              goal,
            const char      *employer,
            const TnCadence *cadence,
            GError         **error)
{
  g_auto(Query) query = { 0 };
  g_autoptr(TnStats) stats = NULL;
  gboolean ok;

  query.db = db;
  query.local_now = g_date_time_to_local (now);
  query.today = g_date_time_format (query.local_now, "%Y-%m-%d");
  query.monday = format_day (query.local_now, 1 - g_date_time_get_day_of_week (query.local_now));

  stats = g_new0 (TnStats, 1);
  stats->goal = goal;

  ok = count_by_trust (&query, stats, error) &&
       count_organizations (&query, stats, employer, error) &&
       count_history (&query, stats, error) &&
       count_lunches (&query, stats, error) &&
       find_overdue (&query, stats, cadence, error) &&
       count_habits (&query, stats, error) &&
       read_brand_statement (&query, stats, error);

  return ok ? g_steal_pointer (&stats) : NULL;
}

/**
 * tn_stats_compute:
 * @store: a store
 * @now: the moment of the figures; its local day is "today", its ISO week "this week"
 * @goal: the trusted-contacts goal (the trusted-goal setting)
 * @employer: (nullable): where the person works now; %NULL or empty for unknown
 * @cadence: the keep-in-touch interval per rating, as the overdue rule uses it
 * @error: return location for a #GError
 *
 * Computes every dashboard figure in one read transaction, so they agree with each other
 * even while another program writes. Reads only.
 *
 * Returns: (transfer full): the figures, or %NULL with @error set
 */
TnStats *
tn_stats_compute (TnStore         *store,
                  GDateTime       *now,
                  int              goal,
                  const char      *employer,
                  const TnCadence *cadence,
                  GError         **error)
{
  TnStats *stats;

  g_return_val_if_fail (TN_IS_STORE (store), NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (cadence != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!tn_db_exec (store->db, "BEGIN", error))
    return NULL;
  stats = compute_on (store->db, now, goal, employer, cadence, error);
  /* Nothing was written: ending the read transaction cannot lose anything. */
  tn_db_exec (store->db, "COMMIT", NULL);

  return stats;
}

/* What a worker computes the figures from: copies, never the caller's. */
typedef struct
{
  GDateTime *now;
  int goal;
  char *employer;
  TnCadence cadence;
} Request;

static void
request_free (Request *request)
{
  g_date_time_unref (request->now);
  g_free (request->employer);
  g_free (request);
}

/* tn_suggestion_compute() on the worker's connection: the contacts in memory are the
 * window's, and choosing among 100,000 of them took longer than a frame there. With no
 * "Someone else" pressed, only the candidates that can come first are read, and only the
 * chosen one's name. */
static gboolean
suggest_on (TnDb         *db,
            Request      *request,
            TnSuggestion *suggestion,
            GError      **error)
{
  g_autoptr(GArray) candidates = NULL;
  g_autoptr(GPtrArray) changes = NULL;

  candidates = _tn_store_read_first_reminder_candidates (db, &request->cadence, error);
  if (candidates == NULL)
    return FALSE;

  changes = _tn_store_list_job_changes_on (db, TN_JOB_CHANGES_FLAGS_NOT_DISMISSED, error);
  if (changes == NULL)
    return FALSE;

  return tn_suggestion_choose_named (suggestion, candidates, changes, request->now, 0, _tn_store_read_contact_name, db, error);
}

static gpointer
compute_read (TnDb          *db,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  Request *request = data;
  g_autoptr(TnStats) stats = NULL;

  /* The figures and the suggestion of one moment: one read transaction for both. */
  if (!tn_db_exec (db, "BEGIN", error))
    return NULL;
  stats = compute_on (db, request->now, request->goal, request->employer, &request->cadence, error);
  if (stats != NULL && !suggest_on (db, request, &stats->suggestion, error))
    g_clear_pointer (&stats, tn_stats_free);
  tn_db_exec (db, "COMMIT", NULL);

  return g_steal_pointer (&stats);
}

/**
 * tn_stats_compute_async:
 * @store: a store
 * @now: as for tn_stats_compute()
 * @goal: as for tn_stats_compute()
 * @employer: (nullable): as for tn_stats_compute()
 * @cadence: as for tn_stats_compute()
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on this thread with the figures
 * @user_data: for @callback
 *
 * tn_stats_compute() in a worker thread, on a connection of its own to the store's file,
 * so that the window draws on while 1,000,000 interactions are counted. The figures are
 * those of the database as committed when the worker starts reading.
 */
void
tn_stats_compute_async (TnStore             *store,
                        GDateTime           *now,
                        int                  goal,
                        const char          *employer,
                        const TnCadence     *cadence,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  Request *request;

  g_return_if_fail (TN_IS_STORE (store));
  g_return_if_fail (now != NULL);
  g_return_if_fail (cadence != NULL);

  request = g_new0 (Request, 1);
  request->now = g_date_time_ref (now);
  request->goal = goal;
  request->employer = g_strdup (employer);
  request->cadence = *cadence;
  _tn_store_read_async (store, tn_stats_compute_async, compute_read, request, (GDestroyNotify) request_free,
                        (GDestroyNotify) tn_stats_free, cancellable, callback, user_data);
}

/**
 * tn_stats_compute_finish:
 * @store: the store of tn_stats_compute_async()
 * @result: the result given to its callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the figures, or %NULL with @error set
 */
TnStats *
tn_stats_compute_finish (TnStore       *store,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (TN_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _tn_store_read_finish (store, result, tn_stats_compute_async, error);
}

/**
 * tn_stats_get_trusted:
 * @stats: figures
 *
 * Returns: the number of contacts who trust completely (rated 1)
 */
guint
tn_stats_get_trusted (const TnStats *stats)
{
  g_return_val_if_fail (stats != NULL, 0);

  return stats->by_trust[TN_TRUST_COMPLETELY];
}

/**
 * tn_stats_goal_reached:
 * @stats: figures
 *
 * Returns: %TRUE when the 1s are at least as many as the goal
 */
gboolean
tn_stats_goal_reached (const TnStats *stats)
{
  g_return_val_if_fail (stats != NULL, FALSE);

  return (gint64) tn_stats_get_trusted (stats) >= stats->goal;
}

/**
 * tn_stats_get_one_on_one_share:
 * @stats: figures
 *
 * Returns: the share of the last 90 days' interactions that were one-on-one, 0 to 1;
 *   -1 when there were none
 */
double
tn_stats_get_one_on_one_share (const TnStats *stats)
{
  g_return_val_if_fail (stats != NULL, -1);

  if (stats->interactions_90d == 0)
    return -1;

  return (double) stats->one_on_one_90d / stats->interactions_90d;
}

/**
 * tn_stats_describe_trusted:
 * @trusted: the number of 1s
 * @goal: the trusted-contacts goal
 *
 * Returns: (transfer full): "17 of 20 people trust you completely", or that the goal is
 *   reached, as the dashboard and the contacts page say it
 */
char *
tn_stats_describe_trusted (guint trusted,
                           int   goal)
{
  if ((gint64) trusted >= goal)
    return g_strdup_printf (ngettext ("%u person trusts you completely: goal reached",
                                      "%u people trust you completely: goal reached",
                                      trusted),
                            trusted);

  return g_strdup_printf (ngettext ("%u of %d people trusts you completely",
                                    "%u of %d people trust you completely",
                                    trusted),
                          trusted, goal);
}
