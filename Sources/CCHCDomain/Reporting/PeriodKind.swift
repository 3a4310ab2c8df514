/// The periods a unit reports on: quarter I, first six months, quarter III, year; months too. With the
/// annual report come the figures estimated for the tail of the year, reported separately (`estimate`, seed 000:
/// "báo cáo riêng số liệu ước đạt từ ngày 15/11/2021 đến ngày 14/12/2021"), and the supplementary report of
/// exact figures when asked (`supplement`: "báo cáo bổ sung số liệu chính xác từ 01/12/2021 đến 14/12/2021").
public enum PeriodKind: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    case q1, h1, q3, year
    case estimate, supplement
    case month(Int)

    public init?(code: String) {
        switch code.uppercased() {
        case "Q1": self = .q1
        case "H1": self = .h1
        case "Q3": self = .q3
        case "Y": self = .year
        case "YE": self = .estimate
        case "YS": self = .supplement
        default:
            let c = code.uppercased()
            guard c.count == 3, c.hasPrefix("M"), let m = Int(c.dropFirst()), (1...12).contains(m) else { return nil }
            self = .month(m)
        }
    }

    public var code: String {
        switch self {
        case .q1: "Q1"
        case .h1: "H1"
        case .q3: "Q3"
        case .year: "Y"
        case .estimate: "YE"
        case .supplement: "YS"
        case .month(let m): String(format: "M%02d", m)
        }
    }

    /// "Quý I", "6 tháng đầu năm", "Quý III", "Năm", "Tháng 3"
    public var label: String {
        switch self {
        case .q1: "Quý I"
        case .h1: "6 tháng đầu năm"
        case .q3: "Quý III"
        case .year: "Năm"
        case .estimate: "Ước đạt cuối năm"
        case .supplement: "Bổ sung năm"
        case .month(let m): "Tháng \(m)"
        }
    }

    /// "Báo cáo Quý I/2021", "Báo cáo 6 tháng đầu năm 2021", "Báo cáo năm 2021"
    public func title(year: Int) -> String {
        switch self {
        case .q1: "Báo cáo Quý I/\(year)"
        case .h1: "Báo cáo 6 tháng đầu năm \(year)"
        case .q3: "Báo cáo Quý III/\(year)"
        case .year: "Báo cáo năm \(year)"
        case .estimate: "Báo cáo số liệu ước đạt cuối năm \(year)"
        case .supplement: "Báo cáo bổ sung số liệu năm \(year)"
        case .month(let m): "Báo cáo tháng \(m)/\(year)"
        }
    }

    /// The title inside a sentence: "báo cáo Quý I/2021" (only the first letter lowered; "Quý I" keeps its capitals).
    public func titleInSentence(year: Int) -> String {
        let t = title(year: year)
        return t.prefix(1).lowercased() + t.dropFirst()
    }

    /// The last month of the period: the deadline falls in it.
    public var lastMonth: Int {
        switch self {
        case .q1: 3
        case .h1: 6
        case .q3: 9
        case .year, .estimate, .supplement: 12
        case .month(let m): m
        }
    }

    /// A report that accompanies the annual one (its estimate or its supplement), not a period of the cycle:
    /// its window lies inside the year's, by design, so the regime check and the comparisons leave it out.
    public var accompaniesYear: Bool { self == .estimate || self == .supplement }

    /// Sort order: by last month, then the longer period last (Q1, M03 …).
    private var order: Int {
        switch self {
        case .q1: 3 * 10 + 1
        case .h1: 6 * 10 + 2
        case .q3: 9 * 10 + 1
        case .year: 12 * 10 + 3
        case .estimate: 12 * 10 + 4
        case .supplement: 12 * 10 + 5
        case .month(let m): m * 10
        }
    }

    public static func < (a: PeriodKind, b: PeriodKind) -> Bool { a.order < b.order }
    public var description: String { code }

    public static let standard: [PeriodKind] = [.q1, .h1, .q3, .year]
    public static let all: [PeriodKind] = [.q1, .h1, .q3, .year, .estimate, .supplement] + (1...12).map { .month($0) }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(code)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let kind = PeriodKind(code: text) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "Kỳ báo cáo “\(text)” không hợp lệ (Q1, H1, Q3, Y, YE, YS, M01…M12).")
        }
        self = kind
    }
}
