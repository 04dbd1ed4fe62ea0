#!/usr/bin/env bash
# Kill tests: imports, records and restores run by the release `taizhang` binary and killed
# (SIGKILL) at random moments; after every kill the ledger must pass integrity_check, every
# operation must be all or nothing (an import's 500 rows all there or none), no operation
# that finished may be lost, the next open must work, the trail must verify (`audit verify`:
# one record per row written, chained) and the roll-up must equal the entries (`rollup check`).
#   bash scripts/crash-test.sh           200 kills
#   bash scripts/crash-test.sh --quick   20 kills, with the debug build the tests already made
#                                        (scripts/test.sh)
# Prints one line: crash-test: N kills, 0 integrity failures, 0 partial operations, 0 lost commits,
# 0 trail failures, 0 roll-up failures
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

KILLS=200 PROFILE=release
[ "${1:-}" = "--quick" ] && KILLS=20 PROFILE=debug
ROWS=500                       # rows per imported file
SEED="${CRASH_SEED:-$$}"
RANDOM=$SEED

command -v sqlite3 >/dev/null || { echo "crash-test: needs the sqlite3 command (apt-get install sqlite3)"; exit 2; }
if [ "$PROFILE" = release ]; then
  cargo build --release -q -p taizhang-cli
elif [ "${TAIZHANG_REUSE_TEST_BUILD:-}" = 1 ]; then
  cargo test --workspace --no-run -q  # the binary `cargo test` built (see build_debug_binaries in lib.sh)
else
  cargo build -q -p taizhang-cli
fi
BIN="$ROOT/target/$PROFILE/taizhang"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
DB="$WORK/taizhang.db"
TODAY=2024-07-15
IND=建言献策骨干队伍
UNIT=兰山区
tz() { "$BIN" --db "$DB" --today "$TODAY" "$@"; }

tz sample >/dev/null
tz backup --out "$WORK/baseline.db" >/dev/null
q() { sqlite3 -batch -noheader "$DB" "$1"; }
BASE_ENTRIES="$(q 'SELECT COUNT(*) FROM progress_entry;')"

# Tags of operations known to be in the ledger (finished, or killed after committing).
declare -A present=()
kills=0 integrity=0 partial=0 lost=0 reopen=0 finished=0 n=0 trail=0 rollup=0

import_file() { # $1 tag → a CSV of ROWS distinct entries noted "$1-<row>"
  local f="$WORK/$1.csv"
  {
    echo "指标,责任单位,日期,数值,备注"
    for ((i = 0; i < ROWS; i++)); do
      printf '%s,%s,2024-%02d-%02d,%d,%s-%d\n' "$IND" "$UNIT" $((i % 6 + 1)) $((i % 28 + 1)) $((i + 1)) "$1" "$i"
    done
  } >"$f"
  echo "$f"
}

check() { # $1 op, $2 tag: the ledger after the process ended
  local ok
  ok="$(q 'PRAGMA integrity_check;')"
  [ "$ok" = ok ] || { integrity=$((integrity + 1)); echo "  integrity: $ok"; }
  tz entries --limit 1 >/dev/null 2>"$WORK/err" || { reopen=$((reopen + 1)); echo "  reopen: $(cat "$WORK/err")"; }
  tz audit verify >"$WORK/out" 2>&1 || { trail=$((trail + 1)); echo "  trail: $(head -c 300 "$WORK/out")"; }
  tz rollup check >"$WORK/out" 2>&1 || { rollup=$((rollup + 1)); echo "  roll-up: $(head -c 300 "$WORK/out")"; }
  if [ "$1" = restore ]; then
    local tagged
    tagged="$(q "SELECT COUNT(*) FROM progress_entry WHERE note LIKE 'imp%' OR note LIKE 'rec%';")"
    local total
    total="$(q 'SELECT COUNT(*) FROM progress_entry;')"
    if [ "$tagged" = 0 ] && [ "$total" = "$BASE_ENTRIES" ]; then
      present=() # the baseline is back: all or nothing, the later entries went with it
      return
    fi
  fi
  local t got want
  for t in "${!present[@]}"; do
    got="$(q "SELECT COUNT(*) FROM progress_entry WHERE note = '$t' OR note LIKE '$t-%';")"
    want=${present[$t]}
    [ "$got" = "$want" ] || { lost=$((lost + 1)); echo "  lost: $t has $got of $want rows"; }
  done
  if [ -n "$2" ] && [ -z "${present[$2]:-}" ]; then
    got="$(q "SELECT COUNT(*) FROM progress_entry WHERE note = '$2' OR note LIKE '$2-%';")"
    want=1
    [ "$1" = import ] && want=$ROWS
    if [ "$got" = "$want" ]; then
      present[$2]=$want
    elif [ "$got" != 0 ]; then
      partial=$((partial + 1))
      echo "  partial: $2 has $got of $want rows"
    elif [ "$3" = 0 ]; then
      lost=$((lost + 1))
      echo "  lost: $2 finished but is not there"
    fi
  fi
}

while [ "$kills" -lt "$KILLS" ]; do
  n=$((n + 1))
  case $((RANDOM % 5)) in
    0 | 1) op=import tag="imp$n" ;;
    2 | 3) op=record tag="rec$n" ;;
    *) op=restore tag="" ;;
  esac
  case $op in
    import) args=(import entries "$(import_file "$tag")") ;;
    record) args=(record --indicator "$IND" --unit "$UNIT" --date 2024-05-01 --value 1 --note "$tag") ;;
    restore) args=(restore "$WORK/baseline.db") ;;
  esac
  delay_ms=$((RANDOM % 400))
  "$BIN" --db "$DB" --today "$TODAY" "${args[@]}" >/dev/null 2>"$WORK/op.err" &
  pid=$!
  sleep "$(printf '0.%03d' "$delay_ms")"
  kill -9 "$pid" 2>/dev/null || true
  status=0
  wait "$pid" 2>/dev/null || status=$?
  if [ "$status" = 137 ]; then
    kills=$((kills + 1))
  elif [ "$status" = 0 ]; then
    finished=$((finished + 1))
  else
    echo "  $op exited $status: $(head -c 300 "$WORK/op.err")"
    reopen=$((reopen + 1))
  fi
  check "$op" "$tag" "$status"
done

echo "crash-test: $kills kills, $integrity integrity failures, $partial partial operations, $lost lost commits, $trail trail failures, $rollup roll-up failures ($finished operations finished, $reopen failed opens, seed $SEED)"
[ $((integrity + partial + lost + reopen + trail + rollup)) = 0 ]
