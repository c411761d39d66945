/* fontset.h - the pinned font set: the files listed in fonts/fontset.txt, made into a fontconfig
 * configuration of our own. The system configuration (/etc/fonts), the user's files and every
 * other installed font are never read, so text looks the same on every machine that has the
 * set; fontconfig's cache files of the set (in the user's cache folder) spare the font scan. */
#ifndef JM_FONTSET_H
#define JM_FONTSET_H
#include <fontconfig/fontconfig.h>
#include <stdio.h>
#include "diag.h"

/* A new configuration holding exactly the fonts of `fonts_dir`/fontset.txt (after the files of
 * `extra`, NULL-terminated, may be NULL: a brand's own fonts from --font and a style's
 * font-files, first in the fallback order, so their families are theirs), with rules that
 * make every request fall back through the set in list order and make the generic family
 * "emoji" mean the set's colour font. A listed file that is missing is a warning (its scripts
 * then have no font: text in them is reported, never drawn as a silent box). NULL after an
 * error when the list cannot be read or no font of it can be loaded. The caller owns the
 * configuration (FcConfigDestroy). */
FcConfig *jm_fontset_config(const char *fonts_dir, const char *const *extra, jm_diags *d);

/* An error for each file of `extra` that is not a font file fontconfig can load ("font file '...'
 * ..."), naming `file` at `pos` when given (a style's font-files entry). False if any. */
bool jm_fontset_check_files(const char *const *extra, const char *file, const jm_pos *pos, jm_diags *d);

/* --list-fonts: every file of the set in fallback order, with "missing" or the scripts it
 * covers ("/path/Inter-Regular.otf  Latin Greek Cyrillic"). Returns the number of missing
 * files, or -1 when the list cannot be read. */
int jm_fontset_print(const char *fonts_dir, FILE *out, jm_diags *d);
#endif
