#!/usr/bin/env python3
"""Writes the .docx fixtures of Tests/CCHCOfficeTests/Fixtures with python-docx (pip install python-docx), so
DOCXReader is tested on files another program wrote: merged cells as python-docx (and Word) write them, several
paragraphs in a cell, line breaks and tabs, a table inside a cell, tracked deletions and field codes.

    python3 scripts/make_docx_fixtures.py

The files are committed; run this again only to change them (DOCXReaderTests states what each holds).
"""
import copy
import pathlib

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm

OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests" / "CCHCOfficeTests" / "Fixtures"


def fixed_core(document):
    """The same bytes each run: no dates or author from the machine."""
    props = document.core_properties
    props.author = "CCHC"
    props.last_modified_by = "CCHC"
    import datetime
    stamp = datetime.datetime(2021, 1, 1, 0, 0, 0)
    props.created = stamp
    props.modified = stamp
    props.revision = 1


def set_lines(cell, lines):
    """The cell's text as one paragraph per line (the first paragraph reused)."""
    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def tables_fixture():
    document = Document()
    fixed_core(document)
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width

    first = document.add_paragraph()
    first.add_run("Trước ").bold = True
    first.add_run("bảng")
    lines = document.add_paragraph()
    run = lines.add_run("Dòng một")
    run.add_break()
    run.add_text("Dòng hai")
    document.add_paragraph("Cột A\tCột B")

    table = document.add_table(rows=6, cols=4)
    table.style = "Table Grid"
    header = ["Nhiệm vụ chung", "Nhiệm vụ cụ thể", "Cơ quan chủ trì", "Thời gian"]
    for index, text in enumerate(header):
        table.cell(0, index).text = text
    # A row merged across the table.
    area = table.cell(1, 0).merge(table.cell(1, 3))
    area.text = "Cải cách thể chế"
    # A cell merged down three rows (python-docx writes vMerge="restart" and a bare vMerge).
    general = table.cell(2, 0).merge(table.cell(4, 0))
    general.text = "Chung A"
    table.cell(2, 1).text = "1. Việc một"
    set_lines(table.cell(2, 2), ["- Sở Tư pháp", "- Sở Nội vụ"])
    table.cell(2, 3).text = "Tháng 02/2021"
    table.cell(3, 1).text = "2. Việc hai"
    table.cell(3, 2).text = "Sở Tài chính"
    nested = table.cell(3, 3).add_table(rows=2, cols=1)
    table.cell(3, 3).paragraphs[0].text = "Hai mốc:"
    nested.cell(0, 0).text = "Quý 1/2021"
    nested.cell(1, 0).text = "Quý 3/2021"
    table.cell(4, 1).text = "3. Việc ba"
    last = table.cell(4, 2).merge(table.cell(4, 3))
    last.text = "Cả năm"
    # An empty last row.

    after = document.add_paragraph("Giữ lại")
    after._p.append(parse_xml(
        f'<w:del {nsdecls("w")} w:id="1" w:author="CCHC" w:date="2021-01-01T00:00:00Z">'
        '<w:r><w:delText> bỏ đi</w:delText></w:r></w:del>'))
    after._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>'))
    after._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'))
    after._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>'))
    after._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve"> 1</w:t></w:r>'))
    after._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>'))

    second = document.add_table(rows=1, cols=2)
    second.cell(0, 0).text = "x"
    second.cell(0, 1).text = "y"
    document.add_paragraph("Sau bảng")
    document.save(OUT / "python-docx-tables.docx")


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    tables_fixture()
    print("written:", sorted(p.name for p in OUT.glob("*.docx")))
