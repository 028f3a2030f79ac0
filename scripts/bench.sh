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
# each RUNS times (default 5), interleaved (one run of each step per round), reporting the median
# wall time, CPU time (user+sys) and peak memory, and the ratios (b)/(a) and (c)/(a): of the
# medians, and the median of the rounds' own ratios; then the phases of the (c') runs
# (APIDOCGEN_TIMINGS=1), each against the floor run of its round. Uses /usr/bin/time (Debian
# package `time`).
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

# run NAME SETUP COMMAND...: one timed run of a step, appended to NAME's record ("wall cpu rss");
# what the command prints is kept in NAME.out (the no-op runs' counts of files written) and
# NAME.err (the phase timings of the (c') runs).
run() {
    local name="$1" setup="$2"; shift 2
    eval "$setup"
    /usr/bin/time -o "$work/one.txt" -f "%e %U %S %M" "$@" >> "$work/$name.out" 2>> "$work/$name.err"
    awk '{ printf "%.3f %.3f %d\n", $1, $2 + $3, $4 }' "$work/one.txt" >> "$work/$name.txt"
}

# The steps are interleaved, one run of each per round, so that a change in the machine's speed
# during the benchmark (other work on the host) weighs on every step alike, and each round gives
# its own ratios.
mkdir -p "$work/runs" "$work/up-to-date"
"$bin" generate --input "$corpus" --output "$work/up-to-date" > /dev/null 2>&1
if [ -d /dev/shm ] && [ -w /dev/shm ]; then shm="$(mktemp -d /dev/shm/apidocgen-bench.XXXXXX)"; fi
for name in floor cmark floor-one-thread generate generate-shm noop noop-full lint; do : > "$work/$name.txt"; : > "$work/$name.err"; done
for _ in $(seq "$runs"); do
    run floor ":" "$bin" parse --input "$corpus"
    run cmark ":" "$bin" parse --cmark-only --input "$corpus"
    run floor-one-thread ":" "$bin" parse --workers 1 --input "$corpus"
    # Each (b) run writes into a new folder; the old ones are removed only after the
    # measurement (ext4 without a journal scans recently deleted inodes when creating files,
    # which would charge the previous run's deletion to this one).
    run generate "mv '$work/out' '$work/runs/'\$RANDOM\$RANDOM 2>/dev/null || true" "$bin" generate --input "$corpus" --output "$work/out"
    # (b') the same with the output in memory (tmpfs), when the machine has one: the pipeline
    # and the kernel's file calls without the disk's inode allocator.
    if [ -n "$shm" ]; then
        run generate-shm "mv '$shm/out' '$shm/old'\$RANDOM\$RANDOM 2>/dev/null || true" "$bin" generate --input "$corpus" --output "$shm/out"
    fi
    run noop ":" "$bin" generate --input "$corpus" --output "$work/up-to-date"
    # (c') prints how long each phase took (APIDOCGEN_TIMINGS): set for that command alone.
    APIDOCGEN_TIMINGS=1 run noop-full ":" "$bin" generate --no-cache --input "$corpus" --output "$work/up-to-date"
    run lint ":" "$bin" lint --input "$corpus"
done
files=$(ls "$work/out" | wc -l)
rm -rf "$work/runs" ${shm:+"$shm"}
# The files each no-op run wrote, as its summary line says (the distinct counts, `/` between).
written=$(sed -nE 's/.*wrote ([0-9]+) files.*/\1/p' "$work/noop.out" | sort -nu | paste -sd/)
written2=$(sed -nE 's/.*wrote ([0-9]+) files.*/\1/p' "$work/noop-full.out" | sort -nu | paste -sd/)

python3 - "$work" "$written" "$written2" "$runs" "$(nproc)" "$files" <<'PY'
import os, re, statistics, sys
work, written, written2, runs, cores, files = sys.argv[1:7]
def record(name):
    return [list(map(float, line.split())) for line in open(os.path.join(work, name + ".txt")) if line.strip()]
steps = [("(a) ", "(a) floor: read + cmark parse into the markdown tree", "floor"), ("(a0)", "(a0) cmark alone, result discarded", "cmark"),
         ("(a1)", "(a1) the floor on one thread", "floor-one-thread"),
         ("(b) ", f"(b) generate, empty output ({files} files)", "generate"),
         ("(b')", "(b') the same, output in memory (tmpfs)", "generate-shm"),
         ("(c) ", "(c) generate, up to date (no-op)", "noop"), ("(c')", "(c') the same, --no-cache (whole pipeline)", "noop-full"),
         ("(d) ", "(d) lint", "lint")]
# (b') is left out where there was no tmpfs to run it on.
records = {key: record(name) for key, _, name in steps}
steps = [step for step in steps if records[step[0]]]
print(f"\nmedians of {runs} runs, interleaved (one run of each step per round), {cores} cores")
print("| step | wall (s) | CPU (s) | peak memory (MB) |")
print("|---|---|---|---|")
median = {}
for key, label, _ in steps:
    wall, cpu, rss = (statistics.median(column) for column in zip(*records[key]))
    median[key] = wall
    print(f"| {label} | {wall:.2f} | {cpu:.2f} | {rss/1024:.0f} |")
def ratio(top, bottom):
    """The ratio of the medians, and the median of the rounds' own ratios (the second moves
    less with the machine's speed: both runs of a round see the same machine)."""
    rounds = statistics.median(t[0] / b[0] for t, b in zip(records[top], records[bottom]))
    return f"{top.strip()}/{bottom.strip()} = {median[top] / median[bottom]:.2f} (by round {rounds:.2f})"
print("\nwall-time ratios: " + ", ".join(ratio(key, "(a) ") for key in ["(b) ", "(b')", "(c) ", "(c')"] if key in median)
      + f"; files written by the no-op runs: {written} and {written2}")
print("against cmark alone: " + ", ".join(ratio(key, "(a0)") for key in ["(a) ", "(b) ", "(b')"] if key in median))
print("against the floor on one thread: " + ", ".join(ratio(key, "(a1)") for key in ["(b) ", "(b')", "(a) "] if key in median))

# The phases of the (c') runs (the whole pipeline, nothing to write), each against the floor run
# of the same round: how much of the floor's time each phase alone takes.
timings = [dict((k, float(v)) for k, v in re.findall(r"(\w+) ([0-9.]+) s", line))
           for line in open(os.path.join(work, "noop-full.err")) if line.startswith("timings: ")]
if len(timings) != len(records["(a) "]):
    print(f"\nphases of (c'): {len(timings)} timings lines for {len(records['(a) '])} rounds; not shown")
else:
    phases = [k for k in timings[0] if k in ("read", "extract", "resolve", "render", "plan")]
    print("\nphases of (c') (APIDOCGEN_TIMINGS=1), median s and by round against (a):")
    print("| phase | wall (s) | of (a) |")
    print("|---|---|---|")
    floors = [round_[0] for round_ in records["(a) "]]
    def row(label, values):
        print(f"| {label} | {statistics.median(values):.3f} | {statistics.median(v / f for v, f in zip(values, floors)):.2f} |")
    for phase in phases:
        row(phase, [t[phase] for t in timings])
    row("read + extract (parsing included)", [t["read"] + t["extract"] for t in timings])
    row("all phases", [sum(t.values()) for t in timings])
PY
