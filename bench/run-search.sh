#!/usr/bin/env bash
# Search across rooms (issue 16, item 6): the packaged app (./mvnw package -DskipTests first) on a fresh
# PostgreSQL database, seeded through its command path with ROOMS incident rooms and about EVENTS events,
# then QUERIES searches as a member of every room and as a member of ten. Results: docs/benchmarks.md.
# PORT and DB let several checkouts run it side by side. SEED=0 keeps the database of the last run and only
# queries it again (as the same two members: within 12 hours of the seeding, while their tokens live).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8096}
DB=${DB:-sitroom_searchbench}
STATE=target/search-bench-state-$DB.json
.ci/pg-setup >/dev/null
if [ "${SEED:-1}" != 0 ]; then
  psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB OWNER sitroom"
fi
# The seeding sends a hundred thousand commands as a handful of users, down a socket per room and user:
# the per-user limits on commands and socket upgrades (against one client flooding a node) are raised
# for it. Searches are not rate limited.
SITROOM_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB SITROOM_ADMIN_PASSWORD=bench-admin-password QUARKUS_HTTP_PORT=$PORT \
SITROOM_LIMITS_COMMANDS_PER_SECOND=100000 SITROOM_LIMITS_COMMAND_BURST=100000 SITROOM_LIMITS_UPGRADES_PER_SECOND=1000 \
SITROOM_LIMITS_UPGRADE_BURST=1000 SITROOM_LIMITS_CONNECTIONS_PER_USER=1000 \
  java -jar target/quarkus-app/quarkus-run.jar >target/bench-search-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" && break; sleep 1; done
if [ "${SEED:-1}" != 0 ]; then
  SEARCH_BENCH_STATE=$STATE node --experimental-websocket bench/search-bench.mjs \
    "http://127.0.0.1:$PORT" bench-admin-password "${ROOMS:-1000}" "${EVENTS:-100000}" "${QUERIES:-500}" "${WORKERS:-8}"
else
  node bench/search-bench.mjs "http://127.0.0.1:$PORT" bench-admin-password --queries-only "$STATE" "${QUERIES:-500}"
fi
psql -h 127.0.0.1 -U postgres -d "$DB" -qtA -c "SELECT 'rooms ' || count(*) FROM room" \
  -c "SELECT 'events ' || count(*) FROM room_event" -c "SELECT 'search entries ' || count(*) FROM search_entry"
