# The two everyday commands (see README): `make generate` and `make test`.
SWIFT ?= swift

.PHONY: generate test check bootstrap corpus bench

bootstrap:
	@./scripts/bootstrap.sh

## Regenerate Generated/ from docs/ (writes only files whose bytes change).
generate: bootstrap
	$(SWIFT) run apidocgen generate

## Build everything and run the test suite (unit, end-to-end, generated code, loopback HTTP).
test: bootstrap
	$(SWIFT) build --build-tests
	$(SWIFT) test

## The corpus checks (skipped with a message when ../shared/corpus/graph-v1.0 is absent).
corpus: bootstrap
	./scripts/corpus-check.sh

## Fail when Generated/ is not what docs/ produces.
check: bootstrap
	$(SWIFT) run apidocgen generate --check
