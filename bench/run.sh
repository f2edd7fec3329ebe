#!/usr/bin/env bash
# Generates the national data set and times kpi on it against the tools an
# analyst would use instead. Nothing here needs the internet.
#
#   bench/run.sh [DIR]          (default /tmp/kpi-bench; needs ~1 GB free)
#
# Prints one table — wall time (best of RUNS, default 5; bash's clock,
# to the millisecond) and peak memory (/usr/bin/time -v) — for
#   - kpi import of one national month (700 workbooks) and of a year (8,400),
#   - kpi progress, kpi awards and kpi export progress on that year,
#   - kpi import of one consolidated sheet of 200,000 rows,
#   - kpi import of the month into PostgreSQL, when KPI_BENCH_POSTGRES names
#     a database kpi may empty (postgres://…),
# and, when Debian's python3-pandas and python3-openpyxl are installed
# (/usr/bin/python3), the same reading-and-summing job with pandas +
# openpyxl over the same files; then the targets of issue 18, each with
# its measure and whether this run met it. Set BIG_ROWS=0 to skip the big
# sheet, UNITS/MONTHS to change the size, RUNS to change the repeats.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-/tmp/kpi-bench}
units=${UNITS:-700}
months=${MONTHS:-12}
big=${BIG_ROWS:-200000}
runs=${RUNS:-5}
pg=${KPI_BENCH_POSTGRES:-}
mkdir -p "$dir"
go build -o "$dir/kpi" ./cmd/kpi
kpi="$dir/kpi"
if [ ! -f "$dir/data/chitieu.xlsx" ]; then
  "$kpi" sample --dir "$dir/data" --units "$units" --months "$months" --big-rows "$big" --seed 1
fi

rows=()
declare -A wall rss
measure() { # name, setup command ('' for none), then the command; best wall of RUNS runs, highest RSS
  local name=$1 setup=$2; shift 2
  local best="" peak=0 out w r
  for _ in $(seq "$runs"); do
    [ -n "$setup" ] && eval "$setup"
    local t0=$EPOCHREALTIME # wall to the millisecond (time -v gives hundredths)
    out=$(/usr/bin/time -v "$@" 2>&1 >/dev/null) || { echo "failed: $name" >&2; echo "$out" | tail -5 >&2; exit 1; }
    w=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN {printf "%.3f", b - a}')
    r=$(echo "$out" | awk -F': ' '/Maximum resident set size/ {print $2}')
    if [ -z "$best" ] || awk -v a="$w" -v b="$best" 'BEGIN {exit !(a < b)}'; then best=$w; fi
    [ "$r" -gt "$peak" ] && peak=$r
  done
  wall[$name]=$best
  rss[$name]=$((peak / 1024))
  rows+=("$(printf '%-46s %8.3f s %7s MB' "$name" "$best" "${rss[$name]}")")
  echo "${rows[-1]}" >&2
}

# workspaces with the units and no reports, made once and copied for each
# run (a targets import of 200,000 units also logs 200,000 audit entries)
seed() { # file, targets workbook
  rm -f "$1" "$1-wal" "$1-shm"
  "$kpi" --db "$1" init >/dev/null 2>&1
  "$kpi" --db "$1" targets import "$2" >/dev/null 2>&1
}
fresh() { # workspace ← seed
  rm -f "$1" "$1-wal" "$1-shm"
  cp "$2" "$1"
}
seed "$dir/nat.seed.db" "$dir/data/chitieu.xlsx"
db="$dir/nat.db"
measure "kpi import: 1 month ($units workbooks)" "fresh $db $dir/nat.seed.db" "$kpi" --db "$db" import "$dir/data/reports/2024-01"
measure "kpi import: $months months ($((units * months)) workbooks)" "fresh $db $dir/nat.seed.db" "$kpi" --db "$db" import "$dir/data/reports"
measure "kpi progress (national year)" "" "$kpi" --db "$db" progress
measure "kpi awards (national year)" "" "$kpi" --db "$db" awards
measure "kpi export progress ($units units)" "" "$kpi" --db "$db" export progress -o "$dir/progress.xlsx"
if [ "$big" -gt 0 ]; then
  seed "$dir/big.seed.db" "$dir/data/big/chitieu.xlsx"
  measure "kpi import: one sheet of $big rows" "fresh $dir/big.db $dir/big.seed.db" "$kpi" --db "$dir/big.db" import "$dir/data/big/tonghop_2024-01.xlsx"
fi
if [ -n "$pg" ]; then
  pgfresh() {
    "$kpi" --db "$pg" init --force >/dev/null 2>&1 || "$kpi" --db "$pg" init >/dev/null 2>&1
    "$kpi" --db "$pg" targets import "$dir/data/chitieu.xlsx" >/dev/null 2>&1
  }
  measure "kpi import: 1 month, PostgreSQL" "pgfresh" "$kpi" --db "$pg" import "$dir/data/reports/2024-01"
fi

pandas_ok=false
if /usr/bin/python3 -c 'import pandas, openpyxl' 2>/dev/null; then
  pandas_ok=true
  measure "pandas+openpyxl: read+sum 1 month" "" /usr/bin/python3 bench/pandas_sum.py "$dir/data/reports/2024-01"
  if [ "$big" -gt 0 ]; then
    measure "pandas+openpyxl: read+sum $big rows" "" /usr/bin/python3 bench/pandas_sum.py "$dir/data/big/tonghop_2024-01.xlsx"
  fi
fi

echo
printf '%-46s %10s %10s\n' "job (best of $runs)" "wall" "max RSS"
printf '%s\n' "${rows[@]}"

# the targets of issue 18
echo
printf '%-58s %-22s %s\n' "target" "measured" "met"
target() { # description, measured text, condition (awk expression, true when met)
  local met=no
  awk "BEGIN {exit !($3)}" && met=yes
  printf '%-58s %-22s %s\n' "$1" "$2" "$met"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", b / a}'; }
month=${wall["kpi import: 1 month ($units workbooks)"]}
year=${wall["kpi import: $months months ($((units * months)) workbooks)"]}
target "a national year <= 12x the month's time" "$(ratio "$month" "$year")x" "$year <= 12 * $month"
if $pandas_ok; then
  pm=${wall["pandas+openpyxl: read+sum 1 month"]}
  target "one national month >= 20x pandas + openpyxl" "$(ratio "$month" "$pm")x" "$pm >= 20 * $month"
fi
if [ "$big" -gt 0 ]; then
  b=${wall["kpi import: one sheet of $big rows"]}
  if $pandas_ok; then
    pb=${wall["pandas+openpyxl: read+sum $big rows"]}
    target "the $big-row sheet >= 15x pandas + openpyxl" "$(ratio "$b" "$pb")x" "$pb >= 15 * $b"
  fi
  br=${rss["kpi import: one sheet of $big rows"]}
  target "the $big-row sheet: peak memory <= 200 MB" "$br MB" "$br <= 200"
fi
p=${wall["kpi progress (national year)"]}
a=${wall["kpi awards (national year)"]}
target "kpi progress on the national year <= 100 ms (best of $runs)" "$(awk -v x="$p" 'BEGIN {printf "%d ms", x * 1000}')" "$p <= 0.100"
target "kpi awards on the national year <= 100 ms (best of $runs)" "$(awk -v x="$a" 'BEGIN {printf "%d ms", x * 1000}')" "$a <= 0.100"
if [ -n "$pg" ]; then
  pgm=${wall["kpi import: 1 month, PostgreSQL"]}
  target "PostgreSQL month import <= 1.5x SQLite" "$(ratio "$month" "$pgm")x" "$pgm <= 1.5 * $month"
fi
echo
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, load $(cut -d' ' -f1-3 /proc/loadavg), $(go version | cut -d' ' -f3), $(date -u +%Y-%m-%d)"
