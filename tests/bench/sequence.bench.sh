# sequence.bench.sh - sourced by run.sh: seed 001's storyline against mscgen (PNG and SVG) and
# PlantUML (PNG), and large generated sequences (300 and 400 messages) against mscgen.
echo
echo "== sequence (the storyline of seed 001: samples/seq-storyline.yaml, storyline.msc, storyline.puml)"
for fmt in png svg pdf; do
    measure "journeymap sequence $fmt" "$OUT/s.$fmt" "$JM" samples/seq-storyline.yaml --view sequence -o "$OUT/s.$fmt"
done
measure "mscgen storyline png" "$OUT/msc.png" mscgen -T png -i tests/bench/storyline.msc -o "$OUT/msc.png"
measure "mscgen storyline svg" "$OUT/msc.svg" mscgen -T svg -i tests/bench/storyline.msc -o "$OUT/msc.svg"
# PlantUML reads the diagram on standard input: the redirection belongs to each run (inside the
# shell), not to the measuring function (which would hand the file to the warm-up alone).
measure "plantuml storyline png" "$OUT/puml.png" \
    sh -c 'exec plantuml -tpng -pipe < "$1" > "$2"' sh tests/bench/storyline.puml "$OUT/puml.png"
ratio "journeymap sequence png" "mscgen storyline png" 0.7
ratio "journeymap sequence svg" "mscgen storyline svg" 1.5
ratio "journeymap sequence png" "plantuml storyline png"
for n in 300 400; do
    bash tests/bench/gen-sequence.sh $n 12 "$OUT"
    measure "journeymap $n messages png" "$OUT/big.png" "$JM" "$OUT/seq$n.yaml" --view sequence -o "$OUT/big.png"
    measure "journeymap $n messages svg" "$OUT/big.svg" "$JM" "$OUT/seq$n.yaml" --view sequence -o "$OUT/big.svg"
    measure "mscgen $n messages png" "$OUT/bigmsc.png" mscgen -T png -i "$OUT/seq$n.msc" -o "$OUT/bigmsc.png"
    ratio "journeymap $n messages png" "mscgen $n messages png" "$([ $n = 300 ] && echo 0.2)"
done
