#!/usr/bin/env bash
# Compile time of 200 events: #[domain_event] vs the same structs with plain serde derives.
# Builds each generated crate's dependencies once, then times three rebuilds of the crate
# itself (touching its source) and reports the medians and their ratio.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$(python3 "$here/gen.py")"
median_rebuild() {
  local crate="$1" times=()
  (cd "$crate" && cargo build -q 2>/dev/null)
  for _ in 1 2 3; do
    touch "$crate/src/lib.rs"
    local start end
    start=$(date +%s.%N)
    (cd "$crate" && cargo build -q)
    end=$(date +%s.%N)
    times+=("$(python3 -c "print(round($end - $start, 2))")")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 2p
}
events=$(median_rebuild "$out/events200")
serde=$(median_rebuild "$out/serde200")
echo "events200 (#[domain_event]): ${events}s  serde200 (plain derives): ${serde}s  ratio: $(python3 -c "print(round($events / $serde, 2))")"
