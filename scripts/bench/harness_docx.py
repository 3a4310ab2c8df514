#!/usr/bin/env python3
"""The floor of `cchc bench run`'s report .docx: python-docx writing the same paragraphs and tables.

Usage: harness_docx.py SOURCE.docx OUT.docx [RUNS]
SOURCE is the report the app wrote; its paragraphs and tables, in document order, are read first (not timed), then a
new document with the same text is written and saved RUNS times (default 5). Prints one JSON line: {"ms": median, …}.
"""
import json
import statistics
import sys
import time

from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph


def read(path):
    source = Document(path)
    blocks = []
    for child in source.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            blocks.append(("p", Paragraph(child, source).text))
        elif tag == "tbl":
            table = Table(child, source)
            blocks.append(("t", [[cell.text for cell in row.cells] for row in table.rows]))
    return blocks


def write(blocks, out_path):
    doc = Document()
    for kind, content in blocks:
        if kind == "p":
            doc.add_paragraph(content)
            continue
        columns = max((len(r) for r in content), default=0)
        table = doc.add_table(rows=len(content), cols=columns)
        for row, values in zip(table.rows, content):
            for cell, value in zip(row.cells, values):
                cell.text = value
    doc.save(out_path)


def main(source, out_path, runs):
    blocks = read(source)
    write(blocks, out_path)  # warm-up, as the app's side has one
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        write(blocks, out_path)
        times.append((time.perf_counter() - start) * 1000)
    cells = sum(len(r) for kind, c in blocks if kind == "t" for r in c)
    paragraphs = sum(1 for kind, _ in blocks if kind == "p")
    print(json.dumps({"ms": round(statistics.median(times), 2), "runs": runs, "paragraphs": paragraphs, "cells": cells}))


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: harness_docx.py SOURCE.docx OUT.docx [RUNS]")
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) == 4 else 5)
