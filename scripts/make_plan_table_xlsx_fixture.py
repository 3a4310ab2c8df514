#!/usr/bin/env python3
"""Writes Tests/CCHCAppTests/Fixtures/plan-table-openpyxl.xlsx with openpyxl (pip install openpyxl): a plan's task
table as a district office keeps it in Excel — a title above the table, headers in another locality's words and order
(STT, Nội dung nhiệm vụ, Kết quả/sản phẩm, Đơn vị chủ trì …, Ghi chú), each reform area a row merged across under a
Roman numeral, the general task merged down its tasks, cells of several lines (Alt+Enter), and one row without a task.
PlanFilesTests states what the importer must read from it.

    python3 scripts/make_plan_table_xlsx_fixture.py
"""
import pathlib

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests" / "CCHCAppTests" / "Fixtures" / "plan-table-openpyxl.xlsx"

ROWS = [
    ["KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2021 CỦA UBND HUYỆN THẠCH HÀ"],
    [],
    ["STT", "Nhiệm vụ chung", "Nội dung nhiệm vụ", "Kết quả/sản phẩm", "Đơn vị chủ trì", "Đơn vị phối hợp",
     "Thời gian hoàn thành", "Ghi chú"],
    ["I", "CẢI CÁCH THỂ CHẾ"],
    [1, "Rà soát văn bản", "Rà soát văn bản quy phạm pháp luật do HĐND, UBND huyện ban hành",
     "- Kế hoạch\n- Báo cáo kết quả", "Phòng Tư pháp", "Các phòng, ban; UBND các xã, thị trấn", "Quý 2/2021", ""],
    [2, None, "Tự kiểm tra văn bản quy phạm pháp luật", "Báo cáo", "Phòng Tư pháp", "UBND các xã, thị trấn",
     "Trước ngày 15/12/2021", "mới"],
    ["II", "CẢI CÁCH TÀI CHÍNH CÔNG"],
    [1, "Tự chủ tài chính", "", "Báo cáo", "Phòng Tài chính - Kế hoạch", "", "Trong năm 2021"],
    [2, None, "Thực hiện cơ chế tự chủ tại các đơn vị sự nghiệp công lập", "Báo cáo",
     "- Phòng Tài chính - Kế hoạch;\n- Phòng Nội vụ", "Các đơn vị sự nghiệp công lập", "Thường xuyên", ""],
]


def main():
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Phụ lục"
    for row in ROWS:
        sheet.append(row)
    sheet.merge_cells("A1:H1")
    sheet.merge_cells("B4:H4")
    sheet.merge_cells("B5:B6")
    sheet.merge_cells("B7:H7")
    sheet.merge_cells("B8:B9")
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for cell in sheet[3] + sheet[4] + sheet[7]:
        cell.font = Font(bold=True)
    for column, width in zip("ABCDEFGH", [6, 18, 40, 22, 22, 26, 18, 10]):
        sheet.column_dimensions[column].width = width
    workbook.properties.creator = "Phòng Nội vụ huyện Thạch Hà"
    workbook.save(OUT)
    print("written:", OUT)


if __name__ == "__main__":
    main()
