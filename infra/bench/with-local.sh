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
# a stack already on these ports would answer the readiness probe in place of ours
for port in "$SERVER_PORT" "$ZEUES_CONNECTOR_PORT" "$ZEUES_SHEETS_EMULATOR_PORT" "$ZEUES_KAFKA_PORT" $((BASE + 82)); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use (another stack running?); stop it or set ZEUES_BENCH_PORT_BASE" >&2
    exit 2
  fi
done
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
# await_ready <what> <pid> <its output> <url>...: until every url is ready; fails when <pid> exits or after 600 s
await_ready() {
  local what=$1 pid=$2 out=$3 u ready
  shift 3
  while true; do
    ready=1
    for u in "$@"; do curl -sf -m 5 "$u/actuator/health/readiness" >/dev/null 2>&1 || { ready=0; break; }; done
    [ "$ready" = 1 ] && return 0
    kill -0 "$pid" 2>/dev/null || { echo "$what exited:" >&2; tail -20 "$out" >&2; exit 1; }
    [ $(( $(date +%s) - started )) -lt 600 ] || { echo "$what not operational after 600 s" >&2; exit 1; }
    sleep 1
  done
}
await_ready "the local default" "$launcher" "$log" "$url"
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
  await_ready "the second instance" "$second" "$ZEUES_DATA_DIR/instance-2.out" "$url2" "$url"
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
