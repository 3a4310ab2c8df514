import Fluent
import Foundation
import SQLKit
import CCHCDomain

/// Reports fill themselves (issue 10): the built-in form names where rows 1.1.1–1.1.3 and 1.3.1–1.3.3 are computed
/// from (`"source"`: the plan, the register, the tasks assigned from above), upgraded as migration 13 did — only where
/// the installed form is still migration 13's copy; and a figure keeps the reason a unit gave for overriding one.
struct AddComputedSources: AsyncMigration {
    static let pairs = [("Migrations/13_AddConsolidationRules/CCHC-TK-2021.json", "Migrations/20_AddComputedSources/CCHC-TK-2021.json")]

    func prepare(on database: any Database) async throws {
        try await database.schema("report_values").field("note", .string).update()
        try await BuiltInFormUpgrade.run(Self.pairs, label: "hệ thống (nâng cấp 20)", on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("report_values").deleteField("note").update()
    }
}

/// A built-in form replaced by a newer definition where a database still holds the copy an earlier migration installed
/// (the old definition kept in `form_revisions`); a form a locality has revised since is left as it is.
enum BuiltInFormUpgrade {
    static func run(_ pairs: [(String, String)], label: String, on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let now = Date()
        struct Row: Decodable { let id: Int; let definition: String; let revision: Int? }
        for (oldFile, newFile) in pairs {
            let installed = try FormCodec.decode(Data(try Resources.text(oldFile).utf8))
            let new = try FormCodec.decodeChecked(Data(try Resources.text(newFile).utf8))
            guard let row = try await sql.select().columns("id", "definition", "revision").from("forms")
                .where("code", .equal, new.code).where("year", .equal, new.year).first(decoding: Row.self),
                (try? FormCodec.decode(Data(row.definition.utf8))) == installed else { continue }
            let revision = row.revision ?? 0
            try await sql.insert(into: "form_revisions")
                .columns("form_id", "revision", "definition", "replaced_at", "replaced_by")
                .values(SQLBind(row.id), SQLBind(revision), SQLBind(row.definition), SQLBind(now), SQLBind(label))
                .run()
            try await sql.update("forms")
                .set("definition", to: SQLBind(try FormCodec.encode(new)))
                .set("revision", to: SQLBind(revision + 1))
                .set("updated_at", to: SQLBind(now))
                .where("id", .equal, row.id)
                .run()
        }
    }
}
