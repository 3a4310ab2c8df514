import Foundation

/// A unit's place in its group: "1/11". Equal totals (within `ParPoints.epsilon`) share a rank and the
/// next rank skips ("1, 2, 2, 4"); within a tie, units are listed by name.
public struct ParStanding: Sendable, Equatable, Codable {
    public var unitID: Int
    public var unitName: String
    public var total: Double
    public var rank: Int
    /// Units in the group.
    public var of: Int

    /// "1/11"; seed 001 writes "01/11", `paddedText`.
    public var text: String { "\(rank)/\(of)" }
    public var paddedText: String { (rank < 10 ? "0" : "") + "\(rank)/\(of)" }
    /// Another unit has the same total.
    public var tied = false
}

public enum ParRanking {
    public static func rank(_ units: [(id: Int, name: String, total: Double)]) -> [ParStanding] {
        let sorted = units.sorted { a, b in
            ParPoints.same(a.total, b.total) ? Folding.fold(a.name) < Folding.fold(b.name) : a.total > b.total
        }
        var out: [ParStanding] = []
        for (i, u) in sorted.enumerated() {
            var s = ParStanding(unitID: u.id, unitName: u.name, total: u.total, rank: i + 1, of: sorted.count)
            if let prev = out.last, ParPoints.same(prev.total, u.total) {
                s.rank = prev.rank
                s.tied = true
                out[out.count - 1].tied = true
            }
            out.append(s)
        }
        return out
    }
}
