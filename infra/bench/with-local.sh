#!/usr/bin/env bash
# Starts the local default (infra/local/target/zeues-local.jar) on its own ports and data dir, waits until it is
# operational, runs each argument as one harness invocation, then stops it. Every result line goes to stdout.
#   infra/bench/with-local.sh 'latency --rate=200' 'throughput' 'reads'
# ZEUES_BENCH_DATA_DIR keeps the data dir (e.g. a 250,000-spool plant made by 'load-plant') instead of a fresh temp
# one; ZEUES_BENCH_PORT_BASE (default 18000) places the ports: service +80, connector +81, emulator +99, Kafka +92.
# ZEUES_BENCH_INSTANCES=2 adds a second occupation-service instance (port +82, reply partition 1, data in
# <data dir>/instance-2) and spreads the latency and throughput requests over both.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=infra/bench/target/zeues-bench.jar
LOCAL=infra/local/target/zeues-local.jar
[ -f "$JAR" ] && [ -f "$LOCAL" ] || { echo "build first: mvn -B -q -DskipTests package" >&2; exit 2; }
BASE=${ZEUES_BENCH_PORT_BASE:-18000}
export SERVER_PORT=$((BASE + 80)) ZEUES_CONNECTOR_PORT=$((BASE + 81)) ZEUES_SHEETS_EMULATOR_PORT=$((BASE + 99))
export ZEUES_KAFKA_PORT=$((BASE + 92))
unset KAFKA_BOOTSTRAP_SERVERS
if [ -n "${ZEUES_BENCH_DATA_DIR:-}" ]; then
  export ZEUES_DATA_DIR=$ZEUES_BENCH_DATA_DIR; keep=1
else
  export ZEUES_DATA_DIR=$(mktemp -d /tmp/zeues-bench-data.XXXXXX); keep=0
fi
mkdir -p "$ZEUES_DATA_DIR"
log="$ZEUES_DATA_DIR/launcher.out"
started=$(date +%s)
java -jar "$LOCAL" >"$log" 2>&1 &
launcher=$!
second=
stop() {
  [ -z "$second" ] || { kill -TERM "$second" 2>/dev/null || true; wait "$second" 2>/dev/null || true; }
  kill -TERM "$launcher" 2>/dev/null || true
  wait "$launcher" 2>/dev/null || true
  [ "$keep" = 1 ] || rm -rf "$ZEUES_DATA_DIR"
}
trap stop EXIT
trap 'exit 130' INT TERM
url="http://127.0.0.1:$SERVER_PORT"
until curl -sf "$url/actuator/health/readiness" >/dev/null 2>&1; do
  kill -0 "$launcher" 2>/dev/null || { echo "the local default exited:" >&2; tail -20 "$log" >&2; exit 1; }
  [ $(( $(date +%s) - started )) -lt 600 ] || { echo "not operational after 600 s" >&2; exit 1; }
  sleep 1
done
echo "local default operational after $(( $(date +%s) - started )) s (data $ZEUES_DATA_DIR, $(nproc) cores," \
  "load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
urls=$url
if [ "${ZEUES_BENCH_INSTANCES:-1}" = 2 ]; then
  url2="http://127.0.0.1:$((BASE + 82))"
  KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$ZEUES_KAFKA_PORT SERVER_PORT=$((BASE + 82)) \
    ZEUES_DATA_DIR=$ZEUES_DATA_DIR/instance-2 ZEUES_COMMANDS_REPLYPARTITION=1 \
    ZEUES_ADMIN_TOKEN_FILE=$ZEUES_DATA_DIR/admin-token \
    java -jar services/occupation-service/target/occupation-service.jar >"$ZEUES_DATA_DIR/instance-2.out" 2>&1 &
  second=$!
  until curl -sf "$url2/actuator/health/readiness" >/dev/null 2>&1 && curl -sf "$url/actuator/health/readiness" \
      >/dev/null 2>&1; do
    kill -0 "$second" 2>/dev/null || { echo "the second instance exited:" >&2; tail -20 "$ZEUES_DATA_DIR/instance-2.out" >&2; exit 1; }
    [ $(( $(date +%s) - started )) -lt 600 ] || { echo "second instance not operational after 600 s" >&2; exit 1; }
    sleep 1
  done
  echo "second instance operational after $(( $(date +%s) - started )) s; partitions held:" \
    "$(curl -s "$url/api/health" | grep -o '"partitions_held":\[[^]]*\]') / " \
    "$(curl -s "$url2/api/health" | grep -o '"partitions_held":\[[^]]*\]')" >&2
  urls="$url,$url2"
fi
for run in "$@"; do
  # shellcheck disable=SC2086 # each argument is a scenario and its options
  java -Xmx1g -jar "$JAR" $run --url="$urls" --bootstrap="127.0.0.1:$ZEUES_KAFKA_PORT" \
    --emulator="http://127.0.0.1:$ZEUES_SHEETS_EMULATOR_PORT" --data-dir="$ZEUES_DATA_DIR" | tail -1 \
    || echo "scenario failed: $run" >&2
done
