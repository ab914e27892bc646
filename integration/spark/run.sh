#!/usr/bin/env bash
# Runs bulletin's mapper mode under PySpark in local mode over the corpus and checks the merged
# result equals a single-process run. Not part of the default test run: it needs pyspark and Java 17.
#
#   bash integration/spark/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
python3 -c 'import pyspark' 2>/dev/null || pip install --quiet pyspark
swift build -c release --product bulletin >/dev/null
python3 integration/spark/bulletin_spark.py corpus "$(mktemp -d)"
