# tests/cli/library.sh - libjourneymap: its exported symbols are the header's API and nothing
# else (ABI discipline), its soname and links, no exit/abort/stdio of its own, the example
# program, and the CLI's drawings and errors through the library alone (tests/librender.c): every
# sample in every view it supports as PNG and SVG, its handout as PDF, and every hostile input's
# exit status and diagnostics, the same bytes as the CLI's.
# shards: 3
LIB="$ROOT/$BUILD/libjourneymap.so"
LIBRENDER="$ROOT/$BUILD/tests/librender"

if first_shard; then
    # ---- ABI: exported symbols == the JM_PUBLIC functions of journeymap.h ----
    nm -D --defined-only "$LIB" | awk '$2 != "A" { sub(/@.*/, "", $3); print $3 }' | sort > exported.txt
    grep -E '^JM_PUBLIC ' "$ROOT/include/journeymap.h" | sed -E 's/^JM_PUBLIC [^(]*[ *]([a-z_0-9]+) *\(.*/\1/' \
        | sort > declared.txt
    [ -s exported.txt ] && [ "$(grep -vc '^jm_' exported.txt)" = 0 ] \
        && pass "library exports only jm_ symbols ($(wc -l < exported.txt))" \
        || fail "library exports only jm_ symbols" "$(grep -v '^jm_' exported.txt | head -5 | tr '\n' ' ')"
    diff declared.txt exported.txt > abi.diff && pass "exported symbols are exactly the header's JM_PUBLIC functions" \
        || fail "exported symbols are exactly the header's JM_PUBLIC functions" "$(head -c 300 abi.diff)"
    nm -D --defined-only "$LIB" | grep -q ' A JOURNEYMAP_0$' && [ "$(nm -D --defined-only "$LIB" | grep -c '@@JOURNEYMAP_0$')" = "$(wc -l < exported.txt)" ] \
        && pass "every export is in version node JOURNEYMAP_0" || fail "every export is in version node JOURNEYMAP_0" "$(nm -D --defined-only "$LIB" | head -3)"
    soname=$(readelf -d "$LIB" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')
    [ "$soname" = libjourneymap.so.0 ] && pass "soname libjourneymap.so.0" || fail "soname libjourneymap.so.0" "got '$soname'"
    [ -L "$ROOT/$BUILD/libjourneymap.so.0" ] && [ -f "$ROOT/$BUILD/libjourneymap.a" ] \
        && [ "$(readlink -f "$LIB")" = "$(readlink -f "$ROOT/$BUILD/libjourneymap.so.0")" ] \
        && pass "shared library links and static archive" || fail "shared library links and static archive" "$(ls -l "$ROOT/$BUILD"/libjourneymap*)"
    bad=$(nm -D --undefined-only "$LIB" | awk '{ sub(/@.*/, "", $2); print $2 }' | grep -xE 'exit|_exit|abort|stdout|stderr|printf|puts|setenv|putenv|signal')
    [ -z "$bad" ] && pass "the library calls no exit/abort and prints nothing" || fail "the library calls no exit/abort and prints nothing" "$bad"
    # the CLI is a client of the static library: no second copy of the pipeline in main.c
    grep -q 'jm_pipeline_layout' "$ROOT/src/main.c" && ! grep -q 'jm_handout_layout\|jm_fit_layout' "$ROOT/src/main.c" \
        && pass "main.c draws through the library's pipeline" || fail "main.c draws through the library's pipeline" "main.c lays out itself"

    # ---- the example program ----
    expect_exit "examples/render_png runs" 0 "$ROOT/$BUILD/examples/render_png" petra.png
    expect_out "example lists the journey's views" "view: emotions"
    "$ROOT/$BUILD/tests/pnginfo" petra.png > petra.info 2>&1 && grep -q '^width ' petra.info \
        && pass "example's PNG decodes" || fail "example's PNG decodes" "$(head -c 200 petra.info)"

    # ---- errors: the same status and the same diagnostics ----
    for f in "$ROOT"/tests/hostile/*.yaml; do
        b=$(basename "$f" .yaml)
        (cd "$(dirname "$f")" && "$JM" "$b.yaml" -o "$T/cli-$b.png") > /dev/null 2> "cli-$b.err"; c1=$?
        (cd "$(dirname "$f")" && "$LIBRENDER" "$b.yaml" "$T/lib-$b.png") > /dev/null 2> "lib-$b.err"; c2=$?
        [ "$c1" = "$c2" ] && pass "hostile $b: library status $c2 = CLI exit" || fail "hostile $b: library status = CLI exit" "library $c2, CLI $c1"
        cmp -s "cli-$b.err" "lib-$b.err" && pass "hostile $b: the same diagnostics" \
            || fail "hostile $b: the same diagnostics" "$(diff "cli-$b.err" "lib-$b.err" | head -c 300)"
    done
    expect_exit "library: bad option value is status 2" 2 "$LIBRENDER" "$ROOT/samples/funnel-basic.yaml" x.png scale=9
    expect_err "library: the CLI's message for it" "--scale must be a number from 0.1 to 8, not '9'"
fi

# ---- drawings: the same bytes through the library as through the CLI ----
cd "$ROOT/samples"
for f in $(shard *.yaml *.mmd journey-*.md); do
    b=${f%.*}
    for v in $("$JM" "$f" --list-views 2>/dev/null); do
        for fmt in png svg; do
            "$JM" "$f" --view "$v" -o "$T/cli.$fmt" 2>/dev/null; c1=$?
            "$LIBRENDER" "$f" "$T/lib.$fmt" view="$v" format="$fmt" 2>/dev/null; c2=$?
            if [ "$c1" = 0 ] && [ "$c2" = 0 ] && cmp -s "$T/cli.$fmt" "$T/lib.$fmt"; then pass "$b $v $fmt: library = CLI"
            else fail "$b $v $fmt: library = CLI" "exit $c1 / $c2, or the bytes differ"; fi
        done
    done
    "$JM" "$f" --view all -o "$T/cli.pdf" 2>/dev/null; c1=$?
    "$LIBRENDER" "$f" "$T/lib.pdf" view=all format=pdf 2>/dev/null; c2=$?
    [ "$c1" = "$c2" ] && { [ "$c1" != 0 ] || cmp -s "$T/cli.pdf" "$T/lib.pdf"; } && pass "$b handout pdf: library = CLI" \
        || fail "$b handout pdf: library = CLI" "exit $c1 / $c2, or the bytes differ"
done
cd "$T"
