#!/bin/sh
# The fault case of run.sh: shipped with the job in place of the mapper (--mapper
# faulty_mapper.sh, next to bulletin in --files). The first attempt of partition 1 is killed
# (SIGKILL) while bulletin works, as an executor's out-of-memory killer would; every other task,
# and the retry, runs bulletin itself. bulletin_job.py sets the two variables from TaskContext.
bulletin="$(dirname "$0")/bulletin"
chmod +x "$bulletin" 2>/dev/null
if [ "$BULLETIN_TASK_PARTITION" = 1 ] && [ "$BULLETIN_TASK_ATTEMPT" = 0 ]; then
    echo "faulty_mapper.sh: killing the first attempt of partition 1" >&2
    [ -z "$BULLETIN_FAULT_LOG" ] || echo "killed the first attempt of partition 1" >>"$BULLETIN_FAULT_LOG"
    "$bulletin" "$@" <&0 &
    sleep 0.2
    kill -9 "$!" 2>/dev/null
    kill -9 $$
fi
exec "$bulletin" "$@"
