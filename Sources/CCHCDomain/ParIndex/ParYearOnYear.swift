import Foundation

/// The change on last year ("+4,47"), for a unit that existed last year or one formed by merging others.
public struct ParChange: Sendable, Equatable, Codable {
    public var year: Int
    public var current: Double
    /// Last year's total: the unit's own, or computed from its predecessors'.
    public var previous: Double
    /// current − previous on the published (2-decimal) figures, so that 92,63 − 88,16 reads 4,47 by hand.
    public var delta: Double
    /// How `previous` was found, when it was computed ("bình quân của Quảng An (80), Quảng Thành (84)").
    public var basis: String?

    /// "+4,47"
    public var text: String { ParPoints.signed(delta) }

    /// Seed 001's sentence: "cao hơn năm 2018 là 4,47 điểm (năm 2018 đạt 88,16 điểm)".
    public var sentence: String {
        let last = "năm \(year - 1) đạt \(ParPoints.text(previous)) điểm" + (basis.map { ", " + $0 } ?? "")
        if ParPoints.same(delta, 0) { return "bằng năm \(year - 1) (\(last))" }
        return "\(delta > 0 ? "cao" : "thấp") hơn năm \(year - 1) là \(ParPoints.text(abs(delta))) điểm (\(last))"
    }

    public init(year: Int, current: Double, previous: Double, basis: String? = nil) {
        self.year = year
        self.current = current
        self.previous = previous
        self.delta = ParPoints.rounded(ParPoints.rounded(current) - ParPoints.rounded(previous))
        self.basis = basis
    }
}

/// How a merged unit's last-year score is built from its predecessors'.
public enum ParMergeRule: String, Sendable, Equatable, Codable {
    /// The simple average of the predecessors' totals.
    case average
    /// Weighted by each predecessor's `weight` (population, area, number of procedures … as configured).
    case weighted
}

/// A unit merged into the current one, with last year's total (nil: it was not scored).
public struct ParPredecessor: Sendable, Equatable, Codable {
    public var unitID: Int
    public var name: String
    public var total: Double?
    public var weight: Double

    public init(unitID: Int, name: String, total: Double?, weight: Double = 1) {
        self.unitID = unitID
        self.name = name
        self.total = total
        self.weight = weight
    }
}

public enum ParYearOnYear {
    /// The change for a unit with its own last-year total.
    public static func change(year: Int, current: Double, previous: Double?) -> ParChange? {
        previous.map { ParChange(year: year, current: current, previous: $0) }
    }

    /// The change for a merged unit: last year's total from the predecessors that were scored.
    /// nil when none was (or, weighted, their weights add to 0).
    public static func change(year: Int, current: Double, predecessors: [ParPredecessor], rule: ParMergeRule) -> ParChange? {
        let scored = predecessors.filter { $0.total?.isFinite == true }
        guard !scored.isEmpty else { return nil }
        let previous: Double
        let list: String
        switch rule {
        case .average:
            previous = scored.reduce(0) { $0 + $1.total! } / Double(scored.count)
            list = "bình quân của " + scored.map { "\($0.name) (\(ParPoints.text($0.total!)))" }.joined(separator: ", ")
        case .weighted:
            let weights = scored.reduce(0) { $0 + Swift.max(0, $1.weight) }
            guard weights > 0 else { return nil }
            previous = scored.reduce(0) { $0 + $1.total! * Swift.max(0, $1.weight) } / weights
            list = "bình quân có trọng số của " + scored.map {
                "\($0.name) (\(ParPoints.text($0.total!)) × \(NumberFormat.vietnamese($0.weight, maxFractionDigits: 4)))"
            }.joined(separator: ", ")
        }
        let unscored = predecessors.filter { $0.total?.isFinite != true }.map(\.name)
        let note = unscored.isEmpty ? "" : "; không có điểm: " + unscored.joined(separator: ", ")
        return ParChange(year: year, current: current, previous: previous, basis: list + note)
    }
}
