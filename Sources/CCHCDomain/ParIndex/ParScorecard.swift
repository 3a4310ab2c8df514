import Foundation

/// One criterion's score, with how it was reached in Vietnamese.
public struct ParCriterionScore: Sendable, Equatable, Codable {
    public var code: String
    public var parent: String?
    public var name: String
    public var max: Double
    /// Exact; round only to show (`ParPoints.text`).
    public var points: Double
    /// "Yêu cầu 4 tin, bài/tháng; tháng 3 thiếu 1: −0,5 → 1,5/2"
    public var explanation: String
    public var isLeaf: Bool
    /// Bonus or penalty: adjusts the total; never "lost".
    public var isAdjustment: Bool
    /// The criterion's office or its nearest ancestor's.
    public var office: String?
    /// Scored as "không phát sinh".
    public var notApplicable: Bool
    /// No input was given (scored 0).
    public var missingInput: Bool

    /// What the unit did not reach: max − points, never below 0.
    public var lost: Double { isAdjustment ? 0 : Swift.max(0, max - points) }
    /// "1,5/2"
    public var text: String { ParPoints.outOf(points, max) }
}

/// A unit's scores on a framework: every criterion, in the framework's order.
public struct ParScorecard: Sendable, Equatable, Codable {
    public var frameworkCode: String
    public var year: Int
    public var scores: [ParCriterionScore]
    /// Inputs that do not fit their criterion (scored 0 until corrected), and criteria that could not be scored.
    public var problems: [FieldError]

    public subscript(code: String) -> ParCriterionScore? { scores.first { $0.code == code } }

    /// The top-level areas (lĩnh vực) with their subtotals, bonus and penalty included where they stand.
    public var areas: [ParCriterionScore] { scores.filter { s in s.parent == nil || !scores.contains { $0.code == s.parent } } }

    /// The sum of the top-level scores (bonus and penalty at the top included), exact.
    public var total: Double { areas.reduce(0) { $0 + $1.points } }

    /// Criteria that lost points, most lost first (ties in framework order). Leaves only unless `leavesOnly` is false.
    public func weakest(limit: Int? = nil, leavesOnly: Bool = true) -> [ParCriterionScore] {
        let lost = scores.enumerated()
            .filter { (!leavesOnly || $0.element.isLeaf) && ParPoints.above($0.element.lost, 0) }
            .sorted { a, b in ParPoints.same(a.element.lost, b.element.lost) ? a.offset < b.offset : a.element.lost > b.element.lost }
            .map(\.element)
        return limit.map { Array(lost.prefix($0)) } ?? lost
    }
}
