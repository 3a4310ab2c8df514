import Foundation
import Testing
@testable import CCHCDomain

/// No input can stop the server: the parsers and formatters every request passes through are fed
/// random and extreme numbers, deep and long expressions, long strings and odd Unicode.
@Suite("Đầu vào bất thường không làm sập hệ thống")
struct RobustnessTests {
    /// A fixed-seed generator, so a failing case can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let extremes: [Double] = [0, -0.0, 1e20, -1e20, 1e300, -1e300, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
                                     .leastNonzeroMagnitude, 9.223372036854775807e18, -9.223372036854775808e18, 0.005, 0.015,
                                     999.995, 1e12, 1e12 + 1, .infinity, -.infinity, .nan]

    @Test func formattingNeverTrapsAndKeepsEveryDigit() {
        #expect(NumberFormat.vietnamese(1e20) == "100.000.000.000.000.000.000")
        #expect(NumberFormat.vietnamese(-1e20) == "-100.000.000.000.000.000.000")
        #expect(NumberFormat.vietnamese(92.63) == "92,63")
        #expect(NumberFormat.vietnamese(1245) == "1.245")
        #expect(NumberFormat.vietnamese(-0.001) == "0")
        #expect(NumberFormat.vietnamese(.nan) == "—")
        var rng = SplitMix(state: 42)
        var samples = Self.extremes
        for _ in 0..<5_000 { samples.append(Double(bitPattern: rng.next())) }
        for value in samples {
            for digits in [0, 2, 4, -3, 99] {
                let text = NumberFormat.vietnamese(value, maxFractionDigits: digits)
                #expect(!text.isEmpty)
                if value.isFinite, abs(value) < 1e15, digits == 2 {
                    // What is written reads back as the same number (to the digits shown).
                    let back = NumberFormat.parse(text.replacingOccurrences(of: ".", with: "")) ?? .nan
                    #expect(abs(back - value) <= 0.006 * max(1, abs(value) / 1e13), "\(value) → \(text)")
                }
            }
        }
    }

    @Test func parsingRefusesWhatIsNotANumber() {
        for text in ["1e400", "١٢٣", "１２３", "12\u{0301}", String(repeating: "9", count: 5_000), "--1", "1-", "nan", "inf", "0x10", "💥", ""] {
            let n = NumberFormat.parse(text)
            #expect(n == nil || n!.isFinite, "\(text)")
        }
        #expect(NumberFormat.parse("1E+20") == nil)
    }

    static let form = FormDefinition(code: "R", title: "Thử", year: 2021, indicators: [
        Indicator(code: "1", name: "Số đếm", kind: .count),
        Indicator(code: "2", name: "Số", kind: .number),
        Indicator(code: "3", name: "Tỷ lệ", kind: .percent),
        Indicator(code: "4", name: "Tỷ lệ phân số", kind: .percent, fraction: true),
        Indicator(code: "5", name: "Lựa chọn", kind: .choice, choices: [.init(value: 1, label: "Có"), .init(value: 0, label: "Không")]),
        Indicator(code: "6", name: "Ghi chú", kind: .text),
        Indicator(code: "7", name: "Chỉ số tự đặt giới hạn", kind: .percent, min: -50, max: 200),
    ])

    @Test func everyKindHasARangeCheckedBeforeSaving() {
        func errors(_ raw: [String: RawValue]) -> [String] { FormValidator.parse(Self.form, raw: raw).errors.map(\.message) }
        #expect(errors(["1": RawValue(value: "100000000000000000000")]).first?.contains("ngoài phạm vi cho phép từ 0 đến 1.000.000.000.000") == true)
        #expect(errors(["1": RawValue(value: "1000000000000")]).isEmpty)
        #expect(errors(["2": RawValue(value: "-100000000000000000000")]).first?.contains("ngoài phạm vi") == true)
        #expect(errors(["3": RawValue(value: "100,5")]).first?.contains("tỷ lệ phải từ 0 đến 100") == true)
        #expect(errors(["4": RawValue(numerator: "1", denominator: "100000000000000000000")]).first?.contains("mẫu số") == true)
        #expect(errors(["5": RawValue(value: "100000000000000000000")]).first?.contains("mã lựa chọn") == true)
        #expect(errors(["6": RawValue(value: String(repeating: "ạ", count: ValueLimits.textCharacters + 1))]).first?.contains("vượt giới hạn") == true)
        #expect(errors(["7": RawValue(value: "150")]).isEmpty)
        #expect(errors(["7": RawValue(value: "-60")]).first?.contains("từ -50 đến 200") == true)
    }

    @Test func aValueStoredOutOfRangeIsShownAsAWarning() {
        let warnings = FormValidator.warnings(Self.form, values: ["1": IndicatorValue(number: 1e20), "5": IndicatorValue(number: 1e20)])
        #expect(warnings.contains { $0.codes == ["1"] && $0.message.contains("ngoài phạm vi") })
        #expect(warnings.contains { $0.codes == ["5"] && $0.message.contains("không có trong danh sách") })
    }

    @Test func randomInputToTheValidatorNeverTraps() {
        var rng = SplitMix(state: 7)
        let alphabet = Array("0123456789,.-+eE% ạđ💥\u{0301}\u{202E}\0")
        for _ in 0..<3_000 {
            var raw: [String: RawValue] = [:]
            for code in ["1", "2", "3", "4", "5", "6", "7"] {
                let length = Int(rng.next() % 40)
                let text = String((0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
                raw[code] = code == "4" ? RawValue(numerator: text, denominator: String(text.reversed())) : RawValue(value: text)
            }
            let parsed = FormValidator.parse(Self.form, raw: raw)
            for (code, value) in parsed.values {
                #expect(ValueLimits.problem(Self.form.indicator(code)!, value) == nil, "\(code): \(value)")
            }
            _ = FormValidator.warnings(Self.form, values: parsed.values)
        }
    }

    @Test func deepOrLongRulesAreRefusedNotOverflowed() {
        let deep = String(repeating: "(", count: 5_000) + "[1]" + String(repeating: ")", count: 5_000) + " <= 1"
        #expect(throws: RuleExpression.ParseError.self) { try RuleExpression.parse(deep) }
        let signs = String(repeating: "-", count: 400) + "[1] <= 1"
        #expect(throws: RuleExpression.ParseError.self) { try RuleExpression.parse(signs) }
        let nested = String(repeating: "(", count: 20) + "[1]" + String(repeating: ")", count: 20) + " <= 1"
        #expect((try? RuleExpression.parse(nested)) != nil)
        let long = Array(repeating: "[1]", count: 400).joined(separator: " + ") + " <= 1"
        do {
            _ = try RuleExpression.parse(long)
            Issue.record("a 2.400-character rule was accepted")
        } catch let error as RuleExpression.ParseError {
            #expect(error.message.contains("vượt giới hạn"))
        } catch { Issue.record("\(error)") }
        var rng = SplitMix(state: 11)
        let alphabet = Array("[]()+-*/<=>!1.2 ,9e💥")
        for _ in 0..<5_000 {
            let text = String((0..<Int(rng.next() % 60)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
            if let expr = try? RuleExpression.parse(text) { _ = expr.holds { _ in 1e308 } }
        }
        var form = Self.form
        form.rules = [Rule(expr: deep, message: "sâu")]
        #expect(form.problems().contains { $0.contains("vượt giới hạn") })
    }

    @Test func searchesAreBoundedAndLiteral() {
        let words = Folding.searchWords(Array(repeating: "xã", count: 3_000).joined(separator: " ") + " thạch đài")
        #expect(words == ["xa"])
        let many = Folding.searchWords((1...50).map { "w\($0)" }.joined(separator: " "))
        #expect(many.count == Folding.maxSearchWords)
        #expect(Folding.searchWords("100% _ thạch") == ["100", "thach"])
        #expect(Folding.searchWords("l\u{80}\u{1B}\u{0}xã") == ["lxa"])
    }
}
