import Foundation
import Fluent
import Testing
import VaporTesting
@testable import CCHCApp
@testable import CCHCDomain

/// Each consolidation rule of the form (`"consolidate"`) against figures computed by hand, on a
/// district of three communes. Runs on SQLite and, with DATABASE_URL, on PostgreSQL.
@Suite("Tổng hợp theo quy tắc của từng dòng")
struct ConsolidationRulesTests {
    static let choices: [Indicator.Choice] = [.init(value: 0, label: "Chưa có"), .init(value: 1, label: "2 cấp"), .init(value: 2, label: "3 cấp")]
    static let form = FormDefinition(code: "QT-2031", title: "Biểu thử quy tắc tổng hợp", year: 2031, indicators: [
        Indicator(code: "1", name: "Nhóm", kind: .group),
        Indicator(code: "1.1", parent: "1", name: "Số văn bản", kind: .count),
        Indicator(code: "1.2", parent: "1", name: "Tỷ lệ đúng hạn", kind: .percent, fraction: true, denominatorLabel: "Tổng số hồ sơ"),
        Indicator(code: "1.3", parent: "1", name: "Số TTHC cấp xã", kind: .count, measure: .snapshot, consolidate: .common),
        Indicator(code: "1.4", parent: "1", name: "Hồ sơ do UBND huyện tiếp nhận", kind: .count, consolidate: .own),
        Indicator(code: "1.5", parent: "1", name: "Tỷ lệ xã kết nối", kind: .percent, fraction: true, consolidate: .areaWide),
        Indicator(code: "1.6", parent: "1", name: "Hệ thống họp trực tuyến", kind: .choice, choices: choices, consolidate: .choice),
        Indicator(code: "1.7", parent: "1", name: "Số ngày chậm nhất", kind: .number, consolidate: .max),
        Indicator(code: "1.8", parent: "1", name: "Số ngày sớm nhất", kind: .number, consolidate: .min),
        Indicator(code: "1.9", parent: "1", name: "Số TTHC liên thông (toàn địa bàn)", kind: .count, consolidate: .areaWide),
    ])

    @Test func everyRuleAgainstHandComputedFigures() async throws {
        try await withTestApp(demo: false) { app in
            let db = app.db
            func unit(_ code: String, _ name: String, _ kind: UnitKind, _ parent: CCHCApp.Unit?) async throws -> CCHCApp.Unit {
                try await TreeFixture.unit(db, code, name, kind, parent)
            }
            let d = try await unit("QT", "Huyện Quy Tắc", .district, nil)
            let a = try await unit("QT-A", "Xã An", .commune, d)
            let b = try await unit("QT-B", "Xã Bình", .commune, d)
            // Two communes may share a name: the drill-down keeps them apart.
            let c = try await unit("QT-C", "Xã Bình", .commune, d)
            let (formRecord, q1) = try await TreeFixture.q1(db, issuer: d, form: Self.form)
            func report(_ u: CCHCApp.Unit, _ state: ReportState, version: Int = 1, current: Bool = true,
                        _ values: [String: IndicatorValue]) async throws {
                try await TreeFixture.report(db, u, q1, formID: formRecord.id!, state, version: version, current: current, values)
            }
            // Xã An: accepted version 1, and a correction (version 2) in progress with other figures.
            try await report(a, .accepted, current: false, [
                "1.1": .init(number: 4), "1.2": .init(numerator: 9, denominator: 10), "1.3": .init(number: 110),
                "1.4": .init(number: 999), "1.5": .init(numerator: 1, denominator: 1), "1.6": .init(number: 1),
                "1.7": .init(number: 3), "1.8": .init(number: 3), "1.9": .init(number: 7)])
            try await report(a, .draft, version: 2, ["1.1": .init(number: 400), "1.3": .init(number: 1)])
            try await report(b, .submitted, [
                "1.1": .init(number: 6), "1.2": .init(numerator: 30, denominator: 40), "1.3": .init(number: 110),
                "1.5": .init(numerator: 0, denominator: 1), "1.6": .init(number: 0), "1.7": .init(number: 9), "1.8": .init(number: 1),
                "1.9": .init(number: 7)])
            try await report(c, .submitted, [
                "1.1": .init(number: 1), "1.2": .init(numerator: 1, denominator: 50), "1.3": .init(number: 108),
                "1.6": .init(number: 1), "1.7": .init(number: 5), "1.8": .init(number: 2), "1.9": .init(number: 7)])
            // The district's own report, still a draft: its own and area-wide figures and its own code.
            try await report(d, .draft, ["1.4": .init(number: 1_200), "1.5": .init(numerator: 2, denominator: 3), "1.6": .init(number: 2)])

            let result = try await ConsolidationService.consolidate(jurisdiction: d, year: 2031, kind: .q1, on: db)
            let f = Dictionary(result.figures.map { ($0.code, $0) }, uniquingKeysWith: { x, _ in x })
            // sum: 4 + 6 + 1 — Xã An's accepted version, not its correction in progress (400)
            #expect(f["1.1"]?.value == 11)
            #expect(f["1.1"]?.rule == .sum)
            // ratio: (9 + 30 + 1) / (10 + 40 + 50) = 40 %
            #expect(f["1.2"]?.numerator == 40 && f["1.2"]?.denominator == 100)
            #expect(f["1.2"]?.display == "40 % (40/100 hồ sơ)")
            // common: 110 shown once (not 328), the commune that differs named with its figure
            #expect(f["1.3"]?.value == 110)
            #expect(f["1.3"]?.differing == ["Xã Bình: 108"])
            #expect(f["1.3"]?.display == "110 (1 đơn vị khác)")
            #expect(f["1.3"]?.note?.contains("2/3 đơn vị") == true)
            // own: the district's figure, never built from below (Xã An's 999 ignored)
            #expect(f["1.4"]?.value == 1_200)
            // areaWide with the district's figure: 2/3, replacing — not adding to — the communes' 1/1 and 0/1
            #expect(f["1.5"]?.numerator == 2 && f["1.5"]?.denominator == 3)
            #expect(abs((f["1.5"]?.value ?? 0) - 66.6667) < 0.001)
            // areaWide without it: the communes' figures, and the page says the district's own is missing
            #expect(f["1.9"]?.value == 21)
            #expect(f["1.9"]?.note?.contains("chưa nhập số toàn địa bàn") == true)
            // choice: the district's own code (2 = "3 cấp") goes upward; the communes' distribution beside it
            #expect(f["1.6"]?.value == 2)
            #expect(f["1.6"]?.distribution == ["0": 1, "1": 2])
            #expect(f["1.6"]?.display == "3 cấp — cấp dưới: Chưa có: 1 · 2 cấp: 2 · 3 cấp: 0")
            // max and min
            #expect(f["1.7"]?.value == 9)
            #expect(f["1.8"]?.value == 1)

            // The correction in progress keeps Xã An in; once submitted, its new figures replace the old.
            #expect(Set(result.included.map(\.id)) == [a.id!, b.id!, c.id!])
            let v2 = try await Report.query(on: db).filter(\.$unit.$id == a.id!).filter(\.$version == 2).first()!
            v2.state = .submitted
            try await v2.save(on: db)
            try await ConsolidationPartials.rebuildAll(on: db)
            let after = try await ConsolidationService.consolidate(jurisdiction: d, year: 2031, kind: .q1, on: db)
            #expect(after.figures.first { $0.code == "1.1" }?.value == 407)

            // The drill-down is keyed by unit: the two "Xã Bình" stay two rows.
            let matrix = try await ConsolidationService.matrix(jurisdiction: d, year: 2031, kind: .q1, on: db)
            #expect(matrix.count == 3)
            #expect(Set(matrix.map(\.unitID)) == [a.id!, b.id!, c.id!])
            #expect(matrix.filter { $0.unit == "Xã Bình" }.count == 2)
        }
    }

    @Test func aRuleThatDoesNotFitTheRowIsRefused() {
        var form = Self.form
        form.indicators[1].consolidate = .choice
        #expect(form.problems().contains { $0.contains("Chỉ tiêu 1.1: cách tổng hợp “choice”") })
    }

    /// Every input row of the built-in form (seed 002) has a rule, and every row whose rule is not
    /// its kind's default says why in its note.
    @Test func theBuiltInFormSaysHowEachRowConsolidates() throws {
        let form = try FormCodec.decode(Data(try Resources.text("Forms/CCHC-TK-2021.json").utf8))
        #expect(form.problems().isEmpty)
        for ind in form.indicators where ind.consolidate != nil {
            #expect(ind.note?.contains("Tổng hợp:") == true, "\(ind.code)")
        }
        let rules = Dictionary(form.indicators.compactMap { i in i.consolidationRule.map { (i.code, $0) } }, uniquingKeysWith: { a, _ in a })
        #expect(rules["3.1.3"] == .common && rules["3.1.3.b"] == .areaWide && rules["3.4.2"] == .areaWide)
        #expect(rules["7.2"] == .choice && rules["7.6.2"] == .areaWide && rules["7.7.1"] == .common)
        #expect(rules["3.4.1"] == .own && rules["1.1.1"] == .sum && rules["3.4.3"] == .ratio)
    }
}
