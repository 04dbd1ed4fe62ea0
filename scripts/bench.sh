#!/usr/bin/env bash
# Runs every benchmark and ends with ONE line of JSON holding each figure by name.
#
#   bash scripts/bench.sh           release build, full sizes (1,000,000 province entries,
#                                   100,000 register rows, 100,000 imported rows); minutes
#   bash scripts/bench.sh --quick   test build, tiny sizes: proves the benches run (the test
#                                   command does this); its figures mean nothing
#   bash scripts/bench.sh memory    adds the import's peak memory on the largest file
#
# Every figure a bench prints as `name: number` on a line of its own is collected (ratios
# are measured side by side, interleaved, medians). Full output goes to target/bench.log.
source "$(dirname "$0")/lib.sh"

quick=0
memory=0
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1 ;;
    memory) memory=1 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done

log=target/bench.log
mkdir -p target
: >"$log"
benches=(province registers import exchange)

if [ "$quick" = 1 ]; then
  say "Benchmarks (quick: tiny sizes, test build)"
  # `cargo test --benches` runs each bench's main without --bench: the tiny sizes. With
  # --workspace the dependencies' features are those of `cargo test --workspace`, so the
  # library the tests built is reused instead of compiled again for taizhang-core alone.
  for b in "${benches[@]}"; do
    cargo test -q --workspace --bench "$b" 2>&1 | tee -a "$log"
  done
else
  say "Benchmarks (release build, full sizes; load: $(cut -d' ' -f1-3 /proc/loadavg))"
  for b in "${benches[@]}"; do
    cargo bench -p taizhang-core --bench "$b" 2>&1 | tee -a "$log"
  done
  if [ "$memory" = 1 ]; then
    cargo bench -p taizhang-core --bench import -- memory 2>&1 | tee -a "$log"
  fi
fi

# name: number lines → {"name": number, …}
json=$(grep -E '^[a-z][a-z0-9_]*: -?[0-9]+(\.[0-9]+)?$' "$log" |
  awk -F': ' 'BEGIN { printf "{" } { printf "%s\"%s\": %s", (NR > 1 ? ", " : ""), $1, $2 } END { printf "}" }')
if [ "$json" = "{}" ]; then
  echo "no figures were printed: see $log" >&2
  exit 1
fi
echo "$json"
