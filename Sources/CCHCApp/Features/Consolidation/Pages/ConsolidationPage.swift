import Fluent
import Vapor
import CCHCDomain

/// The jurisdiction's consolidated figures for a period, with the basis of each figure: the handler, and the loader
/// that the page's model (`ConsolidationPage+Model`) and the API share.
struct ConsolidationPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.Consolidated.figures(.key, .key, .key).pathComponents, use: show).access(.scoped)
    }

    static func load(_ req: Request) async throws -> (CCHCApp.Unit, ConsolidatedReport, FormDefinition) {
        let actor = try req.actor
        let unit = try await UnitQueries.readable(try req.idParameter("unitID"), by: actor, on: req.db)
        guard unit.kind.receivesReports else { throw CCHCError.notFound(Actor.onlyReports(unit, "tổng hợp số liệu")) }
        let year = try RegimePages.year(req)
        guard let kind = req.parameters.get("kind").flatMap(PeriodKind.init(code:)) else { throw CCHCError.notFound() }
        let acceptedOnly = (try? req.query.get(String.self, at: "accepted")) == "1"
        var report = try await ConsolidationService.consolidate(jurisdiction: unit, year: year, kind: kind, acceptedOnly: acceptedOnly, on: req.db)
        report = try await ConsolidationService.withComparisons(report, jurisdiction: unit, on: req.db)
        guard let form = try await FormService.find(code: report.formCode, year: nil, on: req.db)?.definition() else { throw CCHCError.notFound() }
        return (unit, report, form)
    }

    func show(req: Request) async throws -> HTML {
        let model = try await ConsolidationPage.Model.load(req)
        return Layout.page(request: req, title: model.pageTitle, body: ConsolidationPage.View.render(model))
    }
}

struct ConsolidationAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("units", ":unitID", "consolidation", ":year", ":kind", use: show).access(.scoped)
    }

    func show(req: Request) async throws -> ConsolidatedReport {
        try await ConsolidationPages.load(req).1
    }
}
