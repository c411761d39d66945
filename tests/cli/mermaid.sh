# tests/cli/mermaid.sh - Mermaid input from the command line: every diagram of the shared
# conformance corpus (sequence and journey files render clean; a flowchart renders or is refused
# with "branches at"; nothing crashes or hangs), the seeds' own Mermaid against the hand-written
# samples, standard input, and the errors a user meets first. Sourced by tests/run.sh.
PNGINFO="$ROOT/$BUILD/tests/pnginfo"
CORPUS="$ROOT/../shared/conformance/mermaid"

# --- the conformance corpus ---
if [ ! -d "$CORPUS" ]; then
    echo "SKIP mermaid conformance: $CORPUS is absent" >&2
    echo "SKIP mermaid conformance: corpus absent" >> "$JM_RESULTS"
else
    rendered=0 refused=0
    for f in "$CORPUS"/sequence/*.mmd "$CORPUS"/journey/*.mmd "$CORPUS"/flowchart/*.mmd; do
        kind=$(basename "$(dirname "$f")") name="$kind/$(basename "$f")"
        timeout 20 "$JM" "$f" --check-layout -o "$T/out.png" >"$T/out" 2>"$T/err"; rc=$?
        if [ "$rc" -ge 124 ]; then fail "mermaid $name: no crash or hang" "exit $rc: $(head -c 300 "$T/err")"; continue; fi
        if [ "$rc" = 0 ] && "$PNGINFO" "$T/out.png" > /dev/null 2>&1; then
            pass "mermaid $name: renders with a clean layout"; rendered=$((rendered + 1))
        elif [ "$kind" = flowchart ] && [ "$rc" = 1 ] && grep -q "error: the flowchart branches at '" "$T/err" \
             && grep -q "(journeymap draws a flowchart that is one chain of stages)" "$T/err"; then
            pass "mermaid $name: refused as not one chain"; refused=$((refused + 1))
        else
            fail "mermaid $name: renders" "exit $rc: $(head -c 300 "$T/err") $(head -c 200 "$T/out")"
        fi
        rm -f "$T/out.png"
    done
    echo "mermaid conformance: $rendered rendered, $refused flowcharts refused as branching" >&2
fi

# --- the seeds' own Mermaid: the same pictures as the hand-written samples ---
"$JM" "$ROOT/samples/seq-storyline.mmd" --dump-scene > "$T/mmd.scene" 2>"$T/err" || fail "mermaid storyline: dump" "$(head -c 200 "$T/err")"
"$JM" "$ROOT/samples/seq-storyline.yaml" --dump-scene > "$T/yaml.scene"
for what in 'sequence\.message\.\(sync\|reply\|async\) .* heads' 'sequence\.message\.label' 'sequence\.participant\.name' 'sequence\.actor '; do
    grep "$what" "$T/mmd.scene" | sed 's/^[0-9]* //; s/ \([0-9.]*\),[0-9.]* / \1 /; s/ M .*//; s/ @[0-9:]*//; s/ in [0-9]*//' > "$T/a"
    grep "$what" "$T/yaml.scene" | sed 's/^[0-9]* //; s/ \([0-9.]*\),[0-9.]* / \1 /; s/ M .*//; s/ @[0-9:]*//; s/ in [0-9]*//' > "$T/b"
    [ -s "$T/a" ] && same "mermaid storyline: '$what' as in samples/seq-storyline.yaml" "$T/a" "$T/b" \
        || fail "mermaid storyline: '$what'" "none drawn"
done
"$JM" "$ROOT/samples/customer-journeys-stages.mmd" --dump-scene > "$T/mmd.scene" 2>"$T/err" || fail "mermaid stages: dump" "$(head -c 200 "$T/err")"
"$JM" "$ROOT/samples/customer-journeys.yaml" --dump-scene > "$T/yaml.scene"
for role in funnel.stage.name funnel.stage.count funnel.stage.unit funnel.stage.note; do
    grep " $role " "$T/mmd.scene" | sed 's/.*"\(.*\)"$/\1/' > "$T/a"
    grep " $role " "$T/yaml.scene" | sed 's/.*"\(.*\)"$/\1/' > "$T/b"
    [ -s "$T/a" ] && same "mermaid stages: $role as in samples/customer-journeys.yaml" "$T/a" "$T/b" \
        || fail "mermaid stages: $role" "none drawn"
done
n=$(grep -c ' funnel\.stage\.gap\| funnel\.stage .*dash' "$T/mmd.scene")
m=$(grep -c ' funnel\.stage\.gap\| funnel\.stage .*dash' "$T/yaml.scene")
[ "$n" = "$m" ] && [ "$n" -gt 0 ] && pass "mermaid stages: gap stages drawn as in the sample" \
    || fail "mermaid stages: gap stages drawn as in the sample" "$n vs $m"

# --- standard input, styles from the theme, and the first errors ---
printf '%%%%{init: {"theme": "dark"}}%%%%\njourney\n  section S\n    Task: 4: Me\n' > "$T/in.txt"
expect_exit "mermaid: from standard input" 0 "$JM" - -o "$T/in.png" < "$T/in.txt"
"$JM" - --dump-scene < "$T/in.txt" | grep -m1 '^scene' > "$T/dark"
"$JM" - --dump-scene --style default < "$T/in.txt" | grep -m1 '^scene' > "$T/default"
if grep -q 'background #ffffffff' "$T/dark"; then fail "mermaid: dark theme picks the dark style" "$(cat "$T/dark")"
else pass "mermaid: dark theme picks the dark style"; fi
grep -q 'background #ffffffff' "$T/default" && pass "mermaid: --style wins over the theme" \
    || fail "mermaid: --style wins over the theme" "$(cat "$T/default")"
printf 'sequenceDiagrm\n  A->>B: hi\n' > "$T/typo.mmd"
expect_exit "mermaid: misspelt header" 1 "$JM" "$T/typo.mmd" --check
expect_err "mermaid: misspelt header gets a did-you-mean" "typo.mmd:1:1: error: unknown Mermaid diagram 'sequenceDiagrm' (did you mean 'sequenceDiagram'?)"
printf 'pie title Pets\n  "Dogs" : 386\n' > "$T/pie.mmd"
expect_exit "mermaid: a kind journeymap does not draw" 1 "$JM" "$T/pie.mmd" -o "$T/pie.png"
expect_err "mermaid: says which kinds it draws" "'pie' is a Mermaid diagram journeymap does not draw; journeymap draws journey, sequenceDiagram and flowchart/graph"
[ ! -e "$T/pie.png" ] && pass "mermaid: nothing written on error" || fail "mermaid: nothing written on error" "pie.png exists"
printf 'sequenceDiagram\n  A->>B: caf\351 ok\n' > "$T/latin1.mmd"
expect_exit "mermaid: invalid UTF-8 is an error" 1 "$JM" "$T/latin1.mmd" -o "$T/latin1.png"
expect_err "mermaid: invalid UTF-8 at its byte" "latin1.mmd:2:13: error: invalid UTF-8 byte 0xE9"
printf 'journey\n  title Plan \357\277\276\n' > "$T/nonchar.mmd"
expect_exit "mermaid: a noncharacter is an error" 1 "$JM" "$T/nonchar.mmd" -o "$T/nonchar.png"
expect_err "mermaid: the noncharacter at its position" "nonchar.mmd:2:14: error: the text contains the noncharacter U+FFFE"
# classDef and style colours other than a gap's grey are the stage's own; its text stays readable
printf 'flowchart LR\n  A["Awareness<br/>3 journeys"]:::hot --> B["Evaluation<br/>4 journeys"] --> C["Running<br/>0 (v2 gap)"]:::gap\n  classDef hot fill:#fecaca,stroke:#b91c1c,color:#7f1d1d\n  classDef gap fill:#ddd,stroke:#888,color:#555\n  style B fill:teal,color:white\n' > "$T/colours.mmd"
expect_exit "mermaid: coloured stages draw" 0 "$JM" "$T/colours.mmd" --view funnel --dump-scene
expect_out "mermaid: classDef fill and stroke kept" "fill #fecacaff stroke #b91c1cff"
expect_out "mermaid: style fill by name kept" "fill #008080ff"
expect_out "mermaid: classDef text colour kept" "color #7f1d1dff align center"
expect_out "mermaid: white text on teal" "color #ffffffff align center"
expect_out "mermaid: the grey class is still a gap stage" "funnel.stage.gap"
expect_err_lacks "mermaid: colours draw without a warning" "warning"
yaml badfill <<'Y'
title: t
stages:
  - {name: A, fill: "blue-ish"}
Y
expect_exit "yaml: a stage colour that is no colour" 1 "$JM" "$T/badfill.yaml" --check
expect_err "yaml: the bad colour at its value" "badfill.yaml:3:"
printf 'flowchart LR\n  A[Awareness]:::hot --> B[Evaluation]\n  classDef hot fill:rgb(254, 202, 202),stroke:#b91c1c\n' > "$T/rgb.mmd"
expect_exit "mermaid: an rgb() colour with commas" 0 "$JM" "$T/rgb.mmd" --view funnel --dump-scene
expect_out "mermaid: the rgb() fill and the stroke after it" "fill #fecacaff stroke #b91c1cff"

# --- autonumber counts as Mermaid's sequenceRenderer does: every message line (any arrow),
# while the numbers are off too, never a note; `autonumber START STEP` restarts ---
printf 'sequenceDiagram\n  autonumber\n  A->>B: a\n  A-)B: b\n  A-xB: c\n  A->B: d\n  autonumber off\n  A->>B: e\n  Note over A: n\n  A-->>B: f\n  autonumber\n  A<<->>B: g\n  autonumber 20 10\n  A->>B: h\n  loop x\n  A->>B: i\n  end\n' > "$T/an.mmd"
got=$("$JM" "$T/an.mmd" --dump-scene 2>/dev/null | grep ' text sequence.badge' | sed 's/.* "\(.*\)"$/\1/' | tr '\n' ' ')
[ "$got" = "1 2 3 4 7 20 30 " ] && pass "mermaid autonumber: 1 2 3 4, hidden 5 6 (counted while off), 7, restarted 20 30" \
    || fail "mermaid autonumber: numbered as Mermaid numbers" "badges: $got"

# --- a standalone activate/deactivate is placed as Mermaid places it ---
printf 'sequenceDiagram\n  participant A\n  participant B\n  participant C\n  A->>B: first\n  activate C\n  B->>C: to C\n  C->>A: back\n  A->>B: again\n  deactivate C\n  B->>A: done\n' > "$T/act.mmd"
expect_exit "mermaid activate: a standalone activate loads without a warning" 0 "$JM" "$T/act.mmd" --dump-scene
expect_err_lacks "mermaid activate: ... no warning" "warning:"
# the bar of C runs from the line of "to C" (the next message) to the line of "again" (the last one)
awk '/ path sequence.message.sync / { n++; split($4, p, ","); split($5, s, "x"); y[n] = p[2] + s[2] / 2 }
     / rect sequence.activation / { split($4, p, ","); split($5, s, "x"); top = p[2]; bot = p[2] + s[2]; k++ }
     END { exit !(k == 1 && top - y[2] < 0.05 && y[2] - top < 0.05 && bot - y[4] < 0.05 && y[4] - bot < 0.05) }' "$T/out" \
    && pass "mermaid activate: C's bar from the next message's line to the last message's line" \
    || fail "mermaid activate: bar placement" "$(grep -E 'sequence.activation|message.sync' "$T/out" | cut -c 1-70 | tr '\n' ' ')"
"$JM" "$T/act.mmd" --emit-yaml -o "$T/act.yaml" 2>/dev/null
grep -q 'opens:' "$T/act.yaml" && grep -q 'closes:' "$T/act.yaml" \
    && diff <("$JM" "$T/act.mmd" --dump-scene 2>/dev/null | sed 's/ @[0-9:]*//') <("$JM" "$T/act.yaml" --dump-scene 2>/dev/null | sed 's/ @[0-9:]*//') > /dev/null \
    && pass "mermaid activate: --emit-yaml writes opens/closes and draws the same" || fail "mermaid activate: round trip" "$(grep -E 'opens|closes' "$T/act.yaml")"
printf 'sequenceDiagram\n  A->>B: x\n  activate C\n' > "$T/act2.mmd"
expect_exit "mermaid activate: an activate no message follows" 0 "$JM" "$T/act2.mmd" --check
expect_err "mermaid activate: ... is a warning at its line" "act2.mmd:3:3: warning: 'activate C' is not drawn: no message follows it"
printf 'sequenceDiagram\n  activate A\n  deactivate A\n  A->>B: x\n' > "$T/act3.mmd"
expect_exit "mermaid activate: on and off before a message" 0 "$JM" "$T/act3.mmd" --dump-scene
! grep -q 'sequence.activation' "$T/out" && pass "mermaid activate: ... draws no bar" || fail "mermaid activate: on and off" "a bar"

# --- subgraphs: not drawn, each a warning at its line naming its stages ---
printf 'flowchart LR\n  subgraph discovery [Discovery phase]\n    A[Awareness<br/>3 journeys] --> B[Consideration]\n  end\n  B --> C[Trial]\n  subgraph Buying\n    C --> D[Purchase]\n  end\n' > "$T/sg.mmd"
expect_exit "mermaid subgraph: a chain in subgraphs draws" 0 "$JM" "$T/sg.mmd" --dump-scene
n=$(grep -c ' text funnel.stage.name ' "$T/out")
[ "$n" = 4 ] && pass "mermaid subgraph: ... all four stages" || fail "mermaid subgraph: all stages" "$n"
expect_err "mermaid subgraph: the first at its line with its title and stages" \
    "sg.mmd:2:3: warning: subgraph 'Discovery phase' is not drawn (the funnel has no stage groups); its stages are drawn in the chain: 'Awareness', 'Consideration'"
expect_err "mermaid subgraph: the second too" "sg.mmd:6:3: warning: subgraph 'Buying' is not drawn (the funnel has no stage groups); its stages are drawn in the chain: 'Trial', 'Purchase'"
