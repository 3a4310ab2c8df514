import Fluent

/// A deadline written "trước ngày X" (before day X) ends the day before; "chậm nhất là ngày X" (at the
/// latest on day X) ends on it. Documents write both; a period keeps which one it was given.
struct AddStrictDeadlines: AsyncMigration {
    func prepare(on database: any Database) async throws {
        for table in ["reporting_periods", "office_periods"] {
            try await database.schema(table).field("deadline_strict", .bool).update()
        }
    }

    func revert(on database: any Database) async throws {
        for table in ["reporting_periods", "office_periods"] {
            try await database.schema(table).deleteField("deadline_strict").update()
        }
    }
}
