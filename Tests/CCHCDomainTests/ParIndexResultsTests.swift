import Foundation
import Testing
@testable import CCHCDomain

@Suite("Chỉ số CCHC: kết quả, xếp loại, xếp hạng, so với năm trước (seed 001)")
struct ParIndexResultsTests {
    let card = ParScoring.score(ParFixtures.communes2019, inputs: ParFixtures.quangTho2019)

    @Test func quangThoScoresSeed001sFigures() {
        #expect(card.problems == [])
        #expect(ParPoints.text(card.total) == "92,63")
        #expect(card["1.3.3"]?.text == "1,5/2")
        #expect(card["1.3.3"]?.explanation == "Yêu cầu 4/tháng; tháng 3 thiếu 1: 1 × 0,5 = −0,5 → 1,5/2")
        #expect(card["1.3.3"]?.office == "Ban biên tập trang TTĐT xã")
        #expect(card["1.4"]?.text == "5/6")
        #expect(card["2.1"]?.text == "10/11")
        #expect(card["2.1.1.1"]?.text == "1/1,5")
        #expect(card["2.1.3"]?.text == "3,5/4")
        #expect(card["2.1.3"]?.office == "Tư pháp")           // inherited from area 2
        #expect(card["3.2"]?.text == "10/10" && card["3.2"]?.notApplicable == true)
        #expect(card["8"]?.points == 0 && card["9"]?.points == 0)
    }

    @Test func subtotalsPerArea() {
        let areas = card.areas.map { "\($0.code) \($0.text)" }
        #expect(areas == ["1 12,5/14", "2 14/15", "3 25/25", "4 12/12", "5 12/12", "6 12/12", "7 5,13/10", "8 0/2", "9 0/0"])
        #expect(ParFixtures.communes2019.maxTotal == 100)
    }

    @Test func theCriteriaThatLostTheMostWithTheirSection() {
        let weak = card.weakest().map { "\($0.code) −\(ParPoints.text($0.lost)) \($0.office ?? "")" }
        #expect(weak == ["7 −4,87 Phòng Nội vụ huyện", "1.4 −1 Đoàn kiểm tra CCHC xã", "1.3.3 −0,5 Ban biên tập trang TTĐT xã",
                         "2.1.1.1 −0,5 Tư pháp", "2.1.3 −0,5 Tư pháp"])
        #expect(card.weakest(limit: 2).count == 2)
        #expect(card.weakest(leavesOnly: false).map(\.code).contains("2.1"))
        let plan = ParImprovement.draft(card)
        #expect(plan.map(\.office) == ["Phòng Nội vụ huyện", "Đoàn kiểm tra CCHC xã", "Tư pháp", "Ban biên tập trang TTĐT xã"])
        #expect(plan[2].items.map(\.code) == ["2.1.1.1", "2.1.3"] && plan[2].lost == 1)
        #expect(ParImprovement.line(plan[2].items[1]) == "2.1.3 Kiểm tra, xử lý văn bản QPPL: 3,5/4 (mất 0,5 điểm)")
    }

    @Test func changeOnLastYear() throws {
        let c = try #require(ParYearOnYear.change(year: 2019, current: card.total, previous: 88.16))
        #expect(c.text == "+4,47")
        #expect(c.sentence == "cao hơn năm 2018 là 4,47 điểm (năm 2018 đạt 88,16 điểm)")
        #expect(ParYearOnYear.change(year: 2019, current: 80, previous: 81.2)?.text == "−1,2")
        #expect(ParYearOnYear.change(year: 2019, current: 80, previous: 80)?.sentence == "bằng năm 2018 (năm 2018 đạt 80 điểm)")
        #expect(ParYearOnYear.change(year: 2019, current: 80, previous: nil) == nil)
        // The published figures decide: 92,634 and 88,156 show 92,63 and 88,16, so the change is 4,47.
        #expect(ParYearOnYear.change(year: 2019, current: 92.634, previous: 88.156)?.text == "+4,47")
    }

    @Test func yearOnYearAcrossAMerger() throws {
        let preds = [ParPredecessor(unitID: 1, name: "Quảng An", total: 80, weight: 3),
                     ParPredecessor(unitID: 2, name: "Quảng Thành", total: 90, weight: 1),
                     ParPredecessor(unitID: 3, name: "Quảng Phú", total: nil)]
        let avg = try #require(ParYearOnYear.change(year: 2026, current: 88, predecessors: preds, rule: .average))
        #expect(avg.previous == 85 && avg.text == "+3")
        #expect(avg.basis == "bình quân của Quảng An (80), Quảng Thành (90); không có điểm: Quảng Phú")
        let weighted = try #require(ParYearOnYear.change(year: 2026, current: 88, predecessors: preds, rule: .weighted))
        #expect(weighted.previous == 82.5 && weighted.text == "+5,5")
        #expect(weighted.sentence.hasPrefix("cao hơn năm 2025 là 5,5 điểm (năm 2025 đạt 82,5 điểm, bình quân có trọng số của Quảng An (80 × 3)"))
        #expect(ParYearOnYear.change(year: 2026, current: 88, predecessors: [preds[2]], rule: .average) == nil)
        #expect(ParYearOnYear.change(year: 2026, current: 88, predecessors: [ParPredecessor(unitID: 1, name: "A", total: 80, weight: 0)], rule: .weighted) == nil)
    }

    @Test func rankingWithTies() {
        // Quảng Điền's eleven communes and towns; totals other than Quảng Thọ's are invented.
        let units: [(id: Int, name: String, total: Double)] = [
            (1, "Quảng Thọ", card.total), (2, "Quảng An", 88.5), (3, "Quảng Thành", 88.5), (4, "Quảng Phú", 87.25),
            (5, "Quảng Vinh", 86), (6, "Quảng Phước", 85.1), (7, "Quảng Lợi", 84), (8, "Quảng Thái", 83),
            (9, "Quảng Ngạn", 82), (10, "Quảng Công", 81), (11, "Thị trấn Sịa", 0.1 + 0.2 + 79.7),
        ]
        let r = ParRanking.rank(units)
        #expect(r[0].unitName == "Quảng Thọ" && r[0].text == "1/11" && r[0].paddedText == "01/11" && !r[0].tied)
        #expect(r[1].unitName == "Quảng An" && r[1].rank == 2 && r[1].tied)
        #expect(r[2].unitName == "Quảng Thành" && r[2].rank == 2 && r[2].tied)
        #expect(r[3].unitName == "Quảng Phú" && r[3].rank == 4 && !r[3].tied)
        #expect(r.last?.text == "11/11")
        // 0,1 + 0,2 + 79,7 ties 80 exactly.
        let t = ParRanking.rank([(1, "B", 0.1 + 0.2 + 79.7), (2, "A", 80)])
        #expect(t.map(\.rank) == [1, 1] && t.map(\.unitName) == ["A", "B"])
    }

    // MARK: classes

    func card(total: Double, weakArea: Double = 0) -> ParScorecard {
        let f = ParFramework(code: "T", title: "T", year: 2024, group: "g", criteria: [
            ParCriterion(code: "1", name: "A", max: 90), ParCriterion(code: "2", name: "B", max: 10),
        ])
        return ParScoring.score(f, inputs: ["1": .manual(total - (10 - weakArea)), "2": .manual(10 - weakArea)])
    }

    let classes = [ParClass(label: "Xuất sắc", min: 90, everyCriterionMinShare: 0.5), ParClass(label: "Tốt", min: 80), ParClass(label: "Khá", min: 65)]

    @Test func aClassExactlyAtItsThreshold() {
        #expect(ParClassification.classify(card(total: 90), classes: classes).label == "Xuất sắc")
        #expect(ParClassification.classify(card(total: 89.99), classes: classes).label == "Tốt")
        let low = ParClassification.classify(card(total: 60), classes: classes)
        #expect(low.label == nil && low.text == "Không xếp loại" && low.missed.count == 3)
        #expect(low.missed[0] == "Chưa đạt \"Xuất sắc\": tổng điểm 60 dưới 90")
    }

    @Test func aClassThatFailsOnlyOnTheEveryCriterionCondition() {
        // 90 points, but criterion 2 has 4,5 of 10 (45 % < 50 %).
        let c = ParClassification.classify(card(total: 90, weakArea: 5.5), classes: classes)
        #expect(c.label == "Tốt")
        #expect(c.weakCriteria == ["2"])
        #expect(c.missed == ["Chưa đạt \"Xuất sắc\": đủ 90 điểm nhưng tiêu chí 2 (4,5/10) dưới 50 % điểm tối đa"])
        // Exactly 50 % passes.
        #expect(ParClassification.classify(card(total: 90, weakArea: 5), classes: classes).label == "Xuất sắc")
        // Quảng Thọ: 92,63, but the survey (7) has 5,13/10 ≥ 50 %; every criterion passes.
        let qt = ParScoring.score(ParFixtures.communes2019, inputs: ParFixtures.quangTho2019)
        #expect(ParClassification.classify(qt, classes: ParFixtures.communes2019.classes).label == "Xuất sắc")
        var weaker = ParFixtures.quangTho2019
        weaker["7"] = .manual(4.9)
        weaker["4"] = .manual(12)
        let w = ParScoring.score(ParFixtures.communes2019, inputs: weaker)
        #expect(ParPoints.text(w.total) == "92,4")
        #expect(ParClassification.classify(w, classes: ParFixtures.communes2019.classes).label == "Tốt")
    }

    @Test func inputsThatDoNotFitAreListedAndScoreZero() {
        var inputs = ParFixtures.quangTho2019
        inputs["1.4"] = .manual(5.2)          // not on the 0,5 step
        inputs["2.1"] = .manual(10)           // a parent is never typed
        inputs["9.9"] = .manual(1)            // no such criterion
        let c = ParScoring.score(ParFixtures.communes2019, inputs: inputs)
        #expect(c.problems.map(\.message) == [
            "Tiêu chí 1.4: điểm chấm 5,2 không theo bước 0,5",
            "Tiêu chí 2.1 có tiêu chí thành phần: điểm là tổng các tiêu chí thành phần, không nhập trực tiếp",
            "Không có tiêu chí 9.9 trong bộ tiêu chí CCHC-XA",
        ])
        #expect(c["1.4"]?.points == 0)
        #expect(c["2.1"]?.points == 10)
    }
}
