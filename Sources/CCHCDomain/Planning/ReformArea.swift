import Foundation

/// The areas of a CCHC plan: the six reform areas of the State administrative reform programme
/// (Nghị quyết 76/NQ-CP, 2021–2030) and "Công tác chỉ đạo điều hành", which every plan carries
/// but which is not one of the six a plan must cover (seed 000: "bảo đảm toàn diện trên tất cả 6 lĩnh vực").
///
/// The raw value is the stable code the JSON and the database keep.
public enum ReformArea: String, Codable, Sendable, CaseIterable, Hashable {
    /// Cải cách thể chế
    case institutions
    /// Cải cách thủ tục hành chính
    case procedures
    /// Cải cách tổ chức bộ máy hành chính nhà nước
    case organisation
    /// Cải cách chế độ công vụ
    case civilService
    /// Cải cách tài chính công
    case publicFinance
    /// Xây dựng và phát triển Chính phủ điện tử, Chính phủ số
    case eGovernment
    /// Công tác chỉ đạo điều hành cải cách hành chính
    case direction

    /// The six areas a plan must cover: every case but `direction`.
    public static let required: [ReformArea] = [.institutions, .procedures, .organisation, .civilService, .publicFinance, .eGovernment]

    /// One of the six reform areas (not "Công tác chỉ đạo điều hành").
    public var isRequired: Bool { self != .direction }

    /// The number the six carry in the plans (seed 000: "(1) Cải cách thể chế; … (6) Xây dựng và phát triển
    /// Chính phủ điện tử"; seed 004: "7. Công tác chỉ đạo điều hành").
    public var number: Int {
        switch self {
        case .institutions: 1
        case .procedures: 2
        case .organisation: 3
        case .civilService: 4
        case .publicFinance: 5
        case .eGovernment: 6
        case .direction: 7
        }
    }

    /// The official name (Nghị quyết 76/NQ-CP).
    public var officialName: String {
        switch self {
        case .institutions: "Cải cách thể chế"
        case .procedures: "Cải cách thủ tục hành chính"
        case .organisation: "Cải cách tổ chức bộ máy hành chính nhà nước"
        case .civilService: "Cải cách chế độ công vụ"
        case .publicFinance: "Cải cách tài chính công"
        case .eGovernment: "Xây dựng và phát triển Chính phủ điện tử, Chính phủ số"
        case .direction: "Công tác chỉ đạo điều hành cải cách hành chính"
        }
    }

    /// The name plans print as the area's heading, as seeds 000 and 004 write it: "Cải cách tổ chức bộ máy",
    /// "Cải cách công vụ", "Xây dựng và phát triển Chính phủ điện tử", "Công tác chỉ đạo điều hành".
    public var title: String {
        switch self {
        case .institutions: "Cải cách thể chế"
        case .procedures: "Cải cách thủ tục hành chính"
        case .organisation: "Cải cách tổ chức bộ máy"
        case .civilService: "Cải cách công vụ"
        case .publicFinance: "Cải cách tài chính công"
        case .eGovernment: "Xây dựng và phát triển Chính phủ điện tử"
        case .direction: "Công tác chỉ đạo điều hành"
        }
    }

    /// The names real documents give the area, the official name and `title` included. Matching folds them
    /// and ignores spaces and punctuation, so "Chính phủ\nđiện tử" and "chỉ đạo, điều hành" match too.
    public var aliases: [String] {
        switch self {
        case .institutions:
            ["Cải cách thể chế", "Cải cách thể chế hành chính", "Xây dựng và hoàn thiện thể chế", "Hoàn thiện thể chế"]
        case .procedures:
            ["Cải cách thủ tục hành chính", "Cải cách TTHC", "Cải cách thủ tục hành chính (TTHC)"]
        case .organisation:
            ["Cải cách tổ chức bộ máy", "Cải cách tổ chức bộ máy hành chính", "Cải cách tổ chức bộ máy hành chính nhà nước",
             "Cải cách tổ chức, bộ máy", "Cải cách bộ máy hành chính nhà nước", "Cải cách tổ chức bộ máy nhà nước"]
        case .civilService:
            ["Cải cách chế độ công vụ", "Cải cách công vụ", "Cải cách công vụ, công chức", "Cải cách chế độ công vụ, công chức",
             "Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức"]
        case .publicFinance:
            ["Cải cách tài chính công", "Cải cách tài chính công (tài chính công)"]
        case .eGovernment:
            ["Xây dựng và phát triển Chính phủ điện tử, Chính phủ số", "Xây dựng và phát triển Chính phủ điện tử",
             "Xây dựng Chính phủ điện tử, Chính phủ số", "Xây dựng Chính phủ điện tử", "Phát triển Chính phủ điện tử",
             "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số", "Xây dựng và phát triển Chính quyền điện tử",
             "Xây dựng Chính quyền điện tử, Chính quyền số", "Xây dựng Chính quyền điện tử", "Chính quyền điện tử",
             "Chính phủ điện tử", "Hiện đại hóa hành chính", "Hiện đại hóa nền hành chính", "Hiện đại hóa nền hành chính nhà nước"]
        case .direction:
            ["Công tác chỉ đạo điều hành", "Công tác chỉ đạo điều hành cải cách hành chính", "Công tác chỉ đạo điều hành CCHC",
             "Công tác chỉ đạo, điều hành", "Chỉ đạo điều hành", "Chỉ đạo điều hành cải cách hành chính",
             "Công tác chỉ đạo điều hành về cải cách hành chính", "Công tác chỉ đạo, điều hành về CCHC",
             "Công tác chỉ đạo, điều hành và tuyên truyền cải cách hành chính"]
        }
    }

    /// The area a heading or a cell names, or nil.
    ///
    /// Diacritics, case, spaces, line breaks (also inside a word, as a flattened table leaves them) and
    /// punctuation do not count; a numbering in front ("1.", "I.", "(1)", "a)", "Phần II:", "Lĩnh vực") and a
    /// remark in parentheses after the name ("(TTHC)", "(bao gồm Ứng dụng công nghệ thông tin …)") are left
    /// out. The rest must be one of the area's `aliases`: "Cải cách hành chính" alone names no area.
    public static func match(_ text: String) -> ReformArea? {
        let key = Self.key(text)
        guard !key.isEmpty else { return nil }
        return Self.byKey[key]
    }

    /// Folded letters and digits of `text` after its numbering and parenthesised remarks are left out.
    static func key(_ text: String) -> String {
        var s = Folding.fold(text.replacingOccurrences(of: "**", with: ""))
        // Remarks in parentheses (also unclosed at the end of a cell).
        while let open = s.firstIndex(of: "(") {
            let close = s[open...].firstIndex(of: ")").map { s.index(after: $0) } ?? s.endIndex
            s.removeSubrange(open..<close)
        }
        // A numbering or a lead-in, repeated: "phần ii:", "ii.", "1.", "1.1.", "(1)", "a)", "-", "lĩnh vực", "về".
        var changed = true
        while changed {
            changed = false
            s = s.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "-–—+•*:.;,|")))
            for lead in ["phan ", "muc ", "linh vuc ", "ve "] where s.hasPrefix(lead) {
                s.removeFirst(lead.count)
                changed = true
            }
            let head = s.prefix { !$0.isWhitespace }
            if let last = head.last, ".):".contains(last) || head.count < s.count && head.allSatisfy({ "ivx".contains($0) }) {
                let body = head.filter { !".):".contains($0) }
                let numeral = !body.isEmpty && (body.allSatisfy { $0.isASCII && $0.isNumber }
                    || (body.count <= 4 && body.allSatisfy { "ivx".contains($0) })
                    || (body.count == 1 && last == ")" && body.first!.isLetter))
                if numeral {
                    s.removeFirst(head.count)
                    changed = true
                }
            }
        }
        return String(s.filter { ($0.isLetter || $0.isNumber) && $0.isASCII })
    }

    private static let byKey: [String: ReformArea] = {
        var out: [String: ReformArea] = [:]
        for area in allCases {
            for alias in area.aliases + [area.title, area.officialName] { out[key(alias)] = area }
        }
        return out
    }()
}
