import Foundation

/// Who issues a document, and so how Decree 30/2020 heads, numbers and signs it — computed from the unit
/// (its kind, its name, its parent's):
///
/// | issuer | heading (regular / bold) | symbol | signs |
/// |---|---|---|---|
/// | People's Committee (tỉnh, huyện, xã …) | — / "ỦY BAN NHÂN DÂN", "HUYỆN THẠCH HÀ" | BC-UBND | TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH |
/// | office (phòng) | "UBND HUYỆN THẠCH HÀ" / "PHÒNG TƯ PHÁP" | BC-PTP | TRƯỞNG PHÒNG |
/// | department (sở) | "UBND TỈNH SÓC TRĂNG" / "SỞ NỘI VỤ" | BC-SNV | GIÁM ĐỐC |
/// | bureau (văn phòng) | "UBND HUYỆN THẠCH HÀ" / "VĂN PHÒNG HĐND VÀ UBND" | BC-VP | CHÁNH VĂN PHÒNG |
/// | board (ban) | the parent's / its own name | BC-B… | TRƯỞNG BAN |
///
/// A deputy signs "KT." for the head (under "TM. ỦY BAN NHÂN DÂN" for a People's Committee).
public struct IssuingBody: Sendable, Equatable {
    public let kind: UnitKind
    /// The unit's name as registered: "Huyện Thạch Hà", "Phòng Tư pháp".
    public let name: String
    public let parentKind: UnitKind?
    public let parentName: String?

    public init(kind: UnitKind, name: String, parentKind: UnitKind? = nil, parentName: String? = nil) {
        self.kind = kind
        self.name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        self.parentKind = parentKind
        self.parentName = parentName?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A People's Committee issues for a jurisdiction; any other unit is one of its offices. The national level is the
    /// Government (Chính phủ), whose ministries issue in their own name.
    public var isPeoplesCommittee: Bool { kind.isJurisdiction && !isGovernment }
    public var isGovernment: Bool { kind == .nation }
    /// A ministry, or any office of the national level: headed by its own name only, written from the capital.
    var isNational: Bool { isGovernment || parentKind == .nation }

    // MARK: Heading

    /// The line above the body, regular — offices, departments, bureaus and boards only: "UBND HUYỆN THẠCH HÀ".
    /// A People's Committee has none (seeds 002 and 004).
    public var superiorLines: [String] {
        guard !isPeoplesCommittee, !isNational, let parentName, !parentName.isEmpty else { return [] }
        guard let parentKind, parentKind.isJurisdiction else { return [parentName.uppercased()] }
        return ["UBND " + Self.fullName(kind: parentKind, name: parentName).uppercased()]
    }

    /// The body itself, bold: ["ỦY BAN NHÂN DÂN", "HUYỆN THẠCH HÀ"], ["PHÒNG TƯ PHÁP"].
    public var bodyLines: [String] {
        if isGovernment { return ["CHÍNH PHỦ"] }
        return isPeoplesCommittee ? ["ỦY BAN NHÂN DÂN", Self.fullName(kind: kind, name: name).uppercased()] : [name.uppercased()]
    }

    // MARK: Number

    /// The body's part of the symbol: "UBND" for a People's Committee, else from the name ("Phòng Tư pháp" → "PTP").
    public var abbreviation: String { isGovernment ? "CP" : isPeoplesCommittee ? "UBND" : Self.abbreviation(of: name) }

    /// "BC-PTP": the document type's abbreviation, then the body's.
    public func symbol(type: String = "BC") -> String { "\(type)-\(abbreviation)" }

    /// The abbreviation of an office's name: the initial of each word, an acronym kept whole, "và" and dashes left out;
    /// a "Văn phòng …" is "VP". "Phòng Tư pháp" → "PTP", "Sở Nội vụ" → "SNV", "Sở Kế hoạch và Đầu tư" → "SKHĐT".
    public static func abbreviation(of name: String) -> String {
        let words = name.split { $0.isWhitespace || "-–—,.()".contains($0) }.map(String.init)
        if words.count >= 2, words[0].lowercased() == "văn", words[1].lowercased() == "phòng" { return "VP" }
        var out = ""
        for word in words where !["và", "&"].contains(word.lowercased()) {
            let letters = word.filter(\.isLetter)
            if letters.count > 1, letters == letters.uppercased() {
                out += letters
            } else if let first = letters.first {
                out += first.uppercased()
            }
        }
        return out
    }

    // MARK: Place and name

    /// Where it writes from: a People's Committee its own place, an office its jurisdiction's ("Thạch Hà").
    public var place: String {
        if isNational { return "Hà Nội" }
        if isPeoplesCommittee { return OfficialText.place(of: name) }
        return OfficialText.place(of: parentName ?? name)
    }

    /// How a sentence names it: "UBND huyện Thạch Hà", "Phòng Tư pháp huyện Thạch Hà", "Sở Nội vụ tỉnh Sóc Trăng".
    public var inSentence: String {
        if isGovernment { return "Chính phủ" }
        if isNational { return name }
        if isPeoplesCommittee { return "UBND " + OfficialText.lowerFirst(Self.fullName(kind: kind, name: name)) }
        guard let parentName, !parentName.isEmpty else { return name }
        guard let parentKind, parentKind.isJurisdiction else { return "\(name) \(parentName)" }
        let parentWord = Self.kindWord(parentKind).lowercased()
        // "Văn phòng UBND tỉnh" already ends with its jurisdiction's kind: add only the place.
        if name.lowercased().hasSuffix(" " + parentWord) { return "\(name) \(OfficialText.place(of: parentName))" }
        return "\(name) \(OfficialText.lowerFirst(Self.fullName(kind: parentKind, name: parentName)))"
    }

    /// The recipient line for its own leadership: "Lãnh đạo UBND", "Lãnh đạo phòng", "Lãnh đạo Sở".
    public var leadership: String {
        switch kind {
        case .department: "Lãnh đạo Sở"
        case .office: "Lãnh đạo phòng"
        case .bureau: "Lãnh đạo Văn phòng"
        case .board: "Lãnh đạo Ban"
        case .ministry: "Lãnh đạo Bộ"
        case .nation: "Lãnh đạo Chính phủ"
        default: "Lãnh đạo UBND"
        }
    }

    // MARK: Signature

    /// The head's position: "CHỦ TỊCH", "TRƯỞNG PHÒNG", "GIÁM ĐỐC", "CHÁNH VĂN PHÒNG", "TRƯỞNG BAN".
    public var headTitle: String {
        switch kind {
        case .department: "GIÁM ĐỐC"
        case .office: "TRƯỞNG PHÒNG"
        case .bureau: "CHÁNH VĂN PHÒNG"
        case .board: "TRƯỞNG BAN"
        case .ministry: "BỘ TRƯỞNG"
        case .nation: "THỦ TƯỚNG"
        default: "CHỦ TỊCH"
        }
    }

    /// Authority and position above the signature. A People's Committee signs for the collective ("TM."),
    /// a deputy for the head ("KT."): ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], ["GIÁM ĐỐC"].
    public func signerLines(deputy: Bool) -> [String] {
        let position = deputy ? ["KT. \(headTitle)", "PHÓ \(headTitle)"] : [headTitle]
        if isGovernment { return ["TM. CHÍNH PHỦ"] + position }
        return isPeoplesCommittee ? ["TM. ỦY BAN NHÂN DÂN"] + position : position
    }

    // MARK: Names of jurisdictions

    /// "Huyện", "Thị xã", "Xã" …: the word a jurisdiction's name starts with.
    static func kindWord(_ kind: UnitKind) -> String {
        switch kind {
        case .centralCity, .provincialCity: "Thành phố"
        default: kind.label.prefix(1).uppercased() + kind.label.dropFirst()
        }
    }

    /// The name with its kind word: "Huyện Thạch Hà"; "Thạch Đài" of a commune → "Xã Thạch Đài".
    static func fullName(kind: UnitKind, name: String) -> String {
        guard kind.isJurisdiction else { return name }
        let word = kindWord(kind)
        return name.lowercased().hasPrefix(word.lowercased() + " ") ? name : "\(word) \(name)"
    }
}

/// The person who signs, from their account's name: "Phó Chủ tịch Nguyễn Văn Bình" signs as a deputy, named
/// "Nguyễn Văn Bình"; "Trần Việt Hà" signs as the head. The name printed is always the account's — a title in
/// front is dropped only when a person's name follows it, never replaced by the unit's name.
public struct Signatory: Sendable, Equatable {
    public let name: String
    public let isDeputy: Bool

    public init(name: String, isDeputy: Bool = false) {
        self.name = name
        self.isDeputy = isDeputy
    }

    /// Positions an account's name may start with, longest first.
    static let titles = ["Phó Chủ tịch", "Chủ tịch", "Phó Trưởng phòng", "Trưởng phòng", "Phó Giám đốc", "Giám đốc",
                         "Phó Chánh Văn phòng", "Chánh Văn phòng", "Phó Trưởng ban", "Trưởng ban"]
    /// First words that name a body, not a person ("Chủ tịch UBND xã Thạch Đài" is a title and a body).
    static let bodyWords = ["ubnd", "hđnd", "ủy ban", "uỷ ban", "sở", "phòng", "văn phòng", "ban", "xã", "phường", "thị trấn",
                            "huyện", "thị xã", "thành phố", "tỉnh", "đặc khu"]

    public init(fullName: String) {
        let full = fullName.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let title = Self.titles.first { title in
            full.range(of: title + " ", options: [.caseInsensitive, .anchored]) != nil
        }
        guard let title else {
            self.init(name: full)
            return
        }
        let rest = String(full.dropFirst(title.count + 1))
        let lowered = rest.lowercased()
        let namesABody = Self.bodyWords.contains { lowered == $0 || lowered.hasPrefix($0 + " ") }
        self.init(name: namesABody ? full : rest, isDeputy: title.hasPrefix("Phó"))
    }
}
