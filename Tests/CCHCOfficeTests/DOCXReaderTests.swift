import Foundation
import Testing
import ZIPFoundation
@testable import CCHCOffice

@Suite("DOCX: đọc đoạn văn và bảng")
struct DOCXReaderTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    /// A package holding only a document part with the given body XML (prefix `w`).
    static func document(body: String, prefix: String = "w") throws -> Data {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><\(prefix):document xmlns:\(prefix)=\"\(w)\"><\(prefix):body>\(body)"
            + "</\(prefix):body></\(prefix):document>"
        let rels = "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
            + " Target=\"word/document.xml\"/></Relationships>"
        return try Packages.zip([("_rels/.rels", Data(rels.utf8)), ("word/document.xml", Data(xml.utf8))])
    }

    static func p(_ text: String) -> String { "<w:p><w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>" }

    /// The message the reader refused the file with (nil if it was read).
    static func refusal(_ data: Data) -> String? {
        do {
            _ = try DOCXReader.read(data)
            return nil
        } catch let error as DOCXError {
            return error.errorDescription
        } catch {
            return "\(error)"
        }
    }

    @Test func aFileWrittenByPythonDocxIsReadInOrderWithItsMergesAndLines() throws {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("python-docx-tables.docx"))
        let blocks = try DOCXReader.read(data)
        #expect(blocks.count == 7)
        #expect(blocks[0] == .paragraph("Trước bảng"))
        #expect(blocks[1] == .paragraph("Dòng một\nDòng hai"))
        #expect(blocks[2] == .paragraph("Cột A\tCột B"))
        // Deleted text and the field code are not the document's; the field's result is.
        #expect(blocks[4] == .paragraph("Giữ lại 1"))
        #expect(blocks[6] == .paragraph("Sau bảng"))

        guard case .table(let table) = blocks[3] else { Issue.record("no table"); return }
        #expect(table.columnCount == 4)
        #expect(table.rows.count == 6)
        #expect(table.rows[0].cells.map(\.text) == ["Nhiệm vụ chung", "Nhiệm vụ cụ thể", "Cơ quan chủ trì", "Thời gian"])
        #expect(table.rows[0].cells.map(\.column) == [0, 1, 2, 3])
        // A row merged across: one cell spanning the four columns.
        #expect(table.rows[1].cells == [DOCXReader.Cell(column: 0, span: 4, paragraphs: ["Cải cách thể chế"])])
        // Merged down: restart, then two continuations with nothing of their own.
        #expect(table.rows[2].cells[0] == DOCXReader.Cell(column: 0, verticalMerge: .restart, paragraphs: ["Chung A"]))
        #expect(table.rows[3].cells[0] == DOCXReader.Cell(column: 0, verticalMerge: .continuation, paragraphs: [""]))
        #expect(table.rows[4].cells[0].verticalMerge == .continuation)
        // Several paragraphs in a cell.
        #expect(table.rows[2].cells[2].paragraphs == ["- Sở Tư pháp", "- Sở Nội vụ"])
        #expect(table.rows[2].cells[2].lines == ["- Sở Tư pháp", "- Sở Nội vụ"])
        // A table inside a cell gives its text to the cell, row by row.
        #expect(table.rows[3].cells[3].paragraphs == ["Hai mốc:", "Quý 1/2021", "Quý 3/2021", ""])
        // Spans in the middle of a row move the columns after them.
        #expect(table.rows[4].cells.map(\.column) == [0, 1, 2])
        #expect(table.rows[4].cells[2].span == 2)
        #expect(table.rows[4].cells[2].text == "Cả năm")
        #expect(table.rows[5].cells.allSatisfy { $0.text.isEmpty })

        guard case .table(let second) = blocks[5] else { Issue.record("no second table"); return }
        #expect(second.rows.map { $0.cells.map(\.text) } == [["x", "y"]])
        #expect(try DOCXReader.tables(data).count == 2)
    }

    @Test func anAppendixWrittenHereIsReadBackWithItsSpansAndMerges() throws {
        let appendix = OfficialDocument.Appendix(
            label: "Phụ lục", title: "Phân công", subtitle: "(Kèm theo)", header: ["Chung", "Cụ thể", "Thời gian"],
            rows: [["Cải cách thể chế", "", ""], ["A", "1. Một", "Quý 1/2021\nQuý 3/2021"], ["A", "2. Hai", "Thường xuyên"],
                   ["B", "3. Ba", ""], ["Cải cách công vụ", "", ""], ["B", "1. Bốn", ""]],
            spanningRows: [0, 4], mergedColumns: [0])
        let document = OfficialDocument(parentBody: "", issuingBody: "ỦY BAN NHÂN DÂN\nTỈNH SÓC TRĂNG", number: "Số: 1/KH-UBND",
                                        placeAndDate: "Sóc Trăng, ngày 24 tháng 12 năm 2020", typeName: "KẾ HOẠCH", summary: "Thử",
                                        body: [.paragraph("Nội dung.")], recipients: ["- Lưu: VT."], signerAuthority: ["CHỦ TỊCH"],
                                        signerName: "Trần Văn Lâu", appendix: appendix)
        let tables = try DOCXReader.tables(document.docxData())
        // The heading, the signature, the appendix.
        #expect(tables.count == 3)
        let table = try #require(tables.last)
        #expect(table.columnCount == 3)
        #expect(table.rows[1].cells == [DOCXReader.Cell(column: 0, span: 3, paragraphs: ["Cải cách thể chế"])])
        #expect(table.rows[2].cells[0].verticalMerge == .restart)
        #expect(table.rows[2].cells[0].text == "A")
        #expect(table.rows[3].cells[0].verticalMerge == .continuation)
        #expect(table.rows[3].cells[0].text == "")
        // "B" alone before the spanning row, and again after it: neither merges.
        #expect(table.rows[4].cells[0].verticalMerge == nil)
        #expect(table.rows[4].cells[0].text == "B")
        #expect(table.rows[6].cells[0].verticalMerge == nil)
        #expect(table.rows[2].cells[2].lines == ["Quý 1/2021", "Quý 3/2021"])
    }

    @Test func prefixesLegacyMergesAndBreaksAreReadAsWordShowsThem() throws {
        // Another prefix for the same namespace; a Word 97 horizontal merge; gridBefore; a page break ends no line.
        let body = "<x:tbl><x:tblGrid><x:gridCol/><x:gridCol/><x:gridCol/></x:tblGrid>"
            + "<x:tr><x:trPr><x:gridBefore x:val=\"1\"/></x:trPr><x:tc><x:p><x:r><x:t>b</x:t></x:r></x:p></x:tc>"
            + "<x:tc><x:p><x:r><x:t>c</x:t></x:r></x:p></x:tc></x:tr>"
            + "<x:tr><x:tc><x:tcPr><x:hMerge x:val=\"restart\"/></x:tcPr><x:p><x:r><x:t>ab</x:t></x:r></x:p></x:tc>"
            + "<x:tc><x:tcPr><x:hMerge/></x:tcPr><x:p/></x:tc><x:tc><x:p><x:r><x:t>c</x:t></x:r></x:p></x:tc></x:tr></x:tbl>"
            + "<x:p><x:pPr><x:tabs><x:tab x:val=\"left\" x:pos=\"720\"/></x:tabs></x:pPr><x:r><x:t>trang</x:t>"
            + "<x:br x:type=\"page\"/><x:t>sau</x:t><x:cr/><x:t>dòng</x:t><x:noBreakHyphen/></x:r></x:p>"
        let blocks = try DOCXReader.read(Self.document(body: body.replacingOccurrences(of: "x:", with: "ns0:"), prefix: "ns0"))
        guard case .table(let table) = blocks[0] else { Issue.record("no table"); return }
        #expect(table.rows[0].cells.map(\.column) == [1, 2])
        #expect(table.rows[1].cells == [DOCXReader.Cell(column: 0, span: 2, paragraphs: ["ab"]),
                                         DOCXReader.Cell(column: 2, paragraphs: ["c"])])
        #expect(blocks[1] == .paragraph("trangsau\ndòng-"))
    }

    @Test func whatIsNotADocumentIsRefusedPlainly() throws {
        #expect(Self.refusal(Data("<html>".utf8)) == DOCXReader.invalidMessage)
        #expect(Self.refusal(Data()) == DOCXReader.invalidMessage)
        #expect(Self.refusal(Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))?.contains(".doc") == true)
        #expect(Self.refusal(try Packages.zip([("readme.txt", Data("Xin chào".utf8))])) == DOCXReader.invalidMessage)
        // A workbook is not a document.
        let workbook = try XLSXWorkbook(sheets: [XLSXSheet(name: "A", rows: [[.text("x")]])]).data()
        #expect(Self.refusal(workbook) == DOCXReader.invalidMessage)
        // A document part that is not XML, or not a document.
        let valid = try Self.document(body: Self.p("a"))
        #expect(try DOCXReader.read(valid) == [.paragraph("a")])
        #expect(Self.refusal(try Packages.replacing("word/document.xml", in: valid, with: Data("not xml".utf8)))
                == DOCXReader.invalidMessage)
        #expect(Self.refusal(try Packages.replacing("word/document.xml", in: valid, with: Data("<a><b/></a>".utf8)))
                == DOCXReader.invalidMessage)
        let truncated = try Packages.editing("word/document.xml", in: valid) { String($0.prefix($0.count - 20)) }
        #expect(Self.refusal(truncated) == DOCXReader.invalidMessage)
        // Cut in the middle of the zip.
        #expect(Self.refusal(valid.prefix(valid.count / 2)) == DOCXReader.invalidMessage)
    }

    @Test func aDocumentBeyondTheLimitsIsRefused() throws {
        let started = Date()
        let row = "<w:tr><w:tc>\(Self.p("x"))</w:tc></w:tr>"
        let long = "<w:tbl>" + String(repeating: row, count: DOCXReader.maximumRows + 1) + "</w:tbl>"
        #expect(Self.refusal(try Self.document(body: long)) == DOCXReader.tooLargeMessage)
        let atLimit = "<w:tbl>" + String(repeating: row, count: DOCXReader.maximumRows) + "</w:tbl>"
        #expect(try DOCXReader.tables(Self.document(body: atLimit))[0].rows.count == DOCXReader.maximumRows)

        let wide = "<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"99999999\"/></w:tcPr>\(Self.p("x"))</w:tc></w:tr></w:tbl>"
        #expect(Self.refusal(try Self.document(body: wide)) == DOCXReader.tooLargeMessage)
        let before = "<w:tbl><w:tr><w:trPr><w:gridBefore w:val=\"199\"/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>"
            + "\(Self.p("x"))</w:tc></w:tr></w:tbl>"
        #expect(Self.refusal(try Self.document(body: before)) == DOCXReader.tooLargeMessage)
        let cells = "<w:tbl><w:tr>" + String(repeating: "<w:tc>\(Self.p("x"))</w:tc>", count: DOCXReader.maximumColumns + 1)
            + "</w:tr></w:tbl>"
        #expect(Self.refusal(try Self.document(body: cells)) == DOCXReader.tooLargeMessage)

        let deep = String(repeating: "<w:tbl><w:tr><w:tc>", count: DOCXReader.maximumNesting + 1) + Self.p("x")
            + String(repeating: "</w:tc></w:tr></w:tbl>", count: DOCXReader.maximumNesting + 1)
        #expect(Self.refusal(try Self.document(body: deep)) == DOCXReader.tooLargeMessage)
        let nested = String(repeating: "<w:tbl><w:tr><w:tc>", count: 3) + Self.p("sâu")
            + String(repeating: "\(Self.p(""))</w:tc></w:tr></w:tbl>", count: 3)
        let outer = try DOCXReader.tables(Self.document(body: nested))
        #expect(outer[0].rows[0].cells[0].paragraphs == ["sâu", "", "", ""])

        let many = String(repeating: "<w:p/>", count: DOCXReader.maximumParagraphs + 1)
        #expect(Self.refusal(try Self.document(body: many)) == DOCXReader.tooLargeMessage)
        #expect(Date().timeIntervalSince(started) < 20)
    }

    @Test func aPartThatInflatesBeyondTheLimitIsRefused() throws {
        let valid = try Self.document(body: Self.p("a"))
        let big = Data(count: Int(XLSXReader.maximumPartSize) + 1024)
        let bomb = try Packages.replacing("word/document.xml", in: valid, with: big)
        #expect(bomb.count < 1_000_000)
        #expect(Self.refusal(bomb) == DOCXReader.tooLargeMessage)
        let lying = Packages.lyingAboutSize(of: "word/document.xml", in: bomb, size: 1024)
        #expect(Self.refusal(lying) == DOCXReader.tooLargeMessage)
        // Parts the document does not need are never inflated.
        let padded = try Packages.zip(Packages.entries(valid) + [("word/media/big.bin", Data(count: 40 * 1024 * 1024))])
        #expect(try DOCXReader.read(padded) == [.paragraph("a")])
    }
}
