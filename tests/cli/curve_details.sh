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
awk '/ path emotions\.marker\.low / { split($4, a, ","); split($5, b, "x"); lx = a[1] + b[1] / 2 }
     / path emotions\.area\.negative / { split($4, a, ","); split($5, b, "x"); x0[++n] = a[1]; x1[n] = a[1] + b[1] }
     END { for (k = 1; k <= n; k++) if (x0[k] < lx - 20 && x1[k] > lx + 20) exit 0; exit 1 }' "$T/emotions-unscored-emotions.scene" \
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

# label_faults SCENE: prints a line for every label that is neither right at its marker (straight
# above or below it within label-gap 4 pt of its edge, the marker under the middle half of the
# box; or beside it at its height) nor joined to it by a leader, and for every label of a highest
# moment at or above the baseline that reaches below it (or of a lowest one at or below it that
# reaches above it). Markers and labels pair up by their source position; a leader belongs to the
# marker its start touches.
label_faults() {
    awk 'function num(s, i,  a) { split(s, a, ","); return a[i] + 0 }
         function w(s,  a) { split(s, a, "x"); return a[1] + 0 }
         function h(s,  a) { split(s, a, "x"); return a[2] + 0 }
         / path emotions\.baseline / { base = num($4, 2) }
         / path emotions\.marker(\.dot)?(\.estimated)? / || / path emotions\.marker\.(high|low)(\.estimated)? / {
             src = $NF; r = w($5) / 2; cx = num($4, 1) + r; cy = num($4, 2) + r
             if ($3 ~ /\.(high|low)/) for (i = 6; i < NF; i++) if ($i == "stroke") r += $(i + 2) / 2   # a ring: its outer edge
             if (!(src in mr) || r > mr[src]) mr[src] = r      # reach: the ring when there is one
             mx[src] = cx; my[src] = cy
             if ($3 ~ /\.high/) high[src] = 1
             if ($3 ~ /\.low/) low[src] = 1
         }
         / path emotions\.leader / { nl++; lx[nl] = num($4, 1); ly[nl] = num($4, 2)
             for (i = 1; i <= NF; i++) if ($i == "M") { lx[nl] = num($(i + 1), 1); ly[nl] = num($(i + 1), 2) } }
         / text emotions\.label/ { nb++; src = ""; for (i = NF; i > 5; i--) if ($i ~ /^@[0-9]+:[0-9]+$/) { src = $i; break }
             bs[nb] = src; bx0[nb] = num($4, 1); by0[nb] = num($4, 2); bx1[nb] = bx0[nb] + w($5); by1[nb] = by0[nb] + h($5); br[nb] = $3 }
         END {
             for (k = 1; k <= nb; k++) {
                 s = bs[k]; if (!(s in mx)) { print "label " k " has no marker (" s ")"; continue }
                 x = mx[s]; y = my[s]; r = mr[s]; bw = bx1[k] - bx0[k]
                 up = y - r - by1[k]; dn = by0[k] - y - r; rt = bx0[k] - x - r; lt = x - r - bx1[k]
                 col = (x - (bx0[k] + bx1[k]) / 2) ^ 2 <= (bw / 4 + 0.01) ^ 2
                 row = (y - (by0[k] + by1[k]) / 2) ^ 2 <= 0.25
                 at = (col && ((up >= -0.01 && up <= 4.5) || (dn >= -0.01 && dn <= 4.5))) || (row && ((rt >= -0.01 && rt <= 4.5) || (lt >= -0.01 && lt <= 4.5)))
                 led = 0
                 for (i = 1; i <= nl; i++) if (((lx[i] - x) ^ 2 + (ly[i] - y) ^ 2) <= (r + 0.1) ^ 2) led = 1
                 if (!at && !led) printf "label %s at %.1f,%.1f is away from its marker at %.1f,%.1f without a leader\n", s, bx0[k], by0[k], x, y
                 if (br[k] == "emotions.label.high" && y <= base + 0.01 && by1[k] > base + 0.01) printf "high label %s reaches below the baseline\n", s
                 if (br[k] == "emotions.label.low" && y >= base - 0.01 && by0[k] < base - 0.01) printf "low label %s reaches above the baseline\n", s
             }
         }' "$1"
}

# --- a displaced label has a leader; an extreme's label stays on its side of the baseline ---
for style in default dark; do
    for v in emotions map; do
        for f in "$U" "$STAGES" "$PETRA" "$SEED2" "$ROOT/samples/emotions-sixty.yaml" "$ROOT/samples/enterprise-buyer.yaml" \
                 "$ROOT/samples/seed-001.md" "$ROOT/samples/style-dark.yaml"; do
            s=$(basename "$f"); s=${s%.*}
            "$JM" "$f" --view $v --style $style --dump-scene > "$T/l.scene" 2>"$T/err" \
                || { fail "labels $s $v $style: dump" "$(head -c 200 "$T/err")"; continue; }
            n=$(grep -c ' text emotions\.label' "$T/l.scene")
            e=$(label_faults "$T/l.scene")
            [ "$n" -gt 0 ] && [ -z "$e" ] && pass "labels $s $v $style: $n labels, each at its marker or led to it" \
                || fail "labels $s $v $style: each label at its marker or led to it" "$n labels; $(echo "$e" | head -3)"
        done
    done
done

# --- step titles wrap, stagger over rows or end in an ellipsis instead of disappearing ---
SIXTY="$ROOT/samples/emotions-sixty.yaml"
grep -o 'title: "[^"]*"' "$SIXTY" | sed 's/^title: "//; s/"$//' > "$T/titles"
for w in natural 1000; do
    args=(--view emotions --dump-scene); [ $w != natural ] && args+=(--width $w)
    "$JM" "$SIXTY" "${args[@]}" 2>"$T/err" | grep ' text emotions\.step\.title ' | sed 's/.*"\(.*\)"$/\1/' > "$T/shown"
    n=$(wc -l < "$T/shown")
    [ "$n" = 60 ] && pass "sixty steps width $w: all 60 titles shown" || fail "sixty steps width $w: all 60 titles shown" "$n"
    bad=$(paste -d '\t' "$T/titles" "$T/shown" | awk -F '\t' '{ t = $2; if (t == $1) next; sub(/…$/, "", t)
            if (t == $2 || t == "" || index($1, t) != 1) print $2 }' | head -3)
    [ -z "$bad" ] && pass "sixty steps width $w: each title whole, or its start and an ellipsis" \
        || fail "sixty steps width $w: each title whole, or its start and an ellipsis" "$bad"
    expect_exit "sixty steps width $w: titles laid out clean" 0 "$JM" "$SIXTY" "${args[@]/--dump-scene/--check-layout}"
done
"$JM" "$U" --view map --dump-scene > "$T/um.scene" 2>"$T/err"
n=$(grep -c ' text emotions\.step\.title ' "$T/um.scene")
[ "$n" = 7 ] && pass "unscored map: its narrow step columns still show the 7 titles" || fail "unscored map: 7 titles" "$n"
