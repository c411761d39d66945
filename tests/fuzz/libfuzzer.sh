#!/usr/bin/env bash
# tests/fuzz/libfuzzer.sh - runs the libFuzzer target (build-fuzz/fuzz_journey, `make fuzz`) on one
# core for FUZZ_SECONDS, then prints the figures the README records: executions, time, coverage.
# New inputs go to build-fuzz/corpus (not kept); crashers to tests/fuzz/crashers (kept: make test
# replays them). The whole log is build-fuzz/fuzz.log. Exits with libFuzzer's status.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
secs=${FUZZ_SECONDS:-60}
pin=""
command -v taskset >/dev/null && pin="taskset -c ${FUZZ_CPU:-0}"   # one core, also for the PNG threads
mkdir -p build-fuzz/corpus tests/fuzz/crashers
log=build-fuzz/fuzz.log
start=$SECONDS
# --check-layout's counts are dropped; NEW/REDUCE lines are many and go only to the log
# G_SLICE=always-malloc: no per-thread slice caches, which LeakSanitizer may catch half freed when
# a PNG writer's worker thread ends (a false leak of 2032 bytes from g_malloc0, seen once)
G_SLICE=always-malloc LSAN_OPTIONS=suppressions=tests/fuzz/lsan.supp:print_suppressions=0 ROOT=$ROOT $pin build-fuzz/fuzz_journey -max_total_time="$secs" -max_len=16384 -timeout=10 -rss_limit_mb=1024 \
    -print_final_stats=1 -dict=tests/fuzz/journey.dict -artifact_prefix=tests/fuzz/crashers/ \
    build-fuzz/corpus samples tests/hostile tests/fuzz/crashers 2>&1 |
    grep --line-buffered -vE ': [0-9]+ layout defects?$' | tee "$log" | grep -vE '^#[0-9]+.*(NEW|REDUCE) '
rc=${PIPESTATUS[0]}
secs=$((SECONDS - start))

# "INFO: Loaded 1 modules (N inline 8-bit counters)": N edges instrumented (journeymap and the
# harness, not the libraries). The last "cov: X ft: Y" line: X edges reached, Y features (edges
# with hit-count buckets and other signals; it keeps growing after X levels off).
edges=$(sed -nE 's/.*\(([0-9]+) inline 8-bit counters\).*/\1/p' "$log" | head -n 1)
last=$(grep -E '^#[0-9]+' "$log" | grep 'cov: ' | tail -n 1)
cov=$(echo "$last" | sed -nE 's/.*cov: ([0-9]+).*/\1/p')
ft=$(echo "$last" | sed -nE 's/.*ft: ([0-9]+).*/\1/p')
corp=$(echo "$last" | sed -nE 's/.*corp: ([0-9]+).*/\1/p')
execs=$(sed -nE 's/^stat::number_of_executed_units: +([0-9]+)/\1/p' "$log")
rate=$(sed -nE 's/^stat::average_exec_per_sec: +([0-9]+)/\1/p' "$log")
rss=$(sed -nE 's/^stat::peak_rss_mb: +([0-9]+)/\1/p' "$log")
pct=$(awk -v c="${cov:-0}" -v e="${edges:-0}" 'BEGIN { if (e > 0) printf "%.1f", 100 * c / e; else print "?" }')
echo "fuzz: ${execs:-?} executions in ${secs} s (${rate:-?}/s) on one core; cov ${cov:-?} of ${edges:-?} edges (${pct} %), ft ${ft:-?}; corpus ${corp:-?}; peak RSS ${rss:-?} MB; libFuzzer exit $rc"
exit "$rc"
