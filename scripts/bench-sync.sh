#!/usr/bin/env bash
# Times `rekindle sync` (issue 17) and prints batch sizes: the first sync of a generated
# ten-year journal, a day's change, and 1 and 365 pending batches. Not part of CI; needs a
# release build (cargo build --release --bin rekindle --example generate). Numbers go to
# BENCHMARKS.md by hand.
set -euo pipefail
BIN=${BIN:-$(pwd)/target/release}
R=$BIN/rekindle
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
export REKINDLE_TODAY=2026-11-21
t() { local s e; s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N); python3 -c "print(f'{($e-$s)*1000:.0f} ms')"; }
size() { stat -c %s "$1"; }

"$BIN/examples/generate" "$W/a.db" 10 1 2026-11-21
A=("$R" --journal "$W/a.db")
B=("$R" --journal "$W/b.db")
echo "journal: $(size "$W/a.db") bytes"
echo -n "sync init (first batch of ten years): "
s=$(date +%s.%N); "${A[@]}" sync init "$W/dir" --as Sam --no-auto --json >"$W/init.json"; e=$(date +%s.%N)
python3 -c "print(f'{($e-$s)*1000:.0f} ms')"
CODE=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["pairing_code"])' "$W/init.json")
ls -l "$W"/dir/*/00000001.batch | awk '{print "first batch: " $5 " bytes"}'
echo -n "sync join (reads ten years into a new journal): "
s=$(date +%s.%N); printf '%s\n' "$CODE" | "${B[@]}" sync join "$W/dir" --as Alex --no-auto >/dev/null; e=$(date +%s.%N)
python3 -c "print(f'{($e-$s)*1000:.0f} ms')"

# A day's change: a check-in with feelings and words, a quick feeling, an outcome.
"${A[@]}" checkin --as Sam --amend --date 2026-11-21 --trust 7 --connection 6 \
  --answer "We walked after dinner and talked about the weekend" --note "A good day" >/dev/null
"${A[@]}" feel --as Sam calm --note "after the walk" >/dev/null
echo -n "sync, a day's change (writes one batch): "; t "${A[@]}" sync
ls -l "$W"/dir/*/ | awk '/batch$/ {last=$5} END {print "a day'"'"'s batch: " last " bytes"}'
echo -n "sync with 1 pending batch (reads it): "; t "${B[@]}" sync
echo -n "sync with nothing to do: "; t "${B[@]}" sync
# A year of days, one batch each, that the other computer has not read yet.
for i in $(seq 1 365); do
  "${A[@]}" feel --as Sam calm --note "day $i" >/dev/null
  "${A[@]}" sync >/dev/null
done
echo "batches in the folder: $(find "$W/dir" -name '*.batch' | wc -l) (365 not yet read by B)"
echo -n "sync with 365 pending batches: "; t "${B[@]}" sync
echo -n "sync compact: "; t "${A[@]}" sync compact
ls -l "$W"/dir/*/*.snapshot | awk '{print "snapshot: " $5 " bytes"}'
