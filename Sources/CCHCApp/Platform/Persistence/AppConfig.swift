import Vapor

/// All configuration, read from the environment in one place.
///
/// | variable | default | meaning |
/// |---|---|---|
/// | DATABASE_URL | `sqlite://cchc.sqlite` | the database: one of the forms below |
/// | CCHC_HOST / CCHC_PORT | 127.0.0.1 / 8080 | where `serve` listens (`--hostname`/`--port` override) |
/// | CCHC_DEMO | `auto` | `auto`: load the demo into an empty database on `serve` (never in production); `off`: never |
/// | CCHC_AUTO_MIGRATE | `true` | migrate the database when `serve` starts |
/// | CCHC_PG_POOL | 4 | PostgreSQL connections per event loop (per core) |
/// | CCHC_BCRYPT_COST | 12 | Bcrypt cost for new passwords |
/// | CCHC_TOKEN_DAYS | 30 | lifetime of API tokens |
/// | CCHC_SECURE_COOKIES | false | mark the session cookie Secure (behind HTTPS) |
/// | CCHC_PG_SCHEMA | (none) | PostgreSQL schema (search_path) to use |
///
/// DATABASE_URL forms: `postgres://user:pass@host:5432/db`, `sqlite:///abs/path.sqlite`,
/// `sqlite://relative.sqlite` or a plain file path.
struct AppConfig: Sendable {
    enum DatabaseTarget: Sendable, Equatable {
        case sqlite(path: String)
        case postgres(url: String)
    }

    var database: DatabaseTarget
    var host: String
    var port: Int
    var demo: Bool
    var autoMigrate: Bool
    var postgresPoolPerLoop: Int
    var bcryptCost: Int
    var tokenDays: Int
    var secureCookies: Bool
    /// PostgreSQL schema to work in (search_path); empty for the server's default.
    var postgresSchema: String? = nil

    static func load(_ env: [String: String] = ProcessInfo.processInfo.environment, environment: Environment) throws -> AppConfig {
        func int(_ key: String, _ fallback: Int, _ range: ClosedRange<Int>) throws -> Int {
            guard let text = env[key], !text.isEmpty else { return fallback }
            guard let value = Int(text), range.contains(value) else {
                throw ConfigError("\(key)=\(text): phải là số nguyên trong khoảng \(range.lowerBound)…\(range.upperBound).")
            }
            return value
        }
        func bool(_ key: String, _ fallback: Bool) throws -> Bool {
            guard let text = env[key]?.lowercased(), !text.isEmpty else { return fallback }
            switch text {
            case "1", "true", "yes", "on": return true
            case "0", "false", "no", "off": return false
            default: throw ConfigError("\(key)=\(text): phải là true hoặc false.")
            }
        }
        let demoSetting = env["CCHC_DEMO"]?.lowercased() ?? "auto"
        guard ["auto", "off"].contains(demoSetting) else { throw ConfigError("CCHC_DEMO=\(demoSetting): phải là auto hoặc off.") }
        return AppConfig(
            database: try parseDatabase(env["DATABASE_URL"]),
            host: env["CCHC_HOST"].flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1",
            port: try int("CCHC_PORT", 8080, 1...65535),
            demo: demoSetting == "auto" && environment != .production,
            autoMigrate: try bool("CCHC_AUTO_MIGRATE", true),
            postgresPoolPerLoop: try int("CCHC_PG_POOL", 4, 1...64),
            bcryptCost: try int("CCHC_BCRYPT_COST", 12, 4...16),
            tokenDays: try int("CCHC_TOKEN_DAYS", 30, 1...3650),
            secureCookies: try bool("CCHC_SECURE_COOKIES", false),
            postgresSchema: env["CCHC_PG_SCHEMA"].flatMap { $0.isEmpty ? nil : $0 }
        )
    }

    static func parseDatabase(_ url: String?) throws -> DatabaseTarget {
        guard let url, !url.isEmpty else { return .sqlite(path: "cchc.sqlite") }
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") { return .postgres(url: url) }
        if url.hasPrefix("sqlite://") {
            let path = String(url.dropFirst("sqlite://".count))
            guard !path.isEmpty else { throw ConfigError("DATABASE_URL=\(url): thiếu đường dẫn tệp SQLite.") }
            return .sqlite(path: path)
        }
        if url.contains("://") { throw ConfigError("DATABASE_URL=\(url): chỉ hỗ trợ postgres://… hoặc sqlite://… hoặc đường dẫn tệp.") }
        return .sqlite(path: url)
    }
}

struct ConfigError: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = "Cấu hình sai: " + message }
}
