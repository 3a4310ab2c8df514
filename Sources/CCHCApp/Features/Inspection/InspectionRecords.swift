import Fluent
import Foundation
import CCHCDomain

/// A jurisdiction's inspection plan of a year: the plan JSON (`InspectionPlanDocument`).
final class InspectionPlanRecord: Model, @unchecked Sendable {
    static let schema = "inspection_plans"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "unit_id") var unit: Unit
    @Field(key: "unit_path") var unitPath: String
    @Field(key: "year") var year: Int
    @Field(key: "body") var body: String
    @Field(key: "revision") var revision: Int
    @OptionalField(key: "updated_by") var updatedBy: String?
    @OptionalField(key: "updated_at") var updatedAt: Date?

    init() {}

    func document() throws -> InspectionPlanDocument { try JSONDecoder().decode(InspectionPlanDocument.self, from: Data(body.utf8)) }
}

/// A unit's self-inspection report for a round: answers to the checklist (by item index), narrative; sent by its leader.
final class InspectionSelfReportRecord: Model, @unchecked Sendable {
    static let schema = "inspection_self_reports"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "plan_id") var plan: InspectionPlanRecord
    @Field(key: "round") var round: Int
    @Parent(key: "unit_id") var unit: Unit
    @Field(key: "unit_path") var unitPath: String
    /// JSON object: checklist index → answer.
    @Field(key: "answers") var answersJSON: String
    @OptionalField(key: "narrative") var narrative: String?
    @OptionalField(key: "sent_at") var sentAt: Date?
    @OptionalField(key: "sent_by") var sentBy: String?
    @Field(key: "revision") var revision: Int
    @OptionalField(key: "updated_by") var updatedBy: String?
    @OptionalField(key: "updated_at") var updatedAt: Date?

    init() {}

    var answers: [String: String] {
        get { (try? JSONDecoder().decode([String: String].self, from: Data(answersJSON.utf8))) ?? [:] }
        set { answersJSON = String(decoding: (try? JSONEncoder().encode(newValue)) ?? Data("{}".utf8), as: UTF8.self) }
    }
}

/// The inspection team: a leader and members, from any unit.
struct InspectionTeam: Codable, Sendable, Equatable {
    var leader: String
    var members: [String]
}

/// One change of a visit's date, kept.
struct VisitMove: Codable, Sendable, Equatable {
    var from: Day
    var to: Day
    var reason: String?
    var by: String
    var at: Date
}

/// A visit of the team to a unit: scheduled (and moved), announced or not, from the plan's round or ad hoc (a complaint,
/// a leader's request), the unit's pre-visit report, and the conclusion.
final class InspectionVisitRecord: Model, @unchecked Sendable {
    static let schema = "inspection_visits"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "plan_id") var plan: InspectionPlanRecord
    /// The plan's round; nil: ad hoc.
    @OptionalField(key: "round") var round: Int?
    @Parent(key: "unit_id") var unit: Unit
    @Field(key: "unit_path") var unitPath: String
    @Field(key: "visit_on") var visitOn: String
    @Field(key: "unannounced") var unannounced: Bool
    /// "complaint" or "request" for an ad-hoc inspection.
    @OptionalField(key: "origin") var origin: String?
    @OptionalField(key: "complaint_ref") var complaintRef: String?
    @OptionalField(key: "complaint_on") var complaintOn: String?
    @OptionalField(key: "complaint_summary") var complaintSummary: String?
    @Field(key: "team") var teamJSON: String
    @Field(key: "history") var historyJSON: String
    @OptionalField(key: "pre_report") var preReport: String?
    @OptionalField(key: "pre_report_at") var preReportAt: Date?
    @OptionalField(key: "concluded_on") var concludedOn: String?
    @OptionalField(key: "conclusion_number") var conclusionNumber: String?
    @OptionalField(key: "conclusion") var conclusion: String?
    @Field(key: "revision") var revision: Int
    @OptionalField(key: "updated_by") var updatedBy: String?
    @OptionalField(key: "updated_at") var updatedAt: Date?

    init() {}

    var day: Day { Day(iso: visitOn) ?? Day(2000, 1, 1)! }
    var concludedDay: Day? { concludedOn.flatMap { Day(iso: $0) } }
    var team: InspectionTeam {
        get { (try? JSONDecoder().decode(InspectionTeam.self, from: Data(teamJSON.utf8))) ?? InspectionTeam(leader: "", members: []) }
        set { teamJSON = String(decoding: (try? JSONEncoder().encode(newValue)) ?? Data("{}".utf8), as: UTF8.self) }
    }
    var history: [VisitMove] {
        get { (try? JSONDecoder().decode([VisitMove].self, from: Data(historyJSON.utf8))) ?? [] }
        set { historyJSON = String(decoding: (try? JSONEncoder().encode(newValue)) ?? Data("[]".utf8), as: UTF8.self) }
    }
}

/// A finding of a conclusion, with its remediation and the team's verification.
final class InspectionFindingRecord: Model, @unchecked Sendable {
    static let schema = "inspection_findings"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "visit_id") var visit: InspectionVisitRecord
    /// `ReformArea.rawValue`
    @Field(key: "area") var area: String
    @Field(key: "description") var description: String
    /// "major" or "minor"
    @Field(key: "severity") var severity: String
    @Field(key: "responsible") var responsible: String
    @OptionalField(key: "person") var person: String?
    /// ISO: the conclusion's day.
    @Field(key: "found_on") var foundOn: String
    /// ISO: found_on + the plan's remediation days.
    @Field(key: "due") var due: String
    @Field(key: "status") var status: FindingStatus
    @OptionalField(key: "fixed_on") var fixedOn: String?
    @OptionalField(key: "remediation") var remediation: String?
    @OptionalField(key: "verified_on") var verifiedOn: String?
    @OptionalField(key: "verified_by") var verifiedBy: String?
    @Field(key: "revision") var revision: Int
    @OptionalField(key: "updated_by") var updatedBy: String?
    @OptionalField(key: "updated_at") var updatedAt: Date?

    init() {}

    var dueDay: Day { Day(iso: due) ?? Day(2000, 1, 1)! }
    func state(today: Day) -> FindingState {
        FindingState.of(status: status, due: dueDay, fixedOn: fixedOn.flatMap { Day(iso: $0) }, today: today)
    }
}
