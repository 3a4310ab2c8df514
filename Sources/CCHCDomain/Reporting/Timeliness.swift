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

    /// Reports due within this many days are "due soon".
    public static let dueSoonDays = 5

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
        case .returned(let overdue): overdue ? "Bị trả lại, đã quá hạn" : "Bị trả lại để sửa"
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
        }
    }
}
