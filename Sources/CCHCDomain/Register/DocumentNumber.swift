import Foundation

/// A document's number and symbol (số, ký hiệu) as Decree 30/2020 writes it, read into its parts:
///
/// | written | number | year | type | issuer | drafter |
/// |---|---|---|---|---|---|
/// | 164/UBND-NV | 164 | — | CV (no abbreviation) | UBND | NV |
/// | 142/KH-UBND | 142 | — | KH | UBND | — |
/// | 10/KH-UBND-NV | 10 | — | KH | UBND | NV |
/// | 01/2021/QĐ-UBND | 1 | 2021 | QĐ | UBND | — |
/// | 30c/NQ-CP | 30 (suffix "c") | — | NQ | CP | — |
/// | 39-NQ/TW (the Party's form) | 39 | — | NQ | TW | — |
public struct DocumentNumber: Sendable, Hashable, Codable, CustomStringConvertible {
    public var number: Int
    /// A letter after the number, as older documents write it ("30c/NQ-CP"); empty almost always.
    public var suffix: String
    /// The year when the number writes it ("01/2021/QĐ-UBND").
    public var year: Int?
    /// Everything after the number: "KH-UBND-NV", "UBND-NV"; spaces removed, letters as written.
    public var symbol: String
    public var type: DocumentType
    /// The issuing body's abbreviation: "UBND", "SNV", "TTg".
    public var issuer: String
    /// The drafting office's abbreviation after the issuer's, when written: "NV" in "UBND-NV".
    public var drafter: String?
    /// Written the Party's way: number, type, then "/" and the issuer ("39-NQ/TW").
    public var partyForm: Bool

    public init(number: Int, suffix: String = "", year: Int? = nil, symbol: String, type: DocumentType, issuer: String,
                drafter: String? = nil, partyForm: Bool = false) {
        self.number = number
        self.suffix = suffix
        self.year = year
        self.symbol = symbol
        self.type = type
        self.issuer = issuer
        self.drafter = drafter
        self.partyForm = partyForm
    }

    /// As Decree 30/2020 writes it: a number below 10 with a leading zero ("01/2021/QĐ-UBND", "164/UBND-NV").
    public var text: String {
        let n = (number < 10 ? "0" : "") + String(number) + suffix
        if partyForm { return "\(n)-\(type.code)/\(issuer)" }
        return n + (year.map { "/\($0)" } ?? "") + "/" + symbol
    }

    public var description: String { text }

    /// The symbol compared without case or diacritics ("kh-ubnd-nv"): what two spellings of one symbol share.
    public var symbolKey: String { Folding.fold(symbol) }

    /// The parts of the symbol, folded: ["kh", "ubnd", "nv"].
    var symbolParts: [String] { symbolKey.split(separator: "-").map(String.init) }

    /// Reads "164/UBND-NV", "Số: 164 /UBND-NV", "01/2021/QĐ-UBND", "39-NQ/TW". Spaces around "/" and "-" are
    /// tolerated; the error says, in Vietnamese, what is wrong.
    public static func parse(_ written: String) throws(Problem) -> DocumentNumber {
        var text = written.trimmingCharacters(in: .whitespacesAndNewlines)
        for prefix in ["số:", "số", "so:", "so"] where text.lowercased().hasPrefix(prefix) {
            let rest = text.dropFirst(prefix.count)
            if rest.first.map({ $0 == ":" || $0.isWhitespace || $0.isNumber }) ?? false {
                text = String(rest).trimmingCharacters(in: CharacterSet(charactersIn: ": ").union(.whitespaces))
                break
            }
        }
        let compact = String(text.filter { !$0.isWhitespace })
        guard !compact.isEmpty else { throw .empty }
        let shown = String(text.prefix(60))
        let slashes = compact.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard slashes.count >= 2 else { throw .noSlash(shown) }
        if slashes.count == 2, let dash = slashes[0].firstIndex(of: "-"), slashes[0].first?.isNumber == true {
            // The Party's form: "39-NQ/TW".
            let (digits, suffix) = try numberPart(String(slashes[0][..<dash]), shown)
            let typeText = String(slashes[0][slashes[0].index(after: dash)...])
            let issuer = slashes[1]
            guard let type = DocumentType.inSymbol(typeText), isCode(issuer) else { throw .badSymbol(shown, slashes[0] + "/" + issuer) }
            return DocumentNumber(number: digits, suffix: suffix, symbol: typeText + "-" + issuer, type: type, issuer: issuer,
                                  partyForm: true)
        }
        guard slashes.count <= 3 else { throw .tooManySlashes(shown) }
        let (number, suffix) = try numberPart(slashes[0], shown)
        var year: Int?
        if slashes.count == 3 {
            guard slashes[1].count == 4, let y = Int(slashes[1]), (1900...2200).contains(y) else { throw .badYear(shown, slashes[1]) }
            year = y
        }
        let symbol = slashes[slashes.count - 1]
        guard !symbol.isEmpty else { throw .noSymbol(shown) }
        let parts = symbol.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard !parts.contains(where: \.isEmpty) else { throw .emptyPart(shown, symbol) }
        guard parts.allSatisfy(isCode) else { throw .badSymbol(shown, symbol) }
        if let type = DocumentType.inSymbol(parts[0]) {
            guard parts.count >= 2 else { throw .noIssuer(shown, symbol, type) }
            return DocumentNumber(number: number, suffix: suffix, year: year, symbol: symbol, type: type, issuer: parts[1],
                                  drafter: parts.count > 2 ? parts[2...].joined(separator: "-") : nil)
        }
        return DocumentNumber(number: number, suffix: suffix, year: year, symbol: symbol, type: .congVan, issuer: parts[0],
                              drafter: parts.count > 1 ? parts[1...].joined(separator: "-") : nil)
    }

    /// nil when the text is not a number and symbol.
    public init?(_ text: String) {
        guard let parsed = try? Self.parse(text) else { return nil }
        self = parsed
    }

    /// "164" → 164; "30c" → 30, "c"; "A12" refused.
    private static func numberPart(_ text: String, _ shown: String) throws(Problem) -> (Int, String) {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        let rest = text.dropFirst(digits.count)
        guard !digits.isEmpty, digits.count <= 7, rest.count <= 1, rest.allSatisfy({ $0.isASCII && $0.isLowercase }),
              let n = Int(digits) else { throw .badNumber(shown, text) }
        guard n > 0 else { throw .zero(shown) }
        return (n, String(rest))
    }

    /// A part of a symbol: letters and digits ("UBND", "SKHĐT", "TTg", "CCHC", "VPCP", "QH12").
    static func isCode(_ part: String) -> Bool {
        !part.isEmpty && part.count <= 20 && part.allSatisfy { $0.isLetter || ($0.isASCII && $0.isNumber) } && part.first!.isLetter
    }

    /// What is wrong with a number as typed, in Vietnamese.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case empty
        case noSlash(String)
        case tooManySlashes(String)
        case badNumber(String, String)
        case zero(String)
        case badYear(String, String)
        case noSymbol(String)
        case emptyPart(String, String)
        case badSymbol(String, String)
        case noIssuer(String, String, DocumentType)

        public var description: String {
            switch self {
            case .empty: "Chưa nhập số, ký hiệu văn bản (vd: 164/UBND-NV)."
            case .noSlash(let t): "“\(t)”: thiếu dấu “/” giữa số và ký hiệu (vd: 164/UBND-NV)."
            case .tooManySlashes(let t): "“\(t)”: nhiều dấu “/” quá — chỉ có số, năm (nếu có) và ký hiệu (vd: 01/2021/QĐ-UBND)."
            case .badNumber(let t, let n): "“\(t)”: số văn bản “\(n)” phải là chữ số (vd: 12/KH-UBND)."
            case .zero(let t): "“\(t)”: số văn bản bắt đầu từ 01."
            case .badYear(let t, let y): "“\(t)”: năm “\(y)” phải có 4 chữ số (vd: 01/2021/QĐ-UBND)."
            case .noSymbol(let t): "“\(t)”: thiếu ký hiệu sau dấu “/” (vd: 142/KH-UBND)."
            case .emptyPart(let t, let s): "“\(t)”: ký hiệu “\(s)” có phần trống giữa hai dấu “-”."
            case .badSymbol(let t, let s): "“\(t)”: ký hiệu “\(s)” chỉ gồm chữ cái, chữ số và dấu “-”, mỗi phần bắt đầu bằng chữ cái."
            case .noIssuer(let t, let s, let type):
                "“\(t)”: ký hiệu “\(s)” (\(type.name)) thiếu chữ viết tắt tên cơ quan ban hành (vd: \(type.code)-UBND)."
            }
        }
    }
}
