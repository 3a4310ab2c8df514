import Fluent
import Foundation
import CCHCDomain

/// A unit's plan for a year: its register document and its sign-off, like a report's.
final class PlanRecord: Model, @unchecked Sendable {
    static let schema = "plans"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "unit_id") var unit: Unit
    @Field(key: "unit_path") var unitPath: String
    @Field(key: "year") var year: Int
    @Field(key: "kind") var kind: String
    @OptionalField(key: "title") var title: String?
    @Field(key: "state") var state: ReportState
    @OptionalField(key: "doc_number") var docNumber: String?
    /// ISO day.
    @OptionalField(key: "doc_date") var docDate: String?
    @OptionalField(key: "signer") var signer: String?
    /// The day the units below must issue their own plan by (seed 000: "Hoàn thành trước ngày 30/01/2021").
    @OptionalField(key: "subordinate_deadline") var subordinateDeadline: String?
    @OptionalField(key: "subordinate_deadline_strict") var subordinateDeadlineStrict: Bool?
    @OptionalField(key: "first_submitted_at") var firstSubmittedAt: Date?
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    @OptionalField(key: "submitted_by") var submittedBy: Int?
    @OptionalField(key: "returned_at") var returnedAt: Date?
    @OptionalField(key: "return_comment") var returnComment: String?
    @OptionalField(key: "accepted_at") var acceptedAt: Date?
    @Field(key: "revision") var revision: Int
    @OptionalField(key: "updated_by") var updatedBy: String?
    @OptionalField(key: "updated_at") var updatedAt: Date?

    init() {}

    var planKind: PlanKind { PlanKind(rawValue: kind) ?? .cchc }
    var issuedOn: Day? { docDate.flatMap { Day(iso: $0) } }
    var deadlineForBelow: DueDate? {
        subordinateDeadline.flatMap { Day(iso: $0) }.map { DueDate(day: $0, strict: subordinateDeadlineStrict == true) }
    }
}

/// One row of a plan's task table, verbatim, with its progress.
final class PlanTaskRecord: Model, @unchecked Sendable {
    static let schema = "plan_tasks"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "plan_id") var plan: PlanRecord
    @Field(key: "position") var position: Int
    @Field(key: "area") var area: String
    @OptionalField(key: "area_code") var areaCode: String?
    @Field(key: "task") var task: String
    @Field(key: "detail") var detail: String
    @Field(key: "product") var product: String
    /// JSON array of the entries as written.
    @Field(key: "lead") var leadJSON: String
    @Field(key: "coordinators") var coordinatorsJSON: String
    @Field(key: "time_frame") var timeFrame: String
    /// JSON array of `DueDate`.
    @Field(key: "due") var dueJSON: String
    /// ISO: the last day of the last due date, for "overdue" queries in SQL.
    @OptionalField(key: "last_due") var lastDue: String?
    @OptionalField(key: "result") var result: String?
    @OptionalField(key: "resources") var resources: String?
    /// The task of a higher plan this row carries out (cascade).
    @OptionalField(key: "assigned_from") var assignedFrom: Int?
    @Field(key: "status") var status: TaskStatus
    @OptionalField(key: "completed_on") var completedOn: String?
    @OptionalField(key: "status_note") var statusNote: String?
    /// JSON array of register document ids: the evidence of the progress recorded.
    @OptionalField(key: "evidence") var evidenceJSON: String?
    @Field(key: "revision") var revision: Int
    @OptionalField(key: "updated_by") var updatedBy: String?
    @OptionalField(key: "updated_at") var updatedAt: Date?

    init() {}

    var lead: [String] { JSONList.decode(leadJSON) }
    var coordinators: [String] { JSONList.decode(coordinatorsJSON) }
    var due: [DueDate] { (try? JSONDecoder().decode([DueDate].self, from: Data(dueJSON.utf8))) ?? [] }
    var completedDay: Day? { completedOn.flatMap { Day(iso: $0) } }

    var entry: PlanTaskEntry {
        PlanTaskEntry(area: area, task: task, detail: detail, product: product, lead: lead, coordinators: coordinators,
                      timeFrame: timeFrame, due: due, result: result, resources: resources)
    }

    func set(_ e: PlanTaskEntry, year: Int) {
        area = e.area
        areaCode = ReformArea.match(e.area)?.rawValue
        task = e.task
        detail = e.detail
        product = e.product
        leadJSON = JSONList.encode(e.lead)
        coordinatorsJSON = JSONList.encode(e.coordinators)
        timeFrame = e.timeFrame
        let dues = e.due ?? TimeFrame.read(e.timeFrame, year: year).dues
        dueJSON = (try? String(decoding: JSONEncoder().encode(dues), as: UTF8.self)) ?? "[]"
        lastDue = dues.map(\.lastDay).max()?.iso
        result = e.result
        resources = e.resources
    }

    func progress(today: Day) -> TaskState {
        TaskProgress.state(status: status, completedOn: completedDay, cancelReason: statusNote, dues: due, today: today)
    }
}

/// A unit a plan's task is assigned to (as lead or coordinator), with that unit's own progress on it.
final class PlanAssignmentRecord: Model, @unchecked Sendable {
    static let schema = "plan_assignments"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "task_id") var task: PlanTaskRecord
    @Parent(key: "unit_id") var unit: Unit
    @Field(key: "unit_path") var unitPath: String
    /// "lead" or "coordinator".
    @Field(key: "role") var role: String
    @Field(key: "status") var status: TaskStatus
    @OptionalField(key: "completed_on") var completedOn: String?
    @OptionalField(key: "status_note") var statusNote: String?
    /// JSON array of register document ids (of the assigned unit's register).
    @OptionalField(key: "evidence") var evidenceJSON: String?
    @Field(key: "revision") var revision: Int
    @OptionalField(key: "updated_by") var updatedBy: String?
    @OptionalField(key: "updated_at") var updatedAt: Date?

    init() {}

    var completedDay: Day? { completedOn.flatMap { Day(iso: $0) } }
    var roleLabel: String { role == "lead" ? "Chủ trì" : "Phối hợp" }
}

/// A list of strings stored as a JSON array.
enum JSONList {
    static func encode(_ list: [String]) -> String { (try? String(decoding: JSONEncoder().encode(list), as: UTF8.self)) ?? "[]" }
    static func decode(_ text: String) -> [String] { (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? [] }
}
