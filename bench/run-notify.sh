#!/usr/bin/env bash
# What NOTIFY costs: durable commands/s into one hot room and across 100 rooms (many concurrent
# writers), with the wake-ups between nodes on (the default: one NOTIFY per appending transaction)
# and off (sitroom.cluster.enabled=false), A/B/A/B, RUNS rounds of each. PostgreSQL serialises the
# commits that carry a NOTIFY; this shows what that costs here.
#
#   ./mvnw -DskipTests package && bench/run-notify.sh
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
OUT=${OUT:-bench/load/results/notify-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"

for run in $(seq 1 "$RUNS"); do
  for notify in true false; do
    dir="$OUT/run$run-notify-$notify"
    OUT="$dir" MODES=durable TARGETS=sitroom RUNS=1 JAVA_OPTS="-Dsitroom.cluster.enabled=$notify" \
      bench/run-load.sh >"$dir.log" 2>&1 || { echo "run failed: see $dir.log" >&2; exit 1; }
    node -e '
      const r = require(process.argv[1]).result;
      console.log(`run ${process.argv[2]}, notify ${process.argv[3]}: hot room ${Math.round(r.hotRoom.commandsPerSecond)} cmd/s, 100 rooms ${Math.round(r.manyRooms.commandsPerSecond)} cmd/s`);
    ' "$(realpath "$dir/durable-sitroom-run1.json")" "$run" "$notify"
  done
done | tee "$OUT/runs.txt"

node -e '
const lines = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n");
const by = {};
for (const l of lines) {
  const m = l.match(/notify (\w+): hot room (\d+) cmd\/s, 100 rooms (\d+)/);
  (by[m[1]] ??= { hot: [], many: [] }).hot.push(Number(m[2]));
  by[m[1]].many.push(Number(m[3]));
}
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
for (const k of ["true", "false"]) console.log(`notify ${k}: median hot room ${median(by[k].hot)} cmd/s, 100 rooms ${median(by[k].many)} cmd/s`);
console.log(`with NOTIFY / without: hot room ${(median(by.true.hot) / median(by.false.hot)).toFixed(2)}x, 100 rooms ${(median(by.true.many) / median(by.false.many)).toFixed(2)}x`);
' "$OUT/runs.txt" | tee -a "$OUT/runs.txt"
