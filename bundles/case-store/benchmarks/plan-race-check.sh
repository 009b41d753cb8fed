#!/usr/bin/env bash
# Derby's race between a statement compiled anew and a connection running its old plan: how often
# plain JDBC readers meet it, and that the store's reads (Transactions) read again and never fail.
# Usage: plan-race-check.sh [rounds] [seconds per round]
set -euo pipefail
module="$(cd "$(dirname "$0")/.." && pwd)"
cd "$module"
mvn -q -B -ntp test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath
exec java -Xmx512m -cp "target/classes:target/test-classes:$(cat target/benchmark.classpath)" \
  org.reception.store.PlanRaceCheck "${1:-25}" "${2:-4}"
