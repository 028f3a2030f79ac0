#!/usr/bin/env bash
# The corpus checks: the whole pipeline on a folder of real pages (by default the Graph v1.0
# reference at ../shared/corpus/graph-v1.0), then the generated Swift compiled as one package, then
# every response example decoded with the generated types.
#   scripts/corpus-check.sh [DOCS_DIR]
# Skips (exit 0, with a message) when the folder is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-../shared/corpus/graph-v1.0}"
if [ ! -d "$corpus" ]; then
    echo "corpus-check: SKIPPED: no corpus at $corpus (the Graph reference lives in ../shared beside the repo)"
    exit 0
fi
work="${CORPUS_WORK:-$(mktemp -d)}"
mkdir -p "$work"
echo "== building apidocgen (release)"
swift build -c release --product apidocgen 2>&1 | tail -1
bin="$(swift build -c release --show-bin-path)/apidocgen"

echo "== generate ($corpus -> $work/Generated)"
start=$(date +%s%N)
"$bin" generate --input "$corpus" --output "$work/Generated" 2> "$work/generate-diagnostics.txt"
end=$(date +%s%N)
echo "generate: $(( (end - start) / 1000000 )) ms; diagnostics by rule:"
sed -E 's/.*\[([a-z-]+)\]$/\1/' "$work/generate-diagnostics.txt" | sort | uniq -c | sort -rn

echo "== lint"
"$bin" lint --input "$corpus" --export-examples "$work/examples.json" > "$work/lint.txt" || true
tail -3 "$work/lint.txt"

echo "== compile the generated code and decode the examples with it"
scripts/compile-output.sh "$work/Generated" "$work/package" "$work/examples.json" | tee "$work/decode.txt" | grep -v ": warning: " | tail -40
echo "corpus-check: details in $work"
