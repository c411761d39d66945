/* load_mermaid_seq.c - Mermaid `sequenceDiagram` into the model's sequence: participants (declared,
 * aliased, typed with @{ "type": ... }, or implicit), every arrow, activations, notes, the blocks
 * (loop, alt/else, opt, par/and, critical/option, break), rect highlights, participant boxes,
 * create/destroy and autonumber (also turned off and restarted between messages).
 *
 * Participant links (link, links) link the participant's head; a second link of one participant
 * is a warning. What the sequence view does not draw is reported once per construct. Blocks
 * nest on a stack; items are collected as pointers (stable while lists grow) and copied into the
 * model's arrays at `end`. */
#include "css_color.h"
#include "load_mermaid.h"
#include <glib.h>
#include <stdlib.h>
#include <string.h>

typedef enum {
    SK_PARTICIPANT, SK_ACTOR, SK_CREATE, SK_DESTROY, SK_NOTE, SK_LOOP, SK_ALT, SK_ELSE, SK_OPT, SK_PAR,
    SK_PAR_OVER, SK_AND, SK_CRITICAL, SK_OPTION, SK_BREAK, SK_RECT, SK_BOX, SK_END, SK_ACTIVATE,
    SK_DEACTIVATE, SK_AUTONUMBER, SK_TITLE, SK_LINK, SK_LINKS, SK_PROPERTIES, SK_DETAILS,
} seq_kw;

static const mmd_keyword seq_keywords[] = {
    { "participant", SK_PARTICIPANT, "declares a participant: 'participant A as Alice'" },
    { "actor", SK_ACTOR, "declares a participant drawn as a stick figure" },
    { "create", SK_CREATE, "'create participant A': A appears at the next message, which it receives" },
    { "destroy", SK_DESTROY, "'destroy A': A's lifeline ends at the next message, which it sends or receives" },
    { "note", SK_NOTE, "'Note left of A: text', 'Note right of A: text', 'Note over A,B: text'" },
    { "loop", SK_LOOP, "a loop frame, closed by 'end'" },
    { "alt", SK_ALT, "alternatives: 'alt label', 'else label', 'end'" },
    { "else", SK_ELSE, "the next branch of an 'alt'" },
    { "opt", SK_OPT, "an optional frame" },
    { "par", SK_PAR, "parallel branches: 'par label', 'and label', 'end'" },
    { "par_over", SK_PAR_OVER, "parallel branches drawn over each other (drawn as 'par')" },
    { "and", SK_AND, "the next branch of a 'par'" },
    { "critical", SK_CRITICAL, "a critical region: 'critical label', 'option label', 'end'" },
    { "option", SK_OPTION, "the next branch of a 'critical'" },
    { "break", SK_BREAK, "a break frame: what happens when the flow stops" },
    { "rect", SK_RECT, "a highlight behind messages: 'rect rgb(200, 220, 255)', closed by 'end'" },
    { "box", SK_BOX, "a group of participants: 'box Aqua Label', closed by 'end'" },
    { "end", SK_END, "closes a loop, alt, opt, par, critical, break, rect or box" },
    { "activate", SK_ACTIVATE, "starts an activation bar on a participant" },
    { "deactivate", SK_DEACTIVATE, "ends an activation bar" },
    { "autonumber", SK_AUTONUMBER, "numbers the messages: 'autonumber', 'autonumber 10 5'" },
    { "title", SK_TITLE, "the diagram's title" },
    { "link", SK_LINK, "a participant's link: 'link A: Dashboard @ https://...'" },
    { "links", SK_LINKS, "a participant's links: 'links A: {\"Dashboard\": \"https://...\"}' (the first is linked)" },
    { "properties", SK_PROPERTIES, "participant properties (not drawn)" },
    { "details", SK_DETAILS, "participant details (not drawn)" },
    { NULL, 0, NULL },
};

/* Arrows, by length where one is a prefix of another. A reversed arrow (/|- and the like) points
 * from right to left: its receiver is written first. */
typedef struct {
    const char *text;
    jm_msg_kind kind;
    jm_msg_tip tip;
    bool both, reversed;
    jm_msg_half half;
} seq_arrow;
#define T JM_HALF_TOP
#define B JM_HALF_BOTTOM
static const seq_arrow arrows[] = {
    { "<<-->>", JM_MSG_REPLY, JM_TIP_KIND, true, false, 0 },
    { "<<->>", JM_MSG_SYNC, JM_TIP_KIND, true, false, 0 },
    { "-->>", JM_MSG_REPLY, JM_TIP_KIND, false, false, 0 },
    { "->>", JM_MSG_SYNC, JM_TIP_KIND, false, false, 0 },
    { "--x", JM_MSG_REPLY, JM_TIP_CROSS, false, false, 0 },
    { "-x", JM_MSG_SYNC, JM_TIP_CROSS, false, false, 0 },
    { "--)", JM_MSG_REPLY, JM_TIP_OPEN, false, false, 0 },
    { "-)", JM_MSG_ASYNC, JM_TIP_KIND, false, false, 0 },
    { "--|\\", JM_MSG_REPLY, JM_TIP_KIND, false, false, T },
    { "--|/", JM_MSG_REPLY, JM_TIP_KIND, false, false, B },
    { "--\\\\", JM_MSG_REPLY, JM_TIP_OPEN, false, false, T },
    { "--//", JM_MSG_REPLY, JM_TIP_OPEN, false, false, B },
    { "-|\\", JM_MSG_SYNC, JM_TIP_KIND, false, false, T },
    { "-|/", JM_MSG_SYNC, JM_TIP_KIND, false, false, B },
    { "-\\\\", JM_MSG_SYNC, JM_TIP_OPEN, false, false, T },
    { "-//", JM_MSG_SYNC, JM_TIP_OPEN, false, false, B },
    { "/|--", JM_MSG_REPLY, JM_TIP_KIND, false, true, T },
    { "\\|--", JM_MSG_REPLY, JM_TIP_KIND, false, true, B },
    { "//--", JM_MSG_REPLY, JM_TIP_OPEN, false, true, T },
    { "\\\\--", JM_MSG_REPLY, JM_TIP_OPEN, false, true, B },
    { "/|-", JM_MSG_SYNC, JM_TIP_KIND, false, true, T },
    { "\\|-", JM_MSG_SYNC, JM_TIP_KIND, false, true, B },
    { "//-", JM_MSG_SYNC, JM_TIP_OPEN, false, true, T },
    { "\\\\-", JM_MSG_SYNC, JM_TIP_OPEN, false, true, B },
    { "-->", JM_MSG_REPLY, JM_TIP_NONE, false, false, 0 },
    { "->", JM_MSG_SYNC, JM_TIP_NONE, false, false, 0 },
};
#undef T
#undef B

/* Participant types of Mermaid v11 (@{ "type": ... }): each is a kind the view draws. */
static const struct { const char *type; jm_part_kind kind; } part_types[] = {
    { "participant", JM_PART_PARTICIPANT }, { "actor", JM_PART_ACTOR }, { "database", JM_PART_DATABASE },
    { "boundary", JM_PART_BOUNDARY }, { "control", JM_PART_CONTROL }, { "entity", JM_PART_ENTITY },
    { "collections", JM_PART_COLLECTIONS }, { "queue", JM_PART_QUEUE },
};

typedef struct { jm_seq_item **v; size_t n, cap; } pvec;

typedef enum { B_GROUP, B_BOX, B_RECT } block_kind;
typedef struct {
    block_kind kind;
    jm_seq_item *item;           /* B_GROUP, B_RECT: the group or rect being built */
    size_t first_part;           /* B_BOX: participants declared from here on are in it */
    pvec *secs; size_t n_secs, cap_secs;
    const char *word;            /* the keyword, for messages */
    jm_pos pos;
} block;

#define MAX_BLOCKS (2 * JM_MAX_GROUP_DEPTH)

typedef struct {
    mmd_doc *m;
    jm_sequence *s;
    size_t cap_parts;
    pvec root;
    block stack[MAX_BLOCKS]; int depth, groups;
    jm_seq_item *last_msg;       /* for activate/deactivate */
    int *opens; size_t n_opens, cap_opens;   /* standalone `activate X`: bars the next message opens */
    jm_pos opens_pos;            /* the first of them, for "no message follows" */
    size_t n_items;
    size_t cap_boxes;
    int create, destroy;         /* participant of a pending create / destroy, -1: none */
    jm_seq_item number;          /* a pending autonumber: numbering, number_start, number_step */
    jm_pos create_pos, destroy_pos;
} seq_reader;

static void push(seq_reader *R, pvec *v, jm_seq_item *it) {
    JM_RESERVE(R->m->c->a, v->v, v->n, 1, v->cap, 16);
    v->v[v->n++] = it;
}

/* The list new items go to: the innermost group's or rect's last section, else the top level. */
static pvec *current(seq_reader *R) {
    for (int i = R->depth - 1; i >= 0; i--)
        if (R->stack[i].kind != B_BOX) return &R->stack[i].secs[R->stack[i].n_secs - 1];
    return &R->root;
}

static void flatten(seq_reader *R, const pvec *v, jm_seq_item **out, size_t *n) {
    *out = JM_NEWV(R->m->c->a, jm_seq_item, v->n ? v->n : 1);
    for (size_t i = 0; i < v->n; i++) (*out)[i] = *v->v[i];
    *n = v->n;
}

/* Index of participant `id`, declared now when new (Mermaid's implicit participants). -1 after
 * a diagnostic when there are too many. */
static int participant(seq_reader *R, const char *id, jm_pos pos) {
    jm_sequence *s = R->s;
    for (size_t i = 0; i < s->n_participants; i++)
        if (strcmp(s->participants[i].id, id) == 0) return (int)i;
    jm_lctx *c = R->m->c;
    if (s->n_participants >= JM_MAX_PARTICIPANTS) {
        jm_error(c->d, c->file, pos, "more than %d participants", JM_MAX_PARTICIPANTS);
        return -1;
    }
    JM_RESERVE(c->a, s->participants, s->n_participants, 1, R->cap_parts, 8);
    s->participants[s->n_participants] = (jm_participant){ .id = id, .label = id, .kind = JM_PART_PARTICIPANT, .pos = pos };
    return (int)s->n_participants++;
}

static jm_seq_item *new_item(seq_reader *R, jm_seq_kind kind, jm_pos pos) {
    jm_lctx *c = R->m->c;
    if (++R->n_items > JM_MAX_MESSAGES) {
        if (R->n_items == JM_MAX_MESSAGES + 1)
            jm_error(c->d, c->file, pos, "the sequence has more than %d messages, notes and blocks", JM_MAX_MESSAGES);
        return NULL;
    }
    jm_seq_item *it = JM_NEW(c->a, jm_seq_item);
    it->kind = kind;
    it->pos = pos;
    return it;
}

/* ---- participants ---- */

/* The type in @{ "type": "database" }. */
static void read_type(seq_reader *R, const mmd_stmt *st, const char *a, const char *b, jm_participant *p) {
    mmd_doc *m = R->m;
    const char *key = g_strstr_len(a, b - a, "type");
    if (!key) return;
    const char *q = key + 4;
    while (q < b && (*q == '"' || *q == '\'' || *q == ' ' || *q == ':' || *q == '\t')) q++;
    const char *e = q;
    while (e < b && (g_ascii_isalpha(*e))) e++;
    const char *type = jm_arena_strndup(m->c->a, q, (size_t)(e - q));
    for (size_t i = 0; i < G_N_ELEMENTS(part_types); i++) {
        if (strcmp(part_types[i].type, type) != 0) continue;
        p->kind = part_types[i].kind;
        return;
    }
    const char *names[G_N_ELEMENTS(part_types) + 1];
    for (size_t i = 0; i < G_N_ELEMENTS(part_types); i++) names[i] = part_types[i].type;
    names[G_N_ELEMENTS(part_types)] = NULL;
    const char *hint = jm_did_you_mean(type, names);
    jm_error(m->c->d, m->c->file, mmd_pos(st, q), "unknown participant type '%s'%s%s%s",
             jm_load_show(m->c, type), hint ? " (did you mean '" : "", hint ? hint : "", hint ? "'?)" : "");
}

/* "participant ID[@{...}] [as Alias]" after the keyword (rest). */
static bool read_participant(seq_reader *R, const mmd_stmt *st, const char *rest, jm_part_kind kind) {
    mmd_doc *m = R->m;
    const char *end = st->s + st->n;
    const char *meta = g_strstr_len(rest, end - rest, "@{");
    const char *as = NULL;
    for (const char *q = meta ? meta : rest; q + 4 <= end && !as; q++)
        if ((q[0] == ' ' || q[0] == '\t') && g_ascii_strncasecmp(q + 1, "as", 2) == 0 && (q + 3 == end || q[3] == ' ' || q[3] == '\t'))
            as = q;
    const char *id_end = meta ? meta : as ? as : end;
    const char *id = mmd_trim(m, rest, (size_t)(id_end - rest));
    if (!*id) {
        jm_error(m->c->d, m->c->file, mmd_pos(st, rest), "expected a participant name after '%s'",
                 mmd_first_word(m, st));
        return false;
    }
    int k = participant(R, id, mmd_pos(st, rest));
    if (k < 0) return false;
    if (R->depth > 0 && R->stack[0].kind == B_BOX && (size_t)k < R->stack[0].first_part)
        mmd_warn_once(R->m, "box order", mmd_pos(st, rest), "'%s' appears before its box: it is drawn outside "
                      "the box", jm_load_show(R->m->c, id));
    jm_participant *p = &R->s->participants[k];
    p->kind = kind;
    p->pos = mmd_pos(st, rest);
    if (meta) {
        const char *close = memchr(meta, '}', (size_t)(end - meta));
        read_type(R, st, meta, close ? close : end, p);
    }
    if (as) {
        const char *label = as + 3;
        p->label = mmd_text(m, label, (size_t)(end - label));
        if (!*p->label) p->label = id;
    }
    return true;
}

/* ---- messages ---- */

/* Finds the arrow of a message: the first position where one starts, the longest there. */
static const seq_arrow *find_arrow(const char *s, const char *end, const char **at) {
    for (const char *p = s + 1; p < end; p++) {
        if (*p != '-' && *p != '<' && *p != '/' && *p != '\\') continue;   /* no arrow starts otherwise */
        const seq_arrow *best = NULL;
        for (size_t i = 0; i < G_N_ELEMENTS(arrows); i++) {
            size_t n = strlen(arrows[i].text);
            if ((size_t)(end - p) >= n && memcmp(p, arrows[i].text, n) == 0 && (!best || n > strlen(best->text)))
                best = &arrows[i];
        }
        if (best) { *at = p; return best; }
    }
    return NULL;
}

static const char *strip_wrap(const char *p, const char *end) {
    while (p < end && (*p == ' ' || *p == '\t')) p++;
    if (end - p >= 5 && g_ascii_strncasecmp(p, "wrap:", 5) == 0) return p + 5;
    if (end - p >= 7 && g_ascii_strncasecmp(p, "nowrap:", 7) == 0) return p + 7;
    return p;
}

/* A pending create or destroy joins the message after it, which must involve its participant. */
static bool take_lifetime(seq_reader *R, jm_seq_item *it) {
    jm_lctx *c = R->m->c;
    if (R->create >= 0) {
        if (it->to != R->create) {
            jm_error(c->d, c->file, R->create_pos, "participant '%s' is created here, so the next message must "
                     "go to it", jm_load_show(c, R->s->participants[R->create].id));
            return false;
        }
        it->create = true;
        R->create = -1;
    }
    if (R->destroy >= 0) {
        if (it->from != R->destroy && it->to != R->destroy) {
            jm_error(c->d, c->file, R->destroy_pos, "participant '%s' is destroyed here, so the next message "
                     "must come from it or go to it", jm_load_show(c, R->s->participants[R->destroy].id));
            return false;
        }
        it->destroy_from = it->from == R->destroy;
        it->destroy_to = it->to == R->destroy;
        R->destroy = -1;
    }
    return true;
}

static bool read_message(seq_reader *R, const mmd_stmt *st) {
    mmd_doc *m = R->m;
    jm_lctx *c = m->c;
    const char *end = st->s + st->n, *colon = memchr(st->s, ':', st->n);
    const char *head_end = colon ? colon : end, *at = NULL;
    const seq_arrow *ar = find_arrow(st->s, head_end, &at);
    if (!ar) {
        const char *hint = mmd_keyword_hint(m, seq_keywords, st);
        if (hint)
            jm_error(c->d, c->file, mmd_pos(st, st->s), "unknown keyword '%s' (did you mean '%s'?)",
                     jm_load_show(c, mmd_first_word(m, st)), hint);
        else
            jm_error(c->d, c->file, mmd_pos(st, st->s), "expected a message like 'A->>B: text', a note or "
                     "a keyword, not '%s'", jm_load_show(c, mmd_trim(m, st->s, st->n)));
        return false;
    }
    const char *a0 = st->s, *a1 = at, *b0 = at + strlen(ar->text);
    bool circle_first = false, circle_second = false;   /* `()` before / after the arrow */
    if (a1 - a0 >= 2 && a1[-2] == '(' && a1[-1] == ')') { a1 -= 2; circle_first = true; }
    if (head_end - b0 >= 2 && b0[0] == '(' && b0[1] == ')') { b0 += 2; circle_second = true; }
    jm_seq_item *it = new_item(R, JM_SEQ_MESSAGE, mmd_pos(st, st->s));
    if (!it) return false;
    if (b0 < head_end && *b0 == '+') { it->activate = true; b0++; }
    else if (b0 < head_end && *b0 == '-') { it->deactivate = true; b0++; }
    const char *from = mmd_trim(m, a0, (size_t)(a1 - a0)), *to = mmd_trim(m, b0, (size_t)(head_end - b0));
    if (!*from || !*to) {
        jm_error(c->d, c->file, mmd_pos(st, *from ? head_end : st->s), "expected a participant %s '%s'",
                 *from ? "after" : "before", ar->text);
        return false;
    }
    if (!colon) {
        jm_error(c->d, c->file, mmd_pos(st, end), "expected ':' and the message text after '%s'", jm_load_show(c, to));
        return false;
    }
    while (b0 < head_end && (*b0 == ' ' || *b0 == '\t')) b0++;
    int f = participant(R, from, mmd_pos(st, a0)), t = participant(R, to, mmd_pos(st, b0));
    if (f < 0 || t < 0) return false;
    it->from = ar->reversed ? t : f;
    it->to = ar->reversed ? f : t;
    if (!take_lifetime(R, it)) return false;
    it->msg = ar->kind;
    it->tip = ar->tip;
    it->both_ends = ar->both;
    it->half = ar->half;
    it->circle_from = ar->reversed ? circle_second : circle_first;
    it->circle_to = ar->reversed ? circle_first : circle_second;
    it->numbering = R->number.numbering;
    it->number_start = R->number.number_start;
    it->number_step = R->number.number_step;
    memset(&R->number, 0, sizeof R->number);
    const char *text = strip_wrap(colon + 1, end);
    it->text = mmd_text(m, text, (size_t)(end - text));
    R->s->n_messages++;
    if (R->n_opens) {   /* bars of standalone `activate` lines start here */
        it->opens = R->opens;
        it->n_opens = R->n_opens;
        R->opens = NULL;
        R->n_opens = R->cap_opens = 0;
    }
    R->last_msg = it;
    push(R, current(R), it);
    return true;
}

/* ---- notes ---- */

static const mmd_keyword note_places[] = {
    { "left of", JM_NOTE_LEFT_OF, "beside the participant, on its left" },
    { "right of", JM_NOTE_RIGHT_OF, "beside the participant, on its right" },
    { "over", JM_NOTE_OVER, "over one participant or across several: 'over A,B'" },
    { NULL, 0, NULL },
};

static bool read_note(seq_reader *R, const mmd_stmt *st, const char *rest) {
    mmd_doc *m = R->m;
    jm_lctx *c = m->c;
    const char *end = st->s + st->n;
    mmd_stmt sub = { rest, (size_t)(end - rest), st->line, st->line_start };
    const char *after = rest;
    const mmd_keyword *pl = NULL;
    for (const mmd_keyword *k = note_places; k->word && !pl; k++) {
        size_t n = strlen(k->word);
        if ((size_t)(end - rest) > n && g_ascii_strncasecmp(rest, k->word, n) == 0 && (rest[n] == ' ' || rest[n] == '\t')) {
            pl = k;
            after = rest + n;
        }
    }
    if (!pl) {
        const char *words[] = { "left", "right", "over", NULL };
        const char *w = mmd_first_word(m, &sub);
        const char *hint = jm_did_you_mean(w, words);
        jm_error(c->d, c->file, mmd_pos(st, rest), "expected 'left of', 'right of' or 'over' after '%s'%s%s%s",
                 jm_arena_strndup(c->a, st->s, 4), hint ? " (did you mean '" : "",
                 hint ? (strcmp(hint, "over") == 0 ? "over" : jm_arena_printf(c->a, "%s of", hint)) : "",
                 hint ? "'?)" : "");
        return false;
    }
    const char *colon = memchr(after, ':', (size_t)(end - after));
    if (!colon) {
        jm_error(c->d, c->file, mmd_pos(st, end), "expected ':' and the note's text");
        return false;
    }
    jm_seq_item *it = new_item(R, JM_SEQ_NOTE, mmd_pos(st, st->s));
    if (!it) return false;
    it->place = (jm_note_place)pl->id;
    it->over = JM_NEWV(c->a, int, (size_t)(colon - after) / 2 + 1);
    for (const char *a = after; a < colon;) {
        const char *b = memchr(a, ',', (size_t)(colon - a));
        if (!b) b = colon;
        const char *id = mmd_trim(m, a, (size_t)(b - a));
        while (a < b && (*a == ' ' || *a == '\t')) a++;
        if (!*id) {
            jm_error(c->d, c->file, mmd_pos(st, a), "expected a participant name in the note");
            return false;
        }
        int p = participant(R, id, mmd_pos(st, a));
        if (p < 0) return false;
        it->over[it->n_over++] = p;
        a = b < colon ? b + 1 : colon;
    }
    if (it->place != JM_NOTE_OVER && it->n_over > 1) {
        jm_error(c->d, c->file, mmd_pos(st, after), "a note %s takes one participant", pl->word);
        return false;
    }
    const char *text = strip_wrap(colon + 1, end);
    it->text = mmd_text(m, text, (size_t)(end - text));
    push(R, current(R), it);
    return true;
}

/* ---- blocks ---- */

/* "box [colour] [label]": the colour when the first word (or rgb(...)) is one. */
static bool read_box(seq_reader *R, const mmd_stmt *st, block *b, const char *rest) {
    jm_lctx *c = R->m->c;
    jm_sequence *s = R->s;
    const char *end = st->s + st->n;
    while (rest < end && (*rest == ' ' || *rest == '\t')) rest++;
    JM_RESERVE(c->a, s->boxes, s->n_boxes, 1, R->cap_boxes, 4);
    jm_seq_box *box = &s->boxes[s->n_boxes];
    memset(box, 0, sizeof *box);
    box->pos = b->pos;
    size_t used;
    if (jm_css_color(rest, (size_t)(end - rest), &box->color, &used)) {
        box->has_color = true;
        rest += used;
    }
    const char *label = mmd_text(R->m, rest, (size_t)(end - rest));
    box->label = *label ? label : NULL;
    b->first_part = s->n_participants;
    return true;
}

/* "rect rgb(...)": the colour, or the style's with a warning when it is not one. */
static bool read_rect_color(seq_reader *R, const mmd_stmt *st, jm_seq_item *it, const char *rest) {
    const char *end = st->s + st->n;
    while (rest < end && (*rest == ' ' || *rest == '\t')) rest++;
    size_t used;
    if (rest < end && jm_css_color(rest, (size_t)(end - rest), &it->color, &used)) it->has_color = true;
    else if (rest < end)
        mmd_warn_once(R->m, "rect colour", mmd_pos(st, rest), "'%s' is not a colour: the rect is drawn in the "
                      "style's colour", jm_load_show(R->m->c, mmd_trim(R->m, rest, (size_t)(end - rest))));
    return true;
}

static bool open_block(seq_reader *R, const mmd_stmt *st, block_kind kind, jm_group_kind g, const char *rest) {
    jm_lctx *c = R->m->c;
    if (R->depth >= MAX_BLOCKS || (kind == B_GROUP && R->groups >= JM_MAX_GROUP_DEPTH)) {
        jm_error(c->d, c->file, mmd_pos(st, st->s), "blocks nested deeper than %d levels", JM_MAX_GROUP_DEPTH);
        return false;
    }
    const char *end = st->s + st->n;
    if (kind == B_BOX) {
        for (int i = 0; i < R->depth; i++)
            if (R->stack[i].kind == B_BOX) {
                jm_error(c->d, c->file, mmd_pos(st, st->s), "a box inside the box at line %d (boxes do not nest)",
                         R->stack[i].pos.line);
                return false;
            }
        if (R->depth > 0) {
            jm_error(c->d, c->file, mmd_pos(st, st->s), "a box inside the '%s' at line %d (boxes group "
                     "participants, at the top level)", R->stack[R->depth - 1].word, R->stack[R->depth - 1].pos.line);
            return false;
        }
    }
    block *b = &R->stack[R->depth++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    b->pos = mmd_pos(st, st->s);
    b->word = mmd_first_word(R->m, st);
    if (kind == B_BOX) return read_box(R, st, b, rest);
    if (kind == B_GROUP) R->groups++;
    b->item = new_item(R, kind == B_RECT ? JM_SEQ_RECT : JM_SEQ_GROUP, b->pos);
    if (!b->item) return false;
    b->item->group = g;
    JM_RESERVE(c->a, b->secs, b->n_secs, 1, b->cap_secs, 4);
    memset(&b->secs[b->n_secs++], 0, sizeof(pvec));
    if (kind == B_RECT) return read_rect_color(R, st, b->item, rest);
    const char *label = strip_wrap(rest, end);
    b->item->text = mmd_text(R->m, label, (size_t)(end - label));
    if (!*b->item->text) b->item->text = NULL;
    return true;
}

/* else / and / option: the next section of the innermost block, which must be `group`. */
static bool next_section(seq_reader *R, const mmd_stmt *st, jm_group_kind group, const char *rest) {
    jm_lctx *c = R->m->c;
    block *b = R->depth ? &R->stack[R->depth - 1] : NULL;
    const char *word = mmd_first_word(R->m, st);
    if (!b || b->kind != B_GROUP || !b->item || b->item->group != group) {
        static const char *const owner[] = { [JM_GROUP_ALT] = "alt", [JM_GROUP_PAR] = "par", [JM_GROUP_CRITICAL] = "critical" };
        jm_error(c->d, c->file, mmd_pos(st, st->s), "'%s' outside a '%s' block%s", word, owner[group],
                 b ? jm_arena_printf(c->a, " (the innermost block is the '%s' at line %d)", b->word, b->pos.line) : "");
        return false;
    }
    JM_RESERVE(c->a, b->secs, b->n_secs, 1, b->cap_secs, 4);
    memset(&b->secs[b->n_secs++], 0, sizeof(pvec));
    const char *end = st->s + st->n;
    const char *label = strip_wrap(rest, end);
    const char *t = mmd_text(R->m, label, (size_t)(end - label));
    /* the section's label and position ride in a marker item at its head, which close_block
     * takes off again */
    jm_seq_item *mark = JM_NEW(c->a, jm_seq_item);
    mark->text = *t ? t : NULL;
    mark->pos = mmd_pos(st, st->s);
    push(R, &b->secs[b->n_secs - 1], mark);
    return true;
}

/* The box holds the participants declared since it opened. */
static bool close_box(seq_reader *R, const mmd_stmt *st, const block *b) {
    jm_sequence *s = R->s;
    if (s->n_participants == b->first_part) {
        mmd_warn_once(R->m, "empty box", b->pos, "this box declares no participant: it is not drawn");
        return true;
    }
    jm_seq_box *box = &s->boxes[s->n_boxes++];
    box->first = (int)b->first_part;
    box->last = (int)s->n_participants - 1;
    (void)st;
    return true;
}

static bool close_block(seq_reader *R, const mmd_stmt *st) {
    jm_lctx *c = R->m->c;
    if (R->depth == 0) {
        jm_error(c->d, c->file, mmd_pos(st, st->s), "'end' without a block to close");
        return false;
    }
    block *b = &R->stack[--R->depth];
    if (b->kind == B_BOX) return close_box(R, st, b);
    if (b->kind == B_GROUP) R->groups--;
    jm_seq_item *it = b->item;
    it->sections = JM_NEWV(c->a, jm_seq_section, b->n_secs);
    for (size_t i = 0; i < b->n_secs; i++) {
        jm_seq_section *sec = &it->sections[i];
        pvec v = b->secs[i];
        if (i == 0) {
            sec->label = it->text;
            sec->pos = it->pos;
        } else {   /* the marker pushed by next_section */
            sec->label = v.v[0]->text;
            sec->pos = v.v[0]->pos;
            v.v++;
            v.n--;
        }
        flatten(R, &v, &sec->items, &sec->n_items);
    }
    it->n_sections = b->n_secs;
    push(R, current(R), it);
    return true;
}

/* ---- links ---- */

/* The participant's link: its first; a later one is a warning naming what is left out (Mermaid
 * draws a menu of them, journeymap one link per participant). */
static void set_link(seq_reader *R, int p, const char *label, const char *url, jm_pos pos) {
    mmd_doc *m = R->m;
    jm_participant *pt = &R->s->participants[p];
    if (!pt->url) { pt->url = url; return; }
    jm_diag_add(m->c->d, JM_WARNING, m->c->file, pos, "participant '%s' already links to '%s': its link '%s' "
                "(%s) is left out (journeymap draws one link per participant, Mermaid a menu)",
                jm_load_show(m->c, pt->id), jm_load_show(m->c, pt->url), jm_load_show(m->c, label ? label : ""),
                jm_load_show(m->c, url));
}

/* A JSON string at *q (the opening '"'), decoded: \" \\ \/ \b \f \n \r \t \uXXXX (surrogate
 * pairs joined). *q moves past it; NULL after an error at the problem. */
static const char *json_string(seq_reader *R, const mmd_stmt *st, const char **q, const char *end) {
    mmd_doc *m = R->m;
    const char *p = *q;
    if (p >= end || *p != '"') {
        jm_error(m->c->d, m->c->file, mmd_pos(st, p), "expected a \"quoted\" text in the links' JSON");
        return NULL;
    }
    GString *g = g_string_new(NULL);
    for (p++; p < end && *p != '"'; p++) {
        if (*p != '\\') { g_string_append_c(g, *p); continue; }
        const char *esc = p++;
        if (p >= end) break;
        const char *plain = strchr("\"\\/bfnrt", *p);
        if (plain && *p) { g_string_append_c(g, "\"\\/\b\f\n\r\t"[plain - "\"\\/bfnrt"]); continue; }
        unsigned long u = 0, lo = 0;
        char hex[5] = { 0 };
        if (*p == 'u' && end - p > 4) memcpy(hex, p + 1, 4);
        char *he;
        u = strtoul(hex, &he, 16);
        if (*p != 'u' || he != hex + 4) {
            jm_error(m->c->d, m->c->file, mmd_pos(st, esc), "'\\%c' is not a JSON escape", *p);
            g_string_free(g, TRUE);
            return NULL;
        }
        p += 4;
        if (u >= 0xD800 && u < 0xDC00 && end - p > 6 && p[1] == '\\' && p[2] == 'u') {
            memcpy(hex, p + 3, 4);
            lo = strtoul(hex, &he, 16);
            if (he == hex + 4 && lo >= 0xDC00 && lo < 0xE000) { u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00); p += 6; }
        }
        if (g_unichar_validate((gunichar)u) && u) g_string_append_unichar(g, (gunichar)u);
    }
    if (p >= end) {
        jm_error(m->c->d, m->c->file, mmd_pos(st, *q), "the links' JSON text is not closed with '\"'");
        g_string_free(g, TRUE);
        return NULL;
    }
    *q = p + 1;
    const char *r = jm_arena_strdup(m->c->a, g->str);
    g_string_free(g, TRUE);
    return r;
}

/* "links A: {"Dashboard": "https://...", "Wiki": "..."}": each url checked, the first the link. */
static bool read_links_json(seq_reader *R, const mmd_stmt *st, int p, const char *q, const char *end) {
    mmd_doc *m = R->m;
    while (q < end && g_ascii_isspace(*q)) q++;
    if (q >= end || *q != '{') {
        jm_error(m->c->d, m->c->file, mmd_pos(st, q), "expected a JSON object after the participant: "
                 "'links A: {\"Dashboard\": \"https://...\"}'");
        return false;
    }
    for (q++;;) {
        while (q < end && g_ascii_isspace(*q)) q++;
        if (q < end && *q == '}') return true;
        const char *label = json_string(R, st, &q, end);
        if (!label) return false;
        while (q < end && g_ascii_isspace(*q)) q++;
        if (q >= end || *q != ':') {
            jm_error(m->c->d, m->c->file, mmd_pos(st, q), "expected ':' after the link's label in the links' JSON");
            return false;
        }
        for (q++; q < end && g_ascii_isspace(*q); q++) {}
        jm_pos at = mmd_pos(st, q + 1);
        const char *raw = json_string(R, st, &q, end);
        const char *url = raw ? mmd_url(m, raw, at) : NULL;
        if (!url) return false;
        set_link(R, p, label, url, at);
        while (q < end && g_ascii_isspace(*q)) q++;
        if (q < end && *q == ',') { q++; continue; }
        if (q < end && *q == '}') return true;
        jm_error(m->c->d, m->c->file, mmd_pos(st, q), "expected ',' or '}' in the links' JSON");
        return false;
    }
}

/* "link A: Label @ url" (the url after the first '@', as Mermaid reads it) or "links A: {JSON}". */
static bool read_link(seq_reader *R, const mmd_stmt *st, const char *rest, bool many) {
    mmd_doc *m = R->m;
    const char *end = st->s + st->n;
    const char *colon = memchr(rest, ':', (size_t)(end - rest));
    const char *usage = many ? "'links A: {\"Dashboard\": \"https://...\"}'" : "'link A: Dashboard @ https://...'";
    if (!colon || colon == rest) {
        jm_error(m->c->d, m->c->file, mmd_pos(st, rest), "expected %s", usage);
        return false;
    }
    int p = participant(R, mmd_trim(m, rest, (size_t)(colon - rest)), mmd_pos(st, rest));
    if (p < 0) return false;
    if (many) return read_links_json(R, st, p, colon + 1, end);
    const char *at = memchr(colon + 1, '@', (size_t)(end - colon - 1));
    if (!at) {
        jm_error(m->c->d, m->c->file, mmd_pos(st, colon + 1), "expected 'Label @ url' after the participant: %s", usage);
        return false;
    }
    const char *u = at + 1;
    while (u < end && (*u == ' ' || *u == '\t')) u++;
    const char *url = mmd_url(m, mmd_trim(m, u, (size_t)(end - u)), mmd_pos(st, u));
    if (!url) return false;
    set_link(R, p, mmd_text(m, colon + 1, (size_t)(at - colon - 1)), url, mmd_pos(st, u));
    return true;
}

/* ---- activations and autonumber ---- */

/* Mermaid's activate/deactivate X. After a message to X (activate) or from X (deactivate) it
 * joins that message, as `+`/`-` would. Otherwise it is placed as Mermaid places it, at the
 * diagram's current height: a bar that `activate` starts begins at the next message's line (the
 * message's `opens`), a bar that `deactivate` ends ends at the last message's line (its `closes`). */
static void read_activation(seq_reader *R, const mmd_stmt *st, const char *rest, bool on) {
    mmd_doc *m = R->m;
    const char *id = mmd_trim(m, rest, (size_t)(st->s + st->n - rest));
    int p = participant(R, id, mmd_pos(st, rest));
    jm_seq_item *last = R->last_msg;
    if (p < 0) return;
    if (last && on && last->to == p && !last->activate) { last->activate = true; return; }
    if (last && !on && last->from == p && !last->deactivate) { last->deactivate = true; return; }
    if (last && !on && last->to == p && last->activate) { last->activate = false; return; }   /* on and off */
    jm_arena *a = m->c->a;
    if (on) {
        if (!R->n_opens) R->opens_pos = mmd_pos(st, st->s);
        JM_RESERVE(a, R->opens, R->n_opens, 1, R->cap_opens, 4);
        R->opens[R->n_opens++] = p;
        return;
    }
    for (size_t i = R->n_opens; i-- > 0;)   /* a bar opened and closed before any message: none */
        if (R->opens[i] == p) { memmove(&R->opens[i], &R->opens[i + 1], (R->n_opens - i - 1) * sizeof *R->opens); R->n_opens--; return; }
    if (!last) {
        mmd_warn_once(m, "deactivate", mmd_pos(st, st->s), "'deactivate %s' before any message is not drawn: "
                      "no bar of %s has started", jm_load_show(m->c, id), jm_load_show(m->c, id));
        return;
    }
    int *v = JM_NEWV(a, int, last->n_closes + 1);
    if (last->n_closes) memcpy(v, last->closes, last->n_closes * sizeof *v);
    v[last->n_closes++] = p;
    last->closes = v;
}

/* "autonumber [start [step]]" or "autonumber off". The first, before any message, numbers the
 * whole sequence; a later one joins the next message, which turns the numbering on or off there
 * (with a start: restarted at that number). */
static void read_autonumber(seq_reader *R, const mmd_stmt *st, const char *rest) {
    mmd_doc *m = R->m;
    jm_sequence *s = R->s;
    const char *end = st->s + st->n;
    bool off = end - rest >= 3 && g_ascii_strncasecmp(rest, "off", 3) == 0;
    char *e;
    const char *num = mmd_trim(m, rest, (size_t)(end - rest));
    long start = off ? 0 : strtol(num, &e, 10);
    long step = !off && e != num ? strtol(e, &e, 10) : 0;
    if (start <= 0 || start >= 1000000) start = 0;
    if (step <= 0 || step >= 1000000) step = 0;
    if (!s->n_messages && !R->number.numbering) {
        s->autonumber = !off;
        if (start) s->autonumber_start = (int)start;
        if (step) s->autonumber_step = (int)step;
        return;
    }
    R->number.numbering = off ? JM_NUMBER_OFF : JM_NUMBER_ON;
    if (start) R->number.number_start = (int)start;
    if (step) R->number.number_step = (int)step;
}

/* ---- the diagram ---- */

static bool read_statement(seq_reader *R, const mmd_stmt *st) {
    mmd_doc *m = R->m;
    const char *rest;
    const mmd_keyword *k = mmd_keyword_find(seq_keywords, st, &rest);
    if (!k) return mmd_read_common(m, st) || read_message(R, st);
    /* a keyword followed by an arrow is a participant named like it ("loop->>B: x") */
    const char *at;
    const char *colon = memchr(st->s, ':', st->n);
    if (k->id != SK_NOTE && k->id != SK_TITLE && find_arrow(st->s, colon ? colon : st->s + st->n, &at)
        && at - st->s <= (ptrdiff_t)strlen(k->word) + 1)
        return read_message(R, st);
    jm_pos pos = mmd_pos(st, st->s);
    switch ((seq_kw)k->id) {
    case SK_PARTICIPANT: return read_participant(R, st, rest, JM_PART_PARTICIPANT);
    case SK_ACTOR: return read_participant(R, st, rest, JM_PART_ACTOR);
    case SK_CREATE: {
        mmd_stmt sub = { rest, (size_t)(st->s + st->n - rest), st->line, st->line_start };
        const char *r2;
        bool actor = mmd_word(&sub, "actor", &r2);
        if (!actor && !mmd_word(&sub, "participant", &r2)) {
            jm_error(m->c->d, m->c->file, mmd_pos(st, rest), "expected 'participant' or 'actor' after 'create'");
            return false;
        }
        size_t before = R->s->n_participants;
        if (!read_participant(R, &sub, r2, actor ? JM_PART_ACTOR : JM_PART_PARTICIPANT)) return false;
        if (R->s->n_participants == before) {
            jm_error(m->c->d, m->c->file, mmd_pos(st, r2), "participant '%s' already exists: 'create' declares "
                     "a new one", jm_load_show(m->c, R->s->participants[R->s->n_participants - 1].id));
            return false;
        }
        R->create = (int)before;
        R->create_pos = pos;
        return true;
    }
    case SK_DESTROY: {
        int p = participant(R, mmd_trim(m, rest, (size_t)(st->s + st->n - rest)), mmd_pos(st, rest));
        if (p < 0) return false;
        R->destroy = p;
        R->destroy_pos = pos;
        return true;
    }
    case SK_NOTE: return read_note(R, st, rest);
    case SK_LOOP: return open_block(R, st, B_GROUP, JM_GROUP_LOOP, rest);
    case SK_ALT: return open_block(R, st, B_GROUP, JM_GROUP_ALT, rest);
    case SK_OPT: return open_block(R, st, B_GROUP, JM_GROUP_OPT, rest);
    case SK_PAR_OVER:
    case SK_PAR: return open_block(R, st, B_GROUP, JM_GROUP_PAR, rest);
    case SK_CRITICAL: return open_block(R, st, B_GROUP, JM_GROUP_CRITICAL, rest);
    case SK_BREAK: return open_block(R, st, B_GROUP, JM_GROUP_BREAK, rest);
    case SK_ELSE: return next_section(R, st, JM_GROUP_ALT, rest);
    case SK_AND: return next_section(R, st, JM_GROUP_PAR, rest);
    case SK_OPTION: return next_section(R, st, JM_GROUP_CRITICAL, rest);
    case SK_RECT: return open_block(R, st, B_RECT, JM_GROUP_LOOP, rest);
    case SK_BOX: return open_block(R, st, B_BOX, JM_GROUP_LOOP, rest);
    case SK_END: return close_block(R, st);
    case SK_ACTIVATE: read_activation(R, st, rest, true); return true;
    case SK_DEACTIVATE: read_activation(R, st, rest, false); return true;
    case SK_AUTONUMBER: read_autonumber(R, st, rest); return true;
    case SK_TITLE: m->j->title = mmd_after_colon(m, st, rest); return true;
    case SK_LINK: return read_link(R, st, rest, false);
    case SK_LINKS: return read_link(R, st, rest, true);
    case SK_PROPERTIES: case SK_DETAILS:
        mmd_warn_once(m, k->word, pos, "'%s' is not drawn (journeymap draws no participant menus)", k->word);
        return true;
    }
    return true;
}

bool mmd_load_sequence(mmd_doc *m) {
    jm_lctx *c = m->c;
    jm_sequence *s = JM_NEW(c->a, jm_sequence);
    s->pos = (jm_pos){ m->body_line, 1 };
    seq_reader R = { .m = m, .s = s, .create = -1, .destroy = -1 };
    size_t n;
    mmd_stmt *st = mmd_split(m, true, &n);
    bool ok = true;
    for (size_t i = 0; i < n && !jm_load_too_many(c) && R.n_items <= JM_MAX_MESSAGES; i++)
        if (!read_statement(&R, &st[i])) ok = false;
    for (int i = R.depth - 1; i >= 0 && ok; i--) {
        jm_error(c->d, c->file, R.stack[i].pos, "'%s' is not closed with 'end'", R.stack[i].word);
        ok = false;
    }
    if (R.n_opens && ok)
        jm_diag_add(c->d, JM_WARNING, c->file, R.opens_pos, "'activate %s' is not drawn: no message follows it, and "
                    "an activation bar starts at the next message", jm_load_show(c, s->participants[R.opens[0]].id));
    int pending = R.create >= 0 ? R.create : R.destroy;
    if (pending >= 0 && ok) {
        jm_error(c->d, c->file, R.create >= 0 ? R.create_pos : R.destroy_pos, "participant '%s' is %s here, but "
                 "no message follows", jm_load_show(c, s->participants[pending].id),
                 R.create >= 0 ? "created" : "destroyed");
        ok = false;
    }
    if (!ok || R.n_items > JM_MAX_MESSAGES) return false;
    flatten(&R, &R.root, &s->items, &s->n_items);
    if (!jm_load_seq_lifetimes(c, s)) return false;
    if (!s->participants) s->participants = JM_NEWV(c->a, jm_participant, 1);
    m->j->sequence = s;
    mmd_set_view(m, "sequence");
    return true;
}
