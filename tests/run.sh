#!/usr/bin/env bash
# tests/run.sh - runs every test: unit programs (build/tests/test_*), shell tests (tests/cli/*.sh).
# Ends with "N passed, M failed"; exits non-zero when anything failed.
# JM_BUILD picks the build folder (build, build-asan); JM_UPDATE=1 regenerates reference files.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
BUILD=${JM_BUILD:-build}
export JM="$ROOT/$BUILD/journeymap" ROOT BUILD
export JM_RESULTS=$(mktemp)
export JM_SANITIZED=${JM_SANITIZED:-}
export JM_UPDATE=${JM_UPDATE:-}
passed=0 failed=0
# tests/out: diffs and the review page of reference failures, fresh for every run
rm -rf tests/out && mkdir -p tests/out
echo "<!doctype html><title>journeymap reference failures</title><body><h1>Reference failures</h1>" > tests/out/review.html

for t in "$BUILD"/tests/test_*; do
    [ -x "$t" ] || continue
    out=$("$t" 2>&1); rc=$?
    line=$(printf '%s\n' "$out" | grep -E '^[^ ]*: [0-9]+ passed, [0-9]+ failed$' | tail -n 1)
    if [ -z "$line" ]; then
        echo "FAIL $(basename "$t"): no result line (exit $rc)"; printf '%s\n' "$out" | tail -n 20
        failed=$((failed + 1)); continue
    fi
    p=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed/\1/')
    f=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed/\2/')
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; echo "FAIL $(basename "$t"): exit $rc"; fi
    [ "$f" -gt 0 ] && printf '%s\n' "$out" | grep -E '^(FAIL|==|[^ ]*(Sanitizer|runtime error))' | head -n 30
    echo "$(basename "$t"): $p passed, $f failed"
    passed=$((passed + p)); failed=$((failed + f))
done

for s in tests/cli/*.sh; do
    [ -f "$s" ] || continue
    T=$(mktemp -d); export T
    before=$(wc -l < "$JM_RESULTS")
    ( cd "$T" && source "$ROOT/tests/lib.sh" && source "$ROOT/$s" )
    after=$(wc -l < "$JM_RESULTS")
    p=$(tail -n $((after - before)) "$JM_RESULTS" | grep -c '^PASS')
    f=$(tail -n $((after - before)) "$JM_RESULTS" | grep -c '^FAIL')
    echo "$(basename "$s"): $p passed, $f failed"
    rm -rf "$T"
done
passed=$((passed + $(grep -c '^PASS' "$JM_RESULTS")))
failed=$((failed + $(grep -c '^FAIL' "$JM_RESULTS")))
rm -f "$JM_RESULTS"
grep -q '<h2>' tests/out/review.html && echo "reference image failures: open tests/out/review.html" >&2
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
