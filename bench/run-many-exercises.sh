#!/usr/bin/env bash
# Many exercises at once (issue 18, item 10): the packaged app (./mvnw package -DskipTests first) on a fresh
# PostgreSQL database; N exercises of a shipped scenario started together at SPEED, RUNS times.
# Results: docs/benchmarks.md. PORT and DB let several checkouts run it side by side.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8097}
DB=${DB:-sitroom_bench_many}
.ci/pg-setup >/dev/null
psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB OWNER sitroom"
SITROOM_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB SITROOM_ADMIN_PASSWORD=bench-admin-password QUARKUS_HTTP_PORT=$PORT \
SITROOM_SCENARIOS_DIRS="$(pwd)/scenarios" \
  java -jar target/quarkus-app/quarkus-run.jar >target/bench-many-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" && break; sleep 1; done
python3 bench/many_exercises.py "http://127.0.0.1:$PORT" bench-admin-password "${N:-100}" "${SPEED:-200}" \
  "${SCENARIO:-ransomware-friday-night}" "${RUNS:-3}"
