# tests/cli/manpage.sh - the manual page (man/journeymap.1) and the bash completion
# (completion/journeymap.bash) agree with --help: every option --help lists is in both and they
# name no option that --help does not; the page formats without warnings; the completion
# completes options, views, formats, styles and page sizes.
"$JM" --help > help.txt
grep -oE -- '--[a-z][a-z-]*' help.txt | sort -u > help-long.txt
grep -oE '^  -[A-Za-z],' help.txt | tr -d ' ,' | sort -u > help-short.txt
[ "$(wc -l < help-long.txt)" -ge 30 ] && pass "--help lists $(wc -l < help-long.txt) long options" || fail "--help lists the options" "$(head -c 200 help-long.txt)"
MAN="$ROOT/man/journeymap.1"
sed 's/\\-/-/g; s/\\f[BIRP]//g' "$MAN" > man.txt
missing=""; for opt in $(cat help-long.txt help-short.txt); do grep -qE -- "(^|[^a-z-])$opt([^a-z-]|$)" man.txt || missing="$missing $opt"; done
[ -z "$missing" ] && pass "every option of --help is in the man page" || fail "every option of --help is in the man page" "missing:$missing"
# journeymap serve's options (journeymap-serve --help) have their own section
"$ROOT/$BUILD/journeymap-serve" --help 2>&1 | grep -oE -- '--[a-z][a-z-]*' | sort -u > serve-long.txt
stale=""; for opt in $(grep -oE -- '--[a-z][a-z-]*' man.txt | sort -u); do cat help-long.txt serve-long.txt | grep -qxF -- "$opt" || stale="$stale $opt"; done
[ -z "$stale" ] && pass "the man page names no option --help lacks" || fail "the man page names no option --help lacks" "$stale"
for w in funnel sequence emotions map all; do grep -q "^\.B $w$" "$MAN" || missing="$missing view:$w"; done
for code in 0 1 2 3 4; do grep -q "^\.B $code$" "$MAN" || missing="$missing exit:$code"; done
[ -z "$missing" ] && pass "the man page lists the views and exit codes" || fail "the man page lists the views and exit codes" "$missing"
groff -man -Tutf8 -ww -z "$MAN" 2> groff.err && [ ! -s groff.err ] && pass "man page formats without warnings" \
    || fail "man page formats without warnings" "$(head -c 300 groff.err)"
MANWIDTH=80 man -l "$MAN" > man.out 2>&1 && grep -q 'EXIT STATUS' man.out && pass "man -l shows the page" || fail "man -l shows the page" "$(head -c 200 man.out)"

# ---- bash completion ----
COMP="$ROOT/completion/journeymap.bash"
complete_words() { # complete_words WORD... : the completions of the last word
    bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _journeymap; printf "%s\n" "${COMPREPLY[@]}"' \
        _ "$COMP" journeymap "$@" | sort
}
complete_words --v > c.txt; grep -qx -- --view c.txt && grep -qx -- --version c.txt && pass "completion: options" || fail "completion: options" "$(tr '\n' ' ' < c.txt)"
complete_words -- > c-all.txt
missing=""; for opt in $(cat help-long.txt); do grep -qxF -- "$opt" c-all.txt || missing="$missing $opt"; done
stale=""; for opt in $(cat c-all.txt); do grep -qxF -- "$opt" help-long.txt || stale="$stale $opt"; done
[ -z "$missing$stale" ] && pass "completion offers exactly --help's options" || fail "completion offers exactly --help's options" "missing:$missing stale:$stale"
[ "$(complete_words --view '' | tr '\n' ' ')" = "all emotions funnel map sequence " ] && pass "completion: views" \
    || fail "completion: views" "$(complete_words --view '' | tr '\n' ' ')"
[ "$(complete_words -T '' | tr '\n' ' ')" = "pdf png svg " ] && pass "completion: formats" || fail "completion: formats" "$(complete_words -T '' | tr '\n' ' ')"
mkdir -p st && : > st/brand.yaml
( cd st && complete_words --style '' ) > c.txt
for s in default print dark auto brand.yaml; do grep -qx "$s" c.txt || missing="$missing $s"; done
[ -z "$missing" ] && pass "completion: built-in styles and style files" || fail "completion: built-in styles and style files" "$(tr '\n' ' ' < c.txt)"
complete_words --page A4 | tr '\n' ' ' > c.txt
[ "$(cat c.txt)" = "A4 A4-landscape " ] && pass "completion: page sizes" || fail "completion: page sizes" "$(cat c.txt)"
complete_words --page=Tab | tr '\n' ' ' > c.txt
[ "$(cat c.txt)" = "Tabloid Tabloid-landscape " ] && pass "completion: --page=VALUE" || fail "completion: --page=VALUE" "$(cat c.txt)"
for s in "$ROOT"/styles/*.yaml; do n=$(basename "$s" .yaml); grep -q "\b$n\b" "$COMP" || missing="$missing $n"; done
[ -z "$missing" ] && pass "completion knows every built-in style" || fail "completion knows every built-in style" "$missing"

# journeymap serve: every option of its --help is in the man page's SERVE section and the completion
"$ROOT/$BUILD/journeymap-serve" --help > "$T/serve-help" 2>&1
for opt in $(grep -o -- '--[a-z][a-z-]*' "$T/serve-help" | sort -u); do
    case $opt in --help|--help-all) continue ;; esac
    m=$(printf '%s' "$opt" | sed 's/-/\\\\-/g')
    if grep -q -- "$m" "$ROOT/man/journeymap.1" && grep -q -- "$opt" "$ROOT/completion/journeymap.bash"; then pass "serve: $opt in the man page and the completion"
    else fail "serve: $opt in the man page and the completion" "missing"; fi
done
