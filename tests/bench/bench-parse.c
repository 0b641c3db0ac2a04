/* bench-parse.c — the reference for issue 3's speed goal: the least a program must do to
 * read a .vcf file with EVCard. Splits at BEGIN:VCARD, parses each card, reads FN and EMAIL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-parse FILE.vcf
 * Prints one line: milliseconds (read + split + parse), cards, emails, peak RSS.
 */
#define G_LOG_DOMAIN "bench-parse"

#include "config.h"

#include <string.h>
#include <sys/resource.h>

#include <glib.h>

/* EDS 3.46's headers use GTimeVal, deprecated since GLib 2.62. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
#include <libebook-contacts/libebook-contacts.h>
G_GNUC_END_IGNORE_DEPRECATIONS

/* EDS 3.46 declares no g_autoptr() support for its types. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EVCard, g_object_unref)

static gboolean
is_begin_line (const char *p,
               const char *end)
{
  return end - p >= 11 && g_ascii_strncasecmp (p, "BEGIN:VCARD", 11) == 0;
}

/* Parses the card in [start, end) and reads FN and every EMAIL, as any importer must. */
static guint
parse_card (char *start,
            char *end,
            guint *n_emails)
{
  g_autoptr(EVCard) vcard = NULL;
  EVCardAttribute *fn;
  guint found = 0;
  char saved = *end;

  /* Terminate the card in place so that EVCard's own copy is the only one. */
  *end = '\0';
  vcard = e_vcard_new_from_string (start);
  *end = saved;

  fn = e_vcard_get_attribute (vcard, EVC_FN);
  if (fn != NULL && e_vcard_attribute_get_values (fn) != NULL)
    found = 1;

  for (GList *l = e_vcard_get_attributes (vcard); l != NULL; l = l->next)
    {
      EVCardAttribute *attr = l->data;

      if (g_ascii_strcasecmp (e_vcard_attribute_get_name (attr), EVC_EMAIL) == 0 &&
          e_vcard_attribute_get_values (attr) != NULL)
        (*n_emails)++;
    }

  return found;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  gint64 started;
  gsize length;
  char *card = NULL;
  char *p, *end;
  guint n_cards = 0, n_named = 0, n_emails = 0;

  if (argc != 2)
    {
      g_printerr ("Usage: %s FILE.vcf\n", argv[0]);
      return 2;
    }

  started = g_get_monotonic_time ();

  if (!g_file_get_contents (argv[1], &contents, &length, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  end = contents + length;
  for (p = contents; p < end;)
    {
      char *eol = memchr (p, '\n', end - p);
      char *next = eol != NULL ? eol + 1 : end;

      if (is_begin_line (p, end))
        {
          if (card != NULL)
            {
              n_named += parse_card (card, p, &n_emails);
              n_cards++;
            }
          card = p;
        }
      p = next;
    }
  if (card != NULL)
    {
      n_named += parse_card (card, end, &n_emails);
      n_cards++;
    }

  getrusage (RUSAGE_SELF, &usage);
  g_print ("bench-parse: %.0f ms, %u cards (%u with FN), %u emails, peak RSS %ld MiB\n",
           (g_get_monotonic_time () - started) / 1000.0,
           n_cards, n_named, n_emails, usage.ru_maxrss / 1024);

  return 0;
}
