#!/usr/bin/env python3
"""Validate every article record of a `bulletin run` against docs/record.schema.json with a real
JSON Schema validator (the `jsonschema` package, draft 2020-12).

    python check_records.py SCHEMA.json FILE.jsonl|DIR ...

A DIR stands for its `articles.jsonl`. The schema itself is checked first (a schema that is not
valid draft 2020-12 fails). Every line must be one JSON object that the schema accepts, and every
mention must cut its `surface` out of `text` at its offsets (Unicode scalars, end exclusive: what
Python's str indexes), which a schema cannot say. Every failing record is reported as
`FILE:LINE: id: path: message` (the first 20 problems), and the exit status is 1; otherwise it prints
how many records passed.
"""
import json
import os
import sys

from jsonschema import Draft202012Validator

MAX_REPORTED = 20


def mentions(record):
    """Every mention of a location or a mechanism, and every figure (which carries its own offsets)."""
    for group in ("locations", "mechanisms"):
        for index, item in enumerate(record.get(group, [])):
            for m, mention in enumerate(item.get("mentions", [])):
                yield f"{group}/{index}/mentions/{m}", mention
    for index, figure in enumerate(record.get("figures", [])):
        yield f"figures/{index}", {"start": figure.get("start"), "end": figure.get("end"),
                                   "surface": figure.get("text")}


def problems(validator, record):
    for error in sorted(validator.iter_errors(record), key=lambda e: list(e.absolute_path)):
        path = "/".join(str(p) for p in error.absolute_path) or "(record)"
        message = error.message if len(error.message) <= 200 else error.message[:200] + " …"
        yield f"{path}: {message}"
    text = record.get("text")
    if not isinstance(text, str):
        return
    for path, mention in mentions(record):
        start, end, surface = mention["start"], mention["end"], mention["surface"]
        if not (isinstance(start, int) and isinstance(end, int)) or text[start:end] != surface:
            yield f"{path}: text[{start}:{end}] is {text[start:end] if isinstance(start, int) and isinstance(end, int) else None!r}, not {surface!r}"


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    passed = failed = reported = 0
    for target in argv[2:]:
        path = os.path.join(target, "articles.jsonl") if os.path.isdir(target) else target
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as error:
                    found = [f"not JSON: {error}"]
                    record = {}
                else:
                    found = list(problems(validator, record))
                if not found:
                    passed += 1
                    continue
                failed += 1
                for problem in found:
                    if reported < MAX_REPORTED:
                        reported += 1
                        print(f"{path}:{number}: {record.get('id', '?')}: {problem}", file=sys.stderr)
    if failed:
        print(f"check_records: FAIL: {failed} of {passed + failed} records do not match {argv[1]}",
              file=sys.stderr)
        return 1
    if passed == 0:
        print("check_records: FAIL: no records to check", file=sys.stderr)
        return 1
    print(f"check_records: {passed} records valid against {argv[1]} (draft 2020-12)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
