/* image.h - pictures decoded once, when the journey is loaded: a PNG file to premultiplied
 * 32-bit ARGB pixels (cairo's ARGB32 layout, native byte order), within limits on the file's
 * size and the picture's pixels. The painter only wraps the pixels; it never opens a file. */
#ifndef JM_IMAGE_H
#define JM_IMAGE_H
#include <stdint.h>
#include "arena.h"

/* Limits on a picture (the persona's): checked before decoding anything. */
#define JM_MAX_IMAGE_BYTES (16 * 1024 * 1024)   /* the PNG file */
#define JM_MAX_IMAGE_PIXELS (4096 * 4096)       /* width x height: 64 MiB decoded */

typedef struct jm_image {
    int width, height;          /* pixels, >= 1 */
    const uint32_t *argb;       /* width * height pixels, row after row (stride width * 4 bytes),
                                 * alpha premultiplied; in the arena given to jm_image_load */
} jm_image;

typedef enum {
    JM_IMAGE_OK,
    JM_IMAGE_REFUSED,           /* not readable, not a PNG, or over a limit: nothing decoded */
    JM_IMAGE_CORRUPT,           /* a PNG header, then data that does not decode */
} jm_image_status;

/* Reads and decodes the PNG file at `path` into `a`. On JM_IMAGE_OK sets *out; otherwise sets
 * *why to a message (g_free) such as "it is not a PNG file" or "it has 23000 x 23000 pixels,
 * more than the limit of 16777216". */
jm_image_status jm_image_load(jm_arena *a, const char *path, const jm_image **out, char **why);
#endif
