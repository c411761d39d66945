# tests/lib.sh - helpers for the shell tests (sourced by tests/run.sh before each tests/cli/*.sh).
# Each check appends one line to $JM_RESULTS: "PASS name", "FAIL name: why" or "SKIP name: why".
# Variables: JM (the binary), ROOT (the repo), T (a fresh temporary folder for this job, also the
# current folder), JM_SHARD and JM_SHARDS (which job of a sharded script this is).

pass() { echo "PASS $1" >> "$JM_RESULTS"; }
fail() { echo "FAIL $1: $2" >> "$JM_RESULTS"; echo "FAIL $1: $2" >&2; }
# skip NAME REASON: a check that cannot run here; printed and counted, never silent.
skip() { echo "SKIP $1: $2" >> "$JM_RESULTS"; echo "SKIP $1: $2" >&2; }

# Sharding: a script with a header line "# shards: N" runs as N parallel jobs (tests/run.sh).
# shard ITEMS...: prints this job's share of ITEMS, one a line (every Nth item; all when unsharded).
# first_shard: true in exactly one job, for the checks outside the sharded loops; a sharded
# script ends those loops with `first_shard || return 0` and runs its other checks after it.
shard() {
    local i=0 x
    for x; do [ $((i % ${JM_SHARDS:-1})) = "${JM_SHARD:-0}" ] && printf '%s\n' "$x"; i=$((i + 1)); done
}
first_shard() { [ "${JM_SHARD:-0}" = 0 ]; }

# The floors' roles as the tests see them (awk regexes over a --dump-scene text's role, written
# apart from the program's jm_role_floor on purpose): no floor for pictures set as text; the tag
# floor (6 pt on paper) for tags, chips, badges, the archetype, step numbers and axis ticks.
FLOOR_NONE_RE='emoji|[.]icon'
FLOOR_TAG_RE='[.](tag|chip|badge|archetype)[.]|[.]step[.]number|[.]scale|[.]tick'

# ok NAME CMD...: passes when CMD exits 0.
ok() { local n=$1; shift; if "$@" >/dev/null 2>"$T/ok.err"; then pass "$n"; else fail "$n" "exit $? from: $* ($(head -c 300 "$T/ok.err"))"; fi; }

# expect_exit NAME CODE CMD...: runs CMD, passes when it exits with CODE; output kept in $T/out, $T/err.
expect_exit() {
    local n=$1 code=$2; shift 2
    "$@" >"$T/out" 2>"$T/err"; local rc=$?
    if [ "$rc" = 99 ] && [ -n "$JM_SANITIZED" ]; then fail "$n" "sanitizer report: $(head -c 600 "$T/err")"; return; fi
    if [ "$rc" = "$code" ]; then pass "$n"; else fail "$n" "exit $rc, want $code: $(head -c 300 "$T/err")"; fi
}

# expect_err NAME TEXT: the last expect_exit's stderr contains TEXT (fixed string).
expect_err() { if grep -qF -- "$2" "$T/err"; then pass "$1"; else fail "$1" "stderr lacks '$2': $(head -c 300 "$T/err")"; fi; }
# expect_err_lacks NAME TEXT: the last expect_exit's stderr does not contain TEXT (fixed string).
expect_err_lacks() { if grep -qF -- "$2" "$T/err"; then fail "$1" "stderr has '$2': $(head -c 300 "$T/err")"; else pass "$1"; fi; }
# expect_out NAME TEXT: the last expect_exit's stdout contains TEXT.
expect_out() { if grep -qF -- "$2" "$T/out"; then pass "$1"; else fail "$1" "stdout lacks '$2': $(head -c 300 "$T/out")"; fi; }

# no_defects NAME PENDING REASON CMD...: CMD (a --check-layout run) finds no layout defect. Defects
# still open elsewhere, every one matching the extended regex PENDING, are a SKIP naming REASON.
no_defects() {
    local n=$1 pending=$2 why=$3; shift 3
    "$@" > "$T/defects" 2>"$T/err"; local rc=$?
    if [ "$rc" = 0 ]; then pass "$n"; return; fi
    if [ "$rc" = 4 ] && ! grep '^defect:' "$T/defects" | grep -vqE "$pending"; then
        skip "$n" "pending, $why: $(grep -m 1 '^defect:' "$T/defects" | head -c 160)"
    else
        fail "$n" "exit $rc: $(grep -m 2 '^defect:' "$T/defects" | head -c 300) $(head -c 200 "$T/err")"
    fi
}

# same NAME A B: files have the same bytes.
same() { if cmp -s "$2" "$3"; then pass "$1"; else fail "$1" "$2 and $3 differ"; fi; }

# yaml NAME <<'EOF' ... : writes a journey file $T/NAME.yaml from stdin.
yaml() { cat > "$T/$1.yaml"; }

# References (tests/ref): ref_scene NAME FILE compares a scene dump as numbers (tests/scenecmp.c:
# words exactly, decimals within 0.05 pt), ref_png NAME FILE an image with a per-pixel tolerance;
# a failure leaves the differences in tests/out (NAME.scene.diff: scenecmp's report, then the
# whole diff -u) and an image failure a row on the review page tests/out/review.html (reference,
# output and diff side by side). JM_UPDATE=1 rewrites them.
REF="$ROOT/tests/ref"
OUT="$ROOT/tests/out"
REVIEW=${JM_REVIEW:-$OUT/review.html}   # this job's rows; tests/run.sh merges them into the page
IMGCMP="$ROOT/$BUILD/tests/imgcmp"
SCENECMP="$ROOT/$BUILD/tests/scenecmp"

ref_scene() {
    if [ -n "$JM_UPDATE" ]; then cp "$2" "$REF/$1.scene"; pass "$1: scene reference updated"
    elif [ ! -f "$REF/$1.scene" ]; then fail "$1: scene reference" "no $REF/$1.scene (run make test-update)"
    elif "$SCENECMP" "$REF/$1.scene" "$2" --show 1 > "$T/scmp" 2>&1; then pass "$1: scene matches reference"
    else
        { "$SCENECMP" "$REF/$1.scene" "$2" --show 10; echo; diff -u "$REF/$1.scene" "$2"; } > "$OUT/$1.scene.diff" 2>&1
        fail "$1: scene matches reference" "$(tail -n +2 "$T/scmp" | grep -v '^      ')
  (see tests/out/$1.scene.diff)"
    fi
}

ref_png() {
    if [ -n "$JM_UPDATE" ]; then cp "$2" "$REF/$1.png"; pass "$1: image reference updated"
    elif [ ! -f "$REF/$1.png" ]; then fail "$1: image reference" "no $REF/$1.png (run make test-update)"
    elif "$IMGCMP" "$REF/$1.png" "$2" --tolerance 16 --max-pixels 50 --diff "$OUT/$1-diff.png" > "$T/cmp" 2>&1; then
        pass "$1: image matches reference"
    else
        fail "$1: image matches reference" "$(head -c 200 "$T/cmp"); see tests/out/review.html"
        cp "$2" "$OUT/$1.png"
        printf '<h2>%s</h2><p>%s</p><table><tr><th>reference</th><th>output</th><th>diff</th></tr><tr><td><img src="../ref/%s.png" width=400></td><td><img src="%s.png" width=400></td><td><img src="%s-diff.png" width=400></td></tr></table>\n' \
            "$1" "$(cat "$T/cmp")" "$1" "$1" "$1" >> "$REVIEW"
    fi
}
