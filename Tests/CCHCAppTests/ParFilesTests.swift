import Foundation
import Testing
import CCHCDomain
import CCHCOffice
import ZIPFoundation
@testable import CCHCApp

@Suite("Chỉ số CCHC: bảng điểm, kết quả và bộ tiêu chí vào và ra Excel, Word")
struct ParFilesTests {
    /// Seed 001's 1.3.3 and 1.4 in a small framework, with a band, a heading summed and a bonus.
    static let framework = ParFramework(code: "CCHC-XA", title: "Bộ tiêu chí Chỉ số CCHC các xã, thị trấn", year: 2019, group: "communes",
        criteria: [
            ParCriterion(code: "1", name: "Công tác chỉ đạo, điều hành CCHC", max: 6, office: "Văn phòng"),
            ParCriterion(code: "1.3", parent: "1", name: "Công tác tuyên truyền CCHC", max: 4),
            ParCriterion(code: "1.3.1", parent: "1.3", name: "Kế hoạch tuyên truyền CCHC", max: 2, method: .boolean),
            ParCriterion(code: "1.3.3", parent: "1.3", name: "Số lượng tin bài tuyên truyền", max: 2,
                         method: .deduction(ParDeduction(per: .month, required: 4, penalty: 0.5))),
            ParCriterion(code: "1.4", parent: "1", name: "Kiểm tra thực hiện nhiệm vụ CBCS", max: 2, method: .manual(step: 0.5)),
            ParCriterion(code: "2", name: "Cải cách thể chế", max: 4),
            ParCriterion(code: "2.1", parent: "2", name: "Tỷ lệ văn bản được rà soát", max: 4,
                         method: .bands(input: "Tỷ lệ (%)", bands: [ParBand(min: 90, minInclusive: false, points: 4),
                                                                    ParBand(min: 70, max: 90, points: 2),
                                                                    ParBand(max: 70, maxInclusive: false, points: 0)])),
            ParCriterion(code: "3", name: "Điểm thưởng", max: 2, method: .bonus(cap: 2)),
        ])

    static let selfInputs: [String: ParInput] = ["1.3.1": .boolean(true), "1.3.3": .counts([4, 5, 3, 4, 6, 4, 4, 4, 5, 4, 4, 7]),
                                                 "1.4": .manual(2), "2.1": .measured(92), "3": .points(0.5)]

    static func sheet(appraised: Bool) -> ParFiles.Sheet {
        let own = ParScoring.score(framework, inputs: selfInputs)
        var council = selfInputs
        council["1.4"] = .manual(1.5)
        council["2.1"] = .measured(90)
        let checked = appraised ? ParScoring.score(framework, inputs: council) : nil
        let rows = ParFiles.sheetRows(framework, selfCard: own, appraisedCard: checked,
                                      explanations: ["1.3.3": "Tháng 3 chỉ đăng 3 tin"], comments: appraised ? ["2.1": "Tỷ lệ đúng 90 %"] : [:],
                                      evidence: ["1.3.3": ["Danh sách tin bài 2019.xlsx", "Sổ theo dõi tin bài"]])
        return ParFiles.Sheet(frameworkTitle: framework.title, year: 2019, unitName: "UBND xã Quảng Thọ", rows: rows,
                              selfTotal: own.total, appraisedTotal: checked?.total, classLabel: appraised ? "Tốt" : nil,
                              standing: appraised ? "1/11" : nil, change: appraised ? ParPoints.signed(4.47) : nil)
    }

    /// Rows of the first sheet, as `frameworkFromXLSX` sees them.
    func rows(_ data: Data) throws -> [[String]] {
        ParFiles.rows(of: try #require(try XLSXReader.read(data).first))
    }

    /// Every paragraph of a document, those in tables (heading, signature, appendix) included.
    func texts(_ docx: Data) throws -> [String] {
        try DOCXReader.read(docx).flatMap { block -> [String] in
            switch block {
            case .paragraph(let p): [p]
            case .table(let t): t.rows.flatMap { $0.cells.flatMap(\.paragraphs) }
            }
        }
    }

    func unzipped(_ data: Data, _ path: String) throws -> String {
        let archive = try Archive(data: data, accessMode: .read, pathEncoding: nil)
        var content = Data()
        _ = try archive.extract(try #require(archive[path])) { content.append($0) }
        return String(decoding: content, as: UTF8.self)
    }

    @Test func theScoreSheetWorkbookHoldsTheFiguresAsNumbers() throws {
        let sheet = Self.sheet(appraised: true)
        let data = try ParFiles.sheetXLSX(sheet)
        let rows = try rows(data)
        #expect(rows[0][0] == "Kết quả thẩm định Chỉ số cải cách hành chính năm 2019 của UBND xã Quảng Thọ")
        #expect(rows[1][0] == "Bộ tiêu chí Chỉ số CCHC các xã, thị trấn năm 2019")
        #expect(rows[3] == ParFiles.sheetHeader)
        let byCode = Dictionary(rows.dropFirst(4).filter { !$0[0].isEmpty }.map { ($0[0], $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byCode.keys.sorted() == Self.framework.criteria.map(\.code).sorted())
        // Seed 001's 1.3.3: 1,5 of 2, the same after appraisal; 1.4 lowered to 1,5; 2.1 at 90 % falls to 2.
        let news = try #require(byCode["1.3.3"])
        #expect(Double(news[2]) == 2 && Double(news[3]) == 1.5 && Double(news[4]) == 1.5)
        #expect(news[5] == "Tháng 3 chỉ đăng 3 tin" && news[7] == "Danh sách tin bài 2019.xlsx\nSổ theo dõi tin bài")
        #expect(Double(try #require(byCode["1.4"])[4]) == 1.5)
        #expect(try #require(byCode["2.1"])[6] == "Tỷ lệ đúng 90 %")
        let heading = try #require(byCode["1"])
        #expect(Double(heading[3]) == sheet.rows[0].selfPoints && Double(heading[4]) == sheet.rows[0].appraisedPoints)
        let total = try #require(rows.first { $0[1] == "Tổng điểm" })
        #expect(Double(total[2]) == 10)   // the bonus is not part of the maximum
        let appraisedTotal = try #require(sheet.appraisedTotal)
        #expect(Double(total[3]).map { ParPoints.same($0, sheet.selfTotal) } == true)
        #expect(Double(total[4]).map { ParPoints.same($0, appraisedTotal) } == true)
        #expect(!ParPoints.same(sheet.selfTotal, appraisedTotal))
        #expect(rows.contains { $0[1] == "Xếp hạng" && $0[2] == "1/11" })
        #expect(rows.contains { $0[1] == "So với năm trước" && $0[2] == "+4,47" })

        // The points are numbers with two decimals (style 3, "#,##0.00"), not text.
        let xml = try unzipped(data, "xl/worksheets/sheet1.xml")
        let row = try #require(rows.firstIndex { $0[0] == "1.3.3" }) + 1
        #expect(xml.contains("<c r=\"D\(row)\" s=\"3\"><v>1.5</v></c>"))
        #expect(xml.contains("<c r=\"C\(row)\" s=\"3\"><v>2</v></c>"))
    }

    @Test func theScoreSheetDocumentIsAReportOrANoticeWithTheSheetAsItsAppendix() throws {
        let district = IssuingBody(kind: .district, name: "Huyện Quảng Điền")
        let commune = IssuingBody(kind: .commune, name: "Xã Quảng Thọ")
        let notice = try ParFiles.sheetDOCX(Self.sheet(appraised: true), issuer: district, signer: Signatory(fullName: "Phó Chủ tịch Lê Văn A"))
        let text = try texts(notice)
        #expect(text.contains("THÔNG BÁO"))
        #expect(text.contains("Kết quả thẩm định Chỉ số cải cách hành chính năm 2019 của UBND xã Quảng Thọ"))
        #expect(text.contains("- Xếp loại: Tốt; xếp hạng: 1/11; so với năm trước: +4,47 điểm."))
        #expect(text.contains("Lê Văn A") && text.contains("KT. CHỦ TỊCH"))
        let tables = try DOCXReader.tables(notice)
        let appendix = try #require(tables.first { $0.rows.first?.cells.first?.text == "Mã" })
        #expect(appendix.rows[0].cells.map(\.text) == ParFiles.sheetHeader)
        let news = try #require(appendix.rows.first { $0.cells.first?.text == "1.3.3" }).cells.map(\.text)
        #expect(news[2] == "2" && news[3] == "1,5" && news[4] == "1,5" && news[7] == "Danh sách tin bài 2019.xlsx\nSổ theo dõi tin bài")
        #expect(try unzipped(notice, "word/document.xml").contains("w:orient=\"landscape\""))

        // Before appraisal: the unit's report, without the council's columns.
        let report = try ParFiles.sheetDOCX(Self.sheet(appraised: false), issuer: commune, signer: nil)
        let reportText = try texts(report)
        #expect(reportText.contains("BÁO CÁO"))
        #expect(reportText.contains { $0.contains("tổng điểm tự đánh giá đạt \(ParPoints.text(Self.sheet(appraised: false).selfTotal))/10 điểm") })
        let reportTable = try #require(try DOCXReader.tables(report).first { $0.rows.first?.cells.first?.text == "Mã" })
        #expect(reportTable.rows[0].cells.map(\.text) == ["Mã", "Tiêu chí", "Điểm tối đa", "Tự chấm", "Giải trình", "Tài liệu kiểm chứng"])
        #expect(reportText.contains { $0.hasPrefix("Số:") && $0.hasSuffix("/BC-UBND") })
    }

    @Test func theResultsWorkbookRanksTiesAlike() throws {
        let totals: [(id: Int, name: String, total: Double)] = [(1, "Quảng Thọ", 92.63), (2, "Quảng An", 88.5), (3, "Quảng Phú", 87.25),
                                                                (4, "Quảng Thành", 88.5)]
        let standings = ParRanking.rank(totals)
        let resultRows = standings.map { s in
            ParFiles.ResultRow(rank: s.rank, tied: s.tied, unitName: s.unitName, selfTotal: s.total + 1, total: s.total,
                               classLabel: s.total >= 90 ? "Xuất sắc" : "Tốt", change: s.unitID == 1 ? "+4,47" : nil,
                               areaPoints: [s.total * 0.6, s.total * 0.4])
        }
        let results = ParFiles.Results(title: "Kết quả Chỉ số CCHC năm 2019 các xã, thị trấn huyện Quảng Điền", year: 2019, group: "communes",
                                       areas: [("1", "Chỉ đạo, điều hành", 60), ("2", "Cải cách thể chế", 40)], rows: resultRows)
        let read = try rows(try ParFiles.resultsXLSX(results))
        #expect(read[1][0] == "Năm 2019 — Xã, phường, thị trấn")
        #expect(read[3] == ["Xếp hạng", "Đơn vị", "1. Chỉ đạo, điều hành", "2. Cải cách thể chế", "Tự chấm", "Tổng điểm", "Xếp loại",
                            "So với năm trước"])
        #expect(read[4].dropFirst().map { $0 } == ["Điểm tối đa", "60", "40", "100", "100", "", ""])
        let units = Array(read.dropFirst(5))
        #expect(units.map { $0[0] } == standings.map { String($0.rank) })
        #expect(units.map { $0[0] } == ["1", "2", "2", "4"])
        #expect(units.map { $0[1] } == ["Quảng Thọ", "Quảng An", "Quảng Thành", "Quảng Phú"])
        #expect(units.map { Double($0[5]) } == standings.map { Optional($0.total) })
        #expect(units[0][6] == "Xuất sắc" && units[0][7] == "+4,47" && units[1][7] == "")
    }

    @Test func aFrameworkTableUploadedAsAWorkbook() throws {
        let table = try XLSXWorkbook(sheets: [XLSXSheet(name: "Bộ chỉ số", rows: [
            [.bold("BỘ TIÊU CHÍ CHỈ SỐ CCHC CẤP XÃ NĂM 2020")], [],
            [.bold("STT"), .bold("Tiêu chí, tiêu chí thành phần"), .bold("Điểm tối đa"), .bold("Hướng dẫn chấm điểm"), .bold("Tài liệu kiểm chứng")],
            [.text("1"), .text("Công tác chỉ đạo, điều hành"), .empty, .empty, .empty],
            [.text("1.1"), .text("Số lượng tin bài"), .number(1.5), .text("Mỗi tháng ít nhất có 4 tin, bài, giảm một tin, bài trừ 0,5 điểm"),
             .text("Danh sách tin bài")],
            [.number(1.2), .text("Tỷ lệ hồ sơ đúng hạn"), .number(2), .text("Trên 90%: 2 điểm; từ 70% đến 90%: 1 điểm; dưới 70%: 0 điểm"), .empty],
            [.text("1.3"), .text("Đánh giá chung"), .number(0.5), .text("Theo đánh giá của Đoàn kiểm tra"), .empty],
        ])]).data()
        let read = try ParFiles.frameworkFromXLSX(table, code: "CCHC-XA", title: "Chỉ số CCHC cấp xã", year: 2020, group: "communes")
        let f = read.framework
        #expect(read.headerRow == 3)
        #expect(f.criteria.map(\.code) == ["1", "1.1", "1.2", "1.3"])
        #expect(f["1"]?.max == 4 && f["1.1"]?.max == 1.5)
        #expect(f["1.1"]?.method == .deduction(ParDeduction(per: .month, required: 4, penalty: 0.5)))
        #expect(f["1.1"]?.evidence == "Danh sách tin bài")
        #expect(f["1.2"]?.method?.type == "bands")
        #expect(read.review.map(\.row) == [7] && read.review.first?.code == "1.3")

        // The score sheet written here reads back as the framework's tree.
        let back = try ParFiles.frameworkFromXLSX(try ParFiles.sheetXLSX(Self.sheet(appraised: false)), code: "X", title: "X", year: 2019,
                                                  group: "communes").framework
        #expect(back.criteria.map(\.code) == Self.framework.criteria.map(\.code))
        #expect(back.criteria.map(\.parent) == Self.framework.criteria.map(\.parent))
        #expect(back.criteria.map(\.max) == Self.framework.criteria.map(\.max))
        #expect(back.criteria.map(\.name) == Self.framework.criteria.map(\.name))
        #expect(back["1.3.3"]?.evidence == "Danh sách tin bài 2019.xlsx Sổ theo dõi tin bài")
    }

    @Test func filesThatAreNotAFrameworkTableAreRefusedByName() throws {
        func refusal(_ data: Data) -> String? {
            do {
                _ = try ParFiles.frameworkFromXLSX(data, code: "X", title: "X", year: 2020, group: "communes")
                return nil
            } catch let failure as ValidationFailure {
                return failure.messages(for: "file").first
            } catch {
                return "\(error)"
            }
        }
        #expect(refusal(Data("không phải bảng tính".utf8)) == "Tệp không phải là bảng tính Excel (.xlsx) hợp lệ.")
        let noHeader = try XLSXWorkbook(sheets: [XLSXSheet(name: "A", rows: [[.text("Danh sách")], [.text("x")]])]).data()
        #expect(refusal(noHeader)?.hasPrefix("Không tìm thấy dòng tiêu đề của bảng tiêu chí") == true)
    }
}
