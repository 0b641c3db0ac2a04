/* tn-csv-mapping-dialog.c — a CSV file TrustNet does not know (not LinkedIn, Google or
 * Outlook): each column with its first values and a drop-down of what it may hold, guessed
 * from its name. Import is possible once a column names the person.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-csv-mapping-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-csv-mapping-dialog.h"

/* How many values of each column are shown. */
#define N_SAMPLES 3

struct _TnCsvMappingDialog
{
  AdwWindow parent_instance;

  /* Template Widgets */
  AdwPreferencesGroup *columns_group;
  GtkWidget *import_button;

  /* Owned References */
  TnCsvColumn *columns;
  GPtrArray *rows; /* of AdwComboRow, one per column */
  guint n_columns;
};

G_DEFINE_FINAL_TYPE (TnCsvMappingDialog, tn_csv_mapping_dialog, ADW_TYPE_WINDOW)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A column that says who the row is: without one, every row would be skipped. */
static gboolean
names_someone (TnCsvColumn column)
{
  return column == TN_CSV_COLUMN_FULL_NAME || column == TN_CSV_COLUMN_GIVEN_NAME ||
         column == TN_CSV_COLUMN_FAMILY_NAME || column == TN_CSV_COLUMN_ORGANIZATION ||
         column == TN_CSV_COLUMN_EMAIL;
}

/**
 * tn_csv_mapping_dialog_can_import:
 * @self: a dialog
 *
 * Returns: whether a column names the person (a name, organization or email address)
 */
gboolean
tn_csv_mapping_dialog_can_import (TnCsvMappingDialog *self)
{
  g_return_val_if_fail (TN_IS_CSV_MAPPING_DIALOG (self), FALSE);

  for (guint i = 0; i < self->n_columns; i++)
    {
      if (names_someone (self->columns[i]))
        return TRUE;
    }

  return FALSE;
}

static void
on_column_selected_cb (AdwComboRow        *row,
                       GParamSpec         *pspec,
                       TnCsvMappingDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));

  self->columns[index] = (TnCsvColumn) adw_combo_row_get_selected (row);
  gtk_widget_set_sensitive (self->import_button, tn_csv_mapping_dialog_can_import (self));
}

static void
on_import_clicked_cb (TnCsvMappingDialog *self)
{
  tn_csv_mapping_dialog_choose (self);
}

/**
 * tn_csv_mapping_dialog_choose:
 * @self: a dialog
 *
 * What Import does: emits ::chosen with the columns as they are set, and closes.
 */
void
tn_csv_mapping_dialog_choose (TnCsvMappingDialog *self)
{
  g_return_if_fail (TN_IS_CSV_MAPPING_DIALOG (self));

  if (!tn_csv_mapping_dialog_can_import (self))
    return;

  g_signal_emit (self, signals[CHOSEN], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

/**
 * tn_csv_mapping_dialog_get_columns:
 * @self: a dialog
 * @n_columns: (out): how many columns there are
 *
 * Returns: (array length=n_columns) (transfer none): what each column holds, as chosen
 */
const TnCsvColumn *
tn_csv_mapping_dialog_get_columns (TnCsvMappingDialog *self,
                                   guint              *n_columns)
{
  g_return_val_if_fail (TN_IS_CSV_MAPPING_DIALOG (self), NULL);
  g_return_val_if_fail (n_columns != NULL, NULL);

  *n_columns = self->n_columns;
  return self->columns;
}

/**
 * tn_csv_mapping_dialog_set_column:
 * @self: a dialog
 * @index: a column
 * @column: what it holds
 *
 * Sets the column's drop-down, as the person would.
 */
void
tn_csv_mapping_dialog_set_column (TnCsvMappingDialog *self,
                                  guint               index,
                                  TnCsvColumn         column)
{
  g_return_if_fail (TN_IS_CSV_MAPPING_DIALOG (self));
  g_return_if_fail (index < self->n_columns);
  g_return_if_fail ((guint) column < TN_CSV_N_COLUMNS);

  adw_combo_row_set_selected (g_ptr_array_index (self->rows, index), column);
}

/* The first values of column @index, for the row's subtitle. */
static char *
describe_samples (const TnCsvPreview *preview,
                  guint               index)
{
  g_autoptr(GString) samples = g_string_new (NULL);

  for (guint i = 0; i < preview->rows->len && i < N_SAMPLES; i++)
    {
      GStrv row = g_ptr_array_index (preview->rows, i);
      g_autofree char *value = NULL;

      if (index >= g_strv_length (row))
        continue;
      value = g_strstrip (g_strdup (row[index]));
      if (*value == '\0')
        continue;
      if (samples->len > 0)
        g_string_append (samples, ", ");
      g_string_append (samples, value);
    }

  if (samples->len == 0)
    return g_strdup (_("Empty in the first rows"));
  return g_string_free (g_steal_pointer (&samples), FALSE);
}

static GtkStringList *
new_column_labels (void)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < TN_CSV_N_COLUMNS; i++)
    gtk_string_list_append (labels, tn_csv_column_label (i));

  return labels;
}

/**
 * tn_csv_mapping_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @file_name: the file's name, for the title
 * @preview: the file's header and first rows (see tn_csv_preview_file())
 *
 * Returns: (transfer none): the dialog, not shown yet
 */
TnCsvMappingDialog *
tn_csv_mapping_dialog_new (GtkWindow          *parent,
                           const char         *file_name,
                           const TnCsvPreview *preview)
{
  TnCsvMappingDialog *self;
  g_autoptr(GtkStringList) labels = new_column_labels ();
  g_autofree char *title = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (file_name != NULL, NULL);
  g_return_val_if_fail (preview != NULL, NULL);

  self = g_object_new (TN_TYPE_CSV_MAPPING_DIALOG, "transient-for", parent, NULL);
  /* TRANSLATORS: %s is a file's name */
  title = g_strdup_printf (_("What Does “%s” Hold?"), file_name);
  adw_preferences_group_set_title (self->columns_group, title);

  self->n_columns = preview->n_columns;
  self->columns = g_memdup2 (preview->columns, preview->n_columns * sizeof *preview->columns);
  for (guint i = 0; i < preview->n_columns; i++)
    {
      GtkWidget *row = adw_combo_row_new ();
      g_autofree char *samples = describe_samples (preview, i);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), preview->header[i]);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), samples);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), preview->columns[i]);
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (i));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_column_selected_cb), self, 0);
      adw_preferences_group_add (self->columns_group, row);
      g_ptr_array_add (self->rows, row);
    }

  gtk_widget_set_sensitive (self->import_button, tn_csv_mapping_dialog_can_import (self));
  return self;
}

static void
tn_csv_mapping_dialog_finalize (GObject *object)
{
  TnCsvMappingDialog *self = TN_CSV_MAPPING_DIALOG (object);

  g_clear_pointer (&self->columns, g_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (tn_csv_mapping_dialog_parent_class)->finalize (object);
}

static void
tn_csv_mapping_dialog_class_init (TnCsvMappingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = tn_csv_mapping_dialog_finalize;

  /**
   * TnCsvMappingDialog::chosen:
   *
   * The person chose the columns and pressed Import; read them with
   * tn_csv_mapping_dialog_get_columns(). Closing the dialog otherwise emits nothing.
   */
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/TrustNet/ui/tn-csv-mapping-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TnCsvMappingDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, TnCsvMappingDialog, import_button);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tn_csv_mapping_dialog_init (TnCsvMappingDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}
