/* output_png_zip.c - a PNG's zlib stream made band by band on worker threads (see the header).
 *
 * The stream, as a PNG reader inflates it:
 *
 *   78 5E | band 0: raw deflate, ends with a sync flush | band 1 ... | last band: final block | adler32
 *   header (levels 2 to 5)                                                                  (of all rows)
 *
 * A sync flush ends a band on a byte boundary without ending the stream, so the bands' deflate
 * data can be laid end to end (as pigz does). Each band's compressor starts with the last 32 KiB
 * (deflate's window) of the band before as its dictionary: a row that repeats the row above still
 * costs a few bytes across a band edge. The checksum is combined from the bands' own (zlib's
 * adler32_combine). Band k goes to slot k % n_slots; slots are taken back in order, so finished
 * bands are appended in order, and the caller paints the next band while workers deflate. */
#include "output_png_zip.h"
#include <math.h>
#include <stdint.h>
#include <string.h>
#include <zlib.h>

#define WINDOW 32768   /* bytes of the band before that a band may refer to */
#define ROW_SLACK 1    /* bytes after the last row that converting may write */
#define CHUNK_BYTES 65536   /* PNG rows converted at a time: they stay in the cache for zlib */
#define MEM_LEVEL 7    /* zlib's hash of 32 Ki entries instead of 64 Ki: 10% faster on diagrams,
                        * the same size within 0.3% (4 and 5 are slower again, 9 slower still) */

typedef struct {
    cairo_surface_t *surface;   /* the band as painted, premultiplied ARGB32 */
    const unsigned char *pixels;    /* its data and stride, read by the worker */
    size_t stride;
    int rows;                   /* rows of the band that belong to the image */
    bool last;                  /* the image's last band: the final deflate block */
    unsigned char *raw;         /* chunk_rows of the band as PNG rows: a filter byte, then pixels */
    size_t raw_len;             /* bytes of PNG rows in the band */
    unsigned char *dict;        /* the end of the band before (WINDOW bytes at most) */
    size_t dict_len;
    z_stream zs;                /* raw deflate, reset for each band */
    unsigned char *out;         /* the band's deflate data */
    size_t out_cap, out_len;
    uLong adler;                /* adler32 of the band's PNG rows */
    bool busy, done, ok;        /* queued, finished (under the lock), deflate succeeded */
} slot;

struct jm_png_zip {
    int w, band_rows, bpp;      /* bpp: bytes per pixel in the PNG, 3 or 4 */
    bool rgba;
    unsigned bg[3];             /* the background, 0..255, composited under RGB output */
    size_t row_bytes;           /* 1 + w * bpp */
    int chunk_rows;             /* rows converted and deflated at a time: CHUNK_BYTES, at least 1 */
    slot *slots;
    int n_slots;
    unsigned long next;         /* the band handed out or queued next */
    unsigned char *tail;        /* the last WINDOW bytes of the band queued last, as PNG rows */
    size_t tail_len;
    guint8 header[2];           /* the zlib header */
    bool started;               /* the header has been appended */
    uLong adler;                /* of everything appended so far */
    bool ok;
    GThreadPool *pool;          /* NULL: bands are deflated on the caller's thread */
    GMutex lock;
    GCond cond;
};

/* A premultiplied ARGB32 pixel that is not opaque, composited over the opaque background. */
static uint32_t over(uint32_t v, const unsigned bg[3]) {
    unsigned a = v >> 24, r = (v >> 16) & 255, g = (v >> 8) & 255, b = v & 255;
    r += ((255 - a) * bg[0] + 127) / 255;
    g += ((255 - a) * bg[1] + 127) / 255;
    b += ((255 - a) * bg[2] + 127) / 255;
    return 0xff000000u | (r > 255 ? 255 : r) << 16 | (g > 255 ? 255 : g) << 8 | (b > 255 ? 255 : b);
}

/* One PNG row from a premultiplied ARGB32 row: filter byte 0 (none), then RGB, each pixel
 * composited over the opaque background so partly covered edges never turn black, or RGBA,
 * un-premultiplied. Opaque pixels, nearly all of them, are only copied. */
static void convert_row(const uint32_t *src, int w, unsigned char *dst, bool rgba, const unsigned bg[3]) {
    *dst++ = 0;
    if (!rgba) {
        for (int x = 0; x < w; x++, dst += 3) {
            uint32_t v = src[x] < 0xff000000u ? over(src[x], bg) : src[x];
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
            uint32_t rgb = GUINT32_SWAP_LE_BE(v) >> 8;   /* the bytes R, G, B, 0 */
            memcpy(dst, &rgb, 4);   /* one store; the 4th byte is the next pixel's, the next row's
                                     * filter byte (rows go in order) or ROW_SLACK */
#else
            dst[0] = (unsigned char)(v >> 16); dst[1] = (unsigned char)(v >> 8); dst[2] = (unsigned char)v;
#endif
        }
        return;
    }
    for (int x = 0; x < w; x++, dst += 4) {
        uint32_t v = src[x];
        unsigned a = v >> 24, r = (v >> 16) & 255, g = (v >> 8) & 255, b = v & 255;
        if (a != 255 && a != 0) {
            r = (r * 255 + a / 2) / a;
            g = (g * 255 + a / 2) / a;
            b = (b * 255 + a / 2) / a;
        }
        dst[0] = (unsigned char)r; dst[1] = (unsigned char)g; dst[2] = (unsigned char)b; dst[3] = (unsigned char)a;
    }
}

/* Horizontal sum of the four 16-bit lanes of x (each up to 65535). */
static uint64_t lanes(uint64_t x) {
    x = (x & 0x0000ffff0000ffffULL) + ((x >> 16) & 0x0000ffff0000ffffULL);
    return (x & 0xffffffffULL) + (x >> 32);
}

/* zlib's adler32(adler, buf, len), the same number 2.4 times as fast (9 GB/s against 3.8): zlib
 * adds byte by byte, an eighth of the CPU time of a large PNG. Here 8 bytes at a time in 16-bit
 * lanes of a 64-bit word (SWAR), 128 bytes per block (16 words):
 *
 *   s1 += sum b[p]                 s2 += 128 s1 + sum (128 - p) b[p],   p = 8 g + i
 *
 * with L_i = sum over words g of b[8g + i] (lanes `ev`: i even, `od`: i odd) and P = sum over
 * words of the L totals before it:  sum (128 - p) b[p] = 8 (P + sum b) - sum i L_i. No lane
 * passes 16 * 255 (L) or 120 * 255 (P). s1 and s2 are reduced modulo 65521 every 32 blocks. */
static uLong adler32_wide(uLong adler, const unsigned char *buf, size_t len) {
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
    const uint64_t M = 0x00ff00ff00ff00ffULL;
    uint64_t s1 = adler & 0xffff, s2 = (adler >> 16) & 0xffff;
    for (int blocks = 0; len >= 128; len -= 128, buf += 128) {
        uint64_t ev = 0, od = 0, pe = 0, po = 0;
        for (int g = 0; g < 16; g++) {
            uint64_t v;
            memcpy(&v, buf + 8 * g, 8);
            pe += ev;
            po += od;
            ev += v & M;
            od += (v >> 8) & M;
        }
        uint64_t sum = lanes(ev) + lanes(od), weighted = 0;   /* weighted: sum i L_i */
        for (int j = 0; j < 4; j++) weighted += 2 * j * ((ev >> 16 * j) & 0xffff) + (2 * j + 1) * ((od >> 16 * j) & 0xffff);
        s2 += 128 * s1 + 8 * (lanes(pe) + lanes(po) + sum) - weighted;
        s1 += sum;
        if (++blocks == 32) { s1 %= 65521; s2 %= 65521; blocks = 0; }
    }
    return adler32((uLong)((s2 % 65521) << 16 | (s1 % 65521)), buf, (uInt)len);
#else
    return adler32(adler, buf, (uInt)len);
#endif
}

/* Converts rows [from, to) of the slot's surface into `dst`. */
static void convert_rows(const jm_png_zip *z, const slot *s, int from, int to, unsigned char *dst) {
    for (int y = from; y < to; y++, dst += z->row_bytes)
        convert_row((const uint32_t *)(s->pixels + (size_t)y * s->stride), z->w, dst, z->rgba, z->bg);
}

/* A worker's job (or the caller's, without workers): convert, checksum and deflate one band. */
static void deflate_band(gpointer data, gpointer user) {
    slot *s = data;
    jm_png_zip *z = user;
    s->raw_len = (size_t)s->rows * z->row_bytes;
    s->adler = adler32(0, NULL, 0);
    bool ok = deflateReset(&s->zs) == Z_OK
              && (!s->dict_len || deflateSetDictionary(&s->zs, s->dict, (uInt)s->dict_len) == Z_OK);
    s->zs.next_out = s->out;
    s->zs.avail_out = (uInt)s->out_cap;
    /* a few rows at a time through a small buffer that stays in the cache; zlib's output does not
     * depend on how its input is cut */
    for (int y = 0; y < s->rows && ok; y += z->chunk_rows) {
        int n = s->rows - y < z->chunk_rows ? s->rows - y : z->chunk_rows;
        bool end = y + n >= s->rows;
        convert_rows(z, s, y, y + n, s->raw);
        s->zs.next_in = s->raw;
        s->zs.avail_in = (uInt)((size_t)n * z->row_bytes);
        s->adler = adler32_wide(s->adler, s->raw, s->zs.avail_in);
        int rc = deflate(&s->zs, !end ? Z_NO_FLUSH : s->last ? Z_FINISH : Z_SYNC_FLUSH);
        ok = (rc == Z_OK || rc == Z_STREAM_END) && s->zs.avail_in == 0 && (!end || !s->last || rc == Z_STREAM_END);
    }
    s->out_len = s->out_cap - s->zs.avail_out;
    g_mutex_lock(&z->lock);
    s->ok = ok;
    s->done = true;
    g_cond_broadcast(&z->cond);
    g_mutex_unlock(&z->lock);
}

/* Waits for the band in `s` and appends its deflate data to `out`. */
static void take_back(jm_png_zip *z, slot *s, GByteArray *out) {
    if (!s->busy) return;
    g_mutex_lock(&z->lock);
    while (!s->done) g_cond_wait(&z->cond, &z->lock);
    g_mutex_unlock(&z->lock);
    s->busy = false;
    z->ok = z->ok && s->ok;
    if (!z->started) {
        g_byte_array_append(out, z->header, 2);
        z->started = true;
    }
    g_byte_array_append(out, s->out, (guint)s->out_len);
    z->adler = adler32_combine(z->adler, s->adler, (z_off_t)s->raw_len);
}

jm_png_zip *jm_png_zip_new(int w, int band_rows, bool rgba, jm_color bg, int level, int threads) {
    jm_png_zip *z = g_new0(jm_png_zip, 1);
    z->w = w;
    z->band_rows = band_rows;
    z->rgba = rgba;
    z->bpp = rgba ? 4 : 3;
    z->bg[0] = (unsigned)lround(bg.r * 255);
    z->bg[1] = (unsigned)lround(bg.g * 255);
    z->bg[2] = (unsigned)lround(bg.b * 255);
    z->row_bytes = 1 + (size_t)w * (size_t)z->bpp;
    /* zlib header as zlib writes it: deflate with a 32 KiB window (0x78), FLEVEL from the level,
     * the check bits making the 16-bit value a multiple of 31 */
    unsigned h = 0x7800u | (unsigned)(level < 2 ? 0 : level < 6 ? 1 : level == 6 ? 2 : 3) << 6;
    h += 31 - h % 31;
    z->header[0] = (guint8)(h >> 8);
    z->header[1] = (guint8)h;
    z->adler = adler32(0, NULL, 0);
    z->ok = true;
    z->tail = g_malloc(WINDOW);
    g_mutex_init(&z->lock);
    g_cond_init(&z->cond);
    z->n_slots = threads > 0 ? threads + 2 : 1;   /* every worker busy, one band painting, one spare */
    z->slots = g_new0(slot, z->n_slots);
    size_t raw_cap = (size_t)band_rows * z->row_bytes;
    z->chunk_rows = (int)(CHUNK_BYTES / z->row_bytes);
    z->chunk_rows = z->chunk_rows < 1 ? 1 : z->chunk_rows > band_rows ? band_rows : z->chunk_rows;
    for (int i = 0; i < z->n_slots; i++) {
        slot *s = &z->slots[i];
        s->surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, band_rows);
        s->pixels = cairo_image_surface_get_data(s->surface);
        s->stride = (size_t)cairo_image_surface_get_stride(s->surface);
        s->raw = g_malloc((size_t)z->chunk_rows * z->row_bytes + ROW_SLACK);
        s->dict = g_malloc(WINDOW);
        /* a raw stream (no header or checksum: the bands share one), 32 KiB window */
        if (deflateInit2(&s->zs, level, Z_DEFLATED, -15, MEM_LEVEL, Z_DEFAULT_STRATEGY) != Z_OK) {
            s->zs.state = NULL;
            z->ok = false;
            continue;
        }
        s->out_cap = deflateBound(&s->zs, (uLong)raw_cap) + 64;   /* + the sync flush's marker */
        s->out = g_malloc(s->out_cap);   /* only the pages written are ever touched */
        if (cairo_surface_status(s->surface) != CAIRO_STATUS_SUCCESS || !s->pixels) z->ok = false;
    }
    if (z->ok && threads > 0) z->pool = g_thread_pool_new(deflate_band, z, threads, TRUE, NULL);
    if (!z->ok || (threads > 0 && !z->pool)) {
        jm_png_zip_free(z);
        return NULL;
    }
    return z;
}

cairo_surface_t *jm_png_zip_band(jm_png_zip *z, GByteArray *out) {
    slot *s = &z->slots[z->next % (unsigned long)z->n_slots];
    take_back(z, s, out);
    return z->ok ? s->surface : NULL;
}

void jm_png_zip_submit(jm_png_zip *z, int rows, bool last) {
    slot *s = &z->slots[z->next % (unsigned long)z->n_slots];
    z->next++;
    cairo_surface_flush(s->surface);
    s->rows = rows < 0 ? 0 : rows > z->band_rows ? z->band_rows : rows;
    s->last = last;
    memcpy(s->dict, z->tail, z->tail_len);
    s->dict_len = z->tail_len;
    /* this band's end, the next band's dictionary: its last rows, converted here as well */
    int from = s->rows - (int)((WINDOW + z->row_bytes - 1) / z->row_bytes);
    if (from < 0) from = 0;
    size_t len = (size_t)(s->rows - from) * z->row_bytes;
    unsigned char *rows_end = g_malloc(len + ROW_SLACK);
    convert_rows(z, s, from, s->rows, rows_end);
    z->tail_len = len < WINDOW ? len : WINDOW;
    memcpy(z->tail, rows_end + (len - z->tail_len), z->tail_len);
    g_free(rows_end);
    s->busy = true;
    s->done = false;
    if (z->pool) g_thread_pool_push(z->pool, s, NULL);
    else deflate_band(s, z);
}

bool jm_png_zip_finish(jm_png_zip *z, GByteArray *out) {
    unsigned long n = (unsigned long)z->n_slots;
    for (unsigned long k = z->next > n ? z->next - n : 0; k < z->next; k++) take_back(z, &z->slots[k % n], out);
    if (!z->ok || !z->started) return false;
    guint8 sum[4] = { (guint8)(z->adler >> 24), (guint8)(z->adler >> 16), (guint8)(z->adler >> 8), (guint8)z->adler };
    g_byte_array_append(out, sum, 4);
    return true;
}

void jm_png_zip_free(jm_png_zip *z) {
    if (!z) return;
    if (z->pool) g_thread_pool_free(z->pool, FALSE, TRUE);   /* lets queued bands finish */
    for (int i = 0; i < z->n_slots; i++) {
        slot *s = &z->slots[i];
        if (s->zs.state) deflateEnd(&s->zs);
        if (s->surface) cairo_surface_destroy(s->surface);
        g_free(s->raw);
        g_free(s->dict);
        g_free(s->out);
    }
    g_free(z->slots);
    g_free(z->tail);
    g_mutex_clear(&z->lock);
    g_cond_clear(&z->cond);
    g_free(z);
}
