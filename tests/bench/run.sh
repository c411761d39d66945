#!/usr/bin/env bash
# tests/bench/run.sh - median wall time and peak memory of journeymap against the peers Debian
# packages (Graphviz dot, mscgen, PlantUML), same machine, same run. `make bench` runs it.
# Each case runs RUNS times (default 15, after one warm-up); time is wall clock around the whole
# process (start-up included), memory is the peak resident set from /usr/bin/time. Every run, ours
# and the peers', must exit 0 and leave a non-empty image that decodes (PNG: tests/pnginfo reads
# every row; SVG: xmllint; PDF: pdfinfo), or the case prints FAILED and the bench exits 1: a
# timing of an error message or of an empty diagram is no figure.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
JM=${JM:-$ROOT/build/journeymap}
PNGINFO=${PNGINFO:-$ROOT/build/tests/pnginfo}
RUNS=${RUNS:-15}
BAD=0
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

need=""
command -v dot >/dev/null || need="$need graphviz"
command -v mscgen >/dev/null || need="$need mscgen"
command -v plantuml >/dev/null || need="$need plantuml"
[ -x /usr/bin/time ] || need="$need time"
command -v xmllint >/dev/null || need="$need libxml2-utils"
command -v pdfinfo >/dev/null || need="$need poppler-utils"
[ -n "$need" ] && sh tests/apt-install.sh $need
[ -x "$PNGINFO" ] || { echo "no $PNGINFO: run make bench (it builds the tests' PNG reader)" >&2; exit 1; }

# decodes FILE: a non-empty image of its extension's kind that reads to the end; else says why
decodes() {
    [ -s "$1" ] || { echo "no output, or an empty file"; return 1; }
    local msg
    case $1 in
        *.png) msg=$("$PNGINFO" "$1" 2>&1 >/dev/null) ;;
        *.svg) msg=$(xmllint --noout "$1" 2>&1) ;;
        *.pdf) msg=$(pdfinfo "$1" 2>&1 >/dev/null) ;;
        *) msg="not a PNG, SVG or PDF name"; false ;;
    esac || { echo "does not decode: ${msg:0:200}"; return 1; }
}

# run_once OUTPUT CMD...: one run of CMD, which writes the image OUTPUT; sets US (wall time,
# microseconds) and KB (peak memory), or WHY (it failed: exit status, or OUTPUT does not decode).
run_once() {
    local output=$1; shift
    local t0 t1 rc
    rm -f "$output"
    t0=$(date +%s%N)
    /usr/bin/time -f %M -o "$OUT/mem" "$@" >/dev/null 2>"$OUT/err"; rc=$?
    t1=$(date +%s%N)
    US=$(( (t1 - t0) / 1000 )); KB=$(tail -n 1 "$OUT/mem"); WHY=""
    if [ "$rc" != 0 ]; then WHY="exit $rc: $(head -c 200 "$OUT/err")"
    elif WHY=$(decodes "$output"); then WHY=""; fi
}

# failed NAME RUN WHY CMD...: a case that cannot be timed, and why (the bench then exits 1).
failed() {
    local name=$1 run=$2 why=$3; shift 3
    printf '%-44s FAILED (run %s): %s\n    command: %s\n' "$name" "$run" "$why" "$*"
    BAD=1
}

# record NAME TIMES PEAK: prints "NAME median_ms peak_MiB" and keeps the median for ratio. A case
# measured again (lib.bench.sh measures the storyline when sequence.bench.sh has not yet)
# replaces its earlier figure: a ratio reads one line per name.
record() {
    local name=$1 times=$2 peak=$3 med
    med=$(printf '%s\n' $times | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
    awk -v n="$name" -v t="$med" -v m="$peak" 'BEGIN { printf "%-44s %9.1f ms %8.1f MiB\n", n, t / 1000, m / 1024 }'
    awk -F'\t' -v n="$name" '$1 != n' "$OUT/results" > "$OUT/results.new" 2>/dev/null; mv "$OUT/results.new" "$OUT/results"
    printf '%s\t%s\t%s\n' "$name" "$med" "$peak" >> "$OUT/results"
}

# measure NAME OUTPUT CMD...: runs CMD (which writes the image OUTPUT) once to warm up and RUNS
# times timed, checking after each run (untimed) that it exited 0 and OUTPUT decodes; prints
# "NAME median_ms peak_MiB", or FAILED with the reason.
measure() {
    local name=$1 output=$2; shift 2
    local times="" peak=0 run
    for run in $(seq 0 "$RUNS"); do
        run_once "$output" "$@"
        [ -z "$WHY" ] || { failed "$name" "$run" "$WHY" "$@"; return; }
        [ "$run" = 0 ] && continue   # the warm-up
        times="$times $US"; [ "$KB" -gt "$peak" ] && peak=$KB
    done
    record "$name" "$times" "$peak"
}

# measure_pair NAME_A OUTPUT_A NAME_B OUTPUT_B CMD_A... -- CMD_B...: as measure, for two
# commands run in turn (A B A B ...), so that the machine's speed drifting during the case
# reaches both alike: what a ratio of the two needs (measured one after the other, a funnel's
# ratio to dot's moved from 0.95 to 1.03 between two runs of the bench).
measure_pair() {
    local na=$1 oa=$2 nb=$3 ob=$4; shift 4
    local a=() b=() ta="" tb="" pa=0 pb=0 run
    while [ $# -gt 0 ] && [ "$1" != -- ]; do a+=("$1"); shift; done
    shift
    b=("$@")
    for run in $(seq 0 "$RUNS"); do
        run_once "$oa" "${a[@]}"
        [ -z "$WHY" ] || { failed "$na" "$run" "$WHY" "${a[@]}"; return; }
        [ "$run" = 0 ] || { ta="$ta $US"; [ "$KB" -gt "$pa" ] && pa=$KB; }
        run_once "$ob" "${b[@]}"
        [ -z "$WHY" ] || { failed "$nb" "$run" "$WHY" "${b[@]}"; return; }
        [ "$run" = 0 ] || { tb="$tb $US"; [ "$KB" -gt "$pb" ] && pb=$KB; }
    done
    record "$na" "$ta" "$pa"
    record "$nb" "$tb" "$pb"
}

ratio() { # ratio OURS PEER [GOAL]: the share of the peer's time ours takes, and the goal for it
    local a b
    a=$(awk -F'\t' -v n="$1" '$1 == n {print $2}' "$OUT/results"); b=$(awk -F'\t' -v n="$2" '$1 == n {print $2}' "$OUT/results")
    [ -n "$a" ] && [ -n "$b" ] || { echo "  $1 / $2: no ratio (a case failed)"; return; }
    awk -v o="$1" -v p="$2" -v a="$a" -v b="$b" -v g="${3:-}" 'BEGIN {
        printf "  %-40s takes %.2f of the time of %s (%.1fx %s)", o, a / b, p, a < b ? b / a : a / b, a < b ? "faster" : "slower"
        if (g != "") printf "; goal <= %s: %s", g, a / b <= g + 0 ? "met" : "NOT MET"
        printf "\n" }'
}

echo "journeymap benchmark: $RUNS runs each, median wall time (start-up included), peak RSS"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo

echo "== funnel (samples/customer-journeys.yaml; Graphviz draws the same five stages and eight cards)"
for fmt in png svg pdf; do
    measure_pair "journeymap funnel $fmt" "$OUT/f.$fmt" "dot funnel $fmt" "$OUT/dot.$fmt" \
        "$JM" samples/customer-journeys.yaml --view funnel -o "$OUT/f.$fmt" -- dot -T$fmt tests/bench/funnel.dot -o "$OUT/dot.$fmt"
done
for fmt in png svg pdf; do ratio "journeymap funnel $fmt" "dot funnel $fmt" 1.0; done

# Further sections (sequence, emotions, map) are added by their issues below this line.
for extra in tests/bench/*.bench.sh; do [ -f "$extra" ] && source "$extra"; done
[ "$BAD" = 0 ] || { echo; echo "some cases FAILED: their figures are missing above"; exit 1; }
