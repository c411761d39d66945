# tests/cli/sequence.sh - the sequence view from the command line: clean layouts of every sample
# in every style and width, scene and image references, 400 messages on pages, load errors.
# Sourced by tests/run.sh; JM_UPDATE=1 rewrites the references.
# shards: 3
SEQ_SAMPLES=$(ls "$ROOT"/samples/seq-*.yaml "$ROOT"/samples/sequence-all.yaml)

# --- no layout defects: every sample, every style, natural and fixed widths, on A4 pages ---
for f in $(shard $SEQ_SAMPLES "$ROOT/samples/petra-catena-x.yaml"); do
    s=$(basename "$f" .yaml)
    for style in default print dark; do
        for w in 0 600 1920; do
            args=(--view sequence --style "$style" --check-layout)
            [ "$w" != 0 ] && args+=(--width "$w")
            expect_exit "sequence $s $style width $w: no defects" 0 "$JM" "$f" "${args[@]}"
        done
    done
    expect_exit "sequence $s on A4: no defects" 0 "$JM" "$f" --view sequence --page A4 --check-layout -o "$T/$s.pdf"
done
first_shard || return 0

# --- on a slide or a page wider than the diagram, the lifelines spread over the width ---
# spread SCENE: the distance from the first participant's name's left to the last one's right,
# over the page's width (the first page's scene)
spread() { awk '/^scene /{ if (!w) { split($2, d, "x"); w = d[1] } } / sequence\.participant\.name / && !done {
                 split($4, p, ","); split($5, s, "x"); if (!n++ || p[1] < lo) lo = p[1]; if (p[1] + s[1] > hi) hi = p[1] + s[1] }
               /^page 2 / { done = 1 } END { printf "%.2f", (hi - lo) / w }' "$1"; }
for s in seq-groups seq-autonumber; do
    "$JM" "$ROOT/samples/$s.yaml" --view sequence --slide 16:9 --dump-scene > "$T/wide.scene"
    r=$(spread "$T/wide.scene")
    awk -v r="$r" 'BEGIN { exit !(r >= 0.8) }' && pass "sequence $s on 16:9: the lifelines span the slide" \
        || fail "sequence $s on 16:9: the lifelines span the slide" "they span $r of its width"
    "$JM" "$ROOT/samples/$s.yaml" --view sequence --page A4-landscape -T pdf --dump-scene > "$T/wide.scene"
    r=$(spread "$T/wide.scene")
    awk -v r="$r" 'BEGIN { exit !(r >= 0.8) }' && pass "sequence $s on A4 landscape: the lifelines span the page" \
        || fail "sequence $s on A4 landscape: the lifelines span the page" "they span $r of its width"
done
# on screen a --width wider than the diagram centres it as before (no spreading)
"$JM" "$ROOT/samples/seq-groups.yaml" --view sequence --width 1920 --dump-scene > "$T/wide.scene"
r=$(spread "$T/wide.scene")
awk -v r="$r" 'BEGIN { exit !(r < 0.5) }' && pass "sequence --width 1920 on screen: centred, not spread" \
    || fail "sequence --width 1920 on screen: centred, not spread" "spans $r"
# the last page keeps at least three messages under its repeated heads
"$JM" "$ROOT/samples/seq-long-labels.yaml" --view sequence --page A4 -T pdf --dump-scene > "$T/ll.scene"
awk '/^page /{ p = $2 } / sequence\.message\.label /{ n[p]++ } END { exit !(p < 2 || n[p] >= 3) }' "$T/ll.scene" \
    && pass "sequence on A4: the last page keeps three messages" || fail "sequence on A4: the last page keeps three messages" \
       "$(awk '/^page /{ p = $2 } / sequence\.message\.label /{ n[p]++ } END { for (k in n) printf "page %s: %s ", k, n[k] }' "$T/ll.scene")"

# --- what the storyline shows: the seed's participants and its eleven messages, in order ---
STORY="$ROOT/samples/seq-storyline.yaml"
"$JM" "$STORY" --view sequence --dump-scene > "$T/story.scene" 2>"$T/err" || fail "sequence storyline: dump" "$(head -c 200 "$T/err")"
n=$(grep -c ' sequence\.message\.\(sync\|reply\|async\) ' "$T/story.scene")
[ "$n" = 11 ] && pass "sequence storyline: eleven messages" || fail "sequence storyline: eleven messages" "$n"
n=$(grep -c ' sequence\.message\.reply .* dash ' "$T/story.scene")
[ "$n" = 5 ] && pass "sequence storyline: five dashed replies" || fail "sequence storyline: five dashed replies" "$n"
grep ' sequence\.message\.label ' "$T/story.scene" | sed 's/.*"\(.*\)"$/\1/' > "$T/labels"
printf '%s\n' "Catena-X mandate (deadline)" "search, read site, email enquiry" "plain-language reply + supplier guide" \
    "create account, set up org (22 min)" "initiate Tractus-X onboarding" "identity establishment, credential request" \
    "validation pending (3-10 days)" "validated" "connector active" "first data exchange" "confirmation received" > "$T/want"
same "sequence storyline: labels in the seed's order" "$T/want" "$T/labels"
for name in Petra "Customer (tier-1)" "Kaphera (web + support)" "Tractus-X authority"; do
    n=$(grep -F ' sequence.participant.name ' "$T/story.scene" | grep -cF "\"$name\"")
    [ "$n" = 2 ] && pass "sequence storyline: $name at the top and the bottom" \
        || fail "sequence storyline: $name at the top and the bottom" "$n"
done
n=$(grep -c ' sequence\.actor ' "$T/story.scene")
[ "$n" = 2 ] && pass "sequence storyline: Petra is a stick figure" || fail "sequence storyline: Petra is a stick figure" "$n"
grep -q '^title "Petra · Joining Catena-X without an IT team"$' "$T/story.scene" \
    && pass "sequence storyline: scene title is the journey title" || fail "sequence storyline: scene title" "$(grep -m1 '^title' "$T/story.scene")"

# --- every format ---
ALL="$ROOT/samples/sequence-all.yaml"
for fmt in png svg pdf; do
    expect_exit "sequence all as $fmt" 0 "$JM" "$ALL" --view sequence -o "$T/all.$fmt"
done
ok "sequence svg is well-formed" xmllint --noout "$T/all.svg"

# --- references: scene dumps of every sample, images of the storyline in each style ---
for f in $SEQ_SAMPLES; do
    s=$(basename "$f" .yaml)
    "$JM" "$f" --view sequence --dump-scene > "$T/$s.scene" 2>"$T/err" \
        && ref_scene "${s/#sequence-all/seq-all}" "$T/$s.scene" || fail "$s: dump" "$(head -c 200 "$T/err")"
done
for style in default print dark; do
    "$JM" "$STORY" --view sequence --style "$style" -o "$T/story-$style.png" 2>"$T/err" \
        && ref_png "seq-storyline-$style" "$T/story-$style.png" || fail "seq-storyline-$style: renders" "$(head -c 200 "$T/err")"
done
"$JM" "$ALL" --view sequence -o "$T/all-default.png" 2>"$T/err" \
    && ref_png "seq-all-default" "$T/all-default.png" || fail "seq-all-default: renders" "$(head -c 200 "$T/err")"

# --- boxes, rects, create and destroy: references in two styles; the Mermaid source draws the same ---
BOXES="$ROOT/samples/seq-boxes"
for style in default dark; do
    "$JM" "$BOXES.yaml" --view sequence --style "$style" -o "$T/boxes-$style.png" 2>"$T/err" \
        && ref_png "seq-boxes-$style" "$T/boxes-$style.png" || fail "seq-boxes-$style: renders" "$(head -c 200 "$T/err")"
done
expect_exit "seq-boxes.mmd: no defects" 0 "$JM" "$BOXES.mmd" --check-layout -o "$T/boxes-mmd.png"
"$JM" "$BOXES.mmd" -o "$T/boxes-mmd.png" 2>"$T/err"
[ ! -s "$T/err" ] && pass "seq-boxes.mmd: nothing left undrawn" || fail "seq-boxes.mmd: nothing left undrawn" "$(head -c 200 "$T/err")"
ok "seq-boxes.mmd draws the same picture as seq-boxes.yaml" cmp "$T/boxes-mmd.png" "$T/boxes-default.png"
for fmt in svg pdf; do
    expect_exit "seq-boxes as $fmt" 0 "$JM" "$BOXES.yaml" --view sequence -o "$T/boxes.$fmt"
done

# --- 400 messages among 12 participants: clean, and on pages each page starts with the header ---
awk 'BEGIN {
    print "title: Four hundred messages"; print "sequence:"; print "  autonumber: true"; print "  participants:"
    split("participant actor system database", k, " ")
    for (i = 0; i < 12; i++) printf "    - {id: P%d, label: Participant %d, kind: %s}\n", i, i, k[i % 4 + 1]
    print "  messages:"; s = 11
    for (m = 0; m < 400; ) {
        s = (s * 1103 + 12345) % 65536; a = s % 12; b = int(s / 12) % 12
        if (m % 41 == 9) {
            printf "    - group: loop\n      label: round %d\n      messages:\n", m
            for (j = 0; j < 7 && m < 400; j++) { printf "        - \"P%d->>P%d: message %d\"\n", (a + j) % 12, (b + 3 * j) % 12, m; m++ }
            continue
        }
        if (m % 59 == 4) printf "    - {note: \"a note about message %d\", right_of: P%d}\n", m, a
        if (m % 101 == 50) print "    - {delay: later that day}"
        printf "    - \"P%d%sP%d: message %d\"\n", a, (m % 3 ? "->>" : "-->>"), b, m; m++
    }
}' > "$T/big.yaml"
expect_exit "sequence 400 messages: no defects" 0 "$JM" "$T/big.yaml" --view sequence --check-layout
expect_exit "sequence 400 messages on A4 pages: no defects" 0 "$JM" "$T/big.yaml" --view sequence --page A4 --check-layout -o "$T/big.pdf"
"$JM" "$T/big.yaml" --view sequence --page A4 -o "$T/big.pdf" --dump-scene > "$T/big.scene" 2>"$T/err"
pages=$(grep -c '^page ' "$T/big.scene")
[ "$pages" -gt 1 ] && pass "sequence 400 messages: several pages ($pages)" || fail "sequence 400 messages: several pages" "$pages"
# 12 participants are too wide for A4 at the floor: bands of participants, each on its pages
# heads_of SCENE: "page name" for every participant head of every page
heads_of() {
    awk '/^page /{ p = $2 } / sequence\.participant\.name /{ n = $0; sub(/^[^"]*"/, "", n); sub(/"$/, "", n); print p, n }' "$1" | sort -u
}
heads_of "$T/big.scene" > "$T/heads"
awk '/^page /{ print $2 }' "$T/big.scene" > "$T/pages"
awk 'NR == FNR { has[$1] = 1; next } !($1 in has) { print "page " $1 ": no heads"; bad = 1 } END { exit bad }' \
    "$T/heads" "$T/pages" > "$T/bad" && pass "sequence 400 messages: every page starts with its participants' heads" \
    || fail "sequence 400 messages: every page starts with its participants' heads" "$(head -c 200 "$T/bad")"
n=$(awk '{ print $NF }' "$T/heads" | sort -u | wc -l)
[ "$n" = 12 ] && pass "sequence 400 messages: every participant heads a page" || fail "sequence 400 messages: every participant heads a page" "$n of 12"
n=$(awk '{ print $1 }' "$T/heads" | uniq -c | awk '$1 < 12' | wc -l)
[ "$n" -gt 0 ] && pass "sequence 400 messages: pages hold bands of participants ($n pages with fewer than 12)" \
    || fail "sequence 400 messages: pages hold bands of participants" "every page has all 12"
grep -o '"message [0-9]*"' "$T/big.scene" | sort -u | wc -l | grep -qx 400 \
    && pass "sequence 400 messages: every message is drawn on some page" \
    || fail "sequence 400 messages: every message is drawn on some page" "$(grep -o '"message [0-9]*"' "$T/big.scene" | sort -u | wc -l) of 400"
# a message to a participant of another band runs to the band's edge, which names that participant:
# one of the message's two ends (its source line says which), and not one with a head on that page.
# markers_ok YAML HEADS SCENE LEAST: the markers of SCENE (at least LEAST) against the messages of YAML
markers_ok() {
    awk -v least="$4" 'FILENAME == ARGV[1] { if (match($0, /P[0-9]+-+>>P[0-9]+/)) { m = substr($0, RSTART, RLENGTH); split(m, e, /-+>>/);
             from[FNR] = "Participant " substr(e[1], 2); to[FNR] = "Participant " substr(e[2], 2) } next }
         FILENAME == ARGV[2] { head[$1 SUBSEP $2 " " $3] = 1; next }
         /^page /{ p = $2; next }
         / sequence\.message\.away / { n++; line = $0; sub(/.*@/, "", line); split(line, at, ":"); l = at[1] + 0
             t = $0; sub(/.* @[0-9]+:[0-9]+ "/, "", t); sub(/"$/, "", t); gsub(/ *(\xe2\x86\x92|\xe2\x86\x90) */, "", t)
             if (t != from[l] && t != to[l]) { print "page " p ": \"" t "\" at line " l ", not an end of it"; bad = 1 }
             if ((p SUBSEP t) in head) { print "page " p ": \"" t "\" is on the page"; bad = 1 } }
         END { if (n < least) { print n " markers"; bad = 1 } exit bad }' "$1" "$2" "$3"
}
markers_ok "$T/big.yaml" "$T/heads" "$T/big.scene" 50 > "$T/bad" \
    && pass "sequence 400 messages: markers at a band's edge name the other end, off the page" \
    || fail "sequence 400 messages: markers at a band's edge name the other end, off the page" "$(head -c 300 "$T/bad")"
grep ' sequence\.message\.away ' "$T/big.scene" | grep -q '"\(→ Participant [0-9]*\|Participant [0-9]* →\)"' \
    && pass "sequence 400 messages: the markers say which way the message goes" \
    || fail "sequence 400 messages: the markers say which way the message goes" "no '→ name' or 'name →'"
expect_exit "sequence 400 messages on 16:9 slides: no defects" 0 "$JM" "$T/big.yaml" --view sequence --slide 16:9 --check-layout -o "$T/big-slides.pdf"
expect_exit "sequence 400 messages in an A4 handout: no defects" 0 "$JM" "$T/big.yaml" --view all --page A4 --check-layout -o "$T/big-all.pdf"
expect_exit "sequence 400 messages as a multi-page PDF" 0 "$JM" "$T/big.yaml" --view sequence --page A4 -o "$T/big.pdf"
n=$(pdfinfo "$T/big.pdf" 2>/dev/null | awk '/^Pages:/{ print $2 }')
[ "$n" = "$pages" ] && pass "sequence 400 messages: PDF has $pages pages" || fail "sequence 400 messages: PDF pages" "$n, want $pages"

# --- 40 messages among 8 participants: bands short of a page stack, one under the other ---
# seq_gen N P: N messages between pseudo-random pairs of P participants, a loop group, a note
seq_gen() {
    awk -v N="$1" -v P="$2" 'BEGIN {
        print "title: Forty messages"; print "sequence:"; print "  autonumber: true"; print "  participants:"
        split("participant actor system database", k, " ")
        for (i = 0; i < P; i++) printf "    - {id: P%d, label: Participant %d, kind: %s}\n", i, i, k[i % 4 + 1]
        print "  messages:"; s = 7
        for (m = 0; m < N; ) {
            s = (s * 1103 + 12345) % 65536; a = int(s / 64) % P; b = int(s / 512) % P
            if (b == a) b = (a + 1) % P
            if (m == 12) {
                print "    - group: loop"; print "      label: every retry"; print "      messages:"
                for (j = 0; j < 5 && m < N; j++) { printf "        - \"P%d->>P%d: message %d\"\n", (a + j) % P, (b + 3 * j + 1) % P, m; m++ }
                continue
            }
            if (m == 25) printf "    - {note: \"a note about message %d\", right_of: P%d}\n", m, a
            printf "    - \"P%d%sP%d: message %d\"\n", a, (m % 3 ? "->>" : "-->>"), b, m; m++
        }
    }'
}
seq_gen 40 8 > "$T/forty.yaml"
for pg in A4 A5; do
    expect_exit "sequence 40 messages, 8 participants on $pg: no defects" 0 "$JM" "$T/forty.yaml" --view sequence --page "$pg" --check-layout -o "$T/forty-$pg.pdf"
    "$JM" "$T/forty.yaml" --view sequence --page "$pg" -T pdf --dump-scene > "$T/forty.scene" 2>"$T/err"
    n=$(grep -o '"message [0-9]*"' "$T/forty.scene" | sort -u | wc -l)
    [ "$n" = 40 ] && pass "sequence 40 messages on $pg: every message label is drawn" || fail "sequence 40 messages on $pg: every message label is drawn" "$n of 40"
    heads_of "$T/forty.scene" > "$T/forty.heads"
    n=$(awk '{ print $NF }' "$T/forty.heads" | sort -u | wc -l)
    [ "$n" = 8 ] && pass "sequence 40 messages on $pg: every participant heads a page" || fail "sequence 40 messages on $pg: every participant heads a page" "$n of 8"
    markers_ok "$T/forty.yaml" "$T/forty.heads" "$T/forty.scene" 20 > "$T/bad" \
        && pass "sequence 40 messages on $pg: markers name the other end, off the page" \
        || fail "sequence 40 messages on $pg: markers name the other end, off the page" "$(head -c 300 "$T/bad")"
    # a band stacked under another on one page: a rule between them, each with its own heads below it
    awk '/^page /{ p = $2; rule = 0 } / sequence\.band\.rule /{ rule = 1; split($4, at, ","); y = at[2] }
         rule && / sequence\.participant\.name / { split($4, at, ","); if (at[2] > y) { n++; rule = 0 } }
         END { exit !(n > 0) }' "$T/forty.scene" \
        && pass "sequence 40 messages on $pg: a short band stacks under another, heads under a rule" \
        || fail "sequence 40 messages on $pg: a short band stacks under another, heads under a rule" "no heads under a band rule"
done
expect_exit "sequence 40 messages in an A4 handout: no defects" 0 "$JM" "$T/forty.yaml" --view all --page A4 --check-layout -o "$T/forty-all.pdf"
expect_exit "sequence 40 messages on 16:9 slides: no defects" 0 "$JM" "$T/forty.yaml" --view sequence --slide 16:9 --check-layout -o "$T/forty-slides.pdf"
# on A5 a participant between two names beside the band's edges is wider than the page: the names
# go under the message's line, inside the band, and the text stays at the floor
"$JM" "$T/forty.yaml" --view sequence --page A5 -T pdf --dump-scene > "$T/forty.scene" 2>"$T/err"
awk 'function src() { return match($0, / @[0-9]+:[0-9]+/) ? substr($0, RSTART, RLENGTH) : "" }
     / sequence\.message\.(sync|reply|async) /{ split($4, at, ","); split($5, sz, "x"); line = at[2] + sz[2] / 2; from = src() }
     / sequence\.message\.away /{ n++; split($4, at, ","); if (src() != from || at[2] < line) bad++ }
     END { exit !(n > 0 && !bad) }' "$T/forty.scene" \
    && pass "sequence 40 messages on A5: the other end's name under the message's line" \
    || fail "sequence 40 messages on A5: the other end's name under the message's line" "not under it"

# --- a sweep: generated sequences (2-16 participants, 10-400 messages, groups, notes, self
# messages, long labels) on every paper and slide target and in a handout: no defects, every label ---
# sweep_gen SEED P N: N messages among P participants, a group now and then (loop or alt), notes
# beside and over, self messages, long labels; autonumber on odd seeds
sweep_gen() {
    awk -v S="$1" -v P="$2" -v N="$3" 'BEGIN {
        print "title: Sweep " S; print "sequence:"; print "  autonumber: " (S % 2 ? "true" : "false"); print "  participants:"
        split("participant actor system database", k, " ")
        for (i = 0; i < P; i++) printf "    - {id: P%d, label: \"%s %d\", kind: %s}\n", i, (i % 3 == 2 ? "Back-office service" : "Participant"), i, k[(i + S) % 4 + 1]
        print "  messages:"; s = S * 7919 + 13; ind = "    "; ing = 0
        for (m = 0; m < N; ) {
            s = (s * 1103 + 12345) % 65536; a = int(s / 64) % P; b = int(s / 512) % P; r = s % 97
            if (!ing && r < 6 && N - m > 4) { printf "%s- group: %s\n%s  label: group at %d\n%s  messages:\n", ind, (r < 3 ? "loop" : "alt"), ind, m, ind; ind = "        "; ing = int(s / 97) % 6 + 2 }
            if (r >= 90 && r < 94) printf "%s- {note: \"a note about message %d that runs on a while\", %s: P%d}\n", ind, m, (r % 2 ? "right_of" : "left_of"), a
            if (r == 95 && P > 1) printf "%s- {note: \"over both\", over: [P%d, P%d]}\n", ind, a, (a + 1) % P
            if (r >= 80 && r < 84) b = a
            else if (b == a && P > 1) b = (a + 1) % P
            printf "%s- \"P%d%sP%d: message %d%s\"\n", ind, a, (m % 3 ? "->>" : "-->>"), b, m, (r >= 60 && r < 70 ? " with a long label that explains what is sent and why it matters here" : ""); m++
            if (ing && --ing == 0) ind = "    "
        }
    }'
}
# Every target, the A5 handout included, has no defect: no text under the floor, no page more
# than half used but a view's last, nothing lost.
for spec in 1:2:10 2:3:25 3:4:40 4:5:60 5:6:30 6:8:40 7:8:120 8:10:80 9:12:200 10:14:50 11:16:120 12:6:400; do
    IFS=: read -r seed np nm <<< "$spec"
    sweep_gen "$seed" "$np" "$nm" > "$T/sweep.yaml"
    for tgt in "sequence:--page A4" "sequence:--page A4-landscape" "sequence:--page A5" "sequence:--page A3" \
               "sequence:--slide 16:9" "all:--page A4" "all:--page A5"; do
        view=${tgt%%:*}; read -r -a targs <<< "${tgt#*:}"
        name="sequence sweep $seed ($np participants, $nm messages) --view $view ${tgt#*:}"
        expect_exit "$name: no defects" 0 "$JM" "$T/sweep.yaml" --view "$view" "${targs[@]}" --check-layout -o "$T/sweep.pdf"
        "$JM" "$T/sweep.yaml" --view "$view" "${targs[@]}" -T pdf --dump-scene > "$T/sweep.scene" 2>"$T/err"
        n=$(grep ' sequence\.message\.label ' "$T/sweep.scene" | grep -o '"message [0-9]*[ "]' | sort -u | wc -l)
        [ "$n" = "$nm" ] && pass "$name: every message label drawn" || fail "$name: every message label drawn" "$n of $nm"
    done
done

# --- two columns a page: a sequence that takes several pages laid out for half the page's width
# too, in two columns when that takes fewer pages (5 participants, 60 messages on A4 landscape) ---
sweep_gen 4 5 60 > "$T/cols.yaml"
no_defects "sequence in two columns on A4-landscape: no defects" '^$' "" \
    "$JM" "$T/cols.yaml" --view sequence --page A4-landscape --check-layout -o "$T/cols.pdf"
"$JM" "$T/cols.yaml" --view sequence --page A4-landscape -T pdf --dump-scene > "$T/cols.scene" 2>"$T/err"
n=$(grep ' sequence\.message\.label ' "$T/cols.scene" | grep -o '"message [0-9]*[ "]' | sort -u | wc -l)
[ "$n" = 60 ] && pass "sequence in two columns: every message label drawn" || fail "sequence in two columns: every message label drawn" "$n of 60"
# every page but the last has a rule in the gutter; each column has heads at its top; no text
# crosses the rule
awk 'BEGIN { bad = 0 }
     /^page /{ if (pg) check(); pg++; rule = 0; n = 0 }
     / sequence\.column\.rule /{ split($4, at, ","); rule = at[1] }
     / text /{ split($4, at, ","); split($5, sz, "x"); x0[n] = at[1]; x1[n] = at[1] + sz[1]; head[n++] = ($3 == "sequence.participant.name") }
     function check(   i, l, r) {
         if (!rule) { plain++; return }
         for (i = 0; i < n; i++) {
             if (x0[i] < rule && x1[i] > rule) bad++
             if (head[i] && x1[i] < rule) l++
             if (head[i] && x0[i] > rule) r++
         }
         if (!l || !r) bad++
     }
     END { check(); exit !(pg > 1 && plain <= 1 && !bad) }' "$T/cols.scene" \
    && pass "sequence in two columns: a rule in the gutter, heads atop each column, no text across it" \
    || fail "sequence in two columns: a rule in the gutter, heads atop each column, no text across it" "see $T/cols.scene"

# --- errors in sequences point at their source ---
yaml badpart <<'EOF'
title: Bad
sequence:
  participants:
    - {id: A}
    - {id: B}
  messages:
    - "A->>B: ok"
    - "A->>X: who?"
EOF
expect_exit "sequence unknown participant fails" 1 "$JM" "$T/badpart.yaml" --check
expect_err "sequence unknown participant: position" "badpart.yaml:8:12: error: unknown participant 'X'"
yaml badarrow <<'EOF'
title: Bad
sequence:
  participants:
    - {id: A}
    - {id: B}
  messages:
    - "A=>B: wrong arrow"
EOF
expect_exit "sequence bad arrow fails" 1 "$JM" "$T/badarrow.yaml" --view sequence -o "$T/badarrow.png"
expect_err "sequence bad arrow: position" "badarrow.yaml:7:7: error:"
[ ! -e "$T/badarrow.png" ] && pass "sequence bad arrow writes nothing" || fail "sequence bad arrow writes nothing" "badarrow.png exists"
yaml badgroup <<'EOF'
title: Bad
sequence:
  participants:
    - {id: A}
    - {id: B}
  messages:
    - group: lop
      messages:
        - "A->>B: x"
EOF
expect_exit "sequence unknown group kind fails" 1 "$JM" "$T/badgroup.yaml" --check
expect_err "sequence unknown group kind: position" "badgroup.yaml:7:14: error: unknown group kind 'lop'"

yaml badcreate <<'EOF'
title: Bad
sequence:
  participants:
    - {id: A}
    - {id: B}
  messages:
    - "A->>B: early"
    - {from: A, to: B, text: make, create: B}
EOF
expect_exit "sequence create after use fails" 1 "$JM" "$T/badcreate.yaml" --check
expect_err "sequence create after use: position" "badcreate.yaml:8:7: error: participant 'B' is created here but already appears at line 7"
yaml baddestroy <<'EOF'
title: Bad
sequence:
  participants:
    - {id: A}
    - {id: B}
    - {id: C}
  messages:
    - {from: A, to: B, text: bye, destroy: C}
EOF
expect_exit "sequence destroy of a bystander fails" 1 "$JM" "$T/baddestroy.yaml" --check
expect_err "sequence destroy of a bystander: position" "baddestroy.yaml:8:44: error: 'destroy' names the message's sender or receiver, not 'C'"
yaml badbox <<'EOF'
title: Bad
sequence:
  participants:
    - {id: A}
    - {id: B}
    - {id: C}
  boxes:
    - {participants: [A, C]}
EOF
expect_exit "sequence box of non-neighbours fails" 1 "$JM" "$T/badbox.yaml" --check
expect_err "sequence box of non-neighbours: position" "badbox.yaml:8:26: error: a box holds neighbouring participants in their order"

# --- a file without a sequence has no sequence view ---
yaml noseq <<'EOF'
title: "Only a title"
EOF
expect_exit "sequence without a sequence fails" 1 "$JM" "$T/noseq.yaml" --view sequence -o "$T/none.png"
expect_err "sequence without a sequence says why" "the file has no sequence"
[ ! -e "$T/none.png" ] && pass "sequence without a sequence writes nothing" || fail "sequence without a sequence writes nothing" "none.png exists"
