import Fluent
import SQLKit

struct CreateForm: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("forms")
            .field("id", .int, .identifier(auto: true))
            .field("code", .string, .required)
            .field("year", .int, .required)
            .field("title", .string, .required)
            .field("definition", .sql(unsafeRaw: "TEXT"), .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "code", "year")
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("forms").delete() }
}
