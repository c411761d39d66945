# emotions.bench.sh - sourced by run.sh: Petra's emotion curve in each format and the sixty-step
# curve (samples/emotions-sixty.yaml). Graphviz has no emotion curve; its funnel figures above
# are the comparable diagram.
echo
echo "== emotions (samples/petra-catena-x.yaml, samples/emotions-sixty.yaml)"
for fmt in png svg pdf; do
    measure "journeymap emotions petra $fmt" "$JM" samples/petra-catena-x.yaml --view emotions -o "$OUT/e.$fmt"
done
measure "journeymap emotions sixty png" "$JM" samples/emotions-sixty.yaml --view emotions -o "$OUT/e60.png"
measure "journeymap emotions sixty svg" "$JM" samples/emotions-sixty.yaml --view emotions -o "$OUT/e60.svg"
ratio "journeymap emotions petra png" "dot funnel png"
