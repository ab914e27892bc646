"""Checks a bulletin_job.py output folder against one single-process `bulletin run INPUT -o DIR`.

    python3 integration/spark/compare.py JOB_OUTPUT SINGLE_OUTPUT

Equal means: the same article records (in any order; `source` compared by file name, since the
job names files by their Hadoop URI), the summary files byte for byte, a manifest with the same
version, lexicons, inputs (by file name: size, SHA-256, encoding, articles, error) and counts,
and as many lines in problems/part-* as the manifest counts errors. Exit 0 when equal.
"""

import glob
import json
import os
import sys

SUMMARY_FILES = ["town_mechanism.csv", "first_mentions.csv", "summary.json"]


def base(path):
    return path.rsplit("/", 1)[-1]


def records(lines):
    result = []
    for line in lines:
        if line.strip():
            record = json.loads(line)
            record["source"] = base(record["source"])
            result.append(record)
    return sorted(result, key=lambda r: r["id"])


def lines_of(paths):
    for path in paths:
        with open(path, encoding="utf-8") as f:
            yield from f.read().splitlines()


def main(job, single):
    failures = []
    parts = sorted(glob.glob(os.path.join(job, "articles", "part-*")))
    got = records(lines_of(parts))
    expected = records(lines_of([os.path.join(single, "articles.jsonl")]))
    if got != expected:
        ids = {r["id"] for r in got} ^ {r["id"] for r in expected}
        failures.append(f"article records differ: {len(expected)} from one run, {len(got)} from the job"
                        + (f"; ids in one only: {sorted(ids)[:5]}" if ids else "; same ids, different fields"))
    for name in SUMMARY_FILES:
        with open(os.path.join(job, name), "rb") as a, open(os.path.join(single, name), "rb") as b:
            if a.read() != b.read():
                failures.append(f"{name} differs")
    with open(os.path.join(job, "_manifest.json"), encoding="utf-8") as f:
        job_manifest = json.load(f)
    with open(os.path.join(single, "manifest.json"), encoding="utf-8") as f:
        single_manifest = json.load(f)
    for key in ("tool", "version", "lexicons", "counts"):
        if job_manifest[key] != single_manifest[key]:
            failures.append(f"manifest {key} differs: {job_manifest[key]} from the job, {single_manifest[key]} from one run")

    def by_name(manifest):
        return sorted((dict(i, path=base(i["path"]), error=i["error"] and i["error"].split(": ", 1)[-1])
                       for i in manifest["inputs"]), key=lambda i: i["path"])
    if by_name(job_manifest) != by_name(single_manifest):
        first = next(((j, o) for j, o in zip(by_name(job_manifest), by_name(single_manifest)) if j != o), None)
        failures.append("manifest inputs differ" + (f": {first[0]} from the job, {first[1]} from one run" if first else
                        f": {len(job_manifest['inputs'])} from the job, {len(single_manifest['inputs'])} from one run"))
    problems = list(lines_of(sorted(glob.glob(os.path.join(job, "problems", "part-*")))))
    if len(problems) != job_manifest["counts"]["errors"]:
        failures.append(f"{len(problems)} lines in problems/, but the manifest counts {job_manifest['counts']['errors']} errors")

    print(f"{job_manifest['counts']['files']} bulletins, {len(got)} article records from {len(parts)} Spark partitions,"
          f" {len(problems)} problems listed")
    for problem in problems[:3]:
        print("  problems/:", problem)
    for failure in failures:
        print("FAIL:", failure)
    if not failures:
        print("OK: the job's result equals one single-process run (records, summary files, manifest)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
