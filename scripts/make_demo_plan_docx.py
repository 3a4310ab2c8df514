#!/usr/bin/env python3
"""Makes the demo's Word file of Sóc Trăng's 2021 CCHC plan (Kế hoạch 142/KH-UBND, 24/12/2020 — seed 004) from its
transcription, Sources/CCHCApp/Resources/Demo/soc-trang-2021-plan.json, laid out as an office clerk lays out the
document (python-docx: pip install python-docx):

- the plan's heading (issuing body, number, place and date), "KẾ HOẠCH" and its summary, the signer, on a portrait page;
- the appendix "PHÂN CÔNG CỤ THỂ CÁC NHIỆM VỤ…" on landscape pages: a bordered table whose header repeats on each page,
  with the columns of seed 004 (Nhiệm vụ chung | Nhiệm vụ cụ thể | Sản phẩm | Cơ quan chủ trì | Cơ quan phối hợp |
  Thời gian thực hiện); as seed 004 does, the reform area stands in «Nhiệm vụ chung», merged down over the area's tasks;
  a cell of several lines ("- Kế hoạch của UBND tỉnh" / "- Báo cáo kết quả thực hiện") has one paragraph per line;
  leads and coordinators are written as the seed writes them — groups on one line separated by ";", named departments
  one per line as "- Sở Y tế;" / "- Sở Giáo dục và Đào tạo".

With --area-rows PATH it also writes the other layout clerks use, for the tests: each area as a row merged across the
table, and «Nhiệm vụ chung» (the general task, empty in seed 004) merged down over the area's tasks.

    python3 scripts/make_demo_plan_docx.py [--area-rows Tests/CCHCAppTests/Fixtures/soc-trang-2021-plan-area-rows.docx]

The .docx files are committed; the demo loads its plan from the first through the importer (PlanFiles), and
PlanFilesTests checks that both give back the JSON's tasks row for row.
"""
import argparse
import datetime
import json
import pathlib

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT, WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEMO = ROOT / "Sources" / "CCHCApp" / "Resources" / "Demo"
HEADER = ["Nhiệm vụ chung", "Nhiệm vụ cụ thể", "Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]
WIDTHS_CM = [3.2, 7.0, 4.6, 3.4, 4.6, 3.0]


def set_font(document):
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "Times New Roman")
    style.paragraph_format.space_after = Pt(0)


def fixed_core(document):
    props = document.core_properties
    props.author = "Văn phòng UBND tỉnh Sóc Trăng"
    props.last_modified_by = props.author
    stamp = datetime.datetime(2020, 12, 24, 8, 0, 0)
    props.created = stamp
    props.modified = stamp
    props.revision = 1
    props.title = "Kế hoạch thực hiện cải cách hành chính năm 2021"


def paragraph(container, text, bold=False, italic=False, align=WD_ALIGN_PARAGRAPH.CENTER, size=None):
    p = container.add_paragraph()
    p.alignment = align
    run = p.add_run(text)
    run.bold = bold
    run.italic = italic
    if size:
        run.font.size = Pt(size)
    return p


def write_lines(cell, lines, bold=False, align=WD_ALIGN_PARAGRAPH.LEFT):
    """The cell's text, one paragraph per line (the cell's first, empty paragraph reused)."""
    lines = lines or [""]
    first = cell.paragraphs[0]
    for index, line in enumerate(lines):
        p = first if index == 0 else cell.add_paragraph()
        p.alignment = align
        run = p.add_run(line)
        run.bold = bold
        run.font.size = Pt(12)


def entry_lines(entries):
    """Leads or coordinators as seed 004 writes them: named departments one per line, groups on one line with ';'."""
    if len(entries) > 1 and all(entry.startswith("Sở ") for entry in entries):
        return [f"- {entry};" for entry in entries[:-1]] + [f"- {entries[-1]}"]
    return ["; ".join(entries)] if entries else []


def no_borders(table):
    borders = OxmlElement("w:tblBorders")
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"]:
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def repeat_header(row):
    tr_pr = row._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    tr_pr.append(element)


def heading(document, plan):
    unit = plan["unit"]
    place = unit.replace("Tỉnh ", "", 1)
    number = plan["document"]["number"]
    year, month, day = (int(part) for part in plan["document"]["date"].split("-"))
    table = document.add_table(rows=2, cols=2)
    no_borders(table)
    table.autofit = False
    for row in table.rows:
        row.cells[0].width, row.cells[1].width = Cm(6.0), Cm(10.5)
    left, right = table.cell(0, 0), table.cell(0, 1)
    write_lines(left, ["ỦY BAN NHÂN DÂN", unit.upper(), "-------"], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    write_lines(right, ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "---------------"], bold=True,
                align=WD_ALIGN_PARAGRAPH.CENTER)
    write_lines(table.cell(1, 0), [f"Số: {number}"], align=WD_ALIGN_PARAGRAPH.CENTER)
    month_text = f"{month:02d}" if month <= 2 else str(month)
    write_lines(table.cell(1, 1), [f"{place}, ngày {day:02d} tháng {month_text} năm {year}"], align=WD_ALIGN_PARAGRAPH.CENTER)
    table.cell(1, 1).paragraphs[0].runs[0].italic = True

    paragraph(document, "")
    paragraph(document, "KẾ HOẠCH", bold=True)
    paragraph(document, f"Thực hiện cải cách hành chính năm {plan['year']}", bold=True)
    paragraph(document, "")
    body = paragraph(document, "Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện cải cách hành chính năm "
                               f"{plan['year']}; phân công cụ thể các nhiệm vụ và triển khai thực hiện cải cách hành chính "
                               f"năm {plan['year']} theo phụ lục đính kèm.", align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    body.paragraph_format.first_line_indent = Cm(1.27)

    signature = document.add_table(rows=1, cols=2)
    no_borders(signature)
    write_lines(signature.cell(0, 0), ["Nơi nhận:", "- Bộ Nội vụ;", "- Các sở, ban ngành tỉnh;",
                                       "- UBND các huyện, thị xã, thành phố;", "- Lưu: TH, VT."])
    signature.cell(0, 0).paragraphs[0].runs[0].bold = True
    write_lines(signature.cell(0, 1), ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "", plan["document"]["signer"]], bold=True,
                align=WD_ALIGN_PARAGRAPH.CENTER)


def appendix(document, plan, area_rows):
    section = document.add_section()
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ["left_margin", "right_margin", "top_margin", "bottom_margin"]:
        setattr(section, side, Cm(1.5))
    number = plan["document"]["number"]
    year, month, day = (int(part) for part in plan["document"]["date"].split("-"))
    paragraph(document, "PHỤ LỤC", bold=True)
    paragraph(document, "PHÂN CÔNG CỤ THỂ CÁC NHIỆM VỤ VÀ TRIỂN KHAI THỰC HIỆN CẢI CÁCH HÀNH CHÍNH NĂM "
                        f"{plan['year']}", bold=True)
    place = plan["unit"].replace("Tỉnh ", "tỉnh ", 1)
    paragraph(document, f"(Ban hành kèm theo Kế hoạch số {number} ngày {day:02d}/{month:02d}/{year} của Ủy ban nhân dân "
                        f"{place})", italic=True)

    table = document.add_table(rows=1, cols=len(HEADER))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for index, text in enumerate(HEADER):
        cell = table.cell(0, index)
        write_lines(cell, [text], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    repeat_header(table.rows[0])

    # Runs of consecutive tasks of one area.
    groups = []
    for task in plan["tasks"]:
        if groups and groups[-1][0] == task["area"]:
            groups[-1][1].append(task)
        else:
            groups.append((task["area"], [task]))

    for area, tasks in groups:
        if area_rows:
            row = table.add_row()
            merged = row.cells[0].merge(row.cells[-1])
            write_lines(merged, [area], bold=True)
        first = len(table.rows)
        for task in tasks:
            cells = table.add_row().cells
            write_lines(cells[1], task["detail"].split("\n"))
            write_lines(cells[2], task["product"].split("\n") if task["product"] else [])
            write_lines(cells[3], entry_lines(task["lead"]))
            write_lines(cells[4], entry_lines(task["coordinators"]))
            write_lines(cells[5], task["timeFrame"].split("\n") if task["timeFrame"] else [])
        last = len(table.rows) - 1
        # The first column merged down over the area's tasks: the area itself (seed 004), or the general task.
        column = table.cell(first, 0).merge(table.cell(last, 0)) if last > first else table.cell(first, 0)
        text = tasks[0]["task"] if area_rows else area
        write_lines(column, [text] if text else [], bold=not area_rows)
        column.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER

    # Each cell as wide as the grid columns it covers (a merged-across row is one cell of them all).
    for index, column in enumerate(table.columns):
        column.width = Cm(WIDTHS_CM[index])
    for tr in table._tbl.tr_lst:
        start = 0
        for tc in tr.tc_lst:
            tc.width = Cm(sum(WIDTHS_CM[start:start + tc.grid_span]))
            start += tc.grid_span


def make(plan, path, area_rows=False):
    document = Document()
    set_font(document)
    fixed_core(document)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3.0), Cm(1.5)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    heading(document, plan)
    appendix(document, plan, area_rows)
    document.save(path)
    print("written:", path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--area-rows", type=pathlib.Path, help="also write the layout with area rows merged across")
    args = parser.parse_args()
    plan = json.loads((DEMO / "soc-trang-2021-plan.json").read_text(encoding="utf-8"))
    make(plan, DEMO / "soc-trang-2021-plan.docx")
    if args.area_rows:
        make(plan, args.area_rows, area_rows=True)


if __name__ == "__main__":
    main()
