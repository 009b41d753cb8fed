#!/usr/bin/env bash
# Boot time and idle memory of the built distribution, measured from outside like an operator sees
# them: launch `bin/karaf server` on a fresh copy, time until /api/v1/health answers 200, let it
# idle, read the resident set size of the JVM. Writes a Markdown report.
#
# Usage: itests/benchmarks/boot-and-memory.sh [runs] [idle-seconds]
# Needs a built distribution (mvn -B -ntp install -DskipTests), curl and ss.
set -euo pipefail

runs="${1:-5}"
idle="${2:-30}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
distribution="$root/karaf-assembly/target/assembly"
out="$root/itests/target/benchmarks"
report="$out/boot-and-memory.md"
[[ -x "$distribution/bin/karaf" ]] || { echo "no distribution at $distribution: build it first" >&2; exit 1; }
export JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
mkdir -p "$out"

free_port() {
  local port
  while :; do
    port=$(shuf -i 20000-60000 -n 1)
    ss -ltn "( sport = :$port )" | grep -q ":$port" || { echo "$port"; return; }
  done
}

now() { date +%s.%N; }

# Starts the copy in $1 on HTTP port $2; sets booted to the seconds from launch to a healthy answer.
boot() {
  local home="$1" port="$2" start
  start=$(now)
  (cd "$home" && bin/karaf server >/dev/null 2>&1 &)
  for _ in $(seq 1 1200); do
    if [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/api/v1/health")" == 200 ]]; then
      booted=$(echo "$(now) - $start" | bc); return
    fi
    sleep 0.05
  done
  echo "not healthy within 60 s" >&2; return 1
}

stop() {
  local home="$1"
  (cd "$home" && bin/stop >/dev/null 2>&1) || true
  for _ in $(seq 1 600); do pgrep -f "$home/" >/dev/null || return 0; sleep 0.1; done
  pkill -9 -f "$home/" || true
}

rows=()
for run in $(seq 1 "$runs"); do
  home=$(mktemp -d "$out/run-XXXX")
  cp -r "$distribution/." "$home/"
  http=$(free_port); ssh=$(free_port)
  sed -i "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = $http/" "$home/etc/org.ops4j.pax.web.cfg"
  sed -i "s/^sshPort *=.*/sshPort = $ssh/" "$home/etc/org.apache.karaf.shell.cfg"

  boot "$home" "$http"; first=$booted
  sleep "$idle"
  pid=$(pgrep -f -- "-Dkaraf.home=$home " | head -n 1)
  rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  stop "$home"
  boot "$home" "$http"; again=$booted
  stop "$home"
  rows+=("| $run | $(printf '%.2f' "$first") | $(printf '%.2f' "$again") | $((rss_kb / 1024)) |")
  rm -rf "$home"
done

{
  echo "# Boot and idle memory"
  echo
  echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -n 1), $runs runs, RSS read after $idle s idle."
  echo "Settings: bin/setenv as shipped."
  echo
  echo "| run | first boot to healthy (s) | restart to healthy (s) | idle RSS (MB) |"
  echo "|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} > "$report"
cat "$report"
