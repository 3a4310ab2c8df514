import Fluent
import Vapor
import CCHCDomain

/// Everything a report page or the API needs about one unit's report for one period.
struct ReportContext {
    let unit: Unit
    let period: PeriodRecord
    let regime: RegimeRecord
    let issuer: Unit
    let formRecord: FormRecord
    let form: FormDefinition
    /// The current version, nil when nobody has saved anything yet.
    let report: Report?
    let values: [String: IndicatorValue]
    let documents: [DirectingDocument]
    let previousPeriod: PeriodRecord?
    let previousValues: [String: IndicatorValue]
    let versions: [Report]
    let role: ReportActor
    /// For an office of the jurisdiction: the sections it answers for (nil: the whole form).
    let officeSections: [String]?
    let contributions: [(Unit, [String], OfficeContribution?)]
    /// Where the report goes: the jurisdiction above the unit, through its standing agency — for a
    /// jurisdiction's own report the level above it, never itself.
    let recipient: Recipient?
    /// The period as this unit reports it: an office of the issuing jurisdiction by its own window and
    /// deadline where the regime gives them (seed 000 §III), everybody else by the regime's.
    let window: ReportingPeriod
    /// The rows the system computes from its records (the form's `source`), for this unit and window.
    let computed: [String: ComputedFigure]
    /// Phụ lục 3A as the register holds it for the window (the unit's and, for a jurisdiction, its offices' documents).
    let registerDocuments: [DirectingDocumentRow]
    /// How each saved figure came: "entered", "computed", or "override" with the unit's reason.
    let sources: [String: ReportService.ValueSource]
    /// The account may open the unit's own pages (its page, plans, register, inspections): not an office's staff who only
    /// fill their sections of the jurisdiction's report.
    var unitPagesReadable = true

    struct Recipient {
        let jurisdiction: Unit
        let agency: Unit?
        /// "UBND Tỉnh Hà Tĩnh (qua Sở Nội vụ)"
        var label: String { "UBND \(jurisdiction.name)" + (agency.map { " (qua \($0.name))" } ?? "") }
    }

    var state: ReportState { report?.state ?? .draft }
    var canEdit: Bool { state.isEditable && (role.drafts || role.signs || officeSections != nil) }

    /// Section or row code → the office answering for it (`SectionAssignments`).
    var assignments: [String: Int] {
        var out: [String: Int] = [:]
        for (office, sections, _) in contributions { for s in sections { out[s] = office.id } }
        return out
    }

    /// May this account type into indicator `code`? An office, only into the rows it answers for.
    func canEdit(_ code: String) -> Bool {
        guard canEdit else { return false }
        guard let sections = officeSections else { return true }
        guard let office = contributions.first(where: { $0.1 == sections })?.0.id else { return false }
        return SectionAssignments.owner(of: code, form: form, assignments: assignments) == office
    }

    func warnings() -> [RuleWarning] { FormValidator.warnings(form, values: values) }

    /// The part of the signed-in office, when it fills sections of this report.
    var ownContribution: OfficeContribution? {
        guard let sections = officeSections else { return nil }
        return contributions.first { $0.1 == sections }?.2
    }
}

extension Request {
    /// The report the route addresses (`:unitID`, `:periodID`), opened for the signed-in account: the one
    /// way the pages, the API and the exports load a report (scope first: outsiders get 404).
    func reportContext() async throws -> (ReportService, ReportContext) {
        let actor = try self.actor
        let unit = try await UnitQueries.reportable(try idParameter("unitID"), by: actor, on: db)
        let service = ReportService(db: db, actor: actor, now: now)
        return (service, try await service.context(unit: unit, periodID: try idParameter("periodID")))
    }
}
