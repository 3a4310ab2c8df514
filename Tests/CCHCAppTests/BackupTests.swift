import Foundation
import Fluent
import SQLKit
import Testing
import VaporTesting
@testable import CCHCApp

@Suite("Sao lưu và khôi phục")
struct BackupTests {
    /// What the database holds, table by table: row counts and sums over their content.
    static func snapshot(_ app: Application) async throws -> [String: String] {
        let sql = app.db as! any SQLDatabase
        var out: [String: String] = [:]
        for table in ["units", "users", "forms", "regimes", "reporting_periods", "reports", "report_values", "report_documents",
                      "office_contributions", "audit_events", "_fluent_migrations"] {
            struct Row: Decodable { let n: Int }
            out[table] = String(try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first(decoding: Row.self)?.n ?? -1)
        }
        struct Sums: Decodable { let n: Double?; let d: Double?; let t: Int? }
        let sums = try await sql.raw("SELECT SUM(number) AS n, SUM(denominator) AS d, SUM(LENGTH(text)) AS t FROM report_values").first(decoding: Sums.self)
        out["values"] = "\(sums?.n ?? 0)/\(sums?.d ?? 0)/\(sums?.t ?? 0)"
        struct Text: Decodable { let s: Int? }
        let narrative = try await sql.raw("SELECT SUM(LENGTH(narrative)) AS s FROM reports").first(decoding: Text.self)
        out["narrative"] = String(narrative?.s ?? 0)
        return out
    }

    static func damage(_ app: Application) async throws {
        try await ReportValue.query(on: app.db).set(\.$number, to: 7).update()
        try await DirectingDocument.query(on: app.db).delete()
        try await Report.query(on: app.db).set(\.$narrativeJSON, to: "{}").update()
    }

    @Test func aBackupRestoresEveryRow() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let backup = dir.appendingPathComponent("cchc.backup").path
        let database = dir.appendingPathComponent("cchc.sqlite").path
        var before: [String: String] = [:]
        try await withTestApp(now: march10, file: database) { app in
            before = try await Self.snapshot(app)
            #expect(Int(before["report_values"] ?? "0") ?? 0 > 100)
            try await Backups.backup(app, to: backup)
            // A backup never overwrites a file.
            await #expect(throws: Backups.Failure.self) { try await Backups.backup(app, to: backup) }
            try await Self.damage(app)
            #expect(try await Self.snapshot(app) != before)
            if TestDatabase.isPostgres {
                try await Backups.restore(app, from: backup)
                #expect(try await Self.snapshot(app) == before)
            }
        }
        guard !TestDatabase.isPostgres else { return }
        // SQLite: restored with the server stopped, then read by a fresh start.
        try Backups.restoreSQLite(from: backup, to: database)
        let expected = before
        try await withTestApp(demo: false, now: march10, file: database) { app in
            let after = try await Self.snapshot(app)
            #expect(after == expected)
        }
        #expect(throws: (any Error).self) { try Backups.restoreSQLite(from: database + "-khong-co", to: database) }
        #expect(throws: Backups.Failure.self) { try Backups.restoreSQLite(from: "/etc/hostname", to: database) }
    }
}
