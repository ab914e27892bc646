#!/usr/bin/env python3
"""Precision of `bulletin lexicon suggest` at the top 20 and 40 against a hand-judged gold list.

    bulletin lexicon suggest corpus > suggestions.tsv
    python3 lexicons/scripts/suggest_precision.py suggestions.tsv Tests/BulletinKitTests/Fixtures/suggest-gold.tsv

Prints precision@20 and @40 (names / judged) and every ranked candidate the gold does not judge,
so a reviewer can judge it and add it. Standard library only.
"""
import sys


def rows(path):
    """The non-comment rows of a TSV file after its header, as lists of cells."""
    with open(path, encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f if line.strip() and not line.startswith("#")]
    return [line.split("\t") for line in lines[1:]]


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: suggest_precision.py SUGGESTIONS.tsv GOLD.tsv")
    ranked = [row[1] for row in rows(sys.argv[1])]
    gold = {row[0]: row[1] for row in rows(sys.argv[2])}
    for k in (20, 40):
        top = ranked[:k]
        judged = [name for name in top if name in gold]
        names = sum(1 for name in judged if gold[name] == "name")
        unjudged = [name for name in top if name not in gold]
        print(f"precision@{k}: {names}/{len(judged)} = {names / max(len(judged), 1):.2f}"
              + (f"  (unjudged: {', '.join(unjudged)})" if unjudged else ""))


main()
