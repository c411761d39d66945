/* imgcmp.c - compares a rendered PNG with its reference, the cairo test-suite way: identical
 * bytes pass at once; else same size, per-channel tolerance, a cap on differing pixels, a diff. */
#include <errno.h>
#include <png.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: imgcmp REF.png OUT.png [--tolerance N] [--max-pixels N] [--blur R] [--diff DIFF.png]\n"
    "  Exits 0 when OUT matches REF: identical bytes, or the same size with at most --max-pixels\n"
    "  (default 0) pixels whose channels differ by more than --tolerance (default 8 of 255).\n"
    "  On a mismatch prints the count and the largest difference, writes the diff image (differing\n"
    "  pixels red over a faded grey reference) when --diff is given, and exits 1. Errors exit 2.\n"
    "  --blur R first puts both images over white and averages each pixel with its neighbours up\n"
    "  to R pixels away (a box of 2R+1): for pictures drawn by another renderer, whose edges are\n"
    "  antialiased differently but whose shapes and text must stand in the same places.\n";

/* The whole file, or NULL with errno set. */
static unsigned char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    unsigned char *buf = malloc(cap);
    for (;;) {
        if (!buf) { fclose(f); errno = ENOMEM; return NULL; }
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap) break;
        unsigned char *bigger = realloc(buf, cap *= 2);
        if (!bigger) free(buf);
        buf = bigger;
    }
    bool bad = ferror(f);
    fclose(f);
    if (bad) { free(buf); errno = EIO; return NULL; }
    *len = n;
    return buf;
}

typedef struct { png_uint_32 w, h; unsigned char *rgba; } image;

/* Decodes any PNG into 8-bit RGBA. */
static bool decode(const unsigned char *data, size_t len, image *img, const char *path) {
    png_image pi;
    memset(&pi, 0, sizeof pi);
    pi.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&pi, data, len)) {
        fprintf(stderr, "imgcmp: %s: %s\n", path, pi.message);
        return false;
    }
    pi.format = PNG_FORMAT_RGBA;
    img->w = pi.width;
    img->h = pi.height;
    img->rgba = malloc(PNG_IMAGE_SIZE(pi));
    if (!img->rgba || !png_image_finish_read(&pi, NULL, img->rgba, 0, NULL)) {
        fprintf(stderr, "imgcmp: %s: %s\n", path, img->rgba ? pi.message : "out of memory");
        png_image_free(&pi);
        free(img->rgba);
        img->rgba = NULL;
        return false;
    }
    return true;
}

static int channel_diff(const unsigned char *a, const unsigned char *b) {
    if (a[3] == 0 && b[3] == 0) return 0;   /* invisible either way */
    int m = 0;
    for (int c = 0; c < 4; c++) {
        int d = abs((int)a[c] - (int)b[c]);
        if (d > m) m = d;
    }
    return m;
}

/* `img` over white, then each channel the mean of the (2r+1)^2 box around the pixel (clipped to
 * the image), through a summed-area table; alpha becomes 255. */
static bool blur(image *img, long r) {
    size_t w = img->w, h = img->h;
    double *sum = calloc((w + 1) * (h + 1) * 3, sizeof *sum);
    if (!sum) return false;
    for (size_t y = 0; y < h; y++)
        for (size_t x = 0; x < w; x++) {
            const unsigned char *p = img->rgba + 4 * (y * w + x);
            for (int c = 0; c < 3; c++) {
                double v = p[c] * (p[3] / 255.0) + 255 * (1 - p[3] / 255.0);
                sum[((y + 1) * (w + 1) + x + 1) * 3 + c] = v + sum[(y * (w + 1) + x + 1) * 3 + c]
                    + sum[((y + 1) * (w + 1) + x) * 3 + c] - sum[(y * (w + 1) + x) * 3 + c];
            }
        }
    for (size_t y = 0; y < h; y++)
        for (size_t x = 0; x < w; x++) {
            size_t x0 = x > (size_t)r ? x - (size_t)r : 0, y0 = y > (size_t)r ? y - (size_t)r : 0;
            size_t x1 = x + (size_t)r + 1 < w ? x + (size_t)r + 1 : w, y1 = y + (size_t)r + 1 < h ? y + (size_t)r + 1 : h;
            double n = (double)(x1 - x0) * (double)(y1 - y0);
            unsigned char *p = img->rgba + 4 * (y * w + x);
            for (int c = 0; c < 3; c++) {
                double v = sum[(y1 * (w + 1) + x1) * 3 + c] - sum[(y0 * (w + 1) + x1) * 3 + c]
                         - sum[(y1 * (w + 1) + x0) * 3 + c] + sum[(y0 * (w + 1) + x0) * 3 + c];
                p[c] = (unsigned char)(v / n + 0.5);
            }
            p[3] = 255;
        }
    free(sum);
    return true;
}

/* Differing pixels red; the rest the reference in light grey (over white). */
static bool write_diff(const char *path, const image *ref, const image *out, int tolerance) {
    size_t n = (size_t)ref->w * ref->h;
    unsigned char *rgb = malloc(n * 3);
    if (!rgb) return false;
    for (size_t i = 0; i < n; i++) {
        const unsigned char *a = ref->rgba + 4 * i, *b = out->rgba + 4 * i;
        unsigned char *p = rgb + 3 * i;
        if (channel_diff(a, b) > tolerance) { p[0] = 255; p[1] = 0; p[2] = 0; continue; }
        int lum = (a[0] * 299 + a[1] * 587 + a[2] * 114) / 1000;
        lum = (lum * a[3] + 255 * (255 - a[3])) / 255;        /* over white */
        unsigned char v = (unsigned char)(255 - (255 - lum) / 3);
        p[0] = p[1] = p[2] = v;
    }
    png_image pi;
    memset(&pi, 0, sizeof pi);
    pi.version = PNG_IMAGE_VERSION;
    pi.width = ref->w;
    pi.height = ref->h;
    pi.format = PNG_FORMAT_RGB;
    bool ok = png_image_write_to_file(&pi, path, 0, rgb, 0, NULL);
    if (!ok) fprintf(stderr, "imgcmp: %s: %s\n", path, pi.message);
    free(rgb);
    return ok;
}

static bool parse_count(const char *s, long *out) {
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || end == s || v < 0) return false;
    *out = v;
    return true;
}

int main(int argc, char **argv) {
    const char *files[2] = { NULL, NULL }, *diff = NULL;
    long tolerance = 8, max_pixels = 0, radius = 0;
    int nf = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool has_value = i + 1 < argc;
        if (!strcmp(a, "--tolerance") && has_value) {
            if (!parse_count(argv[++i], &tolerance) || tolerance > 255) { fprintf(stderr, "imgcmp: bad --tolerance\n"); return 2; }
        } else if (!strcmp(a, "--max-pixels") && has_value) {
            if (!parse_count(argv[++i], &max_pixels)) { fprintf(stderr, "imgcmp: bad --max-pixels\n"); return 2; }
        } else if (!strcmp(a, "--blur") && has_value) {
            if (!parse_count(argv[++i], &radius) || radius > 64) { fprintf(stderr, "imgcmp: bad --blur\n"); return 2; }
        } else if (!strcmp(a, "--diff") && has_value) {
            diff = argv[++i];
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(usage, stdout);
            return 0;
        } else if (a[0] == '-' && a[1] == '-') {
            fprintf(stderr, "imgcmp: unknown or incomplete option %s\n%s", a, usage);
            return 2;
        } else if (nf < 2) {
            files[nf++] = a;
        } else {
            fputs(usage, stderr);
            return 2;
        }
    }
    if (nf != 2) { fputs(usage, stderr); return 2; }

    size_t len[2];
    unsigned char *data[2];
    for (int k = 0; k < 2; k++) {
        data[k] = slurp(files[k], &len[k]);
        if (!data[k]) {
            fprintf(stderr, "imgcmp: %s: %s\n", files[k], strerror(errno));
            if (k) free(data[0]);
            return 2;
        }
    }
    if (len[0] == len[1] && !memcmp(data[0], data[1], len[0])) {
        free(data[0]);
        free(data[1]);
        return 0;
    }
    image img[2] = { { 0 }, { 0 } };
    bool ok = decode(data[0], len[0], &img[0], files[0]) && decode(data[1], len[1], &img[1], files[1]);
    free(data[0]);
    free(data[1]);
    int rc = 2;
    if (!ok) goto done;
    if (img[0].w != img[1].w || img[0].h != img[1].h) {
        printf("imgcmp: %s is %ux%u but %s is %ux%u\n", files[1], (unsigned)img[1].w, (unsigned)img[1].h,
               files[0], (unsigned)img[0].w, (unsigned)img[0].h);
        rc = 1;
        goto done;
    }
    if (radius > 0 && !(blur(&img[0], radius) && blur(&img[1], radius))) {
        fprintf(stderr, "imgcmp: out of memory\n");
        goto done;
    }
    size_t n = (size_t)img[0].w * img[0].h, differ = 0;
    int worst = 0;
    for (size_t i = 0; i < n; i++) {
        int dd = channel_diff(img[0].rgba + 4 * i, img[1].rgba + 4 * i);
        if (dd > worst) worst = dd;
        if (dd > tolerance) differ++;
    }
    if (differ <= (size_t)max_pixels) { rc = 0; goto done; }
    printf("imgcmp: %s differs from %s: %zu pixels differ by more than %ld (max difference %d)\n",
           files[1], files[0], differ, tolerance, worst);
    rc = 1;
    if (diff) {
        if (write_diff(diff, &img[0], &img[1], (int)tolerance)) printf("imgcmp: diff written to %s\n", diff);
        else rc = 2;
    }
done:
    free(img[0].rgba);
    free(img[1].rgba);
    return rc;
}
