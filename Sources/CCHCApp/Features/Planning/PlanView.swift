import Fluent
import Vapor
import CCHCDomain

/// A plan as the page and the API show it: the plan JSON with its dues read, and per task its id, progress and
/// assignees; the coverage warnings; the tasks higher plans assign to the unit with its own progress on them.
struct PlanView: Content {
    struct Assignee: Content {
        var assignmentID: Int
        var unitID: Int
        var unitName: String
        /// An office (phòng, ban): listed after the communes, as everywhere.
        var isOffice: Bool
        var role: String
        var status: TaskStatus
        var completedOn: Day?
        var note: String?
        var state: TaskState
        var evidence: [Evidence]
    }

    struct Task: Content {
        var id: Int
        var position: Int
        var revision: Int
        var entry: PlanTaskEntry
        var area: ReformArea?
        /// The time frame as read: dues, what could not be read, notes on days off.
        var timeFrame: TimeFrame
        var status: TaskStatus
        var completedOn: Day?
        var note: String?
        var state: TaskState
        /// Register documents showing the progress (with their files).
        var evidence: [Evidence]
        /// The task of a higher plan this one carries out.
        var assignedFrom: Int?
        /// Names in the lead and coordinator cells that match no unit.
        var unmatched: [String]
        var assignees: [Assignee]
    }

    struct Assigned: Content {
        var assignmentID: Int
        var taskID: Int
        var plan: String
        var issuer: String
        var role: String
        var title: String
        var area: ReformArea?
        var timeFrame: String
        var dues: [DueDate]
        var status: TaskStatus
        var completedOn: Day?
        var note: String?
        var state: TaskState
        var evidence: [Evidence]
        var revision: Int
        /// The row of the unit's own plan that carries it, if any.
        var carriedBy: Int?
    }

    var id: Int?
    var unitID: Int
    var unitName: String
    var year: Int
    var kind: PlanKind
    var title: String
    var state: ReportState?
    var stateLabel: String
    var revision: Int
    var document: PlanIssuance?
    var returnComment: String?
    /// When the plan reached the standing agency (first time).
    var submittedAt: Date?
    /// The deadline the level above set for this plan, and who set it.
    var deadline: DueDate?
    var deadlineSetBy: String?
    /// The deadline this unit sets for the plans of the units below it.
    var deadlineForBelow: DueDate?
    var tasks: [Task]
    var warnings: [CoverageWarning]
    var assigned: [Assigned]

    /// The plan JSON of the interface, with `due` read from every time frame.
    var json: PlanDocument {
        PlanDocument(unit: unitName, year: year, kind: kind, document: document, tasks: tasks.map(\.entry))
    }

    static func load(unit: Unit, year: Int, kind: PlanKind, today: Day, on db: any Database) async throws -> PlanView {
        let unitID = try unit.requireID()
        let plan = try await PlanQueries.plan(of: unitID, year: year, kind: kind, on: db)
        var records: [PlanTaskRecord] = []
        if let plan { records = try await PlanQueries.tasks(of: plan, on: db) }
        let candidates = try await PlanService.candidates(under: unit, on: db)
        let issuer = candidates.first { $0.id == unitID }
        let taskIDs = records.compactMap(\.id)
        let assignments = taskIDs.isEmpty ? [] : try await PlanAssignmentRecord.query(on: db).filter(\.$task.$id ~~ taskIDs).all()
        let names = Dictionary(candidates.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let offices = Set(candidates.filter(\.kind.isOffice).map(\.id))
        var evidence: [Int: [Evidence]] = [:]
        for t in records where t.evidenceJSON != nil { evidence[t.id ?? 0] = try await PlanEvidence.load(t.evidenceJSON, unitID: unitID, on: db) }
        var assigneeEvidence: [Int: [Evidence]] = [:]
        for a in assignments where a.evidenceJSON != nil {
            assigneeEvidence[a.id ?? 0] = try await PlanEvidence.load(a.evidenceJSON, unitID: a.$unit.id, on: db)
        }
        let tasks: [Task] = try records.map { t in
            let entry = t.entry
            let mine = VietnameseOrder.sorted(assignments.filter { $0.$task.id == t.id }) { ($0.role == "lead" ? "0 " : "1 ") + (names[$0.$unit.id] ?? "") }
            let refs = UnitReference.read(entry.lead + entry.coordinators, candidates: candidates, issuer: issuer)
            return Task(id: try t.requireID(), position: t.position, revision: t.revision, entry: entry,
                        area: t.areaCode.flatMap(ReformArea.init(rawValue:)), timeFrame: TimeFrame.read(t.timeFrame, year: year),
                        status: t.status, completedOn: t.completedDay, note: t.statusNote, state: t.progress(today: today),
                        evidence: evidence[t.id ?? 0] ?? [],
                        assignedFrom: t.assignedFrom, unmatched: candidates.count > 1 ? refs.unmatchedNotes : [],
                        assignees: try mine.map { a in
                            Assignee(assignmentID: try a.requireID(), unitID: a.$unit.id, unitName: names[a.$unit.id] ?? "",
                                     isOffice: offices.contains(a.$unit.id), role: a.role,
                                     status: a.status, completedOn: a.completedDay, note: a.statusNote,
                                     state: TaskProgress.state(status: a.status, completedOn: a.completedDay, cancelReason: a.statusNote,
                                                               dues: t.due, today: today),
                                     evidence: assigneeEvidence[a.id ?? 0] ?? [])
                        })
        }
        let higher = try await PlanQueries.assignedTasks(to: unit, year: year, kind: kind, on: db)
        let higherTasks = Dictionary(try await PlanTaskRecord.query(on: db).filter(\.$id ~~ higher.map(\.taskID)).all().map { ($0.id!, $0) },
                                     uniquingKeysWith: { a, _ in a })
        let higherRows = Dictionary(try await PlanAssignmentRecord.query(on: db).filter(\.$id ~~ higher.map(\.assignmentID)).all()
            .map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        let carriers = PlanCoverage.carriers(tasks: records.map { t in
            PlanCoverage.Task(t.entry, row: t.position, assignedID: t.assignedFrom.map(String.init)) }, assigned: higher.map(\.assigned))
        var assignedEvidence: [Int: [Evidence]] = [:]
        for a in higherRows.values where a.evidenceJSON != nil {
            assignedEvidence[a.id ?? 0] = try await PlanEvidence.load(a.evidenceJSON, unitID: unitID, on: db)
        }
        let assigned: [Assigned] = higher.compactMap { h -> Assigned? in
            guard let t = higherTasks[h.taskID], let a = higherRows[h.assignmentID] else { return nil }
            return Assigned(assignmentID: h.assignmentID, taskID: h.taskID, plan: h.assigned.plan, issuer: h.issuer, role: h.role,
                            title: h.assigned.title, area: h.assigned.area, timeFrame: t.timeFrame, dues: t.due, status: a.status,
                            completedOn: a.completedDay, note: a.statusNote,
                            state: TaskProgress.state(status: a.status, completedOn: a.completedDay, cancelReason: a.statusNote, dues: t.due, today: today),
                            evidence: assignedEvidence[h.assignmentID] ?? [], revision: a.revision, carriedBy: carriers[h.assigned.id])
        }
        let warnings = try await PlanQueries.coverage(unit: unit, plan: plan, tasks: records, year: year, kind: kind, today: today, on: db)
        let deadline = try await PlanQueries.deadline(for: unit, year: year, kind: kind, on: db)
        let title = "\(kind.title) năm \(year)"
        return PlanView(id: plan?.id, unitID: unitID, unitName: unit.name, year: year, kind: kind, title: title, state: plan?.state,
                        stateLabel: plan.map { $0.state.label } ?? "Chưa lập", revision: plan?.revision ?? 0,
                        document: plan.map { PlanIssuance(number: $0.docNumber, date: $0.issuedOn, signer: $0.signer) },
                        returnComment: plan?.state == .returned ? plan?.returnComment : nil, submittedAt: plan?.firstSubmittedAt,
                        deadline: deadline?.0, deadlineSetBy: deadline?.1, deadlineForBelow: plan?.deadlineForBelow,
                        tasks: tasks, warnings: warnings, assigned: assigned)
    }
}
