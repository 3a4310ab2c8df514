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
    /// "Lập dự thảo từ số liệu tổng hợp": the own report of a unit that receives reports, by its drafters, while it can
    /// change. The page offers it exactly when `ReportService.assemble` accepts it.
    var canAssemble: Bool { unit.kind.receivesReports && role.drafts && state.isEditable }
    /// The workbook to fill and its upload: only while this account may change the whole form.
    var canFillWorkbook: Bool { canEdit && officeSections == nil }

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

extension ReportService {
    static let lockedTitle = "Báo cáo đã khóa"

    /// Why a report cannot be changed now, and what to do instead.
    static func lockedMessage(_ ctx: ReportContext) -> String {
        let to = ctx.recipient?.label ?? "cấp trên"
        switch ctx.state {
        case .submitted:
            return "Báo cáo đã được lãnh đạo ký và gửi đến \(to) nên đã khóa, không sửa được nữa. "
                + "Nếu cần sửa, đề nghị \(to) trả lại báo cáo; khi đó báo cáo mở lại để chỉnh sửa."
        case .accepted:
            return "Báo cáo đã được \(to) tiếp nhận nên đã khóa, không sửa được nữa. "
                + "Nếu cần sửa số liệu, bấm “Tạo phiên bản đính chính” trên trang báo cáo."
        default:
            return "Báo cáo đang ở trạng thái “\(ctx.state.label)”: không sửa được."
        }
    }
}

extension Actor {
    /// The one rule for the tools over the units below a unit (its regime, the timeliness table, the consolidation):
    /// a unit that receives reports, managed by this account. Pages show the links exactly when it holds; the routes
    /// refuse when it does not.
    func followsUnitsBelow(_ unit: Unit) -> Bool { unit.kind.receivesReports && scope.canManage(unit.unitPath) }

    /// Why a commune has no such page: "Chỉ UBND cấp huyện, cấp tỉnh … mới tổng hợp số liệu; Xã A chỉ báo cáo lên cấp trên."
    static func onlyReports(_ unit: Unit, _ what: String) -> String {
        "Chỉ UBND cấp huyện, cấp tỉnh (và Bộ Nội vụ) mới \(what) của các đơn vị trực thuộc; \(unit.name) báo cáo lên cấp trên."
    }
}
