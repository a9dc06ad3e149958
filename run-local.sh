#!/usr/bin/env bash
# Starts the whole e-ID system on this machine (JDK 17 is all it needs): builds it, then runs PostgreSQL,
# Kafka, the SMSC simulator and the three services. Ctrl-C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -q -B package -DskipTests
exec java -cp "local-run/target/classes:$(cat local-run/target/classpath.txt)" vn.gov.eid.localrun.LocalRun "$PWD"
