import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import CCHCOffice

@Suite("Văn bản hành chính (.docx)")
struct OfficialDocumentTests {
    static func report(appendix: OfficialDocument.Appendix? = nil) -> OfficialDocument {
        OfficialDocument(
            parentBody: "UBND tỉnh Hà Tĩnh",
            issuingBody: "Ủy ban nhân dân huyện Thạch Hà",
            number: "Số: 12/BC-UBND",
            placeAndDate: "Thạch Hà, ngày 05 tháng 01 năm 2021",
            typeName: "Báo cáo",
            summary: "Kết quả thực hiện công tác cải cách hành chính quý I năm 2021",
            body: [
                .heading("I. KẾT QUẢ"),
                .paragraph("Đoạn một <&> \"trích\".\nĐoạn hai."),
                .table(title: "Văn bản đã ban hành", header: ["STT", "Số, ký hiệu"], rows: [["1", "12/KH-UBND"]], widths: nil),
            ],
            recipients: ["- Sở Nội vụ;", "- Lưu: VT."],
            signerAuthority: ["TM. Ủy ban nhân dân", "Chủ tịch"],
            signerName: "Nguyễn Văn A",
            appendix: appendix
        )
    }

    /// Whether the text is well-formed XML.
    static func parses(_ xml: String) -> Bool {
        XMLParser(data: Data(xml.utf8)).parse()
    }

    @Test func theDocumentIsAZipWithTheMainPartInTimesNewRoman() throws {
        let data = try Self.report().docxData()
        #expect(data.prefix(2).elementsEqual([0x50, 0x4B]))
        let paths = try Packages.entries(data).map(\.path)
        #expect(paths.first == "[Content_Types].xml")
        #expect(Set(paths) == ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/document.xml",
                               "word/styles.xml", "word/settings.xml", "word/fontTable.xml", "word/_rels/document.xml.rels",
                               "word/header1.xml", "word/header2.xml"])
        let document = try #require(try Packages.text(of: "word/document.xml", in: data))
        #expect(Self.parses(document))
        #expect(document.contains("w:ascii=\"Times New Roman\""))
        // The issuing body in capitals, the national title, the body text escaped, the signer.
        #expect(document.contains("ỦY BAN NHÂN DÂN HUYỆN THẠCH HÀ"))
        #expect(document.contains("UBND TỈNH HÀ TĨNH"))
        #expect(document.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
        #expect(document.contains("Đoạn một &lt;&amp;&gt; &quot;trích&quot;."))
        #expect(document.contains("Nguyễn Văn A"))
        #expect(document.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"))
        let core = try #require(try Packages.text(of: "docProps/core.xml", in: data))
        #expect(core.contains("<dc:title>Báo cáo Kết quả thực hiện công tác cải cách hành chính quý I năm 2021</dc:title>"))
        for path in paths {
            #expect(Self.parses(try #require(try Packages.text(of: path, in: data))), "\(path)")
        }
    }

    @Test func headingLinesAreParagraphsAndTheLastParagraphKeepsWithTheSignature() throws {
        var document = Self.report()
        document.parentBody = "UBND huyện Thạch Hà"
        document.issuingBody = "Phòng Tư pháp"
        document.body = [.heading("I. KẾT QUẢ"), .paragraph("Đoạn một."), .paragraph("Trên đây là báo cáo./.")]
        var xml = try #require(try Packages.text(of: "word/document.xml", in: try document.docxData()))
        // The superior line regular, the body bold, each its own paragraph.
        #expect(xml.contains("<w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/></w:rPr><w:t xml:space=\"preserve\">UBND HUYỆN THẠCH HÀ</w:t>"))
        #expect(xml.contains("<w:b/><w:bCs/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/></w:rPr><w:t xml:space=\"preserve\">PHÒNG TƯ PHÁP</w:t>"))
        // Only the last paragraph keeps its lines together and with the signature table after it.
        #expect(xml.components(separatedBy: "<w:keepLines/>").count == 2)
        let last = try #require(xml.range(of: "Trên đây là báo cáo./."))
        let keep = try #require(xml.range(of: "<w:keepNext/><w:keepLines/>", options: .backwards, range: xml.startIndex..<last.lowerBound))
        #expect(!xml[keep.upperBound..<last.lowerBound].contains("<w:p>"))

        document.parentBody = ""
        document.issuingBody = "ỦY BAN NHÂN DÂN\nHUYỆN THẠCH HÀ"
        xml = try #require(try Packages.text(of: "word/document.xml", in: try document.docxData()))
        #expect(xml.contains(">ỦY BAN NHÂN DÂN</w:t>") && xml.contains(">HUYỆN THẠCH HÀ</w:t>") && !xml.contains("<w:br/>"))
    }

    @Test func anAppendixGetsItsOwnLandscapeSectionAndHeaders() throws {
        let appendix = OfficialDocument.Appendix(label: "Phụ lục", title: "Biểu số liệu", subtitle: "(Kèm theo Báo cáo số 12/BC-UBND)",
                                                 header: ["Mã", "Chỉ tiêu"], rows: [["1", "Nhóm"], ["1.1", "Chỉ tiêu con"]],
                                                 boldRows: [0], widths: [1, 7])
        let data = try Self.report(appendix: appendix).docxData()
        let paths = try Packages.entries(data).map(\.path)
        #expect(paths.contains("word/header3.xml") && paths.contains("word/header4.xml"))
        let document = try #require(try Packages.text(of: "word/document.xml", in: data))
        #expect(Self.parses(document))
        #expect(document.contains("BIỂU SỐ LIỆU"))
        #expect(document.contains("w:orient=\"landscape\""))
        #expect(document.contains("<w:pgNumType w:start=\"1\"/>"))
        let relationships = try #require(try Packages.text(of: "word/_rels/document.xml.rels", in: data))
        #expect(relationships.contains("Target=\"header4.xml\""))
    }
}
