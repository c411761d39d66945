/* scene_floor.c - a scene on its target: the floors (no text drawn smaller than a slide, a page
 * or a screen allows) and fullness (a page or slide more than half empty, a page that holds only
 * a header or one item). Used by the slide layout to choose and by --check-layout to report. */
#include "scene.h"
#include <glib.h>
#include <math.h>
#include <string.h>

#define EPS 0.01        /* px or pt: text this close to the floor meets it */
#define FILLS 0.85     /* share of the target's width or height that a view's only page fills when
                          * it is scaled as large as the target allows (margins aside) */
#define SNIPPET 40      /* characters of a text quoted in a defect */

/* The one list of what a floor applies to. Pictures set as text (emoji, icons) have none; tags
 * and what reads like them (chips, badges, the persona's archetype, the emotion curve's step
 * numbers) and axis ticks have the tag floor; every other text the text floor. */
jm_floor_kind jm_role_floor(const char *role) {
    if (!role) return JM_FLOOR_TEXT;
    if (strstr(role, "emoji") || strstr(role, ".icon")) return JM_FLOOR_NONE;
    static const char *const tags[] = { ".tag.", ".chip.", ".badge.", ".archetype.", ".step.number", ".scale",
                                        ".tick" };
    for (size_t i = 0; i < G_N_ELEMENTS(tags); i++)
        if (strstr(role, tags[i])) return JM_FLOOR_TAG;
    return JM_FLOOR_TEXT;
}

static double floor_of(const jm_item *it, double min_text, double min_tag) {
    switch (jm_role_floor(it->role)) {
    case JM_FLOOR_NONE: return 0;
    case JM_FLOOR_TAG: return min_tag;
    default: return min_text;
    }
}

double jm_scene_floor_ratio(const jm_scene *s, double min_text, double min_tag, int *idx) {
    double best = INFINITY;
    *idx = -1;
    for (size_t i = 0; i < s->n_items; i++) {
        const jm_item *it = &s->items[i];
        if (it->kind != JM_ITEM_TEXT || !it->text || !*it->text || !(it->font.size > 0)) continue;
        double f = floor_of(it, min_text, min_tag);
        if (!(f > 0)) continue;
        double r = it->font.size / f;
        if (r < best) { best = r; *idx = (int)i; }
    }
    return best;
}

double jm_scene_fit_box(const jm_scene *s, double box_w, double box_h) {
    if (!(s->width > 0) || !(s->height > 0)) return 1;
    return fmin(box_w / s->width, box_h / s->height);
}

double jm_scene_least_fit(const jm_scene *s, double min_text, double min_tag) {
    int idx;
    double r = jm_scene_floor_ratio(s, min_text, min_tag, &idx);
    return idx < 0 ? 0 : 1 / r;
}

/* Page furniture: the view's title and subtitle, the repeated headers of a continued page
 * (participants, lane labels, section titles) and whatever a page adds ("page.*"). */
static bool is_header(const char *role) {
    if (!role) return false;
    if (!strncmp(role, "page.", 5) || !strcmp(role, "sequence.participant.name") || !strcmp(role, "map.lane.label") ||
        !strcmp(role, "map.section"))
        return true;
    const char *dot = strchr(role, '.');
    return dot && !strchr(dot + 1, '.') && (!strcmp(dot, ".title") || !strcmp(dot, ".subtitle"));
}

static void quote(FILE *out, const char *text) {
    fputc('\'', out);
    size_t n = 0;
    for (const char *p = text; *p && n < SNIPPET; p = g_utf8_next_char(p), n++) {
        if (*p == '\n') fputs("\\n", out);
        else fwrite(p, 1, (size_t)(g_utf8_next_char(p) - p), out);
    }
    fputc('\'', out);
}

size_t jm_scene_check_target(const jm_scene *s, const jm_check_target *t, FILE *out) {
    size_t defects = 0;
    double k = t->scale > 0 && isfinite(t->scale) ? t->scale : 1;
    if (t->min_text > 0 || t->min_tag > 0) {
        int idx;
        double r = jm_scene_floor_ratio(s, t->min_text / k, t->min_tag / k, &idx);
        if (idx >= 0 && r < 1 - EPS / fmax(t->min_text, 1)) {
            size_t below = 0;
            for (size_t i = 0; i < s->n_items; i++) {
                const jm_item *it = &s->items[i];
                double f = floor_of(it, t->min_text, t->min_tag);
                if (it->kind == JM_ITEM_TEXT && it->text && *it->text && it->font.size > 0 && f > 0 &&
                    it->font.size * k < f - EPS)
                    below++;
            }
            const jm_item *it = &s->items[idx];
            fputs("defect: ", out);
            fprintf(out, "%zu text%s below the %g %s floor of %s; the smallest, ", below, below == 1 ? " is" : "s are",
                    floor_of(it, t->min_text, t->min_tag), t->unit, t->target);
            quote(out, it->text);
            fprintf(out, " (%s), is %.1f %s (%.1f pt drawn at %.2f)", it->role ? it->role : "no role",
                    it->font.size * k, t->unit, it->font.size, k);
            if (it->src.line > 0) fprintf(out, " [line %d]", it->src.line);
            fputc('\n', out);
            defects++;
        }
    }
    if (t->area_w > 0 && t->area_h > 0 && !t->last && s->n_items) {
        double x0, y0, x1, y1;
        jm_scene_bounds(s, 0, &x0, &y0, &x1, &y1);
        double fw = fmin(1, (x1 - x0) * k / t->area_w), fh = fmin(1, (y1 - y0) * k / t->area_h), used = fw * fh;
        if (used < 0.5 && !(t->alone && fmax(fw, fh) >= FILLS)) {
            fprintf(out, "defect: %s is %.0f%% empty: the content takes %.0fx%.0f %s of %.0fx%.0f\n", t->target,
                    100 * (1 - used), (x1 - x0) * k, (y1 - y0) * k, t->unit, t->area_w, t->area_h);
            defects++;
        }
    }
    if (t->lone) {
        size_t content = 0;
        for (size_t i = 0; i < s->n_items; i++)
            content += s->items[i].kind == JM_ITEM_TEXT && !is_header(s->items[i].role);
        if (content <= 1) {
            fprintf(out, "defect: %s holds %s\n", t->target, content ? "a single item" : "only a header");
            defects++;
        }
    }
    return defects;
}
