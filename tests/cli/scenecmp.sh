# tests/cli/scenecmp.sh - the scene-dump comparison the references use (tests/scenecmp.c): decimals
# within 0.05 pt pass, everything else must be equal, and a difference names its line and word.
SCENECMP="$ROOT/$BUILD/tests/scenecmp"
"$JM" "$ROOT/samples/funnel-basic.yaml" --view funnel --dump-scene > ref.scene
grep -q '^0 text ' ref.scene && grep -q ' @[0-9]*:[0-9]* ' ref.scene && pass "scenecmp: a dump to compare" \
    || fail "scenecmp: a dump to compare" "$(head -c 200 ref.scene)"

# variant NAME SED-EXPR: ref.scene edited on its first item's line (line 4 or 5: after the title)
variant() { sed -E "/^0 /$2" ref.scene > "$1.scene"; cmp -s ref.scene "$1.scene" || return 0; fail "scenecmp: $1 edits the dump" "sed $2"; }
matches() { if "$SCENECMP" ref.scene "$1.scene" > "$1.out" 2>&1; then pass "scenecmp: $2"; else fail "scenecmp: $2" "$(head -c 300 "$1.out")"; fi; }
differs() {
    "$SCENECMP" ref.scene "$1.scene" > "$1.out" 2>&1; local rc=$?
    if [ $rc = 1 ] && grep -q "^line $(grep -n '^0 ' ref.scene | cut -d: -f1), word " "$1.out"; then pass "scenecmp: $2"
    else fail "scenecmp: $2" "exit $rc: $(head -c 300 "$1.out")"; fi
}

matches ref "a dump matches itself"
cp ref.scene copy.scene && matches copy "a copy matches"
# the first item's position "X.YY,Y.YY": move x by 0.04 and by 0.06 pt
x=$(awk '/^0 /{ split($4, p, ","); print p[1]; exit }' ref.scene)
variant near "s/ $x,/ $(awk -v x="$x" 'BEGIN { printf "%.2f", x + 0.04 }'),/"
matches near "0.04 pt off passes"
variant far "s/ $x,/ $(awk -v x="$x" 'BEGIN { printf "%.2f", x + 0.06 }'),/"
differs far "0.06 pt off fails"
variant index 's/^0 /7 /'
differs index "an item index is compared exactly"
variant pos 's/ @([0-9]+):/ @\19:/'
differs pos "a source position is compared exactly"
variant colour 's/ color #[0-9a-f]{2}/ color #fe/'
differs colour "a colour is compared exactly"
variant role 's/ text ([a-z]+)\./ text \1x./'
differs role "a role is compared exactly"
variant fontsize 's/ font "([^"]*) ([0-9]+)"/ font "\1 9\2"/'
differs fontsize "a number inside quotes is compared exactly"
variant fontfile 's/$/ font=Inter-Regular.otf/'
sed -E '/^0 /s/$/ font=Inter-Bold.otf/' ref.scene > fontfile2.scene
"$SCENECMP" fontfile.scene fontfile2.scene > fontfile.out 2>&1
[ $? = 1 ] && pass "scenecmp: a font file name is compared exactly" || fail "scenecmp: a font file name is compared exactly" "$(head -c 300 fontfile.out)"
variant shape 's/ ([0-9.]+),([0-9.]+) / \1x\2 /'
differs shape "a separator is compared exactly"
variant extra 's/$/ may-overlap/'
differs extra "an extra word fails"
head -n -1 ref.scene > short.scene
"$SCENECMP" ref.scene short.scene > short.out 2>&1
[ $? = 1 ] && grep -q "has $(wc -l < ref.scene) lines" short.out && pass "scenecmp: a missing line fails" \
    || fail "scenecmp: a missing line fails" "$(head -c 300 short.out)"
"$SCENECMP" ref.scene nosuch.scene > missing.out 2>&1
[ $? = 2 ] && pass "scenecmp: a missing file is an error" || fail "scenecmp: a missing file is an error" "$(head -c 300 missing.out)"
