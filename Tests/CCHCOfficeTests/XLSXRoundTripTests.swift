import Foundation
import Testing
@testable import CCHCOffice

@Suite("XLSX: ghi rồi đọc lại")
struct XLSXRoundTripTests {
    static let form = XLSXSheet(
        name: "Biểu thống kê",
        rows: [
            [.bold("Biểu số liệu CCHC — Quý I năm 2021 — Xã Thạch Đài")],
            [.text("CCHC-TK-2021"), .empty, .text("Đơn vị tính")],
            [.text("1.1.1"), .text("Số văn bản chỉ đạo, điều hành về CCHC"), .text("Văn bản"), .integer(12)],
            [.text("3.4.1"), .text("Tỷ lệ hồ sơ giải quyết đúng hạn"), .text("%"), .percent(91.3), .whole(140), .whole(153)],
            [.text("4.1"), .text("Kinh phí"), .text("Triệu đồng"), .number(3.5), .number(4), .decimal(2.25), .whole(7.5)],
            [.text("5"), .text("Ghi chú\r\nhai dòng"), .text("=SUM(A1)"), .number(.nan), .text("")],
        ],
        columnWidths: [10, 70, 14],
        frozenRows: 2,
        frozenColumns: 1
    )

    @Test func cellsComeBackAsTheUserSeesThem() throws {
        let units = XLSXSheet(name: "Đơn vị × chỉ tiêu", rows: [[.bold("Đơn vị")], [.text("Xã Thạch Đài")]])
        let data = try XLSXWorkbook(sheets: [Self.form, units]).data()
        let sheets = try XLSXReader.read(data)
        #expect(sheets.map(\.name) == ["Biểu thống kê", "Đơn vị × chỉ tiêu"])

        let cells = sheets[0].cells
        #expect(cells["A1"] == "Biểu số liệu CCHC — Quý I năm 2021 — Xã Thạch Đài")
        #expect(cells["B2"] == nil)
        #expect(cells["C2"] == "Đơn vị tính")
        #expect(cells["B3"] == "Số văn bản chỉ đạo, điều hành về CCHC")
        #expect(cells["D3"] == "12")
        // A percentage is stored as a fraction; counts as whole numbers.
        #expect(cells["D4"] == "0.913")
        #expect(cells["E4"] == "140" && cells["F4"] == "153")
        #expect(cells["D5"] == "3.5" && cells["E5"] == "4" && cells["F5"] == "2.25" && cells["G5"] == "7.5")
        // Line breaks are kept as "\n"; formula-like text stays text; nothing is written for NaN or empty text.
        #expect(cells["B6"] == "Ghi chú\nhai dòng")
        #expect(cells["C6"] == "=SUM(A1)")
        #expect(cells["D6"] == nil && cells["E6"] == nil)
        #expect(sheets[0].maxRow == 6)

        #expect(sheets[1].cells == ["A1": "Đơn vị", "A2": "Xã Thạch Đài"])
        #expect(sheets[1].maxRow == 2)
    }

    @Test func thePackageHoldsNoFormulaAndFreezesTheHeader() throws {
        let data = try XLSXWorkbook(sheets: [Self.form]).data()
        let sheet = try #require(try Packages.text(of: "xl/worksheets/sheet1.xml", in: data))
        #expect(!sheet.contains("<f>"))
        #expect(sheet.contains("<dimension ref=\"A1:G6\"/>"))
        #expect(sheet.contains("<pane xSplit=\"1\" ySplit=\"2\" topLeftCell=\"B3\" activePane=\"bottomRight\" state=\"frozen\"/>"))
        #expect(sheet.contains("<col min=\"1\" max=\"1\" width=\"10\" customWidth=\"1\"/>"))
        let styles = try #require(try Packages.text(of: "xl/styles.xml", in: data))
        #expect(styles.contains("Times New Roman"))
        let paths = try Packages.entries(data).map(\.path)
        #expect(paths.first == "[Content_Types].xml")
        #expect(paths.contains("xl/sharedStrings.xml") && paths.contains("docProps/core.xml"))
    }

    @Test func sheetNamesAreMadeAcceptableToExcelAndUnique() throws {
        let sheets = [
            XLSXSheet(name: "Biểu [1]: tổng/hợp*", rows: [[.text("a")]]),
            XLSXSheet(name: "BIỂU [1]: TỔNG/HỢP*", rows: [[.text("b")]]),
            XLSXSheet(name: "History", rows: []),
            XLSXSheet(name: String(repeating: "Tên rất dài ", count: 5), rows: []),
        ]
        let names = try XLSXReader.read(XLSXWorkbook(sheets: sheets).data()).map(\.name)
        #expect(names[0] == "Biểu  1   tổng hợp")
        #expect(names[1] == "BIỂU  1   TỔNG HỢP (2)")
        #expect(names[2] == "Sheet3")
        #expect(names[3].count <= 31)
        #expect(try XLSXReader.read(XLSXWorkbook(sheets: []).data()).map(\.name) == ["Sheet1"])
    }

    @Test func anEmptySheetReadsAsEmpty() throws {
        let sheets = try XLSXReader.read(XLSXWorkbook(sheets: [XLSXSheet(name: "Trống", rows: [[.empty], []])]).data())
        #expect(sheets.count == 1)
        #expect(sheets[0].cells.isEmpty && sheets[0].maxRow == 0)
    }
}
