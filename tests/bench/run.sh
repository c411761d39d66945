#!/usr/bin/env bash
# tests/bench/run.sh - median wall time and peak memory of journeymap against the peers Debian
# packages (Graphviz dot, mscgen, PlantUML), same machine, same run. `make bench` runs it.
# Each case runs RUNS times (default 15, after one warm-up); time is wall clock around the whole
# process (start-up included), memory is the peak resident set from /usr/bin/time.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
JM=${JM:-$ROOT/build/journeymap}
RUNS=${RUNS:-15}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

need=""
command -v dot >/dev/null || need="$need graphviz"
command -v mscgen >/dev/null || need="$need mscgen"
command -v plantuml >/dev/null || need="$need plantuml"
[ -x /usr/bin/time ] || need="$need time"
[ -n "$need" ] && sh tests/apt-install.sh $need

# measure NAME CMD...: prints "NAME median_ms peak_MiB"
measure() {
    local name=$1; shift
    "$@" >/dev/null 2>&1 || { echo "$name: command failed: $*" >&2; return; }
    local times=() peak=0
    for _ in $(seq "$RUNS"); do
        local t0 t1 kb
        t0=$(date +%s%N)
        /usr/bin/time -f %M -o "$OUT/mem" "$@" >/dev/null 2>&1
        t1=$(date +%s%N)
        times+=($(( (t1 - t0) / 1000 )))
        kb=$(tail -n 1 "$OUT/mem"); [ "$kb" -gt "$peak" ] && peak=$kb
    done
    local med
    med=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
    awk -v n="$name" -v t="$med" -v m="$peak" 'BEGIN { printf "%-44s %9.1f ms %8.1f MiB\n", n, t / 1000, m / 1024 }'
    printf '%s\t%s\t%s\n' "$name" "$med" "$peak" >> "$OUT/results"
}

ratio() { # ratio OURS PEER: how many times faster ours is
    local a b
    a=$(awk -F'\t' -v n="$1" '$1 == n {print $2}' "$OUT/results"); b=$(awk -F'\t' -v n="$2" '$1 == n {print $2}' "$OUT/results")
    [ -n "$a" ] && [ -n "$b" ] && awk -v o="$1" -v p="$2" -v a="$a" -v b="$b" 'BEGIN { printf "  %-40s takes %.2f of the time of %s (%.1fx %s)\n", o, a / b, p, a < b ? b / a : a / b, a < b ? "faster" : "slower" }'
}

echo "journeymap benchmark: $RUNS runs each, median wall time (start-up included), peak RSS"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo

echo "== funnel (samples/customer-journeys.yaml; Graphviz draws the same five stages and eight cards)"
for fmt in png svg pdf; do
    measure "journeymap funnel $fmt" "$JM" samples/customer-journeys.yaml --view funnel -o "$OUT/f.$fmt"
done
measure "dot funnel png" dot -Tpng tests/bench/funnel.dot -o "$OUT/dot.png"
measure "dot funnel svg" dot -Tsvg tests/bench/funnel.dot -o "$OUT/dot.svg"
ratio "journeymap funnel png" "dot funnel png"
ratio "journeymap funnel svg" "dot funnel svg"

# Further sections (sequence, emotions, map) are added by their issues below this line.
for extra in tests/bench/*.bench.sh; do [ -f "$extra" ] && source "$extra"; done
