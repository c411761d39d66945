/* url.h - the links a journey may carry (a stage's, step's, card's or participant's `url`, a
 * Mermaid `link` or `click`): which are accepted. A link ends up in PDF annotations and SVG <a>
 * elements that readers click, so only schemes that open a page or a mail are let through. */
#ifndef JM_URL_H
#define JM_URL_H
#include <stddef.h>

/* NULL when `url` is acceptable: http:// or https:// with a host, mailto: with an address, or a
 * relative reference ("docs/stage.html", "../x.md#a", "/path", "#anchor", "?q"). Otherwise what
 * is wrong, as a phrase for "error: url '...': <phrase>", with *at set to the byte offset it is
 * about (0: the whole url).
 * Refused: other schemes (javascript:, data:, file:, vbscript: ...), an empty url, a
 * scheme-relative "//host", spaces and control characters (write them %-encoded). */
const char *jm_url_problem(const char *url, size_t *at);
#endif
