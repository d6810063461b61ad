#!/usr/bin/env bash
# The public status page (issue 17, item 1): the packaged app on a fresh PostgreSQL database, seeded with public
# incidents, published statements and components through its API, then GET /status and GET /api/v2/summary.json
# loaded together at RATE requests a second (default 1,000) for DURATION seconds (30), open loop; prints p50/p99 and the load
# average. Results: docs/benchmarks.md. PORT and DB let several checkouts run it side by side; BUILD=0 uses the jar
# already in target/; ENCODING=gzip asks for compressed answers, as browsers do.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8097}
DB=${DB:-sitroom_statusbench}
if [ "${BUILD:-1}" != 0 ]; then
  # The pg profile only adds test settings: the packaged app is PostgreSQL's either way (%prod). Offline, its
  # failsafe plugin may be missing from the local repository; then the same jar is built without it.
  ./mvnw -B -o -q package -DskipTests -Ppg || ./mvnw -B -o -q package -DskipTests
fi
.ci/pg-setup >/dev/null
psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB OWNER sitroom"
SITROOM_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB SITROOM_ADMIN_PASSWORD=bench-admin-password QUARKUS_HTTP_PORT=$PORT \
SITROOM_LIMITS_COMMANDS_PER_SECOND=100000 SITROOM_LIMITS_COMMAND_BURST=100000 \
  java -jar target/quarkus-app/quarkus-run.jar >target/bench-status-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" && break; sleep 1; done
ENCODING=${ENCODING:-} node bench/status-bench.mjs "http://127.0.0.1:$PORT" bench-admin-password "${RATE:-1000}" "${DURATION:-30}" \
  "${INCIDENTS:-20}" "${UPDATES:-5}" "${COMPONENTS:-8}"
