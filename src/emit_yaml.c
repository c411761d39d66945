/* emit_yaml.c - jm_emit_yaml: the model as journeymap YAML through libyaml's event emitter, key
 * for key in the order the loader documents them. Texts that would read as something else
 * (empty, null, true, a number) are double-quoted; everything else uses libyaml's choice. */
#include "emit_yaml.h"
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

/* Emoji as themselves. libyaml's emitter counts no character above U+FFFF as printable, even
 * with unicode output on, and writes each as a "\U0001F624" escape. So each such character is
 * handed to it as a stand-in from the private use area (U+E000 + k, printable to libyaml) and
 * put back in the output. A document that holds private-use characters itself is written again
 * without stand-ins (escapes, but never a wrong character). */
enum { STANDIN_FIRST = 0xE000, STANDIN_LAST = 0xF8FF };

typedef struct {
    yaml_emitter_t em;
    bool ok;
    const jm_journey *j;
    const jm_sequence *seq;
    GArray *astral;         /* stand-in k is astral[k]; NULL: none (write escapes) */
    bool pua_seen;          /* a text holds a private-use character: stand-ins are unsafe */
    GString *buf;           /* the scalar with its stand-ins */
} emit_ctx;

static int write_out(void *data, unsigned char *buf, size_t size) {
    g_byte_array_append(data, buf, (guint)size);
    return 1;
}

static void ev(emit_ctx *E, yaml_event_t *e, int made) {
    if (!E->ok) { if (made) yaml_event_delete(e); return; }
    if (!made || !yaml_emitter_emit(&E->em, e)) E->ok = false;
}

/* A text that the loader would not read back as this text when plain. */
static bool needs_quotes(const char *s) {
    static const char *const words[] = { "", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False",
                                         "FALSE", "yes", "no", "on", "off", "Yes", "No", "On", "Off", NULL };
    for (int i = 0; words[i]; i++)
        if (strcmp(s, words[i]) == 0) return true;
    char *end;
    strtod(s, &end);
    return end != s && *end == '\0';
}

/* s with each character above U+FFFF replaced by its stand-in (E->buf's text), or s itself. */
static const char *standins(emit_ctx *E, const char *s) {
    if (!E->astral || !g_utf8_validate(s, -1, NULL)) return s;
    bool any = false;
    for (const char *p = s; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (c >= STANDIN_FIRST && c <= STANDIN_LAST) E->pua_seen = true;
        any |= c > 0xFFFF;
    }
    if (!any || E->pua_seen) return s;
    g_string_truncate(E->buf, 0);
    for (const char *p = s; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (c > 0xFFFF) {
            guint k = 0;
            while (k < E->astral->len && g_array_index(E->astral, gunichar, k) != c) k++;
            if (k > STANDIN_LAST - STANDIN_FIRST) { E->pua_seen = true; return s; }   /* too many kinds: escapes */
            if (k == E->astral->len) g_array_append_val(E->astral, c);
            c = STANDIN_FIRST + k;
        }
        g_string_append_unichar(E->buf, c);
    }
    return E->buf->str;
}

/* out[from..] with every stand-in put back. */
static void put_back(const GArray *astral, GByteArray *out, size_t from) {
    GString *s = g_string_sized_new(out->len - from);
    const char *p = (const char *)out->data + from, *end = (const char *)out->data + out->len;
    while (p < end) {
        gunichar c = g_utf8_get_char_validated(p, end - p);
        if (c >= STANDIN_FIRST && c - STANDIN_FIRST < astral->len) {
            g_string_append_unichar(s, g_array_index(astral, gunichar, c - STANDIN_FIRST));
            p = g_utf8_next_char(p);
        } else g_string_append_c(s, *p++);
    }
    g_byte_array_set_size(out, (guint)from);
    g_byte_array_append(out, (const guint8 *)s->str, (guint)s->len);
    g_string_free(s, TRUE);
}

static void scalar(emit_ctx *E, const char *s, bool quoted_if_needed) {
    yaml_event_t e;
    s = standins(E, s);
    yaml_scalar_style_t st = quoted_if_needed && needs_quotes(s) ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_ANY_SCALAR_STYLE;
    ev(E, &e, yaml_scalar_event_initialize(&e, NULL, NULL, (yaml_char_t *)s, (int)strlen(s), 1, 1, st));
}
static void text(emit_ctx *E, const char *s) { scalar(E, s, true); }
static void key(emit_ctx *E, const char *k) { scalar(E, k, false); }

static void map_start(emit_ctx *E, bool flow) {
    yaml_event_t e;
    ev(E, &e, yaml_mapping_start_event_initialize(&e, NULL, NULL, 1, flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE));
}
static void map_end(emit_ctx *E) { yaml_event_t e; ev(E, &e, yaml_mapping_end_event_initialize(&e)); }
static void seq_start(emit_ctx *E) {
    yaml_event_t e;
    ev(E, &e, yaml_sequence_start_event_initialize(&e, NULL, NULL, 1, YAML_BLOCK_SEQUENCE_STYLE));
}
static void seq_end(emit_ctx *E) { yaml_event_t e; ev(E, &e, yaml_sequence_end_event_initialize(&e)); }

static void kv(emit_ctx *E, const char *k, const char *v) { if (v) { key(E, k); text(E, v); } }
static void kv_plain(emit_ctx *E, const char *k, const char *v) { key(E, k); scalar(E, v, false); }
static void kv_bool(emit_ctx *E, const char *k, bool v) { if (v) kv_plain(E, k, "true"); }
static void kv_num(emit_ctx *E, const char *k, double v) {
    char buf[40];
    g_ascii_formatd(buf, sizeof buf, "%.17g", v);
    kv_plain(E, k, buf);
}

static void texts(emit_ctx *E, const char *k, const jm_texts *t) {
    if (!t->n) return;
    key(E, k);
    seq_start(E);
    for (size_t i = 0; i < t->n; i++) text(E, t->v[i]);
    seq_end(E);
}

static void emotion(emit_ctx *E, const jm_emotion *e) {
    map_start(E, false);
    kv(E, "label", e->label);
    if (e->has_score && !e->estimated) kv_num(E, "score", e->score);   /* an estimate is estimated again on reload */
    kv(E, "emoji", e->emoji);
    map_end(E);
}

/* A list of records whose fields are texts: n records of `size` bytes from base, each field
 * names[f] at offset offs[f] (a const char *, NULL: left out), names NULL-terminated. */
typedef struct { const char *names[5]; size_t offs[4]; } record_shape;

static void records(emit_ctx *E, const char *k, const void *base, size_t n, size_t size, const record_shape *r) {
    if (!n) return;
    key(E, k);
    seq_start(E);
    for (size_t i = 0; i < n; i++) {
        map_start(E, false);
        for (int f = 0; r->names[f]; f++)
            kv(E, r->names[f], *(const char *const *)((const char *)base + i * size + r->offs[f]));
        map_end(E);
    }
    seq_end(E);
}

static const record_shape OPPORTUNITY = { { "title", "text", NULL }, { offsetof(jm_opportunity, title), offsetof(jm_opportunity, text) } };
static const record_shape CARD = { { "title", "who", "text", "url", NULL },
                                   { offsetof(jm_card, title), offsetof(jm_card, who), offsetof(jm_card, text), offsetof(jm_card, url) } };
static const record_shape ACTION = { { "text", "channel", "frequency", NULL },
                                     { offsetof(jm_action, text), offsetof(jm_action, channel), offsetof(jm_action, frequency) } };
static const record_shape FEATURE = { { "icon", "title", "text", NULL },
                                      { offsetof(jm_feature, icon), offsetof(jm_feature, title), offsetof(jm_feature, text) } };

static void opportunities(emit_ctx *E, const jm_opportunity *o, size_t n) {
    records(E, "opportunities", o, n, sizeof *o, &OPPORTUNITY);
}

static void persona(emit_ctx *E, const jm_persona *p) {
    key(E, "persona");
    map_start(E, false);
    kv(E, "name", p->name);
    kv(E, "role", p->role);
    kv(E, "archetype", p->archetype);
    kv(E, "quote", p->quote);
    texts(E, "goals", &p->goals);
    texts(E, "frustrations", &p->frustrations);
    if (p->image) {
        size_t dl = E->j->dir ? strlen(E->j->dir) : 0;
        bool inside = dl && strncmp(p->image, E->j->dir, dl) == 0 && p->image[dl] == '/';
        kv(E, "image", inside ? p->image + dl + 1 : p->image);
    }
    map_end(E);
}

static void lanes(emit_ctx *E, const jm_lane *l, size_t n) {
    if (!n) return;
    key(E, "lanes");
    map_start(E, false);
    for (size_t i = 0; i < n; i++) {
        text(E, l[i].name);
        seq_start(E);
        for (size_t k = 0; k < l[i].items.n; k++) text(E, l[i].items.v[k]);
        seq_end(E);
    }
    map_end(E);
}

static void stage(emit_ctx *E, const jm_stage *s) {
    map_start(E, false);
    kv(E, "id", s->id);
    kv(E, "name", s->name);
    if (s->has_count) kv_num(E, "count", s->count);
    kv(E, "unit", s->unit);
    kv(E, "note", s->note);
    kv_bool(E, "gap", s->gap);
    kv(E, "duration", s->duration);
    kv(E, "need", s->need);
    kv(E, "transition", s->transition);
    kv(E, "url", s->url);
    records(E, "items", s->items, s->n_items, sizeof *s->items, &CARD);
    texts(E, "triggers", &s->triggers);
    texts(E, "pain_points", &s->pain_points);
    texts(E, "touchpoints", &s->touchpoints);
    texts(E, "metrics", &s->metrics);
    texts(E, "thoughts", &s->thoughts);
    records(E, "actions", s->actions, s->n_actions, sizeof *s->actions, &ACTION);
    if (s->n_emotions) {
        key(E, "emotions");
        seq_start(E);
        for (size_t i = 0; i < s->n_emotions; i++) emotion(E, &s->emotions[i]);
        seq_end(E);
    }
    opportunities(E, s->opportunities, s->n_opportunities);
    lanes(E, s->lanes, s->n_lanes);
    map_end(E);
}

static void step(emit_ctx *E, const jm_step *st) {
    map_start(E, false);
    kv(E, "title", st->title);
    if (st->stage >= 0 && E->j->n_stages) kv(E, "stage", E->j->stages[st->stage].id);
    texts(E, "actions", &st->actions);
    texts(E, "thoughts", &st->thoughts);
    if (st->emotion) { key(E, "emotion"); emotion(E, st->emotion); }
    texts(E, "touchpoints", &st->touchpoints);
    texts(E, "pain_points", &st->pain_points);
    opportunities(E, st->opportunities, st->n_opportunities);
    texts(E, "actors", &st->actors);
    texts(E, "triggers", &st->triggers);
    texts(E, "metrics", &st->metrics);
    lanes(E, st->lanes, st->n_lanes);
    kv(E, "url", st->url);
    map_end(E);
}

static const char *part_id(emit_ctx *E, int i) { return E->seq->participants[i].id; }

static void part_ids(emit_ctx *E, const char *k, const int *v, size_t n) {
    if (!n) return;
    key(E, k);
    seq_start(E);
    for (size_t i = 0; i < n; i++) text(E, part_id(E, v[i]));
    seq_end(E);
}

static void color(emit_ctx *E, const char *k, jm_color c) {
    char buf[16];
    int r = (int)(c.r * 255 + 0.5), g = (int)(c.g * 255 + 0.5), b = (int)(c.b * 255 + 0.5), a = (int)(c.a * 255 + 0.5);
    if (a == 255) snprintf(buf, sizeof buf, "#%02x%02x%02x", r, g, b);
    else snprintf(buf, sizeof buf, "#%02x%02x%02x%02x", r, g, b, a);
    kv(E, k, buf);
}

static void items(emit_ctx *E, const jm_seq_item *it, size_t n);

/* The sequence's first numbers (Mermaid's `autonumber 10 5` before any message) as the first
 * message's restart, which numbers the same. */
static jm_seq_item first_numbered(const jm_sequence *s, const jm_seq_item *m) {
    jm_seq_item c = *m;
    if (m == &s->items[0] && m->numbering == JM_NUMBER_KEEP && s->autonumber &&
        (s->autonumber_start > 0 || s->autonumber_step > 0)) {
        c.numbering = JM_NUMBER_ON;
        c.number_start = s->autonumber_start > 0 ? s->autonumber_start : 1;
        c.number_step = s->autonumber_step;
    }
    return c;
}

static void message(emit_ctx *E, const jm_seq_item *msg) {
    jm_seq_item first = first_numbered(E->seq, msg);
    const jm_seq_item *m = &first;
    static const char *const kinds[] = { "sync", "reply", "async" };
    static const char *const halves[] = { "none", "top", "bottom" };
    static const char *const tips[] = { "kind", "none", "open", "cross" };
    static const char *const circles[] = { "none", "from", "to", "both" };
    kv(E, "from", part_id(E, m->from));
    kv(E, "to", part_id(E, m->to));
    kv(E, "text", m->text);
    kv_plain(E, "kind", kinds[m->msg]);
    if (m->tip != JM_TIP_KIND) kv_plain(E, "tip", tips[m->tip]);
    if (m->half != JM_HALF_NONE) kv_plain(E, "half", halves[m->half]);
    kv_bool(E, "both_ends", m->both_ends);
    if (m->circle_from || m->circle_to) kv_plain(E, "circles", circles[m->circle_from + 2 * m->circle_to]);
    kv_bool(E, "activate", m->activate);
    kv_bool(E, "deactivate", m->deactivate);
    part_ids(E, "opens", m->opens, m->n_opens);
    part_ids(E, "closes", m->closes, m->n_closes);
    if (m->create) kv(E, "create", part_id(E, m->to));
    if (m->destroy_from) kv(E, "destroy", part_id(E, m->from));
    else if (m->destroy_to) kv(E, "destroy", part_id(E, m->to));
    if (m->numbering == JM_NUMBER_OFF) kv_plain(E, "autonumber", "false");
    else if (m->numbering == JM_NUMBER_ON && m->number_start <= 0) kv_plain(E, "autonumber", "true");
    else if (m->numbering == JM_NUMBER_ON) {
        char buf[32];
        if (m->number_step > 0) snprintf(buf, sizeof buf, "%d %d", m->number_start, m->number_step);
        else snprintf(buf, sizeof buf, "%d", m->number_start);
        kv(E, "autonumber", buf);
    }
}

static void section(emit_ctx *E, const jm_seq_section *s) {
    key(E, "messages");
    items(E, s->items, s->n_items);
}

static void item(emit_ctx *E, const jm_seq_item *it) {
    static const char *const places[] = { "over", "left_of", "right_of" };
    static const char *const groups[] = { "loop", "alt", "opt", "par", "critical", "break" };
    map_start(E, false);
    switch (it->kind) {
    case JM_SEQ_MESSAGE: message(E, it); break;
    case JM_SEQ_NOTE:
        key(E, "note"); text(E, it->text ? it->text : "");
        key(E, places[it->place]);
        if (it->place != JM_NOTE_OVER) text(E, part_id(E, it->over[0]));
        else {
            seq_start(E);
            for (size_t i = 0; i < it->n_over; i++) text(E, part_id(E, it->over[i]));
            seq_end(E);
        }
        break;
    case JM_SEQ_DELAY: key(E, "delay"); text(E, it->text ? it->text : ""); break;
    case JM_SEQ_GROUP:
        kv_plain(E, "group", groups[it->group]);
        kv(E, "label", it->sections[0].label);
        section(E, &it->sections[0]);
        if (it->n_sections > 1) {
            key(E, "else");
            seq_start(E);
            for (size_t i = 1; i < it->n_sections; i++) {
                map_start(E, false);
                kv(E, "label", it->sections[i].label);
                section(E, &it->sections[i]);
                map_end(E);
            }
            seq_end(E);
        }
        break;
    case JM_SEQ_RECT:
        if (it->has_color) color(E, "rect", it->color);
        else kv_plain(E, "rect", "~");   /* no colour of its own: the style's */
        section(E, &it->sections[0]);
        break;
    }
    map_end(E);
}

static void items(emit_ctx *E, const jm_seq_item *it, size_t n) {
    seq_start(E);
    for (size_t i = 0; i < n; i++) item(E, &it[i]);
    seq_end(E);
}

static void sequence(emit_ctx *E, const jm_sequence *s) {
    static const char *const kinds[] = { "participant", "actor", "system", "database", "boundary", "control",
                                         "entity", "queue", "collections" };
    E->seq = s;
    key(E, "sequence");
    map_start(E, false);
    kv(E, "title", s->title);
    kv_bool(E, "autonumber", s->autonumber);
    if (s->n_participants) {
        key(E, "participants");
        seq_start(E);
        for (size_t i = 0; i < s->n_participants; i++) {
            map_start(E, false);
            kv(E, "id", s->participants[i].id);
            kv(E, "label", s->participants[i].label);
            if (s->participants[i].kind != JM_PART_PARTICIPANT) kv_plain(E, "kind", kinds[s->participants[i].kind]);
            kv(E, "url", s->participants[i].url);
            map_end(E);
        }
        seq_end(E);
    }
    if (s->n_boxes) {
        key(E, "boxes");
        seq_start(E);
        for (size_t i = 0; i < s->n_boxes; i++) {
            const jm_seq_box *b = &s->boxes[i];
            map_start(E, false);
            kv(E, "label", b->label);
            if (b->has_color) color(E, "color", b->color);
            key(E, "participants");
            seq_start(E);
            for (int p = b->first; p <= b->last; p++) text(E, part_id(E, p));
            seq_end(E);
            map_end(E);
        }
        seq_end(E);
    }
    key(E, "messages");
    items(E, s->items, s->n_items);
    map_end(E);
}

static bool emit(const jm_journey *j, GByteArray *out, jm_diags *d, GArray *astral, bool *pua_seen);

bool jm_emit_yaml(const jm_journey *j, GByteArray *out, jm_diags *d) {
    size_t from = out->len;
    GArray *astral = g_array_new(FALSE, FALSE, sizeof(gunichar));
    bool pua = false, ok = emit(j, out, d, astral, &pua);
    if (ok && pua) {   /* stand-ins would be ambiguous: again, with escapes */
        g_byte_array_set_size(out, (guint)from);
        ok = emit(j, out, d, NULL, &pua);
    } else if (ok) put_back(astral, out, from);
    g_array_free(astral, TRUE);
    return ok;
}

static bool emit(const jm_journey *j, GByteArray *out, jm_diags *d, GArray *astral, bool *pua_seen) {
    emit_ctx E = { .ok = true, .j = j, .astral = astral, .buf = g_string_new(NULL) };
    if (!yaml_emitter_initialize(&E.em)) {
        jm_error(d, NULL, (jm_pos){ 0, 0 }, "cannot write YAML: out of memory");
        g_string_free(E.buf, TRUE);
        return false;
    }
    yaml_emitter_set_output(&E.em, write_out, out);
    yaml_emitter_set_unicode(&E.em, 1);
    yaml_emitter_set_width(&E.em, 100);
    yaml_event_t e;
    ev(&E, &e, yaml_stream_start_event_initialize(&e, YAML_UTF8_ENCODING));
    ev(&E, &e, yaml_document_start_event_initialize(&e, NULL, NULL, NULL, 1));
    map_start(&E, false);
    kv(&E, "title", j->title ? j->title : "");   /* YAML needs one; "" reads as none (a Mermaid file may have none) */
    kv(&E, "subtitle", j->subtitle);
    kv(&E, "author", j->author);
    kv(&E, "acc_title", j->acc_title);
    kv(&E, "acc_descr", j->acc_descr);
    kv(&E, "style", j->style);
    texts(&E, "views", &j->views);
    if (j->persona) persona(&E, j->persona);
    if (j->n_stages) {
        key(&E, "stages");
        seq_start(&E);
        for (size_t i = 0; i < j->n_stages; i++) stage(&E, &j->stages[i]);
        seq_end(&E);
    }
    if (j->n_steps) {
        key(&E, "steps");
        seq_start(&E);
        for (size_t i = 0; i < j->n_steps; i++) step(&E, &j->steps[i]);
        seq_end(&E);
    }
    if (j->sequence) sequence(&E, j->sequence);
    if (j->n_lane_labels) {
        key(&E, "lane_labels");
        map_start(&E, false);
        for (size_t i = 0; i < j->n_lane_labels; i++) {
            text(&E, j->lane_labels[i].name);
            text(&E, j->lane_labels[i].label);
        }
        map_end(&E);
    }
    records(&E, "features", j->features, j->n_features, sizeof *j->features, &FEATURE);
    if (j->n_tables) {
        key(&E, "tables");
        seq_start(&E);
        for (size_t i = 0; i < j->n_tables; i++) {
            const jm_table *t = &j->tables[i];
            map_start(&E, false);
            kv(&E, "title", t->title);
            key(&E, "columns");
            seq_start(&E);
            for (size_t c = 0; c < t->n_columns; c++) text(&E, t->columns[c]);
            seq_end(&E);
            key(&E, "rows");
            seq_start(&E);
            for (size_t r = 0; r < t->n_rows; r++) {
                seq_start(&E);
                for (size_t c = 0; c < t->n_columns; c++) text(&E, t->cells[r * t->n_columns + c] ? t->cells[r * t->n_columns + c] : "");
                seq_end(&E);
            }
            seq_end(&E);
            map_end(&E);
        }
        seq_end(&E);
    }
    map_end(&E);
    ev(&E, &e, yaml_document_end_event_initialize(&e, 1));
    ev(&E, &e, yaml_stream_end_event_initialize(&e));
    if (E.ok && !yaml_emitter_flush(&E.em)) E.ok = false;
    if (!E.ok)
        jm_error(d, NULL, (jm_pos){ 0, 0 }, "cannot write YAML: %s", E.em.problem ? E.em.problem : "libyaml failed");
    yaml_emitter_delete(&E.em);
    g_string_free(E.buf, TRUE);
    *pua_seen = E.pua_seen;
    return E.ok;
}
