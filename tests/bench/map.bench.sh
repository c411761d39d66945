# map.bench.sh - sourced by run.sh: seed 002's map (samples/enterprise-buyer.yaml) to PNG at
# scale 2, to an A3 landscape PDF, on a 16:9 slide, and its whole handout; seed 001's handout.
# No peer draws a journey-map poster, so these are our own figures, to watch over time.
echo
echo "== map (seed 002: samples/enterprise-buyer.yaml, eight stages, seven lanes, three tables)"
measure "journeymap map png --scale 2" "$OUT/m.png" "$JM" samples/enterprise-buyer.yaml --view map --scale 2 -o "$OUT/m.png"
measure "journeymap map pdf A3 landscape" "$OUT/m.pdf" "$JM" samples/enterprise-buyer.yaml --view map --page A3-landscape -o "$OUT/m.pdf"
# a map too big for one slide at the floor is a deck: s-1.png, s-2.png, ...
measure "journeymap map png 16:9 slide deck" "$OUT/s-1.png" "$JM" samples/enterprise-buyer.yaml --view map --slide 16:9 -o "$OUT/s.png"
measure "journeymap handout pdf (seed 002)" "$OUT/h.pdf" "$JM" samples/enterprise-buyer.yaml --view all -o "$OUT/h.pdf"
measure "journeymap handout pdf (seed 001)" "$OUT/h1.pdf" "$JM" samples/petra-catena-x.yaml --view all -o "$OUT/h1.pdf"
