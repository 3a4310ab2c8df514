import Foundation

/// The text form of a unit's input for one leaf criterion: what a unit types on the self-assessment
/// page or writes in JSON, one text per criterion, and what the app stores.
///
/// Words are matched ignoring case and diacritics (`Folding.fold`); numbers are read as a Vietnamese
/// types them ("1,5", "1.5", "92,5 %"). By the criterion's method:
/// - any method: "không phát sinh" → `.notApplicable` (scoring decides whether that earns the max);
/// - manual: a number → `.manual`; bonus, penalty: a number → `.points` (a penalty may be written "-1" or "−1": its size);
/// - boolean: "đạt", "có", "x", "1" → true; "không đạt", "chưa đạt", "không", "0" → false;
/// - levels: the level's label → `.level` as the framework writes it (a level's number is refused: it reads like points);
/// - bands: a number, "%" allowed → `.measured`; indicator: a number → `.indicator`;
/// - deduction: whole counts separated by spaces, ";" or "," → `.counts`, exactly one per period of the year;
/// - deadline: "đúng hạn", "chậm hạn" (or "muộn"), "không thực hiện" (or "không") → `.deadline`; or per duty,
///   "plan: đúng hạn; report:Q1: chậm hạn" → `.duties`, duty codes as the framework lists them.
///
/// Range and step (a manual score above the max, off its step) are left to `ParScoring`, which reports them
/// on the scorecard with the same field.
public enum ParInputText {
    /// Longest text read for one criterion.
    public static let maxLength = 1000

    /// The input the text says; nil for empty or blank text (no input).
    /// Throws `ValidationFailure(field: "criteria.<code>", "Tiêu chí <code>: …")` when the text does not fit the method.
    public static func parse(_ text: String, for criterion: ParCriterion) throws -> ParInput? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        let code = criterion.code
        func refuse(_ message: String) -> ValidationFailure {
            ValidationFailure(field: "criteria." + code, "Tiêu chí \(code): " + message)
        }
        guard trimmed.count <= maxLength else { throw refuse("nội dung nhập quá dài (tối đa \(maxLength) ký tự)") }
        let key = phrase(trimmed)
        if key == "khong phat sinh" { return .notApplicable }

        switch criterion.effectiveMethod {
        case .manual:
            return .manual(try number(trimmed, what: "điểm chấm", example: "5,5", refuse: refuse))
        case .bonus:
            return .points(try number(trimmed, what: "điểm thưởng", example: "1", refuse: refuse))
        case .penalty:
            return .points(abs(try number(trimmed, what: "điểm trừ", example: "1", negative: true, refuse: refuse)))
        case .boolean:
            if trueWords.contains(key) { return .boolean(true) }
            if falseWords.contains(key) { return .boolean(false) }
            throw refuse("\(quoted(trimmed)) không đọc được; ghi \"đạt\" hoặc \"không đạt\"")
        case .levels(let levels):
            if let level = levels.first(where: { Folding.fold($0.label) == key }) { return .level(level.label) }
            throw refuse("mức \(quoted(trimmed)) không có; chọn một trong các mức: " + levels.map { "\"\($0.label)\"" }.joined(separator: ", "))
        case .bands(_, let bands):
            let negative = bands.contains { ($0.min ?? 0) < 0 || ($0.max ?? 0) < 0 }
            return .measured(try number(trimmed, what: "giá trị đo", example: "92,5", percent: true, negative: negative, refuse: refuse))
        case .indicator(let indicator, _):
            return .indicator(try number(trimmed, what: "giá trị chỉ tiêu \(indicator)", example: "98,2", percent: true, refuse: refuse))
        case .deduction(let d):
            return .counts(try counts(trimmed, d, refuse: refuse))
        case .deadline(let d):
            return try deadline(trimmed, d, refuse: refuse)
        }
    }

    /// The text that parses back to `input` for this criterion, in Vietnamese (decimal comma).
    public static func format(_ input: ParInput, for criterion: ParCriterion) -> String {
        switch input {
        case .notApplicable: return "không phát sinh"
        case .manual(let v), .measured(let v), .indicator(let v): return number(v)
        case .points(let p):
            if case .penalty = criterion.effectiveMethod { return number(abs(p)) }
            return number(p)
        case .boolean(let done): return done ? "đạt" : "không đạt"
        case .level(let label):
            if case .levels(let levels) = criterion.effectiveMethod,
               let level = levels.first(where: { Folding.fold($0.label) == Folding.fold(label) }) {
                return level.label
            }
            return label
        case .counts(let counts): return counts.map(String.init).joined(separator: " ")
        case .deadline(let outcome): return outcome.label
        case .duties(let given):
            var order: [String] = []
            if case .deadline(let d) = criterion.effectiveMethod { order = d.duties.filter { given[$0] != nil } }
            order += given.keys.filter { !order.contains($0) }.sorted()
            return order.compactMap { duty in given[duty].map { "\(duty): \($0.label)" } }.joined(separator: "; ")
        }
    }

    /// What to type for this criterion's method, in Vietnamese (the placeholder on the page).
    public static func hint(for criterion: ParCriterion) -> String {
        let max = criterion.max
        var text: String
        switch criterion.effectiveMethod {
        case .manual(let step):
            if let step, step > 0 {
                let example = Swift.max(0, max - step)
                text = "Số điểm từ 0 đến \(ParPoints.text(max)), bước \(ParPoints.text(step)) (vd: \(ParPoints.text(example)))"
            } else {
                text = "Số điểm từ 0 đến \(ParPoints.text(max)), tối đa 2 chữ số thập phân (vd: \(ParPoints.text(max * 0.87)))"
            }
        case .boolean:
            text = "\"đạt\" hoặc \"không đạt\""
        case .levels(let levels):
            text = "Một trong các mức: " + levels.map { "\"\($0.label)\"" }.joined(separator: ", ")
        case .bands(let input, _):
            text = "Giá trị đo" + (input.map { ": " + $0 } ?? "") + ", một số (vd: 92,5)"
        case .indicator(let indicator, _):
            text = "Giá trị chỉ tiêu \(indicator) trong báo cáo thống kê của đơn vị, một số (vd: 98,2)"
        case .deduction(let d):
            let r = d.required
            let short = Swift.max(0, r - 1)
            switch d.per {
            case .month: text = "12 số lượng theo tháng, cách nhau bởi dấu cách (vd: \(r) \(r) \(short) \(r) …)"
            case .quarter: text = "4 số lượng theo quý, cách nhau bởi dấu cách (vd: \(r) \(r) \(short) \(r))"
            case .year: text = "Số lượng cả năm, một số nguyên (vd: \(r))"
            }
        case .deadline(let d):
            let example = d.duties.prefix(2).enumerated()
                .map { "\($0.element): \($0.offset == 0 ? "đúng hạn" : "chậm hạn")" }.joined(separator: "; ")
            text = "\"đúng hạn\", \"chậm hạn\" hoặc \"không thực hiện\""
            if !example.isEmpty { text += "; hoặc theo từng nhiệm vụ (vd: \(example))" }
        case .bonus(let cap):
            text = "Số điểm thưởng, tối đa \(ParPoints.text(cap)) (vd: 1)"
        case .penalty(let cap):
            text = "Số điểm trừ, tối đa \(ParPoints.text(cap)) (vd: 1)"
        }
        if criterion.notApplicableFull == true { text += "; hoặc \"không phát sinh\"" }
        return text
    }

    // MARK: pieces

    static let trueWords: Set<String> = ["dat", "co", "x", "1"]
    static let falseWords: Set<String> = ["khong dat", "chua dat", "khong", "0"]

    /// Folded, without a closing full stop: "Không phát sinh." → "khong phat sinh".
    static func phrase(_ text: String) -> String {
        var folded = Folding.fold(text)
        while let last = folded.last, last == "." || last == " " { folded.removeLast() }
        return folded
    }

    /// The user's text in quotes for a message, cut short if long.
    static func quoted(_ text: String) -> String {
        "\"" + (text.count > 40 ? String(text.prefix(40)) + "…" : text) + "\""
    }

    /// "1,5" with as many decimals as the value has (up to 6), so it reads back the same.
    static func number(_ value: Double) -> String { NumberFormat.vietnamese(value, maxFractionDigits: 6) }

    static func number(_ text: String, what: String, example: String, percent: Bool = false, negative: Bool = false,
                       refuse: (String) -> ValidationFailure) throws -> Double {
        var s = text.replacingOccurrences(of: "\u{2212}", with: "-").replacingOccurrences(of: "\u{2013}", with: "-")
            .trimmingCharacters(in: .whitespaces)
        if s.hasPrefix("+") { s.removeFirst() }
        if s.contains("%") && !percent { throw refuse("\(quoted(text)) không phải là \(what): ghi một số, không có \"%\" (vd: \(example))") }
        guard let value = NumberFormat.parse(s), value.isFinite else {
            throw refuse("\(quoted(text)) không phải là \(what): ghi một số (vd: \(example))")
        }
        if value < 0 && !negative { throw refuse("\(what) \(number(value)) không được âm") }
        return value
    }

    static func counts(_ text: String, _ d: ParDeduction, refuse: (String) -> ValidationFailure) throws -> [Int] {
        let tokens = text.split { $0.isWhitespace || $0 == ";" || $0 == "," }.map(String.init)
        var out: [Int] = []
        for token in tokens {
            let negative = token.hasPrefix("-") || token.hasPrefix("\u{2212}")
            let digits = negative ? String(token.dropFirst()) : token
            let isWhole = !digits.isEmpty && digits.count <= 6 && digits.allSatisfy { $0.isASCII && $0.isNumber }
            guard isWhole, let n = Int(digits) else {
                throw refuse("\(quoted(token)) không phải là số nguyên; số lượng ghi bằng số nguyên, cách nhau bởi dấu cách")
            }
            if negative { throw refuse("số lượng \(token) không được âm") }
            out.append(n)
        }
        let n = d.per.periodsInYear
        guard out.count == n else {
            let each = n == 1 ? "cả năm" : "mỗi \(d.per.label) một số"
            throw refuse("cần đúng \(n) số lượng (\(each)), đã ghi \(out.count)")
        }
        return out
    }

    /// "đúng hạn" / "chậm hạn" / "không thực hiện" and their other spellings, folded.
    static func outcome(_ text: String) -> ParDutyOutcome? {
        switch phrase(text) {
        case "dung han", "dung thoi han": .onTime
        case "cham han", "cham", "muon", "muon han", "tre han": .late
        case "khong thuc hien", "chua thuc hien", "khong": .missing
        default: nil
        }
    }

    static let outcomeHelp = "ghi \"đúng hạn\", \"chậm hạn\" hoặc \"không thực hiện\""

    static func deadline(_ text: String, _ d: ParDeadline, refuse: (String) -> ValidationFailure) throws -> ParInput {
        if let overall = outcome(text) { return .deadline(overall) }
        let parts = text.split { $0 == ";" || $0 == "\n" }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard text.contains(":") || parts.count > 1 else { throw refuse("\(quoted(text)) không đọc được; " + outcomeHelp) }
        let listed = d.duties.joined(separator: ", ")
        // Longest first, so "report:Q1" is not read as "report".
        let duties = d.duties.sorted { $0.count > $1.count }
        var given: [String: ParDutyOutcome] = [:]
        for part in parts {
            var match: (duty: String, rest: Substring)?
            for duty in duties {
                guard let r = part.range(of: duty, options: [.caseInsensitive, .anchored]) else { continue }
                let rest = part[r.upperBound...]
                if rest.isEmpty || rest.first == ":" || rest.first?.isWhitespace == true { match = (duty, rest); break }
            }
            guard case let (duty, rest)? = match else {
                let name = part.range(of: ":", options: .backwards).map { String(part[..<$0.lowerBound]) } ?? part
                throw refuse("nhiệm vụ \(quoted(name.trimmingCharacters(in: .whitespaces))) không có; các nhiệm vụ: \(listed)")
            }
            let said = rest.drop { $0 == ":" || $0.isWhitespace }
            guard let o = outcome(String(said)) else {
                let wrong = said.isEmpty ? "chưa ghi kết quả" : quoted(String(said)) + " không đọc được"
                throw refuse("nhiệm vụ \(duty): \(wrong); " + outcomeHelp)
            }
            guard given.updateValue(o, forKey: duty) == nil else { throw refuse("nhiệm vụ \(duty) được ghi hai lần") }
        }
        return .duties(given)
    }
}
