import Fluent
import Vapor
import CCHCDomain

/// A unit's reports for a year: `ReportListPage.Model` (the periods of its regime, each report's state and
/// timeliness), loaded by `Model.load`; `ReportListPage.View` renders it.
enum ReportListPage {}

extension ReportListPage {
    struct Model {
        var unitID: Int
        var unitName: String
        /// The years with a regime for the unit, newest first, and the one shown.
        var years: [Int]
        var year: Int
        var rows: [ReportListing.Row]
        /// A jurisdiction the signed-in account manages: links to its follow-up and its own regime.
        var managesJurisdiction: Bool
        /// The account may open the unit's page (an office's staff reach only the jurisdiction's reports).
        var unitReadable = true
        /// With no regime this year: the unit directly above, whose regime the unit reports under.
        var issuerName: String?

        /// The page's title in the browser.
        var pageTitle: String { "Báo cáo CCHC — \(unitName)" }
    }
}

extension ReportListPage.Model {
    static func load(_ req: Request) async throws -> Self {
        let actor = try req.actor
        let unit = try await UnitQueries.reportable(try req.idParameter("unitID"), by: actor, on: req.db)
        let years = try await RegimeService.years(for: unit, on: req.db)
        let year = try req.queryInt("year", in: 2000...2100) ?? years.first ?? Day(req.now).year
        let rows = try await ReportListing.rows(unit: unit, year: year, now: req.now, on: req.db)
        let issuer = rows.isEmpty ? try await unit.$parent.get(on: req.db) : nil
        return Self(unitID: try unit.requireID(), unitName: unit.name, years: years, year: year, rows: rows,
                    managesJurisdiction: actor.followsUnitsBelow(unit),
                    unitReadable: actor.scope.canRead(unit.unitPath), issuerName: issuer?.name)
    }
}
