# tests/cli/emotions.sh - the emotions view from the command line: clean layouts of every emotion
# sample in every style, width and with thoughts; exact --width; what the dumps show; the error
# when nothing has a score; every format; reference scenes and images (JM_UPDATE=1 rewrites them).
# shards: 3
PNGINFO="$ROOT/$BUILD/tests/pnginfo"
PETRA="$ROOT/samples/petra-catena-x.yaml"
BUYER="$ROOT/samples/enterprise-buyer.yaml"

# --- no layout defects: every sample with scores, every style, natural and fixed widths ---
for f in $(shard "$PETRA" "$BUYER" "$ROOT"/samples/emotions-*.yaml); do
    s=$(basename "$f" .yaml)
    for style in default print dark; do
        for w in 0 640 1920; do
            for th in "" --thoughts; do
                args=(--view emotions --style "$style" --check-layout $th)
                [ "$w" != 0 ] && args+=(--width "$w")
                expect_exit "emotions $s $style width $w $th: no defects" 0 "$JM" "$f" "${args[@]}"
            done
        done
    done
done

# --- actors: the actor sample at every width, and every conformance journey, clean in every style ---
ACTORS="$ROOT/samples/journey-actors.mmd"
JOURNEYS="$ROOT/../shared/conformance/mermaid/journey"
for style in $(shard default print dark); do
    for w in 0 640 1920; do
        args=(--view emotions --style "$style" --check-layout)
        [ "$w" != 0 ] && args+=(--width "$w")
        expect_exit "emotions journey-actors $style width $w: no defects" 0 "$JM" "$ACTORS" "${args[@]}"
    done
done
if [ ! -d "$JOURNEYS" ]; then
    first_shard && skip "emotions conformance journeys" "$JOURNEYS is absent"
else
    for f in $(shard "$JOURNEYS"/*.mmd); do
        s=$(basename "$f" .mmd)
        "$JM" "$f" --list-views 2>/dev/null | grep -qx emotions || continue   # no task with a score
        for style in default print dark; do
            expect_exit "emotions conformance journey $s $style: no defects" 0 "$JM" "$f" --view emotions --style "$style" --check-layout
        done
    done
fi
first_shard || return 0

# --- --width is exact ---
for w in 640 1920; do
    "$JM" "$ROOT/samples/emotions-sixty.yaml" --view emotions --width "$w" -o "$T/sixty-$w.png" 2>"$T/err" \
        && "$PNGINFO" "$T/sixty-$w.png" | grep -qx "width $w" \
        && pass "emotions sixty steps: --width $w is exact" \
        || fail "emotions sixty steps: --width $w is exact" "$(head -c 200 "$T/err") $("$PNGINFO" "$T/sixty-$w.png" 2>&1 | head -n 1)"
done

# --- what the dumps show ---
"$JM" "$PETRA" --view emotions --dump-scene > "$T/petra.scene" 2>"$T/err" || fail "emotions petra: dump" "$(head -c 200 "$T/err")"
for want in Awareness Evaluation Onboarding Running Scaling "Anxious and mildly overwhelmed" "Quietly confident" \
            "😟" "🤝" "+2 very positive" "0 neutral" "-2 very negative"; do
    grep -qF -- "\"$want\"" "$T/petra.scene" && pass "emotions petra shows $want" \
        || fail "emotions petra shows $want" "not in the scene dump"
done
n=$(grep -c ' emotions\.marker ' "$T/petra.scene")
[ "$n" = 10 ] && pass "emotions petra: ten markers" || fail "emotions petra: ten markers" "$n"
grep -q 'emotions\.label\.low .*"Anxious and mildly overwhelmed"' "$T/petra.scene" \
    && pass "emotions petra: the lowest moment stands out" || fail "emotions petra: the lowest moment stands out" "no label.low"
n=$(grep -c ' emotions\.marker\.high ' "$T/petra.scene")
[ "$n" = 2 ] && pass "emotions petra: both +2 moments ringed" || fail "emotions petra: both +2 moments ringed" "$n"
grep -q ' emotions\.thought ' "$T/petra.scene" && fail "emotions petra: no thoughts by default" "found" \
    || pass "emotions petra: no thoughts by default"
"$JM" "$PETRA" --view emotions --thoughts --dump-scene > "$T/petra-thoughts.scene" 2>"$T/err"
n=$(grep -c ' emotions\.thought .*"“.*”"$' "$T/petra-thoughts.scene")
[ "$n" = 10 ] && pass "emotions petra --thoughts: ten quoted callouts" || fail "emotions petra --thoughts: ten quoted callouts" "$n"

"$JM" "$ROOT/samples/emotions-unscored.yaml" --view emotions --no-estimate --dump-scene > "$T/unscored-n.scene" 2>"$T/err"
n=$(grep -c ' emotions\.curve\.bridge .* dash ' "$T/unscored-n.scene")
[ "$n" = 2 ] && pass "emotions unscored: two dashed bridges" || fail "emotions unscored: two dashed bridges" "$n"
n=$(grep -c ' emotions\.step\.unscored ' "$T/unscored-n.scene")
[ "$n" = 2 ] && pass "emotions unscored: two steps marked unscored" || fail "emotions unscored: two steps marked unscored" "$n"
# estimated (the default): the step with an emoji gets a score, the one without any emotion stays a gap
"$JM" "$ROOT/samples/emotions-unscored.yaml" --view emotions --dump-scene > "$T/unscored.scene" 2>"$T/err"
n=$(grep -c ' emotions\.curve\.bridge .* dash ' "$T/unscored.scene")
[ "$n" = 1 ] && pass "emotions unscored, estimated: one bridge" || fail "emotions unscored, estimated: one bridge" "$n"
n=$(grep -c ' emotions\.step\.unscored ' "$T/unscored.scene")
[ "$n" = 1 ] && pass "emotions unscored, estimated: one step unscored" || fail "emotions unscored, estimated: one step unscored" "$n"

"$JM" "$BUYER" --view emotions --dump-scene > "$T/buyer.scene" 2>"$T/err"
n=$(grep -c ' emotions\.marker\.dot ' "$T/buyer.scene")
[ "$n" = 8 ] && pass "emotions buyer: a point per stage at the mean of its three emotions" || fail "emotions buyer: a point per stage" "$n"
n=$(grep ' emotions\.label' "$T/buyer.scene" | grep -o '\\n' | wc -l)
[ "$n" = 16 ] && pass "emotions buyer: all 24 stage emotions in the labels (3 lines each)" || fail "emotions buyer: all 24 in the labels" "$n line breaks"

# --- a file without any score has no emotions view ---
yaml noscore <<'EOF'
title: "Feelings without numbers"
steps:
  - {title: A step, emotion: {label: Confused, emoji: "😕"}}
EOF
expect_exit "emotions without scores fails" 1 "$JM" "$T/noscore.yaml" --no-estimate --view emotions -o "$T/none.png"
expect_err "emotions without scores says what is missing" "no emotion has a score"
[ ! -e "$T/none.png" ] && pass "emotions without scores writes nothing" || fail "emotions without scores writes nothing" "none.png exists"
"$JM" "$T/noscore.yaml" --no-estimate --list-views > "$T/views" 2>&1
grep -qx emotions "$T/views" && fail "emotions not offered without scores" "listed" || pass "emotions not offered without scores"

# --- scores estimated from the emoji (data/valence.tsv), marked as estimates ---
"$JM" "$T/noscore.yaml" --list-views > "$T/views" 2>&1
grep -qx emotions "$T/views" && pass "emotions offered with an estimated score" || fail "emotions offered with an estimated score" "not listed"
"$JM" "$T/noscore.yaml" --view emotions --dump-scene > "$T/est.scene" 2>&1
grep -q '^[0-9]* path emotions.marker.estimated ' "$T/est.scene" && pass "an estimated score's marker is marked" \
    || fail "an estimated score's marker is marked" "$(grep marker "$T/est.scene" | head -3)"
grep -q '^[0-9]* text emotions.note.estimated .*"dotted: scores estimated from emoji"' "$T/est.scene" \
    && pass "the chart notes that scores are estimated" || fail "the chart notes that scores are estimated" "no note"
# what the estimates came from: emoji (above), the labels' words, or both
yaml words <<'EOF'
title: Words only
stages: [{name: One}, {name: Two}]
steps:
  - {title: A, stage: one, emotion: {label: Frustrated}}
  - {title: B, stage: two, emotion: {label: Delighted}}
EOF
"$JM" "$T/words.yaml" --view emotions --dump-scene > "$T/w.scene" 2>&1
grep -q "emotions.note.estimated .*\"dotted: scores estimated from the emotions' words\"" "$T/w.scene" \
    && pass "word estimates: the note says words" || fail "word estimates: the note says words" "$(grep note "$T/w.scene")"
sed 's/label: Frustrated}/label: Frustrated, emoji: "😤"}/' "$T/words.yaml" > "$T/mixed.yaml"
"$JM" "$T/mixed.yaml" --view emotions --dump-scene > "$T/m.scene" 2>&1
grep -q 'emotions.note.estimated .*"dotted: scores estimated from emoji and words"' "$T/m.scene" \
    && pass "mixed estimates: the note says emoji and words" || fail "mixed estimates: the note says both" "$(grep note "$T/m.scene")"

# a stage with several emotions is one point at their mean, its label every emotion
S="$ROOT/samples/emotions-stages.yaml"
"$JM" "$S" --view emotions --dump-scene > "$T/st.scene" 2>&1
n=$(grep -cE ' path emotions\.marker[a-z.]* ' "$T/st.scene")
[ "$n" = 5 ] && pass "stage emotions: one point per stage (3 markers, 2 rings)" || fail "stage emotions: one point per stage" "$n marker paths"
grep -qF '"😵 Overwhelmed by notifications\n⏳ Waiting for the old habits to fade\n😠 Annoyed at duplicate channels"' "$T/st.scene" \
    && pass "stage emotions: the mean's label lists each emoji and label" \
    || fail "stage emotions: the mean's label lists each" "$(grep 'emotions.label' "$T/st.scene" | head -3)"
# Rollout: -1.5, ⏳ (estimated), -1: the mean of the three sits on the plot at its score
awk '/ text emotions.scale .*"-1 negative"$/ { split($4, a, ","); split($5, b, "x"); s = a[2] + b[2] / 2 }
     / path emotions.marker.dot.estimated / { split($4, a, ","); split($5, b, "x"); d = a[2] + b[2] / 2 }
     END { exit !(s > 0 && d - s < 0.05 && s - d < 0.05) }' "$T/st.scene" \
    && pass "stage emotions: Rollout's point at the mean -1 of -1.5, ⏳ -0.5 (estimated), -1" \
    || fail "stage emotions: Rollout's point at the mean" "$(grep -E 'marker.dot.estimated|"negative"' "$T/st.scene" | cut -c1-90)"
U="$ROOT/samples/emotions-unscored.yaml"
for v in emotions map; do
    "$JM" "$U" --view $v --dump-scene > "$T/u-$v.scene" 2>&1
    grep -q ' path emotions.curve.estimated .* dash 1.50,3.00 ' "$T/u-$v.scene" && pass "$v: estimated curve dotted" \
        || fail "$v: estimated curve dotted" "no dotted emotions.curve.estimated"
    "$JM" "$U" --view $v --no-estimate --dump-scene > "$T/n-$v.scene" 2>&1
    ! grep -q 'estimated' "$T/n-$v.scene" && pass "$v: --no-estimate marks nothing estimated" \
        || fail "$v: --no-estimate marks nothing estimated" "$(grep estimated "$T/n-$v.scene" | head -2)"
    grep -c ' path emotions.curve.bridge ' "$T/n-$v.scene" | grep -qx 2 && pass "$v: --no-estimate bridges the unscored steps" \
        || fail "$v: --no-estimate bridges the unscored steps" "$(grep -c curve.bridge "$T/n-$v.scene") bridges"
    expect_exit "$v: estimated scores lay out clean" 0 "$JM" "$U" --view $v --check-layout -o "$T/u-$v.png"
done

# --- every format ---
for fmt in png svg pdf; do
    expect_exit "emotions petra as $fmt" 0 "$JM" "$PETRA" --view emotions --thoughts -o "$T/petra.$fmt"
done
ok "emotions svg is well-formed" xmllint --noout "$T/petra.svg"
ok "emotions pdf is readable" pdfinfo "$T/petra.pdf"

# --- references ---
ref_scene emotions-petra "$T/petra.scene"
ref_scene emotions-petra-thoughts "$T/petra-thoughts.scene"
ref_scene emotions-buyer "$T/buyer.scene"
ref_scene emotions-unscored "$T/unscored.scene"
"$JM" "$ROOT/samples/emotions-sixty.yaml" --view emotions --dump-scene > "$T/sixty.scene" 2>"$T/err"
ref_scene emotions-sixty "$T/sixty.scene"
for style in default print dark; do
    "$JM" "$PETRA" --view emotions --style "$style" -o "$T/petra-$style.png" 2>"$T/err" \
        && ref_png "emotions-petra-$style" "$T/petra-$style.png" \
        || fail "emotions-petra-$style: renders" "$(head -c 200 "$T/err")"
    "$JM" "$BUYER" --view emotions --thoughts --style "$style" -o "$T/buyer-$style.png" 2>"$T/err" \
        && ref_png "emotions-buyer-thoughts-$style" "$T/buyer-$style.png" \
        || fail "emotions-buyer-thoughts-$style: renders" "$(head -c 200 "$T/err")"
done
ref_png emotions-sixty-640 "$T/sixty-640.png"

# --- actors: a legend and a dot per actor under each step; none without actors ---
"$JM" "$ACTORS" --view emotions --dump-scene > "$T/actors.scene" 2>"$T/err" || fail "emotions actors: dump" "$(head -c 200 "$T/err")"
n=$(grep -c ' emotions\.legend\.actor ' "$T/actors.scene")
[ "$n" = 5 ] && pass "emotions actors: five legend entries" || fail "emotions actors: five legend entries" "$n"
n=$(grep -c ' emotions\.actor ' "$T/actors.scene")
[ "$n" = 16 ] && pass "emotions actors: sixteen step dots" || fail "emotions actors: sixteen step dots" "$n"
grep -q ' emotions\.legend\.actor\.initial .*"Co"$' "$T/actors.scene" \
    && pass "emotions actors: Courier is Co beside Customer's C" || fail "emotions actors: Courier is Co beside Customer's C" "no Co"
grep -q 'emotions\.\(legend\.\)\?actor' "$T/petra.scene" && fail "emotions petra: no actors, no legend" "found" \
    || pass "emotions petra: no actors, no legend"
ref_scene emotions-actors "$T/actors.scene"
for style in default print dark; do
    for fmt in png svg pdf; do
        expect_exit "emotions actors $style as $fmt" 0 "$JM" "$ACTORS" --view emotions --style "$style" -o "$T/actors-$style.$fmt"
    done
    ref_png "emotions-actors-$style" "$T/actors-$style.png"
done
