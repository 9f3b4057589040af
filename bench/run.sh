#!/usr/bin/env bash
# Benchmarks payreports against raw baselines on this machine and writes bench/results.md.
#   bench/run.sh                      # 100k and 1M rows, 3 repetitions
#   bench/run.sh 100000 5             # one size, 5 repetitions
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, database test) and psql; Kafka runs in-process.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes="${1:-100000,1000000}"
reps="${2:-3}"
mvn -B -q -DskipTests package
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.payreports.bench.Bench "$sizes" "$reps" bench/results.md
{
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), $(psql --version), $(date -u +%Y-%m-%d)"
} >> bench/results.md
