#!/usr/bin/env bash
# SSE fan-out benchmark against a running local default (start it first with the README's run command).
# For 1, 1000 and 10000 concurrent SSE clients: delivery time from a TOMAR/PAUSAR's 200 to its spool_update at
# every client (p50/p99/max), the occupation service's resident memory, and its number of Kafka connections.
# Usage: infra/bench/sse-fanout.sh [clients ...]     (default: 1 1000 10000). Loopback only.
set -euo pipefail
cd "$(dirname "$0")/../.."
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
URL=${ZEUES_URL:-http://127.0.0.1:${SERVER_PORT:-8080}}
KAFKA_PORT=${ZEUES_KAFKA_PORT:-9092}
JAR=infra/bench/target/zeues-bench.jar
[ -f "$JAR" ] || { echo "build first: mvn -B -q -DskipTests package" >&2; exit 2; }
PID=$(ss -ltnpH "sport = :${URL##*:}" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
[ -n "$PID" ] || { echo "no occupation service listening on $URL" >&2; exit 2; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$PID/status"; }
kafka_conns() { ss -tnpH state established "( dport = :$KAFKA_PORT )" | grep -c "pid=$PID," || true; }
echo "service pid $PID, nofile limit $(ulimit -n), $(nproc) cores"
# samples the service every 0.5 s while a run lasts; prints "max_rss_mb max_kafka_connections"
sample() {
  local max_rss=0 max_k=0 r k
  while [ -e "$1" ]; do
    r=$(rss_mb); k=$(kafka_conns)
    [ "$r" -gt "$max_rss" ] && max_rss=$r
    [ "$k" -gt "$max_k" ] && max_k=$k
    echo "$max_rss $max_k" > "$1.out"
    sleep 0.5
  done
}
for n in ${@:-1 1000 10000}; do
  flag=$(mktemp); sample "$flag" & sampler=$!
  line=$(java -Xmx1g -jar "$JAR" sse --url="$URL" --clients="$n" --changes=20 --tag="${ZEUES_BENCH_TAG:-TEST-20}" | tail -1)
  rm -f "$flag"; wait "$sampler" || true
  read -r rss kafka < "$flag.out"; rm -f "$flag.out"
  echo "$line service_max_rss_mb=$rss service_kafka_connections=$kafka"
done
