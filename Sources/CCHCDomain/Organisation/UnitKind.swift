/// The kinds of unit in the Vietnamese administrative tree.
///
/// Jurisdictions (tỉnh, huyện, xã …) hold subordinate jurisdictions and their
/// own offices; offices (sở, phòng, ban, văn phòng) belong to a jurisdiction.
public enum UnitKind: String, Codable, CaseIterable, Sendable {
    // National level: the root above the provinces, whose standing agency is the Ministry of Home Affairs
    case nation            // Cả nước (Chính phủ; Bộ Nội vụ thường trực CCHC)
    // Province level
    case province          // Tỉnh
    case centralCity       // Thành phố trực thuộc Trung ương
    // District level
    case district          // Huyện
    case districtTown      // Thị xã
    case provincialCity    // Thành phố thuộc tỉnh
    // Commune level
    case commune           // Xã
    case ward              // Phường
    case township          // Thị trấn
    case specialZone       // Đặc khu (two-tier structure since 07/2025)
    // Offices of a jurisdiction
    case department        // Sở (province)
    case office            // Phòng (district)
    case board             // Ban
    case bureau            // Văn phòng (HĐND-UBND, UBND)
    case ministry          // Bộ (national level: Bộ Nội vụ)

    /// Vietnamese label, lower case, as written before a name ("xã Thạch Đài").
    public var label: String {
        switch self {
        case .nation: "cả nước"
        case .province: "tỉnh"
        case .centralCity: "thành phố trực thuộc Trung ương"
        case .district: "huyện"
        case .districtTown: "thị xã"
        case .provincialCity: "thành phố"
        case .commune: "xã"
        case .ward: "phường"
        case .township: "thị trấn"
        case .specialZone: "đặc khu"
        case .department: "sở"
        case .office: "phòng"
        case .board: "ban"
        case .bureau: "văn phòng"
        case .ministry: "bộ"
        }
    }

    public var tier: Tier {
        switch self {
        case .nation: .nation
        case .province, .centralCity: .province
        case .district, .districtTown, .provincialCity: .district
        case .commune, .ward, .township, .specialZone: .commune
        case .department, .office, .board, .bureau, .ministry: .office
        }
    }

    /// A jurisdiction has a People's Committee, subordinate units and offices.
    public var isJurisdiction: Bool { tier != .office }
    public var isOffice: Bool { tier == .office }
    /// Units below it report to it: a nation, a province or a district. It issues a reporting regime, follows their
    /// timeliness, consolidates their figures and drafts its own report from them. A commune, ward or town only reports.
    public var receivesReports: Bool { tier < .commune }

    public enum Tier: Int, Sendable, Comparable {
        case nation = 0, province = 1, district = 2, commune = 3, office = 9
        public static func < (a: Tier, b: Tier) -> Bool { a.rawValue < b.rawValue }
    }

    /// Which kinds may sit directly under a unit of this kind.
    public func mayContain(_ child: UnitKind) -> Bool {
        switch tier {
        case .nation:
            // The provinces of either structure, and the ministries.
            return child.tier == .province || child == .ministry
        case .province:
            // Three-tier (districts) and two-tier (communes directly) both allowed.
            return child.tier == .district || child.tier == .commune || (child.isOffice && child != .ministry)
        case .district:
            return child.tier == .commune || (child.isOffice && child != .ministry)
        case .commune:
            return child.isOffice && child != .ministry
        case .office:
            return false
        }
    }
}
