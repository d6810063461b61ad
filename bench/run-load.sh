#!/usr/bin/env bash
# Load benchmark: Sitroom against two peers on the same machine and under the same load.
#
#   ./mvnw -DskipTests package && bench/run-load.sh          # full sizes, 3 runs (long)
#   QUICK=1 RUNS=1 bench/run-load.sh                          # smoke test, a few minutes
#
# It measures (see bench/load/loadgen.mjs for how): fan-out (N clients in a room, a sweep of
# publish rates: delivered msg/s, latency p50/p99/p999/max, the knee = highest rate with p99 <= 100 ms
# and every event delivered, server CPU us per delivery), durable commands/s (one hot room, then
# 100 rooms) and idle sockets (heap and RSS per socket). Peers: a bare `ws` relay (relay.mjs, the
# practical ceiling, no persistence) and Socket.IO rooms (socketio-server.mjs).
#
# How: the packaged app (target/quarkus-app, PostgreSQL only) on a fresh database sitroom_load,
# the servers pinned to core 0 and the generator to core 1 (taskset); for each mode, RUNS rounds
# of the targets in A/B/A/B order (sitroom, relay, socketio, sitroom, relay, ...); then medians over
# the runs and ratios to the relay (bench/load/summarize.mjs), printed and written to summary.md.
#
# Clients offer permessage-deflate as Chromium does (`permessage-deflate; client_max_window_bits`);
# the peers accept it, as Sitroom does. A mode name ending in -plain offers none (the comparison).
#
# Settings (environment):
#   MODES="fanout durable idle"   which modes; also fanout-plain (fan-out without deflate) and
#                                 webclient (N copies of the web client's RoomStore, Sitroom only;
#                                 webclient-plain without deflate), see bench/load/README.md
#   TARGETS="sitroom relay socketio"
#   RUNS=3                        rounds per mode (medians over these)
#   DEFLATE=0                     no client offers permessage-deflate (in every mode)
#   QUICK=1                       smoke sizes: 50 clients, short steps, 500 idle sockets (about a minute per round)
#   RATES=10,25,50,...            publish rates of the fan-out sweep (commands/s, all rooms together)
#   LOADGEN_ARGS="--clients 500 --rooms 1 ..."   any other loadgen.mjs option
#   OUT=bench/load/results/<time> where the JSON files, logs and summary.md go
#   WARMUP=1                      unmeasured rounds first: every mode once against every target, written to
#                                 $OUT/warmup/ and left out of the summary (0: none). Each target starts fresh,
#                                 and a JVM pinned to one core compiles for minutes: without it the first
#                                 round measures the JIT (hot room 530-850 commands/s in a fresh JVM's first
#                                 round, 1,070-1,560 in its third to fifth; 500 web clients p99 190 then 58 ms)
#   JAVA_OPTS=...                 extra JVM options for Sitroom (none by default)
#   DEFAULT_LIMITS=1              keep Sitroom's default rate limits (see bench/run-flood.sh)
#
# Sitroom's per-user and per-connection limits (docs/protocol.md, "Limits") are raised for the run:
# the benchmark measures the engine, not the limiter (a few publisher connections must carry up to
# 1,600 commands/s, and with the defaults they would get rate_limited refusals instead), and so is the
# rate of new room connections a user may open (the idle mode opens and closes a user's 20 sockets to
# warm up, then opens them again: 429 with the default burst of 20). The bench still opens at most 20
# sockets per user. The slow-consumer limit (max-pending-frames) is kept: a
# client closed with 4008 shows up as lost events. bcrypt cost 4 only makes signing in hundreds of
# bench users fast; sign-in is set-up, never measured.
#
# Ports: Sitroom 8097, relay 18095, Socket.IO 18096 (SITROOM_PORT, RELAY_PORT, SOCKETIO_PORT; for modes
# without compression a second Socket.IO server with compression off on SOCKETIO_PORT + 1); the run
# stops at once if one is already taken. Every process started here is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

MODES=${MODES:-"fanout durable idle"}
TARGETS=${TARGETS:-"sitroom relay socketio"}
RUNS=${RUNS:-3}
QUICK=${QUICK:-0}
SITROOM_PORT=${SITROOM_PORT:-8097}
RELAY_PORT=${RELAY_PORT:-18095}
SOCKETIO_PORT=${SOCKETIO_PORT:-18096}
SERVER_CORE=0
GENERATOR_CORE=1
ADMIN_PASSWORD=bench-load-admin-password
LOAD=bench/load
OUT=${OUT:-$LOAD/results/$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"
# DEFAULT_LIMITS=1 keeps Sitroom's own per-connection and per-user limits (the flood measurement:
# bench/run-flood.sh); otherwise they are raised so that the engine is measured, not the limiter.
if [ "${DEFAULT_LIMITS:-0}" = 1 ]; then
  COMMAND_LIMIT=100 FRAME_LIMIT=200 FRAME_BURST=1000 UPGRADE_LIMIT=1 UPGRADE_BURST=20
else
  COMMAND_LIMIT=1000000 FRAME_LIMIT=1000000 FRAME_BURST=1000000 UPGRADE_LIMIT=1000000 UPGRADE_BURST=1000000
fi

declare -A PID=()
cleanup() {
  for name in "${!PID[@]}"; do
    kill "${PID[$name]}" 2>/dev/null || true
  done
  for name in "${!PID[@]}"; do
    wait "${PID[$name]}" 2>/dev/null || true
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# 10,000 idle sockets need 10,000 descriptors in the generator and in the server.
ulimit -n "$(ulimit -Hn)"
if [ "$(ulimit -n)" -lt 12000 ]; then
  echo "warning: ulimit -n is $(ulimit -n); the idle mode needs more than 10,000 descriptors" >&2
fi

port_free() { # port: refuse to start when something else listens there (its answers would be measured)
  if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
    echo "port $1 is already in use; choose another (SITROOM_PORT, RELAY_PORT, SOCKETIO_PORT)" >&2
    exit 1
  fi
}

wait_for() { # name, url, seconds: until the url answers, as long as our process lives
  for _ in $(seq 1 "$3"); do
    kill -0 "${PID[$1]}" 2>/dev/null || { echo "$1 exited; see $OUT/$1.log" >&2; return 1; }
    curl -sf -o /dev/null "$2" && return 0
    sleep 1
  done
  echo "not ready: $2" >&2
  return 1
}

start_sitroom() {
  if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
    echo "target/quarkus-app/quarkus-run.jar missing: run ./mvnw -DskipTests package first" >&2
    exit 1
  fi
  port_free $SITROOM_PORT
  .ci/pg-setup >/dev/null
  psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS sitroom_load WITH (FORCE)" \
    -c "CREATE DATABASE sitroom_load OWNER sitroom"
  # shellcheck disable=SC2086
  SITROOM_DB_URL=jdbc:postgresql://127.0.0.1:5432/sitroom_load \
  SITROOM_ADMIN_PASSWORD=$ADMIN_PASSWORD \
  QUARKUS_HTTP_PORT=$SITROOM_PORT \
  SITROOM_SECURITY_BCRYPT_COST=4 \
  SITROOM_LIMITS_CONNECTIONS_PER_USER=100000 \
  SITROOM_LIMITS_COMMANDS_PER_SECOND=$COMMAND_LIMIT \
  SITROOM_LIMITS_COMMAND_BURST=$COMMAND_LIMIT \
  SITROOM_LIMITS_FRAMES_PER_SECOND=$FRAME_LIMIT \
  SITROOM_LIMITS_FRAME_BURST=$FRAME_BURST \
  SITROOM_LIMITS_UPGRADES_PER_SECOND=$UPGRADE_LIMIT \
  SITROOM_LIMITS_UPGRADE_BURST=$UPGRADE_BURST \
    taskset -c $SERVER_CORE java ${JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar >"$OUT/sitroom.log" 2>&1 &
  PID[sitroom]=$!
  wait_for sitroom "http://127.0.0.1:$SITROOM_PORT/q/health/ready" 120
}

start_peer() { # name, script, port, more arguments
  port_free "$3"
  taskset -c $SERVER_CORE node --expose-gc "$LOAD/$2" --port "$3" "${@:4}" >"$OUT/$1.log" 2>&1 &
  PID[$1]=$!
  wait_for "$1" "http://127.0.0.1:$3/stats" 30
}

if [ ! -d "$LOAD/node_modules" ]; then
  (cd "$LOAD" && npm ci --no-audit --no-fund)
fi
# The webclient mode compiles frontend/src/roomStore.ts with frontend's own Vite (build-webclient.mjs).
case " $MODES " in
  *" webclient"*) [ -d frontend/node_modules ] || (cd frontend && npm ci --no-audit --no-fund) ;;
esac

for target in $TARGETS; do
  case $target in
    sitroom) start_sitroom ;;
    relay) start_peer relay relay.mjs $RELAY_PORT ;;
    socketio)
      start_peer socketio socketio-server.mjs $SOCKETIO_PORT
      # Socket.IO with compression accepted gives up its pre-encoded broadcast frames for every socket:
      # runs without compression get a server that does not accept it, as it would be configured then.
      if [ "${DEFLATE:-1}" = 0 ] || [[ " $MODES " == *"-plain "* ]]; then
        start_peer socketio-plain socketio-server.mjs $((SOCKETIO_PORT + 1)) --deflate 0
      fi ;;
    *) echo "unknown target $target (sitroom relay socketio)" >&2; exit 2 ;;
  esac
done

url_of() {
  case $1 in
    sitroom) echo "http://127.0.0.1:$SITROOM_PORT" ;;
    relay) echo "http://127.0.0.1:$RELAY_PORT" ;;
    socketio) echo "http://127.0.0.1:$SOCKETIO_PORT" ;;
    socketio-plain) echo "http://127.0.0.1:$((SOCKETIO_PORT + 1))" ;;
  esac
}

EXTRA=()
[ "$QUICK" = 1 ] && EXTRA+=(--quick)
[ -n "${RATES:-}" ] && EXTRA+=(--rates "$RATES")
[ "${DEFLATE:-1}" = 0 ] && EXTRA+=(--deflate 0)
# shellcheck disable=SC2206
[ -n "${LOADGEN_ARGS:-}" ] && EXTRA+=($LOADGEN_ARGS)

WARMUP=${WARMUP:-1}
echo "results: $OUT (modes: $MODES; targets: $TARGETS; runs: $RUNS; warm-up rounds: $WARMUP; quick: $QUICK)"
failures=0
round() { # mode, run, results directory
  local mode=$1 run=$2 dir=$3 target server
  for target in $TARGETS; do
    case $mode in webclient*) [ "$target" = sitroom ] || continue ;; esac # the web client speaks only to Sitroom
    server=$target
    if [ "$target" = socketio ] && { [ "${DEFLATE:-1}" = 0 ] || [[ $mode == *-plain ]]; }; then server=socketio-plain; fi
    if ! kill -0 "${PID[$server]}" 2>/dev/null; then
      echo "$server is not running; see $OUT/$server.log" >&2
      exit 1
    fi
    if ! taskset -c $GENERATOR_CORE node "$LOAD/loadgen.mjs" --target "$target" --mode "$mode" --run "$run" \
      --url "$(url_of "$server")" --server-pid "${PID[$server]}" --admin-password "$ADMIN_PASSWORD" \
      --out "$dir/$mode-$target-run$run.json" "${EXTRA[@]}"; then
      echo "loadgen failed: $mode $target run $run" | tee -a "$OUT/failures.txt" >&2
      failures=$((failures + 1))
    fi
  done
}
if [ "$WARMUP" -gt 0 ]; then
  mkdir -p "$OUT/warmup"
  for w in $(seq 1 "$WARMUP"); do
    mkdir -p "$OUT/warmup/$w"; for mode in $MODES; do round "$mode" 0 "$OUT/warmup/$w"; done
  done
  echo "warm-up done (not measured: $OUT/warmup)"
fi
for mode in $MODES; do
  for run in $(seq 1 "$RUNS"); do round "$mode" "$run" "$OUT"; done
done

node "$LOAD/summarize.mjs" "$OUT" | tee "$OUT/summary.md"
echo
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); results in $OUT"
[ "$failures" = 0 ]
