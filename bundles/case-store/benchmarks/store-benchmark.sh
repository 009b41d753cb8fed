#!/usr/bin/env bash
# Loads a million cases into embedded Derby (once; the database is kept under target/benchmarks)
# and reports lookup and list-query latencies. Usage: store-benchmark.sh [cases]
set -euo pipefail
module="$(cd "$(dirname "$0")/.." && pwd)"
cd "$module"
mvn -q -B -ntp test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath
# The page cache defaults to the one the platform runs with: Derby's default, 1,000 pages.
exec java -Xmx1g -Dderby.storage.pageCacheSize="${PAGE_CACHE:-1000}" -cp "target/classes:target/test-classes:$(cat target/benchmark.classpath)" \
  org.reception.store.bench.StoreBenchmark "${1:-1000000}" target/benchmarks
