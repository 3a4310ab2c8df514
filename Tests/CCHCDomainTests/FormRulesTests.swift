import Foundation
import Testing
@testable import CCHCDomain

@Suite("Biểu mẫu, quy tắc, kiểm tra số liệu, quy trình ký")
struct FormRulesTests {
    static let form = FormDefinition(code: "T", title: "Thử", year: 2021, indicators: [
        Indicator(code: "1", name: "Chỉ đạo", kind: .group, office: "Phòng Nội vụ"),
        Indicator(code: "1.1", parent: "1", name: "Nhiệm vụ đề ra", unit: "Nhiệm vụ", kind: .count),
        Indicator(code: "1.2", parent: "1", name: "Nhiệm vụ hoàn thành", unit: "Nhiệm vụ", kind: .count),
        Indicator(code: "1.2.a", parent: "1.2", name: "Đúng hạn", unit: "Nhiệm vụ", kind: .count, partOf: true),
        Indicator(code: "1.2.b", parent: "1.2", name: "Quá hạn", unit: "Nhiệm vụ", kind: .count, partOf: true),
        Indicator(code: "2", name: "Thủ tục", kind: .group, office: "Văn phòng"),
        Indicator(code: "2.1", parent: "2", name: "Tỷ lệ hồ sơ đúng hạn", unit: "%", kind: .percent, fraction: true,
                  numeratorLabel: "Hồ sơ đúng hạn", denominatorLabel: "Hồ sơ đã giải quyết"),
        Indicator(code: "2.2", parent: "2", name: "Tỷ lệ trực tuyến", unit: "%", kind: .percent),
        Indicator(code: "2.3", parent: "2", name: "Hình thức khảo sát", kind: .choice,
                  choices: [.init(value: 0, label: "Trực tuyến"), .init(value: 1, label: "Phát phiếu"), .init(value: 2, label: "Kết hợp")]),
        Indicator(code: "2.4", parent: "2", name: "Kinh phí", unit: "triệu đồng", kind: .number, measure: .cumulative, office: "Phòng Tài chính"),
        Indicator(code: "2.5", parent: "2", name: "Ghi chú", kind: .text),
    ], rules: [
        Rule(expr: "[1.2] <= [1.1]", message: "Hoàn thành không vượt đề ra."),
        Rule(expr: "[1.2.a] + [1.2.b] == [1.2]", message: "Đúng hạn cộng quá hạn bằng hoàn thành."),
        Rule(expr: "[2.1] >= 50", message: "Tỷ lệ đúng hạn dưới 50%."),
    ])

    @Test func formTreeHelpers() {
        let f = Self.form
        #expect(f.problems().isEmpty)
        #expect(f.office(of: "2.1") == "Văn phòng")
        #expect(f.office(of: "2.4") == "Phòng Tài chính")
        #expect(f.section(of: "1.2.a") == "1")
        #expect(f.depth(of: "1.2.a") == 2)
    }

    @Test func formProblemsAreListed() {
        var f = Self.form
        f.indicators.append(Indicator(code: "9.1", parent: "9", name: "Mồ côi", kind: .count))
        f.indicators.append(Indicator(code: "1.1", name: "Trùng", kind: .count))
        f.indicators.append(Indicator(code: "3", name: "Chọn", kind: .choice))
        f.rules.append(Rule(expr: "[1.1] <= [8.8]", message: "x"))
        f.rules.append(Rule(expr: "[1.1] +", message: "x"))
        let p = f.problems()
        #expect(p.contains("Chỉ tiêu 9.1: chỉ tiêu cha 9 không tồn tại."))
        #expect(p.contains("Chỉ tiêu 1.1: mã bị trùng."))
        #expect(p.contains("Chỉ tiêu 3: loại lựa chọn nhưng chưa có danh sách mã (choices)."))
        #expect(p.contains("Quy tắc “[1.1] <= [8.8]”: chỉ tiêu [8.8] không có trong biểu mẫu."))
        #expect(p.contains { $0.hasPrefix("Quy tắc “[1.1] +”") })
    }

    @Test(arguments: [
        ("[a] <= [b]", 3.0, 4.0, true), ("[a] <= [b]", 4, 4, true), ("[a] <= [b]", 5, 4, false),
        ("[a] < [b]", 4, 4, false), ("[a] < [b]", 3, 4, true),
        ("[a] >= [b]", 4, 4, true), ("[a] >= [b]", 3, 4, false),
        ("[a] > [b]", 5, 4, true), ("[a] > [b]", 4, 4, false),
        ("[a] == [b]", 4, 4, true), ("[a] = [b]", 4, 5, false),
        ("[a] != [b]", 4, 5, true), ("[a] != [b]", 4, 4, false),
        ("[a] + [b] <= 10", 4, 6, true), ("[a] - [b] >= -2", 4, 6, true), ("([a] + [b]) * 2 == 20", 4, 6, true),
        ("[a] / [b] * 100 <= 70", 4, 6, true), ("-[a] + 10 == [b]", 4, 6, true), ("[a] * 1,5 == [b]", 4, 6, true),
    ])
    func ruleOperators(_ expr: String, _ a: Double, _ b: Double, _ expected: Bool) throws {
        let e = try RuleExpression.parse(expr)
        #expect(e.holds { ["a": a, "b": b][$0] } == expected)
    }

    @Test func rulesSkipBlanksAndDivisionByZero() throws {
        let e = try RuleExpression.parse("[1.3.2] + [1.3.3] <= [1.3.1]")
        #expect(e.references == ["1.3.2", "1.3.3", "1.3.1"])
        #expect(e.holds { ["1.3.2": 1, "1.3.1": 5][$0] } == nil)
        #expect(try RuleExpression.parse("[a] / [b] <= 1").holds { ["a": 1, "b": 0][$0] } == nil)
    }

    @Test func ruleSyntaxErrorsSayWhere() {
        #expect(throws: RuleExpression.ParseError(message: "thiếu phép so sánh (<=, <, >=, >, ==, !=).")) { try RuleExpression.parse("[a] + [b]") }
        #expect(throws: RuleExpression.ParseError(message: "thiếu dấu “]” đóng mã chỉ tiêu.")) { try RuleExpression.parse("[a <= 1") }
        #expect(throws: RuleExpression.ParseError.self) { try RuleExpression.parse("[a] <= [b] <= [c]") }
        #expect(throws: RuleExpression.ParseError.self) { try RuleExpression.parse("[a] <= #") }
    }

    @Test func parsingTypedValues() {
        let (values, errors) = FormValidator.parse(Self.form, raw: [
            "1.1": RawValue(value: "12"),
            "1.2": RawValue(value: " 10 "),
            "2.1": RawValue(numerator: "1.245", denominator: "1.364"),
            "2.2": RawValue(value: "92,63"),
            "2.3": RawValue(value: "2"),
            "2.4": RawValue(value: "1.250,5"),
            "2.5": RawValue(value: "  ghi chú  "),
            "1.2.a": RawValue(value: ""),
        ])
        #expect(errors.isEmpty)
        #expect(values["1.1"]?.number == 12)
        #expect(values["2.1"] == IndicatorValue(numerator: 1245, denominator: 1364))
        #expect(values["2.2"]?.number == 92.63)
        #expect(values["2.4"]?.number == 1250.5)
        #expect(values["2.5"]?.text == "ghi chú")
        #expect(values["1.2.a"] == nil)
    }

    @Test func typeAndRangeErrorsNameTheRow() {
        let (_, errors) = FormValidator.parse(Self.form, raw: [
            "1.1": RawValue(value: "mười hai"),
            "1.2": RawValue(value: "2,5"),
            "2.1": RawValue(numerator: "50", denominator: "40"),
            "2.2": RawValue(value: "140"),
            "2.3": RawValue(value: "7"),
            "9.9": RawValue(value: "1"),
        ])
        let messages = errors.map(\.message)
        #expect(messages.contains("Dòng 1.1 (Nhiệm vụ đề ra): giá trị “mười hai” không phải là số."))
        #expect(messages.contains("Dòng 1.2 (Nhiệm vụ hoàn thành): phải là số nguyên không âm (Nhiệm vụ); "
            + "đã nhập “2,5” (có phần thập phân). Hãy nhập số nguyên, vd: 2."))
        // A dot typed as a decimal mark: what was typed, how it was read, both readings offered.
        #expect(NumberFormat.notACount(typed: "12.5", read: 12.5).contains("đã nhập “12.5”, hiểu là 12,5"))
        #expect(NumberFormat.notACount(typed: "12.5", read: 12.5).contains("12 hay 125?"))
        #expect(messages.contains("Dòng 2.1 (Tỷ lệ hồ sơ đúng hạn): tử số 50 lớn hơn mẫu số 40 — tỷ lệ sẽ vượt 100%."))
        #expect(messages.contains("Dòng 2.2 (Tỷ lệ trực tuyến): tỷ lệ phải từ 0 đến 100 (%), nhận được 140."))
        #expect(messages.contains { $0.hasPrefix("Dòng 2.3 (Hình thức khảo sát): mã lựa chọn 7 không hợp lệ; chọn một trong: Trực tuyến = 0; Phát phiếu = 1; Kết hợp = 2") })
        #expect(messages.contains("Chỉ tiêu 9.9: không có trong biểu mẫu T."))
        #expect(errors.count == 6)
    }

    @Test func consistencyWarningsNameTheRows() {
        let values: [String: IndicatorValue] = [
            "1.1": .init(number: 10), "1.2": .init(number: 12), "1.2.a": .init(number: 9), "1.2.b": .init(number: 5),
            "2.1": .init(numerator: 4, denominator: 10),
        ]
        let w = FormValidator.warnings(Self.form, values: values)
        #expect(w.contains { $0.codes == ["1.2", "1.2.a", "1.2.b"] && $0.message.contains("cộng lại 14, vượt dòng 1.2 = 12") })
        #expect(w.contains { $0.message == "Hoàn thành không vượt đề ra. (1.2 = 12, 1.1 = 10)" })
        #expect(w.contains { $0.message.hasPrefix("Đúng hạn cộng quá hạn bằng hoàn thành.") })
        #expect(w.contains { $0.message == "Tỷ lệ đúng hạn dưới 50%. (2.1 = 40)" })
        #expect(FormValidator.warnings(Self.form, values: ["1.1": .init(number: 10), "1.2": .init(number: 8)]).isEmpty)
    }

    @Test func anOfWhichViolationIsReportedOnce() {
        // The form's own rule says what the built-in "of which" check says: one warning, not two.
        var form = Self.form
        form.rules.append(Rule(expr: "[1.2.a] + [1.2.b] <= [1.2]", message: "Đúng hạn cộng quá hạn không vượt hoàn thành."))
        let values: [String: IndicatorValue] = ["1.1": .init(number: 20), "1.2": .init(number: 10), "1.2.a": .init(number: 8),
                                                "1.2.b": .init(number: 5)]
        let w = FormValidator.warnings(form, values: values)
        #expect(w.filter { Set($0.codes) == ["1.2", "1.2.a", "1.2.b"] && !$0.message.hasPrefix("Đúng hạn cộng quá hạn bằng") }.count == 1)
        #expect(!w.contains { $0.message.hasPrefix("Đúng hạn cộng quá hạn không vượt") })
        // A rule over other rows still speaks.
        #expect(w.contains { $0.message.hasPrefix("Đúng hạn cộng quá hạn bằng hoàn thành.") })
    }

    @Test func numbersInVietnamese() {
        #expect(NumberFormat.vietnamese(92.63) == "92,63")
        #expect(NumberFormat.vietnamese(1245) == "1.245")
        #expect(NumberFormat.vietnamese(1_234_567.5) == "1.234.567,5")
        #expect(NumberFormat.vietnamese(-4.47) == "-4,47")
        #expect(NumberFormat.vietnamese(0) == "0")
        #expect(NumberFormat.parse("92,63") == 92.63)
        #expect(NumberFormat.parse("1.245") == 1245)
        #expect(NumberFormat.parse("0.5") == 0.5)
        #expect(NumberFormat.parse("12.5") == 12.5)
        #expect(NumberFormat.parse("91,3%") == 91.3)
        #expect(NumberFormat.parse("abc") == nil)
        #expect(NumberFormat.parse("") == nil)
    }
}

@Suite("Quy trình ký, gửi, tiếp nhận, trả lại")
struct WorkflowTests {
    let specialist = ReportActor(role: .specialist, drafts: true, signs: false, receives: false)
    let leader = ReportActor(role: .leader, drafts: true, signs: true, receives: false)
    let officer = ReportActor(role: .standingOfficer, drafts: false, signs: false, receives: true)
    let otherCommune = ReportActor(role: .leader, drafts: false, signs: false, receives: false)

    @Test func theWholeJourney() throws {
        var s = ReportState.draft
        s = try ReportWorkflow.next(s, .sendToLeader, by: specialist).get()
        #expect(s == .awaitingLeader)
        s = try ReportWorkflow.next(s, .submit, by: leader).get()
        #expect(s == .submitted)
        s = try ReportWorkflow.next(s, .return, by: officer, comment: "Sửa dòng 1.1.2").get()
        #expect(s == .returned)
        s = try ReportWorkflow.next(s, .save, by: specialist).get()
        s = try ReportWorkflow.next(s, .submit, by: leader).get()
        s = try ReportWorkflow.next(s, .accept, by: officer).get()
        #expect(s == .accepted)
        #expect(try ReportWorkflow.next(s, .newVersion, by: specialist).get() == .draft)
    }

    @Test func permissions() {
        #expect(throws: ReportWorkflow.Refusal.self) { try ReportWorkflow.next(.awaitingLeader, .submit, by: specialist).get() }
        #expect(throws: ReportWorkflow.Refusal.self) { try ReportWorkflow.next(.draft, .save, by: otherCommune).get() }
        #expect(throws: ReportWorkflow.Refusal.self) { try ReportWorkflow.next(.submitted, .accept, by: leader).get() }
        #expect(throws: ReportWorkflow.Refusal.self) { try ReportWorkflow.next(.submitted, .return, by: officer, comment: "  ").get() }
        #expect(throws: ReportWorkflow.Refusal.self) { try ReportWorkflow.next(.accepted, .save, by: specialist).get() }
        #expect(throws: ReportWorkflow.Refusal.self) { try ReportWorkflow.next(.submitted, .save, by: leader).get() }
        #expect(throws: ReportWorkflow.Refusal.self) { try ReportWorkflow.next(.draft, .save, by: officer).get() }
        if case .failure(let r) = ReportWorkflow.next(.draft, .submit, by: specialist) {
            #expect(r.message.contains("Chỉ lãnh đạo đơn vị mới được ký và gửi báo cáo"))
        } else { Issue.record("chuyên viên không được gửi") }
        #expect(ReportWorkflow.available(.draft, for: specialist) == [.save, .sendToLeader])
        #expect(ReportWorkflow.available(.submitted, for: officer) == [.accept, .return])
        #expect(ReportWorkflow.available(.awaitingLeader, for: leader).contains(.submit))
        #expect(ReportWorkflow.available(.accepted, for: otherCommune).isEmpty)
    }
}
