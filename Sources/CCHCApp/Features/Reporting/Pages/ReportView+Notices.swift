import Foundation
import CCHCDomain

/// Notices on the report page: what changed after it was sent for signature, what an upload changed.
extension ReportView {
    /// For the leader about to sign: what was changed after the report was sent for signature, highlighted.
    static func changesSinceSent(_ history: [AuditEvent], form: FormDefinition) -> HTML {
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
    static func changesHTML(_ changes: [String]?) -> HTML {
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
