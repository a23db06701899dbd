#!/usr/bin/env bash
# Start-up of the command line and of the services, against bare JVM ceilings measured in the same run.
# Prints Markdown to stdout, progress to stderr. Needs the packaged jars and archives (./mvnw install -DskipTests).
#
#   bench/startup.sh            both parts
#   bench/startup.sh cli        ./ascent whoami and ./ascent plan show against running services (ROUNDS, default 21)
#   bench/startup.sh services   each service alone, a later start: time to SERVING and resident memory
#                               (SERVICE_ROUNDS, default 3), with the launcher's defaults and without
#
# Every configuration runs once per round, interleaved, so load from other processes hits them alike. Wall time is
# what a user waits; CPU time (user + sys) is what the machine spends, which the load of other processes inflates
# far less. The services run on H2 in a scratch ASCENT_HOME on free ports, started through ./ascent service.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
what="${1:-all}"
rounds="${ROUNDS:-21}"
service_rounds="${SERVICE_ROUNDS:-3}"
cli_jar="$root/clients/target/ascent-clients-0.1.0-SNAPSHOT-cli.jar"
for jar in "$cli_jar" "$root/content-service/target/content-service.jar" "$root/tracker-service/target/tracker-service.jar"; do
  [ -f "$jar" ] || { echo "missing $jar: run ./mvnw install -DskipTests first" >&2; exit 1; }
done
work="$(mktemp -d)"
pids=()
cleanup() {
  [ ${#pids[@]} -gt 0 ] && kill "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
export ASCENT_NO_BUILD=1 ASCENT_ADMIN_TOKEN="bench-admin-token-0123456789abcdef" ASCENT_CONFIG="$work/config"

free_port() { java "$work/FreePort.java"; }
cat >"$work/FreePort.java" <<'JAVA'
public class FreePort {
    public static void main(String[] a) throws Exception {
        try (var s = new java.net.ServerSocket(0)) { System.out.println(s.getLocalPort()); }
    }
}
JAVA
mkdir -p "$work/hello"
cat >"$work/hello/Hello.java" <<'JAVA'
public class Hello {
    public static void main(String[] a) { System.out.println("hello"); }
}
JAVA
javac -d "$work/hello" "$work/hello/Hello.java"
# Polls a service's health every 50 ms from one JVM (started before the service, so its own start-up is not
# counted) and prints the milliseconds from START_MILLIS to SERVING. Each attempt first ends the channel's reconnect
# backoff: after a refused connection gRPC waits 1 s, then 1.6 s, 2.6 s, ... before it connects again, and until
# then fails every call at once, so without the reset this measured the client's backoff schedule as well.
mkdir -p "$work/wait"
cat >"$work/wait/HealthWait.java" <<'JAVA'
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.util.concurrent.TimeUnit;

public class HealthWait {
    public static void main(String[] a) throws Exception {
        long start = Long.parseLong(a[1]);
        ManagedChannel channel = Grpc.newChannelBuilder(a[0], InsecureChannelCredentials.create()).build();
        while (System.currentTimeMillis() - start < 300_000) {
            channel.resetConnectBackoff();
            try {
                if (HealthGrpc.newBlockingStub(channel).withDeadlineAfter(1, TimeUnit.SECONDS)
                        .check(HealthCheckRequest.getDefaultInstance()).getStatus() == ServingStatus.SERVING) {
                    System.out.println(System.currentTimeMillis() - start);
                    channel.shutdownNow();
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        System.exit(1);
    }
}
JAVA
javac -cp "$cli_jar" -d "$work/wait" "$work/wait/HealthWait.java"

# One timed run: appends "wall_ms cpu_ms" to $1.
timed() {
  local out="$1"
  shift
  local TIMEFORMAT='%R %U %S' t
  t="$({ time "$@" >/dev/null 2>"$work/last.err"; } 2>&1)" || { echo "failed: $* ($(cat "$work/last.err"))" >&2; exit 1; }
  awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }' <<<"$t" >>"$out"
}

# "median p90" of column $2 of file $1 (nearest rank).
stats() {
  sort -n -k"$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END { m = v[int((NR + 1) / 2)]; p = v[int(NR * 0.9 + 0.999)]; printf "%d %d", m, p }'
}

start_services() {
  local home="$1"
  export ASCENT_HOME="$home" ASCENT_CONTENT_PORT ASCENT_TRACKER_PORT
  ASCENT_CONTENT_PORT="$(free_port)"
  ASCENT_TRACKER_PORT="$(free_port)"
  export ASCENT_CONTENT_TARGET="127.0.0.1:$ASCENT_CONTENT_PORT" ASCENT_TRACKER_TARGET="127.0.0.1:$ASCENT_TRACKER_PORT"
  "$root/ascent" service content >"$work/content.log" 2>&1 &
  pids+=($!)
  "$root/ascent" service tracker >"$work/tracker.log" 2>&1 &
  pids+=($!)
  "$root/ascent" health --wait 120 >/dev/null
}

cli_bench() {
  echo "starting the services..." >&2
  start_services "$work/home"
  export ASCENT_TOKEN
  ASCENT_TOKEN="$("$root/ascent" admin create-user bench Bench User --token-only --token "$ASCENT_ADMIN_TOKEN")"
  "$root/ascent" plan new --role senior-machine-learning-engineer --hours-per-week 6 >/dev/null
  local cli_options=()
  mapfile -t cli_options < <(grep -v '^#' "$root/jvm/cli.options" | sed 's/#.*//; s/ *$//' | grep -v '^$')
  local names=("java -version" "hello world, jvm/cli.options" "whoami: ./ascent" "plan show: ./ascent"
    "whoami: java -jar (no options, no archive)" "plan show: java -jar (no options, no archive)")
  local i r
  for ((r = 1; r <= rounds; r++)); do
    echo "round $r of $rounds" >&2
    timed "$work/c0" java -version
    timed "$work/c1" java "${cli_options[@]}" -cp "$work/hello" Hello
    timed "$work/c2" "$root/ascent" whoami
    timed "$work/c3" "$root/ascent" plan show
    timed "$work/c4" java -jar "$cli_jar" whoami
    timed "$work/c5" java -jar "$cli_jar" plan show
  done
  local ceiling_wall ceiling_cpu
  read -r ceiling_wall _ <<<"$(stats "$work/c0" 1)"
  read -r ceiling_cpu _ <<<"$(stats "$work/c0" 2)"
  echo "### CLI start-up: $rounds rounds, $(date -u +%Y-%m-%d), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| command | wall median ms | wall p90 ms | CPU median ms | CPU p90 ms | wall median / java -version |"
  echo "|---|---:|---:|---:|---:|---:|"
  for i in "${!names[@]}"; do
    local wm wp cm cp
    read -r wm wp <<<"$(stats "$work/c$i" 1)"
    read -r cm cp <<<"$(stats "$work/c$i" 2)"
    echo "| ${names[$i]} | $wm | $wp | $cm | $cp | $(awk -v a="$wm" -v b="$ceiling_wall" 'BEGIN { printf "%.1fx", a / (b > 0 ? b : 1) }') |"
  done
  echo
  kill "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
  pids=()
}

# Starts one service alone (command: the remaining arguments) and prints "ms_to_SERVING rss_kB" once it serves.
serve_once() {
  local part="$1"
  shift
  local target="$ASCENT_CONTENT_TARGET"
  [ "$part" = tracker ] && target="$ASCENT_TRACKER_TARGET"
  local start pid waiter ms
  start="$(date +%s%3N)"
  java -cp "$work/wait:$cli_jar" HealthWait "$target" "$start" >"$work/waited" &
  waiter=$!
  "$@" >>"$work/$part-alone.log" 2>&1 &
  pid=$!
  wait "$waiter" || { echo "$part did not serve: $(tail -n 5 "$work/$part-alone.log")" >&2; exit 1; }
  ms="$(cat "$work/waited")"
  # CPU time (user + sys, all threads) the process spent until SERVING: the load of other processes inflates
  # wall time far more than this.
  local cpu
  cpu="$(awk -v hz="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / hz) }' "/proc/$pid/stat")"
  sleep 2
  local rss
  rss="$(awk '/VmRSS/ { print $2 }' "/proc/$pid/status")"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  echo "$ms $rss $cpu"
}

services_bench() {
  echo "first start of both services (creates the databases)..." >&2
  start_services "$work/svc-home"
  kill "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
  pids=()
  local configs=("launcher defaults (jvm/service.options + archive)" "launcher defaults, no archive (ASCENT_CDS=off)"
    "JVM defaults (java -jar, no options)" "launcher defaults, Flyway's check at every start (-Dascent.flyway=always)")
  local r c part
  for ((r = 1; r <= service_rounds; r++)); do
    for c in 0 1 2 3; do
      for part in content tracker; do
        echo "round $r of $service_rounds: $part, ${configs[$c]}" >&2
        case "$c" in
          0) ASCENT_CDS=on serve_once "$part" "$root/ascent" service "$part" >>"$work/s$c-$part" ;;
          1) ASCENT_CDS=off serve_once "$part" "$root/ascent" service "$part" >>"$work/s$c-$part" ;;
          # What ./ascent up ran before: java -jar with the JVM's own defaults.
          2) serve_once "$part" java -jar "$root/$part-service/target/$part-service.jar" >>"$work/s$c-$part" ;;
          # Before the schema check: Flyway validated the migrations on every start.
          3) ASCENT_CDS=on ASCENT_JAVA_OPTS="-Dascent.flyway=always ${ASCENT_JAVA_OPTS:-}" \
               serve_once "$part" "$root/ascent" service "$part" >>"$work/s$c-$part" ;;
        esac
      done
    done
  done
  echo "### Service start-up, one service alone on a later start: $service_rounds rounds, $(date -u +%Y-%m-%d), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| service | JVM | start to SERVING, median ms | CPU until SERVING, median ms | resident memory 2 s after, median MB |"
  echo "|---|---|---:|---:|---:|"
  for part in content tracker; do
    for c in 0 1 2 3; do
      local ms rss cpu
      read -r ms _ <<<"$(stats "$work/s$c-$part" 1)"
      read -r rss _ <<<"$(stats "$work/s$c-$part" 2)"
      read -r cpu _ <<<"$(stats "$work/s$c-$part" 3)"
      echo "| $part | ${configs[$c]} | $ms | $cpu | $((rss / 1024)) |"
    done
  done
  echo
}

case "$what" in
  cli) cli_bench ;;
  services) services_bench ;;
  all) cli_bench; services_bench ;;
  *) echo "usage: bench/startup.sh [cli|services]" >&2; exit 2 ;;
esac
