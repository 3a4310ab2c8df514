import Fluent
import SQLKit

/// The jurisdiction's offices' own windows and deadlines where a regime gives them different ones
/// (seed 000 §III: the district's offices report the year from 15/12/2020 to 14/12/2021).
struct CreateOfficePeriods: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("office_periods")
            .field("id", .int, .identifier(auto: true))
            .field("regime_id", .int, .required, .references("regimes", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("from_day", .string, .required)
            .field("to_day", .string, .required)
            .field("deadline", .string, .required)
            .field("estimate_from", .string)
            .field("estimate_to", .string)
            .unique(on: "regime_id", "kind")
            .create()
        try await (database as! any SQLDatabase).create(index: "idx_office_periods_regime").on("office_periods").column("regime_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("office_periods").delete()
    }
}
