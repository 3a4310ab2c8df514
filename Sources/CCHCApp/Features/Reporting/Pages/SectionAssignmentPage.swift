import Fluent
import Vapor
import CCHCDomain

/// The standing agency assigns sections or rows of the regime's form to the jurisdiction's offices
/// (seed 000 §II.2). A row without its own assignment follows its section's.
struct SectionAssignmentPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.Reports.regimeOffices(.key, .key).pathComponents, use: show).access(.scoped)
        routes.post(SiteURL.Reports.regimeOffices(.key, .key).pathComponents, use: save).access(.scoped)
    }

    func show(req: Request) async throws -> HTML {
        let unit = try await UnitQueries.readable(try req.idParameter("unitID"), by: try req.actor, on: req.db)
        let sheet = try await SectionAssignmentService.sheet(jurisdiction: unit, year: try RegimePages.year(req), on: req.db)
        let saved = (try? req.query.get(String.self, at: "saved")) == "1"
        return try render(req, sheet, chosen: sheet.assigned.isEmpty ? sheet.suggested : sheet.assigned, failure: nil,
                          flash: saved ? "Đã lưu phân công." : nil)
    }

    func save(req: Request) async throws -> Response {
        let actor = try req.actor
        let unit = try await UnitQueries.manageable(try req.idParameter("unitID"), by: actor, on: req.db)
        let sheet = try await SectionAssignmentService.sheet(jurisdiction: unit, year: try RegimePages.year(req), on: req.db)
        let form = FormBody(req)
        var chosen: [String: Int] = [:]
        var errors: [FieldError] = []
        for (code, value) in form.prefixed("office") where !value.isEmpty {
            if let id = Int(value) { chosen[code] = id } else {
                errors.append(FieldError(field: "office:\(code)", message: "Dòng \(code): “\(value.prefix(20))” không phải là một cơ quan."))
            }
        }
        do {
            guard errors.isEmpty else { throw ValidationFailure(errors) }
            try await SectionAssignmentService(db: req.db, actor: actor, now: req.now).save(chosen, sheet: sheet)
            return req.redirect(to: SiteURL.Reports.regimeOffices(.value(try unit.requireID()), .value(sheet.regime.year))
                .relativeURL(parameters: [QueryParameter("saved", 1)]))
        } catch let failure as ValidationFailure {
            return try await render(req, sheet, chosen: chosen, failure: failure, flash: nil).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    func render(_ req: Request, _ sheet: SectionAssignmentService.Sheet, chosen: [String: Int], failure: ValidationFailure?,
                flash: String?) throws -> HTML {
        let unitID = try sheet.jurisdiction.requireID()
        let editable = (try? req.actor)?.scope.canManage(sheet.jurisdiction.unitPath) ?? false
        let names = Dictionary(sheet.offices.compactMap { o in o.id.map { ($0, o.name) } }, uniquingKeysWith: { a, _ in a })
        let rows: [HTML] = sheet.form.indicators.map { ind in
            let depth = sheet.form.depth(of: ind.code)
            let inherited = ind.parent.flatMap { SectionAssignments.owner(of: $0, form: sheet.form, assignments: chosen) }
            let owner = SectionAssignments.owner(of: ind.code, form: sheet.form, assignments: chosen)
            let options = Layout.options(sheet.offices, selected: chosen[ind.code].map(String.init), value: { String($0.id ?? 0) }, label: { $0.name })
            let follow = inherited.flatMap { names[$0] }.map { "(theo mục trên: \($0))" } ?? "(chưa giao)"
            let control: HTML = editable
                ? "<select name=\"office:\(ind.code)\" aria-label=\"Cơ quan trả lời dòng \(ind.code)\"><option value=\"\">\(follow)</option>\(options)</select>"
                : "\(owner.flatMap { names[$0] } ?? "—")"
            return """
                <tr class="\(ind.kind == .group ? "group" : "") depth-\(depth)"><th>\(ind.code)</th><td class="indent-\(min(depth, 4))">\(ind.name)</td>\
                <td class="muted">\(ind.office ?? "")</td><td>\(control)\(Layout.errors(failure, "office:\(ind.code)"))</td></tr>
                """
        }
        let suggestedNote: HTML = sheet.assigned.isEmpty && !sheet.suggested.isEmpty
            ? "<p class=\"warnings\">Chưa có phân công: các ô đang điền sẵn theo cột “Cơ quan” của biểu mẫu. Bấm Lưu để áp dụng.</p>" : .empty
        let unmatched: HTML = sheet.unmatched.isEmpty ? .empty
            : "<p class=\"muted\">Biểu mẫu ghi cơ quan chưa có trong \(sheet.jurisdiction.name): \(sheet.unmatched.joined(separator: "; ")).</p>"
        let action = SiteURL.Reports.regimeOffices(.value(unitID), .value(sheet.regime.year)).path
        let table: HTML = """
            <table class="stats"><thead><tr><th>Mã</th><th>Chỉ tiêu</th><th>Cơ quan theo biểu mẫu</th><th>Cơ quan trả lời</th></tr></thead>\
            <tbody>\(rows)</tbody></table>
            """
        return Layout.page(request: req, title: "Phân công cơ quan trả lời biểu", flash: flash, body: """
            <p class="crumbs"><a href="\(SiteURL.Units.unit(.value(unitID)).path)">\(sheet.jurisdiction.name)</a> › \
            <a href="\(SiteURL.Reports.regime(.value(unitID), .value(sheet.regime.year)).path)">Chế độ báo cáo năm \(sheet.regime.year)</a></p>
            <h1>Cơ quan chuyên môn trả lời các mục của biểu \(sheet.form.code) — năm \(sheet.regime.year)</h1>
            <p class="muted">Giao một mục thì mọi dòng trong mục đó thuộc cơ quan được giao; giao riêng một dòng thì dòng đó theo phân công riêng.</p>
            \(suggestedNote)\(unmatched)\(Layout.errorSummary(failure))
            \(editable ? "<form method=\"post\" action=\"\(action)\">\(table)<p><button type=\"submit\">Lưu phân công</button></p></form>" as HTML : table)
            """)
    }
}
