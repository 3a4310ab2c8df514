import Vapor
import CCHCDomain

/// The one base layout every page is rendered on.
enum Layout {
    static func page(request: Request, title: String, flash: String? = nil, body: HTML) -> HTML {
        let actor = request.actorIfAny
        let nav: HTML
        if let actor {
            var links: [(href: String, label: String, section: MenuSection)] = [
                (SiteURL.home.path, "Việc của tôi", .work),
                (SiteURL.Units.list.path, "Đơn vị", .units),
            ]
            if actor.canManage { links.append((SiteURL.Users.list.path, "Tài khoản", .users)) }
            // An office's staff (and the standing agency) work on their jurisdiction's report: the office's part is in it.
            let reportsUnit = actor.jurisdictionID
            // Plans: the standing agency tracks its jurisdiction's; everybody else opens their own unit's.
            let plansUnit = actor.canManage ? actor.jurisdictionID : actor.unitID
            links.append((SiteURL.Plans.list(.value(plansUnit)).path, "Kế hoạch", .plans))
            links.append((SiteURL.Reports.list(.value(reportsUnit)).path, "Báo cáo", .reports))
            links.append((SiteURL.Par.index.path, "Chỉ số CCHC", .par))
            links.append((SiteURL.Inspections.overview(.value(plansUnit)).path, "Kiểm tra", .inspections))
            // Leaders and the standing agency: the year at a glance.
            if (actor.canManage && !actor.isAdmin) || (actor.role == .leader && actor.scope.canSign(for: actor.scope.unit)) {
                links.append((SiteURL.Duties.overview(.value(actor.canManage ? actor.jurisdictionID : actor.unitID)).path, "Tổng quan", .overview))
            }
            if actor.canManage && !actor.isAdmin {
                let timeliness = SiteURL.Reports.timeliness(.value(actor.jurisdictionID))
                links.append((timeliness.relativeURL(parameters: [QueryParameter("year", Day(request.now).year)]), "Theo dõi nộp", .timeliness))
            }
            links.append((SiteURL.Forms.list.path, "Biểu mẫu", .forms))
            links.append((SiteURL.audit.path, "Nhật ký", .audit))
            // One item is marked: the section this kind of page belongs to, whoever's unit it shows (a commune's report is
            // "Báo cáo" for the district's officer too), else the next section it falls under when the menu lacks the first.
            let current = MenuSection.of(path: request.url.path).lazy.compactMap { s in links.first { $0.section == s }?.href }.first
            let items: [HTML] = links.map { l in
                "<a href=\"\(l.href)\"\(HTML.attr("aria-current=\"page\"", if: l.href == current))>\(l.label)</a>"
            }
            nav = """
            <nav class="main" aria-label="Menu chính">\(items)</nav>
            <div class="who"><span title="\(actor.role.label)">\(actor.fullName)</span> · <span class="muted">\(actor.unitName)</span>
            <form method="post" action="\(SiteURL.logout.path)" class="inline"><button type="submit" class="link">Đăng xuất</button></form></div>
            """
        } else {
            nav = .empty
        }
        let flashHTML: HTML = flash.map { "<p class=\"flash\" role=\"status\">\($0)</p>" } ?? .empty
        let page: HTML = """
        <!doctype html>
        <html lang="vi">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) — CCHC</title><link rel="stylesheet" href="\(SiteURL.stylesheet.path)"></head>
        <body><a class="skip" href="#main">Bỏ qua menu</a>
        <header class="top"><a class="brand" href="\(SiteURL.home.path)">CCHC <small>Cải cách hành chính</small></a>\(nav)</header>
        <main id="main">\(flashHTML)\(body)</main>
        <footer>Hệ thống quản lý cải cách hành chính · giờ Việt Nam (UTC+7)</footer>
        <script src="\(SiteURL.script.path)"></script>
        </body></html>
        """
        // Every state-changing form of a signed-in page carries the session's CSRF token.
        guard let token = CSRF.sessionToken(request) else { return page }
        return HTML(raw: CSRF.protect(page.raw, token: token))
    }

    /// Field-level messages under an input.
    static func errors(_ failure: ValidationFailure?, _ field: String) -> HTML {
        guard let failure else { return .empty }
        return failure.messages(for: field).map { "<p class=\"field-error\">\($0)</p>" as HTML }.joined()
    }

    /// A summary of every problem, at the top of a form.
    /// `heading` names what did not happen ("Chưa ký và gửi được"); saving is the default.
    /// `anchor` names the element a field's message leads to (the row on a long form), so a phone user jumps to it.
    static func errorSummary(_ failure: ValidationFailure?, heading: String = "Chưa lưu được — vui lòng sửa:",
                             anchor: (String) -> String? = { _ in nil }) -> HTML {
        guard let failure, !failure.errors.isEmpty else { return .empty }
        let items: [HTML] = failure.errors.map { e in
            anchor(e.field).map { "<li><a href=\"#\($0)\">\(e.message)</a></li>" as HTML } ?? "<li>\(e.message)</li>"
        }
        return """
        <div class="error-summary" role="alert"><strong>\(heading)</strong>
        <ul>\(items)</ul></div>
        """
    }

    static func options<T>(_ items: [T], selected: String?, value: (T) -> String, label: (T) -> String) -> HTML {
        items.map { item in
            let v = value(item)
            return "<option value=\"\(v)\"\(HTML.attr("selected", if: v == selected))>\(label(item))</option>" as HTML
        }.joined()
    }
}
