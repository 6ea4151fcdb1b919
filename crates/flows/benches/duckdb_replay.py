#!/usr/bin/env python3
"""Replay the SQL chipwatch's trade detectors ran on DataFusion, on DuckDB (PyPI).

Called by `cargo bench -p chipwatch-flows --bench trade` with a JSON spec: the Parquet
tables, the small tables the detectors join, the statements of the load (views and the
validation of the trade file) and of the detectors, each with the row count DataFusion
returned, the thread count, the memory limit and a spill directory. Prints one JSON object:
times, DuckDB's version, peak resident memory, and how many row counts agree.
"""
import json
import re
import resource
import sys
import time

import duckdb


def translate(sql: str) -> str:
    # DataFusion's regexp_like is DuckDB's regexp_matches (both search; patterns are anchored).
    return re.sub(r"\bregexp_like\(", "regexp_matches(", sql)


def main() -> None:
    spec = json.load(open(sys.argv[1]))
    con = duckdb.connect()
    con.execute(f"SET threads = {int(spec['threads'])}")
    con.execute(f"SET memory_limit = '{int(spec['memory_limit_mib'])}MiB'")
    con.execute(f"SET temp_directory = '{spec['temp_directory']}'")
    con.execute("SET preserve_insertion_order = false")
    for name, path in spec["parquet"].items():
        con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{path}')")
    for name, path in spec["small"].items():
        con.execute(f"CREATE TABLE {name} AS SELECT * FROM read_parquet('{path}')")
    agree, compared, disagree = 0, 0, []

    def run(statements):
        nonlocal agree, compared
        t = time.perf_counter()
        for i, st in enumerate(statements):
            sql = translate(st["sql"])
            rel = con.execute(sql)
            if st["rows"] is not None:
                n = len(rel.fetchall())
                compared += 1
                if n == st["rows"]:
                    agree += 1
                else:
                    disagree.append({"statement": i, "duckdb": n, "datafusion": st["rows"]})
        return time.perf_counter() - t

    load_s = run(spec["load"])
    detectors_s = run(spec["detectors"])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(json.dumps({
        "version": duckdb.__version__,
        "load_s": load_s,
        "detectors_s": detectors_s,
        "peak_rss_mib": peak,
        "agree": agree,
        "compared": compared,
        "disagree": disagree,
    }))


if __name__ == "__main__":
    main()
