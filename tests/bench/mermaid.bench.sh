# tests/bench/mermaid.bench.sh - journeymap against two Mermaid renderers on the conformance corpus
# (shared/conformance/mermaid):
# - mermaid-cli (a browser) in its Markdown mode, `mmdc -i all.md -o out.md` on one page holding
#   every sequence and journey block, against journeymap's Markdown mode on the same page;
# - beautiful-mermaid (Node, no browser) per diagram, every sequence and flowchart file both draw
#   rendered in one Node process (tests/bench/beautiful-mermaid.mjs), against journeymap's batch
#   of the same files on one core (--jobs 1) and on every core (the default), each into a fresh
#   folder (every file new) and again over its own unchanged output (journeymap leaves a file
#   that already holds the bytes alone): whole process (start-up included) per diagram, and the
#   marginal time of a diagram (batch of all minus batch of one, over the others); and warm, as
#   beautiful-mermaid is timed after a first pass: the batch after the same files with their words
#   in ROT13 (tests/bench/rot13.mjs), less that warm-up alone, over the files. Each is compared
#   with its like: warm with beautiful-mermaid's timed runs, the first pass with its first pass
#   (the one that warms it up).
# Sourced by tests/bench/run.sh (measure, ratio, $OUT, $JM). npm packages are installed here when
# missing, never by make test: mermaid-cli globally with PUPPETEER_SKIP_DOWNLOAD=1 and Debian's
# chromium, beautiful-mermaid under build/bench-node. Without them the section says SKIP and why.
MCORPUS="$ROOT/../shared/conformance/mermaid"
BMDIR="$ROOT/build/bench-node"

# mmdc_ready: mermaid-cli and a browser, installed if npm can; else prints why not.
mmdc_ready() {
    if ! command -v mmdc >/dev/null; then
        command -v npm >/dev/null || { echo "no mmdc and no npm"; return 1; }
        PUPPETEER_SKIP_DOWNLOAD=1 npm install -g @mermaid-js/mermaid-cli >"$OUT/npm-mmdc.log" 2>&1 \
            || { echo "npm install -g @mermaid-js/mermaid-cli failed: $(tail -n 1 "$OUT/npm-mmdc.log")"; return 1; }
    fi
    command -v chromium >/dev/null || sh tests/apt-install.sh chromium >/dev/null 2>&1 \
        || { echo "no chromium (apt-get install chromium failed)"; return 1; }
    command -v chromium >/dev/null || { echo "no chromium"; return 1; }
}

# bm_ready: beautiful-mermaid under $BMDIR, installed if npm can; else prints why not.
bm_ready() {
    command -v node >/dev/null || { echo "no node"; return 1; }
    [ -f "$BMDIR/node_modules/beautiful-mermaid/package.json" ] && return 0
    command -v npm >/dev/null || { echo "no npm to install beautiful-mermaid"; return 1; }
    npm install --prefix "$BMDIR" beautiful-mermaid >"$OUT/npm-bm.log" 2>&1 \
        || { echo "npm install beautiful-mermaid failed: $(tail -n 1 "$OUT/npm-bm.log")"; return 1; }
}

# us: the median of a measured case, in microseconds
us() { awk -F'\t' -v n="$1" '$1 == n {print $2}' "$OUT/results"; }

echo
if [ ! -d "$MCORPUS" ]; then
    echo "== Mermaid renderers: SKIP ($MCORPUS is absent)"
else
    # --- one Markdown page of every sequence and journey block ---
    mkdir -p "$OUT/page"
    for f in "$MCORPUS"/sequence/*.mmd "$MCORPUS"/journey/*.mmd; do
        printf '## %s\n\n```mermaid\n%s\n```\n\n' "${f#"$MCORPUS"/}" "$(cat "$f")"
    done > "$OUT/page/all.md"
    blocks=$(grep -c '^```mermaid' "$OUT/page/all.md")
    runs_before=$RUNS
    if why=$(mmdc_ready); then
        echo "== Markdown page of $blocks sequence and journey blocks: mermaid-cli $(mmdc --version 2>/dev/null) vs journeymap (SVG)"
        printf '{"args": ["--no-sandbox", "--disable-gpu"]}\n' > "$OUT/puppeteer.json"
        mkdir -p "$OUT/mmdc"
        RUNS=${MMDC_RUNS:-1}   # minutes a run: one timed run after the warm-up
        measure "mermaid-cli page of $blocks blocks" "$OUT/mmdc/out-1.svg" \
            env PUPPETEER_EXECUTABLE_PATH="$(command -v chromium)" \
            mmdc -q -p "$OUT/puppeteer.json" -i "$OUT/page/all.md" -o "$OUT/mmdc/out.md"
        RUNS=${DOCS_RUNS:-5}
        measure "journeymap page of $blocks blocks" "$OUT/jm/out-1.svg" "$JM" "$OUT/page/all.md" -o "$OUT/jm/out.md"
        ratio "journeymap page of $blocks blocks" "mermaid-cli page of $blocks blocks"
    else
        echo "== Markdown page, mermaid-cli: SKIP ($why)"
    fi
    RUNS=$runs_before

    # --- beautiful-mermaid per diagram: the sequence and flowchart files both draw ---
    if why=$(bm_ready); then
        for f in "$MCORPUS"/sequence/*.mmd "$MCORPUS"/flowchart/*.mmd; do
            "$JM" "$f" --check >/dev/null 2>&1 && echo "$f"   # journeymap refuses branching flowcharts
        done > "$OUT/bm-candidates"
        line=$(node tests/bench/beautiful-mermaid.mjs "$BMDIR" "$OUT/bm-candidates" "${BM_RUNS:-15}" "$OUT/bm-list" 2>"$OUT/bm.err")
        n=$(grep -c . "$OUT/bm-list" 2>/dev/null)
        if [ -z "$line" ] || [ "${n:-0}" -lt 2 ]; then
            echo "== beautiful-mermaid: FAILED ($(head -c 200 "$OUT/bm.err"))"
            BAD=1
        else
            bm=$(echo "$line" | sed 's/.*median_ms_per_diagram=//')
            bm_first=$(echo "$line" | sed -n 's/.*first_pass_ms_per_diagram=\([0-9.]*\).*/\1/p')
            echo "== per diagram, the $n sequence and flowchart files both draw ($line): beautiful-mermaid $(node -p "require('$BMDIR/node_modules/beautiful-mermaid/package.json').version") vs journeymap (SVG)"
            # journeymap's batch of the same files. (Ten copies of them as a "site" would flatter
            # us: the text service remembers every text it laid out, so the nine copies after the
            # first cost no shaping. A site's diagrams are all different.)
            cp "$OUT/bm-list" "$OUT/site-list"
            head -n 1 "$OUT/site-list" > "$OUT/bm-one"
            first=$(basename "$(head -n 1 "$OUT/site-list")" .mmd)
            last=$(tail -n 1 "$OUT/site-list")
            lastrel="$(basename "$(dirname "$last")")/$(basename "$last" .mmd).svg"
            # into a fresh folder every run (every file new): a script makes it, the batch fills
            # it, and a link names it for the check; the shell's start-up (~1 ms) is included
            printf '#!/bin/sh\nd=$(mktemp -d "%s/fresh.XXXXXX") && "$@" -O "$d" && ln -sfn "$d" "%s/fresh"\n' "$OUT" "$OUT" > "$OUT/fresh.sh"
            measure "journeymap batch of 1, new files" "$OUT/fresh/$first.svg" sh "$OUT/fresh.sh" "$JM" --batch "$OUT/bm-one" -T svg --jobs 1
            measure "journeymap batch of 1, unchanged" "$OUT/bm1/$first.svg" "$JM" --batch "$OUT/bm-one" -O "$OUT/bm1" -T svg --jobs 1
            for cores in 1 every; do
                jobs=(); [ "$cores" = 1 ] && jobs=(--jobs 1)
                measure "journeymap batch of $n, $cores core(s), new files" "$OUT/fresh/$lastrel" sh "$OUT/fresh.sh" "$JM" --batch "$OUT/site-list" -T svg "${jobs[@]}"
                measure "journeymap batch of $n, $cores core(s), unchanged" "$OUT/bmb/$lastrel" "$JM" --batch "$OUT/site-list" -O "$OUT/bmb" -T svg "${jobs[@]}"
            done
            # Warm, as beautiful-mermaid is measured (it draws every file once before it times
            # them): first the same files with their words in ROT13 (tests/bench/rot13.mjs: the
            # same letters and lengths, none of the texts, so the text service remembers none of
            # the 42's), then the 42. Per diagram = (both - the warm-up alone) / n: fonts, sizes
            # and shaping plans met before, every text new.
            node tests/bench/rot13.mjs "$OUT/site-list" "$OUT/rot13" 2>"$OUT/rot13.err" | while read -r f; do
                "$JM" "$f" --check >/dev/null 2>&1 && echo "$f"   # a copy that is no longer Mermaid is left out
            done > "$OUT/warm-list"
            cat "$OUT/warm-list" "$OUT/site-list" > "$OUT/warm-then-list"
            # where each batch writes its last file (-O keeps the inputs' paths below the folder
            # they all share): found after one run of each
            "$JM" --batch "$OUT/warm-list" -O "$OUT/bmw1" -T svg >/dev/null 2>&1
            "$JM" --batch "$OUT/warm-then-list" -O "$OUT/bmw2" -T svg >/dev/null 2>&1
            warm_last=$(find "$OUT/bmw1" -name "$(basename "$(tail -n 1 "$OUT/warm-list")" .mmd).svg" | head -n 1)
            then_last=$(find "$OUT/bmw2" -path "*/$lastrel" | head -n 1)
            for cores in 1 every; do
                jobs=(); [ "$cores" = 1 ] && jobs=(--jobs 1)
                measure_pair "journeymap warm-up of $(grep -c . "$OUT/warm-list"), $cores core(s)" "$warm_last" \
                    "journeymap warm-up then $n, $cores core(s)" "$then_last" \
                    "$JM" --batch "$OUT/warm-list" -O "$OUT/bmw1" -T svg "${jobs[@]}" -- \
                    "$JM" --batch "$OUT/warm-then-list" -O "$OUT/bmw2" -T svg "${jobs[@]}"
            done
            # each compared with its like: warm with beautiful-mermaid warm (its timed runs), the
            # first pass with its first pass (the pass that warms it up: its module cold)
            printf "  %-58s %9.3f ms\n" "beautiful-mermaid per diagram, warm (in process, one core, no files)" "$bm"
            for cores in 1 every; do
                w=$(us "journeymap warm-up of $(grep -c . "$OUT/warm-list"), $cores core(s)")
                both=$(us "journeymap warm-up then $n, $cores core(s)")
                [ -n "$w" ] && [ -n "$both" ] || continue
                awk -v a="$both" -v w="$w" -v n="$n" -v b="$bm" -v what="$cores core(s), unchanged, warm" 'BEGIN {
                    per = (a - w) / 1000 / n
                    printf "  %-58s %9.3f ms (%.1fx %s)\n", "journeymap per diagram, " what, per, per < b ? b / per : per / b, per < b ? "faster" : "slower" }'
            done
            printf "  %-58s %9.3f ms\n" "beautiful-mermaid per diagram, first pass" "${bm_first:-0}"
            [ -n "$bm_first" ] && bm=$bm_first
            for cores in 1 every; do
                for files in "new files" unchanged; do
                    one=$(us "journeymap batch of 1, $files")
                    all=$(us "journeymap batch of $n, $cores core(s), $files")
                    [ -n "$all" ] && [ -n "$one" ] || continue
                    awk -v a="$all" -v o="$one" -v n="$n" -v b="$bm" -v what="$cores core(s), $files" 'BEGIN {
                        whole = a / 1000 / n; marg = (a - o) / 1000 / (n - 1)
                        printf "  %-58s %9.3f ms (%.1fx %s)\n", "journeymap per diagram, " what ", whole / n", whole, whole < b ? b / whole : whole / b, whole < b ? "faster" : "slower"
                        printf "  %-58s %9.3f ms (%.1fx %s)\n", "journeymap per diagram, " what ", marginal", marg, marg < b ? b / marg : marg / b, marg < b ? "faster" : "slower" }'
                done
            done
        fi
    else
        echo "== beautiful-mermaid: SKIP ($why)"
    fi
fi
