#!/usr/bin/env bash
# Generates the national data set and times kpi on it against the tools an
# analyst would use instead. Nothing here needs the internet.
#
#   bench/run.sh [DIR]          (default /tmp/kpi-bench; needs ~1 GB free)
#
# Prints one table: wall time and peak memory (from /usr/bin/time -v) for
#   - kpi import of one national month (700 workbooks) and of a year (8,400),
#   - kpi progress, kpi awards and kpi export progress on that year,
#   - kpi import of one consolidated sheet of 200,000 rows,
# and, when Debian's python3-pandas and python3-openpyxl are installed
# (/usr/bin/python3), the same reading-and-summing job with pandas +
# openpyxl over the same files, with the ratio. Set BIG_ROWS=0 to skip the
# big sheet, UNITS/MONTHS to change the size.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-/tmp/kpi-bench}
units=${UNITS:-700}
months=${MONTHS:-12}
big=${BIG_ROWS:-200000}
mkdir -p "$dir"
go build -o "$dir/kpi" ./cmd/kpi
kpi="$dir/kpi"
if [ ! -f "$dir/data/chitieu.xlsx" ]; then
  "$kpi" sample --dir "$dir/data" --units "$units" --months "$months" --big-rows "$big" --seed 1
fi

rows=()
measure() { # name, then the command; records wall seconds and max RSS
  local name=$1; shift
  local out
  out=$(/usr/bin/time -v "$@" 2>&1 >/dev/null) || { echo "failed: $name" >&2; echo "$out" | tail -5 >&2; exit 1; }
  local wall rss
  wall=$(echo "$out" | awk -F': ' '/Elapsed \(wall clock\)/ {print $2}')
  rss=$(echo "$out" | awk -F': ' '/Maximum resident set size/ {print $2}')
  rows+=("$(printf '%-44s %10s %10s MB' "$name" "$wall" "$((rss / 1024))")")
  echo "${rows[-1]}" >&2
}

fresh() { # a workspace with the units, no reports
  rm -f "$1" "$1-wal" "$1-shm"
  "$kpi" --db "$1" init >/dev/null 2>&1
  "$kpi" --db "$1" targets import "$2" >/dev/null 2>&1
}

db="$dir/nat.db"
fresh "$db" "$dir/data/chitieu.xlsx"
measure "kpi import: 1 month ($units workbooks)" "$kpi" --db "$db" import "$dir/data/reports/2024-01"
fresh "$db" "$dir/data/chitieu.xlsx"
measure "kpi import: $months months ($((units * months)) workbooks)" "$kpi" --db "$db" import "$dir/data/reports"
measure "kpi progress (national year)" "$kpi" --db "$db" progress
measure "kpi awards (national year)" "$kpi" --db "$db" awards
measure "kpi export progress ($units units)" "$kpi" --db "$db" export progress -o "$dir/progress.xlsx"
if [ "$big" -gt 0 ]; then
  bigdb="$dir/big.db"
  fresh "$bigdb" "$dir/data/big/chitieu.xlsx"
  measure "kpi import: one sheet of $big rows" "$kpi" --db "$bigdb" import "$dir/data/big/tonghop_2024-01.xlsx"
fi

pandas_ok=false
if /usr/bin/python3 -c 'import pandas, openpyxl' 2>/dev/null; then
  pandas_ok=true
  measure "pandas+openpyxl: read+sum 1 month" /usr/bin/python3 bench/pandas_sum.py "$dir/data/reports/2024-01"
  if [ "$big" -gt 0 ]; then
    measure "pandas+openpyxl: read+sum $big rows" /usr/bin/python3 bench/pandas_sum.py "$dir/data/big/tonghop_2024-01.xlsx"
  fi
fi

echo
printf '%-44s %10s %13s\n' "job" "wall" "max RSS"
printf '%s\n' "${rows[@]}"
if $pandas_ok; then
  ratio() { # two row names → ratio of their wall times
    local a b
    a=$(printf '%s\n' "${rows[@]}" | grep -F "$1" | awk '{print $(NF-2)}')
    b=$(printf '%s\n' "${rows[@]}" | grep -F "$2" | awk '{print $(NF-2)}')
    python3 - "$a" "$b" <<'PY'
import sys
def sec(t):
    p = t.split(':'); s = 0.0
    for x in p: s = s * 60 + float(x)
    return s
a, b = sec(sys.argv[1]), sec(sys.argv[2])
print(f"{b / a:.1f}x")
PY
  }
  echo
  echo "pandas+openpyxl / kpi, one month:  $(ratio 'kpi import: 1 month' 'pandas+openpyxl: read+sum 1 month')"
  [ "$big" -gt 0 ] && echo "pandas+openpyxl / kpi, big sheet:  $(ratio "kpi import: one sheet" "pandas+openpyxl: read+sum $big")"
fi
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, $(go version | cut -d' ' -f3), $(date -u +%Y-%m-%d)"
