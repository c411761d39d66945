# sequence.bench.sh - sourced by run.sh: seed 001's storyline against mscgen (PNG and SVG) and
# PlantUML (PNG), and large generated sequences (300 and 400 messages) against mscgen.
echo
echo "== sequence (the storyline of seed 001: samples/seq-storyline.yaml, storyline.msc, storyline.puml)"
for fmt in png svg; do   # in turn with mscgen's, for the ratios
    measure_pair "journeymap sequence $fmt" "$OUT/s.$fmt" "mscgen storyline $fmt" "$OUT/msc.$fmt" \
        "$JM" samples/seq-storyline.yaml --view sequence -o "$OUT/s.$fmt" -- mscgen -T $fmt -i tests/bench/storyline.msc -o "$OUT/msc.$fmt"
done
measure "journeymap sequence pdf" "$OUT/s.pdf" "$JM" samples/seq-storyline.yaml --view sequence -o "$OUT/s.pdf"
# PlantUML reads the diagram on standard input: the redirection belongs to each run (inside the
# shell), not to the measuring function (which would hand the file to the warm-up alone).
measure "plantuml storyline png" "$OUT/puml.png" \
    sh -c 'exec plantuml -tpng -pipe < "$1" > "$2"' sh tests/bench/storyline.puml "$OUT/puml.png"
ratio "journeymap sequence png" "mscgen storyline png" 0.7
ratio "journeymap sequence svg" "mscgen storyline svg" 1.5
ratio "journeymap sequence png" "plantuml storyline png"
for n in 300 400; do
    bash tests/bench/gen-sequence.sh $n 12 "$OUT"
    measure_pair "journeymap $n messages png" "$OUT/big.png" "mscgen $n messages png" "$OUT/bigmsc.png" \
        "$JM" "$OUT/seq$n.yaml" --view sequence -o "$OUT/big.png" -- mscgen -T png -i "$OUT/seq$n.msc" -o "$OUT/bigmsc.png"
    measure "journeymap $n messages svg" "$OUT/big.svg" "$JM" "$OUT/seq$n.yaml" --view sequence -o "$OUT/big.svg"
    ratio "journeymap $n messages png" "mscgen $n messages png" "$([ $n = 300 ] && echo 0.2)"
done
