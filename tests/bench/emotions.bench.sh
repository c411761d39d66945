# emotions.bench.sh - sourced by run.sh: Petra's emotion curve in each format, the sixty-step
# curve (samples/emotions-sixty.yaml) and generated curves of 1,000 and 2,000 steps (the label
# placer's growth: twice the steps should take about twice the placing, not four times).
# Graphviz has no emotion curve; its funnel figures above are the comparable diagram.
echo
echo "== emotions (samples/petra-catena-x.yaml, samples/emotions-sixty.yaml, generated 1,000 and 2,000 steps)"
for fmt in png svg pdf; do
    measure "journeymap emotions petra $fmt" "$OUT/e.$fmt" "$JM" samples/petra-catena-x.yaml --view emotions -o "$OUT/e.$fmt"
done
measure "journeymap emotions sixty png" "$OUT/e60.png" "$JM" samples/emotions-sixty.yaml --view emotions -o "$OUT/e60.png"
measure "journeymap emotions sixty svg" "$OUT/e60.svg" "$JM" samples/emotions-sixty.yaml --view emotions -o "$OUT/e60.svg"
for n in 1000 2000; do
    bash tests/bench/gen-emotions.sh $n "$OUT"
    measure "journeymap emotions $n steps png" "$OUT/e$n.png" "$JM" "$OUT/emotions$n.yaml" --view emotions -o "$OUT/e$n.png"
done
ratio "journeymap emotions petra png" "dot funnel png"
ratio "journeymap emotions 2000 steps png" "journeymap emotions 1000 steps png"
