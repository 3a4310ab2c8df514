import Foundation
import Testing
import ZIPFoundation
@testable import CCHCOffice

@Suite("XLSX: tệp lạ, tệp quá lớn")
struct XLSXReaderLimitsTests {
    static let sheetPath = "xl/worksheets/sheet1.xml"

    static func valid() throws -> Data {
        try XLSXWorkbook(sheets: [XLSXSheet(name: "Biểu thống kê", rows: [[.text("Mã"), .text("Số liệu")], [.text("1.1.1"), .integer(12)]])]).data()
    }

    /// The message the reader refused the file with (nil if it was read).
    static func refusal(_ data: Data) -> String? {
        do {
            _ = try XLSXReader.read(data)
            return nil
        } catch let error as XLSXError {
            return error.errorDescription
        } catch {
            return "\(error)"
        }
    }

    @Test func aCellBeyondTheLastRowOrColumnIsRefused() throws {
        let farRow = try Packages.editing(Self.sheetPath, in: Self.valid()) {
            $0.replacingOccurrences(of: "</sheetData>",
                                    with: "<row r=\"10000000\"><c r=\"A10000000\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData>")
        }
        #expect(Self.refusal(farRow) == XLSXReader.tooLargeMessage)
        #expect(XLSXReader.tooLargeMessage.contains("quá lớn"))

        let rows = Array(repeating: [XLSXCell.integer(1)], count: XLSXReader.maximumRows + 1)
        #expect(Self.refusal(try XLSXWorkbook(sheets: [XLSXSheet(name: "Dài", rows: rows)]).data())?.contains("quá lớn") == true)
        let columns = [Array(repeating: XLSXCell.integer(1), count: XLSXReader.maximumColumns + 1)]
        #expect(Self.refusal(try XLSXWorkbook(sheets: [XLSXSheet(name: "Rộng", rows: columns)]).data())?.contains("quá lớn") == true)
        // At the limit itself the sheet is read.
        let atLimit = Array(repeating: [XLSXCell.integer(1)], count: XLSXReader.maximumRows)
        #expect(try XLSXReader.read(XLSXWorkbook(sheets: [XLSXSheet(name: "Đủ", rows: atLimit)]).data())[0].maxRow == XLSXReader.maximumRows)
    }

    @Test func aDimensionBeyondTheLimitsIsRefusedBeforeTheRows() throws {
        let declared = try Packages.editing(Self.sheetPath, in: Self.valid()) {
            $0.replacingOccurrences(of: "<dimension ref=\"A1:B2\"/>", with: "<dimension ref=\"A1:B6000\"/>")
        }
        #expect(Self.refusal(declared)?.contains("quá lớn") == true)
        let unreadable = try Packages.editing(Self.sheetPath, in: Self.valid()) {
            $0.replacingOccurrences(of: "<dimension ref=\"A1:B2\"/>", with: "<dimension ref=\"A1:ZZZZZZZZ1\"/>")
        }
        #expect(Self.refusal(unreadable)?.contains("quá lớn") == true)
    }

    @Test func aPartThatInflatesBeyondTheLimitIsRefused() throws {
        let big = Data(count: Int(XLSXReader.maximumPartSize) + 1024)
        // Stated in the headers.
        let bomb = try Packages.replacing(Self.sheetPath, in: Self.valid(), with: big)
        #expect(bomb.count < 1_000_000)
        #expect(Self.refusal(bomb)?.contains("quá lớn") == true)
        // Hidden: the headers claim a small part, the stream is counted as it inflates.
        let lying = Packages.lyingAboutSize(of: Self.sheetPath, in: bomb, size: 1024)
        let stated = try Archive(data: lying, accessMode: .read, pathEncoding: nil).first { $0.path == Self.sheetPath }?.uncompressedSize
        #expect(stated == 1024)
        #expect(Self.refusal(lying)?.contains("quá lớn") == true)
    }

    @Test func partsTogetherBeyondTheTotalAreRefused() throws {
        // 9 MB of comments in each of four parts, each part well under its own limit, together over the total.
        let padding = String(repeating: "<!-- " + String(repeating: "x", count: 1024 * 1024) + " -->", count: 9)
        let namespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let sheets = ["A", "B", "C"].map { XLSXSheet(name: $0, rows: [[.text($0)]]) }
        var package = try XLSXWorkbook(sheets: sheets).data()
        package = try Packages.replacing("xl/sharedStrings.xml", in: package,
                                         with: Data("<sst xmlns=\"\(namespace)\"><si><t>a</t></si>\(padding)</sst>".utf8))
        for path in ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"] {
            package = try Packages.editing(path, in: package) { $0.replacingOccurrences(of: "</worksheet>", with: "\(padding)</worksheet>") }
        }
        #expect(Self.refusal(package) == XLSXReader.tooLargeMessage)
        // Without the third sheet the same parts are read.
        let twoSheets = try Packages.editing("xl/workbook.xml", in: package) {
            $0.replacingOccurrences(of: "<sheet name=\"C\" sheetId=\"3\" r:id=\"rId3\"/>", with: "")
        }
        #expect(try XLSXReader.read(twoSheets).map(\.name) == ["A", "B"])
    }

    @Test func aPartBeyondTenMegabytesButWithinItsLimitIsRead() throws {
        // libxml2 refuses more than 10 MB given in one piece: the parts are fed to it in chunks.
        let padding = String(repeating: "<!-- " + String(repeating: "x", count: 1024 * 1024) + " -->", count: 12)
        let package = try Packages.editing(Self.sheetPath, in: Self.valid()) {
            $0.replacingOccurrences(of: "</worksheet>", with: "\(padding)</worksheet>")
        }
        #expect(try XLSXReader.read(package)[0].cells == XLSXReader.read(Self.valid())[0].cells)
    }

    @Test func extraPartsAreNeverInflated() throws {
        let padding = Data(count: 40 * 1024 * 1024)
        let padded = try Packages.zip(Packages.entries(Self.valid()) + [("customXml/item1.xml", padding), ("customXml/item2.xml", padding)])
        let sheets = try XLSXReader.read(padded)
        #expect(sheets[0].cells["B2"] == "12")
    }

    @Test func whatIsNotAWorkbookIsRefusedPlainly() throws {
        #expect(Self.refusal(Data("<html>".utf8)) == XLSXReader.invalidMessage)
        #expect(Self.refusal(Data()) == XLSXReader.invalidMessage)
        #expect(Self.refusal(Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))?.contains(".xls") == true)
        // A zip without a workbook in it.
        #expect(Self.refusal(try Packages.zip([("readme.txt", Data("Xin chào".utf8))])) == XLSXReader.invalidMessage)
        // A workbook whose sheet is not XML.
        let broken = try Packages.replacing(Self.sheetPath, in: Self.valid(), with: Data("not xml".utf8))
        #expect(Self.refusal(broken) == XLSXReader.invalidMessage)
    }
}
