import Vapor
import CCHCDomain

/// The year's inspections of a jurisdiction (its team's work list) or of a unit below (what the plan asks of it).
enum InspectionPage {
    static func errors(_ failure: ValidationFailure?) -> HTML {
        guard let f = failure else { return .empty }
        return "<div class=\"error-summary\" role=\"alert\"><strong>Chưa lưu được — \(f.errors.count) điểm cần sửa:</strong><ul>"
            + "\(f.errors.map { "<li>\($0.message)</li>" as HTML })</ul></div>"
    }

    static func render(_ v: InspectionView, actor: Actor, form: FormBody?, failure: ValidationFailure?) -> HTML {
        let u = Parameter<Int>.value(v.unitID)
        var parts: [HTML] = ["<h1>Kiểm tra CCHC năm \(v.year) — \(v.unitName)</h1>", errors(failure)]
        let links: [HTML] = [v.year - 1, v.year + 1].map { y in
            "<a href=\"\(SiteURL.Inspections.overview(u).relativeURL(parameters: [QueryParameter("year", y)]))\">Năm \(y)</a>"
        }
        let years: HTML = "<p class=\"actions\">\(links.joined(separator: " · "))</p>"
        parts.append(years)
        if let plan = v.plan {
            parts.append(planCard(v, plan))
        } else {
            let hint = actor.scope.canManage(UnitPath(ids: [v.unitID])) || actor.canManage ? " Lập kế hoạch ở mục dưới."
                : " Kế hoạch kiểm tra do cơ quan thường trực cấp trên lập; khi có, hạn tự kiểm tra và lịch kiểm tra của đơn vị sẽ hiện ở đây "
                    + "và ở Việc của tôi."
            parts.append("<p class=\"muted\">Chưa có kế hoạch kiểm tra CCHC năm \(v.year).\(hint)</p>")
        }
        if v.ownsPlan || v.plan == nil, v.team || (v.plan == nil && actor.canManage) { parts.append(planForm(v, form: form)) }
        if !v.selfReports.isEmpty { parts.append(selfTable(v)) }
        if let plan = v.plan, !v.ownsPlan { parts.append(selfForm(v, plan, form: form)) }
        parts.append(visitsTable(v))
        if v.ownsPlan && v.team, let plan = v.plan { parts.append(scheduleForm(v, plan, form: form)) }
        parts.append(findingsTable(v))
        return parts.joined()
    }

    static func planCard(_ v: InspectionView, _ p: InspectionPlanDocument) -> HTML {
        let rounds: [HTML] = p.rounds.map { r in
            let due: String = r.selfDue.map { ($0.strict == true ? "trước ngày " : "chậm nhất ngày ") + $0.day.vietnamese }
                ?? (r.selfDueNote?.lowercasedFirst ?? "—")
            let scope: String = r.scope.text.map { " · " + $0 } ?? ""
            return "<li><strong>\(r.label)</strong>: kiểm tra từ \(r.from.vietnamese) đến \(r.to.vietnamese); tự kiểm tra \(due)\(scope)</li>"
        }
        let checklist: [HTML] = p.checklist.map { "<li><em>\($0.area.title)</em>: \($0.item)</li>" as HTML }
        return """
            <div class="card"><h2>Kế hoạch kiểm tra\((v.signOff?.number ?? p.document?.number).map { " số \($0)" } ?? "")\
            \((v.signOff?.date ?? p.document?.date).map { " ngày \($0.vietnamese)" } ?? "") \
            — \(v.planOwner ?? "")</h2>
            <ul>\(rounds)</ul>
            <p>Đơn vị được kiểm tra gửi báo cáo trước <strong>\(p.preVisitDays) ngày</strong> theo lịch kiểm tra; vấn đề phát hiện phải khắc phục \
            trong <strong>\(p.remediationDays) ngày</strong> kể từ ngày kết luận.</p>
            <details><summary>Nội dung kiểm tra (\(p.checklist.count))</summary><ol>\(checklist)</ol></details>
            \(p.budget.map { "<p class=\"muted\">Kinh phí: \($0)</p>" as HTML } ?? .empty)
            \(signOffLine(v))
            <p class="actions"><a href="\(SiteURL.Inspections.findingsXLSX(.value(v.unitID)).relativeURL(parameters: [QueryParameter("year", v.year)]))">\
            Các vấn đề phát hiện (.xlsx)</a> · \
            <a href="\(SiteURL.Inspections.planDOCX(.value(v.unitID)).relativeURL(parameters: [QueryParameter("year", v.year)]))">\
            Kế hoạch (.docx)</a></p></div>
            """
    }

    /// Where the plan stands in its sign-off, and the way to the plan's page (signing, its tasks' progress).
    static func signOffLine(_ v: InspectionView) -> HTML {
        guard let s = v.signOff, v.ownsPlan else { return .empty }
        let issued: String = s.number.map { " số \($0)" + (s.date.map { " ngày \($0.vietnamese)" } ?? "") } ?? ""
        return """
            <p>Ký ban hành: <span class="tag">\(s.stateLabel)</span>\(issued) · \
            <a href="\(s.url)">Trang kế hoạch: ký ban hành, theo dõi \(s.tasks) nhiệm vụ</a></p>
            """
    }

    static func planForm(_ v: InspectionView, form: FormBody?) -> HTML {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let current = v.plan ?? InspectionPlanDocument(unit: "", year: v.year, rounds: [
            InspectionRound(number: 1, label: "Đợt 1", from: Day(v.year, 6, 1)!, to: Day(v.year, 7, 31)!,
                            selfDue: DueDate(day: Day(v.year, 5, 20)!, strict: true)),
            InspectionRound(number: 2, label: "Đợt 2", from: Day(v.year, 10, 1)!, to: Day(v.year, 11, 30)!)])
        let json = form?["json"] ?? ((try? encoder.encode(current)).map { String(decoding: $0, as: UTF8.self) } ?? "")
        return """
            <details class="card"\(HTML.attr("open", if: v.plan == nil || form?["json"] != nil))>
            <summary>\(v.plan == nil ? "Lập" : "Sửa") kế hoạch kiểm tra (JSON)</summary>
            <form method="post" action="\(SiteURL.Inspections.plan(.value(v.unitID)).path)" class="stack">
            <input type="hidden" name="year" value="\(v.year)">\(Revisions.field(v.planRevision ?? 0))
            <p class="muted">Đợt (number, label, from, to, selfDue), phạm vi (scope: units, share, minimumPerGroup, text), nội dung kiểm tra \
            (checklist: area, item), preVisitDays, remediationDays, document. Ngày dạng yyyy-MM-dd.</p>
            <textarea name="json" rows="16" style="width:100%;font-family:monospace" aria-label="JSON của kế hoạch kiểm tra">\(json)</textarea>
            <p><button type="submit">Lưu kế hoạch kiểm tra</button></p></form></details>
            """
    }

    static func selfTable(_ v: InspectionView) -> HTML {
        let rows: [HTML] = v.selfReports.map { s in
            "<tr><td>\(s.roundLabel)</td><td>\(s.unitName)</td><td>\(s.lastDay?.vietnamese ?? "—")</td>"
                + "<td>\(s.sentAt.map { VNDate.display($0) } ?? "—")</td>"
                + "<td><span class=\"tag \(s.late ? "late" : s.sentAt != nil ? "on_time" : "not_due")\">\(s.status)</span></td></tr>"
        }
        return "<h2>Báo cáo tự kiểm tra</h2><div class=\"table-wrap\"><table><thead><tr><th>Đợt</th><th>Đơn vị</th><th>Hạn</th><th>Gửi lúc</th>"
            + "<th>Tình trạng</th></tr></thead><tbody>\(rows)</tbody></table></div>"
    }

    static func selfForm(_ v: InspectionView, _ p: InspectionPlanDocument, form: FormBody?) -> HTML {
        let open = v.selfReports.filter { $0.sentAt == nil }
        guard let s = open.first else { return .empty }
        let items: [HTML] = p.checklist.enumerated().map { i, c in
            "<label>\(i + 1). \(c.item) <em class=\"muted\">(\(c.area.title))</em><textarea name=\"answer:\(i)\" rows=\"2\">"
                + "\(form?["answer:\(i)"] ?? s.answers[String(i)] ?? "")</textarea></label>" as HTML
        }
        return """
            <form method="post" action="\(SiteURL.Inspections.selfReport(.value(v.unitID)).path)" class="card stack">
            <h2>Báo cáo tự kiểm tra \(s.roundLabel)\(s.lastDay.map { " — hạn \($0.vietnamese)" } ?? "")</h2>
            <input type="hidden" name="year" value="\(v.year)"><input type="hidden" name="round" value="\(s.round)">
            \(items)<label>Đánh giá chung <textarea name="narrative" rows="3">\(form?["narrative"] ?? s.narrative ?? "")</textarea></label>
            <p><button type="submit" class="secondary">Lưu</button> <button type="submit" name="send" value="1">Ký và gửi</button></p></form>
            """
    }

    static func visitsTable(_ v: InspectionView) -> HTML {
        guard !v.visits.isEmpty else { return "<h2>Lịch kiểm tra</h2><p class=\"muted\">Chưa có cuộc kiểm tra nào.</p>" }
        let rows: [HTML] = v.visits.map { x in
            "<tr><td><a href=\"\(x.url)\">\(x.date.vietnamese)</a>\(x.moves.isEmpty ? "" : " (đã dời)")</td><td>\(x.unitName)</td>"
                + "<td>\(x.round.map { "Đợt \($0)" } ?? "Đột xuất")</td><td>\(x.preReportDue?.vietnamese ?? "—") · \(x.preReportStatus)</td>"
                + "<td>\(x.concludedOn?.vietnamese ?? "—")</td><td class=\"num\">\(x.findings)</td><td class=\"num\">\(x.open)</td></tr>"
        }
        return "<h2>Lịch kiểm tra</h2><div class=\"table-wrap\"><table><thead><tr><th>Ngày</th><th>Đơn vị</th><th>Hình thức</th>"
            + "<th>Báo cáo trước kiểm tra (hạn · tình trạng)</th><th>Kết luận</th><th>Vấn đề</th><th>Chưa xong</th></tr></thead>"
            + "<tbody>\(rows)</tbody></table></div>"
    }

    static func findingsTable(_ v: InspectionView) -> HTML {
        guard !v.findings.isEmpty else { return .empty }
        let rows: [HTML] = v.findings.map { f in
            "<tr class=\"\(f.state.isOverdue ? "row-error" : "")\"><td>\(f.unitName)</td><td>\(f.areaTitle)</td>"
                + "<td><a href=\"\(SiteURL.Inspections.visit(.value(f.unitID), .value(f.visitID)).path)#f-\(f.id)\">\(f.description)</a></td>"
                + "<td>\(f.responsible)</td><td>\(f.due.vietnamese)</td><td>\(f.state.label)</td></tr>"
        }
        return "<h2>Vấn đề phát hiện</h2><div class=\"table-wrap\"><table><thead><tr><th>Đơn vị</th><th>Lĩnh vực</th><th>Vấn đề</th>"
            + "<th>Chịu trách nhiệm</th><th>Hạn khắc phục</th><th>Tình trạng</th></tr></thead><tbody>\(rows)</tbody></table></div>"
    }
}
