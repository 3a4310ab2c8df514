import Foundation
import Testing
@testable import CCHCDomain

/// The demo of issue 11 (Sources/CCHCApp/Resources/Demo/quang-dien-par.json, written by scripts/make_demo_par.py):
/// the Quảng Điền commune framework and the 2018 and 2019 rounds of its eleven communes and towns, read as the app
/// reads them — self texts through `ParInputText`, the council's points over them — and scored, classed and ranked.
@Suite("Chỉ số CCHC: dữ liệu demo huyện Quảng Điền (seed 001)")
struct ParIndexDemoTests {
    struct DemoFile: Decodable {
        struct Unit: Decodable {
            var name: String?
            var selfTexts: [String: String]
            var appraised: [String: String]?
            var comments: [String: String]?
            var explanations: [String: String]?
            var evidence: [String: [String]]?
            enum CodingKeys: String, CodingKey { case name, selfTexts = "self", appraised, comments, explanations, evidence }
        }
        struct Round: Decodable {
            var year: Int
            var units: [String: Unit]
        }
        var framework: ParFramework
        var rounds: [Round]
    }

    static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/CCHCApp/Resources/Demo/quang-dien-par.json")
    static let quangTho = "TTH-QDI-QUANGTHO"
    static let unitCodes = ["TTH-QDI-TTSIA", "TTH-QDI-QUANGAN", "TTH-QDI-QUANGCONG", "TTH-QDI-QUANGLOI", "TTH-QDI-QUANGNGAN",
                            "TTH-QDI-QUANGPHU", "TTH-QDI-QUANGPHUOC", "TTH-QDI-QUANGTHAI", "TTH-QDI-QUANGTHANH", quangTho,
                            "TTH-QDI-QUANGVINH"]

    let demo: DemoFile

    init() throws {
        demo = try JSONDecoder().decode(DemoFile.self, from: Data(contentsOf: Self.url))
    }

    var framework: ParFramework { demo.framework }

    func round(_ year: Int) throws -> DemoFile.Round { try #require(demo.rounds.first { $0.year == year }) }

    /// The unit's own texts, parsed; with `appraised`, the council's points over them (bonus, penalty: `.points`).
    func inputs(_ unit: DemoFile.Unit, appraised: Bool) throws -> [String: ParInput] {
        var out: [String: ParInput] = [:]
        for (code, text) in unit.selfTexts {
            out[code] = try ParInputText.parse(text, for: try #require(framework[code], "no criterion \(code)"))
        }
        if appraised {
            for (code, text) in unit.appraised ?? [:] {
                let c = try #require(framework[code], "no criterion \(code)")
                let points = try #require(NumberFormat.parse(text), "\"\(text)\" is not a number")
                out[code] = c.isAdjustment ? .points(points) : .manual(points)
            }
        }
        return out
    }

    func card(_ year: Int, _ code: String, appraised: Bool = true) throws -> ParScorecard {
        let unit = try #require(try round(year).units[code], "no unit \(code) in \(year)")
        return ParScoring.score(framework, inputs: try inputs(unit, appraised: appraised))
    }

    func standings(_ year: Int) throws -> [(code: String, standing: ParStanding)] {
        let units = try round(year).units
        let codes = units.keys.sorted()
        let rows = try codes.enumerated().map { i, code in
            (id: i, name: units[code]?.name ?? code, total: try card(year, code).total)
        }
        return ParRanking.rank(rows).map { (codes[$0.unitID], $0) }
    }

    @Test func theFrameworkIsACommuneFrameworkOf100PointsUsingEveryMethod() throws {
        #expect(framework.code == "QD-XA" && framework.group == "communes" && framework.year == 2019)
        #expect(framework.problems() == [])
        #expect(framework.maxTotal == 100)
        let leaves = framework.criteria.filter { c in !framework.criteria.contains { $0.parent == c.code } }
        #expect(Set(leaves.map(\.effectiveMethod.type)) == Set(ParMethod.types))
        #expect(leaves.contains { $0.effectiveMethod == .manual(step: nil) })
        #expect(leaves.contains { if case .manual(let s?) = $0.effectiveMethod { s > 0 } else { false } })
        #expect(leaves.filter { $0.notApplicableFull == true }.count >= 2)
        #expect(leaves.allSatisfy { !($0.evidence ?? "").isEmpty })
        let edges = leaves.flatMap { c -> [ParBand] in
            switch c.effectiveMethod {
            case .bands(_, let b), .indicator(_, let b): b
            default: []
            }
        }
        #expect(edges.contains { $0.min != nil && $0.includesMin } && edges.contains { $0.min != nil && !$0.includesMin })
        #expect(edges.contains { $0.max != nil && $0.includesMax } && edges.contains { $0.max != nil && !$0.includesMax })
        #expect(framework.classes.map(\.label) == ["Xuất sắc", "Tốt", "Khá", "Trung bình"])

        // Seed 001's criteria as the seed gives them.
        let news = try #require(framework["1.3.3"])
        #expect(news.name == "Số lượng tin bài tuyên truyền trên hệ thống đài truyền thanh và cổng thông tin điện tử của cơ quan")
        #expect(news.max == 2 && news.method == .deduction(ParDeduction(per: .month, required: 4, penalty: 0.5)))
        #expect(framework.office(of: "1.3.3") == "Ban biên tập trang TTĐT xã")
        #expect(framework["1.4"]?.name == "Kiểm tra thực hiện nhiệm vụ CBCS" && framework["1.4"]?.max == 6)
        #expect(framework.office(of: "1.4") == "Đoàn kiểm tra CCHC xã")
        #expect(framework["2.1"]?.name == "Cải cách thể chế" && framework["2.1"]?.max == 11)
        #expect(framework["2.1.1.1"]?.name == "Tổ chức triển khai các văn bản QPPL của Trung ương, của tỉnh, huyện trên các lĩnh vực quản lý")
        #expect(framework["2.1.1.1"]?.max == 1.5)
        #expect(framework["2.1.3"]?.name == "Kiểm tra, xử lý văn bản QPPL" && framework["2.1.3"]?.max == 4)
        #expect(framework.office(of: "2.1.3") == "Tư pháp" && framework.office(of: "2.1.1.1") == "Tư pháp")
    }

    @Test func theFileIsReadableUTF8WithEveryUnitInBothYears() throws {
        let raw = try String(contentsOf: Self.url, encoding: .utf8)
        #expect(!raw.contains("\\u"))
        #expect(demo.rounds.map(\.year) == [2018, 2019])
        let leaves = Set(framework.criteria.filter { c in !framework.criteria.contains { $0.parent == c.code } }.map(\.code))
        for r in demo.rounds {
            #expect(r.units.keys.sorted() == Self.unitCodes.sorted())
            for (code, unit) in r.units {
                let keys = Set(unit.selfTexts.keys).union((unit.appraised ?? [:]).keys).union((unit.comments ?? [:]).keys)
                    .union((unit.explanations ?? [:]).keys).union((unit.evidence ?? [:]).keys)
                #expect(keys.isSubset(of: leaves), "\(code) \(r.year): \(keys.subtracting(leaves))")
                #expect((unit.evidence ?? [:]).count >= 3 && (unit.evidence ?? [:]).values.allSatisfy { !$0.isEmpty })
                // Every text the unit typed reads, and writes back to a text that reads the same.
                for (leaf, text) in unit.selfTexts {
                    let c = try #require(framework[leaf])
                    let input = try #require(try ParInputText.parse(text, for: c))
                    #expect(try ParInputText.parse(ParInputText.format(input, for: c), for: c) == input)
                }
                // The council's changes each come with its comment.
                for leaf in (unit.appraised ?? [:]).keys { #expect(unit.comments?[leaf] != nil, "\(code) \(r.year) \(leaf)") }
                // The unit explains where it lost points by its own score (the survey's points are the district's).
                let own = try card(r.year, code, appraised: false)
                #expect(own.problems == [])
                for s in own.scores where s.isLeaf && !s.code.hasPrefix("8.") && ParPoints.above(s.lost, 0) {
                    #expect(unit.explanations?[s.code] != nil, "\(code) \(r.year) \(s.code) lost \(s.lost)")
                }
            }
        }
    }

    @Test func quangThoIn2019HasSeed001sFigures() throws {
        let card = try card(2019, Self.quangTho)
        #expect(card.problems == [])
        #expect(ParPoints.text(card.total) == "92,63")
        #expect(card["1.3.3"]?.text == "1,5/2")
        #expect(card["1.3.3"]?.explanation == "Yêu cầu 4/tháng; tháng 3 thiếu 1: 1 × 0,5 = −0,5 → 1,5/2")
        #expect(card["1.4"]?.text == "5/6")
        #expect(card["2.1"]?.text == "10/11")
        #expect(card["2.1.1.1"]?.text == "1/1,5")
        #expect(card["2.1.3"]?.text == "3,5/4")
        let cls = ParClassification.classify(card, classes: framework.classes)
        #expect(cls.label == "Xuất sắc" && cls.missed == [])

        // Its weak criteria are seed 001's: 1.4 lost 1, then 2.1.1.1, 2.1.3 and 1.3.3 lost 0,5 each; nothing else as much.
        let weak = card.weakest()
        #expect(weak.first?.code == "1.4" && weak.first.map { ParPoints.same($0.lost, 1) } == true)
        #expect(Set(weak.dropFirst().prefix(3).map(\.code)) == ["2.1.1.1", "2.1.3", "1.3.3"])
        #expect(weak.dropFirst().prefix(3).allSatisfy { ParPoints.same($0.lost, 0.5) })
        #expect(weak.dropFirst(4).allSatisfy { $0.lost < 0.5 - ParPoints.epsilon })
        #expect(weak.prefix(4).map { $0.office ?? "" }.sorted()
                == ["Ban biên tập trang TTĐT xã", "Tư pháp", "Tư pháp", "Đoàn kiểm tra CCHC xã"].sorted())

        // The council took points off its own assessment, a little.
        let own = try self.card(2019, Self.quangTho, appraised: false)
        #expect(ParPoints.above(own.total, card.total) && own.total < card.total + 2)
    }

    @Test func quangThoIsFirstOfElevenInBothYearsAndGains4_47() throws {
        for year in [2018, 2019] {
            let table = try standings(year)
            #expect(table.count == 11)
            let first = try #require(table.first)
            #expect(first.code == Self.quangTho && first.standing.text == "1/11" && !first.standing.tied, "\(year)")
            #expect(first.standing.paddedText == "01/11")
        }
        let last = try card(2018, Self.quangTho)
        #expect(ParPoints.text(last.total) == "88,16")
        let change = try #require(ParYearOnYear.change(year: 2019, current: try card(2019, Self.quangTho).total, previous: last.total))
        #expect(change.text == "+4,47")
        #expect(change.sentence == "cao hơn năm 2018 là 4,47 điểm (năm 2018 đạt 88,16 điểm)")
    }

    @Test func theOtherUnitsSpreadBelowWithATieAndAnExcellentTotalThatMissesOnOneCriterion() throws {
        for year in [2018, 2019] {
            let table = try standings(year)
            let others = table.dropFirst().map(\.standing)
            #expect(others.allSatisfy { $0.total >= 70 && $0.total < 91 }, "\(year): \(others.map(\.total))")
            #expect(others.contains { $0.tied }, "\(year): no shared rank")
            // A tie shares the rank and the next rank skips.
            for (a, b) in zip(others, others.dropFirst()) where ParPoints.same(a.total, b.total) {
                #expect(a.rank == b.rank)
            }
            // Self totals differ from the appraised ones for some units: the council changed scores.
            let changed = try Self.unitCodes.filter { code in
                !ParPoints.same(try card(year, code, appraised: false).total, try card(year, code).total)
            }
            #expect(!changed.isEmpty && changed.count < 11, "\(year)")
        }
        // 2019: a unit reaches 90 but not "Xuất sắc", only because a criterion is below half its max.
        let excellentTotals = try Self.unitCodes.filter { $0 != Self.quangTho }.map { ($0, try card(2019, $0)) }
            .filter { ParPoints.atLeast($0.1.total, 90) }
        #expect(excellentTotals.count == 1)
        for (_, card) in excellentTotals {
            let cls = ParClassification.classify(card, classes: framework.classes)
            #expect(cls.label == "Tốt")
            #expect(cls.missed.first?.hasPrefix("Chưa đạt \"Xuất sắc\": đủ 90 điểm nhưng tiêu chí") == true)
            #expect(!cls.weakCriteria.isEmpty)
        }
    }
}
