#!/usr/bin/env bash
# Kills `bulletin run -o` with SIGKILL at its Nth rename, for every N a run makes, and checks
# that the output folder then holds the previous output or the new one, byte for byte, never a
# mix: first after a reader (`bulletin query`) looked at it, then after `--resume`.
#
#   bash integration/crash/rename-kill.sh [path/to/bulletin]
#
# Needs strace (apt-get install -y strace). Not part of `swift test`.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$root/.build/debug/bulletin}
command -v strace >/dev/null || { echo "needs strace" >&2; exit 2; }
[ -x "$bin" ] || { echo "no binary at $bin: swift build first" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The previous output: two bulletins. The new one: six others.
mkdir "$work/few" "$work/more"
ls "$root"/corpus/*.txt | head -2 | xargs -I{} cp {} "$work/few/"
ls "$root"/corpus/*.txt | tail -6 | xargs -I{} cp {} "$work/more/"
"$bin" run "$work/few" -q -o "$work/previous" || exit 2
"$bin" run "$work/more" -q -o "$work/new" || exit 2
strace -f -qq -e trace=rename,renameat,renameat2 -o "$work/trace" "$bin" run "$work/more" -q -o "$work/count" || exit 2
renames=$(grep -c rename "$work/trace")
echo "a run makes $renames renames"

# same DIR: "previous", "new" or "mixed" (visible files only)
same() {
    for ref in previous new; do
        if diff -r -x '.*' "$work/$ref" "$1" >/dev/null 2>&1; then echo "$ref"; return; fi
    done
    echo mixed
}

# killed DIR N: copies the previous output to DIR and kills a run into it at its Nth rename.
killed() {
    rm -rf "$1"
    cp -r "$work/previous" "$1"
    (strace -f -qq -o /dev/null -e trace=rename,renameat,renameat2 \
        -e inject=rename,renameat,renameat2:signal=SIGKILL:when=$2 \
        "$bin" run "$work/more" -q -o "$1"; true) >/dev/null 2>&1
}

failures=0
for n in $(seq 1 "$renames"); do
    # A reader first, then a plain rerun.
    killed "$work/out" "$n"
    raw=$(same "$work/out")
    "$bin" query -m 三所联动 "$work/out" >/dev/null 2>&1
    reader=$(same "$work/out")
    "$bin" run "$work/more" -q -o "$work/out" 2>/dev/null
    rerun=$?
    rerun_left=$(ls -A "$work/out" | grep '^\.' | tr '\n' ' ')
    rerun_same=$(same "$work/out")
    # --resume straight after the kill.
    killed "$work/out" "$n"
    "$bin" run "$work/more" -q -o "$work/out" --resume 2>/dev/null
    resume=$?
    resume_left=$(ls -A "$work/out" | grep '^\.' | tr '\n' ' ')
    resume_same=$(same "$work/out")
    printf 'kill at rename %2d: folder %-8s after a reader %-8s rerun exit %d %s, --resume exit %d %s%s\n' \
        "$n" "$raw," "$reader," "$rerun" "$rerun_same" "$resume" "$resume_same" "${rerun_left}${resume_left:+ left: $resume_left}"
    if [ "$reader" = mixed ] || [ "$rerun$rerun_same" != 0new ] || [ "$resume$resume_same" != 0new ] \
        || [ -n "$rerun_left$resume_left" ]; then
        failures=$((failures + 1))
    fi
done
if [ "$failures" = 0 ]; then echo "OK: the previous or the new output after every kill, never a mix"; else echo "FAILED at $failures kill points"; exit 1; fi
