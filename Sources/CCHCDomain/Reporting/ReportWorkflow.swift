import Foundation

/// The sign-off workflow of a report:
/// draft → (sent to the leader) → submitted → accepted, or returned with a comment → resubmitted.
/// Only the unit's leader submits; an accepted report is locked — a correction is a new version.
public enum ReportState: String, Codable, Sendable, CaseIterable {
    case draft
    case awaitingLeader
    case submitted
    case returned
    case accepted

    public var label: String {
        switch self {
        case .draft: "Đang soạn"
        case .awaitingLeader: "Chờ lãnh đạo ký"
        case .submitted: "Đã gửi"
        case .returned: "Bị trả lại"
        case .accepted: "Đã tiếp nhận"
        }
    }

    /// Figures and text can be changed in this state.
    public var isEditable: Bool { self == .draft || self == .awaitingLeader || self == .returned }
}

public enum ReportAction: String, Codable, Sendable, CaseIterable {
    case save, sendToLeader, backToDrafter, submit, accept, `return`, newVersion

    /// The heading over what stopped this step, in the step's own words ("Chưa lưu được" is for saving only).
    public var refusedHeading: String {
        switch self {
        case .save: "Chưa lưu được — vui lòng sửa:"
        case .sendToLeader: "Chưa trình lãnh đạo ký được — vui lòng bổ sung:"
        case .backToDrafter: "Chưa trả lại chuyên viên được:"
        case .submit: "Chưa ký và gửi được — vui lòng sửa:"
        case .accept: "Chưa tiếp nhận được:"
        case .return: "Chưa trả lại được — vui lòng sửa:"
        case .newVersion: "Chưa tạo được phiên bản đính chính:"
        }
    }

    public var label: String {
        switch self {
        case .save: "Lưu"
        case .sendToLeader: "Trình lãnh đạo ký"
        case .backToDrafter: "Trả lại chuyên viên"
        case .submit: "Ký và gửi báo cáo"
        case .accept: "Tiếp nhận"
        case .return: "Trả lại để sửa"
        case .newVersion: "Tạo phiên bản đính chính"
        }
    }
}

/// How the acting account stands to the report's unit.
public struct ReportActor: Sendable, Equatable {
    public var role: Role
    /// The report is its own unit's (or, for a standing officer, its jurisdiction's own report).
    public var drafts: Bool
    /// It is the leader of the report's unit.
    public var signs: Bool
    /// It receives the report: the standing agency above the unit (or an administrator).
    public var receives: Bool

    public init(role: Role, drafts: Bool, signs: Bool, receives: Bool) {
        self.role = role
        self.drafts = drafts
        self.signs = signs
        self.receives = receives
    }
}

public enum ReportWorkflow {
    public struct Refusal: Error, Equatable, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// The state after `action`, or why it is refused.
    public static func next(_ state: ReportState, _ action: ReportAction, by actor: ReportActor, comment: String? = nil) -> Result<ReportState, Refusal> {
        func refuse(_ m: String) -> Result<ReportState, Refusal> { .failure(Refusal(message: m)) }
        switch action {
        case .save:
            guard actor.drafts || actor.signs else {
                return refuse("Chỉ chuyên viên hoặc lãnh đạo của đơn vị mới được soạn báo cáo này.")
            }
            guard state.isEditable else { return refuse("Báo cáo đang ở trạng thái “\(state.label)”: không sửa được.") }
            return .success(state)
        case .sendToLeader:
            guard actor.drafts || actor.signs else { return refuse("Chỉ người soạn của đơn vị mới trình được báo cáo.") }
            guard state == .draft || state == .returned else {
                return refuse("Chỉ trình lãnh đạo được khi báo cáo đang soạn hoặc bị trả lại.")
            }
            return .success(.awaitingLeader)
        case .backToDrafter:
            guard actor.signs else { return refuse("Chỉ lãnh đạo đơn vị mới trả lại báo cáo cho chuyên viên.") }
            guard state == .awaitingLeader else { return refuse("Báo cáo không ở trạng thái chờ lãnh đạo ký.") }
            return .success(.draft)
        case .submit:
            guard actor.signs else {
                return refuse("Chỉ lãnh đạo đơn vị mới được ký và gửi báo cáo; chuyên viên hãy “Trình lãnh đạo ký”.")
            }
            guard state.isEditable else { return refuse("Báo cáo đang ở trạng thái “\(state.label)”: không gửi lại được.") }
            return .success(.submitted)
        case .accept:
            guard actor.receives else { return refuse("Chỉ cơ quan thường trực cấp trên mới tiếp nhận báo cáo.") }
            guard state == .submitted else { return refuse("Chỉ tiếp nhận được báo cáo đã gửi.") }
            return .success(.accepted)
        case .return:
            guard actor.receives else { return refuse("Chỉ cơ quan thường trực cấp trên mới trả lại báo cáo.") }
            guard state == .submitted else { return refuse("Chỉ trả lại được báo cáo đã gửi.") }
            guard let c = comment, !c.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                return refuse("Ý kiến trả lại: cần ghi rõ nội dung cần sửa.")
            }
            return .success(.returned)
        case .newVersion:
            guard actor.drafts || actor.signs else { return refuse("Chỉ đơn vị báo cáo mới tạo được phiên bản đính chính.") }
            guard state == .accepted else {
                return refuse("Chỉ báo cáo đã được tiếp nhận mới cần phiên bản đính chính; báo cáo khác hãy sửa trực tiếp.")
            }
            return .success(.draft)
        }
    }

    /// The actions open to `actor` in `state`.
    public static func available(_ state: ReportState, for actor: ReportActor) -> [ReportAction] {
        ReportAction.allCases.filter { action in
            if action == .return { return actor.receives && state == .submitted }
            if case .success = next(state, action, by: actor, comment: "x") { return true }
            return false
        }
    }
}
