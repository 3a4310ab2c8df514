import Fluent
import SQLKit

struct CreateAuditEvent: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("audit_events")
            .field("id", .int, .identifier(auto: true))
            .field("at", .datetime, .required)
            .field("user_id", .int)
            .field("username", .string, .required)
            .field("action", .string, .required)
            .field("entity", .string, .required)
            .field("entity_id", .int)
            .field("unit_id", .int)
            .field("unit_path", .string)
            .field("summary", .string, .required)
            .field("detail", .string)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "idx_audit_events_unit_path").on("audit_events").column("unit_path").run()
        try await sql.create(index: "idx_audit_events_at").on("audit_events").column("at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("audit_events").delete()
    }
}
