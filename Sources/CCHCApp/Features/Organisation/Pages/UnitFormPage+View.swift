import Foundation
import CCHCDomain

extension UnitFormPage {
    /// Renders the unit form from its model alone.
    enum View {}
}

extension UnitFormPage.View {
    static func render(_ model: UnitFormPage.Model) -> HTML {
        let title = model.title, values = model.values, failure = model.failure, editing = model.editing
        let noParent: HTML = model.allowsTopLevel ? "<option value=\"\">— (cấp cao nhất: tỉnh/thành phố)</option>" : .empty
        return """
        <h1>\(title)</h1>
        \(Layout.errorSummary(failure))
        <form method="post" action="\(model.action.path)" class="stack card">\(editing.map { Revisions.field($0.revision) } ?? .empty)
        <label for="name">Tên đơn vị</label>
        <input id="name" name="name" value="\(values.name)" placeholder="vd: Xã Tân Lập" required>
        \(Layout.errors(failure, "name"))
        <label for="code">Mã đơn vị</label>
        <input id="code" name="code" value="\(values.code)" placeholder="vd: HT-THA-TANLAP" required>
        \(Layout.errors(failure, "code"))
        <label for="kind">Loại đơn vị</label>
        <select id="kind" name="kind" required><option value="">— chọn —</option>\
        \(Layout.options(UnitKind.allCases, selected: values.kind, value: \.rawValue, label: \.label))</select>
        \(Layout.errors(failure, "kind"))
        <label for="parentID">Đơn vị cấp trên</label>
        <select id="parentID" name="parentID">\(noParent)\(Layout.options(model.parents, selected: values.parentID.map(String.init),
            value: { String($0.id ?? 0) },
            label: { String(repeating: "  ", count: max(0, $0.depth - 1)) + $0.name + " (" + $0.code + ")" }))</select>
        \(Layout.errors(failure, "parentID"))
        <label><input type="checkbox" name="isStandingAgency" value="on"\(HTML.attr("checked", if: values.isStandingAgency))> \
        Là cơ quan thường trực về CCHC của đơn vị cấp trên (Phòng/Sở Nội vụ)</label>
        \(Layout.errors(failure, "isStandingAgency"))
        <p><button type="submit">Lưu</button> <a href="\((editing.map { SiteURL.Units.unit(.value($0.id ?? 0)) } ?? .list).path)">Hủy</a></p>
        </form>
        """
    }
}
