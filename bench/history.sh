#!/usr/bin/env bash
# History benchmark (issue 27): the national generator delivered as N monthly folders
# (extracts/<month>/<icb>/<dataset>.csv, the N months ending 2025-02, with March 2025 held back), then,
# on a release build:
#   full rebuild   — a fresh database over the N months;
#   no-op          — run again with nothing changed;
#   add one month  — March 2025's folder moved in, run (then moved out and the history restored, untimed);
#   edit one month — one file of the first month changed in place, same size (then restored, untimed).
# Each reports wall time and peak RSS; medians of --runs runs for the no-op, of --heavy-runs for the rest.
#
#   bench/history.sh N [--runs R] [--heavy-runs H] [--work DIR]      (or bench/run.sh --history N …)
#
# Not part of `swift test` or CI. Needs /usr/bin/time and about 180 MB of disk per month.
set -euo pipefail
cd "$(dirname "$0")/.."
months=$1; shift
runs=5; heavy=1; work=bench/work
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --heavy-runs) heavy=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

swift build -c release --product soc-pipeline >/dev/null
bin=$PWD/.build/release/soc-pipeline
folder=$work/history-$months
list=$(python3 -c "
import sys
n=int(sys.argv[1]); end=2025*12+2
print(' '.join('%04d-%02d' % ((end-n+i)//12, (end-n+i)%12+1) for i in range(n+1)))" "$months")
new=${list##* }
if [ ! -d "$folder/extracts" ]; then
  mkdir -p "$folder/extracts" "$folder/held"
  for month in $list; do
    "$bin" sample --scale national --periods "$month" --out "$folder/gen" >/dev/null
    if [ "$month" = "$new" ]; then mv "$folder/gen/extracts" "$folder/held/$month"; else mv "$folder/gen/extracts" "$folder/extracts/$month"; fi
    [ -d "$folder/reference" ] || mv "$folder/gen/reference" "$folder/reference"
    rm -rf "$folder/gen"
  done
fi
sed 's#extracts/{icb}/#extracts/*/{icb}/#' bench/pipeline.national.json > "$folder/pipeline.json"
echo "workload: $folder — $months monthly folders ($(du -sh "$folder/extracts" | cut -f1)), $(find "$folder/extracts" -name '*.csv' | wc -l) files; new month $new"
cat "$folder"/extracts/*/*/*.csv > /dev/null   # warm the page cache

# Outputs of earlier runs are set aside (a rename) and deleted only when the script ends: deleting a
# publication's ~1,700 files just before a run made the filesystem slow to create the next run's files
# (bench/RESULTS.md, "stop 37"), so the report's time drifted up with every run.
trash=$(mktemp -d "$work/.set-aside.XXXXXX")
trap 'rm -rf "$trash"' EXIT
set_aside() { if [ -e "$1" ]; then mv "$1" "$trash/$(date +%s%N)"; fi; }
results=$(mktemp)
timed() {  # label, then the command's arguments
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$results.time" "$bin" "$@" --config "$folder/pipeline.json" > /dev/null
  read -r wall rss < "$results.time"
  echo "$label wall ${wall}s peak ${rss}KB" | tee -a "$results"
}
quiet() { "$bin" run --config "$folder/pipeline.json" > /dev/null; }

first=$(ls "$folder/extracts" | head -1)
edited=$(ls "$folder/extracts/$first"/*/acsc_admissions.csv | head -1)
for i in $(seq 1 "$heavy"); do
  set_aside "$folder/out"
  timed full run
  for j in $(seq 1 "$runs"); do timed noop run; done
  mv "$folder/held/$new" "$folder/extracts/$new"
  timed add run
  mv "$folder/extracts/$new" "$folder/held/$new"
  quiet
  cp "$edited" "$results.orig"
  # Same size, different content: the last digit of the last line's count moves by one.
  python3 - "$edited" <<'PY'
import sys
path = sys.argv[1]
data = open(path, 'rb').read().rstrip(b'\n')
last = data[-1:]
digit = b'1' if last != b'1' else b'2'
open(path, 'wb').write(data[:-1] + digit + b'\n')
PY
  timed edit run
  cp "$results.orig" "$edited"
  quiet
done
python3 - "$results" <<'PY'
import re, statistics, sys
lines = open(sys.argv[1]).read().splitlines()
for label in ("full", "noop", "add", "edit"):
    rows = [l for l in lines if l.startswith(label + " ")]
    wall = [float(re.search(r"wall ([\d.]+)s", l).group(1)) for l in rows]
    rss = [float(re.search(r"peak (\d+)KB", l).group(1)) for l in rows]
    print(f"{label:<5} median of {len(wall)}: wall {statistics.median(wall):.2f} s, peak RSS {statistics.median(rss)/1024:.0f} MiB "
          f"(walls {' '.join(f'{w:.2f}' for w in wall)})")
PY
rm -f "$results" "$results".*
