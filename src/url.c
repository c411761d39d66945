/* url.c - jm_url_problem: the schemes and shapes of links a journey may carry (url.h). */
#include "url.h"
#include <glib.h>
#include <string.h>

/* Length of a scheme ("https" in "https://") at the start of s (RFC 3986: a letter, then letters,
 * digits, '+', '-', '.', then ':'), 0 when s has none: a relative reference. */
static size_t scheme_len(const char *s) {
    if (!g_ascii_isalpha(*s)) return 0;
    size_t n = 1;
    while (g_ascii_isalnum(s[n]) || s[n] == '+' || s[n] == '-' || s[n] == '.') n++;
    return s[n] == ':' ? n : 0;
}

const char *jm_url_problem(const char *url, size_t *at) {
    *at = 0;
    if (!url || !*url) return "it is empty (a link may be http, https, mailto or a relative path)";
    for (const char *p = url; *p; p++) {
        unsigned char ch = (unsigned char)*p;
        if (ch <= ' ' || ch == 0x7f) {
            *at = (size_t)(p - url);
            return ch == ' ' ? "a link cannot hold a space (write it as %20)"
                             : "a link cannot hold a control character or line break";
        }
    }
    size_t n = scheme_len(url);
    if (n == 0) {
        if (url[0] == '/' && url[1] == '/') return "'//' leaves the scheme open: write https://";
        return NULL;
    }
    const char *rest = url + n + 1;
    if ((n == 4 && !g_ascii_strncasecmp(url, "http", 4)) || (n == 5 && !g_ascii_strncasecmp(url, "https", 5))) {
        if (strncmp(rest, "//", 2) || !rest[2] || rest[2] == '/' || rest[2] == '?' || rest[2] == '#') {
            *at = (size_t)(rest - url);
            return "an http(s) link needs a host: 'https://example.com/...'";
        }
        return NULL;
    }
    if (n == 6 && !g_ascii_strncasecmp(url, "mailto", 6)) {
        if (!*rest) { *at = (size_t)(rest - url); return "a mailto: link needs an address"; }
        return NULL;
    }
    return "this scheme is not allowed (a link may be http, https, mailto or a relative path)";
}
