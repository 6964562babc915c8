#!/usr/bin/env bash
# National-scale benchmark: generates the national month (every LSOA), runs soc-pipeline end to end
# several times on a release build, and reports median wall time, CPU time, peak RSS, per-stage times
# and ingest rows/s, then times a no-op rerun, `status` and `tables list`; with --peer, runs the DuckDB and
# polars peers (bench/peer_duckdb.py, bench/peer_polars.py) on the same folder, side by side.
#
#   bench/run.sh [--runs N] [--periods N] [--peer] [--one-file] [--work DIR]
#   bench/run.sh --history N [--runs R] [--heavy-runs H]     (bench/history.sh)
#
# --one-file: the same month delivered as one national file per dataset (extracts/all/<dataset>.csv)
# instead of one per ICS, which is what makes ingest parse a file in chunks on both cores.
#
# Not part of `swift test` or CI. Needs /usr/bin/time; --peer needs python3 -m venv and PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."
# --history N: the nightly run over N monthly folders (full rebuild, no-op, add a month, edit a month).
if [ "${1:-}" = "--history" ]; then shift; exec bench/history.sh "$@"; fi
runs=5; periods=1; peer=0; onefile=0; work=bench/work
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --periods) periods=$2; shift 2 ;;
    --peer) peer=1; shift ;;
    --one-file) onefile=1; shift ;;
    --work) work=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

swift build -c release --product soc-pipeline >/dev/null
bin=$PWD/.build/release/soc-pipeline
folder=$work/national-$periods
if [ ! -d "$folder/extracts" ]; then
  # Periods: the n months ending 2025-03.
  list=$(python3 -c "
import sys
n=int(sys.argv[1]); end=2025*12+2
print(','.join('%04d-%02d' % ((end-n+1+i)//12, (end-n+1+i)%12+1) for i in range(n)))" "$periods")
  "$bin" sample --scale national --periods "$list" --out "$folder"
fi
cp bench/pipeline.national.json "$folder/pipeline.json"
if [ "$onefile" = 1 ]; then
  base=$folder; folder=$work/national-$periods-one-file
  if [ ! -d "$folder/extracts/all" ]; then
    mkdir -p "$folder/extracts/all"
    cp -r "$base/reference" "$folder/"
    for dataset in $(ls "$base/extracts/$(ls "$base/extracts" | head -1)" | sed 's/\.csv$//'); do
      files=("$base"/extracts/*/"$dataset.csv")
      { cat "${files[0]}"; for f in "${files[@]:1}"; do tail -n +2 "$f"; done; } > "$folder/extracts/all/$dataset.csv"
    done
  fi
  sed 's#extracts/{icb}/#extracts/all/#' bench/pipeline.national.json > "$folder/pipeline.json"
fi
rows=$(find "$folder/extracts" -name '*.csv' -exec cat {} + | wc -l)
files=$(find "$folder/extracts" -name '*.csv' | wc -l)
rows=$((rows - files))
bytes=$(du -cb "$folder"/extracts | tail -1 | cut -f1)
echo "workload: $folder — $rows extract rows in $files files ($((bytes / 1000000)) MB), periods: $periods"
cat "$folder"/extracts/*/*.csv "$folder"/reference/*.csv > /dev/null   # warm the page cache

# Outputs of earlier runs are set aside (a rename) and deleted only when the script ends: deleting a
# publication's ~1,700 files just before a run made the filesystem slow to create the next run's files
# (bench/RESULTS.md, "stop 37"), so the report's time drifted up with every run.
trash=$(mktemp -d "$work/.set-aside.XXXXXX")
trap 'rm -rf "$trash"' EXIT
set_aside() { if [ -e "$1" ]; then mv "$1" "$trash/$(date +%s%N)"; fi; }
results=$(mktemp)
for i in $(seq 1 "$runs"); do
  set_aside "$folder/out"
  /usr/bin/time -f "%e %U %S %M" -o "$results.time" "$bin" run --config "$folder/pipeline.json" > "$results.out"
  read -r wall user sys rss < "$results.time"
  stages=$(awk '/ ok /{printf "%s=%s ", $1, $3}' "$results.out")
  echo "run $i: wall ${wall}s cpu $(python3 -c "print(round($user+$sys,2))")s peak ${rss}KB $stages" | tee -a "$results"
done
python3 - "$results" "$rows" <<'PY'
import re, statistics, sys
lines = open(sys.argv[1]).read().splitlines()
rows = int(sys.argv[2])
def col(pattern):
    return [float(re.search(pattern, l).group(1)) for l in lines if re.search(pattern, l)]
wall, cpu, rss = col(r"wall ([\d.]+)s"), col(r"cpu ([\d.]+)s"), col(r"peak (\d+)KB")
print(f"median of {len(wall)}: wall {statistics.median(wall):.2f} s, cpu {statistics.median(cpu):.2f} s, "
      f"peak RSS {statistics.median(rss)/1024:.0f} MiB")
for stage in ("ingest", "transform", "aggregate", "report"):
    times = col(stage + r"=([\d.]+)")
    if times:
        extra = f", {rows/statistics.median(times)/1e6:.2f} M extract rows/s" if stage == "ingest" else ""
        print(f"  {stage:<10} median {statistics.median(times):.2f} s{extra}")
PY

# Reruns and readers on the last run's database: a nightly run over unchanged inputs, `status`, `tables list`.
for command in "run" "status" "tables list"; do
  for i in $(seq 1 "$runs"); do
    /usr/bin/time -f "%e %M" -o "$results.time" "$bin" $command --config "$folder/pipeline.json" > /dev/null
    cat "$results.time" >> "$results.readers"
  done
  python3 - "$results.readers" "$command" <<'PY'
import statistics, sys
values = [l.split() for l in open(sys.argv[1]) if l.strip()]
print(f"  {sys.argv[2]:<12} median {statistics.median(float(v[0]) for v in values) * 1000:.0f} ms, "
      f"peak RSS {statistics.median(float(v[1]) for v in values) / 1024:.0f} MiB ({len(values)} runs)")
PY
  rm -f "$results.readers"
done

if [ "$peer" = 1 ]; then
  if [ ! -x bench/.venv/bin/python ] || ! bench/.venv/bin/python -c "import duckdb, polars" 2>/dev/null; then
    python3 -m venv bench/.venv
    bench/.venv/bin/pip install -q duckdb==1.4.4 polars==2.1.0
  fi
  # Both peers on the same folder, alternating with each other, two threads each (as the machine has).
  for i in $(seq 1 "$runs"); do
    for peer_name in duckdb polars; do
      POLARS_MAX_THREADS=2 /usr/bin/time -f "%e %U %S %M" -o "$results.time" bench/.venv/bin/python "bench/peer_$peer_name.py" "$folder" > /dev/null
      read -r wall user sys rss < "$results.time"
      echo "$peer_name $i: wall ${wall}s peak ${rss}KB" | tee -a "$results.peer"
    done
  done
  python3 - "$results" "$results.peer" <<'PY'
import re, statistics, sys
ours = statistics.median(float(re.search(r"wall ([\d.]+)s", l).group(1)) for l in open(sys.argv[1]) if "wall" in l)
for name in ("duckdb", "polars"):
    lines = [l for l in open(sys.argv[2]) if l.startswith(name)]
    wall = statistics.median(float(re.search(r"wall ([\d.]+)s", l).group(1)) for l in lines)
    rss = statistics.median(float(re.search(r"peak (\d+)KB", l).group(1)) for l in lines)
    print(f"{name} peer median wall {wall:.2f} s, peak RSS {rss/1024:.0f} MiB; soc-pipeline / {name} = {ours/wall:.2f}")
PY
fi
rm -f "$results" "$results".*
