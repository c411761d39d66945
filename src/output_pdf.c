/* output_pdf.c - the PDF encoder: one PDF page per document page, each scene at its own size or
 * fitted into a given page size (under a running head, over a foot, when the page has them);
 * metadata with a fixed date and an outline entry per page, nested pages under their section's
 * (two on a page that two sections share). */
#include "output_internal.h"
#include "render.h"
#include <cairo-pdf.h>
#include <math.h>
#include <string.h>

/* Where a scene goes on its page: a page size and the scene's scale and offset on it. */
typedef struct { double page_w, page_h, scale, dx, dy; } placement;

/* Without a page size the page is the scene. With one, the scene is scaled to the width inside
 * the margins (and down to the height if it is too tall), keeping its aspect, centred
 * horizontally and set at the top margin:
 *
 *    +-------------page_w--------------+
 *    |  margin                         |
 *    |    +--scene * scale----------+  |
 *    |    |                         |  |
 *    |    +-------------------------+  |
 *    |                                 |
 *    +---------------------------------+
 */
static placement place(const jm_scene *s, const jm_output_opts *o, double head, double foot) {
    double k = jm_output_fit(s, o), aw, ah;
    jm_output_area(o, &aw, &ah);
    if (!(aw > 0)) return (placement){ s->width, s->height, 1, 0, 0 };
    if (!(o->page_w > 0 && o->page_h > 0))   /* a slide: fitted, centred */
        return (placement){ aw, ah, k, (aw - s->width * k) / 2, (ah - s->height * k) / 2 };
    double m = (o->page_h - ah) / 2;
    if (head + foot > 0 && ah - head - foot > 0) {   /* a running head and foot: the scene between */
        ah -= head + foot;
        k = jm_scene_fit_box(s, aw, ah);   /* as --check-layout measures it (target.c) */
        return (placement){ o->page_w, o->page_h, k, (o->page_w - s->width * k) / 2, m + head };
    }
    return (placement){ o->page_w, o->page_h, k, (o->page_w - s->width * k) / 2, m };
}

/* The outline title of page i: its bookmark, else its view, else "Page N". Valid UTF-8. */
static char *outline_name(const jm_page *p, size_t i) {
    const char *name = p->bookmark && *p->bookmark ? p->bookmark : p->view && *p->view ? p->view : NULL;
    return name ? g_utf8_make_valid(name, -1) : g_strdup_printf("Page %zu", i + 1);
}

static void set_meta(cairo_surface_t *surface, cairo_pdf_metadata_t key, const char *value) {
    if (!value || !*value) return;
    char *valid = g_utf8_make_valid(value, -1);
    cairo_pdf_surface_set_metadata(surface, key, valid);
    g_free(valid);
}

bool jm_output_pdf(const jm_doc *doc, const jm_output_opts *o, GByteArray *out, const char *path, jm_diags *d) {
    placement first = place(doc->pages[0].scene, o, 0, 0);
    cairo_surface_t *surface = cairo_pdf_surface_create_for_stream(jm_output_append, out, first.page_w, first.page_h);
    char date[32];
    jm_output_date(date);
    const jm_scene *s0 = doc->pages[0].scene;
    set_meta(surface, CAIRO_PDF_METADATA_TITLE, doc->title && *doc->title ? doc->title : s0->title);
    set_meta(surface, CAIRO_PDF_METADATA_SUBJECT, doc->subject && *doc->subject ? doc->subject : s0->desc);
    set_meta(surface, CAIRO_PDF_METADATA_AUTHOR, doc->author);
    set_meta(surface, CAIRO_PDF_METADATA_CREATOR, "journeymap");
    set_meta(surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
    set_meta(surface, CAIRO_PDF_METADATA_MOD_DATE, date);
    cairo_t *cr = cairo_create(surface);
    int parent = 0;   /* the outline entry nested pages go under */
    for (size_t i = 0; i < doc->n_pages; i++) {
        const jm_scene *s = doc->pages[i].scene;
        const jm_page *pg = &doc->pages[i];
        placement p = place(s, o, pg->furniture ? pg->head : 0, pg->furniture ? pg->foot : 0);
        cairo_pdf_surface_set_size(surface, p.page_w, p.page_h);
        if (!(o->page_w > 0) && o->canvas_w > 0 && !o->transparent && s->background.a > 0) {
            cairo_set_source_rgba(cr, s->background.r, s->background.g, s->background.b, s->background.a);
            cairo_paint(cr);   /* a slide: the background fills it all */
        }
        cairo_save(cr);
        cairo_translate(cr, p.dx, p.dy);
        cairo_scale(cr, p.scale, p.scale);
        cairo_rectangle(cr, 0, 0, s->width, s->height);
        cairo_clip(cr);
        jm_render_scene(cr, s, o->transparent);
        cairo_restore(cr);
        if (pg->furniture && o->page_w > 0) {   /* at scale 1 over the content box */
            cairo_save(cr);
            cairo_translate(cr, (o->page_w - pg->furniture->width) / 2, (o->page_h - pg->furniture->height) / 2);
            jm_render_scene(cr, pg->furniture, true);
            cairo_restore(cr);
        }
        char *name = outline_name(pg, i);
        char *link = g_strdup_printf("page=%zu", i + 1);
        int id = cairo_pdf_surface_add_outline(surface, pg->nested && parent ? parent : CAIRO_PDF_OUTLINE_ROOT, name,
                                               link, 0);
        if (!pg->nested) parent = id;
        if (pg->next_bookmark) {   /* a second section starts on this page: its pages nest under it */
            char *next = g_utf8_make_valid(pg->next_bookmark, -1);
            parent = cairo_pdf_surface_add_outline(surface, CAIRO_PDF_OUTLINE_ROOT, next, link, 0);
            g_free(next);
        }
        g_free(link);
        g_free(name);
        cairo_show_page(cr);
    }
    return jm_output_finish(cr, surface, d, path, "drawing the PDF");
}
