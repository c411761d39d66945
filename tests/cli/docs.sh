# tests/cli/docs.sh - the README's pictures (docs/*.png, made by `make docs`) are what the samples
# draw today: each is drawn again and compared byte for byte.
mkdir -p "$T/docs"
expect_exit "docs: the pictures draw" 0 bash "$ROOT/docs/render.sh" "$JM" "$T/docs"
for f in funnel sequence emotions map estimated; do
    if cmp -s "$T/docs/$f.png" "$ROOT/docs/$f.png"; then pass "docs: $f.png is current"
    else fail "docs: $f.png is current" "docs/$f.png is stale: run 'make docs' and look at it"; fi
    grep -q "(docs/$f.png)" "$ROOT/README.md" && pass "docs: README shows $f.png" || fail "docs: README shows $f.png" "no (docs/$f.png) link"
done
