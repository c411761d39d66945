/* strhash.h - a string hash for GHashTable that reads eight bytes at a step: g_str_hash reads one,
 * and the text service's keys hold whole labels (a hash a lookup, ~400 instructions with GLib's).
 * Use with g_str_equal. */
#ifndef JM_STRHASH_H
#define JM_STRHASH_H
#include <glib.h>
#include <stdint.h>
#include <string.h>

static inline guint jm_str_hash(gconstpointer key) {
    const unsigned char *s = key;
    size_t n = strlen((const char *)s);
    uint64_t h = 0x9E3779B97F4A7C15u ^ n;
    for (; n >= 8; s += 8, n -= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = (h ^ w) * 0xBF58476D1CE4E5B9u;
        h ^= h >> 31;
    }
    uint64_t w = 0;
    memcpy(&w, s, n);
    h = (h ^ w) * 0x94D049BB133111EBu;
    h ^= h >> 29;
    return (guint)(h ^ (h >> 32));
}
#endif
