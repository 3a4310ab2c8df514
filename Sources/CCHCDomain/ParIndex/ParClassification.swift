import Foundation

/// The class (xếp loại) a scorecard earns, and why the higher classes were not reached.
public struct ParClassification: Sendable, Equatable, Codable {
    /// nil: no class applies ("Không xếp loại").
    public var label: String?
    /// Why each higher class was missed, in Vietnamese, highest first.
    public var missed: [String]
    /// Criteria below the share a higher class asked for (only those a class failed on alone).
    public var weakCriteria: [String]

    public var text: String { label ?? "Không xếp loại" }

    /// The first class (highest first) whose threshold the total reaches (within `ParPoints.epsilon`:
    /// 90,00 reaches 90) and, where the class asks, every criterion reaches `share` × its max.
    /// Every criterion: every node of the tree, at any depth, with a max above 0, but not bonus,
    /// penalty, or one scored "không phát sinh".
    public static func classify(_ card: ParScorecard, classes: [ParClass]) -> ParClassification {
        let total = card.total
        var missed: [String] = []
        var weak: [String] = []
        for k in classes {
            guard ParPoints.atLeast(total, k.min) else {
                missed.append("Chưa đạt \"\(k.label)\": tổng điểm \(ParPoints.text(total)) dưới \(ParPoints.text(k.min))")
                continue
            }
            if let share = k.everyCriterionMinShare {
                let below = card.scores.filter { s in
                    !s.isAdjustment && !s.notApplicable && s.max > 0 && !ParPoints.atLeast(s.points, share * s.max)
                }
                if !below.isEmpty {
                    let pct = NumberFormat.vietnamese(share * 100, maxFractionDigits: 1)
                    missed.append("Chưa đạt \"\(k.label)\": đủ \(ParPoints.text(k.min)) điểm nhưng tiêu chí "
                        + below.map { "\($0.code) (\($0.text))" }.joined(separator: ", ") + " dưới \(pct) % điểm tối đa")
                    weak += below.map(\.code).filter { !weak.contains($0) }
                    continue
                }
            }
            return ParClassification(label: k.label, missed: missed, weakCriteria: weak)
        }
        return ParClassification(label: nil, missed: missed, weakCriteria: weak)
    }
}
