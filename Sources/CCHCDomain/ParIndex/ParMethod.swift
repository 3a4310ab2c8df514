import Foundation

/// How one criterion is scored: the `"method"` object of the framework JSON, by its `"type"`.
public enum ParMethod: Sendable, Equatable {
    /// 0 to the criterion's max in steps of `step` (absent: any figure with at most 2 decimals).
    case manual(step: Double?)
    /// Done → the max; not done → 0.
    case boolean
    /// One of several named outcomes, each with its points.
    case levels([ParLevel])
    /// A measured number falls in one band; `input` says what is measured.
    case bands(input: String?, bands: [ParBand])
    /// A required count per month, quarter or year, minus `penalty` per missing item, not below `floor`.
    case deduction(ParDeduction)
    /// The unit's own timeliness records for the listed duties: all on time, some late, some missing.
    case deadline(ParDeadline)
    /// A figure of the unit's annual report (the statistics form's indicator code), through bands.
    case indicator(indicator: String, bands: [ParBand])
    /// Points added, at most `cap`.
    case bonus(cap: Double)
    /// Points taken off, at most `cap`.
    case penalty(cap: Double)

    /// The JSON `"type"`.
    public var type: String {
        switch self {
        case .manual: "manual"
        case .boolean: "boolean"
        case .levels: "levels"
        case .bands: "bands"
        case .deduction: "deduction"
        case .deadline: "deadline"
        case .indicator: "indicator"
        case .bonus: "bonus"
        case .penalty: "penalty"
        }
    }

    public static let types = ["manual", "boolean", "levels", "bands", "deduction", "deadline", "indicator", "bonus", "penalty"]

    /// Vietnamese name of the method, for pages.
    public var label: String {
        switch self {
        case .manual: "Chấm trực tiếp"
        case .boolean: "Đạt / không đạt"
        case .levels: "Theo mức"
        case .bands: "Theo khoảng giá trị"
        case .deduction: "Trừ điểm theo số lượng thiếu"
        case .deadline: "Theo thời hạn thực hiện"
        case .indicator: "Theo chỉ tiêu báo cáo"
        case .bonus: "Điểm thưởng"
        case .penalty: "Điểm trừ"
        }
    }
}

/// A named outcome of a `levels` criterion: "ban hành kịp thời" → 1.
public struct ParLevel: Codable, Sendable, Equatable {
    public var label: String
    public var points: Double

    public init(label: String, points: Double) {
        self.label = label
        self.points = points
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        label = try c.decode(String.self, forKey: .label)
        points = try c.decodePoints(forKey: .points)
    }
}

/// One band of a `bands` or `indicator` criterion. An edge written is included unless
/// `minInclusive` / `maxInclusive` is false: "từ 70 % đến 90 %" is `{min 70, max 90}`,
/// "trên 90 %" is `{min 90, minInclusive false}`, "dưới 70 %" is `{max 70, maxInclusive false}`.
/// An absent edge is open (no lower / no upper limit).
public struct ParBand: Codable, Sendable, Equatable {
    public var min: Double?
    public var minInclusive: Bool?
    public var max: Double?
    public var maxInclusive: Bool?
    public var points: Double

    public init(min: Double? = nil, minInclusive: Bool? = nil, max: Double? = nil, maxInclusive: Bool? = nil, points: Double) {
        self.min = min
        self.minInclusive = minInclusive
        self.max = max
        self.maxInclusive = maxInclusive
        self.points = points
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        min = try c.decodePointsIfPresent(forKey: .min)
        minInclusive = try c.decodeIfPresent(Bool.self, forKey: .minInclusive)
        max = try c.decodePointsIfPresent(forKey: .max)
        maxInclusive = try c.decodeIfPresent(Bool.self, forKey: .maxInclusive)
        points = try c.decodePoints(forKey: .points)
    }

    public var includesMin: Bool { minInclusive ?? true }
    public var includesMax: Bool { maxInclusive ?? true }

    /// Whether `value` falls in the band, edges as written (an edge is matched within `ParPoints.epsilon`).
    public func contains(_ value: Double) -> Bool {
        if let min {
            if ParPoints.same(value, min) { if !includesMin { return false } } else if value < min { return false }
        }
        if let max {
            if ParPoints.same(value, max) { if !includesMax { return false } } else if value > max { return false }
        }
        return true
    }

    /// "từ 70 đến 90", "trên 90", "dưới 70", "từ 70 đến dưới 90", "mọi giá trị".
    public var text: String {
        let low = min.map { (includesMin ? "từ " : "trên ") + NumberFormat.vietnamese($0, maxFractionDigits: 4) }
        let upTo = includesMax ? (min == nil ? "không quá " : "đến ") : (min == nil ? "dưới " : "đến dưới ")
        let high = max.map { upTo + NumberFormat.vietnamese($0, maxFractionDigits: 4) }
        switch (low, high) {
        case let (l?, h?): return l + " " + h
        case let (l?, nil): return l
        case let (nil, h?): return h
        case (nil, nil): return "mọi giá trị"
        }
    }
}

/// How often a `deduction` count is required.
public enum ParPeriodUnit: String, Codable, Sendable, Equatable, CaseIterable {
    case month, quarter, year

    /// How many periods a year has.
    public var periodsInYear: Int {
        switch self {
        case .month: 12
        case .quarter: 4
        case .year: 1
        }
    }

    /// "tháng", "quý", "năm"
    public var label: String {
        switch self {
        case .month: "tháng"
        case .quarter: "quý"
        case .year: "năm"
        }
    }
}

/// Seed 001's 1.3.3: "Mỗi tháng ít nhất có 4 tin, bài, giảm một tin, bài trừ 0,5 điểm".
public struct ParDeduction: Codable, Sendable, Equatable {
    public var per: ParPeriodUnit
    /// Items required in each period.
    public var required: Int
    /// Points taken off per missing item.
    public var penalty: Double
    /// The lowest the criterion can go; absent: 0. A negative floor lets the criterion take points off the area.
    public var floor: Double?

    public init(per: ParPeriodUnit, required: Int, penalty: Double, floor: Double? = nil) {
        self.per = per
        self.required = required
        self.penalty = penalty
        self.floor = floor
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        per = try c.decode(ParPeriodUnit.self, forKey: .per)
        required = try c.decode(Int.self, forKey: .required)
        penalty = try c.decodePoints(forKey: .penalty)
        floor = try c.decodePointsIfPresent(forKey: .floor)
    }

    public var effectiveFloor: Double { floor ?? 0 }
}

/// Points for the duties' timeliness ("plan", "report:Q1", "self-inspection" …): every duty on time →
/// `onTime`; otherwise any missing → `missing`; otherwise (some late) → `late`.
public struct ParDeadline: Codable, Sendable, Equatable {
    public var duties: [String]
    public var onTime: Double
    public var late: Double
    public var missing: Double

    public init(duties: [String], onTime: Double, late: Double, missing: Double) {
        self.duties = duties
        self.onTime = onTime
        self.late = late
        self.missing = missing
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        duties = try c.decode([String].self, forKey: .duties)
        onTime = try c.decodePoints(forKey: .onTime)
        late = try c.decodePoints(forKey: .late)
        missing = try c.decodePoints(forKey: .missing)
    }
}

extension ParMethod: Codable {
    private enum CodingKeys: String, CodingKey {
        case type, step, levels, input, bands, per, required, penalty, floor, duties, onTime, late, missing, indicator, cap
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let type = try c.decode(String.self, forKey: .type)
        switch type {
        case "manual": self = .manual(step: try c.decodePointsIfPresent(forKey: .step))
        case "boolean": self = .boolean
        case "levels": self = .levels(try c.decode([ParLevel].self, forKey: .levels))
        case "bands": self = .bands(input: try c.decodeIfPresent(String.self, forKey: .input), bands: try c.decode([ParBand].self, forKey: .bands))
        case "deduction": self = .deduction(try ParDeduction(from: decoder))
        case "deadline": self = .deadline(try ParDeadline(from: decoder))
        case "indicator": self = .indicator(indicator: try c.decode(String.self, forKey: .indicator), bands: try c.decode([ParBand].self, forKey: .bands))
        case "bonus": self = .bonus(cap: try c.decodePoints(forKey: .cap))
        case "penalty": self = .penalty(cap: try c.decodePoints(forKey: .cap))
        default:
            throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription:
                "Phương pháp chấm \"\(type)\" không có; chỉ dùng: " + ParMethod.types.joined(separator: ", "))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(type, forKey: .type)
        switch self {
        case .manual(let step): try c.encodeIfPresent(step, forKey: .step)
        case .boolean: break
        case .levels(let levels): try c.encode(levels, forKey: .levels)
        case .bands(let input, let bands):
            try c.encodeIfPresent(input, forKey: .input)
            try c.encode(bands, forKey: .bands)
        case .deduction(let d): try d.encode(to: encoder)
        case .deadline(let d): try d.encode(to: encoder)
        case .indicator(let indicator, let bands):
            try c.encode(indicator, forKey: .indicator)
            try c.encode(bands, forKey: .bands)
        case .bonus(let cap), .penalty(let cap): try c.encode(cap, forKey: .cap)
        }
    }
}

extension KeyedDecodingContainer {
    /// Points written as a JSON number, or as text a Vietnamese user types ("1,5").
    func decodePoints(forKey key: Key) throws -> Double {
        if let n = try? decode(Double.self, forKey: key) { return n }
        let text = try decode(String.self, forKey: key)
        guard let n = NumberFormat.parse(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "\"\(text)\" không phải là số điểm")
        }
        return n
    }

    func decodePointsIfPresent(forKey key: Key) throws -> Double? {
        guard contains(key), (try? decodeNil(forKey: key)) == false else { return nil }
        return try decodePoints(forKey: key)
    }
}
