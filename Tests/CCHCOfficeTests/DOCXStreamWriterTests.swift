import Foundation
import Testing
@testable import CCHCOffice

@Suite("DOCX: ghi văn bản ra tệp")
struct DOCXStreamWriterTests {
    /// Rows of the long table, its header included: the most the reader takes from one table.
    static let tableRows = DOCXReader.maximumRows

    /// A folder of its own for each test, removed afterwards.
    static func withFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docx-stream-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    /// Row `i` (from 1): a number, a commune with diacritics (every 250th with characters XML escapes), a figure, a note.
    static func row(_ i: Int) -> [String] {
        let name = i % 250 == 0 ? "Xã <Thạch Đài> & \"Thạch Khê\" 'số \(i)'" : "Xã Thạch Đài số \(i) — Hà Tĩnh"
        return [String(i), name, "\(i * 3),\(i % 10)", i % 3 == 0 ? "Đạt" : "Chưa đạt"]
    }

    static func document(rows: Int) -> OfficialDocument {
        OfficialDocument(parentBody: "UBND tỉnh Hà Tĩnh", issuingBody: "Sở Nội vụ", number: "Số: 7/BC-SNV",
                         placeAndDate: "Hà Tĩnh, ngày 05 tháng 01 năm 2021", typeName: "Báo cáo",
                         summary: "Kết quả cải cách hành chính của các xã năm 2021",
                         body: [.heading("I. KẾT QUẢ CỦA CÁC XÃ"),
                                .paragraph("Tỷ lệ hồ sơ đúng hạn đạt 98,7% <so với> kế hoạch & \"cùng kỳ\".\nĐoạn thứ hai."),
                                .table(title: "Kết quả từng xã", header: ["STT", "Đơn vị", "Số liệu", "Đánh giá"],
                                       rows: (1...rows).map(row), widths: [0.6, 5, 1.4, 1.4]),
                                .paragraph("Trên đây là báo cáo của Sở Nội vụ./.")],
                         recipients: ["- UBND tỉnh;", "- Lưu: VT."], signerAuthority: ["Giám đốc"], signerName: "Lê Thị Hường")
    }

    @Test func fiveThousandTableRowsAreWrittenToAFileAndReadBack() throws {
        try Self.withFolder { folder in
            let file = folder.appendingPathComponent("bao-cao.docx")
            let work = folder.appendingPathComponent("work")
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            let document = Self.document(rows: Self.tableRows - 1)
            try document.write(to: file, temporaryDirectory: work)

            // Nothing is left behind: no body in the work folder, no partial file beside the target.
            #expect(try FileManager.default.contentsOfDirectory(atPath: work.path).isEmpty)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["bao-cao.docx", "work"])

            let data = try Data(contentsOf: file)
            let blocks = try DOCXReader.read(data)
            let paragraphs = blocks.compactMap { block -> String? in
                if case .paragraph(let text) = block { return text }
                return nil
            }
            #expect(paragraphs.contains("I. KẾT QUẢ CỦA CÁC XÃ"))
            #expect(paragraphs.contains("Tỷ lệ hồ sơ đúng hạn đạt 98,7% <so với> kế hoạch & \"cùng kỳ\"."))
            #expect(paragraphs.contains("Đoạn thứ hai.") && paragraphs.contains("Kết quả từng xã"))
            #expect(paragraphs.contains("BÁO CÁO") && paragraphs.contains("Kết quả cải cách hành chính của các xã năm 2021"))

            let tables = try DOCXReader.tables(data)
            // The heading, the figures, the signature.
            #expect(tables.count == 3)
            let heading = tables[0].rows[0].cells.map(\.paragraphs)
            #expect(heading[0].contains("UBND TỈNH HÀ TĨNH") && heading[0].contains("SỞ NỘI VỤ"))
            #expect(heading[1].contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
            #expect(tables[2].rows[0].cells[1].paragraphs.contains("Lê Thị Hường"))

            let table = tables[1]
            #expect(table.columnCount == 4 && table.rows.count == Self.tableRows)
            #expect(table.rows[0].cells.map(\.text) == ["STT", "Đơn vị", "Số liệu", "Đánh giá"])
            var mismatches: [Int] = []
            for i in 1..<Self.tableRows where table.rows[i].cells.map(\.text) != Self.row(i) {
                mismatches.append(i)
            }
            #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
            #expect(table.rows[250].cells[1].text == "Xã <Thạch Đài> & \"Thạch Khê\" 'số 250'")

            // The XML escapes what it must; the same document in memory is the same package (its date aside).
            let xml = try #require(try Packages.text(of: "word/document.xml", in: data))
            #expect(xml.contains(">Xã &lt;Thạch Đài&gt; &amp; &quot;Thạch Khê&quot; &apos;số 250&apos;</w:t>"))
            // Beyond the 10 MB libxml2 takes in one piece: the reader feeds it in chunks.
            #expect(xml.utf8.count > 10_000_000)
            let inMemory = try Packages.entries(document.docxData())
            let onDisk = try Packages.entries(data)
            #expect(inMemory.map(\.path) == onDisk.map(\.path))
            for (memory, disk) in zip(inMemory, onDisk) where memory.path != "docProps/core.xml" {
                #expect(memory.data == disk.data, "\(memory.path)")
            }
        }
    }

    @Test func aMissingFolderEndsInAClearError() throws {
        try Self.withFolder { folder in
            let work = folder.appendingPathComponent("work")
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            let document = Self.document(rows: 3)
            let missing = folder.appendingPathComponent("khong-co")
            #expect(throws: DOCXWriteError.noFolder(missing.path)) {
                try document.write(to: missing.appendingPathComponent("van-ban.docx"), temporaryDirectory: work)
            }
            #expect(throws: DOCXWriteError.noFolder(missing.path)) { try document.write(to: missing.appendingPathComponent("van-ban.docx")) }
            let message = try #require(DOCXWriteError.noFolder(missing.path).errorDescription)
            #expect(message.contains("Không có thư mục") && message.contains(missing.path) && message.hasSuffix("."))

            // A file where the folder should be, a folder where the file should be: refused plainly.
            let plain = folder.appendingPathComponent("tep")
            try Data("không phải thư mục".utf8).write(to: plain)
            #expect(throws: DOCXWriteError.noFolder(plain.path)) { try document.write(to: plain.appendingPathComponent("a.docx")) }
            do {
                try document.write(to: work, temporaryDirectory: work)
                Issue.record("a folder was overwritten")
            } catch let error as DOCXWriteError {
                guard case .cannotWrite = error else { Issue.record("\(error)"); return }
                #expect(error.errorDescription?.hasPrefix("Không ghi được văn bản Word (") == true)
            }
            // A temporary folder that is gone: an error, and neither the target nor a partial file.
            let target = folder.appendingPathComponent("van-ban.docx")
            #expect(throws: DOCXWriteError.self) {
                try document.write(to: target, temporaryDirectory: folder.appendingPathComponent("mat"))
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["tep", "work"])
            #expect(try FileManager.default.contentsOfDirectory(atPath: work.path).isEmpty)
        }
    }

    @Test func anExistingFileIsReplaced() throws {
        try Self.withFolder { folder in
            let file = folder.appendingPathComponent("cu.docx")
            try Data("không phải văn bản".utf8).write(to: file)
            try Self.document(rows: 2).write(to: file)
            let tables = try DOCXReader.tables(Data(contentsOf: file))
            #expect(tables[1].rows.map { $0.cells.map(\.text) } == [["STT", "Đơn vị", "Số liệu", "Đánh giá"], Self.row(1), Self.row(2)])
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["cu.docx"])
        }
    }
}
