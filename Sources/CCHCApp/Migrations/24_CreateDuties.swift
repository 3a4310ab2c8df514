import Fluent
import SQLKit

/// Duties (issue 13): the calendar feeds behind secret tokens (per user or per unit, revocable), the reminders' outbox
/// (one row per duty, rule and recipient — never the same reminder twice; in-app until read, e-mailed when mail is set
/// up), and an e-mail address on the account.
struct CreateDuties: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("calendar_feeds")
            .field("id", .int, .identifier(auto: true))
            .field("token_hash", .string, .required)
            .field("user_id", .int, .references("users", "id", onDelete: .cascade))
            .field("unit_id", .int, .references("units", "id"))
            .field("created_by", .int, .required)
            .field("created_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await database.schema("reminders")
            .field("id", .int, .identifier(auto: true))
            .field("duty_id", .string, .required)
            .field("rule", .string, .required)
            .field("user_id", .int, .required, .references("users", "id", onDelete: .cascade))
            .field("unit_id", .int, .required)
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("url", .string, .required)
            .field("due_day", .string, .required)
            .field("created_at", .datetime, .required)
            .field("read_at", .datetime)
            .field("email", .string)
            .field("mail_claimed_at", .datetime)
            .field("mailed_at", .datetime)
            .field("mail_error", .string)
            .unique(on: "duty_id", "rule", "user_id")
            .create()
        try await database.schema("users").field("email", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("users").deleteField("email").update()
        try await database.schema("reminders").delete()
        try await database.schema("calendar_feeds").delete()
    }
}
