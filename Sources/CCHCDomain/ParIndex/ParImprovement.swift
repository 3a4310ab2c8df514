import Foundation

/// Seed 001's plan shape: the weak criteria grouped by the section responsible, each with the points at stake.
public struct ParImprovementGroup: Sendable, Equatable, Codable {
    /// The responsible office or section; nil: none written in the framework.
    public var office: String?
    public var items: [ParCriterionScore]
    /// Points at stake for the section.
    public var lost: Double { items.reduce(0) { $0 + $1.lost } }
}

public enum ParImprovement {
    /// Leaves that lost points, grouped by office (offices ordered by points at stake, most first;
    /// items within a group most lost first).
    public static func draft(_ card: ParScorecard) -> [ParImprovementGroup] {
        var groups: [ParImprovementGroup] = []
        for s in card.weakest() {
            if let i = groups.firstIndex(where: { $0.office == s.office }) { groups[i].items.append(s) }
            else { groups.append(ParImprovementGroup(office: s.office, items: [s])) }
        }
        return groups.enumerated()
            .sorted { a, b in ParPoints.same(a.element.lost, b.element.lost) ? a.offset < b.offset : a.element.lost > b.element.lost }
            .map(\.element)
    }

    /// "1.3.3 Số lượng tin bài …: 1,5/2 (mất 0,5 điểm)"
    public static func line(_ s: ParCriterionScore) -> String {
        "\(s.code) \(s.name): \(s.text) (mất \(ParPoints.text(s.lost)) điểm)"
    }
}
