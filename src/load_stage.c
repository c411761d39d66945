/* load_stage.c - the loader's stages and steps: ids, counts, lanes, actions, emotions, opportunities.
 * Stage ids default to the name; each step's `stage` must name one of them. */
#include "load_internal.h"
#include "valence.h"
#include <glib.h>
#include <string.h>

const char *const jm_keys_stage[] = { "id", "name", "count", "unit", "note", "gap", "duration", "need",
                                          "transition", "fill", "stroke", "color", "items", "triggers", "pain_points", "touchpoints", "metrics",
                                          "thoughts", "actions", "emotions", "opportunities", "lanes", "url", NULL };
const char *const jm_keys_step[] = { "title", "stage", "actions", "thoughts", "emotion", "touchpoints",
                                         "pain_points", "opportunities", "actors", "triggers", "metrics", "lanes", "url", NULL };
const char *const jm_keys_emotion[] = { "label", "score", "emoji", NULL };
const char *const jm_keys_item[] = { "title", "who", "text", "url", NULL };
const char *const jm_keys_action[] = { "text", "channel", "frequency", NULL };
const char *const jm_keys_opportunity[] = { "title", "text", NULL };

/* ---- parts shared by stages and steps ---- */

/* One Emotion mapping into e; false after diagnostics. */
static bool load_emotion(jm_lctx *c, const jm_ynode *n, jm_emotion *e) {
    if (!jm_load_is_map(c, n, "an emotion")) return false;
    jm_load_keys(c, n, jm_keys_emotion, "an emotion");
    e->pos = n->pos;
    e->label = jm_load_text(c, n, "label");
    e->emoji = jm_load_text(c, n, "emoji");
    double score;
    if (jm_load_number(c, n, "score", &score)) {
        if (score < -2 || score > 2)
            jm_error(c->d, c->file, jm_load_get(n, "score")->pos, "'score' must be between -2 and +2, not %g", score);
        else { e->score = score; e->has_score = true; }
    }
    if (!jm_load_get(n, "label") && !jm_load_get(n, "emoji") && !jm_load_get(n, "score")) {
        jm_error(c->d, c->file, n->pos, "an emotion needs a 'label', a 'score' or an 'emoji'");
        return false;
    }
    jm_valence_fill(e);
    return true;
}

/* [text or Opportunity] under key. */
static void load_opportunities(jm_lctx *c, const jm_ynode *map, jm_opportunity **out, size_t *n_out) {
    const jm_ynode *l = jm_load_list(c, map, "opportunities", JM_MAX_ITEMS);
    *n_out = 0;
    if (!l) return;
    jm_opportunity *o = JM_NEWV(c->a, jm_opportunity, l->n ? l->n : 1);
    size_t n = 0;
    for (size_t i = 0; i < l->n; i++) {
        const jm_ynode *x = l->items[i];
        if (x->kind == JM_Y_SCALAR && !jm_yis_null(x)) {
            o[n].title = jm_load_text_node(c, x, "an opportunity");
            o[n++].pos = x->pos;
            continue;
        }
        if (x->kind != JM_Y_MAP) {
            jm_error(c->d, c->file, x->pos, "an opportunity must be a text or a mapping, not %s", jm_ykind_name(x));
            continue;
        }
        jm_load_keys(c, x, jm_keys_opportunity, "an opportunity");
        o[n].pos = x->pos;
        o[n].title = jm_load_text_req(c, x, "title", "opportunity");
        o[n++].text = jm_load_text(c, x, "text");
    }
    *out = o;
    *n_out = n;
}

/* [text or Action] of a stage. */
static void load_actions(jm_lctx *c, const jm_ynode *map, jm_stage *s) {
    const jm_ynode *l = jm_load_list(c, map, "actions", JM_MAX_ITEMS);
    if (!l) return;
    s->actions = JM_NEWV(c->a, jm_action, l->n ? l->n : 1);
    for (size_t i = 0; i < l->n; i++) {
        const jm_ynode *x = l->items[i];
        jm_action *a = &s->actions[s->n_actions];
        if (x->kind == JM_Y_SCALAR && !jm_yis_null(x)) {
            a->text = jm_load_text_node(c, x, "an action");
            a->pos = x->pos;
            s->n_actions++;
            continue;
        }
        if (x->kind != JM_Y_MAP) {
            jm_error(c->d, c->file, x->pos, "an action must be a text or a mapping, not %s", jm_ykind_name(x));
            continue;
        }
        jm_load_keys(c, x, jm_keys_action, "an action");
        a->pos = x->pos;
        a->text = jm_load_text_req(c, x, "text", "action");
        a->channel = jm_load_text(c, x, "channel");
        a->frequency = jm_load_text(c, x, "frequency");
        s->n_actions++;
    }
}

/* An optional colour "#rrggbb" (or "#rrggbbaa") at `key`; absent leaves *out as it is. */
static void load_color(jm_lctx *c, const jm_ynode *n, const char *key, jm_color *out) {
    const char *v = jm_load_raw(c, n, key);
    if (v && !jm_color_parse(v, out))
        jm_error(c->d, c->file, jm_load_get(n, key)->pos, "'%s' takes a colour like \"#4357c9\", not '%s'", key,
                 jm_load_show(c, v));
}

static void load_items(jm_lctx *c, const jm_ynode *map, jm_stage *s) {
    const jm_ynode *l = jm_load_list(c, map, "items", JM_MAX_ITEMS);
    if (!l) return;
    s->items = JM_NEWV(c->a, jm_card, l->n ? l->n : 1);
    for (size_t i = 0; i < l->n; i++) {
        const jm_ynode *x = l->items[i];
        if (!jm_load_is_map(c, x, "an item")) continue;
        jm_load_keys(c, x, jm_keys_item, "an item");
        jm_card *it = &s->items[s->n_items++];
        it->pos = x->pos;
        it->title = jm_load_text(c, x, "title");
        it->who = jm_load_text(c, x, "who");
        it->text = jm_load_text(c, x, "text");
        it->url = jm_load_url(c, x);
    }
}

static void load_emotions(jm_lctx *c, const jm_ynode *map, jm_stage *s) {
    const jm_ynode *l = jm_load_list(c, map, "emotions", JM_MAX_ITEMS);
    if (!l) return;
    s->emotions = JM_NEWV(c->a, jm_emotion, l->n ? l->n : 1);
    for (size_t i = 0; i < l->n; i++)
        if (load_emotion(c, l->items[i], &s->emotions[s->n_emotions])) s->n_emotions++;
}

/* `lanes`: a mapping of lane name to [text], in file order. */
static void load_lanes(jm_lctx *c, const jm_ynode *map, jm_lane **lanes, size_t *n_lanes) {
    const jm_ynode *m = jm_load_get(map, "lanes");
    if (!m || !jm_load_is_map(c, m, "'lanes'")) return;
    if (m->n > JM_MAX_ITEMS) {
        jm_error(c->d, c->file, m->pos, "'lanes' has %zu entries, more than the limit of %d", m->n, JM_MAX_ITEMS);
        return;
    }
    *lanes = JM_NEWV(c->a, jm_lane, m->n ? m->n : 1);
    for (size_t i = 0; i < m->n; i++) {
        jm_lane *lane = &(*lanes)[(*n_lanes)++];
        lane->name = m->keys[i];
        lane->pos = m->key_pos[i];
        lane->items = jm_load_texts(c, m, m->keys[i], false);
    }
}

/* ---- stages ---- */

const char *jm_load_stage_id(jm_lctx *c, const char *name) {
    char *low = g_utf8_strdown(name, -1);
    for (char *q = low; *q; q++)
        if (g_ascii_isspace(*q)) *q = '-';
    const char *r = jm_arena_strdup(c->a, low);
    g_free(low);
    return r;
}

static void load_stage(jm_lctx *c, const jm_ynode *n, jm_stage *s, jm_pos *id_pos) {
    jm_load_keys(c, n, jm_keys_stage, "a stage");
    s->pos = n->pos;
    s->name = jm_load_text_req(c, n, "name", "stage");
    const jm_ynode *id = jm_load_get(n, "id");
    if (id) {
        s->id = jm_load_raw(c, n, "id");
        *id_pos = id->pos;
        if (s->id && !*s->id) { jm_error(c->d, c->file, id->pos, "'id' must not be empty"); s->id = NULL; }
    } else if (s->name) {
        s->id = jm_load_stage_id(c, s->name);
        *id_pos = n->pos;
    }
    if (jm_load_number(c, n, "count", &s->count)) {
        if (s->count < 0)
            jm_error(c->d, c->file, jm_load_get(n, "count")->pos, "'count' must not be negative, not %g", s->count);
        else s->has_count = true;
    }
    s->unit = jm_load_text(c, n, "unit");
    s->note = jm_load_text(c, n, "note");
    s->duration = jm_load_text(c, n, "duration");
    s->need = jm_load_text(c, n, "need");
    s->transition = jm_load_text(c, n, "transition");
    s->url = jm_load_url(c, n);
    load_color(c, n, "fill", &s->fill);
    load_color(c, n, "stroke", &s->stroke);
    load_color(c, n, "color", &s->text);
    jm_load_bool(c, n, "gap", &s->gap);
    load_items(c, n, s);
    s->triggers = jm_load_texts(c, n, "triggers", false);
    s->pain_points = jm_load_texts(c, n, "pain_points", false);
    s->touchpoints = jm_load_texts(c, n, "touchpoints", false);
    s->metrics = jm_load_texts(c, n, "metrics", false);
    s->thoughts = jm_load_texts(c, n, "thoughts", false);
    load_actions(c, n, s);
    load_emotions(c, n, s);
    load_opportunities(c, n, &s->opportunities, &s->n_opportunities);
    load_lanes(c, n, &s->lanes, &s->n_lanes);
}

bool jm_load_stages(jm_lctx *c, const jm_ynode *root, jm_journey *j) {
    if (!jm_load_get(root, "stages")) return true;
    const jm_ynode *l = jm_load_list(c, root, "stages", JM_MAX_STAGES);
    if (!l) return false;
    bool ids_ok = true;
    j->stages = JM_NEWV(c->a, jm_stage, l->n ? l->n : 1);
    jm_pos *id_pos = JM_NEWV(c->a, jm_pos, l->n ? l->n : 1);
    for (size_t i = 0; i < l->n; i++) {
        const jm_ynode *n = l->items[i];
        if (jm_load_too_many(c) || !jm_load_is_map(c, n, "a stage")) { ids_ok = false; continue; }
        jm_stage *s = &j->stages[j->n_stages];
        load_stage(c, n, s, &id_pos[j->n_stages]);
        ids_ok = ids_ok && s->id;
        for (size_t k = 0; s->id && k < j->n_stages; k++) {
            if (j->stages[k].id && strcmp(j->stages[k].id, s->id) == 0) {
                jm_error(c->d, c->file, id_pos[j->n_stages], "duplicate stage id '%s' (first at line %d)",
                         jm_load_show(c, s->id), id_pos[k].line);
                break;
            }
        }
        j->n_stages++;
    }
    return ids_ok;
}

/* ---- steps ---- */

/* Resolves step->stage_id to an index, with did-you-mean. */
static void resolve_stage(jm_lctx *c, const jm_journey *j, jm_step *st, jm_pos pos) {
    for (size_t k = 0; k < j->n_stages; k++)
        if (j->stages[k].id && strcmp(j->stages[k].id, st->stage_id) == 0) { st->stage = (int)k; return; }
    const char *shown = jm_load_show(c, st->stage_id);
    if (j->n_stages == 0) {
        jm_error(c->d, c->file, pos, "unknown stage '%s' (the file has no stages)", shown);
        return;
    }
    const char **ids = JM_NEWV(c->a, const char *, j->n_stages + 1);
    size_t n = 0;
    for (size_t k = 0; k < j->n_stages; k++)
        if (j->stages[k].id) ids[n++] = j->stages[k].id;
    const char *hint = jm_did_you_mean(st->stage_id, ids);
    if (hint)
        jm_error(c->d, c->file, pos, "unknown stage '%s' (did you mean '%s'?)", shown, hint);
    else if (n <= 12)
        jm_error(c->d, c->file, pos, "unknown stage '%s' (stage ids: %s)", shown, jm_load_choices(c, ids));
    else
        jm_error(c->d, c->file, pos, "unknown stage '%s'", shown);
}

/* Steps; `check_stages` is false when the stages themselves had errors (no cascade). */
void jm_load_steps(jm_lctx *c, const jm_ynode *root, jm_journey *j, bool check_stages) {
    const jm_ynode *l = jm_load_list(c, root, "steps", JM_MAX_STEPS);
    if (!l) return;
    j->steps = JM_NEWV(c->a, jm_step, l->n ? l->n : 1);
    for (size_t i = 0; i < l->n && !jm_load_too_many(c); i++) {
        const jm_ynode *n = l->items[i];
        if (!jm_load_is_map(c, n, "a step")) continue;
        jm_load_keys(c, n, jm_keys_step, "a step");
        jm_step *st = &j->steps[j->n_steps++];
        st->pos = n->pos;
        st->stage = -1;
        st->title = jm_load_text_req(c, n, "title", "step");
        const jm_ynode *sid = jm_load_get(n, "stage");
        st->stage_id = jm_load_raw(c, n, "stage");
        if (st->stage_id && check_stages) resolve_stage(c, j, st, sid->pos);
        else if (!sid && j->n_stages > 0) jm_error(c->d, c->file, n->pos, "step needs a 'stage'");
        st->actions = jm_load_texts(c, n, "actions", true);
        st->thoughts = jm_load_texts(c, n, "thoughts", false);
        st->touchpoints = jm_load_texts(c, n, "touchpoints", false);
        st->pain_points = jm_load_texts(c, n, "pain_points", false);
        st->actors = jm_load_texts(c, n, "actors", true);
        st->triggers = jm_load_texts(c, n, "triggers", false);
        st->metrics = jm_load_texts(c, n, "metrics", false);
        load_lanes(c, n, &st->lanes, &st->n_lanes);
        st->url = jm_load_url(c, n);
        load_opportunities(c, n, &st->opportunities, &st->n_opportunities);
        const jm_ynode *em = jm_load_get(n, "emotion");
        if (em) {
            jm_emotion *e = JM_NEW(c->a, jm_emotion);
            if (load_emotion(c, em, e)) st->emotion = e;
        }
    }
}
