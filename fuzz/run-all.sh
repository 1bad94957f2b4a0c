#!/usr/bin/env bash
# Runs every fuzz target for SECONDS seconds (default 600), one after the other.
# Needs the nightly toolchain and cargo-fuzz: `rustup toolchain install nightly`,
# `cargo install cargo-fuzz`. Corpora and crashes stay under fuzz/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
for target in feed_parse extract_page charset_decode sanitize; do
  echo "== $target: ${seconds}s"
  cargo +nightly fuzz run "$target" -- -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=262144
done
