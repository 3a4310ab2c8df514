import Foundation

/// The documented range of every value a report can hold, checked on every way in (page, API,
/// .xlsx) before anything is saved.
///
/// | kind | accepted |
/// |---|---|
/// | count | whole numbers 0 … 10¹² |
/// | number | −10¹² … 10¹² |
/// | percent | 0 … 100, or the indicator's own `min`/`max` |
/// | numerator, denominator | 0 … 10¹² |
/// | choice | one of the form's coded values |
/// | text | up to 10.000 characters |
/// | narrative section, topic report | up to 100.000 characters each |
public enum ValueLimits {
    /// The largest magnitude of any figure: a trillion is more than any count a government office keeps.
    public static let largest: Double = 1_000_000_000_000
    public static let textCharacters = 10_000
    public static let narrativeCharacters = 100_000
    public static let maxIndicators = 2_000
    public static let maxRules = 500

    /// The range of `indicator`'s value (for a fraction: of its numerator and denominator).
    public static func range(of indicator: Indicator) -> ClosedRange<Double> {
        switch indicator.kind {
        case .count: return 0...largest
        case .percent:
            return indicator.isFraction ? 0...largest : percentRange(of: indicator)
        default:
            let lo = indicator.min ?? -largest, hi = indicator.max ?? largest
            return lo <= hi ? lo...hi : -largest...largest
        }
    }

    /// The range of a percentage typed directly (for a fraction too, when given as a percentage).
    public static func percentRange(of indicator: Indicator) -> ClosedRange<Double> {
        let lo = indicator.min ?? 0, hi = indicator.max ?? 100
        return lo <= hi ? lo...hi : 0...100
    }

    /// What is wrong with a stored value, in Vietnamese; nil when it lies in its range. A value stored
    /// before the limits existed is still shown, with this as a warning.
    public static func problem(_ indicator: Indicator, _ value: IndicatorValue) -> String? {
        let range = range(of: indicator)
        let row = "Dòng \(indicator.code) (\(indicator.name))"
        func outside(_ n: Double?) -> Bool { n.map { !$0.isFinite || !range.contains($0) } ?? false }
        switch indicator.kind {
        case .group: return nil
        case .text:
            let count = value.text?.count ?? 0
            return count > textCharacters ? "\(row): dài \(count) ký tự, vượt giới hạn \(textCharacters)." : nil
        case .choice:
            guard let n = value.number else { return nil }
            return n.exactInt.flatMap(indicator.choiceLabel) == nil
                ? "\(row): mã lựa chọn \(NumberFormat.vietnamese(n)) không có trong danh sách." : nil
        case .percent where indicator.isFraction:
            let pct = percentRange(of: indicator)
            if outside(value.numerator) || outside(value.denominator) || value.number.map({ !$0.isFinite || !pct.contains($0) }) == true {
                return "\(row): giá trị ngoài phạm vi cho phép."
            }
            return nil
        default:
            if outside(value.number) || outside(value.numerator) || outside(value.denominator) {
                return "\(row): giá trị ngoài phạm vi cho phép \(describe(range))."
            }
            return nil
        }
    }

    public static func describe(_ range: ClosedRange<Double>) -> String {
        "từ \(NumberFormat.vietnamese(range.lowerBound)) đến \(NumberFormat.vietnamese(range.upperBound))"
    }
}
