# tests/cli/install.sh - make install honours PREFIX and DESTDIR and installs exactly the binary,
# the library (shared with its links, static), the header, the .pc file, the man page, the bash
# completion, the fonts and the styles; the installed binary finds its own data (no compiled-in
# path, and it still works after the tree is moved); pkg-config with the installed .pc builds the
# example against the installed header and library, which runs from another folder; make
# uninstall leaves nothing. Also the Makefile's promises: plain make installs no packages,
# CPPFLAGS= keeps the project's flags, headers are dependencies (-MMD).
make -s -C "$ROOT" install BUILD="$BUILD" PREFIX=/opt/jm DESTDIR="$T/stage" >"$T/install.log" 2>&1 \
    && pass "make install with PREFIX and DESTDIR" || fail "make install with PREFIX and DESTDIR" "$(tail -c 300 "$T/install.log")"
inst="$T/stage/opt/jm"
[ -x "$inst/bin/journeymap" ] && pass "binary installed under PREFIX/bin" || fail "binary installed under PREFIX/bin" "$(find "$T/stage" | head)"
# the installed `journeymap serve` runs the installed journeymap-serve beside it
(cd / && "$inst/bin/journeymap" serve --listen bad) 2> "$T/srv.err"
grep -q "listen takes ADDR:PORT" "$T/srv.err" && pass "installed: journeymap serve runs journeymap-serve beside it" || fail "installed: journeymap serve" "$(head -c 300 "$T/srv.err")"
[ -f "$inst/share/journeymap/styles/print.yaml" ] && pass "styles installed" || fail "styles installed" "no print.yaml"
[ -f "$inst/share/journeymap/fonts/Inter-Regular.otf" ] && pass "fonts installed" || fail "fonts installed" "no Inter"
# exactly these files
( cd "$T/stage" && find . -type f -o -type l | sed 's|^\./||' | sort ) > installed.txt
{ printf '%s\n' opt/jm/bin/journeymap opt/jm/bin/journeymap-serve opt/jm/include/journeymap.h opt/jm/lib/libjourneymap.a \
      opt/jm/lib/libjourneymap.so opt/jm/lib/libjourneymap.so.0 opt/jm/lib/libjourneymap.so.0.1.0 \
      opt/jm/lib/pkgconfig/journeymap.pc opt/jm/share/bash-completion/completions/journeymap \
      opt/jm/share/man/man1/journeymap.1 opt/jm/share/journeymap/journey.schema.json
  for f in "$ROOT"/fonts/*; do echo "opt/jm/share/journeymap/fonts/$(basename "$f")"; done
  for f in "$ROOT"/styles/*.yaml; do echo "opt/jm/share/journeymap/styles/$(basename "$f")"; done
} | sort > expected.txt
diff expected.txt installed.txt > inst.diff && pass "installs exactly binary, library, header, .pc, man page, completion, fonts, styles ($(wc -l < installed.txt) files)" \
    || fail "installs exactly the listed files" "$(head -c 400 inst.diff)"
[ "$(readlink "$inst/lib/libjourneymap.so")" = libjourneymap.so.0 ] && [ "$(readlink "$inst/lib/libjourneymap.so.0")" = libjourneymap.so.0.1.0 ] \
    && pass "library links: .so -> .so.0 -> .so.0.1.0" || fail "library links" "$(ls -l "$inst/lib")"

cp "$ROOT/samples/funnel-basic.yaml" basic.yaml
env -u JOURNEYMAP_DATADIR "$inst/bin/journeymap" basic.yaml --style print -o inst.png 2>inst.err \
    && pass "installed binary renders with its own styles" || fail "installed binary renders with its own styles" "$(head -c 300 inst.err)"
"$JM" basic.yaml --style print -o built.png
same "installed binary draws what the built one draws" inst.png built.png
# no data path compiled in: the tree moved elsewhere still works; without its data it fails
# rather than falling back on the build tree or on a default path
grep -qa '/usr/local/share/journeymap' "$inst/bin/journeymap" "$inst/lib/libjourneymap.so.0.1.0" \
    && fail "no compiled-in data path" "binary or library holds /usr/local/share/journeymap" || pass "no compiled-in data path"
mkdir -p "$T/moved" && cp -a "$inst" "$T/moved/x"
env -u JOURNEYMAP_DATADIR "$T/moved/x/bin/journeymap" basic.yaml --style print -o moved.png 2>moved.err \
    && cmp -s moved.png built.png && pass "an installed tree moved elsewhere still draws" || fail "an installed tree moved elsewhere still draws" "$(head -c 300 moved.err)"
rm -rf "$T/moved/x/share/journeymap/fonts"
env -u JOURNEYMAP_DATADIR "$T/moved/x/bin/journeymap" basic.yaml -o nodata.png 2>nodata.err
[ $? = 1 ] && [ ! -e nodata.png ] && pass "without its own data the installed binary fails (exit 1, nothing written)" \
    || fail "without its own data the installed binary fails" "$(head -c 300 nodata.err)"

# pkg-config and the example, built against the installed header and library, run elsewhere
export PKG_CONFIG_PATH="$inst/lib/pkgconfig"
cflags=$(pkg-config --cflags journeymap 2>pc.err) && libs=$(pkg-config --libs journeymap 2>>pc.err) \
    && pass "pkg-config --cflags --libs journeymap" || fail "pkg-config --cflags --libs journeymap" "$(head -c 300 pc.err)"
inc=$(pkg-config --variable=includedir journeymap); lib=$(pkg-config --variable=libdir journeymap)
[ "$(readlink -f "$inc")" = "$(readlink -f "$inst/include")" ] && case " $cflags " in *" -I$inc "*) true ;; *) false ;; esac \
    && pass "pkg-config: -I the installed include folder" || fail "pkg-config: -I the installed include folder" "$cflags"
[ "$(readlink -f "$lib")" = "$(readlink -f "$inst/lib")" ] && case " $libs " in *" -L$lib -ljourneymap "*) true ;; *) false ;; esac \
    && pass "pkg-config: -L the installed lib folder -ljourneymap" || fail "pkg-config: -L -ljourneymap" "$libs"
[ "$(pkg-config --modversion journeymap)" = 0.1.0 ] && pass "pkg-config --modversion" || fail "pkg-config --modversion" "$(pkg-config --modversion journeymap 2>&1)"
mkdir -p app && cp "$ROOT/examples/render_png.c" app/
san=""; [ -n "$JM_SANITIZED" ] && san="-fsanitize=address,undefined"   # a sanitized library wants its runtime first
( cd app && cc $san -o render_png render_png.c $cflags $libs -Wl,-rpath,"$inst/lib" ) 2>cc.err \
    && pass "the example builds against the installed header and library" || fail "the example builds against the installed library" "$(head -c 400 cc.err)"
ldd app/render_png 2>/dev/null | grep -q "libjourneymap.so.0 => $(readlink -f "$inst/lib")/libjourneymap.so.0\|libjourneymap.so.0 => $inst/lib/libjourneymap.so.0" \
    && pass "the example runs with the installed libjourneymap.so.0" || fail "the example runs with the installed libjourneymap.so.0" "$(ldd app/render_png 2>&1 | grep journeymap)"
mkdir -p elsewhere && ( cd elsewhere && env -u JOURNEYMAP_DATADIR ../app/render_png petra.png ) > ex.out 2> ex.err \
    && "$ROOT/$BUILD/tests/pnginfo" elsewhere/petra.png >/dev/null 2>&1 \
    && pass "the installed library draws Petra's curve into a PNG buffer from another folder" \
    || fail "the installed library draws from another folder" "$(head -c 300 ex.err)"
unset PKG_CONFIG_PATH
MANWIDTH=80 man -l "$inst/share/man/man1/journeymap.1" 2>/dev/null | grep -q -- '--page' \
    && pass "installed man page reads" || fail "installed man page reads" "man -l failed"
bash -c "source '$inst/share/bash-completion/completions/journeymap' && complete -p journeymap" >/dev/null 2>&1 \
    && pass "installed completion registers" || fail "installed completion registers" "complete -p journeymap failed"

# uninstall leaves nothing
make -s -C "$ROOT" uninstall BUILD="$BUILD" PREFIX=/opt/jm DESTDIR="$T/stage" >uninstall.log 2>&1 \
    && pass "make uninstall" || fail "make uninstall" "$(tail -c 300 uninstall.log)"
left=$(cd "$T/stage" && find . -type f -o -type l)
[ -z "$left" ] && pass "make uninstall removes every installed file" || fail "make uninstall removes every installed file" "$(echo $left | head -c 300)"
[ ! -d "$inst/share/journeymap" ] && pass "make uninstall removes share/journeymap" || fail "make uninstall removes share/journeymap" "still there"

# the Makefile: plain make never installs packages; deps does
make -s -n -B -C "$ROOT" all BUILD="$T/nb" > make-n.txt 2>&1
! grep -qE 'apt-get|apt-install|sudo' make-n.txt && pass "plain make runs no apt-get or sudo" || fail "plain make runs no apt-get or sudo" "$(grep -m1 -E 'apt|sudo' make-n.txt)"
make -s -n -C "$ROOT" deps > deps-n.txt 2>&1
grep -q 'apt-install' deps-n.txt && pass "make deps is what installs packages" || fail "make deps is what installs packages" "$(head -c 200 deps-n.txt)"
for t in test demo; do
    make -s -n -C "$ROOT" $t BUILD="$T/nb" 2>/dev/null | grep -q 'apt-install' && pass "make $t runs deps" || fail "make $t runs deps" "no deps in make -n $t"
done
make -s -n -B -C "$ROOT" "$T/nb/obj/text.o" BUILD="$T/nb" CPPFLAGS=-DJM_USER_FLAG > cpp.txt 2>&1
grep -q -- '-DJM_USER_FLAG' cpp.txt && grep -q -- '-Isrc' cpp.txt && grep -q -- '-MMD' cpp.txt \
    && pass "make CPPFLAGS=... keeps the project's flags (-Isrc, -MMD)" || fail "make CPPFLAGS=... keeps the project's flags" "$(head -c 300 cpp.txt)"
grep -q 'src/text.h' "$ROOT/$BUILD/obj/text.d" 2>/dev/null && pass "header dependencies from -MMD" || fail "header dependencies from -MMD" "no $BUILD/obj/text.d naming src/text.h"
