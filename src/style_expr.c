/* style_expr.c - evaluates the style values derived from tokens (see style_expr.h): a small
 * recursive-descent reader over the value's text, the same code for checking and evaluating
 * (the environment's lookup decides which). */
#include "style_expr.h"
#include <glib.h>
#include <math.h>
#include <pango/pango.h>
#include <string.h>

#define MAX_NAME 64

typedef struct { const char *p; const jm_style_env *env; char *why; } reader;

static void skip_space(reader *r) { while (*r->p == ' ' || *r->p == '\t') r->p++; }

static bool fail(reader *r, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
static bool fail(reader *r, const char *fmt, ...) {
    if (r->why) return false;
    va_list ap;
    va_start(ap, fmt);
    r->why = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    return false;
}

static bool name_char(char c) { return g_ascii_isalnum(c) || c == '-' || c == '_'; }

/* A token name (letters, digits, '-') into buf. */
static bool read_name(reader *r, char buf[MAX_NAME]) {
    skip_space(r);
    size_t n = 0;
    if (!g_ascii_isalpha(*r->p)) return fail(r, "expected a token name at '%s'", r->p);
    while (name_char(*r->p)) {
        if (n + 1 == MAX_NAME) return fail(r, "token name too long");
        buf[n++] = *r->p++;
    }
    buf[n] = '\0';
    return true;
}

static bool expect(reader *r, char c) {
    skip_space(r);
    if (*r->p != c) return fail(r, "expected '%c' at '%s'", c, *r->p ? r->p : "the end");
    r->p++;
    return true;
}

/* "10%" or "0.1": a fraction 0..1. */
static bool read_fraction(reader *r, double *out) {
    skip_space(r);
    char *end;
    double v = g_ascii_strtod(r->p, &end);
    if (end == r->p || !isfinite(v)) return fail(r, "expected a percentage at '%s'", r->p);
    r->p = end;
    if (*r->p == '%') { r->p++; v /= 100; }
    if (v < 0 || v > 1) return fail(r, "a percentage must be from 0%% to 100%%");
    *out = v;
    return true;
}

static bool lookup(reader *r, const char *name, jm_style_type type, void *out) {
    char *why = NULL;
    if (r->env->lookup(r->env->ctx, name, type, out, &why)) return true;
    fail(r, "%s", why ? why : "unknown token");
    g_free(why);
    return false;
}

static bool read_color(reader *r, jm_color *out);

/* mix(a, b, p) or alpha(a, p), after the name and '('. */
static bool read_call(reader *r, const char *fn, jm_color *out) {
    jm_color a, b = { 0 };
    double t = 0;
    bool is_mix = strcmp(fn, "mix") == 0;
    if (!read_color(r, &a)) return false;
    if (!expect(r, ',')) return false;
    if (is_mix && (!read_color(r, &b) || !expect(r, ','))) return false;
    if (!read_fraction(r, &t) || !expect(r, ')')) return false;
    if (is_mix)   /* t of a, the rest b (CSS color-mix in sRGB) */
        *out = (jm_color){ a.r * t + b.r * (1 - t), a.g * t + b.g * (1 - t), a.b * t + b.b * (1 - t),
                           a.a * t + b.a * (1 - t) };
    else
        *out = (jm_color){ a.r, a.g, a.b, a.a * t };
    return true;
}

static bool read_color(reader *r, jm_color *out) {
    skip_space(r);
    char quote = *r->p == '"' || *r->p == '\'' ? *r->p : 0;   /* "#rrggbb": unquoted, # starts a YAML comment */
    if (quote && r->p[1] == '#') r->p++;
    if (*r->p == '#') {
        const char *start = r->p++;
        while (g_ascii_isxdigit(*r->p)) r->p++;
        char *lit = g_strndup(start, (size_t)(r->p - start));
        bool ok = jm_color_parse(lit, out);
        if (!ok) fail(r, "'%s' is not a colour", lit);
        g_free(lit);
        if (ok && quote && *r->p++ != quote) return fail(r, "a colour's closing quote is missing");
        return ok;
    }
    char name[MAX_NAME];
    if (!read_name(r, name)) return false;
    skip_space(r);
    if (*r->p != '(') {
        if (strcmp(name, "none") == 0 || strcmp(name, "transparent") == 0) {
            *out = (jm_color){ 0, 0, 0, 0 };
            return true;
        }
        return lookup(r, name, JM_SV_COLOR, out);
    }
    r->p++;
    if (strcmp(name, "mix") != 0 && strcmp(name, "alpha") != 0)
        return fail(r, "unknown function '%s' (use mix(a, b, 10%%) or alpha(a, 20%%))", name);
    return read_call(r, name, out);
}

/* "{a} Bold {b} 16": every {name} replaced by that common text; then a font with a size. */
static bool eval_font(reader *r, jm_font *out) {
    GString *desc = g_string_new(NULL);
    while (*r->p) {
        if (*r->p != '{') { g_string_append_c(desc, *r->p++); continue; }
        r->p++;
        char name[MAX_NAME];
        const char *family = NULL;
        if (!read_name(r, name) || !expect(r, '}') || !lookup(r, name, JM_SV_TEXT, &family)) break;
        g_string_append(desc, family);
    }
    double base = JM_STYLE_BASE_FONT_SIZE;
    if (r->why || !lookup(r, "font-size", JM_SV_NUMBER, &base)) { g_string_free(desc, TRUE); return false; }
    PangoFontDescription *fd = pango_font_description_from_string(desc->str);
    bool has_size = pango_font_description_get_set_fields(fd) & PANGO_FONT_MASK_SIZE;
    double size = (double)pango_font_description_get_size(fd) / PANGO_SCALE;
    pango_font_description_free(fd);
    if (!has_size || !(size > 0)) {
        fail(r, "a font needs a family and a size (e.g. \"{font-family} Bold 16\")");
        g_string_free(desc, TRUE);
        return false;
    }
    *out = (jm_font){ g_string_free(desc, FALSE), size * base / JM_STYLE_BASE_FONT_SIZE };
    return true;
}

bool jm_style_expr_is(jm_style_type type, const char *s) {
    if (!s) return false;
    switch (type) {
    case JM_SV_COLOR:
        return g_ascii_isalpha(s[0]) && g_ascii_strcasecmp(s, "none") != 0 && g_ascii_strcasecmp(s, "transparent") != 0;
    case JM_SV_NUMBER: return g_ascii_isalpha(s[0]);
    case JM_SV_DASH: return g_ascii_isalpha(s[0]) && strcmp(s, "solid") != 0;
    case JM_SV_FONT: return strchr(s, '{') != NULL;
    case JM_SV_TEXT: return s[0] == '{' && s[strlen(s) - 1] == '}' && !strchr(s + 1, '{');
    case JM_SV_BOOL: return false;
    }
    return false;
}

bool jm_style_expr_eval(jm_style_type type, const char *s, const jm_style_env *env, void *out, char **why) {
    reader r = { s, env, NULL };
    char name[MAX_NAME];
    bool ok = false;
    switch (type) {
    case JM_SV_COLOR: ok = read_color(&r, out); break;
    case JM_SV_FONT: ok = eval_font(&r, out); break;
    case JM_SV_TEXT: ok = expect(&r, '{') && read_name(&r, name) && expect(&r, '}') && lookup(&r, name, type, out); break;
    case JM_SV_NUMBER: case JM_SV_DASH: ok = read_name(&r, name) && lookup(&r, name, type, out); break;
    case JM_SV_BOOL: fail(&r, "a yes/no value cannot be derived"); break;
    }
    skip_space(&r);
    if (ok && *r.p) ok = fail(&r, "unexpected '%s' after the value", r.p);
    *why = r.why;
    return ok;
}
