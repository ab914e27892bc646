"""Runs `bulletin` under a real engine, PySpark in local mode, and checks the result equals one
single-process run.

    python3 integration/spark/bulletin_spark.py [CORPUS] [WORK]

Each bulletin file becomes one JSON Lines record {"id", "text", "source"}; Spark fans the records
out over partitions and pipes each partition through `bulletin run --input-format jsonl -` (the
mapper mode); the article records the mappers print are saved as part files, which
`bulletin summarize` merges. The check: the same article records as `bulletin run CORPUS`, and
the same town x mechanism summary files, byte for byte, as `bulletin run CORPUS -o DIR`.
"""

import json
import os
import subprocess
import sys
import tempfile

from pyspark import SparkConf, SparkContext

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.path.join(ROOT, ".build", "release", "bulletin")
SUMMARY_FILES = ["town_mechanism.csv", "first_mentions.csv", "summary.json"]


def decode(data: bytes) -> str:
    """The bulletin's text, read the way `bulletin` reads files: a UTF-16 or UTF-8 byte-order
    mark, else UTF-8, else GB18030."""
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        return data.decode("utf-16")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def record(path: str, data: bytes) -> str:
    name = os.path.basename(path)
    stem = name[: -len(".txt")] if name.endswith(".txt") else name
    return json.dumps({"id": stem, "text": decode(data), "source": path}, ensure_ascii=False)


def main() -> int:
    corpus = os.path.relpath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "corpus"))
    work = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp(prefix="bulletin-spark-")
    single, parts, merged = (os.path.join(work, d) for d in ("single", "parts", "merged"))

    # One process over the whole corpus: the reference.
    subprocess.run([BINARY, "run", corpus, "-q", "-o", single], check=True)

    paths = sorted(os.path.join(corpus, n) for n in os.listdir(corpus) if n.endswith(".txt"))
    inputs = [record(p, open(p, "rb").read()) for p in paths]

    conf = SparkConf().setMaster("local[2]").setAppName("bulletin-mapper-check")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        # Reversed and in 5 partitions, so no partition holds the input order.
        rdd = sc.parallelize(list(reversed(inputs)), numSlices=5)
        piped = rdd.pipe(f"{BINARY} run --input-format jsonl - -q -j 1")
        piped.saveAsTextFile(parts)
    finally:
        sc.stop()

    part_files = sorted(os.path.join(parts, n) for n in os.listdir(parts) if n.startswith("part-"))
    subprocess.run([BINARY, "summarize", *part_files, "-o", merged], check=True)

    failures = []
    expected = sorted(open(os.path.join(single, "articles.jsonl"), encoding="utf-8").read().splitlines())
    got = sorted(line for f in part_files for line in open(f, encoding="utf-8").read().splitlines() if line)
    if expected != got:
        failures.append(f"article records differ: {len(expected)} from one run, {len(got)} from Spark")
    for name in SUMMARY_FILES:
        a = open(os.path.join(single, name), "rb").read()
        b = open(os.path.join(merged, name), "rb").read()
        if a != b:
            failures.append(f"{name} differs")
    print(f"{len(paths)} bulletins, {len(got)} article records from {len(part_files)} Spark partitions")
    for failure in failures:
        print("FAIL:", failure)
    if not failures:
        print("OK: the merged Spark result equals one single-process run (records and summary files)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
