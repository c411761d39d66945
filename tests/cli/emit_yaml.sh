# tests/cli/emit_yaml.sh - --emit-yaml: every sample (YAML and Mermaid) written as journeymap YAML,
# reloaded, and drawn the same: the --dump-scene of every view it supports equals the original's
# (source positions aside: the emitted file has its own lines). Estimated scores stay estimates.
# shards: 2
norm() { sed -E 's/ @[0-9]+:[0-9]+//g' "$1"; }
cp "$ROOT"/samples/*.png "$T/"   # the persona pictures, beside the emitted files as beside the samples
for f in $(shard "$ROOT"/samples/*.yaml "$ROOT"/samples/*.mmd); do
    b=$(basename "$f"); b=${b%.*}
    expect_exit "emit $b" 0 "$JM" "$f" --emit-yaml -o "$T/$b.emitted.yaml"
    expect_exit "emitted $b loads" 0 "$JM" "$T/$b.emitted.yaml" --check
    "$JM" "$f" --list-views > "$T/views.a" 2>/dev/null
    "$JM" "$T/$b.emitted.yaml" --list-views > "$T/views.b" 2>/dev/null
    cmp -s "$T/views.a" "$T/views.b" && pass "emitted $b: the same views" \
        || fail "emitted $b: the same views" "$(tr '\n' ' ' < "$T/views.a") vs $(tr '\n' ' ' < "$T/views.b")"
    for v in $(cat "$T/views.a"); do
        "$JM" "$f" --view "$v" --dump-scene > "$T/a.scene" 2>/dev/null
        "$JM" "$T/$b.emitted.yaml" --view "$v" --dump-scene > "$T/b.scene" 2>/dev/null
        if [ -s "$T/a.scene" ] && diff <(norm "$T/a.scene") <(norm "$T/b.scene") > "$T/d.txt"; then pass "emitted $b draws the same $v"
        else fail "emitted $b draws the same $v" "$(head -c 400 "$T/d.txt")"; fi
    done
done
first_shard || return 0

# estimated scores are left out, so they are estimated again (and marked) on reload
U="$ROOT/samples/emotions-unscored.yaml"
"$JM" "$U" --emit-yaml -o "$T/u.yaml" 2>/dev/null
n=$(grep -c 'score:' "$T/u.yaml")
[ "$n" = 5 ] && pass "emit: only stated scores are written" || fail "emit: only stated scores are written" "$n score lines"
# the unscored emotion keeps its emoji (libyaml alone would escape it, yaml/libyaml#279)
grep -Eq 'emoji: (🤔|"\\U0001F914")' "$T/u.yaml" && pass "emit: the unscored emotion keeps its emoji" || fail "emit: the unscored emotion keeps its emoji" "no 🤔"
# emoji are written as themselves, not as \U escapes (libyaml escapes every character above
# U+FFFF: stand-ins from the private use area go through it and are put back)
grep -q 'emoji: 🤔' "$T/u.yaml" && ! grep -q '\\U0001' "$T/u.yaml" && pass "emit: emoji written as themselves" \
    || fail "emit: emoji written as themselves" "$(grep -m 2 'emoji' "$T/u.yaml" | tr '\n' ' ')"
cat > "$T/e.yaml" <<'EOY'
title: "Emoji 🎉 in a title, 👍🏽 with a tone, 🤦‍♀️ joined, #️⃣ keycap"
stages:
  - name: "🚀"
    emotions: [{emoji: "❤️", label: "🤩 starry"}, {emoji: "🧐", label: "#️⃣"}]
EOY
"$JM" "$T/e.yaml" --emit-yaml -o "$T/e2.yaml" 2>/dev/null
grep -qF 'Emoji 🎉 in a title, 👍🏽 with a tone, 🤦‍♀️ joined, #️⃣ keycap' "$T/e2.yaml" && ! grep -q '\\U' "$T/e2.yaml" \
    && pass "emit: emoji with tones, joiners and keycaps as themselves" || fail "emit: emoji as themselves" "$(head -n 3 "$T/e2.yaml" | tr '\n' ' ')"
"$JM" "$T/e.yaml" --view emotions --dump-scene 2>/dev/null | norm /dev/stdin > "$T/ea"
"$JM" "$T/e2.yaml" --view emotions --dump-scene 2>/dev/null | norm /dev/stdin > "$T/eb"
[ -s "$T/ea" ] && cmp -s "$T/ea" "$T/eb" && pass "emit: ... and read back the same" || fail "emit: emoji read back" "$(diff "$T/ea" "$T/eb" | head -n 3)"
# a text holding a private-use character itself: written with escapes, never a wrong character
printf 'title: "\xee\x80\x80 and \xf0\x9f\x8e\x89"\nstages: [{name: A}]\n' > "$T/p.yaml"
"$JM" "$T/p.yaml" --emit-yaml -o "$T/p2.yaml" 2>/dev/null
"$JM" "$T/p.yaml" --view funnel --dump-scene 2>/dev/null | norm /dev/stdin > "$T/pa"
"$JM" "$T/p2.yaml" --view funnel --dump-scene 2>/dev/null | norm /dev/stdin > "$T/pb"
[ -s "$T/pa" ] && cmp -s "$T/pa" "$T/pb" && grep -q '\\U0001F389' "$T/p2.yaml" \
    && pass "emit: private-use text falls back to escapes, read back the same" || fail "emit: private-use fallback" "$(cat "$T/p2.yaml" | head -n 2)"
"$JM" "$T/u.yaml" --view emotions --dump-scene 2>/dev/null | grep -q ' emotions.curve.estimated ' \
    && pass "emit: reloaded estimate still drawn as one" || fail "emit: reloaded estimate still drawn as one" "no estimated curve"
# texts that would read as something else are quoted
cat > "$T/q.yaml" <<'EOY'
title: "2024"
subtitle: "true"
stages: [{name: "null", note: "1e3"}, {name: "~"}]
EOY
"$JM" "$T/q.yaml" --emit-yaml -o "$T/q2.yaml" 2>/dev/null
"$JM" "$T/q.yaml" --view funnel --dump-scene > "$T/qa" 2>/dev/null
"$JM" "$T/q2.yaml" --view funnel --dump-scene > "$T/qb" 2>/dev/null
diff <(norm "$T/qa") <(norm "$T/qb") > /dev/null && grep -q '"null"' "$T/qa" && pass "emit: numbers, booleans and null as texts stay texts" \
    || fail "emit: numbers, booleans and null as texts stay texts" "$(cat "$T/q2.yaml")"
# usage and output
expect_exit "emit: needs -o" 2 "$JM" "$U" --emit-yaml
expect_exit "emit: not with --view" 2 "$JM" "$U" --emit-yaml --view map -o "$T/x.yaml"
cp "$U" "$T/same.yaml"
expect_exit "emit: never over its input" 2 "$JM" "$T/same.yaml" --emit-yaml -o "$T/same.yaml"
cmp -s "$U" "$T/same.yaml" && pass "emit: the input is untouched" || fail "emit: the input is untouched" "changed"
expect_exit "emit: to standard output" 0 "$JM" "$U" --emit-yaml -o -
grep -q '^title: Renewing a parking permit online$' "$T/out" && pass "emit: YAML on standard output" \
    || fail "emit: YAML on standard output" "$(head -c 200 "$T/out")"
"$JM" "$U" --emit-yaml -o "$T/d1.yaml"; "$JM" "$U" --emit-yaml -o "$T/d2.yaml"
cmp -s "$T/d1.yaml" "$T/d2.yaml" && pass "emit: deterministic" || fail "emit: deterministic" "two runs differ"
# what only Mermaid arrows say (a lost message's cross, an open async head, heads at both ends)
# is written with the message keys `tip` and `both_ends`, and drawn the same
cat > "$T/tips.mmd" <<'EOM'
sequenceDiagram
    participant A
    participant B
    A-xB: lost
    A-)B: open head
    A<<->>B: both ends
    B--xA: lost reply
EOM
"$JM" "$T/tips.mmd" --emit-yaml -o "$T/tips.yaml" 2>"$T/err"
grep -q 'tip: cross' "$T/tips.yaml" && grep -q 'both_ends: true' "$T/tips.yaml" && pass "emit: tip and both_ends written" \
    || fail "emit: tip and both_ends written" "$(head -c 300 "$T/tips.yaml") $(head -c 200 "$T/err")"
"$JM" "$T/tips.mmd" --view sequence --dump-scene > "$T/ta" 2>/dev/null
"$JM" "$T/tips.yaml" --view sequence --dump-scene > "$T/tb" 2>/dev/null
[ -s "$T/ta" ] && diff <(norm "$T/ta") <(norm "$T/tb") > "$T/d.txt" && pass "emit: arrow tips drawn the same" \
    || fail "emit: arrow tips drawn the same" "$(head -c 300 "$T/d.txt")"
# Mermaid's leading `autonumber 10 5` and accTitle/accDescr survive
printf 'sequenceDiagram\n    accTitle: The access title\n    accDescr: What it shows\n    autonumber 10 5\n    A->>B: one\n    B-->>A: two\n    A->>B: three\n' > "$T/an.mmd"
"$JM" "$T/an.mmd" --emit-yaml -o "$T/an.yaml" 2>/dev/null
grep -q '^acc_title: The access title$' "$T/an.yaml" && grep -q '^acc_descr: What it shows$' "$T/an.yaml" \
    && pass "emit: accTitle and accDescr written" || fail "emit: accTitle and accDescr written" "$(head -c 200 "$T/an.yaml")"
"$JM" "$T/an.mmd" --view sequence --dump-scene > "$T/na" 2>/dev/null
"$JM" "$T/an.yaml" --view sequence --dump-scene > "$T/nb" 2>/dev/null
grep -q '"20"$' "$T/na" && diff <(norm "$T/na") <(norm "$T/nb") > "$T/d.txt" && pass "emit: autonumber 10 5 numbers the same" \
    || fail "emit: autonumber 10 5 numbers the same" "$(head -c 300 "$T/d.txt")"
