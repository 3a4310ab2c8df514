import Foundation

/// One document in a unit's register of outgoing documents (sổ đăng ký văn bản đi), as the rules see it.
public struct RegisterEntry: Sendable, Equatable, Codable {
    public var id: Int?
    /// The issuing unit, and its name and kind: a citation's "của UBND huyện" is matched against them.
    public var unitID: Int
    public var unitName: String
    public var unitKind: UnitKind
    public var number: DocumentNumber
    /// The number and symbol as written on the document ("164 /UBND-NV").
    public var numberText: String
    public var issuedOn: Day
    /// Trích yếu.
    public var summary: String
    public var signer: String?
    /// A document that directs CCHC work (Phụ lục 3A, indicator 1.1.3).
    public var directsCCHC: Bool
    /// The reform area's code (`ReformArea.rawValue`), when the document is about one.
    public var area: String?
    /// The passages of the document that cite others ("Căn cứ Kế hoạch số …"), checked against the register.
    public var citedText: String?

    public init(id: Int? = nil, unitID: Int, unitName: String, unitKind: UnitKind, number: DocumentNumber, numberText: String? = nil,
                issuedOn: Day, summary: String, signer: String? = nil, directsCCHC: Bool = false, area: String? = nil,
                citedText: String? = nil) {
        self.id = id
        self.unitID = unitID
        self.unitName = unitName
        self.unitKind = unitKind
        self.number = number
        self.numberText = numberText ?? number.text
        self.issuedOn = issuedOn
        self.summary = summary
        self.signer = signer
        self.directsCCHC = directsCCHC
        self.area = area
        self.citedText = citedText
    }

    /// The register's year: the year the document was issued (numbers start again from 01 each year).
    public var year: Int { issuedOn.year }
    public var type: DocumentType { number.type }
    public var reformArea: ReformArea? { area.flatMap(ReformArea.init(rawValue:)) }

    /// Every citation in the summary and the cited passages.
    public var citations: [Citation] {
        CitationReader.read(summary) + CitationReader.read(citedText ?? "")
    }

    /// The entry as a row of Phụ lục 3A (số, ký hiệu; ngày ban hành; trích yếu; cơ quan ban hành), `issuer` as the appendix
    /// writes it ("UBND xã Thạch Hải").
    public func directingRow(issuer: String) -> DirectingDocumentRow {
        DirectingDocumentRow(numberSymbol: numberText, issuedOn: issuedOn.iso, summary: summary, issuer: issuer)
    }

    /// What does not add up within the entry itself: the number's own year against the date's.
    public var warnings: [String] {
        guard let written = number.year, written != issuedOn.year else { return [] }
        return ["Số \(numberText) ghi năm \(written) nhưng ngày ban hành \(issuedOn.vietnamese) thuộc năm \(issuedOn.year)."]
    }
}

/// The next number an issuing body gives a document: one more than the highest it has used that year. A gap (a number
/// skipped or reserved) is not filled — a number given after a higher one would put the register out of date order — but listed.
public enum RegisterNumbering {
    /// 1 when nothing is used yet.
    public static func next(used: [Int]) -> Int { (used.max() ?? 0) + 1 }

    /// The numbers below the highest that nobody has: [1, 2, 4, 7] → [3, 5, 6]. At most `limit` of them.
    public static func gaps(used: [Int], limit: Int = 20) -> [Int] {
        guard let top = used.max(), top > 1 else { return [] }
        let have = Set(used)
        return Array((1..<top).lazy.filter { !have.contains($0) }.prefix(limit))
    }

    /// How many numbers below the highest nobody has: [1, 2, 4, 7] → 3.
    public static func gapCount(used: [Int]) -> Int {
        guard let top = used.max(), top > 1 else { return 0 }
        return top - 1 - Set(used.filter { $0 > 0 && $0 < top }).count
    }

    /// The next number of each kind, from the numbers a body used in a year: each kind keeps its own sequence, as the
    /// seeds' bodies number them (Thạch Hà: 10/KH-UBND-NV on 22/01/2021 and 164/UBND-NV three days later).
    public static func proposals(_ used: [(type: DocumentType, number: Int)]) -> [String: Int] {
        var byType: [String: [Int]] = [:]
        for u in used { byType[u.type.code, default: []].append(u.number) }
        var out: [String: Int] = [:]
        for type in DocumentType.all { out[type.code] = next(used: byType[type.code] ?? []) }
        return out
    }
}

extension AccessScope {
    /// May keep `target`'s register (add, change, remove its documents, attach files): whoever drafts for the unit —
    /// its specialists and leader, a standing officer for the jurisdiction — and a standing officer for their own office.
    /// Viewers and administrators only read.
    public func canKeepRegister(of target: UnitPath) -> Bool {
        canDraft(for: target) || (role == .standingOfficer && target == unit)
    }
}
