import Fluent
import Vapor
import CCHCDomain
import CCHCOffice

/// The audit log, scoped like everything else, filterable, with before and after of each change.
struct AuditPage: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.audit.pathComponents, use: show).access(.scoped)
        routes.get(SiteURL.auditExport.pathComponents, use: export).access(.scoped)
    }

    func show(req: Request) async throws -> HTML {
        let actor = try req.actor
        let filter = try AuditFilter(req)
        let events = try await AuditQueries.find(filter, actor: actor, on: req.db)
        let names = try await AuditQueries.fullNames(of: events, on: req.db)
        let (people, units) = try await (AuditQueries.people(actor: actor, on: req.db), AuditQueries.units(actor: actor, on: req.db))
        let rows: [HTML] = events.map { e in
            let changes: [HTML] = AuditFilter.details(e).map { "<li>\(AuditWords.field($0.key)): \(AuditWords.value($0.value))</li>" }
            return """
            <tr><td>\(VNDate.display(e.at))</td><td>\(AuditWords.label(e.action))</td>
            <td>\(AuditWords.sentence(person: names[e.username] ?? e.username, summary: e.summary))\
            \(changes.isEmpty ? HTML.empty : "<ul class=\"changes\">\(changes)</ul>" as HTML)</td></tr>
            """
        }
        func option(_ value: String, _ label: String, _ chosen: String?) -> HTML {
            "<option value=\"\(value)\"\(chosen == value ? " selected" : "")>\(label)</option>"
        }
        let kindOptions: [HTML] = [option("", "Mọi thao tác (trừ đăng nhập)", filter.kind)]
            + AuditWords.kinds.map { option($0.code, $0.label, filter.kind) }
        let personOptions: [HTML] = [option("", "Mọi người", filter.username)]
            + people.map { option($0.username, "\($0.fullName) (\($0.username))", filter.username) }
        let unitOptions: [HTML] = [option("", "Mọi đơn vị trong phạm vi", filter.unitID.map(String.init))]
            + units.map { option(String($0.id), $0.name, filter.unitID.map(String.init)) }
        let table: HTML = rows.isEmpty
            ? "<p class=\"empty\">Không có thao tác nào khớp bộ lọc. Hãy bỏ bớt điều kiện lọc hoặc chọn khoảng ngày rộng hơn.</p>"
            : """
              <div class="table-wrap"><table class="audit"><thead><tr><th>Thời điểm</th><th>Thao tác</th><th>Nội dung</th></tr></thead>
              <tbody>\(rows)</tbody></table></div>
              """
        return Layout.page(request: req, title: "Nhật ký", body: """
        <h1>Nhật ký thao tác</h1>
        <p class="muted">Ai đã làm gì, lúc nào (giờ Việt Nam), trong phạm vi của bạn; mỗi thay đổi ghi giá trị trước và sau. \
        Nhật ký chỉ được ghi thêm, không sửa, không xóa.</p>
        <form class="filters card" method="get" action="\(SiteURL.audit.path)">
        <label>Loại thao tác <select name="kind">\(kindOptions)</select></label>
        <label>Người thực hiện <select name="user">\(personOptions)</select></label>
        <label>Đơn vị <select name="unitID">\(unitOptions)</select></label>
        <label>Từ ngày <input name="from" value="\(filter.fromText ?? "")" placeholder="dd/MM/yyyy" size="10" inputmode="numeric"></label>
        <label>Đến ngày <input name="to" value="\(filter.toText ?? "")" placeholder="dd/MM/yyyy" size="10" inputmode="numeric"></label>
        <label>Nội dung có chứa <input name="q" value="\(filter.text ?? "")" size="18"></label>
        <p><button type="submit">Lọc</button> \
        <a class="button secondary" href="\(SiteURL.auditExport.relativeURL(parameters: filter.parameters))">Tải Excel (.xlsx)</a></p>
        </form>
        <p class="muted">\(events.count) thao tác\(events.count == filter.limit ? " (mới nhất; thu hẹp bộ lọc để xem thêm)" : "").</p>
        \(table)
        """)
    }

    /// The same events as an .xlsx (up to 5,000), with the filter written above the table.
    func export(req: Request) async throws -> Response {
        let actor = try req.actor
        var filter = try AuditFilter(req)
        filter.limit = 5_000
        let events = try await AuditQueries.find(filter, actor: actor, on: req.db)
        let names = try await AuditQueries.fullNames(of: events, on: req.db)
        let head: [XLSXCell] = ["STT", "Thời điểm", "Người thực hiện", "Tên đăng nhập", "Thao tác", "Nội dung", "Thay đổi"].map { .bold($0) }
        var rows: [[XLSXCell]] = [[.bold("Nhật ký thao tác — \(actor.unitName)")], [.text("Xuất lúc \(VNDate.display(Date()))")], [], head]
        for (i, e) in events.enumerated() {
            let changes = AuditFilter.details(e).map { "\(AuditWords.field($0.key)): \(AuditWords.value($0.value))" }.joined(separator: "\n")
            rows.append([.integer(i + 1), .text(VNDate.display(e.at)), .text(names[e.username] ?? e.username), .text(e.username),
                         .text(AuditWords.label(e.action)), .text(e.summary), .text(changes)])
        }
        let sheet = XLSXSheet(name: "Nhật ký", rows: rows, columnWidths: [6, 17, 24, 16, 26, 70, 40], frozenRows: 4)
        return Exports.file(try XLSXWorkbook(sheets: [sheet]).data(), type: Exports.xlsxType, name: "nhat-ky-thao-tac.xlsx")
    }
}

/// What the log is narrowed to: from the page's or the API's query string.
struct AuditFilter {
    var username: String?
    var kind: String?
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
        kind = AuditWords.kind(text("kind"))?.code
        self.text = text("q")
        entity = text("entity")
        entityID = try req.queryInt("entityID")
        unitID = try req.queryInt("unitID")
        fromText = text("from")
        toText = text("to")
        limit = min(max(try req.queryInt("limit") ?? 300, 1), 1000)
    }

    /// The filter as query parameters, for the export link.
    var parameters: [QueryParameter] {
        let pairs: [(String, String?)] = [("kind", kind), ("user", username), ("action", action), ("q", text),
                                          ("unitID", unitID.map(String.init)), ("from", fromText), ("to", toText)]
        return pairs.compactMap { key, value in value.map { QueryParameter(key, $0) } }
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
        if let kind = AuditWords.kind(f.kind) {
            q = q.group(.or) { g in for p in kind.prefixes { g.filter(\.$action, .custom("LIKE"), p + "%") } }
        } else if f.action == nil {
            // Sign-ins are most of the log: shown when asked for by kind or action.
            for p in AuditWords.signIn.prefixes { q = q.filter(\.$action, .custom("NOT LIKE"), p + "%") }
        }
        if let t = f.text { q = q.filter(\.$summary, .custom("LIKE"), "%" + t.filter { $0 != "%" && $0 != "_" } + "%") }
        if let e = f.entity { q = q.filter(\.$entity == e) }
        if let id = f.entityID { q = q.filter(\.$entityID == id) }
        if let from = f.from { q = q.filter(\.$at >= from) }
        if let to = f.to { q = q.filter(\.$at < to) }
        return try await q.sort(\.$at, .descending).sort(\.$id, .descending).limit(f.limit).all()
    }

    /// The full names of the people in a page of events (an account deleted since keeps its user name).
    static func fullNames(of events: [AuditEvent], on db: any Database) async throws -> [String: String] {
        let usernames = Array(Set(events.map(\.username)))
        guard !usernames.isEmpty else { return [:] }
        let users = try await User.query(on: db).filter(\.$username ~~ usernames).all()
        return Dictionary(users.map { ($0.username, $0.fullName) }, uniquingKeysWith: { a, _ in a })
    }

    /// The accounts of the units in scope, in Vietnamese order of their names (for the filter).
    static func people(actor: Actor, on db: any Database) async throws -> [(username: String, fullName: String)] {
        var q = User.query(on: db).join(Unit.self, on: \User.$unit.$id == \Unit.$id)
        if let root = actor.scope.root { q = q.filter(Unit.self, \.$path, .custom("LIKE"), root.subtreePattern) }
        let users = try await q.limit(2_000).all()
        return VietnameseOrder.sorted(users.map { ($0.username, $0.fullName) }) { $0.1 }
    }

    /// The units in scope, by level then in Vietnamese order (for the filter).
    static func units(actor: Actor, on db: any Database) async throws -> [(id: Int, name: String)] {
        var q = Unit.query(on: db).filter(\.$retiredOn == nil)
        if let root = actor.scope.root { q = q.filter(\.$path, .custom("LIKE"), root.subtreePattern) }
        let units = try await q.limit(2_000).all()
        return VietnameseOrder.sorted(units.compactMap { u in u.id.map { ($0, u.name, u.depth) } }) { String(format: "%03d ", $0.2) + $0.1 }
            .map { ($0.0, $0.1) }
    }
}
