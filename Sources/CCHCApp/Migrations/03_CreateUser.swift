import Fluent
import SQLKit

struct CreateUser: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("users")
            .field("id", .int, .identifier(auto: true))
            .field("username", .string, .required)
            .field("full_name", .string, .required)
            .field("full_name_folded", .string, .required)
            .field("password_hash", .string, .required)
            .field("unit_id", .int, .required, .references("units", "id"))
            .field("role", .string, .required)
            .field("is_active", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "username")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "idx_users_unit").on("users").column("unit_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("users").delete()
    }
}
