# tests/cli/determinism.sh - the same bytes on any machine. (1) Rendered in a hostile environment
# (a user fontconfig file, XDG folders and FONTCONFIG_FILE/FONTCONFIG_PATH that prefer DejaVu
# Serif, embolden and hint; user font folders holding DejaVu Serif; a Turkish locale with a
# decimal comma; Japanese language preferences; another time zone; malloc filling memory with
# junk), unicode.yaml in every view and the storyline sequence give the bytes of a normal render,
# in PNG, SVG, PDF and scene dumps. (2) Traced with strace, a render opens or stats no path in the
# system's or the user's font folders, fontconfig configurations or caches, except the files of
# the pinned font set (from `journeymap --list-fonts`: one line per file, its path first).
# Each part first shows that it can fail: fontconfig itself does pick DejaVu Serif in the hostile
# environment, the locale is active, and the trace of fc-list shows /etc/fonts and the fake home.
# shards: 2
UNICODE="$ROOT/samples/unicode.yaml"
STORY="$ROOT/samples/seq-storyline.yaml"
SCENECMP="$ROOT/$BUILD/tests/scenecmp"
# the pinned set when journeymap cannot list it: the bundled fonts and Debian's fonts-noto-cjk
PINNED_FALLBACK="$(ls -d "$ROOT"/fonts/*) /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"

# --- the hostile environment: hostile CMD... runs CMD in it ---
H=$T/home
LOCALES="$ROOT/$BUILD/tests/locale"   # tr_TR.UTF-8 compiled once (localedef; make test-deps installs locales)
if [ ! -d "$LOCALES/tr_TR.UTF-8" ]; then
    mkdir -p "$LOCALES" && localedef -i tr_TR -f UTF-8 "$LOCALES/.tr.$$" >"$T/localedef.log" 2>&1
    mv -T "$LOCALES/.tr.$$" "$LOCALES/tr_TR.UTF-8" 2>/dev/null || rm -rf "$LOCALES/.tr.$$"   # another job won
fi
# fonts_conf MAIN|USER: a fontconfig file preferring DejaVu Serif for Inter, sans-serif and emoji,
# emboldened and fully hinted; MAIN also reads the system's configuration and the user's files
fonts_conf() {
    echo '<?xml version="1.0"?>'
    echo '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">'
    echo '<fontconfig>'
    [ "$1" = MAIN ] && echo '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <include ignore_missing="yes" prefix="xdg">fontconfig/fonts.conf</include>'
    echo "  <dir>$H/.fonts</dir>"
    for fam in Inter sans-serif "Noto Color Emoji" emoji; do
        echo "  <alias binding=\"strong\"><family>$fam</family><prefer><family>DejaVu Serif</family></prefer></alias>"
    done
    echo '  <match target="pattern"><test name="family"><string>Inter</string></test>
    <edit name="family" mode="prepend" binding="strong"><string>DejaVu Serif</string></edit></match>
  <match target="font"><edit name="embolden" mode="assign"><bool>true</bool></edit>
    <edit name="hintstyle" mode="assign"><const>hintfull</const></edit>
    <edit name="rgba" mode="assign"><const>rgb</const></edit></match>
</fontconfig>'
}
mkdir -p "$H/.config/fontconfig" "$H/.fonts" "$H/.local/share/fonts" "$T/xdg-config/fontconfig" "$T/xdg-data/fonts" \
    "$T/xdg-cache" "$T/fc"
for d in "$H/.fonts" "$H/.local/share/fonts" "$T/xdg-data/fonts"; do
    cp /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf "$d/" 2>/dev/null   # fonts-dejavu-core, from make test-deps
done
fonts_conf USER > "$H/.config/fontconfig/fonts.conf"
fonts_conf USER > "$H/.fonts.conf"
fonts_conf USER > "$T/xdg-config/fontconfig/fonts.conf"
fonts_conf MAIN > "$T/fc/fonts.conf"
hostile() {
    env HOME="$H" XDG_CONFIG_HOME="$T/xdg-config" XDG_DATA_HOME="$T/xdg-data" XDG_CACHE_HOME="$T/xdg-cache" \
        FONTCONFIG_FILE="$T/fc/fonts.conf" FONTCONFIG_PATH="$T/fc" \
        LOCPATH="$LOCALES" LANG=tr_TR.UTF-8 LC_ALL=tr_TR.UTF-8 LANGUAGE=ja:tr PANGO_LANGUAGE=ja \
        TZ=Asia/Kathmandu MALLOC_PERTURB_=165 "$@"
}

# render DIR [ENV...]: the renders compared, into DIR (run through ENV, e.g. hostile, when given):
# unicode.yaml's views as PNG, SVG and scene, all of them as a PDF handout; the storyline sequence
RENDERS=11
render() {
    local dir=$1; shift
    mkdir -p "$dir"
    for v in funnel map; do
        for fmt in png svg; do "$@" "$JM" "$UNICODE" --view "$v" -o "$dir/unicode-$v.$fmt" 2>>"$dir/err"; done
        "$@" "$JM" "$UNICODE" --view "$v" --dump-scene > "$dir/unicode-$v.scene" 2>>"$dir/err"
    done
    "$@" "$JM" "$UNICODE" --view all -o "$dir/unicode.pdf" 2>>"$dir/err"
    for fmt in png svg pdf; do "$@" "$JM" "$STORY" --view sequence -o "$dir/story.$fmt" 2>>"$dir/err"; done
    "$@" "$JM" "$STORY" --view sequence --dump-scene > "$dir/story.scene" 2>>"$dir/err"
}

hostile_renders() {
    hostile fc-match -f '%{family}\n' Inter > "$T/match" 2>&1
    grep -q "DejaVu Serif" "$T/match" && pass "hostile environment: there fontconfig picks DejaVu Serif for Inter" \
        || fail "hostile environment: there fontconfig picks DejaVu Serif for Inter" "$(head -c 200 "$T/match")"
    hostile locale -k decimal_point > "$T/locale" 2>&1
    grep -qx 'decimal_point=","' "$T/locale" && pass "hostile environment: the Turkish locale is active" \
        || fail "hostile environment: the Turkish locale is active" "$(head -c 200 "$T/locale") $(head -c 200 "$T/localedef.log")"

    render "$T/normal"
    render "$T/hostile" hostile
    local files
    files=$(cd "$T/normal" && ls -- *.png *.svg *.pdf *.scene 2>/dev/null)
    [ "$(echo "$files" | wc -w)" = $RENDERS ] && [ ! -s "$T/normal/err" ] && pass "hostile environment: $RENDERS normal renders" \
        || fail "hostile environment: $RENDERS normal renders" "$(echo $files) $(head -c 300 "$T/normal/err")"
    for f in $files; do
        if cmp -s "$T/normal/$f" "$T/hostile/$f"; then pass "hostile environment: same bytes, $f"
        elif [ "${f##*.}" = scene ]; then
            fail "hostile environment: same bytes, $f" "$("$SCENECMP" "$T/normal/$f" "$T/hostile/$f" --tolerance 0 --show 1 2>&1 | tail -n +2 | grep -v '^      ')"
        else fail "hostile environment: same bytes, $f" "differ ($(wc -c < "$T/normal/$f") and $(wc -c < "$T/hostile/$f" 2>/dev/null) bytes) $(head -c 200 "$T/hostile/err")"
        fi
    done
}

# --- strace: which paths a process opened, stat'ed or looked for ---
# touched LOG: the absolute paths in an strace -f -y -e trace=%file log, one a line, unique
# (a path relative to a folder descriptor is joined to that folder; -y prints it as 3</dir>)
touched() {
    awk '{
        line = $0; sub(/^[0-9]+ +/, "", line)
        if (line !~ /^[a-z_0-9]+\(/) next               # signals, exits, "<... resumed>"
        dir = ""
        if (match(line, /^[a-z_0-9]+\([0-9]+</)) { rest = substr(line, RLENGTH + 1); dir = substr(rest, 1, index(rest, ">") - 1) }
        if (!match(line, /"([^"\\]|\\.)*"/)) next
        p = substr(line, RSTART + 1, RLENGTH - 2)
        if (substr(p, 1, 1) != "/") { if (dir == "") next; p = (p == "" ? dir : dir "/" p) }
        print p
    }' "$1" | sort -u
}
# foreign LOG ALLOWED: the touched paths in font folders, fontconfig configurations and caches
# (the system's, the user's real and fake home, XDG, FONTCONFIG_*), less the files in ALLOWED
# and journeymap's own cache of the pinned set ($XDG_CACHE_HOME/journeymap: fontconfig's cache
# files and the links to the set's Debian files); each line "FOLDER<tab>PATH"
foreign() {
    local real_home
    real_home=$(getent passwd "$(id -u)" | cut -d: -f6)
    touched "$1" | awk -v allowed="$2" -v xdg_cache="$T/xdg-cache" -v prefixes="/usr/share/fonts /usr/local/share/fonts /etc/fonts \
/usr/share/fontconfig /var/cache/fontconfig $H/.fonts $H/.fonts.conf $H/.local/share/fonts $H/.config/fontconfig \
$H/.cache/fontconfig $real_home/.fonts $real_home/.fonts.conf $real_home/.local/share/fonts \
$real_home/.config/fontconfig $real_home/.cache/fontconfig $T/xdg-config $T/xdg-data $T/xdg-cache $T/fc" '
        BEGIN { n = split(prefixes, pre, " "); m = split(allowed, a, "\n"); for (i = 1; i <= m; i++) ok[a[i]] = 1 }
        { if ($0 in ok || $0 == xdg_cache || $0 == xdg_cache "/journeymap" || index($0, xdg_cache "/journeymap/") == 1) next
          for (i = 1; i <= n; i++) if ($0 == pre[i] || index($0, pre[i] "/") == 1) { print pre[i] "\t" $0; next } }'
}
TRACE="strace -f -s 4096 -y -e trace=%file"

pinned_fonts() {
    local allowed missing
    if "$JM" --list-fonts > "$T/list" 2>&1; then
        allowed=$(awk '{ print $1 }' "$T/list")
        missing=$(for f in $allowed; do [ -f "$f" ] || echo "$f"; done)
        [ -n "$allowed" ] && [ -z "$missing" ] && pass "pinned fonts: --list-fonts names existing files" \
            || fail "pinned fonts: --list-fonts names existing files" "$(head -c 300 "$T/list") missing: $missing"
    else
        skip "pinned fonts: --list-fonts names existing files" "journeymap has no --list-fonts yet; the fixed list is used"
        allowed=$PINNED_FALLBACK
    fi
    if ! $TRACE -o "$T/probe.log" true > "$T/probe.out" 2>&1; then
        for n in "the trace sees fc-list read the font configuration" "unicode handout" "storyline png"; do
            skip "pinned fonts: $n" "strace cannot trace here: $(head -c 150 "$T/probe.out")"
        done
        return
    fi
    # the trace finds what it must: fc-list reads /etc/fonts and the fake home's files
    hostile $TRACE -o "$T/fc-list.log" fc-list > /dev/null 2>&1
    foreign "$T/fc-list.log" "" > "$T/fc-list.foreign"
    cut -f 2 "$T/fc-list.foreign" > "$T/fc-list.paths"
    grep -q '^/etc/fonts/' "$T/fc-list.paths" && grep -q "^$H/" "$T/fc-list.paths" \
        && pass "pinned fonts: the trace sees fc-list read the font configuration" \
        || fail "pinned fonts: the trace sees fc-list read the font configuration" "$(head -n 5 "$T/fc-list.paths" | tr '\n' ' ')"

    traced() { # traced NAME ARGS...: a hostile render under strace touches no foreign path
        local n=$1 log="$T/trace-$RANDOM.log"; shift
        hostile $TRACE -o "$log" "$JM" "$@" > /dev/null 2>"$T/trace.err" \
            || { fail "pinned fonts: $n" "render failed: $(head -c 200 "$T/trace.err")"; return; }
        foreign "$log" "$allowed" > "$T/foreign"
        # on failure: how many paths under each folder, and the longest of them ($T for the job's folder)
        [ ! -s "$T/foreign" ] && pass "pinned fonts: $n" || fail "pinned fonts: $n" "$(wc -l < "$T/foreign") paths outside the pinned set:
$(awk -F '\t' '!($1 in n) { order[++k] = $1 } { n[$1]++; if (length($2) > length(eg[$1])) eg[$1] = $2 }
      END { for (i = 1; i <= k; i++) printf "  %d under %s, such as %s\n", n[order[i]], order[i], eg[order[i]] }' "$T/foreign" \
  | sed "s|$T/|\$T/|g")"
    }
    traced "unicode handout" "$UNICODE" --view all -o "$T/traced.pdf"
    traced "storyline png" "$STORY" --view sequence -o "$T/traced.png"
}

for part in $(shard hostile_renders pinned_fonts); do "$part"; done
