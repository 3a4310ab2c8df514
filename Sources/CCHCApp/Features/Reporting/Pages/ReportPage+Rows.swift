import Vapor
import CCHCDomain

/// The rows of the report page the figures and Phụ lục 3A are made of: a computed row's note, the directing documents.
extension ReportPage.View {
    /// Under a computed row: the figure the system computes, from what (one click away), and — to whoever fills the
    /// report — a box for the reason when the figure is changed; to everybody else, the reason given.
    static func computedNote(_ ctx: ReportContext, _ code: String, value: IndicatorValue?, editable: Bool, reason typed: String?,
                             failure: ValidationFailure?) -> HTML {
        guard let f = ctx.computed[code] else { return .empty }
        let saved = ctx.sources[code]
        let link: HTML = ctx.unitPagesReadable ? f.link.map { " <a href=\"\($0)\">xem</a>" as HTML } ?? .empty : .empty
        let line: HTML = "<br><small class=\"computed\">Hệ thống tính: <strong>\(NumberFormat.vietnamese(f.value))</strong> — \(f.explanation)\(link)</small>"
        let unexplained: HTML = saved == nil && value?.number.map { $0 != f.value } == true
            ? "<br><small class=\"tag late\">Khác số hệ thống tính, chưa ghi lý do</small>" : .empty
        if editable {
            return line + unexplained + """
                <br><input name="reason:\(code)" value="\(typed ?? saved?.note ?? "")" size="26" \
                placeholder="Lý do, nếu sửa số hệ thống tính" aria-label="Dòng \(code): lý do sửa số hệ thống tính">\
                \(Layout.errors(failure, "reason:\(code)"))
                """
        }
        if saved?.source == "override" {
            return line + "<br><small class=\"tag late\">Đơn vị đã sửa: \(saved?.note ?? "")</small>"
        }
        return line + unexplained
    }

    /// Phụ lục 3A: the directing documents, editable with three empty rows, else as text.
    static func documentRows(_ model: Model) -> [HTML] {
        let ctx = model.ctx
        let narrativeEditable = ctx.canEdit && ctx.officeSections == nil
        var docRows: [HTML] = []
        if narrativeEditable {
            var docs: [DirectingDocumentRow] = ctx.documents.map(\.row).map {
                var shown = $0
                shown.issuedOn = $0.issuedOnForDisplay
                return shown
            }
            if let typed = model.typed, typed["documentsPresent"] != nil {
                // The report form's typing (an action form's "docNumber" is the signed document's number, not a 3A row).
                // Blank rows typed are the page's own spare rows: dropped here, the three spares added below.
                docs = ReportPage.typedDocuments(typed).filter { !$0.isBlank }
            } else if docs.isEmpty {
                // Nothing entered yet: the register's directing documents of the window, to review and save.
                docs = ctx.registerDocuments.map { var d = $0; d.issuedOn = $0.issuedOnForDisplay; return d }
            }
            docs += Array(repeating: DirectingDocumentRow(numberSymbol: "", issuedOn: "", summary: "", issuer: ""), count: 3)
            for (i, d) in docs.enumerated() {
                docRows.append("""
                    <tr><td>\(i + 1)</td><td><input name="docNumber" value="\(d.numberSymbol)" size="14" \
                    aria-label="Văn bản \(i + 1): số, ký hiệu"></td>\
                    <td><input name="docDate" value="\(d.issuedOn)" size="10" placeholder="dd/MM/yyyy" \
                    aria-label="Văn bản \(i + 1): ngày ban hành (dd/MM/yyyy)"></td>\
                    <td><input name="docSummary" value="\(d.summary)" size="40" aria-label="Văn bản \(i + 1): trích yếu"></td>\
                    <td><input name="docIssuer" value="\(d.issuer)" size="16" aria-label="Văn bản \(i + 1): cơ quan ban hành"></td></tr>
                    """)
            }
        } else {
            for (i, d) in ctx.documents.enumerated() {
                docRows.append("""
                    <tr><td>\(i + 1)</td><td>\(d.numberSymbol)</td><td>\(d.row.issuedOnForDisplay)</td>\
                    <td>\(d.summary)</td><td>\(d.issuer)</td></tr>
                    """)
            }
        }
        return docRows
    }
}
