# tests/cli/batch.sh - many inputs in one process: the whole shared conformance corpus in one run
# with the same bytes as one process per file and for any --jobs; a bad input among good ones;
# --batch lists, pages in a batch, output names; --watch drawing again after a change.
# Sourced by tests/run.sh.
CORPUS="$ROOT/../shared/conformance/mermaid"
cd "$T" || return

# --- the conformance corpus, one process ---
if [ ! -d "$CORPUS" ]; then
    echo "SKIP batch conformance: $CORPUS is absent" >&2
    skip "batch conformance" "corpus absent"
else
    files=$(ls "$CORPUS"/*/*.mmd)
    total=$(echo "$files" | wc -l)
    # branching flowcharts are refused, so the batch as a whole exits 1
    expect_exit "batch: the whole corpus in one process" 1 "$JM" $files -O b2 --jobs 2
    cp "$T/err" b2.err
    refused=$(grep -c "error: the flowchart branches at" b2.err)
    drawn=$(find b2 -name '*.svg' | wc -l)
    [ "$drawn" -gt 0 ] && [ $((drawn + refused)) = "$total" ] \
        && pass "batch: every corpus file drawn or refused as branching ($drawn + $refused = $total)" \
        || fail "batch: every corpus file drawn or refused" "$drawn drawn, $refused refused, $total files"
    grep -q "^rendered $drawn files, $refused failed in [0-9.]* s$" b2.err && pass "batch: the summary line" \
        || fail "batch: the summary line" "$(tail -n 1 b2.err)"
    [ -f b2/sequence/001.svg ] && [ -f b2/journey/001.svg ] \
        && pass "batch: outputs keep the inputs' folders below their common folder" \
        || fail "batch: output names" "$(ls b2)"
    # one process per file: the same bytes
    differ=0 compared=0
    for f in $files; do
        kind=$(basename "$(dirname "$f")") name=$(basename "$f" .mmd)
        [ -f "b2/$kind/$name.svg" ] || continue
        "$JM" "$f" -o one.svg 2>/dev/null || { differ=$((differ + 1)); continue; }
        cmp -s one.svg "b2/$kind/$name.svg" || { differ=$((differ + 1)); echo "differs: $kind/$name" >&2; }
        compared=$((compared + 1))
    done
    [ "$differ" = 0 ] && [ "$compared" = "$drawn" ] \
        && pass "batch: the same bytes as one process per file ($compared files)" \
        || fail "batch: the same bytes as one process per file" "$differ of $compared differ"
    expect_exit "batch: --jobs 1" 1 "$JM" $files -O b1 --jobs 1
    diff -r b1 b2 > /dev/null && pass "batch: --jobs 1 and --jobs 2 write the same bytes" \
        || fail "batch: --jobs 1 and --jobs 2 write the same bytes" "$(diff -rq b1 b2 | head -n 3)"
    sed 's/rendered .*//' "$T/err" > e1; sed 's/rendered .*//' b2.err > e2
    same "batch: the same messages in the same order for any --jobs" e1 e2
    { echo "# the last sequence diagrams"; echo; ls "$CORPUS"/sequence/*.mmd | tail -n 20; } > list.txt
    expect_exit "batch: --batch LIST" 0 "$JM" --batch list.txt -O bl --jobs 2 -T png
    n=$(find bl -name '*.png' | wc -l)
    [ "$n" = 20 ] && pass "batch: --batch reads its inputs from the list, -T png" \
        || fail "batch: --batch LIST" "$n PNGs"
fi

# --- a bad input among good ones; names, pages, usage ---
mkdir -p in/sub
printf 'title: Good\nstages:\n  - name: A\n    count: 3\n  - name: B\n    count: 1\n' > in/good.yaml
printf 'sequenceDiagram\n  A->>B: hi\n' > in/sub/seq.mmd
printf 'title: Bad\nstages:\n  - name: A\n    count: lots\n' > in/bad.yaml
printf '# Page\n\n```mermaid\nsequenceDiagram\n  A->>B: hi\n```\n' > in/page.md
expect_exit "batch: one bad input fails the run" 1 "$JM" in/good.yaml in/bad.yaml in/sub/seq.mmd in/page.md -O bo
expect_err "batch: the bad input's error names its file and line" "in/bad.yaml:4:12: error: 'count' must be a number"
grep -q "^rendered 3 files, 1 failed in" "$T/err" && pass "batch: ... and the summary counts it" \
    || fail "batch: summary with a failure" "$(tail -n 1 "$T/err")"
[ -f bo/good.svg ] && [ -f bo/sub/seq.svg ] && [ ! -e bo/bad.svg ] \
    && pass "batch: the other inputs are written" || fail "batch: the other inputs are written" "$(find bo)"
[ -f bo/page.md ] && [ -f bo/page-1.svg ] && grep -qF '![diagram](page-1.svg)' bo/page.md \
    && pass "batch: a page becomes DIR/NAME.md with its images" || fail "batch: a page in a batch" "$(find bo)"
printf 'title: Other\nstages:\n  - name: A\n    count: 3\n' > in/sub/good.yaml
expect_exit "batch: two inputs drawn to one file" 2 "$JM" in/good.yaml in/sub/good.yaml in/x/../good.yaml -O dup
expect_err "batch: ... is refused, naming both" "would both be drawn to"
expect_exit "batch: several inputs need -O" 2 "$JM" in/good.yaml in/sub/seq.mmd -o x.svg
cp in/page.md page.before
expect_exit "batch: -O over the inputs' own pages is refused" 2 "$JM" in/page.md -O in
same "batch: the input page is kept" in/page.md page.before

# --- an output that already holds the bytes is left alone (time stamp, inode); others replaced ---
rm -rf un && mkdir un
expect_exit "batch: drawn" 0 "$JM" in/good.yaml in/sub/seq.mmd -O un
touch -d '2001-01-01' un/good.svg un/sub/seq.svg
stat -c '%i %Y' un/good.svg un/sub/seq.svg > un.old
expect_exit "batch: drawn again" 0 "$JM" in/good.yaml in/sub/seq.mmd -O un
stat -c '%i %Y' un/good.svg un/sub/seq.svg > un.after
same "batch: unchanged outputs are not written again (same inode, time stamp kept)" un.old un.after
cp un/sub/seq.svg seq.kept
printf 'x' | dd of=un/sub/seq.svg bs=1 seek=100 conv=notrunc 2>/dev/null   # damaged, same size
inode=$(stat -c %i un/sub/seq.svg)
expect_exit "batch: drawn over a damaged output of the same size" 0 "$JM" in/sub/seq.mmd -O un/sub
same "batch: ... which is replaced with the right bytes" un/sub/seq.svg seq.kept
[ "$(stat -c %i un/sub/seq.svg)" != "$inode" ] && pass "batch: ... by a new file (the atomic replace)" \
    || fail "batch: a changed output is replaced by a new file" "same inode $inode"
cp un/good.svg good.kept
printf 'title: Good\nstages:\n  - name: A\n    count: 4\n  - name: B\n    count: 1\n' > in/good2.yaml
expect_exit "batch: a changed drawing" 0 "$JM" in/good2.yaml -o un/good.svg
cmp -s un/good.svg good.kept && fail "batch: ... is written" "the old bytes are still there" || pass "batch: ... is written"

# --- --watch: draws again when the input or its style file changes; stops on a signal ---
cp "$ROOT/styles/dark.yaml" wstyle.yaml
printf 'title: First\nstyle: wstyle.yaml\nstages:\n  - name: A\n    count: 3\n' > w.yaml
"$JM" w.yaml -o w.svg --watch 2> watch.err &
wpid=$!
# a guard: the watcher never outlives the test, even if it ignored the signal
( for _ in $(seq 300); do sleep 0.1; kill -0 "$wpid" 2>/dev/null || exit 0; done; kill -KILL "$wpid" ) 2>/dev/null & guard=$!
# changed FILE OLD: waits (at most 5 s) until FILE differs from OLD
changed() { for _ in $(seq 50); do if [ -s "$1" ] && ! cmp -s "$1" "$2"; then return 0; fi; sleep 0.1; done; return 1; }
for _ in $(seq 50); do [ -s w.svg ] && grep -q watching watch.err && break; sleep 0.1; done
cp w.svg w0.svg 2>/dev/null
printf 'title: Second\nstyle: wstyle.yaml\nstages:\n  - name: A\n    count: 3\n' > w.yaml
changed w.svg w0.svg && pass "watch: the output is drawn again after the input changes" \
    || fail "watch: the output is drawn again after the input changes" "$(cat watch.err)"
cp w.svg w1.svg
sed 's/background: "#0f172a"/background: "#123456"/' "$ROOT/styles/dark.yaml" > wstyle.yaml
changed w.svg w1.svg && pass "watch: ... and after its style file changes" \
    || fail "watch: ... and after its style file changes" "$(cat watch.err)"
kill -INT "$wpid" 2>/dev/null; wait "$wpid"; rc=$?
kill "$guard" 2>/dev/null; wait "$guard" 2>/dev/null
"$JM" w.yaml -o w2.svg && same "watch: the last drawing is what a fresh run draws" w.svg w2.svg
grep -q "^rendered w.svg from w.yaml$" watch.err && pass "watch: it says what it drew" \
    || fail "watch: it says what it drew" "$(cat watch.err)"
[ "$rc" = 0 ] && pass "watch: Ctrl-C stops it cleanly" || fail "watch: Ctrl-C stops it cleanly" "exit $rc"
cd "$ROOT" || return
