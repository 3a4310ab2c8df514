import CCHCDomain

/// How figures are shown: "1.245", "92,63 %", "1.245/1.364 (91,29 %)", "Kết hợp (2)".
enum ValueDisplay {
    static func text(_ ind: Indicator, _ value: IndicatorValue?) -> String {
        guard let value, !value.isEmpty else { return "" }
        switch ind.kind {
        case .group: return ""
        case .text: return value.text ?? ""
        case .choice:
            guard let n = value.number else { return "" }
            guard let code = n.exactInt else { return NumberFormat.vietnamese(n) + " (ngoài danh sách)" }
            return "\(ind.choiceLabel(code) ?? "?") (\(code))"
        case .percent:
            if let num = value.numerator, let den = value.denominator {
                let pct = den > 0 ? NumberFormat.vietnamese(num / den * 100) + " %" : "—"
                return "\(NumberFormat.vietnamese(num))/\(NumberFormat.vietnamese(den)) (\(pct))"
            }
            return value.number.map { NumberFormat.vietnamese($0) + " %" } ?? ""
        case .count, .number:
            return value.number.map { NumberFormat.vietnamese($0) } ?? ""
        }
    }

    /// What goes back into an input box.
    static func input(_ n: Double?) -> String { n.map { NumberFormat.vietnamese($0, maxFractionDigits: 4).replacingOccurrences(of: ".", with: "") } ?? "" }
}
