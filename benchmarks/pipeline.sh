#!/usr/bin/env bash
# The whole pipeline benchmarked in one run (issue 11): builds the three services and the benchmark, then starts the
# packaged services as processes on PostgreSQL, Kafka and the SMSC simulator and measures them (PipelineBench).
# Not part of ./mvnw verify. Options: see the USAGE of vn.gov.eid.bench.PipelineBench, e.g.
#   benchmarks/pipeline.sh --accounts 300 --login-seconds 30
# Results: benchmarks/results/pipeline/<UTC time>/{report.md,run.json,latency.svg}
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -T1 package -DskipTests -pl identity-service,dossier-service,notification-service,benchmarks -am
# --keycloak-java <JDK 21+ folder>: Keycloak's distribution from Maven Central, measured side by side
if [[ " $* " == *" --keycloak-java "* ]]; then
  ./mvnw -q dependency:get -Dartifact="org.keycloak:keycloak-quarkus-dist:${KEYCLOAK_VERSION:-26.5.6}:zip" -Dtransitive=false
  set -- --keycloak-version "${KEYCLOAK_VERSION:-26.5.6}" "$@"
fi
exec java -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" vn.gov.eid.bench.PipelineBench --repo . "$@"
