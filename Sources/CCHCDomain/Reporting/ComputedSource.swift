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
    /// Units the unit's inspection plan of the year covers (block 1.2.1).
    case inspectionScope = "inspection.scope"
    /// Distinct units whose inspection by the unit was concluded in the window (1.2.2).
    case inspectionInspected = "inspection.inspected"
    /// Findings of those conclusions (1.2.3).
    case inspectionFound = "inspection.found"
    /// Of those, verified closed by the end of the window (1.2.4).
    case inspectionResolved = "inspection.resolved"

    /// How the page says where the figure comes from.
    public var label: String {
        switch self {
        case .planTasks: "số nhiệm vụ trong kế hoạch CCHC năm"
        case .planTasksDone: "số nhiệm vụ của kế hoạch đã hoàn thành đến ngày chốt số liệu"
        case .registerDirecting: "số văn bản chỉ đạo CCHC trong sổ văn bản, ban hành trong kỳ"
        case .assignedTotal: "số nhiệm vụ cấp trên giao trong năm"
        case .assignedDoneOnTime: "số nhiệm vụ cấp trên giao đã hoàn thành đúng hạn"
        case .assignedDoneLate: "số nhiệm vụ cấp trên giao đã hoàn thành nhưng quá hạn"
        case .inspectionScope: "số đơn vị thuộc phạm vi kế hoạch kiểm tra năm"
        case .inspectionInspected: "số đơn vị đã kiểm tra (có kết luận) trong kỳ"
        case .inspectionFound: "số vấn đề phát hiện qua kiểm tra trong kỳ"
        case .inspectionResolved: "số vấn đề phát hiện trong kỳ đã xử lý xong"
        }
    }
}

public extension ComputedSource {
    /// Block 1.2, computed from the unit's inspections.
    var isInspection: Bool { rawValue.hasPrefix("inspection.") }
}

public extension Indicator {
    /// The row's computed source, when the form names one the system knows.
    var computedSource: ComputedSource? { source.flatMap(ComputedSource.init(rawValue:)) }
}
