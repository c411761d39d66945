/* test_valence.c - the emoji valence table and the word list: every entry a real emoji (one code
 * point, a symbol in the emoji blocks, no duplicates) or a lower-case stem, every score in
 * -2 .. +2 in half steps; and estimates for emoji with selectors, skin tones, ZWJ sequences and
 * for labels. */
#include "check.h"
#include "valence.h"
#include <glib.h>

static bool emoji_block(gunichar c) {
    return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2000 && c <= 0x2BFF);
}

static void table_entries(void) {
    size_t n;
    const jm_valence_entry *t = jm_valence_emoji(&n);
    CHECK(n >= 300, "the emoji table has %zu entries, want a few hundred", n);
    for (size_t i = 0; i < n; i++) {
        const char *k = t[i].key;
        CHECK(g_utf8_validate(k, -1, NULL) && g_utf8_strlen(k, -1) == 1, "entry %zu '%s' is one code point", i, k);
        gunichar c = g_utf8_get_char(k);
        GUnicodeType ty = g_unichar_type(c);
        CHECK(emoji_block(c) && (ty == G_UNICODE_OTHER_SYMBOL || c == 0x203C || c == 0x2049),
              "entry %zu U+%04X is a symbol in an emoji block (type %d)", i, c, ty);
        CHECK(t[i].score >= -2 && t[i].score <= 2 && t[i].score * 2 == (int)(t[i].score * 2),
              "U+%04X score %g in -2..+2 in half steps", c, t[i].score);
        size_t dup = i;
        for (size_t j = 0; j < i && dup == i; j++)
            if (strcmp(t[j].key, k) == 0) dup = j;
        CHECK(dup == i, "U+%04X is in the table twice (%zu, %zu)", c, dup, i);
    }
    const jm_valence_entry *w = jm_valence_words(&n);
    CHECK(n >= 20, "the word list has %zu stems", n);
    for (size_t i = 0; i < n; i++) {
        char *low = g_utf8_strdown(w[i].key, -1);
        CHECK(strcmp(low, w[i].key) == 0 && *w[i].key, "stem '%s' is lower case", w[i].key);
        g_free(low);
        CHECK(w[i].score >= -2 && w[i].score <= 2, "stem '%s' score %g", w[i].key, w[i].score);
    }
}

static void estimates(void) {
    double s = 99;
    CHECK(jm_valence_estimate("😤", NULL, &s) && s == -2, "😤 -> %g", s);
    CHECK(jm_valence_estimate("🎉", "Frustrated", &s) && s == 2, "the emoji wins over the label: %g", s);
    CHECK(jm_valence_estimate("❤️", NULL, &s) && s == 2, "❤ with VS16 -> %g", s);
    CHECK(jm_valence_estimate("👍🏽", NULL, &s) && s == 1.5, "👍 with a skin tone -> %g", s);
    CHECK(jm_valence_estimate("🤦‍♀️", NULL, &s) && s == -1.5, "🤦 ZWJ ♀ -> %g", s);
    CHECK(jm_valence_estimate("🤔", "Unsure", &s) && s == -0.5, "🤔 -> %g", s);
    CHECK(jm_valence_estimate(NULL, "Frustration with current state", &s) && s == -2, "word -> %g", s);
    CHECK(jm_valence_estimate("", "Mildly ANNOYED by it", &s) && s == -1, "second word, any case -> %g", s);
    CHECK(jm_valence_estimate("🇩🇪", "Curious about the pricing", &s) && s == 1, "unknown emoji, word -> %g", s);
    CHECK(jm_valence_estimate(NULL, "Relieved", &s) && s == 1, "relieved -> %g", s);
    CHECK(jm_valence_estimate(NULL, "Delighted!", &s) && s == 2, "delighted -> %g", s);
    s = 99;
    CHECK(!jm_valence_estimate("🇩🇪", "Looks at the page", &s) && s == 99, "nothing known: false, score untouched");
    CHECK(!jm_valence_estimate(NULL, NULL, &s), "nothing given: false");
    CHECK(!jm_valence_estimate("\xff", "\xfe", &s), "invalid UTF-8: false");
    CHECK(!jm_valence_estimate(NULL, "unsad", &s), "a stem matches at the start of a word only");
}

static void means(void) {
    jm_emotion e[3] = { { .score = 1, .has_score = true }, { .label = "no score" },
                        { .score = -2, .has_score = true, .estimated = true, .estimated_from = JM_EST_WORDS } };
    jm_emotion m = { .score = 99 };
    CHECK(jm_valence_mean(e, 3, &m) && m.score == -0.5 && m.has_score && m.estimated && m.estimated_from == JM_EST_WORDS,
          "mean of the scored two, estimated from words: %g", m.score);
    m = (jm_emotion){ .score = 99 };
    CHECK(jm_valence_mean(e, 1, &m) && m.score == 1 && !m.estimated && !m.estimated_from, "one stated score: %g", m.score);
    m = (jm_emotion){ .score = 99 };
    CHECK(!jm_valence_mean(e + 1, 1, &m) && m.score == 99 && !m.has_score, "none scored: false, untouched");
    jm_emotion f = { .emoji = "😤", .label = "Frustration" };
    jm_valence_fill(&f);
    CHECK(f.has_score && f.estimated && f.score == -2 && f.estimated_from == JM_EST_EMOJI, "fill: estimated from the emoji");
    jm_emotion w = { .emoji = "🇩🇪", .label = "Frustration" };
    jm_valence_fill(&w);
    CHECK(w.has_score && w.estimated && w.score == -2 && w.estimated_from == JM_EST_WORDS, "fill: estimated from the words");
    jm_emotion both[2] = { f, w };
    m = (jm_emotion){ 0 };
    CHECK(jm_valence_mean(both, 2, &m) && m.estimated_from == (JM_EST_EMOJI | JM_EST_WORDS), "mean: from emoji and words");
    jm_emotion g = { .emoji = "😤", .score = 1, .has_score = true };
    jm_valence_fill(&g);
    CHECK(g.score == 1 && !g.estimated, "fill: a stated score stays");
}

int main(void) {
    means();
    table_entries();
    estimates();
    return CHECK_DONE();
}
