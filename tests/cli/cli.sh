# tests/cli/cli.sh - the command line: exit codes, messages, formats decoded, determinism,
# no partial or clobbered output, standard input and output. Sourced by tests/run.sh.
PNGINFO="$ROOT/$BUILD/tests/pnginfo"

yaml small <<'EOF'
title: "Small journey"
subtitle: "Three stages, one of them a gap"
stages:
  - {name: Awareness, count: 3, unit: journeys}
  - {name: Evaluation, count: 4, unit: journeys}
  - {name: Running, count: 0, note: "v2 gap", gap: true}
EOF
yaml typo <<'EOF'
title: "Typo"
stagse:
  - {name: Awareness}
EOF
yaml seqonly <<'EOF'
title: "Only a sequence"
sequence:
  participants: [{id: A}, {id: B}]
  messages: ["A->>B: hello"]
EOF

# --- usage: exit 2 ---
expect_exit "version" 0 "$JM" --version
expect_out "version names the program" "journeymap"
expect_exit "help" 0 "$JM" --help
expect_out "help lists --view" "--view"
expect_exit "no input" 2 "$JM"
expect_err "no input says so" "no input file"
expect_exit "unknown option" 2 "$JM" small.yaml --bogus -o x.png
expect_exit "unknown view" 2 "$JM" small.yaml --view nope -o x.png
expect_err "unknown view lists views" "known: funnel"
expect_exit "unknown page" 2 "$JM" small.yaml --page B7 -o x.pdf
expect_exit "unknown format" 2 "$JM" small.yaml -T gif -o x.gif
expect_exit "extension unknown" 2 "$JM" small.yaml -o x.gif
expect_err "extension message" "use -T png|svg|pdf"
expect_exit "no output" 2 "$JM" small.yaml
expect_exit "bad scale" 2 "$JM" small.yaml --scale 0.01 -o x.png
expect_exit "bad background" 2 "$JM" small.yaml --background blue-ish -o x.png
expect_exit "two inputs" 2 "$JM" small.yaml typo.yaml -o x.png

# --- bad input: exit 1 with file:line:col and a caret ---
expect_exit "missing input file" 1 "$JM" nosuch.yaml -o x.png
expect_err "missing input named" "nosuch.yaml"
expect_exit "unknown key" 1 "$JM" typo.yaml -o x.png
expect_err "unknown key position" "typo.yaml:2:1: error: unknown key 'stagse' (did you mean 'stages'?)"
expect_err "unknown key caret" "| ^"
[ ! -e x.png ] && pass "bad input writes nothing" || fail "bad input writes nothing" "x.png exists"
echo "precious" > keep.png
expect_exit "bad input keeps old output" 1 "$JM" typo.yaml -o keep.png
[ "$(cat keep.png)" = precious ] && pass "old output not clobbered" || fail "old output not clobbered" "keep.png changed"
expect_exit "view without its data" 1 "$JM" seqonly.yaml --view funnel -o x.png
expect_err "view without data says what is missing" "no stages"
expect_exit "style unknown" 1 "$JM" small.yaml --style nosuchstyle -o x.png
[ ! -e x.png ] && pass "unknown style writes nothing" || fail "unknown style writes nothing" "x.png exists"

# --- checks without output ---
expect_exit "check ok" 0 "$JM" small.yaml --check
expect_exit "list views" 0 "$JM" small.yaml --list-views
expect_out "list views has funnel" "funnel"
expect_exit "check-layout clean" 0 "$JM" small.yaml --view funnel --check-layout
expect_exit "dump scene" 0 "$JM" small.yaml --view funnel --dump-scene
expect_out "dump has the stage name" "Awareness"

# --- formats, decoded ---
expect_exit "png" 0 "$JM" small.yaml --view funnel -o a.png --width 800
"$PNGINFO" a.png > a.info 2>&1 && pass "png decodes" || fail "png decodes" "$(cat a.info)"
grep -qx "width 800" a.info && pass "png width = --width" || fail "png width = --width" "$(head -2 a.info)"
grep -qx "dpi 96 96" a.info && pass "png dpi 96" || fail "png dpi 96" "$(grep dpi a.info)"
grep -qx "text Title=Small journey" a.info && pass "png title chunk" || fail "png title chunk" "$(grep text a.info)"
grep -q "text Software=journeymap" a.info && pass "png software chunk" || fail "png software chunk" "$(grep text a.info)"
grep -qx "color rgb" a.info && pass "opaque png is rgb" || fail "opaque png is rgb" "$(grep color a.info)"
expect_exit "png 2x" 0 "$JM" small.yaml --view funnel -o b.png --width 800 --scale 2
"$PNGINFO" b.png > b.info 2>&1
grep -qx "width 1600" b.info && pass "scale 2 doubles pixels" || fail "scale 2 doubles pixels" "$(head -2 b.info)"
grep -qx "dpi 192 192" b.info && pass "scale 2 doubles dpi" || fail "scale 2 doubles dpi" "$(grep dpi b.info)"
expect_exit "png dpi" 0 "$JM" small.yaml --view funnel -o c.png --dpi 300
"$PNGINFO" c.png | grep -qx "dpi 300 300" && pass "--dpi recorded" || fail "--dpi recorded" "$("$PNGINFO" c.png | grep dpi)"
expect_exit "transparent png" 0 "$JM" small.yaml --view funnel -o t.png --background transparent
"$PNGINFO" t.png | grep -qx "color rgba" && pass "transparent png has alpha" || fail "transparent png has alpha" "$("$PNGINFO" t.png | grep color)"
expect_exit "svg" 0 "$JM" small.yaml --view funnel -o a.svg
ok "svg is well-formed" xmllint --noout a.svg
grep -q "<title id=\"title\">Small journey</title>" a.svg && pass "svg title" || fail "svg title" "no <title>"
grep -q "<desc id=\"desc\">Three stages, one of them a gap</desc>" a.svg && pass "svg desc" || fail "svg desc" "no <desc>"
expect_exit "pdf" 0 "$JM" small.yaml --view funnel -o a.pdf
pdfinfo a.pdf > a.pdfinfo 2>&1 && pass "pdf decodes" || fail "pdf decodes" "$(cat a.pdfinfo)"
grep -q "^Title: *Small journey" a.pdfinfo && pass "pdf title" || fail "pdf title" "$(grep Title a.pdfinfo)"
grep -q "^Subject: *Three stages" a.pdfinfo && pass "pdf subject" || fail "pdf subject" "$(grep Subject a.pdfinfo)"
grep -q "^Creator: *journeymap" a.pdfinfo && pass "pdf creator" || fail "pdf creator" "$(grep Creator a.pdfinfo)"
expect_exit "pdf A4" 0 "$JM" small.yaml --view funnel -o a4.pdf --page A4
pdfinfo a4.pdf | grep -q "^Page size: *595.2. x 841.8" && pass "A4 page size" || fail "A4 page size" "$(pdfinfo a4.pdf | grep 'Page size')"
expect_exit "pdf A4 landscape" 0 "$JM" small.yaml --view funnel -o a4l.pdf --page a4-landscape
pdfinfo a4l.pdf | grep -q "^Page size: *841.8. x 595.2" && pass "A4 landscape page size" || fail "A4 landscape page size" "$(pdfinfo a4l.pdf | grep 'Page size')"
pdftotext a.pdf - 2>/dev/null | grep -q "Awareness" && pass "pdf text is selectable" || fail "pdf text is selectable" "pdftotext found no stage name"
expect_exit "format from -T" 0 "$JM" small.yaml --view funnel -T svg -o weird.out
ok "-T svg wins over extension" xmllint --noout weird.out

# --- determinism ---
for f in png svg pdf; do
    "$JM" small.yaml --view funnel -o d1.$f && "$JM" small.yaml --view funnel -o d2.$f
    same "deterministic $f" d1.$f d2.$f
done
SOURCE_DATE_EPOCH=1700000000 "$JM" small.yaml --view funnel -o e1.pdf
SOURCE_DATE_EPOCH=1700000000 "$JM" small.yaml --view funnel -o e2.pdf
same "deterministic pdf with SOURCE_DATE_EPOCH" e1.pdf e2.pdf
pdfinfo e1.pdf | grep -q "CreationDate:.*2023" && pass "pdf date from SOURCE_DATE_EPOCH" || fail "pdf date from SOURCE_DATE_EPOCH" "$(pdfinfo e1.pdf | grep -i date)"
# A large PNG is deflated in bands on one worker per CPU it may use: the bytes must be the same
# on one CPU as on two (a 300-message sequence: 17 million pixels, 65 bands).
bash "$ROOT/tests/bench/gen-sequence.sh" 300 12 .
if [ "$(nproc)" -ge 2 ]; then
    taskset -c 0 "$JM" seq300.yaml --view sequence -o cores1.png 2>cores.err \
        && taskset -c 0,1 "$JM" seq300.yaml --view sequence -o cores2.png 2>>cores.err \
        && "$PNGINFO" cores2.png | grep -qx "height 10321" \
        && same "png bytes do not depend on the number of cores" cores1.png cores2.png \
        || fail "png bytes do not depend on the number of cores" "$(head -c 300 cores.err)"
else
    skip "png bytes do not depend on the number of cores" "$(nproc) CPU: nothing to compare"
fi

# --- standard input and output, pipes ---
cat small.yaml | "$JM" - -T svg -o - > s.svg 2>s.err
[ $? = 0 ] && xmllint --noout s.svg 2>/dev/null && pass "stdin to stdout svg" || fail "stdin to stdout svg" "$(head -c 300 s.err)"
grep -q "<title id=\"title\">Small journey</title>" s.svg && pass "stdin svg has title" || fail "stdin svg has title" "no title"
"$JM" small.yaml --view funnel -o - > p.png && "$PNGINFO" p.png >/dev/null 2>&1 && pass "stdout png defaults to png" || fail "stdout png defaults to png" "not a png"
"$JM" small.yaml --view funnel -T png -o /dev/stdout | cat > q.png
"$PNGINFO" q.png >/dev/null 2>&1 && pass "write through a pipe" || fail "write through a pipe" "not a png"
printf 'title: [unclosed\n' | "$JM" - --check 2>stdin.err; rc=$?
[ $rc = 1 ] && grep -q "^<stdin>:" stdin.err && pass "stdin errors name <stdin>" || fail "stdin errors name <stdin>" "exit $rc: $(head -c 200 stdin.err)"

# --- output failures: exit 3, nothing left behind ---
expect_exit "missing output folder" 3 "$JM" small.yaml --view funnel -o nodir/x.png
[ -z "$(ls -A . | grep -E '\.tmp|^\.x\.png')" ] && pass "no temporary file left" || fail "no temporary file left" "$(ls -A)"
mkdir ro && chmod 555 ro
# root writes anywhere: as root, run it without root's capabilities (setpriv, in util-linux)
NOCAPS="setpriv --bounding-set=-all --inh-caps=-all"
if [ "$(id -u)" != 0 ]; then
    expect_exit "unwritable folder" 3 "$JM" small.yaml --view funnel -o ro/x.png
elif $NOCAPS true 2>/dev/null; then
    expect_exit "unwritable folder" 3 $NOCAPS "$JM" small.yaml --view funnel -o ro/x.png
else
    skip "unwritable folder" "running as root, and setpriv cannot drop root's capabilities here"
fi
chmod 755 ro
cp a.png ro/x.png
"$JM" small.yaml --view funnel -o ro/x.png --width 640 && "$PNGINFO" ro/x.png | grep -qx "width 640" \
    && pass "existing output replaced whole" || fail "existing output replaced whole" "not replaced"

# --- --view all ---
expect_exit "view all png" 0 "$JM" small.yaml --view all -o all.png
[ -f all-funnel.png ] && pass "view all names OUTPUT-VIEW.EXT" || fail "view all names OUTPUT-VIEW.EXT" "$(ls)"
expect_exit "view all pdf" 0 "$JM" small.yaml --view all -o all.pdf
# a cover, then every view, in order (short ones share a page: "page 2 view map then funnel")
got=$("$JM" small.yaml --view all -o all.pdf --dump-scene | awk '/^page /{ print $4; if ($5 == "then") print $6 }' | tr '\n' ' ')
[ "$got" = "cover $("$JM" small.yaml --list-views | tr '\n' ' ')" ] && pass "view all: a cover, then every view" \
    || fail "view all: a cover, then every view" "$got"

# --- printed pages: views are laid out at the page's content width, not shrunk onto it ---
expect_exit "funnel on A4 dump" 0 "$JM" small.yaml --view funnel -T pdf --page A4 --dump-scene
grep -q "^scene 523.28x" "$T/out" && pass "funnel on A4 is laid out at the content width (595.28 - 2 x 36)" \
    || fail "funnel on A4 is laid out at the content width (595.28 - 2 x 36)" "$(grep '^scene' "$T/out")"
expect_exit "funnel on A4 with --width" 0 "$JM" small.yaml --view funnel -T pdf --page A4 --width 900 --dump-scene
grep -q "^scene 900.00x" "$T/out" && pass "--width wins over the page width" || fail "--width wins over the page width" "$(grep '^scene' "$T/out")"
