/* map_lanes.c - the map's lanes: gathers every lane's entries per stage column (the stage's own,
 * then its steps'), leaves out lanes nobody fills, and lays one lane row out over the columns. */
#include "map_int.h"
#include "emotions.h"
#include <math.h>
#include <string.h>

static void cell_add(mp_map *M, mp_cell *c, mp_entry e) {
    JM_RESERVE(M->a, c->v, c->n, 1, c->cap, 4);
    c->v[c->n++] = e;
}

static jm_pos pos_of(const jm_texts *t, size_t i, jm_pos fallback) { return t->pos ? t->pos[i] : fallback; }

static void add_texts(mp_map *M, mp_cell *c, const jm_texts *t, jm_pos fallback) {
    for (size_t i = 0; i < t->n; i++)
        if (t->v[i] && *t->v[i]) cell_add(M, c, (mp_entry){ .text = t->v[i], .src = pos_of(t, i, fallback) });
}

static void add_opportunities(mp_map *M, mp_cell *c, const jm_opportunity *o, size_t n) {
    for (size_t i = 0; i < n; i++)
        if ((o[i].title && *o[i].title) || (o[i].text && *o[i].text))
            cell_add(M, c, (mp_entry){ .title = o[i].title, .text = o[i].text, .src = o[i].pos });
}

/* A lane of the poster, with a cell per stage. */
static mp_lane *lane_new(mp_map *M, mp_lane *lanes, size_t *n, mp_kind kind, const char *key, const char *label) {
    mp_lane *l = &lanes[(*n)++];
    *l = (mp_lane){ .kind = kind, .key = key, .label = label, .src = M->j->pos };
    l->cells = JM_NEWV(M->a, mp_cell, M->j->n_stages ? M->j->n_stages : 1);
    return l;
}

static bool lane_filled(const mp_map *M, const mp_lane *l) {
    if (l->kind == MP_EMOTIONS) return true;
    for (size_t i = 0; i < M->j->n_stages; i++)
        if (l->cells[i].n) return true;
    return false;
}

/* "feelings" -> "Feelings", "backstage_notes" -> "Backstage notes": a custom lane's label. */
static const char *custom_label(mp_map *M, const char *name) {
    char *s = jm_arena_strdup(M->a, name ? name : "");
    for (char *p = s; *p; p++)
        if (*p == '_') *p = ' ';
    if (*s >= 'a' && *s <= 'z') *s = (char)(*s - 'a' + 'A');
    return s;
}

/* The journey with its steps stably sorted by stage, so that each stage's steps are one run:
 * the emotion curve then has one band per stage column and never runs backwards. The same
 * journey when they already are. */
static const jm_journey *steps_in_stage_order(mp_map *M, const jm_journey *j) {
    bool sorted = true;
    for (size_t i = 1; i < j->n_steps && sorted; i++) sorted = j->steps[i].stage >= j->steps[i - 1].stage;
    if (sorted) return j;
    jm_journey *c = JM_NEW(M->a, jm_journey);
    *c = *j;
    c->steps = JM_NEWV(M->a, jm_step, j->n_steps);
    size_t n = 0;
    for (size_t s = 0; s < j->n_stages; s++)
        for (size_t i = 0; i < j->n_steps; i++)
            if (j->steps[i].stage == (int)s) c->steps[n++] = j->steps[i];
    for (size_t i = 0; i < j->n_steps; i++)
        if (j->steps[i].stage < 0) c->steps[n++] = j->steps[i];
    return c;
}

/* Custom lane cl's entries into column i of the lane of its name (custom[0..*nc), named
 * names[]), a new lane of lanes[] when it is the first of that name. */
static void add_custom(mp_map *M, mp_lane *lanes, size_t *n, mp_lane **custom, const char **names, size_t *nc,
                       const jm_lane *cl, size_t i) {
    const char *name = cl->name ? cl->name : "";
    size_t m = 0;
    while (m < *nc && strcmp(names[m], name) != 0) m++;
    if (m == *nc) {
        names[m] = name;
        custom[m] = lane_new(M, lanes, n, MP_BULLETS, name, custom_label(M, cl->name));
        custom[m]->src = cl->pos;
        (*nc)++;
    }
    add_texts(M, &custom[m]->cells[i], &cl->items, cl->pos);
}

void mp_gather(mp_map *M) {
    M->j = steps_in_stage_order(M, M->j);
    const jm_journey *j = M->j;
    const jm_map_style *st = &M->st;
    size_t n_custom = 0;
    for (size_t i = 0; i < j->n_stages; i++) n_custom += j->stages[i].n_lanes;
    for (size_t i = 0; i < j->n_steps; i++) n_custom += j->steps[i].n_lanes;
    mp_lane *lanes = JM_NEWV(M->a, mp_lane, 9 + n_custom);
    size_t n = 0;

    mp_lane *cards = lane_new(M, lanes, &n, MP_CARDS, "items", st->lane_items);
    mp_lane *trig = lane_new(M, lanes, &n, MP_BULLETS, "triggers", st->lane_triggers);
    mp_lane *act = lane_new(M, lanes, &n, MP_ACTIONS, "actions", st->lane_actions);
    mp_lane *touch = lane_new(M, lanes, &n, MP_TAGS, "touchpoints", st->lane_touchpoints);
    mp_lane *thought = lane_new(M, lanes, &n, MP_QUOTES, "thoughts", st->lane_thoughts);
    size_t emo = jm_view_emotions.missing(j, M->a) ? (size_t)-1 : n;
    if (emo != (size_t)-1) lane_new(M, lanes, &n, MP_EMOTIONS, "emotions", st->lane_emotions);
    mp_lane *pain = lane_new(M, lanes, &n, MP_PAINS, "pain_points", st->lane_pain_points);
    mp_lane *opp = lane_new(M, lanes, &n, MP_OPPORTUNITIES, "opportunities", st->lane_opportunities);
    mp_lane *metric = lane_new(M, lanes, &n, MP_METRICS, "metrics", st->lane_metrics);

    for (size_t i = 0; i < j->n_stages; i++) {
        const jm_stage *sg = &j->stages[i];
        for (size_t k = 0; k < sg->n_items; k++) {   /* the funnel's cards, the empty ones left out as there */
            const jm_card *cd = &sg->items[k];
            if ((cd->title && *cd->title) || (cd->who && *cd->who) || (cd->text && *cd->text))
                cell_add(M, &cards->cells[i], (mp_entry){ .card = cd, .stage = sg, .src = cd->pos });
        }
        add_texts(M, &trig->cells[i], &sg->triggers, sg->pos);
        for (size_t k = 0; k < sg->n_actions; k++) {
            const jm_action *a = &sg->actions[k];
            if (a->text && *a->text)
                cell_add(M, &act->cells[i], (mp_entry){ .text = a->text, .channel = a->channel,
                                                        .frequency = a->frequency, .src = a->pos });
        }
        add_texts(M, &touch->cells[i], &sg->touchpoints, sg->pos);
        add_texts(M, &thought->cells[i], &sg->thoughts, sg->pos);
        add_texts(M, &pain->cells[i], &sg->pain_points, sg->pos);
        add_opportunities(M, &opp->cells[i], sg->opportunities, sg->n_opportunities);
        add_texts(M, &metric->cells[i], &sg->metrics, sg->pos);
    }
    /* steps add to their stage's column, after the stage's own entries, in step order; a
     * step's first action carries its number and title (the numbers of the emotion curve) */
    for (size_t k = 0; k < j->n_steps; k++) {
        const jm_step *sp = &j->steps[k];
        if (sp->stage < 0 || (size_t)sp->stage >= j->n_stages) continue;
        size_t i = (size_t)sp->stage;
        size_t before = act->cells[i].n;
        add_texts(M, &act->cells[i], &sp->actions, sp->pos);
        if (act->cells[i].n > before && sp->title && *sp->title) {
            act->cells[i].v[before].title = jm_arena_printf(M->a, "%zu%s%s", k + 1, st->step_separator, sp->title);
            act->cells[i].v[before].url = sp->url;
        }
        add_texts(M, &trig->cells[i], &sp->triggers, sp->pos);
        add_texts(M, &touch->cells[i], &sp->touchpoints, sp->pos);
        add_texts(M, &thought->cells[i], &sp->thoughts, sp->pos);
        add_texts(M, &pain->cells[i], &sp->pain_points, sp->pos);
        add_opportunities(M, &opp->cells[i], sp->opportunities, sp->n_opportunities);
        add_texts(M, &metric->cells[i], &sp->metrics, sp->pos);
    }
    /* custom lanes, by name, in the order they first appear: the stages', then the steps' */
    mp_lane **custom = JM_NEWV(M->a, mp_lane *, n_custom ? n_custom : 1);
    const char **names = JM_NEWV(M->a, const char *, n_custom ? n_custom : 1);
    size_t nc = 0;
    for (size_t i = 0; i < j->n_stages; i++)
        for (size_t k = 0; k < j->stages[i].n_lanes; k++)
            add_custom(M, lanes, &n, custom, names, &nc, &j->stages[i].lanes[k], i);
    for (size_t i = 0; i < j->n_steps; i++)
        for (size_t k = 0; k < j->steps[i].n_lanes; k++)
            if (j->steps[i].stage >= 0 && (size_t)j->steps[i].stage < j->n_stages)
                add_custom(M, lanes, &n, custom, names, &nc, &j->steps[i].lanes[k], (size_t)j->steps[i].stage);
    /* keep the lanes somebody fills, each with the label the journey gives it */
    size_t kept = 0;
    for (size_t m = 0; m < n; m++) {
        if (!lane_filled(M, &lanes[m])) continue;
        for (size_t k = 0; k < j->n_lane_labels; k++)
            if (!strcmp(j->lane_labels[k].name, lanes[m].key)) lanes[m].label = j->lane_labels[k].label;
        lanes[kept++] = lanes[m];
    }
    M->lanes = lanes;
    M->n_lanes = kept;
}

/* The lane's label in the label column: a tinted cell (height set by the caller once the row's
 * height is known) with the name wrapped inside it. */
int mp_lane_label(mp_map *M, jm_scene *s, const mp_geo *g, const char *label, double y, double h, jm_pos src) {
    const jm_map_style *st = &M->st;
    double pad = st->cell_padding;
    int box = jm_scene_rect(s, "map.lane", g->x0, y, M->label_w, h, st->cell_radius, jm_paint_fill(st->lane_fill));
    s->items[box].src = src;
    int t = jm_shape_text(s, M->text, "map.lane.label", g->x0 + pad, y + pad, label, &st->lane_font, st->lane_color,
                          fmax(1, M->label_w - 2 * pad), JM_ALIGN_LEFT, M->ls, box, NULL);
    s->items[t].src = src;
    return box;
}

/* One lane row:
 *
 *   +---------+ +-------------+ +-------------+
 *   | Actions | | . text      | | . text      |   label cell, then one cell per column, all
 *   |         | |   [tag][tag]| |             |   as tall as the tallest (snapped to the grid)
 *   +---------+ +-------------+ +-------------+
 */
/* Lane `ln` over g's columns: its label, a cell per column, the entries. */
static bool lane_scene(mp_map *M, const mp_geo *g, const mp_lane *ln, mp_part *out) {
    bool any = false;
    for (size_t i = g->first; i < g->first + g->n; i++) any |= ln->cells[i].n > 0;
    if (!any) return false;

    const jm_map_style *st = &M->st;
    double pad = st->cell_padding;
    jm_scene *s = jm_scene_new(M->a, g->width, 0, M->c->background);
    jm_scene_group_begin(s, "lane", ln->label, ln->label);   /* the whole part: open to its end */
    int label = mp_lane_label(M, s, g, ln->label, 0, 0, ln->src);
    double h = s->items[s->n_items - 1].h + 2 * pad;
    int *boxes = JM_NEWV(M->a, int, g->n);
    for (size_t i = g->first; i < g->first + g->n; i++) {
        double x = mp_col_x(g, i);
        bool gap = M->j->stages[i].gap;
        jm_paint p = gap ? jm_paint_dashed(jm_paint_both(st->gap_cell_fill, M->c->gap_stroke, M->c->stroke_width), M->c->gap_dash)
                         : jm_paint_both(st->cell_fill, st->cell_stroke, st->cell_stroke_width);
        int box = jm_scene_rect(s, gap ? "map.cell.gap" : "map.cell", x, 0, g->col_w, 0, st->cell_radius, p);
        s->items[box].src = M->j->stages[i].pos;
        boxes[i - g->first] = box;
        double ch = mp_cell_entries(M, ln, &ln->cells[i], s, x + pad, pad, fmax(1, g->col_w - 2 * pad), box);
        if (ch > 0) h = fmax(h, ch + 2 * pad);
    }
    h = jm_snap(h, M->c->grid_unit);
    s->items[label].h = h;
    for (size_t i = 0; i < g->n; i++) s->items[boxes[i]].h = h;
    s->height = h;
    *out = (mp_part){ .kind = MP_PART_LANE, .s = s, .h = h, .lane = ln, .geo = *g };
    return true;
}

bool mp_lane_part(mp_map *M, const mp_geo *g, size_t k, mp_part *out) {
    const mp_lane *ln = &M->lanes[k];
    if (ln->kind == MP_EMOTIONS) return mp_emotion_part(M, g, ln, out);
    return lane_scene(M, g, ln, out);
}

/* Cell c cut for `room` pt with the cell's padding: *head the first entries that fit, and the
 * first lines of the next one when it can be cut there (mp_entry_cut), *rest what is left.
 * Touchpoint tags flow together: all or none. */
static void cell_cut(mp_map *M, const mp_lane *ln, const mp_cell *c, double w, double room, mp_cell *head,
                     mp_cell *rest) {
    double pad = M->st.cell_padding;
    *head = (mp_cell){ .v = c->v, .n = 0 };
    *rest = *c;
    if (!c->n) return;
    if (ln->kind == MP_TAGS) {
        jm_scene *tmp = jm_scene_new(M->a, w, 0, M->c->background);
        if (mp_cell_entries(M, ln, c, tmp, 0, 0, w, -1) + 2 * pad <= room) { head->n = c->n; rest->n = 0; }
        return;
    }
    double used = 2 * pad;
    size_t m = 0;
    for (; m < c->n; m++) {
        jm_scene *tmp = jm_scene_new(M->a, w, 0, M->c->background);
        mp_cell one = { .v = c->v + m, .n = 1 };
        double gap = m ? M->st.item_gap : 0, h = mp_cell_entries(M, ln, &one, tmp, 0, 0, w, -1);
        if (used + gap + h > room) break;
        used += gap + h;
    }
    mp_entry eh, et;
    if (m < c->n && mp_entry_cut(M, ln, &c->v[m], w, room - used - (m ? M->st.item_gap : 0), &eh, &et)) {
        head->v = JM_NEWV(M->a, mp_entry, m + 1);
        memcpy(head->v, c->v, m * sizeof *c->v);
        head->v[m] = eh;
        head->n = head->cap = m + 1;
        rest->v = JM_NEWV(M->a, mp_entry, c->n - m);
        rest->v[0] = et;
        memcpy(rest->v + 1, c->v + m + 1, (c->n - m - 1) * sizeof *c->v);
        rest->n = rest->cap = c->n - m;
        return;
    }
    head->n = m;
    *rest = (mp_cell){ .v = c->v + m, .n = c->n - m };
}

bool mp_lane_split(mp_map *M, const mp_part *p, double room, bool force, mp_part *head, mp_part *rest) {
    const mp_lane *ln = p->lane;
    const mp_geo *g = &p->geo;
    if (!ln || ln->kind == MP_EMOTIONS) return false;
    mp_lane *h = JM_NEW(M->a, mp_lane), *r = JM_NEW(M->a, mp_lane);
    *h = *r = *ln;
    h->cells = JM_NEWV(M->a, mp_cell, M->j->n_stages);
    r->cells = JM_NEWV(M->a, mp_cell, M->j->n_stages);
    size_t kept = 0, left = 0, starved = 0;   /* starved: cells with entries that keep none here */
    double w = fmax(1, g->col_w - 2 * M->st.cell_padding);
    room -= M->c->grid_unit;   /* the lane's height is snapped up to the grid */
    for (size_t i = g->first; i < g->first + g->n; i++) {
        const mp_cell *c = &ln->cells[i];
        cell_cut(M, ln, c, w, room, &h->cells[i], &r->cells[i]);
        if (force && h->cells[i].n == 0 && c->n) {   /* a page of one entry taller than it */
            size_t m = ln->kind == MP_TAGS ? c->n : 1;
            h->cells[i] = (mp_cell){ .v = c->v, .n = m };
            r->cells[i] = (mp_cell){ .v = c->v + m, .n = c->n - m };
        }
        kept += h->cells[i].n;
        left += r->cells[i].n;
        starved += c->n && !h->cells[i].n;
    }
    if (!kept || !left || starved || !lane_scene(M, g, h, head) || !lane_scene(M, g, r, rest)) return false;
    head->gap_before = rest->gap_before = p->gap_before;
    return true;
}
