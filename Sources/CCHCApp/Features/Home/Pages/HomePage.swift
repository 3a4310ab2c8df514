import Fluent
import Vapor
import CCHCDomain

/// The start page: who you are, your unit, what you can reach. The handler; the page is `HomePage.Model`
/// (`HomePage+Model.swift`) rendered by `HomePage.View` (`HomePage+View.swift`).
struct HomePage: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.home.pathComponents, use: show).access(.scoped)
    }

    func show(req: Request) async throws -> HTML {
        let model = try await Model.load(req)
        return Layout.page(request: req, title: View.title, body: View.render(model))
    }
}
