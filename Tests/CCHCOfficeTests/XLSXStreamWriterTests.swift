import Foundation
import Testing
@testable import CCHCOffice

@Suite("XLSX: ghi từng dòng ra tệp")
struct XLSXStreamWriterTests {
    static let rowCount = 20_000

    /// A folder of its own for each test, removed afterwards.
    static func withFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-stream-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    /// Row `i` (from 1) of the large sheet: a commune with diacritics, a count, a rate, an amount, a note with <&>.
    static func row(_ i: Int) -> [XLSXCell] {
        [.text("Xã Thạch Đài số \(i) — Hà Tĩnh"), .integer(i * 3), .percent(Double(i % 1000) / 10), .decimal(Double(i) / 8),
         .number(Double(i % 7)), i % 500 == 0 ? .text("Ghi chú <b> & \"trích\" 'dẫn' > \(i)") : .empty, .text("Đạt")]
    }

    @Test func twentyThousandRowsComeBackAsWritten() throws {
        try Self.withFolder { folder in
            let file = folder.appendingPathComponent("toan-quoc.xlsx")
            let work = folder.appendingPathComponent("work")
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            let writer = try XLSXStreamWriter(url: file, creator: "CCHC", temporaryDirectory: work)
            try writer.addSheet(name: "Đơn vị × chỉ tiêu", columnWidths: [30, 10, 10], frozenRows: 1, frozenColumns: 1)
            let header: [XLSXCell] = ["Đơn vị", "Số hồ sơ", "Tỷ lệ đúng hạn", "Kinh phí", "Số lần", "Ghi chú", "Kết quả"].map { .bold($0) }
            try writer.append(row: header)
            for i in 1...Self.rowCount {
                try writer.append(row: Self.row(i))
            }
            try writer.addSheet(name: "Ghi chú", hidden: true)
            try writer.append(row: [.text("Trang ẩn")])
            try writer.finish()

            // Nothing is left behind: no rows in the work folder, no partial file beside the target.
            #expect(try FileManager.default.contentsOfDirectory(atPath: work.path).isEmpty)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["toan-quoc.xlsx", "work"])

            let data = try Data(contentsOf: file)
            let sheets = try XLSXReader.read(data, maximumRows: Self.rowCount + 10)
            #expect(sheets.map(\.name) == ["Đơn vị × chỉ tiêu", "Ghi chú"])
            let cells = sheets[0].cells
            #expect(sheets[0].maxRow == Self.rowCount + 1)
            #expect(cells["A1"] == "Đơn vị" && cells["C1"] == "Tỷ lệ đúng hạn" && cells["G1"] == "Kết quả")
            var mismatches: [String] = []
            for i in 1...Self.rowCount {
                let r = i + 1
                if cells["A\(r)"] != "Xã Thạch Đài số \(i) — Hà Tĩnh" { mismatches.append("A\(r)") }
                if cells["B\(r)"] != String(i * 3) { mismatches.append("B\(r)") }
                let rate = (i % 1000 == 0) ? nil : Double(i % 1000) / 1000
                if let rate {
                    if abs((Double(cells["C\(r)"] ?? "") ?? -1) - rate) > 1e-12 { mismatches.append("C\(r)") }
                } else if cells["C\(r)"] != "0" {
                    mismatches.append("C\(r)")
                }
                if Double(cells["D\(r)"] ?? "") != Double(i) / 8 { mismatches.append("D\(r)") }
                if cells["E\(r)"] != String(i % 7) { mismatches.append("E\(r)") }
                let note = i % 500 == 0 ? "Ghi chú <b> & \"trích\" 'dẫn' > \(i)" : nil
                if cells["F\(r)"] != note { mismatches.append("F\(r)") }
                if cells["G\(r)"] != "Đạt" { mismatches.append("G\(r)") }
            }
            #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
            #expect(sheets[1].cells == ["A1": "Trang ẩn"])

            // Styles: the header bold, rates as percentages, amounts with two decimals; repeated texts shared once.
            let xml = try #require(try Packages.text(of: "xl/worksheets/sheet1.xml", in: data))
            #expect(xml.contains("<dimension ref=\"A1:G\(Self.rowCount + 1)\"/>"))
            #expect(xml.contains("<pane xSplit=\"1\" ySplit=\"1\" topLeftCell=\"B2\" activePane=\"bottomRight\" state=\"frozen\"/>"))
            #expect(xml.contains("<col min=\"1\" max=\"1\" width=\"30\" customWidth=\"1\"/>"))
            #expect(xml.components(separatedBy: " s=\"1\" ").count - 1 == 7)
            #expect(xml.contains("<c r=\"C2\" s=\"4\"><v>0.001</v></c>") && xml.contains("<c r=\"D2\" s=\"3\"><v>0.125</v></c>"))
            #expect(xml.contains("<c r=\"B2\" s=\"2\"><v>3</v></c>"))
            #expect(xml.contains("&lt;b&gt; &amp; &quot;trích&quot; &apos;dẫn&apos; &gt; 500") == false, "notes are shared, not inline")
            let strings = try #require(try Packages.text(of: "xl/sharedStrings.xml", in: data))
            #expect(strings.contains("Ghi chú &lt;b&gt; &amp; &quot;trích&quot; &apos;dẫn&apos; &gt; 500"))
            #expect(strings.components(separatedBy: "<t xml:space=\"preserve\">Đạt</t>").count - 1 == 1)
            let workbook = try #require(try Packages.text(of: "xl/workbook.xml", in: data))
            #expect(workbook.contains("<sheet name=\"Ghi chú\" sheetId=\"2\" state=\"hidden\" r:id=\"rId2\"/>"))
        }
    }

    @Test func pastTheSharedTableTextsAreWrittenInline() throws {
        try Self.withFolder { folder in
            let file = folder.appendingPathComponent("inline.xlsx")
            let writer = try XLSXStreamWriter(url: file, creator: "CCHC", temporaryDirectory: nil,
                                              sharedStrings: XLSXSharedStrings(maximumCount: 2, maximumBytes: 1_000))
            try writer.addSheet(name: "Biểu")
            let texts = ["Đạt", "Không đạt", "Tỉnh <Hà Tĩnh> & \"Nghệ An\"", "Ghi chú\r\nhai dòng", "Đạt", String(repeating: "ữ", count: 40_000)]
            for text in texts {
                try writer.append(row: [.bold(text), .text(text)])
            }
            try writer.finish()
            let data = try Data(contentsOf: file)
            let sheet = try XLSXReader.read(data)[0]
            #expect(sheet.cells["A1"] == "Đạt" && sheet.cells["B5"] == "Đạt" && sheet.cells["A2"] == "Không đạt")
            #expect(sheet.cells["B3"] == "Tỉnh <Hà Tĩnh> & \"Nghệ An\"")
            #expect(sheet.cells["A4"] == "Ghi chú\nhai dòng")
            // Excel's limit on a cell's text.
            #expect(sheet.cells["B6"]?.utf16.count == XLSXWriting.maximumCellText)

            let strings = try #require(try Packages.text(of: "xl/sharedStrings.xml", in: data))
            #expect(strings.contains("uniqueCount=\"2\""))
            let xml = try #require(try Packages.text(of: "xl/worksheets/sheet1.xml", in: data))
            let inline = "<is><t xml:space=\"preserve\">Tỉnh &lt;Hà Tĩnh&gt; &amp; &quot;Nghệ An&quot;</t></is>"
            #expect(xml.contains("<c r=\"A3\" s=\"1\" t=\"inlineStr\">\(inline)</c>"))
            #expect(xml.contains("<c r=\"B5\" s=\"0\" t=\"s\"><v>0</v></c>"))
        }
    }

    @Test func misuseAndExcelLimitsEndInAClearMessage() throws {
        try Self.withFolder { folder in
            let file = folder.appendingPathComponent("loi.xlsx")
            let writer = try XLSXStreamWriter(url: file)
            #expect(throws: XLSXStreamError.noSheet) { try writer.append(row: [.integer(1)]) }
            try writer.addSheet(name: "Rộng")
            let wide = Array(repeating: XLSXCell.integer(1), count: XLSXSheetStream.maximumColumns + 1)
            #expect(throws: XLSXStreamError.tooManyColumns(sheet: "Rộng")) { try writer.append(row: wide) }
            try writer.append(row: Array(repeating: XLSXCell.integer(1), count: XLSXSheetStream.maximumColumns))
            try writer.finish()
            #expect(throws: XLSXStreamError.finished) { try writer.finish() }
            #expect(throws: XLSXStreamError.finished) { try writer.addSheet(name: "Thêm") }
            let xml = try #require(try Packages.text(of: "xl/worksheets/sheet1.xml", in: Data(contentsOf: file)))
            #expect(xml.contains("<dimension ref=\"A1:XFD1\"/>"))

            for error in [XLSXStreamError.noSheet, .finished, .tooManyRows(sheet: "Biểu"), .tooManyColumns(sheet: "Biểu"), .cannotWrite("x")] {
                let message = try #require(error.errorDescription)
                #expect(message.hasSuffix(".") && !message.contains("Error"))
            }
            #expect(XLSXStreamError.tooManyRows(sheet: "Biểu").errorDescription?.contains("1.048.576") == true)

            // A folder that does not exist: a clear error, no crash.
            let nowhere = folder.appendingPathComponent("khong-co/tep.xlsx")
            let lost = try XLSXStreamWriter(url: nowhere)
            try lost.addSheet(name: "Biểu")
            try lost.append(row: [.text("a")])
            #expect(throws: XLSXStreamError.self) { try lost.finish() }
            #expect(!FileManager.default.fileExists(atPath: nowhere.path))
        }
    }

    @Test func anExistingFileIsReplacedAndAnEmptyWorkbookHasOneSheet() throws {
        try Self.withFolder { folder in
            let file = folder.appendingPathComponent("cu.xlsx")
            try Data("không phải bảng tính".utf8).write(to: file)
            try XLSXStreamWriter(url: file).finish()
            #expect(try XLSXReader.read(Data(contentsOf: file)).map(\.name) == ["Sheet1"])

            try XLSXWorkbook(sheets: [XLSXSheet(name: "Biểu", rows: [[.integer(7)]])]).write(to: file)
            #expect(try XLSXReader.read(Data(contentsOf: file))[0].cells == ["A1": "7"])
        }
    }

    @Test func numbersAreWrittenAsTheCLibraryFormatsThem() {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0.913, -0.5, 1e-7, 1.5e20, -123456789.125, 0.1 + 0.2, 1e15, 999_999_999_999_999, -0.0, 2.5e-300]
        values += [1e-5, 1.25e-5, 0.0001, 123456789012345.6, 12345678901234.5, 1e14 + 0.5, .leastNonzeroMagnitude, 2.2250738585072014e-308, 1e300 / 3]
        for _ in 0..<5_000 {
            values.append(Double(bitPattern: generator.next()))
            values.append(Double.random(in: -1e6...1e6, using: &generator))
            // Figures as people type them: few digits, from tiny to huge.
            let digits = Double(Int.random(in: -999_999_999...999_999_999, using: &generator))
            values.append(digits / pow(10, Double(Int.random(in: -12...20, using: &generator))))
            values.append(digits / 8)
            values.append(Double(Int.random(in: 0...10_000, using: &generator)) / 100 / 100)
        }
        var short = 0
        for value in values where value.isFinite {
            let expected = XLSXWriting.isIntegral(value) ? String(Int64(value)) : String(format: "%.15g", value)
            #expect(XLSXWriting.numberText(value) == expected, "\(value)")
            var bytes: [UInt8] = []
            if !XLSXWriting.isIntegral(value) && XLSXWriting.appendShortest(value, to: &bytes) {
                short += 1
                #expect(String(decoding: bytes, as: UTF8.self) == expected, "\(value)")
            }
        }
        // Both ways were taken: the short form for most typed figures, the C library for the rest.
        #expect(short > 10_000 && short < values.count - 5_000)
        for value in [0, 7, -7, 10, 99, 100, Int.max, Int.min, 1_048_576] {
            var bytes: [UInt8] = []
            bytes.appendDecimal(value)
            #expect(String(decoding: bytes, as: UTF8.self) == String(value))
        }
    }
}
