import Foundation
import Vapor
import CCHCDomain

/// A register document as the API gives it (never the Fluent model).
struct RegisterDocumentDTO: Content {
    struct Attachment: Content { var fileName: String; var size: Int }
    struct Source: Content { var kind: String; var id: Int }

    var id: Int
    var unitID: Int
    var year: Int
    var number: Int
    var symbol: String
    /// As written: "164 /UBND-NV".
    var numberText: String
    var type: String
    var typeName: String
    /// yyyy-MM-dd
    var issuedOn: String
    var summary: String
    var signer: String?
    var directsCCHC: Bool
    var area: String?
    var areaName: String?
    var citedText: String?
    var source: Source?
    var attachment: Attachment?
    /// The document's citations checked against the registers.
    var findings: [FindingDTO]
    /// What does not add up within the document.
    var warnings: [String]
    var createdBy: String
    var createdAt: Date
    var updatedBy: String?
    var updatedAt: Date?
    var revision: Int

    init(_ d: RegisterDocument, unit: Unit, attachment: (name: String, size: Int)?, findings: [CrossReference.Finding]) {
        id = d.id ?? 0
        unitID = d.$unit.id
        year = d.year
        number = d.number
        symbol = d.symbol
        numberText = d.numberText
        type = d.type
        typeName = d.documentType.name
        issuedOn = d.issuedOn
        summary = d.summary
        signer = d.signer
        directsCCHC = d.directsCCHC
        area = d.area
        areaName = d.area.flatMap(ReformArea.init(rawValue:))?.title
        citedText = d.citedText
        source = d.sourceKind.map { Source(kind: $0, id: d.sourceID ?? 0) }
        self.attachment = attachment.map { Attachment(fileName: $0.name, size: $0.size) }
        self.findings = findings.map { FindingDTO($0, documentID: d.id ?? 0) }
        warnings = d.entry(unit: unit).warnings
        createdBy = d.createdBy
        createdAt = d.createdAt
        updatedBy = d.updatedBy
        updatedAt = d.updatedAt
        revision = d.revision
    }
}

/// One citation checked against the registers.
struct FindingDTO: Content {
    /// The document whose text cites.
    var documentID: Int
    var passage: String
    var cited: String
    /// yyyy-MM-dd, when the citation gives a real date.
    var citedDate: String?
    var verdict: String
    var flagged: Bool
    /// The registered document it was compared with.
    var registeredID: Int?
    var message: String

    init(_ f: CrossReference.Finding, documentID: Int) {
        self.documentID = documentID
        passage = f.citation.passage
        cited = f.citation.number.text
        citedDate = f.citation.date?.iso
        verdict = f.verdict.rawValue
        flagged = f.isFlagged
        registeredID = f.registered?.id
        message = f.message
    }
}

/// A year of a unit's register, as the list page shows it.
struct RegisterListDTO: Content {
    var unitID: Int
    var unitName: String
    var year: Int
    /// The years the register holds, and this year.
    var years: [Int]
    /// The next number of each kind (`DocumentType.code` → number) in the year.
    var nextNumbers: [String: Int]
    /// The number and symbol proposed for the next document of each kind ("KH" → "11/KH-UBND-NV"), as the form fills it in.
    var proposed: [String: String]
    /// The numbers skipped below the highest, per kind: the first 20, and how many they are.
    var gaps: [String: [Int]]
    var gapCounts: [String: Int]
    var documents: [RegisterDocumentDTO]
    /// The citations that do not match the registers.
    var flagged: [FindingDTO]
}

/// A register document sent to create or change one.
struct RegisterInput: Content {
    var number: String
    var issuedOn: String
    var type: String?
    var summary: String
    var signer: String?
    var directsCCHC: Bool?
    var area: String?
    var citedText: String?
    /// Required to change a document: the revision read.
    var revision: Int?

    var draft: RegisterDraft {
        RegisterDraft(number: number, issuedOn: issuedOn, type: type, summary: summary, signer: signer, directsCCHC: directsCCHC ?? false,
                      area: area, citedText: citedText)
    }
}
