import Fluent
import Vapor
import CCHCDomain

/// A framework: its criteria tree (code, name, max, method, evidence, office), its classes, what its check finds, and — for
/// the standing agency — its JSON to edit (a framework is data, never code) and to download.
enum ParFrameworkPage {
    struct Model {
        var record: ParFrameworkRecord
        var framework: ParFramework
        var problems: [ParProblem]
        var rounds: Int
        var manages: Bool
        var typedJSON: String?
        var failure: ValidationFailure?
        var flash: String?
        var review: [String]

        static func load(_ req: Request, _ record: ParFrameworkRecord) async throws -> Model {
            let actor = try req.actor
            let framework = try record.framework()
            let rounds = try await ParRoundRecord.query(on: req.db).filter(\.$framework.$id == (try record.requireID())).count()
            let review = req.query[String.self, at: "review"] != nil
                ? (req.session.data["par.review"] ?? "").split(separator: "\n").map(String.init) : []
            return Model(record: record, framework: framework, problems: framework.problems(), rounds: rounds, manages: actor.canManage,
                         typedJSON: nil, failure: nil, flash: req.query[String.self, at: "saved"] != nil ? "Đã lưu bộ tiêu chí." : nil,
                         review: review)
        }
    }

    static func describe(_ m: ParMethod?) -> String {
        guard let m else { return "Chấm trực tiếp" }
        let p = ParPoints.text
        switch m {
        case .manual(let step): return "Chấm trực tiếp" + (step.map { ", bước \(p($0))" } ?? "")
        case .boolean: return "Đạt: tối đa; không đạt: 0"
        case .levels(let l): return l.map { "\($0.label): \(p($0.points))" }.joined(separator: "; ")
        case .bands(let what, let b): return (what.map { $0 + ": " } ?? "") + b.map { "\($0.text) → \(p($0.points))" }.joined(separator: "; ")
        case .deduction(let d): return "Yêu cầu \(d.required)/\(d.per.label), thiếu 1 trừ \(p(d.penalty))"
        case .deadline(let d):
            return "Đúng hạn \(p(d.onTime)), chậm \(p(d.late)), không thực hiện \(p(d.missing)) (\(d.duties.map(dutyName).joined(separator: ", ")))"
        case .indicator(let code, let b): return "Chỉ tiêu \(code) của báo cáo năm: " + b.map { "\($0.text) → \(p($0.points))" }.joined(separator: "; ")
        case .bonus(let cap): return "Điểm thưởng, tối đa \(p(cap))"
        case .penalty(let cap): return "Điểm trừ, tối đa \(p(cap))"
        }
    }

    /// "plan" → "kế hoạch CCHC"; "report:Q1" → "báo cáo quý I".
    static func dutyName(_ duty: String) -> String {
        if duty == "plan" { return "kế hoạch CCHC" }
        if duty == "remediation" { return "khắc phục sau kiểm tra" }
        if duty.hasPrefix("report:"), let kind = PeriodKind(code: String(duty.dropFirst("report:".count))) {
            return "báo cáo " + kind.label.lowercasedFirst
        }
        return duty
    }

    static func parentRule(_ c: ParCriterion) -> String {
        "Tổng các tiêu chí thành phần" + (c.noCap == true ? "" : ", tối đa \(ParPoints.text(c.max))")
    }

    static func render(_ m: Model) -> HTML {
        let f = m.framework
        let p = ParPoints.text
        let depth = ParAssessmentView.depths(f)
        let rows: [HTML] = f.criteria.map { c in
            let leaf = f.children(of: c.code).isEmpty
            return "<tr class=\"\(leaf ? "" : "group")\"><td class=\"indent-\(min(depth[c.code] ?? 0, 4))\"><strong>\(c.code)</strong> \(c.name)</td>"
                + "<td class=\"num\">\(p(c.max))</td><td>\(leaf ? describe(c.method) : Self.parentRule(c))"
                + "\(c.notApplicableFull == true ? " · không phát sinh: đủ điểm" : "")</td><td>\(c.evidence ?? "")</td><td>\(c.office ?? "")</td></tr>"
        }
        let classItems: [HTML] = f.classes.map { k in
            let share = k.everyCriterionMinShare.map { " và mọi tiêu chí đạt từ \(NumberFormat.vietnamese($0 * 100)) % điểm tối đa" } ?? ""
            return "<li><strong>\(k.label)</strong>: từ \(p(k.min)) điểm\(share)</li>"
        }
        let classes: HTML = f.classes.isEmpty ? "<p class=\"muted\">Chưa đặt xếp loại.</p>" : "<ul>\(classItems)</ul>"
        let problems: HTML = m.problems.isEmpty ? "<p class=\"flash\">Kiểm tra bộ tiêu chí: không có lỗi.</p>"
            : "<div class=\"warnings\"><strong>Kiểm tra bộ tiêu chí:</strong><ul>"
                + "\(m.problems.map { "<li>\($0.severity == .error ? "Lỗi: " : "")\($0.message)</li>" as HTML })</ul></div>"
        let review: HTML = m.review.isEmpty ? .empty
            : "<div class=\"warnings\"><strong>Cần xem lại sau khi nhập từ Excel (\(m.review.count)):</strong><ul>"
                + "\(m.review.map { "<li>\($0)</li>" as HTML })</ul></div>"
        let errors: HTML = m.failure.map { fl in
            "<div class=\"error-summary\" role=\"alert\"><strong>Chưa lưu được:</strong><ul>\(fl.errors.map { "<li>\($0.message)</li>" as HTML })</ul></div>"
        } ?? .empty
        let json = m.typedJSON ?? m.record.body
        let id = m.record.id ?? 0
        let edit: HTML = m.manages ? """
            <form method="post" action="\(SiteURL.Par.framework(.value(m.record.id ?? 0)).path)" class="card stack">
            <h2>Sửa bộ tiêu chí bằng JSON (cho người thành thạo)</h2>
            \(Revisions.field(m.record.revision))
            <p class="muted">Các trường và phương pháp chấm: xem docs/PAR-INDEX.md. Sửa xong bấm Lưu; \
            bộ tiêu chí đã dùng cho đợt đã công bố thì không sửa được.</p>
            <textarea name="json" rows="18" style="width:100%;font-family:monospace" aria-label="JSON của bộ tiêu chí">\(json)</textarea>
            <p><button type="submit">Lưu bộ tiêu chí</button></p></form>
            """ : .empty
        return """
            <p class="crumbs"><a href="\(SiteURL.Par.index.path)">Chỉ số CCHC</a></p>
            <h1>\(f.title)</h1>
            <div class="card"><dl class="facts"><dt>Mã</dt><dd>\(f.code)</dd><dt>Năm</dt><dd>\(f.year)</dd>
            <dt>Nhóm đơn vị</dt><dd>\(ParService.groupLabel(f.group))</dd>
            <dt>Điểm tối đa</dt><dd>\(p(f.maxTotal))</dd><dt>Số tiêu chí</dt><dd>\(f.criteria.count)</dd>
            <dt>Dùng cho</dt><dd>\(m.rounds) đợt đánh giá</dd></dl></div>
            <p class="actions">\(m.manages ? "<a class=\"button\" href=\"\(SiteURL.Par.frameworkEdit(.value(id)).path)\">Sửa bộ tiêu chí</a> " as HTML
                : .empty)\
            <a class="button secondary" href="\(SiteURL.Par.frameworkPreview(.value(id)).path)">Xem trước khi tự chấm</a> \
            <a href="\(SiteURL.Par.frameworkJSON(.value(id)).path)">Tải JSON</a></p>
            \(errors)\(review)\(problems)
            <h2>Các tiêu chí</h2><div class="table-wrap"><table class="par"><thead><tr><th>Tiêu chí</th><th>Tối đa</th><th>Cách chấm</th>\
            <th>Tài liệu kiểm chứng</th><th>Phụ trách</th></tr></thead><tbody>\(rows)</tbody></table></div>
            <h2>Xếp loại</h2>\(classes)\(edit)
            """
    }
}

/// A framework from what the import form carries: an uploaded .json or .xlsx, or JSON typed in.
enum ParFrameworkFiles {
    static func read(_ form: ParPages.UploadForm, req: Request) throws -> (ParFramework, [String]) {
        if let file = form.file, file.data.readableBytes > 0 {
            var buffer = file.data
            let data = buffer.readData(length: buffer.readableBytes) ?? Data()
            if data.starts(with: [0x50, 0x4B]) {
                var errors: [FieldError] = []
                let code = form.code?.trimmingCharacters(in: .whitespaces) ?? ""
                let title = form.title?.trimmingCharacters(in: .whitespaces) ?? ""
                let group = form.group?.trimmingCharacters(in: .whitespaces) ?? ""
                if code.isEmpty { errors.append(FieldError(field: "code", message: "Mã bộ tiêu chí: chưa nhập (bảng Excel không có mã)")) }
                if title.isEmpty { errors.append(FieldError(field: "title", message: "Tên bộ tiêu chí: chưa nhập")) }
                if group.isEmpty { errors.append(FieldError(field: "group", message: "Nhóm đơn vị: chưa nhập (vd: communes)")) }
                guard let year = form.year.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), (2000...2100).contains(year) else {
                    throw ValidationFailure(errors + [FieldError(field: "year", message: "Năm: phải là năm, vd 2020")])
                }
                if !errors.isEmpty { throw ValidationFailure(errors) }
                let read = try ParFiles.frameworkFromXLSX(data, code: code, title: title, year: year, group: group)
                return (read.framework, read.review.map { String(describing: $0) })
            }
            return (try ParFramework.read(json: data), [])
        }
        guard let json = form.json, !json.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ValidationFailure(field: "file", "Chưa chọn tệp, cũng chưa dán JSON của bộ tiêu chí.")
        }
        return (try ParFramework.read(json: Data(json.utf8)), [])
    }
}
