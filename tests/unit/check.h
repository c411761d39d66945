/* check.h - the unit tests' tiny harness: CHECK counts a pass or prints a failure with its place;
 * SKIP(N, why...) counts N checks that cannot run here and prints a SKIP line saying why; each
 * test program ends with CHECK_DONE(), which prints "N passed, M failed" (", K skipped" when any)
 * and sets the exit. */
#ifndef JM_CHECK_H
#define JM_CHECK_H
#include <stdio.h>
#include <string.h>
#include <math.h>

static int check_passed, check_failed, check_skipped;

#define CHECK(cond, ...) do { \
    if (cond) check_passed++; \
    else { check_failed++; fprintf(stderr, "FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond); \
           fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); } } while (0)
#define CHECK_STR(a, b) do { const char *a_ = (a), *b_ = (b); \
    CHECK(a_ && b_ && strcmp(a_, b_) == 0, "got '%s', want '%s'", a_ ? a_ : "(null)", b_ ? b_ : "(null)"); } while (0)
#define CHECK_NEAR(a, b, eps) do { double a_ = (a), b_ = (b); \
    CHECK(fabs(a_ - b_) <= (eps), "got %g, want %g", a_, b_); } while (0)
#define SKIP(n, ...) do { check_skipped += (n); fprintf(stderr, "SKIP %s:%d: ", __FILE__, __LINE__); \
                             fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); } while (0)
#define CHECK_DONE() (printf("%s: %d passed, %d failed", __FILE__, check_passed, check_failed), \
                      check_skipped ? printf(", %d skipped", check_skipped) : 0, putchar('\n'), \
                      check_failed ? 1 : 0)
#endif
