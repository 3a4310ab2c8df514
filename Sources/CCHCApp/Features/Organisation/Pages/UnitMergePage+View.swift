import Foundation
import CCHCDomain

extension UnitMergePage {
    /// Renders the merge form from its model alone.
    enum View {}
}

extension UnitMergePage.View {
    static let title = "Sáp nhập đơn vị"

    static func render(_ model: UnitMergePage.Model) -> HTML {
        let body = model.body, failure = model.failure
        let chosen = Set(body.predecessorIDs ?? [])
        let boxes: [HTML] = model.candidates.map { u in
            let id = String(u.id ?? 0)
            return "<li data-text=\"\(u.name) \(u.code)\"><label><input type=\"checkbox\" name=\"predecessorIDs[]\" value=\"\(id)\""
                + "\(HTML.attr("checked", if: chosen.contains(id)))> \(u.name) <span class=\"muted\">(\(u.code))</span></label></li>"
        }
        return """
        <h1>Sáp nhập đơn vị</h1>
        <p class="muted">Đơn vị mới được thành lập trên cơ sở các đơn vị cũ. \
        Các đơn vị cũ ngừng hoạt động từ ngày sáp nhập; lịch sử của chúng vẫn xem được từ đơn vị mới.</p>
        \(Layout.errorSummary(failure))
        <form method="post" action="\(SiteURL.Units.merge.path)" class="stack card">
        <label>Các đơn vị cũ</label>
        <input type="search" data-filter="merge-list" placeholder="Lọc danh sách (không cần dấu)">
        <ul id="merge-list" style="max-height:18rem;overflow:auto;list-style:none;padding-left:0">\(boxes)</ul>
        \(Layout.errors(failure, "predecessorIDs"))
        <label for="name">Tên đơn vị mới</label><input id="name" name="name" value="\(body.name ?? "")" required>
        \(Layout.errors(failure, "name"))
        <label for="code">Mã đơn vị mới</label><input id="code" name="code" value="\(body.code ?? "")" required>
        \(Layout.errors(failure, "code"))
        <label for="kind">Loại đơn vị</label>
        <select id="kind" name="kind"><option value="">— chọn —</option>\
        \(Layout.options(UnitKind.allCases.filter(\.isJurisdiction), selected: body.kind, value: \.rawValue, label: \.label))</select>
        \(Layout.errors(failure, "kind"))
        <label for="parentID">Đơn vị cấp trên</label>
        <select id="parentID" name="parentID">\(Layout.options(model.parents, selected: body.parentID, value: { String($0.id ?? 0) },
            label: { $0.name + " (" + $0.code + ")" }))</select>
        \(Layout.errors(failure, "parentID"))
        <label for="mergedOn">Ngày sáp nhập (dd/MM/yyyy)</label>\
        <input id="mergedOn" name="mergedOn" value="\(body.mergedOn ?? "")" placeholder="01/07/2025" required>
        \(Layout.errors(failure, "mergedOn"))
        <p><button type="submit">Sáp nhập</button> <a href="\(SiteURL.Units.list.path)">Hủy</a></p>
        </form>
        """
    }
}
