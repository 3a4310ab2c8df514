import Foundation

/// Consolidation semantics: how one indicator's figures from many units become one figure.
///
/// - counts and numbers add;
/// - a percentage is recomputed from the summed numerators and denominators — never an average of
///   percentages — and shows its basis ("91,3 % (1.245/1.364 hồ sơ)"); where some units gave only a
///   percentage, the simple average and the weighted (recomputed) figure are shown side by side;
/// - each row says how it consolidates (`Indicator.Consolidate`): a catalogue common to every unit is
///   shown once with the units that differ; the jurisdiction's own or area-wide figure replaces what
///   is below; a coded answer goes upward as the jurisdiction's own code, the distribution beside it;
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
        /// For choices: code → number of units below the jurisdiction.
        public var distribution: [Int: Int]
        public var maxNumber: Double?
        public var minNumber: Double?
        /// The jurisdiction's own report's value for the row (whatever its state: it is its own figure).
        public var own: OwnValue?
        /// For `common` rows: the value most units below gave, and how many gave it, another or any.
        public var common: CommonAnswers?
        /// For `common` rows: "Xã Thạch Kênh: 108" for each unit that gave another value than the most frequent.
        public var differing: [String]

        public init(code: String, reports: Int, sumNumber: Double? = nil, countNumber: Int = 0, sumNumerator: Double? = nil,
                    sumDenominator: Double? = nil, countFraction: Int = 0, averagePercent: Double? = nil, distribution: [Int: Int] = [:],
                    maxNumber: Double? = nil, minNumber: Double? = nil, own: OwnValue? = nil, common: CommonAnswers? = nil,
                    differing: [String] = []) {
            self.code = code
            self.reports = reports
            self.sumNumber = sumNumber
            self.countNumber = countNumber
            self.sumNumerator = sumNumerator
            self.sumDenominator = sumDenominator
            self.countFraction = countFraction
            self.averagePercent = averagePercent
            self.distribution = distribution
            self.maxNumber = maxNumber
            self.minNumber = minNumber
            self.own = own
            self.common = common
            self.differing = differing
        }

        /// The value most units gave, for a `common` row (the smaller on a tie, so the answer is stable).
        public var commonValue: Double? { common?.mode }
    }

    /// What the units below answered on a catalogue (`common`) row, as much as the figure needs: the most frequent value
    /// (the smaller on a tie), how many units gave it, how many gave any, and how many different values were given.
    /// The database computes it at scale; `init(counts:)` from every value's number of units.
    public struct CommonAnswers: Sendable, Equatable, Codable {
        public var mode: Double
        public var agreeing: Int
        public var total: Int
        public var values: Int

        public init(mode: Double, agreeing: Int, total: Int, values: Int) {
            self.mode = mode
            self.agreeing = agreeing
            self.total = total
            self.values = values
        }

        /// From value → number of units; nil when nobody answered.
        public init?(counts: [Double: Int]) {
            guard let top = counts.max(by: { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }) else { return nil }
            self.init(mode: top.key, agreeing: top.value, total: counts.values.reduce(0, +), values: counts.count)
        }
    }

    /// A value of the jurisdiction's own report.
    public struct OwnValue: Sendable, Equatable, Codable {
        public var number: Double?
        public var numerator: Double?
        public var denominator: Double?
        public init(number: Double? = nil, numerator: Double? = nil, denominator: Double? = nil) {
            self.number = number
            self.numerator = numerator
            self.denominator = denominator
        }

        /// The figure itself: the number, or the percentage its numerator and denominator make.
        public var value: Double? {
            if let numerator, let denominator, denominator > 0 { return numerator / denominator * 100 }
            return number
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
        /// The rule that made the figure.
        public var rule: Indicator.Consolidate?
        /// For `common` rows: the units that gave another value, with theirs.
        public var differing: [String]?
    }

    public static func figure(_ ind: Indicator, _ a: Aggregate?) -> Figure {
        var f = rawFigure(ind, a)
        f.rule = ind.consolidationRule
        return f
    }

    static func rawFigure(_ ind: Indicator, _ a: Aggregate?) -> Figure {
        guard let a, a.reports > 0 || a.own != nil, let rule = ind.consolidationRule else {
            let reports = a?.reports ?? 0
            let display = ind.kind == .text && reports > 0 ? "\(reports) đơn vị có ghi" : ""
            return Figure(code: ind.code, value: nil, reports: reports, display: display, note: nil)
        }
        switch rule {
        case .sum:
            let v = a.sumNumber ?? 0
            return Figure(code: ind.code, value: v, reports: a.reports, display: NumberFormat.vietnamese(v), note: nil)
        case .ratio:
            return ratio(ind, a)
        case .max, .min:
            let v = rule == .max ? a.maxNumber : a.minNumber
            return Figure(code: ind.code, value: v, reports: a.reports, display: v.map { show(ind, $0) } ?? "",
                          note: "\(rule.label) trong \(a.reports) báo cáo.")
        case .own:
            return ownFigure(ind, a, note: "Số của cấp báo cáo; không cộng từ đơn vị cấp dưới.")
        case .areaWide:
            if a.own?.value != nil {
                return ownFigure(ind, a, note: "Số toàn địa bàn do cơ quan của cấp báo cáo nhập; "
                                     + "thay cho, không cộng thêm, số của đơn vị cấp dưới.")
            }
            var f = ind.kind == .percent ? ratio(ind, a) : Figure(code: ind.code, value: a.sumNumber, reports: a.reports,
                                                                   display: a.sumNumber.map { NumberFormat.vietnamese($0) } ?? "", note: nil)
            f.note = "Cấp báo cáo chưa nhập số toàn địa bàn: tạm tổng hợp từ \(a.reports) báo cáo." + (f.note.map { " " + $0 } ?? "")
            return f
        case .common:
            guard let v = a.commonValue else { return ownFigure(ind, a, note: "Chưa có đơn vị cấp dưới báo cáo.") }
            let agreeing = a.common?.agreeing ?? 0
            let total = a.common?.total ?? 0
            var display = show(ind, v)
            var note = "Danh mục chung: \(agreeing)/\(total) đơn vị cấp dưới cùng báo cáo \(show(ind, v)); không cộng."
            if total > agreeing {
                display += " (\(total - agreeing) đơn vị khác)"
                note += " Đơn vị báo cáo khác: " + a.differing.joined(separator: "; ")
                    + (a.differing.count < total - agreeing ? "; …" : "") + "."
            }
            var f = Figure(code: ind.code, value: v, reports: a.reports, display: display, note: note)
            f.differing = a.differing
            return f
        case .choice:
            let parts = (ind.choices ?? []).map { c in "\(c.label): \(a.distribution[c.value] ?? 0)" }
            let unknown = a.distribution.filter { k, _ in ind.choiceLabel(k) == nil }.values.reduce(0, +)
            let below = a.distribution.isEmpty ? "" : parts.joined(separator: " · ") + (unknown > 0 ? " · Mã khác: \(unknown)" : "")
            let own = a.own?.number
            let ownLabel = own.flatMap { $0.exactInt }.map { ind.choiceLabel($0) ?? "Mã \($0)" }
            let display = (ownLabel ?? "Chưa có mã của cấp báo cáo") + (below.isEmpty ? "" : " — cấp dưới: " + below)
            return Figure(code: ind.code, value: own,
                          distribution: Dictionary(uniqueKeysWithValues: a.distribution.map { (String($0.key), $0.value) }), reports: a.reports,
                          display: display, note: "Mã của cấp báo cáo được gửi lên; phân bố các đơn vị cấp dưới để tham khảo.")
        }
    }

    /// A value as the row shows it: a percentage with its sign, a choice by its label, a number.
    static func show(_ ind: Indicator, _ v: Double) -> String {
        switch ind.kind {
        case .percent: return "\(NumberFormat.vietnamese(v, maxFractionDigits: 1)) %"
        case .choice: return v.exactInt.map { ind.choiceLabel($0) ?? "Mã \($0)" } ?? NumberFormat.vietnamese(v)
        default: return NumberFormat.vietnamese(v)
        }
    }

    static func ownFigure(_ ind: Indicator, _ a: Aggregate, note: String) -> Figure {
        guard let own = a.own, let v = own.value else {
            return Figure(code: ind.code, value: nil, reports: a.reports, display: "", note: "Cấp báo cáo chưa nhập số của mình cho dòng này.")
        }
        if let num = own.numerator, let den = own.denominator, den > 0 {
            return Figure(code: ind.code, value: v, numerator: num, denominator: den, reports: a.reports,
                          display: percentDisplay(ind, num, den), note: note)
        }
        return Figure(code: ind.code, value: v, reports: a.reports, display: show(ind, v), note: note)
    }

    static func percentDisplay(_ ind: Indicator, _ num: Double, _ den: Double) -> String {
        let unitWord = basisUnit(ind.denominatorLabel).map { " " + $0 } ?? ""
        return "\(NumberFormat.vietnamese(num / den * 100, maxFractionDigits: 1)) % "
            + "(\(NumberFormat.vietnamese(num))/\(NumberFormat.vietnamese(den))\(unitWord))"
    }

    static func ratio(_ ind: Indicator, _ a: Aggregate) -> Figure {
        let onlyPercent = a.reports - a.countFraction
        if let num = a.sumNumerator, let den = a.sumDenominator, a.countFraction > 0, den > 0 {
            let pct = num / den * 100
            var display = percentDisplay(ind, num, den)
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
