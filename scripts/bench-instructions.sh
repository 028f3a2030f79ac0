#!/usr/bin/env bash
# Instruction counts (valgrind's callgrind), the steady companion of `make bench`: wall and CPU
# times move with the machine's load by several percent from run to run, the number of
# instructions a run executes does not. Counts, on a corpus (default ../shared/corpus/graph-v1.0),
# with one worker thread and a release build:
#   (a) the floor, `apidocgen parse`;
#   (c') `apidocgen generate --no-cache` into a folder it has filled before (the whole pipeline);
# and prints both, the part above the floor and the ratio. With a second binary (BASE=path), the
# same for it, to compare two builds. Needs valgrind (Debian package `valgrind`).
#   scripts/bench-instructions.sh [CORPUS]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-../shared/corpus/graph-v1.0}"
[ -d "$corpus" ] || { echo "bench-instructions: no corpus at $corpus"; exit 1; }
if ! command -v valgrind > /dev/null; then
    echo "bench-instructions: installing valgrind" >&2
    apt-get install -y -qq valgrind > /dev/null 2>&1 || { echo "bench-instructions: needs valgrind (apt-get install valgrind)"; exit 1; }
fi
swift build -c release --product apidocgen 2>&1 | tail -1
mkdir -p .build
work="$(mktemp -d .build/instructions.XXXXXX)"
trap 'rm -rf "$work"' EXIT

# count BINARY ARGS...: the instructions the run executes (the debug information is stripped
# first: this valgrind cannot read the DWARF 5 that swiftc writes).
count() {
    local binary="$1"; shift
    strip --strip-debug -o "$work/bin" "$binary"
    valgrind --tool=callgrind --callgrind-out-file="$work/out" "$work/bin" "$@" > /dev/null 2> "$work/log" || return 1
    awk '/Collected/ { print $4 }' "$work/log"
}

report() {
    local name="$1" binary="$2"
    "$binary" generate --no-cache --workers 1 --input "$corpus" --output "$work/generated" > /dev/null 2>&1 || true
    local floor full cmark
    floor=$(count "$binary" parse --workers 1 --input "$corpus")
    full=$(count "$binary" generate --no-cache --workers 1 --input "$corpus" --output "$work/generated")
    # cmark alone (builds without `parse --cmark-only` print nothing for it).
    cmark=$(count "$binary" parse --cmark-only --workers 1 --input "$corpus" || true)
    python3 - "$name" "$floor" "$full" "${cmark:-0}" <<'PY'
import sys
name, floor, full, cmark = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4] or 0)
print(f"{name}: (a) floor {floor / 1e9:.3f} G instructions, (c') generate --no-cache {full / 1e9:.3f} G; "
      f"above the floor {(full - floor) / 1e9:.3f} G; (c')/(a) = {full / floor:.2f}")
if cmark:
    print(f"{name}: (a0) cmark alone {cmark / 1e9:.3f} G; (a)/(a0) = {floor / cmark:.2f}, (c')/(a0) = {full / cmark:.2f}")
PY
}

report "this build" "$(swift build -c release --show-bin-path)/apidocgen"
if [ -n "${BASE:-}" ]; then report "BASE" "$BASE"; fi
