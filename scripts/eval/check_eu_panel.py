#!/usr/bin/env python3
"""Check chipwatch's trade findings on panels of scripts/eval/eu_roundabout_panel.py.

Usage: check_eu_panel.py EFFECT.json NULL.json
  EFFECT.json: `chipwatch flows --json` on a panel with the published re-routing;
  NULL.json:   the same on the panel without it (--effect 0).

Passes (exit 0) when, on the effect panel, Armenia, Kyrgyzstan and Kazakhstan each appear in a
finding of medium severity or above on HS 8471 or 8542 and the fall of exports to Russia is
reported; and when the null panel has at most MAX_NULL medium-or-above findings. Prints the
figures either way.
"""
import json
import sys

MAX_NULL = 15


def findings(path):
    return json.load(open(path))["findings"]


def product(f):
    parts = f["id"].split("/")
    return parts[3] if len(parts) > 3 else ""


def main():
    eff, null = findings(sys.argv[1]), findings(sys.argv[2])
    strong = [f for f in eff if f["severity"] in ("medium", "high")]
    seen = {}
    for f in strong:
        code = f.get("subject_code")
        if code in ("AM", "KG", "KZ") and product(f)[:4] in ("8471", "8542"):
            seen[code] = seen.get(code, 0) + 1
    russia = [
        f for f in eff
        if f["kind"] == "substitution" and "Russia" in f["title"] and "fell" in f["title"]
        and f["severity"] in ("medium", "high")
    ]
    null_strong = [f for f in null if f["severity"] in ("medium", "high")]
    print(f"effect panel: {len(eff)} findings, {len(strong)} medium+; AM/KG/KZ on 8471/8542: {seen}; "
          f"fall to Russia reported in {len(russia)} medium+ substitution finding(s)")
    print(f"null panel: {len(null)} findings, {len(null_strong)} medium+ (at most {MAX_NULL})")
    ok = all(seen.get(c) for c in ("AM", "KG", "KZ")) and russia and len(null_strong) <= MAX_NULL
    print("PASS" if ok else "FAIL")
    sys.exit(0 if ok else 3)


if __name__ == "__main__":
    main()
