# tests/cli/map.sh - the map view from the command line: clean layouts of every sample with stages
# in the default and print styles at natural size, on a 16:9 slide and on A3 landscape pages;
# exact slide sizes; A3 pages (size, count, vector text); the handout (pages, size, outline,
# metadata); --view all to PNG; reference images of a slide and the print style.
# Sourced by tests/run.sh; JM_UPDATE=1 rewrites the references.
# shards: 4
PNGINFO="$ROOT/$BUILD/tests/pnginfo"
PETRA="$ROOT/samples/petra-catena-x.yaml"
BUYER="$ROOT/samples/enterprise-buyer.yaml"

# --- no layout defects: every sample with stages, default and print, natural, slide, A3 ---
for f in $(shard "$ROOT"/samples/*.yaml); do
    s=$(basename "$f" .yaml)
    "$JM" "$f" --list-views 2>/dev/null | grep -qx map || continue
    for style in default print; do
        expect_exit "map $s $style: no defects" 0 "$JM" "$f" --view map --style "$style" --check-layout
        expect_exit "map $s $style 16:9: no defects" 0 "$JM" "$f" --view map --style "$style" --slide 16:9 --check-layout
        expect_exit "map $s $style A3: no defects" 0 "$JM" "$f" --view map --style "$style" --page A3-landscape \
            --check-layout -o "$T/$s-a3.pdf"
    done
done
for f in $(shard "$PETRA" "$BUYER"); do
    s=$(basename "$f" .yaml)
    expect_exit "map $s dark: no defects" 0 "$JM" "$f" --view map --style dark --check-layout
    for w in 800 1920; do
        expect_exit "map $s width $w: no defects" 0 "$JM" "$f" --view map --width "$w" --check-layout
    done
    expect_exit "map $s A4: no defects" 0 "$JM" "$f" --view map --page A4 --check-layout -o "$T/$s-a4.pdf"
    expect_exit "handout $s: no defects" 0 "$JM" "$f" --view all --check-layout -o "$T/$s-handout.pdf"
done
first_shard || return 0

# --- an entry taller than the room left is cut between two lines of its text ---
# split_pairs NATURAL PAGED: for each "(continued)" marker, "HEAD_LINES TAIL_LINES JOINED" where
# HEAD is the last text in the marker's column on the page before, TAIL the text under the
# marker, and JOINED 1 when "HEAD TAIL" is one whole text of the natural poster (cut at a space,
# nothing lost or repeated).
split_pairs() {
    awk 'function txt() { match($0, /@[0-9]+:[0-9]+ "/); return substr($0, RSTART + RLENGTH, length($0) - RSTART - RLENGTH) }
         function x() { split($4, p, ","); return p[1] }
         FNR == 1 { f++ }
         f == 1 && $2 == "text" && $3 == "map.text" { whole[n++] = txt(); next }
         f == 2 && /^page / { pg++; next }
         f == 2 && $2 == "text" && $3 == "map.continued" { want = x(); next }
         f == 2 && $2 == "text" && $3 == "map.text" {
             for (j = 1; j <= NF; j++) if ($j == "lines") l = $(j + 1)
             if (want != "" && x() == want) {
                 joined = 0; h = last[pg - 1, want] " " txt()
                 for (k = 0; k < n; k++) if (index(whole[k], h)) joined = 1
                 print lines[pg - 1, want] + 0, l, joined; want = ""
             }
             last[pg, x()] = txt(); lines[pg, x()] = l
         }' "$1" "$2"
}
"$JM" "$PETRA" --view map --dump-scene > "$T/natural.scene"
for tgt in "--page A4-landscape" "--page A4" "--slide 16:9"; do
    # shellcheck disable=SC2086
    "$JM" "$PETRA" --view map $tgt --dump-scene -o "$T/cut.pdf" > "$T/cut.scene"
    split_pairs "$T/natural.scene" "$T/cut.scene" > "$T/pairs"
    n=$(wc -l < "$T/pairs")
    [ "$n" -ge 1 ] && pass "petra map $tgt: entries continued on the next page ($n)" \
        || fail "petra map $tgt: entries continued on the next page" "no (continued) marker"
    bad=$(awk '$1 < 2 || $2 < 2' "$T/pairs" | wc -l)
    [ "$bad" = 0 ] && pass "petra map $tgt: at least 2 lines each side of a cut" \
        || fail "petra map $tgt: at least 2 lines each side of a cut" "$(tr '\n' '|' < "$T/pairs")"
    bad=$(awk '$3 != 1' "$T/pairs" | wc -l)
    [ "$bad" = 0 ] && pass "petra map $tgt: a cut text is whole again, cut at a space" \
        || fail "petra map $tgt: a cut text is whole again, cut at a space" "$(tr '\n' '|' < "$T/pairs")"
done

# quotes and cards are cut too, in their marks and boxes; the marker keeps the floor where no
# step heading sets the print's smallest text
LONG="The onboarding guide assumes a dedicated platform team, a Kubernetes cluster and someone who reads Helm charts for fun; we have none of those, and every page sends me to another page that assumes even more of them than the last one did before."
{ echo "title: Cut cards"; echo "stages:"
  for n in Discover "Set up" Run; do
      printf '  - name: %s\n    triggers: ["%s"]\n    thoughts: ["%s", "Short one."]\n    pain_points: ["%s", "%s"]\n' \
          "$n" "$LONG" "$LONG" "$LONG" "$LONG"
  done; } > "$T/cut-cards.yaml"
expect_exit "cut quotes and cards on A5: no defects" 0 "$JM" "$T/cut-cards.yaml" --view map --page A5-landscape --check-layout -o "$T/cc.pdf"
"$JM" "$T/cut-cards.yaml" --view map --page A5-landscape --dump-scene -o "$T/cc.pdf" > "$T/cc.scene"
# "HEADS TAILS": quote pieces with only the opening mark, and with only the closing one
q=$(awk '$3 == "map.card.text" { match($0, /@[0-9]+:[0-9]+ "/); t = substr($0, RSTART + RLENGTH, length($0) - RSTART - RLENGTH)
             o = t ~ /^“/; c = t ~ /”$/
             if (o && !c) h++; if (c && !o) r++ }
         END { print h + 0, r + 0 }' "$T/cc.scene")
m=$(grep -c ' map\.continued ' "$T/cc.scene")
[ "$m" -ge 6 ] && [ "${q% *}" -ge 3 ] && [ "${q% *}" = "${q#* }" ] \
    && pass "cut quotes: the opening mark on the first piece, the closing one on the last ($m markers)" \
    || fail "cut quotes: the opening mark on the first piece, the closing one on the last" "$m markers, pieces $q"

# --- an emotion lane a little too tall for the room left finishes the page, shorter ---
# (the default style's score unit is 44 pt; fitted, at least three quarters of it)
"$JM" "$ROOT/samples/emotions-unscored.yaml" --view map --page A4-landscape --dump-scene -o "$T/eu.pdf" > "$T/eu.scene"
pages=$(grep -c '^page ' "$T/eu.scene")
unit=$(awk '$3 == "emotions.grid" || $3 == "emotions.baseline" { split($4, p, ","); y[n++] = p[2] }
            END { if (n > 1) printf "%.2f", (y[n - 1] - y[0]) / (n - 1) }' "$T/eu.scene")
[ "$pages" = 1 ] && pass "emotions-unscored map A4-landscape: one page, the curve with the rest" \
    || fail "emotions-unscored map A4-landscape: one page, the curve with the rest" "$pages pages"
awk -v u="$unit" 'BEGIN { exit !(u >= 33 - 1e-6 && u < 44) }' && pass "emotions-unscored map A4-landscape: score unit $unit pt, shortened by at most a quarter" \
    || fail "emotions-unscored map A4-landscape: score unit shortened by at most a quarter" "unit $unit pt"

# --- slides are exactly 1920x1080 (3840x2160 at --scale 2), 4:3 is 1440x1080 ---
# (the buyer's map is a deck at the floor: slide-1.png, slide-2.png, ...)
slide() { # slide NAME WANT_W WANT_H ARGS...
    local n=$1 w=$2 h=$3; shift 3
    "$JM" "$BUYER" --view map "$@" -o "$T/slide.png" 2>"$T/err" && "$PNGINFO" "$T/slide-1.png" > "$T/info" \
        && grep -qx "width $w" "$T/info" && grep -qx "height $h" "$T/info" && pass "$n" \
        || fail "$n" "$(head -c 200 "$T/err") $(head -n 2 "$T/info" 2>/dev/null | tr '\n' ' ')"
}
slide "map 16:9 is 1920x1080" 1920 1080 --slide 16:9
slide "map 16:9 at scale 2 is 3840x2160" 3840 2160 --slide 16:9 --scale 2
slide "map 4:3 is 1440x1080" 1440 1080 --slide 4:3
"$JM" "$PETRA" --view map --slide 16:9 -o "$T/petra-slide.svg" 2>"$T/err" \
    && grep -q 'width="1920"' "$T/petra-slide-1.svg" && grep -q 'height="1080"' "$T/petra-slide-2.svg" \
    && pass "map 16:9 svg is 1920x1080" || fail "map 16:9 svg is 1920x1080" "$(head -c 200 "$T/err")"
ok "map slide svg is well-formed" xmllint --noout "$T/petra-slide-1.svg"
"$JM" "$BUYER" --view funnel --slide 16:9 -o "$T/funnel-slide.png" && "$PNGINFO" "$T/funnel-slide.png" | grep -qx "width 1920" \
    && pass "funnel on a 16:9 slide too" || fail "funnel on a 16:9 slide too" "$("$PNGINFO" "$T/funnel-slide.png" 2>&1 | head -n 1)"
expect_exit "slide: unknown ratio" 2 "$JM" "$BUYER" --slide 21:9 -o "$T/x.png"
expect_err "slide: unknown ratio says the known ones" "16:9"
expect_exit "slide and page do not mix" 2 "$JM" "$BUYER" --slide 16:9 --page A4 -o "$T/x.pdf"
expect_exit "slide and width do not mix" 2 "$JM" "$BUYER" --slide 16:9 --width 800 -o "$T/x.png"

# --- A3 landscape: page size, a few pages at most, the lanes as vector text ---
for f in "$PETRA" "$BUYER"; do
    s=$(basename "$f" .yaml)
    "$JM" "$f" --view map --page A3-landscape -o "$T/$s-a3.pdf" 2>"$T/err" || fail "map $s A3" "$(head -c 200 "$T/err")"
    pdfinfo "$T/$s-a3.pdf" > "$T/info" 2>&1
    grep -q "^Page size: *1190.55 x 841.89" "$T/info" && pass "map $s A3: page size" || fail "map $s A3: page size" "$(grep 'Page size' "$T/info")"
    pages=$(awk '/^Pages:/ { print $2 }' "$T/info")
    # at the paper floor (no text under 7 pt, paper.h) a long map takes up to four A3 pages
    [ "${pages:-0}" -ge 1 ] && [ "${pages:-0}" -le 4 ] && pass "map $s A3: $pages pages" || fail "map $s A3: 1 to 4 pages" "$pages"
    pdftotext "$T/$s-a3.pdf" "$T/$s-a3.txt"
    for want in Actions Thoughts Emotions; do
        grep -qF "$want" "$T/$s-a3.txt" && pass "map $s A3: text '$want'" || fail "map $s A3: text '$want'" "not in pdftotext"
    done
done
grep -qF "Board pressure to" "$T/enterprise-buyer-a3.txt" && grep -qF "Streamlined POC" "$T/enterprise-buyer-a3.txt" \
    && pass "map A3: cell texts are vector text" || fail "map A3: cell texts are vector text" "not in pdftotext"
# more columns than an A4 portrait page holds at 6 pt: the stage columns split, each page under its stage row
"$JM" "$PETRA" --view map --page A4 -o "$T/petra-a4.pdf" --dump-scene > "$T/a4.scene" 2>"$T/err"
pages=$(grep -c '^page ' "$T/a4.scene")
[ "$pages" -gt 2 ] && pass "map petra A4: continues on $pages pages" || fail "map petra A4: continues on several pages" "$pages"
awk '/^page /{ if (p && lanes && !chev) bad = 1; p = $2; lanes = 0; chev = 0 } / map\.lane\.label /{ lanes++ }
     / funnel\.stage /{ chev++ } END { if (lanes && !chev) bad = 1; exit bad }' "$T/a4.scene" \
    && pass "map petra A4: every page of lanes repeats the stage row" || fail "map petra A4: every page of lanes repeats the stage row" "see $T/a4.scene"

# --- the handout: cover, map, emotion curve, sequence, funnel, tables; A4 landscape by default ---
"$JM" "$PETRA" --view all -o "$T/handout.pdf" 2>"$T/err" && pass "handout petra" || fail "handout petra" "$(head -c 200 "$T/err")"
pdfinfo "$T/handout.pdf" > "$T/info" 2>&1
grep -q "^Page size: *841.89 x 595.28" "$T/info" && pass "handout: A4 landscape by default" || fail "handout: A4 landscape by default" "$(grep 'Page size' "$T/info")"
grep -q "^Title: *Petra · Joining Catena-X" "$T/info" && pass "handout: title" || fail "handout: title" "$(grep Title "$T/info")"
grep -q "^Subject: *A small-supplier operations manager" "$T/info" && pass "handout: subject" || fail "handout: subject" "$(grep Subject "$T/info")"
grep -q "^Author: *Petra Novák" "$T/info" && pass "handout: author" || fail "handout: author" "$(grep Author "$T/info")"
pages=$(awk '/^Pages:/ { print $2 }' "$T/info")
# outline titles are PDF strings, (ASCII) or <FEFF...> (UTF-16BE hex) when they hold parentheses
pdf_hex() { printf 'FEFF%s' "$(printf '%s' "$1" | iconv -f UTF-8 -t UTF-16BE | od -An -tx1 | tr -d ' \n' | tr a-f A-F)"; }
has_title() { grep -a -q -e "/Title ($1)" -e "/Title <$(pdf_hex "$1")>" "$2"; }
entries=$(grep -a -o '/Title [(<]' "$T/handout.pdf" | wc -l)
# one outline entry per page, plus the document's own /Title in its metadata
[ "$entries" = $((pages + 1)) ] && pass "handout: an outline entry per page ($pages)" || fail "handout: an outline entry per page" "$entries titles, $pages pages"
for want in Cover "Journey map" "Emotion curve" Sequence Funnel Tables "Journey map (2)"; do
    has_title "$want" "$T/handout.pdf" && pass "handout: outline has '$want'" || fail "handout: outline has '$want'" "no /Title for it"
done
pdftotext -f 1 -l 1 "$T/handout.pdf" "$T/cover.txt"
grep -qF "Petra Novák" "$T/cover.txt" && grep -qF "Goals" "$T/cover.txt" && pass "handout: cover with the persona" \
    || fail "handout: cover with the persona" "$(head -c 200 "$T/cover.txt")"
pdftotext "$T/handout.pdf" "$T/handout.txt"
for want in Feelings Storyline Scenario Entities "Key features"; do
    grep -qF "$want" "$T/handout.txt" && pass "handout: text '$want'" || fail "handout: text '$want'" "not in pdftotext"
done
"$JM" "$BUYER" --view all --page A3 -o "$T/buyer-handout.pdf" 2>"$T/err" \
    && pdfinfo "$T/buyer-handout.pdf" | grep -q "^Page size: *841.89 x 1190.55" \
    && pass "handout: --page sets its page size" || fail "handout: --page sets its page size" "$(head -c 200 "$T/err")"
has_title Sequence "$T/buyer-handout.pdf" && fail "handout: only the views the file has" "a sequence page" \
    || pass "handout: only the views the file has"
pdftoppm -r 20 -f 1 -l 1 -png "$T/handout.pdf" "$T/cover" >/dev/null 2>&1 && pass "handout: pages render" \
    || fail "handout: pages render" "pdftoppm failed"

# --- PNG and SVG --view all: a file per view, the map among them ---
expect_exit "view all png" 0 "$JM" "$PETRA" --view all -o "$T/all.png"
for v in map emotions sequence funnel; do
    [ -f "$T/all-$v.png" ] && pass "view all png writes all-$v.png" || fail "view all png writes all-$v.png" "$(ls "$T")"
done

# --- what the map shows ---
"$JM" "$ROOT/samples/map-lanes.yaml" --view map --dump-scene > "$T/lanes.scene"
labels=$(grep ' map\.lane\.label ' "$T/lanes.scene" | sed -E 's/.*"([^"]*)"$/\1/' | tr '\n' '|')
[ "$labels" = "Actions|Thoughts|Emotions|Pain points|Opportunities|Backstage|KPIs|" ] \
    && pass "map lanes: empty lanes left out, custom lanes last" || fail "map lanes: empty lanes left out, custom lanes last" "$labels"
grep -q ' image ' <("$JM" "$ROOT/samples/map-persona.yaml" --view map --dump-scene) \
    && pass "map persona: the picture" || fail "map persona: the picture" "no image item"

# --- reference images: a slide, the print style ---
"$JM" "$ROOT/samples/map-lanes.yaml" --view map --slide 16:9 -o "$T/map-lanes-slide.png" && ref_png map-lanes-slide "$T/map-lanes-slide-1.png"
"$JM" "$ROOT/samples/map-persona.yaml" --view map --style print -o "$T/map-persona-print.png" && ref_png map-persona-print "$T/map-persona-print.png"
