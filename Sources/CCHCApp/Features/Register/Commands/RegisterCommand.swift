import Fluent
import Vapor
import CCHCDomain

/// `cchc register import FILE.json` · `cchc register export [--unit CODE] [--year YYYY]`: registers as a JSON array of documents,
/// each naming its unit by code (or by name, matched without diacritics). An import is all or nothing.
struct RegisterCommandGroup: AsyncCommandGroup {
    var help: String { "Sổ đăng ký văn bản đi: nhập, xuất (JSON)." }
    var commands: [String: any AnyAsyncCommand] { ["import": RegisterImportCommand(), "export": RegisterExportCommand()] }
}

/// One document of a register file.
struct RegisterFileEntry: Codable, Equatable {
    /// The issuing unit's code or name.
    var unit: String
    var number: String
    /// yyyy-MM-dd (dd/MM/yyyy read too).
    var issuedOn: String
    var summary: String
    var signer: String?
    var directsCCHC: Bool?
    var area: String?
    var citedText: String?
}

enum RegisterFile {
    /// The documents of the file, checked all first: any problem (a unit not found, a number refused, a number twice) is
    /// listed, one line each, and nothing is written. Returns how many were registered.
    static func importEntries(_ data: Data, on db: any Database, now: Date) async throws -> Int {
        let entries: [RegisterFileEntry]
        do {
            entries = try JSONDecoder().decode([RegisterFileEntry].self, from: data)
        } catch let error as DecodingError {
            throw ValidationFailure(field: "file", "Tệp không đúng dạng sổ đăng ký (mảng JSON các văn bản): "
                                        + CCHCErrorMiddleware.decodingMessage(error))
        }
        let units = try await Unit.query(on: db).all()
        var errors: [FieldError] = []
        var seen: [String: Int] = [:]
        var resolved: [(Unit, RegisterDraft)] = []
        for (i, e) in entries.enumerated() {
            let line = "Văn bản thứ \(i + 1) (\(e.number.prefix(40)))"
            let key = Folding.fold(e.unit)
            guard let unit = units.first(where: { $0.code == e.unit.uppercased() }) ?? units.first(where: { $0.nameFolded == key }) else {
                errors.append(FieldError(field: "unit", message: "\(line): không có đơn vị “\(e.unit.prefix(60))”."))
                continue
            }
            let draft = RegisterDraft(number: e.number, issuedOn: e.issuedOn, summary: e.summary, signer: e.signer,
                                      directsCCHC: e.directsCCHC ?? false, area: e.area, citedText: e.citedText)
            let unitID = try unit.requireID()
            do throws(ValidationFailure) {
                let entry = try RegisterRules.check(draft, unitID: unitID, unitName: unit.name, unitKind: unit.kind)
                let slot = "\(entry.unitID) \(entry.year) \(entry.number.number) \(entry.number.symbolKey)"
                if let first = seen[slot] {
                    errors.append(FieldError(field: "number", message: "\(line): trùng số với văn bản thứ \(first) trong tệp."))
                }
                seen[slot] = i + 1
                resolved.append((unit, draft))
            } catch {
                errors += error.errors.map { FieldError(field: $0.field, message: "\(line): \($0.message)") }
            }
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let checked = resolved
        return try await db.writeTransaction { tx in
            let service = RegisterService(db: tx, actor: nil, now: now)
            for (i, (unit, draft)) in checked.enumerated() {
                do {
                    _ = try await service.create(draft, in: unit)
                } catch let failure as ValidationFailure {
                    // A number the register already holds: named, and the whole import undone.
                    throw ValidationFailure(failure.errors.map {
                        FieldError(field: $0.field, message: "Văn bản thứ \(i + 1) (\(draft.number.prefix(40))): \($0.message)")
                    })
                }
            }
            return checked.count
        }
    }

    /// The registers of `unit` (or every unit) in `year` (or every year), by unit, date, number: what `importEntries` reads.
    static func export(unit: Unit?, year: Int?, on db: any Database) async throws -> [RegisterFileEntry] {
        var query = RegisterDocument.query(on: db)
        if let unit { query = query.filter(\.$unit.$id == (try unit.requireID())) }
        if let year { query = query.filter(\.$year == year) }
        let documents = try await query.sort(\.$unit.$id).sort(\.$issuedOn).sort(\.$number).sort(\.$id).all()
        let ids = Array(Set(documents.map(\.$unit.id)))
        let codes = try await Unit.query(on: db).filter(\.$id ~~ ids).all().reduce(into: [Int: String]()) { $0[$1.id ?? 0] = $1.code }
        return documents.map { d in
            RegisterFileEntry(unit: codes[d.$unit.id] ?? "", number: d.numberText, issuedOn: d.issuedOn, summary: d.summary,
                              signer: d.signer, directsCCHC: d.directsCCHC, area: d.area, citedText: d.citedText)
        }
    }

    static func encode(_ entries: [RegisterFileEntry]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(entries), as: UTF8.self)
    }
}

struct RegisterImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Tệp JSON: mảng các văn bản {unit, number, issuedOn, summary, signer, directsCCHC, area, citedText}")
        var file: String
        init() {}
    }
    var help: String { "Nhập văn bản vào sổ đăng ký từ tệp JSON (có lỗi thì không nhập văn bản nào)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        guard let data = FileManager.default.contents(atPath: signature.file) else {
            throw CCHCError(.notFound, "Không đọc được tệp \(signature.file).")
        }
        do {
            let count = try await RegisterFile.importEntries(data, on: app.db, now: app.clock.now())
            context.console.print("Đã vào sổ \(count) văn bản.")
        } catch let failure as ValidationFailure {
            for e in failure.errors { context.console.error(e.message) }
            throw CCHCError(.unprocessableEntity, "Chưa nhập văn bản nào.")
        }
    }
}

struct RegisterExportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "unit", help: "Mã đơn vị (mặc định: mọi đơn vị)")
        var unit: String?
        @Option(name: "year", help: "Năm (mặc định: mọi năm)")
        var year: Int?
        init() {}
    }
    var help: String { "In sổ đăng ký văn bản ra JSON (stdout), đúng dạng lệnh import đọc." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        var unit: Unit?
        if let code = signature.unit {
            guard let found = try await Unit.query(on: app.db).filter(\.$code == code.uppercased()).first() else {
                throw CCHCError(.notFound, "Không có đơn vị mã \(code).")
            }
            unit = found
        }
        print(try RegisterFile.encode(try await RegisterFile.export(unit: unit, year: signature.year, on: app.db)))
    }
}
