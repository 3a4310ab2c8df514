import Foundation

/// Where a unit stands against a deadline. Deadlines are Vietnam days (UTC+7): a report submitted
/// at 23:59 on the deadline day, Vietnam time, is on time whatever the server's own time zone.
public enum Timeliness: Equatable, Sendable {
    case notDueYet(daysLeft: Int)
    case dueSoon(daysLeft: Int)
    case overdue(daysLate: Int)
    case onTime
    case late(days: Int)
    case returned(overdue: Bool)
    /// Sent again after a return: the resubmission's date decides (0 days late = on time).
    case resubmitted(daysLate: Int)
    /// A report owed only when asked for (the supplementary report), not sent: nobody is late for it.
    case notRequested

    /// Reports due within this many days are "due soon".
    public static let dueSoonDays = 5

    /// Where a report stands as the standing agency sees it. Steps inside the unit (drafting, sending
    /// to its own leader) change nothing here: a returned report is "returned, awaiting resubmission"
    /// until the unit's leader sends it again, and then the resubmission's date decides on time or late.
    /// - Parameters:
    ///   - firstSubmittedAt: when the report first reached the standing agency (nil if never).
    ///   - lastSubmittedAt: when it last did (a return clears it: nil until the unit's leader sends it again).
    ///   - returnedAt: when the standing agency last returned it (nil if never).
    public static func evaluate(deadline: Day, now: Date, firstSubmittedAt: Date?, lastSubmittedAt: Date?, returnedAt: Date?) -> Timeliness {
        guard let returnedAt else { return evaluate(deadline: deadline, now: now, submittedAt: firstSubmittedAt) }
        guard let again = lastSubmittedAt, again >= returnedAt else { return .returned(overdue: now >= deadline.endInVietnam) }
        return .resubmitted(daysLate: again < deadline.endInVietnam ? 0 : max(1, deadline.days(until: Day(again))))
    }

    /// - Parameters:
    ///   - submittedAt: when the report was first sent to the standing agency (nil if never).
    ///   - returned: the report is back with the unit for correction.
    public static func evaluate(deadline: Day, now: Date, submittedAt: Date?, returned: Bool = false) -> Timeliness {
        if returned { return .returned(overdue: now >= deadline.endInVietnam) }
        if let submittedAt {
            if submittedAt < deadline.endInVietnam { return .onTime }
            return .late(days: deadline.days(until: Day(submittedAt)))
        }
        if now >= deadline.endInVietnam {
            return .overdue(daysLate: deadline.days(until: Day(now)))
        }
        let left = Day(now).days(until: deadline)
        return left <= dueSoonDays ? .dueSoon(daysLeft: left) : .notDueYet(daysLeft: left)
    }

    public var code: String {
        switch self {
        case .notDueYet: "not_due"
        case .dueSoon: "due_soon"
        case .overdue: "overdue"
        case .onTime: "on_time"
        case .late: "late"
        case .returned: "returned"
        case .resubmitted(let d): d > 0 ? "late" : "on_time"
        case .notRequested: "on_request"
        }
    }

    /// A report owed only on request is judged like any other once it has been sent; until then it is not owed.
    public func onRequest(_ onRequest: Bool) -> Timeliness {
        guard onRequest else { return self }
        switch self {
        case .notDueYet, .dueSoon, .overdue: return .notRequested
        default: return self
        }
    }

    /// Vietnamese label: "Còn 12 ngày", "Sắp đến hạn (còn 2 ngày)", "Quá hạn 3 ngày", "Đúng hạn",
    /// "Nộp muộn 4 ngày", "Bị trả lại".
    public var label: String {
        switch self {
        case .notDueYet(let d): "Chưa đến hạn (còn \(d) ngày)"
        case .dueSoon(let d): d == 0 ? "Hạn chót hôm nay" : "Sắp đến hạn (còn \(d) ngày)"
        case .overdue(let d): "Quá hạn \(d) ngày, chưa nộp"
        case .onTime: "Nộp đúng hạn"
        case .late(let d): "Nộp muộn \(d) ngày"
        case .returned(let overdue): overdue ? "Bị trả lại, chờ nộp lại (đã quá hạn)" : "Bị trả lại, chờ nộp lại"
        case .resubmitted(let d): d > 0 ? "Nộp lại muộn \(d) ngày (sau khi bị trả lại)" : "Nộp lại đúng hạn (sau khi bị trả lại)"
        case .notRequested: "Chỉ nộp khi được yêu cầu"
        }
    }

    /// For sorting: the most urgent first.
    public var severity: Int {
        switch self {
        case .overdue: 0
        case .returned(true): 1
        case .late: 2
        case .returned(false): 3
        case .dueSoon: 4
        case .notDueYet: 5
        case .onTime: 6
        case .resubmitted(let d): d > 0 ? 2 : 6
        case .notRequested: 7
        }
    }
}
