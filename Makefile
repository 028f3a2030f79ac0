# The two everyday commands (see README): `make generate` and `make test`.
SWIFT ?= swift

.PHONY: generate test check bootstrap corpus bench bench-instructions examples sanitize

bootstrap:
	@./scripts/bootstrap.sh

## Regenerate Generated/ from docs/ (writes only files whose bytes change).
generate: bootstrap
	$(SWIFT) run apidocgen generate

## Build everything and run the test suite (unit, end-to-end, generated code, loopback HTTP).
test: bootstrap
	$(SWIFT) build --build-tests
	$(SWIFT) test --no-parallel

## The corpus checks (skipped with a message when ../shared/corpus/graph-v1.0 is absent).
corpus: bootstrap
	./scripts/corpus-check.sh

## Fail when Generated/ is not what docs/ produces.
check: bootstrap
	$(SWIFT) run apidocgen generate --check

## Sanitizers (slow; own scratch folders): AddressSanitizer with leak checking over the markdown,
## JSON, extraction and robustness tests (a bounded fuzz run; see scripts/lsan-suppressions.txt),
## ThreadSanitizer over the concurrent pipeline tests.
sanitize: bootstrap
	APIDOCGEN_FUZZ_INPUTS=400 APIDOCGEN_COMPILE_SAMPLE=4 LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/lsan-suppressions.txt:print_suppressions=0 \
		$(SWIFT) test --sanitize=address --scratch-path .build-asan \
		--filter 'APIDocMarkdownTests|APIDocJSONTests|APIDocExtractionTests|APIDocRobustnessTests'
	$(SWIFT) test --sanitize=thread --scratch-path .build-tsan \
		--filter 'APIDocGeneratorCoreTests|APIDocRobustnessTests.ConcurrentLoadingTests'

## The benchmark on the Graph v1.0 corpus (release build; prints a table).
bench: bootstrap
	./scripts/bench.sh

## Instruction counts of the floor and of the whole pipeline (valgrind; steadier than times, for
## comparing two builds: BASE=path/to/other/apidocgen).
bench-instructions: bootstrap
	./scripts/bench-instructions.sh

## Build and run the example packages, printing how long each took: Examples/CheckedIn (output of
## the generate-api command plugin, checked in; also checked to be current) and Examples/BuildTime
## (generated at build time by APIDocGenBuildPlugin; scripts/plugin-pages-check.sh adds and removes a page).
examples: bootstrap
	@set -e; log=$$(mktemp); for example in CheckedIn BuildTime; do \
		start=$$(date +%s%N); \
		if ! (cd Examples/$$example && $(SWIFT) build > $$log 2>&1); then cat $$log; rm -f $$log; exit 1; fi; \
		end=$$(date +%s%N); \
		echo "Examples/$$example: $$(tail -1 $$log) -- built in $$(( (end - start) / 1000000 )) ms"; \
		(cd Examples/$$example && $(SWIFT) run --skip-build $$example); \
	done; \
	if ! (cd Examples/CheckedIn && $(SWIFT) package --allow-writing-to-package-directory generate-api --check > $$log 2>&1); then \
		cat $$log; rm -f $$log; echo "Examples/CheckedIn: the checked-in output is not what docs/ produces"; exit 1; fi; \
	echo "Examples/CheckedIn: $$(tail -1 $$log)"; rm -f $$log; \
	./scripts/plugin-pages-check.sh
