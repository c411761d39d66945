# tests/cli/emoji.sh - sharp emoji in vector output: in a PDF every colour emoji is the picture of
# the font's full strike (136 px wide), one image per distinct emoji however often it is drawn,
# printed at 300 ppi or more on the A3 map. (PNG pixels are covered by the reference images.)
PETRA="$ROOT/samples/petra-catena-x.yaml"
if ! command -v pdfimages >/dev/null; then skip "emoji: pictures in the PDF" "pdfimages is not installed"; return 0; fi
distinct() { "$JM" "$@" --dump-scene 2>/dev/null | awk '$3 == "emotions.emoji" || $3 == "map.emoji"' | sed 's/.*"\(.*\)"$/\1/' | sort -u | wc -l; }

"$JM" "$PETRA" --view emotions -o "$T/e.pdf" 2>/dev/null
pdfimages -list "$T/e.pdf" | awk 'NR > 2 && $3 == "image"' > "$T/e.list"
n=$(wc -l < "$T/e.list") want=$(distinct "$PETRA" --view emotions)
narrow=$(awk '$4 < 136' "$T/e.list" | wc -l)
if [ "$n" -gt 0 ] && [ "$n" = "$want" ] && [ "$narrow" = 0 ]; then pass "emoji: emotions PDF: $n pictures, one per distinct emoji, each 136 px wide"
else fail "emoji: emotions PDF pictures" "$n images for $want distinct emoji, $narrow narrower than 136 px"; fi

"$JM" "$PETRA" --view map --page A3-landscape -o "$T/m.pdf" 2>/dev/null
pdfimages -list "$T/m.pdf" | awk 'NR > 2 && $3 == "image"' > "$T/m.list"
low=$(awk '$13 < 300 || $14 < 300' "$T/m.list" | wc -l) n=$(wc -l < "$T/m.list")
[ "$n" -gt 0 ] && [ "$low" = 0 ] && pass "emoji: A3 map: all $n emoji pictures print at 300 ppi or more" \
    || fail "emoji: A3 map at 300 ppi" "$low of $n below 300 ppi: $(head -3 "$T/m.list")"
obj=$(awk '{print $11}' "$T/m.list" | sort | uniq | wc -l)
[ "$obj" = "$n" ] && pass "emoji: A3 map: each picture is its own object, none written twice" || fail "emoji: A3 map objects" "$obj objects for $n images"
