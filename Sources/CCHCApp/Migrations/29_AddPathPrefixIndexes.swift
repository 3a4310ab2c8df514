import Fluent
import SQLKit

/// National scale (issue 14): "under this unit" (`SubtreeMatch`) answered from an index on PostgreSQL whatever the
/// database's collation — `LIKE '/1/5/%'` uses a b-tree only with `text_pattern_ops` (or the C collation). The reports'
/// and the units' paths, and the partial tables' read index (its last column the bucket's path) replaced by one whose
/// path column is so declared. SQLite needs nothing: `GLOB` uses its ordinary indexes.
struct AddPathPrefixIndexes: AsyncMigration {
    static let partialTables = [ConsolidationPartials.partials, ConsolidationPartials.answers, ConsolidationPartials.reports]
        + ConsolidationAreas.tables.map(\.area)

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw("CREATE INDEX idx_reports_unit_path_prefix ON reports (unit_path text_pattern_ops)").run()
        try await sql.raw("CREATE INDEX idx_units_path_prefix ON units (path text_pattern_ops)").run()
        for table in Self.partialTables {
            try await sql.raw("DROP INDEX IF EXISTS \(ident: "idx_\(table)_read")").run()
            try await sql.raw("""
                CREATE INDEX \(ident: "idx_\(table)_read") ON \(ident: table) (form_id, year, period_kind, basis, bucket_path text_pattern_ops)
                """).run()
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw("DROP INDEX IF EXISTS idx_reports_unit_path_prefix").run()
        try await sql.raw("DROP INDEX IF EXISTS idx_units_path_prefix").run()
        for table in Self.partialTables {
            try await sql.raw("DROP INDEX IF EXISTS \(ident: "idx_\(table)_read")").run()
            try await sql.raw("CREATE INDEX \(ident: "idx_\(table)_read") ON \(ident: table) (form_id, year, period_kind, basis, bucket_path)").run()
        }
    }
}
