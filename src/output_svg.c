/* output_svg.c - the SVG encoder: writes the scene as SVG elements, item by item in paint order,
 * as the painter (render.c) draws them on cairo: rectangles as <rect>, paths and their heads as
 * <path>, pictures as <image>, text as <text> in embedded font subsets (svg_text.h). The result
 * is small, selectable, and looks the same in a browser as our PNG. --svg-text=paths writes the
 * painter's own cairo SVG instead (output_svg_paths.c). */
#include "output_internal.h"
#include "path.h"
#include "svg_text.h"
#include "svg_xml.h"
#include <math.h>
#include <string.h>

typedef struct {
    GString *body;
    jm_svg_classes *classes;
    jm_svg_text *text;
    GHashTable *images;      /* const jm_image* -> id (1, 2, ...) of its <image> in defs */
    GString *image_defs;
    int clips;               /* clipPaths written */
    GArray *open;            /* int: the scene groups open now, outermost first */
    bool *opened;            /* per scene group: its id was written */
    const char *link;        /* the url of the <a> open now, or NULL */
    const jm_item *light, *dark;   /* --style auto: the item written now and the dark scene's */
    GString *css, *dark_css;       /* scratch for paint_attrs */
} svg_writer;

static void attr_num(GString *o, const char *name, double v) {
    g_string_append_c(o, ' ');
    jm_put(o, name);
    jm_put(o, "=\"");
    jm_svg_num(o, v);
    g_string_append_c(o, '"');
}

/* fill, stroke, width and dashes of `p` as CSS declarations (the SVG defaults: no stroke). */
static void paint_css(GString *css, const jm_paint *p, bool dashed_butt) {
    if (p->fill.a > 0) jm_svg_color(css, "fill", p->fill);
    else jm_put(css, "fill:none;");
    if (p->stroke.a > 0 && p->stroke_width > 0) {
        jm_svg_color(css, "stroke", p->stroke);
        if (p->stroke_width != 1) {
            jm_put(css, "stroke-width:");
            jm_svg_num(css, p->stroke_width);
            g_string_append_c(css, ';');
        }
        int n = p->dash.n < 0 ? 0 : p->dash.n > 4 ? 4 : p->dash.n;
        bool ok = n > 0;
        for (int i = 0; i < n; i++) ok = ok && isfinite(p->dash.v[i]) && p->dash.v[i] >= 0;
        if (ok) {
            jm_put(css, "stroke-dasharray:");
            for (int i = 0; i < n; i++) {
                if (i) g_string_append_c(css, ' ');
                jm_svg_num(css, p->dash.v[i]);
            }
            g_string_append_c(css, ';');
            if (dashed_butt) jm_put(css, "stroke-linecap:butt;");
        }
    }
}

static bool same_color(jm_color a, jm_color b) { return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a; }

/* A colour of the item written now as the dark scene has it: the light item's fill, stroke or
 * text colour becomes the dark item's. */
static jm_color dark_of(const svg_writer *w, jm_color c) {
    if (same_color(c, w->light->paint.fill)) return w->dark->paint.fill;
    if (same_color(c, w->light->paint.stroke)) return w->dark->paint.stroke;
    if (same_color(c, w->light->color)) return w->dark->color;
    return c;
}

/* `p` as a class: its look, and with --style auto its look in the dark scheme. */
static void paint_attrs(svg_writer *w, const jm_paint *p, bool dashed_butt) {
    g_string_truncate(w->css, 0);
    paint_css(w->css, p, dashed_butt);
    if (w->dark) {
        jm_paint dp = *p;
        if (dp.fill.a > 0) dp.fill = dark_of(w, p->fill);
        if (dp.stroke.a > 0) dp.stroke = dark_of(w, p->stroke);
        g_string_truncate(w->dark_css, 0);
        paint_css(w->dark_css, &dp, dashed_butt);
    }
    jm_svg_class(w->classes, w->body, w->css->str, w->dark ? w->dark_css->str : NULL);
}

/* A head: filled, or stroked solid `width` wide, in `c`. */
static void head_attrs(svg_writer *w, bool filled, double width, jm_color c) {
    jm_paint p = filled ? (jm_paint){ .fill = c } : (jm_paint){ .stroke = c, .stroke_width = width };
    paint_attrs(w, &p, false);
}

static void write_ops(GString *o, const jm_path_op *ops, size_t n) {
    jm_put(o, " d=\"");
    for (size_t i = 0; i < n; i++) {
        const jm_path_op *p = &ops[i];
        switch (p->op) {
        case JM_OP_MOVE: g_string_append_c(o, 'M'); break;
        case JM_OP_LINE: g_string_append_c(o, 'L'); break;
        case JM_OP_CURVE:
            g_string_append_c(o, 'C');
            jm_svg_num(o, p->x1); g_string_append_c(o, ' '); jm_svg_num(o, p->y1); g_string_append_c(o, ' ');
            jm_svg_num(o, p->x2); g_string_append_c(o, ' '); jm_svg_num(o, p->y2); g_string_append_c(o, ' ');
            break;
        case JM_OP_CLOSE: g_string_append_c(o, 'Z'); continue;
        }
        jm_svg_num(o, p->x); g_string_append_c(o, ' '); jm_svg_num(o, p->y);
    }
    g_string_append_c(o, '"');
}

static void rect_geometry(GString *o, double x, double y, double w, double h, double r) {
    if (w < 0) { x += w; w = -w; }
    if (h < 0) { y += h; h = -h; }
    r = fmin(fmax(r, 0), fmin(w, h) / 2);
    attr_num(o, "x", x); attr_num(o, "y", y); attr_num(o, "width", w); attr_num(o, "height", h);
    if (r > 0) attr_num(o, "rx", r);
}

static void write_rect(svg_writer *w, const jm_item *it) {
    if (it->paint.fill.a <= 0 && !(it->paint.stroke.a > 0 && it->paint.stroke_width > 0)) return;
    jm_put(w->body, "<rect");
    rect_geometry(w->body, it->x, it->y, it->w, it->h, it->radius);
    paint_attrs(w, &it->paint, false);
    jm_put(w->body, "/>\n");
}

/* As render.c's draw_path: the fill, the stroke stopping at the base of a filled head, then the
 * heads in the stroke colour (the fill's when there is no stroke). */
static void write_path(svg_writer *w, const jm_item *it) {
    if (!it->n_ops) return;
    const jm_paint *p = &it->paint;
    bool stroked = p->stroke.a > 0 && p->stroke_width > 0;
    if (p->fill.a > 0 || stroked) {
        double cut0 = jm_head_cuts_line(it->head_start) ? it->head_size : 0;
        double cut1 = jm_head_cuts_line(it->head_end) ? it->head_size : 0;
        jm_arrow a;
        if (cut0 > 0 && !jm_path_head(it->ops, it->n_ops, false, cut0, &a)) cut0 = 0;
        if (cut1 > 0 && !jm_path_head(it->ops, it->n_ops, true, cut1, &a)) cut1 = 0;
        if (p->fill.a > 0 && stroked && (cut0 > 0 || cut1 > 0)) {
            /* the fill keeps the whole outline; only the stroke is cut */
            jm_paint fill_only = *p;
            fill_only.stroke.a = 0;
            jm_put(w->body, "<path");
            write_ops(w->body, it->ops, it->n_ops);
            paint_attrs(w, &fill_only, true);
            jm_put(w->body, "/>\n");
            jm_paint stroke_only = *p;
            stroke_only.fill.a = 0;
            p = &stroke_only;
        }
        jm_path_op *ops = g_new(jm_path_op, it->n_ops);
        if (stroked && (cut0 > 0 || cut1 > 0)) jm_path_trim(it->ops, it->n_ops, cut0, cut1, ops);
        else memcpy(ops, it->ops, it->n_ops * sizeof *ops);
        jm_put(w->body, "<path");
        write_ops(w->body, ops, it->n_ops);
        paint_attrs(w, p, true);
        jm_put(w->body, "/>\n");
        g_free(ops);
    }
    jm_color hc = stroked ? it->paint.stroke : it->paint.fill;
    for (int end = 0; end < 2 && hc.a > 0; end++) {
        jm_head_shape sh;
        if (!jm_path_head_shape(it, end ? it->head_end : it->head_start, end, &sh)) continue;
        jm_put(w->body, "<path");
        write_ops(w->body, sh.ops, sh.n);
        head_attrs(w, sh.filled, sh.width, hc);
        jm_put(w->body, "/>\n");
    }
}

/* A picture as render.c draws it: scaled to cover the box, centred, clipped to the rounded box;
 * its PNG once in <defs>, however often it is drawn. A missing picture: grey box with a cross. */
static void write_image(svg_writer *w, const jm_item *it) {
    if (!(fabs(it->w) > 0) || !(fabs(it->h) > 0)) return;
    double x = fmin(it->x, it->x + it->w), y = fmin(it->y, it->y + it->h), bw = fabs(it->w), bh = fabs(it->h);
    const jm_image *im = it->image;
    GString *o = w->body;
    if (!im || im->width <= 0 || im->height <= 0) {
        jm_put(o, "<rect");
        rect_geometry(o, x, y, bw, bh, it->radius);
        jm_put(o, " fill=\"#e0e0e0\" stroke=\"#b3b3b3\"/>\n<path");
        jm_path_op cross[4] = { { .op = JM_OP_MOVE, .x = x, .y = y }, { .op = JM_OP_LINE, .x = x + bw, .y = y + bh },
                                { .op = JM_OP_MOVE, .x = x + bw, .y = y }, { .op = JM_OP_LINE, .x = x, .y = y + bh } };
        write_ops(o, cross, 4);
        jm_put(o, " stroke=\"#b3b3b3\" stroke-width=\"0.75\"/>\n");
        return;
    }
    gpointer id = g_hash_table_lookup(w->images, im);
    if (!id) {
        cairo_surface_t *img = cairo_image_surface_create_for_data((unsigned char *)im->argb, CAIRO_FORMAT_ARGB32,
                                                                   im->width, im->height, im->width * 4);
        id = GINT_TO_POINTER(g_hash_table_size(w->images) + 1);
        g_hash_table_insert(w->images, (gpointer)im, id);
        char *name = g_strdup_printf("picture-%d", GPOINTER_TO_INT(id));
        jm_svg_png_image(w->image_defs, name, img, im->width, im->height, NULL, 0);
        g_free(name);
        cairo_surface_destroy(img);
    }
    double k = fmax(bw / im->width, bh / im->height);
    int clip = ++w->clips;
    g_string_append_printf(o, "<clipPath id=\"clip-%d\"><rect", clip);
    rect_geometry(o, x, y, bw, bh, it->radius);
    g_string_append_printf(o, "/></clipPath>\n<g clip-path=\"url(#clip-%d)\"><use xlink:href=\"#picture-%d\" transform=\"translate(",
                           clip, GPOINTER_TO_INT(id));
    jm_svg_num(o, x + (bw - im->width * k) / 2);
    g_string_append_c(o, ' ');
    jm_svg_num(o, y + (bh - im->height * k) / 2);
    g_string_append_printf(o, ") scale(%.6f)\"/></g>\n", k);
}

/* Groups
 * ------
 * Each named group of the scene is a <g id class aria-label> around its items. The painter's
 * order comes first, so a group whose items are not all consecutive (a part drawn in two layers)
 * is opened again later: with its class and a data-group naming it, the id being written once. */
static bool valid_group(const jm_scene *s, int g) { return g >= 0 && (size_t)g < s->n_groups; }

static void open_group(svg_writer *w, const jm_scene *s, int g) {
    const jm_group *gr = &s->groups[g];
    GString *o = w->body;
    jm_put(o, "<g");
    if (!w->opened[g]) {
        jm_put(o, " id=\"");
        jm_xml_escape(o, gr->id, -1);
        g_string_append_c(o, '"');
    } else {
        jm_put(o, " data-group=\"");
        jm_xml_escape(o, gr->id, -1);
        g_string_append_c(o, '"');
    }
    jm_put(o, " class=\"");
    jm_xml_escape(o, gr->cls, -1);
    g_string_append_c(o, '"');
    if (gr->label && *gr->label && !w->opened[g]) {
        jm_put(o, " aria-label=\"");
        jm_xml_escape(o, gr->label, -1);
        g_string_append_c(o, '"');
    }
    jm_put(o, ">\n");
    w->opened[g] = true;
    g_array_append_val(w->open, g);
}

/* Closes and opens <g> elements so that exactly the chain of `leaf` (and its parents) is open. */
static void enter_group(svg_writer *w, const jm_scene *s, int leaf) {
    int chain[32], n = 0;
    for (int g = leaf; valid_group(s, g) && n < 32; g = s->groups[g].parent) chain[n++] = g;
    /* chain[n-1] is the outermost: keep the common prefix of what is open */
    guint keep = 0;
    while (keep < w->open->len && (int)keep < n && g_array_index(w->open, int, keep) == chain[n - 1 - keep]) keep++;
    while (w->open->len > keep) {
        jm_put(w->body, "</g>\n");
        g_array_set_size(w->open, w->open->len - 1);
    }
    for (int k = n - 1 - (int)keep; k >= 0; k--) open_group(w, s, chain[k]);
}

/* Links: consecutive items with the same url (what one linked stage, card or participant draws)
 * inside one <a>, itself inside their group. */
static void link_to(svg_writer *w, const char *url) {
    if (w->link && (!url || strcmp(url, w->link) != 0)) {
        jm_put(w->body, "</a>\n");
        w->link = NULL;
    }
    if (url && !w->link) {
        jm_put(w->body, "<a href=\"");
        jm_xml_escape(w->body, url, -1);
        jm_put(w->body, "\">\n");
        w->link = url;
    }
}

static void write_items(svg_writer *w, const jm_scene *s, const jm_scene *dark) {
    w->opened = g_new0(bool, s->n_groups + 1);
    int group = -1;
    for (size_t i = 0; i < s->n_items; i++) {
        const jm_item *it = &s->items[i];
        if (!jm_item_drawable(it)) continue;
        w->light = it;
        w->dark = dark ? &dark->items[i] : NULL;
        if (it->group != group) link_to(w, NULL);
        enter_group(w, s, group = it->group);
        link_to(w, it->url);
        switch (it->kind) {
        case JM_ITEM_RECT: write_rect(w, it); break;
        case JM_ITEM_PATH: write_path(w, it); break;
        case JM_ITEM_TEXT: jm_svg_text_item(w->text, w->body, it, w->dark); break;
        case JM_ITEM_IMAGE: write_image(w, it); break;
        }
    }
    link_to(w, NULL);
    enter_group(w, s, -1);
    w->light = w->dark = NULL;
    g_free(w->opened);
}

static void write_title(GString *o, const char *tag, const char *id, const char *text) {
    g_string_append_printf(o, "<%s id=\"%s\">", tag, id);
    jm_xml_escape(o, text, -1);
    g_string_append_printf(o, "</%s>\n", tag);
}

/* --style auto: the page of doc->dark that draws what `s` draws, item for item (the same layout in
 * the dark style: only colours differ), or NULL. */
static const jm_scene *dark_twin(const jm_doc *doc, const jm_scene *s) {
    if (!doc || !doc->dark) return NULL;
    for (size_t i = 0; i < doc->n_pages && i < doc->dark->n_pages; i++) {
        if (doc->pages[i].scene != s) continue;
        const jm_scene *d = doc->dark->pages[i].scene;
        if (d->n_items != s->n_items) return NULL;
        for (size_t k = 0; k < s->n_items; k++)
            if (d->items[k].kind != s->items[k].kind || d->items[k].x != s->items[k].x || d->items[k].y != s->items[k].y)
                return NULL;
        return d;
    }
    return NULL;
}

bool jm_output_svg(const jm_doc *doc, const jm_scene *s, const jm_output_opts *o, GByteArray *out,
                   const char *path, jm_diags *d) {
    if (o->svg_paths) return jm_output_svg_paths(doc, s, o, out, path, d);
    jm_svg_classes *classes = jm_svg_classes_new();
    svg_writer w = { .body = g_string_new(NULL), .classes = classes, .text = jm_svg_text_new(classes),
                     .images = g_hash_table_new(g_direct_hash, g_direct_equal), .image_defs = g_string_new(NULL),
                     .open = g_array_new(FALSE, FALSE, sizeof(int)), .css = g_string_new(NULL),
                     .dark_css = g_string_new(NULL) };
    double ow, oh;
    jm_output_size(s, o, &ow, &oh);
    const jm_scene *dark = dark_twin(doc, s);
    bool canvas = o->canvas_w > 0 && o->canvas_h > 0 && s->width > 0 && s->height > 0;
    if (!o->transparent && s->background.a > 0) {
        jm_put(w.body, "<rect");
        rect_geometry(w.body, 0, 0, ow, oh, 0);
        jm_item bg = { .paint.fill = s->background }, dark_bg = { .paint.fill = dark ? dark->background : s->background };
        w.light = &bg;
        w.dark = dark ? &dark_bg : NULL;
        paint_attrs(&w, &bg.paint, false);
        w.light = w.dark = NULL;
        jm_put(w.body, "/>\n");
    }
    if (canvas) {
        double k = fmin(o->canvas_w / s->width, o->canvas_h / s->height);
        jm_put(w.body, "<g transform=\"translate(");
        jm_svg_num(w.body, (o->canvas_w - s->width * k) / 2);
        g_string_append_c(w.body, ' ');
        jm_svg_num(w.body, (o->canvas_h - s->height * k) / 2);
        g_string_append_printf(w.body, ") scale(%.6f)\">\n", k);
    }
    write_items(&w, s, dark);
    if (canvas) jm_put(w.body, "</g>\n");

    GString *head = g_string_new("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                 "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"");
    attr_num(head, "width", ow);
    attr_num(head, "height", oh);
    jm_put(head, " viewBox=\"0 0 ");
    jm_svg_num(head, ow);
    g_string_append_c(head, ' ');
    jm_svg_num(head, oh);
    jm_put(head, "\" xml:space=\"preserve\" role=\"img\"");
    const char *title = jm_output_title(doc, s), *desc = jm_output_desc(doc, s);
    bool has_title = title && *title, has_desc = desc && *desc;
    if (has_title || has_desc)
        g_string_append_printf(head, " aria-labelledby=\"%s%s%s\"", has_title ? "title" : "",
                               has_title && has_desc ? " " : "", has_desc ? "desc" : "");
    jm_put(head, ">\n");
    if (has_title) write_title(head, "title", "title", title);
    if (has_desc) write_title(head, "desc", "desc", desc);
    jm_put(head, "<style>\n");
    jm_svg_classes_css(classes, head);
    bool ok = jm_svg_text_defs(w.text, head, path, d);
    jm_put(head, "</style>\n");
    if (ok) jm_svg_text_emoji_defs(w.text, head);
    if (ok && w.image_defs->len) g_string_append_printf(head, "<defs>\n%s</defs>\n", w.image_defs->str);
    if (ok) {
        g_byte_array_append(out, (const guint8 *)head->str, (guint)head->len);
        g_byte_array_append(out, (const guint8 *)w.body->str, (guint)w.body->len);
        g_byte_array_append(out, (const guint8 *)"</svg>\n", 7);
    }
    g_string_free(head, TRUE);
    g_string_free(w.body, TRUE);
    g_string_free(w.image_defs, TRUE);
    g_hash_table_destroy(w.images);
    g_array_free(w.open, TRUE);
    g_string_free(w.css, TRUE);
    g_string_free(w.dark_css, TRUE);
    jm_svg_text_free(w.text);
    jm_svg_classes_free(classes);
    return ok;
}
