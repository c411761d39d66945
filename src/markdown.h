/* markdown.h - Markdown mode: a page whose ```mermaid blocks (a journey, a sequenceDiagram or a
 * flowchart that is one chain of stages) and ```journey blocks (journey YAML) are drawn to image
 * files and replaced by image links, everything else in the page kept byte for byte.
 *
 * The page is parsed with cmark-gfm (CommonMark, with each block's source lines and columns), so
 * a fence inside a list item or a block quote, a ~~~ fence, an unclosed fence or a fence inside
 * an HTML comment are what a CommonMark renderer says they are. Nothing is written until every
 * block has drawn: jm_md_render draws into memory, jm_md_commit writes. */
#ifndef JM_MARKDOWN_H
#define JM_MARKDOWN_H
#include <glib.h>
#include <stdbool.h>
#include "diag.h"
#include "docs.h"

typedef struct {
    const char *image_dir;       /* images go here; NULL: the output page's folder */
    const char *link_prefix;     /* a link is this + the image's name; NULL: the relative path
                                  * from the output page's folder to the image */
    bool strict;                 /* a block journeymap does not draw is an error, not a warning */
} jm_md_opts;

typedef struct jm_md_page jm_md_page;

/* Draws the page `text` (`len` bytes, named `name` in diagnostics, which also resolves the
 * blocks' relative style and persona image paths) for the output page `out_md`: block N that
 * draws becomes OUT-N.EXT (OUT: out_md's name without extension, EXT: dr->format) in the image
 * folder, its link `![title](link)`. The page text is registered with `d`, and every block's
 * diagnostic is at its line and column in the page. A block that is Mermaid journeymap does not
 * draw (another diagram kind, a flowchart that branches) stays as it is, with a warning at its
 * fence (an error with o->strict). With dr->check_only blocks are loaded, not drawn. Files the
 * drawings read (styles, persona images) are appended to `used` (may be NULL). NULL after any
 * error: then nothing is kept to write. */
jm_md_page *jm_md_render(const char *name, const char *text, size_t len, const char *out_md, const jm_md_opts *o,
                         const jm_drawer *dr, jm_tools *tools, GPtrArray *used, jm_diags *d);

/* Writes the images, then the page (creating their folders); each file atomically. When a
 * write fails, the images this call created are removed again. False after a diagnostic. */
bool jm_md_commit(const jm_md_page *p, jm_diags *d);

/* The number of images the page links to; the path of image i (0-based). */
size_t jm_md_page_images(const jm_md_page *p);
const char *jm_md_page_image(const jm_md_page *p, size_t i);

void jm_md_page_free(jm_md_page *p);
#endif
