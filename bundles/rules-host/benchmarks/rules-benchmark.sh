#!/usr/bin/env bash
# JMH: what the rules cost a registration (three layers, one layer, during swaps) and what a
# module costs to compile and validate. Usage: rules-benchmark.sh [extra JMH options]
# The report is written to target/benchmarks/rules.txt (and printed).
set -euo pipefail
module="$(cd "$(dirname "$0")/.." && pwd)"
cd "$module"
mvn -q -B -ntp test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath
mkdir -p target/benchmarks
cp="target/classes:target/test-classes:$(cat target/benchmark.classpath)"
run() {
  java -Xmx512m -cp "$cp" "$@"
}
{
  echo "== decisions, 1 thread, and bare Drools's stateless sessions on the same three rule bases"
  run org.openjdk.jmh.Main 'RulesBenchmark\.(threeLayers|provinceOnly|bareDroolsThreeLayers)' -f 1 -wi 3 -w 2s -i 5 -r 2s -t 1 "$@"
  echo "== decisions, 4 threads"
  run org.openjdk.jmh.Main 'RulesBenchmark\.(threeLayers|provinceOnly)' -f 1 -wi 3 -w 2s -i 5 -r 2s -t 4 "$@"
  echo "== decisions, 4 threads, the county module swapped 20 times a second"
  run -Dbench.swap=true org.openjdk.jmh.Main 'RulesBenchmark\.threeLayers' -f 1 -wi 3 -w 2s -i 5 -r 2s -t 4 \
    -jvmArgsAppend -Dbench.swap=true "$@"
  echo "== compile and validate the province's module (10 shots after 3 warm-up)"
  run org.openjdk.jmh.Main 'RulesBenchmark\.compileAndValidate' -f 1 -wi 3 -i 10 -bm ss "$@"
  echo "== the heap a module takes, with the heap the platform ships with (256 MB)"
  java -Xmx256m -XX:+UseSerialGC -cp "$cp" org.reception.rules.host.ModuleHeap
} 2>&1 | tee target/benchmarks/rules.txt
