#!/usr/bin/env bash
# docs/render.sh JOURNEYMAP OUTDIR - the README's pictures: one small PNG of each view, drawn from
# the samples. `make docs` writes them to docs/; tests/cli/docs.sh draws them again and fails when
# the ones in docs/ are stale.
set -eu
jm=$1 out=$2
root=$(cd "$(dirname "$0")/.." && pwd)
"$jm" "$root/samples/customer-journeys.yaml" --view funnel --width 900 -o "$out/funnel.png"
"$jm" "$root/samples/seq-storyline.yaml" --view sequence --width 900 -o "$out/sequence.png"
"$jm" "$root/samples/petra-catena-x.yaml" --view emotions --width 900 -o "$out/emotions.png"
"$jm" "$root/samples/enterprise-buyer.yaml" --view map --width 1400 -o "$out/map.png"
"$jm" "$root/samples/seed-002.md" --view emotions --width 1200 -o "$out/estimated.png" 2>/dev/null
