import Foundation
import Testing
import VaporTesting
import CCHCDomain
@testable import CCHCApp

/// One `SiteURL` value registers a route (`.key`) and renders its links (`.value`): the two must agree,
/// every page route must be one of them, and what goes into a query is percent-encoded.
@Suite("Địa chỉ trang: SiteURL")
struct SiteURLTests {
    typealias Address = (pattern: any Resourceable, link: any Resourceable, expected: String)

    static let q1 = PeriodKind(code: "Q1")!

    /// Every address: the pattern it registers, a link with values, and that link as the pages wrote it before SiteURL was typed.
    static let addresses: [Address] = [
        (SiteURL.home, SiteURL.home, "/"),
        (SiteURL.login, SiteURL.login, "/login"),
        (SiteURL.logout, SiteURL.logout, "/logout"),
        (SiteURL.audit, SiteURL.audit, "/audit"),
        (SiteURL.auditExport, SiteURL.auditExport, "/audit/export.xlsx"),
        (SiteURL.stylesheet, SiteURL.stylesheet, "/assets/app.css"),
        (SiteURL.script, SiteURL.script, "/assets/app.js"),
        (SiteURL.health, SiteURL.health, "/health"),
        (SiteURL.Units.list, SiteURL.Units.list, "/units"),
        (SiteURL.Units.new, SiteURL.Units.new, "/units/new"),
        (SiteURL.Units.merge, SiteURL.Units.merge, "/units/merge"),
        (SiteURL.Units.unit(.key), SiteURL.Units.unit(.value(5)), "/units/5"),
        (SiteURL.Units.edit(.key), SiteURL.Units.edit(.value(5)), "/units/5/edit"),
        (SiteURL.Users.list, SiteURL.Users.list, "/users"),
        (SiteURL.Users.new, SiteURL.Users.new, "/users/new"),
        (SiteURL.Users.user(.key), SiteURL.Users.user(.value(7)), "/users/7"),
        (SiteURL.Users.unlock(.key), SiteURL.Users.unlock(.value(7)), "/users/7/unlock"),
        (SiteURL.Forms.list, SiteURL.Forms.list, "/forms"),
        (SiteURL.Forms.import, SiteURL.Forms.import, "/forms/import"),
        (SiteURL.Forms.form(.key), SiteURL.Forms.form(.value(3)), "/forms/3"),
        (SiteURL.Forms.export(.key), SiteURL.Forms.export(.value(3)), "/forms/3/export"),
        (SiteURL.Forms.edit(.key), SiteURL.Forms.edit(.value(3)), "/forms/3/edit"),
        (SiteURL.Forms.preview(.key), SiteURL.Forms.preview(.value(3)), "/forms/3/preview"),
        (SiteURL.Reports.list(.key), SiteURL.Reports.list(.value(5)), "/units/5/reports"),
        (SiteURL.Reports.report(.key, .key), SiteURL.Reports.report(.value(5), .value(12)), "/units/5/reports/12"),
        (SiteURL.Reports.action(.key, .key, .key), SiteURL.Reports.action(.value(5), .value(12), .value(.submit)), "/units/5/reports/12/actions/submit"),
        (SiteURL.Reports.compare(.key, .key), SiteURL.Reports.compare(.value(5), .value(12)), "/units/5/reports/12/compare"),
        (SiteURL.Reports.assemble(.key, .key), SiteURL.Reports.assemble(.value(5), .value(12)), "/units/5/reports/12/assemble"),
        (SiteURL.Reports.exportXLSX(.key, .key), SiteURL.Reports.exportXLSX(.value(5), .value(12)), "/units/5/reports/12/export.xlsx"),
        (SiteURL.Reports.exportDOCX(.key, .key), SiteURL.Reports.exportDOCX(.value(5), .value(12)), "/units/5/reports/12/export.docx"),
        (SiteURL.Reports.importXLSX(.key, .key), SiteURL.Reports.importXLSX(.value(5), .value(12)), "/units/5/reports/12/import.xlsx"),
        (SiteURL.Reports.timeliness(.key), SiteURL.Reports.timeliness(.value(5)), "/units/5/timeliness"),
        (SiteURL.Reports.timelinessCSV(.key), SiteURL.Reports.timelinessCSV(.value(5)), "/units/5/timeliness.csv"),
        (SiteURL.Reports.emulationXLSX(.key), SiteURL.Reports.emulationXLSX(.value(5)), "/units/5/emulation.xlsx"),
        (SiteURL.Reports.regimeOffices(.key, .key), SiteURL.Reports.regimeOffices(.value(5), .value(2021)), "/units/5/regimes/2021/offices"),
        (SiteURL.Plans.list(.key), SiteURL.Plans.list(.value(5)), "/units/5/plans"),
        (SiteURL.Plans.plan(.key, .key, .key), SiteURL.Plans.plan(.value(5), .value(2021), .value(.cchc)), "/units/5/plans/2021/cchc"),
        (SiteURL.Plans.action(.key, .key, .key, .key), SiteURL.Plans.action(.value(5), .value(2021), .value(.cchc), .value(.submit)),
         "/units/5/plans/2021/cchc/actions/submit"),
        (SiteURL.Plans.task(.key, .key, .key, .key), SiteURL.Plans.task(.value(5), .value(2021), .value(.cchc), .value(7)),
         "/units/5/plans/2021/cchc/tasks/7"),
        (SiteURL.Plans.assigned(.key, .key, .key, .key), SiteURL.Plans.assigned(.value(5), .value(2021), .value(.communications), .value(8)),
         "/units/5/plans/2021/communications/assigned/8"),
        (SiteURL.Plans.importFile(.key, .key, .key), SiteURL.Plans.importFile(.value(5), .value(2021), .value(.cchc)),
         "/units/5/plans/2021/cchc/import"),
        (SiteURL.Plans.exportXLSX(.key, .key, .key), SiteURL.Plans.exportXLSX(.value(5), .value(2021), .value(.cchc)),
         "/units/5/plans/2021/cchc/export.xlsx"),
        (SiteURL.Plans.exportDOCX(.key, .key, .key), SiteURL.Plans.exportDOCX(.value(5), .value(2021), .value(.cchc)),
         "/units/5/plans/2021/cchc/export.docx"),
        (SiteURL.Plans.exportJSON(.key, .key, .key), SiteURL.Plans.exportJSON(.value(5), .value(2021), .value(.inspection)),
         "/units/5/plans/2021/inspection/export.json"),
        (SiteURL.Plans.progress(.key, .key, .key), SiteURL.Plans.progress(.value(5), .value(2021), .value(.cchc)),
         "/units/5/plans/2021/cchc/progress"),
        (SiteURL.Reports.regime(.key, .key), SiteURL.Reports.regime(.value(5), .value(2021)), "/units/5/regimes/2021"),
        (SiteURL.Reports.regimeRead(.key, .key), SiteURL.Reports.regimeRead(.value(5), .value(2021)), "/units/5/regimes/2021/read"),
        (SiteURL.Consolidated.figures(.key, .key, .key), SiteURL.Consolidated.figures(.value(5), .value(2021), .value(q1)),
         "/units/5/consolidation/2021/Q1"),
        (SiteURL.Consolidated.exportXLSX(.key, .key, .key), SiteURL.Consolidated.exportXLSX(.value(5), .value(2021), .value(q1)),
         "/units/5/consolidation/2021/Q1/export.xlsx"),
        (SiteURL.Consolidated.exportCSV(.key, .key, .key), SiteURL.Consolidated.exportCSV(.value(5), .value(2021), .value(q1)),
         "/units/5/consolidation/2021/Q1/export.csv"),
        (SiteURL.Consolidated.exportDOCX(.key, .key, .key), SiteURL.Consolidated.exportDOCX(.value(5), .value(2021), .value(q1)),
         "/units/5/consolidation/2021/Q1/export.docx"),
        (SiteURL.Documents.list(.key), SiteURL.Documents.list(.value(5)), "/units/5/documents"),
        (SiteURL.Documents.new(.key), SiteURL.Documents.new(.value(5)), "/units/5/documents/new"),
        (SiteURL.Documents.document(.key, .key), SiteURL.Documents.document(.value(5), .value(9)), "/units/5/documents/9"),
        (SiteURL.Documents.delete(.key, .key), SiteURL.Documents.delete(.value(5), .value(9)), "/units/5/documents/9/delete"),
        (SiteURL.Documents.attachment(.key, .key), SiteURL.Documents.attachment(.value(5), .value(9)), "/units/5/documents/9/attachment"),
        (SiteURL.Par.index, SiteURL.Par.index, "/par"),
        (SiteURL.Par.frameworks, SiteURL.Par.frameworks, "/par/frameworks"),
        (SiteURL.Par.framework(.key), SiteURL.Par.framework(.value(3)), "/par/frameworks/3"),
        (SiteURL.Par.frameworkJSON(.key), SiteURL.Par.frameworkJSON(.value(3)), "/par/frameworks/3/export.json"),
        (SiteURL.Par.frameworkEdit(.key), SiteURL.Par.frameworkEdit(.value(3)), "/par/frameworks/3/edit"),
        (SiteURL.Par.frameworkPreview(.key), SiteURL.Par.frameworkPreview(.value(3)), "/par/frameworks/3/preview"),
        (SiteURL.Par.rounds, SiteURL.Par.rounds, "/par/rounds"),
        (SiteURL.Par.round(.key), SiteURL.Par.round(.value(2)), "/par/rounds/2"),
        (SiteURL.Par.results(.key), SiteURL.Par.results(.value(2)), "/par/rounds/2/results"),
        (SiteURL.Par.resultsXLSX(.key), SiteURL.Par.resultsXLSX(.value(2)), "/par/rounds/2/results.xlsx"),
        (SiteURL.Par.assessment(.key, .key), SiteURL.Par.assessment(.value(2), .value(5)), "/par/rounds/2/units/5"),
        (SiteURL.Par.action(.key, .key, .key), SiteURL.Par.action(.value(2), .value(5), .value(.withdraw)), "/par/rounds/2/units/5/actions/withdraw"),
        (SiteURL.Par.files(.key, .key), SiteURL.Par.files(.value(2), .value(5)), "/par/rounds/2/units/5/files"),
        (SiteURL.Par.file(.key, .key, .key), SiteURL.Par.file(.value(2), .value(5), .value(7)), "/par/rounds/2/units/5/files/7"),
        (SiteURL.Par.deleteFile(.key, .key, .key), SiteURL.Par.deleteFile(.value(2), .value(5), .value(7)), "/par/rounds/2/units/5/files/7/delete"),
        (SiteURL.Par.sheetXLSX(.key, .key), SiteURL.Par.sheetXLSX(.value(2), .value(5)), "/par/rounds/2/units/5/sheet.xlsx"),
        (SiteURL.Par.sheetDOCX(.key, .key), SiteURL.Par.sheetDOCX(.value(2), .value(5)), "/par/rounds/2/units/5/sheet.docx"),
        (SiteURL.Inspections.overview(.key), SiteURL.Inspections.overview(.value(5)), "/units/5/inspections"),
        (SiteURL.Inspections.plan(.key), SiteURL.Inspections.plan(.value(5)), "/units/5/inspections/plan"),
        (SiteURL.Inspections.selfReport(.key), SiteURL.Inspections.selfReport(.value(5)), "/units/5/inspections/self"),
        (SiteURL.Inspections.visits(.key), SiteURL.Inspections.visits(.value(5)), "/units/5/inspections/visits"),
        (SiteURL.Inspections.visit(.key, .key), SiteURL.Inspections.visit(.value(5), .value(8)), "/units/5/inspections/visits/8"),
        (SiteURL.Inspections.visitAction(.key, .key, .key), SiteURL.Inspections.visitAction(.value(5), .value(8), .value(.move)),
         "/units/5/inspections/visits/8/move"),
        (SiteURL.Inspections.findingAction(.key, .key, .key, .key), SiteURL.Inspections.findingAction(.value(5), .value(8), .value(3), .value(.verify)),
         "/units/5/inspections/visits/8/findings/3/verify"),
        (SiteURL.Inspections.findingsXLSX(.key), SiteURL.Inspections.findingsXLSX(.value(5)), "/units/5/inspections/findings.xlsx"),
        (SiteURL.Inspections.planDOCX(.key), SiteURL.Inspections.planDOCX(.value(5)), "/units/5/inspections/plan.docx"),
        (SiteURL.Inspections.conclusionDOCX(.key, .key), SiteURL.Inspections.conclusionDOCX(.value(5), .value(8)),
         "/units/5/inspections/visits/8/conclusion.docx"),
        (SiteURL.Duties.unit(.key), SiteURL.Duties.unit(.value(5)), "/units/5/duties"),
        (SiteURL.Duties.readReminders, SiteURL.Duties.readReminders, "/reminders/read"),
        (SiteURL.Duties.dashboard(.key), SiteURL.Duties.dashboard(.value(5)), "/units/5/dashboard"),
        (SiteURL.Duties.dashboardXLSX(.key), SiteURL.Duties.dashboardXLSX(.value(5)), "/units/5/dashboard.xlsx"),
        (SiteURL.Duties.overview(.key), SiteURL.Duties.overview(.value(5)), "/units/5/overview"),
        (SiteURL.Calendar.settings, SiteURL.Calendar.settings, "/calendar"),
        (SiteURL.Calendar.revoke(.key), SiteURL.Calendar.revoke(.value(3)), "/calendar/3/revoke"),
        (SiteURL.Calendar.feed(.key), SiteURL.Calendar.feed(.value("abc.ics")), "/ics/abc.ics"),
    ]

    static func pattern(_ route: Route) -> String { "/" + route.path.map(\.description).joined(separator: "/") }

    /// The link is the pattern with each `:name` filled by a value, and nothing else changed.
    @Test func everyLinkFillsItsPattern() {
        for address in Self.addresses {
            let pattern = address.pattern.segments, link = address.link.segments
            #expect(address.link.path == address.expected)
            #expect(address.pattern.pathComponents.map(\.description) == pattern, "\(address.expected)")
            #expect(pattern.count == link.count, "\(address.expected)")
            for (p, l) in zip(pattern, link) {
                if p.hasPrefix(":") {
                    #expect(!l.isEmpty && !l.hasPrefix(":") && !l.contains("/"), "\(address.expected): :\(p) ← \(l)")
                } else {
                    #expect(p == l, "\(address.expected)")
                }
            }
        }
    }

    /// The route table and the addresses are the same set: every page route (all but /api/v1) is registered
    /// from a SiteURL above, and every SiteURL above is registered.
    @Test func everyPageRouteIsASiteURL() async throws {
        try await withTestApp(demo: false) { app in
            let patterns = Set(Self.addresses.map(\.pattern.path))
            let pages = app.routes.all.map(Self.pattern).filter { !$0.hasPrefix("/api/") }
            for route in pages { #expect(patterns.contains(route), "\(route) không lấy từ SiteURL") }
            for pattern in patterns { #expect(pages.contains(pattern), "\(pattern) chưa được đăng ký") }
            #expect(pages.count >= patterns.count)
        }
    }

    @Test func queriesArePercentEncoded() {
        let login = SiteURL.login.relativeURL(parameters: [QueryParameter("next", "/units?q=Hà Tĩnh&x=1#top")])
        #expect(login == "/login?next=/units%3Fq%3DH%C3%A0%20T%C4%A9nh%26x%3D1%23top")
        let drill = SiteURL.Consolidated.figures(.value(5), .value(2021), .value(Self.q1))
            .relativeURL(parameters: [QueryParameter("code", "1.1 a+b"), QueryParameter("accepted", 1)], anchor: "drill")
        #expect(drill == "/units/5/consolidation/2021/Q1?code=1.1%20a%2Bb&accepted=1#drill")
        #expect(SiteURL.Units.list.relativeURL() == "/units")
        #expect(SiteURL.Reports.timeliness(.value(5)).relativeURL(parameters: [QueryParameter("year", 2021), QueryParameter("sort", "late")])
                == "/units/5/timeliness?year=2021&sort=late")
        #expect(SiteURL.query("a&b=c d/é") == "a%26b%3Dc%20d/%C3%A9")
    }

    /// A value that is not a number is encoded as one path segment: it can neither add a segment nor a query.
    @Test func pathValuesStayOneSegment() {
        struct Odd: PathValue { var pathText: String }
        #expect(Parameter.value(Odd(pathText: "a/b c?d")).segment("x") == "a%2Fb%20c%3Fd")
        #expect(Parameter<Odd>.key.segment("x") == ":x")
    }
}
