/* datadir.c - finding the data folder (datadir.h). No state: every call looks again. */
#include "datadir.h"
#include <dlfcn.h>
#include <stdbool.h>
#include <stdlib.h>
#include <glib.h>
#include <string.h>

static bool has_styles(const char *dir) {
    char *f = g_build_filename(dir, "styles", "default.yaml", NULL);
    bool ok = g_file_test(f, G_FILE_TEST_IS_REGULAR);
    g_free(f);
    return ok;
}

/* The data folder near the file `file` (absolute), or NULL; the folders tried are added to `tried`. */
static char *near(const char *file, GString *tried) {
    char *bin = g_path_get_dirname(file);
    char *candidates[] = {
        g_build_filename(bin, "..", NULL),
        g_build_filename(bin, "..", "share", "journeymap", NULL),
        g_build_filename(bin, "..", "..", "share", "journeymap", NULL),
    };
    char *found = NULL;
    for (size_t i = 0; i < G_N_ELEMENTS(candidates); i++) {
        if (!found && has_styles(candidates[i])) {
            char *canon = g_canonicalize_filename(candidates[i], NULL);
            found = canon;
        } else if (!found) {
            g_string_append_printf(tried, "%s%s", tried->len ? ", " : "", candidates[i]);
        }
        g_free(candidates[i]);
    }
    g_free(bin);
    return found;
}

char *jm_data_dir_find(char **why) {
    const char *env = g_getenv("JOURNEYMAP_DATADIR");
    if (env && *env) return g_strdup(env);
    GString *tried = g_string_new(NULL);
    char *found = NULL;
    Dl_info info;
    if (dladdr((void *)jm_data_dir_find, &info) && info.dli_fname && g_path_is_absolute(info.dli_fname)) {
        char *real = realpath(info.dli_fname, NULL);   /* through the libjourneymap.so.0 link */
        found = near(real ? real : info.dli_fname, tried);
        free(real);
    }
    if (!found) {
        char *exe = g_file_read_link("/proc/self/exe", NULL);
        if (exe) found = near(exe, tried);
        g_free(exe);
    }
    if (found) {
        g_string_free(tried, TRUE);
        return found;
    }
    *why = g_strdup_printf("no styles/default.yaml in $JOURNEYMAP_DATADIR (not set) nor in %s; set "
                           "JOURNEYMAP_DATADIR or give the folder to jm_context_create", tried->str);
    g_string_free(tried, TRUE);
    return NULL;
}
