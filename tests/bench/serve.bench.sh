# tests/bench/serve.bench.sh - `journeymap serve` under load, loopback only: requests per second
# and p50/p99 latency (hey) for the storyline SVG and PNG at 1, 2 and 8 concurrent clients, and a
# mixed run where one request in ten is hostile (a body over the limit, a runaway drawing stopped
# by the deadline, a deeply nested document, invalid YAML): the good requests' latency next to
# the clean run's, and the service still answering /health after it. Sourced by run.sh.
serve_bench() {
    command -v hey >/dev/null || sh tests/apt-install.sh hey >/dev/null 2>&1
    command -v hey >/dev/null || { echo "== serve: SKIP (no hey: apt-get install hey)"; return; }
    local log="$OUT/serve.log" url pid
    "$JM" serve --listen 127.0.0.1:0 --quiet --deadline 2 2> "$log" &
    pid=$!
    for _ in $(seq 100); do url=$(sed -n 's|.*listening on \(http://[^ ]*\)/ .*|\1|p' "$log"); [ -n "$url" ] && break; sleep 0.05; done
    [ -n "$url" ] || { echo "== serve: FAILED (did not start: $(head -c 200 "$log"))"; BAD=1; return; }
    local story=samples/seq-storyline.yaml n=${SERVE_REQUESTS:-400}
    hey_line() {   # NAME HEY-ARGS...: "NAME  R req/s  p50 X ms  p99 Y ms  (non-200: Z)"
        local name=$1; shift
        hey "$@" > "$OUT/hey.txt" 2>&1
        awk -v name="$name" '
            /Requests\/sec:/ { rps = $2 }
            /  50% in/ { p50 = $3 * 1000 } /  99% in/ { p99 = $3 * 1000 }
            /\[[0-9]+\][[:space:]]+[0-9]+ responses/ { gsub(/[\[\]]/, "", $1); if ($1 != 200) bad += $2 }
            END { printf "  %-40s %8.0f req/s   p50 %6.1f ms   p99 %6.1f ms   non-200: %d\n", name, rps, p50, p99, bad + 0 }' "$OUT/hey.txt"
    }
    echo "== serve: the storyline through journeymap serve ($(nproc) workers), $n requests each, loopback"
    for fmt in svg png; do
        for c in 1 2 8; do hey_line "$fmt, $c client(s)" -n "$n" -c "$c" -m POST -D "$story" "$url/journeymap/$fmt"; done
    done
    # hostile traffic at one request in ten beside 8 good clients
    awk 'BEGIN{print "title: h\nsequence:\n  participants: [{id: a}, {id: b}]\n  messages:"; for(i=0;i<20000;i++) print "    - \"a->>b: m" i "\""}' > "$OUT/runaway.yaml"
    head -c 2000000 /dev/zero | tr '\0' 'x' > "$OUT/huge.txt"
    python3 -c 'print("a: " + "[" * 5000 + "]" * 5000)' > "$OUT/nested.yaml"
    printf 'title: x\nstages: [\n' > "$OUT/invalid.yaml"
    touch "$OUT/hostile.on"
    ( i=0; while [ -e "$OUT/hostile.on" ]; do
        case $((i % 4)) in
            0) f=huge.txt ;; 1) f=runaway.yaml ;; 2) f=nested.yaml ;; *) f=invalid.yaml ;;
        esac
        curl -s -o /dev/null -m 5 --data-binary @"$OUT/$f" "$url/journeymap/png"; i=$((i + 1)); sleep 0.02
      done ) &
    local hpid=$!
    hey_line "svg, 8 clients, hostile traffic beside" -n "$n" -c 8 -m POST -D "$story" "$url/journeymap/svg"
    rm -f "$OUT/hostile.on"; wait $hpid
    local m; m=$(curl -s "$url/metrics")
    printf "  hostile requests: %s answered 4xx/5xx, %s stopped at the deadline, %s worker crashes; /health: %s\n" \
        "$(echo "$m" | sed -n 's/^journeymap_errors_total //p')" "$(echo "$m" | sed -n 's/^journeymap_timeouts_total //p')" \
        "$(echo "$m" | sed -n 's/^journeymap_worker_crashes_total //p')" "$(curl -s -o /dev/null -w '%{http_code}' "$url/health")"
    kill $pid; wait $pid 2>/dev/null
}
serve_bench
