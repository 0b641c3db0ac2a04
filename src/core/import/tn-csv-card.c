/* tn-csv-card.c — one CSV row as the card a vCard file would have given: the same fields,
 * and a vCard 3.0 text of the row so that the contact keeps it and the export writes it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-csv"

#include "config.h"

#include <string.h>

#include <glib.h>

/* EDS's headers use GLib API deprecated since. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
#include <libebook-contacts/libebook-contacts.h>
G_GNUC_END_IGNORE_DEPRECATIONS

#include "tn-csv-private.h"

/* Google joins several values of one cell with this. */
#define VALUE_SEPARATOR " ::: "

/* What the fields of one row gather, in the row's order. */
typedef struct
{
  char *single[TN_CSV_N_COLUMNS]; /* the first non-empty cell of each column kind */
  GPtrArray *emails;
  GPtrArray *phones;
  GPtrArray *urls;
} RowFields;

static char *
trimmed_or_null (const char *text)
{
  char *copy = g_strstrip (g_strdup (text));

  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

/* Adds each value of @cell ("a ::: b") to @list. */
static void
add_values (GPtrArray  *list,
            const char *cell)
{
  g_auto(GStrv) values = g_strsplit (cell, VALUE_SEPARATOR, -1);

  for (guint i = 0; values[i] != NULL; i++)
    {
      char *value = trimmed_or_null (values[i]);

      if (value != NULL)
        g_ptr_array_add (list, value);
    }
}

static GStrv
list_end (GPtrArray *list,
          gboolean   null_when_empty)
{
  if (list->len == 0 && null_when_empty)
    {
      g_ptr_array_unref (list);
      return NULL;
    }

  g_ptr_array_add (list, NULL);
  return (GStrv) g_ptr_array_free (list, FALSE);
}

static void
gather (RowFields          *fields,
        const TnCsvColumn  *columns,
        guint               n_columns,
        const char * const *cells)
{
  for (guint i = 0; i < n_columns && cells[i] != NULL; i++)
    {
      TnCsvColumn column = columns[i];

      switch (column)
        {
        case TN_CSV_COLUMN_EMAIL:
          add_values (fields->emails, cells[i]);
          break;
        case TN_CSV_COLUMN_PHONE:
          add_values (fields->phones, cells[i]);
          break;
        case TN_CSV_COLUMN_URL:
          add_values (fields->urls, cells[i]);
          break;
        case TN_CSV_COLUMN_IGNORE:
        case TN_CSV_N_COLUMNS:
          break;
        case TN_CSV_COLUMN_FULL_NAME:
        case TN_CSV_COLUMN_GIVEN_NAME:
        case TN_CSV_COLUMN_MIDDLE_NAME:
        case TN_CSV_COLUMN_FAMILY_NAME:
        case TN_CSV_COLUMN_ORGANIZATION:
        case TN_CSV_COLUMN_TITLE:
        case TN_CSV_COLUMN_NOTE:
        case TN_CSV_COLUMN_BIRTHDAY:
        case TN_CSV_COLUMN_CONNECTED_ON:
        default:
          if (fields->single[column] == NULL)
            fields->single[column] = trimmed_or_null (cells[i]);
          break;
        }
    }
}

/* The full name column, else given, middle and family name, else the organization, else
 * the first email address, as a vCard without FN is read. */
static char *
full_name_of (RowFields *fields,
              GStrv      emails)
{
  const char *parts[] = {
    fields->single[TN_CSV_COLUMN_GIVEN_NAME],
    fields->single[TN_CSV_COLUMN_MIDDLE_NAME],
    fields->single[TN_CSV_COLUMN_FAMILY_NAME],
  };
  g_autoptr(GString) name = g_string_new (NULL);

  if (fields->single[TN_CSV_COLUMN_FULL_NAME] != NULL)
    return g_strdup (fields->single[TN_CSV_COLUMN_FULL_NAME]);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] == NULL)
        continue;
      if (name->len > 0)
        g_string_append_c (name, ' ');
      g_string_append (name, parts[i]);
    }
  if (name->len > 0)
    return g_string_free (g_steal_pointer (&name), FALSE);

  if (fields->single[TN_CSV_COLUMN_ORGANIZATION] != NULL)
    return g_strdup (fields->single[TN_CSV_COLUMN_ORGANIZATION]);

  return emails[0] != NULL ? g_strdup (emails[0]) : NULL;
}

static void
add_attribute (EVCard     *vcard,
               const char *name,
               const char *value)
{
  if (value != NULL)
    e_vcard_append_attribute_with_value (vcard, e_vcard_attribute_new (NULL, name), value);
}

static void
add_attributes (EVCard     *vcard,
                const char *name,
                GStrv       values)
{
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    add_attribute (vcard, name, values[i]);
}

/* The row as vCard 3.0, as a vCard file would have had it. */
static char *
card_to_vcard (const TnVcardCard *card)
{
  EVCard *vcard = e_vcard_new ();
  EVCardAttribute *n = e_vcard_attribute_new (NULL, EVC_N);
  char *text;

  add_attribute (vcard, EVC_FN, card->full_name);
  e_vcard_attribute_add_value (n, card->family_name != NULL ? card->family_name : "");
  e_vcard_attribute_add_value (n, card->given_name != NULL ? card->given_name : "");
  e_vcard_append_attribute (vcard, n);
  add_attribute (vcard, EVC_ORG, card->organization);
  add_attribute (vcard, EVC_TITLE, card->title);
  add_attributes (vcard, EVC_EMAIL, card->emails);
  add_attributes (vcard, EVC_TEL, card->phones);
  add_attributes (vcard, EVC_URL, card->urls);
  add_attribute (vcard, EVC_BDAY, card->birthday);
  add_attribute (vcard, EVC_NOTE, card->note);
  add_attribute (vcard, TN_VCARD_CONNECTED_ON_PROPERTY, card->connected_on);

  text = e_vcard_to_string (vcard, EVC_FORMAT_VCARD_30);
  g_object_unref (vcard);
  return text;
}

/**
 * _tn_csv_card_from_row:
 * @columns: (array length=n_columns): what each column holds
 * @n_columns: how many columns the header has
 * @format: the file's format, for how it writes dates
 * @cells: the row's cells
 * @line: the line the row starts on
 *
 * Returns: (transfer full) (nullable): the card, or %NULL when the row names nobody (no
 *   name, organization or email address)
 */
TnVcardCard *
_tn_csv_card_from_row (const TnCsvColumn  *columns,
                       guint               n_columns,
                       TnCsvFormat         format,
                       const char * const *cells,
                       guint               line)
{
  RowFields fields = { { NULL }, g_ptr_array_new (), g_ptr_array_new (), g_ptr_array_new () };
  g_autoptr(TnVcardCard) card = g_new0 (TnVcardCard, 1);

  gather (&fields, columns, n_columns, cells);

  card->line = line;
  card->emails = list_end (fields.emails, FALSE);
  card->full_name = full_name_of (&fields, card->emails);
  card->phones = list_end (fields.phones, FALSE);
  card->urls = list_end (fields.urls, TRUE);
  card->given_name = g_steal_pointer (&fields.single[TN_CSV_COLUMN_GIVEN_NAME]);
  card->family_name = g_steal_pointer (&fields.single[TN_CSV_COLUMN_FAMILY_NAME]);
  card->organization = g_steal_pointer (&fields.single[TN_CSV_COLUMN_ORGANIZATION]);
  card->title = g_steal_pointer (&fields.single[TN_CSV_COLUMN_TITLE]);
  card->note = g_steal_pointer (&fields.single[TN_CSV_COLUMN_NOTE]);
  card->birthday = tn_csv_us_date (fields.single[TN_CSV_COLUMN_BIRTHDAY]);
  card->connected_on = format == TN_CSV_FORMAT_LINKEDIN || format == TN_CSV_FORMAT_CHOSEN
                         ? tn_csv_linkedin_date (fields.single[TN_CSV_COLUMN_CONNECTED_ON])
                         : NULL;
  for (guint i = 0; i < TN_CSV_N_COLUMNS; i++)
    g_free (fields.single[i]);

  if (card->full_name == NULL)
    return NULL;

  card->vcard = card_to_vcard (card);
  return g_steal_pointer (&card);
}
