# tests/cli/serve.sh - `journeymap serve`, Kroki's API on a loopback port: every sample and the
# Mermaid conformance corpus through POST (text and JSON) and GET (deflate + base64url), the bytes
# compared with the CLI's; options from the query, JSON and Kroki-Diagram-Options-* headers; ETag
# and 304; the error answers (400 at line:col, 404, 413, 422); the limits (a deadline that stops a
# runaway drawing, a full queue answering 503, a crashed worker failing its request only); no
# file outside the allowed folder; /health and /metrics.
if ! command -v curl >/dev/null; then skip "serve" "curl is not installed (make deps installs it)"; return 0; fi
S="$ROOT/samples" MCORPUS="$ROOT/../shared/conformance/mermaid"

# start_server LOG ARGS...: starts it on a free loopback port; sets URL (and SPID), or fails
start_server() {
    local log=$1; shift
    "$JM" serve --listen 127.0.0.1:0 "$@" 2> "$log" &
    SPID=$!
    URL=
    for _ in $(seq 100); do
        URL=$(sed -n 's|.*listening on \(http://[^ ]*\)/ .*|\1|p' "$log")
        [ -n "$URL" ] && return 0
        sleep 0.05
    done
    return 1
}
stop_server() { kill "$SPID" 2>/dev/null; wait "$SPID" 2>/dev/null; }
# code OUT ARGS...: the status of a curl request (body in OUT)
code() { local out=$1; shift; curl -s -o "$out" -w '%{http_code}' "$@"; }
kroki() { python3 -c "import zlib,base64,sys;print(base64.urlsafe_b64encode(zlib.compress(open(sys.argv[1],'rb').read(),9)).decode())" "$1"; }

awk 'BEGIN{print "title: h\nsequence:\n  participants: [{id: a}, {id: b}]\n  messages:"; for(i=0;i<3000;i++) print "    - \"a->>b: m" i "\""}' > "$T/huge.yaml"
if ! start_server "$T/serve.log" --jobs 2 --allow-images "$S"; then fail "serve: starts" "$(cat "$T/serve.log")"; stop_server; return 0; fi
pass "serve: listens on a loopback port ($URL)"

# every sample through POST, as the CLI draws it
n=0 bad=""
for f in "$S"/*.yaml "$S"/*.mmd; do
    case "$(basename "$f")" in style-*) continue ;; esac
    type=journeymap
    case "$f" in *.mmd) type=mermaid ;; esac
    "$JM" "$f" -T svg -o "$T/cli.svg" 2>/dev/null || continue
    c=$(code "$T/srv.svg" --data-binary @"$f" -H 'Content-Type: text/plain' "$URL/$type/svg")
    if [ "$c" = 200 ] && cmp -s "$T/cli.svg" "$T/srv.svg"; then n=$((n + 1)); else bad="$bad $(basename "$f"):post:$c"; fi
    python3 -c "import json,sys;print(json.dumps({'diagram_source': open(sys.argv[1]).read()}))" "$f" > "$T/req.json"
    c=$(code "$T/srv.svg" -H 'Content-Type: application/json' --data-binary @"$T/req.json" "$URL/$type/svg")
    if [ "$c" = 200 ] && cmp -s "$T/cli.svg" "$T/srv.svg"; then n=$((n + 1)); else bad="$bad $(basename "$f"):json:$c"; fi
    c=$(code "$T/srv.svg" "$URL/$type/svg/$(kroki "$f")")
    if [ "$c" = 200 ] && cmp -s "$T/cli.svg" "$T/srv.svg"; then n=$((n + 1)); else bad="$bad $(basename "$f"):get:$c"; fi
done
[ -z "$bad" ] && pass "serve: every sample by POST, JSON and GET ($n requests), the CLI's bytes" || fail "serve: samples by POST, JSON and GET" "$bad"

# the conformance corpus by GET, as Kroki's clients send it
if [ -d "$MCORPUS" ]; then
    n=0 bad=""
    for f in "$MCORPUS"/sequence/*.mmd "$MCORPUS"/journey/*.mmd; do
        "$JM" "$f" -T svg -o "$T/cli.svg" 2>/dev/null || continue
        c=$(code "$T/srv.svg" "$URL/mermaid/svg/$(kroki "$f")")
        if [ "$c" = 200 ] && cmp -s "$T/cli.svg" "$T/srv.svg"; then n=$((n + 1)); else bad="$bad $(basename "$f"):get:$c"; fi
        c=$(code "$T/srv.svg" --data-binary @"$f" "$URL/mermaid/svg")
        if [ "$c" = 200 ] && cmp -s "$T/cli.svg" "$T/srv.svg"; then n=$((n + 1)); else bad="$bad $(basename "$f"):post:$c"; fi
    done
    [ -z "$bad" ] && [ "$n" -gt 80 ] && pass "serve: the conformance diagrams by GET and POST ($n requests), the CLI's bytes" || fail "serve: corpus by GET and POST" "$n; $bad"
else skip "serve: the conformance corpus by GET" "no shared/conformance beside the repository"; fi

# each format, options three ways
STORY="$S/seq-storyline.yaml" PETRA="$S/petra-catena-x.yaml"
for fmt in png pdf; do
    "$JM" "$STORY" -T $fmt -o "$T/cli.$fmt" 2>/dev/null
    c=$(code "$T/srv.$fmt" --data-binary @"$STORY" "$URL/journeymap/$fmt")
    [ "$c" = 200 ] && cmp -s "$T/cli.$fmt" "$T/srv.$fmt" && pass "serve: $fmt, the CLI's bytes" || fail "serve: $fmt" "$c"
done
"$JM" "$PETRA" --view emotions --style dark -T svg -o "$T/want.svg" 2>/dev/null
python3 -c "import json,sys;print(json.dumps({'diagram_source': open(sys.argv[1]).read(), 'diagram_options': {'view': 'emotions', 'style': 'dark'}}))" "$PETRA" > "$T/req.json"
c=$(code "$T/got.svg" -H 'Content-Type: application/json' --data-binary @"$T/req.json" "$URL/journeymap/svg")
[ "$c" = 200 ] && cmp -s "$T/want.svg" "$T/got.svg" && pass "serve: Kroki's JSON body with diagram_options" || fail "serve: JSON body" "$c"
c=$(code "$T/got.svg" --data-binary @"$PETRA" "$URL/journeymap/svg?view=emotions&style=dark")
[ "$c" = 200 ] && cmp -s "$T/want.svg" "$T/got.svg" && pass "serve: options in the query" || fail "serve: query options" "$c"
c=$(code "$T/got.svg" -H 'Kroki-Diagram-Options-View: emotions' -H 'Kroki-Diagram-Options-Style: dark' --data-binary @"$PETRA" "$URL/journeymap/svg")
[ "$c" = 200 ] && cmp -s "$T/want.svg" "$T/got.svg" && pass "serve: options as Kroki-Diagram-Options-* headers" || fail "serve: header options" "$c"
python3 -c "import json,sys;print(json.dumps({'diagram_source': open(sys.argv[1]).read(), 'diagram_type': 'journeymap', 'output_format': 'svg', 'diagram_options': {'view': 'emotions', 'style': 'dark'}}))" "$PETRA" > "$T/req2.json"
c=$(code "$T/got.svg" -H 'Content-Type: application/json' --data-binary @"$T/req2.json" "$URL/")
[ "$c" = 200 ] && cmp -s "$T/want.svg" "$T/got.svg" && pass "serve: POST / with diagram_type and output_format" || fail "serve: POST /" "$c"

# caching: an ETag from the bytes, 304 when the client has them
etag=$(curl -s -D - -o /dev/null "$URL/journeymap/svg/$(kroki "$STORY")" | sed -n 's/^ETag: *\(.*\)\r$/\1/Ip')
cache=$(curl -s -D - -o /dev/null "$URL/journeymap/svg/$(kroki "$STORY")" | grep -i '^Cache-Control:' | tr -d '\r')
c=$(code "$T/x" -H "If-None-Match: $etag" "$URL/journeymap/svg/$(kroki "$STORY")")
[ -n "$etag" ] && [ "$c" = 304 ] && pass "serve: ETag $etag, 304 when the client has it" || fail "serve: ETag and 304" "etag '$etag', $c"
case "$cache" in *max-age=*) pass "serve: Cache-Control lets a CDN keep it ($cache)" ;; *) fail "serve: Cache-Control" "$cache" ;; esac

# errors
printf 'title: x\nstages: [\n' > "$T/bad.yaml"
c=$(code "$T/err" --data-binary @"$T/bad.yaml" "$URL/journeymap/svg")
[ "$c" = 400 ] && grep -Eq '^request:[0-9]+:[0-9]+: error' "$T/err" && pass "serve: bad input is 400 with line:col" || fail "serve: 400 at line:col" "$c $(head -c 200 "$T/err")"
c=$(code "$T/err" --data-binary @"$STORY" "$URL/plantuml/svg")
[ "$c" = 404 ] && pass "serve: another diagram type is 404" || fail "serve: 404" "$c"
c=$(code "$T/err" --data-binary @"$STORY" "$URL/journeymap/gif")
[ "$c" = 400 ] && pass "serve: an unknown format is 400" || fail "serve: unknown format" "$c"
c=$(code "$T/err" --data-binary @"$STORY" "$URL/journeymap/svg?view=funnel")
[ "$c" = 422 ] && grep -q "cannot be drawn as the funnel view" "$T/err" && pass "serve: a view the source cannot draw is 422" || fail "serve: 422" "$c $(head -c 200 "$T/err")"
c=$(code "$T/err" --data-binary @"$STORY" "$URL/journeymap/svg?style=/etc/passwd")
[ "$c" = 400 ] && pass "serve: a style file is refused (built-in styles only)" || fail "serve: style file refused" "$c"
head -c 1100000 /dev/zero | tr '\0' 'a' > "$T/big"
c=$(code "$T/err" --data-binary @"$T/big" "$URL/journeymap/svg")
[ "$c" = 413 ] && pass "serve: a body over the limit is 413" || fail "serve: 413" "$c"
c=$(code "$T/err" "$URL/journeymap/svg/not-deflate")
[ "$c" = 400 ] && pass "serve: a GET source that is not deflate+base64url is 400" || fail "serve: bad GET encoding" "$c"
# Kroki's documentation's own example request (GraphViz "digraph G {Hello->World}"): decoded as
# Kroki decodes it, then refused as no journey
c=$(code "$T/err" "$URL/mermaid/svg/eNpLyUwvSizIUHBXqPZIzcnJ17ULzy_KSanlAgB1EAjQ")
[ "$c" = 400 ] && grep -q 'digraph G {Hello->World}' "$T/err" && pass "serve: Kroki's documented GET example decodes to its source" \
    || fail "serve: Kroki's documented example" "$c $(head -c 300 "$T/err")"
# no file of this machine: a persona picture outside the allowed folder
printf 'title: x\npersona:\n  name: P\n  image: /usr/share/pixmaps/debian-logo.png\nstages:\n  - name: A\n' > "$T/img.yaml"
c=$(code "$T/err" --data-binary @"$T/img.yaml" "$URL/journeymap/svg?view=map")
[ "$c" = 400 ] && grep -q "outside the folder" "$T/err" && pass "serve: a picture outside the allowed folder is refused" || fail "serve: picture refused" "$c $(head -c 200 "$T/err")"
c=$(code "$T/h" "$URL/health")
[ "$c" = 200 ] && pass "serve: /health" || fail "serve: /health" "$c"
curl -s "$URL/metrics" > "$T/metrics"
req=$(sed -n 's/^journeymap_requests_total //p' "$T/metrics")
[ "${req:-0}" -gt 60 ] && grep -q '^journeymap_render_seconds_count [1-9]' "$T/metrics" && pass "serve: /metrics counts requests ($req) and render time" \
    || fail "serve: /metrics" "$(head -c 300 "$T/metrics")"
grep -q "^POST /journeymap/svg 200" "$T/serve.log" && pass "serve: says what it does on stderr, a line a request" || fail "serve: log lines" "$(tail -3 "$T/serve.log")"
c=$(code "$T/err" --data-binary @"$T/huge.yaml" "$URL/journeymap/png")
[ "$c" = 400 ] && grep -q "px a side" "$T/err" && pass "serve: a drawing over --max-side is 400 before it is drawn" || fail "serve: max-side" "$c $(head -c 200 "$T/err")"
stop_server

# limits: a deadline stops a runaway drawing; the next request is answered
if start_server "$T/s2.log" --jobs 1 --deadline 0.2 --queue 0 --max-side 1000000; then
    c=$(code "$T/err" --data-binary @"$T/huge.yaml" "$URL/journeymap/png")
    [ "$c" = 503 ] && grep -q "longer than" "$T/err" && pass "serve: a drawing past the deadline is stopped (503)" || fail "serve: deadline" "$c $(head -c 200 "$T/err")"
    c=$(code "$T/ok.svg" --data-binary @"$STORY" "$URL/journeymap/svg")
    [ "$c" = 200 ] && pass "serve: and the next request is drawn" || fail "serve: after a timeout" "$c"
    # a full queue: one drawing in hand, no room to wait
    curl -s -o /dev/null --data-binary @"$T/huge.yaml" "$URL/journeymap/png" &
    cpid=$!
    sleep 0.05
    c=$(code "$T/err" --data-binary @"$STORY" "$URL/journeymap/svg")
    wait $cpid
    [ "$c" = 503 ] && grep -q saturated "$T/err" && pass "serve: saturated: 503 at once" || fail "serve: saturation 503" "$c"
    # a worker that dies fails its own request only
    curl -s -o "$T/err" -w '%{http_code}' --data-binary @"$T/huge.yaml" "$URL/journeymap/png" > "$T/code" &
    cpid=$!
    sleep 0.05
    pkill -KILL -P "$SPID" -f "journeymap serve" 2>/dev/null || pkill -KILL -P "$SPID"
    wait $cpid
    c=$(cat "$T/code")
    [ "$c" = 500 ] && pass "serve: a worker killed mid-drawing fails that request (500)" || fail "serve: crashed worker" "$c $(head -c 200 "$T/err")"
    sleep 0.2
    c=$(code "$T/ok.svg" --data-binary @"$STORY" "$URL/journeymap/svg")
    [ "$c" = 200 ] && pass "serve: a new worker takes its place" || fail "serve: after a crash" "$c"
    stop_server
else fail "serve: second server" "$(cat "$T/s2.log")"; fi
expect_exit "serve: a bad --listen is a usage error" 2 "$JM" serve --listen nowhere
expect_exit "serve: an unknown option is a usage error" 2 "$JM" serve --frobnicate
