/* tn-text-cell.c — one text of a row of the contacts table, drawn by one widget.
 *
 * GTK 4.8 makes a new row for every contact a search brings into view, up to 200 at a time,
 * and measures each. A GtkLabel shapes its text to be measured, and the Name column's
 * AdwAvatar is four widgets that change their style class for every name: most of such a
 * keystroke. This cell is as tall as a line of the font whatever its text, so nothing is
 * shaped until a row is drawn, and only the rows on screen are; a new text is only drawn
 * again. In the Name column it draws the initials in a circle as AdwAvatar does: the same
 * colours (libadwaita 1.2's avatar.color1 … color14), chosen from the name by the same
 * rule, so a person keeps the colour the contact pane's avatar shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-text-cell"

#include "config.h"

#include <string.h>

#include "tn-text-cell.h"

/* The avatar of the Name column, as the AdwAvatar it replaces: size 24, 10 px before the name. */
#define AVATAR_SIZE 24
#define AVATAR_SPACING 10

typedef struct
{
  GdkRGBA top;
  GdkRGBA bottom;
} AvatarColors;

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0f, ((hex) >> 8 & 0xff) / 255.0f, ((hex) & 0xff) / 255.0f, 1.0f }

/* libadwaita 1.2's style sheet: avatar.colorN { background-image: linear-gradient(top,
 * bottom); }, the same in the light and the dark style. Below 25 px the avatar is
 * "contrasted": white initials. */
static const AvatarColors avatar_colors[] = {
  { RGB (0x83b6ec), RGB (0x337fdc) },
  { RGB (0x7ad9f1), RGB (0x0f9ac8) },
  { RGB (0x8de6b1), RGB (0x29ae74) },
  { RGB (0xb5e98a), RGB (0x6ab85b) },
  { RGB (0xf8e359), RGB (0xd29d09) },
  { RGB (0xffcb62), RGB (0xd68400) },
  { RGB (0xffa95a), RGB (0xed5b00) },
  { RGB (0xf78773), RGB (0xe62d42) },
  { RGB (0xe973ab), RGB (0xe33b6a) },
  { RGB (0xcb78d4), RGB (0x9945b5) },
  { RGB (0x9e91e8), RGB (0x7a59ca) },
  { RGB (0xe3cf9c), RGB (0xb08952) },
  { RGB (0xbe916d), RGB (0x785336) },
  { RGB (0xc0bfbc), RGB (0x6e6d71) },
};

/* The grey one, for a cell without a name. */
#define NO_NAME_COLOR (G_N_ELEMENTS (avatar_colors) - 1)

struct _TnTextCell
{
  GtkWidget parent_instance;

  char *text;
  gboolean with_avatar;
  char *initials;
  guint avatar_color;
};

G_DEFINE_FINAL_TYPE (TnTextCell, tn_text_cell, GTK_TYPE_WIDGET)

/**
 * tn_text_cell_make_initials:
 * @name: a person's name
 *
 * As AdwAvatar shows them: the first letter of the name and the first of its last word,
 * upper case ("Bjørn O'Brien": "BO"; "Ana": "A").
 *
 * Returns: (transfer full): the initials, "" for a name without letters to show
 */
char *
tn_text_cell_make_initials (const char *name)
{
  g_autofree char *upper = NULL;
  g_autofree char *composed = NULL;
  const char *last_space;
  GString *initials = g_string_new (NULL);

  if (name == NULL)
    return g_string_free (initials, FALSE);

  upper = g_strstrip (g_utf8_strup (name, -1));
  composed = g_utf8_normalize (upper, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  if (composed == NULL || *composed == '\0')
    return g_string_free (initials, FALSE);

  g_string_append_unichar (initials, g_utf8_get_char (composed));
  last_space = strrchr (composed, ' ');
  if (last_space != NULL && last_space[1] != '\0')
    g_string_append_unichar (initials, g_utf8_get_char (last_space + 1));

  return g_string_free (initials, FALSE);
}

/**
 * tn_text_cell_pick_avatar_color:
 * @name: (nullable): a person's name
 *
 * AdwAvatar's rule, so that the list and the contact pane agree: the name's g_str_hash()
 * picks one of the fourteen colours.
 *
 * Returns: the colour's index, from 0 (libadwaita's avatar.color1) to 13
 */
guint
tn_text_cell_pick_avatar_color (const char *name)
{
  if (name == NULL || *name == '\0')
    return NO_NAME_COLOR;

  return g_str_hash (name) % G_N_ELEMENTS (avatar_colors);
}

/**
 * tn_cell_create_layout:
 * @cell: a cell in a row of a list
 * @text: (nullable): the text
 *
 * A layout in the font of the list the cell is in. Each widget's own Pango context is made
 * the first time it is asked for, a font look-up each; a row is made for every contact a
 * search brings into view, and its cells share the list's.
 *
 * Returns: (transfer full): a new layout
 */
PangoLayout *
tn_cell_create_layout (GtkWidget  *cell,
                       const char *text)
{
  GtkWidget *list = gtk_widget_get_ancestor (cell, GTK_TYPE_LIST_VIEW);

  return gtk_widget_create_pango_layout (list != NULL ? list : cell, text);
}

/* A line of the list's font, measured once per font. */
static int
line_height (GtkWidget *widget)
{
  static PangoContext *measured;
  static guint measured_serial;
  static int height;
  GtkWidget *list = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_VIEW);
  PangoContext *context = gtk_widget_get_pango_context (list != NULL ? list : widget);

  if (context != measured || pango_context_get_serial (context) != measured_serial)
    {
      PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);

      height = PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics));
      if (height <= 0)
        height = PANGO_PIXELS_CEIL (pango_font_metrics_get_ascent (metrics) + pango_font_metrics_get_descent (metrics));
      pango_font_metrics_unref (metrics);
      measured = context;
      measured_serial = pango_context_get_serial (context);
    }

  return height;
}

static void
tn_text_cell_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  TnTextCell *self = TN_TEXT_CELL (widget);

  /* The width is the column's: the text is cut short with an ellipsis where it must be. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = self->with_avatar ? AVATAR_SIZE + AVATAR_SPACING : 0;
  else
    *minimum = *natural = MAX (line_height (widget), self->with_avatar ? AVATAR_SIZE : 0);
}

/**
 * tn_cell_draw_layout:
 * @snapshot: where a cell draws itself
 * @layout: a text laid out
 * @x: where its left edge goes
 * @y: where its top goes
 * @color: in which colour
 */
void
tn_cell_draw_layout (GtkSnapshot   *snapshot,
                     PangoLayout   *layout,
                     float          x,
                     float          y,
                     const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* The initials in bold, as large as fits the square inside the circle less a margin that
 * grows with the size, as AdwAvatar sizes them. */
static void
draw_avatar (TnTextCell  *self,
             GtkSnapshot *snapshot,
             float        x,
             float        y)
{
  const AvatarColors *colors = &avatar_colors[self->avatar_color];
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (x, y, AVATAR_SIZE, AVATAR_SIZE);
  GskRoundedRect circle;
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontDescription *font;
  PangoRectangle extents;
  double inner = AVATAR_SIZE / G_SQRT2 - MAX (AVATAR_SIZE * 0.4 - 5, 0);
  double font_size;
  GskColorStop stops[] = { { 0, colors->top }, { 1, colors->bottom } };

  gsk_rounded_rect_init_from_rect (&circle, &bounds, AVATAR_SIZE / 2.0f);
  gtk_snapshot_push_rounded_clip (snapshot, &circle);
  gtk_snapshot_append_linear_gradient (snapshot, &bounds,
                                       &GRAPHENE_POINT_INIT (x, y), &GRAPHENE_POINT_INIT (x, y + AVATAR_SIZE),
                                       stops, G_N_ELEMENTS (stops));
  gtk_snapshot_pop (snapshot);

  if (*self->initials == '\0')
    return;

  layout = tn_cell_create_layout (GTK_WIDGET (self), self->initials);
  font = pango_font_description_copy (pango_context_get_font_description (pango_layout_get_context (layout)));
  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_get_pixel_extents (layout, NULL, &extents);
  if (extents.width > 0)
    {
      font_size = CLAMP (extents.height * inner / extents.width, 1, inner);
      pango_font_description_set_absolute_size (font, font_size * PANGO_SCALE);
      pango_layout_set_font_description (layout, font);
      pango_layout_get_pixel_extents (layout, NULL, &extents);
    }
  pango_font_description_free (font);

  tn_cell_draw_layout (snapshot, layout,
                       x + (AVATAR_SIZE - extents.width) / 2.0f - extents.x,
                       y + (AVATAR_SIZE - extents.height) / 2.0f - extents.y,
                       &(GdkRGBA) { 1, 1, 1, 1 });
}

static void
tn_text_cell_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  TnTextCell *self = TN_TEXT_CELL (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int text_start = 0;
  int text_width, text_height;
  g_autoptr(PangoLayout) layout = NULL;
  GdkRGBA color;

  if (self->with_avatar)
    {
      draw_avatar (self, snapshot, rtl ? width - AVATAR_SIZE : 0, (height - AVATAR_SIZE) / 2.0f);
      text_start = AVATAR_SIZE + AVATAR_SPACING;
    }

  if (self->text == NULL || *self->text == '\0' || width <= text_start)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  layout = tn_cell_create_layout (widget, self->text);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (layout, (width - text_start) * PANGO_SCALE);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  tn_cell_draw_layout (snapshot, layout,
                       rtl ? width - text_start - text_width : text_start,
                       (height - text_height) / 2.0f, &color);
}

static void
tn_text_cell_finalize (GObject *object)
{
  TnTextCell *self = TN_TEXT_CELL (object);

  g_free (self->text);
  g_free (self->initials);

  G_OBJECT_CLASS (tn_text_cell_parent_class)->finalize (object);
}

static void
tn_text_cell_class_init (TnTextCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = tn_text_cell_finalize;
  widget_class->measure = tn_text_cell_measure;
  widget_class->snapshot = tn_text_cell_snapshot;

  gtk_widget_class_set_css_name (widget_class, "textcell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
tn_text_cell_init (TnTextCell *self)
{
  self->initials = g_strdup ("");
  self->avatar_color = NO_NAME_COLOR;
}

/**
 * tn_text_cell_new:
 * @with_avatar: whether to draw the initials of the text, a name, before it
 *
 * Returns: (transfer full): a new cell
 */
GtkWidget *
tn_text_cell_new (gboolean with_avatar)
{
  TnTextCell *self = g_object_new (TN_TYPE_TEXT_CELL, NULL);

  self->with_avatar = !!with_avatar;
  return GTK_WIDGET (self);
}

/**
 * tn_text_cell_get_text:
 * @self: a cell
 *
 * Returns: (nullable): the text shown
 */
const char *
tn_text_cell_get_text (TnTextCell *self)
{
  g_return_val_if_fail (TN_IS_TEXT_CELL (self), NULL);

  return self->text;
}

/**
 * tn_text_cell_set_text:
 * @self: a cell
 * @text: (nullable): the text to show on one line; screen readers read it
 *
 * The same text again costs nothing; another is drawn in the next frame, and the size
 * stays the same.
 */
void
tn_text_cell_set_text (TnTextCell *self,
                       const char *text)
{
  g_return_if_fail (TN_IS_TEXT_CELL (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);

  if (self->with_avatar)
    {
      g_free (self->initials);
      self->initials = tn_text_cell_make_initials (text);
      self->avatar_color = tn_text_cell_pick_avatar_color (text);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text != NULL ? text : "", -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * tn_text_cell_get_initials:
 * @self: a cell
 *
 * Returns: the initials drawn in the avatar, "" without one
 */
const char *
tn_text_cell_get_initials (TnTextCell *self)
{
  g_return_val_if_fail (TN_IS_TEXT_CELL (self), NULL);

  return self->with_avatar ? self->initials : "";
}

/**
 * tn_text_cell_get_avatar_color:
 * @self: a cell
 *
 * Returns: the avatar's colour, as tn_text_cell_pick_avatar_color() gives it
 */
guint
tn_text_cell_get_avatar_color (TnTextCell *self)
{
  g_return_val_if_fail (TN_IS_TEXT_CELL (self), 0);

  return self->avatar_color;
}
