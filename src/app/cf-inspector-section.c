/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the claim inspector and each of its sections share: the "case" and "claim"
 * properties, following the claim's changes (its "notify", at once) and the case's
 * changes to related records (coalesced in an idle, since one edit may report many
 * rows), letting go of a claim that is deleted, and saving what is still being
 * typed before the claim changes. Subclasses only say what to show and to save. */
#define G_LOG_DOMAIN "casefile"

#include "config.h"

#include "cf-inspector-section.h"

typedef struct
{
  CfCase       *kase;
  CfClaim      *claim;
  GSignalGroup *case_signals;
  GSignalGroup *claim_signals;
  guint         refresh_id;
  guint         updating;
} CfInspectorSectionPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (CfInspectorSection, cf_inspector_section, GTK_TYPE_BOX)

enum
{
  PROP_0,
  PROP_CASE,
  PROP_CLAIM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
refresh (CfInspectorSection *self)
{
  CfInspectorSectionPrivate *priv = cf_inspector_section_get_instance_private (self);
  CfInspectorSectionClass *klass = CF_INSPECTOR_SECTION_GET_CLASS (self);

  g_clear_handle_id (&priv->refresh_id, g_source_remove);
  if (klass->refresh == NULL)
    return;

  priv->updating++;
  klass->refresh (self);
  priv->updating--;
}

static void
claim_notify_cb (CfInspectorSection *self)
{
  refresh (self);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  CfInspectorSection *self = data;
  CfInspectorSectionPrivate *priv = cf_inspector_section_get_instance_private (self);

  priv->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
record_changed_cb (CfCase             *kase,
                   CfRecordKind        kind,
                   gint64              id,
                   CfChange            change,
                   CfInspectorSection *self)
{
  CfInspectorSectionPrivate *priv = cf_inspector_section_get_instance_private (self);
  gboolean own_claim;

  if (priv->claim == NULL)
    return;

  own_claim = kind == CF_RECORD_CLAIM && id == cf_claim_get_id (priv->claim);
  if (own_claim && change == CF_CHANGE_DELETED)
    {
      cf_inspector_section_set_claim (self, NULL);
      return;
    }

  if ((own_claim || (CF_INSPECTOR_SECTION_GET_CLASS (self)->record_kinds & (1u << kind)) != 0) &&
      priv->refresh_id == 0)
    priv->refresh_id = g_idle_add (refresh_idle_cb, self);
}

CfCase *
cf_inspector_section_get_case (CfInspectorSection *self)
{
  CfInspectorSectionPrivate *priv = cf_inspector_section_get_instance_private (self);

  g_return_val_if_fail (CF_IS_INSPECTOR_SECTION (self), NULL);

  return priv->kase;
}

CfClaim *
cf_inspector_section_get_claim (CfInspectorSection *self)
{
  CfInspectorSectionPrivate *priv = cf_inspector_section_get_instance_private (self);

  g_return_val_if_fail (CF_IS_INSPECTOR_SECTION (self), NULL);

  return priv->claim;
}

gboolean
cf_inspector_section_is_updating (CfInspectorSection *self)
{
  CfInspectorSectionPrivate *priv = cf_inspector_section_get_instance_private (self);

  g_return_val_if_fail (CF_IS_INSPECTOR_SECTION (self), FALSE);

  return priv->updating > 0;
}

void
cf_inspector_section_commit (CfInspectorSection *self)
{
  CfInspectorSectionClass *klass;

  g_return_if_fail (CF_IS_INSPECTOR_SECTION (self));

  klass = CF_INSPECTOR_SECTION_GET_CLASS (self);
  if (klass->commit != NULL)
    klass->commit (self);
}

void
cf_inspector_section_set_claim (CfInspectorSection *self,
                                CfClaim            *claim)
{
  CfInspectorSectionPrivate *priv = cf_inspector_section_get_instance_private (self);
  CfInspectorSectionClass *klass;

  g_return_if_fail (CF_IS_INSPECTOR_SECTION (self));
  g_return_if_fail (claim == NULL || CF_IS_CLAIM (claim));

  if (priv->claim == claim)
    return;

  /* What was typed belongs to the claim it was typed for. */
  cf_inspector_section_commit (self);

  g_set_object (&priv->claim, claim);
  g_signal_group_set_target (priv->claim_signals, claim);

  klass = CF_INSPECTOR_SECTION_GET_CLASS (self);
  if (klass->claim_changed != NULL)
    {
      priv->updating++;
      klass->claim_changed (self);
      priv->updating--;
    }
  refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLAIM]);
}

void
cf_inspector_section_set_case (CfInspectorSection *self,
                               CfCase             *kase)
{
  CfInspectorSectionPrivate *priv = cf_inspector_section_get_instance_private (self);
  CfInspectorSectionClass *klass;

  g_return_if_fail (CF_IS_INSPECTOR_SECTION (self));
  g_return_if_fail (kase == NULL || CF_IS_CASE (kase));

  if (priv->kase == kase)
    return;

  cf_inspector_section_set_claim (self, NULL);
  g_set_object (&priv->kase, kase);
  g_signal_group_set_target (priv->case_signals, kase);

  klass = CF_INSPECTOR_SECTION_GET_CLASS (self);
  if (klass->case_changed != NULL)
    klass->case_changed (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
}

static void
cf_inspector_section_dispose (GObject *object)
{
  CfInspectorSection *self = CF_INSPECTOR_SECTION (object);
  CfInspectorSectionPrivate *priv = cf_inspector_section_get_instance_private (self);

  g_clear_handle_id (&priv->refresh_id, g_source_remove);
  if (priv->claim_signals != NULL)
    g_signal_group_set_target (priv->claim_signals, NULL);
  if (priv->case_signals != NULL)
    g_signal_group_set_target (priv->case_signals, NULL);
  g_clear_object (&priv->claim_signals);
  g_clear_object (&priv->case_signals);
  g_clear_object (&priv->claim);
  g_clear_object (&priv->kase);

  G_OBJECT_CLASS (cf_inspector_section_parent_class)->dispose (object);
}

static void
cf_inspector_section_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CfInspectorSection *self = CF_INSPECTOR_SECTION (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, cf_inspector_section_get_case (self));
      break;

    case PROP_CLAIM:
      g_value_set_object (value, cf_inspector_section_get_claim (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_inspector_section_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CfInspectorSection *self = CF_INSPECTOR_SECTION (object);

  switch (prop_id)
    {
    case PROP_CASE:
      cf_inspector_section_set_case (self, g_value_get_object (value));
      break;

    case PROP_CLAIM:
      cf_inspector_section_set_claim (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_inspector_section_class_init (CfInspectorSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cf_inspector_section_dispose;
  object_class->get_property = cf_inspector_section_get_property;
  object_class->set_property = cf_inspector_section_set_property;

  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, CF_TYPE_CASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLAIM] =
    g_param_spec_object ("claim", NULL, NULL, CF_TYPE_CLAIM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cf_inspector_section_init (CfInspectorSection *self)
{
  CfInspectorSectionPrivate *priv = cf_inspector_section_get_instance_private (self);

  priv->claim_signals = g_signal_group_new (CF_TYPE_CLAIM);
  g_signal_group_connect_swapped (priv->claim_signals, "notify", G_CALLBACK (claim_notify_cb), self);
  priv->case_signals = g_signal_group_new (CF_TYPE_CASE);
  g_signal_group_connect (priv->case_signals, "record-changed", G_CALLBACK (record_changed_cb), self);
}
