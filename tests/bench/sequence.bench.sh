# sequence.bench.sh - sourced by run.sh: seed 001's storyline against mscgen and PlantUML, and
# large generated sequences (300 and 400 messages) against mscgen.
echo
echo "== sequence (the storyline of seed 001: samples/seq-storyline.yaml, storyline.msc, storyline.puml)"
for fmt in png svg pdf; do
    measure "journeymap sequence $fmt" "$JM" samples/seq-storyline.yaml --view sequence -o "$OUT/s.$fmt"
done
measure "mscgen storyline png" mscgen -T png -i tests/bench/storyline.msc -o "$OUT/msc.png"
measure "plantuml storyline png" plantuml -tpng -pipe < tests/bench/storyline.puml
ratio "journeymap sequence png" "mscgen storyline png"
ratio "journeymap sequence png" "plantuml storyline png"
for n in 300 400; do
    bash tests/bench/gen-sequence.sh $n 12 "$OUT"
    measure "journeymap $n messages png" "$JM" "$OUT/seq$n.yaml" --view sequence -o "$OUT/big.png"
    measure "journeymap $n messages svg" "$JM" "$OUT/seq$n.yaml" --view sequence -o "$OUT/big.svg"
    measure "mscgen $n messages png" mscgen -T png -i "$OUT/seq$n.msc" -o "$OUT/bigmsc.png"
    ratio "journeymap $n messages png" "mscgen $n messages png"
done
