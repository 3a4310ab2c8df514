import Vapor

/// How a route is guarded. Every route declares one; the access test walks the
/// route table and proves that each non-public route gives outsiders nothing.
enum RouteAccess: String, Sendable {
    /// Open to anyone (login page, assets, the OpenAPI document).
    case `public`
    /// Needs a signed-in account; shows only what lies in the account's scope.
    case scoped
    /// Acts only on the caller's own session or token; takes no parameters.
    case own
    /// Reference data every signed-in account may read (statistics forms); only managers change it.
    case reference
}

extension Route {
    var access: RouteAccess? { userInfo["access"] as? RouteAccess }

    @discardableResult
    func access(_ access: RouteAccess) -> Route {
        userInfo["access"] = access
        return self
    }
}

func routes(_ app: Application) throws {
    // Assets and open pages.
    app.get(SiteURL.stylesheet.pathComponents) { _ in
        Response(status: .ok, headers: ["Content-Type": "text/css; charset=utf-8", "Cache-Control": "max-age=3600"], body: .init(string: Assets.css))
    }.access(.public)
    app.get(SiteURL.script.pathComponents) { _ in
        Response(status: .ok, headers: ["Content-Type": "application/javascript; charset=utf-8", "Cache-Control": "max-age=3600"],
                 body: .init(string: Assets.js))
    }.access(.public)

    // The ceiling of the benchmarks and a probe for a load balancer: no session, no database.
    app.get(SiteURL.health.pathComponents) { _ in
        Response(status: .ok, headers: ["Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store"], body: .init(string: "ok"))
    }.access(.public)

    // Only pages read the session cookie: assets, the API (Bearer) and the calendar feeds never look a session up.
    let pages = app.grouped(app.sessions.middleware, SessionActorMiddleware(), CSRFMiddleware())
    try pages.register(collection: LoginPages())

    let signedIn = pages.grouped(RequireActorMiddleware())
    try signedIn.register(collection: HomePage())
    try signedIn.register(collection: UnitPages())
    try signedIn.register(collection: UserPages())
    try signedIn.register(collection: AuditPage())
    try signedIn.register(collection: ReportPages())
    try signedIn.register(collection: TimelinessPages())
    try signedIn.register(collection: RegimePages())
    try signedIn.register(collection: SectionAssignmentPages())
    try signedIn.register(collection: PlanPages())
    try signedIn.register(collection: FormPages())
    try signedIn.register(collection: FormEditorPage())
    try signedIn.register(collection: ParFrameworkEditorPage())
    try signedIn.register(collection: ConsolidationPages())
    try signedIn.register(collection: ExportPages())
    try signedIn.register(collection: RegisterPages())
    try signedIn.register(collection: ParPages())
    try signedIn.register(collection: InspectionPages())
    try signedIn.register(collection: DutyPages())
    try app.register(collection: CalendarFeedRoute())

    let api = app.grouped("api", "v1")
    api.get("openapi.json") { _ in OpenAPIDocument.response() }.access(.public)
    let apiAuth = api.grouped(BearerActorMiddleware())
    try apiAuth.register(collection: AuthAPI())
    let apiSignedIn = apiAuth.grouped(RequireActorMiddleware())
    try apiSignedIn.register(collection: UnitAPI())
    try apiSignedIn.register(collection: UserAPI())
    try apiSignedIn.register(collection: AuditAPI())
    try apiSignedIn.register(collection: ReportingAPI())
    try apiSignedIn.register(collection: SectionAssignmentAPI())
    try apiSignedIn.register(collection: PlanningAPI())
    try apiSignedIn.register(collection: ConsolidationAPI())
    try apiSignedIn.register(collection: ExportAPI())
    try apiSignedIn.register(collection: RegisterAPI())
    try apiSignedIn.register(collection: ParIndexAPI())
    try apiSignedIn.register(collection: InspectionAPI())
    try apiSignedIn.register(collection: DutiesAPI())
}
