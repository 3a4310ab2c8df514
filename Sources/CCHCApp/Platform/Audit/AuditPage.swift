import Fluent
import Vapor
import CCHCDomain

/// The audit log, scoped like everything else, filterable, with before and after of each change.
struct AuditPage: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.audit.pathComponents, use: show).access(.scoped)
    }

    func show(req: Request) async throws -> HTML {
        let actor = try req.actor
        let filter = try AuditFilter(req)
        let events = try await AuditQueries.find(filter, actor: actor, on: req.db)
        let rows: [HTML] = events.map { e in
            let changes: [HTML] = AuditFilter.details(e).map { "<li><code>\($0.key)</code>: \($0.value)</li>" }
            return """
            <tr><td>\(VNDate.display(e.at))</td><td>\(e.username)</td><td><code>\(e.action)</code></td>
            <td>\(e.summary)\(changes.isEmpty ? HTML.empty : "<ul class=\"changes\">\(changes)</ul>" as HTML)</td></tr>
            """
        }
        return Layout.page(request: req, title: "Nhật ký", body: """
        <h1>Nhật ký thao tác</h1>
        <p class="muted">Ai đã làm gì, lúc nào (giờ Việt Nam), trong phạm vi của bạn; mỗi thay đổi ghi giá trị trước và sau. \
        Nhật ký chỉ được ghi thêm, không sửa, không xóa.</p>
        <form class="search" method="get" action="\(SiteURL.audit.path)">
        <input name="user" value="\(filter.username ?? "")" placeholder="Tên đăng nhập" aria-label="Người thực hiện" size="14">
        <input name="action" value="\(filter.action ?? "")" placeholder="Thao tác (vd: report.save)" aria-label="Thao tác" size="18">
        <input name="q" value="\(filter.text ?? "")" placeholder="Nội dung có chứa" aria-label="Nội dung" size="18">
        <input name="from" value="\(filter.fromText ?? "")" placeholder="Từ ngày dd/MM/yyyy" aria-label="Từ ngày" size="12">
        <input name="to" value="\(filter.toText ?? "")" placeholder="Đến ngày dd/MM/yyyy" aria-label="Đến ngày" size="12">
        <button type="submit">Lọc</button></form>
        <p class="muted">\(events.count) sự kiện\(events.count == filter.limit ? " (mới nhất; thu hẹp bộ lọc để xem thêm)" : "").</p>
        <table><thead><tr><th>Thời điểm</th><th>Người thực hiện</th><th>Thao tác</th><th>Nội dung</th></tr></thead><tbody>\(rows)</tbody></table>
        """)
    }
}

/// What the log is narrowed to: from the page's or the API's query string.
struct AuditFilter {
    var username: String?
    var action: String?
    var text: String?
    var entity: String?
    var entityID: Int?
    var unitID: Int?
    var fromText: String?
    var toText: String?
    var limit: Int

    init(_ req: Request) throws {
        func text(_ key: String) -> String? {
            (try? req.query.get(String.self, at: key)).map { String($0.trimmingCharacters(in: .whitespaces).prefix(100)) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        username = text("user")?.lowercased()
        action = text("action")
        self.text = text("q")
        entity = text("entity")
        entityID = try req.queryInt("entityID")
        unitID = try req.queryInt("unitID")
        fromText = text("from")
        toText = text("to")
        limit = min(max(try req.queryInt("limit") ?? 300, 1), 1000)
    }

    var from: Date? { fromText.flatMap { Day(vietnamese: $0) ?? Day(iso: $0) }?.startInVietnam }
    var to: Date? { toText.flatMap { Day(vietnamese: $0) ?? Day(iso: $0) }?.startInVietnam.addingTimeInterval(86_400) }

    /// The changed fields of an event, "field → before → after" as it was recorded.
    static func details(_ e: AuditEvent) -> [(key: String, value: String)] {
        guard let text = e.detail, let data = text.data(using: .utf8),
              let dict = try? JSONDecoder().decode([String: String].self, from: data) else { return [] }
        return dict.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}

enum AuditQueries {
    static func find(_ f: AuditFilter, actor: Actor, on db: any Database) async throws -> [AuditEvent] {
        var q = AuditEvent.query(on: db)
        if let root = actor.scope.root {
            q = q.filter(\.$unitPath, .custom("LIKE"), root.subtreePattern)
        }
        if let unitID = f.unitID {
            // A unit's own events and those of the units below it, within the scope above.
            guard let unit = try await Unit.find(unitID, on: db), actor.scope.canRead(unit.unitPath) else { return [] }
            q = q.filter(\.$unitPath, .custom("LIKE"), unit.unitPath.subtreePattern)
        }
        if let u = f.username { q = q.filter(\.$username == u) }
        if let a = f.action { q = q.filter(\.$action, .custom("LIKE"), a.filter { $0 != "%" && $0 != "_" } + "%") }
        if let t = f.text { q = q.filter(\.$summary, .custom("LIKE"), "%" + t.filter { $0 != "%" && $0 != "_" } + "%") }
        if let e = f.entity { q = q.filter(\.$entity == e) }
        if let id = f.entityID { q = q.filter(\.$entityID == id) }
        if let from = f.from { q = q.filter(\.$at >= from) }
        if let to = f.to { q = q.filter(\.$at < to) }
        return try await q.sort(\.$at, .descending).sort(\.$id, .descending).limit(f.limit).all()
    }
}
