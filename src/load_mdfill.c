/* load_mdfill.c - fills the journey model from the blocks of a Markdown journey document
 * (load_mdfill.h): headings open stages, steps and lanes; lines, list items, quotes and tables
 * go to the lane in force; ```mermaid blocks give the sequence and the stage row. */
#include "load_mdfill.h"
#include "load.h"
#include "valence.h"
#include <stdlib.h>
#include <string.h>

/* Room for one more element in an arena array of n elements (capacity: 4, 8, 16, ...). */
static void *push(jm_arena *a, const void *v, size_t n, size_t size) {
    if (n && (n < 4 || (n & (n - 1)))) return (void *)v;
    void *w = jm_arena_alloc(a, (n < 4 ? 4 : n * 2) * size);
    if (n) memcpy(w, v, n * size);
    return w;
}
#define PUSH(m, arr, n) ((arr) = push((m)->c->a, (arr), (n), sizeof *(arr)), &(arr)[(n)++])

static const char **texts_add(mdj *m, jm_texts *t, const char *s, jm_pos pos) {
    t->v = push(m->c->a, t->v, t->n, sizeof *t->v);
    t->pos = push(m->c->a, t->pos, t->n, sizeof *t->pos);
    ((const char **)t->v)[t->n] = s;
    ((jm_pos *)t->pos)[t->n] = pos;
    return &t->v[t->n++];
}

int jm_mdj_stage_named(mdj *m, const char *s) {
    bool numbered;
    const char *name = jm_mdj_strip_stage(s, &numbered);
    for (size_t i = 0; i < m->j->n_stages; i++)
        if (!g_utf8_collate(m->j->stages[i].name, name) ||
            !g_ascii_strcasecmp(m->j->stages[i].name, name)) return (int)i;
    return -1;
}

int jm_mdj_new_stage(mdj *m, const char *name, jm_pos pos) {
    if (m->j->n_stages >= JM_MAX_STAGES) {
        jm_error(m->c->d, m->c->file, pos, "more than %d stages", JM_MAX_STAGES);
        return -1;
    }
    jm_stage *s = PUSH(m, m->j->stages, m->j->n_stages);
    memset(s, 0, sizeof *s);
    s->name = name;
    s->pos = pos;
    return (int)m->j->n_stages - 1;
}

/* A pending ## section becomes a stage (Markdown only: plain text names its stages elsewhere). */
static bool in_stage(mdj *m) {
    if (m->stage < 0 && m->step < 0 && m->section && m->markdown) {
        m->stage = jm_mdj_new_stage(m, m->section, m->section_pos);
        if (m->stage >= 0) m->j->stages[m->stage].url = m->section_url;
        m->section = NULL;
    }
    return m->stage >= 0;
}

void jm_mdj_heading(mdj *m, int level, const char *s, jm_pos pos) {
    const char *title;
    m->more = NULL;
    if (level == 1 && !m->j->title) { m->j->title = s; return; }
    if (jm_mdj_step_line(s, &title)) {
        if (m->j->n_steps >= JM_MAX_STEPS) return;
        jm_step *st = PUSH(m, m->j->steps, m->j->n_steps);
        memset(st, 0, sizeof *st);
        st->title = title;
        st->pos = pos;
        st->url = m->heading_url;
        st->stage = m->stage;
        for (size_t i = 0; st->stage < 0 && i < m->j->n_stages; i++)   /* a stage its title names */
            if (strcasestr(title, m->j->stages[i].name)) st->stage = (int)i;
        m->step = (int)m->j->n_steps - 1;
        m->lane = MDJ_NONE;
        return;
    }
    mdj_lane lane = jm_mdj_lane_of(s);
    if (lane == MDJ_FEATURES) {
        m->lane = lane; m->stage = m->step = -1; m->section = NULL;
        return;
    }
    if (level >= 3 || lane != MDJ_NONE) {
        if (lane == MDJ_NONE) lane = MDJ_CUSTOM;
        if (m->step < 0 && !in_stage(m)) {
            if (lane != MDJ_CUSTOM || m->section == NULL)
                jm_diag_add(m->c->d, JM_WARNING, m->c->file, pos, "lane '%s' is under no stage or step: left out "
                            "(a stage is a '## Name' heading, a step a 'Step N: Title' line)", jm_load_show(m->c, s));
            m->lane = MDJ_NONE;
            return;
        }
        m->lane = lane; m->lane_label = s; m->lane_pos = pos;
        return;
    }
    bool numbered;
    const char *name = jm_mdj_strip_stage(s, &numbered);
    int k = jm_mdj_stage_named(m, s);
    m->step = -1; m->lane = MDJ_NONE; m->section = NULL;
    if (k >= 0) { m->stage = k; m->j->stages[k].pos = pos; }   /* its heading, not the flowchart's node */
    else if (numbered) m->stage = jm_mdj_new_stage(m, name, pos);
    else { m->stage = -1; m->section = name; m->section_pos = pos; m->section_table = -1; m->section_url = m->heading_url; }
    if (m->stage >= 0 && m->heading_url) m->j->stages[m->stage].url = m->heading_url;
}

/* "**Key**: value" or "**Key:** value" (the clean text keeps the stars); NULL otherwise. */
static const char *key_value(mdj *m, const char *s, const char **value) {
    if (strncmp(s, "**", 2)) return NULL;
    const char *e = strstr(s + 2, "**");
    if (!e) return NULL;
    const char *v = e + 2;
    bool colon_in = e > s + 2 && e[-1] == ':';
    if (!colon_in && *v != ':') return NULL;
    if (!colon_in) v++;
    while (*v == ' ') v++;
    *value = jm_mdj_clean(m->c->a, v, strlen(v));
    return jm_mdj_clean(m->c->a, s + 2, (size_t)(e - s - 2 - colon_in));
}

static jm_persona *persona(mdj *m) {
    if (!m->j->persona) {
        jm_persona *p = JM_NEW(m->c->a, jm_persona);
        p->name = "";
        m->j->persona = p;
    }
    return (jm_persona *)m->j->persona;
}

static void meta(mdj *m, const char *key, const char *value, jm_pos pos) {
    if (!g_ascii_strcasecmp(key, "author")) { m->j->author = value; return; }
    if (!m->meta) m->meta = g_string_new(NULL);
    g_string_append_printf(m->meta, "%s%s: %s", m->meta->len ? "\n" : "", key, value);
    jm_persona *p = NULL;
    if (!g_ascii_strcasecmp(key, "persona")) {
        p = persona(m);
        const char *comma = strchr(value, ',');
        p->name = comma ? jm_mdj_clean(m->c->a, value, (size_t)(comma - value)) : value;
        if (comma) p->role = jm_mdj_clean(m->c->a, comma + 1, strlen(comma + 1));
        p->pos = pos;
    } else if (!g_ascii_strcasecmp(key, "role")) persona(m)->role = value;
    else if (!g_ascii_strcasecmp(key, "archetype")) persona(m)->archetype = value;
    else if (!g_ascii_strncasecmp(key, "goal", 4)) texts_add(m, &persona(m)->goals, value, pos);
    else if (!g_ascii_strncasecmp(key, "frustration", 11)) texts_add(m, &persona(m)->frustrations, value, pos);
}

/* "😤 Frustration with current state (-2)": the emoji, the label, a stated score in parentheses
 * at the end (else estimated from the emoji or the words, marked so). */
static void emotion(mdj *m, const char *s, jm_pos pos, jm_emotion *e) {
    const char *rest = s;
    memset(e, 0, sizeof *e);
    e->pos = pos;
    jm_mdj_emoji(m->c->a, s, &e->emoji, &rest);
    char *label = jm_arena_strdup(m->c->a, rest);
    size_t n = strlen(label);
    char *open = n && label[n - 1] == ')' ? strrchr(label, '(') : NULL;
    if (open) {
        char *num = g_strndup(open + 1, (size_t)(label + n - 1 - open - 1));
        char *minus = strstr(num, "\xE2\x88\x92");   /* U+2212 minus sign */
        if (minus) { *minus = '-'; memmove(minus + 1, minus + 3, strlen(minus + 3) + 1); }
        char *end = NULL;
        double v = g_ascii_strtod(g_strstrip(num), &end);
        if (end && end != num && !*end) {
            if (v < -2 || v > 2)
                jm_diag_add(m->c->d, JM_WARNING, m->c->file, pos, "emotion score %g is outside -2 .. +2: not used", v);
            else { e->score = v; e->has_score = true; }
            *open = '\0';
            g_strchomp(label);
        }
        g_free(num);
    }
    e->label = *label ? label : NULL;
    jm_valence_fill(e);
}

/* The first sentence of a paragraph (a step's emotion: "Anxious and mildly overwhelmed. ..."). */
static const char *first_sentence(mdj *m, const char *s) {
    const char *dot = strstr(s, ". ");
    return dot ? jm_arena_strndup(m->c->a, s, (size_t)(dot - s)) : s;
}

static void opportunity(mdj *m, const char *s, jm_pos pos, jm_opportunity *o) {
    const char *value, *key = key_value(m, s, &value);
    *o = (jm_opportunity){ key ? key : jm_mdj_clean(m->c->a, s, strlen(s)), key ? value : NULL, pos };
}

/* An entry of the custom lane in force (decision makers, any other sub-heading): a lane of that
 * name among lanes[0..n), made on its first entry. */
static void custom_lane(mdj *m, jm_lane **lanes, size_t *n, const char *s, jm_pos pos) {
    size_t k = 0;
    while (k < *n && strcmp((*lanes)[k].name, m->lane_label)) k++;
    if (k == *n) *PUSH(m, *lanes, *n) = (jm_lane){ m->lane_label, { 0 }, m->lane_pos };
    m->more = texts_add(m, &(*lanes)[k].items, s, pos);
}

static void step_lane(mdj *m, const char *s, jm_pos pos) {
    jm_step *st = &m->j->steps[m->step];
    switch (m->lane) {
    case MDJ_ACTIONS: m->more = texts_add(m, &st->actions, s, pos); break;
    case MDJ_THOUGHTS: m->more = texts_add(m, &st->thoughts, s, pos); break;
    case MDJ_TOUCHPOINTS: m->more = texts_add(m, &st->touchpoints, s, pos); break;
    case MDJ_PAINS: m->more = texts_add(m, &st->pain_points, s, pos); break;
    case MDJ_TRIGGERS: m->more = texts_add(m, &st->triggers, s, pos); break;
    case MDJ_METRICS: m->more = texts_add(m, &st->metrics, s, pos); break;
    case MDJ_OPPS: opportunity(m, s, pos, PUSH(m, st->opportunities, st->n_opportunities)); break;
    case MDJ_EMOTIONS:
        if (!st->emotion) {
            jm_emotion *e = JM_NEW(m->c->a, jm_emotion);
            emotion(m, first_sentence(m, s), pos, e);
            st->emotion = e;
        }
        break;
    default: custom_lane(m, &st->lanes, &st->n_lanes, s, pos);
    }
}

static void stage_lane(mdj *m, const char *s, jm_pos pos) {
    jm_stage *st = &m->j->stages[m->stage];
    switch (m->lane) {
    case MDJ_TRIGGERS: m->more = texts_add(m, &st->triggers, s, pos); break;
    case MDJ_THOUGHTS: m->more = texts_add(m, &st->thoughts, s, pos); break;
    case MDJ_TOUCHPOINTS: m->more = texts_add(m, &st->touchpoints, s, pos); break;
    case MDJ_PAINS: m->more = texts_add(m, &st->pain_points, s, pos); break;
    case MDJ_METRICS: m->more = texts_add(m, &st->metrics, s, pos); break;
    case MDJ_OPPS: opportunity(m, s, pos, PUSH(m, st->opportunities, st->n_opportunities)); break;
    case MDJ_EMOTIONS: emotion(m, s, pos, PUSH(m, st->emotions, st->n_emotions)); break;
    case MDJ_ACTIONS: {
        jm_action *a = PUSH(m, st->actions, st->n_actions);
        *a = (jm_action){ s, NULL, NULL, pos };
        m->more = &a->text;
        break;
    }
    default: custom_lane(m, &st->lanes, &st->n_lanes, s, pos);   /* decision makers, any other sub-heading */
    }
}

static void feature(mdj *m, const char *s, jm_pos pos) {
    const char *icon = NULL, *rest = s;
    jm_mdj_emoji(m->c->a, s, &icon, &rest);
    const char *colon = strstr(rest, ": ");
    jm_feature *f = PUSH(m, m->j->features, m->j->n_features);
    *f = (jm_feature){ icon, colon ? jm_arena_strndup(m->c->a, rest, (size_t)(colon - rest)) : rest,
                       colon ? colon + 2 : NULL, pos };
}

/* "slug: Name (archetype), text": an item card; anything else is a card with that title. */
static void card(mdj *m, const char *s, jm_pos pos) {
    jm_stage *st = &m->j->stages[m->stage];
    jm_card *c = PUSH(m, st->items, st->n_items);
    const char *colon = strstr(s, ": ");
    *c = (jm_card){ s, NULL, NULL, NULL, pos };
    m->more = &c->text;
    if (!colon) { m->more = &c->title; return; }
    c->title = jm_arena_strndup(m->c->a, s, (size_t)(colon - s));
    const char *who = colon + 2, *close = strstr(who, "), "), *comma = strstr(who, ", ");
    const char *cut = close ? close + 1 : comma;
    c->who = cut ? jm_arena_strndup(m->c->a, who, (size_t)(cut - who)) : who;
    c->text = cut ? cut + 2 : NULL;
    if (!c->text) m->more = &c->who;
}

/* A list item or a line of text under a plain-text section that is no stage ("Where to go next",
 * the seed's "Scenario"): a row of a table titled with the section. Items "name: description"
 * (when the first entry is one) make two columns, anything else one. */
static void section_row(mdj *m, const char *s, jm_pos pos) {
    static const char *const two[] = { "Item", "Description" }, *const one[] = { "Text" };
    const char *colon = strstr(s, ": ");
    if (m->section_table < 0) {
        jm_table *t = PUSH(m, m->j->tables, m->j->n_tables);
        *t = (jm_table){ *m->section ? m->section : NULL, (const char **)(colon ? two : one), colon ? 2 : 1, NULL, 0, pos };
        m->section_table = (int)m->j->n_tables - 1;
    }
    jm_table *t = &m->j->tables[m->section_table];
    if (t->n_rows >= JM_MAX_ITEMS) return;
    size_t n = t->n_rows * t->n_columns;
    if (t->n_columns == 1) *PUSH(m, t->cells, n) = s;
    else {
        *PUSH(m, t->cells, n) = colon ? jm_arena_strndup(m->c->a, s, (size_t)(colon - s)) : s;
        *PUSH(m, t->cells, n) = colon ? colon + 2 : "";
    }
    t->n_rows++;
}

void jm_mdj_item(mdj *m, const char *raw, jm_pos pos) {
    const char *s = jm_mdj_clean(m->c->a, raw, strlen(raw));
    m->more = NULL;
    if (!*s) return;
    if (m->lane == MDJ_OPPS && m->step < 0 && in_stage(m))   /* "**Title**: text" */
        opportunity(m, raw, pos, PUSH(m, m->j->stages[m->stage].opportunities, m->j->stages[m->stage].n_opportunities));
    else if (m->lane == MDJ_OPPS && m->step >= 0)
        opportunity(m, raw, pos, PUSH(m, m->j->steps[m->step].opportunities, m->j->steps[m->step].n_opportunities));
    else if (m->lane == MDJ_FEATURES) feature(m, s, pos);
    else if (m->lane != MDJ_NONE && m->step >= 0) step_lane(m, s, pos);
    else if (m->lane != MDJ_NONE && in_stage(m)) stage_lane(m, s, pos);
    else if (m->step < 0 && in_stage(m)) card(m, s, pos);
    else if (m->step < 0 && m->section && !m->markdown) section_row(m, s, pos);
}

void jm_mdj_item_more(mdj *m, const char *s) {
    if (m->more && *m->more) *m->more = jm_arena_printf(m->c->a, "%s %s", *m->more, s);
    else if (m->more) *m->more = s;
}

void jm_mdj_line(mdj *m, const char *raw, jm_pos pos) {
    const char *value, *key = key_value(m, raw, &value), *s = jm_mdj_clean(m->c->a, raw, strlen(raw));
    if (!*s) return;
    if (!strncmp(s, "\xE2\x80\xA2 ", 4)) {   /* "• " bullets: a list; after feature lines, a list of its own */
        if (m->lane == MDJ_FEATURES) { m->lane = MDJ_NONE; m->section = ""; m->section_table = -1; }
        jm_mdj_item(m, s + 4, pos);
        return;
    }
    if (m->lane != MDJ_NONE) { jm_mdj_item(m, raw, pos); return; }
    if (key && m->stage < 0 && m->step < 0 && !m->section && m->lane == MDJ_NONE) { meta(m, key, value, pos); return; }
    if (m->section && m->step < 0 && !m->markdown) { section_row(m, s, pos); return; }
    if (m->step >= 0 || m->section) return;   /* narrative under a step, or a Markdown section: not drawn */
    if (m->stage >= 0) {
        jm_stage *st = &m->j->stages[m->stage];
        st->need = st->need ? jm_arena_printf(m->c->a, "%s %s", st->need, s) : s;
        return;
    }
    if (!m->j->title) { m->j->title = s; return; }
    if (!m->prose) m->prose = g_string_new(NULL);
    g_string_append_printf(m->prose, "%s%s", m->prose->len ? " " : "", s);
}

void jm_mdj_quote(mdj *m, const char *s, jm_pos pos) {
    m->more = NULL;
    if (m->lane == MDJ_NONE && m->step < 0 && m->stage < 0 && !m->section) {
        if (!m->quote) { m->quote = s; m->quote_pos = pos; }
        return;
    }
    mdj_lane keep = m->lane;
    if (m->lane == MDJ_NONE) m->lane = MDJ_THOUGHTS;   /* a quote under a stage or step is a thought */
    jm_mdj_item(m, s, pos);
    m->lane = keep;
}

/* ---- tables ---- */

static int column(const jm_table *t, const char *name) {
    for (size_t k = 0; k < t->n_columns; k++)
        if (!g_ascii_strncasecmp(t->columns[k], name, strlen(name))) return (int)k;
    return -1;
}

void jm_mdj_table(mdj *m, cmark_node *n, jm_pos pos) {
    jm_table t = { .pos = pos };
    size_t rows = 0;
    for (cmark_node *r = cmark_node_first_child(n); r; r = cmark_node_next(r)) rows++;
    cmark_node *head = cmark_node_first_child(n);
    for (cmark_node *k = head ? cmark_node_first_child(head) : NULL; k; k = cmark_node_next(k)) t.n_columns++;
    if (!t.n_columns || t.n_columns > JM_MAX_COLUMNS || rows > JM_MAX_ITEMS) {
        jm_diag_add(m->c->d, JM_WARNING, m->c->file, pos, "table cannot be read: it has %zu columns and %zu rows "
                    "(1 .. %d columns, at most %d rows): left out", t.n_columns, rows, JM_MAX_COLUMNS, JM_MAX_ITEMS);
        return;
    }
    t.columns = JM_NEWV(m->c->a, const char *, t.n_columns);
    t.cells = JM_NEWV(m->c->a, const char *, t.n_columns * rows);
    jm_pos *row_pos = JM_NEWV(m->c->a, jm_pos, rows);
    size_t k = 0;
    for (cmark_node *c = cmark_node_first_child(head); c; c = cmark_node_next(c)) t.columns[k++] = jm_mdj_inline(m, c);
    for (cmark_node *r = cmark_node_next(head); r; r = cmark_node_next(r), t.n_rows++) {
        row_pos[t.n_rows] = (jm_pos){ cmark_node_get_start_line(r), cmark_node_get_start_column(r) };
        k = 0;
        for (cmark_node *c = cmark_node_first_child(r); c && k < t.n_columns; c = cmark_node_next(c))
            t.cells[t.n_rows * t.n_columns + k++] = jm_mdj_inline(m, c);
        while (k < t.n_columns) t.cells[t.n_rows * t.n_columns + k++] = "";
    }
    int dur = column(&t, "duration"), need = column(&t, "key need");
    if (need < 0) need = column(&t, "need");
    if (column(&t, "stage") == 0 && (dur >= 0 || need >= 0))   /* a summary: each stage's duration and need */
        for (size_t r = 0; r < t.n_rows; r++) {
            const char **row = t.cells + r * t.n_columns;
            int k2 = jm_mdj_stage_named(m, row[0]);
            if (k2 < 0) continue;
            jm_stage *st = &m->j->stages[k2];
            if (dur >= 0 && !st->duration && *row[dur]) st->duration = row[dur];
            if (need >= 0 && !st->need && *row[need]) st->need = row[need];
        }
    int act = column(&t, "action"), ch = column(&t, "channel"), fr = column(&t, "frequen");
    if (m->lane == MDJ_ACTIONS && m->step < 0 && in_stage(m) && (act >= 0 || ch >= 0 || fr >= 0)) {
        jm_stage *st = &m->j->stages[m->stage];
        for (size_t r = 0; r < t.n_rows; r++) {
            const char **row = t.cells + r * t.n_columns;
            jm_action *a = PUSH(m, st->actions, st->n_actions);
            *a = (jm_action){ row[act >= 0 ? act : 0], ch >= 0 ? row[ch] : NULL, fr >= 0 ? row[fr] : NULL,
                              row_pos[r] };
        }
        return;
    }
    if (m->lane == MDJ_ACTIONS)
        jm_diag_add(m->c->d, JM_WARNING, m->c->file, pos, "an actions table needs an 'Action', 'Channel' or "
                    "'Frequency' column: drawn as a table of the map");
    t.title = m->lane != MDJ_NONE ? m->lane_label : m->section ? m->section
            : m->stage >= 0 ? m->j->stages[m->stage].name : NULL;
    *PUSH(m, m->j->tables, m->j->n_tables) = t;
}
