/* render.c - the one painter: draws every scene item on a cairo_t, in order, in scene units.
 * Used unchanged by the PNG, SVG and PDF writers; it reads the scene only. */
#include "render.h"
#include "emoji.h"
#include "path.h"
#include <glib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

static void set_color(cairo_t *cr, jm_color c) { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a); }

/* A rectangle with corners rounded by r (clamped to half the shorter side). */
static void rounded_rect(cairo_t *cr, double x, double y, double w, double h, double r) {
    if (w < 0) { x += w; w = -w; }
    if (h < 0) { y += h; h = -h; }
    r = fmin(fmax(r, 0), fmin(w, h) / 2);
    if (r <= 0) { cairo_rectangle(cr, x, y, w, h); return; }
    cairo_new_sub_path(cr);
    cairo_arc(cr, x + w - r, y + r, r, -M_PI / 2, 0);
    cairo_arc(cr, x + w - r, y + h - r, r, 0, M_PI / 2);
    cairo_arc(cr, x + r, y + h - r, r, M_PI / 2, M_PI);
    cairo_arc(cr, x + r, y + r, r, M_PI, 3 * M_PI / 2);
    cairo_close_path(cr);
}

/* The length after which a dash pattern repeats, pt, when cairo accepts the pattern (no
 * negative or non-finite lengths, some ink); else 0, and the line is drawn solid: a bad style
 * value must not put the whole cairo_t into an error state. An odd count of lengths repeats
 * twice to alternate on and off, as cairo does. */
static double dash_period(const jm_dash *d) {
    int n = d->n < 0 ? 0 : d->n > 4 ? 4 : d->n;
    double total = 0;
    for (int i = 0; i < n; i++) {
        if (!isfinite(d->v[i]) || d->v[i] < 0) return 0;
        total += d->v[i];
    }
    return n % 2 ? 2 * total : total;
}

static void set_dash(cairo_t *cr, const jm_dash *d) {
    if (dash_period(d) > 0) cairo_set_dash(cr, d->v, d->n > 4 ? 4 : d->n, 0);
    else cairo_set_dash(cr, NULL, 0, 0);
}

/* Fills with paint.fill, then strokes with paint.stroke, the current path. */
static void fill_and_stroke(cairo_t *cr, const jm_paint *p) {
    if (p->fill.a > 0) {
        set_color(cr, p->fill);
        if (p->stroke.a > 0 && p->stroke_width > 0) cairo_fill_preserve(cr);
        else cairo_fill(cr);
    }
    if (p->stroke.a > 0 && p->stroke_width > 0) {
        set_color(cr, p->stroke);
        cairo_set_line_width(cr, p->stroke_width);
        set_dash(cr, &p->dash);
        cairo_stroke(cr);
    }
    cairo_new_path(cr);
}

static void draw_rect(cairo_t *cr, const jm_item *it) {
    rounded_rect(cr, it->x, it->y, it->w, it->h, it->radius);
    fill_and_stroke(cr, &it->paint);
}

static void add_ops(cairo_t *cr, const jm_path_op *ops, size_t n) {
    for (size_t i = 0; i < n; i++) {
        const jm_path_op *o = &ops[i];
        switch (o->op) {
        case JM_OP_MOVE: cairo_move_to(cr, o->x, o->y); break;
        case JM_OP_LINE: cairo_line_to(cr, o->x, o->y); break;
        case JM_OP_CURVE: cairo_curve_to(cr, o->x1, o->y1, o->x2, o->y2, o->x, o->y); break;
        case JM_OP_CLOSE: cairo_close_path(cr); break;
        }
    }
}

/* One head, as jm_path_head_shape draws it. */
static void draw_head(cairo_t *cr, const jm_item *it, jm_head head, bool at_end, jm_color c) {
    jm_head_shape sh;
    if (!jm_path_head_shape(it, head, at_end, &sh)) return;
    set_color(cr, c);
    add_ops(cr, sh.ops, sh.n);
    if (sh.filled) {
        cairo_fill(cr);
    } else {
        cairo_set_dash(cr, NULL, 0, 0);
        cairo_set_line_width(cr, sh.width);
        cairo_stroke(cr);
    }
}

/* A part of the scene, in scene units (pt). */
typedef struct { double x0, y0, x1, y1; } area;

/* Whether `len` pt on `cr` is a whole number of cairo's fixed-point steps (1/256 device pixel)
 * in both device directions. */
static bool fixed_exact(cairo_t *cr, double len) {
    double x = len, y = len;
    cairo_user_to_device_distance(cr, &x, &y);
    return fabs(x * 256 - round(x * 256)) < 1e-6 && fabs(y * 256 - round(y * 256)) < 1e-6;
}

/* A dashed horizontal or vertical line, cut down to the part that can show in `v` (grown by
 * twice the stroke width, so the cut ends stay out of sight): cairo steps through every dash
 * of a path it strokes, also the dashes outside the target, so a lifeline crossing every band of
 * a tall PNG would cost all its dashes in each band. The start moves by a whole number of dash
 * periods, so the dashes stay where they were: exactly, as cairo places the dashes of such a
 * line in steps of its fixed-point device units, when every dash length is a whole number of
 * those steps (at scale 1 and 2 with lengths in quarter points, say); else nothing is cut, or
 * the rounding of each step would add up differently. False when the line is left whole. */
static bool visible_dashes(cairo_t *cr, const jm_item *it, const area *v, jm_path_op out[2]) {
    const jm_path_op *o = it->ops;
    double period = dash_period(&it->paint.dash);
    if (!v || it->n_ops != 2 || o[0].op != JM_OP_MOVE || o[1].op != JM_OP_LINE || !(period > 0)
        || jm_head_cuts_line(it->head_start) || jm_head_cuts_line(it->head_end))
        return false;
    double dx = o[1].x - o[0].x, dy = o[1].y - o[0].y, len = fabs(dx) + fabs(dy);
    if ((dx != 0 && dy != 0) || !(len > 0)) return false;
    for (int i = 0; i < it->paint.dash.n && i < 4; i++)
        if (!fixed_exact(cr, it->paint.dash.v[i])) return false;
    /* the part t in [lo, hi] of the line o[0] + t * (dx, dy) inside the box */
    double m = 2 * it->paint.stroke_width, lo, hi;
    double a0 = dx != 0 ? o[0].x : o[0].y, d = dx != 0 ? dx : dy;
    double b0 = dx != 0 ? v->x0 - m : v->y0 - m, b1 = dx != 0 ? v->x1 + m : v->y1 + m;
    double across = dx != 0 ? o[0].y : o[0].x, c0 = dx != 0 ? v->y0 - m : v->x0 - m, c1 = dx != 0 ? v->y1 + m : v->x1 + m;
    if (across < c0 || across > c1) return false;
    lo = fmax(0, fmin((b0 - a0) / d, (b1 - a0) / d));
    hi = fmin(1, fmax((b0 - a0) / d, (b1 - a0) / d));
    if (lo >= hi) return false;
    double start = floor(lo * len / period) * period;   /* pt from o[0], whole periods */
    if (start <= 0 && hi >= 1) return false;
    out[0] = o[0];
    out[0].x += dx * start / len;
    out[0].y += dy * start / len;
    out[1] = o[1];
    if (hi < 1) { out[1].x = o[0].x + dx * hi; out[1].y = o[0].y + dy * hi; }
    return true;
}

/* The line stops at the base of a filled head, so neither its end nor its round cap shows
 * past the tip; with an open head it runs to the tip, where the two strokes meet it. `v`: the
 * part of the scene that shows, or NULL. */
static void draw_path(cairo_t *cr, const jm_item *it, const area *v) {
    if (!it->n_ops) return;
    const jm_paint *p = &it->paint;
    cairo_set_line_cap(cr, p->dash.n > 0 ? CAIRO_LINE_CAP_BUTT : CAIRO_LINE_CAP_ROUND);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    if (p->fill.a > 0) {
        add_ops(cr, it->ops, it->n_ops);
        set_color(cr, p->fill);
        cairo_fill(cr);
    }
    bool stroked = p->stroke.a > 0 && p->stroke_width > 0;
    if (stroked) {
        double cut0 = jm_head_cuts_line(it->head_start) ? it->head_size : 0;
        double cut1 = jm_head_cuts_line(it->head_end) ? it->head_size : 0;
        jm_arrow a;
        jm_path_op cut[2];
        if (cut0 > 0 && !jm_path_head(it->ops, it->n_ops, false, cut0, &a)) cut0 = 0;
        if (cut1 > 0 && !jm_path_head(it->ops, it->n_ops, true, cut1, &a)) cut1 = 0;
        if (visible_dashes(cr, it, v, cut)) add_ops(cr, cut, 2);
        else if (cut0 > 0 || cut1 > 0) {
            jm_path_op *ops = g_new(jm_path_op, it->n_ops);
            jm_path_trim(it->ops, it->n_ops, cut0, cut1, ops);
            add_ops(cr, ops, it->n_ops);
            g_free(ops);
        } else add_ops(cr, it->ops, it->n_ops);
        set_color(cr, p->stroke);
        cairo_set_line_width(cr, p->stroke_width);
        set_dash(cr, &p->dash);
        cairo_stroke(cr);
    }
    jm_color hc = stroked ? p->stroke : p->fill;
    if (hc.a > 0) {
        draw_head(cr, it, it->head_start, false, hc);
        draw_head(cr, it, it->head_end, true, hc);
    }
    cairo_new_path(cr);
}

/* Vector surfaces (PDF, outline SVG) get each colour emoji as the picture of its full strike
 * (emoji.h), one per distinct emoji: cairo would embed it at the size it is drawn, 72 ppi. The
 * pictures live with the target surface, so a document's pages share them and cairo's PDF
 * writes each once. */
static const cairo_user_data_key_t emoji_key;   /* its address names the cache on a surface */

static jm_emoji_cache *emoji_cache(cairo_t *cr) {
    cairo_surface_t *target = cairo_get_target(cr);
    jm_emoji_cache *c = cairo_surface_get_user_data(target, &emoji_key);
    if (!c) {
        c = jm_emoji_cache_new(true);
        if (cairo_surface_set_user_data(target, &emoji_key, c, (cairo_destroy_func_t)jm_emoji_cache_free)) {
            jm_emoji_cache_free(c);
            return NULL;
        }
    }
    return c;
}

static bool is_vector(cairo_t *cr) {
    cairo_surface_type_t t = cairo_surface_get_type(cairo_get_target(cr));
    return t == CAIRO_SURFACE_TYPE_PDF || t == CAIRO_SURFACE_TYPE_SVG || t == CAIRO_SURFACE_TYPE_PS;
}

/* The layout run by run from its origin (ox, oy): text runs as Pango draws them, each glyph of a
 * colour font as its picture, `advance` wide as the layout measured it. */
static void draw_runs(cairo_t *cr, PangoLayout *l, double ox, double oy, jm_emoji_cache *c) {
    PangoLayoutIter *iter = pango_layout_get_iter(l);
    const char *text = pango_layout_get_text(l);
    do {
        PangoLayoutRun *run = pango_layout_iter_get_run_readonly(iter);
        if (!run) continue;
        PangoRectangle r;
        pango_layout_iter_get_run_extents(iter, NULL, &r);
        double x = ox + r.x / (double)PANGO_SCALE, y = oy + pango_layout_iter_get_baseline(iter) / (double)PANGO_SCALE;
        PangoFont *font = run->item->analysis.font;
        if (!jm_font_is_color(font)) {
            cairo_move_to(cr, x, y);
            pango_cairo_show_glyph_item(cr, text, run);
            continue;
        }
        PangoGlyphString *gs = run->glyphs;
        for (int k = 0; k < gs->num_glyphs; k++) {
            double adv = gs->glyphs[k].geometry.width / (double)PANGO_SCALE;
            double gx = x + gs->glyphs[k].geometry.x_offset / (double)PANGO_SCALE;
            jm_emoji e;
            x += adv;
            if (!jm_emoji_get(c, font, gs->glyphs[k].glyph, &e, NULL) || !(e.advance > 0)) continue;
            double size = adv / e.advance;
            cairo_save(cr);
            cairo_translate(cr, gx + e.x * size, y + e.y * size);
            cairo_scale(cr, size / JM_EMOJI_PPEM, size / JM_EMOJI_PPEM);
            cairo_set_source_surface(cr, e.image, 0, 0);
            cairo_paint(cr);
            cairo_restore(cr);
        }
    } while (pango_layout_iter_next_run(iter));
    pango_layout_iter_free(iter);
}

/* The layout is drawn as it was measured: no pango_cairo_update_layout, so the 72 dpi,
 * unhinted metrics of the text service hold on every surface. The item's box starts block.x
 * right of the layout's origin (see jm_scene_text). */
static void draw_text(cairo_t *cr, const jm_item *it) {
    if (!it->block.layout || it->color.a <= 0) return;
    set_color(cr, it->color);
    jm_emoji_cache *c = it->block.fonts && strstr(it->block.fonts, "Emoji") && is_vector(cr) ? emoji_cache(cr) : NULL;
    if (c) {
        draw_runs(cr, it->block.layout, it->x - it->block.x, it->y, c);
        return;
    }
    cairo_move_to(cr, it->x - it->block.x, it->y);
    pango_cairo_show_layout(cr, it->block.layout);
}

/* Light grey box with a thin cross: a picture that could not be loaded. */
static void draw_placeholder(cairo_t *cr, const jm_item *it) {
    rounded_rect(cr, it->x, it->y, it->w, it->h, it->radius);
    cairo_clip_preserve(cr);
    cairo_set_source_rgb(cr, 0.88, 0.88, 0.88);
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, 0.70, 0.70, 0.70);
    cairo_set_line_width(cr, 1);
    cairo_stroke(cr);
    cairo_move_to(cr, it->x, it->y);
    cairo_line_to(cr, it->x + it->w, it->y + it->h);
    cairo_move_to(cr, it->x + it->w, it->y);
    cairo_line_to(cr, it->x, it->y + it->h);
    cairo_set_line_width(cr, 0.75);
    cairo_stroke(cr);
}

/* The picture scaled to cover the box (keeping its aspect, cropping the overflow), clipped to the
 * box with the item's corner radius. The pixels were decoded when the journey was loaded: cairo
 * only wraps them here, for every band of a PNG, with no file access and no copy. */
static void draw_image(cairo_t *cr, const jm_item *it) {
    if (!(fabs(it->w) > 0) || !(fabs(it->h) > 0)) return;
    const jm_image *im = it->image;
    cairo_surface_t *img = im ? cairo_image_surface_create_for_data((unsigned char *)im->argb, CAIRO_FORMAT_ARGB32,
                                                                    im->width, im->height, im->width * 4)
                              : NULL;
    if (!img || cairo_surface_status(img) != CAIRO_STATUS_SUCCESS) {
        draw_placeholder(cr, it);
    } else {
        int iw = im->width, ih = im->height;
        double x = fmin(it->x, it->x + it->w), y = fmin(it->y, it->y + it->h);
        double w = fabs(it->w), h = fabs(it->h);
        double k = fmax(w / iw, h / ih);
        rounded_rect(cr, x, y, w, h, it->radius);
        cairo_clip(cr);
        cairo_translate(cr, x + (w - iw * k) / 2, y + (h - ih * k) / 2);
        cairo_scale(cr, k, k);
        cairo_set_source_surface(cr, img, 0, 0);
        /* PAD keeps the edges crisp when filtering on raster targets; vector surfaces
         * embed the image as it is (PAD could make them rasterise a fallback). */
        if (cairo_surface_get_type(cairo_get_target(cr)) == CAIRO_SURFACE_TYPE_IMAGE)
            cairo_pattern_set_extend(cairo_get_source(cr), CAIRO_EXTEND_PAD);
        cairo_paint(cr);
    }
    if (img) cairo_surface_destroy(img);
}

/* Culling for raster bands
 * ------------------------
 * An item is skipped when its box, grown by whatever it may paint outside the box, misses the
 * area the target shows. What may spill out, in scene units (pt), at least 1 pt (the stroke of
 * an image placeholder):
 *   rect, image   half the stroke width (a stroke is centred on the edge)
 *   path          its extent with heads (jm_path_extent), grown by 6 stroke widths: round caps
 *                 and joins reach half a width, the mitred tip of an open head up to 5 widths
 *   text          two line heights on every side: italic overhang, accents, emoji ink
 * The visible area itself is grown by two device pixels (visible_area). */
static bool item_bounds(const jm_item *it, double *x0, double *y0, double *x1, double *y1) {
    double pad = it->paint.stroke.a > 0 ? fmax(it->paint.stroke_width, 0) / 2 : 0;
    *x0 = fmin(it->x, it->x + it->w); *x1 = fmax(it->x, it->x + it->w);
    *y0 = fmin(it->y, it->y + it->h); *y1 = fmax(it->y, it->y + it->h);
    if (it->kind == JM_ITEM_PATH) {
        if (!jm_path_extent(it, x0, y0, x1, y1)) return false;
        pad = 6 * fmax(it->paint.stroke_width, 1);
    } else if (it->kind == JM_ITEM_TEXT) {
        pad = 2 * fabs(it->h) / (it->block.lines > 0 ? it->block.lines : 1);
    }
    pad = fmax(pad, 1);   /* at least the 1 pt stroke of an image placeholder */
    *x0 -= pad; *y0 -= pad; *x1 += pad; *y1 += pad;
    return true;
}

/* The part of the scene the target shows (cr's clip extents: the surface when nothing is
 * clipped), grown by two device pixels. */
static area visible_area(cairo_t *cr) {
    double px = 2, py = 2;
    area v;
    cairo_device_to_user_distance(cr, &px, &py);
    cairo_clip_extents(cr, &v.x0, &v.y0, &v.x1, &v.y1);
    return (area){ v.x0 - fabs(px), v.y0 - fabs(py), v.x1 + fabs(px), v.y1 + fabs(py) };
}

/* A PDF link annotation over the item's box, to its url (cairo's attribute string: the url in
 * single quotes, with \\ and \' escaped). Other surfaces draw no links: the SVG writer makes
 * its own <a> from the scene. */
static bool link_begin(cairo_t *cr, const jm_item *it) {
    if (!it->url || cairo_surface_get_type(cairo_get_target(cr)) != CAIRO_SURFACE_TYPE_PDF) return false;
    double x0 = fmin(it->x, it->x + it->w), y0 = fmin(it->y, it->y + it->h);
    GString *a = g_string_new("uri='");
    for (const char *p = it->url; *p; p++) {
        if (*p == '\'' || *p == '\\') g_string_append_c(a, '\\');
        g_string_append_c(a, *p);
    }
    char n[4][G_ASCII_DTOSTR_BUF_SIZE];
    g_string_append_printf(a, "' rect=[%s %s %s %s]", g_ascii_formatd(n[0], sizeof n[0], "%.2f", x0),
                           g_ascii_formatd(n[1], sizeof n[1], "%.2f", y0), g_ascii_formatd(n[2], sizeof n[2], "%.2f", fabs(it->w)),
                           g_ascii_formatd(n[3], sizeof n[3], "%.2f", fabs(it->h)));
    cairo_tag_begin(cr, CAIRO_TAG_LINK, a->str);
    g_string_free(a, TRUE);
    return true;
}

static void paint(cairo_t *cr, const jm_scene *s, bool transparent, bool visible_only) {
    area v = visible_only ? visible_area(cr) : (area){ 0, 0, 0, 0 };
    if (!transparent && s->background.a > 0) {
        cairo_save(cr);
        cairo_rectangle(cr, 0, 0, s->width, s->height);
        set_color(cr, s->background);
        cairo_fill(cr);
        cairo_restore(cr);
    }
    for (size_t i = 0; i < s->n_items; i++) {
        const jm_item *it = &s->items[i];
        if (!jm_item_drawable(it)) continue;
        double x0, y0, x1, y1;
        if (visible_only && (!item_bounds(it, &x0, &y0, &x1, &y1) || x1 < v.x0 || x0 > v.x1 || y1 < v.y0 || y0 > v.y1))
            continue;
        bool link = link_begin(cr, it);
        cairo_save(cr);
        switch (it->kind) {
        case JM_ITEM_RECT: draw_rect(cr, it); break;
        case JM_ITEM_PATH: draw_path(cr, it, visible_only ? &v : NULL); break;
        case JM_ITEM_TEXT: draw_text(cr, it); break;
        case JM_ITEM_IMAGE: draw_image(cr, it); break;
        }
        cairo_restore(cr);
        if (link) cairo_tag_end(cr, CAIRO_TAG_LINK);
    }
}

void jm_render_scene(cairo_t *cr, const jm_scene *s, bool transparent) { paint(cr, s, transparent, false); }

void jm_render_scene_visible(cairo_t *cr, const jm_scene *s, bool transparent) { paint(cr, s, transparent, true); }
