#!/usr/bin/env bash
# Runs integration/spark/bulletin_job.py with spark-submit in local mode (local[2,4]: two cores,
# a failed task tried up to four times, as on a cluster) and checks each result equals one
# single-process `bulletin run` over the same files:
#   1. the README case: corpus/ in 5 partitions;
#   2. the fault case: corpus/ plus one binary file, in 4 partitions, the first attempt of
#      partition 1 killed (faulty_mapper.sh); the binary file must be listed in problems/;
#   3. 30 MB (corpus files repeated under new names) in 16 partitions.
# Not part of `swift test` or .ci/run: it needs Java 17 and pyspark (installed with pip into a
# throwaway venv, ${TMPDIR:-/tmp}/bulletin-spark-venv, when python3 has none), and takes minutes.
#
#   bash integration/spark/run.sh            # all three
#   bash integration/spark/run.sh readme fault
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$(pwd)"
cases=("$@")
[ $# -gt 0 ] || cases=(readme fault 30mb)
binary=.build-static/release/bulletin

say() { printf '\n== %s\n' "$*"; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# The mapper, built with the Swift standard library linked in, so a stock executor runs it; built
# again only when a source file or Package.swift is newer than it.
if [ -x "$binary" ] && [ -z "$(find Sources Package.swift -type f -newer "$binary" | head -1)" ]; then
    say "reusing $binary (newer than every file under Sources/ and Package.swift)"
else
    say "swift build -c release --static-swift-stdlib --scratch-path .build-static --product bulletin"
    started=$(now)
    swift build -c release --static-swift-stdlib --scratch-path .build-static --product bulletin
    echo "built in $(since "$started") s"
fi
say "ldd $binary"
ldd "$binary" || true
if ldd "$binary" | grep -q "/opt/swift\|libswift\|libFoundation\|libdispatch"; then
    echo "run.sh: $binary links Swift libraries from the toolchain; an executor without it cannot run it" >&2
    exit 1
fi

# pyspark: the one python3 has, or a throwaway venv.
python=python3
if ! python3 -c 'import pyspark' 2>/dev/null; then
    venv="${TMPDIR:-/tmp}/bulletin-spark-venv"
    if ! "$venv/bin/python" -c 'import pyspark' 2>/dev/null; then
        say "installing pyspark into $venv"
        python3 -m venv "$venv"
        "$venv/bin/pip" install --quiet pyspark
    fi
    python="$venv/bin/python"
fi
spark_home="$("$python" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')"
echo "pyspark $("$python" -c 'import pyspark; print(pyspark.__version__)') ($python); $(java -version 2>&1 | head -1)"
export PYSPARK_PYTHON="$python" PYSPARK_DRIVER_PYTHON="$python"

work="$(mktemp -d "${TMPDIR:-/tmp}/bulletin-spark-XXXXXX")"
trap 'rm -rf "$work"' EXIT
# Spark's own INFO lines off; its warnings (a lost task, a retry) stay.
printf 'rootLogger.level = warn\nrootLogger.appenderRef.stderr.ref = console\nappender.console.type = Console\nappender.console.name = console\nappender.console.target = SYSTEM_ERR\nappender.console.layout.type = PatternLayout\nappender.console.layout.pattern = %%d{HH:mm:ss} %%p %%c{1}: %%m%%n\n' >"$work/log4j2.properties"
export BULLETIN_FAULT_LOG="$work/faults.log"

# submit OUTPUT EXPECTED_STATUS JOB_ARGS...
submit() {
    local output="$1" expected="$2" status=0
    shift 2
    "$spark_home/bin/spark-submit" --master "local[2,4]" --conf spark.ui.enabled=false \
        --driver-java-options "-Dlog4j2.configurationFile=file:$work/log4j2.properties" \
        --files "$binary,integration/spark/faulty_mapper.sh" \
        integration/spark/bulletin_job.py "$output" "$@" || status=$?
    if [ "$status" != "$expected" ]; then
        echo "run.sh: the job exited $status, expected $expected" >&2
        exit 1
    fi
}

# single INPUT OUTPUT EXPECTED_STATUS: the reference, one process.
single() {
    local status=0
    "$binary" run "$1" -q -o "$2" 2>"$work/single-stderr" || status=$?
    cat "$work/single-stderr" >&2
    if [ "$status" != "$3" ]; then
        echo "run.sh: bulletin run $1 exited $status, expected $3" >&2
        exit 1
    fi
}

timings=()
for case in "${cases[@]}"; do
    case "$case" in
    readme)
        say "README case: corpus/ in 5 partitions"
        started=$(now); single corpus "$work/readme-single" 0; one=$(since "$started")
        started=$(now); submit "$work/readme-job" 0 "$root/corpus" --partitions 5; job=$(since "$started")
        "$python" integration/spark/compare.py "$work/readme-job" "$work/readme-single"
        timings+=("README case: one process ${one} s, spark-submit ${job} s")
        ;;
    fault)
        say "fault case: corpus/ and a binary file in 4 partitions, the first attempt of partition 1 killed"
        mkdir -p "$work/fault-in"
        cp corpus/*.txt "$work/fault-in/"
        printf 'PK\003\004\000\000\010\000scan\000\000' >"$work/fault-in/2024-02-02_scan.txt"
        started=$(now); single "$work/fault-in" "$work/fault-single" 1; one=$(since "$started")
        : >"$BULLETIN_FAULT_LOG"
        started=$(now)
        submit "$work/fault-job" 1 "$work/fault-in" --partitions 4 --mapper faulty_mapper.sh
        job=$(since "$started")
        if ! grep -q "partition 1" "$BULLETIN_FAULT_LOG"; then
            echo "run.sh: the fault case killed no task (faulty_mapper.sh did not run?)" >&2
            exit 1
        fi
        echo "faulty_mapper.sh: $(cat "$BULLETIN_FAULT_LOG")"
        "$python" integration/spark/compare.py "$work/fault-job" "$work/fault-single"
        grep -q "2024-02-02_scan.txt: binary file" "$work"/fault-job/problems/part-* \
            || { echo "run.sh: the binary file is not listed in problems/" >&2; exit 1; }
        timings+=("fault case: one process ${one} s, spark-submit ${job} s (with one task killed and retried)")
        ;;
    30mb)
        say "30 MB: corpus files repeated under new names, in 16 partitions"
        mkdir -p "$work/big-in"
        copy=0
        while [ "$(du -sb "$work/big-in" | cut -f1)" -lt 30000000 ]; do
            copy=$((copy + 1))
            for file in corpus/*.txt; do
                name="$(basename "$file" .txt)"
                cp "$file" "$work/big-in/${name}-copy$(printf %02d "$copy").txt"
            done
        done
        echo "$(ls "$work/big-in" | wc -l) files, $(du -sb "$work/big-in" | awk '{ printf "%.1f", $1 / 1e6 }') MB"
        started=$(now); single "$work/big-in" "$work/big-single" 0; one=$(since "$started")
        started=$(now); submit "$work/big-job" 0 "$work/big-in" --partitions 16; job=$(since "$started")
        "$python" integration/spark/compare.py "$work/big-job" "$work/big-single"
        timings+=("30 MB: one process (all cores) ${one} s, spark-submit in 16 partitions ${job} s")
        ;;
    *)
        echo "run.sh: unknown case '$case' (readme, fault, 30mb)" >&2
        exit 2
        ;;
    esac
done

say "timings"
printf '%s\n' "${timings[@]}"
