import Foundation

/// A unit a plan's lead or coordinator cell may name: one of the issuer's offices or subordinate units.
public struct UnitCandidate: Codable, Sendable, Equatable, Hashable {
    public var id: Int
    /// "ST-STP"
    public var code: String
    /// "Sở Tư pháp", "Huyện Thạch Hà", "Xã Thạch Đài"
    public var name: String
    public var kind: UnitKind

    public init(id: Int, code: String, name: String, kind: UnitKind) {
        self.id = id
        self.code = code
        self.name = name
        self.kind = kind
    }
}

/// A group of units a cell names instead of a unit ("Sở, ban, ngành", "UBND cấp huyện", "UBND cấp xã").
/// A group stands for every unit of its kinds among the issuer's units; "các cơ quan có liên quan" names
/// no unit the system can tell and is kept as written (`related`, no kinds).
public enum UnitGroup: String, Codable, Sendable, CaseIterable, Hashable {
    /// "Sở, ban, ngành", "Các sở, ban, ngành tỉnh", "Các phòng, ban chuyên môn", "Các ngành": the issuer's offices.
    case offices
    /// "UBND cấp huyện", "UBND các huyện, thị xã, thành phố".
    case districts
    /// "UBND cấp xã", "UBND các xã, thị trấn", "UBND các xã, phường, thị trấn".
    case communes
    /// "UBND các cấp", "các cấp": district and commune committees.
    case localities
    /// "Các cơ quan có liên quan", "Các đơn vị sự nghiệp công lập", "Các sở, ngành liên quan": not resolvable.
    case related

    /// The kinds of unit the group selects; empty when it cannot be resolved.
    public var kinds: Set<UnitKind> {
        switch self {
        case .offices: [.department, .office, .board, .bureau]
        case .districts: [.district, .districtTown, .provincialCity]
        case .communes: [.commune, .ward, .township, .specialZone]
        case .localities: [.district, .districtTown, .provincialCity, .commune, .ward, .township, .specialZone]
        case .related: []
        }
    }

    /// The group selects units (it is not "các cơ quan có liên quan").
    public var isResolvable: Bool { self != .related }

    public var title: String {
        switch self {
        case .offices: "Các cơ quan chuyên môn (sở, ban, ngành; phòng, ban)"
        case .districts: "UBND cấp huyện"
        case .communes: "UBND cấp xã"
        case .localities: "UBND các cấp"
        case .related: "Các cơ quan, đơn vị có liên quan (không xác định được)"
        }
    }
}

/// One unit or group named in a lead or coordinator cell, kept as written.
///
/// `read` splits a cell — "Sở, ban, ngành; UBND cấp huyện và các cơ quan có liên quan" — into references:
/// "Sở, ban, ngành" (offices), "UBND cấp huyện" (districts), "các cơ quan có liên quan" (related). A name is
/// matched against the candidates given: by code; by name without diacritics, case or punctuation, with "UBND" /
/// "Ủy ban nhân dân", "HĐND", "VP" and "&" understood and a trailing "tỉnh", "huyện" … left out ("Sở Tư pháp tỉnh");
/// a jurisdiction by its name alone ("UBND xã Thạch Đài", "Thạch Đài"); by the name's words when they all occur
/// in exactly one candidate of the same head ("Phòng Tài chính" → "Phòng Tài chính - Kế hoạch"); by its
/// abbreviation ("Sở TT&TT" → "Sở Thông tin và Truyền thông"). A name that matches no candidate, or several,
/// is kept and reported (`Target.unmatched`), never dropped.
public struct UnitReference: Codable, Sendable, Equatable {
    public enum Target: Codable, Sendable, Equatable {
        /// The candidate with this id.
        case unit(id: Int)
        case group(UnitGroup)
        /// A name that matches no candidate or several; `reason` says which, in Vietnamese.
        case unmatched(reason: String)
    }

    /// The words of the cell, as written: "UBND cấp huyện", "Sở Tư pháp".
    public var text: String
    public var target: Target

    public init(text: String, target: Target) {
        self.text = text
        self.target = target
    }

    /// The units the reference stands for: the unit matched (also the issuer, which need not be among `candidates`),
    /// or every candidate of the group's kinds; none for an unmatched name or "các cơ quan có liên quan".
    public func resolve(in candidates: [UnitCandidate]) -> [Int] {
        switch target {
        case .unit(let id): [id]
        case .group(let g): candidates.filter { g.kinds.contains($0.kind) }.map(\.id)
        case .unmatched: []
        }
    }

    public var isUnmatched: Bool {
        if case .unmatched = target { return true }
        return false
    }

    /// "Chưa xác định được đơn vị “Công an tỉnh”: không có đơn vị nào tên như vậy." for an unmatched name; else nil.
    public var note: String? {
        guard case .unmatched(let reason) = target else { return nil }
        return "Chưa xác định được đơn vị “\(text)”: \(reason)"
    }

    /// Reads a cell. `issuer`, when given, is the unit a bare "UBND tỉnh", "UBND huyện", "UBND xã" names.
    public static func read(_ cell: String, candidates: [UnitCandidate], issuer: UnitCandidate? = nil) -> [UnitReference] {
        UnitReferenceReader(candidates: candidates, issuer: issuer).read(cell)
    }

    /// Reads every cell entry (a task's `lead` or `coordinators`), in order.
    public static func read(_ cells: [String], candidates: [UnitCandidate], issuer: UnitCandidate? = nil) -> [UnitReference] {
        let reader = UnitReferenceReader(candidates: candidates, issuer: issuer)
        return cells.flatMap { reader.read($0) }
    }
}

extension Array where Element == UnitReference {
    /// The ids every reference stands for, each once, in order.
    public func resolve(in candidates: [UnitCandidate]) -> [Int] {
        var seen = Set<Int>()
        return flatMap { $0.resolve(in: candidates) }.filter { seen.insert($0).inserted }
    }

    /// The names that matched no unit, with why.
    public var unmatchedNotes: [String] { compactMap(\.note) }
}
