import Fluent
import FluentPostgresDriver
import SQLKit

/// Write transactions that wait their turn instead of failing.
///
/// - SQLite: `BEGIN IMMEDIATE` takes the write lock first, so concurrent writers queue on the
///   busy timeout; a deferred transaction that reads and then writes fails at once with
///   "database is locked" when another connection wrote in between.
/// - PostgreSQL: a transaction that loses a serialization race or a deadlock is run again
///   (the closure must therefore do all its reads inside the transaction).
///
/// Inside the closure, use only the `tx` it is given: the pool has one SQLite connection per
/// event loop, so asking the outer database for another would wait on itself.
extension Database {
    func writeTransaction<T: Sendable>(_ closure: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        if inTransaction || WriteTransactionState.active { return try await closure(self) }
        if let sql = self as? any SQLDatabase, sql.dialect.name == "sqlite" {
            return try await withConnection { conn in
                let raw = conn as! any SQLDatabase
                try await raw.raw("PRAGMA busy_timeout=\(unsafeRaw: String(WriteTransactionState.sqliteBusyMilliseconds))").run()
                try await raw.raw("BEGIN IMMEDIATE").run()
                do {
                    let result = try await WriteTransactionState.$active.withValue(true) { try await closure(conn) }
                    try await raw.raw("COMMIT").run()
                    return result
                } catch {
                    try? await raw.raw("ROLLBACK").run()
                    throw error
                }
            }
        }
        var attempt = 0
        while true {
            do {
                return try await transaction(closure)
            } catch where attempt < WriteTransactionState.retries && WriteTransactionState.isRetryable(error) {
                attempt += 1
                try await Task.sleep(nanoseconds: UInt64.random(in: 5_000_000...25_000_000) * UInt64(attempt))
            }
        }
    }
}

enum WriteTransactionState {
    @TaskLocal static var active = false
    static let sqliteBusyMilliseconds = 15_000
    static let retries = 8

    /// PostgreSQL serialization failure (40001), deadlock (40P01) or a unique key raced by a
    /// concurrent insert of the same row (23505): the transaction may simply be run again.
    static func isRetryable(_ error: any Error) -> Bool {
        guard let psql = error as? PSQLError, let state = psql.serverInfo?[.sqlState] else { return false }
        return ["40001", "40P01", "23505"].contains(state)
    }
}
