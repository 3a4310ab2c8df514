import Foundation

/// A row of a plan's task table as the exports write it.
public struct PlanTableRow: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// The column titles.
        case header
        /// A reform area, written across the table: its name in the first cell, the others empty.
        case area
        case task
    }

    public var kind: Kind
    /// One text per column; a cell of several lines has them separated by "\n".
    public var cells: [String]

    public init(kind: Kind, cells: [String]) {
        self.kind = kind
        self.cells = cells
    }
}

extension PlanTable {
    /// The columns an export writes for a plan: «Nhiệm vụ chung» (always: in a sheet, an area row is the one with only
    /// this first column filled), the task, product, lead, coordinators and time frame, then «Kết quả dự kiến» and
    /// «Nguồn lực» when a task has them.
    public static func exportColumns(of plan: PlanDocument) -> [Column] {
        var columns: [Column] = [.task, .detail, .product, .lead, .coordinators, .timeFrame]
        if plan.tasks.contains(where: { !($0.result ?? "").isEmpty }) { columns.append(.result) }
        if plan.tasks.contains(where: { !($0.resources ?? "").isEmpty }) { columns.append(.resources) }
        return columns
    }

    /// The plan's table: the header, then its tasks in order, an area row before each run of tasks of one area. Lead
    /// and coordinators are written one entry per line. Read back by `read(rows:)`, the tasks are the plan's — without
    /// `due` (read again from the time frame), with empty results and resources as none; a general task left empty
    /// after one that is not, in the same area, reads back as the one above (an empty «Nhiệm vụ chung» carries down).
    public static func rows(of plan: PlanDocument) -> [PlanTableRow] {
        let columns = exportColumns(of: plan)
        var rows = [PlanTableRow(kind: .header, cells: columns.map(title))]
        var area: String?
        for task in plan.tasks {
            if task.area != area {
                area = task.area
                rows.append(PlanTableRow(kind: .area, cells: [task.area] + Array(repeating: "", count: columns.count - 1)))
            }
            rows.append(PlanTableRow(kind: .task, cells: columns.map { text(of: task, $0) }))
        }
        return rows
    }

    /// What a task's cell in the column says.
    public static func text(of task: PlanTaskEntry, _ column: Column) -> String {
        switch column {
        case .number: ""
        case .area: task.area
        case .task: task.task
        case .detail: task.detail
        case .product: task.product
        case .lead: task.lead.joined(separator: "\n")
        case .coordinators: task.coordinators.joined(separator: "\n")
        case .timeFrame: task.timeFrame
        case .result: task.result ?? ""
        case .resources: task.resources ?? ""
        }
    }
}
