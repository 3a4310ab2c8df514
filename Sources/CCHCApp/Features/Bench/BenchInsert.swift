import Fluent
import Foundation
import SQLKit

/// One value of a generated row, bound as a parameter (never spliced into the SQL): the driver encodes it exactly as
/// Fluent encodes a model's field, so dates, booleans and NULLs read back as the app writes them.
typealias BenchCell = any Encodable & Sendable

/// Multi-row INSERTs through SQLKit: rows are gathered and written a few hundred at a time, each statement with its
/// values as binds (SQLite allows 32,766 binds a statement, PostgreSQL 65,535). Call `flush()` at the end.
struct BenchInsert {
    let sql: any SQLDatabase
    let table: String
    let columns: [String]
    private(set) var written = 0
    private var rows: [[BenchCell]] = []

    init(_ sql: any SQLDatabase, _ table: String, _ columns: [String]) {
        self.sql = sql
        self.table = table
        self.columns = columns
        rows.reserveCapacity(chunk)
    }

    /// Rows per statement: at most 500, and at most 20,000 binds.
    var chunk: Int { Swift.max(1, Swift.min(500, 20_000 / Swift.max(1, columns.count))) }

    mutating func add(_ row: [BenchCell]) async throws {
        guard row.count == columns.count else {
            throw CCHCError(.internalServerError, "Bảng \(table): \(row.count) giá trị cho \(columns.count) cột.")
        }
        rows.append(row)
        if rows.count >= chunk { try await flush() }
    }

    /// Adds a row whose foreign key points into `parent`'s rows: `parent` is written first whenever this table is.
    mutating func add(_ row: [BenchCell], after parent: inout BenchInsert) async throws {
        if rows.count + 1 >= chunk { try await parent.flush() }
        try await add(row)
    }

    mutating func flush() async throws {
        guard !rows.isEmpty else { return }
        var insert = sql.insert(into: table).columns(columns)
        for row in rows { insert = insert.values(row.map { SQLBind($0) as any SQLExpression }) }
        try await insert.run()
        written += rows.count
        rows.removeAll(keepingCapacity: true)
    }
}

/// What the generator needs to know of the database it writes to.
enum BenchSQL {
    static func sql(_ db: any Database) throws -> any SQLDatabase {
        guard let sql = db as? any SQLDatabase else { throw CCHCError(.internalServerError, "Cơ sở dữ liệu không hỗ trợ SQL.") }
        return sql
    }

    static func isPostgres(_ sql: any SQLDatabase) -> Bool { sql.dialect.name == "postgresql" }

    /// "sqlite" or "postgres", as the JSON lines name the database.
    static func name(_ db: any Database) -> String {
        (db as? any SQLDatabase).map { isPostgres($0) ? "postgres" : "sqlite" } ?? "?"
    }

    /// The next free id of a table (rows are inserted with their ids, so paths can be written before the rows exist).
    static func nextID(_ table: String, on sql: any SQLDatabase) async throws -> Int {
        struct Row: Decodable { let m: Int? }
        let row = try await sql.raw("SELECT MAX(id) AS m FROM \(ident: table)").first(decoding: Row.self)
        return (row?.m ?? 0) + 1
    }

    /// After inserting ids by hand, PostgreSQL's identity sequences are moved past them (SQLite needs nothing).
    static func resetSequences(_ tables: [String], on sql: any SQLDatabase) async throws {
        guard isPostgres(sql) else { return }
        for table in tables {
            try await sql.raw("""
                SELECT setval(pg_get_serial_sequence(\(bind: table), 'id'), COALESCE((SELECT MAX(id) FROM \(ident: table)), 0) + 1, false)
                """).run()
        }
    }

    /// Fresh statistics, so both planners see the generated volumes.
    static func analyze(on sql: any SQLDatabase) async throws {
        try await sql.raw("ANALYZE").run()
    }
}
