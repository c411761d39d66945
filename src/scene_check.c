/* scene_check.c - reading a scene back: the stable text dump (--dump-scene) and the layout
 * defect check (--check-layout): overlapping texts, text outside its container, off-canvas items. */
#include "scene.h"
#include "path.h"
#include <glib.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define TOLERANCE 0.5   /* pt: overlaps and overhangs up to this are not defects */
#define SNIPPET 40      /* characters of a text quoted in a defect */

/* Fixed two decimals, never "-0.00" (so dumps diff cleanly). */
static const char *num(char buf[48], double v) {
    if (!isfinite(v)) return strcpy(buf, isnan(v) ? "nan" : v > 0 ? "inf" : "-inf");
    if (fabs(v) < 0.005) v = 0;
    snprintf(buf, 48, "%.2f", v);
    return buf;
}

static unsigned channel(double c) {
    if (!(c > 0)) return 0;   /* also NaN */
    if (c >= 1) return 255;
    return (unsigned)lround(c * 255);
}

static const char *hex(char buf[16], jm_color c) {
    snprintf(buf, 16, "#%02x%02x%02x%02x", channel(c.r), channel(c.g), channel(c.b), channel(c.a));
    return buf;
}

/* Writes `s` on one line: backslash escapes for `quote`, backslashes, control characters and
 * bytes that are not UTF-8; other characters as they are. At most `max_chars` characters
 * (0: all), then an ellipsis. */
static void put_escaped(FILE *out, const char *s, char quote, size_t max_chars) {
    size_t chars = 0;
    const char *end = s + strlen(s);
    while (*s) {
        if (max_chars && chars++ == max_chars) { fputs("\u2026", out); return; }
        unsigned char c = (unsigned char)*s;
        if (c == (unsigned char)quote || c == '\\') { fputc('\\', out); fputc(c, out); s++; }
        else if (c == '\n') { fputs("\\n", out); s++; }
        else if (c == '\t') { fputs("\\t", out); s++; }
        else if (c == '\r') { fputs("\\r", out); s++; }
        else if (c < 0x20 || c == 0x7f) { fprintf(out, "\\x%02x", c); s++; }
        else if (c < 0x80) { fputc(c, out); s++; }
        else if (g_utf8_get_char_validated(s, end - s) < 0x110000) {
            const char *next = g_utf8_next_char(s);
            fwrite(s, 1, (size_t)(next - s), out);
            s = next;
        } else { fprintf(out, "\\x%02x", c); s++; }
    }
}

static const char *kind_name(jm_item_kind k) {
    switch (k) {
    case JM_ITEM_RECT: return "rect";
    case JM_ITEM_PATH: return "path";
    case JM_ITEM_TEXT: return "text";
    case JM_ITEM_IMAGE: return "image";
    }
    return "?";
}

static const char *head_name(jm_head h) {
    static const char *const names[] = { "none", "filled", "open", "cross", "half-left", "half-right",
                                         "stick-left", "stick-right" };
    return (size_t)h < sizeof names / sizeof names[0] ? names[h] : "none";
}

static const char *align_name(jm_align a) {
    return a == JM_ALIGN_CENTER ? "center" : a == JM_ALIGN_RIGHT ? "right" : "left";
}

static void dump_paint(FILE *out, const jm_paint *p) {
    char b[48], h[16];
    fprintf(out, " fill %s", p->fill.a > 0 ? hex(h, p->fill) : "none");
    if (p->stroke.a > 0) {
        fprintf(out, " stroke %s", hex(h, p->stroke));
        fprintf(out, " %s", num(b, p->stroke_width));
    } else fputs(" stroke none", out);
    if (p->dash.n > 0) {
        fputs(" dash ", out);
        for (int i = 0; i < p->dash.n && i < 4; i++) fprintf(out, "%s%s", i ? "," : "", num(b, p->dash.v[i]));
    }
}

static void dump_ops(FILE *out, const jm_item *it) {
    char a[48], b[48], c[48], d[48], e[48], f[48];
    for (size_t k = 0; k < it->n_ops; k++) {
        const jm_path_op *o = &it->ops[k];
        switch (o->op) {
        case JM_OP_MOVE: fprintf(out, " M %s,%s", num(a, o->x), num(b, o->y)); break;
        case JM_OP_LINE: fprintf(out, " L %s,%s", num(a, o->x), num(b, o->y)); break;
        case JM_OP_CURVE:
            fprintf(out, " C %s,%s %s,%s %s,%s", num(a, o->x1), num(b, o->y1), num(c, o->x2), num(d, o->y2),
                    num(e, o->x), num(f, o->y));
            break;
        case JM_OP_CLOSE: fputs(" Z", out); break;
        }
    }
}

/* Header:  scene 800.00x600.00 background #ffffffff items 3
 * Items:   INDEX KIND ROLE X,Y WxH then kind-specific fields; TEXT ends with the quoted text. */
void jm_scene_dump(const jm_scene *s, FILE *out) {
    char a[48], b[48], c[48], d[48], h[16];
    fprintf(out, "scene %sx%s background %s items %zu\n", num(a, s->width), num(b, s->height),
            hex(h, s->background), s->n_items);
    if (s->title) { fputs("title \"", out); put_escaped(out, s->title, '"', 0); fputs("\"\n", out); }
    if (s->desc) { fputs("desc \"", out); put_escaped(out, s->desc, '"', 0); fputs("\"\n", out); }
    for (size_t i = 0; i < s->n_items; i++) {
        const jm_item *it = &s->items[i];
        fprintf(out, "%zu %s %s %s,%s %sx%s", i, kind_name(it->kind), it->role && *it->role ? it->role : "-",
                num(a, it->x), num(b, it->y), num(c, it->w), num(d, it->h));
        switch (it->kind) {
        case JM_ITEM_RECT:
            fprintf(out, " radius %s", num(a, it->radius));
            dump_paint(out, &it->paint);
            break;
        case JM_ITEM_PATH:
            dump_paint(out, &it->paint);
            if (it->head_start || it->head_end)
                fprintf(out, " heads %s,%s %s", head_name(it->head_start), head_name(it->head_end), num(a, it->head_size));
            dump_ops(out, it);
            break;
        case JM_ITEM_TEXT:
            fputs(" font \"", out);
            put_escaped(out, it->font.desc ? it->font.desc : "", '"', 0);
            fprintf(out, "\" %s color %s align %s", num(a, it->font.size), hex(h, it->color), align_name(it->align));
            if (it->wrap_width > 0) fprintf(out, " wrap %s", num(a, it->wrap_width));
            if (it->line_spacing != 0) fprintf(out, " spacing %s", num(a, it->line_spacing));
            fprintf(out, " lines %d", it->block.lines);
            if (it->block.fonts && *it->block.fonts) fprintf(out, " fonts %s", it->block.fonts);
            break;
        case JM_ITEM_IMAGE:
            fprintf(out, " radius %s", num(a, it->radius));
            break;
        }
        if (it->container >= 0) fprintf(out, " in %d", it->container);
        if (it->may_overlap) fputs(" may-overlap", out);
        if (it->url) { fputs(" url \"", out); put_escaped(out, it->url, '"', 0); fputc('"', out); }
        if (it->src.line > 0) fprintf(out, " @%d:%d", it->src.line, it->src.col);
        if (it->kind == JM_ITEM_TEXT || it->kind == JM_ITEM_IMAGE) {
            /* an image by its file name only: the folder depends on where the input lives, and
             * the dump must read the same on every machine */
            const char *img = it->image_path ? it->image_path : "";
            const char *slash = strrchr(img, '/');
            fputs(" \"", out);
            put_escaped(out, it->kind == JM_ITEM_TEXT ? (it->text ? it->text : "") : slash ? slash + 1 : img, '"', 0);
            fputc('"', out);
        }
        fputc('\n', out);
    }
}

/* ---- defects ---- */

typedef struct { double x0, y0, x1, y1; } box;

/* The item's box, normalised (paths by their points and heads). False when it has none. */
static bool item_box(const jm_item *it, box *b) {
    if (it->kind == JM_ITEM_PATH) return jm_path_extent(it, &b->x0, &b->y0, &b->x1, &b->y1);
    b->x0 = fmin(it->x, it->x + it->w); b->x1 = fmax(it->x, it->x + it->w);
    b->y0 = fmin(it->y, it->y + it->h); b->y1 = fmax(it->y, it->y + it->h);
    return true;
}

static bool box_finite(const box *b) {
    return isfinite(b->x0) && isfinite(b->y0) && isfinite(b->x1) && isfinite(b->y1);
}

/* "text 'Awareness' (funnel.stage.name)" or "rect (funnel.stage)", with the source line. */
static void describe(FILE *out, const jm_item *it) {
    fputs(kind_name(it->kind), out);
    if (it->kind == JM_ITEM_TEXT) {
        fputs(" '", out);
        put_escaped(out, it->text ? it->text : "", '\'', SNIPPET);
        fputc('\'', out);
    }
    fprintf(out, " (%s)", it->role && *it->role ? it->role : "no role");
    if (it->src.line > 0) fprintf(out, " [line %d]", it->src.line);
}

/* ", out by 3.0 pt on the right, 1.0 pt at the bottom" for the parts of `b` outside `in`. */
static void overhang(FILE *out, const box *b, const box *in) {
    double d[4] = { in->x0 - b->x0, in->y0 - b->y0, b->x1 - in->x1, b->y1 - in->y1 };
    static const char *const side[4] = { "on the left", "at the top", "on the right", "at the bottom" };
    const char *sep = ": out by ";
    for (int k = 0; k < 4; k++)
        if (d[k] > TOLERANCE) { fprintf(out, "%s%.1f pt %s", sep, d[k], side[k]); sep = ", "; }
}

static bool sticks_out(const box *b, const box *in) {
    return in->x0 - b->x0 > TOLERANCE || in->y0 - b->y0 > TOLERANCE ||
           b->x1 - in->x1 > TOLERANCE || b->y1 - in->y1 > TOLERANCE;
}

typedef struct { int64_t cx, cy; int idx; } cell_entry;
typedef struct { int a, b; } pair;

static int cmp_entry(const void *p, const void *q) {
    const cell_entry *a = p, *b = q;
    if (a->cx != b->cx) return a->cx < b->cx ? -1 : 1;
    if (a->cy != b->cy) return a->cy < b->cy ? -1 : 1;
    return (a->idx > b->idx) - (a->idx < b->idx);
}

static int cmp_pair(const void *p, const void *q) {
    const pair *a = p, *b = q;
    if (a->a != b->a) return (a->a > b->a) - (a->a < b->a);
    return (a->b > b->b) - (a->b < b->b);
}

static int64_t cell_of(double v, double size) {
    double c = floor(v / size);
    return (int64_t)fmax(-1e15, fmin(1e15, c));
}

/* Text boxes overlapping by more than TOLERANCE in both directions, as pairs (a < b) in item
 * order. A uniform grid keeps it near-linear: every text goes into the cells its box covers,
 * only texts sharing a cell are compared, and a pair counts only in the cell holding the
 * top-left corner of its intersection, so each pair is found once. The cell size starts at the
 * mean text size and doubles until the entries number at most ~8 per text. */
static GArray *overlapping_texts(const jm_scene *s, const box *boxes) {
    GArray *pairs = g_array_new(FALSE, FALSE, sizeof(pair));
    GArray *texts = g_array_new(FALSE, FALSE, sizeof(int));
    double sum = 0;
    for (size_t i = 0; i < s->n_items; i++) {
        const jm_item *it = &s->items[i];
        const box *b = &boxes[i];
        if (it->kind != JM_ITEM_TEXT || it->may_overlap || !box_finite(b)) continue;
        if (b->x1 - b->x0 <= TOLERANCE || b->y1 - b->y0 <= TOLERANCE) continue;
        int k = (int)i;
        g_array_append_val(texts, k);
        sum += fmax(b->x1 - b->x0, b->y1 - b->y0);
    }
    size_t n = texts->len;
    if (n < 2) { g_array_free(texts, TRUE); return pairs; }
    double size = fmax(sum / (double)n, 1);
    size_t total;
    for (;;) {
        total = 0;
        for (size_t t = 0; t < n; t++) {
            const box *b = &boxes[g_array_index(texts, int, t)];
            total += (size_t)((cell_of(b->x1, size) - cell_of(b->x0, size) + 1) *
                              (cell_of(b->y1, size) - cell_of(b->y0, size) + 1));
        }
        if (total <= 8 * n + 64) break;
        size *= 2;
    }
    cell_entry *e = g_new(cell_entry, total);
    size_t m = 0;
    for (size_t t = 0; t < n; t++) {
        int i = g_array_index(texts, int, t);
        const box *b = &boxes[i];
        for (int64_t cx = cell_of(b->x0, size); cx <= cell_of(b->x1, size); cx++)
            for (int64_t cy = cell_of(b->y0, size); cy <= cell_of(b->y1, size); cy++)
                e[m++] = (cell_entry){ cx, cy, i };
    }
    if (m > 1) qsort(e, m, sizeof *e, cmp_entry);
    for (size_t g = 0; g < m;) {
        size_t h = g;
        while (h < m && e[h].cx == e[g].cx && e[h].cy == e[g].cy) h++;
        for (size_t p = g; p < h; p++)
            for (size_t q = p + 1; q < h; q++) {
                const box *a = &boxes[e[p].idx], *b = &boxes[e[q].idx];
                double ix0 = fmax(a->x0, b->x0), iy0 = fmax(a->y0, b->y0);
                if (fmin(a->x1, b->x1) - ix0 <= TOLERANCE || fmin(a->y1, b->y1) - iy0 <= TOLERANCE) continue;
                if (cell_of(ix0, size) != e[g].cx || cell_of(iy0, size) != e[g].cy) continue;
                pair pr = { e[p].idx, e[q].idx };
                g_array_append_val(pairs, pr);
            }
        g = h;
    }
    g_free(e);
    g_array_free(texts, TRUE);
    if (pairs->len > 1) qsort(pairs->data, pairs->len, sizeof(pair), cmp_pair);
    return pairs;
}

size_t jm_scene_check(const jm_scene *s, FILE *out) {
    size_t defects = 0;
    box *boxes = g_new0(box, s->n_items ? s->n_items : 1);
    bool *has = g_new0(bool, s->n_items ? s->n_items : 1);
    for (size_t i = 0; i < s->n_items; i++) has[i] = item_box(&s->items[i], &boxes[i]);

    GArray *pairs = overlapping_texts(s, boxes);
    for (guint k = 0; k < pairs->len; k++) {
        pair pr = g_array_index(pairs, pair, k);
        const box *a = &boxes[pr.a], *b = &boxes[pr.b];
        fputs("defect: ", out);
        describe(out, &s->items[pr.a]);
        fputs(" overlaps ", out);
        describe(out, &s->items[pr.b]);
        fprintf(out, " by %.1fx%.1f pt at %.1f,%.1f\n", fmin(a->x1, b->x1) - fmax(a->x0, b->x0),
                fmin(a->y1, b->y1) - fmax(a->y0, b->y0), fmax(a->x0, b->x0), fmax(a->y0, b->y0));
        defects++;
    }
    g_array_free(pairs, TRUE);

    for (size_t i = 0; i < s->n_items; i++) {
        const jm_item *it = &s->items[i];
        if (it->kind == JM_ITEM_TEXT && it->block.missing) {
            fputs("defect: ", out);
            describe(out, it);
            fprintf(out, " has U+%04X, which no font of the set has\n", it->block.missing);
            defects++;
        }
        if (!has[i]) continue;
        if (!box_finite(&boxes[i])) {
            fputs("defect: ", out);
            describe(out, it);
            fputs(" has a position or size that is not a number\n", out);
            defects++;
            continue;
        }
        if (it->container < 0) continue;
        if ((size_t)it->container >= s->n_items || it->container == (int)i) {
            fputs("defect: ", out);
            describe(out, it);
            fprintf(out, " names container %d, which is not another item\n", it->container);
            defects++;
        } else if (has[it->container] && sticks_out(&boxes[i], &boxes[it->container])) {
            fputs("defect: ", out);
            describe(out, it);
            fputs(" is not inside its container ", out);
            describe(out, &s->items[it->container]);
            overhang(out, &boxes[i], &boxes[it->container]);
            fputc('\n', out);
            defects++;
        }
    }

    box canvas = { 0, 0, s->width, s->height };
    for (size_t i = 0; i < s->n_items; i++) {
        const box *b = &boxes[i];
        if (!has[i] || !box_finite(b) || !sticks_out(b, &canvas)) continue;
        fputs("defect: ", out);
        describe(out, &s->items[i]);
        fprintf(out, " at %.1f,%.1f size %.1fx%.1f is outside the %.1fx%.1f canvas", b->x0, b->y0,
                b->x1 - b->x0, b->y1 - b->y0, s->width, s->height);
        overhang(out, b, &canvas);
        fputc('\n', out);
        defects++;
    }
    g_free(boxes);
    g_free(has);
    return defects;
}

size_t jm_scene_warn_missing(const jm_scene *s, const char *file, jm_diags *d) {
    size_t n = 0;
    for (size_t i = 0; i < s->n_items; i++) {
        const jm_item *it = &s->items[i];
        if (it->kind != JM_ITEM_TEXT || !it->block.missing) continue;
        bool again = false;   /* the same text at the same place, laid out twice (a fitted view) */
        for (size_t k = 0; k < i && !again; k++)
            again = s->items[k].kind == JM_ITEM_TEXT && s->items[k].block.missing == it->block.missing &&
                    s->items[k].src.line == it->src.line && s->items[k].src.col == it->src.col;
        if (again) continue;
        jm_diag_add(d, JM_WARNING, file, it->src, "no font has U+%04X; it is drawn as a box", it->block.missing);
        n++;
    }
    return n;
}
