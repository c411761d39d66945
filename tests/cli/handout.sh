# tests/cli/handout.sh - the printed handout (--view all to a PDF) and paper: one set of highest
# and lowest moments for the whole journey on every page, the curve carried across page breaks.
# Sourced by tests/run.sh.
PETRA="$ROOT/samples/petra-catena-x.yaml"
BUYER="$ROOT/samples/enterprise-buyer.yaml"

# --- the highest and lowest moments are the journey's, on every page ---
# extremes FILE: "VIEW high|low SRC" for every ring in a scene dump (the page's view first).
extremes() {
    awk '/^page /{ view = $4 } $2 == "path" && $3 ~ /^emotions\.marker\.(high|low)/ {
        split($3, r, "."); print view, r[3], $NF }' "$1" | sort -u
}
for f in "$PETRA" "$BUYER"; do
    s=$(basename "$f" .yaml)
    for page in "" A4 A3-landscape; do
        if [ -z "$page" ]; then args=(--view all -o "$T/$s.pdf"); what="$s handout"
        else args=(--view all --page "$page" -o "$T/$s.pdf"); what="$s handout $page"; fi
        "$JM" "$f" "${args[@]}" --dump-scene > "$T/$s.scene" 2>"$T/err" || { fail "$what: dump" "$(head -c 200 "$T/err")"; continue; }
        extremes "$T/$s.scene" > "$T/ext"
        full=$(awk '$1 == "emotions" { print $2, $3 }' "$T/ext")
        onmap=$(awk '$1 == "map" { print $2, $3 }' "$T/ext" | sort -u)
        [ -n "$full" ] && [ "$(grep -c high <<< "$full")" -ge 1 ] && [ "$(grep -c low <<< "$full")" -ge 1 ] \
            && pass "$what: the emotions page rings a high and a low" || fail "$what: the emotions page rings a high and a low" "$full"
        [ "$onmap" = "$full" ] && pass "$what: the map pages ring exactly the journey's extremes" \
            || fail "$what: the map pages ring exactly the journey's extremes" "map: $(tr '\n' ' ' <<< "$onmap") / view: $(tr '\n' ' ' <<< "$full")"
    done
done
# Petra's lowest moment is step 1 (-2); "Patient and informed" (+0.5) is no low on its page
"$JM" "$PETRA" --view all -o "$T/p.pdf" --dump-scene > "$T/p.scene"
lows=$(awk '/^page /{ view = $4 } view == "map" && $3 ~ /^emotions\.marker\.low/' "$T/p.scene" | wc -l)
[ "$lows" = 1 ] && pass "petra handout: one low ring on the map pages" || fail "petra handout: one low ring on the map pages" "$lows"

# --- the curve runs to the page edge and is picked up at the next page's edge ---
# (the buyer's handout splits the map's columns into groups; Petra's five stages share a row,
# their long entries continued down the pages)
"$JM" "$BUYER" --view all -o "$T/b.pdf" --dump-scene > "$T/b.scene"
# per map page with a curve: "FIRST_BAND_X LAST_BAND_RIGHT CURVE_X0 CURVE_X1"
awk '/^page /{ if (c) print b0, b1, c0, c1; c = 0; b0 = 1e9; b1 = -1e9; map = $4 == "map" }
     map && $2 == "rect" && $3 ~ /^emotions\.band/ { split($4, p, ","); split($5, d, "x"); if (p[1] < b0) b0 = p[1]; if (p[1] + d[1] > b1) b1 = p[1] + d[1] }
     map && $2 == "path" && $3 ~ /^emotions\.curve/ { split($4, p, ","); split($5, d, "x"); if (!c || p[1] < c0) c0 = p[1]; if (!c || p[1] + d[1] > c1) c1 = p[1] + d[1]; c = 1 }
     END { if (c) print b0, b1, c0, c1 }' "$T/b.scene" > "$T/curves"
n=$(wc -l < "$T/curves")
right=$(awk '{ d = $2 - $4; if (d < 0) d = -d; if (d < 0.01) n++ } END { print n + 0 }' "$T/curves")
left=$(awk '{ d = $1 - $3; if (d < 0) d = -d; if (d < 0.01) n++ } END { print n + 0 }' "$T/curves")
# the journey starts and ends at points; every page break between is crossed by the curve
[ "$n" -ge 2 ] && pass "buyer handout: the curve on $n map pages" || fail "buyer handout: the curve on several map pages" "$n"
[ "$right" = $((n - 1)) ] && pass "buyer handout: the curve runs to the right edge of every map page but the last" \
    || fail "buyer handout: the curve runs to the right edge of every map page but the last" "$right of $n: $(tr '\n' '|' < "$T/curves")"
[ "$left" = $((n - 1)) ] && pass "buyer handout: the curve comes in at the left edge of every map page but the first" \
    || fail "buyer handout: the curve comes in at the left edge of every map page but the first" "$left of $n: $(tr '\n' '|' < "$T/curves")"
# and on A4 portrait, where the columns split into more groups
"$JM" "$PETRA" --view map --page A4 -o "$T/p4.pdf" --dump-scene > "$T/p4.scene"
m=$(awk '/^page /{ if (c) n++; c = 0 } $3 ~ /^emotions\.curve/ { c = 1 } END { print n + c }' "$T/p4.scene")
e=$(awk '/^page /{ b1 = -1e9 } $2 == "rect" && $3 ~ /^emotions\.band/ { split($4, p, ","); split($5, d, "x"); b1 = p[1] + d[1] }
         $2 == "path" && $3 ~ /^emotions\.curve/ { split($4, p, ","); split($5, d, "x"); x1 = p[1] + d[1]; if (x1 - b1 < 0.01 && b1 - x1 < 0.01) n++ }
         END { print n + 0 }' "$T/p4.scene")
[ "$m" -ge 2 ] && [ "$e" -ge $((m - 1)) ] && pass "petra map A4: the curve crosses the $((m - 1)) page breaks" \
    || fail "petra map A4: the curve crosses every page break" "$e edges on $m pages"

# --- paper: named sizes, custom sizes, clear errors ---
SMALL="$ROOT/samples/funnel-basic.yaml"
page_is() { # page_is SIZE W H: --page SIZE gives a first page of W x H pt (pdfinfo's rounding)
    "$JM" "$SMALL" -o "$T/pg.pdf" --page "$1" 2>"$T/err" || { fail "--page $1" "$(head -c 200 "$T/err")"; return; }
    got=$(pdfinfo "$T/pg.pdf" | awk '/^Page size:/ { printf "%.0f x %.0f", $3, $5 }')
    [ "$got" = "$2 x $3" ] && pass "--page $1 is $2 x $3 pt" || fail "--page $1 is $2 x $3 pt" "$got"
}
page_is A1 1684 2384
page_is A0-landscape 3370 2384
page_is B5 499 709
page_is b0 2835 4008
page_is 600x400mm 1701 1134
page_is 24x36in 1728 2592
page_is 24inx36in 1728 2592
page_is 42x59.4cm 1191 1684
page_is 800x600pt 800 600
for bad in 0x5mm 5mm 600x400 300x300in A7 A4-sideways x5mm 1x1in; do
    expect_exit "--page $bad is refused" 2 "$JM" "$SMALL" -o "$T/bad.pdf" --page "$bad"
    [ ! -e "$T/bad.pdf" ] && pass "--page $bad: no output" || fail "--page $bad: no output" "bad.pdf written"
done
expect_exit "--page 0x5mm" 2 "$JM" "$SMALL" -o "$T/bad.pdf" --page 0x5mm
expect_err "--page 0x5mm says the range" "each side must be from 1 in"
expect_exit "--page 600x400" 2 "$JM" "$SMALL" -o "$T/bad.pdf" --page 600x400
expect_err "--page 600x400 asks for a unit" "with a unit (mm, cm, in or pt)"
expect_exit "--page A7" 2 "$JM" "$SMALL" -o "$T/bad.pdf" --page A7
expect_err "--page A7 lists the sizes" "A0..A5, B0..B5"
expect_exit "--page 1x1in leaves no room" 2 "$JM" "$SMALL" -o "$T/bad.pdf" --page 1x1in
expect_err "--page 1x1in names the margin" "--margin 36"

# --- a running head and a page number on every page but the cover; "continued"; nested outline ---
for f in "$PETRA" "$BUYER" "$ROOT/samples/sequence-all.yaml"; do
    s=$(basename "$f" .yaml)
    "$JM" "$f" --view all -o "$T/h.pdf" --dump-scene > "$T/h.scene" 2>"$T/err"
    n=$(grep -c '^page ' "$T/h.scene")
    # "N / n" on page N, for N = 2..n, and none on the cover
    want=$(seq 2 "$n" | sed "s|\$| / $n|" | tr '\n' '|')
    got=$(awk '/^furniture /{ f = $2 } / handout\.page /{ match($0, /"[^"]*"$/); print substr($0, RSTART + 1, RLENGTH - 2) }' "$T/h.scene" | tr '\n' '|')
    [ "$got" = "$want" ] && pass "$s handout: page numbers 2 / $n .. $n / $n" || fail "$s handout: page numbers on every page but the cover" "$got"
    awk '/^furniture 1 /{ bad = 1 } END { exit bad }' "$T/h.scene" && pass "$s handout: no furniture on the cover" \
        || fail "$s handout: no furniture on the cover" "furniture 1"
    titles=$(grep -c ' handout\.title ' "$T/h.scene")
    [ "$titles" = $((n - 1)) ] && pass "$s handout: the running title on $titles pages" || fail "$s handout: the running title on every page but the cover" "$titles of $((n - 1))"
    # pdftotext: the page numbers are on the paper
    "$JM" "$f" --view all -o "$T/h.pdf" 2>/dev/null
    pdftotext -f 2 -l 2 "$T/h.pdf" - 2>/dev/null | grep -qE "^2 ?/ ?$n\$" && pass "$s handout: '2 / $n' printed on page 2" \
        || fail "$s handout: '2 / $n' printed on page 2" "not in pdftotext"
done
# "continued" exactly on the pages that continue a section (the outline's nested ones)
"$JM" "$PETRA" --view all -o "$T/h.pdf" --dump-scene > "$T/h.scene"
cont=$(grep ' handout\.section ' "$T/h.scene" | grep -c '(continued)"$')
maps=$(awk '/^page / && $4 == "map"' "$T/h.scene" | wc -l)
seqs=$(awk '/^page / && $4 == "sequence"' "$T/h.scene" | wc -l)
tabs=$(awk '/^page / && $4 == "tables"' "$T/h.scene" | wc -l)
[ "$cont" = $((maps - 1 + seqs - 1 + tabs - 1)) ] && pass "petra handout: 'continued' on the $cont continuation pages" \
    || fail "petra handout: 'continued' on every continuation page and no other" "$cont, map $maps seq $seqs tables $tabs"
"$JM" "$PETRA" --view all -o "$T/h.pdf"
# the outline: the map's first page has as many children as the map has further pages
count=$(grep -a -o '/Count -\?[0-9]*' "$T/h.pdf" | tr -d ' ' | sort | uniq -c | tr '\n' ' ')
grep -a -q "/Count -$((maps - 1))" "$T/h.pdf" && pass "petra handout: the outline nests the map's pages under its first" \
    || fail "petra handout: the outline nests the map's pages under its first" "$count (map pages $maps)"

# --- --fit: one view on one page, as large as the paper allows, or the size it needs ---
expect_exit "--fit: petra's map is too big for A4" 1 "$JM" "$PETRA" --view map --fit --page A4-landscape -o "$T/fit.pdf"
expect_err "--fit: names the smallest A size that holds it" "it needs A1"
expect_err "--fit: says how small its text would be" "under the floor of 7 pt"
[ ! -e "$T/fit.pdf" ] && pass "--fit: nothing written when it does not fit" || fail "--fit: nothing written when it does not fit" "fit.pdf"
expect_exit "--fit: A1 holds it" 0 "$JM" "$PETRA" --view map --fit --page A1 -o "$T/fit.pdf"
expect_exit "--fit: A2 does not" 1 "$JM" "$PETRA" --view map --fit --page A2 -o "$T/fit.pdf"
expect_exit "--fit without --page" 0 "$JM" "$PETRA" --view map --fit -o "$T/fit.pdf"
pdfinfo "$T/fit.pdf" > "$T/info"
grep -q "^Pages: *1$" "$T/info" && grep -q "^Page size: *1683.78 x 2383.94" "$T/info" \
    && pass "--fit without --page: one A1 page, the smallest A size" || fail "--fit without --page: one A1 page" "$(grep -E 'Pages|size' "$T/info" | tr '\n' ' ')"
# the map on its one page: every text at its floor (the scene scaled as the writer scales it)
"$JM" "$PETRA" --view map --fit -o "$T/fit.pdf" --dump-scene > "$T/fit.scene"
awk -v W=1611.78 -v H=2311.94 -v TAG="$FLOOR_TAG_RE" -v NONE="$FLOOR_NONE_RE" '/^scene /{ split($2, d, "x"); k = W / d[1]; if (d[2] * k > H) k = H / d[2] }
     $2 == "text" && $3 !~ NONE { match($0, /font "[^"]*" [0-9.]+/); f = substr($0, RSTART, RLENGTH); sub(/.* /, "", f)
       floor = ($3 ~ TAG) ? 6 : 7
       if (f * k < floor - 0.01) { print $3, f * k; bad = 1 } } END { exit bad }' "$T/fit.scene" > "$T/small" \
    && pass "--fit: no text under the floor on the page" || fail "--fit: no text under the floor on the page" "$(head -3 "$T/small")"
expect_exit "--fit: a B size asked, a B size named" 1 "$JM" "$PETRA" --view map --fit --page B5 -o "$T/fit.pdf"
expect_err "--fit: B2 for a B5 page" "it needs B2"
expect_exit "--fit: the emotion curve on A5" 0 "$JM" "$PETRA" --view emotions --fit --page A5 -o "$T/fit.pdf"
pdfinfo "$T/fit.pdf" | grep -q "^Pages: *1$" && pass "--fit: one page" || fail "--fit: one page" "$(pdfinfo "$T/fit.pdf" | grep Pages)"
expect_exit "--fit with --view all" 2 "$JM" "$PETRA" --view all --fit -o "$T/fit.pdf"
expect_exit "--fit to PNG" 2 "$JM" "$PETRA" --view map --fit -o "$T/fit.png"

# --- every handout page prints its text at the floor, and a map page is more than half used ---
# floor_report SCENE: "page N: ROLE SIZE" for every text under its floor as the PDF writer scales
# the page (the A4-landscape content box less the running head and foot), and "page N: used P%"
# for a map page, not its section's last, whose content fills half its box or less.
floor_report() {
    awk -v W=769.89 -v H=523.28 -v TAG="$FLOOR_TAG_RE" -v NONE="$FLOOR_NONE_RE" '
        FNR == NR { if ($1 == "furniture") { hf[$2] = $4 + $6 }; if ($1 == "page") last[$4] = $2; next }
        /^page / { page = $2; view = $4; furn = 0; next }
        /^furniture / { furn = 1; next }
        furn { next }
        /^scene / { split($2, d, "x"); bh = H - hf[page]; k = W / d[1]; if (d[2] * k > bh) k = bh / d[2]; next }
        $2 == "text" && $3 !~ NONE { match($0, /font "[^"]*" [0-9.]+/); f = substr($0, RSTART, RLENGTH); sub(/.* /, "", f)
            fl = ($3 ~ TAG) ? 6 : 7
            if (f * k < fl - 0.01) print "page " page ": " $3 " " f * k }
        view == "map" && page != last["map"] { split($4, p, ","); split($5, d, "x"); b = (p[2] + d[2] + 32) * k; if (b > bot[page]) bot[page] = b; box[page] = bh }
        END { for (pg in bot) if (bot[pg] <= box[pg] / 2) print "page " pg ": used " int(100 * bot[pg] / box[pg]) "%" }' "$1" "$1"
}
for s in petra-catena-x enterprise-buyer customer-journeys sequence-all funnel-twenty; do
    "$JM" "$ROOT/samples/$s.yaml" --view all -o "$T/f.pdf" --dump-scene > "$T/f.scene"
    floor_report "$T/f.scene" > "$T/floor"
    [ ! -s "$T/floor" ] && pass "$s handout: every text at its floor, map pages more than half used" \
        || fail "$s handout: every text at its floor, map pages more than half used" "$(head -3 "$T/floor" | tr '\n' '|')"
done
# the check can fail: the old per-page scale of the map (6 pt cell text) is under the floor
printf 'page 1 view map\nscene 1411.47x959.35 background #ffffffff items 1\n0 text map.text 0.00,0.00 10.00x10.00 font "Inter 11" 11.00 color #000000ff "x"\n' > "$T/old.scene"
[ -n "$(floor_report "$T/old.scene")" ] && pass "floor check: catches 6 pt text" || fail "floor check: catches 6 pt text" "nothing reported"

# --- small tables share pages (side by side, or printed a little smaller); a long one continues ---
"$JM" "$BUYER" --view all -o "$T/b.pdf" --dump-scene > "$T/b.scene"
tabs=$(awk '/^page / && $4 == "tables"' "$T/b.scene" | wc -l)
[ "$tabs" = 1 ] && pass "buyer handout: three tables on one page" || fail "buyer handout: three tables on one page" "$tabs pages"
# two of them side by side: two table titles on one baseline
awk '/^page /{ t = $4 == "tables" } t && / map\.table\.title /{ split($4, p, ","); if (seen[p[2]]++) two = 1 } END { exit !two }' "$T/b.scene" \
    && pass "buyer handout: two tables side by side" || fail "buyer handout: two tables side by side" "one per row"
"$JM" "$ROOT/samples/tables.yaml" --view all -o "$T/t.pdf" --dump-scene > "$T/t.scene"
[ "$(awk '/^page / && $4 == "tables"' "$T/t.scene" | wc -l)" = 1 ] && pass "tables handout: a table a little too tall for the room left shares the page" \
    || fail "tables handout: a table a little too tall for the room left shares the page" "$(grep -c '^page .* tables' "$T/t.scene") pages"
{ printf 'title: Long\nstages: [{name: A}]\ntables:\n  - title: Many rows\n    columns: [Row, Text]\n    rows:\n'
  for i in $(seq 1 60); do printf '      - [%s, "row %s of a table longer than a page"]\n' "$i" "$i"; done; } > "$T/long.yaml"
"$JM" "$T/long.yaml" --view all -o "$T/l.pdf" --dump-scene > "$T/l.scene"
grep -q ' map\.table\.title .*(continued)"$' "$T/l.scene" && pass "handout: a table longer than a page continued, its title says so" \
    || fail "handout: a table longer than a page continued, its title says so" "no (continued) title"

# --- short sections share a page; no page under half used but the handout's last ---
# outline PDF: "TITLE PAGE" for every outline entry with a plain (ASCII) title
outline() {
    awk 'FNR == NR { if (match($0, /\/Kids \[[^]]*\]/)) { n = split(substr($0, RSTART + 7, RLENGTH - 8), k, " "); for (i = 1; i <= n; i += 3) page[k[i]] = (i + 2) / 3 } next }
         /\/Title \(/ { match($0, /\(.*\)/); t = substr($0, RSTART + 1, RLENGTH - 2) }
         /\/Title </ { t = "" }
         /\/Dest \[/ && t != "" { split($0, d, "["); split(d[2], o, " "); print t, page[o[1]]; t = "" }' "$1" "$1"
}
# sparse SCENE: "page N: used P%" for every page but the cover and the last whose content covers
# less than half its box (width share x height share, the page fitted as the PDF writer fits it
# under the running head: the A4-landscape content box less the head and foot)
sparse() {
    awk -v W=769.89 -v H=523.28 '
        function flush() { if (pg > 1 && pg < last) { u = (x1 - x0) * k / W; if (u > 1) u = 1; v = (y1 - y0) * k / bh; if (v > 1) v = 1
                               if (u * v < 0.5) printf "page %d: used %d%%\n", pg, 100 * u * v } }
        FNR == NR { if ($1 == "furniture") hf[$2] = $4 + $6; if ($1 == "page") last = $2; next }
        /^page / { flush(); pg = $2; furn = 0; x0 = y0 = 1e9; x1 = y1 = -1e9; next }
        /^furniture / { furn = 1; next }
        furn { next }
        /^scene / { split($2, d, "x"); bh = H - hf[pg]; k = W / d[1]; if (d[2] * k > bh) k = bh / d[2]; next }
        $2 ~ /^(rect|text|path|image)$/ { split($4, p, ","); split($5, e, "x")
            if (p[1] < x0) x0 = p[1]; if (p[1] + e[1] > x1) x1 = p[1] + e[1]; if (p[2] < y0) y0 = p[2]; if (p[2] + e[2] > y1) y1 = p[2] + e[2] }
        END { flush() }' "$1" "$1"
}
for spec in petra-catena-x:12 enterprise-buyer:9 customer-journeys:3 sequence-all:5 funnel-twenty:2; do
    s=${spec%%:*}; want=${spec#*:}
    "$JM" "$ROOT/samples/$s.yaml" --view all -o "$T/s.pdf" 2>"$T/err" || { fail "$s handout" "$(head -c 200 "$T/err")"; continue; }
    got=$(pdfinfo "$T/s.pdf" | awk '/^Pages:/ { print $2 }')
    [ "$got" = "$want" ] && pass "$s handout: $want pages" || fail "$s handout: $want pages" "$got"
    "$JM" "$ROOT/samples/$s.yaml" --view all -o "$T/s.pdf" --dump-scene > "$T/s.scene"
    sparse "$T/s.scene" > "$T/sparse"
    [ ! -s "$T/sparse" ] && pass "$s handout: no page but the last less than half used" \
        || fail "$s handout: no page but the last less than half used" "$(tr '\n' '|' < "$T/sparse")"
    expect_exit "$s handout: --check-layout finds no two pages that fit on one" 0 "$JM" "$ROOT/samples/$s.yaml" --view all --check-layout -o "$T/s.pdf"
done
# the check can fail: a funnel page 40% used is reported
printf 'page 1 view cover\nscene 769.89x523.28 background #ffffffff items 0\npage 2 view funnel\nscene 769.89x467.08 background #ffffffff items 1\n0 rect funnel.stage 0.00,0.00 769.89x186.00 fill #000000ff\nfurniture 2 head 28.10 foot 28.10\npage 3 view tables\nscene 769.89x467.08 background #ffffffff items 1\n0 rect map.table 0.00,0.00 769.89x400.00 fill #000000ff\nfurniture 3 head 28.10 foot 28.10\n' > "$T/sp.scene"
[ "$(sparse "$T/sp.scene")" = "page 2: used 39%" ] && pass "sparse check: catches a page 39% used" \
    || fail "sparse check: catches a page 39% used" "$(sparse "$T/sp.scene")"

# customer-journeys: the funnel's continuation (three cards) and the tables share page 3
CJ="$ROOT/samples/customer-journeys.yaml"
"$JM" "$CJ" --view all -o "$T/cj.pdf" --dump-scene > "$T/cj.scene"
grep -q '^page 3 view funnel then tables$' "$T/cj.scene" && pass "customer-journeys handout: page 3 holds the funnel's end, then the tables" \
    || fail "customer-journeys handout: page 3 holds the funnel's end, then the tables" "$(grep '^page' "$T/cj.scene" | tr '\n' '|')"
# on that page the tables are under the funnel's last card, a margin apart, and every text at its floor
awk '/^page /{ p = $2 } p == 3 && /^scene / { n++ } p == 3 && n == 1 && $2 ~ /^(rect|path|text)$/ { split($4, q, ","); split($5, e, "x")
        if ($3 ~ /^funnel\./ && q[2] + e[2] > fb) fb = q[2] + e[2]; if ($3 ~ /^map\.table/ && (!tt || q[2] < tt)) tt = q[2] }
     END { exit !(fb > 0 && tt > fb + 32) }' "$T/cj.scene" \
    && pass "customer-journeys handout: the tables start below the funnel" || fail "customer-journeys handout: the tables start below the funnel" "overlap"
[ "$(awk '/^page 3 /{ p = 1 } /^page 4 /{ p = 0 } p && / map\.table\.title /' "$T/cj.scene" | wc -l)" -ge 1 ] \
    && [ "$(awk '/^page 3 /{ p = 1 } /^page 4 /{ p = 0 } p && / funnel\.card\.title /' "$T/cj.scene" | wc -l)" = 3 ] \
    && pass "customer-journeys handout: page 3 has the three cards and the tables" || fail "customer-journeys handout: page 3 has the three cards and the tables" "missing"
floor_report "$T/cj.scene" > "$T/floor"
[ ! -s "$T/floor" ] && pass "customer-journeys handout: the shared page keeps the floor" || fail "customer-journeys handout: the shared page keeps the floor" "$(head -3 "$T/floor" | tr '\n' '|')"
# the running head names both sections; the outline's Tables entry points at the shared page
"$JM" "$CJ" --view all -o "$T/cj.pdf"
pdftotext -f 3 -l 3 "$T/cj.pdf" - | grep -q "Funnel (continued) · Tables" && pass "customer-journeys handout: page 3's head is 'Funnel (continued) · Tables'" \
    || fail "customer-journeys handout: page 3's head is 'Funnel (continued) · Tables'" "$(pdftotext -f 3 -l 3 "$T/cj.pdf" - | head -3 | tr '\n' '|')"
[ "$(outline "$T/cj.pdf" | tr '\n' '|')" = "Cover 1|Funnel 2|Tables 3|" ] && pass "customer-journeys handout: outline Cover 1, Funnel 2, Tables 3" \
    || fail "customer-journeys handout: outline Cover 1, Funnel 2, Tables 3" "$(outline "$T/cj.pdf" | tr '\n' '|')"
grep -a -q "/Count -1" "$T/cj.pdf" && pass "customer-journeys handout: the funnel's second page nested under it" \
    || fail "customer-journeys handout: the funnel's second page nested under it" "$(grep -a -o '/Count -\?[0-9]*' "$T/cj.pdf" | tr '\n' ' ')"
# a section's only page shares with the next: the head names both, no "continued"; both outline
# entries point at it (durations: a funnel then a map; map-tables: a map then its tables)
for spec in "durations:funnel then map:Funnel · Journey map:Cover 1|Funnel 2|Journey map 2|" \
            "map-tables:map then tables:Journey map · Tables:Cover 1|Journey map 2|Tables 2|"; do
    IFS=: read -r s views head ol <<< "$spec"
    "$JM" "$ROOT/samples/$s.yaml" --view all -o "$T/sh.pdf" --dump-scene > "$T/sh.scene"
    got=$(awk '/^page /{ p = $0 } / handout\.section /{ match($0, /"[^"]*"$/); print p ": " substr($0, RSTART + 1, RLENGTH - 2) }' "$T/sh.scene")
    [ "$got" = "page 2 view $views: $head" ] && pass "$s handout: one page, '$views', head '$head'" \
        || fail "$s handout: one page, '$views', head '$head'" "$got"
    "$JM" "$ROOT/samples/$s.yaml" --view all -o "$T/sh.pdf"
    [ "$(outline "$T/sh.pdf" | tr '\n' '|')" = "$ol" ] && pass "$s handout: outline $ol" || fail "$s handout: outline $ol" "$(outline "$T/sh.pdf" | tr '\n' '|')"
    expect_exit "$s handout: --check-layout" 0 "$JM" "$ROOT/samples/$s.yaml" --view all --check-layout -o "$T/sh.pdf"
done
