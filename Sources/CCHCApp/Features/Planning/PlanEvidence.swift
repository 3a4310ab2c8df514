import Fluent
import Vapor
import CCHCDomain

/// A task's evidence: documents of the unit's register (each with its file, if attached), named by number as typed
/// ("15/BC-UBND; 03/QĐ-UBND") and matched without diacritics, case or spaces; one the register does not hold is refused,
/// naming it.
struct Evidence: Content, Equatable {
    var documentID: Int
    var number: String
    var date: Day
    var summary: String
    var link: String
}

enum PlanEvidence {
    static func key(_ number: String) -> String {
        Folding.fold(number).filter { !$0.isWhitespace }
    }

    /// The register documents `typed` names, in order, or the field error naming those it does not hold.
    static func resolve(_ typed: String?, unit: Unit, on db: any Database) async throws -> [Int] {
        let names = (typed ?? "").split(whereSeparator: { $0 == ";" || $0.isNewline || $0 == "," })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !names.isEmpty else { return [] }
        guard names.count <= 20 else { throw ValidationFailure(field: "evidence", "Minh chứng: tối đa 20 văn bản.") }
        let documents = try await RegisterDocument.query(on: db).filter(\.$unit.$id == (try unit.requireID())).all()
        var ids: [Int] = []
        var unknown: [String] = []
        for name in names {
            if let d = documents.filter({ key($0.numberText) == key(name) }).max(by: { $0.issuedOn < $1.issuedOn }), let id = d.id {
                if !ids.contains(id) { ids.append(id) }
            } else {
                unknown.append(name)
            }
        }
        guard unknown.isEmpty else {
            throw ValidationFailure(field: "evidence", "Minh chứng: sổ văn bản của \(unit.name) không có "
                + unknown.map { "“\($0)”" }.joined(separator: ", ") + " (vào sổ văn bản trước, rồi ghi số của văn bản).")
        }
        return ids
    }

    static func load(_ json: String?, unitID: Int, on db: any Database) async throws -> [Evidence] {
        let ids = json.map { JSONList.decodeInts($0) } ?? []
        guard !ids.isEmpty else { return [] }
        let documents = try await RegisterDocument.query(on: db).filter(\.$id ~~ ids).all()
        return ids.compactMap { id in
            documents.first { $0.id == id }.map { d in
                Evidence(documentID: id, number: d.numberText, date: Day(iso: d.issuedOn) ?? Day(2000, 1, 1)!, summary: d.summary,
                         link: SiteURL.Documents.document(.value(unitID), .value(id)).path)
            }
        }
    }
}

extension JSONList {
    static func encode(ints: [Int]) -> String { (try? String(decoding: JSONEncoder().encode(ints), as: UTF8.self)) ?? "[]" }
    static func decodeInts(_ text: String) -> [Int] { (try? JSONDecoder().decode([Int].self, from: Data(text.utf8))) ?? [] }
}
