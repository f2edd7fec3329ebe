#!/usr/bin/env bash
# Regenerates the LibreOffice-saved .xlsx fixtures from make_fods.py.
# Needs python3 and Debian's libreoffice-calc; not run in CI.
set -euo pipefail
cd "$(dirname "$0")"
python3 make_fods.py
for f in *.fods; do
  soffice --headless --calc --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir . "$f" >/dev/null
done
rm -f *.fods
ls -l *.xlsx
