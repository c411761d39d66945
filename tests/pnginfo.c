/* pnginfo.c - prints what the CLI tests check in a PNG: size, colour type, DPI and text chunks.
 * Usage: pnginfo FILE.png  ->  "width W\nheight H\ncolor rgb|rgba\ndpi X Y\ntext KEY=VALUE..." */
#include <png.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: pnginfo FILE.png\n"); return 2; }
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
    png_set_expand(png); png_set_strip_16(png);
    png_read_update_info(png, info);
    png_bytep row = malloc(png_get_rowbytes(png, info));
    for (png_uint_32 y = 0; y < h; y++) png_read_row(png, row, NULL);
    free(row);
    png_destroy_read_struct(&png, &info, NULL);
    fclose(f);
    return 0;
}
