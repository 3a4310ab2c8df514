import Fluent
import Vapor
import CCHCDomain

/// Statistics forms: list, view the indicator tree, import JSON, export JSON.
struct FormPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.Forms.list.pathComponents, use: list).access(.reference)
        routes.post(SiteURL.Forms.import.pathComponents, use: importForm).access(.reference)
        routes.get(SiteURL.Forms.form(.key).pathComponents, use: show).access(.reference)
        routes.get(SiteURL.Forms.export(.key).pathComponents, use: export).access(.reference)
    }

    func list(req: Request) async throws -> HTML {
        let actor = try req.actor
        return try await page(req, actor: actor, failure: nil, typed: nil)
    }

    private func page(_ req: Request, actor: Actor, failure: ValidationFailure?, typed: String?) async throws -> HTML {
        let forms = try await FormRecord.query(on: req.db).sort(\.$year, .descending).sort(\.$code).all()
        let owners = try await Unit.query(on: req.db).filter(\.$id ~~ forms.compactMap(\.ownerID)).all()
        let rows: [HTML] = forms.map { f in
            let owner = f.ownerID.flatMap { id in owners.first { $0.id == id }?.name } ?? "Hệ thống (dùng chung)"
            return """
                <tr><td><a href="\(SiteURL.Forms.form(.value(f.id ?? 0)).path)">\(f.code)</a></td><td>\(f.title)</td><td>\(f.year)</td><td>\(owner)</td>\
                <td>\(f.revision)</td><td><a href="\(SiteURL.Forms.export(.value(f.id ?? 0)).path)">JSON</a></td></tr>
                """
        }
        let importHTML: HTML = actor.canManage ? """
            <h2>Nhập biểu mẫu (JSON)</h2>
            \(Layout.errorSummary(failure))
            <form method="post" action="\(SiteURL.Forms.import.path)" class="stack card">
            <label for="json">Nội dung tệp JSON của biểu mẫu. Mã mới: biểu mẫu của đơn vị bạn. \
            Cùng mã và năm: bản sửa của biểu mẫu đó — chỉ đơn vị ban hành được sửa, bản cũ được lưu lại, \
            và khi đã có báo cáo thì không được bỏ chỉ tiêu hay đổi loại chỉ tiêu.</label>
            <textarea id="json" name="json" rows="10" style="width:100%;font-family:monospace">\(typed ?? "")</textarea>
            <p><button type="submit">Nhập</button></p></form>
            """ : .empty
        return Layout.page(request: req, title: "Biểu mẫu thống kê", body: """
        <h1>Biểu mẫu thống kê</h1>
        <table><thead><tr><th>Mã</th><th>Tên</th><th>Năm</th><th>Đơn vị ban hành</th><th>Lần sửa</th><th>Xuất</th></tr></thead>\
        <tbody>\(rows)</tbody></table>
        \(importHTML)
        """)
    }

    func importForm(req: Request) async throws -> Response {
        let actor = try req.actor
        guard actor.canManage else { throw CCHCError.forbidden }
        let text = FormBody(req)["json"] ?? ""
        do {
            let (record, _) = try await FormService.importForm(Data(text.utf8), on: req.db, actor: actor, now: req.now)
            return req.redirect(to: SiteURL.Forms.form(.value(try record.requireID())).path)
        } catch let failure as ValidationFailure {
            return try await page(req, actor: actor, failure: failure, typed: text).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    func show(req: Request) async throws -> HTML {
        _ = try req.actor
        guard let record = try await FormRecord.find(try req.idParameter("formID"), on: req.db) else { throw CCHCError.notFound() }
        let form = try record.definition()
        let rows: [HTML] = form.indicators.map { ind in
            let depth = form.depth(of: ind.code)
            var kind = ind.kind.label
            if ind.isFraction { kind += " (tử số/mẫu số)" }
            if let choices = ind.choices { kind += ": " + choices.map { "\($0.label) = \($0.value)" }.joined(separator: "; ") }
            return """
                <tr\(HTML.attr("class=\"group\"", if: ind.kind == .group))><th>\(ind.code)</th>\
                <td class="indent-\(min(depth, 4))">\(ind.partOf == true ? "<em>Trong đó:</em> " as HTML : .empty)\(ind.name)</td>\
                <td>\(ind.unit ?? "")</td><td>\(kind)</td><td>\(ind.kind == .group ? "" : ind.effectiveMeasure.label)</td>\
                <td>\(form.office(of: ind.code) ?? "")</td></tr>
                """

        }
        let saved: HTML = (try? req.query.get(String.self, at: "saved")) == "1"
            ? "<p class=\"flash\" role=\"status\">Đã lưu biểu mẫu (lần sửa \(record.revision)).</p>" : .empty
        let editLink: HTML = FormEditorPage.canEdit(record, try req.actor)
            ? "<a class=\"button\" href=\"\(SiteURL.Forms.edit(.value(try record.requireID())).path)\">Sửa biểu mẫu</a> " : .empty
        return Layout.page(request: req, title: form.title, body: """
        <p class="crumbs"><a href="\(SiteURL.Forms.list.path)">Biểu mẫu</a></p>
        <h1>\(form.title) (\(form.code), năm \(form.year))</h1>
        \(form.source.map { "<p class=\"muted\">\($0)</p>" as HTML } ?? .empty)
        \(saved)
        <p>\(editLink)\
        <a class="button secondary" href="\(SiteURL.Forms.preview(.value(try record.requireID())).path)">Xem trước khi điền</a> \
        <a class="button secondary" href="\(SiteURL.Forms.export(.value(try record.requireID())).path)">Tải JSON</a></p>
        <table><thead><tr><th>Mã</th><th>Chỉ tiêu</th><th>ĐVT</th><th>Loại</th><th>Tính</th><th>Cơ quan</th></tr></thead><tbody>\(rows)</tbody></table>
        <h2>Quy tắc kiểm tra (\(form.rules.count))</h2>
        <ul>\(form.rules.map { "<li><code>\($0.expr)</code> — \($0.message)</li>" as HTML })</ul>
        """)
    }

    func export(req: Request) async throws -> Response {
        _ = try req.actor
        guard let record = try await FormRecord.find(try req.idParameter("formID"), on: req.db) else { throw CCHCError.notFound() }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/json; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(record.code)-\(record.year).json\"")
        return Response(status: .ok, headers: headers, body: .init(string: try FormCodec.encode(try record.definition())))
    }
}
