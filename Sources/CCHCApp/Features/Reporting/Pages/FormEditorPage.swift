import Fluent
import Vapor
import CCHCDomain

/// A statistics form for people (issue 15 §7): a readable editor of its rows and rules, and a preview of the form as a
/// commune fills it. The editor saves through the same path as the JSON import (`FormService.importForm`): the same
/// checks, the same revision, the same "no row removed or retyped once reports exist"; the JSON stays for experts.
struct FormEditorPage: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.Forms.edit(.key).pathComponents, use: edit).access(.reference)
        routes.post(SiteURL.Forms.edit(.key).pathComponents, use: save).access(.reference)
        routes.get(SiteURL.Forms.preview(.key).pathComponents, use: preview).access(.reference)
    }

    /// Who may change a form: its issuing jurisdiction's standing agency, or an administrator (for the shared ones too).
    static func canEdit(_ record: FormRecord, _ actor: Actor) -> Bool {
        actor.isAdmin || (record.ownerID != nil && actor.role == .standingOfficer && actor.jurisdictionID == record.ownerID)
    }

    private func record(_ req: Request) async throws -> FormRecord {
        guard let record = try await FormRecord.find(try req.idParameter("formID"), on: req.db) else { throw CCHCError.notFound() }
        return record
    }

    func edit(req: Request) async throws -> HTML {
        let actor = try req.actor
        let record = try await record(req)
        guard Self.canEdit(record, actor) else { throw Self.refusal(record) }
        return try await page(req, record, form: try record.definition(), typed: nil, failure: nil)
    }

    func save(req: Request) async throws -> Response {
        let actor = try req.actor
        let record = try await record(req)
        guard Self.canEdit(record, actor) else { throw Self.refusal(record) }
        let typed = FormBody(req)
        let edited = Self.apply(typed, to: try record.definition())
        do {
            let data = Data(try FormCodec.encode(edited).utf8)
            let revision = typed["revision"].flatMap { Int($0) }
            _ = try await FormService.importForm(data, on: req.db, actor: actor, now: req.now, expectedRevision: revision)
            return req.redirect(to: SiteURL.Forms.form(.value(try record.requireID())).relativeURL(parameters: [QueryParameter("saved", 1)]))
        } catch let failure as ValidationFailure {
            return try await page(req, record, form: edited, typed: typed, failure: failure)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    /// The form with what was typed: titles, names, units, offices, consolidation rules, and the rules (an empty
    /// expression drops the rule; the three empty lines add new ones).
    static func apply(_ typed: FormBody, to original: FormDefinition) -> FormDefinition {
        var form = original
        func text(_ key: String) -> String? { typed[key].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } }
        if let title = text("title"), !title.isEmpty { form.title = title }
        if let source = text("source") { form.source = source.isEmpty ? nil : source }
        for i in form.indicators.indices {
            let code = form.indicators[i].code
            if let name = text("name:\(code)"), !name.isEmpty { form.indicators[i].name = name }
            if let unit = text("unit:\(code)") { form.indicators[i].unit = unit.isEmpty ? nil : unit }
            if let office = text("office:\(code)") { form.indicators[i].office = office.isEmpty ? nil : office }
            if let rule = text("rule:\(code)") {
                let chosen = Indicator.Consolidate(rawValue: rule)
                // The kind's default is written as no rule, as the imported JSON does.
                form.indicators[i].consolidate = chosen == form.indicators[i].defaultRule ? nil : chosen
            }
        }
        let exprs = typed.all("expr"), messages = typed.all("message")
        if !exprs.isEmpty {
            form.rules = zip(exprs, messages + Array(repeating: "", count: max(0, exprs.count - messages.count))).compactMap { e, m in
                let expr = e.trimmingCharacters(in: .whitespaces), message = m.trimmingCharacters(in: .whitespaces)
                return expr.isEmpty ? nil : Rule(expr: expr, message: message.isEmpty ? expr : message)
            }
        }
        return form
    }

    static func refusal(_ record: FormRecord) -> CCHCError {
        CCHCError(.forbidden, record.ownerID == nil
            ? "Đây là biểu mẫu chung của hệ thống: chỉ quản trị viên được sửa. Đơn vị có thể tải JSON, sửa rồi nhập thành biểu mẫu của mình."
            : "Chỉ cơ quan thường trực của đơn vị ban hành biểu mẫu này được sửa.")
    }

    private func page(_ req: Request, _ record: FormRecord, form: FormDefinition, typed: FormBody?, failure: ValidationFailure?) async throws -> HTML {
        let id = try record.requireID()
        let rows: [HTML] = form.indicators.map { ind in
            let c = ind.code, depth = form.depth(of: c)
            if ind.kind == .group {
                return """
                    <tr class="group"><th>\(c)</th><td class="indent-\(min(depth, 4))"><input name="name:\(c)" value="\(ind.name)" \
                    aria-label="Tên mục \(c)" size="40"></td><td></td><td>\(ind.kind.label)</td><td></td>\
                    <td><input name="office:\(c)" value="\(ind.office ?? "")" aria-label="Cơ quan trả lời mục \(c)" size="16"></td></tr>
                    """
            }
            let allowed = Indicator.Consolidate.allowed(for: ind.kind)
            let current = ind.consolidationRule?.rawValue ?? ""
            let options: [HTML] = allowed.map { r in
                "<option value=\"\(r.rawValue)\"\(HTML.attr("selected", if: r.rawValue == current))>\(r.label)</option>"
            }
            let rule: HTML = allowed.isEmpty ? "—" : "<select name=\"rule:\(c)\" aria-label=\"Cách tổng hợp dòng \(c)\">\(options)</select>"
            return """
                <tr><th>\(c)</th><td class="indent-\(min(depth, 4))">\(ind.partOf == true ? "<em>Trong đó:</em> " as HTML : .empty)\
                <input name="name:\(c)" value="\(ind.name)" aria-label="Tên chỉ tiêu \(c)" size="40"></td>\
                <td><input name="unit:\(c)" value="\(ind.unit ?? "")" aria-label="Đơn vị tính dòng \(c)" size="8"></td>\
                <td>\(ind.kind.label)\(ind.isFraction ? " (tử số/mẫu số)" : "")</td><td>\(rule)</td>\
                <td><input name="office:\(c)" value="\(ind.office ?? "")" aria-label="Cơ quan trả lời dòng \(c)" size="16"></td></tr>
                """
        }
        let ruleRows: [HTML] = (form.rules + Array(repeating: Rule(expr: "", message: ""), count: 3)).enumerated().map { i, r in
            """
            <tr><td>\(i + 1)</td><td><input name="expr" value="\(r.expr)" aria-label="Biểu thức quy tắc \(i + 1)" size="30" \
            placeholder="vd: [1.1.2] <= [1.1.1]"></td>\
            <td><input name="message" value="\(r.message)" aria-label="Thông báo khi quy tắc \(i + 1) không thỏa" size="50"></td></tr>
            """
        }
        return Layout.page(request: req, title: "Sửa biểu mẫu \(form.code)", body: """
        <p class="crumbs"><a href="\(SiteURL.Forms.list.path)">Biểu mẫu</a> › <a href="\(SiteURL.Forms.form(.value(id)).path)">\(form.code)</a></p>
        <h1>Sửa biểu mẫu \(form.code) năm \(form.year)</h1>
        <p class="muted">Sửa tên, đơn vị tính, cơ quan trả lời, cách tổng hợp từng dòng và các quy tắc kiểm tra. Mã, loại và thứ tự \
        các dòng giữ nguyên (đổi những điều đó: tải JSON, sửa và nhập lại). Khi đã có báo cáo theo biểu mẫu, bản cũ vẫn được lưu lại.</p>
        \(Layout.errorSummary(failure))
        <form method="post" action="\(SiteURL.Forms.edit(.value(id)).path)" class="form-editor">
        <input type="hidden" name="revision" value="\(typed?["revision"] ?? String(record.revision))">
        <p><label>Tên biểu mẫu <input name="title" value="\(form.title)" size="60"></label></p>
        <p><label>Nguồn (văn bản ban hành) <input name="source" value="\(form.source ?? "")" size="60"></label></p>
        <div class="table-wrap"><table class="sticky-first"><thead><tr><th>Mã</th><th>Chỉ tiêu</th><th>ĐVT</th><th>Loại</th>\
        <th>Cách tổng hợp</th><th>Cơ quan</th></tr></thead><tbody>\(rows)</tbody></table></div>
        <h2>Quy tắc kiểm tra</h2>
        <p class="muted">Mã dòng trong ngoặc vuông, so sánh bằng &lt;=, &gt;=, ==, &lt;, &gt; và cộng trừ. Xóa biểu thức để bỏ quy tắc.</p>
        <div class="table-wrap"><table><thead><tr><th>STT</th><th>Biểu thức</th><th>Thông báo khi không thỏa</th></tr></thead>\
        <tbody>\(ruleRows)</tbody></table></div>
        <p class="sticky-save"><button type="submit">Lưu biểu mẫu</button> \
        <a class="button secondary" href="\(SiteURL.Forms.preview(.value(id)).path)">Xem trước khi điền</a></p>
        </form>
        """)
    }

    /// The form as a unit fills it: every row with its box, nothing saved.
    func preview(req: Request) async throws -> HTML {
        _ = try req.actor
        let record = try await record(req)
        let form = try record.definition()
        let id = try record.requireID()
        let rows: [HTML] = form.indicators.map { ind in
            let c = ind.code, depth = form.depth(of: c)
            let name: HTML = "<td class=\"indent-\(min(depth, 4))\">\(ind.partOf == true ? "<em>Trong đó:</em> " as HTML : .empty)\(ind.name)</td>"
            if ind.kind == .group { return "<tr class=\"group depth-\(depth)\"><th>\(c)</th>\(name)<td></td><td></td></tr>" }
            let cell: HTML
            switch ind.kind {
            case .percent where ind.isFraction:
                cell = """
                <span class="fraction"><input aria-label="\(ind.numeratorLabel ?? "Tử số") \(c)" size="6" inputmode="decimal"> / \
                <input aria-label="\(ind.denominatorLabel ?? "Mẫu số") \(c)" size="6" inputmode="decimal"></span>
                <small class="muted">\(ind.numeratorLabel ?? "tử số") / \(ind.denominatorLabel ?? "mẫu số")</small>
                """
            case .choice:
                let options: [HTML] = (ind.choices ?? []).map { "<option>\($0.label) (\($0.value))</option>" }
                cell = "<select aria-label=\"\(c)\"><option>—</option>\(options)</select>"
            case .text: cell = "<textarea rows=\"2\" aria-label=\"\(c)\"></textarea>"
            default: cell = "<input aria-label=\"\(c)\" size=\"8\" inputmode=\"decimal\">\(ind.kind == .percent ? " %" as HTML : .empty)"
            }
            return "<tr><th>\(c)</th>\(name)<td>\(ind.unit ?? "")</td><td>\(cell)</td></tr>"
        }
        return Layout.page(request: req, title: "Xem trước \(form.code)", body: """
        <p class="crumbs"><a href="\(SiteURL.Forms.list.path)">Biểu mẫu</a> › <a href="\(SiteURL.Forms.form(.value(id)).path)">\(form.code)</a></p>
        <h1>Xem trước: \(form.title)</h1>
        <p class="muted">Biểu mẫu như đơn vị điền trong báo cáo (bản xem trước: không lưu gì). \
        \(form.indicators.filter(\.isInput).count) dòng số liệu, \(form.rules.count) quy tắc kiểm tra.</p>
        <form class="report-form" action="#" method="get"><table class="stats"><thead><tr><th>Mã</th><th>Chỉ tiêu</th><th>ĐVT</th>\
        <th>Số liệu</th></tr></thead><tbody>\(rows)</tbody></table></form>
        """)
    }
}
