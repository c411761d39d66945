/* datadir.h - where the bundled fonts and styles are (the "data folder", holding fonts/ and
 * styles/). Nothing is compiled in: the folder is found from the environment or from where the
 * code runs from, so a build tree works as it is and an install works under any PREFIX. */
#ifndef JM_DATADIR_H
#define JM_DATADIR_H

/* The first folder holding styles/default.yaml of: $JOURNEYMAP_DATADIR (taken as it is, even
 * without it); then for the file holding this code (found with dladdr: the shared library, or
 * the program it is linked into) and then the running program (/proc/self/exe), from its folder
 * DIR: DIR/.. (a build tree: build/journeymap), DIR/../share/journeymap (PREFIX/bin or
 * PREFIX/lib) and DIR/../../share/journeymap (PREFIX/lib/TRIPLET). A new string (g_free), or
 * NULL with *why (g_free) naming the places looked at. */
char *jm_data_dir_find(char **why);
#endif
