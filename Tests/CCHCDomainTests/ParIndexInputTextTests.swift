import Foundation
import Testing
@testable import CCHCDomain

@Suite("Chỉ số CCHC: số liệu tự đánh giá nhập dạng văn bản")
struct ParIndexInputTextTests {
    func leaf(_ method: ParMethod?, code: String = "1.3.3", max: Double = 2, notApplicableFull: Bool? = nil) -> ParCriterion {
        ParCriterion(code: code, name: "Tiêu chí thử", max: max, notApplicableFull: notApplicableFull, method: method)
    }

    /// The message of the refusal, or nil when the text was accepted.
    func refusal(_ text: String, _ c: ParCriterion) -> String? {
        do {
            _ = try ParInputText.parse(text, for: c)
            return nil
        } catch let failure as ValidationFailure {
            #expect(failure.errors.map(\.field) == ["criteria." + c.code])
            return failure.errors.first?.message
        } catch {
            return "\(error)"
        }
    }

    /// format → parse gives the input back.
    func roundTrips(_ input: ParInput, _ c: ParCriterion) throws -> Bool {
        try ParInputText.parse(ParInputText.format(input, for: c), for: c) == input
    }

    let deduction = ParMethod.deduction(ParDeduction(per: .month, required: 4, penalty: 0.5))
    let levels = ParMethod.levels([ParLevel(label: "Ban hành kịp thời", points: 1), ParLevel(label: "Không kịp thời", points: 0.5),
                                   ParLevel(label: "Không ban hành", points: 0)])
    let deadline = ParMethod.deadline(ParDeadline(duties: ["plan", "report:Q1", "report:H1", "report:Q3", "report:Y"],
                                                  onTime: 1, late: 0.5, missing: 0))
    let bands = ParMethod.bands(input: "Tỷ lệ văn bản được rà soát (%)", bands: [
        ParBand(min: 90, minInclusive: false, points: 2), ParBand(min: 70, max: 90, points: 1), ParBand(max: 70, maxInclusive: false, points: 0)])

    @Test func blankIsNoInputAndKhongPhatSinhIsNotApplicableForAnyMethod() throws {
        let methods: [ParMethod?] = [nil, .boolean, levels, bands, deduction, deadline, .indicator(indicator: "3.4.2", bands: []),
                                     .bonus(cap: 2), .penalty(cap: 3)]
        for m in methods {
            let c = leaf(m)
            #expect(try ParInputText.parse("", for: c) == nil)
            #expect(try ParInputText.parse("  \n ", for: c) == nil)
            #expect(try ParInputText.parse("Không phát sinh", for: c) == .notApplicable)
            #expect(try ParInputText.parse("  KHONG PHAT SINH. ", for: c) == .notApplicable)
            #expect(ParInputText.format(.notApplicable, for: c) == "không phát sinh")
        }
        // Whether it earns the max is the framework's: scoring decides.
        let full = leaf(.boolean, notApplicableFull: true)
        let na = try #require(try ParInputText.parse("không phát sinh", for: full))
        #expect(try ParScoring.scoreLeaf(full, na).get().points == 2)
        if case .success = ParScoring.scoreLeaf(leaf(.boolean), na) { Issue.record("không phát sinh must not earn points here") }
    }

    @Test func manualNumbersWithADecimalCommaOrPoint() throws {
        let c = leaf(.manual(step: 0.5), code: "1.4", max: 6)
        #expect(try ParInputText.parse("1,5", for: c) == .manual(1.5))
        #expect(try ParInputText.parse("1.5", for: c) == .manual(1.5))
        #expect(try ParInputText.parse(" 2 ", for: c) == .manual(2))
        #expect(ParInputText.format(.manual(5.5), for: c) == "5,5")
        #expect(ParInputText.format(.manual(5), for: c) == "5")
        for v in [0, 0.25, 1.5, 5.13, 6, 1245.5] { #expect(try roundTrips(.manual(v), c)) }
        #expect(refusal("năm", c) == "Tiêu chí 1.4: \"năm\" không phải là điểm chấm: ghi một số (vd: 5,5)")
        #expect(refusal("-1", c) == "Tiêu chí 1.4: điểm chấm -1 không được âm")
        #expect(refusal("−0,5", c) == "Tiêu chí 1.4: điểm chấm -0,5 không được âm")
        #expect(refusal("5 %", c)?.contains("không có \"%\"") == true)
        #expect(refusal("1,5,5", c) != nil)
        #expect(refusal(String(repeating: "1", count: 2000), c)?.contains("quá dài") == true)
        // Within the max and on the step is the scoring's to say, on the same field.
        let card = ParScoring.score(ParFramework(code: "T", title: "T", year: 2019, group: "g", criteria: [c]),
                                    inputs: ["1.4": try #require(try ParInputText.parse("6,5", for: c))])
        #expect(card.problems.map(\.field) == ["criteria.1.4"])
        #expect(ParInputText.hint(for: c) == "Số điểm từ 0 đến 6, bước 0,5 (vd: 5,5)")
        #expect(ParInputText.hint(for: leaf(nil, max: 4)) == "Số điểm từ 0 đến 4, tối đa 2 chữ số thập phân (vd: 3,48)")
    }

    @Test func booleanWords() throws {
        let c = leaf(.boolean)
        for t in ["đạt", "Đạt", "DAT", "có", "x", "X", "1"] { #expect(try ParInputText.parse(t, for: c) == .boolean(true)) }
        for t in ["không đạt", "Không  Đạt", "chưa đạt", "không", "0"] { #expect(try ParInputText.parse(t, for: c) == .boolean(false)) }
        #expect(ParInputText.format(.boolean(true), for: c) == "đạt")
        #expect(ParInputText.format(.boolean(false), for: c) == "không đạt")
        #expect(try roundTrips(.boolean(true), c) && roundTrips(.boolean(false), c))
        #expect(refusal("2", c) == "Tiêu chí 1.3.3: \"2\" không đọc được; ghi \"đạt\" hoặc \"không đạt\"")
        #expect(ParInputText.hint(for: c) == "\"đạt\" hoặc \"không đạt\"")
        #expect(ParInputText.hint(for: leaf(.boolean, notApplicableFull: true)) == "\"đạt\" hoặc \"không đạt\"; hoặc \"không phát sinh\"")
    }

    @Test func levelsByLabelOnly() throws {
        let c = leaf(levels, code: "1.1.1", max: 1)
        #expect(try ParInputText.parse("ban hanh kip thoi", for: c) == .level("Ban hành kịp thời"))
        #expect(try ParInputText.parse("KHÔNG KỊP THỜI", for: c) == .level("Không kịp thời"))
        #expect(ParInputText.format(.level("không ban hành"), for: c) == "Không ban hành")
        for l in ["Ban hành kịp thời", "Không kịp thời", "Không ban hành"] { #expect(try roundTrips(.level(l), c)) }
        // A level's number would read like points: refused, with the labels.
        let expected = "Tiêu chí 1.1.1: mức \"1\" không có; chọn một trong các mức: \"Ban hành kịp thời\", \"Không kịp thời\", \"Không ban hành\""
        #expect(refusal("1", c) == expected)
        #expect(refusal("Đúng hạn", c)?.hasPrefix("Tiêu chí 1.1.1: mức \"Đúng hạn\" không có") == true)
        #expect(ParInputText.hint(for: c) == "Một trong các mức: \"Ban hành kịp thời\", \"Không kịp thời\", \"Không ban hành\"")
    }

    @Test func bandsAndIndicatorTakeANumberWithOrWithoutPercent() throws {
        let b = leaf(bands, code: "2.1.2.2")
        #expect(try ParInputText.parse("92,5 %", for: b) == .measured(92.5))
        #expect(try ParInputText.parse("92.5%", for: b) == .measured(92.5))
        #expect(try ParInputText.parse("90", for: b) == .measured(90))
        #expect(try roundTrips(.measured(92.5), b) && roundTrips(.measured(0), b) && roundTrips(.measured(66.6667), b))
        #expect(refusal("-5", b) == "Tiêu chí 2.1.2.2: giá trị đo -5 không được âm")
        #expect(refusal("chín mươi", b) == "Tiêu chí 2.1.2.2: \"chín mươi\" không phải là giá trị đo: ghi một số (vd: 92,5)")
        // Bands that reach below zero take a negative figure.
        let change = leaf(.bands(input: "Tăng, giảm (%)", bands: [ParBand(min: -100, max: 0, points: 0),
                                                                  ParBand(min: 0, minInclusive: false, points: 1)]), code: "x")
        #expect(try ParInputText.parse("−2,5", for: change) == .measured(-2.5))
        #expect(try roundTrips(.measured(-2.5), change))
        #expect(ParInputText.hint(for: b) == "Giá trị đo: Tỷ lệ văn bản được rà soát (%), một số (vd: 92,5)")

        let i = leaf(.indicator(indicator: "3.4.2", bands: [ParBand(min: 95, points: 4)]), code: "3.3.1", max: 4)
        #expect(try ParInputText.parse("98,2", for: i) == .indicator(98.2))
        #expect(try ParInputText.parse("98,2 %", for: i) == .indicator(98.2))
        #expect(try roundTrips(.indicator(98.2), i) && roundTrips(.indicator(100), i))
        #expect(refusal("-1", i) == "Tiêu chí 3.3.1: giá trị chỉ tiêu 3.4.2 -1 không được âm")
        #expect(refusal("đủ", i)?.contains("không phải là giá trị chỉ tiêu 3.4.2") == true)
        #expect(ParInputText.hint(for: i) == "Giá trị chỉ tiêu 3.4.2 trong báo cáo thống kê của đơn vị, một số (vd: 98,2)")
    }

    @Test func deductionCountsOnePerPeriod() throws {
        let c = leaf(deduction)
        let news = [4, 5, 3, 4, 6, 4, 4, 4, 5, 4, 4, 7]
        #expect(try ParInputText.parse("4 5 3 4 6 4 4 4 5 4 4 7", for: c) == .counts(news))
        #expect(try ParInputText.parse("4;5;3;4; 6;4;4;4;5;4;4;7", for: c) == .counts(news))
        #expect(try ParInputText.parse("4, 5, 3, 4, 6, 4, 4, 4, 5, 4, 4, 7", for: c) == .counts(news))
        #expect(try ParInputText.parse("4  5\n3 4 6 4 4 4 5 4 4 7", for: c) == .counts(news))
        #expect(ParInputText.format(.counts(news), for: c) == "4 5 3 4 6 4 4 4 5 4 4 7")
        #expect(try roundTrips(.counts(news), c))
        // Seed 001's 1.3.3: one month of three items → 1,5/2.
        let input = try #require(try ParInputText.parse(ParInputText.format(.counts(news), for: c), for: c))
        #expect(try ParScoring.scoreLeaf(c, input).get().points == 1.5)
        #expect(refusal("4 4 4", c) == "Tiêu chí 1.3.3: cần đúng 12 số lượng (mỗi tháng một số), đã ghi 3")
        // Counts are whole: a comma separates two counts, it is no decimal mark here.
        #expect(try ParInputText.parse("4,4 4 4 4 4 4 4 4 4 4,3", for: c) == .counts([4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 3]))
        #expect(refusal("4 4 3.5 4 4 4 4 4 4 4 4 4", c)
                == "Tiêu chí 1.3.3: \"3.5\" không phải là số nguyên; số lượng ghi bằng số nguyên, cách nhau bởi dấu cách")
        #expect(refusal("4 4 -3 4 4 4 4 4 4 4 4 4", c) == "Tiêu chí 1.3.3: số lượng -3 không được âm")
        #expect(refusal("bốn", c)?.contains("không phải là số nguyên") == true)
        #expect(refusal("99999999999 4 4 4 4 4 4 4 4 4 4 4", c) != nil)
        #expect(ParInputText.hint(for: c) == "12 số lượng theo tháng, cách nhau bởi dấu cách (vd: 4 4 3 4 …)")

        let quarter = leaf(.deduction(ParDeduction(per: .quarter, required: 2, penalty: 0.25)))
        #expect(try ParInputText.parse("2 2 1 3", for: quarter) == .counts([2, 2, 1, 3]))
        #expect(try roundTrips(.counts([0, 0, 0, 0]), quarter))
        #expect(refusal("2 2 1", quarter) == "Tiêu chí 1.3.3: cần đúng 4 số lượng (mỗi quý một số), đã ghi 3")
        #expect(ParInputText.hint(for: quarter) == "4 số lượng theo quý, cách nhau bởi dấu cách (vd: 2 2 1 2)")
        let year = leaf(.deduction(ParDeduction(per: .year, required: 10, penalty: 0.25)))
        #expect(try ParInputText.parse("8", for: year) == .counts([8]))
        #expect(refusal("8 2", year) == "Tiêu chí 1.3.3: cần đúng 1 số lượng (cả năm), đã ghi 2")
        #expect(ParInputText.hint(for: year) == "Số lượng cả năm, một số nguyên (vd: 10)")
    }

    @Test func deadlineOverallOrPerDuty() throws {
        let c = leaf(deadline, code: "1.1.3", max: 1)
        #expect(try ParInputText.parse("Đúng hạn", for: c) == .deadline(.onTime))
        #expect(try ParInputText.parse("chậm hạn", for: c) == .deadline(.late))
        #expect(try ParInputText.parse("muộn", for: c) == .deadline(.late))
        #expect(try ParInputText.parse("không thực hiện", for: c) == .deadline(.missing))
        #expect(try ParInputText.parse("Không", for: c) == .deadline(.missing))
        for o in ParDutyOutcome.allCases { #expect(try roundTrips(.deadline(o), c)) }

        let perDuty = try ParInputText.parse("plan: đúng hạn; report:Q1: chậm hạn", for: c)
        #expect(perDuty == .duties(["plan": .onTime, "report:Q1": .late]))
        #expect(try ParInputText.parse("PLAN đúng hạn\nreport:q1 muộn", for: c) == perDuty)
        let all: [String: ParDutyOutcome] = ["plan": .onTime, "report:Q1": .late, "report:H1": .onTime,
                                             "report:Q3": .missing, "report:Y": .onTime]
        let text = ParInputText.format(.duties(all), for: c)
        #expect(text == "plan: đúng hạn; report:Q1: chậm hạn; report:H1: đúng hạn; "
                + "report:Q3: không thực hiện; report:Y: đúng hạn")
        #expect(try roundTrips(.duties(all), c))
        // The parsed duties score as the records would: Q3 missing → 0.
        #expect(try ParScoring.scoreLeaf(c, try #require(try ParInputText.parse(text, for: c))).get().points == 0)

        #expect(refusal("report:Q2: đúng hạn", c)
                == "Tiêu chí 1.1.3: nhiệm vụ \"report:Q2\" không có; các nhiệm vụ: plan, report:Q1, report:H1, report:Q3, report:Y")
        #expect(refusal("plan: xong", c)
                == "Tiêu chí 1.1.3: nhiệm vụ plan: \"xong\" không đọc được; ghi \"đúng hạn\", \"chậm hạn\" hoặc \"không thực hiện\"")
        #expect(refusal("plan:", c)?.contains("nhiệm vụ plan: chưa ghi kết quả") == true)
        #expect(refusal("plan: đúng hạn; plan: chậm hạn", c) == "Tiêu chí 1.1.3: nhiệm vụ plan được ghi hai lần")
        #expect(refusal("xong rồi", c)
                == "Tiêu chí 1.1.3: \"xong rồi\" không đọc được; ghi \"đúng hạn\", \"chậm hạn\" hoặc \"không thực hiện\"")
        #expect(ParInputText.hint(for: c)
                == "\"đúng hạn\", \"chậm hạn\" hoặc \"không thực hiện\"; hoặc theo từng nhiệm vụ (vd: plan: đúng hạn; report:Q1: chậm hạn)")
    }

    @Test func bonusAndPenaltyPoints() throws {
        let bonus = leaf(.bonus(cap: 2), code: "9")
        #expect(try ParInputText.parse("1,5", for: bonus) == .points(1.5))
        #expect(try ParInputText.parse("+1", for: bonus) == .points(1))
        #expect(try roundTrips(.points(1.5), bonus))
        #expect(refusal("-1", bonus) == "Tiêu chí 9: điểm thưởng -1 không được âm")
        #expect(ParInputText.hint(for: bonus) == "Số điểm thưởng, tối đa 2 (vd: 1)")

        let penalty = leaf(.penalty(cap: 3), code: "10", max: 0)
        #expect(try ParInputText.parse("1", for: penalty) == .points(1))
        #expect(try ParInputText.parse("-1", for: penalty) == .points(1))
        #expect(try ParInputText.parse("−0,5", for: penalty) == .points(0.5))
        #expect(ParInputText.format(.points(1), for: penalty) == "1")
        #expect(try roundTrips(.points(0.5), penalty))
        #expect(try ParScoring.scoreLeaf(penalty, .points(1)).get().points == -1)
        #expect(refusal("trừ một", penalty) == "Tiêu chí 10: \"trừ một\" không phải là điểm trừ: ghi một số (vd: 1)")
        #expect(ParInputText.hint(for: penalty) == "Số điểm trừ, tối đa 3 (vd: 1)")
    }

    @Test func messagesAreVietnameseWithoutCrashOnAnyText() {
        let texts = ["", "∞", "NaN", "1e400", "--1", ":", ";;;", "plan::", "%", "1,", ",5", "🙂", String(repeating: ";", count: 999)]
        let methods: [ParMethod?] = [nil, .boolean, levels, bands, deduction, deadline, .indicator(indicator: "3.4.2", bands: []),
                                     .bonus(cap: 2), .penalty(cap: 3)]
        for m in methods {
            for t in texts {
                if let message = refusal(t, leaf(m)) { #expect(message.hasPrefix("Tiêu chí 1.3.3: ")) }
            }
        }
    }
}
