/* valence.h - emotion scores that nobody wrote down: an estimate from an emoji (a table of
 * common emoji with their valence, kept as data) or, failing that, from a short word list. */
#ifndef JM_VALENCE_H
#define JM_VALENCE_H
#include <stdbool.h>

/* Estimates the score (-2 .. +2) of an emotion from its emoji (may be NULL) and its label (may be
 * NULL): the emoji's valence when the table has it, else the first word of the label found in the
 * word list. False when neither says anything. */
bool jm_valence_estimate(const char *emoji, const char *label, double *score);
#endif
