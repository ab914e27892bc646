#!/usr/bin/env bash
# Fuzz ingestion + tagging with libFuzzer (swiftc -sanitize=fuzzer,address).
#
#   bash fuzz/run.sh [SECONDS]        # default 600; crashes land in fuzz/crashes/
#
# The corpus bulletins seed the fuzzer. A crash it finds becomes a regression test: copy the input
# into Tests/BulletinKitTests/Fixtures and split + tag it in a test.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
work=.build-fuzz
mkdir -p "$work/corpus" fuzz/crashes
swift build --product embed-lexicons >/dev/null
embed="$(swift build --product embed-lexicons --show-bin-path)/embed-lexicons"
"$embed" "$work/EmbeddedLexicons.swift" lexicons/*.tsv
cp corpus/*.txt "$work/corpus/" 2>/dev/null || true
swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name BulletinFuzz \
    $(find Sources/BulletinKit -name '*.swift') "$work/EmbeddedLexicons.swift" fuzz/FuzzTarget.swift \
    -o "$work/fuzz-ingest"
"$work/fuzz-ingest" "$work/corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
    -artifact_prefix=fuzz/crashes/ -print_final_stats=1
