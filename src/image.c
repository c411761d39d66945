/* image.c - decodes a PNG file with libpng's simplified API into premultiplied ARGB32 pixels,
 * refusing oversized files and pictures before decoding (see image.h). */
#include "image.h"
#include "file.h"
#include <glib.h>
#include <png.h>
#include <string.h>

/* c * a / 255, rounded, as cairo premultiplies. */
static uint32_t premultiply(uint32_t c, uint32_t a) {
    uint32_t t = c * a + 0x80;
    return (t + (t >> 8)) >> 8;
}

jm_image_status jm_image_load(jm_arena *a, const char *path, const jm_image **out, char **why) {
    static const unsigned char signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
    *out = NULL;
    *why = NULL;
    size_t len = 0;
    char *bytes = jm_file_read(path, JM_MAX_IMAGE_BYTES, false, &len, why);
    if (!bytes) return JM_IMAGE_REFUSED;
    jm_image_status status = JM_IMAGE_REFUSED;
    png_image pi;
    memset(&pi, 0, sizeof pi);
    pi.version = PNG_IMAGE_VERSION;
    if (len < 8 || memcmp(bytes, signature, 8) != 0) {
        *why = g_strdup("it is not a PNG file");
    } else if (!png_image_begin_read_from_memory(&pi, bytes, len)) {
        *why = g_strdup_printf("it cannot be decoded: %s", pi.message);
        status = JM_IMAGE_CORRUPT;
    } else if (pi.width == 0 || pi.height == 0 || (uint64_t)pi.width * pi.height > JM_MAX_IMAGE_PIXELS) {
        *why = g_strdup_printf("it has %u x %u pixels, more than the limit of %d", (unsigned)pi.width,
                               (unsigned)pi.height, JM_MAX_IMAGE_PIXELS);
    } else {
        pi.format = PNG_FORMAT_RGBA;
        size_t n = (size_t)pi.width * pi.height;
        uint32_t *px = jm_arena_alloc(a, n * 4);
        unsigned char *rgba = (unsigned char *)px;
        if (!png_image_finish_read(&pi, NULL, rgba, 0, NULL)) {
            *why = g_strdup_printf("it cannot be decoded: %s", pi.message);
            status = JM_IMAGE_CORRUPT;
        } else {
            for (size_t i = 0; i < n; i++) {   /* in place: pixel i's 4 bytes become pixel i's word */
                const unsigned char *q = rgba + 4 * i;
                uint32_t al = q[3];
                px[i] = al << 24 | premultiply(q[0], al) << 16 | premultiply(q[1], al) << 8 | premultiply(q[2], al);
            }
            jm_image *img = JM_NEW(a, jm_image);
            img->width = (int)pi.width;
            img->height = (int)pi.height;
            img->argb = px;
            *out = img;
            status = JM_IMAGE_OK;
        }
    }
    png_image_free(&pi);
    g_free(bytes);
    return status;
}
