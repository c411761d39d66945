# tests/cli/install.sh - make install honours PREFIX and DESTDIR, and the installed binary finds
# its bundled fonts and styles (it draws with the print style and the bundled Inter).
make -s -C "$ROOT" install BUILD="$BUILD" PREFIX=/opt/jm DESTDIR="$T/stage" >"$T/install.log" 2>&1 \
    && pass "make install with PREFIX and DESTDIR" || fail "make install with PREFIX and DESTDIR" "$(tail -c 300 "$T/install.log")"
inst="$T/stage/opt/jm"
[ -x "$inst/bin/journeymap" ] && pass "binary installed under PREFIX/bin" || fail "binary installed under PREFIX/bin" "$(find "$T/stage" | head)"
[ -f "$inst/share/journeymap/styles/print.yaml" ] && pass "styles installed" || fail "styles installed" "no print.yaml"
[ -f "$inst/share/journeymap/fonts/Inter-Regular.otf" ] && pass "fonts installed" || fail "fonts installed" "no Inter"
cp "$ROOT/samples/funnel-basic.yaml" basic.yaml
env -u JOURNEYMAP_DATADIR "$inst/bin/journeymap" basic.yaml --style print -o inst.png 2>inst.err \
    && pass "installed binary renders with its own styles" || fail "installed binary renders with its own styles" "$(head -c 300 inst.err)"
"$JM" basic.yaml --style print -o built.png
same "installed binary draws what the built one draws" inst.png built.png
