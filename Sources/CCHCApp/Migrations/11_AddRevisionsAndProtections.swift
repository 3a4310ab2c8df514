import Fluent
import SQLKit

struct AddRevisionsAndProtections: AsyncMigration {
    static let revisioned = ["reports", "office_contributions", "regimes", "forms", "units", "users"]

    func prepare(on database: any Database) async throws {
        for table in Self.revisioned {
            try await database.schema(table).field("revision", .int, .sql(.default(0))).update()
        }
        try await database.schema("reports").field("updated_by", .string).update()
        try await database.schema("forms").field("owner_id", .int).update()
        try await database.schema("users")
            .field("failed_logins", .int, .sql(.default(0)))
            .update()
        try await database.schema("users").field("locked_at", .datetime).update()
        try await database.schema("users").field("session_epoch", .int, .sql(.default(0))).update()
        try await database.schema("login_throttles")
            .field("id", .int, .identifier(auto: true))
            .field("key", .string, .required)
            .field("failures", .int, .required)
            .field("window_start", .datetime, .required)
            .field("blocked_until", .datetime)
            .unique(on: "key")
            .create()
        try await database.schema("form_revisions")
            .field("id", .int, .identifier(auto: true))
            .field("form_id", .int, .required, .references("forms", "id", onDelete: .cascade))
            .field("revision", .int, .required)
            .field("definition", .sql(unsafeRaw: "TEXT"), .required)
            .field("replaced_at", .datetime, .required)
            .field("replaced_by", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("form_revisions").delete()
        try await database.schema("login_throttles").delete()
        for (table, column) in [("users", "session_epoch"), ("users", "locked_at"), ("users", "failed_logins"), ("forms", "owner_id"),
                                ("reports", "updated_by")] + Self.revisioned.map({ ($0, "revision") }) {
            try await database.schema(table).deleteField(.string(column)).update()
        }
    }
}
