#!/usr/bin/env bash
# Dashboard check (run by .ci/run): stores the bundled examples, starts `dyad serve`, opens the
# dashboard in headless Chromium (Debian's package), and checks from the rendered DOM that the
# chart and the USA–RUS event list are there with the expected number of events. Writes a
# screenshot to target/dashboard.png for a person to look at.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=target/release/dyad
if ! command -v chromium >/dev/null 2>&1; then
  echo "installing chromium from Debian's packages"
  (apt-get update -qq && apt-get install -y -qq chromium) >/dev/null
fi
work=$(mktemp -d)
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
"$BIN" ingest examples/ --db "$work/demo.db" 2>/dev/null
expected=$("$BIN" query --db "$work/demo.db" --source USA --target RUS --both --limit 1000 --format jsonl | wc -l)
"$BIN" serve --db "$work/demo.db" --addr 127.0.0.1:0 2>"$work/serve.log" &
server=$!
url=""
for _ in $(seq 1 100); do
  url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$work/serve.log" | head -1 || true)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { echo "dyad serve did not start"; cat "$work/serve.log"; exit 1; }
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
       --disable-background-networking --disable-component-update --disable-sync
       --user-data-dir="$work/profile" --virtual-time-budget=15000 --window-size=1280,1000)
chromium "${flags[@]}" --dump-dom "$url" > "$work/dom.html" 2>/dev/null
mkdir -p target
chromium "${flags[@]}" --screenshot=target/dashboard.png "$url" >/dev/null 2>&1 || true
grep -q 'data-ready="1"' "$work/dom.html" || { echo "dashboard did not finish rendering"; exit 1; }
grep -q 'id="chart"' "$work/dom.html" || { echo "no chart"; exit 1; }
shown=$(grep -o 'data-events="[0-9]*"' "$work/dom.html" | head -1 | grep -o '[0-9]*')
items=$(grep -o 'class="event"' "$work/dom.html" | wc -l)
echo "dashboard: USA-RUS events expected $expected, list says ${shown:-none}, rendered $items"
[ "${shown:-x}" = "$expected" ] && [ "$items" = "$expected" ] || { echo "event count mismatch"; exit 1; }
echo "dashboard check passed; screenshot: target/dashboard.png"
