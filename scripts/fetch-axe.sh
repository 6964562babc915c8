#!/usr/bin/env bash
# Fetches axe-core (Deque's accessibility rules engine, MPL-2.0), which the browser tests run inside headless
# Chromium over the HTML report (docs/REPORT.md "Accessibility"). It comes from PyPI, inside the wheel of
# axe-playwright-python 0.1.8 (axe-core 4.12.1), because npm is not reachable from the machines this project
# builds on; only the wheel's axe.min.js is kept, checked against the hashes below. Nothing is installed.
set -euo pipefail
cd "$(dirname "$0")/.."

target=.build/axe-core/axe.min.js
wheel_sha256=fdd263c998388f1a8e67cad02677e612d946248bd44d163be5e8650ea31f95f8
script_sha256=84494fec757e4710dc751c8d7a636e457f4532f08f85c86dc9070133fbff53bc

if [ -f "$target" ] && echo "$script_sha256  $target" | sha256sum --check --status; then
  exit 0
fi
download=$(mktemp -d)
trap 'rm -rf "$download"' EXIT
python3 -m pip download --quiet --no-deps --only-binary=:all: --dest "$download" "axe-playwright-python==0.1.8"
wheel="$download/axe_playwright_python-0.1.8-py3-none-any.whl"
echo "$wheel_sha256  $wheel" | sha256sum --check --status || {
  echo "error: $wheel is not the wheel this script pins (SHA-256 differs); not using it" >&2
  exit 1
}
mkdir -p "$(dirname "$target")"
unzip -p "$wheel" axe_playwright_python/axe.min.js > "$target.partial"
echo "$script_sha256  $target.partial" | sha256sum --check --status || {
  echo "error: axe.min.js in the wheel is not the one this script pins" >&2
  exit 1
}
mv "$target.partial" "$target"
echo "axe-core 4.12.1: $target"
