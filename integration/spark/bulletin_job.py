"""`bulletin` over an archive on a Spark cluster: the job a researcher submits.

    spark-submit --master yarn --deploy-mode cluster \\
        --files .build-static/release/bulletin \\
        integration/spark/bulletin_job.py hdfs:///results/2024 'hdfs:///archive/*/*.txt'

Arguments: OUTPUT (any Hadoop path; must not exist yet) and INPUT... (files, folders or globs on
any Hadoop file system; folders are read recursively, and only names ending in `--suffix`,
`.txt` by default, are bulletins, as `bulletin run FOLDER` takes them).

What happens where:
- The executors read the files (Spark's `binaryFile` source; `read_files` says why not
  `binaryFiles`): bytes, not text. Each partition's files go as JSON Lines
  `{"id", "source", "bytes": base64}` into the shipped `bulletin` executable (`--files`, found
  with `SparkFiles.get`), run as `bulletin run --input-format jsonl - -o LOCAL_TMP`: the
  tool decodes them as it decodes files (UTF-8, UTF-16 with BOM, GB18030).
- The mapper's exit status is checked: 0, or 1 (some inputs had problems, reported, the rest
  written) is a finished partition; anything else (killed, a crash, an unwritable temporary
  folder) fails the task, and Spark runs it again (`spark.task.maxFailures`, 4 on a cluster; in
  local mode say `local[2,4]`). Only a finished attempt's part file is committed.
- OUTPUT/articles/part-*: the article records (JSON Lines, as `bulletin run` prints them).
  OUTPUT/problems/part-*: one file a partition, every problem the mapper reported (empty when
  none); their number is the manifest's `counts.errors`.
  OUTPUT/town_mechanism.csv, first_mentions.csv, summary.json: `bulletin summarize` fed the
  written parts on one executor, as one run over the whole archive would write them.
  OUTPUT/_manifest.json: like a run's manifest.json: tool, version, lexicons, every input (path,
  bytes, SHA-256, encoding, articles, error) and the counts.
- Everything is written under OUTPUT._incomplete and renamed to OUTPUT at the end: OUTPUT is
  whole or absent.

Options: --partitions N (at least N partitions; default: the cluster's default parallelism; a
partition holds at most 128 MB, `spark.sql.files.maxPartitionBytes`, so a large archive gets
more), --suffix S ('' for every file), --mapper NAME (the shipped executable to run; the fault test ships a wrapper),
--region NAME and --attribution RULE (passed to `bulletin run` and `summarize`).
"""

import argparse
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile

from pyspark import SparkFiles, StorageLevel, TaskContext
from pyspark.sql import SparkSession

SUMMARY_FILES = ["town_mechanism.csv", "first_mentions.csv", "summary.json"]


class MapperFailed(RuntimeError):
    """The mapper died or could not write: the task fails and Spark runs it again."""


def executable(name):
    """The shipped executable on this executor, made runnable (`--files` may drop the mode)."""
    path = SparkFiles.get(name)
    if not os.path.exists(path):
        raise MapperFailed(f"{name}: not shipped with the job; give it with spark-submit --files")
    os.chmod(path, os.stat(path).st_mode | 0o755)
    return path


def stderr_lines(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return [line.rstrip("\n") for line in f if line.strip()]


def read_files(spark, inputs, suffix, partitions):
    """(path, bytes) of every bulletin file, read on the executors, in at least `partitions`
    partitions.

    Spark's `binaryFile` source, not `SparkContext.binaryFiles`: the latter rebuilds the whole
    combined split (every path in it) for each file it hands to Python, which is quadratic in
    the files of a split (30 MB of 4.6 KB bulletins, 6,519 files in one split, had not left its
    first stage after 5 minutes here). Both read on the executors through the Hadoop file system.
    """
    # A small file costs its bytes plus this when files are packed into partitions; Spark's 4 MB
    # would give each partition of bulletins about 30 files.
    spark.conf.set("spark.sql.files.openCostInBytes", str(64 * 1024))
    spark.conf.set("spark.sql.files.minPartitionNum", str(partitions))
    reader = spark.read.format("binaryFile").option("recursiveFileLookup", "true")
    if suffix:
        reader = reader.option("pathGlobFilter", "*" + suffix)
    files = reader.load(inputs).select("path", "content").rdd
    # Fewer files than partitions asked for, or files larger than a split: spread them.
    if files.getNumPartitions() < partitions:
        files = files.repartition(partitions)
    return files


def run_partition(index, files, mapper, extra):
    """One partition through `bulletin run --input-format jsonl -`: yields ("a", record),
    ("e", problem) and one ("m", manifest) item."""
    context = TaskContext.get()
    attempt = context.attemptNumber() if context else 0
    work = tempfile.mkdtemp(prefix=f"bulletin-part{index}-")
    try:
        err_path = os.path.join(work, "stderr")
        out_dir = os.path.join(work, "out")
        env = dict(os.environ, BULLETIN_TASK_PARTITION=str(index), BULLETIN_TASK_ATTEMPT=str(attempt))
        count = 0
        with open(err_path, "wb") as err:
            process = subprocess.Popen(
                [executable(mapper), "run", "--input-format", "jsonl", "-", "-q", "-o", out_dir, *extra],
                stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=err, env=env)
            try:
                for path, data in files:
                    name = path.rsplit("/", 1)[-1]
                    stem = name[: name.rindex(".")] if "." in name else name
                    line = json.dumps({"id": stem, "source": path, "bytes": base64.b64encode(data).decode("ascii")})
                    process.stdin.write(line.encode("ascii") + b"\n")
                    count += 1
                process.stdin.close()
            except BrokenPipeError:
                pass  # the mapper died; its exit status says how
            status = process.wait()
        problems = stderr_lines(err_path)
        if status not in (0, 1):
            how = f"killed by signal {-status}" if status < 0 else f"exit status {status}"
            raise MapperFailed(
                f"bulletin mapper on partition {index} (attempt {attempt}, {count} files): {how}"
                + "".join("\n  " + p for p in problems[-5:]))
        manifest_path = os.path.join(out_dir, "manifest.json")
        if not os.path.exists(manifest_path):
            raise MapperFailed(f"bulletin mapper on partition {index}: exit status {status} but no manifest.json")
        with open(os.path.join(out_dir, "articles.jsonl"), encoding="utf-8") as records:
            for record in records:
                yield ("a", record.rstrip("\n"))
        for problem in problems:
            yield ("e", problem)
        with open(manifest_path, encoding="utf-8") as f:
            yield ("m", f.read())
    finally:
        shutil.rmtree(work, ignore_errors=True)


def summarize_records(records, mapper, extra):
    """All article records through one `bulletin summarize - -o DIR`: yields (name, bytes)."""
    work = tempfile.mkdtemp(prefix="bulletin-summarize-")
    try:
        out_dir = os.path.join(work, "summary")
        err_path = os.path.join(work, "stderr")
        with open(err_path, "wb") as err:
            process = subprocess.Popen(
                [executable(mapper), "summarize", "-", "-o", out_dir, *extra],
                stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=err)
            try:
                for record in records:
                    process.stdin.write(record.encode("utf-8") + b"\n")
                process.stdin.close()
            except BrokenPipeError:
                pass
            status = process.wait()
        if status != 0:
            raise MapperFailed(
                f"bulletin summarize: exit status {status}" + "".join("\n  " + p for p in stderr_lines(err_path)[-5:]))
        for name in SUMMARY_FILES:
            with open(os.path.join(out_dir, name), "rb") as f:
                yield (name, f.read())
    finally:
        shutil.rmtree(work, ignore_errors=True)


def merged_manifest(manifests):
    """One manifest from the partitions' manifests: the inputs in path order, the counts summed."""
    parts = [json.loads(m) for m in manifests]
    first = parts[0]
    inputs = sorted((i for p in parts for i in p["inputs"]), key=lambda i: i["path"])
    counts = {key: sum(p["counts"][key] for p in parts) for key in ("files", "articles", "errors")}
    for p in parts:
        if (p["tool"], p["version"], p["lexicons"]) != (first["tool"], first["version"], first["lexicons"]):
            raise MapperFailed("partitions ran different bulletin versions or lexicons: " + json.dumps(
                [(p["version"], p["lexicons"]) for p in parts], ensure_ascii=False))
    manifest = {"tool": first["tool"], "version": first["version"], "lexicons": first["lexicons"],
                "inputs": inputs, "counts": counts}
    return json.dumps(manifest, ensure_ascii=False, separators=(",", ":")) + "\n"


class HadoopFolder:
    """Files written through the driver's Hadoop file system (HDFS, S3, a local disk)."""

    def __init__(self, sc, path):
        jvm = sc._jvm
        self.Path = jvm.org.apache.hadoop.fs.Path
        self.path = path.rstrip("/")
        self.fs = self.Path(self.path).getFileSystem(sc._jsc.hadoopConfiguration())

    def exists(self, path):
        return self.fs.exists(self.Path(path))

    def delete(self, path):
        self.fs.delete(self.Path(path), True)

    def write(self, path, data):
        stream = self.fs.create(self.Path(path), True)
        try:
            stream.write(bytearray(data))
        finally:
            stream.close()

    def rename(self, source, target):
        if not self.fs.rename(self.Path(source), self.Path(target)):
            raise OSError(f"{source}: could not be renamed to {target}")


def main(argv):
    parser = argparse.ArgumentParser(prog="bulletin_job.py", description="bulletin over an archive on Spark")
    parser.add_argument("output")
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--partitions", type=int)
    parser.add_argument("--suffix", default=".txt")
    parser.add_argument("--mapper", default="bulletin")
    parser.add_argument("--region")
    parser.add_argument("--attribution")
    args = parser.parse_args(argv)
    run_extra = (["--region", args.region] if args.region else []) + (
        ["--attribution", args.attribution] if args.attribution else [])
    summarize_extra = ["--attribution", args.attribution] if args.attribution else []

    spark = SparkSession.builder.appName("bulletin").getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("ERROR")
    out = HadoopFolder(sc, args.output)
    stage = out.path + "._incomplete"
    if out.exists(out.path):
        print(f"bulletin_job: {out.path}: already exists; give a new output path", file=sys.stderr)
        sc.stop()
        return 2
    if out.exists(stage):
        out.delete(stage)  # left by a job that failed before
    try:
        files = read_files(spark, args.inputs, args.suffix, args.partitions or sc.defaultParallelism)
        mapper = args.mapper
        tagged = files.mapPartitionsWithIndex(lambda index, part: run_partition(index, part, mapper, run_extra))
        tagged.persist(StorageLevel.MEMORY_AND_DISK)
        tagged.filter(lambda t: t[0] == "a").map(lambda t: t[1]).saveAsTextFile(stage + "/articles")
        tagged.filter(lambda t: t[0] == "e").map(lambda t: t[1]).saveAsTextFile(stage + "/problems")
        manifests = tagged.filter(lambda t: t[0] == "m").map(lambda t: t[1]).collect()
        tagged.unpersist()
        manifest = merged_manifest(manifests)

        # The summary: the parts as written, streamed through one `bulletin summarize`.
        summary = (sc.textFile(stage + "/articles").coalesce(1)
                   .mapPartitions(lambda records: summarize_records(records, mapper, summarize_extra)).collect())
        for name, data in summary:
            out.write(f"{stage}/{name}", data)
        out.write(f"{stage}/_manifest.json", manifest.encode("utf-8"))
        out.rename(stage, out.path)
    except BaseException:
        if out.exists(stage):
            out.delete(stage)
        raise
    finally:
        sc.stop()
    counts = json.loads(manifest)["counts"]
    print(f"bulletin_job: {counts['files']} files, {counts['articles']} articles, {counts['errors']} problems"
          f" in {len(manifests)} partitions → {out.path}/"
          + (f" (the problems are listed in {out.path}/problems/)" if counts["errors"] else ""), file=sys.stderr)
    return 1 if counts["errors"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
