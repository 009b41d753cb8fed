#!/usr/bin/env bash
# Load benchmark of intake, not a test: POST /api/v1/petitions against the booted distribution,
# side by side with a bare JDBC transaction of the same rows into embedded Derby and a trivial CXF
# endpoint, at the same concurrency. Writes itests/target/benchmarks/intake.md.
#
# Usage: itests/benchmarks/intake-benchmark.sh [warm-up s] [measured s] [threads, comma-separated]
# Needs a built distribution (mvn -B -ntp install -DskipTests).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root/itests"
# test-compile, then unpack the built distribution as the end-to-end tests do.
mvn -q -B -ntp test-compile dependency:unpack-dependencies@unpack-distribution dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath
distribution="$(ls -d "$root"/itests/target/distribution/reception-karaf-*/ | head -1)"
version="$(basename "$distribution" | sed 's/^reception-karaf-//')"
rm -rf target/benchmarks/bare-derby-*
# A platform the harness could not stop (it answers a backlog for a while) must not outlive the run.
trap 'pkill -f "karaf.base=$root/itests/target/instances/intake-benchmark" || true' EXIT
java -Xmx512m \
  -Dreception.distribution="$distribution" -Dreception.instances="$root/itests/target/instances" \
  -Dreception.version="$version" -Dderby.system.home="$root/itests/target/benchmarks" \
  -cp "target/test-classes:$(cat target/benchmark.classpath)" \
  org.reception.itests.bench.IntakeBenchmark "${1:-10}" "${2:-20}" "${3:-1,4,16}" target/benchmarks
