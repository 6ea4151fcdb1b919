#!/usr/bin/env python3
"""Peer for chipwatch's screening benchmark: rapidfuzz process.cdist with Jaro-Winkler.

Usage: bench_rapidfuzz.py NAMES.txt QUERIES.txt WORKERS
Reads one name per line from each file, scores every query against every name with
rapidfuzz.distance.JaroWinkler (default_process: lower case, punctuation stripped), and prints
JSON: pairs, seconds, pairs_per_s, queries_per_s, and the version.
"""
import json
import sys
import time

import numpy as np  # noqa: F401  (cdist returns a numpy array)
import rapidfuzz
from rapidfuzz import process, utils
from rapidfuzz.distance import JaroWinkler

names = open(sys.argv[1], encoding="utf-8").read().split("\n")
queries = open(sys.argv[2], encoding="utf-8").read().split("\n")
workers = int(sys.argv[3])
names = [n for n in names if n]
queries = [q for q in queries if q]
# Warm up (thread pool, caches).
process.cdist(queries[:10], names, scorer=JaroWinkler.similarity, processor=utils.default_process, workers=workers)
t = time.perf_counter()
m = process.cdist(queries, names, scorer=JaroWinkler.similarity, processor=utils.default_process,
                  workers=workers, dtype=np.float32)
secs = time.perf_counter() - t
pairs = len(queries) * len(names)
print(json.dumps({"rapidfuzz": rapidfuzz.__version__, "workers": workers, "queries": len(queries),
                  "names": len(names), "pairs": pairs, "seconds": secs,
                  "pairs_per_s": pairs / secs, "queries_per_s": len(queries) / secs,
                  "checksum": float(m.max(axis=1).mean())}))
