import Vapor
import CCHCDomain

/// The plan page: the document and its sign-off, the coverage warnings, the tasks higher plans assign, the task
/// table by reform area with each task's time frame as read and its progress, the files in and out.
enum PlanPage {
    struct Model {
        var view: PlanView
        var role: ReportActor
        var editing: Bool
        var today: Day
        /// Rows typed in the edit table, when a save was refused.
        var typed: [PlanTaskEntry]?
        var failure: ValidationFailure?
        var flash: String?
        var importProblems: [String]

        var canEdit: Bool { (role.drafts || role.signs) && (view.state?.isEditable ?? true) }
    }

    static func render(_ m: Model) -> HTML {
        let v = m.view
        let unitRef = Parameter<Int>.value(v.unitID), yearRef = Parameter<Int>.value(v.year), kindRef = Parameter<PlanKind>.value(v.kind)
        let page = SiteURL.Plans.plan(unitRef, yearRef, kindRef).path
        let doc = v.document
        let facts: HTML = """
            <div class="card"><dl class="facts">
            <dt>Văn bản</dt><dd>\(doc?.number.map { "Số \($0)" } ?? "Chưa ban hành")\(doc?.date.map { " ngày \($0.vietnamese)" } ?? "")\
            \(doc?.signer.map { " · người ký: \($0)" } ?? "")</dd>
            <dt>Trạng thái</dt><dd>\(v.stateLabel)\(v.submittedAt.map { " · gửi lúc \(VNDate.display($0))" } ?? "")</dd>
            <dt>Hạn ban hành</dt><dd>\(v.deadline.map { d in (d.strict == true ? "trước ngày " : "chậm nhất ngày ") + d.day.vietnamese
                + (v.deadlineSetBy.map { " (do \($0) đặt)" } ?? "") } ?? "Cấp trên chưa đặt hạn")</dd>
            <dt>Nhiệm vụ</dt><dd>\(summary(v))</dd>
            </dl></div>
            """
        let returned: HTML = v.returnComment.map { "<div class=\"warnings\"><strong>Bị trả lại:</strong> \($0)</div>" } ?? .empty
        let warnings: HTML = v.warnings.isEmpty
            ? (v.tasks.isEmpty ? .empty
                : "<p class=\"flash\">Kiểm tra kế hoạch: đủ 6 lĩnh vực, mỗi nhiệm vụ có đơn vị chủ trì, sản phẩm và thời gian.</p>")
            : "<div class=\"warnings\"><strong>Kiểm tra kế hoạch (\(v.warnings.count) điểm):</strong><ul>"
                + "\(v.warnings.map { "<li>\($0.message)</li>" as HTML })</ul></div>"
        let problems: HTML = m.importProblems.isEmpty ? .empty
            : "<div class=\"warnings\"><strong>Các dòng chưa đọc được khi nhập tệp:</strong><ul>\(m.importProblems.map { "<li>\($0)</li>" as HTML })</ul></div>"
        let progressLink: HTML = " · <a href=\"\(SiteURL.Plans.progress(unitRef, yearRef, kindRef).path)\">Tiến độ các đơn vị được giao</a>"
        let files: HTML = """
            <p class="actions">Tải về: <a href="\(SiteURL.Plans.exportXLSX(unitRef, yearRef, kindRef).path)">Bảng nhiệm vụ (.xlsx)</a> · \
            <a href="\(SiteURL.Plans.exportDOCX(unitRef, yearRef, kindRef).path)">Kế hoạch (.docx)</a> · \
            <a href="\(SiteURL.Plans.exportJSON(unitRef, yearRef, kindRef).path)">JSON</a>\
            \(v.tasks.contains { !$0.assignees.isEmpty } ? progressLink : .empty)</p>
            """
        // An inspection plan's tasks are made from its rounds on the inspections page, where it is edited.
        let generated = v.kind == .inspection
        let source: HTML = generated ? """
            <p class="card">Bảng nhiệm vụ lập từ các đợt kiểm tra, phạm vi và thời hạn tự kiểm tra của kế hoạch kiểm tra: \
            <a href="\(SiteURL.Inspections.overview(unitRef).relativeURL(parameters: [QueryParameter("year", v.year)]))">\
            sửa kế hoạch, lịch kiểm tra, tự kiểm tra và kết luận ở trang Kiểm tra CCHC năm \(v.year)</a>.</p>
            """ : .empty
        let importForm: HTML = m.canEdit && !generated ? """
            <form method="post" action="\(SiteURL.Plans.importFile(unitRef, yearRef, kindRef).path)" enctype="multipart/form-data" class="card">
            <label>Nhập bảng nhiệm vụ từ tệp Word (.docx), Excel (.xlsx) hoặc JSON <input type="file" name="file" \
            accept=".docx,.xlsx,.json" required></label> <button type="submit" class="secondary">Nhập vào dự thảo</button>
            <p class="muted">Các nhiệm vụ trong tệp thay cho bảng nhiệm vụ của dự thảo; dòng nào không đọc được sẽ được liệt kê để xem lại.</p>
            </form>
            """ : .empty
        let editLink: HTML = m.canEdit && !m.editing && !generated
            ? "<p><a class=\"button secondary\" href=\"\(SiteURL.Plans.plan(unitRef, yearRef, kindRef).relativeURL(parameters: [QueryParameter("edit", 1)]))\">"
                + "Sửa bảng nhiệm vụ</a></p>"
            : .empty
        return """
        <p class="crumbs"><a href="\(SiteURL.Units.unit(unitRef).path)">\(v.unitName)</a> › \
        <a href="\(SiteURL.Plans.list(unitRef).relativeURL(parameters: [QueryParameter("year", v.year)]))">Kế hoạch năm \(v.year)</a></p>
        <h1>\(v.title) — \(v.unitName)</h1>
        \(Layout.errorSummary(m.failure))
        \(facts)
        \(source)
        \(returned)
        \(workflow(m, page: page))
        \(warnings)
        \(problems)
        \(assigned(m))
        \(m.editing && m.canEdit ? editTable(m, action: page) : table(m))
        \(editLink)
        \(files)
        \(importForm)
        \(deadlineForm(m))
        """
    }

    static func summary(_ v: PlanView) -> String {
        let done = v.tasks.filter { $0.state.status.isDone }.count
        let overdue = v.tasks.filter { ($0.state.overdueDays ?? 0) > 0 }.count
        return "\(v.tasks.count) nhiệm vụ · \(done) hoàn thành · \(overdue) quá hạn"
    }

    static func workflow(_ m: Model, page: String) -> HTML {
        guard let state = m.view.state else { return .empty }
        let v = m.view
        let base = (Parameter<Int>.value(v.unitID), Parameter<Int>.value(v.year), Parameter<PlanKind>.value(v.kind))
        func action(_ a: ReportAction, _ fields: HTML = .empty, secondary: Bool = false) -> HTML {
            """
            <form method="post" action="\(SiteURL.Plans.action(base.0, base.1, base.2, .value(a)).path)" class="inline">\
            \(Revisions.field(v.revision))\(fields)<button type="submit"\(HTML.attr("class=\"secondary\"", if: secondary))>\
            \(PlanService.planWords(a == .submit ? "Ký ban hành và gửi" : a.label))</button></form>
            """
        }
        var out: [HTML] = []
        let role = m.role
        if (role.drafts || role.signs) && (state == .draft || state == .returned) { out.append(action(.sendToLeader)) }
        if role.signs && (state == .draft || state == .awaitingLeader || state == .returned) {
            out.append(action(.submit, """
                <label>Số, ký hiệu <input name="docNumber" value="\(v.document?.number ?? "")" size="14" placeholder="10/KH-UBND" required></label> \
                <label>Ngày ban hành <input name="docDate" value="\(v.document?.date?.vietnamese ?? m.today.vietnamese)" size="10" \
                placeholder="dd/MM/yyyy" required></label> \
                <label>Người ký <input name="signer" value="\(v.document?.signer ?? "")" size="18"></label> 
                """))
        }
        if role.receives && state == .submitted {
            out.append(action(.accept))
            out.append(action(.return, "<label>Lý do trả lại <input name=\"comment\" size=\"30\" required></label> ", secondary: true))
        }
        return out.isEmpty ? .empty : "<div class=\"card actions\">\(out)</div>"
    }

    static func statusOptions(_ selected: TaskStatus) -> HTML {
        TaskStatus.allCases.map { s in "<option value=\"\(s.rawValue)\"\(HTML.attr("selected", if: s == selected))>\(s.title)</option>" as HTML }.joined()
    }

    /// A small form recording progress: status, completion day, note.
    static func progressForm(action: String, status: TaskStatus, completedOn: Day?, note: String?, evidence: [Evidence], revision: Int,
                             label: String) -> HTML {
        let links: [HTML] = evidence.map { e in "<a href=\"\(e.link)\" title=\"\(e.summary)\">\(e.number)</a> ngày \(e.date.vietnamese)" }
        let shown: HTML = evidence.isEmpty ? .empty : "<small>Minh chứng: \(links.joined(separator: "; "))</small>"
        return """
        \(shown)<form method="post" action="\(action)" class="progress">\(Revisions.field(revision))\
        <select name="status" aria-label="\(label): trạng thái">\(statusOptions(status))</select> \
        <input name="completedOn" value="\(completedOn?.vietnamese ?? "")" size="12" placeholder="ngày hoàn thành" aria-label="\(label): ngày hoàn thành"> \
        <input name="note" value="\(note ?? "")" size="14" placeholder="ghi chú / lý do hủy" aria-label="\(label): ghi chú"> \
        <input name="evidence" value="\(evidence.map(\.number).joined(separator: "; "))" size="14" \
        placeholder="số văn bản minh chứng" aria-label="\(label): minh chứng (số văn bản trong sổ)"> \
        <button type="submit" class="secondary">Lưu</button></form>
        """
    }

    static func assigned(_ m: Model) -> HTML {
        let v = m.view
        guard !v.assigned.isEmpty else { return .empty }
        let rows: [HTML] = v.assigned.map { a in
            let action = SiteURL.Plans.assigned(.value(v.unitID), .value(v.year), .value(v.kind), .value(a.assignmentID)).path
            // The plan must carry what the unit leads; what it coordinates, the lead plans.
            let carried: HTML = a.carriedBy.map { "dòng \($0)" }
                ?? (a.role == "lead" ? "<span class=\"tag overdue\">chưa có trong kế hoạch</span>" : "<span class=\"muted\">(phối hợp)</span>")
            let control: HTML = (m.role.drafts || m.role.signs)
                ? progressForm(action: action, status: a.status, completedOn: a.completedOn, note: a.note, evidence: a.evidence,
                               revision: a.revision, label: a.title)
                : .empty
            return """
                <tr><td>\(a.title)<br><small class="muted">\(a.plan) · \(a.role == "lead" ? "chủ trì" : "phối hợp")</small></td>\
                <td>\(lines(a.timeFrame))</td><td>\(carried)</td>\
                <td><span class="tag \(tag(a.state))">\(a.state.label)</span>\(control)</td></tr>
                """
        }
        return """
            <h2>Nhiệm vụ cấp trên giao (\(v.assigned.count))</h2>
            <div class="table-wrap"><table><thead><tr><th>Nhiệm vụ</th><th>Thời gian</th><th>Trong kế hoạch</th><th>Tiến độ</th></tr></thead>\
            <tbody>\(rows)</tbody></table></div>
            """
    }

    static func tag(_ s: TaskState) -> String {
        if (s.overdueDays ?? 0) > 0 { return "overdue" }
        switch s.status {
        case .done: return "on_time"
        case .doneLate: return "late"
        case .cancelled: return "returned"
        case .inProgress: return "due_soon"
        case .notStarted: return "not_due"
        }
    }

    static func dueText(_ dues: [DueDate]) -> String {
        dues.map { ($0.strict == true ? "trước " : "") + $0.day.vietnamese }.joined(separator: "; ")
    }

    static func lines(_ text: String) -> HTML {
        text.split(separator: "\n", omittingEmptySubsequences: true).map { "\(String($0))" as HTML }.joined(separator: "<br>")
    }

    static func table(_ m: Model) -> HTML {
        let v = m.view
        guard !v.tasks.isEmpty else { return "<p class=\"muted\">Kế hoạch chưa có nhiệm vụ nào.</p>" }
        var body: [HTML] = []
        var area: String?
        for t in v.tasks {
            if t.entry.area != area {
                area = t.entry.area
                body.append("<tr class=\"group\"><th colspan=\"7\">\(t.entry.area)\(t.area == nil ? " (chưa rõ lĩnh vực)" : "")</th></tr>")
            }
            let dues: HTML = t.timeFrame.unread.map { "<br><small class=\"tag overdue\">\($0)</small>" as HTML }
                ?? (t.timeFrame.dues.isEmpty ? .empty
                    : "<br><small class=\"muted\">Hạn: \(dueText(t.timeFrame.dues))</small>")
            let notes: HTML = t.timeFrame.notes.isEmpty ? .empty : "<br><small class=\"muted\">\(t.timeFrame.notes.joined(separator: " "))</small>"
            let action = SiteURL.Plans.task(.value(v.unitID), .value(v.year), .value(v.kind), .value(t.id)).path
            let control: HTML = (m.role.drafts || m.role.signs) && v.state != nil
                ? progressForm(action: action, status: t.status, completedOn: t.completedOn, note: t.note, evidence: t.evidence,
                               revision: t.revision, label: "Dòng \(t.position)")
                : .empty
            let assignees: HTML = t.assignees.isEmpty ? .empty
                : "<br><small class=\"muted\">Giao: \(t.assignees.count) đơn vị (\(t.assignees.filter { $0.state.status.isDone }.count) hoàn thành)</small>"
            let unmatched: HTML = t.unmatched.isEmpty ? .empty : "<br><small class=\"muted\">\(t.unmatched.joined(separator: " "))</small>"
            body.append("""
                <tr id="task-\(t.position)"><td>\(t.position)</td><td>\(t.entry.task.isEmpty ? .empty : "<strong>\(t.entry.task)</strong><br>" as HTML)\
                \(lines(t.entry.detail))</td><td>\(lines(t.entry.product))</td>\
                <td>\(t.entry.lead.joined(separator: "; "))\(assignees)</td><td>\(t.entry.coordinators.joined(separator: "; "))\(unmatched)</td>\
                <td>\(lines(t.entry.timeFrame))\(dues)\(notes)</td>\
                <td><span class="tag \(tag(t.state))">\(t.state.label)</span>\(control)</td></tr>
                """)
        }
        return """
            <h2>Bảng nhiệm vụ</h2>
            <div class="table-wrap"><table class="plan"><thead><tr><th>TT</th><th>Nhiệm vụ</th><th>Sản phẩm</th><th>Chủ trì</th><th>Phối hợp</th>\
            <th>Thời gian thực hiện</th><th>Tiến độ</th></tr></thead><tbody>\(body)</tbody></table></div>
            """
    }

    static let columnNames = ["task": "nhiệm vụ chung", "detail": "nội dung nhiệm vụ", "product": "sản phẩm", "lead": "đơn vị chủ trì",
                              "coordinators": "đơn vị phối hợp", "timeFrame": "thời gian thực hiện"]

    /// Every task as inputs, and five empty rows to add tasks; lead and coordinators one per line.
    static func editTable(_ m: Model, action: String) -> HTML {
        let v = m.view
        let rows = (m.typed ?? v.tasks.map(\.entry)) + Array(repeating: PlanTaskEntry(area: "", detail: ""), count: 5)
        let areas = ReformArea.allCases.map { "<option value=\"\($0.title)\">" as HTML }.joined()
        let inputs: [HTML] = rows.enumerated().map { i, e in
            func area(_ name: String, _ value: String, rows: Int = 2) -> HTML {
                let label = "Dòng \(i + 1): \(Self.columnNames[name] ?? name)"
                return "<textarea name=\"\(name):\(i)\" rows=\"\(rows)\" aria-label=\"\(label)\">\(value)</textarea>"
            }
            return """
                <tr><td>\(i + 1)</td><td><input name="area:\(i)" value="\(e.area)" list="areas" aria-label="Dòng \(i + 1): lĩnh vực">\
                \(Layout.errors(m.failure, "tasks[\(i)].area"))</td>\
                <td>\(area("task", e.task))</td><td>\(area("detail", e.detail, rows: 3))\(Layout.errors(m.failure, "tasks[\(i)].detail"))</td>\
                <td>\(area("product", e.product))</td><td>\(area("lead", e.lead.joined(separator: "\n")))</td>\
                <td>\(area("coordinators", e.coordinators.joined(separator: "\n")))</td><td>\(area("timeFrame", e.timeFrame))</td></tr>
                """
        }
        return """
            <h2>Sửa bảng nhiệm vụ</h2>
            <p class="muted">Để trống cả dòng thì dòng bị bỏ; dòng có chữ mà thiếu nội dung nhiệm vụ sẽ được báo lại. \
            Đơn vị chủ trì, phối hợp: mỗi đơn vị hoặc nhóm một dòng \
            (vd: “Phòng Nội vụ”, “UBND cấp xã”). Thời gian ghi như văn bản (vd: “Quý 3/2021”, “Thường xuyên”, “Trước ngày 15/12/2021”).</p>
            <form method="post" action="\(action)">\(Revisions.field(v.revision))
            <datalist id="areas">\(areas)</datalist>
            <div class="table-wrap"><table class="plan edit"><thead><tr><th>TT</th><th>Lĩnh vực</th><th>Nhiệm vụ chung</th><th>Nội dung nhiệm vụ</th>\
            <th>Sản phẩm</th><th>Chủ trì</th><th>Phối hợp</th><th>Thời gian</th></tr></thead><tbody>\(inputs)</tbody></table></div>
            <p><button type="submit">Lưu bảng nhiệm vụ</button> <a href="\(action)">Thôi</a></p></form>
            """
    }

    static func deadlineForm(_ m: Model) -> HTML {
        let v = m.view
        guard m.role.drafts || m.role.signs, v.id != nil else { return .empty }
        let d = v.deadlineForBelow
        return """
            <form method="post" action="\(SiteURL.Plans.plan(.value(v.unitID), .value(v.year), .value(v.kind)).path)" class="card">\
            \(Revisions.field(v.revision))<input type="hidden" name="deadlineOnly" value="1">
            <label>Hạn các đơn vị trực thuộc ban hành kế hoạch: <input name="deadlineForBelow" value="\(d?.day.vietnamese ?? "")" size="10" \
            placeholder="dd/MM/yyyy"></label> <label><input type="checkbox" name="deadlineStrict"\(HTML.attr("checked", if: d?.strict == true))> \
            trước ngày (không tính ngày này)</label> <button type="submit" class="secondary">Lưu hạn</button>
            \(Layout.errors(m.failure, "deadlineForBelow"))</form>
            """
    }
}
