# tests/cli/reliability.sh - inputs that once crashed, hung, blew up or leaked (tests/reliability,
# see its README) and the command line's safety: empty inputs, number options, -o naming the
# input, output modes and links, closed pipes, kills while writing. Exit codes and messages are
# asserted, never times. Sourced by tests/run.sh.
R="$ROOT/tests/reliability"
PNGINFO="$ROOT/$BUILD/tests/pnginfo"

# --- inputs with no journey: exit 1, said at 1:1, nothing written ---
expect_exit "empty file" 1 "$JM" "$R/empty.yaml" -o x.png
expect_err "empty file says so" "empty.yaml:1:1: error: the file is empty: a journey needs at least a 'title'"
expect_exit "BOM only" 1 "$JM" "$R/bom-only.yaml" -o x.png
expect_err "BOM only is empty" "bom-only.yaml:1:1: error: the file is empty"
printf ' \n\t\n   ' > ws.yaml
printf '# a comment\n# and another\n' > comment.yaml
printf -- '---\n...\n' > dashes.yaml
for f in ws comment dashes; do
    expect_exit "no journey: $f" 1 "$JM" $f.yaml -o x.png
    expect_err "no journey: $f says so" "$f.yaml:1:1: error: the file holds no journey, only whitespace, comments or '---'"
done
printf 'title: a\0b\n' > nul.yaml
expect_exit "NUL byte" 1 "$JM" nul.yaml -o x.png
expect_err "NUL byte position" "nul.yaml:1:9: error: NUL byte in the text"
mkdir folder.yaml
expect_exit "a folder as input" 1 "$JM" folder.yaml -o x.png
expect_err "a folder as input says so" "folder.yaml: error: cannot read the file: it is a folder"
expect_exit "a device as input" 1 "$JM" /dev/zero -o x.png
expect_err "a device is refused before reading" "cannot read the file: it is a device, not a file"
expect_exit "stdin closed" 1 "$JM" - -o x.png <&-
expect_err "stdin closed says so" "<stdin>: error: cannot read the file: standard input is closed"
[ ! -e x.png ] && pass "no journey writes nothing" || fail "no journey writes nothing" "x.png exists"

# --- the reproducers of tests/reliability ---
expect_exit "yamltree null offset: an error, no undefined behaviour" 1 "$JM" "$R/yamltree-null-offset.yaml" -o x.png
expect_err "yamltree null offset message" "yamltree-null-offset.yaml:2:1: error: did not find expected <document start>"
for f in alias-amp-seq alias-amp-table; do
    expect_exit "$f is bounded" 1 "$JM" "$R/$f.yaml" -o x.png
    expect_err "$f: the expanded text is counted" "$f.yaml:7:" 
    expect_err "$f: message" "error: alias expansion exceeds 131072 bytes of text"
done
expect_exit "65,000-character word: a PNG 62,268 px tall" 0 "$JM" "$R/longword-65k-title.yaml" --view funnel -o tall.png
"$PNGINFO" tall.png | grep -qx "height 62268" && pass "65,000-character word: the whole height decoded" ||
    fail "65,000-character word: the whole height" "$("$PNGINFO" tall.png | head -3 | tr '\n' ' ')"
expect_exit "65,000-character word: over the budget at --scale 4" 1 "$JM" "$R/longword-65k-title.yaml" --view funnel --scale 4 -o x.png
expect_err "65,000-character word: says the size" "error: the funnel view would be 3136 x 249072 pixels"
expect_exit "65,000-character word: drawn to SVG" 0 "$JM" "$R/longword-65k-title.yaml" --view funnel -o long.svg
ok "65,000-character word: the SVG is well-formed" xmllint --noout --huge long.svg
expect_exit "noncharacter: decided at load" 1 "$JM" "$R/noncharacter-pdf.yaml" -o x.pdf
expect_err "noncharacter: at its text" "noncharacter-pdf.yaml:1:8: error: text contains the noncharacter U+FFFE"
expect_err "noncharacter: every one" "noncharacter-pdf.yaml:2:17: error: text contains the noncharacter U+FDD0"
expect_exit "style /etc/shadow refused" 1 "$JM" "$R/style-etc-shadow.yaml" -o x.png
expect_err "style /etc/shadow: outside the folder" "style-etc-shadow.yaml:3:8: error: style file '/etc/shadow' is outside the folder of the journey file"
expect_err_lacks "style /etc/shadow: never echoed" "root:"
expect_exit "style /dev/zero refused" 1 "$JM" "$R/style-dev-zero.yaml" -o x.png
expect_err "style /dev/zero: outside the folder" "style-dev-zero.yaml:3:8: error: style file '/dev/zero' is outside the folder"
expect_exit "--style /dev/zero: not read" 1 "$JM" "$R/style-dev-zero.yaml" --style /dev/zero -o x.png
expect_err "--style /dev/zero: a device" "cannot read style file '/dev/zero': it is a device, not a file"
expect_exit "terminal escape" 1 "$JM" "$R/terminal-escape.yaml" -o x.png
expect_err "terminal escape: shown escaped" '    2 | # \x1B]0;PWNED\x07\x1B[2J\x1B[31mRED'
if grep -q $'\x1b' "$T/err"; then fail "terminal escape: no raw ESC" "stderr holds an ESC byte"; else pass "terminal escape: no raw ESC"; fi
expect_exit "pango assert input: noncharacters refused" 1 "$JM" "$R/pango-assert-process_line.yaml" --view map -o x.png
expect_err "pango assert input: at the first" "pango-assert-process_line.yaml:2:10: error: text contains the noncharacter U+FDD0"
expect_exit "pango assert input without noncharacters: drawn" 0 "$JM" "$R/pango-assert-no-noncharacters.yaml" --view map -o pa.png
expect_err_lacks "pango assert input: no Pango message" "Pango"
expect_exit "giant persona refused at load" 1 "$JM" "$R/giant-persona/journey.yaml" --scale 8 -o x.png
expect_err "giant persona: the pixel limit" "journey.yaml:2:33: error: persona image 'g23k.png' cannot be used: it has 23000 x 23000 pixels, more than the limit of 16777216"
[ ! -e x.png ] && pass "reproducers write nothing" || fail "reproducers write nothing" "x.png exists"

# --- a journey's style: built-in or in its own folder, the extends chain too ---
mkdir -p j/sub
printf 'title: t\nstages: [{name: A}]\nstyle: sub/mine.yaml\n' > j/own.yaml
printf 'extends: dark\n' > j/sub/mine.yaml
expect_exit "style in the journey's folder" 0 "$JM" j/own.yaml --view funnel -o own.png
printf 'extends: /etc/passwd\n' > j/sub/mine.yaml
expect_exit "extends out of the folder" 1 "$JM" j/own.yaml --view funnel -o own.png
expect_err "extends out of the folder: refused" "error: style file '/etc/passwd' is outside the folder of the journey file"
ln -s /etc/passwd j/sub/link.yaml
printf 'title: t\nstages: [{name: A}]\nstyle: sub/link.yaml\n' > j/link.yaml
expect_exit "a link out of the folder" 1 "$JM" j/link.yaml --view funnel -o own.png
expect_err "a link out of the folder: refused" "style file '"
expect_err_lacks "a link out of the folder: never echoed" "root:"

# --- number options: finite, in range, checked at parse time (exit 2 with the range) ---
printf 'title: t\nstages: [{name: A}]\n' > small.yaml
for a in "--width nan" "--width 0.5" "--width 99" "--width 20001" "--width inf" "--width 0x100" "--width 12px" \
         "--scale nan" "--scale 0" "--scale 8.5" "--dpi nan" "--dpi 0.0001" "--dpi 0" "--margin nan" "--margin -1" \
         "--margin 145"; do
    expect_exit "bad number: $a" 2 "$JM" small.yaml $a -o x.png
done
expect_exit "bad number message" 2 "$JM" small.yaml --dpi 0.0001 -o x.png
expect_err "bad number names the range" "journeymap: error: --dpi must be a number from 1 to 10000, not '0.0001'"
for a in "--width 100" "--width 20000" "--scale 0.1" "--scale 8" "--dpi 1" "--dpi 10000" "--margin 0" "--margin 144"; do
    expect_exit "number at its limit: $a" 0 "$JM" small.yaml $a --view funnel -T pdf --page A5 --dump-scene
done
expect_exit "--margin 0 means 0" 0 "$JM" small.yaml --view funnel -T pdf --page A4 --margin 0 --dump-scene
grep -q "^scene 595.28x" "$T/out" && pass "--margin 0: the full page width" || fail "--margin 0: the full page width" "$(grep '^scene' "$T/out")"
expect_exit "--margin 144 on A5 leaves a canvas" 0 "$JM" small.yaml --view funnel -T pdf --page A5 --margin 144 -o m.pdf

# --- a PNG too large: exit 1 wherever it is found ---
expect_exit "PNG 32767 px wide" 0 "$JM" small.yaml --view funnel --width 16383.5 --scale 2 -T png --dump-scene
expect_exit "PNG 32768 px wide" 1 "$JM" small.yaml --view funnel --width 16384 --scale 2 -o x.png
expect_err "PNG too large: the limit" "error: the funnel view would be 32768 x "
expect_err "PNG too large: the budget in words" "32767 pixels wide, 1000000 high and 268 million in all"

# --- a PNG taller than a Cairo surface: written band by band, every row where it belongs ---
# 1600 messages alternating ping and pong lay out at one pitch, so the first rows are the same as
# those of a 20-message sequence, and the last message's arrow inks its own row.
pingpong() { # pingpong N: ppN.yaml
    { echo "title: Ping pong"; echo "sequence:"; echo "  participants: [{id: Client}, {id: Server}]"
      echo "  messages:"
      for ((i = 1; i <= $1; i++)); do
          if ((i % 2)); then echo "    - 'Client->>Server: ping'"; else echo "    - 'Server-->>Client: pong'"; fi
      done; } > pp$1.yaml
}
pingpong 20; pingpong 1600
expect_exit "1600 messages to PNG" 0 "$JM" pp1600.yaml -o pp1600.png
"$JM" pp20.yaml -o pp20.png
"$JM" pp1600.yaml --dump-scene > pp1600.scene
h=$(awk '/^scene /{split($2, s, "x"); printf "%d", s[2] + 0.999999}' pp1600.scene)
last=$(awk '/sequence.message.sync/{split($(NF-1), p, ","); y = p[2]} END{printf "%d", y}' pp1600.scene)
rows="--row 152 --row 255 --row 256 --row 300 --row 600 --row $((last - 1)) --row $last --row $((last + 1)) --row $((h - 1))"
"$PNGINFO" pp1600.png $rows > tall.info
"$PNGINFO" pp20.png --row 152 --row 255 --row 256 --row 300 --row 600 > short.info
grep -qx "height $h" tall.info && [ "$h" -gt 54000 ] && pass "1600 messages: decoded height $h, the scene's" ||
    fail "1600 messages: decoded height" "$(grep height tall.info), scene $h"
for y in 152 255 256 300 600; do
    a=$(grep "^row $y " tall.info) b=$(grep "^row $y " short.info)
    [ -n "$a" ] && [ "$a" = "$b" ] && pass "1600 messages: row $y as in 20 messages" || fail "1600 messages: row $y" "$a / $b"
done
# the first arrow, M x0,152.x L x1,152.x in the scene: its row is inked from x0 to near the tip
arrow=$(awk '/sequence.message.sync/{for (i = 1; i <= NF; i++) { if ($i == "M") { split($(i+1), a, ","); m = a[1] } if ($i == "L") { split($(i+1), b, ","); print int(m), int(b[1]); exit } } }' pp1600.scene)
ink=$(grep "^row 152 " tall.info | awk '{for (i = 1; i <= NF; i++) { if ($i == "from") f = $(i+1); if ($i == "to") t = $(i+1) } print f, t}')
x0=${arrow% *} x1=${arrow#* } from=${ink% *} to=${ink#* }
if [ -n "$from" ] && [ -n "$x0" ] && [ $((from - x0)) -ge -2 ] && [ $((from - x0)) -le 2 ] && [ $((x1 - to)) -ge 0 ] && [ $((x1 - to)) -le 4 ]; then
    pass "1600 messages: the first arrow's row is inked from Client to Server ($from..$to for $x0..$x1)"
else fail "1600 messages: the first arrow's row" "$(grep '^row 152 ' tall.info); the arrow runs $x0..$x1"; fi
arrow=$(grep -E "^row ($((last - 1))|$last|$((last + 1))) " tall.info | awk '$4 >= 100 && $6 <= 80 && $8 >= 180' | wc -l)
[ "$arrow" -ge 1 ] && pass "1600 messages: the last arrow's row (y $last) is inked from Client to Server" ||
    fail "1600 messages: the last arrow" "$(grep '^row' tall.info)"
grep "^row $((h - 1)) " tall.info | grep -q " ink 0 " && pass "1600 messages: the bottom row is background" ||
    fail "1600 messages: the bottom row" "$(grep "^row $((h - 1)) " tall.info)"
"$JM" pp1600.yaml --scale 8 -o big.png 2>/dev/null; [ $? = 1 ] && [ ! -e big.png ] && pass "over the budget: exit 1, nothing written" ||
    fail "over the budget" "wrote or exit not 1"

# --- -o naming the input: refused, the input untouched ---
cp small.yaml keep.yaml
expect_exit "-o is the input" 2 "$JM" small.yaml -T png -o small.yaml
expect_err "-o is the input: says so" "the output 'small.yaml' is the input file 'small.yaml'"
ln -s small.yaml link.yaml
ln small.yaml hard.yaml
expect_exit "-o is a link to the input" 2 "$JM" small.yaml -T png -o link.yaml
expect_exit "-o is a hard link of the input" 2 "$JM" link.yaml -T png -o hard.yaml
same "the input is untouched" small.yaml keep.yaml

# --- replacing an output: its mode and its link are kept ---
echo old > m.png && chmod 600 m.png
expect_exit "replace a 0600 file" 0 "$JM" small.yaml --view funnel -o m.png
[ "$(stat -c %a m.png)" = 600 ] && pass "mode 0600 kept" || fail "mode 0600 kept" "mode $(stat -c %a m.png)"
echo old > target.png && ln -s target.png out-link.png
expect_exit "write through a link" 0 "$JM" small.yaml --view funnel -o out-link.png
[ -L out-link.png ] && "$PNGINFO" target.png >/dev/null 2>&1 && pass "the link is kept, its target replaced" \
    || fail "the link is kept, its target replaced" "$(ls -l out-link.png target.png)"
mkdir later && ln -s later/new.png dangling.png
expect_exit "write through a dangling link" 0 "$JM" small.yaml --view funnel -o dangling.png
[ -L dangling.png ] && "$PNGINFO" later/new.png >/dev/null 2>&1 && pass "a dangling link is kept and filled" \
    || fail "a dangling link is kept and filled" "$(ls -l dangling.png later)"

# --- a closed output pipe: an error with a message, not a silent SIGPIPE ---
( sleep 0.5; "$JM" small.yaml --view funnel -o - 2>pipe.err; echo $? > pipe.rc ) | true
[ "$(cat pipe.rc)" = 3 ] && grep -q "cannot write to standard output: Broken pipe" pipe.err \
    && pass "closed pipe: exit 3 with a message" || fail "closed pipe: exit 3 with a message" "exit $(cat pipe.rc): $(cat pipe.err)"
( sleep 0.5; "$JM" small.yaml --view funnel --dump-scene 2>dump.err; echo $? > dump.rc ) | true
[ "$(cat dump.rc)" = 3 ] && grep -q "Broken pipe" dump.err \
    && pass "closed pipe on --dump-scene: exit 3" || fail "closed pipe on --dump-scene: exit 3" "exit $(cat dump.rc): $(cat dump.err)"
expect_exit "stdout closed" 3 sh -c '"$0" small.yaml --view funnel -o - >&-' "$JM"
expect_err "stdout closed says so" "cannot write to standard output: it is closed"

# --- killed while writing: no temporary left (strace holds the process at the temporary's fchmod
#     until it is killed; the kill waits until the output is in place) ---
if strace -f -o /dev/null true 2>/dev/null; then
    rm -f kill.png .kill.png.tmp*
    strace -f -o /dev/null -e trace=fchmod -e inject=fchmod:delay_enter=3000000 "$JM" small.yaml --view funnel -o kill.png &
    sp=$!
    for i in $(seq 100); do ls -A | grep -q '^\.kill\.png\.tmp' && break; sleep 0.1; done
    kill -TERM "$(pgrep -P $sp)" 2>/dev/null
    wait $sp; rc=$?
    left=$(ls -A | grep '^\.kill\.png\.tmp')
    [ "$rc" = 143 ] && [ -z "$left" ] && "$PNGINFO" kill.png >/dev/null 2>&1 \
        && pass "SIGTERM while writing: the output complete, no temporary left" \
        || fail "SIGTERM while writing: the output complete, no temporary left" "exit $rc, left: $left $(ls -A)"
else
    echo "SKIP SIGTERM while writing: strace cannot trace here"; echo "SKIP SIGTERM while writing" >> "$JM_RESULTS"
fi
