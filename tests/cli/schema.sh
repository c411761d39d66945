# tests/cli/schema.sh - the JSON Schema of journey files (data/journey.schema.json, generated
# from the loader's key tables by src/schema.c): it is current (regenerating it gives the same
# bytes, so the schema cannot drift from the loader), every key has a description, every sample
# validates (Debian's python3-jsonschema, with libyaml as the YAML parser), every hostile input
# that is a schema error is rejected by the schema too, and typos the loader rejects the schema
# rejects (and the other way round).
SCHEMA="$ROOT/data/journey.schema.json"
VALIDATE="/usr/bin/python3 $ROOT/tests/validate_schema.py $SCHEMA"
"$ROOT/$BUILD/tests/gen_schema" > fresh.json 2> gen.err && cmp -s fresh.json "$SCHEMA" \
    && pass "data/journey.schema.json is what the loader's tables give (make schema)" \
    || fail "data/journey.schema.json is what the loader's tables give" "stale: run make schema ($(head -c 200 gen.err))"
/usr/bin/python3 - "$SCHEMA" > keys.txt 2>&1 <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
for name, d in s["$defs"].items():
    for k, v in d.get("properties", {}).items():
        print(("ok " if v.get("description") else "NODESC ") + name + "." + k)
PY
n=$(grep -c '^ok ' keys.txt)
[ "$n" -ge 100 ] && ! grep -q NODESC keys.txt && pass "every one of $n keys has a description" || fail "every key has a description" "$(grep -m3 NODESC keys.txt)"
grep -q '^ok journey.stages$' keys.txt && grep -q '^ok message.both_ends$' keys.txt && pass "schema covers top level to sequence messages" || fail "schema covers top level to sequence messages" "$(head -3 keys.txt)"

# every sample validates
$VALIDATE "$ROOT"/samples/*.yaml > samples.txt 2>&1
bad=$(grep -v ': ok$' samples.txt)
[ -z "$bad" ] && [ "$(grep -c ': ok$' samples.txt)" -ge 30 ] && pass "every sample validates ($(grep -c ': ok$' samples.txt))" \
    || fail "every sample validates" "$(echo "$bad" | head -3)"

# hostile inputs: the ones that are schema errors (unknown keys, aliases expanding into keys, more
# than one document, not YAML at all) are rejected by the schema; the others are errors the
# schema cannot see (a file outside the folder, a PNG that is not one, a table row's length,
# Mermaid arrows in a message line, duplicate keys, which JSON has no notion of)
for b in unknown-everything billion-laughs recursive-alias multi-doc tab-indent invalid-utf8; do
    $VALIDATE "$ROOT/tests/hostile/$b.yaml" > h.txt 2>&1
    grep -q ': \(invalid\|not yaml\): ' h.txt && pass "schema rejects hostile $b" || fail "schema rejects hostile $b" "$(cat h.txt)"
done

# typos and wrong values: the loader and the schema both reject them
cat > base.yaml <<'Y'
title: T
persona: { name: P }
stages:
  - { name: A, count: 10 }
steps:
  - { title: S, stage: a, emotion: { score: 1 } }
sequence:
  participants: [{ id: U }, { id: W }]
  messages:
    - { from: U, to: W, text: hi }
Y
$VALIDATE base.yaml | grep -q ': ok$' && ok "the base journey is valid for the CLI" "$JM" --check base.yaml \
    || fail "the base journey validates" "$($VALIDATE base.yaml)"
n=0
while IFS='|' read -r what from to; do
    n=$((n + 1))
    sed "s/$from/$to/" base.yaml > typo$n.yaml
    cmp -s base.yaml typo$n.yaml && { fail "typo case $what" "sed changed nothing"; continue; }
    $VALIDATE typo$n.yaml | grep -q ': invalid: ' && pass "schema flags $what" || fail "schema flags $what" "$($VALIDATE typo$n.yaml)"
    expect_exit "the CLI rejects $what too" 1 "$JM" --check typo$n.yaml
done <<'CASES'
a top-level typo (titel)|^title: T|titel: T
a stage key typo (cout)|count: 10|cout: 10
a count that is not a number|count: 10|count: many
a step key typo (stgae)|stage: a|stgae: a
an emotion key typo (scroe)|score: 1|scroe: 1
a persona without a name|{ name: P }|{ role: P }
an unknown participant kind|{ id: W }|{ id: W, kind: robot }
a message key typo (txet)|text: hi|txet: hi
CASES
