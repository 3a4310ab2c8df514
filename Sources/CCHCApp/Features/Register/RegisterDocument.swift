import Fluent
import Foundation
import CCHCDomain

/// One document a unit issued, as its register of outgoing documents (sổ đăng ký văn bản đi) keeps it.
final class RegisterDocument: Model, @unchecked Sendable {
    static let schema = "register_documents"

    @ID(custom: "id", generatedBy: .database) var id: Int?

    // The issuing unit and the register's year (the year of `issuedOn`)
    @Parent(key: "unit_id") var unit: Unit
    @Field(key: "year") var year: Int
    /// yyyy-MM-dd
    @Field(key: "issued_on") var issuedOn: String

    // Number and symbol
    @Field(key: "number") var number: Int
    /// "KH-UBND-NV", spaces removed.
    @Field(key: "symbol") var symbol: String
    /// The symbol folded ("kh-ubnd-nv"): the unique key compares it.
    @Field(key: "symbol_key") var symbolKey: String
    /// As written on the document: "164 /UBND-NV".
    @Field(key: "number_text") var numberText: String
    /// `DocumentType.code`: "KH", "CV", "QĐ" …
    @Field(key: "type") var type: String

    // What it says
    @Field(key: "summary") var summary: String
    @OptionalField(key: "signer") var signer: String?
    @Field(key: "directs_cchc") var directsCCHC: Bool
    /// `ReformArea.rawValue`
    @OptionalField(key: "area") var area: String?
    /// The passages that cite other documents, checked against the registers.
    @OptionalField(key: "cited_text") var citedText: String?
    /// Number and summary folded, for search without diacritics.
    @Field(key: "search_folded") var searchFolded: String

    // Where it comes from: a plan, a report, an inspection conclusion … (kind and id), when the system made it
    @OptionalField(key: "source_kind") var sourceKind: String?
    @OptionalField(key: "source_id") var sourceID: Int?

    // Edits
    @Field(key: "revision") var revision: Int
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "updated_by") var updatedBy: String?
    @OptionalField(key: "updated_at") var updatedAt: Date?

    init() {}

    init(unitID: Int, createdBy: String, at: Date) {
        self.$unit.id = unitID
        self.revision = 0
        self.createdBy = createdBy
        self.createdAt = at
    }

    /// Takes a checked entry's content.
    func set(_ entry: RegisterEntry) {
        year = entry.year
        issuedOn = entry.issuedOn.iso
        number = entry.number.number
        symbol = entry.number.symbol
        symbolKey = entry.number.symbolKey
        numberText = entry.numberText
        type = entry.type.code
        summary = entry.summary
        signer = entry.signer
        directsCCHC = entry.directsCCHC
        area = entry.area
        citedText = entry.citedText
        searchFolded = Folding.fold([entry.numberText, entry.number.text, entry.summary, entry.signer ?? ""].joined(separator: " "))
    }

    /// The entry the rules see, issued by `unit`. A stored number that no longer reads (it cannot: it was checked) keeps its parts.
    func entry(unit: Unit) -> RegisterEntry {
        let parsed = DocumentNumber(numberText) ?? DocumentNumber(number: number, symbol: symbol,
                                                                   type: DocumentType.code(type) ?? .congVan, issuer: symbol)
        return RegisterEntry(id: id, unitID: $unit.id, unitName: unit.name, unitKind: unit.kind, number: parsed, numberText: numberText,
                             issuedOn: Day(iso: issuedOn) ?? Day(year, 1, 1)!, summary: summary, signer: signer, directsCCHC: directsCCHC,
                             area: area, citedText: citedText)
    }

    var documentType: DocumentType { DocumentType.code(type) ?? .congVan }
    var day: Day? { Day(iso: issuedOn) }

    /// Before → after of an audited change.
    var auditFields: [String: String] {
        ["number": numberText, "issuedOn": VNDate.display(iso: issuedOn), "type": type, "summary": summary, "signer": signer ?? "",
         "directsCCHC": directsCCHC ? "có" : "không", "area": area ?? ""]
    }

    func requireID() throws -> Int {
        guard let id else { throw CCHCError(.internalServerError, "Văn bản chưa được lưu.") }
        return id
    }
}

/// The file attached to a register document (the signed scan, the .docx): one per document, read only when downloaded.
final class RegisterAttachment: Model, @unchecked Sendable {
    static let schema = "register_attachments"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "document_id") var document: RegisterDocument
    /// As uploaded, path parts removed.
    @Field(key: "file_name") var fileName: String
    /// From the name's extension (never the uploader's claim).
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "bytes") var bytes: Data
    @Field(key: "uploaded_by") var uploadedBy: String
    @Field(key: "uploaded_at") var uploadedAt: Date

    init() {}
}
