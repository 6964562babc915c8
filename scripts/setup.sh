#!/usr/bin/env bash
# Installs the C libraries soc-pipeline links (Debian packages), builds the release binary, fetches
# axe-core for the browser tests and, unless --no-run is given, runs the whole pipeline on data-samples/
# into out/.
set -euo pipefail
cd "$(dirname "$0")/.."

# libxlsxwriter-dev writes the workbook; chromium, unzip and python3-pandas are what the tests open the
# HTML report, the workbook and the CSV files with; python3-pip downloads axe-core (scripts/fetch-axe.sh).
packages=(libcsv-dev libcsv3 r-mathlib libsqlite3-dev sqlite3 libxlsxwriter-dev libglpk-dev chromium unzip python3-pandas python3-pip)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update
  $sudo_cmd apt-get install -y "${missing[@]}"
fi

swift build -c release --product soc-pipeline

# axe-core, the accessibility rules the browser tests run over the HTML report (from PyPI; see the script).
./scripts/fetch-axe.sh

if [ "${1:-}" != "--no-run" ]; then
  .build/release/soc-pipeline run
  .build/release/soc-pipeline status
  echo "published: out/published/latest (state-of-care.html, state-of-care.xlsx, csv/, json/, markdown/)"
fi
