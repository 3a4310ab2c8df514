import Fluent
import Vapor
import CCHCDomain

/// The start page: who you are, your unit, what you can reach.
struct HomePage: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.home.pathComponents, use: show).access(.scoped)
    }

    func show(req: Request) async throws -> HTML {
        let actor = try req.actor
        let unit = try await UnitQueries.readable(actor.unitID, by: actor, on: req.db)
        let scoped = UnitQueries.scoped(Unit.query(on: req.db), actor.scope).filter(\.$retiredOn == nil)
        let jurisdictions = try await scoped.copy().filter(\.$kind !~ UnitKind.allCases.filter(\.isOffice)).count()
        let offices = try await UnitQueries.scoped(Unit.query(on: req.db), actor.scope).filter(\.$retiredOn == nil)
            .filter(\.$kind ~~ UnitKind.allCases.filter(\.isOffice)).count()
        let root: HTML
        if let rootPath = actor.scope.root, let r = try await Unit.find(rootPath.unitID, on: req.db) {
            root = "<a href=\"\(SiteURL.Units.unit(.value(try r.requireID())).path)\">\(r.name)</a>"
        } else {
            root = "toàn hệ thống"
        }
        return Layout.page(request: req, title: "Trang chủ", body: """
        <h1>Xin chào, \(actor.fullName)</h1>
        <div class="card"><dl class="facts">
        <dt>Đơn vị</dt><dd><a href="\(SiteURL.Units.unit(.value(actor.unitID)).path)">\(unit.name)</a></dd>
        <dt>Vai trò</dt><dd>\(actor.role.label)</dd>
        <dt>Phạm vi</dt><dd>\(root): \(jurisdictions) đơn vị hành chính, \(offices) cơ quan chuyên môn</dd>
        </dl></div>
        <p><a class="button" href="\(SiteURL.Units.list.path)">Xem danh sách đơn vị</a></p>
        """)
    }
}
