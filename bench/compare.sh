#!/usr/bin/env bash
# Two or more soc-pipeline binaries side by side on the national month (bench/work/national-1, made by
# bench/run.sh): runs them in turn, a fresh database each run, and prints each run's wall time, peak RSS
# and stage times, then the medians per binary. For "did this change make a stage slower?".
#
#   bench/compare.sh [--runs N] BINARY [BINARY ...]
#
# Build each binary in release first (e.g. a git worktree of the older commit with
# `swift build -c release --product soc-pipeline`). Not part of `swift test` or CI.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=3
if [ "${1:-}" = "--runs" ]; then runs=$2; shift 2; fi
[ $# -ge 1 ] || { echo "usage: bench/compare.sh [--runs N] BINARY [BINARY ...]" >&2; exit 2; }
folder=bench/work/national-1
# Outputs of earlier runs are set aside (a rename) and deleted only when the script ends: deleting a
# publication's ~1,700 files just before a run made the filesystem slow to create the next run's files
# (bench/RESULTS.md, "stop 37"), so the report's time drifted up with every run.
trash=$(mktemp -d "bench/work/.set-aside.XXXXXX")
trap 'rm -rf "$trash"' EXIT
set_aside() { if [ -e "$1" ]; then mv "$1" "$trash/$(date +%s%N)"; fi; }
[ -d "$folder/extracts" ] || { echo "no $folder: run bench/run.sh once to generate the national month" >&2; exit 2; }
cp bench/pipeline.national.json "$folder/pipeline.json"
cat "$folder"/extracts/*/*.csv "$folder"/reference/*.csv > /dev/null   # warm the page cache
results=$(mktemp)
for i in $(seq 1 "$runs"); do
  for bin in "$@"; do
    set_aside "$folder/out"
    /usr/bin/time -f "%e %M" -o "$results.time" "$bin" run --config "$folder/pipeline.json" > "$results.out" 2>&1
    read -r wall rss < "$results.time"
    # Labelled by path and version: two builds of one version (before and after a change) stay apart.
    line="$bin ($("$bin" --version | head -1)) run $i: wall $wall peak $rss $(awk '/ ok /{printf "%s=%s ", $1, $3}' "$results.out")"
    echo "$line" | tee -a "$results"
  done
done
python3 - "$results" <<'PY'
import re, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    version = line.split(" run ")[0]
    fields = dict(re.findall(r"(\w+)[= ]([\d.]+)", line.split(":", 1)[1]))
    rows.setdefault(version, []).append(fields)
for version, runs in rows.items():
    def median(key): return statistics.median(float(r[key]) for r in runs if key in r)
    stages = " ".join(f"{s} {median(s):.2f} s" for s in ("ingest", "transform", "aggregate", "report"))
    print(f"{version}: median of {len(runs)}: wall {median('wall'):.2f} s, peak RSS {median('peak') / 1024:.0f} MiB; {stages}")
PY
