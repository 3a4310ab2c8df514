import Vapor
import CCHCDomain

/// A unit's assessment: the criteria tree with, side by side, the self-score (and the system's data), evidence and explanation,
/// the council's score and comment, the unit's answer; the totals, areas, class, rank and change; the actions of the stage.
enum ParAssessmentPage {
    struct Model {
        var view: ParAssessmentView
        /// The form as posted, when a write was refused: shown instead of what is stored, so nothing typed is lost.
        var typed: FormBody?
        var failure: ValidationFailure?
        /// "Đã lưu nhưng chưa gửi được" when the typing was saved and only the sending was refused.
        var failureTitle: String?
        var conflict: String?
        var flash: String?
        /// The unit's register documents of the year, offered as evidence.
        var documents: [String]

        func can(_ what: String) -> Bool { view.can.contains(what) }

        func shown(_ field: String, _ code: String, stored: String?) -> String {
            typed?[field + ":" + code] ?? stored ?? ""
        }
    }

    static func flash(_ req: Request) -> String? {
        if req.query[String.self, at: "saved"] != nil { return "Đã lưu." }
        switch req.query[String.self, at: "done"] {
        case "submit": return "Đã gửi bản tự đánh giá."
        case "withdraw": return "Đã rút lại bản tự đánh giá: sửa rồi gửi lại trước hạn."
        case "appraise": return "Đã lưu điểm thẩm định."
        case "send": return "Đã gửi kết quả thẩm định cho đơn vị."
        case "answer": return "Đã gửi giải trình."
        case "upload": return "Đã đính kèm tệp kiểm chứng."
        case "remove": return "Đã xóa tệp kiểm chứng."
        default: return nil
        }
    }

    static func render(_ m: Model) -> HTML {
        let v = m.view
        let r = Parameter<Int>.value(v.roundID), u = Parameter<Int>.value(v.unitID)
        let p = ParPoints.text
        let summary: HTML = """
            <p class="crumbs"><a href="\(SiteURL.Par.index.path)">Chỉ số CCHC</a> › <a href="\(SiteURL.Par.round(r).path)">Năm \(v.year) \
            — \(v.jurisdictionName)</a></p>
            <h1>Chỉ số CCHC năm \(v.year): \(v.unitName)</h1>
            <div class="card"><dl class="facts">
            <dt>Bộ tiêu chí</dt><dd><a href="\(SiteURL.Par.framework(.value(v.frameworkID)).path)">\(v.frameworkTitle)</a> (\(v.frameworkCode))</dd>
            <dt>Trạng thái</dt><dd><strong>\(v.stateLabel)</strong> · đợt: \(v.roundStateLabel)\
            \(v.submittedAt.map { " · gửi lúc \(VNDate.display($0))" } ?? "")\(v.late ? " · <span class=\"tag late\">nộp muộn</span>" as HTML : .empty)\
            \(v.withdrawals > 0 ? " · đã rút lại \(v.withdrawals) lần" : "")</dd>
            <dt>Thời hạn</dt><dd>tự đánh giá từ \(v.opensOn), gửi chậm nhất \(v.selfDue); giải trình chậm nhất \(v.answerDue)</dd>
            <dt>Tự chấm</dt><dd>\(p(v.selfTotal))/\(p(v.maxTotal)) điểm</dd>
            \(v.appraisedYet ? "<dt>Điểm thẩm định</dt><dd><strong>\(p(v.total))</strong>/\(p(v.maxTotal)) điểm · xếp loại: " as HTML
                : "<dt>Điểm thẩm định</dt><dd>chưa thẩm định · xếp loại theo điểm tự chấm: " as HTML)<strong>\(v.classLabel)</strong>\
            \(v.standing.map { " · xếp hạng <strong>\($0)</strong>" as HTML } ?? .empty)\
            \(v.change.map { " · so với năm trước <strong>\($0)</strong>" as HTML } ?? .empty)</dd>
            \(v.changeSentence.map { "<dt>So với năm trước</dt><dd>\($0)</dd>" as HTML } ?? .empty)
            </dl>\(v.classMissed.isEmpty ? .empty : "<ul class=\"muted\">\(v.classMissed.map { "<li>\($0)</li>" as HTML })</ul>" as HTML)</div>
            <p class="actions">Tải về: <a href="\(SiteURL.Par.sheetXLSX(r, u).path)">Bảng điểm (.xlsx)</a> · \
            <a href="\(SiteURL.Par.sheetDOCX(r, u).path)">Bảng điểm (.docx)</a></p>
            """
        let errors: HTML = {
            var parts: [HTML] = []
            if let c = m.conflict { parts.append("<div class=\"error-summary\" role=\"alert\">\(c)</div>") }
            if let f = m.failure {
                parts.append("<div class=\"error-summary\" role=\"alert\"><strong>\(m.failureTitle ?? "Chưa lưu được") — "
                    + "\(f.errors.count) điểm cần sửa:</strong><ul>"
                    + "\(f.errors.map { "<li><a href=\"#c-\(code(of: $0.field))\">\($0.message)</a></li>" as HTML })</ul></div>")
            }
            if m.failure == nil, !v.problems.isEmpty {
                parts.append("<div class=\"warnings\"><strong>Cần xem lại:</strong><ul>\(v.problems.map { "<li>\($0.message)</li>" as HTML })</ul></div>")
            }
            return parts.joined()
        }()
        let areas: HTML = """
            <h2>Điểm theo lĩnh vực</h2><div class="table-wrap"><table class="par-areas"><thead><tr><th>Lĩnh vực</th><th>Tối đa</th><th>Tự chấm</th>\
            <th>Thẩm định</th></tr></thead><tbody>\(v.areas.map { a in
                "<tr><td>\(a.code). \(a.name)</td><td class=\"num\">\(p(a.max))</td><td class=\"num\">\(p(a.selfPoints))</td>"
                    + "<td class=\"num\">\(p(a.points))</td></tr>" as HTML })</tbody></table></div>
            """
        let weak: HTML = v.weakest.isEmpty ? .empty : """
            <h2>Tiêu chí mất nhiều điểm nhất</h2><ol>\(v.weakest.map { w in
                "<li><a href=\"#c-\(w.code)\">\(w.code)</a> \(w.name): \(p(w.points))/\(p(w.max)) (mất \(p(w.lost)) điểm)"
                    + "\(w.office.map { " — <em>\($0)</em>" as HTML } ?? .empty)</li>" as HTML })</ol>
            """
        return summary + errors + actions(m) + areas + weak + criteria(m) + uploadForm(m)
    }

    /// "criteria.1.3.3" → "1.3.3"
    static func code(of field: String) -> String {
        for prefix in ["criteria.", "explanation.", "appraised.", "answer."] where field.hasPrefix(prefix) { return String(field.dropFirst(prefix.count)) }
        return field
    }

    static func criteria(_ m: Model) -> HTML {
        let v = m.view
        let r = Parameter<Int>.value(v.roundID), u = Parameter<Int>.value(v.unitID)
        let p = ParPoints.text
        let edit = m.can("edit"), appraise = m.can("appraise"), answer = m.can("answer")
        let wrong = Set((m.failure?.errors ?? []).map { code(of: $0.field) })
        let rows: [HTML] = v.rows.map { row in
            let c = row.code
            let cls = row.isLeaf ? (wrong.contains(c) ? "row-error" : row.differs ? "row-warn" : "") : "group"
            let name: HTML = "<td class=\"indent-\(min(row.depth, 4))\"><strong>\(c)</strong> \(row.name)"
                + (row.isLeaf ? "<br><span class=\"muted\">\(row.methodLabel)\(row.office.map { " · \($0)" } ?? "")"
                    + "\(row.evidenceExpected.map { " · cần: \($0)" } ?? "")</span>" as HTML : .empty) + "</td>"
            guard row.isLeaf else {
                return "<tr class=\"\(cls)\" id=\"c-\(c)\">\(name)<td class=\"num\">\(p(row.max))</td><td class=\"num\">\(p(row.selfPoints))</td>"
                    + "<td></td><td class=\"num\"><strong>\(p(row.points))</strong></td><td></td></tr>"
            }
            let selfCell: HTML = edit
                ? "<input name=\"value:\(c)\" value=\"\(m.shown("value", c, stored: row.value))\" placeholder=\"\(row.hint ?? "")\" "
                    + "aria-label=\"Tự chấm tiêu chí \(c)\">"
                    + "<br><span class=\"muted\">\(row.selfReason)</span>"
                : "\(row.value ?? (row.system == nil ? "—" : "(hệ thống)"))<br><span class=\"muted\">\(row.selfReason)</span>"
            let system: HTML = row.system.map { "<br><span class=\"tag ok\">Hệ thống</span> <span class=\"muted\">\($0)</span>" } ?? .empty
            let files: HTML = row.files.map { f in
                "<br>Tệp: <a href=\"\(f.url)\">\(f.fileName)</a>\(f.stage == "answer" ? " (giải trình)" : "")"
                    + (m.can("upload") ? "<form class=\"inline\" method=\"post\" action=\"\(SiteURL.Par.deleteFile(r, u, .value(f.id)).path)\">"
                        + "<button class=\"link\" type=\"submit\" aria-label=\"Xóa tệp \(f.fileName)\">✕</button></form>" as HTML : .empty) as HTML
            }.joined()
            let evidence: HTML = edit
                ? "<textarea name=\"evidence:\(c)\" rows=\"2\" aria-label=\"Tài liệu kiểm chứng tiêu chí \(c)\">"
                    + "\(m.shown("evidence", c, stored: row.evidence.joined(separator: "\n")))</textarea>"
                    + "<input name=\"add:\(c)\" list=\"par-docs\" placeholder=\"Thêm văn bản từ sổ đăng ký…\" aria-label=\"Thêm văn bản cho tiêu chí \(c)\">"
                : HTML(raw: row.evidence.map { HTML.escape($0) }.joined(separator: "<br>"))
            let explanation: HTML = edit
                ? "<textarea name=\"explanation:\(c)\" rows=\"2\" aria-label=\"Giải trình tiêu chí \(c)\">"
                    + "\(m.shown("explanation", c, stored: row.explanation))</textarea>"
                : "\(row.explanation ?? "")"
            let council: HTML = appraise
                ? "<input name=\"points:\(c)\" value=\"\(m.shown("points", c, stored: row.appraised))\" placeholder=\"\(p(row.selfPoints))\" "
                    + "inputmode=\"decimal\" aria-label=\"Điểm thẩm định tiêu chí \(c)\"><textarea name=\"comment:\(c)\" rows=\"2\" "
                    + "placeholder=\"Ý kiến thẩm định\" aria-label=\"Ý kiến thẩm định tiêu chí \(c)\">\(m.shown("comment", c, stored: row.comment))</textarea>"
                : (v.appraisedYet ? "<strong>\(p(row.points))</strong>" as HTML : "—")
                    + (row.comment.map { "<br><span class=\"muted\">\($0)</span>" as HTML } ?? .empty)
            let reply: HTML = answer
                ? "<textarea name=\"answer:\(c)\" rows=\"2\" aria-label=\"Giải trình lại tiêu chí \(c)\">\(m.shown("answer", c, stored: row.answer))</textarea>"
                : "\(row.answer ?? "")"
            return "<tr class=\"\(cls)\" id=\"c-\(c)\">\(name)<td class=\"num\">\(p(row.max))</td><td>\(selfCell)\(system)</td>"
                + "<td>\(evidence)\(files)</td><td>\(council)</td><td>\(explanation)"
                + "\(row.answer != nil || answer ? "<br><em>Giải trình sau thẩm định:</em> " as HTML : .empty)\(reply)</td></tr>"
        }
        let datalist: HTML = edit ? "<datalist id=\"par-docs\">\(m.documents.map { "<option value=\"\($0)\">" as HTML })</datalist>" : .empty
        let table: HTML = """
            <h2>Các tiêu chí</h2>
            <p class="muted">Dòng tô vàng: điểm thẩm định khác điểm tự chấm. Tiêu chí không có tài liệu kiểm chứng phải có giải trình.</p>
            <div class="table-wrap"><table class="par"><thead><tr><th>Tiêu chí</th><th>Tối đa</th><th>Tự chấm</th><th>Tài liệu kiểm chứng</th>\
            <th>Thẩm định</th><th>Giải trình</th></tr></thead><tbody>\(rows)</tbody></table></div>\(datalist)
            """
        let revision = Revisions.field(v.revision)
        let target = SiteURL.Par.assessment(r, u).path
        if edit {
            let submit: HTML = m.can("submit")
                ? " <button type=\"submit\" formaction=\"\(SiteURL.Par.action(r, u, .value(.submit)).path)\">Lưu và gửi tự đánh giá</button>" : .empty
            let late: HTML = m.can("submit") && v.pastSelfDue
                ? "<p class=\"warnings\">Đã quá hạn gửi (\(v.selfDue)): gửi bây giờ sẽ được ghi nhận là nộp muộn.</p>" : .empty
            return "<form method=\"post\" action=\"\(target)\">\(revision)\(table)\(uploadControls(m))\(late)<p class=\"actions\">"
                + "<button type=\"submit\" class=\"secondary\">Lưu</button>\(submit)</p></form>"
        }
        if appraise {
            let send: HTML = m.can("send")
                ? " <button type=\"submit\" formaction=\"\(SiteURL.Par.action(r, u, .value(.send)).path)\">Lưu và gửi kết quả thẩm định</button>" : .empty
            return "<form method=\"post\" action=\"\(SiteURL.Par.action(r, u, .value(.appraise)).path)\">\(revision)\(table)<p class=\"actions\">"
                + "<button type=\"submit\" class=\"secondary\">Lưu điểm thẩm định</button>\(send)</p></form>"
        }
        if answer {
            return "<form method=\"post\" action=\"\(SiteURL.Par.action(r, u, .value(.answer)).path)\">\(revision)\(table)<p class=\"actions\">"
                + "<button type=\"submit\">Gửi giải trình (một lần, trước \(v.answerDue))</button></p></form>"
        }
        return table
    }

    /// The criterion, the file and a button that sends the whole form with the file: the typing is saved together with it.
    static func uploadControls(_ m: Model) -> HTML {
        let v = m.view
        let options = v.rows.filter(\.isLeaf).map { "<option value=\"\($0.code)\">\($0.code) \(String($0.name.prefix(40)))</option>" as HTML }
        let target = SiteURL.Par.files(.value(v.roundID), .value(v.unitID)).path
        return """
            <div class="card par-upload"><h2>Đính kèm tệp kiểm chứng</h2>
            <label>Tiêu chí <select name="code">\(options)</select></label>
            <label>Tệp (PDF, Word, Excel, ảnh; tối đa 10 MB) <input type="file" name="file"></label>
            <button type="submit" class="secondary" formaction="\(target)" formenctype="multipart/form-data">Lưu và tải tệp lên</button>
            <p class="muted">Những gì vừa nhập ở bảng trên được lưu cùng tệp.</p></div>
            """
    }

    /// Outside self-scoring (with the answer to the council), the upload is a form of its own.
    static func uploadForm(_ m: Model) -> HTML {
        guard m.can("upload"), !m.can("edit") else { return .empty }
        let v = m.view
        let options = v.rows.filter(\.isLeaf).map { "<option value=\"\($0.code)\">\($0.code) \(String($0.name.prefix(40)))</option>" as HTML }
        return """
            <form method="post" action="\(SiteURL.Par.files(.value(v.roundID), .value(v.unitID)).path)" enctype="multipart/form-data" class="card">
            <h2>Đính kèm tệp kiểm chứng</h2>
            <label>Tiêu chí <select name="code" required>\(options)</select></label>
            <label>Tệp (PDF, Word, Excel, ảnh; tối đa 10 MB) <input type="file" name="file" required></label>
            <button type="submit" class="secondary">Tải lên</button></form>
            """
    }

    static func actions(_ m: Model) -> HTML {
        let v = m.view
        let r = Parameter<Int>.value(v.roundID), u = Parameter<Int>.value(v.unitID)
        var out: [HTML] = []
        func button(_ action: ParAction, _ label: String, _ note: String) {
            out.append("<form method=\"post\" action=\"\(SiteURL.Par.action(r, u, .value(action)).path)\" class=\"card\">"
                + "\(Revisions.field(v.revision))<button type=\"submit\">\(label)</button> <span class=\"muted\">\(note)</span></form>")
        }
        if m.can("submit") && !m.can("edit") { button(.submit, "Gửi tự đánh giá", "Lãnh đạo gửi hội đồng thẩm định.") }
        if m.can("withdraw") { button(.withdraw, "Rút lại để sửa", "Được rút lại trước \(v.selfDue), khi hội đồng chưa chấm.") }
        if m.can("plan") { button(.plan, "Lập kế hoạch nâng cao chỉ số năm \(v.year + 1)",
                                  "Dự thảo từ các tiêu chí mất điểm, chia theo bộ phận phụ trách; theo dõi như mọi kế hoạch.") }
        return out.joined()
    }
}
