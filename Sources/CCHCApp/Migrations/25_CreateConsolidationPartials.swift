import Fluent
import SQLKit

/// National scale (issue 14): the live partial sums of consolidation, per bucket (the unit directly above a report's
/// unit), form, year, period kind and basis — see `ConsolidationPartials`.
struct CreateConsolidationPartials: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("consolidation_partials")
            .field("bucket_id", .int, .required)
            .field("bucket_path", .string, .required)
            .field("form_id", .int, .required)
            .field("year", .int, .required)
            .field("period_kind", .string, .required)
            .field("basis", .string, .required)
            .field("indicator_code", .string, .required)
            .field("reports", .int64, .required)
            .field("sum_number", .double)
            .field("count_number", .int64, .required)
            .field("sum_numerator", .double)
            .field("sum_denominator", .double)
            .field("count_fraction", .int64, .required)
            .field("sum_percent", .double)
            .field("count_percent", .int64, .required)
            .field("max_number", .double)
            .field("min_number", .double)
            .unique(on: "bucket_id", "form_id", "year", "period_kind", "basis", "indicator_code")
            .create()
        try await database.schema("consolidation_answers")
            .field("bucket_id", .int, .required)
            .field("bucket_path", .string, .required)
            .field("form_id", .int, .required)
            .field("year", .int, .required)
            .field("period_kind", .string, .required)
            .field("basis", .string, .required)
            .field("indicator_code", .string, .required)
            .field("answer", .double, .required)
            .field("units", .int64, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        for table in ["consolidation_partials", "consolidation_answers"] {
            try await sql.create(index: "idx_\(table)_read").on(table)
                .column("form_id").column("year").column("period_kind").column("basis").column("bucket_path").run()
            try await sql.create(index: "idx_\(table)_bucket").on(table).column("bucket_id").run()
        }
        // Filled from the reports by migration 28, once every partial table and column exists.
    }

    func revert(on database: any Database) async throws {
        try await database.schema("consolidation_answers").delete()
        try await database.schema("consolidation_partials").delete()
    }
}
