#!/usr/bin/env python3
"""The national units x indicators sheet written by openpyxl in write-only mode, the same cells as xlsx_bench.swift.

usage: xlsx_openpyxl.py OUT.xlsx [ROWS] [INDICATORS] [--plain]
--plain: numbers without number formats (openpyxl's fastest path; the Swift writer always formats).
"""
import resource
import sys
import time

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    plain = "--plain" in sys.argv
    out = args[0]
    rows = int(args[1]) if len(args) > 1 else 10_600
    indicators = int(args[2]) if len(args) > 2 else 80
    start = time.perf_counter()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Đơn vị × chỉ tiêu")
    ws.column_dimensions["A"].width = 30
    ws.freeze_panes = "B2"
    bold = Font(name="Times New Roman", size=12, bold=True)
    header = []
    for text in ["Đơn vị"] + ["CT%02d" % j for j in range(1, indicators + 1)]:
        cell = WriteOnlyCell(ws, value=text)
        cell.font = bold
        header.append(cell)
    ws.append(header)
    formats = {0: "0.00%", 1: "#,##0.00"}
    for i in range(1, rows + 1):
        line = ["Xã số %05d — huyện %d" % (i, i % 705)]
        for j in range(1, indicators + 1):
            v = (i * 7919 + j * 104729) % 10007
            kind = j % 5
            value = v / 10000 if kind == 0 else v / 8 if kind == 1 else v
            if plain:
                line.append(value)
            else:
                cell = WriteOnlyCell(ws, value=value)
                cell.number_format = formats.get(kind, "#,##0")
                line.append(cell)
        ws.append(line)
    wb.save(out)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print("openpyxl%s rows=%d cells=%d seconds=%.3f VmHWM: %d kB" % ("-plain" if plain else "", rows, rows * (indicators + 1), seconds, peak))


if __name__ == "__main__":
    main()
