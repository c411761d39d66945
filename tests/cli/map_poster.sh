# tests/cli/map_poster.sh - the map poster carries what the funnel carries and is one shape: the
# stages' item cards in a lane of cards, no label column without lanes, one right edge for the
# stage row, lanes, persona card, features and tables, lane labels from `lane_labels`; asserted
# from the scene dump. Sourced by tests/run.sh.
S="$ROOT/samples"

# --- the map shows every item card the funnel shows ---
for f in funnel-cards.yaml customer-journeys.yaml unicode.yaml seed-000.md; do
    "$JM" "$S/$f" --view funnel --dump-scene > funnel.scene 2>/dev/null
    "$JM" "$S/$f" --view map --dump-scene > map.scene 2>/dev/null
    a=$(grep -c ' funnel\.card\(\.gap\)\? ' funnel.scene) b=$(grep -c ' funnel\.card\(\.gap\)\? ' map.scene)
    [ "$a" -gt 0 ] && [ "$a" = "$b" ] && pass "map $f: the funnel's $a cards" || fail "map $f: the funnel's cards" "funnel $a, map $b"
    grep -F 'map.lane.label' map.scene | head -n 1 | grep -q '"Items"$' && pass "map $f: the cards are the first lane, Items" ||
        fail "map $f: the first lane" "$(grep -F map.lane.label map.scene | head -n 1)"
    # every card inside a cell of the lane: its container is a map.cell
    awk '$3 == "map.cell" || $3 == "map.cell.gap" { cell[$1] = 1 }
         ($3 == "funnel.card" || $3 == "funnel.card.gap") { n++; for (i = 4; i <= NF; i++) if ($i == "in") c = $(i + 1); if (!(c in cell)) bad++ }
         END { exit !(n > 0 && !bad) }' map.scene && pass "map $f: every card inside a cell" || fail "map $f: every card inside a cell" "a card outside"
done
"$JM" "$S/funnel-cards.yaml" --view map --check-layout > check.out
[ $? = 0 ] && pass "map funnel-cards: no defects" || fail "map funnel-cards: no defects" "$(head -c 300 check.out)"

# --- no lanes: no label column, the stage row starts at the margin ---
yaml nolanes <<'YAML'
title: Three stages, nothing else
stages:
  - {name: Apply, count: 10, unit: people}
  - {name: Verify, count: 8, unit: people}
  - {name: Use, count: 5, unit: people}
YAML
"$JM" "$T/nolanes.yaml" --view map --dump-scene > nolanes.scene
title_x=$(awk '$3 == "map.title" { split($4, p, ","); print p[1]; exit }' nolanes.scene)
stage_x=$(awk '$3 == "funnel.stage" { split($4, p, ","); print p[1]; exit }' nolanes.scene)
! grep -q ' map\.lane ' nolanes.scene && [ -n "$stage_x" ] && [ "$stage_x" = "$title_x" ] &&
    pass "map without lanes: no label gutter, stages at the title's left ($stage_x)" ||
    fail "map without lanes: no label gutter" "title at $title_x, first chevron at $stage_x"

# --- one right edge: stage row, lanes, emotion band, persona card, features, tables ---
right_edges() { # right_edges SCENE: the rightmost edge of each kind of block, one per line
    awk '$3 ~ /^(funnel\.stage|funnel\.stage\.gap|map\.cell|map\.cell\.gap|map\.persona|map\.table|map\.feature|emotions\.band)$/ {
             k = $3; sub(/\.gap$/, "", k); split($4, p, ","); split($5, wh, "x"); r = p[1] + wh[1]; if (r > max[k]) max[k] = r }
         END { for (k in max) printf "%s %.1f\n", k, max[k] }' "$1" | sort
}
for f in enterprise-buyer.yaml petra-catena-x.yaml customer-journeys.yaml map-persona.yaml map-tables.yaml map-lanes.yaml; do
    for style in default dark; do
        "$JM" "$S/$f" --view map --style $style --dump-scene > edge.scene
        right_edges edge.scene > edges
        n=$(awk '{ print $2 }' edges | sort -u | wc -l)
        [ "$n" = 1 ] && [ "$(wc -l < edges)" -ge 3 ] && pass "map $f $style: one right edge ($(awk '{ print $2; exit }' edges))" ||
            fail "map $f $style: one right edge" "$(tr '\n' ' ' < edges)"
    done
done

# --- lane_labels: a custom lane's label, a built-in one's, and an unknown name ---
"$JM" "$S/map-lanes.yaml" --view map --dump-scene > lanes.scene
grep -F 'map.lane.label' lanes.scene | grep -q '"KPIs"$' && pass "lane_labels: kpis shows as KPIs" ||
    fail "lane_labels: kpis shows as KPIs" "$(grep -F map.lane.label lanes.scene | tr '\n' ' ')"
yaml relabel <<'YAML'
title: Relabelled
lane_labels:
  items: Journeys
  pain_points: Frictions
  backstage_notes: Behind the counter
stages:
  - name: Ask
    items: [{title: a-journey}]
    pain_points: [Slow]
    lanes: {backstage_notes: [Queue]}
YAML
"$JM" "$T/relabel.yaml" --view map --dump-scene > relabel.scene
for want in Journeys Frictions "Behind the counter"; do
    grep -F 'map.lane.label' relabel.scene | grep -qF "\"$want\"" && pass "lane_labels: $want" ||
        fail "lane_labels: $want" "$(grep -F map.lane.label relabel.scene | tr '\n' ' ')"
done
"$JM" "$T/relabel.yaml" --emit-yaml -o back.yaml && "$JM" back.yaml --view map --dump-scene > back.scene
labels() { grep -F map.lane.label "$1" | grep -o '"[^"]*"$'; }
[ "$(labels relabel.scene)" = "$(labels back.scene)" ] && [ "$(labels back.scene | wc -l)" = 3 ] &&
    pass "lane_labels: --emit-yaml keeps them" || fail "lane_labels: --emit-yaml keeps them" "$(grep -A4 lane_labels back.yaml)"
yaml badlabel <<'YAML'
title: Bad
lane_labels: {kpi: KPIs}
stages:
  - {name: A, lanes: {kpis: [x]}}
YAML
expect_exit "lane_labels: an unknown lane" 1 "$JM" "$T/badlabel.yaml" --view map -o bad.png
expect_err "lane_labels: at the name, with a hint" "badlabel.yaml:2:15: error: 'lane_labels' names 'kpi', neither a built-in lane nor a stage's lane (did you mean 'kpis'?)"

# --- the dark style: gap stages recede, darker than the active ones (chevrons and cells) ---
# fill_luma SCENE ROLE: the relative luminance (x1000) of the first item of ROLE's fill
fill_luma() {
    awk -v role="$2" '$3 == role { for (i = 4; i < NF; i++) if ($i == "fill") { h = $(i + 1); break }
        if (!h) next
        for (c = 0; c < 3; c++) { v = (index("0123456789abcdef", substr(h, 2 + 2 * c, 1)) - 1) * 16 + index("0123456789abcdef", substr(h, 3 + 2 * c, 1)) - 1
            v /= 255; ch[c] = v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ^ 2.4 }
        printf "%d\n", 1000 * (0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2]); exit }' "$1"
}
for f in customer-journeys.yaml funnel-gaps.yaml; do
    "$JM" "$S/$f" --view map --style dark --dump-scene > dark.scene
    pairs=("funnel.stage funnel.stage.gap")
    [ "$f" = customer-journeys.yaml ] && pairs+=("map.cell map.cell.gap")   # funnel-gaps has no lanes
    for pair in "${pairs[@]}"; do
        set -- $pair
        a=$(fill_luma dark.scene "$1") b=$(fill_luma dark.scene "$2")
        [ -n "$a" ] && [ -n "$b" ] && [ "$b" -lt "$a" ] && pass "dark $f: $2 darker than $1 ($b < $a)" ||
            fail "dark $f: $2 darker than $1" "$b vs $a"
    done
done

"$JM" "$S/style-dark.yaml" --view emotions --dump-scene > dark-emo.scene
a=$(fill_luma dark-emo.scene emotions.band) b=$(fill_luma dark-emo.scene emotions.band.gap)
[ -n "$b" ] && [ "$b" -lt "$a" ] && pass "dark emotions: the gap band darker than the bands ($b < $a)" ||
    fail "dark emotions: the gap band darker" "$b vs $a"

# --- a Hebrew unit: count and unit read right to left, the count at the right ---
"$JM" "$S/unicode.yaml" --view map --dump-scene > uni.scene
awk '$3 == "funnel.stage.count" { split($4, p, ","); cx[++n] = p[1] } $3 == "funnel.stage.unit" { split($4, p, ","); ux[++m] = p[1]; t[m] = $NF }
     END { for (i = 1; i <= n; i++) printf "%s %s %s\n", (ux[i] > cx[i] ? "ltr" : "rtl"), cx[i], t[i] }' uni.scene > order
grep -q '^rtl .*"הזמנות"$' order && [ "$(grep -c '^rtl' order)" = 1 ] && pass "unicode: the Hebrew count and unit run right to left, the others left to right" ||
    fail "unicode: count and unit order" "$(tr '\n' ' ' < order)"
