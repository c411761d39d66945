# tests/cli/mdjourney.sh - Markdown journey documents as input (journey.md -o map.png): the three
# seeds as they arrived and the samples written in their style render every view they support
# with a clean layout; each seed draws what its hand-converted YAML sample draws (same texts in
# the same order); a document that is no journey is exit 1 saying what was looked for; a lane or
# table that cannot be read is a warning at its line:col and the rest is drawn.
# shards: 2
PNGINFO="$ROOT/$BUILD/tests/pnginfo"

for f in $(shard "$ROOT"/samples/seed-*.md "$ROOT"/samples/journey-*.md); do
    s=$(basename "$f" .md)
    expect_exit "md $s: loads" 0 "$JM" "$f" --list-views
    views=$(cat "$T/out")
    expect_err_lacks "md $s: ... without warnings" "warning:"
    case $s in   # what each seed's content supports (emotions come when scores are estimated)
        seed-000) want="map funnel" ;;
        seed-001) want="map funnel sequence" ;;
        seed-002) want="map funnel" ;;
        journey-bank-account) want="map funnel" ;;   # no emotions at all
        *) want="map funnel emotions" ;;
    esac
    for v in $want; do
        echo "$views" | grep -qx "$v" && pass "md $s: supports $v" || fail "md $s: supports $v" "views: $views"
    done
    for v in $views; do
        "$JM" "$f" --view "$v" --check-layout -o "$T/$s-$v.png" > "$T/defects" 2>&1; rc=$?
        [ $rc = 0 ] && pass "md $s-$v: no layout defects" || fail "md $s-$v: no layout defects" "exit $rc: $(head -n 3 "$T/defects" | tr '\n' ' ')"
        "$PNGINFO" "$T/$s-$v.png" > /dev/null 2>&1 && pass "md $s-$v: a PNG" || fail "md $s-$v: a PNG" "no image"
    done
done
first_shard || return 0

# --- each seed against its hand-converted sample: the same texts of these kinds, in order ---
texts() { "$JM" "$1" --view "$2" --dump-scene 2>/dev/null | grep " $3 " | sed 's/.*@[0-9:]* //'; }
same_texts() {   # NAME MD YAML VIEW KINDS
    for k in $5; do
        texts "$2" "$4" "$k" > "$T/a"; texts "$3" "$4" "$k" > "$T/b"
        if [ -s "$T/a" ] && cmp -s "$T/a" "$T/b"; then pass "md $1: $k as in $(basename "$3")"
        else fail "md $1: $k as in $(basename "$3")" "$(diff "$T/a" "$T/b" | head -n 4 | tr '\n' ' ')"; fi
    done
}
same_texts seed-000 "$ROOT/samples/seed-000.md" "$ROOT/samples/customer-journeys.yaml" funnel \
    "funnel.stage.name funnel.stage.count funnel.stage.unit funnel.stage.note funnel.need funnel.card.title funnel.card.who funnel.card.text"
same_texts seed-001 "$ROOT/samples/seed-001.md" "$ROOT/samples/seq-storyline.yaml" sequence \
    "sequence.message.label sequence.participant.name"
same_texts seed-002 "$ROOT/samples/seed-002.md" "$ROOT/samples/enterprise-buyer.yaml" map \
    "map.tag.text map.card.title map.card.text map.table.title map.table.text map.text map.persona.name map.persona.role"
same_texts seed-002 "$ROOT/samples/seed-002.md" "$ROOT/samples/enterprise-buyer.yaml" funnel \
    "funnel.stage.name funnel.need funnel.chip.text"
# positions: a stage's chevron points at its heading, an emotion-less step at its line
"$JM" "$ROOT/samples/seed-002.md" --view map --dump-scene 2>/dev/null > "$T/s.scene"
grep -q 'funnel.stage .* @24:1$' "$T/s.scene" && grep -q 'funnel.stage .* @62:1$' "$T/s.scene" \
    && pass "md seed-002: the stages point at their headings '## Stage 1: Awareness' (24:1), '## Stage 2: Consideration' (62:1)" \
    || fail "md seed-002: stage position" "$(grep 'funnel.stage ' "$T/s.scene" | head -n 1)"
grep -q 'map.text .*@36:1 "Discusses with peers"' "$T/s.scene" \
    && pass "md seed-002: an action points at its table row (36:1)" || fail "md seed-002: action row position" "$(grep 'Discusses' "$T/s.scene")"
# seed 002's stages have three emotions each: one point per stage at their mean (Awareness: 😤 -2,
# 🤔 -0.5, 😟 -1 -> -7/6), its label listing all three
"$JM" "$ROOT/samples/seed-002.md" --view emotions --dump-scene 2>/dev/null > "$T/s2e.scene"
n=$(grep -c ' path emotions.marker.dot.estimated ' "$T/s2e.scene")
[ "$n" = 8 ] && pass "md seed-002: a point per stage (8)" || fail "md seed-002: a point per stage" "$n points"
awk '/ path emotions.baseline / { split($4, p, ","); base = p[2] }
     / text emotions.scale / { split($4, p, ","); s[++k] = p[2] }
     / path emotions.marker.dot.estimated / && !d { split($4, p, ","); split($5, z, "x"); d = p[2] + z[2] / 2 }
     END { unit = s[2] - s[1]; want = base + unit * 7 / 6; exit !(unit > 0 && d - want < 0.05 && want - d < 0.05) }' "$T/s2e.scene" \
    && pass "md seed-002: Awareness at the mean -7/6 of -2, -0.5, -1" || fail "md seed-002: Awareness at the mean" "$(grep -m 1 marker.dot "$T/s2e.scene" | cut -c 1-80)"
grep -qF '"😤 Frustration with current state\n🤔 Curiosity about solutions\n😟 Concern about investment required"' "$T/s2e.scene" \
    && pass "md seed-002: Awareness's label lists its three emotions with their emoji" || fail "md seed-002: Awareness's label" "$(grep -m 1 'emotions.label' "$T/s2e.scene" | cut -c 1-200)"
# the mojibake: the emoji read back, never the Mac Roman characters
"$JM" "$ROOT/samples/seed-002.md" --check > "$T/out" 2> "$T/err"
expect_err "md seed-002: the mojibake is reported as repaired" "read 24 emoji written as Mac Roman mojibake"

# --- errors and warnings ---
printf '# Meeting notes\n\nWe talked.\n\n- about things\n' > notes.md
expect_exit "md: a document that is no journey is an error" 1 "$JM" notes.md -o notes.png
expect_err "md: ... saying what was looked for" "notes.md:1:1: error: this Markdown document holds no journey: looked for stage headings"
[ ! -e notes.png ] && pass "md: ... and writes nothing" || fail "md: no output" "notes.png written"
printf '# T\n\n## Stage 1: A\n\n### Actions\n| Who | Where |\n|---|---|\n| a | b |\n\n### Emotions\n- Glad (+7)\n\n```mermaid\nsequenceDiagram\n  A->>B hi\n```\n' > warn.md
expect_exit "md: unreadable parts are warnings" 0 "$JM" warn.md --view map -o warn.png
expect_err "md: ... the table at its line:col" "warn.md:6:1: warning: an actions table needs"
expect_err "md: ... the score at its line:col" "warn.md:11:3: warning: emotion score 7 is outside"
expect_err "md: ... the mermaid block's error at its line in the document" "warn.md:15:"
"$PNGINFO" warn.png > /dev/null 2>&1 && pass "md: ... and the rest is drawn" || fail "md: the rest is drawn" "no image"
# hostile nesting (quotes, lists, links 20000 deep): no crash, no hang, the document still loads
{ printf '# T\n## S\n### Emotions\n'; printf '>%.0s' $(seq 20000); printf ' deep\n'; } > deep-quote.md
{ printf '# T\n## S\n### Pain points\n'; printf -- '- %.0s' $(seq 20000); printf 'x\n'; } > deep-list.md
{ printf '# T\n## S\n### Thoughts\n'; printf '[a%.0s' $(seq 20000); printf ' x\n'; } > deep-link.md
for d in deep-quote deep-list deep-link; do
    expect_exit "md: $d.md loads" 0 timeout 60 "$JM" "$d.md" --check
done
printf '# T\n## S\n- x\n' > big.md; head -c 300000 /dev/zero | tr '\0' 'x' >> big.md
expect_exit "md: a document over 256 KB is refused" 1 "$JM" big.md --check
expect_err "md: ... saying the limit" "more than the limit of 262144"
# a step's trigger events, success metrics and custom lanes (decision makers) are lanes of the map
printf '# T\n\n## Stage 1: Try\n\nStep 1: Sign up\n\n### Trigger events\n- A colleague shares a link\n\n### Success metrics\n- Signed up in 2 minutes\n\n### Decision makers\n- Team lead\n\n### Actions\n- Fills the form\n' > steplanes.md
expect_exit "md: a step's triggers, metrics and custom lanes load" 0 "$JM" steplanes.md --view map --dump-scene
expect_err_lacks "md: ... without warnings" "warning:"
for t in "Triggers:A colleague shares a link:7" "Metrics:Signed up in 2 minutes:10" "Decision makers:Team lead:13"; do
    lane=${t%%:*}; rest=${t#*:}; entry=${rest%:*}; line=${rest##*:}
    grep -q "map.lane.label .*\"$lane\"" "$T/out" && grep -q "map.text .*@$((line + 1)):3 \"$entry\"" "$T/out" \
        && pass "md: the step's '$lane' is a lane of the map, its entry at its line" \
        || fail "md: the step's '$lane' lane" "$(grep -E "map.lane.label|map.text" "$T/out" | cut -c 1-60 | head -n 6)"
done
expect_exit "md: ... and survive --emit-yaml" 0 "$JM" steplanes.md --emit-yaml -o steplanes.yaml
"$JM" steplanes.md --view map --dump-scene 2>/dev/null | grep -E '^[0-9]+ text' | sed 's/ @[0-9:]*//' > a.txt
"$JM" steplanes.yaml --view map --dump-scene 2>/dev/null | grep -E '^[0-9]+ text' | sed 's/ @[0-9:]*//' > b.txt
[ -s a.txt ] && cmp -s a.txt b.txt && pass "md: ... the YAML draws the same map texts" || fail "md: step lanes round trip" "$(diff a.txt b.txt | head -n 4 | tr '\n' ' ')"
# Markdown mode is unchanged: a page to a page still draws its blocks
printf '# P\n\n```mermaid\nsequenceDiagram\n  A->>B: hi\n```\n' > page.md
expect_exit "md: a page to a page is Markdown mode" 0 "$JM" page.md -o out.md
[ -f out-1.svg ] && pass "md: ... its block drawn" || fail "md: Markdown mode" "$(ls)"
cd "$ROOT" || return
