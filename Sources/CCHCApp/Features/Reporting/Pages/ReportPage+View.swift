import Foundation
import CCHCDomain

extension ReportPage {
    /// Renders the report page from its model alone — no request, no database, nothing awaited: the form by
    /// section, last period beside each row, narrative, Phụ lục 3A, warnings, workflow, office parts, versions
    /// and history.
    enum View {}
}

extension ReportPage.View {
    typealias Model = ReportPage.Model

    /// The page's body; the handler puts it in `Layout.page` under `model.pageTitle`, with `model.flash`.
    static func render(_ model: Model) -> HTML {
        let ctx = model.ctx, typed = model.typed, failure = model.failure, warnings = model.warnings
        let conflict = model.conflict, typedBeforeMerge = model.typedBeforeMerge, changes = model.changes
        let unitRef = Parameter.value(model.unitID), periodRef = Parameter.value(model.periodID)
        let title = model.title
        let report = ctx.report
        let timeliness = model.timeliness
        let rows = statsRows(model)
        let narrativeEditable = ctx.canEdit && ctx.officeSections == nil
        let narrative = narrativeSections(model)
        let docRows = documentRows(model)
        let officeHTML = officePart(model)

        let warningsHTML: HTML = warnings.isEmpty ? .empty : """
            <div class="warnings" role="status"><strong>Cảnh báo số liệu (đã lưu, cần xem lại):</strong>\
            <ul>\(warnings.map { "<li>\($0.message)</li>" as HTML })</ul></div>
            """
        let returned: HTML = (report?.state == .returned || (report?.state == .draft && report?.returnComment != nil))
            && (report?.returnComment ?? "").isEmpty == false
            ? "<div class=\"error-summary\"><strong>Ý kiến trả lại:</strong> \(report?.returnComment ?? "")</div>" : .empty

        let fromRegister: HTML = ctx.documents.isEmpty && model.typed == nil && !ctx.registerDocuments.isEmpty
            ? "<p class=\"muted\">Điền sẵn \(ctx.registerDocuments.count) văn bản chỉ đạo CCHC ban hành trong kỳ, lấy từ sổ văn bản; "
                + "xem lại rồi bấm Lưu.</p>"
            : .empty
        let narrativeHTML: HTML = narrativeEditable ? """
            <h2>Nội dung báo cáo</h2><div class="stack">\(narrative)</div>\
            <h2>Phụ lục 3A: Văn bản chỉ đạo, điều hành CCHC đã ban hành trong kỳ</h2>\
            \(fromRegister)<table><thead><tr><th>STT</th><th>Số, ký hiệu</th><th>Ngày ban hành</th><th>Trích yếu</th><th>Cơ quan ban hành</th></tr></thead>\
            <tbody>\(docRows)</tbody></table>
            """ : .empty
        // "Trình lãnh đạo ký" sits in the form itself, so what was typed is saved first, never dropped.
        let sendWithTyping = ctx.officeSections == nil && ReportWorkflow.available(ctx.state, for: ctx.role).contains(.sendToLeader)
        let form: HTML = ctx.canEdit ? """
            <form method="post" action="\(SiteURL.Reports.report(unitRef, periodRef).path)" class="report-form">
            <input type="hidden" name="documentsPresent" value="1">\(revisionFields(ctx))
            <h2>Biểu thống kê: \(ctx.form.title)</h2>
            <table class="stats"><thead><tr><th>Mã</th><th>Chỉ tiêu</th><th>ĐVT</th>\
            <th>Kỳ trước\(ctx.previousPeriod.map { " (" + $0.periodKind.label + ")" } ?? "")</th>\
            <th>Số liệu</th><th>Cơ quan</th></tr></thead><tbody>\(rows)</tbody></table>
            \(narrativeHTML)
            \(officeHTML)
            <p class="sticky-save"><button type="submit">Lưu báo cáo</button> \
            \(sendWithTyping ? """
                <button type="submit" class="secondary" formaction="\(SiteURL.Reports.action(unitRef, periodRef, .value(.sendToLeader)).path)">\
                Lưu và trình lãnh đạo ký</button> 
                """ as HTML : .empty)\
            <span class="muted">Lưu không gửi đi; số liệu sai kiểu sẽ được báo ngay, không mất dữ liệu đã nhập.</span></p>
            </form>
            """ : """
            <h2>Biểu thống kê: \(ctx.form.title)</h2>
            <table class="stats"><thead><tr><th>Mã</th><th>Chỉ tiêu</th><th>ĐVT</th>\
            <th>Kỳ trước\(ctx.previousPeriod.map { " (" + $0.periodKind.label + ")" } ?? "")</th>\
            <th>Số liệu</th><th>Cơ quan</th></tr></thead><tbody>\(rows)</tbody></table>
            <h2>Nội dung báo cáo</h2>\(narrative)
            <h2>Phụ lục 3A: Văn bản chỉ đạo, điều hành CCHC</h2>
            \(docRows.isEmpty ? "<p class=\"muted\">Báo cáo chưa kê văn bản chỉ đạo, điều hành CCHC nào ban hành trong kỳ.</p>" as HTML : """
                <table><thead><tr><th>STT</th><th>Số, ký hiệu</th><th>Ngày ban hành</th><th>Trích yếu</th><th>Cơ quan ban hành</th></tr></thead>\
                <tbody>\(docRows)</tbody></table>
                """)
            \(officeHTML)
            """

        // Workflow
        let available = ReportWorkflow.available(ctx.state, for: ctx.role)
        let today = model.today.vietnamese
        // What an action form sent (its "docNumber" and "comment"), not the report form's typing.
        let actionTyping = typed?["documentsPresent"] == nil ? typed : nil
        let actions: [HTML] = available.filter { $0 != .save && !($0 == .sendToLeader && ctx.canEdit && sendWithTyping) }.map { action in
            let url = SiteURL.Reports.action(unitRef, periodRef, .value(action)).path
            switch action {
            case .submit:
                return """
                <form method="post" action="\(url)" class="card stack">\(revisionFields(ctx))\
                <strong>Ký và gửi báo cáo đến \(ctx.recipient?.label ?? ctx.issuer.name)</strong>
                <label for="docNumber">Số, ký hiệu văn bản</label>\
                <input id="docNumber" name="docNumber" value="\(actionTyping?["docNumber"] ?? report?.docNumber ?? "")" placeholder="vd: 12/BC-UBND">
                \(Layout.errors(failure, "docNumber"))
                <label for="docDate">Ngày văn bản (dd/MM/yyyy)</label><input id="docDate" name="docDate" value="\(actionTyping?["docDate"] ?? today)">
                \(Layout.errors(failure, "docDate"))
                <p><button type="submit">\(action.label)</button></p></form>
                """
            case .return, .backToDrafter:
                return """
                <form method="post" action="\(url)" class="card stack">\(revisionFields(ctx))<label for="comment-\(action.rawValue)">\
                \(action == .return ? "Ý kiến trả lại (nêu rõ nội dung cần sửa)" : "Ý kiến cho chuyên viên")</label>
                <textarea id="comment-\(action.rawValue)" name="comment" rows="3">\(actionTyping?["comment"] ?? "")</textarea>
                \(Layout.errors(failure, "comment"))
                <p><button type="submit" class="secondary">\(action.label)</button></p></form>
                """
            default:
                return "<form method=\"post\" action=\"\(url)\" class=\"inline\">\(revisionFields(ctx))<button type=\"submit\">\(action.label)</button></form> "
            }
        }

        let versionItems: [HTML] = ctx.versions.map { v in
            let compare: HTML = v.version != ctx.versions.first?.version ? " — " as HTML + """
                <a href="\(SiteURL.Reports.compare(unitRef, periodRef)
                    .relativeURL(parameters: [QueryParameter("a", v.version), QueryParameter("b", ctx.versions.first!.version)]))">so sánh với bản mới nhất</a>
                """ as HTML : .empty
            return "<li>Phiên bản \(v.version): \(v.state.label)\(v.docNumber.map { ", văn bản số " + $0 } ?? "")\(compare)</li>" as HTML
        }
        let versions: HTML = ctx.versions.count > 1 ? """
            <h2>Các phiên bản</h2><ul>\(versionItems)</ul>
            """ : .empty

        let history = model.history
        let historyHTML: HTML = history.isEmpty ? .empty : """
            <h2>Lịch sử</h2><table><thead><tr><th>Thời điểm</th><th>Người thực hiện</th><th>Nội dung</th></tr></thead>\
            <tbody>\(history.map { "<tr><td>\(VNDate.display($0.at))</td><td>\($0.username)</td><td>\($0.summary)</td></tr>" as HTML })</tbody></table>
            """

        let changedSinceSent = ctx.role.signs && ctx.state == .awaitingLeader ? Self.changesSinceSent(history, form: ctx.form) : .empty

        let docFact: HTML = report?.docNumber.map { n in
            "<dt>Văn bản</dt><dd>Số \(n)\(report?.docDate.flatMap { Day(iso: $0) }.map { " ngày " + $0.vietnamese } ?? "")</dd>" as HTML
        } ?? .empty
        return """
        <p class="crumbs">\(ctx.unitPagesReadable ? "<a href=\"\(SiteURL.Units.unit(unitRef).path)\">\(ctx.unit.name)</a>" as HTML : "\(ctx.unit.name)") › \
        <a href="\(SiteURL.Reports.list(unitRef).relativeURL(parameters: [QueryParameter("year", ctx.regime.year)]))">Báo cáo năm \(ctx.regime.year)</a></p>
        <h1>\(title) — \(ctx.unit.name)</h1>
        \(changesHTML(changes))
        <div class="card"><dl class="facts">
        <dt>Chốt số liệu</dt><dd>\(ctx.window.windowText)\
        \(ctx.window.estimateFrom.map { e in
            let list = SiteURL.Reports.list(unitRef).relativeURL(parameters: [QueryParameter("year", ctx.regime.year)])
            return " · số liệu ước đạt \(e.vietnamese) – \(ctx.window.estimateTo?.vietnamese ?? "") báo cáo riêng: "
                + "<a href=\"\(list)\">\(PeriodKind.estimate.title(year: ctx.regime.year))</a>" as HTML
        } ?? .empty)\
        \(ctx.window.hasGivenWindow ? .empty : " (chế độ không nêu thời gian chốt số liệu; tạm tính)" as HTML)</dd>
        <dt>Hạn nộp</dt><dd>\(ctx.window.deadlineText) \
        (theo chế độ báo cáo của \(ctx.issuer.name)\(ctx.regime.document.map { ", " + $0 } ?? ""))</dd>
        <dt>Trạng thái</dt><dd>\(report == nil ? "Chưa lập" : ctx.state.label)\(report.map { " · phiên bản \($0.version)" } ?? "")</dd>
        <dt>Thời hạn</dt><dd><span class="tag \(timeliness.code)">\(timeliness.label)</span></dd>
        \(docFact)
        </dl></div>
        \(returned)
        \(conflictHTML(ctx, typed: typedBeforeMerge ?? typed, conflict: conflict))
        \(Layout.errorSummary(failure, heading: model.failureHeading ?? ReportAction.save.refusedHeading) { field in
            let code = field.replacingOccurrences(of: "v.", with: "").replacingOccurrences(of: "reason:", with: "")
            return ctx.form.indicator(code) == nil ? nil : "i-\(code)"
        })
        \(warningsHTML)
        \(changedSinceSent)<div class="actions">\(actions)</div>
        \(ctx.canAssemble ? """
        <form method="post" action="\(SiteURL.Reports.assemble(unitRef, periodRef).path)" class="card">\
        <strong>Báo cáo của \(ctx.unit.name) gửi cấp trên</strong>
        <p class="muted">Phụ lục số liệu là số liệu tổng hợp của toàn địa bàn \
        (<a href="\(SiteURL.Consolidated.figures(unitRef, .value(ctx.regime.year), .value(ctx.period.periodKind)).path)">xem</a>). \
        Lập dự thảo: đưa báo cáo chuyên đề của các cơ quan vào đúng mục của đề cương \
        và ghi rõ đơn vị nào chưa báo cáo; phần đã viết được giữ nguyên.</p>
        <button type="submit" class="secondary">Lập dự thảo từ số liệu tổng hợp</button></form>
        """ as HTML : .empty)
        <p><a class="button secondary" href="\(SiteURL.Reports.exportDOCX(unitRef, periodRef).path)">Tải báo cáo Word (.docx)</a>
        <a class="button secondary" href="\(SiteURL.Reports.exportXLSX(unitRef, periodRef).path)">\
        \(ctx.canFillWorkbook ? "Tải biểu Excel (.xlsx) để điền" : "Tải số liệu Excel (.xlsx)")</a></p>
        \(ctx.canFillWorkbook ? """
        <form method="post" action="\(SiteURL.Reports.importXLSX(unitRef, periodRef).path)" enctype="multipart/form-data" class="search">
        <label>Tải lên biểu Excel đã điền <input type="file" name="file" accept=".xlsx"></label> \
        <button type="submit" class="secondary">Nhận số liệu từ Excel</button>

        <span class="muted">Tệp được kiểm tra từng ô: nhận toàn bộ, hoặc từ chối và liệt kê mọi lỗi.</span></form>
        """ as HTML : .empty)
        \(form)
        \(versions)
        \(historyHTML)
        """
    }

    /// The statistics table: the form by section, last period beside each row, the answering office.
    private static func statsRows(_ model: Model) -> [HTML] {
        let ctx = model.ctx, typed = model.typed
        let warnedCodes = Set(model.warnings.flatMap(\.codes))
        let failedCodes = Set((model.failure?.errors ?? []).map {
            $0.field.replacingOccurrences(of: "v.", with: "").replacingOccurrences(of: "reason:", with: "")
        })
        let typedV = typed?.prefixed("v"), typedN = typed?.prefixed("n"), typedD = typed?.prefixed("d")

        var rows: [HTML] = []
        let assigned = Dictionary(ctx.contributions.flatMap { office, sections, _ in sections.map { ($0, office.name) } }, uniquingKeysWith: { a, _ in a })
        for ind in ctx.form.indicators {
            let depth = ctx.form.depth(of: ind.code)
            // The answering office is shown where it is set — by the regime's assignment, else the form's column —
            // once per section, not repeated on every row.
            let office = assigned.isEmpty ? ind.office ?? (ind.parent == nil ? ctx.form.office(of: ind.code) : nil) : assigned[ind.code]
            let prev = ValueDisplay.text(ind, ctx.previousValues[ind.code])
            let editable = ctx.canEdit(ind.code)
            let cls = failedCodes.contains(ind.code) ? "row-error" : warnedCodes.contains(ind.code) ? "row-warn" : ""
            let nameCell: HTML = """
                <td class="indent-\(min(depth, 4))">\(ind.partOf == true ? "<em>Trong đó:</em> " as HTML : .empty)\(ind.name)\
                \(ind.note.map { " <small class=\"muted\" title=\"\($0)\">[ghi chú]</small>" as HTML } ?? .empty)</td>
                """
            if ind.kind == .group {
                rows.append("""
                    <tr class="group depth-\(depth)" id="i-\(ind.code)"><th>\(ind.code)</th>\(nameCell)\
                    <td></td><td></td><td></td><td class="muted">\(office ?? "")</td></tr>
                    """)
                continue
            }
            let value = ctx.values[ind.code]
            let cell: HTML
            if editable {
                let name = ind.code
                switch ind.kind {
                case .percent where ind.isFraction:
                    let num = typedN?[name] ?? ValueDisplay.input(value?.numerator)
                    let den = typedD?[name] ?? ValueDisplay.input(value?.denominator)
                    let direct = typedV?[name] ?? ((value?.numerator == nil) ? ValueDisplay.input(value?.number) : "")
                    cell = """
                    <span class="fraction"><input name="n:\(name)" value="\(num)" inputmode="decimal" \
                    aria-label="\(ind.numeratorLabel ?? "Tử số") \(name)" title="\(ind.numeratorLabel ?? "Tử số")" size="6"> / \
                    <input name="d:\(name)" value="\(den)" inputmode="decimal" \
                    aria-label="\(ind.denominatorLabel ?? "Mẫu số") \(name)" title="\(ind.denominatorLabel ?? "Mẫu số")" size="6"></span>
                    <small class="muted">\(ind.numeratorLabel ?? "tử số") / \(ind.denominatorLabel ?? "mẫu số")</small>
                    \(direct.isEmpty ? HTML.empty : "<br><small>hoặc tỷ lệ: <input name=\"v:\(name)\" value=\"\(direct)\" size=\"5\"> %</small>")
                    """
                case .choice:
                    let selected = typedV?[name] ?? value?.number.flatMap { $0.exactInt.map(String.init) } ?? ""
                    let options: [HTML] = (ind.choices ?? []).map { c in
                        "<option value=\"\(c.value)\"\(HTML.attr("selected", if: selected == String(c.value)))>\(c.label) (\(c.value))</option>"
                    }
                    cell = "<select name=\"v:\(name)\" aria-label=\"\(name)\"><option value=\"\">—</option>\(options)</select>"
                case .text:
                    cell = "<textarea name=\"v:\(name)\" rows=\"2\" aria-label=\"\(name)\">\(typedV?[name] ?? value?.text ?? "")</textarea>"
                default:
                    // A computed row starts from the figure the system computes.
                    let text = typedV?[name] ?? (value == nil ? ctx.computed[name].map { ValueDisplay.input($0.value) } : nil)
                        ?? ValueDisplay.input(value?.number)
                    cell = """
                    <input name="v:\(name)" value="\(text)" inputmode="decimal" size="8" aria-label="\(name)">\
                    \(ind.kind == .percent ? " %" as HTML : .empty)
                    """
                }
            } else {
                cell = "\(ValueDisplay.text(ind, value))"
            }
            let computed = Self.computedNote(ctx, ind.code, value: value, editable: editable,
                                             reason: typed?["reason:\(ind.code)"], failure: model.failure)
            rows.append("""
                <tr class="\(cls)" id="i-\(ind.code)"><th>\(ind.code)</th>\(nameCell)<td>\(ind.unit ?? "")</td>\
                <td class="prev">\(prev)</td><td>\(cell)\(computed)</td><td class="muted">\(office ?? "")</td></tr>
                """)
        }
        return rows
    }

    /// The narrative, in boxes for whoever writes it, else as text.
    private static func narrativeSections(_ model: Model) -> [HTML] {
        let ctx = model.ctx, typed = model.typed, report = ctx.report
        let narrativeNow = report?.narrative ?? [:]
        let typedNarrative = typed?.prefixed("narrative")
        let narrativeEditable = ctx.canEdit && ctx.officeSections == nil
        let narrative: [HTML] = ReportService.narrativeSections.map { key, heading in
            let text = typedNarrative?[key] ?? narrativeNow[key] ?? ""
            return narrativeEditable
                ? "<label for=\"nar-\(key)\">\(heading)</label><textarea id=\"nar-\(key)\" name=\"narrative:\(key)\" rows=\"4\">\(text)</textarea>"
                : "<h3>\(heading)</h3><p class=\"prose\">\(text.isEmpty ? "—" : text)</p>"
        }
        return narrative
    }

    /// The offices' parts (capability 6) and, for an office, its own topic report.
    private static func officePart(_ model: Model) -> HTML {
        let ctx = model.ctx, typed = model.typed
        var officeHTML: HTML = .empty
        if !ctx.contributions.isEmpty {
            let items: [HTML] = ctx.contributions.map { office, sections, c in
                let done = c?.doneAt != nil
                return """
                    <tr><td>\(office.name)</td><td>\(sections.joined(separator: ", "))</td>\
                    <td><span class="tag \(done ? "ok" : "warn")">\(done ? "Đã xong \(VNDate.display(c!.doneAt!))" : "Chưa xong")</span></td>\
                    <td>\((c?.topicReport ?? "").isEmpty ? "—" : c!.topicReport)</td></tr>
                    """
            }
            var mine: HTML = .empty
            if let sections = ctx.officeSections, ctx.canEdit {
                let entry = ctx.contributions.first { $0.0.id == model.actorUnitID }
                mine = """
                <label for="topicReport">Báo cáo chuyên đề của đơn vị (phần \(sections.joined(separator: ", ")))</label>
                <textarea id="topicReport" name="topicReport" rows="5">\(typed?["topicReport"] ?? entry?.2?.topicReport ?? "")</textarea>
                \(model.actorIsLeader
                    ? "<label><input type=\"checkbox\" name=\"officeDone\" value=\"on\"> Đã hoàn thành phần số liệu được giao</label>" as HTML
                    : "<p class=\"muted\">Lãnh đạo cơ quan xác nhận hoàn thành phần số liệu được giao.</p>")
                """
            }
            officeHTML = """
            <h2>Phần của các cơ quan chuyên môn</h2>
            <table><thead><tr><th>Cơ quan</th><th>Mục được giao</th><th>Tình trạng</th><th>Báo cáo chuyên đề</th></tr></thead>\
            <tbody>\(items)</tbody></table>
            \(mine)
            """
        }
        return officeHTML
    }

    /// The hidden fields that carry the revisions the page was built from.
    private static func revisionFields(_ ctx: ReportContext) -> HTML {
        let office: HTML = ctx.officeSections == nil ? .empty
            : "<input type=\"hidden\" name=\"officeRevision\" value=\"\(ctx.ownContribution?.revision ?? 0)\">"
        return "<input type=\"hidden\" name=\"revision\" value=\"\(ctx.report?.revision ?? 0)\">\(office)"
    }

    /// Someone saved since this page was opened: what they saved beside what this user typed.
    private static func conflictHTML(_ ctx: ReportContext, typed: FormBody?, conflict: StaleWrite?) -> HTML {
        guard let conflict else { return .empty }
        let mine = typed.map { ReportPage.input(from: $0, ctx: ctx) }
        let parsed = mine.map { FormValidator.parse(ctx.form, raw: $0.values).values } ?? [:]
        let rows: [HTML] = ctx.form.indicators.filter(\.isInput).compactMap { ind in
            let saved = ValueDisplay.text(ind, ctx.values[ind.code]), typedText = ValueDisplay.text(ind, parsed[ind.code])
            guard ctx.canEdit(ind.code), saved != typedText else { return nil }
            let mine: HTML = typedText.isEmpty ? "<em>(để trống — giữ bản đã lưu)</em>" : "\(typedText)"
            return "<tr><td>\(ind.code)</td><td>\(ind.name)</td><td>\(saved)</td><td>\(mine)</td></tr>"
        }
        var narrativeRows: [HTML] = []
        for (key, title) in ReportService.narrativeSections {
            let saved = ctx.report?.narrative[key] ?? "", typedText = mine?.narrative?[key] ?? saved
            if saved.trimmingCharacters(in: .whitespacesAndNewlines) != typedText.trimmingCharacters(in: .whitespacesAndNewlines) {
                let shown: HTML = typedText.isEmpty ? "<em>(để trống — giữ bản đã lưu)</em>" : "\(typedText)"
                narrativeRows.append("<tr><td></td><td>\(title)</td><td>\(saved)</td><td>\(shown)</td></tr>")
            }
        }
        return """
            <div class="error-summary conflict" role="alert"><strong>Chưa lưu: có người đã lưu báo cáo này sau khi bạn mở trang.</strong>
            <p>\(conflict.fullMessage)</p>
            <p>Các ô bên dưới vẫn giữ nguyên những gì bạn đã nhập; ô bạn để trống được điền bản đã lưu. \
            Bảng này đặt bản đã lưu cạnh phần bạn nhập; sửa cho đúng rồi bấm “Lưu báo cáo” để ghi.</p>
            <table><thead><tr><th>Mã</th><th>Chỉ tiêu / mục</th>\
            <th>Bản đã lưu (lần sửa \(conflict.report.revision)\(conflict.report.updatedBy.map { ", " + $0 } ?? ""))</th>\
            <th>Bạn nhập</th></tr></thead>
            <tbody>\(rows)\(narrativeRows)</tbody></table></div>
            """
    }

    /// For the leader about to sign: what was changed after the report was sent for signature, highlighted.
    private static func changesSinceSent(_ history: [Model.Event], form: FormDefinition) -> HTML {
        guard let sent = history.lastIndex(where: { $0.action == "report.sendToLeader" }) else { return .empty }
        var lines: [HTML] = []
        for event in history[(sent + 1)...] where event.action == "report.save" {
            let detail = event.detail.flatMap { try? JSONDecoder().decode([String: String].self, from: Data($0.utf8)) } ?? [:]
            for (code, change) in detail.sorted(by: { $0.key < $1.key }) {
                let row = code.hasPrefix("v.") ? String(code.dropFirst(2)) : code
                let section = code.hasPrefix("narrative.") ? ReportOutline.sections.first { "narrative." + $0.key == code }?.title : nil
                let what = form.indicator(row).map { "\(row) \($0.name)" } ?? section ?? code
                lines.append("<li><strong>\(what)</strong>: \(change) <small>(\(event.username), \(VNDate.display(event.at)))</small></li>")
            }
        }
        guard !lines.isEmpty else { return .empty }
        return """
            <div class="warnings" id="changed-since-sent"><strong>Đã sửa sau khi trình ký — xem lại trước khi ký:</strong>\
            <ul>\(lines)</ul></div>
            """
    }

    /// What an Excel upload changed, row by row (old → new); or that it changed nothing.
    private static func changesHTML(_ changes: [String]?) -> HTML {
        guard let changes else { return .empty }
        if changes.isEmpty {
            return "<div class=\"card\" id=\"upload-result\"><strong>Tệp Excel không thay đổi số liệu nào</strong>: "
                + "các dòng để trống giữ nguyên số đã lưu; ghi “xóa” ở cột Số liệu để xóa một số.</div>"
        }
        return """
            <div class="card" id="upload-result"><strong>Đã nhận tệp Excel: \(changes.count) thay đổi</strong> \
            (dòng để trống giữ nguyên số đã lưu)<ol>\(changes.map { "<li>\($0)</li>" as HTML })</ol></div>
            """
    }
}
