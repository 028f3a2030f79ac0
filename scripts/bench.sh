#!/usr/bin/env bash
# The benchmark (a measurement, not a test): on a corpus (default ../shared/corpus/graph-v1.0),
# with a release build, measures
#   (a) the floor: read every page and parse it with cmark into the markdown tree
#       (`apidocgen parse`), nothing else;
#   (a0) for reference, cmark alone: read every page, parse it with cmark and discard the result
#       (`apidocgen parse --cmark-only`: no Swift tree, no pipe tables);
#   (a1) for reference, the floor on one thread (`apidocgen parse --workers 1`): what reading and
#       parsing cost without the second core, which (a) and (b) both use;
#   (b) `apidocgen generate` into an empty folder;
#   (b') the same into a folder in memory (/dev/shm), when there is one: ext4 without a journal
#       skips the inodes deleted in the last minutes when it creates files, so (b) on a disk that
#       has just deleted thousands of files (an earlier run, a build) measures that scan too;
#   (c) the same into an up-to-date folder (no-op: must write nothing), which the folder's
#       record of the last run answers after reading the pages;
#   (c') the same with --no-cache: the whole pipeline, then nothing to write;
#   (d) `apidocgen lint`;
# each RUNS times (default 5), reporting the median wall time, CPU time (user+sys) and peak
# memory, and the ratios (b)/(a) and (c)/(a). Uses /usr/bin/time (Debian package `time`).
#   scripts/bench.sh [CORPUS] [RUNS]        (BENCH_DIR: where the runs write; default .build)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-../shared/corpus/graph-v1.0}"
runs="${2:-5}"
[ -d "$corpus" ] || { echo "bench: no corpus at $corpus"; exit 1; }
if [ ! -x /usr/bin/time ]; then
    echo "bench: installing GNU time" >&2
    apt-get install -y -qq time >/dev/null 2>&1 || { echo "bench: needs /usr/bin/time (apt-get install time)"; exit 1; }
fi
swift build -c release --product apidocgen 2>&1 | tail -1
bin="$(swift build -c release --show-bin-path)/apidocgen"
# The runs write into a folder under .build (BENCH_DIR to choose another): a busy /tmp, where
# other programs create and delete files all the time, makes file creation the measurement.
mkdir -p "${BENCH_DIR:-.build}"
work="$(mktemp -d "${BENCH_DIR:-.build}/bench.XXXXXX")"
shm=""
trap 'rm -rf "$work" ${shm:+"$shm"}' EXIT

# measure NAME SETUP COMMAND...: prints "wall cpu rss" medians over the runs.
measure() {
    local name="$1" setup="$2"; shift 2
    : > "$work/$name.txt"
    for _ in $(seq "$runs"); do
        eval "$setup"
        /usr/bin/time -o "$work/one.txt" -f "%e %U %S %M" "$@" > /dev/null 2>&1
        awk '{ printf "%.3f %.3f %d\n", $1, $2 + $3, $4 }' "$work/one.txt" >> "$work/$name.txt"
    done
    python3 - "$work/$name.txt" <<'PY'
import statistics, sys
rows = [list(map(float, l.split())) for l in open(sys.argv[1]) if l.strip()]
print(" ".join(f"{statistics.median(c):.3f}" for c in zip(*rows)))
PY
}

a=$(measure floor ":" "$bin" parse --input "$corpus")
a0=$(measure cmark ":" "$bin" parse --cmark-only --input "$corpus")
a1=$(measure floor-one-thread ":" "$bin" parse --workers 1 --input "$corpus")
# Each (b) run writes into a new folder; the old ones are removed only after the measurement
# (ext4 without a journal scans recently deleted inodes when creating files, which would charge
# the previous run's deletion to this one).
mkdir -p "$work/runs"
b=$(measure generate "mv '$work/out' '$work/runs/'\$RANDOM\$RANDOM 2>/dev/null || true" "$bin" generate --input "$corpus" --output "$work/out")
rm -rf "$work/runs"
# (b') the same with the output in memory (tmpfs), when the machine has one: the pipeline and the
# kernel's file calls without the disk's inode allocator.
b2="0 0 0"
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
    shm="$(mktemp -d /dev/shm/apidocgen-bench.XXXXXX)"
    b2=$(measure generate-shm "mv '$shm/out' '$shm/old'\$RANDOM\$RANDOM 2>/dev/null || true" "$bin" generate --input "$corpus" --output "$shm/out")
    rm -rf "$shm"
fi
"$bin" generate --input "$corpus" --output "$work/out" > /dev/null 2>&1
c=$(measure noop ":" "$bin" generate --input "$corpus" --output "$work/out")
written=$("$bin" generate --input "$corpus" --output "$work/out" 2>/dev/null | sed -E 's/.*wrote ([0-9]+) files.*/\1/')
c2=$(measure noop-full ":" "$bin" generate --no-cache --input "$corpus" --output "$work/out")
written2=$("$bin" generate --no-cache --input "$corpus" --output "$work/out" 2>/dev/null | sed -E 's/.*wrote ([0-9]+) files.*/\1/')
d=$(measure lint ":" "$bin" lint --input "$corpus")
files=$(ls "$work/out" | wc -l)

python3 - "$a" "$b" "$c" "$c2" "$d" "$written" "$written2" "$runs" "$(nproc)" "$files" "$b2" "$a0" "$a1" <<'PY'
import sys
rows = [("(a) floor: read + cmark parse into the markdown tree", sys.argv[1]), ("(a0) cmark alone, result discarded", sys.argv[12]),
        ("(a1) the floor on one thread", sys.argv[13]),
        (f"(b) generate, empty output ({sys.argv[10]} files)", sys.argv[2]),
        ("(b') the same, output in memory (tmpfs)", sys.argv[11]),
        ("(c) generate, up to date (no-op)", sys.argv[3]), ("(c') the same, --no-cache (whole pipeline)", sys.argv[4]),
        ("(d) lint", sys.argv[5])]
# (b') is left out where there was no tmpfs to run it on.
rows = [row for row in rows if not (row[0].startswith("(b')") and row[1] == "0 0 0")]
vals = [list(map(float, v.split())) for _, v in rows]
print(f"\nmedians of {sys.argv[8]} runs, {sys.argv[9]} cores")
print(f"| step | wall (s) | CPU (s) | peak memory (MB) |")
print(f"|---|---|---|---|")
for (name, _), (wall, cpu, rss) in zip(rows, vals):
    print(f"| {name} | {wall:.2f} | {cpu:.2f} | {rss/1024:.0f} |")
named = {name[:4]: v for (name, _), v in zip(rows, vals)}
ratios = ", ".join(f"{key}/(a) wall = {named[key][0]/named['(a) '][0]:.2f}" for key in ["(b) ", "(b')", "(c) ", "(c')"] if key in named)
against_cmark = ", ".join(f"{key}/(a0) = {named[key][0]/named['(a0)'][0]:.2f}" for key in ["(a) ", "(b) ", "(b')"] if key in named)
print(f"\n{ratios}; "
      f"files written by the no-op runs: {sys.argv[6]} and {sys.argv[7]}")
print(f"against cmark alone (wall): {against_cmark}")
print(f"against the floor on one thread (wall): (b) /(a1) = {named['(b) '][0]/named['(a1)'][0]:.2f}, (a) /(a1) = {named['(a) '][0]/named['(a1)'][0]:.2f}")
PY
