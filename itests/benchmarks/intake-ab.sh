#!/usr/bin/env bash
# A/B of intake between two builds, not a test. B is this checkout's distribution, A another
# checkout's; the same harness (this checkout's) drives both, each booted fresh, the rounds
# interleaved (A, B, A, B, ...) so that the machine's drift falls on both alike. Full intake only.
# Writes itests/target/benchmarks/ab/<A|B>-<round>/intake.md and a summary, ab.md.
#
# Usage: itests/benchmarks/intake-ab.sh <other checkout> [rounds] [warm-up s] [measured s] [threads]
# Needs both checkouts built and unpacked: mvn -B -ntp install -DskipTests, then one run of
# intake-benchmark.sh in each (it unpacks the distribution into itests/target/distribution).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
other="$(cd "$1" && pwd)"
rounds="${2:-3}" warmup="${3:-15}" measured="${4:-30}" threads="${5:-1,4}"
cd "$root/itests"
mvn -q -B -ntp test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath
out="$root/itests/target/benchmarks/ab"
rm -rf "$out" && mkdir -p "$out"
trap 'pkill -f "karaf.base=$root/itests/target/instances/intake-benchmark" || true' EXIT
for round in $(seq 1 "$rounds"); do
  for build in A B; do
    checkout="$root"; [ "$build" = A ] && checkout="$other"
    distribution="$(ls -d "$checkout"/itests/target/distribution/reception-karaf-*/ | head -1)"
    rm -rf target/instances/intake-benchmark-*
    java -Xmx512m -Dbench.intakeOnly=true \
      -Dreception.distribution="$distribution" -Dreception.instances="$root/itests/target/instances" \
      -Dreception.version="$(basename "$distribution" | sed 's/^reception-karaf-//')" \
      -cp "target/test-classes:$(cat target/benchmark.classpath)" \
      org.reception.itests.bench.IntakeBenchmark "$warmup" "$measured" "$threads" "$out/$build-$round" > /dev/null
    grep '^| full intake' "$out/$build-$round/intake.md" | sed "s/^| full intake: POST \/api\/v1\/petitions/| $round | $build/" >> "$out/rows"
  done
done
{ echo "| round | build | threads | requests/s | p50 ms | p99 ms | errors |"; echo "|---|---|---|---|---|---|---|"
  sort -t'|' -k4,4n -k2,2n -k3,3 "$out/rows"; } > "$out/ab.md"
cat "$out/ab.md"
