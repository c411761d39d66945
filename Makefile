# journeymap - journey YAML to funnel, sequence, emotion and map graphics (PNG, SVG, PDF).
# make | make deps | make demo | make test | make test-asan | make test-update | make bench | make fuzz
# make install [PREFIX=/usr/local] [DESTDIR=...] | make uninstall (the same PREFIX and DESTDIR)
# Builds libjourneymap (shared, with a soname, and static; one public header include/journeymap.h)
# and the journeymap command line, which links the static library. Plain `make` installs nothing:
# it says what is missing and that `make deps` installs it (demo and test run deps first).

VERSION   = 0.1.0
SOVERSION = 0
PREFIX  ?= /usr/local
BINDIR   = $(PREFIX)/bin
LIBDIR   = $(PREFIX)/lib
INCDIR   = $(PREFIX)/include
MANDIR   = $(PREFIX)/share/man
BASHCOMPDIR = $(PREFIX)/share/bash-completion/completions
# The fonts and styles. Not configurable and not compiled in: the program and the library find
# them at ../share/journeymap from their own folder (src/datadir.h), under any PREFIX.
DATADIR  = $(PREFIX)/share/journeymap
CC      ?= cc
BUILD   ?= build

# The one list of Debian packages. Libraries: pkg-config name -> -dev package (PKGS derives
# from it); a library without a .pc file of its own: file -> package. Markdown mode parses pages
# with cmark-gfm (see src/markdown.c for why not md4c); Debian's libcmark-gfm.pc links
# -lcmark-gfm-extensions, which comes with libcmark-gfm-extensions-dev.
DEB_LIBS  = cairo:libcairo2-dev pangocairo:libpango1.0-dev pangofc:libpango1.0-dev fontconfig:libfontconfig-dev \
            harfbuzz-subset:libharfbuzz-dev libbrotlienc:libbrotli-dev yaml-0.1:libyaml-dev libpng:libpng-dev \
            freetype2:libfreetype-dev zlib:zlib1g-dev glib-2.0:libglib2.0-dev gio-2.0:libglib2.0-dev libcmark-gfm:libcmark-gfm-dev \
            libsoup-3.0:libsoup-3.0-dev json-glib-1.0:libjson-glib-dev
DEB_LIBFILES = /usr/lib/*/libcmark-gfm-extensions.so:libcmark-gfm-extensions-dev
# Fonts of the pinned set (fonts/fontset.txt) that come from Debian rather than fonts/: file -> package.
DEB_FONTS = /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc:fonts-noto-cjk \
            /usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc:fonts-noto-cjk
# Tools the tests use -> package.
DEB_TOOLS = xmllint:libxml2-utils pdfinfo:poppler-utils pdftotext:poppler-utils pdftoppm:poppler-utils \
            rsvg-convert:librsvg2-bin strace:strace fc-list:fontconfig fc-match:fontconfig chromium:chromium curl:curl \
            groff:groff-base nm:binutils
# Files the tests read -> package: a locale's source (compiled for a hostile environment), a font
# that environment's fontconfig files prefer.
DEB_FILES = /usr/share/i18n/locales/tr_TR:locales /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf:fonts-dejavu-core \
            /usr/lib/python3/dist-packages/jsonschema:python3-jsonschema /usr/lib/python3/dist-packages/yaml:python3-yaml
PKGS     = $(foreach p,$(DEB_LIBS),$(firstword $(subst :, ,$(p))))

CFLAGS   ?= -O2 -g
# Always on, also when CFLAGS or CPPFLAGS is given on the command line (make test-asan does that):
# the project's own flags are kept apart from the user's.
JM_CFLAGS   = -std=c11 -Wall -Wextra -Wshadow -Wno-unused-parameter -D_GNU_SOURCE -MMD -MP
JM_CPPFLAGS = -Isrc -Iinclude -I$(BUILD)/gen
# The library's objects: position independent, every symbol hidden but the JM_PUBLIC ones.
LIB_CFLAGS  = -fPIC -fvisibility=hidden -DJM_BUILDING_LIBRARY
# The service's HTTP and JSON libraries link only journeymap-serve: the library and the command line
# do without them (and without their start-up cost: libsoup brings 20 more shared objects).
SERVE_PKGS = libsoup-3.0 json-glib-1.0
LIB_PKGS   = $(filter-out $(SERVE_PKGS),$(PKGS))
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = -Wl,--as-needed $(shell pkg-config --libs $(LIB_PKGS) 2>/dev/null) -lm -lpthread
SERVE_LIBS = $(shell pkg-config --libs $(SERVE_PKGS) 2>/dev/null)

SRC  = $(wildcard src/*.c)
OBJ  = $(SRC:src/%.c=$(BUILD)/obj/%.o)
# The command line's own modules (options, usage errors, batch, watch and Markdown page modes:
# they print); every other module is the library.
CLI_SRC = src/main.c src/usage.c src/docs.c src/batch.c src/watch.c src/markdown.c
CLI_OBJ = $(CLI_SRC:src/%.c=$(BUILD)/obj/%.o)
# `journeymap serve` runs journeymap-serve, beside the journeymap binary.
SERVE_SRC = src/serve_main.c src/serve.c src/serve_kroki.c src/serve_worker.c
SERVE_OBJ = $(SERVE_SRC:src/%.c=$(BUILD)/obj/%.o)
LIB_OBJ = $(filter-out $(CLI_OBJ) $(SERVE_OBJ),$(OBJ))
SONAME  = libjourneymap.so.$(SOVERSION)
LIB_SO  = $(BUILD)/libjourneymap.so.$(VERSION)
LIB_A   = $(BUILD)/libjourneymap.a
LIBS    = $(LIB_SO) $(BUILD)/$(SONAME) $(BUILD)/libjourneymap.so $(LIB_A)
UNIT = $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(wildcard tests/unit/test_*.c))
TOOLS = $(BUILD)/tests/imgcmp $(BUILD)/tests/pnginfo $(BUILD)/tests/scenecmp $(BUILD)/tests/replay \
        $(BUILD)/examples/render_png $(BUILD)/tests/lib_bench $(BUILD)/tests/librender $(BUILD)/tests/gen_schema
FUZZ_SECONDS ?= 60

.PHONY: all schema check-deps deps test-deps demo docs test test-asan test-update bench fuzz fuzz-gen install uninstall clean
all: check-deps $(BUILD)/journeymap $(BUILD)/journeymap-serve $(LIBS)

# Says what is missing (and that `make deps` installs it) instead of failing on a missing header.
check-deps:
	@missing=""; for p in $(DEB_LIBS); do pkg-config --exists $${p%%:*} 2>/dev/null || missing="$$missing $${p#*:}"; done; \
	for f in $(DEB_LIBFILES); do ls $${f%%:*} >/dev/null 2>&1 || missing="$$missing $${f#*:}"; done; \
	if [ -n "$$missing" ]; then echo "journeymap: missing Debian packages:$$missing (run: make deps)" >&2; exit 1; fi

$(BUILD)/journeymap: $(CLI_OBJ) $(LIB_A)
	@echo "  LD  $@"; $(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/journeymap-serve: $(SERVE_OBJ) $(LIB_A)
	@echo "  LD  $@"; $(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(SERVE_LIBS) $(PKG_LIBS)

$(LIB_A): $(LIB_OBJ)
	@echo "  AR  $@"; rm -f $@; ar rcs $@ $^

$(LIB_SO): $(LIB_OBJ) src/journeymap.map
	@echo "  LD  $@"; $(CC) $(CFLAGS) $(LDFLAGS) -shared -Wl,-soname,$(SONAME) -Wl,--version-script=src/journeymap.map \
	  -Wl,--no-undefined -o $@ $(LIB_OBJ) $(PKG_LIBS)
$(BUILD)/$(SONAME) $(BUILD)/libjourneymap.so: $(LIB_SO)
	@ln -sf $(notdir $(LIB_SO)) $@

$(CLI_OBJ) $(SERVE_OBJ): $(BUILD)/obj/%.o: src/%.c Makefile | $(BUILD)/obj
	@echo "  CC  $<"; $(CC) $(JM_CPPFLAGS) $(CPPFLAGS) $(PKG_CFLAGS) $(JM_CFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/obj/%.o: src/%.c Makefile | $(BUILD)/obj
	@echo "  CC  $<"; $(CC) $(JM_CPPFLAGS) $(CPPFLAGS) $(PKG_CFLAGS) $(JM_CFLAGS) $(LIB_CFLAGS) $(CFLAGS) -c -o $@ $<

-include $(OBJ:.o=.d) $(wildcard $(BUILD)/tests/*.d $(BUILD)/examples/*.d)

# The emoji valence table (data/valence.tsv, see data/README.md) as C initialisers for src/valence.c.
$(BUILD)/gen/valence_table.inc: data/valence.tsv Makefile
	@mkdir -p $(BUILD)/gen; echo "  GEN $@"; awk -F'\t' '/^#/ || NF < 2 { next } \
	  { printf "    { \"%s\", %s },   /* %s */\n", $$1, $$2, $$3 }' $< > $@.tmp && mv $@.tmp $@
$(BUILD)/obj/valence.o: $(BUILD)/gen/valence_table.inc

# Unit tests link the static library (they test its internal modules too); test_api only the
# shared one, through the public header, as an application does.
$(BUILD)/tests/%: tests/unit/%.c $(LIB_A) Makefile | $(BUILD)/tests
	@echo "  CC  $<"; $(CC) $(JM_CPPFLAGS) $(CPPFLAGS) -Itests/unit $(PKG_CFLAGS) $(JM_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB_A) $(PKG_LIBS)

# Programs of the public API alone: linked against the shared library in the build folder.
API_LINK = -L$(BUILD) -ljourneymap -Wl,-rpath,$(CURDIR)/$(BUILD) $(shell pkg-config --libs cairo 2>/dev/null) -lm -lpthread
$(BUILD)/tests/test_api: tests/unit/test_api.c include/journeymap.h $(BUILD)/libjourneymap.so | $(BUILD)/tests
	@echo "  CC  $<"; $(CC) -Iinclude -Itests/unit $(CPPFLAGS) $(shell pkg-config --cflags cairo) $(JM_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(API_LINK)
$(BUILD)/examples/%: examples/%.c include/journeymap.h $(BUILD)/libjourneymap.so
	@mkdir -p $(@D); echo "  CC  $<"; $(CC) -Iinclude $(CPPFLAGS) $(shell pkg-config --cflags cairo) $(JM_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(API_LINK)
$(BUILD)/tests/librender: tests/librender.c include/journeymap.h $(BUILD)/libjourneymap.so | $(BUILD)/tests
	@echo "  CC  $<"; $(CC) -Iinclude $(CPPFLAGS) $(shell pkg-config --cflags cairo) $(JM_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(API_LINK)
$(BUILD)/tests/lib_bench: tests/bench/lib_bench.c include/journeymap.h $(BUILD)/libjourneymap.so | $(BUILD)/tests
	@echo "  CC  $<"; $(CC) -Iinclude $(CPPFLAGS) $(shell pkg-config --cflags cairo) $(JM_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(API_LINK)

$(BUILD)/tests/gen_schema: tests/gen_schema.c $(LIB_A) | $(BUILD)/tests
	@echo "  CC  $<"; $(CC) $(JM_CPPFLAGS) $(CPPFLAGS) $(PKG_CFLAGS) $(JM_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB_A) $(PKG_LIBS)

# The JSON Schema of journey files, generated from the loader's key tables (src/schema.h); kept in
# the repository and installed; tests/cli/schema.sh fails when it is stale.
schema: $(BUILD)/tests/gen_schema
	$(BUILD)/tests/gen_schema > data/journey.schema.json.tmp && mv data/journey.schema.json.tmp data/journey.schema.json

$(BUILD)/tests/imgcmp $(BUILD)/tests/pnginfo $(BUILD)/tests/scenecmp: $(BUILD)/tests/%: tests/%.c Makefile | $(BUILD)/tests
	@echo "  CC  $<"; $(CC) $(JM_CPPFLAGS) $(CPPFLAGS) $(PKG_CFLAGS) $(JM_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(PKG_LIBS)

# The fuzz target run over files (corpus, crashers kept as regressions) without libFuzzer.
$(BUILD)/tests/replay: tests/fuzz/replay.c tests/fuzz/fuzz_journey.c src/main.c $(CLI_OBJ) $(LIB_A) | $(BUILD)/tests
	@echo "  CC  $@"; $(CC) $(JM_CPPFLAGS) $(CPPFLAGS) $(PKG_CFLAGS) $(JM_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ tests/fuzz/replay.c \
	  tests/fuzz/fuzz_journey.c $(filter-out $(BUILD)/obj/main.o,$(CLI_OBJ)) $(LIB_A) $(PKG_LIBS)

# libFuzzer with ASan and UBSan (clang) on one core for FUZZ_SECONDS: the whole path of the CLI
# (tests/fuzz/fuzz_journey.c), seeded from the samples, hostile inputs and kept crashers; new
# inputs go to build-fuzz/corpus (not kept), crashers to tests/fuzz/crashers (keep each as a
# regression case). Prints executions, time and coverage at the end (tests/fuzz/libfuzzer.sh).
fuzz: deps build-fuzz/fuzz_journey
	@FUZZ_SECONDS=$(FUZZ_SECONDS) bash tests/fuzz/libfuzzer.sh

build-fuzz/fuzz_journey: tests/fuzz/fuzz_journey.c $(BUILD)/gen/valence_table.inc $(SRC) $(wildcard src/*.h) Makefile
	@command -v clang >/dev/null || sh tests/apt-install.sh clang libclang-rt-14-dev
	@mkdir -p build-fuzz
	clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all $(JM_CPPFLAGS) $(CPPFLAGS) $(PKG_CFLAGS) -std=c11 -D_GNU_SOURCE \
	  -o $@ tests/fuzz/fuzz_journey.c $(filter-out src/main.c,$(SRC)) $(PKG_LIBS)

# The structure-aware generator (tests/fuzz/gen_journeys.py): FUZZ_GEN_COUNT mutated samples, each
# drawn by the sanitizer build and by the normal build within the limits (20 s, 1 GiB); findings
# (crash, hang, blow-up) are kept in build-fuzz/gen/findings with their command lines.
FUZZ_GEN_COUNT ?= 2000
FUZZ_GEN_SEED ?= 1
fuzz-gen: all
	@python3 -c 'import yaml' 2>/dev/null || sh tests/apt-install.sh python3-yaml
	@$(ASAN_MAKE) build-asan/journeymap
	python3 tests/fuzz/gen_journeys.py --count $(FUZZ_GEN_COUNT) --seed $(FUZZ_GEN_SEED)

$(BUILD)/obj $(BUILD)/tests:
	mkdir -p $@

# Installs the Debian packages of the lists above that are missing (sudo when not root), saying
# what it installs. The only target that installs packages: `make` alone never does.
deps:
	@missing=""; for p in $(DEB_LIBS); do pkg-config --exists $${p%%:*} 2>/dev/null || missing="$$missing $${p#*:}"; done; \
	for f in $(DEB_LIBFILES); do ls $${f%%:*} >/dev/null 2>&1 || missing="$$missing $${f#*:}"; done; \
	command -v pkg-config >/dev/null || missing="pkg-config $$missing"; \
	for f in $(DEB_FONTS); do [ -f "$${f%%:*}" ] || missing="$$missing $${f#*:}"; done; \
	command -v $(CC) >/dev/null || missing="gcc make $$missing"; \
	if [ -n "$$missing" ]; then sh tests/apt-install.sh $$(echo $$missing | tr ' ' '\n' | sort -u); fi

test-deps:
	@missing=""; for t in $(DEB_TOOLS); do command -v $${t%%:*} >/dev/null || missing="$$missing $${t#*:}"; done; \
	for f in $(DEB_FILES); do [ -e $${f%%:*} ] || missing="$$missing $${f#*:}"; done; \
	if [ -n "$$missing" ]; then sh tests/apt-install.sh $$(echo $$missing | tr ' ' '\n' | sort -u); fi

demo: deps
	@$(MAKE) --no-print-directory all
	@mkdir -p out; for f in samples/*.yaml samples/*.mmd; do \
	  b=$$(basename $$f); b=$${b%.*}; \
	  for fmt in png svg pdf; do \
	    $(BUILD)/journeymap $$f --view all -o out/$$b.$$fmt || exit 1; done; \
	done; echo "rendered samples/ to out/ (PNG, SVG, PDF)"

test: deps test-deps
	@$(MAKE) --no-print-directory all $(UNIT) $(TOOLS)
	@JM_BUILD=$(BUILD) bash tests/run.sh

# The same suite built with AddressSanitizer and UndefinedBehaviorSanitizer.
ASAN_MAKE = $(MAKE) --no-print-directory BUILD=build-asan CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	  LDFLAGS="-fsanitize=address,undefined"
test-asan: deps test-deps
	@$(ASAN_MAKE) all $(patsubst $(BUILD)/%,build-asan/%,$(UNIT) $(TOOLS))
	@ASAN_OPTIONS=detect_leaks=0:abort_on_error=0:exitcode=99 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=99 \
	  JM_BUILD=build-asan JM_SANITIZED=1 bash tests/run.sh

test-update: all $(UNIT) $(TOOLS)
	@JM_BUILD=$(BUILD) JM_UPDATE=1 bash tests/run.sh

# The README's pictures (docs/*.png), drawn from the samples; tests/cli/docs.sh fails when stale.
docs: all
	bash docs/render.sh $(BUILD)/journeymap docs

bench: all $(BUILD)/tests/pnginfo $(BUILD)/tests/lib_bench
	@JM=$(CURDIR)/$(BUILD)/journeymap PNGINFO=$(CURDIR)/$(BUILD)/tests/pnginfo LIB_BENCH=$(CURDIR)/$(BUILD)/tests/lib_bench \
	  bash tests/bench/run.sh

# What `make install` puts where; `make uninstall` removes exactly these (tests/cli/install.sh).
INSTALLED = $(BINDIR)/journeymap $(BINDIR)/journeymap-serve $(LIBDIR)/libjourneymap.so.$(VERSION) $(LIBDIR)/$(SONAME) $(LIBDIR)/libjourneymap.so \
            $(LIBDIR)/libjourneymap.a $(INCDIR)/journeymap.h $(LIBDIR)/pkgconfig/journeymap.pc \
            $(MANDIR)/man1/journeymap.1 $(BASHCOMPDIR)/journeymap $(DATADIR)/journey.schema.json \
            $(addprefix $(DATADIR)/fonts/,$(notdir $(wildcard fonts/*))) \
            $(addprefix $(DATADIR)/styles/,$(notdir $(wildcard styles/*.yaml)))

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(INCDIR) $(DESTDIR)$(MANDIR)/man1 \
	  $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(DATADIR)/fonts $(DESTDIR)$(DATADIR)/styles
	install -m 755 $(BUILD)/journeymap $(DESTDIR)$(BINDIR)/journeymap
	install -m 755 $(BUILD)/journeymap-serve $(DESTDIR)$(BINDIR)/journeymap-serve
	install -m 755 $(LIB_SO) $(DESTDIR)$(LIBDIR)/
	ln -sf libjourneymap.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libjourneymap.so
	install -m 644 $(LIB_A) $(DESTDIR)$(LIBDIR)/
	install -m 644 include/journeymap.h $(DESTDIR)$(INCDIR)/
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' -e 's|@PRIVATE@|$(LIB_PKGS)|' \
	  journeymap.pc.in > $(DESTDIR)$(LIBDIR)/pkgconfig/journeymap.pc
	install -m 644 man/journeymap.1 $(DESTDIR)$(MANDIR)/man1/
	install -m 644 completion/journeymap.bash $(DESTDIR)$(BASHCOMPDIR)/journeymap
	install -m 644 fonts/* $(DESTDIR)$(DATADIR)/fonts/
	install -m 644 styles/*.yaml $(DESTDIR)$(DATADIR)/styles/
	install -m 644 data/journey.schema.json $(DESTDIR)$(DATADIR)/

uninstall:
	rm -f $(addprefix $(DESTDIR),$(INSTALLED))
	-rmdir $(DESTDIR)$(DATADIR)/fonts $(DESTDIR)$(DATADIR)/styles $(DESTDIR)$(DATADIR) 2>/dev/null

clean:
	rm -rf build build-asan build-fuzz out tests/out
