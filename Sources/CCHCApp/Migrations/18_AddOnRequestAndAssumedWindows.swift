import Fluent

/// A period owed only when the standing agency asks for it (the supplementary report, seed 000), and a period
/// the regime gives a deadline for but no cut-off window (older guidance), whose window the system assumed.
struct AddOnRequestAndAssumedWindows: AsyncMigration {
    func prepare(on database: any Database) async throws {
        for table in ["reporting_periods", "office_periods"] {
            try await database.schema(table).field("on_request", .bool).update()
            try await database.schema(table).field("window_given", .bool).update()
        }
    }

    func revert(on database: any Database) async throws {
        for table in ["reporting_periods", "office_periods"] {
            try await database.schema(table).deleteField("window_given").update()
            try await database.schema(table).deleteField("on_request").update()
        }
    }
}
