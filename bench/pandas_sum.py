"""The analyst's way of doing kpi's import job: read every workbook with
pandas + openpyxl and sum the numeric cells (used by bench/run.sh)."""
import os
import sys

import pandas as pd

total, files = 0.0, 0
for root in sys.argv[1:]:
    paths = [root] if root.endswith(".xlsx") else [
        os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith(".xlsx")]
    for p in paths:
        for df in pd.read_excel(p, sheet_name=None, header=None, engine="openpyxl").values():
            total += pd.to_numeric(df.stack(), errors="coerce").sum()
        files += 1
print(files, total)
