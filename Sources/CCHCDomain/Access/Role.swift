/// What an account may do. Every account belongs to exactly one unit.
public enum Role: String, Codable, CaseIterable, Sendable {
    case admin             // quản trị hệ thống
    case standingOfficer   // cán bộ cơ quan thường trực CCHC (Phòng/Sở Nội vụ)
    case specialist        // chuyên viên đơn vị
    case leader            // lãnh đạo đơn vị
    case viewer            // người xem

    public var label: String {
        switch self {
        case .admin: "Quản trị hệ thống"
        case .standingOfficer: "Cán bộ cơ quan thường trực CCHC"
        case .specialist: "Chuyên viên"
        case .leader: "Lãnh đạo đơn vị"
        case .viewer: "Người xem"
        }
    }
}
