#!/usr/bin/env bash
# Where the platform's CPU goes during intake, not a test: boots the built distribution, runs the
# full intake (IntakeBenchmark, comparisons left out) and reads every thread's CPU time from two
# thread dumps, after the warm-up and near the end; prints the CPU of each group of threads, in
# ms and per registration. Unlike requests a second, CPU time per thread is read from the threads
# themselves: it shows what a part costs (the statistics' job is one thread) on a machine whose
# throughput drifts. Usage: itests/benchmarks/intake-cpu.sh [threads] [warm-up s] [measured s]
# Needs a built distribution, unpacked by one run of intake-benchmark.sh.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
threads="${1:-1}" warmup="${2:-10}" measured="${3:-30}"
cd "$root/itests"
mvn -q -B -ntp test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath
distribution="$(ls -d "$root"/itests/target/distribution/reception-karaf-*/ | head -1)"
out="$root/itests/target/benchmarks/cpu"
rm -rf "$out" target/instances/intake-benchmark-* && mkdir -p "$out"
trap 'pkill -f "karaf.base=$root/itests/target/instances/intake-benchmark" || true' EXIT
java -Xmx512m -Dbench.intakeOnly=true \
  -Dreception.distribution="$distribution" -Dreception.instances="$root/itests/target/instances" \
  -Dreception.version="$(basename "$distribution" | sed 's/^reception-karaf-//')" \
  -cp "target/test-classes:$(cat target/benchmark.classpath)" \
  org.reception.itests.bench.IntakeBenchmark "$warmup" "$measured" "$threads" "$out" > "$out/benchmark.log" 2>&1 &
benchmark=$!
# The warm-up starts with the first registration.
until pid="$(pgrep -f "karaf.base=$root/itests/target/instances/intake-benchmark" | head -1)" && [ -n "$pid" ] \
    && grep -qs "Registered petition" target/instances/intake-benchmark-*/data/log/reception.log; do sleep 0.5; done
sleep "$warmup"
dump() { jcmd "$pid" Thread.print | sed -nE 's/^"([^"]*)".* cpu=([0-9.]+)ms.*/\1|\2/p'; }
dump > "$out/threads-0"
window=$((measured - 3))
sleep "$window"
dump > "$out/threads-1"
wait "$benchmark"
rate="$(sed -nE 's/^\| full intake[^|]*\| [0-9]+ \| ([0-9,]+) .*/\1/p' "$out/intake.md" | tr -d ,)"
python3 - "$out" "$rate" "$window" <<'PY'
import collections, re, sys
out, rate, window = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
def load(name):
    cpu = collections.Counter()
    for line in open(f"{out}/{name}"):
        thread, ms = line.rstrip("\n").rsplit("|", 1)
        cpu[thread] += float(ms)
    return cpu
before, after = load("threads-0"), load("threads-1")
groups = collections.Counter()
for thread, ms in after.items():
    groups[re.sub(r"[-#]?\d+", "N", thread)] += ms - before.get(thread, 0)
registrations = rate * window
print(f"{rate:.0f} registrations a second; CPU over {window:.0f} s, in ms and per registration:")
print(f"| threads | ms | ms per registration |\n|---|---|---|")
for group, ms in groups.most_common(10):
    print(f"| {group} | {ms:.0f} | {ms / registrations:.3f} |")
print(f"| all | {sum(groups.values()):.0f} | {sum(groups.values()) / registrations:.3f} |")
PY
