import Vapor
import CCHCDomain

/// The one base layout every page is rendered on.
enum Layout {
    static func page(request: Request, title: String, flash: String? = nil, body: HTML) -> HTML {
        let actor = request.actorIfAny
        let nav: HTML
        if let actor {
            var links: [HTML] = [
                link(SiteURL.home, "Trang chủ", request),
                link(SiteURL.units, "Đơn vị", request),
            ]
            if actor.canManage { links.append(link(SiteURL.users, "Tài khoản", request)) }
            links.append(link(SiteURL.reports(actor.jurisdictionID == actor.unitID || actor.role != .standingOfficer ? actor.unitID : actor.jurisdictionID), "Báo cáo", request))
            if actor.canManage { links.append(link(SiteURL.timeliness(actor.jurisdictionID, year: Day(request.now).year), "Theo dõi nộp", request)) }
            links.append(link(SiteURL.forms, "Biểu mẫu", request))
            links.append(link(SiteURL.audit, "Nhật ký", request))
            nav = """
            <nav class="main">\(links)</nav>
            <div class="who"><span title="\(actor.role.label)">\(actor.fullName)</span> · <span class="muted">\(actor.unitName)</span>
            <form method="post" action="\(SiteURL.logout)" class="inline"><button type="submit" class="link">Đăng xuất</button></form></div>
            """
        } else {
            nav = .empty
        }
        let flashHTML: HTML = flash.map { "<p class=\"flash\" role=\"status\">\($0)</p>" } ?? .empty
        let page: HTML = """
        <!doctype html>
        <html lang="vi">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) — CCHC</title><link rel="stylesheet" href="\(SiteURL.stylesheet)"></head>
        <body>
        <header class="top"><a class="brand" href="\(SiteURL.home)">CCHC <small>Cải cách hành chính</small></a>\(nav)</header>
        <main>\(flashHTML)\(body)</main>
        <footer>Hệ thống quản lý cải cách hành chính · giờ Việt Nam (UTC+7)</footer>
        <script src="\(SiteURL.script)"></script>
        </body></html>
        """
        // Every state-changing form of a signed-in page carries the session's CSRF token.
        guard let token = CSRF.sessionToken(request) else { return page }
        return HTML(raw: CSRF.protect(page.raw, token: token))
    }

    private static func link(_ href: String, _ label: String, _ request: Request) -> HTML {
        let path = request.url.path
        let current = href == "/" ? path == "/" : path.hasPrefix(href)
        return "<a href=\"\(href)\"\(HTML.attr("aria-current=\"page\"", if: current))>\(label)</a>"
    }

    /// Field-level messages under an input.
    static func errors(_ failure: ValidationFailure?, _ field: String) -> HTML {
        guard let failure else { return .empty }
        return failure.messages(for: field).map { "<p class=\"field-error\">\($0)</p>" as HTML }.joined()
    }

    /// A summary of every problem, at the top of a form.
    static func errorSummary(_ failure: ValidationFailure?) -> HTML {
        guard let failure, !failure.errors.isEmpty else { return .empty }
        return """
        <div class="error-summary" role="alert"><strong>Chưa lưu được — vui lòng sửa:</strong>
        <ul>\(failure.errors.map { "<li>\($0.message)</li>" as HTML })</ul></div>
        """
    }

    static func options<T>(_ items: [T], selected: String?, value: (T) -> String, label: (T) -> String) -> HTML {
        items.map { item in
            let v = value(item)
            return "<option value=\"\(v)\"\(HTML.attr("selected", if: v == selected))>\(label(item))</option>" as HTML
        }.joined()
    }
}

enum Assets {
    static let css = """
    *{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,"Segoe UI",Roboto,Arial,sans-serif;color:#1d2733;background:#f4f6f8}
    header.top{display:flex;flex-wrap:wrap;align-items:center;gap:1rem;background:#8b1a1a;color:#fff;padding:.5rem 1rem}
    header.top a{color:#fff;text-decoration:none}.brand{font-weight:700;font-size:1.15rem}.brand small{font-weight:400;opacity:.85}
    nav.main{display:flex;gap:.25rem;flex-wrap:wrap}nav.main a{padding:.3rem .6rem;border-radius:4px}nav.main a[aria-current]{background:rgba(255,255,255,.2)}
    .who{margin-left:auto;font-size:.9rem}.who .muted{color:#f3d6d6}
    main{max-width:1200px;margin:1rem auto;padding:0 1rem}footer{text-align:center;color:#6b7785;font-size:.8rem;padding:2rem}
    h1{font-size:1.4rem;margin:.5rem 0 1rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
    table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #d8dee4;padding:.35rem .5rem;text-align:left;vertical-align:top}
    th{background:#eef1f4;font-weight:600}tr.retired td{color:#7a8591;background:#fafafa}
    .card{background:#fff;border:1px solid #d8dee4;border-radius:6px;padding:1rem;margin-bottom:1rem}
    form.stack label{display:block;margin:.6rem 0 .2rem;font-weight:600}form.stack input,form.stack select{width:100%;max-width:32rem;padding:.4rem;border:1px solid #aab4be;border-radius:4px;font:inherit}
    form.inline{display:inline}button,.button{display:inline-block;background:#8b1a1a;color:#fff;border:0;border-radius:4px;padding:.45rem .9rem;font:inherit;cursor:pointer;text-decoration:none}
    button.link{background:none;color:inherit;padding:0;text-decoration:underline}.button.secondary{background:#5b6773}
    .field-error{color:#a40000;margin:.2rem 0}.error-summary{border:2px solid #a40000;background:#fff3f3;padding:.6rem 1rem;margin-bottom:1rem;border-radius:4px}
    .flash{background:#e8f5e9;border:1px solid #9ccc9c;padding:.5rem 1rem;border-radius:4px}
    .muted{color:#6b7785}.tag{display:inline-block;font-size:.8rem;padding:0 .4rem;border-radius:3px;background:#eef1f4}.tag.warn{background:#fff0d0}.tag.ok{background:#e1f3e1}
    .search{display:flex;gap:.5rem;flex-wrap:wrap;margin-bottom:1rem}.search input[type=search]{flex:1;min-width:14rem;padding:.4rem;border:1px solid #aab4be;border-radius:4px}
    .crumbs{font-size:.9rem;color:#6b7785}.crumbs a{color:inherit}
    .indent-1{padding-left:1.2rem}.indent-2{padding-left:2.4rem}.indent-3{padding-left:3.6rem}.indent-4{padding-left:4.8rem}
    .cell.on_time{background:#dff3df}.cell.late{background:#ffe7c2}.cell.overdue{background:#f8c9c9}.cell.returned{background:#f3d9f7}.cell.due_soon{background:#fff6c9}.cell.not_due{background:#f4f6f8}
    .tag.on_time{background:#dff3df}.tag.late{background:#ffe7c2}.tag.overdue{background:#f8c9c9}.tag.returned{background:#f3d9f7}.tag.due_soon{background:#fff6c9}
    table.timeliness td.cell a{color:inherit;text-decoration:none}tr.total th,tr.total td{font-weight:600}
    table.stats tr.group th,table.stats tr.group td{background:#eef1f4;font-weight:600}tr.row-error td{background:#fff0f0}tr.row-warn td{background:#fff8e1}
    td.prev{color:#6b7785}.warnings{border:2px solid #c58a00;background:#fffaf0;padding:.6rem 1rem;margin-bottom:1rem;border-radius:4px}
    .report-form textarea,.stack textarea{width:100%;font:inherit}.sticky-save{position:sticky;bottom:0;background:#f4f6f8;padding:.5rem 0}
    .actions form.card{max-width:32rem}tr.changed td{background:#fff8e1}.prose{white-space:pre-wrap}
    .login{max-width:24rem;margin:3rem auto}.error h1{color:#a40000}
    dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem}dl.facts dt{font-weight:600}dl.facts dd{margin:0}
    @media (max-width:640px){.who{margin-left:0}table{font-size:.9rem;display:block;overflow-x:auto}}
    """

    /// Comfort only: filters a long picker as you type, ignoring diacritics. Pages work without it.
    static let js = """
    (function(){
      function fold(s){return s.toLowerCase().normalize('NFD').replace(/[\\u0300-\\u036f]/g,'').replace(/đ/g,'d');}
      document.querySelectorAll('input[data-filter]').forEach(function(input){
        var target=document.getElementById(input.getAttribute('data-filter'));if(!target)return;
        input.addEventListener('input',function(){var q=fold(input.value).split(/\\s+/).filter(Boolean);
          target.querySelectorAll('[data-text]').forEach(function(el){var t=fold(el.getAttribute('data-text'));
            el.style.display=q.every(function(w){return t.indexOf(w)>=0;})?'':'none';});});
      });
    })();
    """
}
