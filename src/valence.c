/* valence.c - jm_valence_estimate; the emoji table and the word list come with the journey
 * documents work (issue 10). Until then nothing is estimated. */
#include "valence.h"

bool jm_valence_estimate(const char *emoji, const char *label, double *score) {
    (void)emoji; (void)label; (void)score;
    return false;
}
