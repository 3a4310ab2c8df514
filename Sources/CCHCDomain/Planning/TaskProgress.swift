import Foundation

/// Where a plan's task stands, as the unit records it.
public enum TaskStatus: String, Codable, Sendable, CaseIterable {
    case notStarted
    case inProgress
    case done
    case doneLate
    /// Needs a reason (`TaskProgress.cancelReason`).
    case cancelled

    public var title: String {
        switch self {
        case .notStarted: "Chưa thực hiện"
        case .inProgress: "Đang thực hiện"
        case .done: "Hoàn thành"
        case .doneLate: "Hoàn thành chậm"
        case .cancelled: "Hủy"
        }
    }

    public var isDone: Bool { self == .done || self == .doneLate }
}

/// What a unit records about one task: its status, the day it was completed, why it was cancelled.
///
/// The state shown (`state(dues:today:)`) follows from the task's dues: a task completed after the last due's last
/// day (`DueDate.lastDay`: the day before for "trước ngày X") is done late, however it was recorded; a task not
/// done when that day has passed is overdue ("Quá hạn N ngày"). A task with several milestones is judged on the
/// last one — progress is recorded per task, not per milestone — and `nextDue` names the milestone ahead. A
/// conditional task ("(nếu có)") that did not arise is cancelled with that reason, not left overdue.
public struct TaskProgress: Codable, Sendable, Equatable {
    public typealias Status = TaskStatus

    public var status: TaskStatus
    /// The day the task was completed; a completion day makes the task done whatever `status` says.
    public var completedOn: Day?
    /// Why the task was cancelled: required for `cancelled`.
    public var cancelReason: String?

    public init(status: TaskStatus = .notStarted, completedOn: Day? = nil, cancelReason: String? = nil) {
        self.status = status
        self.completedOn = completedOn
        self.cancelReason = cancelReason
    }

    /// What is wrong with the record, as the form's fields: a cancellation without a reason, a task done without its
    /// completion day, a completion day after today or on a task recorded as not done.
    public func validate(today: Day) -> [FieldError] {
        var errors: [FieldError] = []
        if status == .cancelled, (cancelReason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.append(FieldError(field: "cancelReason", message: "Lý do hủy: bắt buộc khi hủy nhiệm vụ."))
        }
        if status.isDone, completedOn == nil {
            errors.append(FieldError(field: "completedOn", message: "Ngày hoàn thành: bắt buộc khi nhiệm vụ đã hoàn thành."))
        }
        if let day = completedOn {
            if day > today {
                errors.append(FieldError(field: "completedOn", message: "Ngày hoàn thành \(day.vietnamese) chưa đến (hôm nay là \(today.vietnamese))."))
            }
            if status == .notStarted || status == .inProgress {
                errors.append(FieldError(field: "completedOn", message: "Ngày hoàn thành: nhiệm vụ đang ở trạng thái “\(status.title)”, chưa hoàn thành."))
            }
        }
        return errors
    }

    /// The state shown for the task on `today`.
    public func state(dues: [DueDate], today: Day) -> TaskState {
        Self.state(status: status, completedOn: completedOn, cancelReason: cancelReason, dues: dues, today: today)
    }

    /// Done on time (`done`) or late (`doneLate`) for a task completed on `day`; `done` when it has no due.
    public static func completionStatus(completedOn day: Day, dues: [DueDate]) -> TaskStatus {
        guard let last = dues.map(\.lastDay).max() else { return .done }
        return day > last ? .doneLate : .done
    }

    /// The pure rule behind `state(dues:today:)`.
    public static func state(status: TaskStatus, completedOn: Day?, cancelReason: String? = nil, dues: [DueDate], today: Day) -> TaskState {
        let last = dues.map(\.lastDay).max()
        if status == .cancelled {
            let reason = (cancelReason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            return TaskState(status: .cancelled, label: reason.isEmpty ? "Hủy" : "Hủy: \(reason)")
        }
        if let day = completedOn {
            guard let last else {
                // No due to be late against ("Thường xuyên"): as recorded.
                let done: TaskStatus = status == .doneLate ? .doneLate : .done
                return TaskState(status: done, onTime: done == .done, label: done.title)
            }
            if day > last {
                let late = last.days(until: day)
                return TaskState(status: .doneLate, lateDays: late, onTime: false, label: "Hoàn thành chậm \(late) ngày")
            }
            return TaskState(status: .done, onTime: true, label: TaskStatus.done.title)
        }
        if status.isDone {
            // Done, its completion day not recorded: as recorded.
            return TaskState(status: status, onTime: status == .done, label: status.title)
        }
        let next = dues.filter { $0.lastDay >= today }.min { $0.lastDay < $1.lastDay }
        if let last, today > last {
            let overdue = last.days(until: today)
            return TaskState(status: status, overdueDays: overdue, label: "Quá hạn \(overdue) ngày")
        }
        return TaskState(status: status, daysLeft: next.map { today.days(until: $0.lastDay) }, nextDue: next, label: status.title)
    }
}

/// A task's state as shown to the unit and to the standing agency.
public struct TaskState: Codable, Sendable, Equatable {
    /// The status the dates give: `done` or `doneLate` from the completion day, else as recorded.
    public var status: TaskStatus
    /// Not done and past the last due's last day: by how many days.
    public var overdueDays: Int?
    /// Done after the last due's last day: by how many days.
    public var lateDays: Int?
    /// Not done and not overdue: days until the next due's last day (0: due today).
    public var daysLeft: Int?
    /// Not done: the first due whose last day is today or later.
    public var nextDue: DueDate?
    /// Done: on time or not; nil when not done.
    public var onTime: Bool?
    /// "Chưa thực hiện", "Đang thực hiện", "Quá hạn 5 ngày", "Hoàn thành", "Hoàn thành chậm 3 ngày", "Hủy: <lý do>".
    public var label: String

    public init(status: TaskStatus, overdueDays: Int? = nil, lateDays: Int? = nil, daysLeft: Int? = nil, nextDue: DueDate? = nil,
                onTime: Bool? = nil, label: String) {
        self.status = status
        self.overdueDays = overdueDays
        self.lateDays = lateDays
        self.daysLeft = daysLeft
        self.nextDue = nextDue
        self.onTime = onTime
        self.label = label
    }

    public var isOverdue: Bool { overdueDays != nil }
}
