import Fluent
import SQLKit

struct CreateRegime: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("regimes")
            .field("id", .int, .identifier(auto: true))
            .field("issuer_id", .int, .required, .references("units", "id"))
            .field("year", .int, .required)
            .field("deadline_day", .int)
            .field("form_id", .int, .references("forms", "id"))
            .field("document", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "issuer_id", "year")
            .create()
        try await database.schema("reporting_periods")
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
        try await database.schema("section_assignments")
            .field("id", .int, .identifier(auto: true))
            .field("regime_id", .int, .required, .references("regimes", "id", onDelete: .cascade))
            .field("section", .string, .required)
            .field("office_id", .int, .required, .references("units", "id"))
            .unique(on: "regime_id", "section")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "idx_regimes_form").on("regimes").column("form_id").run()
        try await sql.create(index: "idx_periods_regime").on("reporting_periods").column("regime_id").run()
        try await sql.create(index: "idx_section_assignments_office").on("section_assignments").column("office_id").run()
    }
    func revert(on database: any Database) async throws {
        try await database.schema("section_assignments").delete()
        try await database.schema("reporting_periods").delete()
        try await database.schema("regimes").delete()
    }
}
