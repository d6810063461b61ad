#!/usr/bin/env bash
# One abusive client against everybody else: a 500-client room at 50 commands/s, with and without
# one more connection sending 10,000 frames a second, A/B/A/B (RUNS rounds of each), Sitroom with
# its default rate limits. Prints each run's fan-out p99 for the other clients and the medians.
#
#   ./mvnw -DskipTests package && bench/run-flood.sh
#
# Settings: RUNS=3, RATE=50 (commands/s), FLOOD=10000 (frames/s), FLOOD_FRAME=ping|note. The
# flooder is a child process of the generator (core 1, shared with it) and reconnects whenever the
# server closes it. The rate runs twice; the first step warms the fresh server up, the second counts.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
RATE=${RATE:-50}
FLOOD=${FLOOD:-10000}
FLOOD_FRAME=${FLOOD_FRAME:-ping}
OUT=${OUT:-bench/load/results/flood-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"

p99_of() { # result directory -> the fan-out p99 of the last step of its one sitroom run
  node -e 'const s=require(process.argv[1]).result.steps;console.log(s[s.length-1].p99.toFixed(1))' \
    "$(realpath "$1"/fanout-sitroom-run1.json)"
}

for run in $(seq 1 "$RUNS"); do
  for flood in 0 "$FLOOD"; do
    dir="$OUT/run$run-flood$flood"
    extra="--flood $flood --flood-frame $FLOOD_FRAME"
    # The same rate twice: the first step warms the freshly started server up, the second is measured.
    OUT="$dir" MODES=fanout TARGETS=sitroom RUNS=1 RATES="$RATE,$RATE" DEFAULT_LIMITS=1 LOADGEN_ARGS="$extra" \
      bench/run-load.sh >"$dir.log" 2>&1 || { echo "run failed: see $dir.log" >&2; exit 1; }
    echo "run $run, flood $flood frames/s: p99 $(p99_of "$dir") ms"
  done
done | tee "$OUT/runs.txt"

node -e '
const lines = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n");
const by = {};
for (const l of lines) { const m = l.match(/flood (\d+) frames\/s: p99 ([\d.]+)/); (by[m[1]] ??= []).push(Number(m[2])); }
const median = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
const [quiet, flooded] = Object.keys(by).sort((a, b) => a - b).map((k) => median(by[k]));
console.log(`median p99: ${quiet} ms quiet, ${flooded} ms with the flood: ${(flooded / quiet).toFixed(2)}x (target < 2x)`);
' "$OUT/runs.txt" | tee -a "$OUT/runs.txt"
