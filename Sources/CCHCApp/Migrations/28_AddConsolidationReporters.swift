import Fluent
import SQLKit

/// National scale (issue 14): per bucket, how many distinct jurisdictions not retired have a report counted, so a
/// consolidation looks for the missing only in the buckets holding more jurisdictions than that (see
/// `ConsolidationService.units`). Refills every partial table from the reports.
struct AddConsolidationReporters: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.transaction { tx in
            try await tx.schema(ConsolidationPartials.reports).field("reporters", .int64, .required, .sql(.default(0))).update()
            try await ConsolidationPartials.rebuildAll(on: tx)
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ConsolidationPartials.reports).deleteField("reporters").update()
    }
}
