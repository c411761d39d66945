/* scenecmp.c - compares a scene dump (journeymap --dump-scene) with its reference, as numbers:
 * the same lines, the same words, measurements equal within a tolerance, all else exact.
 *
 * A line is split into words at spaces outside double quotes. A word that is only numbers and
 * the separators ',' 'x' ':' (with an optional leading '@'), such as 32.00,132.00 or 357.42x26.68
 * or @3:1, is compared number by number: the same separators, integers (indices, counts, lines,
 * source positions) exactly, decimals (positions and sizes in pt) within the tolerance. Every
 * other word compares exactly: kinds, roles, colours, quoted texts and font descriptions, and
 * tokens such as font=Inter-Regular.otf.
 *
 * Why 0.05 pt by default: the dump prints 0.01 pt, and text extents come from HarfBuzz and
 * FreeType in Pango units (1/1024 pt) that move by a few units between library versions; a
 * position derived from them (a centred label, the next line) then rounds to a neighbouring
 * 0.01 on another machine. 0.05 pt absorbs that, is 1/15 of a pixel at 96 dpi, and is a tenth of
 * the layout check's own tolerance (0.5 pt), so a moved item, another line break or another font
 * still fails. */
#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: scenecmp REF.scene OUT.scene [--tolerance PT] [--show N]\n"
    "  Exits 0 when OUT matches REF: the same lines and words, integers and all words that are not\n"
    "  numbers exactly equal, decimal numbers within --tolerance (default 0.05 pt). Otherwise\n"
    "  prints the first --show (default 3) differing lines with two lines of context and exits 1.\n"
    "  Errors exit 2.\n";

#define CONTEXT 2       /* lines shown before and after a differing line */
#define SHOWN_BYTES 220 /* of a long line, the bytes shown around its first difference */

typedef struct { char *text; char **lines; size_t n; } dump;

/* The file split into lines (in place), or false with errno set. */
static bool read_dump(const char *path, dump *d) {
    FILE *f = fopen(path, "rb");
    if (!f) return false;
    size_t cap = 1 << 16, len = 0;
    d->text = malloc(cap + 1);
    for (;;) {
        if (!d->text) { fclose(f); errno = ENOMEM; return false; }
        len += fread(d->text + len, 1, cap - len, f);
        if (len < cap) break;
        char *bigger = realloc(d->text, (cap *= 2) + 1);
        if (!bigger) free(d->text);
        d->text = bigger;
    }
    bool bad = ferror(f);
    fclose(f);
    if (bad) { free(d->text); errno = EIO; return false; }
    d->text[len] = '\0';
    size_t n = 0;
    for (size_t i = 0; i < len; i++) n += d->text[i] == '\n';
    d->lines = malloc((n + 1) * sizeof *d->lines);
    if (!d->lines) { free(d->text); errno = ENOMEM; return false; }
    d->n = 0;
    for (char *p = d->text; *p;) {
        char *nl = strchr(p, '\n');
        d->lines[d->n++] = p;
        if (!nl) break;
        *nl = '\0';
        p = nl + 1;
    }
    return true;
}

/* The next word of a line from *p: its start and length; spaces inside "..." (with backslash
 * escapes) do not end it. False at the end of the line. */
static bool next_word(const char **p, const char **start, size_t *len) {
    const char *s = *p;
    while (*s == ' ') s++;
    if (!*s) return false;
    const char *w = s;
    bool quoted = false;
    for (; *s && (quoted || *s != ' '); s++) {
        if (*s == '"') quoted = !quoted;
        else if (quoted && *s == '\\' && s[1]) s++;
    }
    *start = w;
    *len = (size_t)(s - w);
    *p = s;
    return true;
}

/* A number at s: -?digits(.digits)?; its length (0 when none), value and whether it has decimals. */
static size_t scan_number(const char *s, size_t len, double *value, bool *decimal) {
    size_t i = 0;
    if (i < len && s[i] == '-') i++;
    size_t digits = i;
    while (i < len && s[i] >= '0' && s[i] <= '9') i++;
    if (i == digits) return 0;
    *decimal = false;
    if (i + 1 < len && s[i] == '.' && s[i + 1] >= '0' && s[i + 1] <= '9') {
        *decimal = true;
        for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++) {}
    }
    char buf[64];
    if (i >= sizeof buf) return 0;
    memcpy(buf, s, i);
    buf[i] = '\0';
    *value = strtod(buf, NULL);
    return i;
}

/* True when the word is numbers joined by ',' 'x' ':', with an optional leading '@'. */
static bool numeric_word(const char *w, size_t len) {
    size_t i = len && w[0] == '@';
    for (;;) {
        double v;
        bool dec;
        size_t n = scan_number(w + i, len - i, &v, &dec);
        if (!n) return false;
        i += n;
        if (i == len) return true;
        if (w[i] != ',' && w[i] != 'x' && w[i] != ':') return false;
        i++;
    }
}

/* Compares two words; *delta gets the largest difference of their decimal numbers. */
static bool same_word(const char *a, size_t la, const char *b, size_t lb, double tol, double *delta) {
    *delta = 0;
    if (!numeric_word(a, la) || !numeric_word(b, lb)) return la == lb && memcmp(a, b, la) == 0;
    size_t i = 0, j = 0;
    for (;;) {
        if (i < la && (a[i] == '@' || a[i] == ',' || a[i] == 'x' || a[i] == ':')) {
            if (j >= lb || b[j] != a[i]) return false;
            i++, j++;
            continue;
        }
        if (i == la || j == lb) return i == la && j == lb;
        double va, vb;
        bool da, db;
        size_t na = scan_number(a + i, la - i, &va, &da), nb = scan_number(b + j, lb - j, &vb, &db);
        if (da != db) return false;
        if (!da && (na != nb || memcmp(a + i, b + j, na) != 0)) return false;
        if (da) {
            double d = fabs(va - vb);
            if (d > *delta) *delta = d;
            if (d > tol + 1e-9) return false;   /* 1e-9: 1.05 - 1.00 is a hair over 0.05 in binary */
        }
        i += na, j += nb;
    }
}

typedef struct { bool same; int word; size_t at_a, at_b; double delta; } line_cmp;

/* Compares two lines word by word: the first differing word (1-based) and where it starts. */
static line_cmp compare_lines(const char *a, const char *b, double tol) {
    line_cmp r = { true, 0, 0, 0, 0 };
    const char *pa = a, *pb = b;
    for (int word = 1;; word++) {
        const char *wa, *wb;
        size_t la, lb;
        bool ha = next_word(&pa, &wa, &la), hb = next_word(&pb, &wb, &lb);
        if (!ha && !hb) return r;
        double d = 0;
        if (!ha || !hb || !same_word(wa, la, wb, lb, tol, &d)) {
            r.same = false;
            r.word = word;
            r.at_a = ha ? (size_t)(wa - a) : strlen(a);
            r.at_b = hb ? (size_t)(wb - b) : strlen(b);
            return r;
        }
        if (d > r.delta) r.delta = d;
    }
}

/* Prints a line, or of a long one the part around byte `at`, cut at UTF-8 character starts. */
static void show(const char *mark, size_t number, const char *line, size_t at) {
    size_t len = strlen(line), from = 0, to = len;
    if (len > SHOWN_BYTES) {
        from = at > SHOWN_BYTES / 3 ? at - SHOWN_BYTES / 3 : 0;
        to = from + SHOWN_BYTES < len ? from + SHOWN_BYTES : len;
        while (from > 0 && (line[from] & 0xc0) == 0x80) from--;
        while (to < len && (line[to] & 0xc0) == 0x80) to++;
    }
    printf("%s%5zu | %s%.*s%s\n", mark, number, from ? "\u2026" : "", (int)(to - from), line + from,
           to < len ? "\u2026" : "");
}

/* The word starting at byte `at` of a line, for the message. */
static void print_word(const char *line, size_t at) {
    const char *p = line + at, *w;
    size_t len;
    if (next_word(&p, &w, &len)) printf("'%.*s'", len > 80 ? 80 : (int)len, w);
    else fputs("(end of line)", stdout);
}

int main(int argc, char **argv) {
    const char *paths[2] = { NULL, NULL };
    double tol = 0.05;
    long shown_max = 3;
    for (int i = 1, k = 0; i < argc; i++) {
        if (!strcmp(argv[i], "--tolerance") && i + 1 < argc) tol = atof(argv[++i]);
        else if (!strcmp(argv[i], "--show") && i + 1 < argc) shown_max = atol(argv[++i]);
        else if (argv[i][0] != '-' && k < 2) paths[k++] = argv[i];
        else { fputs(usage, stderr); return 2; }
    }
    if (!paths[1] || !(tol >= 0)) { fputs(usage, stderr); return 2; }
    dump d[2];
    for (int k = 0; k < 2; k++)
        if (!read_dump(paths[k], &d[k])) { fprintf(stderr, "scenecmp: %s: %s\n", paths[k], strerror(errno)); return 2; }

    size_t common = d[0].n < d[1].n ? d[0].n : d[1].n, differing = 0, worst_line = 0;
    double worst = 0;
    long shown = 0;
    for (size_t i = 0; i < common; i++) {
        line_cmp c = compare_lines(d[0].lines[i], d[1].lines[i], tol);
        if (c.same) {
            if (c.delta > worst) worst = c.delta, worst_line = i + 1;
            continue;
        }
        if (differing++ == 0) printf("scenecmp: %s differs from %s (decimals within %.3g pt):\n", paths[1], paths[0], tol);
        if (shown++ >= shown_max) continue;
        printf("line %zu, word %d: ", i + 1, c.word);
        print_word(d[0].lines[i], c.at_a);
        fputs(" in the reference, ", stdout);
        print_word(d[1].lines[i], c.at_b);
        fputs(" in the output\n", stdout);
        for (size_t k = i >= CONTEXT ? i - CONTEXT : 0; k < i; k++) show("  ", k + 1, d[0].lines[k], 0);
        show("- ", i + 1, d[0].lines[i], c.at_a);
        show("+ ", i + 1, d[1].lines[i], c.at_b);
        for (size_t k = i + 1; k < common && k <= i + CONTEXT; k++) show("  ", k + 1, d[0].lines[k], 0);
    }
    if (d[0].n != d[1].n) {
        if (!differing) printf("scenecmp: %s differs from %s:\n", paths[1], paths[0]);
        differing++;
        int longer = d[1].n > d[0].n;
        printf("the %s has %zu lines, the %s %zu; the first extra line:\n", longer ? "output" : "reference",
               d[longer].n, longer ? "reference" : "output", d[!longer].n);
        show(longer ? "+ " : "- ", common + 1, d[longer].lines[common], 0);
    }
    if (differing) {
        if (shown > shown_max) printf("(%zu differing lines in all, %ld shown)\n", differing, shown_max);
    } else if (worst > 0) {
        printf("scenecmp: match; largest difference %.3f pt (line %zu)\n", worst, worst_line);
    }
    for (int k = 0; k < 2; k++) { free(d[k].lines); free(d[k].text); }
    return differing ? 1 : 0;
}
