import Foundation

/// Consolidation semantics: how one indicator's figures from many units become one figure.
///
/// - counts and numbers add;
/// - a percentage is recomputed from the summed numerators and denominators — never an average of
///   percentages — and shows its basis ("91,3 % (1.245/1.364 hồ sơ)"); where some units gave only a
///   percentage, the simple average and the weighted (recomputed) figure are shown side by side;
/// - a coded answer becomes a distribution ("Hoàn thành: 12 · Chưa: 3");
/// - snapshots and cumulative figures add across units (never across periods).
public enum Consolidation {
    /// What the database returns for one indicator over the reports consolidated.
    public struct Aggregate: Sendable, Equatable, Codable {
        public var code: String
        /// Reports with any value for it.
        public var reports: Int
        public var sumNumber: Double?
        public var countNumber: Int
        public var sumNumerator: Double?
        public var sumDenominator: Double?
        public var countFraction: Int
        /// Simple average of every unit's percentage (fractions turned into percentages).
        public var averagePercent: Double?
        /// For choices: code → number of units.
        public var distribution: [Int: Int]

        public init(code: String, reports: Int, sumNumber: Double? = nil, countNumber: Int = 0, sumNumerator: Double? = nil,
                    sumDenominator: Double? = nil, countFraction: Int = 0, averagePercent: Double? = nil, distribution: [Int: Int] = [:]) {
            self.code = code
            self.reports = reports
            self.sumNumber = sumNumber
            self.countNumber = countNumber
            self.sumNumerator = sumNumerator
            self.sumDenominator = sumDenominator
            self.countFraction = countFraction
            self.averagePercent = averagePercent
            self.distribution = distribution
        }
    }

    /// One consolidated figure, with its basis.
    public struct Figure: Sendable, Equatable, Codable {
        public var code: String
        /// The figure itself: a sum, or a recomputed percentage.
        public var value: Double?
        public var numerator: Double?
        public var denominator: Double?
        /// Simple average of the units' percentages, shown beside the weighted one when it matters.
        public var simpleAverage: Double?
        /// For choices: the code (as text, so JSON keeps an object) → number of units.
        public var distribution: [String: Int]?
        /// Number of reports that gave a figure for this row.
        public var reports: Int
        /// "91,3 % (1.245/1.364 hồ sơ)", "1.245", "Trực tuyến: 3 · Kết hợp: 12".
        public var display: String
        /// Notes on the basis: units that gave only a percentage, and so on.
        public var note: String?
    }

    public static func figure(_ ind: Indicator, _ a: Aggregate?) -> Figure {
        guard let a, a.reports > 0 else {
            return Figure(code: ind.code, value: nil, reports: 0, display: "", note: nil)
        }
        switch ind.kind {
        case .group, .text:
            return Figure(code: ind.code, value: nil, reports: a.reports, display: ind.kind == .text ? "\(a.reports) đơn vị có ghi" : "", note: nil)
        case .count, .number:
            let v = a.sumNumber ?? 0
            return Figure(code: ind.code, value: v, reports: a.reports, display: NumberFormat.vietnamese(v), note: nil)
        case .choice:
            let parts = (ind.choices ?? []).map { c in "\(c.label): \(a.distribution[c.value] ?? 0)" }
            let unknown = a.distribution.filter { k, _ in ind.choiceLabel(k) == nil }.values.reduce(0, +)
            return Figure(code: ind.code, value: nil,
                          distribution: Dictionary(uniqueKeysWithValues: a.distribution.map { (String($0.key), $0.value) }), reports: a.reports,
                          display: parts.joined(separator: " · ") + (unknown > 0 ? " · Mã khác: \(unknown)" : ""), note: nil)
        case .percent:
            let unitWord = basisUnit(ind.denominatorLabel).map { " " + $0 } ?? ""
            let onlyPercent = a.reports - a.countFraction
            if let num = a.sumNumerator, let den = a.sumDenominator, a.countFraction > 0, den > 0 {
                let pct = num / den * 100
                var display = "\(NumberFormat.vietnamese(pct, maxFractionDigits: 1)) % "
                    + "(\(NumberFormat.vietnamese(num))/\(NumberFormat.vietnamese(den))\(unitWord))"
                var note: String?
                if onlyPercent > 0 {
                    let avg = a.averagePercent ?? pct
                    display += " · bình quân giản đơn \(NumberFormat.vietnamese(avg, maxFractionDigits: 1)) %"
                    note = "\(onlyPercent) đơn vị chỉ báo cáo tỷ lệ %, không có tử số/mẫu số: "
                        + "tỷ lệ gia quyền chỉ tính trên \(a.countFraction) đơn vị có tử số/mẫu số; "
                        + "bình quân giản đơn tính trên cả \(a.reports) đơn vị."
                }
                return Figure(code: ind.code, value: pct, numerator: num, denominator: den, simpleAverage: onlyPercent > 0 ? a.averagePercent : nil,
                              reports: a.reports, display: display, note: note)
            }
            // Only percentages were given: the plain average is all there is, and says so.
            let avg = a.averagePercent
            return Figure(code: ind.code, value: avg, simpleAverage: avg, reports: a.reports,
                          display: avg.map { "\(NumberFormat.vietnamese($0, maxFractionDigits: 1)) % (bình quân giản đơn)" } ?? "",
                          note: "Các đơn vị chỉ báo cáo tỷ lệ %: không tính lại được theo tử số/mẫu số; "
                              + "con số là bình quân giản đơn của \(a.reports) đơn vị.")
        }
    }

    /// "Tổng số hồ sơ" → "hồ sơ": what the numerator and denominator count.
    static func basisUnit(_ label: String?) -> String? {
        guard var s = label?.trimmingCharacters(in: .whitespaces).lowercased(), !s.isEmpty else { return nil }
        for prefix in ["tổng số ", "tổng ", "số "] where s.hasPrefix(prefix) { s = String(s.dropFirst(prefix.count)); break }
        return s
    }

    /// Every input row of the form, consolidated.
    public static func figures(_ form: FormDefinition, _ aggregates: [String: Aggregate]) -> [Figure] {
        form.indicators.map { figure($0, aggregates[$0.code]) }
    }
}
