/* journeymap.h - libjourneymap, the journeymap library: customer journeys (journeymap YAML, Mermaid
 * journey, flowchart and sequence diagrams, Markdown journey documents) drawn as funnel, sequence,
 * emotions and map views, to PNG, SVG or PDF in memory, or onto a cairo_t the caller owns.
 *
 * The journeymap command line is a client of this library: what the library draws is, byte for
 * byte, what `journeymap FILE --view V -T FMT ...` writes with the same options.
 *
 * A drawing in ten lines (examples/render_png.c is the whole program):
 *
 *     jm_context_t *ctx = jm_context_create (NULL);
 *     jm_journey_t *journey;
 *     if (jm_journey_load_buffer (ctx, text, strlen (text), "petra.yaml", JM_SOURCE_AUTO,
 *                                 &journey) == JM_STATUS_OK) {
 *         jm_options_t *opt = jm_options_create ();
 *         jm_options_set (opt, "view", "emotions");
 *         unsigned char *png; size_t len;
 *         if (jm_render_to_buffer (ctx, journey, opt, &png, &len) == JM_STATUS_OK) ... jm_free (png);
 *         jm_options_destroy (opt);
 *         jm_journey_destroy (journey);
 *     }
 *     jm_context_destroy (ctx);
 *
 * Compile with `cc app.c $(pkg-config --cflags --libs journeymap)`.
 *
 * CONVENTIONS
 *
 * Objects are opaque and made by a _create or _load function, ended by the matching _destroy
 * (NULL is accepted by every _destroy). Strings passed in are copied; strings handed out belong
 * to the object they came from and live until it is destroyed or, for diagnostics, until the next
 * call on the same context. Lengths are in bytes; sizes of drawings in px at scale 1 (= pt).
 *
 * ERRORS
 *
 * Every function that can fail returns a jm_status_t; the details are in the context's
 * diagnostics (jm_context_diagnostic): each names the file, line and column it is about, as the
 * command line prints them. The library never prints, never calls exit() and never aborts on bad
 * input; the only exception is memory exhaustion, which ends the process as it does in GLib, on
 * whose allocator the library is built.
 *
 * THREADS
 *
 * The library has no global mutable state. A context holds the text service (the pinned fonts,
 * a Pango context and its cache of measured text) and the built-in styles: it is NOT safe to use
 * one context from two threads at once. Use one context per thread (creating contexts from
 * several threads at once is safe); a journey and an options object are used with one context at
 * a time, from that context's thread.
 *
 * Pango reads $PANGO_LANGUAGE and $LANGUAGE once per process to choose glyph forms for Han text;
 * the command line sets PANGO_LANGUAGE=en before its first Pango call, and a program that wants
 * output identical to the command line's for CJK text does the same (setenv before the first
 * jm_context_create; the library does not change the environment of its host).
 *
 * DATA
 *
 * The library draws only with its bundled fonts and styles (a "data folder" holding fonts/ and
 * styles/, installed as PREFIX/share/journeymap), never with the system's fonts, so a drawing is
 * the same on every machine. See jm_context_create for how the folder is found.
 */
#ifndef JOURNEYMAP_H
#define JOURNEYMAP_H

#include <stddef.h>
#include <cairo.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Only the functions marked JM_PUBLIC are exported from the shared library. */
#if defined(JM_BUILDING_LIBRARY) && defined(__GNUC__)
#define JM_PUBLIC __attribute__((visibility("default")))
#else
#define JM_PUBLIC
#endif

/* ---- version ---- */

#define JM_VERSION_MAJOR 0
#define JM_VERSION_MINOR 1
#define JM_VERSION_MICRO 0
#define JM_VERSION_STRING "0.1.0"
#define JM_VERSION_ENCODE(major, minor, micro) ((major) * 10000 + (minor) * 100 + (micro))
#define JM_VERSION JM_VERSION_ENCODE(JM_VERSION_MAJOR, JM_VERSION_MINOR, JM_VERSION_MICRO)

/* jm_version:
 * The version of the library the program runs with, e.g. "0.1.0" (JM_VERSION_STRING is the
 * version it was compiled against). */
JM_PUBLIC const char *jm_version (void);

/* ---- status ---- */

/* jm_status_t:
 * What a call came to. The values are the command line's exit codes for the same failure. */
typedef enum {
    JM_STATUS_OK = 0,     /* success */
    JM_STATUS_INPUT = 1,  /* the journey (or a style file it names) is unreadable or wrong, it
                           * cannot be drawn as the view asked for, or a PNG would be larger
                           * than the PNG budget: see the diagnostics */
    JM_STATUS_USAGE = 2,  /* a bad argument: NULL where an object is needed, an unknown option,
                           * an option value out of range, options that do not go together */
    JM_STATUS_OUTPUT = 3, /* the write callback failed, or cairo reported an error drawing */
    JM_STATUS_DATA = 5    /* the data folder (fonts and styles) is missing or broken: the
                           * context cannot draw */
} jm_status_t;

/* jm_status_to_string:
 * A short English description of `status` ("bad input"), never NULL. */
JM_PUBLIC const char *jm_status_to_string (jm_status_t status);

/* ---- the context ---- */

typedef struct _jm_context jm_context_t;

/* jm_context_create:
 * @data_dir: the folder holding fonts/ and styles/, or NULL to find it
 *
 * Makes a context: loads the pinned font set (fonts/fontset.txt) once and keeps a text service
 * and the built-in styles for every drawing made with it. Creating one costs about as much as a
 * small drawing; reuse it.
 *
 * With @data_dir NULL the data folder is, the first that holds styles/default.yaml:
 *   1. $JOURNEYMAP_DATADIR;
 *   2. beside the file that holds the library's code (the shared library, or the program it is
 *      linked into): its folder's parent (a build tree: build/libjourneymap.so), then
 *      ../share/journeymap and ../../share/journeymap from its folder (PREFIX/lib and a
 *      multiarch PREFIX/lib/TRIPLET, both giving PREFIX/share/journeymap);
 *   3. the same beside the running program (/proc/self/exe).
 * No path is compiled in, so an installed tree can be moved or installed under any PREFIX.
 *
 * Returns a new context, never NULL (memory exhaustion aside). Check jm_context_status: a context
 * whose data could not be loaded has JM_STATUS_DATA, a diagnostic saying why, and fails every
 * drawing with JM_STATUS_DATA; it must still be destroyed. */
JM_PUBLIC jm_context_t *jm_context_create (const char *data_dir);

/* jm_context_status:
 * JM_STATUS_OK for a context that can draw, JM_STATUS_DATA when its data could not be loaded,
 * JM_STATUS_USAGE for NULL. */
JM_PUBLIC jm_status_t jm_context_status (const jm_context_t *ctx);

/* jm_context_data_dir:
 * The data folder the context uses (or looked for last), owned by the context. */
JM_PUBLIC const char *jm_context_data_dir (const jm_context_t *ctx);

/* jm_context_destroy:
 * Frees the context and its diagnostics. Journeys loaded with it stay valid. */
JM_PUBLIC void jm_context_destroy (jm_context_t *ctx);

/* ---- diagnostics ---- */

typedef enum {
    JM_SEVERITY_ERROR = 0,
    JM_SEVERITY_WARNING = 1,
    JM_SEVERITY_NOTE = 2
} jm_severity_t;

/* jm_diagnostic_t:
 * One message about the input or the drawing. Owned by the context; read only. Later versions
 * may add fields at the end (the library allocates these records, callers never do). */
typedef struct {
    jm_severity_t severity;
    const char *file;     /* the input's name as given to the load function, a style file, or
                           * NULL when the message is about no file */
    int line, column;     /* 1-based position in `file`; 0 when not known */
    const char *message;  /* what is wrong, one sentence, English, no trailing newline */
    const char *hint;     /* what to do about it ("did you mean 'stages'?"), or NULL */
} jm_diagnostic_t;

/* jm_context_diagnostic_count:
 * The number of diagnostics of the last call made with @ctx (each call that takes a context
 * starts with none). Warnings can come with JM_STATUS_OK. */
JM_PUBLIC size_t jm_context_diagnostic_count (const jm_context_t *ctx);

/* jm_context_diagnostic:
 * Diagnostic @index (from 0) of the last call, in the order they were found; NULL past the end.
 * Valid until the next call with @ctx. */
JM_PUBLIC const jm_diagnostic_t *jm_context_diagnostic (const jm_context_t *ctx, size_t index);

/* jm_context_diagnostics_text:
 * The last call's diagnostics as the command line prints them: "file:line:col: error: message",
 * the source line and a caret under the column. A new NUL-terminated string (free it with
 * jm_free); "" when there are none. */
JM_PUBLIC char *jm_context_diagnostics_text (const jm_context_t *ctx);

/* ---- journeys ---- */

typedef struct _jm_journey jm_journey_t;

/* jm_source_kind_t:
 * What a text is read as. */
typedef enum {
    JM_SOURCE_AUTO = 0,    /* as the command line does: a name ending .md or .markdown is a
                            * Markdown journey document, a .mmd name or a Mermaid header
                            * ("journey", "flowchart", "sequenceDiagram") Mermaid, else YAML */
    JM_SOURCE_YAML = 1,    /* journeymap YAML */
    JM_SOURCE_MERMAID = 2, /* a Mermaid journey, flowchart or sequence diagram */
    JM_SOURCE_MARKDOWN = 3 /* a Markdown journey document */
} jm_source_kind_t;

/* jm_journey_load_buffer:
 * @ctx: the context whose diagnostics receive the problems
 * @data: the text, UTF-8, not necessarily NUL-terminated
 * @length: bytes of @data (at most 8 MiB, the command line's limit)
 * @name: the input's name in diagnostics, and the file whose folder relative paths in it (a
 *        persona image, a style file) are resolved against: "docs/petra.yaml" reads images from
 *        docs/. NULL: "<buffer>", resolved against the current folder
 * @kind: what the text is
 * @journey: set to the new journey, or NULL on failure
 *
 * Reads and validates the whole journey (every problem is a diagnostic at its line and column).
 * Returns JM_STATUS_OK, JM_STATUS_INPUT when the text is wrong, JM_STATUS_USAGE for a NULL
 * argument. The journey does not refer to @data, nor to @ctx after the call. */
JM_PUBLIC jm_status_t jm_journey_load_buffer (jm_context_t *ctx, const char *data, size_t length,
                                              const char *name, jm_source_kind_t kind,
                                              jm_journey_t **journey);

/* jm_journey_load_file:
 * As jm_journey_load_buffer, reading @path ("-" is standard input); @path is the name. A file
 * that cannot be read is JM_STATUS_INPUT. */
JM_PUBLIC jm_status_t jm_journey_load_file (jm_context_t *ctx, const char *path, jm_source_kind_t kind,
                                            jm_journey_t **journey);

/* jm_journey_destroy:
 * Frees the journey. */
JM_PUBLIC void jm_journey_destroy (jm_journey_t *journey);

/* jm_journey_title:
 * The journey's title, or NULL when it has none; owned by the journey. */
JM_PUBLIC const char *jm_journey_title (const jm_journey_t *journey);

/* jm_journey_view_count:
 * How many views the journey can be drawn as (what `journeymap --list-views` prints). */
JM_PUBLIC size_t jm_journey_view_count (const jm_journey_t *journey);

/* jm_journey_view_name:
 * The name of supported view @index ("funnel", "sequence", "emotions", "map"), in the command
 * line's order; NULL past the end. Owned by the library. */
JM_PUBLIC const char *jm_journey_view_name (const jm_journey_t *journey, size_t index);

/* ---- drawing options ---- */

typedef struct _jm_options jm_options_t;

/* jm_options_create:
 * A new set of drawing options, all at their defaults: the journey's first view (or its
 * `views:`), its own style (or "default"), PNG at scale 1, the view's natural width. */
JM_PUBLIC jm_options_t *jm_options_create (void);

/* jm_options_copy:
 * A new options object with the settings of @options. */
JM_PUBLIC jm_options_t *jm_options_copy (const jm_options_t *options);

/* jm_options_destroy:
 * Frees the options. */
JM_PUBLIC void jm_options_destroy (jm_options_t *options);

/* jm_options_set:
 * @name: an option, named as the command line's long option without "--"
 * @value: its value as text, as on the command line; NULL sets the option back to its default.
 *         The flags (fit, thoughts, no-estimate) take "true" or "false".
 *
 *   view         funnel, sequence, emotions, map, or all (to PDF: the handout; to PNG or SVG
 *                one page per view, see page-number)
 *   format       png, svg or pdf (default png)
 *   style        default, print, dark, or a style file's path
 *   width        canvas width in px at scale 1, 100 to 20000
 *   scale        PNG pixels per px, 0.1 to 8
 *   dpi          resolution recorded in the PNG, 1 to 10000 (default 96 x scale)
 *   page         PDF page size: A0..A5, B0..B5, Letter, Legal, Tabloid[-landscape], WxH+unit
 *   margin       page margin in pt with page, 0 to 144 (default 36)
 *   fit          PDF: the view on one page of paper (true/false)
 *   slide        16:9 or 4:3: the view fitted to a slide
 *   svg-text     text (default) or paths
 *   background   #rrggbb or transparent
 *   thoughts     emotions view: thoughts as quote callouts (true/false)
 *   no-estimate  emotions without a score are not estimated from emoji and words (true/false)
 *   page-number  which page of a drawing of several pages (a deck of slides, view all) a PNG,
 *                an SVG or jm_render_to_cairo draws, from 1 (default 1); a PDF has them all
 *
 * Returns JM_STATUS_OK, or JM_STATUS_USAGE for an unknown name or a flag that is not true or
 * false. Other values are checked when drawing (JM_STATUS_USAGE with a diagnostic such as
 * "--scale must be a number from 0.1 to 8, not '9'"), where the options are checked together. */
JM_PUBLIC jm_status_t jm_options_set (jm_options_t *options, const char *name, const char *value);

/* jm_options_get:
 * The value of option @name as set, or NULL when it is at its default (or unknown); owned by
 * @options. */
JM_PUBLIC const char *jm_options_get (const jm_options_t *options, const char *name);

/* ---- drawing ---- */

/* jm_write_func_t:
 * Receives the bytes of a drawing in order, in one call or several. Returns 0 on success; any
 * other value stops the drawing with JM_STATUS_OUTPUT. */
typedef int (*jm_write_func_t) (void *closure, const unsigned char *data, size_t length);

/* jm_render:
 * Lays out the journey with @options (NULL: the defaults) and encodes it in the options' format,
 * handing the bytes to @write. Nothing is written when the drawing fails before encoding.
 * Returns JM_STATUS_OK; JM_STATUS_USAGE for bad options; JM_STATUS_INPUT when the journey
 * cannot be drawn so (a view it lacks the data for, a style file that is wrong, a PNG over the
 * budget); JM_STATUS_OUTPUT when @write fails; JM_STATUS_DATA for a context without data. */
JM_PUBLIC jm_status_t jm_render (jm_context_t *ctx, const jm_journey_t *journey, const jm_options_t *options,
                                 jm_write_func_t write, void *closure);

/* jm_render_to_buffer:
 * As jm_render, into a new buffer: *@data (free it with jm_free) of *@length bytes. On failure
 * *@data is NULL and *@length 0. */
JM_PUBLIC jm_status_t jm_render_to_buffer (jm_context_t *ctx, const jm_journey_t *journey,
                                           const jm_options_t *options, unsigned char **data, size_t *length);

/* jm_render_size:
 * The size of the drawing in px at scale 1 (pt): of page page-number, or of the slide. Any
 * pointer may be NULL; *@pages receives the number of pages (PDF pages, slides, views of
 * "all"). Same statuses as jm_render. */
JM_PUBLIC jm_status_t jm_render_size (jm_context_t *ctx, const jm_journey_t *journey, const jm_options_t *options,
                                      double *width, double *height, size_t *pages);

/* jm_render_to_cairo:
 * Draws page page-number of the drawing on @cr, which the caller owns: the background (unless
 * transparent), then the drawing, at 1 user unit per px at scale 1, from the user-space origin,
 * jm_render_size big (with a slide, the slide's canvas and the view fitted into it). Set any
 * scale or translation on @cr first; the format, scale, dpi and svg-text options do not apply,
 * nor does the paper: a printed page's running head and page number are the PDF writer's.
 * @cr's state is saved and restored. Returns JM_STATUS_OUTPUT when @cr is (or ends) in an error
 * status, else as jm_render. */
JM_PUBLIC jm_status_t jm_render_to_cairo (jm_context_t *ctx, const jm_journey_t *journey,
                                          const jm_options_t *options, cairo_t *cr);

/* jm_free:
 * Frees memory the library handed out (jm_render_to_buffer, jm_context_diagnostics_text). */
JM_PUBLIC void jm_free (void *data);

#ifdef __cplusplus
}
#endif

#endif /* JOURNEYMAP_H */
