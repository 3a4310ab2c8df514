import Fluent
import Vapor
import CCHCDomain
import CCHCOffice

/// A plan in from a file (the page, the API, `cchc plan import`) and out as JSON, .xlsx and .docx.
enum PlanImport {
    /// The tasks of an uploaded file, with `due` read from every time frame, and what could not be read, said row by row.
    /// The format is told by the file's content (a .docx and an .xlsx are both zips: told by their parts), not its name.
    static func tasks(_ data: Data, filename: String, year: Int) throws -> ([PlanTaskEntry], [String]) {
        let head = data.prefix(64)
        if head.first == UInt8(ascii: "{") || head.first == UInt8(ascii: "[") || filename.lowercased().hasSuffix(".json") {
            let plan = try document(data)
            return (plan.tasks.map { $0.fillingDue(year: year) }, [])
        }
        guard head.starts(with: [0x50, 0x4B]) else {
            throw CCHCError(.unprocessableEntity, "Tệp “\(filename)”: không phải văn bản Word (.docx), bảng tính Excel (.xlsx) hay JSON.")
        }
        let isWord = data.range(of: Data("word/document.xml".utf8)) != nil
        let read = try PlanFiles.importTable(data, format: isWord ? .docx : .xlsx)
        let problems = read.problems.map { p in "Dòng \(p.row): \(p.reason)" + (p.excerpt.isEmpty ? "" : " (“\(p.excerpt)”)") }
        return (read.tasks.map { $0.fillingDue(year: year) }, problems)
    }

    /// The plan JSON of the interface, decoded with a message naming what is wrong.
    static func document(_ data: Data) throws -> PlanDocument {
        do {
            return try JSONDecoder().decode(PlanDocument.self, from: data)
        } catch let DecodingError.keyNotFound(key, ctx) {
            throw CCHCError(.unprocessableEntity, "Tệp JSON kế hoạch: thiếu trường “\(key.stringValue)”\(path(ctx.codingPath)).")
        } catch let DecodingError.dataCorrupted(ctx) {
            throw CCHCError(.unprocessableEntity, "Tệp JSON kế hoạch: \(ctx.debugDescription)\(path(ctx.codingPath)).")
        } catch let DecodingError.typeMismatch(_, ctx) {
            throw CCHCError(.unprocessableEntity, "Tệp JSON kế hoạch: giá trị sai kiểu\(path(ctx.codingPath)).")
        } catch {
            throw CCHCError(.unprocessableEntity, "Tệp JSON kế hoạch không đọc được.")
        }
    }

    static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "" : " (ở \(keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")))"
    }
}

enum PlanExports {
    static func file(_ data: Data, name: String, type: String) throws -> Response {
        Exports.file(data, type: type, name: name)
    }

    static func json(_ plan: PlanDocument) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(plan)
    }

    /// The plan in the state layout: the issuing body of the plan's unit, sent to the level above.
    static func docx(_ view: PlanView, unit: Unit, on db: any Database) async throws -> Data {
        let parent = try await Unit.find(optional: unit.$parent.id, on: db)
        let body = IssuingBody(kind: unit.kind, name: unit.name, parentKind: parent?.kind, parentName: parent?.name)
        let recipients = parent.map { ["- \(IssuingBody(kind: $0.kind, name: $0.name).inSentence);"] } ?? []
        let issuer = PlanFiles.Issuer(body: body, recipients: recipients, signer: view.document?.signer.map { Signatory(fullName: $0) })
        return try PlanFiles.docx(view.json, issuer: issuer)
    }
}
