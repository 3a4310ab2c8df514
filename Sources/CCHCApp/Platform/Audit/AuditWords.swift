import Foundation
import CCHCDomain

/// The audit log in words: what each recorded action is called, the kinds a reader filters by, and the recorded fields'
/// names — so the log reads "Nguyễn Văn A ký, gửi báo cáo Quý I/2021 của Xã Thạch Đài", not `report.submit`.
enum AuditWords {
    /// A kind of event, as the filter offers it: the actions whose code starts with one of `prefixes`.
    struct Kind: Sendable {
        let code: String
        let label: String
        let prefixes: [String]
    }

    static let kinds: [Kind] = [
        .init(code: "report", label: "Báo cáo định kỳ", prefixes: ["report.", "regime.", "form."]),
        .init(code: "plan", label: "Kế hoạch CCHC", prefixes: ["plan."]),
        .init(code: "par", label: "Chỉ số CCHC", prefixes: ["par."]),
        .init(code: "inspection", label: "Kiểm tra CCHC", prefixes: ["inspection."]),
        .init(code: "register", label: "Sổ văn bản", prefixes: ["register."]),
        .init(code: "organisation", label: "Đơn vị", prefixes: ["unit."]),
        .init(code: "accounts", label: "Tài khoản, mã truy cập, lịch việc", prefixes: ["user.", "auth.token", "auth.revoke", "calendar."]),
        .init(code: "signin", label: "Đăng nhập, đăng xuất", prefixes: ["auth.login", "auth.logout", "auth.failed"]),
        .init(code: "system", label: "Dữ liệu mẫu, đo hiệu năng", prefixes: ["demo.", "bench."]),
    ]

    /// Sign-ins are most of the log: they are shown only when asked for.
    static let signIn = kinds.first { $0.code == "signin" }!

    static func kind(_ code: String?) -> Kind? { code.flatMap { c in kinds.first { $0.code == c } } }

    static func kind(ofAction action: String) -> Kind? { kinds.first { k in k.prefixes.contains { action.hasPrefix($0) } } }

    /// What the action is called ("Ký, gửi báo cáo"); the kind's name for an action not listed.
    static func label(_ action: String) -> String {
        actions[action] ?? kind(ofAction: action)?.label ?? action
    }

    private static let actions: [String: String] = [
        "report.save": "Lưu báo cáo", "report.sendToLeader": "Trình lãnh đạo ký", "report.submit": "Ký, gửi báo cáo",
        "report.accept": "Tiếp nhận báo cáo", "report.return": "Trả lại báo cáo", "report.newVersion": "Mở bản sửa đổi",
        "report.assemble": "Lập dự thảo từ số liệu tổng hợp", "report.backToDrafter": "Trả lại người soạn",
        "regime.create": "Ban hành chế độ báo cáo", "regime.offices": "Phân công cơ quan trả lời",
        "plan.create": "Lập kế hoạch", "plan.save": "Lưu kế hoạch", "plan.submit": "Ký ban hành kế hoạch",
        "plan.deadline": "Đặt hạn ban hành kế hoạch", "plan.task.progress": "Cập nhật tiến độ nhiệm vụ",
        "plan.assignment.progress": "Cập nhật tiến độ nhiệm vụ được giao",
        "par.framework.create": "Tạo bộ tiêu chí", "par.round.open": "Mở đợt đánh giá", "par.self.save": "Lưu tự chấm",
        "par.self.submit": "Gửi tự chấm", "par.self.withdraw": "Rút lại tự chấm", "par.answer": "Giải trình",
        "par.file.upload": "Đính kèm tệp kiểm chứng", "par.file.remove": "Xóa tệp kiểm chứng",
        "inspection.plan.create": "Lập kế hoạch kiểm tra", "inspection.visit.schedule": "Lên lịch kiểm tra",
        "inspection.visit.move": "Dời lịch kiểm tra", "inspection.visit.prereport": "Nhận báo cáo trước kiểm tra",
        "inspection.visit.conclude": "Kết luận kiểm tra", "inspection.finding.remediate": "Khắc phục tồn tại",
        "register.create": "Vào sổ văn bản", "register.update": "Sửa văn bản", "register.delete": "Xóa văn bản",
        "register.attach": "Đính kèm tệp văn bản",
        "unit.create": "Tạo đơn vị", "unit.update": "Sửa đơn vị", "unit.retire": "Giải thể đơn vị", "unit.merge": "Sáp nhập đơn vị",
        "user.create": "Tạo tài khoản", "user.update": "Sửa tài khoản", "user.unlock": "Mở khóa tài khoản",
        "auth.login": "Đăng nhập", "auth.logout": "Đăng xuất", "auth.failed": "Đăng nhập sai",
        "auth.token": "Cấp mã truy cập API", "auth.revoke": "Thu hồi mã truy cập API",
        "calendar.create": "Tạo đường dẫn lịch việc", "calendar.revoke": "Thu hồi đường dẫn lịch việc",
        "demo.load": "Nạp dữ liệu mẫu", "bench.generate": "Tạo dữ liệu đo hiệu năng",
    ]

    /// The name of a recorded field; the key itself when not listed.
    static func field(_ key: String) -> String { fields[key] ?? key }

    private static let fields: [String: String] = [
        "state": "Trạng thái", "status": "Tình trạng", "version": "Lần gửi", "code": "Mã", "name": "Tên", "kind": "Loại",
        "parent": "Đơn vị cấp trên", "file": "Tệp", "size": "Dung lượng (byte)", "number": "Số, ký hiệu", "issuedOn": "Ngày ban hành",
        "signer": "Người ký", "summary": "Trích yếu", "area": "Lĩnh vực", "directsCCHC": "Văn bản chỉ đạo CCHC", "scale": "Quy mô",
        "year": "Năm", "role": "Vai trò", "unit": "Đơn vị", "fullName": "Họ và tên", "email": "Thư điện tử", "active": "Đang dùng",
        "title": "Tên gọi", "group": "Nhóm đơn vị", "root": "Đơn vị gốc", "due": "Hạn", "deadline": "Hạn",
    ]

    /// A recorded value in words: a report state's name, otherwise as recorded.
    static func value(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: false).map { word in
            ReportState(rawValue: String(word))?.label ?? String(word)
        }.joined(separator: " ")
    }

    /// "Nguyễn Văn A ký, gửi báo cáo …": the person's name, then the summary with its first letter lowered when it opens
    /// with a verb; "Nguyễn Văn A: Xã A sáp nhập vào …" when it opens with a name.
    static func sentence(person: String, summary: String) -> String {
        guard let first = summary.first else { return person }
        let word = summary.prefix { $0.isLetter }.lowercased()
        return verbs.contains(word) ? person + " " + first.lowercased() + summary.dropFirst() : person + ": " + summary
    }

    /// The first words of the actions' names, and of the summaries the services write.
    private static let verbs: Set<String> = Set(actions.values.compactMap { $0.prefix { $0.isLetter }.lowercased() })
        .union(["thành", "nạp", "cấp"])
}
