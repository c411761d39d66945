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

# the brand's own font files: --font and a style's font-files join the pinned set in front
if [ -f /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ]; then
    mkdir -p "$T/bf"
    cp /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf "$T/bf/Brand.ttf"
    printf 'extends: default\nfont-files: [Brand.ttf]\ncommon:\n  font-family: DejaVu Serif\n  heading-font-family: DejaVu Serif\n' > "$T/bf/brand.yaml"
    printf 'extends: default\ncommon:\n  font-family: DejaVu Serif\n  heading-font-family: DejaVu Serif\n' > "$T/bf/nofile.yaml"
    fonts_of() { "$JM" "$ROOT/samples/funnel-basic.yaml" "$@" --dump-scene 2>/dev/null | grep -o ' fonts [^ ]*' | sort -u | tr -d '\n'; }
    got=$(fonts_of --style "$T/bf/brand.yaml")
    [ "$got" = " fonts Brand.ttf" ] && pass "brand fonts: a style's font-files draw every text in the brand's font" || fail "brand fonts: font-files" "$got"
    got=$(fonts_of --style "$T/bf/nofile.yaml")
    case "$got" in *Brand.ttf*|*DejaVu*) fail "brand fonts: without the file, the set's fonts" "$got" ;; *) pass "brand fonts: without the file the family falls back to the pinned set (nothing installed leaks in)" ;; esac
    got=$(fonts_of --font "$T/bf/Brand.ttf" --style "$T/bf/nofile.yaml")
    [ "$got" = " fonts Brand.ttf" ] && pass "brand fonts: --font FILE adds the file" || fail "brand fonts: --font" "$got"
    "$JM" "$ROOT/samples/funnel-basic.yaml" --style "$T/bf/brand.yaml" -o "$T/bf/a.png" 2>/dev/null
    "$JM" "$ROOT/samples/funnel-basic.yaml" --style "$T/bf/brand.yaml" -o "$T/bf/b.png" 2>/dev/null
    same "brand fonts: the same bytes twice" "$T/bf/a.png" "$T/bf/b.png"
    "$JM" "$ROOT/samples/funnel-basic.yaml" --style "$T/bf/brand.yaml" -o "$T/bf/a.svg" 2>/dev/null
    grep -q '"DejaVu Serif"' "$T/bf/a.svg" && grep -q 'font/woff2' "$T/bf/a.svg" && pass "brand fonts: the SVG embeds the brand font's subset" \
        || fail "brand fonts: SVG embeds the brand font" "$(grep -o 'font:[^}]*' "$T/bf/a.svg" | head -2)"
else
    skip "brand fonts" "no DejaVu Serif to stand in for a brand font (fonts-dejavu-core)"
fi
printf 'extends: default\nfont-files:\n  - missing.ttf\n' > "$T/badfont.yaml"
expect_exit "brand fonts: a missing font file is an error" 1 "$JM" "$ROOT/samples/funnel-basic.yaml" --style "$T/badfont.yaml" -o "$T/x.png"
expect_err "brand fonts: at its entry" "badfont.yaml:3:5: error: font file '$T/missing.ttf' does not exist"
[ ! -e "$T/x.png" ] && pass "brand fonts: nothing written" || fail "brand fonts: nothing written" "x.png exists"
expect_exit "brand fonts: --check --style checks the font files" 1 "$JM" --check --style "$T/badfont.yaml"
printf 'not a font' > "$T/junk.ttf"
expect_exit "brand fonts: --font with a file that is not a font" 1 "$JM" "$ROOT/samples/funnel-basic.yaml" --font "$T/junk.ttf" -o "$T/y.png"
expect_err "brand fonts: says it is not a font" "font file '$T/junk.ttf' is not a font file"
