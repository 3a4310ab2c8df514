import Fluent
import Vapor
import CCHCDomain

/// The audit log, scoped like everything else.
struct AuditPage: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("audit", use: show).access(.scoped)
    }

    func show(req: Request) async throws -> HTML {
        let actor = try req.actor
        let events = try await AuditQueries.recent(actor: actor, limit: 300, on: req.db)
        let rows: [HTML] = events.map { e in
            "<tr><td>\(VNDate.display(e.at))</td><td>\(e.username)</td><td><code>\(e.action)</code></td><td>\(e.summary)\(e.detail.map { " <span class=\"muted\">\($0)</span>" as HTML } ?? .empty)</td></tr>"
        }
        return Layout.page(request: req, title: "Nhật ký", body: """
        <h1>Nhật ký thao tác</h1>
        <p class="muted">Ai đã làm gì, lúc nào (giờ Việt Nam), trong phạm vi của bạn. 300 sự kiện gần nhất.</p>
        <table><thead><tr><th>Thời điểm</th><th>Người thực hiện</th><th>Thao tác</th><th>Nội dung</th></tr></thead><tbody>\(rows)</tbody></table>
        """)
    }
}

enum AuditQueries {
    static func recent(actor: Actor, limit: Int, on db: any Database) async throws -> [AuditEvent] {
        var q = AuditEvent.query(on: db)
        if let root = actor.scope.root {
            q = q.filter(\.$unitPath, .custom("LIKE"), root.subtreePattern)
        }
        return try await q.sort(\.$at, .descending).sort(\.$id, .descending).limit(limit).all()
    }
}
