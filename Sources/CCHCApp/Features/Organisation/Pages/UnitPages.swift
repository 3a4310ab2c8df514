import Fluent
import Vapor
import CCHCDomain

/// Administration pages for the organisation tree.
struct UnitPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.Units.list.pathComponents, use: list).access(.scoped)
        routes.get(SiteURL.Units.new.pathComponents, use: newForm).access(.scoped)
        routes.post(SiteURL.Units.list.pathComponents, use: create).access(.scoped)
        routes.get(SiteURL.Units.merge.pathComponents, use: mergeForm).access(.scoped)
        routes.post(SiteURL.Units.merge.pathComponents, use: merge).access(.scoped)
        routes.get(SiteURL.Units.unit(.key).pathComponents, use: show).access(.scoped)
        routes.get(SiteURL.Units.edit(.key).pathComponents, use: editForm).access(.scoped)
        routes.post(SiteURL.Units.unit(.key).pathComponents, use: update).access(.scoped)
    }

    // MARK: List

    func list(req: Request) async throws -> HTML {
        let actor = try req.actor
        let q = (try? req.query.get(String.self, at: "q")) ?? ""
        let showRetired = (try? req.query.get(String.self, at: "retired")) == "1"
        let units = try await UnitQueries.search(q, actor: actor, includeRetired: showRetired, on: req.db)
        let minDepth = units.map(\.depth).min() ?? 1
        let rows: [HTML] = units.map { u in
            let indent = q.isEmpty ? min(4, u.depth - minDepth) : 0
            let status: HTML = u.isRetired ? " <span class=\"tag warn\">Đã sáp nhập/giải thể \(VNDate.display(iso: u.retiredOn ?? ""))</span>" : .empty
            let standing: HTML = u.isStandingAgency ? " <span class=\"tag ok\">Cơ quan thường trực CCHC</span>" : .empty
            return """
            <tr\(HTML.attr("class=\"retired\"", if: u.isRetired))><td class="indent-\(indent)">\
            <a href="\(SiteURL.Units.unit(.value(u.id ?? 0)).path)">\(u.name)</a>\(standing)\(status)</td>
            <td>\(u.kind.label)</td><td><code>\(u.code)</code></td></tr>
            """
        }
        let actions: HTML = actor.canManage
            ? "<p><a class=\"button\" href=\"\(SiteURL.Units.new.path)\">Thêm đơn vị</a> "
                + "<a class=\"button secondary\" href=\"\(SiteURL.Units.merge.path)\">Sáp nhập đơn vị</a></p>"
            : .empty
        return Layout.page(request: req, title: "Đơn vị", body: """
        <h1>Đơn vị</h1>
        <form class="search" method="get" action="\(SiteURL.Units.list.path)">
        <input type="search" name="q" value="\(q)" \
        placeholder="Tìm theo tên hoặc mã, gõ không dấu cũng được (vd: quang tho)" aria-label="Tìm đơn vị">
        <label><input type="checkbox" name="retired" value="1"\(HTML.attr("checked", if: showRetired))> Cả đơn vị đã sáp nhập</label>
        <button type="submit">Tìm</button></form>
        \(actions)
        <p class="muted">\(units.count) đơn vị\(q.isEmpty ? "" : " khớp với “\(q)”")</p>
        <table><thead><tr><th>Tên đơn vị</th><th>Loại</th><th>Mã</th></tr></thead><tbody>\(rows)</tbody></table>
        """)
    }

    // MARK: Show

    func show(req: Request) async throws -> HTML {
        let actor = try req.actor
        let unit = try await UnitQueries.readable(try req.idParameter("unitID"), by: actor, on: req.db)
        let id = try unit.requireID()
        let ancestors = try await UnitQueries.ancestors(of: unit, on: req.db).filter { actor.scope.canRead($0.unitPath) }
        let children = try await UnitQueries.children(of: id, on: req.db)
        let offices = children.filter(\.kind.isOffice)
        let subordinates = children.filter { !$0.kind.isOffice }
        let predecessors = try await UnitQueries.predecessors(of: id, on: req.db)
        let lineage = try await UnitQueries.lineage(of: id, on: req.db)
        let successor = try await Unit.find(optional: unit.successorID, on: req.db)
        let accounts = actor.canManage ? try await User.query(on: req.db).filter(\.$unit.$id == id).sort(\.$username).all() : []

        func list(_ units: [Unit], empty: String) -> HTML {
            guard !units.isEmpty else { return "<p class=\"muted\">\(empty)</p>" }
            return "<ul>" + units.map { u in
                let tags: HTML = (u.isStandingAgency ? " <span class=\"tag ok\">Cơ quan thường trực CCHC</span>" : .empty)
                    + (u.isRetired ? " <span class=\"tag warn\">đã sáp nhập</span>" : .empty)
                return "<li><a href=\"\(SiteURL.Units.unit(.value(u.id ?? 0)).path)\">\(u.name)</a>\(tags)</li>" as HTML
            }.joined() + "</ul>"
        }
        let crumbs: HTML = ancestors.map { "<a href=\"\(SiteURL.Units.unit(.value($0.id ?? 0)).path)\">\($0.name)</a> › " as HTML }.joined()
        let retiredNote: HTML = unit.isRetired
            ? """
            <p class="error-summary">Đơn vị đã ngừng hoạt động từ ngày \(VNDate.display(iso: unit.retiredOn ?? ""))\
            \(successor.map { s in " — sáp nhập vào <a href=\"\(SiteURL.Units.unit(.value(s.id ?? 0)).path)\">\(s.name)</a>" as HTML } ?? .empty)\
            . Dữ liệu chỉ để xem.</p>
            """
            : .empty
        var actions: [HTML] = []
        if actor.scope.canManage(unit.unitPath) && !unit.isRetired {
            actions.append("<a class=\"button\" href=\"\(SiteURL.Units.edit(.value(id)).path)\">Sửa</a>")
            if unit.kind.isJurisdiction {
                let newUnit = SiteURL.Units.new.relativeURL(parameters: [QueryParameter("parent", id)])
                let newUser = SiteURL.Users.new.relativeURL(parameters: [QueryParameter("unit", id)])
                actions.append("<a class=\"button secondary\" href=\"\(newUnit)\">Thêm đơn vị trực thuộc</a>")
                actions.append("<a class=\"button secondary\" href=\"\(newUser)\">Thêm tài khoản</a>")
            }
        }
        let predecessorsHTML: HTML = predecessors.isEmpty ? .empty : """
            <h2>Hình thành do sáp nhập</h2><ul>\(predecessors.map { p, date in
                let link: HTML = "<a href=\"\(SiteURL.Units.unit(.value(p.id ?? 0)).path)\">\(p.name)</a>"
                return "<li>\(link) — sáp nhập từ ngày \(VNDate.display(iso: date))</li>" as HTML })</ul>
            """
        let lineageHTML: HTML = lineage.count > predecessors.count ? """
            <h2>Toàn bộ đơn vị tiền thân</h2>\(list(lineage, empty: ""))
            """ : .empty
        let accountsHTML: HTML = actor.canManage ? """
            <h2>Tài khoản (\(accounts.count))</h2>
            \(accounts.isEmpty ? "<p class=\"muted\">Chưa có tài khoản.</p>" as HTML : """
                <table><thead><tr><th>Tên đăng nhập</th><th>Họ tên</th><th>Vai trò</th><th>Trạng thái</th></tr></thead><tbody>\
                \(accounts.map { a in """
                    <tr><td><a href="\(SiteURL.Users.user(.value(a.id ?? 0)).path)">\(a.username)</a></td><td>\(a.fullName)</td>\
                    <td>\(a.role.label)</td><td>\(a.isActive ? "Đang hoạt động" : "Đã khóa")</td></tr>
                    """ as HTML })</tbody></table>
                """)
            """ : .empty
        return Layout.page(request: req, title: unit.name, body: """
        <p class="crumbs">\(crumbs)</p>
        <h1>\(unit.name)</h1>
        \(retiredNote)
        <div class="card"><dl class="facts">
        <dt>Loại</dt><dd>\(unit.kind.label)</dd><dt>Mã</dt><dd><code>\(unit.code)</code></dd>
        \(unit.isStandingAgency ? "<dt>Vai trò</dt><dd>Cơ quan thường trực về CCHC</dd>" as HTML : .empty)
        </dl></div>
        <p>\(actions)</p>
        \(unit.kind.isJurisdiction ? """
            <h2>Cơ quan chuyên môn (\(offices.count))</h2>\(list(offices, empty: "Chưa có cơ quan chuyên môn."))\
            <h2>Đơn vị trực thuộc (\(subordinates.count))</h2>\(list(subordinates, empty: "Không có đơn vị trực thuộc."))
            """ as HTML : .empty)
        \(predecessorsHTML)\(lineageHTML)\(accountsHTML)
        """)
    }

    // MARK: Create / edit

    struct FormValues {
        var code = ""
        var name = ""
        var kind = ""
        var parentID: Int?
        var isStandingAgency = false
    }

    struct FormBody: Content {
        var code: String?
        var name: String?
        var kind: String?
        var parentID: String?
        var isStandingAgency: String?
        var revision: String?

        var values: FormValues {
            FormValues(code: code ?? "", name: name ?? "", kind: kind ?? "", parentID: parentID.flatMap { Int($0) },
                       isStandingAgency: isStandingAgency == "on" || isStandingAgency == "true" || isStandingAgency == "1")
        }
        var input: OrganisationService.UnitInput {
            let v = values
            return .init(code: v.code, name: v.name, kind: v.kind, parentID: v.parentID, isStandingAgency: v.isStandingAgency,
                         revision: revision.flatMap { Int($0) })
        }
    }

    func newForm(req: Request) async throws -> HTML {
        let actor = try req.actor
        guard actor.canManage else { throw CCHCError.forbidden }
        var values = FormValues()
        if let parent = try? req.query.get(Int.self, at: "parent") {
            _ = try await UnitQueries.manageable(parent, by: actor, on: req.db)
            values.parentID = parent
        }
        return try await form(req, title: "Thêm đơn vị", action: .list, values: values, failure: nil)
    }

    func create(req: Request) async throws -> Response {
        let actor = try req.actor
        guard actor.canManage else { throw CCHCError.forbidden }
        let body = try req.content.decode(FormBody.self)
        do {
            let unit = try await OrganisationService(db: req.db, actor: actor, now: req.now).create(body.input)
            return req.redirect(to: SiteURL.Units.unit(.value(try unit.requireID())).path)
        } catch let failure as ValidationFailure {
            return try await form(req, title: "Thêm đơn vị", action: .list, values: body.values, failure: failure)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    func editForm(req: Request) async throws -> HTML {
        let actor = try req.actor
        let unit = try await UnitQueries.manageable(try req.idParameter("unitID"), by: actor, on: req.db)
        if unit.isRetired { throw CCHCError(.conflict, OrgRules.Violation.retiredUnit(unit.name).description) }
        let values = FormValues(code: unit.code, name: unit.name, kind: unit.kind.rawValue, parentID: unit.$parent.id, isStandingAgency: unit.isStandingAgency)
        return try await form(req, title: "Sửa \(unit.name)", action: .unit(.value(try unit.requireID())), values: values, failure: nil, editing: unit)
    }

    func update(req: Request) async throws -> Response {
        let actor = try req.actor
        let unit = try await UnitQueries.manageable(try req.idParameter("unitID"), by: actor, on: req.db)
        let body = try req.content.decode(FormBody.self)
        do {
            let saved = try await OrganisationService(db: req.db, actor: actor, now: req.now).update(unit, body.input)
            return req.redirect(to: SiteURL.Units.unit(.value(try saved.requireID())).path)
        } catch let failure as ValidationFailure {
            return try await form(req, title: "Sửa \(unit.name)", action: .unit(.value(try unit.requireID())), values: body.values,
                                  failure: failure, editing: unit)
                .encodeResponse(status: .unprocessableEntity, for: req)
        } catch let conflict as CCHCError where conflict.status == .conflict {
            // Someone saved first: the page comes back with this user's typing and the newer revision.
            let fresh = try await UnitQueries.manageable(try unit.requireID(), by: actor, on: req.db)
            return try await form(req, title: "Sửa \(unit.name)", action: .unit(.value(try unit.requireID())), values: body.values,
                                  failure: ValidationFailure(field: "revision", conflict.message), editing: fresh)
                .encodeResponse(status: .conflict, for: req)
        }
    }

    /// Jurisdictions the actor may place a unit under.
    private func parentChoices(_ req: Request, _ actor: Actor, excluding: Unit?) async throws -> [Unit] {
        let all = try await UnitQueries.search(nil, actor: actor, includeRetired: false,
                                               kinds: UnitKind.allCases.filter(\.isJurisdiction), limit: 5000, on: req.db)
        return all.filter { u in
            actor.scope.canManage(u.unitPath) && !(excluding.map { $0.unitPath.contains(u.unitPath) } ?? false)
        }
    }

    private func form(_ req: Request, title: String, action: SiteURL.Units, values: FormValues, failure: ValidationFailure?,
                      editing: Unit? = nil) async throws -> HTML {
        let actor = try req.actor
        let parents = try await parentChoices(req, actor, excluding: editing)
        let noParent: HTML = actor.isAdmin ? "<option value=\"\">— (cấp cao nhất: tỉnh/thành phố)</option>" : .empty
        return Layout.page(request: req, title: title, body: """
        <h1>\(title)</h1>
        \(Layout.errorSummary(failure))
        <form method="post" action="\(action.path)" class="stack card">\(editing.map { Revisions.field($0.revision) } ?? .empty)
        <label for="name">Tên đơn vị</label>
        <input id="name" name="name" value="\(values.name)" placeholder="vd: Xã Tân Lập" required>
        \(Layout.errors(failure, "name"))
        <label for="code">Mã đơn vị</label>
        <input id="code" name="code" value="\(values.code)" placeholder="vd: HT-THA-TANLAP" required>
        \(Layout.errors(failure, "code"))
        <label for="kind">Loại đơn vị</label>
        <select id="kind" name="kind" required><option value="">— chọn —</option>\
        \(Layout.options(UnitKind.allCases, selected: values.kind, value: \.rawValue, label: \.label))</select>
        \(Layout.errors(failure, "kind"))
        <label for="parentID">Đơn vị cấp trên</label>
        <select id="parentID" name="parentID">\(noParent)\(Layout.options(parents, selected: values.parentID.map(String.init),
            value: { String($0.id ?? 0) },
            label: { String(repeating: "  ", count: max(0, $0.depth - 1)) + $0.name + " (" + $0.code + ")" }))</select>
        \(Layout.errors(failure, "parentID"))
        <label><input type="checkbox" name="isStandingAgency" value="on"\(HTML.attr("checked", if: values.isStandingAgency))> \
        Là cơ quan thường trực về CCHC của đơn vị cấp trên (Phòng/Sở Nội vụ)</label>
        \(Layout.errors(failure, "isStandingAgency"))
        <p><button type="submit">Lưu</button> <a href="\((editing.map { SiteURL.Units.unit(.value($0.id ?? 0)) } ?? .list).path)">Hủy</a></p>
        </form>
        """)
    }

    // MARK: Merge

    struct MergeBody: Content {
        var predecessorIDs: [String]?
        var code: String?
        var name: String?
        var kind: String?
        var parentID: String?
        var mergedOn: String?
    }

    func mergeForm(req: Request) async throws -> HTML {
        let actor = try req.actor
        guard actor.canManage else { throw CCHCError.forbidden }
        return try await mergePage(req, actor, body: MergeBody(), failure: nil)
    }

    func merge(req: Request) async throws -> Response {
        let actor = try req.actor
        guard actor.canManage else { throw CCHCError.forbidden }
        let body = try req.content.decode(MergeBody.self)
        let input = OrganisationService.MergeInput(
            predecessorIDs: (body.predecessorIDs ?? []).compactMap { Int($0) }, code: body.code ?? "", name: body.name ?? "",
            kind: body.kind ?? "", parentID: body.parentID.flatMap { Int($0) }, mergedOn: body.mergedOn ?? "")
        do {
            let unit = try await OrganisationService(db: req.db, actor: actor, now: req.now).merge(input)
            return req.redirect(to: SiteURL.Units.unit(.value(try unit.requireID())).path)
        } catch let failure as ValidationFailure {
            return try await mergePage(req, actor, body: body, failure: failure).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    private func mergePage(_ req: Request, _ actor: Actor, body: MergeBody, failure: ValidationFailure?) async throws -> HTML {
        let candidates = try await UnitQueries.search(nil, actor: actor, includeRetired: false,
                                                      kinds: UnitKind.allCases.filter(\.isJurisdiction), limit: 5000, on: req.db)
            .filter { actor.scope.canManage($0.unitPath) && $0.kind.tier != .province }
        let chosen = Set(body.predecessorIDs ?? [])
        let parents = try await parentChoices(req, actor, excluding: nil)
        let boxes: [HTML] = candidates.map { u in
            let id = String(u.id ?? 0)
            return "<li data-text=\"\(u.name) \(u.code)\"><label><input type=\"checkbox\" name=\"predecessorIDs[]\" value=\"\(id)\""
                + "\(HTML.attr("checked", if: chosen.contains(id)))> \(u.name) <span class=\"muted\">(\(u.code))</span></label></li>"
        }
        return Layout.page(request: req, title: "Sáp nhập đơn vị", body: """
        <h1>Sáp nhập đơn vị</h1>
        <p class="muted">Đơn vị mới được thành lập trên cơ sở các đơn vị cũ. \
        Các đơn vị cũ ngừng hoạt động từ ngày sáp nhập; lịch sử của chúng vẫn xem được từ đơn vị mới.</p>
        \(Layout.errorSummary(failure))
        <form method="post" action="\(SiteURL.Units.merge.path)" class="stack card">
        <label>Các đơn vị cũ</label>
        <input type="search" data-filter="merge-list" placeholder="Lọc danh sách (không cần dấu)">
        <ul id="merge-list" style="max-height:18rem;overflow:auto;list-style:none;padding-left:0">\(boxes)</ul>
        \(Layout.errors(failure, "predecessorIDs"))
        <label for="name">Tên đơn vị mới</label><input id="name" name="name" value="\(body.name ?? "")" required>
        \(Layout.errors(failure, "name"))
        <label for="code">Mã đơn vị mới</label><input id="code" name="code" value="\(body.code ?? "")" required>
        \(Layout.errors(failure, "code"))
        <label for="kind">Loại đơn vị</label>
        <select id="kind" name="kind"><option value="">— chọn —</option>\
        \(Layout.options(UnitKind.allCases.filter(\.isJurisdiction), selected: body.kind, value: \.rawValue, label: \.label))</select>
        \(Layout.errors(failure, "kind"))
        <label for="parentID">Đơn vị cấp trên</label>
        <select id="parentID" name="parentID">\(Layout.options(parents, selected: body.parentID, value: { String($0.id ?? 0) },
            label: { $0.name + " (" + $0.code + ")" }))</select>
        \(Layout.errors(failure, "parentID"))
        <label for="mergedOn">Ngày sáp nhập (dd/MM/yyyy)</label>\
        <input id="mergedOn" name="mergedOn" value="\(body.mergedOn ?? "")" placeholder="01/07/2025" required>
        \(Layout.errors(failure, "mergedOn"))
        <p><button type="submit">Sáp nhập</button> <a href="\(SiteURL.Units.list.path)">Hủy</a></p>
        </form>
        """)
    }
}
