#!/usr/bin/env python3
"""The floor of `cchc bench run`'s national .xlsx: openpyxl in write-only mode writing the same cells.

Usage: harness_openpyxl.py CELLS.jsonl OUT.xlsx
CELLS is what `cchc bench export-xlsx --cells` dumps: a {"sheet": name} line before each sheet, then one JSON array a row
(null, a number, a string, {"b": bold text}, {"p": fraction shown as a percentage}). The rows are streamed from the
file, so only openpyxl's own memory counts. Prints one JSON line: {"ms": …, "peak_kb": …, "rows": …}.
"""
import json
import resource
import sys
import time

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font


def main(cells_path, out_path):
    start = time.perf_counter()
    wb = Workbook(write_only=True)
    bold = Font(bold=True)
    ws = None
    rows = 0
    with open(cells_path, encoding="utf-8") as f:
        for line in f:
            item = json.loads(line)
            if isinstance(item, dict):
                ws = wb.create_sheet(item["sheet"][:31])
                continue
            row = []
            for cell in item:
                if isinstance(cell, dict):
                    if "b" in cell:
                        c = WriteOnlyCell(ws, value=cell["b"])
                        c.font = bold
                    else:
                        c = WriteOnlyCell(ws, value=cell["p"])
                        c.number_format = "0.00%"
                    row.append(c)
                else:
                    row.append(cell)
            ws.append(row)
            rows += 1
    wb.save(out_path)
    ms = (time.perf_counter() - start) * 1000
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"ms": round(ms, 2), "peak_kb": peak, "rows": rows}))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: harness_openpyxl.py CELLS.jsonl OUT.xlsx")
    main(sys.argv[1], sys.argv[2])
