#!/usr/bin/env bash
# Benchmarks what a user runs against baselines doing the same work without a framework, and writes
# bench/results.md (see bench/README.md for the measures).
#   bench/run.sh                      # 200,000 rows, 5 repetitions
#   bench/run.sh 1000000 5            # the issue's 1M-row size: long on a shared 2-core machine
#   bench/run.sh 200000 5 postgresql  # some measures only: parse,reader,files,postgresql,kafka,memory,startup
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, database test), psql and /usr/bin/time (CPU of child
# processes); Kafka runs in-process.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes="${1:-200000}"
reps="${2:-5}"
measures="${3:-parse,reader,files,postgresql,kafka,memory,startup}"
mvn -B -q -DskipTests package
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.payreports.bench.Bench "$sizes" "$reps" bench/results.md "$measures"
{
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), $(psql --version), $(date -u +%Y-%m-%d)"
} >> bench/results.md
