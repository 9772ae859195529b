/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The timeline pane: reads the dated claims, the documents' dates and the checks from
 * the case (again at idle after each change), puts each claim in its lane (actor,
 * source, tag, or every hypothesis it bears on) and hands them to the view. A click on
 * a mark selects the claim everywhere through "selected-claim"; a shift-drag span
 * filters the window's claims list until it is cleared. */
#define G_LOG_DOMAIN "casefile"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-app-util.h"
#include "cf-case-ach.h"
#include "cf-case-timeline.h"
#include "cf-claims-pane.h"
#include "cf-hypothesis.h"
#include "cf-paged-list.h"
#include "cf-timeline-pane.h"
#include "cf-window.h"

struct _CfTimelinePane
{
  GtkBox          parent_instance;

  CfCase         *kase;
  CfClaim        *selected_claim;
  GSignalGroup   *case_signals;
  guint           reload_id;

  GtkDropDown    *lanes;
  CfTimelineView *view;
  GtkLabel       *span_label;
  GtkButton      *clear_span;
  GtkExpander    *checks_expander;
  GtkListBox     *checks_list;
  guint           n_checks;
};

G_DEFINE_FINAL_TYPE (CfTimelinePane, cf_timeline_pane, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_CASE,
  PROP_SELECTED_CLAIM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* the dropdown's order */
static const CfTimelineLane lane_choices[] = {
  CF_TIMELINE_LANE_NONE, CF_TIMELINE_LANE_ACTOR, CF_TIMELINE_LANE_SOURCE, CF_TIMELINE_LANE_TAG,
  CF_TIMELINE_LANE_HYPOTHESIS,
};

/* A lane per hypothesis: a claim is placed on the lane of every hypothesis it bears on
 * (rated consistent, neutral or inconsistent in the ACH matrix; not "not applicable"),
 * and on "No hypothesis" when it bears on none. The relations come from one build of the matrix, not a query per
 * claim. */
static gboolean
hypothesis_placements (CfTimelinePane *self,
                       GPtrArray      *entries,
                       GPtrArray      *names,
                       GArray         *entry_of,
                       GArray         *lane_of,
                       GError        **error)
{
  g_autoptr(CfAchMatrix) matrix = cf_case_build_ach (self->kase, error);
  g_autoptr(GHashTable) rows = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint n_hypotheses, unrelated;

  if (matrix == NULL)
    return FALSE;
  n_hypotheses = matrix->hypotheses->len;
  for (guint h = 0; h < n_hypotheses; h++)
    {
      const CfAchHypothesis *hypothesis = g_ptr_array_index (matrix->hypotheses, h);

      g_ptr_array_add (names, g_strdup (hypothesis->title != NULL ? hypothesis->title : ""));
    }
  unrelated = names->len;
  g_ptr_array_add (names, g_strdup (n_hypotheses > 0 ? _("No hypothesis") : _("No hypotheses")));

  for (guint r = 0; r < matrix->rows->len; r++)
    {
      CfAchRow *row = g_ptr_array_index (matrix->rows, r);

      g_hash_table_insert (rows, &row->claim_id, row);
    }
  for (guint i = 0; i < entries->len; i++)
    {
      const CfTimelineEntry *e = g_ptr_array_index (entries, i);
      const CfAchRow *row = g_hash_table_lookup (rows, &e->claim_id);
      gboolean placed = FALSE;

      for (guint h = 0; row != NULL && h < n_hypotheses; h++)
        if (row->ratings[h] != CF_RELATION_NONE && row->ratings[h] != CF_RELATION_NOT_APPLICABLE)
          {
            g_array_append_val (entry_of, i);
            g_array_append_val (lane_of, h);
            placed = TRUE;
          }
      if (!placed)
        {
          g_array_append_val (entry_of, i);
          g_array_append_val (lane_of, unrelated);
        }
    }
  return TRUE;
}

static void
add_check_row (CfTimelinePane          *self,
               const CfTimelineFinding *finding)
{
  GtkWidget *label = gtk_label_new (finding->message);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 8);
  gtk_widget_set_margin_end (label, 8);
  gtk_widget_set_margin_top (label, 4);
  gtk_widget_set_margin_bottom (label, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  g_object_set_data (G_OBJECT (row), "cf-claim-id", GSIZE_TO_POINTER ((gsize) finding->claim_id));
  gtk_list_box_append (self->checks_list, row);
}

static void add_checks (CfTimelinePane *self,
                        GPtrArray      *findings);

void
cf_timeline_pane_reload (CfTimelinePane *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint *lane_of = NULL;
  CfTimelineLane lane;
  GtkWidget *child;

  g_return_if_fail (CF_IS_TIMELINE_PANE (self));

  g_clear_handle_id (&self->reload_id, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->checks_list))) != NULL)
    gtk_list_box_remove (self->checks_list, child);
  self->n_checks = 0;
  if (self->kase == NULL)
    {
      cf_timeline_view_set_entries (self->view, NULL, NULL, NULL, NULL);
      return;
    }

  entries = cf_case_list_timeline (self->kase, &error);
  if (entries != NULL)
    documents = cf_case_list_document_times (self->kase, &error);
  if (documents != NULL)
    findings = cf_case_check_timeline (self->kase, &error);
  if (findings == NULL)
    {
      cf_show_error (GTK_WIDGET (self), _("Could Not Read the Timeline"), error);
      return;
    }
  zone = cf_case_get_time_zone (self->kase);
  cf_timeline_view_set_time_zone (self->view, zone);

  lane = lane_choices[MIN (gtk_drop_down_get_selected (self->lanes), G_N_ELEMENTS (lane_choices) - 1)];
  if (lane == CF_TIMELINE_LANE_HYPOTHESIS)
    {
      g_autoptr(GArray) placed_entry = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GArray) placed_lane = g_array_new (FALSE, FALSE, sizeof (guint));

      if (!hypothesis_placements (self, entries, names, placed_entry, placed_lane, &error))
        {
          cf_show_error (GTK_WIDGET (self), _("Could Not Read the Timeline"), error);
          return;
        }
      g_ptr_array_add (names, NULL);
      cf_timeline_view_set_placements (self->view, entries, documents, (const char * const *) names->pdata,
                                       (const guint *) (gpointer) placed_entry->data,
                                       (const guint *) (gpointer) placed_lane->data, placed_entry->len);
      add_checks (self, findings);
      return;
    }
  lane_of = g_new0 (guint, MAX (1, entries->len));
  if (lane != CF_TIMELINE_LANE_NONE)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      /* lanes in the order their first claim happened */
      for (guint i = 0; i < entries->len; i++)
        {
          char *name = cf_timeline_entry_get_lane (g_ptr_array_index (entries, i), lane);
          gpointer found;

          if (g_hash_table_lookup_extended (seen, name, NULL, &found))
            {
              lane_of[i] = GPOINTER_TO_UINT (found);
              g_free (name);
              continue;
            }
          /* a case with hundreds of actors keeps the view readable */
          if (names->len >= 40)
            {
              lane_of[i] = 39;
              g_free (name);
              continue;
            }
          lane_of[i] = names->len;
          g_hash_table_insert (seen, name, GUINT_TO_POINTER (names->len));
          g_ptr_array_add (names, name);
        }
    }
  g_ptr_array_add (names, NULL);
  cf_timeline_view_set_entries (self->view, entries, documents, (const char * const *) names->pdata, lane_of);
  add_checks (self, findings);
}

static void
add_checks (CfTimelinePane *self,
            GPtrArray      *findings)
{
  g_autofree char *heading = NULL;

  for (guint i = 0; i < findings->len; i++)
    add_check_row (self, g_ptr_array_index (findings, i));
  self->n_checks = findings->len;
  heading = findings->len > 0
            ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Check Finding", "%u Check Findings", findings->len),
                               findings->len)
            : g_strdup (_("No Check Findings"));
  gtk_expander_set_label (self->checks_expander, heading);
  gtk_widget_set_sensitive (GTK_WIDGET (self->checks_expander), findings->len > 0);
}

static gboolean
reload_idle_cb (gpointer data)
{
  CfTimelinePane *self = data;

  self->reload_id = 0;
  cf_timeline_pane_reload (self);
  return G_SOURCE_REMOVE;
}

static void
records_changed_cb (CfTimelinePane *self,
                    guint           kinds)
{
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_idle_cb, self);
}

static void
set_case (CfTimelinePane *self,
          CfCase         *kase)
{
  if (!g_set_object (&self->kase, kase))
    return;
  g_signal_group_set_target (self->case_signals, kase);
  cf_timeline_view_clear_span (self->view);
  cf_timeline_pane_reload (self);
  cf_timeline_view_zoom_to_fit (self->view);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
}

static void
set_selected_claim (CfTimelinePane *self,
                    CfClaim        *claim)
{
  if (!g_set_object (&self->selected_claim, claim))
    return;
  cf_timeline_view_set_selected (self->view, claim != NULL ? cf_claim_get_id (claim) : 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_CLAIM]);
}

static void
claim_activated_cb (CfTimelinePane *self,
                    gint64          claim_id)
{
  g_autoptr(CfClaim) claim = NULL;

  if (self->kase != NULL)
    claim = cf_case_get_claim (self->kase, claim_id, NULL);
  if (claim != NULL)
    set_selected_claim (self, claim);
}

static void
span_changed_cb (CfTimelinePane *self)
{
  gint64 from, to;

  if (cf_timeline_view_get_span (self->view, &from, &to))
    {
      g_autoptr(GDateTime) a = g_date_time_new_from_unix_utc (from);
      g_autoptr(GDateTime) b = g_date_time_new_from_unix_utc (to);
      g_autofree char *ta = a ? g_date_time_format (a, "%Y-%m-%d %H:%M") : g_strdup ("");
      g_autofree char *tb = b ? g_date_time_format (b, "%Y-%m-%d %H:%M") : g_strdup ("");
      /* Translators: the claims list shows only claims in this span (UTC) */
      g_autofree char *text = g_strdup_printf (_("Claims list filtered to %s – %s UTC"), ta, tb);

      gtk_label_set_text (self->span_label, text);
    }
  else
    gtk_label_set_text (self->span_label, _("Shift-drag across the timeline to filter the claims list"));
  gtk_widget_set_visible (GTK_WIDGET (self->clear_span), cf_timeline_view_get_span (self->view, NULL, NULL));
}

static void
check_row_activated_cb (CfTimelinePane *self,
                        GtkListBoxRow  *row)
{
  claim_activated_cb (self, (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "cf-claim-id")));
}

static void
clear_span_clicked_cb (CfTimelinePane *self)
{
  cf_timeline_view_clear_span (self->view);
}

static void
fit_clicked_cb (CfTimelinePane *self)
{
  cf_timeline_view_zoom_to_fit (self->view);
}

static void
lanes_changed_cb (CfTimelinePane *self)
{
  cf_timeline_pane_reload (self);
}

static void
cf_timeline_pane_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CfTimelinePane *self = CF_TIMELINE_PANE (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->kase);
      break;
    case PROP_SELECTED_CLAIM:
      g_value_set_object (value, self->selected_claim);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_timeline_pane_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CfTimelinePane *self = CF_TIMELINE_PANE (object);

  switch (prop_id)
    {
    case PROP_CASE:
      set_case (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_CLAIM:
      set_selected_claim (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_timeline_pane_dispose (GObject *object)
{
  CfTimelinePane *self = CF_TIMELINE_PANE (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->case_signals != NULL)
    g_signal_group_set_target (self->case_signals, NULL);
  g_clear_object (&self->case_signals);
  g_clear_object (&self->kase);
  g_clear_object (&self->selected_claim);

  G_OBJECT_CLASS (cf_timeline_pane_parent_class)->dispose (object);
}

static void
cf_timeline_pane_class_init (CfTimelinePaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = cf_timeline_pane_get_property;
  object_class->set_property = cf_timeline_pane_set_property;
  object_class->dispose = cf_timeline_pane_dispose;

  properties[PROP_CASE] = g_param_spec_object ("case", NULL, NULL, CF_TYPE_CASE,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_CLAIM] = g_param_spec_object ("selected-claim", NULL, NULL, CF_TYPE_CLAIM,
                                                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                         G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cf_timeline_pane_init (CfTimelinePane *self)
{
  const char *lane_names[] = { _("No Lanes"), _("By Actor"), _("By Source"), _("By Tag"),
                               _("By Hypothesis"), NULL };
  GtkWidget *bar, *fit, *scrolled;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);

  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (bar, 8);
  gtk_widget_set_margin_end (bar, 8);
  gtk_widget_set_margin_top (bar, 6);
  self->lanes = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (lane_names));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->lanes), _("Group the claims in lanes"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->lanes), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Lanes"), -1);
  g_signal_connect_swapped (self->lanes, "notify::selected", G_CALLBACK (lanes_changed_cb), self);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->lanes));
  fit = gtk_button_new_with_mnemonic (_("Show _All"));
  gtk_widget_set_tooltip_text (fit, _("Zoom to show every dated claim (Home)"));
  g_signal_connect_swapped (fit, "clicked", G_CALLBACK (fit_clicked_cb), self);
  gtk_box_append (GTK_BOX (bar), fit);
  self->span_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->span_label, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (self->span_label), TRUE);
  gtk_label_set_xalign (self->span_label, 1);
  gtk_widget_add_css_class (GTK_WIDGET (self->span_label), "dim-label");
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->span_label));
  self->clear_span = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Clear Filter")));
  g_signal_connect_swapped (self->clear_span, "clicked", G_CALLBACK (clear_span_clicked_cb), self);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->clear_span));
  gtk_box_append (GTK_BOX (self), bar);

  self->view = CF_TIMELINE_VIEW (cf_timeline_view_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->view), TRUE);
  g_signal_connect_swapped (self->view, "claim-activated", G_CALLBACK (claim_activated_cb), self);
  g_signal_connect_swapped (self->view, "span-changed", G_CALLBACK (span_changed_cb), self);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->view));
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (self), scrolled);

  self->checks_expander = GTK_EXPANDER (gtk_expander_new (_("No Check Findings")));
  gtk_widget_set_margin_start (GTK_WIDGET (self->checks_expander), 8);
  gtk_widget_set_margin_end (GTK_WIDGET (self->checks_expander), 8);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->checks_expander), 6);
  self->checks_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->checks_list), "boxed-list");
  g_signal_connect_swapped (self->checks_list, "row-activated", G_CALLBACK (check_row_activated_cb), self);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 180);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->checks_list));
  gtk_expander_set_child (self->checks_expander, scrolled);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->checks_expander));

  self->case_signals = g_signal_group_new (CF_TYPE_CASE);
  g_signal_group_connect_swapped (self->case_signals, "records-changed", G_CALLBACK (records_changed_cb), self);
  span_changed_cb (self);
}

GtkWidget *
cf_timeline_pane_new (void)
{
  return g_object_new (CF_TYPE_TIMELINE_PANE, NULL);
}

CfTimelineView *
cf_timeline_pane_get_view (CfTimelinePane *self)
{
  g_return_val_if_fail (CF_IS_TIMELINE_PANE (self), NULL);
  return self->view;
}

GtkDropDown *
cf_timeline_pane_get_lanes (CfTimelinePane *self)
{
  g_return_val_if_fail (CF_IS_TIMELINE_PANE (self), NULL);
  return self->lanes;
}

guint
cf_timeline_pane_get_n_checks (CfTimelinePane *self)
{
  g_return_val_if_fail (CF_IS_TIMELINE_PANE (self), 0);
  return self->n_checks;
}

/* --- a window of its own, linked to the case window ------------------------------------ */

static void
filter_claims_list_cb (CfTimelineView *view,
                       CfWindow       *parent)
{
  GtkWidget *claims = cf_window_get_pane (parent, "claims");
  GListModel *model = claims != NULL ? cf_claims_pane_get_model (CF_CLAIMS_PANE (claims)) : NULL;
  gint64 from = 0, to = 0;

  if (model == NULL || !CF_IS_PAGED_LIST (model))
    return;
  cf_timeline_view_get_span (view, &from, &to);
  cf_paged_list_set_event_range (CF_PAGED_LIST (model), from, to);
}

static void
timeline_window_destroyed_cb (GtkWidget *window,
                              GtkWindow *parent)
{
  GtkWidget *claims = cf_window_get_pane (CF_WINDOW (parent), "claims");
  GListModel *model = claims != NULL ? cf_claims_pane_get_model (CF_CLAIMS_PANE (claims)) : NULL;

  /* the claims list is not left filtered by a span no longer shown (the view is gone
   * by now, so the list is told directly) */
  if (model != NULL && CF_IS_PAGED_LIST (model))
    cf_paged_list_set_event_range (CF_PAGED_LIST (model), 0, 0);
}

CfTimelinePane *
cf_timeline_pane_present (GtkWindow *parent)
{
  CfTimelinePane *pane;
  GtkWindow *window;

  g_return_val_if_fail (CF_IS_WINDOW (parent), NULL);

  pane = CF_TIMELINE_PANE (cf_pane_window_lookup (parent, "cf-timeline-pane"));
  if (pane != NULL)
    return pane;
  pane = CF_TIMELINE_PANE (cf_timeline_pane_new ());
  window = cf_pane_window_new (parent, "cf-timeline-pane", GTK_WIDGET (pane), _("Timeline"), 1100, 520);
  g_signal_connect_object (pane->view, "span-changed", G_CALLBACK (filter_claims_list_cb), parent, 0);
  g_signal_connect_object (window, "destroy", G_CALLBACK (timeline_window_destroyed_cb), parent, 0);
  gtk_window_present (window);
  return pane;
}
