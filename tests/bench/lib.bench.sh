# lib.bench.sh - sourced by run.sh: the library (one context, the storyline drawn LIB_COUNT times,
# default 1000, to SVG and to PNG in memory) against the command line's time per process for the
# same drawing (measured above by sequence.bench.sh, or here).
echo
echo "== library (tests/bench/lib_bench.c: samples/seq-storyline.yaml, one context, ${LIB_COUNT:-1000} renders each)"
LIB_BENCH=${LIB_BENCH:-$ROOT/build/tests/lib_bench}
if "$LIB_BENCH" samples/seq-storyline.yaml sequence "${LIB_COUNT:-1000}" svg png > "$OUT/lib.txt" 2> "$OUT/lib.err"; then
    cat "$OUT/lib.txt"
    for fmt in svg png; do
        grep -q "journeymap sequence $fmt" "$OUT/results" 2>/dev/null || \
            measure "journeymap sequence $fmt" "$OUT/s.$fmt" "$JM" samples/seq-storyline.yaml --view sequence -o "$OUT/s.$fmt"
        cli=$(awk -F'\t' -v n="journeymap sequence $fmt" '$1 == n {print $2 / 1000}' "$OUT/results")
        lib=$(awk -v f="$fmt" '$2 == f {print $(NF-4)}' "$OUT/lib.txt")
        awk -v f="$fmt" -v c="$cli" -v l="$lib" 'BEGIN { if (c > 0 && l > 0) printf "  %s: %.2f ms per library render, %.1f ms per CLI process: %.1fx\n", f, l, c, c / l }'
    done
else
    echo "library bench FAILED: $(head -c 300 "$OUT/lib.err")"; BAD=1
fi
