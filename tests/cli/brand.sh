# brand.sh - a brand in five lines (samples/styles/brand.yaml) restyles every view; a bad brand
# colour is darkened with a warning; --check --style validates a style file on its own.
BRAND="$ROOT/samples/styles/brand.yaml"
PETRA="$ROOT/samples/petra-catena-x.yaml"

[ "$(grep -cv '^#' "$BRAND")" -le 6 ] && pass "brand: the sample brand is five settings" || fail "brand: five settings" "$(cat "$BRAND")"
for v in funnel emotions sequence map; do
    f="$ROOT/samples/petra-catena-x.yaml"; [ $v = sequence ] && f="$ROOT/samples/seq-storyline.yaml"
    expect_exit "brand: $v lays out" 0 "$JM" "$f" --view $v --style "$BRAND" --dump-scene
    expect_err_lacks "brand: $v has no contrast warning" "warning: text colour"
    grep -q '#b4237aff' "$T/out" && pass "brand: $v uses the brand accent" || fail "brand: $v uses the brand accent" "no #b4237a in the scene"
    grep -q 'background #fffdf7ff' "$T/out" && pass "brand: $v on the brand background" || fail "brand: $v on the brand background" "$(grep -m1 '^scene' "$T/out")"
    if grep ' text ' "$T/out" | grep -v 'Noto Color Emoji 16\|NotoColorEmoji' | grep -q 'fonts Inter'; then
        fail "brand: $v text in the brand's family" "$(grep ' text ' "$T/out" | grep 'fonts Inter' | head -c 300)"
    else pass "brand: $v text in the brand's family"; fi
done

printf 'extends: default\ncommon:\n  accent: "#ffff00"\n' > "$T/yellow.yaml"
expect_exit "brand: a yellow accent draws" 0 "$JM" "$ROOT/samples/funnel-basic.yaml" --style "$T/yellow.yaml" --dump-scene
expect_err "brand: a yellow accent warns" "warning: text colour #ffff00 (funnel.stage.count) has 1.1:1 on #ffffe6, less than 4.5:1; drawn darker as"
grep ' text funnel.stage.count ' "$T/out" | grep -q 'color #ffff00' && fail "brand: the count is darkened" "still #ffff00" || pass "brand: the count is darkened"

printf 'common:\n  accnet: "#fff"\nfunnel:\n  stage-fill: mix(accent, background)\n' > "$T/bad.yaml"
expect_exit "check style: a bad style file alone" 1 "$JM" --check --style "$T/bad.yaml"
expect_err "check style: unknown key at line:col" "bad.yaml:2:3: error: unknown key 'accnet' (did you mean 'accent'?)"
expect_err "check style: bad value at line:col" "bad.yaml:4:15: error: funnel.stage-fill: expected ','"
expect_exit "check style: with an input too" 1 "$JM" "$PETRA" --check --style "$T/bad.yaml"
expect_err "check style: with an input, at line:col" "bad.yaml:2:3: error"
expect_exit "check style: the brand passes" 0 "$JM" --check --style "$BRAND"
expect_exit "check style: a built-in passes" 0 "$JM" --check --style dark
expect_exit "check style: a journey's own style: key is checked" 1 "$JM" "$ROOT/samples/style-dark.yaml" --check --style nosuch
expect_err "check style: unknown style named" "unknown style 'nosuch'"
