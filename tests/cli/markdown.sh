# tests/cli/markdown.sh - Markdown mode: a page's ```mermaid and ```journey blocks drawn to images
# and replaced by image links, every other byte kept; per-block view and style; errors at their
# line and column in the page with nothing written; --strict, --image-dir, --link-prefix.
# Sourced by tests/run.sh.
PNGINFO="$ROOT/$BUILD/tests/pnginfo"
cd "$T" || return

# --- the page: a journey, a sequence (in a block quote, with its own view and style), a stage
# flowchart (chosen by a comment), a kind journeymap does not draw, other code, tricky bytes ---
{
printf '# Onboarding \xe2\x80\x94 caf\xc3\xa9  \n\nText with `code`, *emphasis* and a tab:\there.\n\n'
printf '```mermaid\njourney\n  title Sign up\n  section Discover\n    Read docs: 4: Ana\n    Try demo: 2: Ana, Bo\n```\n'
printf '\nA sequence in a quote:\n\n'
printf '> ```mermaid {view=sequence style=dark}\n> sequenceDiagram\n>   accTitle: Login flow\n>   Alice->>Bob: Hi\n>   Bob-->>Alice: Hello\n> ```\n'
printf '\r\n<!-- journeymap: style=print -->\n'
printf '~~~mermaid\nflowchart LR\n  A[Awareness<br/>3 journeys] --> B[Signup<br/>2 journeys] --> C[Use<br/>0 (v2 gap)]:::gap\n  classDef gap fill:#eee,stroke:#999\n~~~\n'
printf '\n```mermaid\nclassDiagram\n  A <|-- B\n```\n\n```python\nprint("```mermaid")\n```\n\nThe end, no newline'
} > page.md
# The same page with each drawn block replaced by the link journeymap must write.
{
printf '# Onboarding \xe2\x80\x94 caf\xc3\xa9  \n\nText with `code`, *emphasis* and a tab:\there.\n\n'
printf '![Sign up](out-1.svg)\n'
printf '\nA sequence in a quote:\n\n'
printf '> ![Login flow](out-2.svg)\n'
printf '\r\n<!-- journeymap: style=print -->\n'
printf '![diagram](out-3.svg)\n'
printf '\n```mermaid\nclassDiagram\n  A <|-- B\n```\n\n```python\nprint("```mermaid")\n```\n\nThe end, no newline'
} > want.md
# Each block alone, to render the same way as files.
printf 'journey\n  title Sign up\n  section Discover\n    Read docs: 4: Ana\n    Try demo: 2: Ana, Bo\n' > b1.mmd
printf 'sequenceDiagram\n  accTitle: Login flow\n  Alice->>Bob: Hi\n  Bob-->>Alice: Hello\n' > b2.mmd
printf 'flowchart LR\n  A[Awareness<br/>3 journeys] --> B[Signup<br/>2 journeys] --> C[Use<br/>0 (v2 gap)]:::gap\n  classDef gap fill:#eee,stroke:#999\n' > b3.mmd

mkdir -p site
expect_exit "markdown: a page with three diagrams in one command" 0 "$JM" page.md -o site/out.md
same "markdown: every byte but the drawn blocks is kept" site/out.md want.md
expect_err "markdown: a kind it does not draw is left with a warning at its line" \
    "page.md:29:1: warning: \`\`\`mermaid block left as it is: 'classDiagram' is a Mermaid diagram journeymap does not draw"
n=$(ls site | grep -c '^out-[0-9]*\.svg$')
[ "$n" = 3 ] && pass "markdown: three images, named in block order" || fail "markdown: three images" "$(ls site)"
for i in 1 2 3; do
    if command -v xmllint >/dev/null; then ok "markdown: image $i is well-formed SVG" xmllint --noout "site/out-$i.svg"; fi
done
"$JM" b1.mmd --style auto -o b1.svg && same "markdown: a journey block draws as the same Mermaid in a file (Markdown mode: --style auto)" site/out-1.svg b1.svg
"$JM" b2.mmd -o b2-plain.svg --view sequence
"$JM" b2.mmd -o b2.svg --view sequence --style dark && same "markdown: the fence's {view=... style=...} is used" site/out-2.svg b2.svg
cmp -s b2.svg b2-plain.svg && fail "markdown: the block's style changes the picture" "dark equals default" \
    || pass "markdown: the block's style changes the picture"
"$JM" b3.mmd -o b3.svg --style print && same "markdown: a <!-- journeymap: --> comment chooses the style" site/out-3.svg b3.svg
grep -q '<title id="title">Sign up</title>' site/out-1.svg && pass "markdown: the image keeps the diagram's title" \
    || fail "markdown: the image keeps the diagram's title" "no <title>"

# -T png, and a ```journey block holding journey YAML
printf 'Intro\n\n```journey\ntitle: Funnel in a page\nstages:\n  - name: Visit\n    count: 120\n  - name: Buy\n    count: 7\n```\n' > yaml.md
expect_exit "markdown: a \`\`\`journey block with -T png" 0 "$JM" yaml.md -o yout.md -T png
"$PNGINFO" yout-1.png > /dev/null 2>&1 && pass "markdown: -T png writes PNG images" || fail "markdown: -T png writes PNG images" "$(ls)"
printf 'Intro\n\n![Funnel in a page](yout-1.png)\n' > ywant.md
same "markdown: the YAML block's link, alt text from its title" yout.md ywant.md

# --- errors: at their line and column in the page; nothing written, nothing replaced ---
sed 's/>   Bob-->>Alice: Hello/>   Bob-->>Alice Hello/' page.md > bad.md
mkdir -p old && printf 'old page\n' > old/out.md && printf 'old image\n' > old/out-1.svg
cp old/out.md old/out.md.before && cp old/out-1.svg old/out-1.svg.before
expect_exit "markdown: an error in a block fails the run" 1 "$JM" bad.md -o old/out.md
expect_err "markdown: the error is at its line and column in the page" "bad.md:19:23: error: expected ':'"
expect_err "markdown: the error shows the page's line" ">   Bob-->>Alice Hello"
same "markdown: the old page is kept on error" old/out.md old/out.md.before
same "markdown: an old image is kept on error" old/out-1.svg old/out-1.svg.before
[ ! -e old/out-2.svg ] && [ ! -e old/out-3.svg ] && pass "markdown: no image is written on error" \
    || fail "markdown: no image is written on error" "$(ls old)"
printf '# T\n\n- item\n\n  ```journey\n  title: Bad\n  stages:\n    - name: A\n      count: many\n  ```\n' > yamlbad.md
expect_exit "markdown: a YAML block's error" 1 "$JM" yamlbad.md -o ybad-out.md
expect_err "markdown: a YAML error in a list item is at its page column" "yamlbad.md:9:14: error: 'count' must be a number"
[ ! -e ybad-out.md ] && [ ! -e ybad-out-1.svg ] && pass "markdown: nothing written after a YAML error" \
    || fail "markdown: nothing written after a YAML error" "$(ls)"
printf '```mermaid {veiw=map}\njourney\n  section S\n    T: 3: Me\n```\n' > opt.md
expect_exit "markdown: an unknown block option" 1 "$JM" opt.md -o opt-out.md
expect_err "markdown: the unknown option is named at the fence, with a did-you-mean" \
    "opt.md:1:1: error: unknown block option 'veiw' (did you mean 'view'?)"
printf 'x\n\n<!-- journeymap: view=all -->\n```mermaid\njourney\n  section S\n    T: 3: Me\n```\n' > optall.md
expect_exit "markdown: view=all is not one image" 1 "$JM" optall.md -o optall-out.md
expect_err "markdown: a comment's bad option is at the comment's line" "optall.md:3:1: error: unknown view 'all'"

# a block's style file: beside the page, as a journey's own style is beside the journey
mkdir -p styled && cp "$ROOT/styles/dark.yaml" styled/mine.yaml && cp "$ROOT/styles/dark.yaml" outside.yaml
printf 'x\n\n```mermaid {style=mine.yaml}\nsequenceDiagram\n  A->>B: hi\n```\n' > styled/in.md
expect_exit "markdown: a block's style file beside the page" 0 "$JM" styled/in.md -o styled/out.md
printf 'x\n\n```mermaid {style=../outside.yaml}\nsequenceDiagram\n  A->>B: hi\n```\n' > styled/out2.md
expect_exit "markdown: a block's style file outside the page's folder" 1 "$JM" styled/out2.md -o styled/o2.md
expect_err "markdown: ... is refused at the block" "styled/out2.md:3:1: error: style file"

# --- --strict: a block it cannot draw is an error ---
expect_exit "markdown: --strict fails on a block it cannot draw" 1 "$JM" page.md -o strict/out.md --strict
expect_err "markdown: --strict names the block's line" "page.md:29:1: error: \`\`\`mermaid block cannot be drawn (--strict)"
[ ! -e strict ] && pass "markdown: --strict writes nothing" || fail "markdown: --strict writes nothing" "$(ls -R strict)"

# --- --image-dir, --link-prefix ---
expect_exit "markdown: --image-dir" 0 "$JM" page.md -o docs/guide/page.md --image-dir static/img
[ -f static/img/page-1.svg ] && [ -f static/img/page-3.svg ] && [ ! -e docs/guide/page-1.svg ] \
    && pass "markdown: images go to --image-dir" || fail "markdown: images go to --image-dir" "$(find docs static 2>&1)"
grep -qF '> ![Login flow](../../static/img/page-2.svg)' docs/guide/page.md \
    && pass "markdown: links are relative from the page to --image-dir" \
    || fail "markdown: links are relative from the page to --image-dir" "$(grep '!\[' docs/guide/page.md)"
expect_exit "markdown: --link-prefix" 0 "$JM" page.md -o p2/page.md --image-dir p2/img --link-prefix /img/
grep -qF '![Sign up](/img/page-1.svg)' p2/page.md && pass "markdown: --link-prefix makes the links" \
    || fail "markdown: --link-prefix makes the links" "$(grep '!\[' p2/page.md)"

# --- --markdown, --check, the page itself, a page with nothing to draw, a .md input to an image ---
cp page.md page.txt
expect_exit "markdown: --markdown reads a page whatever its name" 0 "$JM" --markdown page.txt -o forced.txt
[ -f forced-1.svg ] && pass "markdown: --markdown draws the blocks" || fail "markdown: --markdown draws the blocks" "$(ls)"
expect_exit "markdown: --check loads every block" 1 "$JM" bad.md -o chk.md --check
[ ! -e chk.md ] && pass "markdown: --check writes nothing" || fail "markdown: --check writes nothing" "chk.md exists"
cp page.md self.md
expect_exit "markdown: the page is not written over itself" 2 "$JM" self.md -o self.md
same "markdown: the page is unchanged" self.md page.md
printf 'No diagrams here.\r\n```sh\nls\n```\n' > plain.md
expect_exit "markdown: a page with nothing to draw" 0 "$JM" plain.md -o plain-out.md
same "markdown: ... is copied as it is" plain-out.md plain.md
expect_exit "markdown: a page from standard input" 0 "$JM" - -o stdin-out.md < page.md
[ -f stdin-out-3.svg ] && pass "markdown: ... draws its blocks" || fail "markdown: a page from standard input" "$(ls)"
expect_exit "markdown: a YAML file to a page is a usage error" 2 "$JM" "$ROOT/samples/seq-arrows.yaml" -o y.md
expect_err "markdown: ... that says so" "is not a Markdown page"
expect_exit "markdown: a page that is no journey document, to an image, is an error" 1 "$JM" plain.md -o page.png
expect_err "markdown: ... that says what was looked for" "looked for stage headings"
[ ! -e page.png ] && pass "markdown: ... and writes nothing" || fail "markdown: no image" "page.png written"
cd "$ROOT" || return
