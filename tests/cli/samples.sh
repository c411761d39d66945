# tests/cli/samples.sh - every sample in every view it supports: loads, lays out without defects,
# and matches its reference scene dump (tests/ref/SAMPLE-VIEW.scene, numbers within 0.05 pt) and
# reference image (tests/ref/SAMPLE-VIEW.png, per-pixel tolerance, a diff image on failure).
# JM_UPDATE=1 (make test-update) rewrites the references on purpose.
# shards: 6

for f in $(shard "$ROOT"/samples/*.yaml); do
    s=$(basename "$f" .yaml)
    # one process fewer per question: --list-views loads the file as --check does (exit 1 on any
    # error), and --check-layout with -o checks the layout, then writes the image if it is clean
    expect_exit "$s: loads" 0 "$JM" "$f" --list-views
    views=$(cat "$T/out")
    [ -n "$views" ] && pass "$s: has a view" || fail "$s: has a view" "--list-views printed nothing"
    for v in $views; do
        name="$s-$v"
        "$JM" "$f" --view "$v" --check-layout -o "$T/$name.png" > "$T/defects" 2>&1; rc=$?
        [ $rc = 0 ] && pass "$name: no layout defects" || fail "$name: no layout defects" "exit $rc: $(head -n 3 "$T/defects" | tr '\n' ' ')"
        "$JM" "$f" --view "$v" --dump-scene > "$T/$name.scene" 2>"$T/err" || fail "$name: dump" "$(head -c 200 "$T/err")"
        if [ $rc != 0 ]; then   # nothing written: render anyway, so that the image is compared too
            "$JM" "$f" --view "$v" -o "$T/$name.png" 2>"$T/err" || { fail "$name: renders" "$(head -c 200 "$T/err")"; continue; }
        fi
        ref_scene "$name" "$T/$name.scene"
        ref_png "$name" "$T/$name.png"
    done
done
