#!/usr/bin/env python3
"""The report .docx of docx_bench.swift written with python-docx: the same texts in the same layout.

usage: docx_python.py OUT.docx report|table [ROWS]
  report  the state-layout heading, 15 paragraphs under 3 headings, a figures table of ROWS (80) x 4
  table   the same heading, one paragraph, a table of ROWS (5,000) x 4
The layout as CCHCOffice writes it: A4, Times New Roman, the borderless heading table (issuing body, national title,
rules under them, number and date), bold centred title, justified body with a first-line indent, a bordered table
with a bold header row repeated on each page, and the borderless signature table.
"""
import resource
import sys
import time

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, Twips

SENTENCES = [
    "Ủy ban nhân dân huyện đã ban hành Kế hoạch cải cách hành chính năm 2021 và triển khai đến các cơ quan, đơn vị, địa phương.",
    "Công tác kiểm soát thủ tục hành chính được thực hiện thường xuyên; 100% thủ tục được công khai đúng quy định.",
    "Tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,7%, tăng 1,2 điểm phần trăm so với cùng kỳ năm trước.",
    "Việc tiếp nhận, trả kết quả qua dịch vụ bưu chính công ích được đẩy mạnh ở tất cả các xã, thị trấn.",
    "Đội ngũ cán bộ, công chức cấp xã được bồi dưỡng kỹ năng ứng dụng công nghệ thông tin trong giải quyết công việc.",
    "Một số chỉ tiêu chưa đạt yêu cầu do điều kiện cơ sở vật chất của bộ phận một cửa cấp xã còn hạn chế.",
]
HEADER = ["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu"]
UNITS = ["hồ sơ", "%", "văn bản", "cuộc"]


def narrative(n):
    return " ".join(SENTENCES[(n + k) % len(SENTENCES)] for k in range(4))


def table_row(i):
    note = " <thủ tục & hồ sơ>" if i % 7 == 0 else ""
    value = (i * 7919) % 10007
    return [str(i), "Chỉ tiêu số %d: kết quả giải quyết thủ tục hành chính%s" % (i, note), UNITS[i % 4],
            "%d,%d" % (value // 10, value % 10)]


def text(paragraph, value, size, bold=False, italic=False, align=WD_ALIGN_PARAGRAPH.CENTER):
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    if value:
        run = paragraph.add_run(value)
        run.font.size = Pt(size)
        run.bold = bold or None
        run.italic = italic or None
    return paragraph


def rule(paragraph, indent_cm):
    """An empty paragraph drawing a short rule under it, as the state layout has under the bodies and the title."""
    fmt = paragraph.paragraph_format
    fmt.left_indent = fmt.right_indent = Cm(indent_cm)
    fmt.space_before = fmt.space_after = Pt(0)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def cell_lines(cell, lines):
    """Lines (text, size, bold, italic) as paragraphs of a cell."""
    first = True
    for value, size, bold, italic in lines:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        text(paragraph, value, size, bold, italic)
    return cell.paragraphs[-1]


def fixed(table, widths):
    """Column widths kept as given (the grid and a fixed layout), as CCHCOffice writes them."""
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = width


def body_paragraph(document, value, bold=False):
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt = paragraph.paragraph_format
    fmt.first_line_indent = Twips(720)
    fmt.space_after = Pt(6)
    fmt.line_spacing = 1.2
    fmt.keep_with_next = bold or None
    run = paragraph.add_run(value)
    run.bold = bold or None


def figures_table(document, title, rows):
    text(document.add_paragraph(), title, 14, bold=True).paragraph_format.keep_with_next = True
    table = document.add_table(rows=len(rows) + 1, cols=4)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths = [Twips(w) for w in (598, 5982, 1396, 1378)]
    fixed(table, widths)
    header_row = table.rows[0]
    header_row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for cell, value, width in zip(header_row.cells, HEADER, widths):
        cell.width = width
        text(cell.paragraphs[0], value, 13, bold=True)
    for row, values in zip(table.rows[1:], rows):
        for cell, value, width in zip(row.cells, values, widths):
            cell.width = width
            centred = value.replace(",", "").isdigit() or len(value) <= 4
            text(cell.paragraphs[0], value, 13, align=WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.LEFT)
    document.add_paragraph()


def main():
    out = sys.argv[1]
    kind = sys.argv[2] if len(sys.argv) > 2 else "report"
    rows = int(sys.argv[3]) if len(sys.argv) > 3 else (5000 if kind == "table" else 80)
    start = time.perf_counter()

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(14)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "Times New Roman")

    heading = document.add_table(rows=2, cols=2)
    fixed(heading, [Twips(3741), Twips(5613)])
    for row in heading.rows:
        row.cells[0].width, row.cells[1].width = Twips(3741), Twips(5613)
    left, right = heading.rows[0].cells
    cell_lines(left, [("ỦY BAN NHÂN DÂN", 13, True, False), ("HUYỆN THẠCH HÀ", 13, True, False)])
    rule(left.add_paragraph(), 1.1)
    cell_lines(right, [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, True, False), ("Độc lập - Tự do - Hạnh phúc", 14, True, False)])
    rule(right.add_paragraph(), 1.9)
    cell_lines(heading.rows[1].cells[0], [("Số: 12/BC-UBND", 13, False, False)])
    cell_lines(heading.rows[1].cells[1], [("Thạch Hà, ngày 05 tháng 01 năm 2021", 14, False, True)])

    title = text(document.add_paragraph(), "BÁO CÁO", 14, bold=True)
    title.paragraph_format.space_before = Pt(18)
    text(document.add_paragraph(), "Kết quả thực hiện công tác cải cách hành chính quý I năm 2021", 14, bold=True)
    rule(document.add_paragraph(), 5.5)

    if kind == "table":
        body_paragraph(document, "DANH SÁCH CHỈ TIÊU", bold=True)
        body_paragraph(document, narrative(0))
        figures_table(document, "Số liệu các đơn vị", [table_row(i) for i in range(1, rows + 1)])
    else:
        headings = ["I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ",
                    "III. ĐÁNH GIÁ CHUNG VÀ PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ TIẾP THEO"]
        for h, value in enumerate(headings):
            body_paragraph(document, value, bold=True)
            for p in range(5):
                body_paragraph(document, narrative(h * 5 + p))
            if h == 1:
                figures_table(document, "Số liệu cải cách hành chính quý I năm 2021", [table_row(i) for i in range(1, rows + 1)])

    signature = document.add_table(rows=1, cols=2)
    fixed(signature, [Twips(4209), Twips(5145)])
    recipients, signer = signature.rows[0].cells
    recipients.width, signer.width = Twips(4209), Twips(5145)
    cell_lines(recipients, [("Nơi nhận:", 12, True, True), ("- UBND tỉnh Hà Tĩnh (qua Sở Nội vụ);", 11, False, False),
                            ("- Thường trực Huyện ủy;", 11, False, False), ("- Lưu: VT, NV.", 11, False, False)])
    for paragraph in recipients.paragraphs:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    cell_lines(signer, [("TM. ỦY BAN NHÂN DÂN", 14, True, False), ("CHỦ TỊCH", 14, True, False)] + [("", 14, False, False)] * 4
               + [("Nguyễn Văn An", 14, True, False)])
    document.core_properties.title = "BÁO CÁO Kết quả thực hiện công tác cải cách hành chính quý I năm 2021"
    document.core_properties.author = "CCHC"
    document.save(out)

    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print("python-docx %s rows=%d seconds=%.3f VmHWM: %d kB" % (kind, rows, seconds, peak))


if __name__ == "__main__":
    main()
