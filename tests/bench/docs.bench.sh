# tests/bench/docs.bench.sh - many diagrams: the conformance corpus's sequence and journey
# diagrams (shared/conformance/mermaid) as one batch run against one process per file, SVG and
# PNG. Sourced by tests/bench/run.sh (measure, ratio, $OUT, $JM). Fewer runs: a case is many files.
CORPUS="$ROOT/../shared/conformance/mermaid"
echo
if [ ! -d "$CORPUS" ]; then
    echo "== conformance corpus: SKIP ($CORPUS is absent)"
else
    ls "$CORPUS"/journey/*.mmd "$CORPUS"/sequence/*.mmd > "$OUT/list"
    n=$(wc -l < "$OUT/list")
    last=$(tail -n 1 "$OUT/list")   # a sequence diagram: written to batch/sequence/NAME
    echo "== conformance corpus: $n sequence and journey diagrams, one batch run (--jobs $(nproc)) vs one process per file"
    runs_before=$RUNS
    RUNS=${DOCS_RUNS:-5}
    for fmt in svg png; do
        measure "journeymap batch of $n $fmt" "$OUT/batch/sequence/$(basename "$last" .mmd).$fmt" \
            "$JM" --batch "$OUT/list" -O "$OUT/batch" -T "$fmt"
        # shellcheck disable=SC2016
        measure "journeymap $n processes $fmt" "$OUT/one.$fmt" \
            bash -c 'while read -r f; do "$1" "$f" -o "$3" || exit 1; done < "$2"' - "$JM" "$OUT/list" "$OUT/one.$fmt"
    done
    RUNS=$runs_before
    for fmt in svg png; do ratio "journeymap batch of $n $fmt" "journeymap $n processes $fmt"; done
fi
