#!/usr/bin/env python3
"""Two `chipwatch flows --json` outputs hold the same findings (ids, severities, scores).

Used by .ci/run to check that one panel read from different layouts (Comext bulk CSV, the data
browser's spreadsheet export) gives the same result. Exit 1 naming the first differences."""
import json
import sys


def findings(path):
    doc = json.load(open(path, encoding="utf-8"))
    items = doc["findings"] if isinstance(doc, dict) else doc
    return {f["id"]: (f.get("severity"), round(f.get("score", 0.0), 6)) for f in items}


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: same_findings.py A.json B.json")
    a, b = findings(sys.argv[1]), findings(sys.argv[2])
    only_a = sorted(set(a) - set(b))
    only_b = sorted(set(b) - set(a))
    differ = sorted(k for k in set(a) & set(b) if a[k] != b[k])
    if only_a or only_b or differ:
        print(f"only in {sys.argv[1]}: {only_a[:5]}")
        print(f"only in {sys.argv[2]}: {only_b[:5]}")
        print(f"different: {[(k, a[k], b[k]) for k in differ[:5]]}")
        sys.exit(1)
    print(f"{len(a)} findings, the same in both")


if __name__ == "__main__":
    main()
