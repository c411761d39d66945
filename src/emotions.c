/* emotions.c - the emotions view: gathers the points (steps, else the stages' emotions) and
 * their stage bands, then stacks title, stage headers, the plot, the step row and thoughts. */
#include "emotions_int.h"
#include "valence.h"
#include <math.h>
#include <string.h>

/* The page, top to bottom:
 *
 *   margin
 *   Title / Subtitle                              common title and subtitle fonts
 *   header-gap
 *   (A) Alice  (B) Bob                            actors, when steps name them; header-gap
 *            [ Awareness ][ Evaluation ][ Onboarding      ]   stage headers, one per band
 *            :           :             :                  :
 *   scale    :  label    :             :   label          :   band bodies (alternating tints)
 *   +2 ......:..(😊)....:.............:..................:   grid at each whole score
 *            : /     \   :   label     :                  :
 *    0 ------/-------\--:-----(😐)----:------------------:   baseline, areas tinted above/below
 *            :        \__:___/         :                  :
 *   -2 ......:...........:.............:..................:
 *            :  1     2  :  3     4    :   5      6       :   step row: ticks, numbers, titles
 *            :  Title Ti :  Ti    Ti   :   Ti     Ti      :
 *            :  (A)(B)   :  (A)   (B)  :                  :   who took part (actors)
 *   thought-gap
 *     “thought”   “thought”   ...                            callouts (--thoughts)
 *   margin
 *
 * The plot frame (see emotions_int.h) is placed so that everything drawn in it (labels above
 * the +2 line, markers, labels below -2) stays plot-padding inside the band bodies. */

typedef enum { EM_NONE, EM_STEPS, EM_STAGES } em_source;

/* Steps' emotions when any has a score, else the stages' emotions when any has one. */
static em_source source_of(const jm_journey *j) {
    for (size_t i = 0; i < j->n_steps; i++)
        if (j->steps[i].emotion && j->steps[i].emotion->has_score) return EM_STEPS;
    for (size_t i = 0; i < j->n_stages; i++)
        for (size_t k = 0; k < j->stages[i].n_emotions; k++)
            if (j->stages[i].emotions[k].has_score) return EM_STAGES;
    return EM_NONE;
}

static const char *const MISSING =
    "no emotion has a score: give the steps' or stages' emotions a `score` from -2 to 2, or an emoji or "
    "word to estimate one from (data/README.md; not with --no-estimate)";

static const char *emotions_missing(const jm_journey *j, jm_arena *a) {
    (void)a;
    return source_of(j) == EM_NONE ? MISSING : NULL;
}

static double clamp_score(double s) { return s < -2 ? -2 : s > 2 ? 2 : s; }

static void set_point(em_point *p, const jm_emotion *e, size_t band) {
    p->emo = e;
    p->band = band;
    p->scored = e && e->has_score;
    p->score = p->scored ? clamp_score(e->score) : 0;
    p->estimated = p->scored && e->estimated;
    p->estimated_from = p->estimated ? (e->estimated_from ? e->estimated_from : JM_EST_EMOJI) : 0;
    if (e) p->src = e->pos;
}

static em_band *add_band(em_layout *L, size_t *cap, int stage, size_t first) {
    L->bands = jm_arena_grow(L->a, L->bands, L->n_bands, 1, cap, sizeof *L->bands, 16);
    em_band *b = &L->bands[L->n_bands++];
    *b = (em_band){ .stage = stage >= 0 ? &L->j->stages[stage] : NULL, .first = first };
    return b;
}

/* Steps in file order, grouped into bands: a band per run of consecutive steps in one stage,
 * and an empty band for each stage without steps, where the stage order puts it. */
static void gather_steps(em_layout *L) {
    const jm_journey *j = L->j;
    L->n_pts = j->n_steps;
    L->pts = JM_NEWV(L->a, em_point, L->n_pts ? L->n_pts : 1);
    bool *has_steps = JM_NEWV(L->a, bool, j->n_stages ? j->n_stages : 1);
    for (size_t i = 0; i < j->n_steps; i++)
        if (j->steps[i].stage >= 0) has_steps[j->steps[i].stage] = true;
    size_t cap = 0;
    int next_stage = 0;   /* lowest stage not shown yet */
    for (size_t i = 0; i < j->n_steps; i++) {
        const jm_step *st = &j->steps[i];
        int sg = j->n_stages ? st->stage : -1;
        if (i == 0 || sg != j->steps[i - 1].stage) {
            for (; sg >= 0 && next_stage < sg; next_stage++)
                if (!has_steps[next_stage]) add_band(L, &cap, next_stage, i);
            add_band(L, &cap, sg, i);
            if (sg + 1 > next_stage) next_stage = sg + 1;
        }
        em_point *p = &L->pts[i];
        set_point(p, st->emotion, L->n_bands - 1);
        p->step = st;
        p->number = (int)i + (L->embed && L->embed->first_step > 0 ? L->embed->first_step : 1);
        if (!st->emotion) p->src = st->pos;
        L->bands[L->n_bands - 1].n++;
    }
    for (; next_stage < (int)j->n_stages; next_stage++)
        if (!has_steps[next_stage]) add_band(L, &cap, next_stage, L->n_pts);
}

/* A stage's emotions as one moment: the one it has, or for several the mean of their scores
 * (estimated when any of them is; unscored when none has a score), its label every emotion's
 * emoji and label, one a line, so nothing written is lost. Its marker carries no emoji: the mean
 * is none of them. NULL for a stage without emotions. */
static const jm_emotion *stage_moment(em_layout *L, const jm_stage *sg) {
    if (sg->n_emotions <= 1) return sg->n_emotions ? &sg->emotions[0] : NULL;
    jm_emotion *m = JM_NEW(L->a, jm_emotion);
    m->pos = sg->emotions[0].pos;
    jm_valence_mean(sg->emotions, sg->n_emotions, m);
    const char *label = NULL;
    for (size_t k = 0; k < sg->n_emotions; k++) {
        const jm_emotion *e = &sg->emotions[k];
        const char *line = e->emoji && e->label ? jm_arena_printf(L->a, "%s %s", e->emoji, e->label)
                         : e->label ? e->label : e->emoji;
        if (line) label = label ? jm_arena_printf(L->a, "%s\n%s", label, line) : line;
    }
    m->label = label;
    return m;
}

/* Every stage is a band; its emotions make its one point (stage_moment). */
static void gather_stages(em_layout *L) {
    const jm_journey *j = L->j;
    size_t cap = 0;
    L->pts = JM_NEWV(L->a, em_point, j->n_stages ? j->n_stages : 1);
    for (size_t i = 0; i < j->n_stages; i++) {
        em_band *b = add_band(L, &cap, (int)i, L->n_pts);
        const jm_emotion *e = stage_moment(L, &j->stages[i]);
        if (!e) continue;
        set_point(&L->pts[L->n_pts++], e, L->n_bands - 1);
        b->n++;
    }
}

static void add_title(em_layout *L, jm_scene *s, double *y) {
    const jm_journey *j = L->j;
    double w = L->width - 2 * L->c->margin, h = 0;
    if (j->title && *j->title) {
        int i = jm_shape_text(s, L->text, "emotions.title", L->c->margin, *y, j->title, &L->c->title_font,
                              L->c->text, w, JM_ALIGN_LEFT, L->c->line_spacing, -1, &h);
        s->items[i].src = j->pos;
        *y += h;
    }
    if (j->subtitle && *j->subtitle) {
        double sw = L->st.subtitle_max_width > 0 ? fmin(w, L->st.subtitle_max_width) : w;
        *y += L->st.title_gap;
        jm_shape_text(s, L->text, "emotions.subtitle", L->c->margin, *y, j->subtitle, &L->c->subtitle_font,
                      L->c->text_muted, sw, JM_ALIGN_LEFT, L->c->line_spacing, -1, &h);
        *y += h;
    }
    *y += L->st.header_gap;
}

static jm_scene *emotions_scene(const jm_layout_ctx *ctx, bool titled, jm_emotions_embed *embed) {
    em_layout L = { .ctx = ctx, .j = ctx->journey, .text = ctx->text, .a = ctx->arena, .embed = embed };
    L.c = jm_style_get_common(ctx->style);
    jm_style_fill(ctx->style, &jm_emotions_style_schema, &L.st);
    if (embed && embed->score_height > 0) L.st.score_height = embed->score_height;
    em_source src = source_of(L.j);
    if (src == EM_NONE) {
        jm_error(ctx->diags, L.j->file, L.j->pos, "cannot draw the emotions view: %s", MISSING);
        return NULL;
    }
    L.from_stages = src == EM_STAGES;
    if (L.from_stages) gather_stages(&L);
    else gather_steps(&L);

    em_axes_across(&L);
    em_actors_gather(&L);
    em_curve_build(&L);
    if (embed && embed->n_stages) em_window(&L);
    em_labels_place(&L);
    em_axes_measure_steps(&L);

    jm_scene *s = jm_scene_new(L.a, L.width, 0, L.c->background);
    s->title = L.j->title;
    s->desc = L.j->subtitle;
    double y = L.c->margin;
    if (titled) add_title(&L, s, &y);
    double legend = em_actors_legend(&L, s, y);
    if (legend > 0) y += legend + L.st.header_gap;
    if (!embed) y += em_axes_header(&L, s, y);

    /* the plot frame's y = 0 (the +2 line) lands at dy */
    double plot_top = y;
    double dy = plot_top + L.st.plot_padding - L.top;
    if (embed && *L.scale[0]) dy = fmax(dy, plot_top + embed->scale_top + L.scale_block[0].height / 2);
    double plot_bottom = dy + L.bottom + L.st.plot_padding;
    double bands_bottom = plot_bottom + L.row_height + (L.row_height > 0 ? L.st.plot_padding : 0);
    double note_y = bands_bottom;   /* "scores estimated from emoji" (or words), inside the bands, under the steps */
    if (L.any_estimated) bands_bottom += L.estimate_note.height + L.st.plot_padding;

    em_axes_bands(&L, s, plot_top, bands_bottom);
    em_axes_scale(&L, s, dy);
    em_curve_areas(&L, s, dy);
    em_curve_line(&L, s, dy);
    em_labels_leaders(&L, s, dy);
    em_curve_markers(&L, s, dy);
    em_labels_text(&L, s, dy);
    em_axes_steps(&L, s, plot_bottom);
    if (L.any_estimated) {
        int it = jm_scene_text(s, "emotions.note.estimated", L.plot_x + L.st.plot_padding - L.estimate_note.x, note_y,
                               L.estimate_text, &L.st.estimate_font, L.c->text_muted, JM_ALIGN_LEFT,
                               L.plot_w - 2 * L.st.plot_padding, L.c->line_spacing, L.estimate_note, -1);
        s->items[it].src = L.j->pos;
    }
    y = bands_bottom;
    if (ctx->show_thoughts) y += em_thoughts(&L, s, y);
    s->height = ceil(y + L.c->margin);
    if (embed) {
        embed->body_top = plot_top;
        embed->body_bottom = bands_bottom;
    }
    return s;
}

jm_scene *jm_emotions_scene(const jm_layout_ctx *ctx, bool titled) { return emotions_scene(ctx, titled, NULL); }

jm_scene *jm_emotions_scene_embedded(const jm_layout_ctx *ctx, jm_emotions_embed *e) {
    return emotions_scene(ctx, false, e);
}

static bool emotions_layout(const jm_layout_ctx *ctx, jm_doc *doc) {
    jm_scene *s = jm_emotions_scene(ctx, true);
    if (!s) return false;
    jm_doc_add_page(doc, s, "emotions", ctx->journey->title);
    return true;
}

const jm_view jm_view_emotions = {
    .name = "emotions",
    .summary = "the emotion curve: how the persona feels at each step, under the stage bands",
    .missing = emotions_missing,
    .layout = emotions_layout,
};
