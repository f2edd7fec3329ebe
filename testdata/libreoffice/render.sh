#!/usr/bin/env bash
# Renders kpi's Excel output as LibreOffice prints it, to look at before
# calling a layout done: runs the demo, writes both exports and a report
# form, converts each to PDF (A4 as set in the workbook) and pages 1–3 of
# each to PNG. Needs Debian's libreoffice-calc and poppler-utils; not run in
# CI. With --docs it also redraws the README's pictures of printed pages
# (testdata/docs/printed-progress.png, testdata/docs/printed-awards.png).
#   testdata/libreoffice/render.sh [OUTDIR] [--docs]     (default /tmp/kpi-render)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-/tmp/kpi-render}
rm -rf "$out" && mkdir -p "$out"
go build -o "$out/kpi" ./cmd/kpi
"$out/kpi" demo --dir "$out/demo" >/dev/null 2>&1
db="$out/demo/kpi.db"
"$out/kpi" --db "$db" export progress -o "$out/progress.xlsx"
"$out/kpi" --db "$db" export awards -o "$out/awards.xlsx"
"$out/kpi" --db "$db" template report --unit H01 --period 2024-03 -o "$out/H01_2024-03.xlsx"
for f in progress awards H01_2024-03; do
  soffice --headless --convert-to pdf --outdir "$out" "$out/$f.xlsx" >/dev/null 2>&1
  pdftoppm -png -r 60 -f 1 -l 3 "$out/$f.pdf" "$out/$f"
done
if [ "${2:-}" = "--docs" ]; then
  pdftoppm -png -r 90 -f 1 -l 1 -singlefile "$out/progress.pdf" testdata/docs/printed-progress
  pdftoppm -png -r 90 -f 1 -l 1 -singlefile "$out/awards.pdf" testdata/docs/printed-awards
fi
ls "$out"/*.pdf "$out"/*.png
