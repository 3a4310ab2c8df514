import Vapor
import CCHCDomain

extension InspectionPage {
    /// The team schedules a visit: a round's, or an ad-hoc one from a complaint or a request.
    static func scheduleForm(_ v: InspectionView, _ p: InspectionPlanDocument, form: FormBody?) -> HTML {
        let units: [HTML] = v.scope.map { s in
            "<option value=\"\(s.id)\"\(HTML.attr("selected", if: form?["unitID"] == String(s.id)))>\(s.name)</option>" as HTML
        }
        let rounds: [HTML] = p.rounds.map { r in
            "<option value=\"\(r.number)\"\(HTML.attr("selected", if: form?["round"] == String(r.number)))>\(r.label)</option>" as HTML
        }
        return """
            <form method="post" action="\(SiteURL.Inspections.visits(.value(v.unitID)).path)" class="card stack"><h2>Lập lịch kiểm tra</h2>
            <input type="hidden" name="year" value="\(v.year)">
            <label for="v-unit">Đơn vị được kiểm tra</label><select id="v-unit" name="unitID">\(units)</select>
            <label for="v-round">Hình thức</label>
            <select id="v-round" name="round">\(rounds)<option value=""\(HTML.attr("selected", if: form?["round"] == ""))>Đột xuất</option></select>
            <label for="v-date">Ngày kiểm tra (dd/MM/yyyy)</label><input id="v-date" name="date" value="\(form?["date"] ?? "")" required>
            <label for="v-leader">Trưởng đoàn</label><input id="v-leader" name="leader" value="\(form?["leader"] ?? "")">
            <label for="v-members">Thành viên (mỗi dòng một người)</label><textarea id="v-members" name="members" rows="3">\(form?["members"] ?? "")</textarea>
            <label><input type="checkbox" name="unannounced"\(HTML.attr("checked", if: form?["unannounced"] == "on"))> \
            Không báo trước (không yêu cầu báo cáo trước kiểm tra)</label>
            <label for="v-origin">Đột xuất: căn cứ</label><select id="v-origin" name="origin">\
            <option value="complaint">Phản ánh, kiến nghị của người dân, tổ chức, doanh nghiệp</option>\
            <option value="request"\(HTML.attr("selected", if: form?["origin"] == "request"))>Yêu cầu của lãnh đạo</option></select>
            <label for="v-ref">Đột xuất: số, ký hiệu phản ánh, kiến nghị</label><input id="v-ref" name="complaintRef" value="\(form?["complaintRef"] ?? "")">
            <label for="v-on">Ngày phản ánh</label><input id="v-on" name="complaintOn" value="\(form?["complaintOn"] ?? "")">
            <label for="v-sum">Nội dung phản ánh, kiến nghị</label>
            <textarea id="v-sum" name="complaintSummary" rows="2">\(form?["complaintSummary"] ?? "")</textarea>
            <p><button type="submit">Lập lịch</button></p></form>
            """
    }
}

/// A visit: when and who, its moves, the pre-visit report, the conclusion and its findings with remediation and verification.
enum VisitPage {
    struct Model {
        var view: InspectionView
        var visit: InspectionView.VisitRow
        var conclusion: String?
        var preReport: String?
        var revision: Int
        var staff: Bool
        var form: FormBody?
        var failure: ValidationFailure?
        var conflict: String?
        var flash: String?
    }

    static func render(_ m: Model) -> HTML {
        let x = m.visit
        let u = Parameter<Int>.value(x.unitID), vid = Parameter<Int>.value(x.id)
        let team = m.view.team
        var parts: [HTML] = []
        let kind = x.round.map { "Kiểm tra định kỳ đợt \($0)" }
            ?? (x.origin == "request" ? "Kiểm tra đột xuất theo yêu cầu của lãnh đạo" : "Kiểm tra đột xuất")
        let complaintRef = [x.complaintRef, x.complaintOn.map { "ngày " + $0.vietnamese }].compactMap { $0 }.joined(separator: " ")
        let members = x.team.members.isEmpty ? "" : "; thành viên: " + x.team.members.joined(separator: ", ")
        let moveList = x.moves.map { m in "\(m.from.vietnamese) → \(m.to.vietnamese)" + (m.reason.map { " (\($0))" } ?? "") }
        let moves: HTML = x.moves.isEmpty ? .empty : "<p class=\"muted\">Đã dời lịch: \(moveList.joined(separator: "; "))</p>"
        parts.append("""
            <p class="crumbs"><a href="\(SiteURL.Inspections.overview(u).relativeURL(parameters: [QueryParameter("year", m.view.year)]))">\
            Kiểm tra CCHC năm \(m.view.year)</a></p>
            <h1>Kiểm tra CCHC tại \(x.unitName) ngày \(x.date.vietnamese)</h1>
            <div class="card"><dl class="facts">
            <dt>Hình thức</dt><dd>\(kind)\(x.unannounced ? " · không báo trước" : "")</dd>
            \(x.complaintSummary.map { "<dt>Căn cứ</dt><dd>Phản ánh, kiến nghị\(complaintRef): \($0)</dd>" as HTML } ?? .empty)
            <dt>Đoàn kiểm tra</dt><dd>Trưởng đoàn: \(x.team.leader)\(members)</dd>
            <dt>Báo cáo trước kiểm tra</dt><dd>\(x.preReportDue.map { "hạn \($0.vietnamese) · " } ?? "")\(x.preReportStatus)\
            \(x.preReportAt.map { " · gửi lúc \(VNDate.display($0))" } ?? "")</dd>
            <dt>Kết luận</dt><dd>\(x.concludedOn.map { "ngày \($0.vietnamese)" } ?? "chưa có")\(x.conclusionNumber.map { " · số \($0)" } ?? "")</dd>
            </dl>\(moves)</div>
            """)
        if let c = m.conflict { parts.append("<div class=\"error-summary\" role=\"alert\">\(c)</div>") }
        parts.append(InspectionPage.errors(m.failure))
        if let pre = m.preReport { parts.append("<h2>Báo cáo trước kiểm tra của đơn vị</h2><div class=\"card\">\(paragraphs(pre))</div>") }
        let open = x.concludedOn == nil
        if open && m.staff && !x.unannounced {
            parts.append("""
                <form method="post" action="\(SiteURL.Inspections.visitAction(u, vid, .value(.prereport)).path)" class="card stack">
                <h2>Báo cáo bằng văn bản gửi Đoàn kiểm tra</h2>\(Revisions.field(m.revision))
                <textarea name="preReport" rows="4" aria-label="Báo cáo trước kiểm tra">\(m.form?["preReport"] ?? m.preReport ?? "")</textarea>
                <p><button type="submit">Gửi báo cáo</button></p></form>
                """)
        }
        if open && team {
            parts.append("""
                <form method="post" action="\(SiteURL.Inspections.visitAction(u, vid, .value(.move)).path)" class="card stack"><h2>Dời lịch kiểm tra</h2>
                \(Revisions.field(m.revision))<label>Ngày mới (dd/MM/yyyy) <input name="date" value="\(m.form?["date"] ?? "")"></label>
                <label>Lý do <input name="reason" value="\(m.form?["reason"] ?? "")"></label>
                <p><button type="submit" class="secondary">Dời lịch</button></p></form>
                """)
            parts.append(concludeForm(m, u, vid))
        }
        if let c = m.conclusion {
            let file = SiteURL.Inspections.conclusionDOCX(u, vid).path
            parts.append("<h2>Thông báo kết luận</h2><div class=\"card\">\(paragraphs(c))<p><a href=\"\(file)\">Thông báo kết luận (.docx)</a></p></div>")
        }
        parts.append(findings(m, u, vid))
        return parts.joined()
    }

    /// Text as the team typed it: a paragraph per line.
    static func paragraphs(_ text: String) -> HTML {
        text.split(whereSeparator: \.isNewline).map { "<p>\(String($0))</p>" as HTML }.joined()
    }

    static func concludeForm(_ m: Model, _ u: Parameter<Int>, _ vid: Parameter<Int>) -> HTML {
        let areas = ReformArea.allCases
        let rows: [HTML] = (1...4).map { i in
            let chosen = m.form?["area:\(i)"] ?? ""
            let options = areas.map { "<option value=\"\($0.rawValue)\"\(HTML.attr("selected", if: $0.rawValue == chosen))>\($0.title)</option>" as HTML }
            return "<tr><td><select name=\"area:\(i)\" aria-label=\"Lĩnh vực vấn đề \(i)\">\(options)</select></td>"
                + "<td><textarea name=\"description:\(i)\" rows=\"2\" aria-label=\"Vấn đề \(i)\">\(m.form?["description:\(i)"] ?? "")</textarea></td>"
                + "<td><select name=\"severity:\(i)\"><option value=\"minor\">Thông thường</option>"
                + "<option value=\"major\"\(HTML.attr("selected", if: m.form?["severity:\(i)"] == "major"))>Nghiêm trọng</option></select></td>"
                + "<td><input name=\"responsible:\(i)\" value=\"\(m.form?["responsible:\(i)"] ?? "")\" aria-label=\"Bộ phận chịu trách nhiệm \(i)\"></td>"
                + "<td><input name=\"person:\(i)\" value=\"\(m.form?["person:\(i)"] ?? "")\" aria-label=\"Người chịu trách nhiệm \(i)\"></td></tr>"
        }
        return """
            <form method="post" action="\(SiteURL.Inspections.visitAction(u, vid, .value(.conclude)).path)" class="card stack"><h2>Kết luận kiểm tra</h2>
            \(Revisions.field(m.revision))
            <label>Ngày kết luận (dd/MM/yyyy) <input name="concludedOn" value="\(m.form?["concludedOn"] ?? "")"></label>
            <label>Số, ký hiệu thông báo kết luận <input name="number" value="\(m.form?["number"] ?? "")"></label>
            <label>Nội dung kết luận <textarea name="conclusion" rows="4">\(m.form?["conclusion"] ?? "")</textarea></label>
            <div class="table-wrap"><table class="par"><thead><tr><th>Lĩnh vực</th><th>Vấn đề phát hiện</th><th>Mức độ</th><th>Bộ phận chịu trách nhiệm</th>\
            <th>Người chịu trách nhiệm</th></tr></thead><tbody>\(rows)</tbody></table></div>
            <p class="muted">Hạn khắc phục: \(m.view.plan?.remediationDays ?? 15) ngày kể từ ngày kết luận.</p>
            <p><button type="submit">Ghi kết luận</button></p></form>
            """
    }

    static func findings(_ m: Model, _ u: Parameter<Int>, _ vid: Parameter<Int>) -> HTML {
        let mine = m.view.findings.filter { $0.visitID == m.visit.id }
        guard !mine.isEmpty else { return .empty }
        let items: [HTML] = mine.map { f in
            var actions: HTML = .empty
            let rev = "<input type=\"hidden\" name=\"revision\" value=\"\(f.revision)\">"
            if f.status == .open && m.staff {
                let target = SiteURL.Inspections.findingAction(u, vid, .value(f.id), .value(.remediate)).path
                actions = "<form method=\"post\" action=\"\(target)\" class=\"stack\">"
                    + "\(HTML(raw: rev))<label>Báo cáo khắc phục <textarea name=\"remediation\" rows=\"2\"></textarea></label>"
                    + "<label>Ngày khắc phục xong (dd/MM/yyyy; trống: hôm nay) <input name=\"fixedOn\"></label>"
                    + "<button type=\"submit\">Báo cáo đã khắc phục</button></form>"
            } else if f.status == .fixed && m.view.team {
                actions = "<form method=\"post\" action=\"\(SiteURL.Inspections.findingAction(u, vid, .value(f.id), .value(.verify)).path)\" class=\"inline\">"
                    + "\(HTML(raw: rev))<button type=\"submit\">Xác minh: đã khắc phục</button></form> "
                    + "<form method=\"post\" action=\"\(SiteURL.Inspections.findingAction(u, vid, .value(f.id), .value(.reopen)).path)\" class=\"inline\">"
                    + "\(HTML(raw: rev))<button type=\"submit\" class=\"secondary\">Chưa đạt, mở lại</button></form>"
            }
            return """
                <div class="card" id="f-\(f.id)">
                <p><strong>\(f.areaTitle)</strong> · \(f.severity == "major" ? "Nghiêm trọng" : "Thông thường"): \(f.description)</p>
                <p>Chịu trách nhiệm: \(f.responsible)\(f.person.map { " (\($0))" } ?? "") · hạn khắc phục \(f.due.vietnamese) · \
                <span class="tag \(f.state.isOverdue ? "overdue" : f.status == .verified ? "on_time" : "due_soon")">\(f.state.label)</span></p>
                \(f.remediation.map { "<p class=\"muted\">Báo cáo khắc phục\(f.fixedOn.map { " (\($0.vietnamese))" } ?? ""): \($0)</p>" as HTML } ?? .empty)
                \(actions)</div>
                """
        }
        return "<h2>Vấn đề phát hiện (\(mine.count))</h2>" + items.joined()
    }
}
