#!/usr/bin/env bash
# End-to-end benchmark: builds release, generates a synthetic archive, and times `bulletin run`
# at 1 job and at all cores against the floor measured in the same run (reading the same bytes
# and validating them as UTF-8), with peak RSS; then bulletin-bench's stages and its hostile shapes
# at two sizes each, which stop the script (exit 1) when a time more than doubles with its input.
#
#   bash bench/run.sh [MEGABYTES]      # default 200
set -euo pipefail
cd "$(dirname "$0")/.."
mb="${1:-200}"
work="${TMPDIR:-/tmp}/bulletin-bench-$mb"
swift build -c release >/dev/null
bin=.build/release
[ -d "$work/archive" ] || "$bin/bulletin-bench" generate "$work/archive" "$mb"
bytes=$(du -sb "$work/archive" | cut -f1)
seconds() { /usr/bin/env python3 -c 'import sys,time,subprocess;t=time.time();subprocess.run(sys.argv[1:],check=True,stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL);print(time.time()-t)' "$@"; }
peak() { /usr/bin/env python3 - "$@" <<'PY'
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
PY
}
# The floor: reading the same files and validating them as UTF-8 in Swift (bulletin-bench floor),
# best of three; `wc -m` is printed beside it for reference.
floor=$(for i in 1 2 3; do "$bin/bulletin-bench" floor "$work/archive" | cut -d' ' -f1; done | sort -n | head -1)
wcfloor=$(seconds sh -c "cat $work/archive/*.txt | wc -m")
one=$(seconds "$bin/bulletin" run "$work/archive" -j 1 -q -o "$work/out1")
all=$(seconds "$bin/bulletin" run "$work/archive" -j "$(nproc)" -q -o "$work/outN")
rss=$(peak "$bin/bulletin" run "$work/archive" -j "$(nproc)" -q -o "$work/outR")
cmp -s "$work/out1/articles.jsonl" "$work/outN/articles.jsonl" && same=yes || same=NO
python3 - "$bytes" "$floor" "$one" "$all" "$rss" "$same" "$(nproc)" "$wcfloor" <<'PY'
import sys
b, floor, one, allc, rss, same, cores, wc = float(sys.argv[1]), *map(float, sys.argv[2:6]), sys.argv[6], sys.argv[7], float(sys.argv[8])
mb = b / 1e6
print(f"archive {mb:.1f} MB")
print(f"floor (read + UTF-8 validate in Swift): {mb/floor:8.1f} MB/s   (wc -m: {mb/wc:.1f} MB/s)")
print(f"bulletin run -j 1:                      {mb/one:8.1f} MB/s  ({one/floor:.0f}x the floor; target 10x)")
print(f"bulletin run -j {cores}:                      {mb/allc:8.1f} MB/s  ({one/allc:.2f}x one job; target 1.7x)")
print(f"peak RSS at -j {cores}:                    {rss:8.1f} MB   (target 64 MB on 1 GB)")
print(f"output identical for -j 1 and -j {cores}: {same}")
PY
"$bin/bulletin-bench" 20 | sed 's/^/stages: /'
