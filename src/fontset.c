/* fontset.c - fonts/fontset.txt to a private fontconfig configuration, and --list-fonts.
 *
 * How the set is pinned
 * ---------------------
 * The configuration starts empty (FcConfigCreate: no /etc/fonts, no ~/.config/fontconfig, no
 * FONTCONFIG_FILE) and is given, as XML parsed from memory:
 *
 *   <dir>        each folder that holds a listed file (fonts/, and the Debian package's folder)
 *   <cachedir>   the user's cache folder: fontconfig reads the set from its cache files there,
 *                and writes them on the first run, so later runs open no font to scan it
 *   <selectfont> accept exactly the listed files, reject every other file of those folders,
 *                and of a collection with a family in the list only that family's face
 *   <match>      every request falls back through the set's families in list order (binding
 *                strong, so a text's language never picks another font), and the generic
 *                family "emoji", which Pango asks for emoji runs, means the set's colour font
 *
 * A cache file belongs to its folder's path and modification time, and holds only what the
 * font files say (our configuration has no scan-time rules), so a cache can only make start-up
 * faster, never change what is drawn. */
#include "fontset.h"
#include <errno.h>
#include <glib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* path: the listed file; file: where fontconfig finds it (the same file, or a link to it, see
 * link_external); family: the fallback family, or NULL. */
typedef struct { char *path, *file, *family; } entry;

static void free_entry(gpointer p) {
    entry *e = p;
    g_free(e->path);
    g_free(e->file);
    g_free(e->family);
    g_free(e);
}

/* Files of the set outside fonts/ (Debian's CJK fonts) share their folder with fonts that are
 * not in the set, which fontconfig would open to scan the folder (the serif CJK faces: 53 MB).
 * So they are reached through a folder of symbolic links of their own in the cache folder,
 * named after the files' paths, sizes and modification times: a changed font is a new folder,
 * scanned afresh, never a stale cache. Where no link can be made, the file's own folder is used. */
static void link_external(GPtrArray *list, const char *fonts_dir, const char *cache) {
    GString *id = g_string_new(NULL);
    for (guint i = 0; i < list->len; i++) {
        entry *e = list->pdata[i];
        struct stat st;
        char *dir = g_path_get_dirname(e->path);
        if (strcmp(dir, fonts_dir) != 0 && stat(e->path, &st) == 0)
            g_string_append_printf(id, "%s:%lld:%lld\n", e->path, (long long)st.st_size, (long long)st.st_mtime);
        g_free(dir);
    }
    char *sum = g_compute_checksum_for_string(G_CHECKSUM_SHA256, id->str, -1);
    char *name = g_strdup_printf("fonts-%.16s", sum);
    char *links = g_build_filename(cache, name, NULL);
    bool ok = id->len > 0 && g_mkdir_with_parents(links, 0755) == 0;
    for (guint i = 0; ok && i < list->len; i++) {
        entry *e = list->pdata[i];
        char *dir = g_path_get_dirname(e->path), *base = g_path_get_basename(e->path);
        if (strcmp(dir, fonts_dir) != 0) {
            char *link = g_build_filename(links, base, NULL);
            if (symlink(e->path, link) == 0 || errno == EEXIST) {
                g_free(e->file);
                e->file = link;
            } else g_free(link);
        }
        g_free(dir);
        g_free(base);
    }
    g_free(links);
    g_free(name);
    g_free(sum);
    g_string_free(id, TRUE);
}

/* The list, absolute paths in file order, after the files of `extra`. NULL after an error. */
static GPtrArray *read_list(const char *fonts_dir, const char *const *extra, jm_diags *d) {
    char *file = g_build_filename(fonts_dir, "fontset.txt", NULL), *text = NULL;
    GError *err = NULL;
    if (!g_file_get_contents(file, &text, NULL, &err)) {
        jm_error(d, file, (jm_pos){ 0, 0 }, "cannot read the font list: %s", err->message);
        g_error_free(err);
        g_free(file);
        return NULL;
    }
    GPtrArray *list = g_ptr_array_new_with_free_func(free_entry);
    for (size_t i = 0; extra && extra[i]; i++) {
        entry *e = g_new0(entry, 1);
        e->path = g_canonicalize_filename(extra[i], NULL);
        e->file = g_strdup(e->path);
        g_ptr_array_add(list, e);
    }
    char **lines = g_strsplit(text, "\n", -1);
    for (char **l = lines; *l; l++) {
        char *line = g_strstrip(*l);
        if (!*line || *line == '#') continue;
        char *sep = line + strcspn(line, " \t");
        entry *e = g_new0(entry, 1);
        if (*sep) {
            *sep++ = '\0';
            e->family = g_strdup(g_strstrip(sep));
        }
        e->path = g_path_is_absolute(line) ? g_strdup(line) : g_build_filename(fonts_dir, line, NULL);
        e->file = g_strdup(e->path);
        g_ptr_array_add(list, e);
    }
    g_strfreev(lines);
    g_free(text);
    g_free(file);
    char *cache = g_build_filename(g_get_user_cache_dir(), "journeymap", NULL);
    link_external(list, fonts_dir, cache);
    g_free(cache);
    return list;
}

static void xml_string(GString *xml, const char *tag, const char *s) {
    char *esc = g_markup_escape_text(s, -1);
    g_string_append_printf(xml, "<%s>%s</%s>", tag, esc, tag);
    g_free(esc);
}

/* The family a file falls back to: the list's second field, else the first family of the
 * file's first face in `set`. NULL when the file is not in the set. */
static const char *fallback_family(const entry *e, FcFontSet *set) {
    if (e->family) return e->family;
    for (int i = 0; set && i < set->nfont; i++) {
        FcChar8 *file, *family;
        int index = 0;
        FcPatternGetInteger(set->fonts[i], FC_INDEX, 0, &index);
        if (index == 0 && FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) == FcResultMatch &&
            strcmp((const char *)file, e->file) == 0 &&
            FcPatternGetString(set->fonts[i], FC_FAMILY, 0, &family) == FcResultMatch)
            return (const char *)family;
    }
    return NULL;
}

/* Rules about fonts, not families, written for this set (the system configuration has their
 * like, which journeymap no longer reads):
 * - a bitmap font (the colour emoji: one 109 px strike, no outlines) is scaled to the size
 *   asked for, by the ratio of the pixel sizes, always (no 0.8-1.2 dead band);
 * - a weight or a slant the set lacks is synthesised: Bold from a face of Medium or lighter by
 *   emboldening, italic from an upright outline face (Hebrew, Arabic, CJK; never the emoji)
 *   by a 0.2 shear. */
static const char font_rules[] =
    "<match target=\"font\"><test name=\"outline\"><bool>false</bool></test>"
    "<edit name=\"pixelsizefixupfactor\" mode=\"assign\"><divide><name target=\"pattern\">pixelsize</name>"
    "<name target=\"font\">pixelsize</name></divide></edit></match>\n"
    "<match target=\"font\"><test name=\"outline\"><bool>false</bool></test>"
    "<edit name=\"matrix\" mode=\"assign\"><times><name>matrix</name><matrix><name>pixelsizefixupfactor</name>"
    "<double>0</double><double>0</double><name>pixelsizefixupfactor</name></matrix></times></edit>"
    "<edit name=\"size\" mode=\"assign\"><divide><name>size</name><name>pixelsizefixupfactor</name></divide></edit></match>\n"
    "<match target=\"font\"><test name=\"weight\" compare=\"less_eq\"><const>medium</const></test>"
    "<test target=\"pattern\" name=\"weight\" compare=\"more_eq\"><const>bold</const></test>"
    "<edit name=\"embolden\" mode=\"assign\"><bool>true</bool></edit>"
    "<edit name=\"weight\" mode=\"assign\"><const>bold</const></edit></match>\n"
    "<match target=\"font\"><test name=\"outline\"><bool>true</bool></test><test name=\"slant\"><const>roman</const></test>"
    "<test target=\"pattern\" name=\"slant\" compare=\"not_eq\"><const>roman</const></test>"
    "<edit name=\"matrix\" mode=\"assign\"><times><name>matrix</name><matrix><double>1</double><double>0.2</double>"
    "<double>0</double><double>1</double></matrix></times></edit>"
    "<edit name=\"slant\" mode=\"assign\"><const>oblique</const></edit></match>\n";

/* The <match> rules: fall back through the families in list order; "emoji" is the colour font. */
static GString *rules(GPtrArray *list, FcFontSet *set) {
    GString *xml = g_string_new("<?xml version=\"1.0\"?>\n<fontconfig>\n");
    GPtrArray *families = g_ptr_array_new();
    const char *emoji = NULL;
    for (guint i = 0; i < list->len; i++) {
        const char *f = fallback_family(list->pdata[i], set);
        bool seen = false;
        for (guint k = 0; f && k < families->len && !seen; k++) seen = strcmp(families->pdata[k], f) == 0;
        if (f && !seen) g_ptr_array_add(families, (gpointer)f);
    }
    for (int i = 0; set && i < set->nfont && !emoji; i++) {
        FcBool color = FcFalse;
        FcChar8 *family;
        if (FcPatternGetBool(set->fonts[i], FC_COLOR, 0, &color) == FcResultMatch && color &&
            FcPatternGetString(set->fonts[i], FC_FAMILY, 0, &family) == FcResultMatch)
            emoji = (const char *)family;
    }
    g_string_append(xml, "<match target=\"pattern\"><edit name=\"family\" mode=\"append_last\" binding=\"strong\">");
    for (guint k = 0; k < families->len; k++) xml_string(xml, "string", families->pdata[k]);
    g_string_append(xml, "</edit></match>\n");
    if (emoji) {
        g_string_append(xml, "<match target=\"pattern\"><test name=\"family\"><string>emoji</string></test>"
                             "<edit name=\"family\" mode=\"prepend_first\" binding=\"strong\">");
        xml_string(xml, "string", emoji);
        g_string_append(xml, "</edit></match>\n");
    }
    g_string_append(xml, font_rules);
    g_string_append(xml, "</fontconfig>\n");
    g_ptr_array_free(families, TRUE);
    return xml;
}

/* Folders, cache folder and file selection (see the top of this file); without a cache folder
 * (`cache` NULL) only the selection, and the files are added one by one. */
static GString *folders(GPtrArray *list, const char *cache) {
    GString *xml = g_string_new("<?xml version=\"1.0\"?>\n<fontconfig>\n");
    GHashTable *dirs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (guint i = 0; cache && i < list->len; i++) {
        char *dir = g_path_get_dirname(((entry *)list->pdata[i])->file);
        if (g_hash_table_add(dirs, dir)) {
            xml_string(xml, "dir", dir);
            g_string_append_c(xml, '\n');
        }
    }
    if (cache) xml_string(xml, "cachedir", cache);
    /* a collection with a family named in the list gives only that face (of Noto Sans CJK's ten
     * faces a weight, the SC one): fewer fonts for every fallback sort */
    GString *faces = g_string_new(NULL), *others = g_string_new(NULL);
    g_string_append(xml, "\n<selectfont><acceptfont>");
    for (guint i = 0; i < list->len; i++) {
        const entry *e = list->pdata[i];
        xml_string(xml, "glob", e->file);
        if (!e->family) continue;
        g_string_append(faces, "<pattern><patelt name=\"family\">");
        xml_string(faces, "string", e->family);
        g_string_append(faces, "</patelt></pattern>");
        g_string_append(others, "<pattern><patelt name=\"file\">");
        xml_string(others, "string", e->file);
        g_string_append(others, "</patelt></pattern>");
    }
    g_string_append_printf(xml, "%s</acceptfont><rejectfont><glob>*</glob>%s</rejectfont></selectfont>\n</fontconfig>\n",
                           faces->str, others->str);
    g_string_free(faces, TRUE);
    g_string_free(others, TRUE);
    g_hash_table_destroy(dirs);
    return xml;
}

/* The set's fonts: from the folders (system set), or added file by file (application set). */
static FcFontSet *config_fonts(FcConfig *config) {
    FcFontSet *set = FcConfigGetFonts(config, FcSetSystem);
    return set && set->nfont > 0 ? set : FcConfigGetFonts(config, FcSetApplication);
}

static bool in_set(FcFontSet *set, const char *path) {
    for (int i = 0; set && i < set->nfont; i++) {
        FcChar8 *file;
        if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) == FcResultMatch && strcmp((const char *)file, path) == 0)
            return true;
    }
    return false;
}

bool jm_fontset_check_files(const char *const *extra, const char *file, const jm_pos *pos, jm_diags *d) {
    bool ok = true;
    for (size_t i = 0; extra && extra[i]; i++) {
        int count = 0;
        FcPattern *p = FcFreeTypeQuery((const FcChar8 *)extra[i], 0, NULL, &count);
        if (p) { FcPatternDestroy(p); continue; }
        jm_error(d, file, pos ? *pos : (jm_pos){ 0, 0 }, "font file '%s' %s", extra[i],
                 g_file_test(extra[i], G_FILE_TEST_EXISTS) ? "is not a font file (TrueType, OpenType or a collection)"
                                                           : "does not exist");
        ok = false;
    }
    return ok;
}

FcConfig *jm_fontset_config(const char *fonts_dir, const char *const *extra, jm_diags *d) {
    char *abs = g_canonicalize_filename(fonts_dir, NULL);
    GPtrArray *list = read_list(abs, extra, d);
    g_free(abs);
    if (!list) return NULL;
    FcConfig *config = FcConfigCreate();
    FcConfigSetSysRoot(config, NULL);       /* not $FONTCONFIG_SYSROOT */
    FcConfigSetRescanInterval(config, 0);   /* never re-stat font folders while running */
    /* A cache folder we cannot write would make fontconfig print "No writable cache directories"
     * on every run; then the files are read one by one instead, slower but silent. */
    char *cache = g_build_filename(g_get_user_cache_dir(), "journeymap", "fontconfig", NULL);
    bool cached = g_mkdir_with_parents(cache, 0755) == 0 && access(cache, W_OK) == 0;
    GString *xml = folders(list, cached ? cache : NULL);
    g_free(cache);
    bool ok = FcConfigParseAndLoadFromMemory(config, (const FcChar8 *)xml->str, FcTrue) && FcConfigBuildFonts(config);
    g_string_free(xml, TRUE);
    for (guint i = 0; ok && !cached && i < list->len; i++)
        FcConfigAppFontAddFile(config, (const FcChar8 *)((entry *)list->pdata[i])->file);
    FcFontSet *set = ok ? config_fonts(config) : NULL;
    if (!set || set->nfont == 0) {
        jm_error(d, NULL, (jm_pos){ 0, 0 }, "no font of the font list in '%s' can be loaded", fonts_dir);
        FcConfigDestroy(config);
        g_ptr_array_free(list, TRUE);
        return NULL;
    }
    for (guint i = 0; i < list->len; i++) {
        const char *path = ((entry *)list->pdata[i])->path;
        if (!in_set(set, ((entry *)list->pdata[i])->file))
            jm_diag_add(d, JM_WARNING, NULL, (jm_pos){ 0, 0 },
                        "font file '%s' of the pinned set is missing (run 'make deps'); text that needs it is reported", path);
    }
    xml = rules(list, set);
    if (!FcConfigParseAndLoadFromMemory(config, (const FcChar8 *)xml->str, FcTrue))
        jm_diag_add(d, JM_WARNING, NULL, (jm_pos){ 0, 0 }, "cannot set the fallback order of the font set");
    g_string_free(xml, TRUE);
    g_ptr_array_free(list, TRUE);
    return config;
}

/* A script is covered when a font has every one of its sample characters. */
static const struct { const char *name; gunichar chars[4]; } scripts[] = {
    { "Latin", { 0x41, 0x61, 0xE9, 0x141 } },     { "Greek", { 0x391, 0x3B1, 0x3C9 } },
    { "Cyrillic", { 0x416, 0x436, 0x44F } },       { "Hebrew", { 0x5D0, 0x5E9, 0x5EA } },
    { "Arabic", { 0x627, 0x628, 0x64A } },         { "Devanagari", { 0x905, 0x915, 0x94D } },
    { "Thai", { 0xE01, 0xE32, 0xE40 } },           { "Han", { 0x4E2D, 0x6587, 0x8AAA } },
    { "Hiragana", { 0x3042, 0x3093 } },            { "Katakana", { 0x30A2, 0x30F3 } },
    { "Hangul", { 0xAC00, 0xD55C } },              { "Arrows", { 0x2190, 0x2192, 0x21D2 } },
    { "Math", { 0x2211, 0x221A, 0x2264 } },        { "Geometric", { 0x25A0, 0x25CF, 0x25B6 } },
    { "Dingbats", { 0x2713, 0x2717, 0x2794 } },    { "Misc-symbols", { 0x2605, 0x263A, 0x2691 } },
    { "Enclosed", { 0x2460, 0x2473, 0x24B6 } },    { "Emoji", { 0x1F600, 0x1F950, 0x1F680 } },
};

int jm_fontset_print(const char *fonts_dir, FILE *out, jm_diags *d) {
    FcConfig *config = jm_fontset_config(fonts_dir, NULL, d);
    if (!config) return -1;
    char *abs = g_canonicalize_filename(fonts_dir, NULL);
    GPtrArray *list = read_list(abs, NULL, d);
    g_free(abs);
    FcFontSet *set = config_fonts(config);
    int missing = 0;
    for (guint i = 0; list && i < list->len; i++) {
        const char *path = ((entry *)list->pdata[i])->path, *seen_as = ((entry *)list->pdata[i])->file;
        FcCharSet *cs = FcCharSetCreate();
        for (int k = 0; k < set->nfont; k++) {
            FcChar8 *file;
            FcCharSet *c;
            if (FcPatternGetString(set->fonts[k], FC_FILE, 0, &file) == FcResultMatch && strcmp((const char *)file, seen_as) == 0 &&
                FcPatternGetCharSet(set->fonts[k], FC_CHARSET, 0, &c) == FcResultMatch)
                FcCharSetMerge(cs, c, NULL);
        }
        fprintf(out, "%s ", path);
        if (FcCharSetCount(cs) == 0) {
            fputs(" missing", out);
            missing++;
        }
        for (size_t s = 0; s < G_N_ELEMENTS(scripts) && FcCharSetCount(cs); s++) {
            bool all = true;
            for (int k = 0; k < 4 && scripts[s].chars[k]; k++) all = all && FcCharSetHasChar(cs, scripts[s].chars[k]);
            if (all) fprintf(out, " %s", scripts[s].name);
        }
        fputc('\n', out);
        FcCharSetDestroy(cs);
    }
    if (list) g_ptr_array_free(list, TRUE);
    FcConfigDestroy(config);
    return missing;
}
