import Foundation

/// How a set of duties stands: done on time, done late, overdue (not done after the due moment), returned (owed again),
/// not yet due, waived — and the emulation rate over the duties already due.
public struct DutyTally: Codable, Sendable, Equatable {
    public var onTime = 0
    public var late = 0
    public var overdue = 0
    /// Open and sent back to the unit (also counted in `overdue` or `notDue`).
    public var returned = 0
    public var notDue = 0
    public var waived = 0

    public init() {}

    public init(_ duties: [Duty], now: Date) {
        for d in duties { add(d, now: now) }
    }

    public mutating func add(_ d: Duty, now: Date) {
        switch d.status(now: now) {
        case .doneOnTime: onTime += 1
        case .doneLate: late += 1
        case .overdue: overdue += 1
        case .upcoming, .dueSoon: notDue += 1
        case .waived: waived += 1
        }
        if d.doneAt == nil && d.waived == nil && d.note?.hasPrefix("Bị trả lại") == true { returned += 1 }
    }

    /// Duties whose due moment has passed (waived ones aside).
    public var due: Int { onTime + late + overdue }
    public var total: Int { due + notDue + waived }

    /// The emulation rule, as the page shows it.
    public static let rule = "Mỗi việc đã đến hạn: đúng hạn tính 1 điểm, xong muộn 0,5 điểm, quá hạn chưa xong 0 điểm; "
        + "tỷ lệ = tổng điểm / số việc đã đến hạn × 100. Xếp hạng theo tỷ lệ giảm dần; bằng tỷ lệ thì ít việc quá hạn hơn xếp trên; "
        + "vẫn bằng thì đồng hạng. Việc được miễn và việc chưa đến hạn không tính."

    /// The rate in percent; nil when nothing is due yet.
    public var rate: Double? {
        guard due > 0 else { return nil }
        return (Double(onTime) + 0.5 * Double(late)) / Double(due) * 100
    }

    public static func + (a: DutyTally, b: DutyTally) -> DutyTally {
        var t = a
        t.onTime += b.onTime
        t.late += b.late
        t.overdue += b.overdue
        t.returned += b.returned
        t.notDue += b.notDue
        t.waived += b.waived
        return t
    }
}

/// Units ranked by their tallies under `DutyTally.rule`: ties (same rate and same overdue count) share a rank.
public enum DutyRanking {
    public struct Entry: Codable, Sendable, Equatable {
        public var unitID: Int
        public var unitName: String
        public var tally: DutyTally
        public var rank: Int
        public var tied: Bool
    }

    public static func rank(_ units: [(id: Int, name: String, tally: DutyTally)]) -> [Entry] {
        let sorted = units.sorted { a, b in
            let (ra, rb) = (a.tally.rate ?? -1, b.tally.rate ?? -1)
            if ra != rb { return ra > rb }
            if a.tally.overdue != b.tally.overdue { return a.tally.overdue < b.tally.overdue }
            return Folding.fold(a.name) < Folding.fold(b.name)
        }
        var out: [Entry] = []
        for (i, u) in sorted.enumerated() {
            let same = out.last.map { prev in
                (prev.tally.rate ?? -1) == (u.tally.rate ?? -1) && prev.tally.overdue == u.tally.overdue
            } ?? false
            let rank = same ? out[out.count - 1].rank : i + 1
            if same { out[out.count - 1].tied = true }
            out.append(Entry(unitID: u.id, unitName: u.name, tally: u.tally, rank: rank, tied: same))
        }
        return out
    }
}
