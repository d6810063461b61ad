#!/usr/bin/env bash
# Inject timing at speed 1: the packaged app (./mvnw package or verify -Ppg first) on a fresh
# PostgreSQL database, three plays of bench/scenarios/latency-drill.yaml. Results: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=8098
.ci/pg-setup >/dev/null
psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS sitroom_bench WITH (FORCE)" -c "CREATE DATABASE sitroom_bench OWNER sitroom"
SITROOM_DB_URL=jdbc:postgresql://127.0.0.1:5432/sitroom_bench SITROOM_ADMIN_PASSWORD=bench-admin-password \
SITROOM_SCENARIOS_DIRS="$(pwd)/bench/scenarios" QUARKUS_HTTP_PORT=$PORT \
  java -jar target/quarkus-app/quarkus-run.jar >target/bench-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" && break; sleep 1; done
python3 bench/inject_latency.py "http://127.0.0.1:$PORT" bench-admin-password "${RUNS:-3}"
