/* woff2.c - OpenType to WOFF2 (woff2.h).
 *
 * The file, all numbers big-endian:
 *   header (48 bytes)   'wOF2', flavor (the sfnt version), length (this file), numTables, 0,
 *                       totalSfntSize (the font as an sfnt: 12 + 16 per table + each table
 *                       padded to 4), totalCompressedSize, version 1.0, no metadata, no private
 *                       data
 *   table directory     per table: a flags byte (bits 0-5 the index of a known tag, 63 when the
 *                       tag follows as 4 bytes; bits 6-7 the transform version: 0 is "none" for
 *                       every table but glyf and loca, whose "none" is 3), then origLength as a
 *                       UIntBase128 (7 bits a byte, high bit "more")
 *   compressed data     one Brotli stream of every table's bytes, in directory order, unpadded;
 *                       then zeros to a whole number of 4-byte words (decoders insist)
 * A decoder rebuilds the sfnt (its own directory, offsets and checksums) from this. */
#include "woff2.h"
#include <brotli/encode.h>
#include <string.h>

static const char known_tags[63][5] = {
    "cmap", "head", "hhea", "hmtx", "maxp", "name", "OS/2", "post", "cvt ", "fpgm", "glyf", "loca", "prep",
    "CFF ", "VORG", "EBDT", "EBLC", "gasp", "hdmx", "kern", "LTSH", "PCLT", "VDMX", "vhea", "vmtx", "BASE",
    "GDEF", "GPOS", "GSUB", "EBSC", "JSTF", "MATH", "CBDT", "CBLC", "COLR", "CPAL", "SVG ", "sbix", "acnt",
    "avar", "bdat", "bloc", "bsln", "cvar", "fdsc", "feat", "fmtx", "fvar", "gvar", "hsty", "just", "lcar",
    "mort", "morx", "opbd", "prop", "trak", "Zapf", "Silf", "Glat", "Gloc", "Feat", "Sill",
};

static unsigned get32(const unsigned char *p) { return (unsigned)p[0] << 24 | (unsigned)p[1] << 16 | (unsigned)p[2] << 8 | p[3]; }

static void put32(GByteArray *o, unsigned v) {
    unsigned char b[4] = { (unsigned char)(v >> 24), (unsigned char)(v >> 16), (unsigned char)(v >> 8), (unsigned char)v };
    g_byte_array_append(o, b, 4);
}

static void put16(GByteArray *o, unsigned v) {
    unsigned char b[2] = { (unsigned char)(v >> 8), (unsigned char)v };
    g_byte_array_append(o, b, 2);
}

static void put_base128(GByteArray *o, unsigned v) {
    unsigned char b[5];
    int n = 0;
    do { b[4 - n++] = v & 0x7F; v >>= 7; } while (v);
    for (int i = 5 - n; i < 4; i++) b[i] |= 0x80;
    g_byte_array_append(o, b + 5 - n, (guint)n);
}

bool jm_woff2_pack(const unsigned char *font, size_t len, GByteArray *out) {
    if (len < 12) return false;
    unsigned flavor = get32(font), n = (unsigned)font[4] << 8 | font[5];
    if ((flavor != 0x00010000 && flavor != 0x4F54544F) || n == 0 || 12 + 16 * (size_t)n > len) return false;
    GByteArray *dir = g_byte_array_new(), *data = g_byte_array_new();
    size_t sfnt_size = 12 + 16 * (size_t)n;
    bool ok = true;
    for (unsigned i = 0; i < n && ok; i++) {
        const unsigned char *rec = font + 12 + 16 * i;
        size_t off = get32(rec + 8), tlen = get32(rec + 12);
        if (off > len || tlen > len - off) { ok = false; break; }
        int known = 63;
        for (int k = 0; k < 63; k++)
            if (!memcmp(known_tags[k], rec, 4)) { known = k; break; }
        bool glyf_loca = !memcmp(rec, "glyf", 4) || !memcmp(rec, "loca", 4);
        unsigned char flags = (unsigned char)(known | (glyf_loca ? 3 << 6 : 0));
        g_byte_array_append(dir, &flags, 1);
        if (known == 63) g_byte_array_append(dir, rec, 4);
        put_base128(dir, (unsigned)tlen);
        g_byte_array_append(data, font + off, (guint)tlen);
        sfnt_size += (tlen + 3) & ~(size_t)3;
    }
    size_t clen = BrotliEncoderMaxCompressedSize(data->len);
    unsigned char *comp = ok && clen ? g_malloc(clen) : NULL;
    ok = comp && BrotliEncoderCompress(9, 15, BROTLI_MODE_FONT,
                                       data->len, data->data, &clen, comp);
    if (ok) {
        size_t total = (48 + dir->len + clen + 3) & ~(size_t)3;   /* decoders want whole 4-byte words */
        g_byte_array_append(out, (const guint8 *)"wOF2", 4);
        put32(out, flavor);
        put32(out, (unsigned)total);
        put16(out, n);
        put16(out, 0);
        put32(out, (unsigned)sfnt_size);
        put32(out, (unsigned)clen);
        put16(out, 1);
        put16(out, 0);
        for (int k = 0; k < 5; k++) put32(out, 0);
        g_byte_array_append(out, dir->data, dir->len);
        g_byte_array_append(out, comp, (guint)clen);
        static const unsigned char zeros[3] = { 0 };
        g_byte_array_append(out, zeros, (guint)(total - (48 + dir->len + clen)));
    }
    g_free(comp);
    g_byte_array_free(dir, TRUE);
    g_byte_array_free(data, TRUE);
    return ok;
}
