/* load_sequence.c - the loader's `sequence` section: participants, boxes around neighbouring
 * participants, messages (mapping form and Mermaid arrow strings, creating and destroying
 * participants), notes, delays, highlighted rects and nested groups with their else branches;
 * and the check, shared with the Mermaid loader, that participants live in order. */
#include "load_internal.h"
#include <glib.h>
#include <stdlib.h>
#include <string.h>

const char *const jm_keys_seq[] = { "title", "autonumber", "participants", "boxes", "messages", NULL };
const char *const jm_keys_box[] = { "label", "color", "participants", NULL };
const char *const jm_keys_part[] = { "id", "label", "kind", "url", NULL };
const char *const jm_enum_part_kinds[] = { "participant", "actor", "system", "database", "boundary", "control",
                                          "entity", "queue", "collections", NULL };   /* jm_part_kind */
const char *const jm_keys_msg[] = { "from", "to", "text", "kind", "activate", "deactivate", "opens", "closes", "create", "destroy", "half", "circles",
                                         "autonumber", "tip", "both_ends", NULL };
const char *const jm_enum_msg_kinds[] = { "sync", "reply", "async", NULL };
const char *const jm_enum_msg_circles[] = { "none", "from", "to", "both", NULL };
const char *const jm_enum_msg_halves[] = { "none", "top", "bottom", NULL };   /* jm_msg_half */
const char *const jm_enum_msg_tips[] = { "kind", "none", "open", "cross", NULL };   /* jm_msg_tip */
const char *const jm_keys_note[] = { "note", "over", "left_of", "right_of", NULL };
static const char *const note_places[] = { "over", "left_of", "right_of", NULL };
const char *const jm_keys_delay[] = { "delay", NULL };
const char *const jm_keys_group[] = { "group", "label", "messages", "else", NULL };
const char *const jm_enum_group_kinds[] = { "loop", "alt", "opt", "par", "critical", "break", NULL };  /* jm_group_kind */
const char *const jm_keys_else[] = { "label", "messages", NULL };
const char *const jm_keys_rect[] = { "rect", "messages", NULL };

/* Mermaid arrows, longest first where one is a prefix of another. */
static const struct { const char *arrow; jm_msg_kind kind; } arrows[] = {
    { "-->>", JM_MSG_REPLY }, { "->>", JM_MSG_SYNC }, { "--)", JM_MSG_REPLY },
    { "-)", JM_MSG_ASYNC },   { "-->", JM_MSG_REPLY }, { "->", JM_MSG_SYNC },
};
#define ARROW_LIST "->>, -->>, -), --), -> or -->"

typedef struct {
    jm_lctx *c;
    jm_sequence *s;
    const char **ids;        /* participant ids, NULL-terminated, for did-you-mean */
    size_t n_items;          /* items of every kind at every level, against JM_MAX_MESSAGES */
    bool over_limit;
} seq_loader;

/* Index of participant `id`, or -1 after "unknown participant" at pos. */
static int find_participant(seq_loader *L, const char *id, jm_pos pos) {
    for (size_t i = 0; i < L->s->n_participants; i++)
        if (strcmp(L->s->participants[i].id, id) == 0) return (int)i;
    jm_lctx *c = L->c;
    const char *shown = jm_load_show(c, id);
    const char *hint = jm_did_you_mean(id, L->ids);
    if (hint)
        jm_error(c->d, c->file, pos, "unknown participant '%s' (did you mean '%s'?)", shown, hint);
    else if (L->s->n_participants == 0)
        jm_error(c->d, c->file, pos, "unknown participant '%s' (the sequence has no 'participants')", shown);
    else if (L->s->n_participants <= 12)
        jm_error(c->d, c->file, pos, "unknown participant '%s' (participants: %s)", shown, jm_load_choices(c, L->ids));
    else
        jm_error(c->d, c->file, pos, "unknown participant '%s'", shown);
    return -1;
}

/* Index of `name` in a NULL-terminated list, or -1 after "unknown <what> 'x'" at n. */
static int find_name(jm_lctx *c, const jm_ynode *n, const char *name, const char *const *names, const char *what) {
    for (int i = 0; names[i]; i++)
        if (strcmp(names[i], name) == 0) return i;
    const char *hint = jm_did_you_mean(name, names);
    if (hint)
        jm_error(c->d, c->file, n->pos, "unknown %s '%s' (did you mean '%s'?)", what, jm_load_show(c, name), hint);
    else
        jm_error(c->d, c->file, n->pos, "unknown %s '%s' (%ss: %s)", what, jm_load_show(c, name), what,
                 jm_load_choices(c, names));
    return -1;
}

static void load_participants(seq_loader *L, const jm_ynode *seq) {
    jm_lctx *c = L->c;
    jm_sequence *s = L->s;
    const jm_ynode *l = jm_load_list(c, seq, "participants", JM_MAX_PARTICIPANTS);
    size_t cap = l ? l->n : 0;
    s->participants = JM_NEWV(c->a, jm_participant, cap ? cap : 1);
    L->ids = JM_NEWV(c->a, const char *, cap + 1);
    for (size_t i = 0; i < cap; i++) {
        const jm_ynode *m = l->items[i];
        if (!jm_load_is_map(c, m, "a participant")) continue;
        jm_load_keys(c, m, jm_keys_part, "a participant");
        jm_participant p = { .pos = m->pos, .kind = JM_PART_PARTICIPANT };
        if (!jm_load_get(m, "id")) { jm_error(c->d, c->file, m->pos, "participant needs an 'id'"); continue; }
        const jm_ynode *idn = jm_load_get(m, "id");
        p.id = jm_load_raw(c, m, "id");
        if (!p.id) continue;
        if (!*p.id) { jm_error(c->d, c->file, idn->pos, "'id' must not be empty"); continue; }
        p.label = jm_load_text(c, m, "label");
        if (!p.label) p.label = p.id;
        p.url = jm_load_url(c, m);
        const char *kind = jm_load_raw(c, m, "kind");
        if (kind) {
            int k = find_name(c, jm_load_get(m, "kind"), kind, jm_enum_part_kinds, "participant kind");
            if (k >= 0) p.kind = (jm_part_kind)k;
        }
        bool dup = false;
        for (size_t k = 0; k < s->n_participants && !dup; k++) {
            if (strcmp(s->participants[k].id, p.id) == 0) {
                jm_error(c->d, c->file, idn->pos, "duplicate participant id '%s' (first at line %d)",
                         jm_load_show(c, p.id), s->participants[k].pos.line);
                dup = true;
            }
        }
        if (dup) continue;
        L->ids[s->n_participants] = p.id;
        s->participants[s->n_participants++] = p;
    }
}

static bool is_blank(char ch) { return ch == ' ' || ch == '\t'; }

/* "FROM->>+TO: text" into a message; false after a diagnostic at the string. */
static bool parse_arrow_string(seq_loader *L, const jm_ynode *n, jm_seq_item *it) {
    jm_lctx *c = L->c;
    const char *s = n->str;
    const char *colon = strchr(s, ':');
    size_t head = colon ? (size_t)(colon - s) : strlen(s);
    size_t at, which = 0;
    bool found = false;
    for (at = 0; at < head && !found; at++) {
        if (s[at] != '-') continue;
        for (which = 0; which < G_N_ELEMENTS(arrows) && !found; which++) {
            size_t al = strlen(arrows[which].arrow);
            found = at + al <= head && strncmp(s + at, arrows[which].arrow, al) == 0;
        }
    }
    if (!found) {
        jm_error(c->d, c->file, n->pos, "expected a message like 'A->>B: text' (arrows " ARROW_LIST "), not '%s'",
                 jm_load_show(c, s));
        return false;
    }
    at--; which--;  /* both loops stepped once past the match */
    const char *arrow = arrows[which].arrow;
    size_t from0 = 0, from1 = at;
    while (from0 < from1 && is_blank(s[from0])) from0++;
    while (from1 > from0 && is_blank(s[from1 - 1])) from1--;
    if (from0 == from1) {
        jm_error(c->d, c->file, n->pos, "expected a participant id before '%s' in '%s'", arrow, jm_load_show(c, s));
        return false;
    }
    size_t to0 = at + strlen(arrow);
    if (s[to0] == '+') { it->activate = true; to0++; }
    else if (s[to0] == '-') { it->deactivate = true; to0++; }
    size_t to1 = head;
    while (to0 < to1 && is_blank(s[to0])) to0++;
    while (to1 > to0 && is_blank(s[to1 - 1])) to1--;
    if (to0 == to1) {
        jm_error(c->d, c->file, jm_load_pos_in(c, n, head), "expected a participant id after '%s' in '%s'", arrow,
                 jm_load_show(c, s));
        return false;
    }
    if (!colon) {
        jm_error(c->d, c->file, jm_load_pos_in(c, n, head), "expected ':' and the message text after '%s'",
                 jm_load_show(c, jm_arena_strndup(c->a, s + to0, to1 - to0)));
        return false;
    }
    it->msg = arrows[which].kind;
    it->from = find_participant(L, jm_arena_strndup(c->a, s + from0, from1 - from0), jm_load_pos_in(c, n, from0));
    it->to = find_participant(L, jm_arena_strndup(c->a, s + to0, to1 - to0), jm_load_pos_in(c, n, to0));
    const char *text = colon + 1;
    while (is_blank(*text)) text++;
    size_t tl = strlen(text);
    while (tl > 0 && is_blank(text[tl - 1])) tl--;
    /* the text keeps YAML's line breaks; a literal backslash-n breaks too */
    GString *t = g_string_new(NULL);
    for (size_t i = 0; i < tl; i++) {
        if (text[i] == '\\' && i + 1 < tl && text[i + 1] == 'n') { g_string_append_c(t, '\n'); i++; }
        else g_string_append_c(t, text[i]);
    }
    it->text = jm_arena_strdup(c->a, t->str);
    g_string_free(t, TRUE);
    return it->from >= 0 && it->to >= 0;
}

/* A message's `autonumber`: true or false turns the numbering on or off from it; "START" or
 * "START STEP" (whole numbers, 1 to 999999) restarts it at this message. */
static void load_numbering(jm_lctx *c, const jm_ynode *m, jm_seq_item *it) {
    const jm_ynode *v = jm_load_get(m, "autonumber");
    if (!v) return;
    const char *raw = jm_load_raw(c, m, "autonumber");
    if (!raw) return;
    if (strcmp(raw, "true") == 0 || strcmp(raw, "false") == 0) {
        it->numbering = raw[0] == 't' ? JM_NUMBER_ON : JM_NUMBER_OFF;
        return;
    }
    char *e;
    long start = strtol(raw, &e, 10), step = 0;
    bool ok = e != raw && start > 0 && start < 1000000;
    if (ok && *e) {
        const char *q = e;
        step = strtol(q, &e, 10);
        ok = e != q && step > 0 && step < 1000000;
    }
    while (ok && is_blank(*e)) e++;
    if (!ok || *e) {
        jm_error(c->d, c->file, v->pos, "'autonumber' of a message is true, false, a start number or \"START STEP\" "
                 "(whole numbers from 1 to 999999), not '%s'", jm_load_show(c, raw));
        return;
    }
    it->numbering = JM_NUMBER_ON;
    it->number_start = (int)start;
    it->number_step = (int)step;
}

/* `opens` / `closes`: participant ids whose bars start before / end after the message. */
static void load_bars(seq_loader *L, const jm_ynode *m, const char *key, int **out, size_t *n) {
    jm_texts ids = jm_load_texts(L->c, m, key, true);
    if (!ids.n) return;
    *out = JM_NEWV(L->c->a, int, ids.n);
    for (size_t i = 0; i < ids.n; i++) {
        int p = find_participant(L, ids.v[i], ids.pos ? ids.pos[i] : m->pos);
        if (p >= 0) (*out)[(*n)++] = p;
    }
}

/* {from, to, text, kind, half, circles, autonumber, activate, deactivate, opens, closes, create, destroy} */
static bool load_message_map(seq_loader *L, const jm_ynode *m, jm_seq_item *it) {
    jm_lctx *c = L->c;
    size_t errors = jm_diags_errors(c->d);
    jm_load_keys(c, m, jm_keys_msg, "a message");
    it->from = it->to = -1;
    const char *ends[2] = { "from", "to" };
    int *idx[2] = { &it->from, &it->to };
    for (int e = 0; e < 2; e++) {
        const char *id = jm_load_raw(c, m, ends[e]);
        if (id) *idx[e] = find_participant(L, id, jm_load_get(m, ends[e])->pos);
        else if (!jm_load_get(m, ends[e])) jm_error(c->d, c->file, m->pos, "message needs a '%s'", ends[e]);
    }
    it->text = jm_load_text(c, m, "text");
    if (!it->text) it->text = "";
    const char *kind = jm_load_raw(c, m, "kind");
    if (kind) {
        int k = find_name(c, jm_load_get(m, "kind"), kind, jm_enum_msg_kinds, "message kind");
        if (k >= 0) it->msg = (jm_msg_kind)k;
    }
    const char *half = jm_load_raw(c, m, "half");
    if (half) {
        int k = find_name(c, jm_load_get(m, "half"), half, jm_enum_msg_halves, "half head");
        if (k >= 0) it->half = (jm_msg_half)k;
    }
    const char *circles = jm_load_raw(c, m, "circles");
    if (circles) {
        int k = find_name(c, jm_load_get(m, "circles"), circles, jm_enum_msg_circles, "circles value");
        it->circle_from = k == 1 || k == 3;
        it->circle_to = k == 2 || k == 3;
    }
    const char *tip = jm_load_raw(c, m, "tip");
    if (tip) {
        int k = find_name(c, jm_load_get(m, "tip"), tip, jm_enum_msg_tips, "message tip");
        if (k >= 0) it->tip = (jm_msg_tip)k;
    }
    jm_load_bool(c, m, "both_ends", &it->both_ends);
    load_numbering(c, m, it);
    jm_load_bool(c, m, "activate", &it->activate);
    jm_load_bool(c, m, "deactivate", &it->deactivate);
    load_bars(L, m, "opens", &it->opens, &it->n_opens);
    load_bars(L, m, "closes", &it->closes, &it->n_closes);
    const char *created = jm_load_raw(c, m, "create"), *destroyed = jm_load_raw(c, m, "destroy");
    if (created && it->to >= 0) {
        int p = find_participant(L, created, jm_load_get(m, "create")->pos);
        if (p >= 0 && p != it->to)
            jm_error(c->d, c->file, jm_load_get(m, "create")->pos, "'create' names the message's receiver "
                     "('%s'), not '%s'", jm_load_show(c, L->s->participants[it->to].id), jm_load_show(c, created));
        it->create = p == it->to;
    }
    if (destroyed && it->from >= 0 && it->to >= 0) {
        int p = find_participant(L, destroyed, jm_load_get(m, "destroy")->pos);
        if (p >= 0 && p != it->from && p != it->to)
            jm_error(c->d, c->file, jm_load_get(m, "destroy")->pos, "'destroy' names the message's sender or "
                     "receiver, not '%s'", jm_load_show(c, destroyed));
        it->destroy_from = p == it->from;
        it->destroy_to = p == it->to;
    }
    return jm_diags_errors(c->d) == errors;
}

/* The participants of `over` as a list of ids or one text "A, B". */
static bool load_over(seq_loader *L, const jm_ynode *v, jm_seq_item *it) {
    jm_lctx *c = L->c;
    bool ok = true;
    if (v->kind == JM_Y_SCALAR) {
        const char *s = v->str;
        it->over = JM_NEWV(c->a, int, v->len / 2 + 1);
        for (size_t start = 0;;) {
            size_t end = start;
            while (s[end] && s[end] != ',') end++;
            size_t a = start, b = end;
            while (a < b && is_blank(s[a])) a++;
            while (b > a && is_blank(s[b - 1])) b--;
            if (a == b) {
                jm_error(c->d, c->file, jm_load_pos_in(c, v, a), "expected a participant id in 'over'");
                return false;
            }
            int p = find_participant(L, jm_arena_strndup(c->a, s + a, b - a), jm_load_pos_in(c, v, a));
            if (p < 0) ok = false;
            else it->over[it->n_over++] = p;
            if (!s[end]) break;
            start = end + 1;
        }
        return ok;
    }
    const jm_ynode *l = jm_load_list_node(c, v, "'over'", JM_MAX_PARTICIPANTS);
    if (!l) return false;
    if (l->n == 0) {
        jm_error(c->d, c->file, l->pos, "'over' must name at least one participant");
        return false;
    }
    it->over = JM_NEWV(c->a, int, l->n);
    for (size_t i = 0; i < l->n; i++) {
        const char *id;
        if (!jm_yget_text(l->items[i], "each entry of 'over'", c->file, c->d, &id)) { ok = false; continue; }
        int p = find_participant(L, id, l->items[i]->pos);
        if (p < 0) ok = false;
        else it->over[it->n_over++] = p;
    }
    return ok;
}

/* {note: text, over: [ids] | left_of: id | right_of: id} */
static bool load_note(seq_loader *L, const jm_ynode *m, jm_seq_item *it) {
    jm_lctx *c = L->c;
    size_t errors = jm_diags_errors(c->d);
    jm_load_keys(c, m, jm_keys_note, "a note");
    it->text = jm_load_text(c, m, "note");
    if (!it->text && !jm_load_get(m, "note")) jm_error(c->d, c->file, m->pos, "note needs a text after 'note:'");
    int place = -1;
    for (int k = 0; note_places[k]; k++) {
        if (!jm_load_get(m, note_places[k])) continue;
        if (place >= 0) {
            jm_error(c->d, c->file, jm_load_key_pos(m, note_places[k]),
                     "a note takes only one of 'over', 'left_of' and 'right_of'");
            return false;
        }
        place = k;
    }
    if (place < 0) {
        jm_error(c->d, c->file, m->pos, "note needs an 'over', a 'left_of' or a 'right_of'");
        return false;
    }
    it->place = (jm_note_place)place;
    const jm_ynode *v = jm_load_get(m, note_places[place]);
    if (it->place == JM_NOTE_OVER) {
        load_over(L, v, it);
    } else {
        const char *id;
        if (jm_yget_text(v, jm_arena_printf(c->a, "'%s'", note_places[place]), c->file, c->d, &id)) {
            int p = find_participant(L, id, v->pos);
            if (p >= 0) {
                it->over = JM_NEW(c->a, int);
                it->over[0] = p;
                it->n_over = 1;
            }
        }
    }
    return jm_diags_errors(c->d) == errors;
}

static bool load_list(seq_loader *L, const jm_ynode *l, int depth, jm_seq_item **out, size_t *n_out);

/* One section: `label` and `messages` of a group or of an else branch. */
static bool load_section(seq_loader *L, const jm_ynode *m, int depth, jm_seq_section *sec) {
    jm_lctx *c = L->c;
    sec->pos = m->pos;
    sec->label = jm_load_text(c, m, "label");
    const jm_ynode *l = jm_load_list(c, m, "messages", JM_MAX_MESSAGES);
    if (!l) return !jm_load_get(m, "messages");
    return load_list(L, l, depth, &sec->items, &sec->n_items);
}

/* {group: kind, label, messages, else: [{label, messages}]}; depth counts enclosing groups. */
static bool load_group(seq_loader *L, const jm_ynode *m, int depth, jm_seq_item *it) {
    jm_lctx *c = L->c;
    size_t errors = jm_diags_errors(c->d);
    jm_load_keys(c, m, jm_keys_group, "a group");
    if (depth >= JM_MAX_GROUP_DEPTH) {
        jm_error(c->d, c->file, m->pos, "groups nested deeper than %d levels", JM_MAX_GROUP_DEPTH);
        return false;
    }
    const char *kind = jm_load_raw(c, m, "group");
    if (!kind) {
        if (!jm_load_get(m, "group"))
            jm_error(c->d, c->file, m->pos, "group needs a kind: %s", jm_load_choices(c, jm_enum_group_kinds));
        return false;
    }
    int k = 0;
    while (jm_enum_group_kinds[k] && strcmp(jm_enum_group_kinds[k], kind) != 0) k++;
    if (!jm_enum_group_kinds[k]) {
        const char *hint = jm_did_you_mean(kind, jm_enum_group_kinds);
        const char *kinds = jm_load_choices(c, jm_enum_group_kinds);
        jm_pos at = jm_load_get(m, "group")->pos;
        if (hint)
            jm_error(c->d, c->file, at, "unknown group kind '%s' (did you mean '%s'?); group kinds: %s",
                     jm_load_show(c, kind), hint, kinds);
        else
            jm_error(c->d, c->file, at, "unknown group kind '%s' (group kinds: %s)", jm_load_show(c, kind), kinds);
        return false;
    }
    it->group = (jm_group_kind)k;
    const jm_ynode *els = jm_load_get(m, "else");
    const jm_ynode *branches = NULL;
    if (els && it->group != JM_GROUP_ALT && it->group != JM_GROUP_PAR && it->group != JM_GROUP_CRITICAL) {
        jm_error(c->d, c->file, jm_load_key_pos(m, "else"),
                 "'else' is only allowed in alt, par and critical groups, not in a %s group", kind);
    } else if (els) {
        branches = jm_load_list_node(c, els, "'else'", JM_MAX_ITEMS);
    }
    size_t nb = branches ? branches->n : 0;
    it->sections = JM_NEWV(c->a, jm_seq_section, 1 + nb);
    load_section(L, m, depth + 1, &it->sections[0]);
    it->n_sections = 1;
    for (size_t i = 0; i < nb && !L->over_limit; i++) {
        const jm_ynode *b = branches->items[i];
        if (!jm_load_is_map(c, b, "an else branch")) continue;
        jm_load_keys(c, b, jm_keys_else, "an else branch");
        load_section(L, b, depth + 1, &it->sections[it->n_sections++]);
    }
    it->text = it->sections[0].label;
    return jm_diags_errors(c->d) == errors;
}

/* {rect: colour (empty: the style's), messages} */
static bool load_rect(seq_loader *L, const jm_ynode *m, int depth, jm_seq_item *it) {
    jm_lctx *c = L->c;
    size_t errors = jm_diags_errors(c->d);
    jm_load_keys(c, m, jm_keys_rect, "a rect");
    if (depth >= JM_MAX_GROUP_DEPTH) {
        jm_error(c->d, c->file, m->pos, "groups and rects nested deeper than %d levels", JM_MAX_GROUP_DEPTH);
        return false;
    }
    const char *color = jm_load_raw(c, m, "rect");
    if (color) {
        it->has_color = jm_color_parse(color, &it->color);
        if (!it->has_color)
            jm_error(c->d, c->file, jm_load_get(m, "rect")->pos, "'rect' is not a colour: '%s' (use \"#rgb\", "
                     "\"#rrggbb\" or \"#rrggbbaa\", or leave it empty for the style's)", jm_load_show(c, color));
    }
    it->sections = JM_NEWV(c->a, jm_seq_section, 1);
    it->n_sections = 1;
    it->sections[0].pos = m->pos;
    const jm_ynode *l = jm_load_list(c, m, "messages", JM_MAX_MESSAGES);
    if (l) load_list(L, l, depth + 1, &it->sections[0].items, &it->sections[0].n_items);
    return jm_diags_errors(c->d) == errors;
}

/* One entry of a messages list into it; false after diagnostics. */
static bool load_entry(seq_loader *L, const jm_ynode *n, int depth, jm_seq_item *it) {
    jm_lctx *c = L->c;
    it->pos = n->pos;
    if (n->kind == JM_Y_SCALAR && !jm_yis_null(n)) {
        it->kind = JM_SEQ_MESSAGE;
        L->s->n_messages++;
        return parse_arrow_string(L, n, it);
    }
    if (n->kind != JM_Y_MAP) {
        jm_error(c->d, c->file, n->pos, "a message must be a text or a mapping, not %s", jm_ykind_name(n));
        return false;
    }
    if (jm_ymap_get(n, "note")) { it->kind = JM_SEQ_NOTE; return load_note(L, n, it); }
    if (jm_ymap_get(n, "group")) { it->kind = JM_SEQ_GROUP; return load_group(L, n, depth, it); }
    if (jm_ymap_get(n, "rect")) { it->kind = JM_SEQ_RECT; return load_rect(L, n, depth, it); }
    if (jm_ymap_get(n, "delay")) {
        it->kind = JM_SEQ_DELAY;
        jm_load_keys(c, n, jm_keys_delay, "a delay");
        it->text = jm_load_text(c, n, "delay");
        if (!it->text) it->text = "";
        return true;
    }
    it->kind = JM_SEQ_MESSAGE;
    L->s->n_messages++;
    return load_message_map(L, n, it);
}

static bool load_list(seq_loader *L, const jm_ynode *l, int depth, jm_seq_item **out, size_t *n_out) {
    jm_lctx *c = L->c;
    jm_seq_item *items = JM_NEWV(c->a, jm_seq_item, l->n ? l->n : 1);
    size_t n = 0;
    bool ok = true;
    for (size_t i = 0; i < l->n; i++) {
        if (L->over_limit || jm_load_too_many(c)) return false;
        if (++L->n_items > JM_MAX_MESSAGES) {
            jm_error(c->d, c->file, l->items[i]->pos, "the sequence has more than %d messages, notes and groups",
                     JM_MAX_MESSAGES);
            L->over_limit = true;
            return false;
        }
        if (load_entry(L, l->items[i], depth, &items[n])) n++;
        else ok = false;
    }
    *out = items;
    *n_out = n;
    return ok;
}

/* {label, color, participants: [ids]}: neighbours in participant order, in at most one box. */
static void load_boxes(seq_loader *L, const jm_ynode *seq) {
    jm_lctx *c = L->c;
    jm_sequence *s = L->s;
    const jm_ynode *l = jm_load_list(c, seq, "boxes", JM_MAX_PARTICIPANTS);
    if (!l) return;
    s->boxes = JM_NEWV(c->a, jm_seq_box, l->n ? l->n : 1);
    int *owner = JM_NEWV(c->a, int, s->n_participants ? s->n_participants : 1);
    for (size_t i = 0; i < s->n_participants; i++) owner[i] = -1;
    for (size_t i = 0; i < l->n; i++) {
        const jm_ynode *m = l->items[i];
        if (!jm_load_is_map(c, m, "a box")) continue;
        jm_load_keys(c, m, jm_keys_box, "a box");
        jm_seq_box b = { .label = jm_load_text(c, m, "label"), .pos = m->pos, .first = -1, .last = -1 };
        const char *color = jm_load_raw(c, m, "color");
        if (color && !(b.has_color = jm_color_parse(color, &b.color)))
            jm_error(c->d, c->file, jm_load_get(m, "color")->pos, "box 'color' is not a colour: '%s' (use "
                     "\"#rgb\", \"#rrggbb\", \"#rrggbbaa\" or \"none\")", jm_load_show(c, color));
        const jm_ynode *ids = jm_load_list(c, m, "participants", JM_MAX_PARTICIPANTS);
        if (!ids || ids->n == 0) {
            if (!ids && !jm_load_get(m, "participants"))
                jm_error(c->d, c->file, m->pos, "box needs 'participants': a list of neighbouring participant ids");
            else if (ids)
                jm_error(c->d, c->file, ids->pos, "a box's 'participants' must name at least one participant");
            continue;
        }
        bool ok = true;
        for (size_t k = 0; k < ids->n; k++) {
            const char *id;
            if (!jm_yget_text(ids->items[k], "each entry of a box's 'participants'", c->file, c->d, &id)) { ok = false; continue; }
            int p = find_participant(L, id, ids->items[k]->pos);
            if (p < 0) { ok = false; continue; }
            if (owner[p] >= 0) {
                jm_error(c->d, c->file, ids->items[k]->pos, "participant '%s' is already in the box at line %d",
                         jm_load_show(c, id), s->boxes[owner[p]].pos.line);
                ok = false;
                continue;
            }
            if (b.first >= 0 && p != b.last + 1) {
                jm_error(c->d, c->file, ids->items[k]->pos, "a box holds neighbouring participants in their order: "
                         "'%s' does not follow '%s' in 'participants'", jm_load_show(c, id),
                         jm_load_show(c, s->participants[b.last].id));
                ok = false;
                continue;
            }
            if (b.first < 0) b.first = p;
            b.last = p;
            owner[p] = (int)s->n_boxes;
        }
        if (ok) s->boxes[s->n_boxes++] = b;
    }
}

/* ---- lifetimes: created before use, nothing sent after destruction ---- */

typedef struct { int seen, created, destroyed; } life;   /* lines, 0: not yet */

static bool lives_item(jm_lctx *c, const jm_sequence *s, life *lf, const jm_seq_item *it);

static bool lives_list(jm_lctx *c, const jm_sequence *s, life *lf, const jm_seq_item *items, size_t n) {
    bool ok = true;
    for (size_t i = 0; i < n; i++) ok &= lives_item(c, s, lf, &items[i]);
    return ok;
}

static bool lives_item(jm_lctx *c, const jm_sequence *s, life *lf, const jm_seq_item *it) {
    int line = it->pos.line ? it->pos.line : 1;
    switch (it->kind) {
    case JM_SEQ_MESSAGE: {
        int ends[2] = { it->from, it->to };
        for (int e = 0; e < 2; e++) {
            life *l = &lf[ends[e]];
            if (l->destroyed) {
                jm_error(c->d, c->file, it->pos, "participant '%s' has a message after it is destroyed (line %d)",
                         jm_load_show(c, s->participants[ends[e]].id), l->destroyed);
                return false;
            }
        }
        if (it->create) {
            life *l = &lf[it->to];
            const char *id = jm_load_show(c, s->participants[it->to].id);
            if (l->created || l->seen) {
                jm_error(c->d, c->file, it->pos, "participant '%s' is created here but %s at line %d", id,
                         l->created ? "was already created" : "already appears", l->created ? l->created : l->seen);
                return false;
            }
            l->created = line;
        }
        lf[it->from].seen = lf[it->from].seen ? lf[it->from].seen : line;
        lf[it->to].seen = lf[it->to].seen ? lf[it->to].seen : line;
        if (it->destroy_from) lf[it->from].destroyed = line;
        if (it->destroy_to) lf[it->to].destroyed = line;
        return true;
    }
    case JM_SEQ_NOTE:
        for (size_t k = 0; k < it->n_over; k++)
            if (!lf[it->over[k]].seen) lf[it->over[k]].seen = line;
        return true;
    case JM_SEQ_DELAY:
        return true;
    case JM_SEQ_GROUP: case JM_SEQ_RECT: {
        bool ok = true;
        for (size_t k = 0; k < it->n_sections; k++)
            ok &= lives_list(c, s, lf, it->sections[k].items, it->sections[k].n_items);
        return ok;
    }
    }
    return true;
}

bool jm_load_seq_lifetimes(jm_lctx *c, const jm_sequence *s) {
    life *lf = JM_NEWV(c->a, life, s->n_participants ? s->n_participants : 1);
    return lives_list(c, s, lf, s->items, s->n_items);
}

const jm_sequence *jm_load_sequence(jm_lctx *c, const jm_ynode *n) {
    if (!jm_load_is_map(c, n, "'sequence'")) return NULL;
    jm_load_keys(c, n, jm_keys_seq, "the sequence");
    jm_sequence *s = JM_NEW(c->a, jm_sequence);
    s->pos = n->pos;
    s->title = jm_load_text(c, n, "title");
    jm_load_bool(c, n, "autonumber", &s->autonumber);
    seq_loader L = { .c = c, .s = s };
    load_participants(&L, n);
    load_boxes(&L, n);
    const jm_ynode *l = jm_load_list(c, n, "messages", JM_MAX_MESSAGES);
    size_t errors = jm_diags_errors(c->d);
    if (l && load_list(&L, l, 0, &s->items, &s->n_items) && jm_diags_errors(c->d) == errors)
        jm_load_seq_lifetimes(c, s);
    return s;
}
