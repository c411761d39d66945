/* output.c - writes a document: an encoder (output_png.c, _svg.c, _pdf.c) fills a memory buffer,
 * then the bytes go to stdout, a pipe or device, or a temporary file renamed over the target. */
#include "output.h"
#include "output_internal.h"
#include "render.h"
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define FIXED_DATE 1704067200   /* 2024-01-01T00:00:00Z: PDFs carry no wall-clock time */

bool jm_format_parse(const char *name, jm_format *out) {
    if (!name) return false;
    if (!g_ascii_strcasecmp(name, "png")) *out = JM_FMT_PNG;
    else if (!g_ascii_strcasecmp(name, "svg")) *out = JM_FMT_SVG;
    else if (!g_ascii_strcasecmp(name, "pdf")) *out = JM_FMT_PDF;
    else return false;
    return true;
}

const char *jm_format_ext(jm_format f) {
    switch (f) {
    case JM_FMT_PNG: return "png";
    case JM_FMT_SVG: return "svg";
    case JM_FMT_PDF: return "pdf";
    }
    return "png";
}

/* SOURCE_DATE_EPOCH (seconds since 1970, UTC) when it is set to a valid number, else the fixed
 * date: the output never depends on the clock. */
const char *jm_output_date(char buf[32]) {
    time_t t = FIXED_DATE;
    const char *env = getenv("SOURCE_DATE_EPOCH");
    if (env && *env) {
        char *end;
        errno = 0;
        long long v = strtoll(env, &end, 10);
        if (!errno && *end == '\0' && v >= 0 && v <= 253402300799LL) t = (time_t)v;  /* up to year 9999 */
    }
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

static bool has_canvas(const jm_output_opts *o) {
    return o->canvas_w > 0 && o->canvas_h > 0 && isfinite(o->canvas_w) && isfinite(o->canvas_h);
}

void jm_output_area(const jm_output_opts *o, double *w, double *h) {
    *w = *h = 0;
    if (o->format == JM_FMT_PDF && o->page_w > 0 && o->page_h > 0) {
        double m = o->margin > 0 ? o->margin : 0;
        *w = o->page_w - 2 * m;
        *h = o->page_h - 2 * m;
        if (*w <= 0 || *h <= 0) { *w = o->page_w; *h = o->page_h; }   /* margins wider than the page: none */
    } else if (has_canvas(o)) {
        *w = o->canvas_w;
        *h = o->canvas_h;
    }
}

double jm_output_fit(const jm_scene *s, const jm_output_opts *o) {
    double w, h;
    jm_output_area(o, &w, &h);
    if (!(w > 0) || !(s->width > 0) || !(s->height > 0)) return 1;
    return fmin(w / s->width, h / s->height);
}

void jm_output_size(const jm_scene *s, const jm_output_opts *o, double *w, double *h) {
    *w = has_canvas(o) ? o->canvas_w : s->width;
    *h = has_canvas(o) ? o->canvas_h : s->height;
}

/*  With a canvas (a slide), one scale k = min(cw / sw, ch / sh) for both axes, so text is drawn
 *  as it was measured, only smaller or larger, and the scene centred:
 *
 *    +------------------- cw -------------------+
 *    |  background  +--- sw * k ---+             |
 *    |              |    scene     |  sh * k     |  ch
 *    |              +--------------+             |
 *    +-------------------------------------------+ */
void jm_output_paint(cairo_t *cr, const jm_scene *s, const jm_output_opts *o, bool visible_only) {
    void (*render)(cairo_t *, const jm_scene *, bool) = visible_only ? jm_render_scene_visible : jm_render_scene;
    if (!has_canvas(o)) {
        render(cr, s, o->transparent);
        return;
    }
    double k = fmin(o->canvas_w / s->width, o->canvas_h / s->height);   /* jm_output_fit */
    cairo_save(cr);
    if (!o->transparent && s->background.a > 0) {
        cairo_set_source_rgba(cr, s->background.r, s->background.g, s->background.b, s->background.a);
        cairo_rectangle(cr, 0, 0, o->canvas_w, o->canvas_h);
        cairo_fill(cr);
    }
    cairo_translate(cr, (o->canvas_w - s->width * k) / 2, (o->canvas_h - s->height * k) / 2);
    cairo_scale(cr, k, k);
    render(cr, s, o->transparent);
    cairo_restore(cr);
}

bool jm_output_png_size(const jm_scene *s, const jm_output_opts *o, double *w, double *h) {
    double scale = o->scale > 0 && isfinite(o->scale) ? o->scale : 1;
    double ow, oh;
    jm_output_size(s, o, &ow, &oh);
    *w = fmax(ceil(ow * scale - 1e-6), 1);
    *h = fmax(ceil(oh * scale - 1e-6), 1);
    return *w <= JM_MAX_PNG_WIDTH && *h <= JM_MAX_PNG_HEIGHT && *w * *h <= JM_MAX_PNG_PIXELS;
}

cairo_status_t jm_output_append(void *closure, const unsigned char *data, unsigned int length) {
    g_byte_array_append(closure, data, length);
    return CAIRO_STATUS_SUCCESS;
}

const char *jm_output_title(const jm_doc *doc, const jm_scene *s) {
    return doc->title && *doc->title ? doc->title : s->title;
}

const char *jm_output_desc(const jm_doc *doc, const jm_scene *s) {
    return doc->subject && *doc->subject ? doc->subject : s->desc;
}

bool jm_output_finish(cairo_t *cr, cairo_surface_t *surface, jm_diags *d, const char *path, const char *what) {
    cairo_status_t st = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    if (st == CAIRO_STATUS_SUCCESS) st = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (st == CAIRO_STATUS_SUCCESS) return true;
    jm_output_cairo_error(d, path, what, st);
    return false;
}

void jm_output_cairo_error(jm_diags *d, const char *path, const char *what, cairo_status_t st) {
    jm_error(d, NULL, (jm_pos){ 0, 0 }, "cannot write '%s': %s failed: %s", path, what, cairo_status_to_string(st));
}

static jm_pos nopos(void) { return (jm_pos){ 0, 0 }; }

static bool write_all(int fd, const guint8 *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        p += w;
        n -= (size_t)w;
    }
    return true;
}

/* The process umask, read without changing it (Linux /proc), else by setting and restoring it. */
static mode_t current_umask(void) {
    FILE *f = fopen("/proc/self/status", "r");
    if (f) {
        char line[256];
        unsigned m;
        while (fgets(line, sizeof line, f))
            if (sscanf(line, "Umask: %o", &m) == 1) { fclose(f); return (mode_t)m; }
        fclose(f);
    }
    mode_t m = umask(022);
    umask(m);
    return m;
}

/* Anything that is not a regular file (or a name for one under /dev or /proc, such as
 * /dev/stdout redirected to a file) is opened and written as it is. */
static bool write_direct(const char *path, const struct stat *st, const GByteArray *buf, jm_diags *d) {
    if (S_ISDIR(st->st_mode)) {
        jm_error(d, NULL, nopos(), "cannot write '%s': it is a folder", path);
        return false;
    }
    int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC | (S_ISREG(st->st_mode) ? O_TRUNC : 0));
    if (fd < 0) {
        jm_error(d, NULL, nopos(), "cannot write '%s': %s", path, g_strerror(errno));
        return false;
    }
    bool ok = write_all(fd, buf->data, buf->len);
    int err = errno;
    if (close(fd) != 0 && ok) { ok = false; err = errno; }
    if (!ok) jm_error(d, NULL, nopos(), "cannot write '%s': %s", path, g_strerror(err));
    return ok;
}

/* While the temporary file exists, the signals that end a process by default (SIGINT, SIGTERM,
 * SIGHUP, SIGQUIT) are blocked: one that comes then is taken when they are unblocked, after the
 * rename or the removal, so a kill leaves the old output or the new one and never a hidden
 * temporary beside it. The window is short: the bytes are encoded before it, only written in it.
 * Blocking needs no handler and no process-wide state (a handler would need the temporary's name
 * in a global to unlink it). */
static void block_kills(sigset_t *old) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    sigaddset(&set, SIGQUIT);
    sigprocmask(SIG_BLOCK, &set, old);
}

/* Whether the regular file `target` (`st` its stat) holds exactly `buf`. A batch or --watch run
 * again over unchanged inputs then writes nothing: make and site generators see only what changed,
 * and no file is created to replace an equal one (on this machine's ext4 a new file cost more
 * than drawing a small diagram). */
static bool same_bytes(const char *target, const struct stat *st, const GByteArray *buf) {
    if ((size_t)st->st_size != buf->len) return false;
    int fd = open(target, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    bool same = true;
    unsigned char chunk[65536];
    for (size_t at = 0; same && at < buf->len;) {
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0 || at + (size_t)n > buf->len || memcmp(chunk, buf->data + at, (size_t)n) != 0) same = false;
        else at += (size_t)n;
    }
    if (same) {   /* and nothing after it: the file did not grow since the stat */
        unsigned char more;
        ssize_t n;
        while ((n = read(fd, &more, 1)) < 0 && errno == EINTR) {}
        same = n == 0;
    }
    close(fd);
    return same;
}

/* A temporary file beside `target` (mkstemp), given the permission bits of the file it replaces
 * (those a new file would get when there is none), filled, closed and renamed over `target`. On
 * any failure it is removed and `target` is left as it was. */
static bool write_atomic(const char *path, const char *target, const GByteArray *buf, jm_diags *d) {
    char *dir = g_path_get_dirname(target), *base = g_path_get_basename(target);
    struct stat st, old_st;
    bool ok = false;
    char *tmp = NULL;
    int fd = -1;
    sigset_t old_mask;
    if (stat(dir, &st) != 0) {
        if (errno == ENOENT) jm_error(d, NULL, nopos(), "cannot write '%s': the folder '%s' does not exist", path, dir);
        else jm_error(d, NULL, nopos(), "cannot write '%s': folder '%s': %s", path, dir, g_strerror(errno));
        goto done;
    }
    if (!S_ISDIR(st.st_mode)) {
        jm_error(d, NULL, nopos(), "cannot write '%s': '%s' is not a folder", path, dir);
        goto done;
    }
    bool exists = stat(target, &old_st) == 0 && S_ISREG(old_st.st_mode);
    if (exists && same_bytes(target, &old_st, buf)) {
        ok = true;   /* already so: left as it is, its time stamp too */
        goto done;
    }
    mode_t mode = exists ? old_st.st_mode & 07777 : 0666 & ~current_umask();
    if (strlen(base) > 200) base[200] = '\0';   /* room for ".tmpXXXXXX" within NAME_MAX */
    tmp = g_strdup_printf("%s/.%s.tmpXXXXXX", dir, base);
    block_kills(&old_mask);
    fd = mkstemp(tmp);
    if (fd < 0) {
        jm_error(d, NULL, nopos(), "cannot write '%s': cannot create a file in '%s': %s", path, dir, g_strerror(errno));
        g_free(tmp);
        tmp = NULL;
        goto unblock;
    }
    if (fchmod(fd, mode) != 0 || !write_all(fd, buf->data, buf->len)) {
        jm_error(d, NULL, nopos(), "cannot write '%s': %s", path, g_strerror(errno));
        goto unblock;
    }
    int rc = close(fd);
    fd = -1;
    if (rc != 0) {
        jm_error(d, NULL, nopos(), "cannot write '%s': %s", path, g_strerror(errno));
        goto unblock;
    }
    if (rename(tmp, target) != 0) {
        jm_error(d, NULL, nopos(), "cannot write '%s': cannot replace it: %s", path, g_strerror(errno));
        goto unblock;
    }
    ok = true;
unblock:
    if (fd >= 0) close(fd);
    if (tmp && !ok) unlink(tmp);
    sigprocmask(SIG_SETMASK, &old_mask, NULL);
done:
    g_free(tmp);
    g_free(dir);
    g_free(base);
    return ok;
}

/* The file a chain of symbolic links ends at (newly allocated), also when it does not exist yet
 * (a dangling link is written through, as a shell's '>' does); NULL after 40 links (a loop). */
static char *follow_links(const char *path) {
    char *p = g_strdup(path);
    for (int hops = 0; hops < 40; hops++) {
        struct stat st;
        if (lstat(p, &st) != 0 || !S_ISLNK(st.st_mode)) return p;
        char *to = g_file_read_link(p, NULL);
        if (!to) return p;
        char *next;
        if (g_path_is_absolute(to)) {
            next = to;
        } else {
            char *dir = g_path_get_dirname(p);
            next = g_build_filename(dir, to, NULL);
            g_free(dir);
            g_free(to);
        }
        g_free(p);
        p = next;
    }
    g_free(p);
    return NULL;
}

static bool under(const char *path, const char *prefix) {
    return strncmp(path, prefix, strlen(prefix)) == 0;
}

/* Sends the encoded bytes to `path`: "-" is stdout; pipes, devices and /dev, /proc names are
 * written directly; a regular file (or a new one) atomically. A symbolic link to a regular file
 * keeps the link: the file it points to is replaced. */
static bool write_target(const char *path, const GByteArray *buf, jm_diags *d) {
    if (!strcmp(path, "-")) {
        if (!write_all(STDOUT_FILENO, buf->data, buf->len)) {   /* EPIPE: SIGPIPE is ignored */
            jm_error(d, NULL, nopos(), "cannot write to standard output: %s", g_strerror(errno));
            return false;
        }
        return true;
    }
    struct stat st;
    bool exists = stat(path, &st) == 0;
    if (exists && (!S_ISREG(st.st_mode) || under(path, "/dev/") || under(path, "/proc/")))
        return write_direct(path, &st, buf, d);
    char *target = follow_links(path);
    if (!target) {
        jm_error(d, NULL, nopos(), "cannot write '%s': %s", path, g_strerror(ELOOP));
        return false;
    }
    bool ok = write_atomic(path, target, buf, d);
    g_free(target);
    return ok;
}

bool jm_output_write_bytes(const char *path, const GByteArray *bytes, jm_diags *d) {
    return write_target(path, bytes, d);
}

bool jm_output_write(const jm_doc *doc, size_t page, const char *path, const jm_output_opts *o, jm_diags *d) {
    if (!path || !*path) {
        jm_error(d, NULL, nopos(), "no output file given");
        return false;
    }
    GByteArray *buf = g_byte_array_new();
    bool ok = jm_output_encode(doc, page, path, o, buf, d) && write_target(path, buf, d);
    g_byte_array_free(buf, TRUE);
    return ok;
}

bool jm_output_encode(const jm_doc *doc, size_t page, const char *path, const jm_output_opts *o, GByteArray *buf,
                      jm_diags *d) {
    if (!doc->n_pages || (o->format != JM_FMT_PDF && page >= doc->n_pages)) {
        jm_error(d, NULL, nopos(), "cannot write '%s': the document has no page %zu", path, page + 1);
        return false;
    }
    size_t first = o->format == JM_FMT_PDF ? 0 : page, last = o->format == JM_FMT_PDF ? doc->n_pages : page + 1;
    for (size_t i = first; i < last; i++) {
        const jm_scene *s = doc->pages[i].scene;
        if (!s || !(s->width > 0) || !(s->height > 0) || !isfinite(s->width) || !isfinite(s->height)) {
            jm_error(d, NULL, nopos(), "cannot write '%s': page %zu has an empty canvas", path, i + 1);
            return false;
        }
    }
    bool ok = false;
    switch (o->format) {
    case JM_FMT_PNG: ok = jm_output_png(doc, doc->pages[page].scene, o, buf, path, d); break;
    case JM_FMT_SVG: ok = jm_output_svg(doc, doc->pages[page].scene, o, buf, path, d); break;
    case JM_FMT_PDF: ok = jm_output_pdf(doc, o, buf, path, d); break;
    default: jm_error(d, NULL, nopos(), "cannot write '%s': unknown output format %d", path, (int)o->format);
    }
    return ok;
}
