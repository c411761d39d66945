#!/usr/bin/env bash
# tests/run.sh - runs every test: unit programs (build/tests/test_*) and shell tests
# (tests/cli/*.sh), as parallel jobs, JM_JOBS at a time (default: the number of CPUs).
# A shell test whose header has a line "# shards: N" runs as N jobs, each doing its share of the
# script's loops (see shard and first_shard in tests/lib.sh).
# Prints, in a fixed order, each program's or script's output and its summary line
# ("NAME: N passed, M failed[, K skipped]"), then the total "N passed, M failed, K skipped" as the
# last line; exits non-zero when anything failed.
# Usage: tests/run.sh [tests/cli/NAME.sh | test_NAME ...]   (default: all of them)
# JM_BUILD picks the build folder (build, build-asan); JM_UPDATE=1 regenerates reference files.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
BUILD=${JM_BUILD:-build}
export JM="$ROOT/$BUILD/journeymap" ROOT BUILD
export JM_SANITIZED=${JM_SANITIZED:-}
export JM_UPDATE=${JM_UPDATE:-}
WORKERS=${JM_JOBS:-$(nproc 2>/dev/null || echo 2)}
# tests/out: diffs and the review page of reference failures, fresh for every run
rm -rf tests/out && mkdir -p tests/out
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# --- what to run: groups (a program or a script, reported as one) made of jobs ---
units=() scripts=()
if [ $# -eq 0 ]; then
    for t in "$BUILD"/tests/test_*; do [ -x "$t" ] && units+=("$t"); done
    for s in tests/cli/*.sh; do [ -f "$s" ] && scripts+=("$s"); done
else
    for a in "$@"; do
        case $a in
            *.sh) scripts+=("tests/cli/$(basename "$a")") ;;
            *) units+=("$BUILD/tests/$(basename "$a")") ;;
        esac
    done
fi
group_name=() group_jobs=()   # per group: its name, its job numbers
job_kind=() job_file=() job_shard=() job_shards=()
add_job() { # add_job GROUP KIND FILE SHARD SHARDS
    local j=${#job_kind[@]}
    job_kind+=("$2"); job_file+=("$3"); job_shard+=("$4"); job_shards+=("$5")
    group_jobs[$1]="${group_jobs[$1]:-} $j"
}
for t in "${units[@]}"; do
    g=${#group_name[@]}; group_name+=("$(basename "$t")"); add_job "$g" unit "$t" 0 1
done
for s in "${scripts[@]}"; do
    g=${#group_name[@]}; group_name+=("$(basename "$s")")
    n=$(sed -n 's/^# shards: *\([0-9][0-9]*\).*/\1/p' "$s" | head -n 1)
    for ((k = 0; k < ${n:-1}; k++)); do add_job "$g" cli "$s" "$k" "${n:-1}"; done
done

# --- one job: its output in $WORK/J/log, its checks in $WORK/J/results, done when $WORK/J/rc exists ---
run_job() {
    local j=$1 dir=$WORK/$1 start=${EPOCHREALTIME//[!0-9]/}
    mkdir -p "$dir/tmp"
    if [ "${job_kind[$j]}" = unit ]; then
        "${job_file[$j]}" > "$dir/log" 2>&1
        echo $? > "$dir/exit"
    else
        : > "$dir/results"
        ( export T=$dir/tmp JM_RESULTS=$dir/results JM_REVIEW=$dir/review.html \
                 JM_SHARD=${job_shard[$j]} JM_SHARDS=${job_shards[$j]}
          cd "$T" && source "$ROOT/tests/lib.sh" && { source "$ROOT/${job_file[$j]}"; : > "$dir/completed"; } ) > "$dir/log" 2>&1
        rm -rf "$dir/tmp"
    fi
    local us=$((${EPOCHREALTIME//[!0-9]/} - start)) cpu=0 t
    times > "$dir/cpu"   # not in $(...): a forked shell counts no children
    for t in $(tail -n 1 "$dir/cpu"); do   # the job's processes: "1m2.345s 0m0.678s" (user, system)
        local ms=${t#*m}; ms=${ms//[!0-9]/}; cpu=$((cpu + ${t%%m*} * 60000 + 10#$ms))
    done
    printf '%d.%02d s wall %d.%02d s cpu %s %s/%s\n' $((us / 1000000)) $((us % 1000000 / 10000)) \
        $((cpu / 1000)) $((cpu % 1000 / 10)) "${job_file[$j]}" "$((job_shard[$j] + 1))" "${job_shards[$j]}" > "$dir/time"
    : > "$dir/rc"
}

# --- reporting a group, once all its jobs are done ---
passed=0 failed=0 skipped=0
count() { grep -c "^$1" "$2" 2>/dev/null; }
report() {
    local g=$1 p=0 f=0 k=0 j dir
    for j in ${group_jobs[$g]}; do
        dir=$WORK/$j
        cat "$dir/time" >> tests/out/jobs.txt
        if [ "${job_kind[$j]}" = unit ]; then
            local rc line
            rc=$(cat "$dir/exit")
            line=$(grep -E '^[^ ]*: [0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?$' "$dir/log" | tail -n 1)
            if [ -z "$line" ]; then
                echo "FAIL ${group_name[$g]}: no result line (exit $rc)"; tail -n 20 "$dir/log"
                f=$((f + 1)); continue
            fi
            read -r p f k < <(echo "$line" | sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed(, ([0-9]+) skipped)?$/\1 \2 \4/')
            k=${k:-0}
            if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; echo "FAIL ${group_name[$g]}: exit $rc"; fi
            grep -E '^SKIP' "$dir/log"
            [ "$f" -gt 0 ] && grep -E '^(FAIL|==|[^ ]*(Sanitizer|runtime error))' "$dir/log" | head -n 30
        else
            cat "$dir/log"
            if [ ! -e "$dir/completed" ]; then
                echo "FAIL ${group_name[$g]}: stopped before its end (job $((job_shard[$j] + 1)) of ${job_shards[$j]})"
                f=$((f + 1))
            fi
            p=$((p + $(count PASS "$dir/results"))); f=$((f + $(count FAIL "$dir/results")))
            k=$((k + $(count SKIP "$dir/results")))
            [ -f "$dir/review.html" ] && cat "$dir/review.html" >> tests/out/review.html
        fi
    done
    echo "${group_name[$g]}: $p passed, $f failed$([ "$k" -gt 0 ] && echo ", $k skipped")"
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + k))
}
next_group=0
report_finished() { # reports, in order, every group whose jobs and earlier groups' jobs are done
    local j
    while [ "$next_group" -lt "${#group_name[@]}" ]; do
        for j in ${group_jobs[$next_group]}; do [ -e "$WORK/$j/rc" ] || return 0; done
        report "$next_group"; next_group=$((next_group + 1))
    done
}

echo "<!doctype html><title>journeymap reference failures</title><body><h1>Reference failures</h1>" > tests/out/review.html
: > tests/out/jobs.txt
# Longest first, by the CPU time each job took last time ($BUILD/tests/job-times, from
# tests/out/jobs.txt); jobs not timed yet first of all, shell scripts before unit programs.
order=()
for ((j = 0; j < ${#job_kind[@]}; j++)); do
    key="${job_file[$j]} $((job_shard[$j] + 1))/${job_shards[$j]}"
    cpu=$(awk -v k="$key" '$7 " " $8 == k { print $4; exit }' "$BUILD/tests/job-times" 2>/dev/null)
    printf '%s %d %d\n' "${cpu:-1000}" "$([ "${job_kind[$j]}" = cli ] && echo 1 || echo 0)" "$j"
done > "$WORK/order"
order=($(sort -k1,1gr -k2,2nr -k3,3n "$WORK/order" | awk '{ print $3 }'))
running=0
for j in "${order[@]}"; do
    while [ "$running" -ge "$WORKERS" ]; do wait -n; running=$((running - 1)); report_finished; done
    run_job "$j" &
    running=$((running + 1))
done
wait
report_finished
# this run's times, and the last known ones of the jobs it did not run
cat tests/out/jobs.txt "$BUILD/tests/job-times" 2>/dev/null | awk '!seen[$7 " " $8]++' > "$WORK/times" \
    && cp "$WORK/times" "$BUILD/tests/job-times" 2>/dev/null

grep -q '<h2>' tests/out/review.html && echo "reference image failures: open tests/out/review.html" >&2
echo "$((passed + failed + skipped)) checks in ${#job_kind[@]} jobs, $WORKERS at a time (time per job: tests/out/jobs.txt)"
echo
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
