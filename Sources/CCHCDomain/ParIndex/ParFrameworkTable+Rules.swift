import Foundation

/// Reading a scoring rule as provinces write it ("Hướng dẫn chấm điểm") into a `ParMethod`. Text is compared folded
/// (lower case, no diacritics, "đ" → "d"), so "Tren 90%" and "Trên 90 %" read alike; labels keep the text as written.
///
/// Understood, in this order (anything else: nil, the criterion stays manual and is listed for review):
/// - a count per month, quarter or year with a deduction per missing item — "Mỗi tháng ít nhất có 4 tin, bài, giảm một
///   tin, bài trừ 0,5 điểm" → `deduction` (a "trừ tối đa N điểm" with it sets the floor at max − N);
/// - "Điểm thưởng tối đa 2 điểm" → `bonus` (cap 2); "trừ tối đa 3 điểm" → `penalty` (cap 3);
/// - outcomes each followed by its points ("…: 1 điểm", "… được 1 điểm", "… (1 điểm)", "Không: 0"): when every outcome
///   is a condition on a number, `bands` — "trên" and "dưới" exclude the edge, "từ … đến" includes both, "từ … đến dưới"
///   excludes the upper, "từ … trở lên" / "từ … trở xuống" include it, "đạt 100 %" is the value itself; when none is,
///   `levels` — or `boolean` for two outcomes, the max and 0, the second a negation ("Thực hiện" / "Không thực hiện",
///   "Có" / "Không"); a single outcome worth the max is `boolean` too.
/// - "Không phát sinh thì được điểm tối đa" is not a method: `notApplicableFull(inRule:)` reads it and the method is read
///   from the rest of the text.
/// A method whose points exceed the max, or whose bands overlap (the framework check's errors), is not accepted.
extension ParFrameworkTable {
    /// Whether the rule gives full points when nothing happened that the criterion measures ("Không phát sinh thì được
    /// điểm tối đa", "Trường hợp không phát sinh: đạt điểm tối đa").
    public static func notApplicableFull(inRule text: String) -> Bool {
        ParRuleText.segments(text).contains { segment in
            let f = Folding.fold(segment)
            return f.contains("khong phat sinh") && ["toi da", "du diem", "tron diem", "diem toi da"].contains { f.contains($0) }
        }
    }

    /// The method a rule text describes, or nil (left for review: the criterion is then manual and listed in `review`).
    public static func method(fromRule text: String, max: Double) -> ParMethod? {
        let rest = ParRuleText.segments(text).filter { !Folding.fold($0).contains("khong phat sinh") }.joined(separator: "; ")
        guard !rest.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        let rule = ParRuleText(rest)
        let found = rule.deduction(max: max) ?? rule.adjustment(max: max) ?? rule.outcomes(max: max)
        guard let found, accepted(found, max: max) else { return nil }
        return found
    }

    /// Whether the framework check finds no error in a criterion scored so (points above the max, overlapping bands …).
    static func accepted(_ method: ParMethod, max: Double) -> Bool {
        var top = max
        if max <= 0 {
            switch method {
            case .levels(let levels): top = levels.map(\.points).max() ?? 0
            case .bands(_, let bands): top = bands.map(\.points).max() ?? 0
            default: break
            }
        }
        let probe = ParCriterion(code: "x", name: "x", max: top, method: method)
        return ParFramework(code: "x", title: "x", year: 2020, group: "x", criteria: [probe]).errors.isEmpty
    }
}

/// A rule text with its folded form, character for character, so a label found in the folded text is cut from the text
/// as written.
struct ParRuleText {
    let text: [Character]
    let folded: String

    init(_ text: String) {
        let chars = Array(text.replacingOccurrences(of: "\r\n", with: "\n"))
        self.text = chars
        folded = String(chars.map { c -> Character in
            let f = String(c).lowercased().replacingOccurrences(of: "đ", with: "d").folding(options: [.diacriticInsensitive], locale: nil)
            return f.count == 1 ? (f.first ?? c) : c
        })
    }

    /// The sentences of a rule: split at ";", line breaks and a full stop before a space; "./." dropped.
    static func segments(_ text: String) -> [String] {
        let cleaned = text.replacingOccurrences(of: "./.", with: "").replacingOccurrences(of: "\r\n", with: "\n")
        var out: [String] = []
        var current = ""
        let chars = Array(cleaned)
        for (i, c) in chars.enumerated() {
            let fullStop = c == "." && i + 1 < chars.count && chars[i + 1].isWhitespace
            if c == ";" || c == "\n" || c == "\r" || fullStop {
                out.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        out.append(current)
        return out.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static let number = #"(\d+(?:[.,]\d+)?)"#
    static let numberWords = ["mot": 1, "hai": 2, "ba": 3, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10]

    /// Capture groups of the first match of `pattern` in `text` (nil where a group did not take part).
    static func groups(_ pattern: String, in text: String) -> [String?]? {
        guard let re = try? NSRegularExpression(pattern: pattern),
              let m = re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (0..<m.numberOfRanges).map { i in Range(m.range(at: i), in: text).map { String(text[$0]) } }
    }

    static func points(_ text: String?) -> Double? { text.flatMap(NumberFormat.parse) }

    // MARK: deduction, bonus, penalty

    func deduction(max: Double) -> ParMethod? {
        let f = folded
        guard let per = Self.groups(#"\b(?:moi|hang)\s+(thang|quy|nam)\b|/\s*(thang|quy|nam)\b"#, in: f),
              let unit = (per[1] ?? per[2]).flatMap(Self.periodUnit),
              let req = Self.groups(#"\b(?:it nhat|toi thieu)\s+(?:(?:la|co|phai co|phai dat|dat|duoc)\s+)?(\d+|[a-z]+)\b"#, in: f),
              let count = req[1].flatMap({ Int($0) ?? Self.numberWords[$0] }),
              let off = Self.groups(#"\btru\s+"# + Self.number + #"\s*(?:diem|d)\b"#, in: f), let penalty = Self.points(off[1])
        else { return nil }
        var floor: Double?
        if let cap = Self.groups(#"\btru toi da\s+"# + Self.number, in: f).flatMap({ Self.points($0[1]) }), cap < max {
            floor = max - cap
        }
        return .deduction(ParDeduction(per: unit, required: count, penalty: penalty, floor: floor))
    }

    static func periodUnit(_ word: String) -> ParPeriodUnit? {
        switch word {
        case "thang": .month
        case "quy": .quarter
        case "nam": .year
        default: nil
        }
    }

    func adjustment(max: Double) -> ParMethod? {
        let f = folded
        let capped = Self.groups(#"\btoi da\s+"# + Self.number, in: f).flatMap { Self.points($0[1]) }
        if f.contains("diem thuong") || f.contains("cong diem") || f.contains("duoc cong") {
            let any = Self.groups(Self.number + #"\s*(?:diem|d)\b"#, in: f).flatMap { Self.points($0[1]) }
            guard let cap = capped ?? any ?? (max > 0 ? max : nil) else { return nil }
            return .bonus(cap: cap)
        }
        if let cap = Self.groups(#"\btru toi da\s+"# + Self.number, in: f).flatMap({ Self.points($0[1]) }) {
            return .penalty(cap: cap)
        }
        if f.contains("diem tru") || f.contains("bi tru") {
            guard let cap = capped ?? (max > 0 ? max : nil) else { return nil }
            return .penalty(cap: cap)
        }
        return nil
    }

    // MARK: outcomes with their points

    /// One outcome: its label (as written and folded) and its points.
    struct Outcome {
        var label: String
        var key: String
        var points: Double
    }

    /// The outcomes, each ending at its points; nil when text is left over that is not an outcome.
    func clauses() -> [Outcome]? {
        let pattern = #"(?:[:=]\s*)?"# + Self.number + #"\s*(?:diem|d)(?![a-z])|[:=]\s*"# + Self.number + #"\s*(?=$|[;)\n]|[.,]\s)"#
        guard let re = try? NSRegularExpression(pattern: pattern) else { return nil }
        var out: [Outcome] = []
        var start = 0
        for m in re.matches(in: folded, range: NSRange(folded.startIndex..., in: folded)) {
            guard let whole = Range(m.range, in: folded) else { return nil }
            let lower = folded.distance(from: folded.startIndex, to: whole.lowerBound)
            let upper = folded.distance(from: folded.startIndex, to: whole.upperBound)
            let numberRange = m.range(at: 1).location != NSNotFound ? m.range(at: 1) : m.range(at: 2)
            guard let nr = Range(numberRange, in: folded), let points = Self.points(String(folded[nr])) else { return nil }
            guard let (label, key) = label(start..<lower) else { return nil }
            out.append(Outcome(label: label, key: key, points: points))
            start = upper
        }
        // What follows the last points may only be punctuation or a remark in brackets.
        let tail = String(folded.dropFirst(start)).trimmingCharacters(in: CharacterSet(charactersIn: " ;,.)/-\n\t"))
        guard tail.isEmpty || tail.hasPrefix("(") else { return nil }
        return out
    }

    /// The label in `range`: leading punctuation and trailing connectors ("được", "thì", ":") trimmed, only the part after
    /// a colon (a heading before it is not the outcome).
    func label(_ range: Range<Int>) -> (String, String)? {
        let key = Array(folded)
        guard range.lowerBound >= 0, range.upperBound <= min(key.count, text.count) else { return nil }
        var lo = range.lowerBound, hi = range.upperBound
        let leading: Set<Character> = [" ", "\t", "\n", ";", ",", ".", "-", "+", "•", "*", "–", "—", ")", "/"]
        let trailing: Set<Character> = [" ", "\t", "\n", ":", "=", "(", "–", "—", "-", ",", "."]
        func trim() {
            while lo < hi, leading.contains(key[lo]) { lo += 1 }
            var changed = true
            while changed {
                changed = false
                while hi > lo, trailing.contains(key[hi - 1]) { hi -= 1; changed = true }
                for word in [" thi duoc", " duoc", " thi", " cho", " la", " bang"] {
                    let w = Array(word)
                    if hi - lo >= w.count, Array(key[(hi - w.count)..<hi]) == w { hi -= w.count; changed = true }
                }
            }
        }
        trim()
        if let colon = key[lo..<hi].lastIndex(of: ":") {
            lo = colon + 1
            trim()
        }
        guard lo < hi else { return nil }
        var label = String(text[lo..<hi]).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if let first = label.first { label = first.uppercased() + label.dropFirst() }
        return (label, String(key[lo..<hi]).split(separator: " ").joined(separator: " "))
    }

    func outcomes(max: Double) -> ParMethod? {
        guard let clauses = clauses(), !clauses.isEmpty else { return nil }
        let bands = clauses.map { Self.band($0.key, points: $0.points) }
        if bands.allSatisfy({ $0 != nil }) {
            guard clauses.count >= 2 else { return nil }
            let percent = folded.contains("%")
            return .bands(input: percent ? "Tỷ lệ (%)" : nil, bands: bands.compactMap { $0 })
        }
        guard bands.allSatisfy({ $0 == nil }), Set(clauses.map(\.key)).count == clauses.count else { return nil }
        let full = max > 0 ? max : (clauses.map(\.points).max() ?? 0)
        if clauses.count == 1 { return ParPoints.same(clauses[0].points, full) && full > 0 ? .boolean : nil }
        if clauses.count == 2, full > 0 {
            let sorted = clauses.sorted { $0.points > $1.points }
            let negative = ["khong", "chua"].contains { sorted[1].key == $0 || sorted[1].key.hasPrefix($0 + " ") }
            let positive = !["khong", "chua"].contains { sorted[0].key == $0 || sorted[0].key.hasPrefix($0 + " ") }
            if ParPoints.same(sorted[0].points, full), ParPoints.same(sorted[1].points, 0), negative, positive { return .boolean }
        }
        return .levels(clauses.map { ParLevel(label: $0.label, points: $0.points) })
    }

    /// The band an outcome's folded label describes ("tren 90%", "tu 70% den 90%", "duoi 70%"), or nil when it is not a
    /// condition on a number.
    static func band(_ label: String, points worth: Double) -> ParBand? {
        let n = number, pc = #"\s*%?\s*"#
        if let g = groups(#"(?<![a-z])(tu|tren|>=|≥|>)\s*"# + n + pc + #"(?:den|toi|-|–)\s*(duoi\s*|<\s*)?"# + n + pc, in: label),
           let lo = points(g[2]), let hi = points(g[4]) {
            return ParBand(min: lo, minInclusive: ["tu", ">=", "≥"].contains(g[1] ?? ""), max: hi, maxInclusive: g[3] == nil, points: worth)
        }
        if let g = groups(#"\btu\s*"# + n + pc + #"tro len"#, in: label), let lo = points(g[1]) {
            return ParBand(min: lo, minInclusive: true, points: worth)
        }
        if let g = groups(#"\btu\s*"# + n + pc + #"tro xuong"#, in: label), let hi = points(g[1]) {
            return ParBand(max: hi, maxInclusive: true, points: worth)
        }
        if let g = groups(#"(?:\blon hon hoac bang|>=|≥|\bit nhat|\btoi thieu|\btu)\s*"# + n, in: label), let lo = points(g[1]) {
            return ParBand(min: lo, minInclusive: true, points: worth)
        }
        if let g = groups(#"(?:<=|≤|\bkhong qua|\bkhong vuot qua|\btoi da)\s*"# + n, in: label), let hi = points(g[1]) {
            return ParBand(max: hi, maxInclusive: true, points: worth)
        }
        if let g = groups(#"(?:\btren|\blon hon|\bcao hon|\bhon|>)\s*"# + n, in: label), let lo = points(g[1]) {
            return ParBand(min: lo, minInclusive: false, points: worth)
        }
        if let g = groups(#"(?:\bduoi|\bnho hon|\bthap hon|\bit hon|<)\s*"# + n, in: label), let hi = points(g[1]) {
            return ParBand(max: hi, maxInclusive: false, points: worth)
        }
        if let g = groups(#"^(?:dat\s+|bang\s+|=\s*)?"# + n + #"\s*%$"#, in: label), let v = points(g[1]) {
            return ParBand(min: v, max: v, points: worth)
        }
        return nil
    }
}
