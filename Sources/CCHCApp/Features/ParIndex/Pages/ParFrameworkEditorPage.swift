import Fluent
import Vapor
import CCHCDomain

/// A PAR-index framework for people (issue 15 §7), like the forms' editor: its criteria tree with each criterion's name,
/// maximum, evidence and office editable, its title and classes, and a preview of the self-assessment as a unit fills it.
/// It saves through the same path as the JSON (`ParService.save`): the same checks (each method's points against its
/// criterion's maximum, the classes in order), the same revision, the same "not once a round is published". The scoring
/// methods and the tree's shape stay in the JSON, for experts.
struct ParFrameworkEditorPage: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.Par.frameworkEdit(.key).pathComponents, use: edit).access(.reference)
        routes.post(SiteURL.Par.frameworkEdit(.key).pathComponents, use: save).access(.reference)
        routes.get(SiteURL.Par.frameworkPreview(.key).pathComponents, use: preview).access(.reference)
    }

    private static let refusal = CCHCError(.forbidden, "Chỉ cơ quan thường trực CCHC (hoặc quản trị viên) được sửa bộ tiêu chí.")

    func edit(req: Request) async throws -> HTML {
        let actor = try req.actor
        guard actor.canManage else { throw Self.refusal }
        let record = try await ParQueries.framework(try req.idParameter("frameworkID"), on: req.db)
        return try page(req, record, framework: try record.framework(), typed: nil, failure: nil)
    }

    func save(req: Request) async throws -> Response {
        let actor = try req.actor
        guard actor.canManage else { throw Self.refusal }
        let record = try await ParQueries.framework(try req.idParameter("frameworkID"), on: req.db)
        let typed = FormBody(req)
        let (edited, errors) = Self.apply(typed, to: try record.framework())
        do {
            if !errors.isEmpty { throw ValidationFailure(errors) }
            let saved = try await ParService(db: req.db, actor: actor, now: req.now)
                .save(edited, expectedRevision: typed["revision"].flatMap { Int($0) }, replacing: try record.requireID())
            return req.redirect(to: SiteURL.Par.framework(.value(try saved.requireID())).relativeURL(parameters: [QueryParameter("saved", 1)]))
        } catch let failure as ValidationFailure {
            return try await page(req, record, framework: edited, typed: typed, failure: failure).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    /// The framework with what was typed: the title, each criterion's name, maximum, evidence, office and "không phát sinh",
    /// the classes (an empty name drops a class; the two empty lines add new ones). A maximum that is not a number is named.
    static func apply(_ typed: FormBody, to original: ParFramework) -> (ParFramework, [FieldError]) {
        var f = original
        var errors: [FieldError] = []
        func text(_ key: String) -> String? { typed[key].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } }
        func points(_ key: String, _ what: String) -> Double? {
            guard let t = text(key), !t.isEmpty else { return nil }
            guard let n = NumberFormat.parse(t), n >= 0 else {
                errors.append(FieldError(field: key, message: "\(what): “\(t)” không phải là số điểm (vd 2 hoặc 0,5)."))
                return nil
            }
            return n
        }
        if let title = text("title"), !title.isEmpty { f.title = title }
        let submitted = typed["title"] != nil
        for i in f.criteria.indices {
            let c = f.criteria[i].code
            if let name = text("name:\(c)"), !name.isEmpty { f.criteria[i].name = name }
            if let max = points("max:\(c)", "Điểm tối đa tiêu chí \(c)") { f.criteria[i].max = max }
            if let evidence = text("evidence:\(c)") { f.criteria[i].evidence = evidence.isEmpty ? nil : evidence }
            if let office = text("office:\(c)") { f.criteria[i].office = office.isEmpty ? nil : office }
            if submitted, f.children(of: c).isEmpty { f.criteria[i].notApplicableFull = typed["na:\(c)"] != nil ? true : nil }
        }
        let labels = typed.all("classLabel"), minima = typed.all("classMin")
        if !labels.isEmpty {
            f.classes = labels.enumerated().compactMap { i, raw in
                let label = raw.trimmingCharacters(in: .whitespaces)
                guard !label.isEmpty else { return nil }
                let typedMin = i < minima.count ? minima[i].trimmingCharacters(in: .whitespaces) : ""
                guard let min = NumberFormat.parse(typedMin) else {
                    errors.append(FieldError(field: "classMin", message: "Xếp loại “\(label)”: điểm tối thiểu “\(typedMin)” không phải là số."))
                    return nil
                }
                let share = i < original.classes.count && original.classes[i].label == label ? original.classes[i].everyCriterionMinShare : nil
                return ParClass(label: label, min: min, everyCriterionMinShare: share)
            }
        }
        return (f, errors)
    }

    private func page(_ req: Request, _ record: ParFrameworkRecord, framework f: ParFramework, typed: FormBody?,
                      failure: ValidationFailure?) throws -> HTML {
        let id = try record.requireID()
        let depth = ParAssessmentView.depths(f)
        let p = ParPoints.text
        let rows: [HTML] = f.criteria.map { c in
            let code = c.code, leaf = f.children(of: code).isEmpty
            let how: HTML = leaf ? "\(ParFrameworkPage.describe(c.method))" : "\(ParFrameworkPage.parentRule(c))"
            let checked = HTML.attr("checked", if: c.notApplicableFull == true)
            let na: HTML = leaf ? "<label><input type=\"checkbox\" name=\"na:\(code)\" style=\"width:auto\"\(checked)> "
                + "không phát sinh: đủ điểm</label>" : .empty
            return """
                <tr class="\(leaf ? "" : "group")" id="c-\(code)"><td class="indent-\(min(depth[code] ?? 0, 4))"><strong>\(code)</strong> \
                <textarea name="name:\(code)" rows="2" aria-label="Tên tiêu chí \(code)">\(c.name)</textarea></td>\
                <td><input name="max:\(code)" value="\(p(c.max))" aria-label="Điểm tối đa tiêu chí \(code)" style="width:4.5rem" inputmode="decimal"></td>\
                <td><small>\(how)</small>\(leaf ? "<br>" as HTML : .empty)\(na)</td>\
                <td><textarea name="evidence:\(code)" rows="2" aria-label="Tài liệu kiểm chứng tiêu chí \(code)">\(c.evidence ?? "")</textarea></td>\
                <td><textarea name="office:\(code)" rows="2" aria-label="Cơ quan phụ trách tiêu chí \(code)">\(c.office ?? "")</textarea></td></tr>
                """
        }
        let classRows: [HTML] = (f.classes + Array(repeating: ParClass(label: "", min: 0), count: 2)).enumerated().map { i, k in
            """
            <tr><td><input name="classLabel" value="\(k.label)" aria-label="Tên xếp loại \(i + 1)" size="20" placeholder="vd: Tốt"></td>\
            <td><input name="classMin" value="\(k.label.isEmpty ? "" : p(k.min))" aria-label="Điểm tối thiểu xếp loại \(i + 1)" size="6" \
            inputmode="decimal"></td>\
            <td class="muted">\(k.everyCriterionMinShare.map { "và mọi tiêu chí đạt từ \(NumberFormat.vietnamese($0 * 100)) %" } ?? "")</td></tr>
            """
        }
        return Layout.page(request: req, title: "Sửa bộ tiêu chí \(f.code) năm \(f.year)", body: """
        <p class="crumbs"><a href="\(SiteURL.Par.index.path)">Chỉ số CCHC</a> › <a href="\(SiteURL.Par.framework(.value(id)).path)">\(f.code)</a></p>
        <h1>Sửa bộ tiêu chí \(f.code) năm \(f.year)</h1>
        <p class="muted">Sửa tên, điểm tối đa, tài liệu kiểm chứng, cơ quan phụ trách của từng tiêu chí và các mức xếp loại. \
        Điểm của tiêu chí lớn là tổng các tiêu chí thành phần, không vượt điểm tối đa của nó; mức điểm của cách chấm không được \
        vượt điểm tối đa của tiêu chí (hệ thống kiểm tra khi lưu). Mã, cây tiêu chí và \
        cách chấm giữ nguyên (đổi những điều đó: tải JSON, sửa và lưu ở trang bộ tiêu chí). Bộ tiêu chí đã dùng cho đợt đã công \
        bố thì không sửa được.</p>
        \(Layout.errorSummary(failure))
        <form method="post" action="\(SiteURL.Par.frameworkEdit(.value(id)).path)" class="form-editor">
        <input type="hidden" name="revision" value="\(typed?["revision"] ?? String(record.revision))">
        <p><label>Tên bộ tiêu chí <input name="title" value="\(f.title)" size="60"></label></p>
        <div class="table-wrap"><table class="par edit"><thead><tr><th>Tiêu chí</th><th>Tối đa</th>\
        <th>Cách chấm</th><th>Tài liệu kiểm chứng</th><th>Phụ trách</th></tr></thead><tbody>\(rows)</tbody></table></div>
        <h2>Xếp loại</h2>
        <p class="muted">Từ cao xuống thấp: đơn vị được xếp loại đầu tiên mà tổng điểm đạt mức tối thiểu. Xóa tên để bỏ một mức.</p>
        <div class="table-wrap"><table><thead><tr><th>Xếp loại</th><th>Từ (điểm)</th><th>Điều kiện thêm</th></tr></thead>\
        <tbody>\(classRows)</tbody></table></div>
        <p class="sticky-save"><button type="submit">Lưu bộ tiêu chí</button> \
        <a class="button secondary" href="\(SiteURL.Par.frameworkPreview(.value(id)).path)">Xem trước khi tự chấm</a></p>
        </form>
        """)
    }

    /// The self-assessment as a unit fills it: each criterion with its box and evidence, nothing saved.
    func preview(req: Request) async throws -> HTML {
        _ = try req.actor
        let record = try await ParQueries.framework(try req.idParameter("frameworkID"), on: req.db)
        let f = try record.framework()
        let id = try record.requireID()
        let depth = ParAssessmentView.depths(f)
        let p = ParPoints.text
        let rows: [HTML] = f.criteria.map { c in
            let code = c.code
            let name: HTML = "<td class=\"indent-\(min(depth[code] ?? 0, 4))\"><strong>\(code)</strong> \(c.name)</td>"
            guard f.children(of: code).isEmpty else {
                return "<tr class=\"group\">\(name)<td class=\"num\">\(p(c.max))</td>"
                    + "<td colspan=\"3\" class=\"muted\">\(ParFrameworkPage.parentRule(c))</td></tr>"
            }
            // The same box and hint the self-assessment page gives (a level's name, "Đạt"/"Không đạt", a rate, a count …).
            let box: HTML
            switch c.method {
            case .deadline?, .indicator?:
                box = "<span class=\"muted\">Hệ thống tính: \(ParFrameworkPage.describe(c.method))</span>"
            default:
                box = "<input aria-label=\"Tự chấm tiêu chí \(code)\" placeholder=\"\(ParInputText.hint(for: c))\">"
                    + "<br><span class=\"muted\">\(ParFrameworkPage.describe(c.method))</span>"
            }
            return """
                <tr>\(name)<td class="num">\(p(c.max))</td><td>\(box)</td>\
                <td><textarea rows="2" aria-label="Tài liệu kiểm chứng tiêu chí \(code)" placeholder="\(c.evidence ?? "")"></textarea></td>\
                <td><textarea rows="2" aria-label="Giải trình tiêu chí \(code)" placeholder="Bắt buộc khi không có tài liệu kiểm chứng"></textarea></td></tr>
                """
        }
        return Layout.page(request: req, title: "Xem trước \(f.code)", body: """
        <p class="crumbs"><a href="\(SiteURL.Par.index.path)">Chỉ số CCHC</a> › <a href="\(SiteURL.Par.framework(.value(id)).path)">\(f.code)</a></p>
        <h1>Xem trước: \(f.title)</h1>
        <p class="muted">Bảng tự chấm như đơn vị điền trong đợt đánh giá (bản xem trước: không lưu gì). \
        \(f.criteria.filter { f.children(of: $0.code).isEmpty }.count) tiêu chí chấm điểm, tổng tối đa \(p(f.maxTotal)) điểm.</p>
        <form action="#" method="get"><div class="table-wrap"><table class="par edit"><thead><tr><th>Tiêu chí</th><th>Tối đa</th>\
        <th>Tự chấm</th><th>Tài liệu kiểm chứng</th><th>Giải trình</th></tr></thead><tbody>\(rows)</tbody></table></div></form>
        """)
    }
}
