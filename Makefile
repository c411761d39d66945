# journeymap - journey YAML to funnel, sequence, emotion and map graphics (PNG, SVG, PDF).
# make | make demo | make test | make test-asan | make test-update | make bench | make fuzz | make install

PREFIX  ?= /usr/local
DATADIR ?= $(PREFIX)/share/journeymap
CC      ?= cc
PKGS     = cairo pangocairo pangofc fontconfig harfbuzz-subset libbrotlienc yaml-0.1 libpng zlib glib-2.0 gio-2.0 libcmark-gfm
BUILD   ?= build

# Debian packages: what pkg-config needs -> package; tools the tests use -> package.
DEB_LIBS  = libcairo2-dev libpango1.0-dev libharfbuzz-dev libbrotli-dev libyaml-dev libpng-dev zlib1g-dev libglib2.0-dev libfontconfig-dev \
            libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config
# Fonts of the pinned set (fonts/fontset.txt) that come from Debian rather than fonts/: file -> package.
DEB_FONTS = /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc:fonts-noto-cjk \
            /usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc:fonts-noto-cjk
DEB_TOOLS = xmllint:libxml2-utils pdfinfo:poppler-utils pdftotext:poppler-utils pdftoppm:poppler-utils \
            rsvg-convert:librsvg2-bin strace:strace fc-list:fontconfig fc-match:fontconfig chromium:chromium
# files the tests read -> package: a locale's source (compiled for a hostile environment), a font
# that environment's fontconfig files prefer
DEB_FILES = /usr/share/i18n/locales/tr_TR:locales /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf:fonts-dejavu-core

CFLAGS   ?= -O2 -g
# Always on, also when CFLAGS is given on the command line (make test-asan does that).
JM_CFLAGS = -std=c11 -Wall -Wextra -Wshadow -Wno-unused-parameter -D_GNU_SOURCE
CPPFLAGS += -DJM_DATADIR='"$(DATADIR)"' -Isrc -I$(BUILD)/gen
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm

SRC  = $(wildcard src/*.c)
OBJ  = $(SRC:src/%.c=$(BUILD)/obj/%.o)
LIB_OBJ = $(filter-out $(BUILD)/obj/main.o,$(OBJ))
UNIT = $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(wildcard tests/unit/test_*.c))
TOOLS = $(BUILD)/tests/imgcmp $(BUILD)/tests/pnginfo $(BUILD)/tests/scenecmp $(BUILD)/tests/replay
FUZZ_SECONDS ?= 60

.PHONY: all deps test-deps demo docs test test-asan test-update bench fuzz fuzz-gen install clean
all: deps $(BUILD)/journeymap

$(BUILD)/journeymap: $(OBJ)
	@echo "  LD  $@"; $(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/obj/%.o: src/%.c $(wildcard src/*.h) Makefile | $(BUILD)/obj
	@echo "  CC  $<"; $(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(JM_CFLAGS) $(CFLAGS) -c -o $@ $<

# The emoji valence table (data/valence.tsv, see data/README.md) as C initialisers for src/valence.c.
$(BUILD)/gen/valence_table.inc: data/valence.tsv Makefile
	@mkdir -p $(BUILD)/gen; echo "  GEN $@"; awk -F'\t' '/^#/ || NF < 2 { next } \
	  { printf "    { \"%s\", %s },   /* %s */\n", $$1, $$2, $$3 }' $< > $@.tmp && mv $@.tmp $@
$(BUILD)/obj/valence.o: $(BUILD)/gen/valence_table.inc

$(BUILD)/tests/%: tests/unit/%.c tests/unit/check.h tests/unit/scene_query.h tests/unit/load_query.h $(LIB_OBJ) | $(BUILD)/tests
	@echo "  CC  $<"; $(CC) $(CPPFLAGS) -Itests/unit $(PKG_CFLAGS) $(JM_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB_OBJ) $(PKG_LIBS)

$(BUILD)/tests/imgcmp $(BUILD)/tests/pnginfo $(BUILD)/tests/scenecmp: $(BUILD)/tests/%: tests/%.c Makefile | $(BUILD)/tests
	@echo "  CC  $<"; $(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(JM_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(PKG_LIBS)

# The fuzz target run over files (corpus, crashers kept as regressions) without libFuzzer.
$(BUILD)/tests/replay: tests/fuzz/replay.c tests/fuzz/fuzz_journey.c src/main.c $(LIB_OBJ) | $(BUILD)/tests
	@echo "  CC  $@"; $(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(JM_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ tests/fuzz/replay.c tests/fuzz/fuzz_journey.c $(LIB_OBJ) $(PKG_LIBS)

# libFuzzer with ASan and UBSan (clang) on one core for FUZZ_SECONDS: the whole path of the CLI
# (tests/fuzz/fuzz_journey.c), seeded from the samples, hostile inputs and kept crashers; new
# inputs go to build-fuzz/corpus (not kept), crashers to tests/fuzz/crashers (keep each as a
# regression case). Prints executions, time and coverage at the end (tests/fuzz/libfuzzer.sh).
fuzz: deps build-fuzz/fuzz_journey
	@FUZZ_SECONDS=$(FUZZ_SECONDS) bash tests/fuzz/libfuzzer.sh

build-fuzz/fuzz_journey: tests/fuzz/fuzz_journey.c $(BUILD)/gen/valence_table.inc $(SRC) $(wildcard src/*.h) Makefile
	@command -v clang >/dev/null || sh tests/apt-install.sh clang libclang-rt-14-dev
	@mkdir -p build-fuzz
	clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all $(CPPFLAGS) $(PKG_CFLAGS) -std=c11 -D_GNU_SOURCE \
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

# Installs the -dev packages pkg-config cannot find (sudo when not root), saying what it installs.
# Markdown mode parses pages with cmark-gfm (see src/markdown.c for why not md4c); Debian's
# libcmark-gfm.pc links -lcmark-gfm-extensions, which comes with libcmark-gfm-extensions-dev.
deps:
	@missing=""; for p in cairo:libcairo2-dev pangocairo:libpango1.0-dev yaml-0.1:libyaml-dev \
	    libpng:libpng-dev zlib:zlib1g-dev fontconfig:libfontconfig-dev glib-2.0:libglib2.0-dev \
	    gio-2.0:libglib2.0-dev libcmark-gfm:libcmark-gfm-dev; do \
	  pkg-config --exists $${p%%:*} 2>/dev/null || missing="$$missing $${p#*:}"; done; \
	ls /usr/lib/*/libcmark-gfm-extensions.so >/dev/null 2>&1 || missing="$$missing libcmark-gfm-extensions-dev"; \
	command -v pkg-config >/dev/null || missing="pkg-config $$missing"; \
	for f in $(DEB_FONTS); do [ -f "$${f%%:*}" ] || missing="$$missing $${f#*:}"; done; \
	command -v $(CC) >/dev/null || missing="gcc make $$missing"; \
	if [ -n "$$missing" ]; then sh tests/apt-install.sh $$missing; fi

test-deps:
	@missing=""; for t in $(DEB_TOOLS); do command -v $${t%%:*} >/dev/null || missing="$$missing $${t#*:}"; done; \
	for f in $(DEB_FILES); do [ -e $${f%%:*} ] || missing="$$missing $${f#*:}"; done; \
	if [ -n "$$missing" ]; then sh tests/apt-install.sh $$(echo $$missing | tr ' ' '\n' | sort -u); fi

demo: all
	@mkdir -p out; for f in samples/*.yaml samples/*.mmd; do \
	  b=$$(basename $$f); b=$${b%.*}; \
	  for fmt in png svg pdf; do \
	    $(BUILD)/journeymap $$f --view all -o out/$$b.$$fmt || exit 1; done; \
	done; echo "rendered samples/ to out/ (PNG, SVG, PDF)"

test: all test-deps $(UNIT) $(TOOLS)
	@JM_BUILD=$(BUILD) bash tests/run.sh

# The same suite built with AddressSanitizer and UndefinedBehaviorSanitizer.
ASAN_MAKE = $(MAKE) --no-print-directory BUILD=build-asan CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	  LDFLAGS="-fsanitize=address,undefined"
test-asan: deps test-deps
	@$(ASAN_MAKE) build-asan/journeymap $(patsubst $(BUILD)/%,build-asan/%,$(UNIT) $(TOOLS))
	@ASAN_OPTIONS=detect_leaks=0:abort_on_error=0:exitcode=99 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=99 \
	  JM_BUILD=build-asan JM_SANITIZED=1 bash tests/run.sh

test-update: all $(UNIT) $(TOOLS)
	@JM_BUILD=$(BUILD) JM_UPDATE=1 bash tests/run.sh

# The README's pictures (docs/*.png), drawn from the samples; tests/cli/docs.sh fails when stale.
docs: all
	bash docs/render.sh $(BUILD)/journeymap docs

bench: all $(BUILD)/tests/pnginfo
	@JM=$(CURDIR)/$(BUILD)/journeymap PNGINFO=$(CURDIR)/$(BUILD)/tests/pnginfo bash tests/bench/run.sh

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(DATADIR)/fonts $(DESTDIR)$(DATADIR)/styles
	install -m 755 $(BUILD)/journeymap $(DESTDIR)$(PREFIX)/bin/journeymap
	install -m 644 fonts/* $(DESTDIR)$(DATADIR)/fonts/
	install -m 644 styles/*.yaml $(DESTDIR)$(DATADIR)/styles/

clean:
	rm -rf build build-asan build-fuzz out tests/out
