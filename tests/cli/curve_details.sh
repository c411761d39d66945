# tests/cli/curve_details.sh - details of the emotion curve and its frame, in the emotions view
# and the map's emotion lane, default and dark styles, asserted from --dump-scene: the tint under
# estimated and bridged segments tapers (no edge standing up from the baseline inside the curve,
# nothing over a stage without points), ...
U="$ROOT/samples/emotions-unscored.yaml"
STAGES="$ROOT/samples/emotions-stages.yaml"
PETRA="$ROOT/samples/petra-catena-x.yaml"
SEED2="$ROOT/samples/seed-002.md"

# tint_edges SCENE: prints "x" for every vertical edge of a tinted area (a line op that keeps x
# and moves y by more than 0.5 pt) that is not at the left or right end of all tinted areas.
tint_edges() {
    awk '/ path emotions\.area\./ {
            n = 0; px = ""; py = ""
            for (i = 1; i <= NF; i++) {
                if ($i != "M" && $i != "L" && $i != "C") continue
                op = $i
                if (op == "C") i += 2
                split($(i + 1), p, ","); x = p[1] + 0; y = p[2] + 0; i++
                if (op == "L" && px != "" && (x - px) * (x - px) < 1e-4 && (y - py) * (y - py) > 0.25) edge[++ne] = x
                px = x; py = y
                if (lo == "" || x < lo) lo = x
                if (hi == "" || x > hi) hi = x
            }
         }
         END { for (k = 1; k <= ne; k++) if (edge[k] - lo > 0.01 && hi - edge[k] > 0.01) print edge[k] }' "$1"
}

# --- the tint tapers toward estimated and unscored moments ---
for style in default dark; do
    for v in emotions map; do
        for f in "$U" "$STAGES" "$PETRA" "$SEED2"; do
            s=$(basename "$f"); s=${s%.*}
            "$JM" "$f" --view $v --style $style --dump-scene > "$T/$s-$v.scene" 2>"$T/err" \
                || { fail "tint $s $v $style: dump" "$(head -c 200 "$T/err")"; continue; }
            e=$(tint_edges "$T/$s-$v.scene")
            [ -z "$e" ] && pass "tint $s $v $style: no vertical edge inside the curve" \
                || fail "tint $s $v $style: no vertical edge inside the curve" "edges at x = $e"
        done
    done
done
# emotions-unscored has tinted areas on both sides, and they reach under the estimated and bridged parts
grep -q ' path emotions\.area\.negative .* L 540\.' "$T/emotions-unscored-emotions.scene" \
    && pass "tint unscored: the low under the bridged and estimated segments is tinted" \
    || fail "tint unscored: the low under the bridged and estimated segments is tinted" "$(grep -c area "$T/emotions-unscored-emotions.scene") areas"

# a gap stage between two stages with steps: the curve over it is a dashed bridge, nothing tinted over it
yaml midgap <<'EOF'
title: A gap in the middle
stages:
  - {name: Before}
  - {name: Not yet mapped, gap: true, note: not researched}
  - {name: After}
steps:
  - {title: One, stage: before, emotion: {label: Good, score: 1.5}}
  - {title: Two, stage: before, emotion: {label: Fine, score: 1}}
  - {title: Three, stage: after, emotion: {label: Better, score: 2}}
  - {title: Four, stage: after, emotion: {label: Low, score: -1}}
EOF
for style in default dark; do
    "$JM" "$T/midgap.yaml" --view emotions --style $style --dump-scene > "$T/midgap.scene" 2>"$T/err"
    grep -q ' path emotions\.curve\.bridge .* dash ' "$T/midgap.scene" && pass "gap stage $style: the curve over it is a dashed bridge" \
        || fail "gap stage $style: the curve over it is a dashed bridge" "no emotions.curve.bridge"
    awk '/ rect emotions\.band\.gap / { split($4, a, ","); split($5, b, "x"); x0 = a[1]; x1 = a[1] + b[1] }
         / path emotions\.area\./ { for (i = 1; i <= NF; i++) if ($i ~ /^[0-9.]+,[0-9.]+$/) { split($i, p, ","); xs[++n] = p[1] } }
         END { if (x1 <= x0) exit 1; for (k = 1; k <= n; k++) if (xs[k] > x0 + 0.01 && xs[k] < x1 - 0.01) exit 1 }' "$T/midgap.scene" \
        && pass "gap stage $style: no tint over it" || fail "gap stage $style: no tint over it" "an area reaches into the gap band"
    e=$(tint_edges "$T/midgap.scene")
    [ -z "$e" ] && pass "gap stage $style: the tint tapers into it" || fail "gap stage $style: the tint tapers into it" "edges at x = $e"
done
