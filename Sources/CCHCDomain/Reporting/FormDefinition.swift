import Foundation

/// A statistics form: a tree of indicators and the consistency rules between them. Data, not code:
/// forms are imported and exported as JSON and versioned per year.
public struct FormDefinition: Codable, Sendable, Equatable {
    public var code: String
    public var title: String
    public var year: Int
    public var source: String?
    public var indicators: [Indicator]
    public var rules: [Rule]

    public init(code: String, title: String, year: Int, source: String? = nil, indicators: [Indicator], rules: [Rule] = []) {
        self.code = code
        self.title = title
        self.year = year
        self.source = source
        self.indicators = indicators
        self.rules = rules
    }

    public func indicator(_ code: String) -> Indicator? { indicators.first { $0.code == code } }

    /// The office answering for an indicator: its own, or the nearest ancestor's.
    public func office(of code: String) -> String? {
        var current = indicator(code)
        var guardCount = 0
        while let c = current, guardCount < 64 {
            if let o = c.office { return o }
            current = c.parent.flatMap(indicator)
            guardCount += 1
        }
        return nil
    }

    /// Top-level section of an indicator ("1.2.3" → "1").
    public func section(of code: String) -> String {
        var current = indicator(code)
        var guardCount = 0
        while let c = current, let p = c.parent, guardCount < 64 {
            current = indicator(p)
            guardCount += 1
            if current == nil { return c.code }
        }
        return current?.code ?? code
    }

    public func children(of code: String?) -> [Indicator] { indicators.filter { $0.parent == code } }

    /// Depth in the tree (sections are 0).
    public func depth(of code: String) -> Int {
        var d = 0
        var current = indicator(code)?.parent
        while let p = current, d < 64 { d += 1; current = indicator(p)?.parent }
        return d
    }

    /// Everything wrong with the definition itself, in Vietnamese; empty when it can be used.
    public func problems() -> [String] {
        var out: [String] = []
        if code.trimmingCharacters(in: .whitespaces).isEmpty { out.append("Biểu mẫu: thiếu mã (code).") }
        if title.trimmingCharacters(in: .whitespaces).isEmpty { out.append("Biểu mẫu: thiếu tên (title).") }
        if !(2000...2100).contains(year) { out.append("Biểu mẫu: năm \(year) không hợp lệ.") }
        if indicators.isEmpty { out.append("Biểu mẫu: chưa có chỉ tiêu nào.") }
        var seen = Set<String>()
        for ind in indicators {
            if ind.code.isEmpty { out.append("Chỉ tiêu “\(ind.name)”: thiếu mã.") }
            if !seen.insert(ind.code).inserted { out.append("Chỉ tiêu \(ind.code): mã bị trùng.") }
            if let p = ind.parent {
                if !seen.contains(p) {
                    out.append(indicator(p) == nil ? "Chỉ tiêu \(ind.code): chỉ tiêu cha \(p) không tồn tại."
                                                   : "Chỉ tiêu \(ind.code): phải đứng sau chỉ tiêu cha \(p).")
                }
            }
            if ind.name.trimmingCharacters(in: .whitespaces).isEmpty { out.append("Chỉ tiêu \(ind.code): thiếu tên.") }
            if ind.kind == .choice {
                if (ind.choices ?? []).isEmpty { out.append("Chỉ tiêu \(ind.code): loại lựa chọn nhưng chưa có danh sách mã (choices).") }
                if Set((ind.choices ?? []).map(\.value)).count != (ind.choices ?? []).count {
                    out.append("Chỉ tiêu \(ind.code): giá trị lựa chọn bị trùng.")
                }
            }
            if ind.fraction == true && ind.kind != .percent {
                out.append("Chỉ tiêu \(ind.code): chỉ chỉ tiêu tỷ lệ (%) mới nhập theo tử số/mẫu số.")
            }
            if let lo = ind.min, let hi = ind.max, !(lo <= hi) { out.append("Chỉ tiêu \(ind.code): giới hạn min lớn hơn max.") }
            for bound in [ind.min, ind.max].compactMap({ $0 }) where !bound.isFinite || abs(bound) > ValueLimits.largest {
                out.append("Chỉ tiêu \(ind.code): giới hạn \(bound) vượt quá \(NumberFormat.vietnamese(ValueLimits.largest)).")
            }
            if let rule = ind.consolidate, !Indicator.Consolidate.allowed(for: ind.kind).contains(rule) {
                out.append("Chỉ tiêu \(ind.code): cách tổng hợp “\(rule.rawValue)” không dùng được "
                           + "cho loại \(ind.kind.label.lowercased()).")
            }
            if let source = ind.source {
                if ComputedSource(rawValue: source) == nil {
                    out.append("Chỉ tiêu \(ind.code): nguồn tự tính “\(source)” không có (dùng: "
                               + ComputedSource.allCases.map(\.rawValue).joined(separator: ", ") + ").")
                } else if ind.kind != .count && ind.kind != .number {
                    out.append("Chỉ tiêu \(ind.code): nguồn tự tính chỉ dùng cho dòng số đếm hoặc số.")
                }
            }
            if ind.partOf == true {
                if ind.parent == nil { out.append("Chỉ tiêu \(ind.code): dòng “Trong đó” phải có chỉ tiêu cha.") }
            }
        }
        if indicators.count > ValueLimits.maxIndicators { out.append("Biểu mẫu: quá \(ValueLimits.maxIndicators) chỉ tiêu.") }
        if rules.count > ValueLimits.maxRules { out.append("Biểu mẫu: quá \(ValueLimits.maxRules) quy tắc.") }
        for rule in rules {
            do {
                let expr = try RuleExpression.parse(rule.expr)
                for ref in expr.references where indicator(ref) == nil {
                    out.append("Quy tắc “\(rule.expr)”: chỉ tiêu [\(ref)] không có trong biểu mẫu.")
                }
            } catch let e as RuleExpression.ParseError {
                out.append("Quy tắc “\(rule.expr)”: \(e.message)")
            } catch {
                out.append("Quy tắc “\(rule.expr)”: không đọc được.")
            }
        }
        return out
    }
}

public struct Indicator: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case group, count, number, percent, choice, text

        public var label: String {
            switch self {
            case .group: "Nhóm"
            case .count: "Số đếm"
            case .number: "Số"
            case .percent: "Tỷ lệ %"
            case .choice: "Lựa chọn"
            case .text: "Văn bản"
            }
        }
    }

    public enum Measure: String, Codable, Sendable, CaseIterable {
        /// In the period.
        case period
        /// Cumulative to the report date ("lũy kế đến thời điểm báo cáo").
        case cumulative
        /// A state at the report date (headcount present, procedures in force); never summed across periods.
        case snapshot

        public var label: String {
            switch self {
            case .period: "Trong kỳ"
            case .cumulative: "Lũy kế"
            case .snapshot: "Tại thời điểm báo cáo"
            }
        }
    }

    /// How a row's figures from the units below become the jurisdiction's figure (seed 002 shows why
    /// one rule cannot serve every row). See docs/REPORTING.md.
    public enum Consolidate: String, Codable, Sendable, CaseIterable {
        /// Counts that add: every counted report, the jurisdiction's own included.
        case sum
        /// A percentage recomputed from summed numerators and denominators.
        case ratio
        /// The same catalogue for every unit of a level (procedures in force): shown once, units that differ listed.
        case common
        /// The jurisdiction's own figure, never built from below ("hồ sơ do UBND thị xã tiếp nhận").
        case own
        /// Filled by the jurisdiction's offices for the whole area: replaces, never adds to, the units' figures.
        case areaWide
        /// A coded answer: the jurisdiction's own answer goes upward; the distribution below is shown beside it.
        case choice
        case max, min

        public var label: String {
            switch self {
            case .sum: "Cộng"
            case .ratio: "Tính lại tỷ lệ"
            case .common: "Chung cho các đơn vị"
            case .own: "Số của cấp báo cáo"
            case .areaWide: "Số toàn địa bàn"
            case .choice: "Mã của cấp báo cáo"
            case .max: "Lớn nhất"
            case .min: "Nhỏ nhất"
            }
        }

        /// Which rules a kind of row may use.
        public static func allowed(for kind: Kind) -> [Consolidate] {
            switch kind {
            case .group, .text: []
            case .count, .number: [.sum, .common, .own, .areaWide, .max, .min]
            case .percent: [.ratio, .common, .own, .areaWide, .max, .min]
            case .choice: [.choice, .common, .own]
            }
        }
    }

    public struct Choice: Codable, Sendable, Equatable {
        public var value: Int
        public var label: String
        public init(value: Int, label: String) { self.value = value; self.label = label }
    }

    public var code: String
    public var parent: String?
    public var name: String
    public var unit: String?
    public var kind: Kind
    public var choices: [Choice]?
    /// A "Trong đó" (of which) row: may not exceed its parent.
    public var partOf: Bool?
    public var measure: Measure?
    public var office: String?
    /// A percentage entered as numerator and denominator, so the level above can recompute it exactly.
    public var fraction: Bool?
    public var numeratorLabel: String?
    public var denominatorLabel: String?
    public var note: String?
    /// The accepted range, when the form sets one other than the kind's (see `ValueLimits`).
    public var min: Double?
    public var max: Double?
    /// How the row consolidates upward; by default counts add, percentages are recomputed, choices go up as the own answer.
    public var consolidate: Consolidate?
    /// A report may not go to the leader without this row filled.
    public var required: Bool?
    /// Where the system computes the row from (`ComputedSource`: "plan.tasks", "register.directing" …); nil: typed.
    public var source: String?

    public init(code: String, parent: String? = nil, name: String, unit: String? = nil, kind: Kind,
                choices: [Choice]? = nil, partOf: Bool? = nil, measure: Measure? = nil, office: String? = nil,
                fraction: Bool? = nil, numeratorLabel: String? = nil, denominatorLabel: String? = nil, note: String? = nil,
                min: Double? = nil, max: Double? = nil, consolidate: Consolidate? = nil) {
        self.code = code
        self.parent = parent
        self.name = name
        self.unit = unit
        self.kind = kind
        self.choices = choices
        self.partOf = partOf
        self.measure = measure
        self.office = office
        self.fraction = fraction
        self.numeratorLabel = numeratorLabel
        self.denominatorLabel = denominatorLabel
        self.note = note
        self.min = min
        self.max = max
        self.consolidate = consolidate
    }

    /// The rule in force: the row's own, or the kind's default.
    public var consolidationRule: Consolidate? { consolidate ?? defaultRule }

    /// The rule a row of this kind follows when it names none.
    public var defaultRule: Consolidate? {
        switch kind {
        case .group, .text: return nil
        case .count, .number: return .sum
        case .percent: return .ratio
        case .choice: return .choice
        }
    }

    public var isFraction: Bool { kind == .percent && fraction == true }
    public var effectiveMeasure: Measure { measure ?? .period }
    public var isInput: Bool { kind != .group }

    public func choiceLabel(_ value: Int) -> String? { choices?.first { $0.value == value }?.label }
}

public struct Rule: Codable, Sendable, Equatable {
    public var expr: String
    public var message: String
    public init(expr: String, message: String) { self.expr = expr; self.message = message }
}
