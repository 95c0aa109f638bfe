#!/usr/bin/env bash
# Times rekindle's everyday commands on generated journals of 1, 10 and 50 years, beside the
# sqlite3 command-line shell opening the same file (the floor: no program that reads this
# file can start faster), and measures peak memory. Prints a Markdown table for BENCHMARKS.md.
#
#   scripts/bench.sh [WORKDIR]        (default target/bench; journals are kept and reused)
#
# BASELINE=/path/to/an/older/rekindle also times that binary's import, export and doctor on
# the same files (rows "… (baseline)"), to measure a speed-up against it.
#
# Needs hyperfine and sqlite3 (Debian: apt-get install hyperfine sqlite3) and python3.
# Not part of CI: timings belong in BENCHMARKS.md, never in tests.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in hyperfine sqlite3 python3; do
  command -v "$tool" >/dev/null || { echo "bench.sh needs $tool" >&2; exit 1; }
done

work=${1:-target/bench}
mkdir -p "$work"
# BIN=path uses a binary built elsewhere (for example a cold build being measured); the
# journal generator is then built without optimisation, which only makes generating slower.
if [ -n "${BIN:-}" ]; then
  cargo build --quiet --example generate
  bin=$BIN
  gen=$PWD/target/debug/examples/generate
else
  cargo build --release --quiet
  cargo build --release --quiet --example generate
  bin=$PWD/target/release/rekindle
  gen=$PWD/target/release/examples/generate
fi
until=2026-11-21
export REKINDLE_TODAY=$until NO_COLOR=1
unset REKINDLE_JOURNAL REKINDLE_AS

runs=${RUNS:-40}
results=$work/results.tsv
: > "$results"

# time NAME YEARS COMMAND [PREPARE]: mean and σ in ms, and peak memory in MB. PREPARE (a
# shell command) runs before every timed run, and before the memory run.
time_it() {
  local name=$1 years=$2 cmd=$3 prep=${4:-true}
  local json=$work/$name-$years.json
  hyperfine -N --style none --warmup 3 --runs "$runs" --export-json "$json" \
    --prepare "bash -c '$prep'" "$cmd" >/dev/null
  local mem
  bash -c "$prep"
  /usr/bin/time -o "$work/mem" -f '%M' bash -c "$cmd >/dev/null 2>&1"
  mem=$(tail -1 "$work/mem")
  python3 - "$json" "$name" "$years" "$mem" >>"$results" <<'EOF'
import json, sys
path, name, years, mem = sys.argv[1:]
r = json.load(open(path))["results"][0]
print(f"{name}\t{years}\t{r['mean']*1000:.2f}\t{r['stddev']*1000:.2f}\t{int(mem)/1024:.1f}")
EOF
}

# Encryption (issue 16): what opening costs on a plain journal with and without SQLCipher in
# the binary, and on an encrypted one (unlocking = one scrypt of 64 MiB + the keyed open).
#   ENCRYPTION=1 [PLAIN_BIN=path/to/a/--features-plain/build] scripts/bench.sh   (this part only)
if [ -n "${ENCRYPTION:-}" ]; then
  db=$work/y10.db
  [ -f "$db" ] || "$gen" "$db" 10 1 "$until" >/dev/null
  sqlite3 "$db" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
  pass=$work/pass
  printf 'quiet harbour lantern morning\n' > "$pass"; chmod 600 "$pass"
  enc=$work/enc10.db
  rm -f "$enc" "$enc.keys"
  cp "$db" "$enc"
  REKINDLE_PASSPHRASE_FILE=$pass "$bin" --journal "$enc" partners passphrase Sam --as Sam >/dev/null
  REKINDLE_PASSPHRASE_FILE=$pass "$bin" --journal "$enc" encrypt --as Sam >/dev/null
  echo "| command (10-year journal) | mean ± σ |"
  echo "| --- | --- |"
  row() {
    hyperfine -N --style none --warmup 3 --runs "${2:-$runs}" --export-json "$work/enc.json" "$1" >/dev/null
    python3 -c "import json;r=json.load(open('$work/enc.json'))['results'][0];print(f\"| {'$3'} | {r['mean']*1000:.1f} ± {r['stddev']*1000:.1f} ms |\")"
  }
  row "sqlite3 $db 'SELECT count(*) FROM partners'" "" "floor (\`sqlite3\`), plain journal"
  row "$bin --journal $db status --short" "" "status --short, plain journal, SQLCipher build"
  row "$bin --journal $db history --limit 20" "" "history --limit 20, plain journal, SQLCipher build"
  if [ -n "${PLAIN_BIN:-}" ]; then
    row "$PLAIN_BIN --journal $db status --short" "" "status --short, plain journal, plain build"
    row "$PLAIN_BIN --journal $db history --limit 20" "" "history --limit 20, plain journal, plain build"
  fi
  row "$bin --journal $enc status --short" "" "status --short, encrypted journal (locked, no key)"
  row "env REKINDLE_PASSPHRASE_FILE=$pass $bin --journal $enc history --limit 20 --as Sam" 10 \
    "history --limit 20, encrypted journal, unlocked with a passphrase"
  row "env REKINDLE_PASSPHRASE_FILE=$pass $bin --journal $enc history --limit 20" 10 \
    "the same without --as (each slot tried in turn)"
  if command -v valgrind >/dev/null; then
    for b in "$bin" ${PLAIN_BIN:-}; do
      valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" "$b" --journal "$db" status --short \
        >/dev/null 2>"$work/cg.log" || true
      echo "instructions, status --short on a plain journal, $b: $(grep -o 'refs: *[0-9,]*' "$work/cg.log" | tr -dc '0-9')"
    done
  fi
  exit 0
fi

for years in 1 10 50; do
  db=$work/y$years.db
  [ -f "$db" ] || "$gen" "$db" "$years" 1 "$until" >/dev/null
  [ -f "$work/y$years.export.json" ] || "$bin" --journal "$db" export --output "$work/y$years.export.json" >/dev/null
  # Settle the file (no -wal left over) so every run starts from the same state.
  sqlite3 "$db" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null

  time_it floor "$years" "sqlite3 $db 'SELECT count(*) FROM partners'"
  time_it history "$years" "$bin --journal $db history"
  # On every shell prompt: must stay within twice the floor.
  time_it status "$years" "$bin --journal $db status --short"
  # A word from the monthly apologies, and one from a sixth of all answers.
  time_it search "$years" "$bin --journal $db history --search friday"
  time_it search-common "$years" "$bin --journal $db history --search dinner"
  time_it progress "$years" "$bin --journal $db progress --weeks 52"
  time_it report "$years" "$bin --journal $db report --weeks 52 --output $work/report.html"
  # Whole-journal commands: the JSON export (printed, thrown away) and doctor's checks.
  time_it export "$years" "$bin --journal $db export"
  time_it doctor "$years" "$bin --journal $db doctor"
  # A check-in for the next day, written into a fresh copy of the journal each run; the copy
  # is flushed to disk first, or the check-in's own fsync would pay for writing the copy.
  time_it checkin "$years" \
    "env REKINDLE_TODAY=2026-11-22 $bin --journal $work/write.db checkin --as Sam --trust 7 --note benchmark" \
    "cp $db $work/write.db && rm -f $work/write.db-wal $work/write.db-shm && sync"
  if [ -n "${BASELINE:-}" ]; then
    time_it export-baseline "$years" "$BASELINE --journal $db export"
    time_it doctor-baseline "$years" "$BASELINE --journal $db doctor"
  fi
  if [ "$years" != 50 ] || [ -n "${BENCH_IMPORT_50:-}" ]; then
    runs=5 time_it import "$years" "$bin --journal $work/import.db import $work/y$years.export.json" \
      "rm -f $work/import.db $work/import.db-wal $work/import.db-shm"
    if [ -n "${BASELINE:-}" ]; then
      runs=5 time_it import-baseline "$years" "$BASELINE --journal $work/import.db import $work/y$years.export.json" \
        "rm -f $work/import.db $work/import.db-wal $work/import.db-shm"
    fi
  fi
done

# Instruction counts (valgrind's callgrind): the same for the same binary, input and
# environment whatever else the machine does, so they show flatness across sizes exactly.
if [ -n "${INSTRUCTIONS:-}" ] && command -v valgrind >/dev/null; then
  echo "| instructions (millions) | 1 year | 10 years | 50 years |"
  echo "| --- | --- | --- | --- |"
  for spec in "floor|sqlite3 DB 'SELECT count(*) FROM partners'" \
              "history|$bin --journal DB history" \
              "status|$bin --journal DB status --short" \
              "search|$bin --journal DB history --search friday" \
              "search-common|$bin --journal DB history --search dinner" \
              "progress|$bin --journal DB progress --weeks 52" \
              "checkin|$bin --journal COPY checkin --as Sam --trust 7"; do
    name=${spec%%|*}
    row="| $name |"
    for years in 1 10 50; do
      cmd=${spec#*|}
      cmd=${cmd//DB/$work/y$years.db}
      cmd=${cmd//COPY/$work/write.db}
      cp "$work/y$years.db" "$work/write.db" && rm -f "$work/write.db-wal" "$work/write.db-shm"
      # The check-in is written for the next day, the first with none.
      day=$until
      [ "$name" = checkin ] && day=2026-11-22
      eval "REKINDLE_TODAY=$day valgrind --tool=callgrind --callgrind-out-file=$work/callgrind.out $cmd" \
        >/dev/null 2>"$work/callgrind.log" || true
      refs=$(grep -o 'refs: *[0-9,]*' "$work/callgrind.log" | tr -dc '0-9')
      row="$row $(python3 -c "print(f'{$refs/1e6:.1f}')") |"
    done
    echo "$row"
  done
  echo
fi

python3 - "$results" <<'EOF'
import sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
data = {(n, y): (float(m), float(s), float(mem)) for n, y, m, s, mem in rows}
names = ["floor", "history", "status", "search", "search-common", "progress", "report", "checkin", "export", "export-baseline", "doctor", "doctor-baseline", "import", "import-baseline"]
names = [n for n in names if any((n, y) in data for y in ["1", "10", "50"])]
print("| command | 1 year | 10 years | 50 years | × floor (10 y) | 50 y ÷ 1 y | peak memory (10 y) |")
print("| --- | --- | --- | --- | --- | --- | --- |")
for n in names:
    cells = []
    for y in ["1", "10", "50"]:
        if (n, y) in data:
            m, s, _ = data[(n, y)]
            cells.append(f"{m:.1f} ± {s:.1f} ms" if m < 1000 else f"{m/1000:.2f} s")
        else:
            cells.append("–")
    floor = data.get(("floor", "10"))
    ten = data.get((n, "10"))
    ratio = f"{ten[0] / floor[0]:.1f}×" if floor and ten and n != "floor" else "–"
    one, fifty = data.get((n, "1")), data.get((n, "50"))
    growth = f"{fifty[0] / one[0]:.2f}" if one and fifty else "–"
    mem = f"{ten[2]:.1f} MB" if ten else "–"
    print(f"| {n} | " + " | ".join(cells) + f" | {ratio} | {growth} | {mem} |")
EOF
