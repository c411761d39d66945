# tests/cli/funnel.sh - the funnel view from the command line: clean layouts in every style and
# width, exact --width, the customer-journeys scene reference, reference images of the styles
# and of twenty stages at 1920 px. Sourced by tests/run.sh; JM_UPDATE=1 rewrites the references.
PNGINFO="$ROOT/$BUILD/tests/pnginfo"
CJ="$ROOT/samples/customer-journeys.yaml"

# --- no layout defects: every funnel sample, every style, natural and fixed widths ---
for f in "$ROOT"/samples/funnel-*.yaml "$CJ"; do
    s=$(basename "$f" .yaml)
    for style in default print dark; do
        for w in 0 600 1920; do
            args=(--view funnel --style "$style" --check-layout)
            [ "$w" != 0 ] && args+=(--width "$w")
            expect_exit "funnel $s $style width $w: no defects" 0 "$JM" "$f" "${args[@]}"
        done
    done
done

# --- --width is exact; the natural width is the content plus margins ---
for w in 600 1920; do
    "$JM" "$ROOT/samples/funnel-twenty.yaml" --view funnel --width "$w" -o "$T/twenty-$w.png" 2>"$T/err" \
        && "$PNGINFO" "$T/twenty-$w.png" | grep -qx "width $w" \
        && pass "funnel twenty stages: --width $w is exact" \
        || fail "funnel twenty stages: --width $w is exact" "$(head -c 200 "$T/err") $("$PNGINFO" "$T/twenty-$w.png" 2>&1 | head -n 1)"
done
# --- natural size: a long funnel wraps onto balanced rows within max-width (2000 pt) ---
# rows_of SCENE: "W H ROWS PERROW..." from the funnel.stage chevrons' tops
rows_of() {
    awk '/^scene /{ split($2, wh, "x"); w = wh[1]; h = wh[2] }
         $3 == "funnel.stage" || $3 == "funnel.stage.gap" { split($4, p, ","); n[p[2]]++; if (!(p[2] in seen)) { seen[p[2]] = 1; ys[++k] = p[2] } }
         END { printf "%d %d %d", w, h, k; for (i = 1; i <= k; i++) printf " %d", n[ys[i]]; print "" }' "$1"
}
"$JM" "$ROOT/samples/funnel-twenty.yaml" --view funnel --dump-scene > "$T/twenty-natural.scene"
set -- $(rows_of "$T/twenty-natural.scene")
[ "$3" = 3 ] && [ "$4 $5 $6" = "7 7 6" ] && pass "funnel twenty stages, natural size: three balanced rows" ||
    fail "funnel twenty stages, natural size: three balanced rows" "$*"
[ "$1" -le 2000 ] && [ $(( $1 )) -le $(( 4 * $2 )) ] && pass "funnel twenty stages, natural size: within 2000 pt, at most 4:1" ||
    fail "funnel twenty stages, natural size: aspect" "$1 x $2"
"$JM" "$ROOT/samples/enterprise-buyer.yaml" --view funnel --dump-scene > "$T/eb.scene"
set -- $(rows_of "$T/eb.scene")
[ "$3" = 1 ] && pass "funnel of 8 stages, natural size: one row" || fail "funnel of 8 stages, natural size: one row" "$*"
printf 'funnel:\n  max-width: 0\n' > "$T/onerow.yaml"
"$JM" "$ROOT/samples/funnel-twenty.yaml" --view funnel --style "$T/onerow.yaml" --dump-scene > "$T/twenty-onerow.scene"
set -- $(rows_of "$T/twenty-onerow.scene")
[ "$3" = 1 ] && [ "$1" -gt 4000 ] && pass "funnel max-width 0: one row however long" || fail "funnel max-width 0: one row" "$*"

"$JM" "$CJ" --view funnel --dump-scene > "$T/cj.scene" 2>"$T/err"
awk '/^scene /{ split($2, wh, "x"); if (wh[1] + 0 >= 800 && wh[1] + 0 <= 2000) ok = 1 } END { exit !ok }' "$T/cj.scene" \
    && pass "funnel customer-journeys: natural width in range" \
    || fail "funnel customer-journeys: natural width in range" "$(grep -m1 '^scene' "$T/cj.scene")"

# --- what the customer-journeys funnel shows ---
for want in Awareness Evaluation Onboarding Running Scaling 3 4 1 0 journeys journey "v2 gap" it-just-runs \
            from-workshop-to-working-dataspace "Customer journeys"; do
    want="\"$want\""
    grep -qF -- "$want" "$T/cj.scene" && pass "funnel customer-journeys shows $want" \
        || fail "funnel customer-journeys shows $want" "not in the scene dump"
done
n=$(grep -c 'funnel\.card\.title' "$T/cj.scene")
[ "$n" = 8 ] && pass "funnel customer-journeys: eight cards" || fail "funnel customer-journeys: eight cards" "$n card titles"
n=$(grep -c 'funnel\.stage\.gap' "$T/cj.scene")
[ "$n" = 2 ] && pass "funnel customer-journeys: two gap stages" || fail "funnel customer-journeys: two gap stages" "$n"

# --- a file without stages has no funnel ---
yaml nostages <<'EOF'
title: "Only a title"
EOF
expect_exit "funnel without stages fails" 1 "$JM" "$T/nostages.yaml" --view funnel -o "$T/none.png"
expect_err "funnel without stages says why" "the file has no stages"
[ ! -e "$T/none.png" ] && pass "funnel without stages writes nothing" || fail "funnel without stages writes nothing" "none.png exists"

# --- every format ---
for fmt in png svg pdf; do
    expect_exit "funnel customer-journeys as $fmt" 0 "$JM" "$CJ" --view funnel -o "$T/cj.$fmt"
done
ok "funnel svg is well-formed" xmllint --noout "$T/cj.svg"

# --- references: the scene dump, and images of the styles and of twenty stages at 1920 ---
ref_scene funnel-customer-journeys "$T/cj.scene"
for style in default print dark; do
    "$JM" "$CJ" --view funnel --style "$style" -o "$T/cj-$style.png" 2>"$T/err" \
        && ref_png "funnel-customer-journeys-$style" "$T/cj-$style.png" \
        || fail "funnel-customer-journeys-$style: renders" "$(head -c 200 "$T/err")"
done
"$JM" "$ROOT/samples/funnel-twenty.yaml" --view funnel --width 1920 --dump-scene > "$T/twenty.scene" 2>"$T/err" \
    && ref_scene funnel-twenty-1920 "$T/twenty.scene" || fail "funnel-twenty-1920: dump" "$(head -c 200 "$T/err")"
ref_png funnel-twenty-1920 "$T/twenty-1920.png"
"$JM" "$ROOT/samples/funnel-cards.yaml" --view funnel --width 600 -o "$T/cards-600.png" 2>"$T/err" \
    && ref_png funnel-cards-600 "$T/cards-600.png" || fail "funnel-cards-600: renders" "$(head -c 200 "$T/err")"

# --- on pages: a funnel taller than a page continues, its chevrons repeated over the cards left ---
"$JM" "$CJ" --view funnel --page A4-landscape -T pdf --dump-scene > "$T/cjp.scene"
pages=$(grep -c '^page ' "$T/cjp.scene")
[ "$pages" -ge 2 ] && pass "funnel on A4 landscape: customer-journeys continues on a further page" || fail "funnel on A4 landscape: continues" "$pages pages"
awk '/^page /{ p = $2 } / funnel\.stage(\.gap)? / && $2 == "path" { n[p]++ } END { for (i = 1; i <= p; i++) if (n[i] != 5) bad = 1; exit bad }' "$T/cjp.scene" \
    && pass "funnel on A4 landscape: every page has the row's five chevrons" || fail "funnel on A4 landscape: chevrons repeated" "$(grep -c 'funnel.stage' "$T/cjp.scene")"
awk '/^page /{ p = $2 } / funnel\.title /{ t[p]++ } END { exit !(t[1] == 1 && !t[2]) }' "$T/cjp.scene" \
    && pass "funnel on A4 landscape: the title on the first page only" || fail "funnel on A4 landscape: the title on the first page only" "titles"
[ "$(grep ' funnel\.card\.title ' "$T/cjp.scene" | sed 's/.*"\(.*\)"$/\1/' | sort -u | wc -l)" = 8 ] \
    && [ "$(grep -c ' funnel\.card\.title ' "$T/cjp.scene")" = 8 ] \
    && pass "funnel on A4 landscape: each of the eight cards once" || fail "funnel on A4 landscape: each card once" "$(grep -c ' funnel\.card\.title ' "$T/cjp.scene") card titles"
# every page at most a page tall at the page's width: nothing left for the writer to shrink
awk '/^scene /{ split($2, d, "x"); if (d[2] / d[1] > 523.28 / 769.89 + 1e-3) bad = 1 } END { exit bad }' "$T/cjp.scene" \
    && pass "funnel on A4 landscape: pages of the page's shape" || fail "funnel on A4 landscape: pages of the page's shape" "$(grep '^scene' "$T/cjp.scene" | tr '\n' ' ')"
# twenty stages with room on the page wrap onto more rows of larger type (7, 7, 6), not two rows of ten
"$JM" "$ROOT/samples/funnel-twenty.yaml" --view funnel --page A4-landscape -T pdf --dump-scene > "$T/ftp.scene"
rows=$(awk '$2 == "path" && $3 == "funnel.stage" { split($4, p, ","); y[p[2]] = 1 } END { n = 0; for (k in y) n++; print n }' "$T/ftp.scene")
[ "$rows" = 3 ] && pass "funnel-twenty on A4 landscape: three rows fill the page" || fail "funnel-twenty on A4 landscape: three rows" "$rows rows"
