import Foundation
import Fluent
import SQLKit
import Testing
import VaporTesting
@testable import CCHCApp

typealias Unit = CCHCApp.Unit

/// The database the tests use: SQLite in a temporary file by default, or PostgreSQL when
/// `DATABASE_URL=postgres://…` is set (each test then gets a schema of its own, so tests run in parallel).
enum TestDatabase {
    /// Read once per test process.
    static let url: String? = {
        let env = ProcessInfo.processInfo.environment
        return env["TEST_DATABASE_URL"] ?? env["DATABASE_URL"]
    }()
    static var isPostgres: Bool { url.map { $0.hasPrefix("postgres") } ?? false }
}

/// Configures an app on a fresh database, migrates it, loads the demo when asked, runs `body`, tears down.
/// `beforeMigrating` runs on the configured, empty database (for PostgreSQL, its schema exists) before the migrations.
func withTestApp(demo: Bool = true, now: Date? = nil, file: String? = nil,
                 beforeMigrating: ((Application, _ schema: String) async throws -> Void)? = nil,
                 _ body: (Application) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
    let sqlitePath = file ?? FileManager.default.temporaryDirectory.appendingPathComponent("cchc-test-\(UUID().uuidString).sqlite").path
    var config = try AppConfig.load([:], environment: .testing)
    config.bcryptCost = 4
    config.demo = false
    config.autoMigrate = false
    if TestDatabase.isPostgres, let url = TestDatabase.url {
        config.database = .postgres(url: url)
        config.postgresSchema = String(schema)
    } else {
        config.database = .sqlite(path: sqlitePath)
    }
    if let now { app.clock = FixedClock(now) }
    do {
        try await configure(app, config: config)
        if TestDatabase.isPostgres {
            try await (app.db as! any SQLDatabase).raw("CREATE SCHEMA IF NOT EXISTS \(unsafeRaw: String(schema))").run()
        }
        try await SQLitePragmas.apply(app)
        try await beforeMigrating?(app, String(schema))
        try await app.autoMigrate()
        if demo { try await DemoLoader(app: app).load() }
        try await body(app)
    } catch {
        try? await cleanUp(app, schema: String(schema), sqlitePath: file == nil ? sqlitePath : nil)
        throw error
    }
    try await cleanUp(app, schema: String(schema), sqlitePath: file == nil ? sqlitePath : nil)
}

private func cleanUp(_ app: Application, schema: String, sqlitePath: String?) async throws {
    if TestDatabase.isPostgres {
        try? await (app.db as! any SQLDatabase).raw("DROP SCHEMA IF EXISTS \(unsafeRaw: schema) CASCADE").run()
    }
    try await app.asyncShutdown()
    if let sqlitePath, !TestDatabase.isPostgres {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: sqlitePath + suffix) }
    }
}

/// A small HTTP client over the in-memory tester, carrying a session cookie or a bearer token.
struct TestClient {
    let app: Application
    var cookie: String?
    var token: String?
    /// The session's CSRF token, as the pages put it into every form; sent with every page form.
    var csrf: String?

    init(_ app: Application) { self.app = app }

    func send(_ method: HTTPMethod, _ path: String, json: (any Encodable & Sendable)? = nil, form: [String: String]? = nil,
              formPairs: [(String, String)]? = nil, body raw: ByteBuffer? = nil, headers extra: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        var headers = extra
        if let cookie { headers.add(name: .cookie, value: cookie) }
        if let token { headers.bearerAuthorization = .init(token: token) }
        var body: ByteBuffer? = raw
        if raw != nil {
        } else if let json {
            headers.contentType = .json
            body = ByteBuffer(data: try JSONEncoder().encode(json))
        } else if var pairs = formPairs ?? form.map({ $0.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } })
                    ?? (method == .POST && csrf != nil ? [] : nil) {
            if let csrf, !pairs.contains(where: { $0.0 == CSRF.field }) { pairs.append((CSRF.field, csrf)) }
            headers.contentType = .urlEncodedForm
            let encoded = pairs.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
            body = ByteBuffer(string: encoded)
        }
        return try await app.testing().sendRequest(method, path, headers: headers, body: body)
    }

    static func encode(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? s
    }

    func get(_ path: String) async throws -> TestingHTTPResponse { try await send(.GET, path) }

    /// The revision a report page was built from (its hidden field), as a user's browser would send it back.
    func revision(_ path: String, field: String = "revision") async throws -> String {
        let page = try await get(path).text
        guard let range = page.range(of: "name=\"\(field)\" value=\"") else { return "" }
        return String(page[range.upperBound...].prefix { $0.isNumber })
    }

    /// The value of a page's hidden field.
    static func hidden(_ name: String, in page: String) -> String? {
        guard let range = page.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(page[range.upperBound...].prefix { $0 != "\"" })
    }

    /// Posts the login form as a browser does: the page first (its CSRF cookie and field), then the form.
    static func login(_ app: Application, _ username: String, password: String, next: String? = nil) async throws -> TestingHTTPResponse {
        let page = try await app.testing().sendRequest(.GET, "/login")
        let token = hidden(CSRF.field, in: page.text) ?? ""
        var client = TestClient(app)
        client.cookie = "\(CSRF.loginCookie)=\(token)"
        var form = ["username": username, "password": password, CSRF.field: token]
        if let next { form["next"] = next }
        return try await client.send(.POST, "/login", form: form)
    }

    /// Signs in through the login form; returns a client carrying the session cookie and its CSRF token.
    static func session(_ app: Application, _ username: String, password: String = DemoLoader.password) async throws -> TestClient {
        var client = TestClient(app)
        let res = try await login(app, username, password: password)
        #expect(res.status == .seeOther, "đăng nhập \(username)")
        let setCookie = try #require(res.headers[.setCookie].first { $0.hasPrefix("cchc-session=") })
        client.cookie = String(setCookie.split(separator: ";")[0])
        client.csrf = hidden(CSRF.field, in: try await client.get("/").text)
        #expect(client.csrf != nil, "mã CSRF của \(username)")
        return client
    }

    /// Gets an API token; returns a client carrying it.
    static func api(_ app: Application, _ username: String, password: String = DemoLoader.password) async throws -> TestClient {
        var client = TestClient(app)
        let res = try await client.send(.POST, "/api/v1/auth/token", json: ["username": username, "password": password])
        #expect(res.status == .created, "token \(username)")
        struct Token: Decodable { let token: String }
        client.token = try res.content.decode(Token.self).token
        return client
    }
}

extension TestingHTTPResponse {
    var text: String { body.getString(at: body.readerIndex, length: body.readableBytes) ?? "" }
    func json<T: Decodable>(_ type: T.Type) throws -> T { try content.decode(type) }
}

extension Application {
    func unit(code: String) async throws -> Unit {
        try #require(try await Unit.query(on: db).filter(\.$code == code).first(), "đơn vị \(code)")
    }
    func user(_ username: String) async throws -> User {
        try #require(try await User.query(on: db).filter(\.$username == username).first(), "tài khoản \(username)")
    }
    func auditCount() async throws -> Int { try await AuditEvent.query(on: db).count() }
}
