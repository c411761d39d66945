# tests/cli/links.sh - a journey's links: `url` on a stage, step, card or participant in YAML, and
# Mermaid's `link`/`links` (sequence) and `click` (flowchart). The items that draw the linked
# thing carry the url in every view (--dump-scene), a PDF has a link annotation over each of them
# (pdfinfo -url, /Rect), pixels do not change, bad links are errors at their line:col and write
# nothing, and --emit-yaml keeps them.
yaml links <<'EOF'
title: Links
stages:
  - name: Awareness
    url: https://example.com/stages/awareness
    items:
      - {title: a-card, who: Someone, text: A card, url: "docs/card.html#top"}
  - {name: Trial, url: "mailto:team@example.com"}
steps:
  - {title: Reads, stage: awareness, actions: [Reads a post], url: "https://example.com/steps/1", emotion: {label: Curious, score: 1, emoji: "🤔"}}
  - {title: Tries, stage: trial, emotion: {label: Glad, score: 2}}
sequence:
  participants:
    - {id: u, label: User, url: "https://example.com/user?a=1&b='x'"}
    - {id: s, label: Server, kind: database}
  messages:
    - {from: u, to: s, text: hi}
EOF
L="$T/links.yaml"
# urls_of VIEW ROLE: the urls of the items of ROLE (exact role), one a line
urls_of() { "$JM" "$L" --view "$1" --dump-scene 2>/dev/null | awk -v r="$2" '$3 == r' | sed -n 's/.* url "\([^"]*\)".*/\1/p'; }
check_urls() {   # NAME VIEW ROLE WANT...
    local n=$1 v=$2 r=$3; shift 3
    local got; got=$(urls_of "$v" "$r" | tr '\n' ' ')
    [ "$got" = "$* " ] && pass "links: $n" || fail "links: $n" "$v $r urls: '$got', want '$* '"
}
check_urls "funnel chevrons" funnel funnel.stage "https://example.com/stages/awareness" "mailto:team@example.com"
check_urls "funnel stage names" funnel funnel.stage.name "https://example.com/stages/awareness" "mailto:team@example.com"
check_urls "funnel card" funnel funnel.card "docs/card.html#top"
check_urls "funnel card texts" funnel funnel.card.title "docs/card.html#top"
check_urls "map chevrons" map funnel.stage "https://example.com/stages/awareness" "mailto:team@example.com"
check_urls "map step heading" map map.step "https://example.com/steps/1"
check_urls "emotions stage headers" emotions emotions.stage "https://example.com/stages/awareness" "mailto:team@example.com"
check_urls "emotions step marker" emotions emotions.marker "https://example.com/steps/1"
check_urls "emotions step title" emotions emotions.step.title "https://example.com/steps/1"
check_urls "sequence participant heads (top and bottom)" sequence sequence.participant "https://example.com/user?a=1&b='x'" "https://example.com/user?a=1&b='x'"
n=$("$JM" "$L" --view funnel --dump-scene 2>/dev/null | grep -c ' url "' )
[ "$n" = 8 ] && pass "links: only the linked things carry a url (funnel: 2 chevrons, 2 names, card and its 3 texts)" \
    || fail "links: only the linked things carry a url" "$n items with a url"

# --- PDF: link annotations over the items ---
"$JM" "$L" --view all -o "$T/links.pdf" 2>/dev/null
pdfinfo -url "$T/links.pdf" > "$T/urls" 2>&1
for u in "https://example.com/stages/awareness" "mailto:team@example.com" "docs/card.html#top" \
         "https://example.com/steps/1" "https://example.com/user?a=1&b='x'"; do
    grep -qF " $u" "$T/urls" && pass "links pdf: an annotation to $u" || fail "links pdf: an annotation to $u" "$(head -n 5 "$T/urls")"
done
"$JM" "$L" --view funnel -o "$T/f.pdf" 2>/dev/null
"$JM" "$L" --view funnel --dump-scene 2>/dev/null > "$T/f.scene"
ph=$(pdfinfo "$T/f.pdf" | awk '/^Page size/ { print $5 }')
want=$(awk -v H="$ph" '$3 == "funnel.stage" { split($4, p, ","); split($5, s, "x");
        printf "/Rect [ %g %g %g %g ]", p[1], H - p[2] - s[2], p[1] + s[1], H - p[2]; exit }' "$T/f.scene")
grep -aqF "$want" "$T/f.pdf" && pass "links pdf: the first chevron's annotation covers its box ($want)" \
    || fail "links pdf: annotation rectangle" "want $want, have $(grep -a -m 3 '/Rect' "$T/f.pdf" | tr '\n' ' ')"
sed -e '/^    url: /d' -e 's/, url: "[^"]*"//' "$L" > "$T/plain.yaml"
"$JM" "$T/plain.yaml" --view funnel -o "$T/f0.pdf" 2>/dev/null
! pdfinfo -url "$T/f0.pdf" 2>&1 | grep -q Annotation && pass "links pdf: no url, no annotation" || fail "links pdf: no url, no annotation" "annotations found"
# --- PNG and SVG: the same pixels with and without links ---
for v in funnel emotions sequence; do
    "$JM" "$L" --view $v -o "$T/l-$v.png" 2>/dev/null; "$JM" "$T/plain.yaml" --view $v -o "$T/p-$v.png" 2>/dev/null
    same "links: the $v PNG does not change" "$T/l-$v.png" "$T/p-$v.png"
done

# --- bad links are errors at their line:col, and nothing is written ---
bad() {   # NAME URL COL MESSAGE
    printf 'title: T\nstages:\n  - {name: A, url: "%s"}\n' "$2" > "$T/bad.yaml"
    expect_exit "links: $1 is an error" 1 "$JM" "$T/bad.yaml" -o "$T/bad.png"
    expect_err "links: $1 ... at 3:$3" "bad.yaml:3:$3: error: url '"
    expect_err "links: $1 ... saying why" "$4"
    [ ! -e "$T/bad.png" ] && pass "links: $1 ... writes nothing" || fail "links: $1 writes nothing" "bad.png written"
}
bad "javascript:" "javascript:alert(1)" 21 "this scheme is not allowed (a link may be http, https, mailto or a relative path)"
bad "JavaScript: in capitals" "JavaScript:alert(1)" 21 "this scheme is not allowed"
bad "data:" "data:text/html,x" 21 "this scheme is not allowed"
bad "file:" "file:///etc/passwd" 21 "this scheme is not allowed"
bad "a space" "https://example.com/a b" 42 "cannot hold a space (write it as %20)"
bad "http without a host" "http:/example.com" 26 "needs a host"
bad "//host" "//example.com/x" 21 "'//' leaves the scheme open"
bad "an empty url" "" 21 "it is empty"
bad "mailto: without an address" "mailto:" 28 "needs an address"
for u in "https://example.com" "HTTP://example.com/x?y=1#z" "mailto:a@b.org" "docs/a.html" "../up.md#x" "/abs" "#anchor" "?q=1"; do
    printf 'title: T\nstages:\n  - {name: A, url: "%s"}\n' "$u" > "$T/good.yaml"
    expect_exit "links: '$u' is accepted" 0 "$JM" "$T/good.yaml" --check
done
printf 'title: T\nstages: [{name: A}]\nsequence:\n  participants: [{id: a, url: "vbscript:x"}]\n  messages: [{from: a, to: a, text: x}]\n' > "$T/badp.yaml"
expect_exit "links: a participant's bad url is an error" 1 "$JM" "$T/badp.yaml" --check
expect_err "links: ... at its line:col" "badp.yaml:4:32: error: url 'vbscript:x'"

# --- Mermaid: sequence link/links, flowchart click ---
cat > "$T/s.mmd" <<'EOF'
sequenceDiagram
    participant Alice
    participant John
    link Alice: Dashboard @ https://dashboard.example.com/alice
    link Alice: Wiki @ https://wiki.example.com/alice
    links John: {"Dashboard": "https://dashboard.example.com/john", "Wiki": "https://wiki.example.com/john"}
    Alice->>John: Hello John
EOF
expect_exit "links mmd: link and links load" 0 "$JM" "$T/s.mmd" --dump-scene
grep -q 'sequence.participant .* url "https://dashboard.example.com/alice"' "$T/out" \
    && grep -q 'sequence.participant .* url "https://dashboard.example.com/john"' "$T/out" \
    && pass "links mmd: each participant links to its first link" || fail "links mmd: participant links" "$(grep url "$T/out" | head -n 2)"
expect_err "links mmd: a second link is a warning at its url" "s.mmd:5:24: warning: participant 'Alice' already links to"
expect_err "links mmd: ... the links' second too" "s.mmd:6:78: warning: participant 'John' already links to"
printf 'sequenceDiagram\n  A->>B: x\n  link B: Evil @ javascript:alert(1)\n' > "$T/sb.mmd"
expect_exit "links mmd: a javascript: link is an error" 1 "$JM" "$T/sb.mmd" -o "$T/sb.png"
expect_err "links mmd: ... at the url" "sb.mmd:3:18: error: url 'javascript:alert(1)': this scheme is not allowed"
printf 'sequenceDiagram\n  A->>B: x\n  links B: {"a": "https://x.org", "b": "data:text/html,hi"}\n' > "$T/sb2.mmd"
expect_exit "links mmd: a data: url in links is an error" 1 "$JM" "$T/sb2.mmd" --check
expect_err "links mmd: ... at the url inside the JSON" "sb2.mmd:3:41: error: url 'data:text/html,hi'"
printf 'sequenceDiagram\n  A->>B: x\n  links B: {"a": "https://x.org" "b"}\n' > "$T/sb3.mmd"
expect_exit "links mmd: broken JSON is an error" 1 "$JM" "$T/sb3.mmd" --check
expect_err "links mmd: ... where it breaks" "sb3.mmd:3:34: error: expected ',' or '}' in the links' JSON"
printf 'flowchart LR\n  A[Awareness] --> B[Trial] --> C[Buy]\n  click A "https://x.org/a" "Tooltip"\n  click B href "docs/b.html" _blank\n  click C call cb()\n  click Z "https://z.org"\n' > "$T/f.mmd"
expect_exit "links mmd: click loads" 0 "$JM" "$T/f.mmd" --dump-scene
grep -q 'funnel.stage .* url "https://x.org/a"' "$T/out" && grep -q 'funnel.stage .* url "docs/b.html"' "$T/out" \
    && [ "$(grep -c ' url "' "$T/out")" = 4 ] \
    && pass "links mmd: click and click href link their stages (chevron and name)" || fail "links mmd: click" "$(grep url "$T/out")"
expect_err "links mmd: a callback is a warning" "f.mmd:5:3: warning: 'click C' with a callback is not drawn"
expect_err "links mmd: a click on no node is a warning at its id" "f.mmd:6:9: warning: 'click Z': no node 'Z'"
printf 'flowchart LR\n  A --> B\n  click A "javascript:alert(1)"\n' > "$T/fb.mmd"
expect_exit "links mmd: a javascript: click is an error" 1 "$JM" "$T/fb.mmd" --check
expect_err "links mmd: ... at the url" "fb.mmd:3:12: error: url 'javascript:alert(1)'"

# --- --emit-yaml keeps every link ---
for f in "$L" "$T/s.mmd" "$T/f.mmd"; do
    b=$(basename "$f")
    "$JM" "$f" --emit-yaml -o "$T/e-$b.yaml" 2>/dev/null
    for v in funnel sequence emotions; do
        "$JM" "$f" --view $v --dump-scene 2>/dev/null | grep -o ' url "[^"]*"' > "$T/a"
        "$JM" "$T/e-$b.yaml" --view $v --dump-scene 2>/dev/null | grep -o ' url "[^"]*"' > "$T/b"
        cmp -s "$T/a" "$T/b" && pass "links: $b $v links survive --emit-yaml" || fail "links: $b $v emit-yaml" "$(diff "$T/a" "$T/b" | head -n 3)"
    done
done

# --- a Markdown journey: a link in a stage's or step's heading is its url ---
printf '# T\n\n## Stage 1: [Awareness](https://wiki.example.com/awareness)\n\n### Step 1: [Reads](docs/reads.md)\n\n### Actions\n- Reads a post\n\n## [Trial](https://wiki.example.com/trial)\n\n### Actions\n- Tries it\n' > "$T/hl.md"
expect_exit "links md: heading links load" 0 "$JM" "$T/hl.md" --view map --dump-scene
grep -q 'funnel.stage .* url "https://wiki.example.com/awareness" @3:1$' "$T/out" \
    && grep -q 'funnel.stage .* url "https://wiki.example.com/trial" @10:1$' "$T/out" \
    && grep -q 'map.step .* url "docs/reads.md"' "$T/out" \
    && pass "links md: '## Stage 1: [Name](url)', '## [Name](url)' and a step heading's link" \
    || fail "links md: heading links" "$(grep ' url ' "$T/out" | cut -c 1-40 | head -n 4)"
printf '# T\n\n## Stage 1: [Bad](javascript:alert(1))\n\n### Actions\n- x\n' > "$T/hlb.md"
expect_exit "links md: a bad heading link is an error" 1 "$JM" "$T/hlb.md" -o "$T/hlb.png"
expect_err "links md: ... at the link" "hlb.md:3:13: error: url 'javascript:alert(1)': this scheme is not allowed"

# SVG: what a linked thing draws is inside one <a href>, inside its group
"$JM" "$L" --view funnel -o "$T/links-funnel.svg" 2>/dev/null
"$JM" "$L" --view sequence -o "$T/links-seq.svg" 2>/dev/null
if tr -d '\n' < "$T/links-funnel.svg" | grep -q '<g id="stage-awareness" class="jm-stage" aria-label="Awareness"><a href="https://example.com/stages/awareness"><path[^<]*/><text'; then
    pass "links: svg: the Awareness chevron and its name inside one <a> in its group"
else fail "links: svg: the Awareness chevron in <a>" "$(grep -A3 'stage-awareness' "$T/links-funnel.svg" | head -c 400)"; fi
grep -q '<a href="mailto:team@example.com">' "$T/links-funnel.svg" && grep -q '<a href="docs/card.html#top">' "$T/links-funnel.svg" \
    && pass "links: svg: the mailto stage and the relative card link" || fail "links: svg: mailto and card links" "$(grep -o '<a [^>]*>' "$T/links-funnel.svg" | tr '\n' ' ')"
grep -q "<a href=\"https://example.com/user?a=1&amp;b=&apos;x&apos;\">" "$T/links-seq.svg" \
    && pass "links: svg: a participant's url escaped for XML" || fail "links: svg: participant url" "$(grep -o '<a [^>]*>' "$T/links-seq.svg" | tr '\n' ' ')"
ok "links: svg well-formed" xmllint --noout "$T/links-funnel.svg" "$T/links-seq.svg"
