/* valence.h - emotion scores that nobody wrote down: an estimate from an emoji (a table of
 * common emoji with their valence, kept as data in data/valence.tsv, see data/README.md) or,
 * failing that, from a short word list. */
#ifndef JM_VALENCE_H
#define JM_VALENCE_H
#include <stdbool.h>
#include <stddef.h>
#include "arena.h"
#include "model.h"

/* Estimates the score (-2 .. +2) of an emotion from its emoji (may be NULL) and its label (may be
 * NULL): the emoji's valence when the table has it, else the first word of the label found in the
 * word list. False when neither says anything. An emoji is looked up by its first code point:
 * variation selectors, skin tones and what follows a zero-width joiner do not change it. */
bool jm_valence_estimate(const char *emoji, const char *label, double *score);
/* The same, saying what the estimate came from: JM_EST_EMOJI, JM_EST_WORDS, or 0 for none. */
unsigned jm_valence_estimate_from(const char *emoji, const char *label, double *score);

/* Gives an emotion without a stated score its estimate (has_score and estimated set), when
 * jm_valence_estimate finds one; otherwise leaves it unscored. Loaders call it on each emotion. */
void jm_valence_fill(jm_emotion *e);

/* A stage with several emotions as one score: out's score is the mean of the scored ones among
 * e[0..n), marked estimated when any of them is (estimated_from: what all of those came from).
 * False (out untouched) when none has a score. The emotions view draws a stage so. */
bool jm_valence_mean(const jm_emotion *e, size_t n, jm_emotion *out);

/* --no-estimate: points j's stages and steps at copies (in a) whose estimated scores are
 * removed again, so unscored moments are drawn as markers without a curve. j itself is the
 * caller's copy of the journey; the loaded model is not changed. */
void jm_valence_drop(jm_arena *a, jm_journey *j);

/* One entry of a table: an emoji (one code point, UTF-8) or a word stem (lower case, matched as
 * the start of a word), and its score. */
typedef struct { const char *key; double score; } jm_valence_entry;

/* The emoji table and the word list, static data (for tests and documentation). */
const jm_valence_entry *jm_valence_emoji(size_t *n);
const jm_valence_entry *jm_valence_words(size_t *n);
#endif
