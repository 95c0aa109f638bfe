#!/usr/bin/env bash
# Two partners, two journals, one Syncthing folder: the issue-17 scenario over two Syncthing
# instances talking over the loopback interface only (no discovery, no relays). Not part of
# CI. Needs Debian's `syncthing`, `python3` and a built `rekindle` (REKINDLE=path, default
# target/release/rekindle). Prints what it does and exits 0 when the two journals agree.
set -euo pipefail

REKINDLE=${REKINDLE:-$(pwd)/target/release/rekindle}
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$WORK"' EXIT
export REKINDLE_TODAY=${REKINDLE_TODAY:-2026-11-21}

setup() { # NAME GUIPORT LISTENPORT
  local home=$WORK/$1/st
  mkdir -p "$home" "$WORK/$1/folder"
  HOME=$WORK/$1 syncthing generate --home="$home" >/dev/null 2>&1
  python3 - "$home/config.xml" "$2" "$3" <<'PY'
import sys, xml.etree.ElementTree as ET
path, gui, listen = sys.argv[1], sys.argv[2], sys.argv[3]
tree = ET.parse(path); root = tree.getroot()
for f in root.findall('folder'): root.remove(f)
g = root.find('gui'); g.find('address').text = f'127.0.0.1:{gui}'
key = g.find('apikey')
if key is None: key = ET.SubElement(g, 'apikey')
key.text = 'rekindle-test-key'
o = root.find('options')
def opt(name, value):
    e = o.find(name)
    if e is None: e = ET.SubElement(o, name)
    e.text = value
for e in o.findall('listenAddress'): o.remove(e)
opt('listenAddress', f'tcp://127.0.0.1:{listen}')
opt('globalAnnounceEnabled', 'false'); opt('localAnnounceEnabled', 'false')
opt('relaysEnabled', 'false'); opt('natEnabled', 'false'); opt('urAccepted', '-1')
opt('startBrowser', 'false'); opt('crashReportingEnabled', 'false'); opt('autoUpgradeIntervalH', '0')
tree.write(path)
PY
  HOME=$WORK/$1 syncthing serve --home="$home" --device-id
}

ID_A=$(setup a 18384 22001)
ID_B=$(setup b 18385 22002)

link() { # NAME OTHERID OTHERLISTEN
  python3 - "$WORK/$1/st/config.xml" "$2" "$3" "$WORK/$1/folder" "$ID_A" "$ID_B" <<'PY'
import sys, xml.etree.ElementTree as ET
path, other, listen, folder, a, b = sys.argv[1:]
tree = ET.parse(path); root = tree.getroot()
d = ET.SubElement(root, 'device', id=other, name='other', compression='metadata', introducer='false')
ET.SubElement(d, 'address').text = f'tcp://127.0.0.1:{listen}'
f = ET.SubElement(root, 'folder', id='rekindle', label='rekindle', path=folder, type='sendreceive',
                  rescanIntervalS='2', fsWatcherEnabled='true', fsWatcherDelayS='1')
ET.SubElement(f, 'device', id=a); ET.SubElement(f, 'device', id=b)
# Root-level devices must include ourselves, which `generate` wrote already.
tree.write(path)
PY
}
link a "$ID_B" 22002
link b "$ID_A" 22001

HOME=$WORK/a syncthing serve --home="$WORK/a/st" --no-browser --no-restart >"$WORK/a.log" 2>&1 &
HOME=$WORK/b syncthing serve --home="$WORK/b/st" --no-browser --no-restart >"$WORK/b.log" 2>&1 &

wait_for() { # FILE-GLOB SECONDS
  local deadline=$((SECONDS + $2))
  while (( SECONDS < deadline )); do
    compgen -G "$1" >/dev/null && return 0
    sleep 1
  done
  echo "timed out waiting for $1" >&2
  return 1
}

A=(env HOME="$WORK/a" "$REKINDLE" --journal "$WORK/a/journal.db")
B=(env HOME="$WORK/b" "$REKINDLE" --journal "$WORK/b/journal.db")

start=$SECONDS
"${A[@]}" init --partner Sam --partner Alex --repairing Sam >/dev/null
"${A[@]}" checkin --as Sam --trust 6 --note "first evening, on Sam's laptop" >/dev/null
CODE=$("${A[@]}" sync init "$WORK/a/folder" --as Sam --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["pairing_code"])')
echo "paired on A; waiting for Syncthing to carry the folder to B"
wait_for "$WORK/b/folder/*/00000001.batch" 120
sleep 2
printf '%s\n' "$CODE" | "${B[@]}" sync join "$WORK/b/folder" --as Alex
echo "pairing took $((SECONDS - start)) s"

for day in 14 15 16 17 18 19 20; do
  "${A[@]}" checkin --as Sam --date 2026-11-$day --trust $((day % 10 + 1)) --note "Sam, day $day" >/dev/null || true
  "${B[@]}" checkin --as Alex --date 2026-11-$day --trust $((day % 7 + 1)) --note "Alex, day $day" >/dev/null || true
done
echo "a week of check-ins written on both; waiting for the batches to cross"
listing() { (cd "$1" && find . -path ./.stfolder -prune -o -type f \( -name '*.batch' -o -name '*.snapshot' \) -print | sort); }
for _ in $(seq 1 120); do
  [[ "$(listing "$WORK/a/folder")" == "$(listing "$WORK/b/folder")" ]] && break
  sleep 1
done
sleep 3
"${A[@]}" sync
"${B[@]}" sync
norm() { python3 -c '
import json, sys
d = json.load(sys.stdin); d.pop("exported_at", None)
for k, v in d.items():
    if isinstance(v, list): v.sort(key=lambda x: json.dumps(x, sort_keys=True))
print(json.dumps(d, sort_keys=True))'; }
if [[ "$("${A[@]}" export | norm)" == "$("${B[@]}" export | norm)" ]]; then
  echo "OK: both journals hold the same records ($(find "$WORK/a/folder" -type f | wc -l) files in the folder)"
else
  echo "FAILED: the journals differ" >&2
  diff <("${A[@]}" export | norm | python3 -m json.tool) <("${B[@]}" export | norm | python3 -m json.tool) >&2 || true
  "${A[@]}" sync status >&2; "${B[@]}" sync status >&2
  exit 1
fi
if grep -rq "day 1" "$WORK/a/folder" "$WORK/b/folder"; then
  echo "FAILED: journal text readable in the folder" >&2
  exit 1
fi
echo "OK: no journal text in the folder"
