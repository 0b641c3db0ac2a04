/* tn-duplicate-pair.c — two contacts that may be one person, as the Possible Duplicates
 * window lists them, with what they have in common.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-duplicate-pair"

#include "config.h"

#include "tn-duplicate-pair.h"

struct _TnDuplicatePair
{
  GObject parent_instance;

  TnContact *first;
  TnContact *second;
  TnDuplicateHints hints;
};

G_DEFINE_FINAL_TYPE (TnDuplicatePair, tn_duplicate_pair, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FIRST,
  PROP_SECOND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tn_duplicate_pair_finalize (GObject *object)
{
  TnDuplicatePair *self = (TnDuplicatePair *) object;

  g_clear_object (&self->first);
  g_clear_object (&self->second);

  G_OBJECT_CLASS (tn_duplicate_pair_parent_class)->finalize (object);
}

static void
tn_duplicate_pair_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TnDuplicatePair *self = TN_DUPLICATE_PAIR (object);

  switch (prop_id)
    {
    case PROP_FIRST:
      g_value_set_object (value, self->first);
      break;
    case PROP_SECOND:
      g_value_set_object (value, self->second);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_duplicate_pair_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TnDuplicatePair *self = TN_DUPLICATE_PAIR (object);

  switch (prop_id)
    {
    case PROP_FIRST:
      self->first = g_value_dup_object (value);
      break;
    case PROP_SECOND:
      self->second = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_duplicate_pair_class_init (TnDuplicatePairClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tn_duplicate_pair_finalize;
  object_class->get_property = tn_duplicate_pair_get_property;
  object_class->set_property = tn_duplicate_pair_set_property;

  /**
   * TnDuplicatePair:first:
   *
   * The contact that was there first: a merge keeps it.
   */
  properties[PROP_FIRST] =
    g_param_spec_object ("first", NULL, NULL,
                         TN_TYPE_CONTACT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * TnDuplicatePair:second:
   *
   * The later contact with the same name: a merge folds it into the first.
   */
  properties[PROP_SECOND] =
    g_param_spec_object ("second", NULL, NULL,
                         TN_TYPE_CONTACT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tn_duplicate_pair_init (TnDuplicatePair *self)
{
}

/**
 * tn_duplicate_pair_new:
 * @first: the contact that was there first
 * @second: a later contact with the same name
 * @hints: what else they have in common
 *
 * Returns: (transfer full): a new pair
 */
TnDuplicatePair *
tn_duplicate_pair_new (TnContact        *first,
                       TnContact        *second,
                       TnDuplicateHints  hints)
{
  TnDuplicatePair *self;

  g_return_val_if_fail (TN_IS_CONTACT (first), NULL);
  g_return_val_if_fail (TN_IS_CONTACT (second), NULL);

  self = g_object_new (TN_TYPE_DUPLICATE_PAIR, "first", first, "second", second, NULL);
  self->hints = hints;
  return self;
}

TnContact *
tn_duplicate_pair_get_first (TnDuplicatePair *self)
{
  g_return_val_if_fail (TN_IS_DUPLICATE_PAIR (self), NULL);

  return self->first;
}

TnContact *
tn_duplicate_pair_get_second (TnDuplicatePair *self)
{
  g_return_val_if_fail (TN_IS_DUPLICATE_PAIR (self), NULL);

  return self->second;
}

/**
 * tn_duplicate_pair_get_hints:
 * @self: a pair
 *
 * Returns: what the two have in common besides the name
 */
TnDuplicateHints
tn_duplicate_pair_get_hints (TnDuplicatePair *self)
{
  g_return_val_if_fail (TN_IS_DUPLICATE_PAIR (self), TN_DUPLICATE_HINT_NONE);

  return self->hints;
}
