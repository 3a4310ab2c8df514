import Vapor
import CCHCDomain

/// A round: its units with their state (the council's work list), and its ranking — rank (ties share it), total, class, change
/// on last year, subtotals per area.
enum ParRoundPage {
    static func render(_ v: ParRoundView, results: Bool) -> HTML {
        let r = Parameter<Int>.value(v.roundID)
        let p = ParPoints.text
        let head: HTML = """
            <p class="crumbs"><a href="\(SiteURL.Par.index.path)">Chỉ số CCHC</a></p>
            <h1>\(results ? "Kết quả chỉ số CCHC" : "Đánh giá chỉ số CCHC") năm \(v.year) — \(v.jurisdictionName)</h1>
            <div class="card"><dl class="facts">
            <dt>Bộ tiêu chí</dt><dd><a href="\(SiteURL.Par.framework(.value(v.frameworkID)).path)">\(v.frameworkTitle)</a> \
            · nhóm: \(ParService.groupLabel(v.group))</dd>
            <dt>Trạng thái</dt><dd><strong>\(v.stateLabel)</strong>\(v.publishedAt.map { " · công bố lúc \(VNDate.display($0))" } ?? "")</dd>
            <dt>Thời hạn</dt><dd>tự đánh giá từ \(v.opensOn), gửi chậm nhất \(v.selfDue); giải trình chậm nhất \(v.answerDue)</dd>
            </dl></div>
            <p class="actions">\(results ? "<a href=\"\(SiteURL.Par.round(r).path)\">Tiến độ các đơn vị</a>" as HTML
                : "<a href=\"\(SiteURL.Par.results(r).path)\">Bảng xếp hạng</a>" as HTML) · \
            <a href="\(SiteURL.Par.resultsXLSX(r).path)">Kết quả (.xlsx)</a></p>
            """
        return head + (results ? ranking(v) : progress(v)) + (v.council ? moves(v) : .empty)
    }

    static func progress(_ v: ParRoundView) -> HTML {
        let p = ParPoints.text
        let counts = Dictionary(grouping: v.units, by: \.stateLabel).mapValues(\.count)
        let rows: [HTML] = v.units.map { u in
            "<tr><td><a href=\"\(u.url)\">\(u.unitName)</a></td><td>\(u.stateLabel)\(u.late ? " <span class=\"tag late\">muộn</span>" as HTML : .empty)"
                + "\(u.withdrawals > 0 ? " <span class=\"muted\">(rút lại \(u.withdrawals) lần)</span>" as HTML : .empty)</td>"
                + "<td>\(u.submittedAt.map { VNDate.display($0) } ?? "—")</td><td class=\"num\">\(u.selfTotal.map(p) ?? "—")</td>"
                + "<td class=\"num\">\(u.total.map(p) ?? "—")</td></tr>"
        }
        return """
            <h2>Các đơn vị (\(v.units.count))</h2>
            <p class="muted">\(counts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: " · "))</p>
            <div class="table-wrap"><table><thead><tr><th>Đơn vị</th><th>Trạng thái</th><th>Gửi lúc</th><th>Tự chấm</th><th>Thẩm định</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """
    }

    static func ranking(_ v: ParRoundView) -> HTML {
        let p = ParPoints.text
        let ranked = v.units.filter { $0.rank != nil }
        guard !ranked.isEmpty else {
            return "<p class=\"muted\">Chưa có kết quả: \(v.council ? "chưa đơn vị nào gửi tự đánh giá." : "kết quả chưa được công bố.")</p>"
        }
        let heads: HTML = v.areas.map { a in
            let name = a.name.count > 24 ? String(a.name.prefix(22)) + "…" : a.name
            let max: HTML = a.max > 0 ? "/\(p(a.max))" : "điểm trừ"
            return "<th title=\"\(a.name)\">\(a.code). \(name)<br><span class=\"muted\">\(max)</span></th>" as HTML
        }.joined()
        let rows: [HTML] = ranked.map { u in
            "<tr><td class=\"num\">\(u.rank.map(String.init) ?? "")\(u.tied ? " <span class=\"tag\">đồng hạng</span>" as HTML : .empty)</td>"
                + "<td><a href=\"\(u.url)\">\(u.unitName)</a></td>"
                + "\(u.areaPoints.map { "<td class=\"num\">\(p($0))</td>" as HTML })"
                + "<td class=\"num\"><strong>\(u.total.map(p) ?? "")</strong></td><td>\(u.classLabel ?? "")</td>"
                + "<td class=\"num\" title=\"\(u.changeBasis ?? "")\">\(u.change ?? "—")</td></tr>"
        }
        let missing = v.units.filter { $0.rank == nil }.map(\.unitName)
        return """
            <h2>Xếp hạng</h2>\(v.state != "published" ? "<p class=\"warnings\">Kết quả tạm thời: chưa công bố.</p>" as HTML : .empty)
            <div class="table-wrap"><table class="par-results"><thead><tr><th>Hạng</th><th>Đơn vị</th>\(heads)<th>Tổng điểm</th><th>Xếp loại</th>\
            <th>So với năm trước</th></tr></thead><tbody>\(rows)</tbody></table></div>
            \(missing.isEmpty ? .empty : "<p class=\"muted\">Chưa có điểm: \(missing.joined(separator: ", ")).</p>" as HTML)
            """
    }

    static func moves(_ v: ParRoundView) -> HTML {
        let r = Parameter<Int>.value(v.roundID)
        let next: [(String, String, String)] = switch v.state {
        case "selfAssessment": [("appraisal", "Hết hạn tự đánh giá: bắt đầu thẩm định", "Đơn vị không gửi, không rút lại được nữa.")]
        case "appraisal": [("closed", "Kết thúc thẩm định", "Điểm thẩm định là điểm chính thức; không chấm lại được.")]
        case "closed": [("published", "Công bố kết quả", "Các đơn vị xem được hạng, xếp loại và lập kế hoạch nâng cao chỉ số."),
                        ("appraisal", "Mở lại thẩm định", "")]
        default: []
        }
        return next.map { state, label, note in
            "<form method=\"post\" action=\"\(SiteURL.Par.round(r).path)\" class=\"card\">\(Revisions.field(v.revision))"
                + "<input type=\"hidden\" name=\"state\" value=\"\(state)\"><button type=\"submit\">\(label)</button> "
                + "<span class=\"muted\">\(note)</span></form>"
                as HTML
        }.joined()
    }
}
