import Fluent
import Foundation
import Vapor
import CCHCDomain

/// Reads of the registers. A register is a unit's: the handlers first load the unit through the scope
/// (`UnitQueries.readable`, 404 outside it), then read its documents here.
enum RegisterQueries {
    /// What the list shows: a year's documents, filtered.
    struct Filter: Sendable, Equatable {
        var year: Int
        /// Words searched in the number and the summary, without diacritics.
        var text: String?
        /// `DocumentType.code`
        var type: String?
        /// Only the documents that direct CCHC work.
        var directingOnly = false
    }

    /// The unit's documents of a year matching the filter, by date then number.
    static func list(_ unit: Unit, _ filter: Filter, on db: any Database) async throws -> [RegisterDocument] {
        var query = RegisterDocument.query(on: db).filter(\.$unit.$id == (try unit.requireID())).filter(\.$year == filter.year)
        for word in Folding.searchWords(filter.text ?? "") {
            query = query.filter(\.$searchFolded, .custom("LIKE"), "%\(word)%")
        }
        if let type = filter.type { query = query.filter(\.$type == type) }
        if filter.directingOnly { query = query.filter(\.$directsCCHC == true) }
        return try await query.sort(\.$issuedOn).sort(\.$number).sort(\.$id).all()
    }

    /// The years the unit's register holds, newest first.
    static func years(_ unit: Unit, on db: any Database) async throws -> [Int] {
        let rows = try await RegisterDocument.query(on: db).filter(\.$unit.$id == (try unit.requireID())).unique().field(\.$year).all()
        return Array(Set(rows.map(\.year))).sorted(by: >)
    }

    /// One document of the unit, or 404.
    static func document(_ id: Int, of unit: Unit, on db: any Database) async throws -> RegisterDocument {
        guard let document = try await RegisterDocument.find(id, on: db), document.$unit.id == unit.id else {
            throw RegisterService.missing
        }
        return document
    }

    /// The unit's numbering in a year: the next number of each kind, and per kind the numbers skipped below the highest
    /// (the first 20) and how many they are.
    struct Numbering {
        var next: [String: Int]
        var gaps: [String: [Int]]
        var gapCounts: [String: Int]
        /// The symbol last given to each kind that year ("UBND-NV" for Thạch Hà's công văn).
        var lastSymbols: [String: String]

        /// The number and symbol proposed for the next document of a kind: "165/UBND-NV", else Decree 30's "01/KH-UBND".
        func proposal(_ type: DocumentType, unit: Unit) -> String {
            let number = next[type.code] ?? 1
            return (number < 10 ? "0" : "") + "\(number)/" + (lastSymbols[type.code] ?? RegisterFormPage.defaultSymbol(unit, type: type))
        }
    }

    static func numbering(_ unit: Unit, year: Int, on db: any Database) async throws -> Numbering {
        let rows = try await RegisterDocument.query(on: db).filter(\.$unit.$id == (try unit.requireID())).filter(\.$year == year)
            .field(\.$id).field(\.$type).field(\.$number).field(\.$symbol).sort(\.$number).all()
        let used = rows.map { (type: $0.documentType, number: $0.number) }
        var out = Numbering(next: RegisterNumbering.proposals(used), gaps: [:], gapCounts: [:],
                            lastSymbols: Dictionary(rows.map { ($0.type, $0.symbol) }, uniquingKeysWith: { _, last in last }))
        for (code, numbers) in Dictionary(grouping: used, by: { $0.type.code }) {
            let count = RegisterNumbering.gapCount(used: numbers.map(\.number))
            guard count > 0 else { continue }
            out.gapCounts[code] = count
            out.gaps[code] = RegisterNumbering.gaps(used: numbers.map(\.number), limit: 20)
        }
        return out
    }

    /// The attachments of some documents, without their bytes: document id → (name, size).
    static func attachments(of ids: [Int], on db: any Database) async throws -> [Int: (name: String, size: Int)] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await RegisterAttachment.query(on: db).filter(\.$document.$id ~~ ids)
            .field(\.$id).field(\.$document.$id).field(\.$fileName).field(\.$size).all()
        return Dictionary(rows.map { ($0.$document.id, (name: $0.fileName, size: $0.size)) }, uniquingKeysWith: { a, _ in a })
    }

    /// The attached file with its bytes, or 404.
    static func attachment(of document: RegisterDocument, on db: any Database) async throws -> RegisterAttachment {
        guard let file = try await RegisterAttachment.query(on: db).filter(\.$document.$id == (try document.requireID())).first() else {
            throw CCHCError.notFound("Văn bản \(document.numberText) chưa có tệp đính kèm.")
        }
        return file
    }

    /// The documents that direct CCHC work issued by a unit in a window, by date then number: Phụ lục 3A and indicator 1.1.3.
    static func directing(unitID: Int, from: Day, through: Day, on db: any Database) async throws -> [RegisterEntry] {
        guard let unit = try await Unit.find(unitID, on: db) else { return [] }
        return try await RegisterDocument.query(on: db).filter(\.$unit.$id == unitID).filter(\.$directsCCHC == true)
            .filter(\.$issuedOn >= from.iso).filter(\.$issuedOn <= through.iso)
            .sort(\.$issuedOn).sort(\.$number).sort(\.$id).all()
            .map { $0.entry(unit: unit) }
    }

    // MARK: Cross-references

    /// The citations in `documents` checked against the registers they may cite: the unit's own and those of the units
    /// above it that `actor` may read (nil: every one). One query for the candidates, whatever the number of citations.
    static func findings(of documents: [RegisterDocument], unit: Unit, actor: Actor?,
                         on db: any Database) async throws -> [Int: [CrossReference.Finding]] {
        let citing = documents.map { ($0.id ?? 0, $0.entry(unit: unit).citations) }.filter { !$0.1.isEmpty }
        guard !citing.isEmpty else { return [:] }
        let ancestors = try await UnitQueries.ancestors(of: unit, on: db).filter { actor?.scope.canRead($0.unitPath) ?? true }
        let units = [unit] + ancestors
        let byID = Dictionary(units.compactMap { u in u.id.map { ($0, u) } }, uniquingKeysWith: { a, _ in a })
        let numbers = Array(Set(citing.flatMap { $0.1.map(\.number.number) }))
        let candidates = try await RegisterDocument.query(on: db).filter(\.$unit.$id ~~ Array(byID.keys)).filter(\.$number ~~ numbers).all()
            .compactMap { d in byID[d.$unit.id].map { d.entry(unit: $0) } }
        var out: [Int: [CrossReference.Finding]] = [:]
        for (id, citations) in citing { out[id] = CrossReference.check(citations, against: candidates) }
        return out
    }
}
