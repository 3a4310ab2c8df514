import Foundation
import Fluent
import SQLKit
import Testing
import VaporTesting
@testable import CCHCApp

/// A database made by the previous version (before revisions, form owners, sign-in rules and the
/// append-only log) migrates forward with every row intact and works.
@Suite("Nâng cấp cơ sở dữ liệu của phiên bản trước")
struct UpgradeTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Loads the previous version's PostgreSQL dump into the test's schema (with psql, as an operator would).
    static func loadPostgresDump(into schema: String) throws {
        let dump = try String(contentsOf: fixtures.appendingPathComponent("previous-main-postgres.sql"), encoding: .utf8)
            .replacingOccurrences(of: "public.", with: "\(schema).")
            .replacingOccurrences(of: "set_config('search_path', ''", with: "set_config('search_path', '\(schema)'")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-previous-\(schema).sql")
        try dump.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        var url = try #require(TestDatabase.url)
        if let q = url.firstIndex(of: "?") { url = String(url[..<q]) }
        try Backups.run("psql", ["-v", "ON_ERROR_STOP=1", "-q", "-d", url, "-f", file.path])
    }

    @Test func aDatabaseOfThePreviousVersionMigratesForward() async throws {
        var file: String?
        if !TestDatabase.isPostgres {
            let copy = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-previous-\(UUID().uuidString).sqlite").path
            try FileManager.default.copyItem(atPath: Self.fixtures.appendingPathComponent("previous-main.sqlite").path, toPath: copy)
            file = copy
        }
        defer { if let file { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + s) } } }
        var before: [String: String] = [:]
        try await withTestApp(demo: false, now: march10, file: file, beforeMigrating: { app, schema in
            if TestDatabase.isPostgres { try Self.loadPostgresDump(into: schema) }
            before = try await BackupTests.snapshot(app)
        }) { app in
            var after = try await BackupTests.snapshot(app)
            #expect(Int(after["report_values"] ?? "") ?? 0 > 500)
            before["_fluent_migrations"] = nil
            after["_fluent_migrations"] = nil
            #expect(after == before)
            // Old rows read as revision 0 and take a save.
            let thachKenh = try await app.unit(code: "HT-THA-THACHKENH")
            let q1 = try await app.period(issuer: "HT-THA", kind: "Q1")
            let cv = try await TestClient.api(app, "thachkenh.cv")
            let dto = try await cv.get("/api/v1/units/\(thachKenh.id!)/reports/\(q1.id!)").json(ReportingAPI.ReportDTO.self)
            #expect(dto.revision == 0)
            let form = try #require(try await FormService.find(code: "CCHC-TK-2021", year: 2021, on: app.db))
            // The unchanged built-in form gains its consolidation rules as revision 1 (migration 13) and its computed
            // sources as revision 2 (migration 20) and block 1.2's as revision 3 (migration 23); the earlier revisions are kept.
            #expect(form.ownerID == nil && form.revision == 3)
            #expect(try form.definition().indicator("3.1.3")?.consolidate == .common)
            #expect(try form.definition().indicator("1.1.1")?.computedSource == .planTasks)
            #expect(try form.definition().indicator("1.2.3")?.computedSource == .inspectionFound)
            let kept = try await FormRevision.query(on: app.db).filter(\.$form.$id == form.id!).sort(\.$revision).all()
            #expect(kept.map(\.revision) == [0, 1, 2])
            #expect(try FormCodec.decode(Data(kept[0].definitionJSON.utf8)).indicator("3.1.3")?.consolidate == nil)
            // The built-in form stays the administrator's; the log of the old version is append-only now.
            await #expect(throws: (any Error).self) { try await AuditEvent.query(on: app.db).delete() }
        }
    }
}
