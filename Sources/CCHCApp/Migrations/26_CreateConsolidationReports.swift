import Fluent
import SQLKit

/// National scale (issue 14): how many reports each bucket counts, per form, year, period kind and basis — so a
/// consolidation counts the reports in it from a few hundred rows (see `ConsolidationPartials`, `ConsolidationService.units`).
/// Migration 28 fills every partial table from the reports already there.
struct CreateConsolidationReports: AsyncMigration {
    /// The key columns every partial table shares: the bucket (or area), the form, the year, the period kind and the basis.
    static func keyed(_ builder: SchemaBuilder) -> SchemaBuilder {
        builder.field("bucket_id", .int, .required).field("bucket_path", .string, .required).field("form_id", .int, .required)
            .field("year", .int, .required).field("period_kind", .string, .required).field("basis", .string, .required)
    }

    func prepare(on database: any Database) async throws {
        try await Self.keyed(database.schema(ConsolidationPartials.reports))
            .field("reports", .int64, .required)
            .unique(on: "bucket_id", "form_id", "year", "period_kind", "basis")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        let table = ConsolidationPartials.reports
        try await sql.create(index: "idx_\(table)_read").on(table)
            .column("form_id").column("year").column("period_kind").column("basis").column("bucket_path").run()
        try await sql.create(index: "idx_\(table)_bucket").on(table).column("bucket_id").run()
        // Filled from the reports by migration 28, once the area tables and every column exist.
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ConsolidationPartials.reports).delete()
    }
}
