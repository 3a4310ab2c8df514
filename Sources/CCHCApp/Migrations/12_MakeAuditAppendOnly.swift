import Fluent
import SQLKit

struct MakeAuditAppendOnly: AsyncMigration {
    static let message = "Nhật ký thao tác chỉ được ghi thêm, không sửa, không xóa."
    static let frozenColumns = ["at", "user_id", "username", "action", "entity", "entity_id", "unit_id", "summary", "detail"]

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        if sql.dialect.name == "sqlite" {
            try await sql.raw("""
                CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
                BEGIN SELECT RAISE(ABORT, '\(unsafeRaw: Self.message)'); END
                """).run()
            try await sql.raw("""
                CREATE TRIGGER audit_events_no_update BEFORE UPDATE OF \(unsafeRaw: Self.frozenColumns.joined(separator: ", ")) ON audit_events
                BEGIN SELECT RAISE(ABORT, '\(unsafeRaw: Self.message)'); END
                """).run()
        } else {
            let changed = Self.frozenColumns.map { "NEW.\($0) IS DISTINCT FROM OLD.\($0)" }.joined(separator: " OR ")
            try await sql.raw("""
                CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger AS $$
                BEGIN
                  IF TG_OP = 'DELETE' OR \(unsafeRaw: changed) THEN
                    RAISE EXCEPTION '\(unsafeRaw: Self.message)';
                  END IF;
                  RETURN NEW;
                END $$ LANGUAGE plpgsql
                """).run()
            try await sql.raw("""
                CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
                FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()
                """).run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        if sql.dialect.name == "sqlite" {
            try await sql.raw("DROP TRIGGER IF EXISTS audit_events_no_delete").run()
            try await sql.raw("DROP TRIGGER IF EXISTS audit_events_no_update").run()
        } else {
            try await sql.raw("DROP TRIGGER IF EXISTS audit_events_append_only ON audit_events").run()
            try await sql.raw("DROP FUNCTION IF EXISTS audit_events_append_only()").run()
        }
    }
}
