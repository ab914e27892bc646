#!/bin/sh
# The fault case of run.sh: shipped with the job in place of the mapper (--mapper
# faulty_mapper.sh, next to bulletin in --files). The first attempt of partition 1 dies half way:
# bulletin gets only the first 64 KB of the partition's input, writes the records of those files,
# and then the task's process is killed (SIGKILL), as an executor's out-of-memory killer would.
# Every other task, and the retry, runs bulletin itself. bulletin_job.py sets the two variables
# from TaskContext; BULLETIN_FAULT_LOG, when set, gets a line for each kill.
bulletin="$(dirname "$0")/bulletin"
chmod +x "$bulletin" 2>/dev/null
if [ "$BULLETIN_TASK_PARTITION" = 1 ] && [ "$BULLETIN_TASK_ATTEMPT" = 0 ]; then
    echo "faulty_mapper.sh: killing the first attempt of partition 1 after 64 KB of its input" >&2
    [ -z "$BULLETIN_FAULT_LOG" ] || echo "killed the first attempt of partition 1" >>"$BULLETIN_FAULT_LOG"
    head -c 65536 | "$bulletin" "$@"
    kill -9 $$
fi
exec "$bulletin" "$@"
