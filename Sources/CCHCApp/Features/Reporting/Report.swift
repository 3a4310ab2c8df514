import Fluent
import Foundation
import CCHCDomain

/// One unit's report for one period. Versions: a correction after acceptance is a new row with
/// `version + 1`; the newest is `isCurrent`.
final class Report: Model, @unchecked Sendable {
    static let schema = "reports"

    @ID(custom: "id", generatedBy: .database) var id: Int?

    // What and whose
    @Parent(key: "unit_id") var unit: Unit
    /// The unit's path, copied so scoped queries and consolidation need no join.
    @Field(key: "unit_path") var unitPath: String
    @Parent(key: "period_id") var period: PeriodRecord
    @Parent(key: "form_id") var form: FormRecord
    @Field(key: "version") var version: Int
    @Field(key: "is_current") var isCurrent: Bool

    // Workflow
    @Field(key: "state") var state: ReportState
    /// First time it reached the standing agency: timeliness is judged on it.
    @OptionalField(key: "first_submitted_at") var firstSubmittedAt: Date?
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    @OptionalField(key: "submitted_by") var submittedBy: Int?
    /// The number and date it goes out under: "12/BC-UBND", 2021-03-12.
    @OptionalField(key: "doc_number") var docNumber: String?
    @OptionalField(key: "doc_date") var docDate: String?
    @OptionalField(key: "return_comment") var returnComment: String?
    @OptionalField(key: "returned_at") var returnedAt: Date?
    @OptionalField(key: "accepted_at") var acceptedAt: Date?
    @OptionalField(key: "accepted_by") var acceptedBy: Int?

    // Content
    /// Narrative sections as JSON: {"toChuc": "…", "ketQua1": "…", …}.
    @Field(key: "narrative") var narrativeJSON: String
    /// A jurisdiction's appendix as its leader signed it (code → figure as printed), JSON; nil before signing.
    @OptionalField(key: "appendix") var appendixJSON: String?

    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    /// Edit counter: every save adds one; a save made from an older read is refused (no lost update).
    @OptionalField(key: "revision") var storedRevision: Int?
    /// Who saved last (username), for the conflict message.
    @OptionalField(key: "updated_by") var updatedBy: String?

    var revision: Int { storedRevision ?? 0 }

    init() {}

    init(unit: Unit, periodID: Int, formID: Int, version: Int = 1) throws {
        $unit.id = try unit.requireID()
        unitPath = unit.path
        $period.id = periodID
        $form.id = formID
        self.version = version
        isCurrent = true
        state = .draft
        narrativeJSON = "{}"
    }

    var narrative: [String: String] {
        get { (try? JSONDecoder().decode([String: String].self, from: Data(narrativeJSON.utf8))) ?? [:] }
        set { narrativeJSON = (try? String(decoding: JSONEncoder.sorted.encode(newValue), as: UTF8.self)) ?? "{}" }
    }
}

/// One figure of a report. `source` keeps room for values the system computes later (plans, inspections).
final class ReportValue: Model, @unchecked Sendable {
    static let schema = "report_values"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "report_id") var report: Report
    @Field(key: "indicator_code") var indicatorCode: String
    @OptionalField(key: "number") var number: Double?
    @OptionalField(key: "numerator") var numerator: Double?
    @OptionalField(key: "denominator") var denominator: Double?
    @OptionalField(key: "text") var text: String?
    /// "entered" (typed by a user), later "computed" (filled by the system).
    @Field(key: "source") var source: String
    /// Why a unit changed a computed figure (`source` "override").
    @OptionalField(key: "note") var note: String?

    init() {}

    init(reportID: Int, code: String, value: IndicatorValue, source: String = "entered") {
        $report.id = reportID
        indicatorCode = code
        number = value.number
        numerator = value.numerator
        denominator = value.denominator
        text = value.text
        self.source = source
    }

    var value: IndicatorValue { IndicatorValue(number: number, numerator: numerator, denominator: denominator, text: text) }
}

/// Phụ lục 3A: a directing document issued in the window.
final class DirectingDocument: Model, @unchecked Sendable {
    static let schema = "report_documents"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "report_id") var report: Report
    @Field(key: "position") var position: Int
    @Field(key: "number_symbol") var numberSymbol: String
    @Field(key: "issued_on") var issuedOn: String
    @Field(key: "summary") var summary: String
    @Field(key: "issuer") var issuer: String

    init() {}

    init(reportID: Int, position: Int, row: DirectingDocumentRow) {
        $report.id = reportID
        self.position = position
        self.numberSymbol = row.numberSymbol
        self.issuedOn = row.issuedOn
        self.summary = row.summary
        self.issuer = row.issuer
    }

    var row: DirectingDocumentRow {
        DirectingDocumentRow(numberSymbol: numberSymbol, issuedOn: issuedOn, summary: summary, issuer: issuer)
    }
}

/// An office's part in its jurisdiction's own report: its sections done, its topic report.
final class OfficeContribution: Model, @unchecked Sendable {
    static let schema = "office_contributions"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "report_id") var report: Report
    @Parent(key: "office_id") var office: Unit
    /// Báo cáo chuyên đề (topic report).
    @Field(key: "topic_report") var topicReport: String
    @OptionalField(key: "done_at") var doneAt: Date?
    @OptionalField(key: "done_by") var doneBy: Int?
    /// Edit counter of the office's part (its sections and topic report).
    @OptionalField(key: "revision") var storedRevision: Int?

    var revision: Int { storedRevision ?? 0 }

    init() {}
}

extension Timeliness {
    /// Where a unit's report (or its absence) stands, as the standing agency sees it.
    static func of(_ report: Report?, deadline: Day, now: Date) -> Timeliness {
        evaluate(deadline: deadline, now: now, firstSubmittedAt: report?.firstSubmittedAt, lastSubmittedAt: report?.submittedAt,
                 returnedAt: report?.returnedAt)
    }
}
