import Fluent
import Foundation
import SQLKit
import CCHCDomain

/// The built-in form gains its consolidation rule on every row (`"consolidate"`, issue 9). A database
/// whose built-in form is still the copy migration 08 installed gets the new definition as a new
/// revision (the old one kept in `form_revisions`); a form a locality has since revised is left as it
/// is — its standing agency adds the rules with `cchc form import` or on the form's page.
struct AddConsolidationRules: AsyncMigration {
    static let pairs = [("Migrations/08_InstallBuiltInForms/CCHC-TK-2021.json", "Migrations/13_AddConsolidationRules/CCHC-TK-2021.json")]

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let now = Date()
        struct Row: Decodable { let id: Int; let definition: String; let revision: Int? }
        for (oldFile, newFile) in Self.pairs {
            let installed = try FormCodec.decode(Data(try Resources.text(oldFile).utf8))
            let new = try FormCodec.decodeChecked(Data(try Resources.text(newFile).utf8))
            guard let row = try await sql.select().columns("id", "definition", "revision").from("forms")
                .where("code", .equal, new.code).where("year", .equal, new.year).first(decoding: Row.self),
                (try? FormCodec.decode(Data(row.definition.utf8))) == installed else { continue }
            let revision = row.revision ?? 0
            try await sql.insert(into: "form_revisions")
                .columns("form_id", "revision", "definition", "replaced_at", "replaced_by")
                .values(SQLBind(row.id), SQLBind(revision), SQLBind(row.definition), SQLBind(now), SQLBind("hệ thống (nâng cấp 13)"))
                .run()
            try await sql.update("forms")
                .set("definition", to: SQLBind(try FormCodec.encode(new)))
                .set("revision", to: SQLBind(revision + 1))
                .set("updated_at", to: SQLBind(now))
                .where("id", .equal, row.id)
                .run()
        }
    }

    func revert(on database: any Database) async throws {}
}
