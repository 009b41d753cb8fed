#!/usr/bin/env bash
# What the statistics' job costs per case counted, in ms: median and worst of the batches after
# the first round. Usage: rollup-batch-benchmark.sh [rounds]
set -euo pipefail
module="$(cd "$(dirname "$0")/.." && pwd)"
cd "$module"
mvn -q -B -ntp test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath
exec java -Xmx512m -cp "target/classes:target/test-classes:$(cat target/benchmark.classpath)" \
  org.reception.store.RollupBatchBenchmark "${1:-5}"
