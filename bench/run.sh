#!/bin/sh
# tintuc beside newsboat on a synthetic portal (100 feeds x 1,000 items by default), in one run.
# Builds the release binary and the benchmark examples, installs newsboat from the Debian
# packages when it is missing, then runs bench/bench.py. Extra arguments go to bench.py, e.g.
# `bench/run.sh --feeds 10 --items 100` for a quick try, `--no-newsboat` for tintuc alone.
set -eu
cd "$(dirname "$0")/.."
cargo build --release --locked --bin tintuc --example bench_portal --example bench_search
if ! command -v newsboat >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get install -y newsboat || { $SUDO apt-get update && $SUDO apt-get install -y newsboat; }
fi
target="${CARGO_TARGET_DIR:-target}/release"
exec python3 bench/bench.py "$target" "$@"
