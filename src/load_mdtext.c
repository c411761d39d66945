/* load_mdtext.c - text helpers of the Markdown journey reader (load_markdown.h): the Mac Roman
 * mojibake repair, what a heading or line names (a lane, a stage, a step), emphasis and quotes
 * trimmed, a leading emoji split off. */
#include "load_markdown.h"
#include <glib.h>
#include <string.h>

/* Mac Roman's upper half, 0x80 .. 0xFF, as Unicode (Apple's mapping; 0xF0 is the Apple logo in
 * the private use area, U+F8FF, which is how the F0 lead byte of every 4-byte emoji shows). */
static const gunichar mac_roman[128] = {
    0x00C4, 0x00C5, 0x00C7, 0x00C9, 0x00D1, 0x00D6, 0x00DC, 0x00E1, 0x00E0, 0x00E2, 0x00E4, 0x00E3, 0x00E5, 0x00E7, 0x00E9, 0x00E8,
    0x00EA, 0x00EB, 0x00ED, 0x00EC, 0x00EE, 0x00EF, 0x00F1, 0x00F3, 0x00F2, 0x00F4, 0x00F6, 0x00F5, 0x00FA, 0x00F9, 0x00FB, 0x00FC,
    0x2020, 0x00B0, 0x00A2, 0x00A3, 0x00A7, 0x2022, 0x00B6, 0x00DF, 0x00AE, 0x00A9, 0x2122, 0x00B4, 0x00A8, 0x2260, 0x00C6, 0x00D8,
    0x221E, 0x00B1, 0x2264, 0x2265, 0x00A5, 0x00B5, 0x2202, 0x2211, 0x220F, 0x03C0, 0x222B, 0x00AA, 0x00BA, 0x03A9, 0x00E6, 0x00F8,
    0x00BF, 0x00A1, 0x00AC, 0x221A, 0x0192, 0x2248, 0x2206, 0x00AB, 0x00BB, 0x2026, 0x00A0, 0x00C0, 0x00C3, 0x00D5, 0x0152, 0x0153,
    0x2013, 0x2014, 0x201C, 0x201D, 0x2018, 0x2019, 0x00F7, 0x25CA, 0x00FF, 0x0178, 0x2044, 0x20AC, 0x2039, 0x203A, 0xFB01, 0xFB02,
    0x2021, 0x00B7, 0x201A, 0x201E, 0x2030, 0x00C2, 0x00CA, 0x00C1, 0x00CB, 0x00C8, 0x00CD, 0x00CE, 0x00CF, 0x00CC, 0x00D3, 0x00D4,
    0xF8FF, 0x00D2, 0x00DA, 0x00DB, 0x00D9, 0x0131, 0x02C6, 0x02DC, 0x00AF, 0x02D8, 0x02D9, 0x02DA, 0x00B8, 0x02DD, 0x02DB, 0x02C7,
};

static int mac_byte(gunichar ch) {
    if (ch < 0x80) return -1;
    for (int i = 0; i < 128; i++)
        if (mac_roman[i] == ch) return 0x80 + i;
    return -1;
}

/* Mojibake detection. A UTF-8 emoji (U+1F000 and up) starts with the bytes F0 9F; read as Mac
 * Roman they are "\uF8FF" "ü" (the Apple logo, then u-umlaut), a pair no real text writes. A
 * document holding that pair is taken as mojibake; then every run of characters that all have a
 * Mac Roman byte is turned back into those bytes, and the run is replaced when the bytes are valid
 * UTF-8 and shorter as text (so a plain "é" or "ü" elsewhere, one byte that is no UTF-8 by itself,
 * stays as it is). Lines never move: the line breaks are ASCII; columns after a repair do. */
const char *jm_mdj_unmojibake(jm_arena *a, const char *text, size_t len, size_t *out_len, size_t *fixed) {
    *fixed = 0;
    *out_len = len;
    if (!g_strstr_len(text, (gssize)len, "\xEF\xA3\xBF\xC3\xBC") || !g_utf8_validate(text, (gssize)len, NULL))
        return text;
    GString *out = g_string_sized_new(len);
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *q = p;
        GString *bytes = g_string_new(NULL);
        size_t chars = 0;
        while (q < end) {
            int b = mac_byte(g_utf8_get_char(q));
            if (b < 0) break;
            g_string_append_c(bytes, (char)b);
            chars++;
            q = g_utf8_next_char(q);
        }
        if (chars >= 2 && g_utf8_validate(bytes->str, (gssize)bytes->len, NULL) &&
            g_utf8_strlen(bytes->str, (gssize)bytes->len) < (glong)chars) {
            g_string_append_len(out, bytes->str, (gssize)bytes->len);
            (*fixed)++;
        } else {
            g_string_append_len(out, p, q - p);
        }
        g_string_free(bytes, TRUE);
        if (q == p) {
            const char *n = g_utf8_next_char(p);
            g_string_append_len(out, p, n - p);
            q = n;
        }
        p = q;
    }
    *out_len = out->len;
    char *r = jm_arena_strndup(a, out->str, out->len);
    g_string_free(out, TRUE);
    return r;
}

static const struct { const char *word; mdj_lane lane; } lane_words[] = {
    { "trigger events", MDJ_TRIGGERS }, { "trigger event", MDJ_TRIGGERS }, { "triggers", MDJ_TRIGGERS },
    { "trigger", MDJ_TRIGGERS }, { "actions", MDJ_ACTIONS }, { "action", MDJ_ACTIONS },
    { "thoughts", MDJ_THOUGHTS }, { "thought", MDJ_THOUGHTS }, { "emotions", MDJ_EMOTIONS },
    { "emotion", MDJ_EMOTIONS }, { "feelings", MDJ_EMOTIONS }, { "pain points", MDJ_PAINS },
    { "pain point", MDJ_PAINS }, { "pains", MDJ_PAINS }, { "opportunities", MDJ_OPPS },
    { "opportunity", MDJ_OPPS }, { "touchpoints", MDJ_TOUCHPOINTS }, { "touchpoint", MDJ_TOUCHPOINTS },
    { "touch points", MDJ_TOUCHPOINTS }, { "success metrics", MDJ_METRICS }, { "metrics", MDJ_METRICS },
    { "decision makers", MDJ_DECIDERS }, { "decision-makers", MDJ_DECIDERS },
    { "key features", MDJ_FEATURES }, { "features", MDJ_FEATURES },
};

mdj_lane jm_mdj_lane_of(const char *heading) {
    for (size_t i = 0; i < G_N_ELEMENTS(lane_words); i++)
        if (!g_ascii_strcasecmp(heading, lane_words[i].word)) return lane_words[i].lane;
    return MDJ_NONE;
}

/* "Word N" then ':', '.', '-' or an en/em dash: the offset after the separator and blanks, or 0. */
static size_t numbered_prefix(const char *s, const char *word) {
    size_t w = strlen(word), i = w;
    if (g_ascii_strncasecmp(s, word, w) || s[i] != ' ') return 0;
    while (s[i] == ' ') i++;
    size_t digits = i;
    while (g_ascii_isdigit(s[i])) i++;
    if (i == digits) return 0;
    while (s[i] == ' ') i++;
    if (s[i] == ':' || s[i] == '.' || s[i] == '-') i++;
    else if (!strncmp(s + i, "\xE2\x80\x93", 3) || !strncmp(s + i, "\xE2\x80\x94", 3)) i += 3;
    else return 0;
    while (s[i] == ' ') i++;
    return s[i] ? i : 0;
}

const char *jm_mdj_strip_stage(const char *s, bool *numbered) {
    size_t k = numbered_prefix(s, "stage");
    if (!k) k = numbered_prefix(s, "phase");
    *numbered = k > 0;
    return s + k;
}

bool jm_mdj_step_line(const char *s, const char **title) {
    size_t k = numbered_prefix(s, "step");
    if (!k) return false;
    *title = s + k;
    return true;
}

char *jm_mdj_clean(jm_arena *a, const char *s, size_t n) {
    GString *g = g_string_sized_new(n);
    for (size_t i = 0; i < n; i++) {
        if ((s[i] == '*' || s[i] == '_') && i + 1 < n && s[i + 1] == s[i]) { i++; continue; }
        if (s[i] == '`') continue;
        g_string_append_c(g, s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ? ' ' : s[i]);
    }
    char *t = g_strstrip(g->str);
    static const char *const quotes[][2] = { { "\"", "\"" }, { "\xE2\x80\x9C", "\xE2\x80\x9D" },
                                             { "\xE2\x80\x9E", "\xE2\x80\x9C" } };
    for (size_t q = 0; q < G_N_ELEMENTS(quotes); q++) {
        size_t lo = strlen(quotes[q][0]), lc = strlen(quotes[q][1]), tl = strlen(t);
        if (tl >= lo + lc + 1 && !strncmp(t, quotes[q][0], lo) && !strcmp(t + tl - lc, quotes[q][1])) {
            t[tl - lc] = '\0';
            t = g_strstrip(t + lo);
            break;
        }
    }
    char *r = jm_arena_strdup(a, t);
    g_string_free(g, TRUE);
    return r;
}

bool jm_mdj_emoji(jm_arena *a, const char *s, const char **emoji, const char **rest) {
    const char *p = s;
    gunichar ch = g_utf8_get_char(p);
    if (ch < 0x2000 || g_unichar_isalnum(ch) || ch == 0x201C || ch == 0x2018) return false;
    while (*p) {   /* the symbol with its joiners, variation selectors and skin tones */
        ch = g_utf8_get_char(p);
        bool part = p == s || ch == 0x200D || ch == 0xFE0F || ch == 0xFE0E || (ch >= 0x1F3FB && ch <= 0x1F3FF) ||
                    (ch >= 0xE0020 && ch <= 0xE007F) || (p > s && g_utf8_get_char(g_utf8_prev_char(p)) == 0x200D);
        if (!part) break;
        p = g_utf8_next_char(p);
    }
    *emoji = jm_arena_strndup(a, s, (size_t)(p - s));
    while (*p == ' ') p++;
    *rest = p;
    return true;
}

bool jm_mdj_mermaid_line(const char *s) {
    static const char *const heads[] = { "sequenceDiagram", "flowchart", "graph", "journey" };
    while (*s == ' ') s++;
    for (size_t i = 0; i < G_N_ELEMENTS(heads); i++) {
        size_t n = strlen(heads[i]);
        if (!strncmp(s, heads[i], n) && (!s[n] || s[n] == ' ' || s[n] == '\n' || s[n] == '\r')) return true;
    }
    return false;
}

bool jm_mdj_is_markdown(const char *file) {
    const char *dot = file ? strrchr(file, '.') : NULL;
    return dot && (!g_ascii_strcasecmp(dot, ".md") || !g_ascii_strcasecmp(dot, ".markdown"));
}
