# tests/cli/svg.sh - SVG that is text: every sample view writes <text> in embedded font subsets
# and no glyph outlines (--svg-text=paths writes outlines and no <text>); the words are in the
# file in reading order; right-to-left runs say so; each distinct emoji is one picture; the sizes
# the issue set hold; and headless Chromium draws the SVG like our PNG (a blurred comparison that
# tolerates another renderer's antialiasing but not a word out of place or another font).
# shards: 2
S="$ROOT/samples"

# every sample, each view it supports: text, no outlines, well-formed
n_text=0 bad_text=""
for f in "$S"/*.yaml "$S"/*.mmd; do
    name=$(basename "$f")
    case "$name" in style-*) continue ;; esac
    shard "$name" || continue
    for v in $("$JM" "$f" --list-views 2>/dev/null); do
        out="$T/$name-$v.svg"
        "$JM" "$f" --view "$v" -o "$out" 2>/dev/null || { bad_text="$bad_text $name:$v(exit)"; continue; }
        if grep -q '<text' "$out" && ! grep -q 'id="glyph' "$out" && xmllint --noout "$out" 2>/dev/null; then
            n_text=$((n_text + 1))
        else bad_text="$bad_text $name:$v"; fi
    done
done
if [ -z "$bad_text" ]; then pass "svg: $n_text sample views have <text>, no glyph outlines, well-formed"
else fail "svg: every sample view has <text> and no outlines" "$bad_text"; fi

first_shard || return 0
png_dim() { "$ROOT/$BUILD/tests/pnginfo" "$2" 2>/dev/null | sed -n "s/^$1 //p"; }

STORY="$S/seq-storyline.yaml"
"$JM" "$STORY" -o "$T/story.svg" 2>/dev/null
"$JM" "$STORY" -o "$T/story.png" 2>/dev/null
"$JM" "$STORY" --svg-text=paths -o "$T/story-paths.svg" 2>/dev/null
if ! grep -q '<text' "$T/story-paths.svg" && grep -q 'id="glyph' "$T/story-paths.svg"; then pass "svg: --svg-text=paths writes outlines, no <text>"
else fail "svg: --svg-text=paths writes outlines, no <text>" "$(grep -c '<text' "$T/story-paths.svg") <text>"; fi
expect_exit "svg: --svg-text takes text or paths" 2 "$JM" "$STORY" --svg-text=glyphs -o "$T/x.svg"
expect_err "svg: --svg-text names what it takes" "--svg-text takes 'text' or 'paths', not 'glyphs'"

# the words, in reading order, as text: every message label of the storyline, in order
words=$(sed -e 's/<[^>]*>/\n/g' "$T/story.svg" | grep -v '^$' | tr '\n' ' ')
prev=0 order_ok=true
for w in "Catena-X mandate (deadline)" "search, read site, email enquiry" "validation pending (3-10 days)" "confirmation received"; do
    at=$(printf '%s' "$words" | grep -bo -F "$w" | head -1 | cut -d: -f1)
    if [ -z "$at" ] || [ "$at" -lt "$prev" ]; then order_ok=false; fi
    prev=${at:-0}
done
$order_ok && pass "svg: the storyline's messages are text, in reading order" || fail "svg: messages are text in order" "$(printf '%s' "$words" | head -c 300)"
grep -q 'role="img" aria-labelledby="title desc"' "$T/story.svg" && pass "svg: title and desc label the picture (role=img)" \
    || fail "svg: title and desc label the picture" "$(head -c 400 "$T/story.svg")"
grep -q '@font-face{font-family:"jm0";font-weight:400;font-style:normal;src:url(data:font/woff2;base64,' "$T/story.svg" \
    && pass "svg: fonts embedded as WOFF2 subsets" || fail "svg: fonts embedded as WOFF2 subsets" "no @font-face"

size=$(wc -c < "$T/story.svg")
[ "$size" -le 20480 ] && pass "svg: the storyline is at most 20 KB with its fonts ($size bytes)" || fail "svg: storyline size" "$size bytes"
"$JM" "$S/petra-catena-x.yaml" --view map -o "$T/petra.svg" 2>/dev/null
size=$(wc -c < "$T/petra.svg")
[ "$size" -le 204800 ] && pass "svg: Petra's map is at most 200 KB with its fonts ($size bytes)" || fail "svg: Petra's map size" "$size bytes"

# each distinct emoji once, as a picture of the full strike, used wherever it is drawn
defs=$(grep -o '<image id="emoji-[0-9]*" width="[0-9]*"' "$T/petra.svg" | wc -l)
distinct=$(grep -o '<image id="emoji-[0-9]*"' "$T/petra.svg" | sort -u | wc -l)
uses=$(grep -o 'xlink:href="#emoji-[0-9]*"' "$T/petra.svg" | wc -l)
small=$(grep -o '<image id="emoji-[0-9]*" width="[0-9]*"' "$T/petra.svg" | grep -o 'width="[0-9]*"' | tr -dc '0-9\n' | awk '$1 < 100' | wc -l)
if [ "$defs" -gt 3 ] && [ "$defs" = "$distinct" ] && [ "$uses" -ge "$defs" ] && [ "$small" = 0 ]; then
    pass "svg: $defs distinct emoji, each one picture at full strike, used $uses times"
else fail "svg: emoji pictures" "defs $defs distinct $distinct uses $uses narrower than 100 px: $small"; fi

# the cache of font subsets (~/.cache/journeymap/svg-fonts) changes no byte: cold, warm, a cut
# file in it, and no cache at all give the same SVG
XDG_CACHE_HOME="$T/cache" "$JM" "$STORY" -o "$T/story-cold.svg" 2>/dev/null
# a warm run reads the cache: it writes no file there (a miss writes its subset again)
touch -d 2001-01-01 "$T"/cache/journeymap/svg-fonts/*.font 2>/dev/null
XDG_CACHE_HOME="$T/cache" "$JM" "$STORY" -o "$T/story-warm.svg" 2>/dev/null
fresh=$(find "$T/cache/journeymap/svg-fonts" -type f -newermt 2002-01-01 | wc -l)
old=$(find "$T/cache/journeymap/svg-fonts" -type f ! -newermt 2002-01-01 | wc -l)
if [ "$old" -gt 0 ] && [ "$fresh" = 0 ]; then pass "svg: a warm run reads its $old font subsets from the cache and writes none"
else fail "svg: a warm run reads the font-subset cache" "$fresh files written again, $old left alone"; fi
for f in "$T"/cache/journeymap/svg-fonts/*.font; do head -c 100 "$f" > "$f.cut" && mv "$f.cut" "$f"; done
XDG_CACHE_HOME="$T/cache" "$JM" "$STORY" -o "$T/story-cut.svg" 2>/dev/null
XDG_CACHE_HOME=/proc/journeymap-none "$JM" "$STORY" -o "$T/story-none.svg" 2>/dev/null
n=$(ls "$T"/cache/journeymap/svg-fonts/*.font 2>/dev/null | wc -l)
if [ "$n" -gt 0 ] && cmp -s "$T/story.svg" "$T/story-cold.svg" && cmp -s "$T/story.svg" "$T/story-warm.svg" \
   && cmp -s "$T/story.svg" "$T/story-cut.svg" && cmp -s "$T/story.svg" "$T/story-none.svg"; then
    pass "svg: the font-subset cache ($n files) changes no byte: cold, warm, cut, none"
else fail "svg: the font-subset cache changes no byte" "$n files; $(cmp "$T/story.svg" "$T/story-cut.svg" 2>&1 | head -c 200)"; fi

# named structure: the parts a designer picks have stable ids from the data and classes by role
"$JM" "$S/sequence-all.yaml" --view sequence -o "$T/seq-all.svg" 2>/dev/null
"$JM" "$S/funnel-cards.yaml" --view funnel -o "$T/cards.svg" 2>/dev/null
for pair in "petra.svg:persona-petra-novak:jm-persona" "petra.svg:stage-awareness:jm-stage" "petra.svg:lane-actions:jm-lane" \
            "petra.svg:marker-step-3:jm-marker-step" "petra.svg:curve:jm-curve" "story.svg:message-7:jm-message" \
            "story.svg:participant-kaphera-web-support:jm-participant" "cards.svg:card-the-mandate-lands-on-a-desk-that-never-asked-for-it:jm-card"; do
    file=${pair%%:*} rest=${pair#*:} id=${rest%%:*} cls=${rest#*:}
    if grep -q "<g id=\"$id\" class=\"$cls\"" "$T/$file"; then pass "svg: $file has <g id=\"$id\" class=\"$cls\">"
    else fail "svg: $file has group $id" "$(grep -o '<g id="[^"]*" class="[^"]*"' "$T/$file" | head -5 | tr '\n' ' ')"; fi
done
grep -q '<g id="message-6" class="jm-message" aria-label="Kaphera (web + support) to Tractus-X authority">' "$T/story.svg" \
    && pass "svg: a message's group is named by who sends what to whom" || fail "svg: message aria-label" "$(grep -o '<g id="message-6"[^>]*>' "$T/story.svg")"
for f in story.svg petra.svg seq-all.svg cards.svg; do
    dup=$(grep -o ' id="[^"]*"' "$T/$f" | sort | uniq -d | head -3 | tr '\n' ' ')
    [ -z "$dup" ] && pass "svg: ids unique in $f" || fail "svg: ids unique in $f" "$dup"
done
"$JM" "$S/unicode.yaml" --view map -o "$T/unicode-map.svg" 2>/dev/null
grep -q '<g id="stage-decouverte"' "$T/unicode-map.svg" && grep -q '<g id="stage-付款"' "$T/unicode-map.svg" \
    && pass "svg: ids drop Latin accents and keep other scripts" || fail "svg: unicode ids" "$(grep -o '<g id="stage-[^"]*"' "$T/unicode-map.svg" | tr '\n' ' ')"

# right to left: the Hebrew and Arabic runs start at their right edge
"$JM" "$S/unicode.yaml" --view funnel -o "$T/unicode.svg" 2>/dev/null
if grep -q 'direction="rtl" unicode-bidi="embed">הזמנה<' "$T/unicode.svg"; then pass "svg: a Hebrew run is right to left"
else fail "svg: a Hebrew run is right to left" "$(grep -o '<tspan[^>]*>הזמנה' "$T/unicode.svg" | head -c 300)"; fi

# --style auto: one SVG, the default palette and the dark one inside a media query; PNG takes the light
A="$S/emotions-stages.yaml"
"$JM" "$A" --view emotions --style auto -o "$T/auto.svg" 2>/dev/null
"$JM" "$A" --view emotions -o "$T/light.svg" 2>/dev/null
grep -q '@media (prefers-color-scheme:dark){' "$T/auto.svg" && ! grep -q 'prefers-color-scheme' "$T/light.svg" \
    && pass "svg: --style auto writes the dark palette in a prefers-color-scheme query" || fail "svg: --style auto media query" "$(grep -c prefers "$T/auto.svg")"
"$JM" "$A" --view emotions --style auto -o "$T/auto.png" 2>/dev/null
"$JM" "$A" --view emotions -o "$T/light.png" 2>/dev/null
same "svg: --style auto gives PNG the light style" "$T/auto.png" "$T/light.png"
printf '# Page\n\n```mermaid\njourney\n  title T\n  section A\n    Do: 5: Me\n```\n' > "$T/page.md"
"$JM" "$T/page.md" -o "$T/page-out.md" 2>/dev/null
grep -q 'prefers-color-scheme' "$T/page-out-1.svg" 2>/dev/null && pass "svg: Markdown mode's SVG follows the reader's colour scheme by default" \
    || fail "svg: Markdown mode's SVG follows the colour scheme" "$(ls "$T"/page-out* 2>&1 | head -3)"

# rsvg-convert loads no embedded font: where the bundled fonts are installed for fontconfig it
# draws the SVG like our PNG (the README's advice), where they are not it does not
if command -v rsvg-convert >/dev/null; then
    printf '<?xml version="1.0"?>\n<fontconfig><dir>%s/fonts</dir><cachedir>%s/fc</cachedir></fontconfig>\n' "$ROOT" "$T" > "$T/fonts.conf"
    FONTCONFIG_FILE="$T/fonts.conf" rsvg-convert "$T/story.svg" -o "$T/story-rsvg.png" 2>/dev/null
    w=$(png_dim width "$T/story.png") h=$(png_dim height "$T/story.png")
    if "$IMGCMP" "$T/story.png" "$T/story-rsvg.png" --blur 2 --tolerance 48 --max-pixels $((w * h / 400)) > "$T/cmp" 2>&1; then
        pass "svg: rsvg-convert with the bundled fonts installed draws the storyline like our PNG"
    else fail "svg: rsvg-convert with the bundled fonts" "$(head -c 300 "$T/cmp")"; fi
else skip "svg: rsvg-convert with the bundled fonts" "rsvg-convert is not installed"; fi

# Chromium draws it like our PNG: both blurred over 5x5 pixels, at most 0.25 % of the pixels
# off by more than 48 of 255. The same comparison fails when the fonts do not load.
if ! command -v chromium >/dev/null; then
    skip "svg: Chromium draws the SVG like our PNG" "chromium is not installed (make deps installs it)"
    return 0
fi
shot() {   # shot IN.svg OUT.png WIDTH HEIGHT
    timeout 60 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
        --default-background-color=ffffffff --user-data-dir="$T/chromium" --screenshot="$2" \
        --window-size="$3,$4" "file://$1" >/dev/null 2>&1
}
looks_same() {   # looks_same NAME PNG SVG
    local w h max
    w=$(png_dim width "$2") h=$(png_dim height "$2")
    if [ -z "$w" ] || ! shot "$3" "$T/shot.png" "$w" "$h"; then fail "$1" "no screenshot (${w}x$h)"; return; fi
    max=$((w * h / 400))
    if "$IMGCMP" "$2" "$T/shot.png" --blur 2 --tolerance 48 --max-pixels "$max" > "$T/cmp" 2>&1; then pass "$1"
    else fail "$1" "$(head -c 300 "$T/cmp")"; fi
}
for s in seq-storyline.yaml:sequence petra-catena-x.yaml:map unicode.yaml:funnel persona.yaml:map \
         funnel-cards.yaml:funnel emotions-stages.yaml:emotions sequence-all.yaml:sequence; do
    f=${s%%:*} v=${s##*:}
    "$JM" "$S/$f" --view "$v" -o "$T/c-$f.png" 2>/dev/null && "$JM" "$S/$f" --view "$v" -o "$T/c-$f.svg" 2>/dev/null
    looks_same "svg: Chromium draws $f ($v) like our PNG" "$T/c-$f.png" "$T/c-$f.svg"
done
sed 's|font/woff2;base64,|font/woff2;base64,AAAA|' "$T/story.svg" > "$T/nofonts.svg"
w=$(png_dim width "$T/story.png") h=$(png_dim height "$T/story.png")
shot "$T/nofonts.svg" "$T/nofonts.png" "$w" "$h"
if "$IMGCMP" "$T/story.png" "$T/nofonts.png" --blur 2 --tolerance 48 --max-pixels $((w * h / 400)) >/dev/null 2>&1; then
    fail "svg: the comparison fails when the fonts do not load" "it passed"
else pass "svg: the comparison fails when the fonts do not load"; fi

"$JM" "$A" --view emotions --style dark -o "$T/dark.png" 2>/dev/null
w=$(png_dim width "$T/dark.png") h=$(png_dim height "$T/dark.png")
timeout 60 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --blink-settings=preferredColorScheme=0 --user-data-dir="$T/chromium" --screenshot="$T/auto-dark.png" \
    --window-size="$w,$h" "file://$T/auto.svg" >/dev/null 2>&1
if "$IMGCMP" "$T/dark.png" "$T/auto-dark.png" --blur 2 --tolerance 48 --max-pixels $((w * h / 400)) > "$T/cmp" 2>&1; then
    pass "svg: in a dark colour scheme Chromium draws the auto SVG like the dark PNG"
else fail "svg: auto SVG in the dark scheme" "$(head -c 300 "$T/cmp")"; fi
looks_same "svg: in a light colour scheme Chromium draws the auto SVG like the default PNG" "$T/light.png" "$T/auto.svg"

# selectable and searchable: Chromium prints the SVG to a PDF whose text has the words
if timeout 60 chromium --headless --no-sandbox --disable-gpu --user-data-dir="$T/chromium" --no-pdf-header-footer \
        --print-to-pdf="$T/story.pdf" "file://$T/story.svg" >/dev/null 2>&1 && pdftotext "$T/story.pdf" "$T/story.txt" 2>/dev/null; then
    if grep -q "search, read site, email enquiry" "$T/story.txt" && grep -q "Tractus-X authority" "$T/story.txt"; then
        pass "svg: a PDF printed from the SVG holds the words"
    else fail "svg: a PDF printed from the SVG holds the words" "$(head -c 300 "$T/story.txt")"; fi
else fail "svg: a PDF printed from the SVG holds the words" "chromium could not print it"; fi
