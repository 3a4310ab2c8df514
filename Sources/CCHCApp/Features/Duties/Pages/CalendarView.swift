import Foundation
import CCHCDomain

/// The calendar feeds page: what a feed is, the address just made (shown once), the account's feeds with revoke buttons.
enum CalendarView {
    static func render(feeds: [CalendarFeedDTO], units: [Unit], made: CalendarFeedDTO?) -> HTML {
        let fresh: HTML = made.flatMap { m in m.url.map { url in
            """
            <div class="card" id="new-feed" role="status"><h2>Đã tạo: \(m.title)</h2>
            <p>Sao chép đường dẫn dưới đây vào ứng dụng lịch (Google Calendar: <em>Thêm lịch › Từ URL</em>; iPhone: \
            <em>Cài đặt › Lịch › Tài khoản › Thêm lịch đã đăng ký</em>). Đường dẫn chỉ hiện một lần; ai có nó đều xem được lịch, \
            nên đừng chia sẻ — khi lộ, hãy thu hồi và tạo đường dẫn mới.</p>
            <p><input type="text" readonly value="\(url)" aria-label="Đường dẫn lịch" \
            style="width:100%;box-sizing:border-box" onfocus="this.select()"></p></div>
            """ as HTML
        } } ?? .empty
        let choices: [HTML] = units.map { u in "<option value=\"\(u.id ?? 0)\">Lịch việc của \(u.name)</option>" }
        let rows: [HTML] = feeds.map { f in
            let state: HTML = f.revokedAt.map { "<span class=\"tag overdue\">Đã thu hồi \(VNDate.display($0))</span>" }
                ?? """
                   <form method="post" action="\(SiteURL.Calendar.revoke(.value(f.id)).path)" class="inline">\
                   <button type="submit" class="secondary">Thu hồi</button></form>
                   """
            return "<tr><td>\(f.title)</td><td>\(VNDate.display(f.createdAt))</td><td>\(state)</td></tr>"
        }
        let list: HTML = feeds.isEmpty ? "<p class=\"muted\">Bạn chưa tạo đường dẫn lịch nào.</p>" : """
            <div class="table-wrap"><table><thead><tr><th scope="col">Lịch</th><th scope="col">Tạo lúc</th><th scope="col">Tình trạng</th></tr>\
            </thead><tbody>\(rows)</tbody></table></div>
            """
        return """
            <h1>Lịch việc trên điện thoại</h1>
            <p>Mỗi hạn của báo cáo, kế hoạch, tự kiểm tra, khắc phục, chỉ số CCHC và nhiệm vụ được giao thành một sự kiện \
            trong lịch bạn vẫn dùng, có nhắc trước một ngày. Lịch tự cập nhật khi hạn thay đổi.</p>
            \(fresh)
            <form method="post" action="\(SiteURL.Calendar.settings.path)" class="card stack">
            <label>Tạo đường dẫn lịch mới <select name="unitID"><option value="">Lịch việc của tôi</option>\(choices)</select></label>
            <p><button type="submit">Tạo đường dẫn</button></p></form>
            <h2>Các đường dẫn đã tạo</h2>
            \(list)
            """
    }
}
