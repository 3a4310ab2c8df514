import Foundation
import CCHCDomain

extension RegisterListPage {
    /// Renders a unit's register from its model alone.
    enum View {}
}

extension RegisterListPage.View {
    static func title(_ model: RegisterListPage.Model) -> String { "Sổ đăng ký văn bản đi — \(model.unit.name) — năm \(model.filter.year)" }

    static func render(_ model: RegisterListPage.Model) -> HTML {
        let unitID = model.unit.id ?? 0, filter = model.filter
        let crumbs: HTML = (model.ancestors + [model.unit]).map {
            "<a href=\"\(SiteURL.Units.unit(.value($0.id ?? 0)).path)\">\($0.name)</a> › " as HTML
        }.joined()
        let rows: [HTML] = model.documents.map { d in row(d, model) }
        let table: HTML = model.documents.isEmpty
            ? "<p class=\"muted\">Không có văn bản nào\(filter == .init(year: filter.year) ? "" : " khớp bộ lọc") "
                + "trong năm \(filter.year).\(filter == .init(year: filter.year) ? "" : " Hãy bỏ bớt điều kiện lọc hoặc xem năm khác.")</p>"
            : """
              <table class="register"><thead><tr><th>Số, ký hiệu</th><th>Ngày ban hành</th><th>Loại</th><th>Trích yếu</th>\
              <th>Người ký</th><th>Chỉ đạo CCHC</th><th>Lĩnh vực</th><th>Tệp</th></tr></thead><tbody>\(rows)</tbody></table>
              """
        let newLink = SiteURL.Documents.new(.value(unitID)).relativeURL(parameters: [QueryParameter("year", filter.year)])
        let actions: HTML = model.canKeep ? "<p><a class=\"button\" href=\"\(newLink)\">Vào sổ văn bản mới</a></p>" : .empty
        return """
        <p class="crumbs">\(crumbs)</p>
        <h1>Sổ đăng ký văn bản đi của \(model.unit.name) — năm \(filter.year)</h1>
        \(filterForm(model))
        \(actions)
        \(numbering(model))
        \(slips(model))
        <p class="muted">\(model.documents.count) văn bản, xếp theo ngày ban hành rồi theo số.</p>
        \(table)
        """
    }

    private static func filterForm(_ model: RegisterListPage.Model) -> HTML {
        let filter = model.filter
        let years = Layout.options(model.years, selected: String(filter.year), value: { String($0) }, label: { String($0) })
        let types = Layout.options(DocumentType.all, selected: filter.type, value: \.code, label: { "\($0.name) (\($0.code))" })
        return """
        <form class="search" method="get" action="\(SiteURL.Documents.list(.value(model.unit.id ?? 0)).path)">
        <label>Năm <select name="year">\(years)</select></label>
        <input type="search" name="q" value="\(filter.text ?? "")" aria-label="Tìm văn bản" \
        placeholder="Tìm theo số, ký hiệu hoặc trích yếu, gõ không dấu cũng được (vd: ke hoach cchc)">
        <label>Loại <select name="type"><option value="">Tất cả</option>\(types)</select></label>
        <label><input type="checkbox" name="directing" value="1"\(HTML.attr("checked", if: filter.directingOnly))> \
        Chỉ văn bản chỉ đạo CCHC</label>
        <button type="submit">Lọc</button></form>
        """
    }

    /// "Số tiếp theo năm 2021: Kế hoạch 11/…, Công văn 165 …": the kinds used that year and the common ones.
    private static func numbering(_ model: RegisterListPage.Model) -> HTML {
        let shown = DocumentType.all.filter { model.usedTypes.contains($0.code) || ["KH", "BC", "CV"].contains($0.code) }
        let next: [HTML] = shown.map { t in "\(t.name) <strong>\(model.next[t.code] ?? 1)</strong>" as HTML }
        let gaps: [HTML] = shown.compactMap { t in
            guard let first = model.gaps[t.code], let count = model.gapCounts[t.code] else { return nil }
            let listed = first.prefix(5).map(String.init).joined(separator: ", ") + (count > 5 ? ", …" : "")
            return "\(t.name): \(count) số (\(listed))" as HTML
        }
        let gapsHTML: HTML = gaps.isEmpty ? .empty : "<br>Số bỏ trống (chưa vào sổ): \(HTML(raw: gaps.map(\.raw).joined(separator: "; ")))"
        let joined = HTML(raw: next.map(\.raw).joined(separator: " · "))
        return "<p class=\"muted\">Số tiếp theo năm \(model.filter.year): \(joined)\(gapsHTML)</p>"
    }

    /// The citations that do not match the registers, each linked to the document that makes it.
    private static func slips(_ model: RegisterListPage.Model) -> HTML {
        let unitID = model.unit.id ?? 0
        let flagged: [HTML] = model.documents.flatMap { d in
            (model.findings[d.id ?? 0] ?? []).filter(\.isFlagged).map { f in
                let link = SiteURL.Documents.document(.value(unitID), .value(d.id ?? 0)).path
                return "<li><a href=\"\(link)\">\(d.numberText)</a>: \(f.message)</li>" as HTML
            }
        }
        guard !flagged.isEmpty else { return .empty }
        return """
        <div class="warnings" role="note"><strong>Dẫn chiếu chưa khớp sổ đăng ký (\(flagged.count)):</strong><ul>\(flagged)</ul></div>
        """
    }

    private static func row(_ d: RegisterDocument, _ model: RegisterListPage.Model) -> HTML {
        let unitID = model.unit.id ?? 0, id = d.id ?? 0
        let link = SiteURL.Documents.document(.value(unitID), .value(id)).path
        let flagged = (model.findings[id] ?? []).filter(\.isFlagged).count
        let flag: HTML = flagged > 0 ? " <span class=\"tag warn\">\(flagged) dẫn chiếu chưa khớp</span>" : .empty
        let file: HTML = model.attachments[id].map { a in
            "<a href=\"\(SiteURL.Documents.attachment(.value(unitID), .value(id)).path)\">\(a.name)</a>" as HTML
        } ?? "—"
        return """
        <tr><td><a href="\(link)">\(d.numberText)</a>\(flag)</td><td>\(VNDate.display(iso: d.issuedOn))</td>\
        <td>\(d.documentType.name)</td><td>\(d.summary)</td><td>\(d.signer ?? "")</td>\
        <td>\(d.directsCCHC ? "Có" : "")</td><td>\(d.area.flatMap(ReformArea.init(rawValue:))?.title ?? "")</td><td>\(file)</td></tr>
        """
    }
}
