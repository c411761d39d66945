/* valence.c - jm_valence_estimate: the emoji table (generated from data/valence.tsv by the
 * Makefile into valence_table.inc) and a short word list, both documented in data/README.md. */
#include "valence.h"
#include <glib.h>
#include <string.h>

static const jm_valence_entry emoji_table[] = {
#include "valence_table.inc"
};

/* Word stems, matched case-insensitively at the start of a word of the label ("frustrat" finds
 * frustrated, frustration, frustrating). Kept short: the emoji say more than the words. */
static const jm_valence_entry word_table[] = {
    { "furious", -2 }, { "angry", -2 }, { "anger", -2 }, { "frustrat", -2 }, { "despair", -2 },
    { "hopeless", -2 }, { "overwhelm", -2 }, { "panic", -2 }, { "desperat", -2 }, { "outrag", -2 },
    { "annoy", -1 }, { "confus", -1 }, { "worr", -1 }, { "anxi", -1 }, { "unsure", -1 },
    { "uncertain", -1 }, { "doubt", -1 }, { "skeptic", -1 }, { "sceptic", -1 }, { "disappoint", -1 },
    { "impatien", -1 }, { "tired", -1 }, { "bored", -1 }, { "stress", -1 }, { "nervous", -1 },
    { "irritat", -1 }, { "lost", -1 }, { "stuck", -1 }, { "sad", -1 }, { "fear", -1 }, { "afraid", -1 },
    { "concern", -1 }, { "suspicious", -1 }, { "hesita", -1 }, { "reluctant", -1 }, { "pain", -1 },
    { "neutral", 0 }, { "indifferent", 0 }, { "calm", 0 },
    { "curious", 1 }, { "intrigu", 1 }, { "interest", 1 }, { "hopeful", 1 }, { "optimis", 1 },
    { "relie", 1 }, { "reassur", 1 }, { "confident", 1 }, { "satisf", 1 }, { "pleas", 1 },
    { "content", 1 }, { "motivat", 1 }, { "engag", 1 }, { "comfortable", 1 }, { "trust", 1 },
    { "excit", 2 }, { "delight", 2 }, { "thrill", 2 }, { "happy", 2 }, { "joy", 2 },
    { "love", 2 }, { "proud", 2 }, { "impress", 2 }, { "amaz", 2 }, { "elat", 2 }, { "grateful", 2 },
};

const jm_valence_entry *jm_valence_emoji(size_t *n) {
    *n = G_N_ELEMENTS(emoji_table);
    return emoji_table;
}

const jm_valence_entry *jm_valence_words(size_t *n) {
    *n = G_N_ELEMENTS(word_table);
    return word_table;
}

/* The first code point of an emoji that is not a variation selector or skin tone; 0 if none. */
static gunichar base_of(const char *emoji) {
    if (!g_utf8_validate(emoji, -1, NULL)) return 0;
    for (const char *p = emoji; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (c == 0xFE0F || c == 0xFE0E || (c >= 0x1F3FB && c <= 0x1F3FF) || g_unichar_isspace(c)) continue;
        return c;
    }
    return 0;
}

static bool from_emoji(const char *emoji, double *score) {
    gunichar c = emoji ? base_of(emoji) : 0;
    if (!c) return false;
    for (size_t i = 0; i < G_N_ELEMENTS(emoji_table); i++)
        if (g_utf8_get_char(emoji_table[i].key) == c) { *score = emoji_table[i].score; return true; }
    return false;
}

/* The first word of the label that starts with a stem of the list. */
static bool from_words(const char *label, double *score) {
    if (!label || !g_utf8_validate(label, -1, NULL)) return false;
    char *low = g_utf8_strdown(label, -1);
    bool found = false;
    for (const char *w = low; *w && !found; ) {
        const char *end = w;
        while (*end && g_unichar_isalpha(g_utf8_get_char(end))) end = g_utf8_next_char(end);
        for (size_t i = 0; end > w && i < G_N_ELEMENTS(word_table); i++) {
            size_t k = strlen(word_table[i].key);
            if ((size_t)(end - w) >= k && memcmp(w, word_table[i].key, k) == 0) {
                *score = word_table[i].score;
                found = true;
                break;
            }
        }
        w = *end ? g_utf8_next_char(end) : end;
    }
    g_free(low);
    return found;
}

unsigned jm_valence_estimate_from(const char *emoji, const char *label, double *score) {
    return from_emoji(emoji, score) ? JM_EST_EMOJI : from_words(label, score) ? JM_EST_WORDS : 0;
}

bool jm_valence_estimate(const char *emoji, const char *label, double *score) {
    return jm_valence_estimate_from(emoji, label, score) != 0;
}

void jm_valence_fill(jm_emotion *e) {
    double s;
    unsigned from = e->has_score ? 0 : jm_valence_estimate_from(e->emoji, e->label, &s);
    if (!from) return;
    e->score = s;
    e->has_score = e->estimated = true;
    e->estimated_from = from;
}

bool jm_valence_mean(const jm_emotion *e, size_t n, jm_emotion *out) {
    double sum = 0;
    size_t k = 0;
    unsigned from = 0;
    for (size_t i = 0; i < n; i++) {
        if (!e[i].has_score) continue;
        sum += e[i].score;
        if (e[i].estimated) from |= e[i].estimated_from ? e[i].estimated_from : JM_EST_EMOJI;
        k++;
    }
    if (!k) return false;
    out->score = sum / (double)k;
    out->has_score = true;
    out->estimated = from != 0;
    out->estimated_from = from;
    return true;
}

static void unestimate(jm_emotion *e) {
    if (e->estimated) { e->has_score = e->estimated = false; e->score = 0; e->estimated_from = 0; }
}

void jm_valence_drop(jm_arena *a, jm_journey *j) {
    jm_stage *stages = JM_NEWV(a, jm_stage, j->n_stages ? j->n_stages : 1);
    for (size_t i = 0; i < j->n_stages; i++) {
        stages[i] = j->stages[i];
        jm_emotion *em = JM_NEWV(a, jm_emotion, stages[i].n_emotions ? stages[i].n_emotions : 1);
        for (size_t k = 0; k < stages[i].n_emotions; k++) {
            em[k] = stages[i].emotions[k];
            unestimate(&em[k]);
        }
        stages[i].emotions = em;
    }
    jm_step *steps = JM_NEWV(a, jm_step, j->n_steps ? j->n_steps : 1);
    for (size_t i = 0; i < j->n_steps; i++) {
        steps[i] = j->steps[i];
        if (!steps[i].emotion) continue;
        jm_emotion *e = JM_NEW(a, jm_emotion);
        *e = *steps[i].emotion;
        unestimate(e);
        steps[i].emotion = e;
    }
    j->stages = stages;
    j->steps = steps;
}
