# tests/cli/serve_deploy.sh - the container and Kubernetes files stay what the tests run: the
# Dockerfile builds with the README's own set-up (`make demo`, then `make install`) and starts
# `journeymap serve` as the tests start it; the Kubernetes example runs that image with a
# readiness probe on /health and a Service in front.
D="$ROOT/Dockerfile" K="$ROOT/deploy/kubernetes.yaml"
grep -q '^RUN apt-get update && make demo && make install PREFIX=/usr/local' "$D" \
    && pass "deploy: the Dockerfile builds with make demo and make install" || fail "deploy: Dockerfile set-up" "$(grep '^RUN' "$D")"
grep -q 'make demo' "$ROOT/README.md" && pass "deploy: make demo is the README's set-up too" || fail "deploy: README set-up" "no make demo"
grep -q '^CMD \["journeymap", "serve", "--listen", "0.0.0.0:8000"\]' "$D" && pass "deploy: the container runs journeymap serve" || fail "deploy: CMD" "$(grep '^CMD' "$D")"
if python3 -c 'import yaml' 2>/dev/null; then
    python3 - "$K" > "$T/k8s" <<'PY'
import sys, yaml
docs = list(yaml.safe_load_all(open(sys.argv[1])))
dep = next(d for d in docs if d["kind"] == "Deployment")
svc = next(d for d in docs if d["kind"] == "Service")
c = dep["spec"]["template"]["spec"]["containers"][0]
print("args", " ".join(c["command"] + c["args"]))
print("ready", c["readinessProbe"]["httpGet"]["path"])
print("selects", svc["spec"]["selector"] == dep["spec"]["template"]["metadata"]["labels"])
PY
    grep -q '^args journeymap serve --listen 0.0.0.0:8000' "$T/k8s" && grep -q '^ready /health$' "$T/k8s" && grep -q '^selects True$' "$T/k8s" \
        && pass "deploy: Kubernetes: the Deployment runs serve, probes /health, the Service selects it" || fail "deploy: Kubernetes example" "$(cat "$T/k8s")"
    args=$(sed -n 's/^args journeymap serve //p' "$T/k8s" | sed 's/0\.0\.0\.0:8000/127.0.0.1:0/')
    # shellcheck disable=SC2086
    "$JM" serve $args > /dev/null 2> "$T/k8s.log" &
    pid=$!
    for _ in $(seq 100); do grep -q listening "$T/k8s.log" && break; sleep 0.05; done
    kill $pid 2>/dev/null; wait $pid 2>/dev/null
    grep -q "listening on http://127.0.0.1:" "$T/k8s.log" && pass "deploy: the example's arguments start the service" || fail "deploy: the example's arguments" "$(cat "$T/k8s.log")"
else skip "deploy: Kubernetes example" "python3-yaml is not installed"; fi
