#!/usr/bin/env bash
# Rebuilds sample-projects/sample.segmenta from the CSV files in data/ with the Segmenta CLI, exactly as
# a user would: import the three synthetic tables and bank-full.csv, then enrich the customers with the
# province table. Run after `mvn -DskipTests package` (needs target/segmenta.jar and JDK 25).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAR="${SEGMENTA_JAR:-target/segmenta.jar}"
OUT=sample-projects/sample.segmenta
TMP="$(mktemp -d)/sample.segmenta"
seg() { "$JAVA" -jar "$JAR" "$@"; }
seg import sample-projects/data/customers.csv --project "$TMP" --name customers >/dev/null
seg import sample-projects/data/transactions.csv --project "$TMP" --name transactions >/dev/null
seg import sample-projects/data/provinces.csv --project "$TMP" --name provinces >/dev/null
seg join --project "$TMP" --left customers --right provinces --on province_code --name customers_enriched >/dev/null
seg import sample-projects/data/bank-full.csv --project "$TMP" --name bank \
    --column-missing job=unknown --column-missing education=unknown \
    --column-missing contact=unknown --column-missing poutcome=unknown >/dev/null
mv "$TMP" "$OUT"
seg info "$OUT"
