import Fluent
import SQLKit

struct CreateUnit: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("units")
            .field("id", .int, .identifier(auto: true))
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("name_folded", .string, .required)
            .field("kind", .string, .required)
            .field("parent_id", .int, .references("units", "id"))
            .field("path", .string, .required)
            .field("depth", .int, .required)
            .field("is_standing_agency", .bool, .required)
            .field("retired_on", .string)
            .field("successor_id", .int, .references("units", "id"))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "code")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "idx_units_parent").on("units").column("parent_id").run()
        try await sql.create(index: "idx_units_path").on("units").column("path").run()
        try await sql.create(index: "idx_units_successor").on("units").column("successor_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("units").delete()
    }
}
