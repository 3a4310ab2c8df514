import Foundation
import Testing
@testable import CCHCDomain

/// The regime reader: the seeds' passages give the regimes the demo holds (`DemoReporting.regimes`, slips
/// included), other localities' words are read too, and what is missing becomes a note, never a guess.
@Suite struct RegimeReaderTests {
    typealias Row = (String, String, String, String, String?, String?) // kind, from, to, deadline, estimateFrom, estimateTo

    static func periods(_ rows: [Row]) -> [ReportingPeriod] {
        rows.map { r in
            ReportingPeriod(kind: PeriodKind(code: r.0)!, from: Day(vietnamese: r.1)!, to: Day(vietnamese: r.2)!,
                            deadline: Day(vietnamese: r.3)!, estimateFrom: r.4.flatMap { Day(vietnamese: $0) },
                            estimateTo: r.5.flatMap { Day(vietnamese: $0) })
        }
    }

    // The demo's regimes (Sources/CCHCApp/Demo/DemoReporting.swift), as the documents write them.
    static let thachHa: [Row] = [
        ("Q1", "15/12/2020", "10/03/2021", "13/03/2021", nil, nil),
        ("H1", "15/12/2020", "10/06/2021", "13/06/2021", nil, nil),
        ("Q3", "15/06/2021", "10/09/2021", "13/09/2021", nil, nil),
        ("Y", "15/12/2020", "20/11/2021", "15/11/2021", "15/11/2021", "14/12/2021"),
    ]
    static let anKhe: [Row] = [
        ("Q1", "15/12/2020", "28/02/2021", "05/03/2021", nil, nil),
        ("H1", "15/12/2020", "31/05/2021", "05/06/2021", nil, nil),
        ("Q3", "01/06/2021", "31/08/2021", "05/09/2021", nil, nil),
        ("Y", "15/12/2020", "30/11/2021", "05/12/2021", nil, nil),
    ]
    static let socTrang: [Row] = [
        ("Q1", "15/12/2020", "14/03/2021", "18/03/2021", nil, nil),
        ("H1", "15/12/2020", "14/06/2021", "18/06/2021", nil, nil),
        ("Q3", "15/06/2020", "14/09/2021", "18/09/2021", nil, nil),
        ("Y", "15/12/2020", "14/12/2021", "18/12/2021", nil, nil),
    ]

    @Test func thachHaPassage() throws {
        let (regime, notes) = RegimeReader.read(RegimePassages.thachHa)
        let r = try #require(regime)
        #expect(r.year == 2021 && r.deadlineDay == 13 && r.issuer == "")
        #expect(r.periods == Self.periods(Self.thachHa))
        // The supplementary figures have no place in a regime: said, not dropped silently.
        #expect(notes == ["Khoảng báo cáo bổ sung “từ 01/12/2021 đến 14/12/2021” không gắn với kỳ báo cáo nào; chưa dùng."])
    }

    @Test func anKhePassage() throws {
        let (regime, notes) = RegimeReader.read(RegimePassages.anKhe)
        let r = try #require(regime)
        #expect(r.year == 2021 && r.deadlineDay == 5)
        #expect(r.periods == Self.periods(Self.anKhe))
        #expect(notes.isEmpty)
    }

    @Test func socTrangPassageKeepsTheSlip() throws {
        let (regime, notes) = RegimeReader.read(RegimePassages.socTrang)
        let r = try #require(regime)
        #expect(r.year == 2021 && r.deadlineDay == 18)
        #expect(r.periods == Self.periods(Self.socTrang))
        #expect(r.period(.q3)?.from == Day(2020, 6, 15))
        #expect(notes.isEmpty)
    }

    /// The whole documents, when the seeds are beside the repository (not in a fresh clone).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: RegimeReaderTests.seeds)))
    func wholeSeedDocuments() throws {
        for (file, rows, issuer) in [("000_11333221792950ff", Self.thachHa, ""), ("002_016391f2a9337772", Self.anKhe, "Thị xã An Khê"),
                                     ("004_2d6760ac75cd051f", Self.socTrang, "Tỉnh Sóc Trăng")] {
            let text = try String(contentsOfFile: Self.seeds + "/\(file).txt", encoding: .utf8)
            let (regime, _) = RegimeReader.read(text)
            #expect(regime?.periods == Self.periods(rows), "\(file)")
            #expect(regime?.issuer == issuer)
        }
    }

    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/seeds").standardized.path

    /// The periods without their "trước ngày" marks, for comparing dates; the marks are checked on their own.
    static func loose(_ periods: [ReportingPeriod]) -> [ReportingPeriod] {
        periods.map { var p = $0; p.deadlineStrict = nil; return p }
    }

    @Test func anotherLocalitysWords() throws {
        let (regime, notes) = RegimeReader.read(RegimePassages.daiLoc)
        let r = try #require(regime)
        // "trước ngày 20/3/2021", "trước ngày 20 tháng 9", "trước ngày 10/12/2021" end the day before; "hạn gửi ngày 20/6/2021" on it.
        #expect(r.periods.map { $0.deadlineStrict == true } == [true, false, true, true])
        #expect(r.issuer == "Huyện Đại Lộc" && r.year == 2021 && r.deadlineDay == nil)
        #expect(Self.loose(r.periods) == Self.periods([
            ("Q1", "16/12/2020", "15/03/2021", "20/03/2021", nil, nil),
            ("H1", "16/12/2020", "15/06/2021", "20/06/2021", nil, nil),
            ("Q3", "16/06/2021", "15/09/2021", "20/09/2021", nil, nil),
            ("Y", "16/12/2020", "15/11/2021", "10/12/2021", "16/11/2021", "15/12/2021"),
        ]))
        #expect(notes.isEmpty)
    }

    @Test func decreeRuleInWordsGivesThePreset() throws {
        let (regime, notes) = RegimeReader.read(RegimePassages.ruleInWords)
        let r = try #require(regime)
        #expect(r.year == 2022 && r.deadlineDay == 18)
        #expect(r.periods == RegimePreset.decree09(issuer: "", year: 2022, deadlineDay: 18).periods)
        #expect(notes.isEmpty)
    }

    @Test func yearFromTheCallerWhenTheTextLeavesItOut() throws {
        let (none, noneNotes) = RegimeReader.read(RegimePassages.noYear)
        #expect(none == nil)
        #expect(noneNotes == ["Không xác định được năm của chế độ báo cáo: văn bản không ghi năm; hãy cho biết năm (--year)."])
        let (regime, notes) = RegimeReader.read(RegimePassages.noYear, year: 2023)
        #expect(regime?.periods == Self.periods([
            ("Q1", "15/12/2022", "14/03/2023", "18/03/2023", nil, nil),
            ("H1", "15/12/2022", "14/06/2023", "18/06/2023", nil, nil),
            ("Q3", "15/06/2023", "14/09/2023", "18/09/2023", nil, nil),
            ("Y", "15/12/2022", "14/12/2023", "18/12/2023", "15/11/2023", "14/12/2023"),
        ]))
        #expect(notes.isEmpty)
        // A year given against the text's is used, and said.
        let (other, otherNotes) = RegimeReader.read(RegimePassages.anKhe, year: 2022)
        #expect(other?.year == 2022 && other?.period(.q1)?.deadline == Day(2022, 3, 5))
        #expect(otherNotes == ["Văn bản ghi năm 2021, đã đọc theo năm 2022 được chọn."])
    }

    @Test func monthlyReportsAndPeriodsTheSystemDoesNotKeep() throws {
        let (regime, notes) = RegimeReader.read(RegimePassages.monthly, year: 2023)
        let r = try #require(regime)
        #expect(r.periods.map(\.kind) == (1...12).map { PeriodKind.month($0) })
        #expect(r.period(.month(1)) == ReportingPeriod(kind: .month(1), from: Day(2022, 12, 15)!, to: Day(2023, 1, 14)!, deadline: Day(2023, 1, 18)!))
        #expect(r.period(.month(7)) == ReportingPeriod(kind: .month(7), from: Day(2023, 6, 15)!, to: Day(2023, 7, 14)!, deadline: Day(2023, 7, 18)!))
        #expect(notes == ["Quý II: hệ thống chỉ theo dõi các kỳ Quý I, 6 tháng đầu năm, Quý III, năm và tháng; đã bỏ qua kỳ này."])
    }

    @Test func missingDeadlineIsANoteNotAGuess() throws {
        let (regime, notes) = RegimeReader.read(RegimePassages.missingDeadline)
        let r = try #require(regime)
        #expect(Self.loose(r.periods) == Self.periods([("Q1", "15/12/2020", "14/03/2021", "18/03/2021", nil, nil)]))
        #expect(r.period(.q3) == nil)
        #expect(notes == [
            "Quý III: không tìm thấy thời hạn gửi báo cáo; chưa đưa kỳ này vào bản dự thảo.",
            "6 tháng đầu năm: văn bản không nêu kỳ báo cáo này.",
            "Năm: văn bản không nêu kỳ báo cáo này.",
        ])
    }

    @Test func whatCannotBeReadIsSaidLineByLine() throws {
        let text = """
            Thời hạn gửi báo cáo quý I/2021 là ngày 20/3/2021, số liệu tính đến hết ngày 15/3/2021.
            Báo cáo 6 tháng đầu năm 2021: số liệu từ 16/12/2020 – 15/6/2021; thời hạn chót: 20/6/2021.
            Báo cáo quý III: số liệu từ ngày 16 đến ngày 15/9/2021, theo Văn bản số 8444/UBND-PC ngày 15/12/2020 của UBND tỉnh.
            Báo cáo năm 2021: số liệu từ ngày 16/12/2020 đến ngày 15/12/2021, gửi trước ngày 10/1.
            Trừ báo cáo năm, các báo cáo gửi chậm nhất ngày 31 của tháng cuối kỳ báo cáo.
            """
        let (regime, notes) = RegimeReader.read(text)
        let r = try #require(regime)
        // A deadline after the year's end: the day and month read, the year the one after the window. The rule's
        // "ngày 31" does not exist in September: said, not moved to the 30th.
        #expect(Self.loose(r.periods) == Self.periods([
            ("H1", "16/12/2020", "15/06/2021", "20/06/2021", nil, nil),
            ("Y", "16/12/2020", "15/12/2021", "10/01/2022", nil, nil),
        ]))
        #expect(notes == [
            "Quý I: chỉ thấy ngày chốt số liệu cuối (“đến hết ngày 15/3/2021”), không thấy ngày bắt đầu; chưa đưa kỳ này vào bản dự thảo.",
            "Quý III: không rõ ngày “ngày 15/12/2020” dùng vào việc gì; chưa dùng.",
            "Quý III: ngày 16 trong “từ ngày 16 đến ngày 15/9/2021” không ghi tháng, chưa đọc được; "
                + "ngày trong “ngày 31 của tháng cuối kỳ báo cáo” không có trong lịch, chưa đọc được; chưa đưa kỳ này vào bản dự thảo.",
        ])
    }

    @Test func nothingToRead() {
        let (regime, notes) = RegimeReader.read("Kế hoạch cải cách hành chính năm 2021 của UBND xã.")
        #expect(regime == nil)
        #expect(notes == ["Không tìm thấy kỳ báo cáo nào (Quý I, 6 tháng đầu năm, Quý III, năm, tháng) trong văn bản."])
    }

    @Test func namesHeadingTheirClausesAndTables() throws {
        let (regime, notes) = RegimeReader.read(RegimePassages.byClause)
        #expect(regime.map { Self.loose($0.periods) } == Self.periods([
            ("Q1", "15/12/2020", "14/03/2021", "20/03/2021", nil, nil),
            ("H1", "15/12/2020", "14/06/2021", "20/06/2021", nil, nil),
            ("Q3", "15/06/2021", "14/09/2021", "20/09/2021", nil, nil),
            ("Y", "15/12/2020", "14/12/2021", "15/12/2021", nil, nil),
        ]))
        #expect(notes.isEmpty)
        // A table: each date takes its column's meaning; the empty deadline cell is said, not filled.
        let (table, tableNotes) = RegimeReader.read(RegimePassages.table)
        #expect(table?.periods == Self.periods([
            ("Q1", "15/12/2020", "14/03/2021", "18/03/2021", nil, nil),
            ("H1", "15/12/2020", "14/06/2021", "18/06/2021", nil, nil),
            ("Y", "15/12/2020", "14/11/2021", "18/11/2021", "15/11/2021", "14/12/2021"),
        ]))
        #expect(tableNotes == ["Quý III: không tìm thấy thời hạn gửi báo cáo; chưa đưa kỳ này vào bản dự thảo."])
    }

    @Test func datesInWordsAndAnEstimateWithoutItsStart() throws {
        let (regime, notes) = RegimeReader.read(RegimePassages.inWords)
        #expect(regime.map { Self.loose($0.periods) } == Self.periods([
            ("Q1", "15/12/2020", "14/03/2021", "18/03/2021", nil, nil),
            ("Q3", "15/06/2021", "14/09/2021", "20/09/2021", nil, nil),
            ("Y", "15/12/2020", "14/12/2021", "18/12/2021", nil, nil),
        ]))
        #expect(notes == [
            "Năm: số liệu ước tính “đến hết ngày 31/12” không ghi ngày bắt đầu; chưa dùng.",
            "6 tháng đầu năm: văn bản không nêu kỳ báo cáo này.",
        ])
    }
}
