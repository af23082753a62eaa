# Kehto build. `make` builds ./kehto; `make run` and `make check` are the two commands of the README.
CC      ?= cc
# cairo, pangocairo, librsvg-2.0 and fontconfig typeset the narrative reports as PDF (src/report/pdf.c)
PKGS    := libmicrohttpd jansson libsodium libcmark libmagic sqlite3 zlib libbrotlienc libpq libcurl libzip libxml-2.0 libqrencode \
           cairo pangocairo librsvg-2.0 fontconfig
CFLAGS  ?= -O2 -g
WARN    := -std=c17 -Wall -Wextra -Werror -Wformat=2 -Wshadow -Wno-unused-parameter
HARDEN  := -D_FORTIFY_SOURCE=2 -fstack-protector-strong -D_GNU_SOURCE
# pkg-config answers when make reads this file, so on a fresh machine these are empty until `deps` has installed the
# libraries: `run`, `check` and `bench` therefore install first and build in a sub-make, which reads them anew.
CPPFLAGS_ALL := -Isrc -Ibuild/gen $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LIBS    := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lvoikko -lstemmer -lxlsxwriter -lreadstat -lzxcvbn -lpthread -lm
BUILD   ?= build
BIN     ?= kehto
DB      ?= kehto.db
PORT    ?= 8080

SRC     := $(shell find src -name '*.c' | sort)
OBJ     := $(SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/embed.o
LIBOBJ  := $(filter-out $(BUILD)/src/main.o,$(OBJ))
ASSETS  := $(shell find assets locale data -type f -not -name "*.md" | sort)
UNIT    := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(wildcard tests/unit/test_*.c))
ASAN_CFLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

# Fuzz harnesses: tests/fuzz/fuzz_NAME.c defines LLVMFuzzerTestOneInput; its seed corpus is tests/fuzz/corpus/NAME/.
FUZZ_NAMES   := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_CFLAGS  := -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
FUZZ_SECONDS ?= 60
FUZZ_OUT     ?= /tmp/kehto-fuzz
FUZZ_ONLY    ?= $(FUZZ_NAMES)
FUZZ_DRIVER  ?=
FUZZ_CC      ?= $(if $(shell command -v clang-14),clang-14,clang)

.PHONY: all run check check-seam check-unit unit-tests asan-build check-e2e check-e2e-memory check-e2e-pg check-browser check-asan check-asan-unit check-asan-e2e check-fuzz check-crash fuzz crash bench deps deps-run libs \
        clean format

all: $(BIN)

# `deps` installs what building, running and every test need; `deps-run` only what building and running need.
deps:
	@scripts/install-deps

deps-run:
	@scripts/install-deps --run

# Says plainly that the libraries are missing, instead of a compiler error about a header. Once found, a stamp file
# says so: a phony prerequisite would be remade on every run, and make -j then starts nothing else beside the first
# recipe that follows it (make check's side-by-side runs would run one after another).
libs: $(BUILD)/.libs-found
$(BUILD)/.libs-found:
	@pkg-config --exists $(PKGS) 2>/dev/null || { echo "make: pkg-config does not find all of $(PKGS);" \
	  "run \`make deps-run\` (or \`make run\`, which installs them first)" >&2; exit 1; }
	@mkdir -p $(dir $@) && touch $@

$(OBJ): | $(BUILD)/.libs-found

$(BIN): $(OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJ) $(LIBS)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(HARDEN) $(CFLAGS) $(CPPFLAGS_ALL) -MMD -MP -c -o $@ $<

# Assets (CSS, JS, gettext catalogs) are embedded in the binary as byte arrays.
$(BUILD)/gen/embed.c: $(ASSETS) tools/embed.sh
	@mkdir -p $(dir $@)
	tools/embed.sh $(ASSETS) > $@.tmp && mv $@.tmp $@

$(BUILD)/gen/embed.o: $(BUILD)/gen/embed.c
	$(CC) -O0 -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(LIBOBJ)
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(HARDEN) $(CFLAGS) $(CPPFLAGS_ALL) $(LDFLAGS) -o $@ $< $(LIBOBJ) $(LIBS) -lcmocka

# A harness, linked with libFuzzer (FUZZ_LDFLAGS=-fsanitize=fuzzer...) or with tests/fuzz/driver.c (FUZZ_DRIVER).
$(BUILD)/fuzzers/fuzz_%: tests/fuzz/fuzz_%.c $(wildcard tests/fuzz/*.h) $(FUZZ_DRIVER) $(LIBOBJ)
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(HARDEN) $(CFLAGS) $(CPPFLAGS_ALL) -Itests/fuzz $(LDFLAGS) $(FUZZ_LDFLAGS) -o $@ $< $(FUZZ_DRIVER) \
	      $(LIBOBJ) $(LIBS)

run: deps-run
	$(MAKE) kehto
	@test -f $(DB) || { ./kehto init --db $(DB) && ./kehto demo --db $(DB); }
	./kehto serve --db $(DB) --port $(PORT)

# Everything, as CI runs it: both builds first (the plain one, and the unit and end-to-end tests on SQLite built
# with ASan and UBSan: the same sources and the same scripts as the plain build); then side by side the unit tests
# (once, sanitized; the plain build is exercised end to end below), the sanitized end-to-end run, the end-to-end
# tests on PostgreSQL (plain build), the browser tests and test_cli_import.sh on the plain build (whose peak-memory
# figures the sanitizer's shadow memory would swamp); then the fuzz corpus replay and the short crash test. The runs
# side by side wait on servers, databases and browsers as much as they compute, so together they keep the two cores
# busy.
check: deps
	$(MAKE) -j2 kehto
	$(MAKE) asan-build
	$(MAKE) -j8 --output-sync=target check-seam check-asan-unit check-asan-e2e check-e2e-pg check-browser \
	        check-e2e-memory
	$(MAKE) check-fuzz check-crash

# The database seam: SQLite and SQLite-only SQL only in src/db/ (and src/search/ for FTS5).
check-seam:
	@tools/check-seam.sh

check-unit: $(UNIT)
	@tests/run-unit $(UNIT)

# E2E_JOBS scripts at a time (check-asan runs two: its scripts wait on the sanitized server more than they compute).
E2E_JOBS ?= 1
check-e2e: $(BIN)
	@KEHTO=$(abspath $(BIN)) tests/e2e/run -j $(E2E_JOBS)

# The end-to-end scripts of tests/pg/scripts again on PostgreSQL: a throwaway cluster made and removed by the run;
# two scripts at a time (they wait on the server, psql and the database more than they compute: one at a time was
# the longest part of make check).
check-e2e-pg: $(BIN)
	@KEHTO=$(abspath $(BIN)) tests/e2e/run -j 2 --pg

# The plain build's end-to-end script that measures peak memory (make check runs the rest under the sanitizers).
check-e2e-memory: $(BIN)
	@KEHTO=$(abspath $(BIN)) tests/e2e/run test_cli_import.sh

check-browser: $(BIN)
	@KEHTO=$(abspath $(BIN)) tests/browser/run

# The sanitized build is compiled two files at a time, then tested.
ASAN_MAKE = KEHTO_SANITIZED=1 $(MAKE) BUILD=build/asan BIN=build/asan/kehto \
	        CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
	        LDFLAGS="-fsanitize=address,undefined"
asan-build:
	$(ASAN_MAKE) -j2 build/asan/kehto unit-tests
check-asan:
	@scripts/install-deps --no-browser
	$(MAKE) asan-build
	$(MAKE) check-asan-unit check-asan-e2e
check-asan-unit:
	@$(ASAN_MAKE) -s check-unit
check-asan-e2e:
	@$(ASAN_MAKE) -s E2E_JOBS=2 check-e2e

# The unit test programs, built.
unit-tests: $(UNIT)

# Corpus replay: every harness, built with gcc, ASan and UBSan on check-asan's objects, runs each corpus file once.
check-fuzz:
	@$(MAKE) -s BUILD=build/asan CFLAGS="$(ASAN_CFLAGS)" LDFLAGS="-fsanitize=address,undefined" \
	        FUZZ_DRIVER=tests/fuzz/driver.c $(FUZZ_NAMES:%=build/asan/fuzzers/fuzz_%)
	@tests/fuzz/replay build/asan/fuzzers $(FUZZ_NAMES)

# Crash test: kill -9 of an import and a loaded server at random moments, then integrity and all-or-nothing checks.
CRASH_ROUNDS ?= 30
check-crash: $(BIN)
	@KEHTO=$(abspath $(BIN)) CRASH_ROUNDS=8 tests/crash/run

crash: $(BIN)
	@KEHTO=$(abspath $(BIN)) CRASH_ROUNDS=$(CRASH_ROUNDS) tests/crash/run

# Fuzzing: each harness (FUZZ_ONLY="form fields" for some) for FUZZ_SECONDS with clang's libFuzzer, ASan and UBSan.
# New inputs and crashes go to FUZZ_OUT (FUZZ_OUT=tests/fuzz/corpus keeps them in the repository).
fuzz:
	@scripts/install-deps --no-browser
	$(MAKE) BUILD=build/fuzz CC=$(FUZZ_CC) CFLAGS="$(FUZZ_CFLAGS)" FUZZ_LDFLAGS="-fsanitize=fuzzer,address,undefined" \
	        $(FUZZ_ONLY:%=build/fuzz/fuzzers/fuzz_%)
	@FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_OUT=$(FUZZ_OUT) tests/fuzz/run build/fuzz/fuzzers $(FUZZ_ONLY)

bench:
	@scripts/install-deps --bench
	$(MAKE) kehto
	bench/run

format:
	clang-format -i $(SRC) $(shell find src -name '*.h') tests/unit/*.c

clean:
	rm -rf build kehto

-include $(OBJ:.o=.d)
