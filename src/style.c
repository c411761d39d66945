/* style.c - loads a style file and the chain it extends (down to styles/default.yaml), checks
 * every key against the schemas and stores typed values, so filling a section is one copy. */
#include "style.h"
#include "fontset.h"
#include "style_expr.h"
#include "file.h"
#include "yamltree.h"
#include <glib.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <pango/pango.h>
#include <string.h>

#define MAX_CHAIN 16                 /* files in one extends chain */
#define MAX_STYLE_BYTES (1 << 20)    /* a style file is a few kilobytes */
#define MAX_NUMBER 10000.0           /* pt; keeps hostile styles from blowing up layouts */
#define MAX_FONT_SIZE 1000.0         /* pt */

static const jm_pos NOPOS = { 0, 0 };

struct jm_style {
    const char *name;
    void **sections;          /* [jm_style_n_schemas], each schema->struct_size bytes */
    bool **set;               /* [jm_style_n_schemas][n_fields]: set by some file of the chain */
    struct style_expr **expr; /* [jm_style_n_schemas][n_fields]: derived value (text NULL: literal) */
};

/* A value derived from the tokens, evaluated when the whole chain is loaded (style_expr.h). */
typedef struct style_expr { const char *text; const char *file; jm_pos pos; } style_expr;

/* One load: the style being filled and the chain of files that led to the current one. */
typedef struct {
    jm_arena *a;
    jm_diags *d;
    const char *styles_dir;   /* may be NULL: then no default to extend */
    char *folder;             /* canonical; when set, style files must be inside it or styles_dir */
    char *styles_real;        /* canonical styles_dir, or NULL */
    char *default_path;       /* canonical styles_dir/default.yaml, or NULL */
    jm_style *s;
    char *chain[MAX_CHAIN];   /* canonical paths, outermost (the requested file) first */
    const char *chain_names[MAX_CHAIN];
    int depth;
} loader;

/* ---- colours ---- */

jm_color jm_color_rgba(unsigned rgba) {
    return (jm_color){ ((rgba >> 24) & 0xff) / 255.0, ((rgba >> 16) & 0xff) / 255.0,
                       ((rgba >> 8) & 0xff) / 255.0, (rgba & 0xff) / 255.0 };
}

bool jm_color_parse(const char *s, jm_color *out) {
    if (!s) return false;
    if (g_ascii_strcasecmp(s, "none") == 0 || g_ascii_strcasecmp(s, "transparent") == 0) {
        *out = (jm_color){ 0, 0, 0, 0 };
        return true;
    }
    if (s[0] != '#') return false;
    size_t n = strlen(s + 1);
    if (n != 3 && n != 6 && n != 8) return false;
    unsigned v = 0;
    for (size_t i = 1; i <= n; i++) {
        int x = g_ascii_xdigit_value(s[i]);
        if (x < 0) return false;
        v = (v << 4) | (unsigned)x;
    }
    if (n == 3)        /* #rgb -> #rrggbbff */
        v = ((v >> 8 & 0xf) * 0x11u) << 24 | ((v >> 4 & 0xf) * 0x11u) << 16 | ((v & 0xf) * 0x11u) << 8 | 0xffu;
    else if (n == 6)
        v = v << 8 | 0xffu;
    *out = jm_color_rgba(v);
    return true;
}

jm_color jm_color_over(jm_color top, jm_color under) {
    double a = top.a < 0 ? 0 : top.a > 1 ? 1 : top.a;
    return (jm_color){ top.r * a + under.r * (1 - a), top.g * a + under.g * (1 - a),
                       top.b * a + under.b * (1 - a), 1 };
}

/* sRGB to linear light. A channel of a colour written in hex is k / 255, and those 256 values are
 * worked out once (pow is most of a contrast check, and layouts check hundreds) */
static double linear_of(double v) { return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4); }
static double linear_8bit[256];
static gpointer fill_linear(gpointer unused) {
    (void)unused;
    for (int k = 0; k < 256; k++) linear_8bit[k] = linear_of(k / 255.0);
    return NULL;
}
static double linear(double v) {
    static GOnce once = G_ONCE_INIT;
    g_once(&once, fill_linear, NULL);
    long k = isfinite(v) ? lround(v * 255) : -1;
    return k >= 0 && k <= 255 && k / 255.0 == v ? linear_8bit[k] : linear_of(v);
}

static double luminance(jm_color c) {
    return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

double jm_color_contrast(jm_color a, jm_color b) {
    double la = luminance(a), lb = luminance(b);
    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

#define READABLE 4.5   /* WCAG AA for normal text */

jm_color jm_color_readable(jm_color want, jm_color bg) {
    if (jm_color_contrast(want, bg) >= READABLE) return want;
    jm_color black = { 0, 0, 0, 1 }, white = { 1, 1, 1, 1 };
    return jm_color_contrast(black, bg) >= jm_color_contrast(white, bg) ? black : white;
}

/* ---- schemas ---- */

static int schema_index(const char *section) {
    for (size_t i = 0; i < jm_style_n_schemas; i++)
        if (strcmp(jm_style_schemas[i]->section, section) == 0) return (int)i;
    return -1;
}

static int field_index(const jm_style_schema *sc, const char *key) {
    for (size_t i = 0; i < sc->n_fields; i++)
        if (strcmp(sc->fields[i].name, key) == 0) return (int)i;
    return -1;
}

/* ---- values: each reads node `n` into `dst` or adds a diagnostic at it ---- */

typedef struct { loader *ld; const char *file; const char *what; } vctx;

static bool read_color(const vctx *c, const jm_ynode *n, jm_color *out) {
    const char *s;
    if (jm_yis_null(n)) {   /* background: #fff is a comment in YAML, so the value is null */
        jm_error(c->ld->d, c->file, n->pos, "%s has no colour; quote it (\"#1f2937\"): an unquoted "
                 "# starts a comment", c->what);
        return false;
    }
    if (!jm_yget_text(n, c->what, c->file, c->ld->d, &s)) return false;
    if (jm_color_parse(s, out)) return true;
    const char **names = g_new0(const char *, jm_style_common_schema.n_fields + 1);
    for (size_t i = 0; i < jm_style_common_schema.n_fields; i++) names[i] = jm_style_common_schema.fields[i].name;
    const char *guess = jm_did_you_mean(s, names);   /* a misspelt token */
    jm_error(c->ld->d, c->file, n->pos, "%s is not a colour: '%s' (use \"#rgb\", \"#rrggbb\", "
             "\"#rrggbbaa\", \"none\" or a colour of common: such as accent)%s%s%s", c->what, s,
             guess ? "; did you mean '" : "", guess ? guess : "", guess ? "'?" : "");
    g_free(names);
    return false;
}

static bool read_number(const vctx *c, const jm_ynode *n, double *out) {
    double v;
    if (!jm_yget_number(n, c->what, c->file, c->ld->d, &v)) return false;
    if (!isfinite(v) || v < 0 || v > MAX_NUMBER) {
        jm_error(c->ld->d, c->file, n->pos, "%s must be a number from 0 to %g", c->what, MAX_NUMBER);
        return false;
    }
    *out = v;
    return true;
}

static bool read_font(const vctx *c, const jm_ynode *n, jm_font *out) {
    const char *s;
    if (!jm_yget_text(n, c->what, c->file, c->ld->d, &s)) return false;
    PangoFontDescription *fd = pango_font_description_from_string(s);
    const char *family = pango_font_description_get_family(fd);
    bool has_size = pango_font_description_get_set_fields(fd) & PANGO_FONT_MASK_SIZE;
    double size = (double)pango_font_description_get_size(fd) / PANGO_SCALE;
    bool ok = family && *family && has_size && size > 0 && size <= MAX_FONT_SIZE;
    pango_font_description_free(fd);
    if (!ok) {
        jm_error(c->ld->d, c->file, n->pos, "%s is not a font with a family and a size from 1 to %g: "
                 "'%s' (e.g. \"Inter, Noto Color Emoji Bold 16\")", c->what, MAX_FONT_SIZE, s);
        return false;
    }
    *out = (jm_font){ jm_arena_strdup(c->ld->a, s), size };
    return true;
}

static bool read_dash(const vctx *c, const jm_ynode *n, jm_dash *out) {
    if (n->kind == JM_Y_SCALAR && strcmp(n->str, "solid") == 0) {
        *out = (jm_dash){ { 0 }, 0 };
        return true;
    }
    jm_dash dash = { { 0 }, 0 };
    double sum = 0;
    if (n->kind == JM_Y_SEQ && n->n >= 1 && n->n <= 4) {
        for (size_t i = 0; i < n->n; i++) {
            if (!read_number(c, n->items[i], &dash.v[i])) return false;   /* said at the item */
            sum += dash.v[i];
        }
        dash.n = (int)n->n;
    }
    if (dash.n == 0 || sum <= 0) {   /* not a list of 1-4, or all 0 (cairo rejects that) */
        jm_error(c->ld->d, c->file, n->pos, "%s must be \"solid\" or a list of 1 to 4 dash lengths "
                 "(pt, not all 0), e.g. [4, 3]", c->what);
        return false;
    }
    *out = dash;
    return true;
}

static bool read_value(const vctx *c, jm_style_type type, const jm_ynode *n, void *dst) {
    switch (type) {
    case JM_SV_COLOR: return read_color(c, n, dst);
    case JM_SV_NUMBER: return read_number(c, n, dst);
    case JM_SV_FONT: return read_font(c, n, dst);
    case JM_SV_DASH: return read_dash(c, n, dst);
    case JM_SV_BOOL: return jm_yget_bool(n, c->what, c->file, c->ld->d, dst);
    case JM_SV_TEXT: {
        const char *s;
        if (!jm_yget_text(n, c->what, c->file, c->ld->d, &s)) return false;
        *(const char **)dst = jm_arena_strdup(c->ld->a, s);
        return true;
    }
    }
    return false;
}

/* ---- derived values ---- */

static const jm_style_field *common_field(const char *name, char **why) {
    int fi = field_index(&jm_style_common_schema, name);
    if (fi >= 0) return &jm_style_common_schema.fields[fi];
    const char **names = g_new0(const char *, jm_style_common_schema.n_fields + 1);
    for (size_t i = 0; i < jm_style_common_schema.n_fields; i++) names[i] = jm_style_common_schema.fields[i].name;
    const char *guess = jm_did_you_mean(name, names);
    *why = guess ? g_strdup_printf("unknown token '%s' (did you mean '%s'?)", name, guess)
                 : g_strdup_printf("unknown token '%s' (tokens are the keys of common:)", name);
    g_free(names);
    return NULL;
}

static const char *type_name(jm_style_type t) {
    static const char *const names[] = { "a colour", "a number", "a font", "a dash pattern", "yes/no", "a text" };
    return names[t];
}

static bool check_type(const jm_style_field *f, jm_style_type want, char **why) {
    if (f->type == want) return true;
    *why = g_strdup_printf("token '%s' is %s, not %s", f->name, type_name(f->type), type_name(want));
    return false;
}

/* While a file is read: the token exists and has the type; a stand-in value. */
static bool check_lookup(void *ctx, const char *name, jm_style_type want, void *out, char **why) {
    (void)ctx;
    const jm_style_field *f = common_field(name, why);
    if (!f || !check_type(f, want, why)) return false;
    if (want == JM_SV_TEXT) *(const char **)out = "Inter";
    else if (want == JM_SV_NUMBER) *(double *)out = JM_STYLE_BASE_FONT_SIZE;
    return true;
}

/* A bare word that names no token ("wide", "dotted", "red"): a wrong literal, said as such. */
static bool unknown_name(const char *s) {
    for (const char *p = s; *p; p++)
        if (!g_ascii_isalnum(*p) && *p != '-' && *p != '_') return false;
    return field_index(&jm_style_common_schema, s) < 0;
}

/* Checks the derived value `n` of field f (section si, field fi) and keeps it for later. */
static bool keep_expr(const vctx *c, int si, int fi, const jm_ynode *n) {
    const jm_style_field *f = &jm_style_schemas[si]->fields[fi];
    jm_style_env env = { check_lookup, NULL };
    char *why = NULL;
    union { jm_color c; double d; jm_dash dash; jm_font font; const char *text; } scratch;
    bool ok = jm_style_expr_eval(f->type, n->str, &env, &scratch, &why);
    if (ok && f->type == JM_SV_FONT) g_free((char *)scratch.font.desc);
    if (!ok) {
        jm_error(c->ld->d, c->file, n->pos, "%s: %s in '%s'", c->what, why, n->str);
        g_free(why);
        return false;
    }
    c->ld->s->expr[si][fi] = (style_expr){ jm_arena_strdup(c->ld->a, n->str), c->file, n->pos };
    return true;
}

/* After the chain: every derived value evaluated, tokens first (a token may derive from other
 * tokens; state marks catch a cycle). */
typedef struct { loader *ld; char *state; bool ok; } resolver;   /* state: per common field, 0 / 1 busy / 2 done */

static bool resolve_field(resolver *rv, int si, int fi);

static bool resolve_lookup(void *ctx, const char *name, jm_style_type want, void *out, char **why) {
    resolver *rv = ctx;
    const jm_style_field *f = common_field(name, why);
    if (!f || !check_type(f, want, why)) return false;
    int si = schema_index(jm_style_common_schema.section), fi = (int)(f - jm_style_common_schema.fields);
    if (rv->state[fi] == 1) {
        *why = g_strdup_printf("token '%s' derives from itself (a cycle of tokens)", name);
        return false;
    }
    if (!resolve_field(rv, si, fi)) {
        *why = g_strdup_printf("token '%s' has no value (see the error before)", name);
        return false;
    }
    const char *src = (const char *)rv->ld->s->sections[si] + f->offset;
    size_t size = want == JM_SV_COLOR ? sizeof(jm_color) : want == JM_SV_NUMBER ? sizeof(double)
                : want == JM_SV_DASH ? sizeof(jm_dash) : want == JM_SV_TEXT ? sizeof(const char *) : sizeof(jm_font);
    memcpy(out, src, size);
    return true;
}

static bool resolve_field(resolver *rv, int si, int fi) {
    bool common = si == schema_index(jm_style_common_schema.section);
    if (common && rv->state[fi] == 2) return true;
    if (common && rv->state[fi] == 1) return false;
    style_expr *e = &rv->ld->s->expr[si][fi];
    if (!e->text) { if (common) rv->state[fi] = 2; return true; }
    if (common) rv->state[fi] = 1;
    const jm_style_schema *sc = jm_style_schemas[si];
    const jm_style_field *f = &sc->fields[fi];
    jm_style_env env = { resolve_lookup, rv };
    char *why = NULL;
    void *dst = (char *)rv->ld->s->sections[si] + f->offset;
    bool ok = jm_style_expr_eval(f->type, e->text, &env, dst, &why);
    if (ok && f->type == JM_SV_FONT) {
        jm_font *font = dst;
        char *desc = (char *)font->desc;
        font->desc = jm_arena_strdup(rv->ld->a, desc);
        g_free(desc);
    }
    if (!ok) {
        jm_error(rv->ld->d, e->file, e->pos, "%s.%s: %s in '%s'", sc->section, f->name, why, e->text);
        g_free(why);
        rv->ok = false;
    }
    e->text = NULL;   /* evaluated (or reported) once */
    if (common) rv->state[fi] = 2;
    return ok;
}

static bool resolve_all(loader *ld) {
    resolver rv = { ld, g_new0(char, jm_style_common_schema.n_fields), true };
    for (size_t si = 0; si < jm_style_n_schemas; si++)
        for (size_t fi = 0; fi < jm_style_schemas[si]->n_fields; fi++) resolve_field(&rv, (int)si, (int)fi);
    g_free(rv.state);
    return rv.ok;
}

/* Stores every value of one file's sections over what its parents set. */
static bool apply_sections(loader *ld, const char *file, const jm_ynode *root) {
    bool ok = true;
    for (size_t k = 0; k < root->n; k++) {
        int si = schema_index(root->keys[k]);
        if (si < 0) continue;                      /* name, extends, or reported unknown */
        const jm_style_schema *sc = jm_style_schemas[si];
        const jm_ynode *sec = root->values[k];
        if (jm_yis_null(sec)) continue;            /* "funnel:" alone: nothing to change */
        if (sec->kind != JM_Y_MAP) {
            jm_error(ld->d, file, sec->pos, "'%s' must be a mapping of keys, not %s", sc->section,
                     jm_ykind_name(sec));
            ok = false;
            continue;
        }
        const char **allowed = g_new0(const char *, sc->n_fields + 1);
        for (size_t i = 0; i < sc->n_fields; i++) allowed[i] = sc->fields[i].name;
        if (!jm_ycheck_keys(sec, allowed, sc->section, file, ld->d)) ok = false;
        g_free(allowed);
        for (size_t i = 0; i < sec->n; i++) {
            int fi = field_index(sc, sec->keys[i]);
            if (fi < 0) continue;
            const jm_style_field *f = &sc->fields[fi];
            char *what = g_strdup_printf("%s.%s", sc->section, f->name);
            vctx c = { ld, file, what };
            const jm_ynode *v = sec->values[i];
            bool derived = v->kind == JM_Y_SCALAR && jm_style_expr_is(f->type, v->str) && !unknown_name(v->str);
            if (derived ? keep_expr(&c, si, fi, v)
                        : read_value(&c, f->type, v, (char *)ld->s->sections[si] + f->offset)) {
                ld->s->set[si][fi] = true;
                if (!derived) ld->s->expr[si][fi].text = NULL;   /* a literal over a parent's derived value */
            } else
                ok = false;
            g_free(what);
        }
    }
    return ok;
}

/* ---- files and names ---- */

static int compare_strings(gconstpointer a, gconstpointer b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* "dark, default, print": the NAME.yaml files of styles_dir, sorted; NULL-terminated in *names. */
static char *available_styles(const char *styles_dir, GPtrArray *names) {
    GDir *gd = styles_dir ? g_dir_open(styles_dir, 0, NULL) : NULL;
    const char *f;
    while (gd && (f = g_dir_read_name(gd)))
        if (g_str_has_suffix(f, ".yaml")) g_ptr_array_add(names, g_strndup(f, strlen(f) - 5));
    if (gd) g_dir_close(gd);
    g_ptr_array_sort(names, compare_strings);
    GString *list = g_string_new(NULL);
    for (guint i = 0; i < names->len; i++)
        g_string_append_printf(list, "%s%s", i ? ", " : "", (char *)names->pdata[i]);
    g_ptr_array_add(names, NULL);
    return g_string_free(list, FALSE);
}

static bool is_path(const char *name) { return strchr(name, '/') || g_str_has_suffix(name, ".yaml"); }

/* The file for a style name or path (in the arena), or NULL after an error at (file, pos).
 * A relative path in a style file is relative to that file's folder. */
static const char *resolve(loader *ld, const char *name, const char *from_file, const char *file, jm_pos pos) {
    if (is_path(name)) {
        if (from_file && !g_path_is_absolute(name)) {
            char *dir = g_path_get_dirname(from_file);
            char *p = g_build_filename(dir, name, NULL);
            const char *r = jm_arena_strdup(ld->a, p);
            g_free(dir);
            g_free(p);
            return r;
        }
        return jm_arena_strdup(ld->a, name);
    }
    char *p = ld->styles_dir ? g_strdup_printf("%s/%s.yaml", ld->styles_dir, name) : NULL;
    if (p && *name && g_file_test(p, G_FILE_TEST_IS_REGULAR)) {
        const char *r = jm_arena_strdup(ld->a, p);
        g_free(p);
        return r;
    }
    g_free(p);
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    char *list = available_styles(ld->styles_dir, names);
    const char *guess = jm_did_you_mean(name, (const char *const *)names->pdata);
    if (guess)
        jm_error(ld->d, file, pos, "unknown style '%s' (did you mean '%s'?); available styles: %s",
                 name, guess, list);
    else
        jm_error(ld->d, file, pos, "unknown style '%s'; available styles: %s", name, *list ? list : "(none)");
    g_free(list);
    g_ptr_array_free(names, TRUE);
    return NULL;
}

static bool check_complete(loader *ld, const char *file) {
    bool ok = true;
    for (size_t si = 0; si < jm_style_n_schemas; si++) {
        const jm_style_schema *sc = jm_style_schemas[si];
        for (size_t fi = 0; fi < sc->n_fields; fi++)
            if (!ld->s->set[si][fi]) {
                jm_error(ld->d, file, NOPOS, "default style is missing '%s.%s'", sc->section,
                         sc->fields[fi].name);
                ok = false;
            }
    }
    return ok;
}

static bool load_file(loader *ld, const char *path, const char *from_file, jm_pos from_pos);

/* Loads the file `root` extends (its `extends`, else the default style) into ld->s. */
static bool load_parent(loader *ld, const char *file, const jm_ynode *root, const char *canonical) {
    const jm_ynode *ext = jm_ymap_get(root, "extends");
    const char *name;
    jm_pos pos = NOPOS;
    if (ext) {
        if (!jm_yget_text(ext, "extends", file, ld->d, &name)) return false;
        pos = ext->pos;
    } else if (ld->default_path && strcmp(canonical, ld->default_path) != 0) {
        name = "default";
    } else {
        return true;   /* the default style itself (or no styles folder): the root of the chain */
    }
    const char *parent = resolve(ld, name, file, file, pos);
    return parent && load_file(ld, parent, file, pos);
}

/* With a confining folder: whether `path` is inside it or inside the built-in styles, after
 * links; an error at (from_file, from_pos) otherwise. The file is not opened either way. */
static bool allowed(loader *ld, const char *path, const char *from_file, jm_pos from_pos) {
    if (!ld->folder) return true;
    char *real = realpath(path, NULL);
    bool ok = real && (jm_file_inside(real, ld->folder) || (ld->styles_real && jm_file_inside(real, ld->styles_real)));
    if (!real)
        jm_error(ld->d, from_file, from_pos, "cannot read style file '%s': %s", path, g_strerror(errno));
    else if (!ok)
        jm_error(ld->d, from_file, from_pos, "style file '%s' is outside the folder of the journey file: a journey "
                 "may name a built-in style or a style file in its own folder (or use --style)", path);
    free(real);
    return ok;
}

static bool load_file(loader *ld, const char *path, const char *from_file, jm_pos from_pos) {
    char *canonical = g_canonicalize_filename(path, NULL);
    for (int i = 0; i < ld->depth; i++)
        if (strcmp(ld->chain[i], canonical) == 0) {
            GString *cycle = g_string_new(NULL);
            for (int k = i; k < ld->depth; k++) g_string_append_printf(cycle, "%s -> ", ld->chain_names[k]);
            g_string_append(cycle, path);
            jm_error(ld->d, from_file, from_pos, "style extends itself: %s", cycle->str);
            g_string_free(cycle, TRUE);
            g_free(canonical);
            return false;
        }
    if (ld->depth == MAX_CHAIN) {
        jm_error(ld->d, from_file, from_pos, "styles extend each other more than %d deep", MAX_CHAIN);
        g_free(canonical);
        return false;
    }

    if (!allowed(ld, path, from_file, from_pos)) {
        g_free(canonical);
        return false;
    }
    size_t len = 0;
    char *why = NULL;
    char *text = jm_file_read(path, MAX_STYLE_BYTES, false, &len, &why);
    if (!text) {
        jm_error(ld->d, from_file, from_pos, "cannot read style file '%s': %s", path, why);
        g_free(why);
        g_free(canonical);
        return false;
    }
    jm_diags_add_source(ld->d, path, text, len);
    const jm_ynode *root = jm_yaml_parse(ld->a, path, text, len, ld->d);
    g_free(text);
    if (!root) { g_free(canonical); return false; }
    if (root->kind != JM_Y_MAP) {
        jm_error(ld->d, path, root->pos, "a style file is a mapping of sections, not %s", jm_ykind_name(root));
        g_free(canonical);
        return false;
    }

    const char **allowed = g_new0(const char *, jm_style_n_schemas + 4);
    allowed[0] = "name";
    allowed[1] = "extends";
    allowed[2] = "font-files";   /* read before any text is measured: jm_style_font_files */
    for (size_t i = 0; i < jm_style_n_schemas; i++) allowed[i + 3] = jm_style_schemas[i]->section;
    bool ok = jm_ycheck_keys(root, allowed, "style", path, ld->d);
    g_free(allowed);

    const jm_ynode *name = jm_ymap_get(root, "name");
    const char *name_text = NULL;
    if (name && !jm_yget_text(name, "name", path, ld->d, &name_text)) ok = false;
    if (ld->depth == 0) {   /* the requested file names the style */
        if (name_text) ld->s->name = jm_arena_strdup(ld->a, name_text);
        else {
            char *base = g_path_get_basename(path);
            if (g_str_has_suffix(base, ".yaml")) base[strlen(base) - 5] = '\0';
            ld->s->name = jm_arena_strdup(ld->a, base);
            g_free(base);
        }
    }

    ld->chain[ld->depth] = canonical;
    ld->chain_names[ld->depth] = path;
    ld->depth++;
    bool is_root = !jm_ymap_get(root, "extends") && (!ld->default_path || strcmp(canonical, ld->default_path) == 0);
    if (!load_parent(ld, path, root, canonical)) ok = false;
    ld->depth--;
    g_free(canonical);

    if (!apply_sections(ld, path, root)) ok = false;
    if (is_root && ok && !check_complete(ld, path)) ok = false;
    return ok;
}

static const jm_style *load_style(jm_arena *a, const char *name_or_path, const char *styles_dir,
                                  const char *folder, const char *from_file, jm_pos from_pos, jm_diags *d) {
    jm_style *s = JM_NEW(a, jm_style);
    s->sections = JM_NEWV(a, void *, jm_style_n_schemas);
    s->set = JM_NEWV(a, bool *, jm_style_n_schemas);
    s->expr = JM_NEWV(a, style_expr *, jm_style_n_schemas);
    for (size_t i = 0; i < jm_style_n_schemas; i++) {
        s->sections[i] = jm_arena_alloc(a, jm_style_schemas[i]->struct_size);
        s->set[i] = JM_NEWV(a, bool, jm_style_schemas[i]->n_fields);
        s->expr[i] = JM_NEWV(a, style_expr, jm_style_schemas[i]->n_fields);
    }
    loader ld = { .a = a, .d = d, .styles_dir = styles_dir, .s = s };
    if (folder) {
        ld.folder = g_strdup(folder);
        ld.styles_real = styles_dir ? realpath(styles_dir, NULL) : NULL;
    }
    if (styles_dir) {
        char *p = g_build_filename(styles_dir, "default.yaml", NULL);
        ld.default_path = g_canonicalize_filename(p, NULL);
        g_free(p);
    }
    const char *path = resolve(&ld, name_or_path ? name_or_path : "default", NULL, from_file, from_pos);
    bool ok = path && load_file(&ld, path, from_file, from_pos) && resolve_all(&ld);
    g_free(ld.default_path);
    g_free(ld.folder);
    free(ld.styles_real);
    return ok ? s : NULL;
}

const jm_style *jm_style_load(jm_arena *a, const char *name_or_path, const char *styles_dir, jm_diags *d) {
    return load_style(a, name_or_path, styles_dir, NULL, NULL, NOPOS, d);
}

struct jm_style_cache {
    GMutex lock;                 /* over the two below: batch workers share one cache */
    jm_arena *a;                 /* the cached styles */
    GHashTable *by_name;         /* name -> const jm_style * (names in the arena) */
};

jm_style_cache *jm_style_cache_new(void) {
    jm_style_cache *c = g_new0(jm_style_cache, 1);
    g_mutex_init(&c->lock);
    c->a = jm_arena_new();
    c->by_name = g_hash_table_new(g_str_hash, g_str_equal);
    return c;
}

void jm_style_cache_free(jm_style_cache *c) {
    if (!c) return;
    g_hash_table_destroy(c->by_name);
    jm_arena_free(c->a);
    g_mutex_clear(&c->lock);
    g_free(c);
}

bool jm_style_is_builtin_name(const char *name) { return name && !is_path(name); }

const jm_style *jm_style_load_cached(jm_style_cache *c, jm_arena *a, const char *name, const char *styles_dir,
                                     jm_diags *d) {
    if (!c || !jm_style_is_builtin_name(name)) return jm_style_load(a, name, styles_dir, d);
    /* loaded under the lock: a second worker waits for the first one's load instead of doing it
     * again (the default style is 7 M instructions) */
    g_mutex_lock(&c->lock);
    const jm_style *s = g_hash_table_lookup(c->by_name, name);
    bool clean = s != NULL;
    if (!s) {
        jm_diags *quiet = jm_diags_new();
        s = jm_style_load(c->a, name, styles_dir, quiet);
        clean = s && jm_diags_count(quiet) == 0;
        jm_diags_free(quiet);
        if (clean) g_hash_table_insert(c->by_name, jm_arena_strdup(c->a, name), (gpointer)s);
    }
    g_mutex_unlock(&c->lock);
    if (!clean) return jm_style_load(a, name, styles_dir, d);   /* with its diagnostics, every time */
    return s;
}

const jm_style *jm_style_load_confined(jm_arena *a, const char *name_or_path, const char *styles_dir,
                                       const char *folder, const char *from_file, jm_pos from_pos, jm_diags *d) {
    return load_style(a, name_or_path, styles_dir, folder, from_file, from_pos, d);
}

void jm_style_fill(const jm_style *s, const jm_style_schema *schema, void *out) {
    int si = schema_index(schema->section);
    if (si < 0 || jm_style_schemas[si]->struct_size != schema->struct_size) {
        g_critical("style section '%s' is not registered in style_schemas.c", schema->section);
        memset(out, 0, schema->struct_size);
        return;
    }
    memcpy(out, s->sections[si], schema->struct_size);
}

const jm_style_common *jm_style_get_common(const jm_style *s) {
    int si = schema_index(jm_style_common_schema.section);
    return s->sections[si];
}

const char *jm_style_name(const jm_style *s) { return s->name; }

char **jm_style_font_files(const char *path, jm_diags *d, bool *ok) {
    *ok = true;
    size_t len = 0;
    char *why = NULL, *text = jm_file_read(path, MAX_STYLE_BYTES, false, &len, &why);
    if (!text) { g_free(why); return NULL; }   /* the style loader reports it */
    jm_arena *a = jm_arena_new();
    jm_diags *quiet = jm_diags_new();           /* the style loader reports parse errors */
    const jm_ynode *root = jm_yaml_parse(a, path, text, len, quiet);
    jm_diags_free(quiet);
    g_free(text);
    const jm_ynode *list = root && root->kind == JM_Y_MAP ? jm_ymap_get(root, "font-files") : NULL;
    GPtrArray *out = g_ptr_array_new();
    char *dir = g_path_get_dirname(path);
    if (list && list->kind != JM_Y_SEQ) {
        jm_error(d, path, list->pos, "font-files is a list of font files, not %s", jm_ykind_name(list));
        *ok = false;
    }
    for (size_t i = 0; list && list->kind == JM_Y_SEQ && i < list->n; i++) {
        const char *name = NULL;
        if (!jm_yget_text(list->items[i], "a font file", path, d, &name)) { *ok = false; continue; }
        char *file = g_path_is_absolute(name) ? g_strdup(name) : g_build_filename(dir, name, NULL);
        const char *one[2] = { file, NULL };
        if (jm_fontset_check_files(one, path, &list->items[i]->pos, d)) g_ptr_array_add(out, file);
        else { *ok = false; g_free(file); }
    }
    g_free(dir);
    jm_arena_free(a);
    g_ptr_array_add(out, NULL);
    return (char **)g_ptr_array_free(out, FALSE);
}
