/// Where the system can compute a row of a report from records it already holds (issue 10 §7): the form's JSON names
/// it on the row (`"source"`), so a form written by another locality can use it on any of its rows. The report's unit
/// and cut-off window select the records; the unit may override a computed figure with a reason that is kept.
public enum ComputedSource: String, Codable, Sendable, CaseIterable {
    /// Tasks in the unit's CCHC plan for the year.
    case planTasks = "plan.tasks"
    /// Tasks of that plan completed by the end of the window.
    case planTasksDone = "plan.tasksDone"
    /// Documents directing CCHC work the unit issued in the window (its register).
    case registerDirecting = "register.directing"
    /// Tasks plans of the levels above assign to the unit for the year.
    case assignedTotal = "assigned.total"
    /// Of those, completed by the end of the window, on time.
    case assignedDoneOnTime = "assigned.doneOnTime"
    /// Of those, completed by the end of the window, after their due date.
    case assignedDoneLate = "assigned.doneLate"

    /// How the page says where the figure comes from.
    public var label: String {
        switch self {
        case .planTasks: "số nhiệm vụ trong kế hoạch CCHC năm"
        case .planTasksDone: "số nhiệm vụ của kế hoạch đã hoàn thành đến ngày chốt số liệu"
        case .registerDirecting: "số văn bản chỉ đạo CCHC trong sổ văn bản, ban hành trong kỳ"
        case .assignedTotal: "số nhiệm vụ cấp trên giao trong năm"
        case .assignedDoneOnTime: "số nhiệm vụ cấp trên giao đã hoàn thành đúng hạn"
        case .assignedDoneLate: "số nhiệm vụ cấp trên giao đã hoàn thành nhưng quá hạn"
        }
    }
}

public extension Indicator {
    /// The row's computed source, when the form names one the system knows.
    var computedSource: ComputedSource? { source.flatMap(ComputedSource.init(rawValue:)) }
}
