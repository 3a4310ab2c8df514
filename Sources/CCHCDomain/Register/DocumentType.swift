import Foundation

/// The kinds of document a unit issues, and how each is abbreviated in a symbol: one table, as Decree 30/2020
/// (Phụ lục III) lists them, with the legal normative kinds documents cite (Nghị định, Thông tư …).
/// A công văn (official letter) has no abbreviation: "164/UBND-NV" is a công văn of the UBND drafted by its Phòng Nội vụ.
public struct DocumentType: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The key stored and sent: the abbreviation ("KH", "QĐ"), "CV" for a công văn.
    public let code: String
    /// "Kế hoạch"
    public let name: String
    /// Whether the abbreviation is written in the symbol (every kind but the công văn).
    public let inSymbol: Bool

    init(_ code: String, _ name: String, inSymbol: Bool = true) {
        self.code = code
        self.name = name
        self.inSymbol = inSymbol
    }

    public var description: String { code }

    /// The công văn: no abbreviation in its symbol.
    public static let congVan = DocumentType("CV", "Công văn", inSymbol: false)

    /// Every kind, the common ones first (the order of the register page's choices).
    public static let all: [DocumentType] = [
        DocumentType("KH", "Kế hoạch"),
        DocumentType("BC", "Báo cáo"),
        congVan,
        DocumentType("QĐ", "Quyết định"),
        DocumentType("TB", "Thông báo"),
        DocumentType("HD", "Hướng dẫn"),
        DocumentType("KL", "Kết luận"),
        DocumentType("TTr", "Tờ trình"),
        DocumentType("CT", "Chỉ thị"),
        DocumentType("NQ", "Nghị quyết"),
        DocumentType("CTr", "Chương trình"),
        DocumentType("QC", "Quy chế"),
        DocumentType("QyĐ", "Quy định"),
        DocumentType("TC", "Thông cáo"),
        DocumentType("PA", "Phương án"),
        DocumentType("ĐA", "Đề án"),
        DocumentType("DA", "Dự án"),
        DocumentType("BB", "Biên bản"),
        DocumentType("HĐ", "Hợp đồng"),
        DocumentType("CĐ", "Công điện"),
        DocumentType("GN", "Bản ghi nhớ"),
        DocumentType("TTh", "Bản thỏa thuận"),
        DocumentType("GUQ", "Giấy ủy quyền"),
        DocumentType("GM", "Giấy mời"),
        DocumentType("GGT", "Giấy giới thiệu"),
        DocumentType("GNP", "Giấy nghỉ phép"),
        DocumentType("PG", "Phiếu gửi"),
        DocumentType("PC", "Phiếu chuyển"),
        DocumentType("PB", "Phiếu báo"),
        DocumentType("NĐ", "Nghị định"),
        DocumentType("TT", "Thông tư"),
        DocumentType("TTLT", "Thông tư liên tịch"),
    ]

    /// The kind stored or sent under `code`: exact first, then ignoring case, then without diacritics when that names one
    /// kind only ("QD" → QĐ; "HD" stays Hướng dẫn, never Hợp đồng).
    public static func code(_ code: String) -> DocumentType? {
        let text = code.trimmingCharacters(in: .whitespaces)
        if let exact = all.first(where: { $0.code == text }) { return exact }
        let lower = text.lowercased()
        let sameCase = all.filter { $0.code.lowercased() == lower }
        if sameCase.count == 1 { return sameCase[0] }
        let folded = Folding.fold(text)
        let loose = all.filter { Folding.fold($0.code) == folded }
        return loose.count == 1 ? loose[0] : nil
    }

    /// The kind a symbol's first part abbreviates ("KH" in "KH-UBND"), never the công văn (it has none).
    public static func inSymbol(_ part: String) -> DocumentType? {
        guard let type = code(part), type.inSymbol else { return nil }
        return type
    }

    /// The kind a citation names before the number ("Kế hoạch số …", "Văn bản số …" is a công văn), longest name first.
    public static func named(_ words: String) -> DocumentType? {
        let folded = Folding.fold(words)
        if folded == "van ban" { return congVan }
        return all.sorted { $0.name.count > $1.name.count }.first { Folding.fold($0.name) == folded }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(code)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let type = Self.code(text) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "“\(text)” không phải là loại văn bản (KH, BC, CV, QĐ …).")
        }
        self = type
    }
}
