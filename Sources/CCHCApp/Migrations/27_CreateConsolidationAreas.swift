import Fluent
import SQLKit

/// National scale (issue 14): the partial sums per area (a province-tier unit), the sum of its buckets' rows — see
/// `ConsolidationAreas`. Same columns as the bucket tables. (Migration 28 fills every partial table from the reports.)
struct CreateConsolidationAreas: AsyncMigration {
    private func keyed(_ builder: SchemaBuilder) -> SchemaBuilder { CreateConsolidationReports.keyed(builder) }

    func prepare(on database: any Database) async throws {
        try await keyed(database.schema(ConsolidationAreas.partials))
            .field("indicator_code", .string, .required).field("reports", .int64, .required)
            .field("sum_number", .double).field("count_number", .int64, .required)
            .field("sum_numerator", .double).field("sum_denominator", .double).field("count_fraction", .int64, .required)
            .field("sum_percent", .double).field("count_percent", .int64, .required)
            .field("max_number", .double).field("min_number", .double)
            .unique(on: "bucket_id", "form_id", "year", "period_kind", "basis", "indicator_code")
            .create()
        try await keyed(database.schema(ConsolidationAreas.answers))
            .field("indicator_code", .string, .required).field("answer", .double, .required).field("units", .int64, .required)
            .create()
        try await keyed(database.schema(ConsolidationAreas.reports))
            .field("reports", .int64, .required)
            .unique(on: "bucket_id", "form_id", "year", "period_kind", "basis")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        for (_, table) in ConsolidationAreas.tables {
            try await sql.create(index: "idx_\(table)_read").on(table)
                .column("form_id").column("year").column("period_kind").column("basis").column("bucket_path").run()
            try await sql.create(index: "idx_\(table)_bucket").on(table).column("bucket_id").run()
        }
        // The tables were filled here from the reports until migration 28 added a column they are filled with: filling
        // them is now migration 28's (a database migrated before that was filled here, and is refilled there).
    }

    func revert(on database: any Database) async throws {
        for (_, table) in ConsolidationAreas.tables.reversed() { try await database.schema(table).delete() }
    }
}
