import Foundation

/// One indicator's value in a report.
public struct IndicatorValue: Codable, Sendable, Equatable {
    /// count, number, percent entered directly, or the code of a choice.
    public var number: Double?
    /// A percentage entered as numerator / denominator.
    public var numerator: Double?
    public var denominator: Double?
    public var text: String?

    public init(number: Double? = nil, numerator: Double? = nil, denominator: Double? = nil, text: String? = nil) {
        self.number = number
        self.numerator = numerator
        self.denominator = denominator
        self.text = text
    }

    public var isEmpty: Bool { number == nil && numerator == nil && denominator == nil && (text ?? "").isEmpty }

    /// The value rules compare: a fraction is its percentage.
    public var numeric: Double? {
        if let number { return number }
        if let n = numerator, let d = denominator, d > 0 { return n / d * 100 }
        return nil
    }
}

/// What a user typed for one indicator, as strings from a form, a spreadsheet or JSON.
public struct RawValue: Sendable, Equatable {
    public var value: String?
    public var numerator: String?
    public var denominator: String?
    public init(value: String? = nil, numerator: String? = nil, denominator: String? = nil) {
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
    }
    var isBlank: Bool { [value, numerator, denominator].allSatisfy { ($0 ?? "").trimmingCharacters(in: .whitespaces).isEmpty } }
}

/// A rule that does not hold: saved anyway, shown as a warning naming the rows.
public struct RuleWarning: Sendable, Equatable, Codable {
    public var codes: [String]
    public var message: String
    public init(codes: [String], message: String) { self.codes = codes; self.message = message }
}

/// Checks of a report's figures against its form.
public enum FormValidator {
    /// Parses typed input. Type and range problems are errors (nothing is saved); blank is allowed.
    public static func parse(_ form: FormDefinition, raw: [String: RawValue]) -> (values: [String: IndicatorValue], errors: [FieldError]) {
        var values: [String: IndicatorValue] = [:]
        var errors: [FieldError] = []
        for (code, _) in raw where form.indicator(code) == nil {
            errors.append(FieldError(field: "v.\(code)", message: "Chỉ tiêu \(code): không có trong biểu mẫu \(form.code)."))
        }
        for ind in form.indicators where ind.isInput {
            guard let r = raw[ind.code], !r.isBlank else { continue }
            let row = "Dòng \(ind.code) (\(ind.name))"
            func number(_ text: String?, _ what: String) -> Double?? {
                guard let t = text?.trimmingCharacters(in: .whitespaces), !t.isEmpty else { return .some(nil) }
                guard let n = NumberFormat.parse(t) else {
                    errors.append(FieldError(field: "v.\(ind.code)", message: "\(row): \(what) “\(t)” không phải là số."))
                    return nil
                }
                return .some(n)
            }
            if !ind.isFraction, [r.numerator, r.denominator].contains(where: { !($0 ?? "").trimmingCharacters(in: .whitespaces).isEmpty }) {
                errors.append(FieldError(field: "v.\(ind.code)",
                                         message: "\(row): chỉ tiêu này không nhập theo tử số/mẫu số; hãy ghi giá trị."))
                continue
            }
            let range = ValueLimits.range(of: ind)
            func refuse(_ message: String) { errors.append(FieldError(field: "v.\(ind.code)", message: "\(row): \(message)")) }
            func inRange(_ n: Double, _ what: String) -> Bool {
                guard range.contains(n) else {
                    refuse("\(what) \(NumberFormat.vietnamese(n, maxFractionDigits: 4)) nằm ngoài phạm vi cho phép \(ValueLimits.describe(range)).")
                    return false
                }
                return true
            }
            switch ind.kind {
            case .group:
                continue
            case .text:
                let text = r.value?.trimmingCharacters(in: .whitespacesAndNewlines)
                if let text, text.count > ValueLimits.textCharacters {
                    refuse("dài \(text.count) ký tự, vượt giới hạn \(ValueLimits.textCharacters) ký tự.")
                    continue
                }
                values[ind.code] = IndicatorValue(text: text)
            case .count:
                guard let parsed = number(r.value, "giá trị"), let n = parsed else { continue }
                if n < 0 || n != n.rounded() {
                    let typed = (r.value ?? "").trimmingCharacters(in: .whitespaces)
                    refuse("phải là số nguyên không âm (\(ind.unit ?? "số lượng")); " + NumberFormat.notACount(typed: typed, read: n))
                    continue
                }
                guard inRange(n, "giá trị") else { continue }
                values[ind.code] = IndicatorValue(number: n)
            case .number:
                guard let parsed = number(r.value, "giá trị"), let n = parsed, inRange(n, "giá trị") else { continue }
                values[ind.code] = IndicatorValue(number: n)
            case .choice:
                guard let parsed = number(r.value, "mã lựa chọn"), let n = parsed else { continue }
                let allowed = (ind.choices ?? []).map { "\($0.label) = \($0.value)" }.joined(separator: "; ")
                guard let code = n.exactInt, ind.choiceLabel(code) != nil else {
                    refuse("mã lựa chọn \(NumberFormat.vietnamese(n)) không hợp lệ; chọn một trong: \(allowed).")
                    continue
                }
                values[ind.code] = IndicatorValue(number: n)
            case .percent:
                if ind.isFraction && (r.numerator != nil || r.denominator != nil) {
                    guard let pn = number(r.numerator, ind.numeratorLabel ?? "tử số"),
                          let pd = number(r.denominator, ind.denominatorLabel ?? "mẫu số") else { continue }
                    guard let num = pn, let den = pd else {
                        refuse("cần nhập cả tử số (\(ind.numeratorLabel ?? "tử số")) và mẫu số (\(ind.denominatorLabel ?? "mẫu số")).")
                        continue
                    }
                    if num < 0 || den < 0 {
                        refuse("tử số và mẫu số không được âm.")
                    } else if !inRange(num, "tử số") || !inRange(den, "mẫu số") {
                        continue
                    } else if den == 0 && num > 0 {
                        refuse("mẫu số bằng 0 trong khi tử số là \(NumberFormat.vietnamese(num)).")
                    } else if num > den {
                        refuse("tử số \(NumberFormat.vietnamese(num)) lớn hơn mẫu số \(NumberFormat.vietnamese(den)) "
                            + "— tỷ lệ sẽ vượt 100%.")
                    } else {
                        values[ind.code] = IndicatorValue(numerator: num, denominator: den)
                    }
                } else {
                    guard let parsed = number(r.value, "tỷ lệ"), let n = parsed else { continue }
                    let percentRange = ValueLimits.percentRange(of: ind)
                    guard percentRange.contains(n) else {
                        refuse("tỷ lệ phải \(ValueLimits.describe(percentRange)) (%), nhận được \(NumberFormat.vietnamese(n)).")
                        continue
                    }
                    values[ind.code] = IndicatorValue(number: n)
                }
            }
        }
        return (values, errors)
    }

    /// Consistency: "of which" rows against their parent, and the form's rules. Warnings, not errors.
    public static func warnings(_ form: FormDefinition, values: [String: IndicatorValue]) -> [RuleWarning] {
        var out: [RuleWarning] = []
        for ind in form.indicators {
            if let value = values[ind.code], let problem = ValueLimits.problem(ind, value) {
                out.append(RuleWarning(codes: [ind.code], message: problem))
            }
        }
        let lookup: (String) -> Double? = { values[$0]?.numeric }
        // Parent code → its row and its "of which" rows, for each of-which warning given: a form rule saying the same is skipped.
        var ofWhich: [String: Set<String>] = [:]
        for parent in form.indicators where parent.kind == .count || parent.kind == .number {
            let parts = form.children(of: parent.code).filter { $0.partOf == true && ($0.kind == .count || $0.kind == .number) }
            guard !parts.isEmpty, let total = lookup(parent.code) else { continue }
            let known = parts.compactMap { p in lookup(p.code).map { (p, $0) } }
            guard !known.isEmpty else { continue }
            let sum = known.reduce(0) { $0 + $1.1 }
            if sum > total + 1e-9 {
                let list = known.map { "\($0.0.code) = \(NumberFormat.vietnamese($0.1))" }.joined(separator: ", ")
                out.append(RuleWarning(codes: [parent.code] + known.map(\.0.code),
                                       message: "Các dòng “Trong đó” (\(list)) cộng lại \(NumberFormat.vietnamese(sum)), "
                                           + "vượt dòng \(parent.code) = \(NumberFormat.vietnamese(total))."))
                ofWhich[parent.code] = Set([parent.code] + parts.map(\.code))
            }
        }
        for rule in form.rules {
            guard let expr = try? RuleExpression.parse(rule.expr) else { continue }
            if expr.holds(lookup) == false {
                // "[a] + [b] <= [parent]" over an of-which group already reported above: the same violation, said once.
                if case .compare(let op, let lhs, .ref(let p)) = expr, op == "<=" || op == "<",
                   let rows = ofWhich[p], Set(lhs.references).isSubset(of: rows) { continue }
                let refs = expr.references
                let figures = refs.map { "\($0) = \(lookup($0).map { NumberFormat.vietnamese($0) } ?? "trống")" }
                out.append(RuleWarning(codes: refs, message: "\(rule.message) (\(figures.joined(separator: ", ")))"))
            }
        }
        return out
    }
}
