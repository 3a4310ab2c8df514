import Fluent
import Vapor
import CCHCDomain

/// The figures of a report the system computes from its own records (the rows whose form names a `source`), for the
/// report's unit and cut-off window, each with what it was computed from and a link to it.
struct ComputedFigure: Content, Equatable {
    var code: String
    var source: ComputedSource
    var value: Double
    /// "7 nhiệm vụ trong Kế hoạch số 10/KH-UBND ngày 25/01/2021"
    var explanation: String
    /// Where the records are (a page).
    var link: String?
}

enum ComputedFigures {
    static func compute(form: FormDefinition, unit: Unit, year: Int, window: ReportingPeriod, directing: [DirectingDocumentRow],
                        on db: any Database) async throws -> [String: ComputedFigure] {
        let rows = form.indicators.compactMap { ind in ind.computedSource.map { (ind.code, $0) } }
        guard !rows.isEmpty else { return [:] }
        let unitID = try unit.requireID()
        let through = window.to
        let planLink = SiteURL.Plans.plan(.value(unitID), .value(year), .value(.cchc)).path
        // The unit's plan and its tasks.
        let plan = try await PlanQueries.plan(of: unitID, year: year, kind: .cchc, on: db)
        var tasks: [PlanTaskRecord] = []
        if let plan { tasks = try await PlanQueries.tasks(of: plan, on: db) }
        let planName = plan.map { p in "Kế hoạch" + (p.docNumber.map { " số \($0)" } ?? " (dự thảo)") } ?? "kế hoạch (chưa lập)"
        // The tasks higher plans assign to it, with its own progress on them.
        let assignments = try await PlanAssignmentRecord.query(on: db).filter(\.$unit.$id == unitID)
            .join(PlanTaskRecord.self, on: \PlanAssignmentRecord.$task.$id == \PlanTaskRecord.$id)
            .join(PlanRecord.self, on: \PlanTaskRecord.$plan.$id == \PlanRecord.$id)
            .filter(PlanRecord.self, \.$year == year).filter(PlanRecord.self, \.$kind == PlanKind.cchc.rawValue).all()
        func done(_ day: Day?) -> Bool { day.map { $0 <= through } ?? false }
        var assignedOnTime = 0, assignedLate = 0
        for a in assignments where done(a.completedDay) {
            let task = try a.joined(PlanTaskRecord.self)
            if let last = task.lastDue.flatMap({ Day(iso: $0) }), let day = a.completedDay, day > last { assignedLate += 1 } else { assignedOnTime += 1 }
        }
        // Block 1.2: the unit's own inspections (its plan of the year, its visits' conclusions and findings in the window).
        let inspection = rows.contains { $0.1.isInspection }
            ? try await InspectionQueries.counts(for: unit, year: year, from: window.from, through: through, on: db) : nil
        let inspectionLink = SiteURL.Inspections.overview(.value(unitID)).relativeURL(parameters: [QueryParameter("year", year)])
        let inspectionName = inspection?.1 ?? "kế hoạch kiểm tra CCHC năm \(year) (chưa lập)"
        let counts = inspection?.0 ?? InspectionCounts(inScope: 0, inspected: 0, found: 0, resolved: 0)
        let span = "từ \(window.from.vietnamese) đến \(through.vietnamese)"
        var out: [String: ComputedFigure] = [:]
        for (code, source) in rows {
            let value: Int
            let explanation: String
            var link: String? = planLink
            switch source {
            case .planTasks:
                value = tasks.count
                explanation = "\(value) nhiệm vụ trong \(planName)"
            case .planTasksDone:
                value = tasks.filter { $0.status.isDone && done($0.completedDay) }.count
                explanation = "\(value)/\(tasks.count) nhiệm vụ của \(planName) hoàn thành đến ngày \(through.vietnamese)"
            case .registerDirecting:
                value = directing.count
                explanation = "\(value) văn bản chỉ đạo CCHC ban hành từ \(window.from.vietnamese) đến \(through.vietnamese)"
                link = RegisterFigures.link(unitID: unitID, year: year)
            case .assignedTotal:
                value = assignments.count
                explanation = "\(value) nhiệm vụ do kế hoạch cấp trên giao năm \(year)"
            case .assignedDoneOnTime:
                value = assignedOnTime
                explanation = "\(value)/\(assignments.count) nhiệm vụ cấp trên giao hoàn thành đúng hạn đến ngày \(through.vietnamese)"
            case .assignedDoneLate:
                value = assignedLate
                explanation = "\(value)/\(assignments.count) nhiệm vụ cấp trên giao hoàn thành quá hạn đến ngày \(through.vietnamese)"
            case .inspectionScope:
                (value, explanation, link) = (counts.inScope, "\(counts.inScope) đơn vị thuộc phạm vi \(inspectionName)", inspectionLink)
            case .inspectionInspected:
                (value, explanation, link) = (counts.inspected, "\(counts.inspected) đơn vị có kết luận kiểm tra \(span)", inspectionLink)
            case .inspectionFound:
                (value, explanation, link) = (counts.found, "\(counts.found) vấn đề nêu trong các kết luận kiểm tra \(span)", inspectionLink)
            case .inspectionResolved:
                (value, explanation, link) = (counts.resolved, "\(counts.resolved)/\(counts.found) vấn đề đã xác minh khắc phục xong "
                                              + "đến ngày \(through.vietnamese)", inspectionLink)
            }
            out[code] = ComputedFigure(code: code, source: source, value: Double(value), explanation: explanation, link: link)
        }
        return out
    }
}
