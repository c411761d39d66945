/* pnginfo.c - prints what the CLI tests check in a PNG: size, colour type, DPI, text chunks and,
 * asked for, what a row of pixels holds.
 * Usage: pnginfo FILE.png [--row Y]...  ->  "width W\nheight H\ncolor rgb|rgba\ndpi X Y\n
 *   text KEY=VALUE...\nrow Y ink N from X0 to X1 hash H..." where an ink pixel has every channel
 *   under 192 (text and strokes, not the background or the grey lifelines), X0..X1 spans the ink
 *   pixels (-1 -1 without any) and H is the 32-bit FNV-1a hash of the row's decoded 8-bit RGBA
 *   bytes: equal rows of two images have equal hashes. */
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Prints what row `y` of the decoded RGBA row `row`, `w` pixels wide, holds (see the header). */
static void print_row(unsigned y, const png_byte *row, png_uint_32 w) {
    unsigned ink = 0, hash = 2166136261u;
    long first = -1, last = -1;
    for (png_uint_32 x = 0; x < w; x++) {
        const png_byte *p = row + 4 * x;
        if (p[0] < 192 && p[1] < 192 && p[2] < 192) {
            ink++;
            if (first < 0) first = (long)x;
            last = (long)x;
        }
        for (int c = 0; c < 4; c++) hash = (hash ^ p[c]) * 16777619u;
    }
    printf("row %u ink %u from %ld to %ld hash %08x\n", y, ink, first, last, hash);
}

int main(int argc, char **argv) {
    if (argc < 2 || argc % 2) { fprintf(stderr, "usage: pnginfo FILE.png [--row Y]...\n"); return 2; }
    for (int i = 2; i < argc; i += 2)
        if (strcmp(argv[i], "--row")) { fprintf(stderr, "usage: pnginfo FILE.png [--row Y]...\n"); return 2; }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 2; }
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    png_infop info = png_create_info_struct(png);
    if (setjmp(png_jmpbuf(png))) { fprintf(stderr, "%s: not a valid PNG\n", argv[1]); return 1; }
    png_init_io(png, f);
    png_read_info(png, info);
    png_uint_32 w = png_get_image_width(png, info), h = png_get_image_height(png, info);
    int ct = png_get_color_type(png, info);
    printf("width %u\nheight %u\ncolor %s\n", (unsigned)w, (unsigned)h,
           ct == PNG_COLOR_TYPE_RGB_ALPHA ? "rgba" : ct == PNG_COLOR_TYPE_RGB ? "rgb" : "other");
    png_uint_32 xr, yr; int unit;
    if (png_get_pHYs(png, info, &xr, &yr, &unit) && unit == PNG_RESOLUTION_METER)
        printf("dpi %.0f %.0f\n", xr * 0.0254, yr * 0.0254);
    png_textp text; int n = 0;
    png_get_text(png, info, &text, &n);
    for (int i = 0; i < n; i++) printf("text %s=%s\n", text[i].key, text[i].text);
    /* decode every row so a truncated file fails */
    png_set_expand(png); png_set_strip_16(png); png_set_filler(png, 0xff, PNG_FILLER_AFTER);
    png_read_update_info(png, info);
    png_bytep row = malloc(png_get_rowbytes(png, info));
    for (png_uint_32 y = 0; y < h; y++) {
        png_read_row(png, row, NULL);
        for (int i = 3; i < argc; i += 2)
            if (strtoul(argv[i], NULL, 10) == y) print_row((unsigned)y, row, w);
    }
    free(row);
    png_destroy_read_struct(&png, &info, NULL);
    fclose(f);
    return 0;
}
