import Foundation
import Fluent
import Testing
import VaporTesting
@testable import CCHCApp
@testable import CCHCDomain
import CCHCOffice

/// Each kind of issuing body's report, produced by the app as .docx, rendered by LibreOffice to PDF and read back:
/// the heading, the number's symbol, the place and date, the outline and the signer block as Decree 30/2020 lays them out.
@Suite("Văn bản Word theo thể thức Nghị định 30/2020, in ra PDF")
struct OfficialDocumentPDFTests {
    /// A report of `unitCode` for `period`, as its leader signed it (or a draft when `signer` is nil).
    @discardableResult
    static func report(_ app: Application, _ unitCode: String, period: PeriodRecord, number: String?, date: Day?,
                       signer: User?, narrative: [String: String], values: [String: IndicatorValue] = [:]) async throws -> Report {
        let unit = try await app.unit(code: unitCode)
        let regime = try #require(try await RegimeRecord.find(period.$regime.id, on: app.db))
        // The demo may already hold a draft of it (the district's own Q1): that one is signed.
        let existing = try await Report.query(on: app.db).filter(\.$unit.$id == unit.id!).filter(\.$period.$id == period.id!).first()
        let report = try existing ?? Report(unit: unit, periodID: period.id!, formID: try #require(regime.$form.id))
        report.narrative = narrative
        if let signer {
            report.state = .submitted
            report.submittedAt = march10
            report.firstSubmittedAt = march10
            report.submittedBy = signer.id
            report.docNumber = number
            report.docDate = date?.iso
        }
        try await report.save(on: app.db)
        for (code, value) in values { try await ReportValue(reportID: report.id!, code: code, value: value).create(on: app.db) }
        try await ConsolidationPartials.rebuildAll(on: app.db)
        return report
    }

    static func account(_ app: Application, _ username: String, _ fullName: String, unit code: String) async throws -> User {
        let user = User(username: username, fullName: fullName, passwordHash: "-", unitID: try await app.unit(code: code).id!, role: .leader)
        try await user.create(on: app.db)
        return user
    }

    static func docx(_ app: Application, _ username: String, _ path: String) async throws -> Data {
        let client = try await TestClient.api(app, username)
        let res = try await client.get(path)
        #expect(res.status == .ok, "\(path): \(res.text.prefix(300))")
        return Data(buffer: res.body)
    }

    static let narrative = [
        "toChuc": "UBND cấp xã ban hành Kế hoạch CCHC năm 2021; kiểm tra công tác CCHC Quý I năm 2021.",
        "ketQua2": "Tiếp nhận, giải quyết hồ sơ TTHC đúng hạn.",
        "khoKhan": "Cơ sở vật chất bộ phận một cửa còn thiếu.",
        "kienNghi": "Đề nghị hỗ trợ trang thiết bị.",
    ]

    @Test(.enabled(if: PDFPages.available, PDFPages.skipMessage))
    func everyIssuingBodyHeadsNumbersAndSignsItsReport() async throws {
        try await withTestApp(now: march10) { app in
            let thachHaQ1 = try await app.period(issuer: "HT-THA", kind: "Q1")
            let socTrangQ1 = try await app.period(issuer: "ST", kind: "Q1")

            // (a) A commune, signed by its vice-chairman; its coded answer 1.4.2 is "Kết hợp".
            let viceChairman = try await Self.account(app, "thachdai.pct", "Phó Chủ tịch Nguyễn Văn Bình", unit: "HT-THA-THACHDAI")
            try await Self.report(app, "HT-THA-THACHDAI", period: thachHaQ1, number: "05/BC-UBND", date: Day(2021, 3, 5), signer: viceChairman,
                                  narrative: Self.narrative, values: ["1.4.2": IndicatorValue(number: 2), "1.1.1": IndicatorValue(number: 12)])
            // (b) An office of the district, signed by its head.
            let head = try await Self.account(app, "thachha.tp.truongphong", "Nguyễn Thị Hoa", unit: "HT-THA-TP")
            try await Self.report(app, "HT-THA-TP", period: thachHaQ1, number: "03/BC-PTP", date: Day(2021, 3, 8), signer: head,
                                  narrative: ["ketQua1": "Phòng Tư pháp thẩm định 4 dự thảo văn bản QPPL."])
            // (c) A department of the province: a draft, not numbered yet; its director is the one who will sign.
            _ = try await Self.account(app, "soctrang.snv.gd", "Lâm Văn Mẫn", unit: "ST-SNV")
            try await Self.report(app, "ST-SNV", period: socTrangQ1, number: nil, date: nil, signer: nil,
                                  narrative: ["toChuc": "Sở Nội vụ tham mưu UBND tỉnh ban hành Kế hoạch CCHC năm 2021."])
            // (d) The district's consolidated report, its own report signed by the chairman (seed 000 names him).
            let chairman = try await app.user("thachha.ld")
            chairman.fullName = "Trần Việt Hà"
            try await chairman.save(on: app.db)
            try await Self.report(app, "HT-THA", period: thachHaQ1, number: "45/BC-UBND", date: Day(2021, 3, 12), signer: chairman,
                                  narrative: Self.narrative)

            let ids = (commune: try await app.unit(code: "HT-THA-THACHDAI").id!, office: try await app.unit(code: "HT-THA-TP").id!,
                       department: try await app.unit(code: "ST-SNV").id!, district: try await app.unit(code: "HT-THA").id!)
            let files: [String: Data] = [
                "commune": try await Self.docx(app, "thachdai.cv", "/api/v1/units/\(ids.commune)/reports/\(thachHaQ1.id!)/docx"),
                "office": try await Self.docx(app, "thachha.noivu", "/api/v1/units/\(ids.office)/reports/\(thachHaQ1.id!)/docx"),
                "department": try await Self.docx(app, "soctrang.noivu", "/api/v1/units/\(ids.department)/reports/\(socTrangQ1.id!)/docx"),
                "district": try await Self.docx(app, "thachha.noivu", "/api/v1/units/\(ids.district)/consolidation/2021/Q1/docx"),
            ]
            let pdfs = try await PDFPages.pages(of: files)

            let commune = try Self.check(pdfs["commune"], heading: ["ỦY BAN NHÂN DÂN", "XÃ THẠCH ĐÀI"], number: "Số: 05/BC-UBND",
                                         date: "Thạch Đài, ngày 05 tháng 3 năm 2021",
                                         signer: ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Bình"],
                                         closing: "của UBND xã Thạch Đài./.")
            #expect(!commune.first.contains("UBND HUYỆN THẠCH HÀ"), "a People's Committee has no superior line")
            // Capitals kept, the outline numbered I, II, 1 … 6, III, IV.
            let body = PDFPages.flat(commune.main)
            #expect(body.contains("Kết quả thực hiện công tác cải cách hành chính Quý I năm 2021"))
            #expect(body.contains("Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính Quý I năm 2021 "
                                  + "của UBND xã Thạch Đài./."))
            #expect(body.contains("UBND cấp xã ban hành Kế hoạch CCHC") && body.contains("hồ sơ TTHC"))
            #expect(!body.lowercased().contains("quý i năm") || body.contains("Quý I năm"))
            let headings = PDFPages.lines(commune.main).filter { $0.range(of: #"^[IVX]+\.|^[1-6]\. "#, options: .regularExpression) != nil }
            #expect(headings.map { String($0.prefix { $0 != " " }) } == ["I.", "II.", "1.", "2.", "3.", "4.", "5.", "6.", "III.", "IV."],
                    "\(headings)")
            #expect(!body.contains("II.1."))
            // The appendix prints the coded answer by its label.
            let appendix = PDFPages.flat(commune.appendix)
            #expect(appendix.contains("(Kèm theo Báo cáo số 05/BC-UBND ngày 05 tháng 3 năm 2021 của UBND xã Thạch Đài)"))
            let row = { (code: String) in commune.appendixRows.first { $0.first?.hasPrefix(code + " ") == true } }
            #expect(row("1.4.2")?.last == "Kết hợp", "\(String(describing: row("1.4.2")))")
            #expect(row("1.1.1")?.last == "12", "\(String(describing: row("1.1.1")))")
            #expect(!appendix.contains("Trực tuyến: 0") && !appendix.contains("Kết hợp (2)"))

            let office = try Self.check(pdfs["office"], heading: ["UBND HUYỆN THẠCH HÀ", "PHÒNG TƯ PHÁP"], number: "Số: 03/BC-PTP",
                                        date: "Thạch Hà, ngày 08 tháng 3 năm 2021", signer: ["TRƯỞNG PHÒNG", "Nguyễn Thị Hoa"],
                                        closing: "của Phòng Tư pháp huyện Thạch Hà./.")
            #expect(!office.main.contains("ỦY BAN NHÂN DÂN") && !office.main.contains("BC-UBND") && !office.main.contains("CHỦ TỊCH"))

            let department = try Self.check(pdfs["department"], heading: ["UBND TỈNH SÓC TRĂNG", "SỞ NỘI VỤ"], number: "Số: /BC-SNV",
                                            date: "Sóc Trăng, ngày 10 tháng 3 năm 2021", signer: ["GIÁM ĐỐC", "Lâm Văn Mẫn"],
                                            closing: "của Sở Nội vụ tỉnh Sóc Trăng./.")
            #expect(!department.main.contains("ỦY BAN NHÂN DÂN") && !department.main.contains("TM."))

            let district = try Self.check(pdfs["district"], heading: ["ỦY BAN NHÂN DÂN", "HUYỆN THẠCH HÀ"], number: "Số: 45/BC-UBND",
                                          date: "Thạch Hà, ngày 12 tháng 3 năm 2021",
                                          signer: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Việt Hà"],
                                          closing: "của UBND huyện Thạch Hà./.")
            #expect(!district.first.contains("UBND TỈNH HÀ TĨNH"), "a People's Committee has no superior line")
            #expect(PDFPages.flat(district.main).contains("- UBND tỉnh Hà Tĩnh (qua cơ quan thường trực CCHC);"))
            #expect(!PDFPages.flat(district.main).contains("UBND huyện Thạch Hà ("), "the signer's name is the person's, not the unit's")
            // The communes' coded answers by label and count, the answers not given left out.
            let survey = PDFPages.flat(district.appendix)
            #expect(survey.contains("Hình thức khảo sát") && survey.contains(" đơn vị;"))
            #expect(!survey.contains(": 0 ·") && !survey.contains(": 0 đơn vị"))
        }
    }

    @Test func aCodedAnswerIsPrintedByItsLabel() {
        let survey = Indicator(code: "1.4.2", parent: "1.4", name: "Hình thức khảo sát", kind: .choice,
                               choices: [.init(value: 0, label: "Trực tuyến"), .init(value: 1, label: "Phát phiếu"),
                                         .init(value: 2, label: "Kết hợp")])
        func printed(own: Double? = nil, below: [Int: Int] = [:]) -> String {
            let aggregate = Consolidation.Aggregate(code: "1.4.2", reports: below.values.reduce(0, +), distribution: below,
                                                    own: own.map { Consolidation.OwnValue(number: $0) })
            return ReportDocument.figure(survey, consolidated: Consolidation.figure(survey, aggregate))
        }
        #expect(ReportDocument.figure(survey, IndicatorValue(number: 2)) == "Kết hợp")
        #expect(printed(below: [2: 1]) == "Kết hợp")
        #expect(printed(below: [0: 0, 1: 0, 2: 1]) == "Kết hợp")
        #expect(printed(own: 1) == "Phát phiếu")
        #expect(printed(below: [2: 8, 0: 5]) == "Trực tuyến: 5 đơn vị; Kết hợp: 8 đơn vị")
        #expect(printed(own: 2, below: [2: 8, 0: 5, 1: 0]) == "Kết hợp (cấp dưới: Trực tuyến: 5 đơn vị; Kết hợp: 8 đơn vị)")
    }

    /// Wherever the text ends on a page, the closing paragraph and the signer block stay together: one document for
    /// each length of body, a line more each time, over a whole page's worth of lines.
    @Test(.enabled(if: PDFPages.available, PDFPages.skipMessage))
    func theSignatureNeverStandsAloneOnAPage() async throws {
        var files: [String: Data] = [:]
        for lines in 12..<46 {
            let body: [OfficialDocument.Block] = [.heading("I. Công tác chỉ đạo, điều hành")]
                + (1...lines).map { .paragraph("Nội dung thứ \($0) của báo cáo.") }
                + [.paragraph("Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính Quý I năm 2021 "
                              + "của UBND xã Thạch Đài./.")]
            let document = OfficialDocument(parentBody: "", issuingBody: "ỦY BAN NHÂN DÂN\nXÃ THẠCH ĐÀI", number: "Số: 05/BC-UBND",
                                             placeAndDate: "Thạch Đài, ngày 05 tháng 3 năm 2021", typeName: "BÁO CÁO",
                                             summary: "Kết quả thực hiện công tác cải cách hành chính Quý I năm 2021", body: body,
                                             recipients: ["- UBND huyện Thạch Hà;", "- Lưu: VT."],
                                             signerAuthority: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
                                             signerName: "Nguyễn Văn Bình")
            files["lines-\(lines)"] = try document.docxData()
        }
        let rendered = try await PDFPages.pages(of: files)
        #expect(rendered.count == files.count)
        var pageCounts: Set<Int> = []
        for (name, pdf) in rendered.sorted(by: { $0.key < $1.key }) {
            pageCounts.insert(pdf.pages.count)
            let signed = try #require(pdf.pages.firstIndex { $0.contains("Nơi nhận:") }, "\(name): no signer block")
            let page = PDFPages.flat(pdf.pages[signed])
            #expect(page.contains("Trên đây là báo cáo") && page.contains("Nguyễn Văn Bình"), "\(name): page \(signed + 1) is \(page)")
        }
        #expect(pageCounts.count > 1, "the bodies are meant to cross a page break")
    }

    /// Checks a rendered report: the first page's heading beside the national title, its lines one under the other,
    /// the number line level with the place and date; the signer block (authority, position, name) on the page of the
    /// closing paragraph, with text before it. Returns the first page, the main part (up to the signature), the appendix
    /// and its table's rows as laid out.
    static func check(_ rendered: PDFPages.Rendered?, heading: [String], number: String, date: String, signer: [String], closing: String,
                      sourceLocation: SourceLocation = #_sourceLocation) throws
        -> (first: String, main: String, appendix: String, appendixRows: [[String]]) {
        let rendered = try #require(rendered, sourceLocation: sourceLocation)
        let pages = rendered.pages
        let first = try #require(pages.first, sourceLocation: sourceLocation)
        let rows = PDFPages.rows(try #require(rendered.layout.first, sourceLocation: sourceLocation))
        let national = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
        var expected = heading.enumerated().map { i, line in i < national.count ? [line, national[i]] : [line] }
        if heading.count < national.count { expected += national.dropFirst(heading.count).map { [$0] } }
        expected.append([number, date])
        #expect(Array(rows.prefix(expected.count)) == expected, "the header as laid out:\n\(rendered.layout[0].prefix(700))",
                sourceLocation: sourceLocation)
        #expect(PDFPages.consecutive(heading, in: first), "heading \(heading) in:\n\(first.prefix(600))", sourceLocation: sourceLocation)
        let signed = try #require(pages.firstIndex { $0.contains("Nơi nhận:") }, "no signer block", sourceLocation: sourceLocation)
        let page = pages[signed]
        #expect(PDFPages.consecutive(signer, in: page), "signer \(signer) in:\n\(page)", sourceLocation: sourceLocation)
        // The signature never stands alone: the closing paragraph is on its page, before it.
        let flat = PDFPages.flat(page)
        let closingAt = flat.range(of: closing), recipientsAt = flat.range(of: "Nơi nhận:")
        #expect(closingAt != nil && recipientsAt != nil && closingAt!.lowerBound < recipientsAt!.lowerBound,
                "closing paragraph before the signer block on page \(signed + 1):\n\(page)", sourceLocation: sourceLocation)
        #expect(pages.count > signed + 1 && pages[signed + 1].contains("Phụ lục"), "the appendix follows the signature",
                sourceLocation: sourceLocation)
        let appendixRows = rendered.layout.dropFirst(signed + 1).flatMap(PDFPages.rows)
        return (first, pages[...signed].joined(separator: "\n"), pages[(signed + 1)...].joined(separator: "\n"), appendixRows)
    }
}
