import Foundation

/// The dates an inspection runs on, in Vietnam days, and where a finding stands.
public enum InspectionRules {
    /// The inspected unit's written report is due `days` before the visit ("trước 03 ngày theo lịch kiểm tra"): the visit on
    /// 15/06 with 3 days → 12/06. An unannounced visit has none.
    public static func preVisitDue(visit: Day, days: Int, unannounced: Bool = false) -> Day? {
        unannounced ? nil : visit.adding(days: -days)
    }

    /// A finding concluded on `conclusion` is remedied by `conclusion + days` (seed 001: within 15 days of the inspection's end).
    public static func remediationDue(conclusion: Day, days: Int) -> Day { conclusion.adding(days: days) }

    /// Whether a report sent at `sent` met its last day (Vietnam time); nil when not sent.
    public static func onTime(sent: Date?, lastDay: Day) -> Bool? { sent.map { $0 < lastDay.endInVietnam } }
}

/// A finding's status as recorded: open, fixed by the unit and awaiting the team's verification, verified closed.
public enum FindingStatus: String, Codable, Sendable, CaseIterable {
    case open, fixed, verified

    public var label: String {
        switch self {
        case .open: "Chưa khắc phục"
        case .fixed: "Đã khắc phục, chờ xác minh"
        case .verified: "Đã xác minh, kết thúc"
        }
    }
}

/// Where a finding stands on a day: its status, and — while not verified — whether its remediation deadline has passed.
public struct FindingState: Sendable, Equatable, Codable {
    public var status: FindingStatus
    /// Days past the remediation deadline while the unit has not reported it fixed (0 when not overdue).
    public var overdueDays: Int
    /// Reported fixed (or verified) after the deadline, by so many days.
    public var lateDays: Int

    public var isOverdue: Bool { overdueDays > 0 }

    /// "Quá hạn khắc phục 4 ngày", "Đã khắc phục, chờ xác minh (chậm 2 ngày)".
    public var label: String {
        if isOverdue { return "Quá hạn khắc phục \(overdueDays) ngày" }
        return status.label + (lateDays > 0 ? " (chậm \(lateDays) ngày)" : "")
    }

    /// `fixedOn`: the day the unit reported it fixed; `today`: the day it is looked at.
    public static func of(status: FindingStatus, due: Day, fixedOn: Day?, today: Day) -> FindingState {
        switch status {
        case .open:
            return FindingState(status: .open, overdueDays: today > due ? due.days(until: today) : 0, lateDays: 0)
        case .fixed, .verified:
            let late = fixedOn.map { $0 > due ? due.days(until: $0) : 0 } ?? 0
            return FindingState(status: status, overdueDays: 0, lateDays: late)
        }
    }
}

/// Block 1.2 of the periodic report for one window (seed 002): units in scope, units inspected, issues found, issues resolved.
public struct InspectionCounts: Sendable, Equatable, Codable {
    /// 1.2.1: the units the reporting level's inspection plan of the year covers.
    public var inScope: Int
    /// 1.2.2: distinct units whose visit was concluded within the window.
    public var inspected: Int
    /// 1.2.3: findings of conclusions within the window.
    public var found: Int
    /// 1.2.4: of those, verified closed by the end of the window.
    public var resolved: Int

    public init(inScope: Int, inspected: Int, found: Int, resolved: Int) {
        self.inScope = inScope
        self.inspected = inspected
        self.found = found
        self.resolved = resolved
    }

    public struct Visit: Sendable {
        public var unitID: Int
        public var concludedOn: Day?
        public init(unitID: Int, concludedOn: Day?) {
            self.unitID = unitID
            self.concludedOn = concludedOn
        }
    }

    public struct Finding: Sendable {
        public var foundOn: Day
        public var verifiedOn: Day?
        public init(foundOn: Day, verifiedOn: Day?) {
            self.foundOn = foundOn
            self.verifiedOn = verifiedOn
        }
    }

    public static func count(from: Day, through: Day, inScope: Int, visits: [Visit], findings: [Finding]) -> InspectionCounts {
        let inWindow = { (d: Day) in from <= d && d <= through }
        let inspected = Set(visits.filter { $0.concludedOn.map(inWindow) ?? false }.map(\.unitID)).count
        let found = findings.filter { inWindow($0.foundOn) }
        let resolved = found.filter { f in f.verifiedOn.map { $0 <= through } ?? false }
        return InspectionCounts(inScope: inScope, inspected: inspected, found: found.count, resolved: resolved.count)
    }
}
