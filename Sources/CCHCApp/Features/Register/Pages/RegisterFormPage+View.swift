import Foundation
import CCHCDomain

extension RegisterFormPage {
    /// Renders a register document, or the new document's form, from its model alone.
    enum View {}
}

extension RegisterFormPage.View {
    static func title(_ model: RegisterFormPage.Model) -> String {
        model.editing.map { "Văn bản \($0.numberText) — \(model.unit.name)" } ?? "Vào sổ văn bản mới — \(model.unit.name)"
    }

    static func render(_ model: RegisterFormPage.Model) -> HTML {
        let unitID = model.unit.id ?? 0
        let year = model.editing?.year ?? model.proposalYear
        let register = SiteURL.Documents.list(.value(unitID)).relativeURL(parameters: [QueryParameter("year", year)])
        let crumbs: HTML = (model.ancestors + [model.unit]).map {
            "<a href=\"\(SiteURL.Units.unit(.value($0.id ?? 0)).path)\">\($0.name)</a> › " as HTML
        }.joined() + "<a href=\"\(register)\">Sổ đăng ký văn bản đi năm \(year)</a>"
        let conflict: HTML = model.conflict.map { "<div class=\"error-summary\" role=\"alert\">\($0)</div>" as HTML } ?? .empty
        let body: HTML
        if let document = model.editing {
            body = facts(document, model) + findings(model)
                + (model.canKeep ? form(model) + attachmentForm(document, model) + deleteForm(document, model) : .empty)
        } else if model.canKeep {
            body = proposal(model) + form(model)
        } else {
            body = "<p class=\"muted\">Bạn chỉ được xem sổ đăng ký của đơn vị này.</p>"
        }
        return """
        <p class="crumbs">\(crumbs)</p>
        <h1>\(title(model))</h1>
        \(conflict)\(Layout.errorSummary(model.failure))
        \(body)
        """
    }

    private static func facts(_ d: RegisterDocument, _ model: RegisterFormPage.Model) -> HTML {
        let unitID = model.unit.id ?? 0, id = d.id ?? 0
        let file: HTML = model.attachment.map { a in
            let size = NumberFormat.vietnamese(Double(a.size) / 1024, maxFractionDigits: 1)
            return "<a href=\"\(SiteURL.Documents.attachment(.value(unitID), .value(id)).path)\">\(a.name)</a> (\(size) KB)" as HTML
        } ?? "<span class=\"muted\">chưa có</span>"
        let source: HTML = d.sourceKind.map { kind in
            let label = ["plan": "kế hoạch", "report": "báo cáo định kỳ", "inspection": "kết luận kiểm tra"][kind] ?? kind
            return "<dt>Nguồn</dt><dd>Do hệ thống vào sổ từ \(label) (mã \(d.sourceID ?? 0))</dd>" as HTML
        } ?? .empty
        let warnings: HTML = model.warnings.isEmpty ? .empty
            : "<div class=\"warnings\" role=\"note\"><ul>\(model.warnings.map { "<li>\($0)</li>" as HTML })</ul></div>"
        let updated: HTML = d.updatedAt.map { at in
            "<dt>Sửa lần cuối</dt><dd>\(VNDate.display(at)) — \(d.updatedBy ?? "")</dd>" as HTML
        } ?? .empty
        return """
        \(warnings)
        <div class="card"><dl class="facts">
        <dt>Số, ký hiệu</dt><dd>\(d.numberText)</dd><dt>Ngày ban hành</dt><dd>\(VNDate.display(iso: d.issuedOn))</dd>
        <dt>Loại văn bản</dt><dd>\(d.documentType.name)</dd><dt>Trích yếu</dt><dd>\(d.summary)</dd>
        <dt>Người ký</dt><dd>\(d.signer ?? "—")</dd><dt>Chỉ đạo CCHC</dt><dd>\(d.directsCCHC ? "Có" : "Không")</dd>
        <dt>Lĩnh vực</dt><dd>\(d.area.flatMap(ReformArea.init(rawValue:))?.title ?? "—")</dd><dt>Tệp đính kèm</dt><dd>\(file)</dd>
        \(source)<dt>Vào sổ</dt><dd>\(VNDate.display(d.createdAt)) — \(d.createdBy)</dd>\(updated)
        </dl></div>
        """
    }

    /// Each citation of the document against the registers: the slips first.
    private static func findings(_ model: RegisterFormPage.Model) -> HTML {
        guard !model.findings.isEmpty else { return .empty }
        let ordered = model.findings.filter(\.isFlagged) + model.findings.filter { !$0.isFlagged }
        let items: [HTML] = ordered.map { f in
            let tag: HTML = switch f.verdict {
            case .matches: "<span class=\"tag ok\">khớp</span>"
            case .notRegistered: "<span class=\"tag\">chưa có trong sổ</span>"
            default: "<span class=\"tag warn\">chưa khớp</span>"
            }
            return "<li>\(tag) \(f.message)</li>" as HTML
        }
        return "<h2>Văn bản được dẫn chiếu (\(model.findings.count))</h2><ul class=\"findings\">\(items)</ul>"
    }

    /// The kind and year to propose a number for (a GET form: works without script), and the next numbers.
    private static func proposal(_ model: RegisterFormPage.Model) -> HTML {
        let types = Layout.options(DocumentType.all, selected: model.proposalType.code, value: \.code, label: { "\($0.name) (\($0.code))" })
        let next: [HTML] = ["KH", "BC", "CV", "QĐ", "TB", "HD", "KL"].compactMap(DocumentType.code).map { t in
            "\(t.name) \(model.next[t.code] ?? 1)" as HTML
        }
        return """
        <form class="search" method="get" action="\(SiteURL.Documents.new(.value(model.unit.id ?? 0)).path)">
        <label>Loại văn bản <select name="type">\(types)</select></label>
        <label>Năm <input name="year" value="\(model.proposalYear)" size="5" inputmode="numeric"></label>
        <button type="submit" class="secondary">Đề xuất số</button></form>
        <p class="muted">Số tiếp theo năm \(model.proposalYear) (mỗi loại một dãy số): \
        \(HTML(raw: next.map(\.raw).joined(separator: " · ")))</p>
        """
    }

    private static func form(_ model: RegisterFormPage.Model) -> HTML {
        let v = model.values, failure = model.failure, unitID = model.unit.id ?? 0
        let action = model.editing.map { SiteURL.Documents.document(.value(unitID), .value($0.id ?? 0)).path }
            ?? SiteURL.Documents.list(.value(unitID)).path
        let areas = Layout.options(ReformArea.allCases, selected: v.area, value: \.rawValue, label: { "\($0.number). \($0.title)" })
        let revision: HTML = model.revision.map { Revisions.field($0) } ?? .empty
        return """
        \(model.editing == nil ? "" : "<h2>Sửa thông tin văn bản</h2>" as HTML)
        <form method="post" action="\(action)" class="stack card">\(revision)
        <label for="number">Số, ký hiệu</label>
        <input id="number" name="number" value="\(v.number)" placeholder="vd: 164/UBND-NV, 10/KH-UBND" required>
        <p class="muted">Loại văn bản đọc từ ký hiệu: KH kế hoạch, BC báo cáo, QĐ quyết định …; không có chữ viết tắt loại là công văn.</p>
        \(Layout.errors(failure, "number"))\(Layout.errors(failure, "type"))
        <label for="issuedOn">Ngày ban hành</label>
        <input id="issuedOn" name="issuedOn" value="\(v.issuedOn)" placeholder="dd/mm/yyyy" required>
        \(Layout.errors(failure, "issuedOn"))
        <label for="summary">Trích yếu nội dung</label>
        <textarea id="summary" name="summary" rows="3" required>\(v.summary)</textarea>
        \(Layout.errors(failure, "summary"))
        <label for="signer">Người ký</label>
        <input id="signer" name="signer" value="\(v.signer ?? "")" placeholder="vd: Trần Việt Hà">
        \(Layout.errors(failure, "signer"))
        <label><input type="checkbox" name="directsCCHC" value="on"\(HTML.attr("checked", if: v.directsCCHC))> \
        Văn bản chỉ đạo, điều hành CCHC (tính vào chỉ tiêu 1.1.3 và Phụ lục 3A)</label>
        <label for="area">Lĩnh vực cải cách</label>
        <select id="area" name="area"><option value="">— không thuộc lĩnh vực nào —</option>\(areas)</select>
        \(Layout.errors(failure, "area"))
        <label for="citedText">Văn bản dẫn chiếu (đoạn “Căn cứ…”, “Thực hiện…” của văn bản)</label>
        <textarea id="citedText" name="citedText" rows="4" \
        placeholder="vd: Thực hiện Kế hoạch số 10/KH-UBND-NV ngày 22/01/2021 của UBND huyện …">\(v.citedText ?? "")</textarea>
        \(Layout.errors(failure, "citedText"))
        <p><button type="submit">\(model.editing == nil ? "Vào sổ" : "Lưu thay đổi")</button></p>
        </form>
        """
    }

    private static func attachmentForm(_ d: RegisterDocument, _ model: RegisterFormPage.Model) -> HTML {
        let action = SiteURL.Documents.attachment(.value(model.unit.id ?? 0), .value(d.id ?? 0)).path
        let types = AttachmentRules.types.map { "." + $0.ext }.filter { $0 != ".jpeg" }.joined(separator: ", ")
        return """
        <h2>\(model.attachment == nil ? "Đính kèm tệp" : "Thay tệp đính kèm")</h2>
        <form method="post" action="\(action)" enctype="multipart/form-data" class="stack card">
        <input type="file" name="file" aria-label="Tệp đính kèm" required>
        <p class="muted">Nhận \(types); tối đa 10 MB.</p>\(Layout.errors(model.failure, "file"))
        <p><button type="submit">Tải lên</button></p></form>
        """
    }

    private static func deleteForm(_ d: RegisterDocument, _ model: RegisterFormPage.Model) -> HTML {
        let action = SiteURL.Documents.delete(.value(model.unit.id ?? 0), .value(d.id ?? 0)).path
        return """
        <form method="post" action="\(action)" class="inline">\(Revisions.field(model.revision ?? d.revision))\
        <button type="submit" class="secondary">Xóa văn bản khỏi sổ</button></form>
        """
    }
}
