# bron: `make demo` and `make test` do everything on a fresh Debian 12 machine (they install what is
# missing with apt-get). See README.md.
JOBS ?= 2
BUILD ?= build
CMAKE_FLAGS ?=
FUZZ_SECONDS ?= 10
SHARED ?= ../shared

.PHONY: all deps build test unit-test asan-test fuzz-build fuzz-test demo eval bench fuzz golden clean

all: build

deps:
	@scripts/install-deps

$(BUILD)/build.ninja: CMakeLists.txt | deps
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS) >/dev/null

build: deps $(BUILD)/build.ninja
	@cmake --build $(BUILD) -j$(JOBS)

# The whole suite: unit and end-to-end tests, the same under ASan+UBSan, then each fuzzer briefly.
test: unit-test asan-test fuzz-test

unit-test: build
	@cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

asan-test: deps
	@cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBRON_SANITIZE=ON -DBRON_WERROR=ON >/dev/null
	@cmake --build build-asan -j$(JOBS)
	@cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j$(JOBS)

build-fuzz/build.ninja: CMakeLists.txt | deps
	@CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DBRON_BUILD_FUZZERS=ON -DBRON_BUILD_TESTS=OFF -DBRON_SANITIZE=ON >/dev/null

fuzz-build: build-fuzz/build.ninja
	@cmake --build build-fuzz -j$(JOBS)

# Replays the committed corpus and fuzzes each target for FUZZ_SECONDS (make fuzz: longer).
fuzz-test: fuzz-build
	@scripts/run-fuzzers $(FUZZ_SECONDS)

fuzz: fuzz-build
	@scripts/run-fuzzers 600

demo: build
	@echo "== bron analyze --lang nl --published 2026-02-27 --format text examples/seed.nl.txt"
	@$(BUILD)/bron analyze --lang nl --published 2026-02-27 --format text examples/seed.nl.txt
	@echo
	@echo "== storing the bundled examples in bron.db (the Dutch example article and 20 English Wikinews articles)"
	@$(BUILD)/bron ingest --db bron.db --lang nl --published 2026-02-27 examples/seed.nl.txt
	@$(BUILD)/bron ingest --db bron.db examples/wikinews-gum.en.jsonl
	@$(BUILD)/bron stats --db bron.db
	@echo
	@echo "== bron ledger --db bron.db --limit 10"
	@$(BUILD)/bron ledger --db bron.db --limit 10
	@echo
	@echo "Open the web UI:  $(BUILD)/bron serve --db bron.db   then visit http://127.0.0.1:8080/"
	@echo "More:  $(BUILD)/bron entities --db bron.db | $(BUILD)/bron stories --db bron.db | $(BUILD)/bron search --db bron.db TEXT"

# Quality against ../shared/data beside the peers (skipped with a message where ../shared is absent).
eval: build
	@scripts/eval $(SHARED)

# Speed and memory against the peers in the same run.
bench: deps
	@scripts/install-deps --bench
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release -DBRON_BUILD_BENCHMARKS=ON $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j$(JOBS)
	@bench/run $(SHARED)
	@bench/stream-memory 100 400
	@bench/store-bench $(SHARED)

# Rewrites tests/golden/ from the current build: read `git diff tests/golden` before committing.
golden: build
	@BRON_UPDATE_GOLDEN=1 $(BUILD)/bron_tests --gtest_filter='Golden.OutputsMatch' >/dev/null
	@git diff --stat tests/golden

clean:
	rm -rf $(BUILD) build-asan build-fuzz
