# tests/cli/fonts.sh - the pinned font set from the command line: --list-fonts names the set's
# files with their scripts, every script of samples/unicode.yaml comes from its file of the set,
# and a character that no font of the set has is a warning at its position and a layout defect.
expect_exit "list-fonts exits 0" 0 "$JM" --list-fonts
for f in Inter-Regular.otf NotoSansHebrew-Regular.ttf NotoSansArabic-Regular.ttf NotoSansCJK-Regular.ttc NotoColorEmoji.ttf; do
    expect_out "list-fonts names $f" "/$f"
done
expect_out "list-fonts: the CJK file covers Han and Hangul" "NotoSansCJK-Regular.ttc  Greek Cyrillic Han Hiragana Katakana Hangul"
expect_out "list-fonts: Hebrew from Noto Sans Hebrew" "NotoSansHebrew-Regular.ttf  Hebrew"

"$JM" "$ROOT/samples/unicode.yaml" --view funnel --dump-scene > "$T/scene" 2>"$T/err"
for pair in "הזמנה:NotoSansHebrew-Bold.ttf" "付款:NotoSansCJK-Bold.ttc" "طلب عبر الهاتف:NotoSansArabic-Bold.ttf" "Coup de cœur:Inter-Bold.otf"; do
    text=${pair%%:*} font=${pair#*:}
    if grep -F "\"$text\"" "$T/scene" | grep -qF "fonts $font"; then pass "unicode: '$text' drawn with $font"
    else fail "unicode: '$text' drawn with $font" "$(grep -F "\"$text\"" "$T/scene" | head -c 300)"; fi
done
if [ -s "$T/err" ]; then fail "unicode: no warning" "$(head -c 300 "$T/err")"; else pass "unicode: no warning"; fi

# U+F0000 (supplementary private use): no font of the set has it
printf 'title: "Plan \363\260\200\200 B"\nstages:\n  - name: Start\n' > "$T/pua.yaml"
expect_exit "a character no font has: still drawn (exit 0)" 0 "$JM" "$T/pua.yaml" --view funnel -o "$T/pua.png"
expect_err "a character no font has: warning at its position" "pua.yaml:1:1: warning: no font has U+F0000"
expect_exit "a character no font has: a --check-layout defect (exit 4)" 4 "$JM" "$T/pua.yaml" --view funnel --check-layout
expect_out "a character no font has: the defect names it" "has U+F0000, which no font of the set has"

# no writable cache folder: the set's files are read one by one, silently, to the same bytes
"$JM" "$ROOT/samples/unicode.yaml" --view funnel -o "$T/cached.png" 2>/dev/null
expect_exit "no cache folder: still draws" 0 env XDG_CACHE_HOME=/proc/journeymap-none "$JM" "$ROOT/samples/unicode.yaml" --view funnel -o "$T/uncached.png"
if [ -s "$T/err" ]; then fail "no cache folder: nothing on stderr" "$(head -c 300 "$T/err")"; else pass "no cache folder: nothing on stderr"; fi
same "no cache folder: the same bytes" "$T/cached.png" "$T/uncached.png"
