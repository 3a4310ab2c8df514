import Fluent
import Foundation
import SQLKit

struct InstallBuiltInForms: AsyncMigration {
    static let files = ["Migrations/08_InstallBuiltInForms/CCHC-TK-2021.json"]

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let now = Date()
        for json in try Self.files.map(Resources.text) {
            let form = try FormCodec.decodeChecked(Data(json.utf8))
            let existing = try await sql.select().column("id").from("forms")
                .where("code", .equal, form.code).where("year", .equal, form.year).first()
            guard existing == nil else { continue }
            try await sql.insert(into: "forms")
                .columns("code", "year", "title", "definition", "created_at", "updated_at")
                .values(SQLBind(form.code), SQLBind(form.year), SQLBind(form.title), SQLBind(try FormCodec.encode(form)), SQLBind(now), SQLBind(now))
                .run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for json in try Self.files.map(Resources.text) {
            let form = try FormCodec.decode(Data(json.utf8))
            try await sql.delete(from: "forms").where("code", .equal, form.code).where("year", .equal, form.year).run()
        }
    }
}
