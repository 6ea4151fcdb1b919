#!/usr/bin/env bash
# Do the README's commands reuse what the two set-up commands built?
#
# Compares cargo's unit graphs (what each command would compile: package, profile settings and
# features), without building anything:
#   dev:     `cargo run -- report`  against  `cargo test --workspace`
#   release: `cargo install --locked --path crates/cli`  against  `cargo bench --workspace`
# A dependency that both commands build must be built with the same profile settings and
# features, or the second command compiles it again (DataFusion alone is ~20 minutes in release
# on 2 cores). Dependencies that only the second command needs (dev-dependencies) are listed.
#
# The unit graph is an unstable cargo option, so this needs a nightly toolchain
# (`rustup toolchain install nightly`); without one it says so and exits 0.
# Usage: scripts/check-shared-builds.sh       exit 1 when a dependency would be built twice
set -euo pipefail
cd "$(dirname "$0")/.."
if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "check-shared-builds: no nightly toolchain (cargo +nightly), skipped"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
units() {
  cargo +nightly "$@" -Z unstable-options --unit-graph 2>"$tmp/err" | python3 -c '
import json, sys
d = json.load(sys.stdin)
for u in d["units"]:
    if u["mode"] != "build" or u["target"]["kind"][0] not in ("lib", "rlib", "proc-macro"):
        continue
    p = dict(u["profile"]); p.pop("name", None)
    pkg = u["pkg_id"].split("/")[-1]
    print(pkg + "\t" + json.dumps(p, sort_keys=True) + "\t" + ",".join(sorted(u["features"])))
' 2>/dev/null | sort -u || {
    # A nightly too old or too new for this unit-graph format: say so, do not fail the run.
    echo "check-shared-builds: cargo +nightly $* gave no unit graph, skipped:" >&2
    head -5 "$tmp/err" >&2
    exit 0
  }
}
status=0
compare() {
  local label=$1 first=$2 second=$3
  # Packages both build, with different settings or features: built twice.
  local twice
  twice=$(join -t $'\t' -j 1 <(cut -f1 "$first" | sort -u) <(cut -f1 "$second" | sort -u) |
    while read -r pkg; do
      if ! diff -q <(grep -F "$pkg"$'\t' "$first") <(grep -F "$pkg"$'\t' "$second") >/dev/null; then
        echo "$pkg"
      fi
    done)
  local only
  only=$(comm -13 <(cut -f1 "$first" | sort -u) <(cut -f1 "$second" | sort -u) | sed 's/^.*#//' | tr '\n' ' ')
  echo "$label: $(wc -l <"$first") library units, then $(wc -l <"$second"); only the second builds: ${only:-nothing}"
  if [ -n "$twice" ]; then
    echo "$label: built twice (different features or profile): $(echo "$twice" | sed 's/^.*#//' | tr '\n' ' ')"
    status=1
  fi
}
units build --bin chipwatch >"$tmp/run"
units test --workspace --no-run >"$tmp/test"
compare "dev (cargo run -- report, then cargo test --workspace)" "$tmp/run" "$tmp/test"
units build --release --locked -p chipwatch >"$tmp/install"
units bench --workspace --no-run >"$tmp/bench"
compare "release (cargo install --locked --path crates/cli, then cargo bench --workspace)" "$tmp/install" "$tmp/bench"
exit $status
