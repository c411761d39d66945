# tests/cli/samples.sh - every sample in every view it supports: loads, lays out without defects,
# and matches its reference scene dump (tests/ref/SAMPLE-VIEW.scene, compared as text) and
# reference image (tests/ref/SAMPLE-VIEW.png, per-pixel tolerance, a diff image on failure).
# JM_UPDATE=1 (make test-update) rewrites the references on purpose.
IMGCMP="$ROOT/$BUILD/tests/imgcmp"
REF="$ROOT/tests/ref"
OUT="$ROOT/tests/out"
mkdir -p "$OUT"
review="$OUT/review.html"
echo "<!doctype html><title>journeymap reference failures</title><body><h1>Reference failures</h1>" > "$review"
failures=0

for f in "$ROOT"/samples/*.yaml; do
    s=$(basename "$f" .yaml)
    expect_exit "$s: loads" 0 "$JM" "$f" --check
    views=$("$JM" "$f" --list-views 2>/dev/null)
    [ -n "$views" ] && pass "$s: has a view" || fail "$s: has a view" "--list-views printed nothing"
    for v in $views; do
        name="$s-$v"
        "$JM" "$f" --view "$v" --check-layout > "$T/defects" 2>&1; rc=$?
        [ $rc = 0 ] && pass "$name: no layout defects" || fail "$name: no layout defects" "exit $rc: $(head -n 3 "$T/defects" | tr '\n' ' ')"
        "$JM" "$f" --view "$v" --dump-scene > "$T/$name.scene" 2>"$T/err" || fail "$name: dump" "$(head -c 200 "$T/err")"
        "$JM" "$f" --view "$v" -o "$T/$name.png" 2>"$T/err" || { fail "$name: renders" "$(head -c 200 "$T/err")"; continue; }
        if [ -n "$JM_UPDATE" ]; then
            cp "$T/$name.scene" "$REF/$name.scene"; cp "$T/$name.png" "$REF/$name.png"
            pass "$name: reference updated"; continue
        fi
        if [ ! -f "$REF/$name.scene" ]; then
            fail "$name: scene reference" "no $REF/$name.scene (run make test-update)"
        elif diff -u "$REF/$name.scene" "$T/$name.scene" > "$OUT/$name.scene.diff"; then
            pass "$name: scene matches reference"; rm -f "$OUT/$name.scene.diff"
        else
            fail "$name: scene matches reference" "see tests/out/$name.scene.diff"
        fi
        if [ ! -f "$REF/$name.png" ]; then
            fail "$name: image reference" "no $REF/$name.png (run make test-update)"
        elif "$IMGCMP" "$REF/$name.png" "$T/$name.png" --tolerance 16 --max-pixels 50 --diff "$OUT/$name-diff.png" > "$T/cmp" 2>&1; then
            pass "$name: image matches reference"
        else
            fail "$name: image matches reference" "$(head -c 200 "$T/cmp"); see tests/out/$name-diff.png"
            cp "$T/$name.png" "$OUT/$name.png"
            failures=$((failures + 1))
            printf '<h2>%s</h2><p>%s</p><table><tr><th>reference</th><th>output</th><th>diff</th></tr><tr><td><img src="../ref/%s.png" width=400></td><td><img src="%s.png" width=400></td><td><img src="%s-diff.png" width=400></td></tr></table>\n' \
                "$name" "$(cat "$T/cmp")" "$name" "$name" "$name" >> "$review"
        fi
    done
done
[ $failures -gt 0 ] && echo "reference image failures: open tests/out/review.html" >&2
