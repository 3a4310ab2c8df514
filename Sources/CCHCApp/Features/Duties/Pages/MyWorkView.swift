import Foundation
import CCHCDomain

/// The work list as HTML: owed duties (overdue first, then soonest), returned items, signatures, reviews, changes.
enum MyWorkView {
    static func render(_ w: MyWork) -> HTML {
        var parts: [HTML] = []
        if !w.reminders.isEmpty {
            parts.append("""
                <section class="card" id="reminders" role="status"><h2>Nhắc hạn mới (\(w.reminders.count))</h2>\
                <ul class="worklist">\(w.reminders.map { "<li><a href=\"\($0.url)\">\($0.title)</a></li>" as HTML })</ul>
                <form method="post" action="\(SiteURL.Duties.readReminders.path)" class="inline">\
                <button type="submit" class="secondary">Đánh dấu đã xem</button></form></section>
                """)
        }
        if !w.returned.isEmpty { parts.append(section("Bị trả lại, cần sửa và gửi lại", id: "returned", w.returned.map(dutyRow))) }
        parts.append(owed(w))
        if !w.toSign.isEmpty || w.roleLabel == Role.leader.label {
            parts.append(lines("Chờ bạn ký", id: "to-sign", w.toSign, empty: "Không có văn bản nào chờ bạn ký."))
        }
        if !w.toReview.isEmpty || w.roleLabel == Role.standingOfficer.label {
            parts.append(lines("Chờ cơ quan thường trực xem xét", id: "to-review", w.toReview,
                               empty: "Các đơn vị trực thuộc chưa gửi gì mới cần tiếp nhận, thẩm định hay xác minh."))
        }
        let since = w.lastVisit.map { "từ lần truy cập trước (\(VNDate.display($0)))" } ?? "trong 7 ngày qua"
        parts.append(lines("Thay đổi \(since)", id: "changes", w.changes, empty: "Không có thay đổi nào của người khác."))
        if !w.recentlyDone.isEmpty { parts.append(section("Đã xong trong 30 ngày qua", id: "done", w.recentlyDone.map(dutyRow))) }
        return parts.joined()
    }

    static func owed(_ w: MyWork) -> HTML {
        guard !w.owed.isEmpty else {
            return """
                <section class="card" id="owed"><h2>Việc phải làm</h2><p>Đơn vị không còn việc nào đến hạn hay quá hạn \
                trong năm nay và năm sau: báo cáo, kế hoạch, tự kiểm tra, khắc phục, chỉ số CCHC.</p></section>
                """
        }
        let overdue = w.owed.filter { $0.status == .overdue }.count
        let soon = w.owed.filter { $0.status == .dueSoon }.count
        let head: HTML = "<p>\(w.owed.count) việc chưa xong · <strong>\(overdue) quá hạn</strong> · \(soon) sắp đến hạn (7 ngày)</p>"
        return section("Việc phải làm", id: "owed", w.owed.map(dutyRow), lead: head)
    }

    static func section(_ title: String, id: String, _ rows: [HTML], lead: HTML = .empty) -> HTML {
        """
        <section class="card" id="\(id)"><h2>\(title)</h2>\(lead)<div class="table-wrap"><table class="worklist">
        <thead><tr><th scope="col">Hạn</th><th scope="col">Việc</th><th scope="col">Đơn vị</th><th scope="col">Tình trạng</th></tr></thead>
        <tbody>\(rows)</tbody></table></div></section>
        """
    }

    static func tagClass(_ s: DutyStatus) -> String {
        switch s {
        case .overdue: "overdue"
        case .dueSoon: "due"
        case .doneLate: "late"
        case .doneOnTime, .waived: "ok"
        case .upcoming: "on"
        }
    }

    static func dutyRow(_ l: MyWork.DutyLine) -> HTML {
        let d = l.duty
        let note: HTML = d.note.map { "<br><span class=\"muted\">\($0)</span>" as HTML } ?? .empty
        return """
            <tr class="duty-\(l.status.rawValue)"><td>\((d.dueTime.map { $0 + " " } ?? "") + d.dueDay.vietnamese)</td>\
            <td><a href="\(d.url)">\(d.title)</a><br><span class="muted">\(d.kind.title)</span>\(note)</td>\
            <td>\(d.unitName)</td><td><span class="tag \(tagClass(l.status))">\(l.statusLabel)</span><br>\
            <span class="muted">\(l.dueText)</span></td></tr>
            """
    }

    static func lines(_ title: String, id: String, _ items: [MyWork.Line], empty: String) -> HTML {
        guard !items.isEmpty else { return "<section class=\"card\" id=\"\(id)\"><h2>\(title)</h2><p class=\"muted\">\(empty)</p></section>" }
        let rows: [HTML] = items.map { i in
            let unit: String = i.unitName.isEmpty ? "" : " — \(i.unitName)"
            let detail: HTML = i.detail.map { " <span class=\"muted\">· \($0)</span>" as HTML } ?? .empty
            let at: HTML = i.at.map { " <span class=\"muted\">(\(VNDate.display($0)))</span>" as HTML } ?? .empty
            return "<li><a href=\"\(i.url)\">\(i.title)</a>\(unit)\(detail)\(at)</li>"
        }
        return "<section class=\"card\" id=\"\(id)\"><h2>\(title)</h2><ul class=\"worklist\">\(rows)</ul></section>"
    }
}
