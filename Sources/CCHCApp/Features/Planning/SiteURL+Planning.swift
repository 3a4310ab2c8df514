import CCHCDomain

extension SiteURL {
    /// The plans' pages.
    enum Plans: Resourceable {
        /// `/units/:unitID/plans` (`?year=`): the unit's plans, and for a jurisdiction the plans of the units below.
        case list(Parameter<Int>)
        /// `/units/:unitID/plans/:year/:kind`: the plan (GET) and its save (POST).
        case plan(Parameter<Int>, Parameter<Int>, Parameter<PlanKind>)
        /// `/units/:unitID/plans/:year/:kind/actions/:action` (POST): sign-off.
        case action(Parameter<Int>, Parameter<Int>, Parameter<PlanKind>, Parameter<ReportAction>)
        /// `/units/:unitID/plans/:year/:kind/tasks/:taskID` (POST): a task's progress.
        case task(Parameter<Int>, Parameter<Int>, Parameter<PlanKind>, Parameter<Int>)
        /// `/units/:unitID/plans/:year/:kind/assigned/:assignmentID` (POST): progress on a task a higher plan assigns.
        case assigned(Parameter<Int>, Parameter<Int>, Parameter<PlanKind>, Parameter<Int>)
        /// `/units/:unitID/plans/:year/:kind/import` (POST, multipart): a task table from .docx, .xlsx or .json.
        case importFile(Parameter<Int>, Parameter<Int>, Parameter<PlanKind>)
        /// `/units/:unitID/plans/:year/:kind/export.xlsx`, `.docx`, `.json`.
        case exportXLSX(Parameter<Int>, Parameter<Int>, Parameter<PlanKind>)
        case exportDOCX(Parameter<Int>, Parameter<Int>, Parameter<PlanKind>)
        case exportJSON(Parameter<Int>, Parameter<Int>, Parameter<PlanKind>)
        /// `/units/:unitID/plans/:year/:kind/progress`: the assigned tasks' progress across all assignees.
        case progress(Parameter<Int>, Parameter<Int>, Parameter<PlanKind>)

        var segments: [String] {
            switch self {
            case .list(let unit): ["units", unit.segment("unitID"), "plans"]
            case .plan(let u, let y, let k): Self.plan(u, y, k)
            case .action(let u, let y, let k, let a): Self.plan(u, y, k) + ["actions", a.segment("action")]
            case .task(let u, let y, let k, let t): Self.plan(u, y, k) + ["tasks", t.segment("taskID")]
            case .assigned(let u, let y, let k, let a): Self.plan(u, y, k) + ["assigned", a.segment("assignmentID")]
            case .importFile(let u, let y, let k): Self.plan(u, y, k) + ["import"]
            case .exportXLSX(let u, let y, let k): Self.plan(u, y, k) + ["export.xlsx"]
            case .exportDOCX(let u, let y, let k): Self.plan(u, y, k) + ["export.docx"]
            case .exportJSON(let u, let y, let k): Self.plan(u, y, k) + ["export.json"]
            case .progress(let u, let y, let k): Self.plan(u, y, k) + ["progress"]
            }
        }

        private static func plan(_ unit: Parameter<Int>, _ year: Parameter<Int>, _ kind: Parameter<PlanKind>) -> [String] {
            ["units", unit.segment("unitID"), "plans", year.segment("year"), kind.segment("kind")]
        }
    }
}

extension PlanKind: PathValue {
    var pathText: String { rawValue }
}
