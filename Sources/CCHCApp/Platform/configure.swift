import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Vapor
import SQLKit

/// Configures the application: database, sessions, middleware, migrations, commands, routes.
public func configure(_ app: Application) async throws {
    let config = try AppConfig.load(environment: app.environment)
    try await configure(app, config: config)
}

func configure(_ app: Application, config: AppConfig) async throws {
    try Resources.check()
    app.config = config
    app.http.server.configuration.hostname = config.host
    app.http.server.configuration.port = config.port

    switch config.database {
    case .sqlite(let path):
        // SQLite: one connection per event loop (the driver's rule); WAL and a busy timeout set at boot.
        app.databases.use(.sqlite(.file(path)), as: .sqlite)
    case .postgres(let url):
        // PostgreSQL: CCHC_PG_POOL connections per event loop. With one event loop per core
        // (2 here) and 4 per loop an instance holds 8 connections; two instances behind
        // nginx hold 16, well under PostgreSQL's default max_connections of 100.
        var pg = try SQLPostgresConfiguration(url: url)
        if let schema = config.postgresSchema { pg.searchPath = [schema] }
        app.databases.use(.postgres(configuration: pg, maxConnectionsPerEventLoop: config.postgresPoolPerLoop), as: .psql)
    }

    Migrations.register(on: app)

    app.sessions.use(.fluent)
    app.sessions.configuration.cookieName = "cchc-session"
    app.sessions.configuration.cookieFactory = { id in
        HTTPCookies.Value(string: id.string, expires: Date(timeIntervalSinceNow: 60 * 60 * 12), maxAge: nil,
                          domain: nil, path: "/", isSecure: config.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }

    app.middleware = Middlewares()
    app.middleware.use(SecurityHeadersMiddleware(secureCookies: config.secureCookies))
    app.middleware.use(RouteLoggingMiddleware(logLevel: .info))
    app.middleware.use(CCHCErrorMiddleware())
    app.passwords.use(.bcrypt(cost: config.bcryptCost))
    // The hash an unknown account is checked against, so it costs what a wrong password costs.
    app.storage[LoginPolicy.DummyHashKey.self] = try Bcrypt.hash(CSRF.newToken(), cost: config.bcryptCost)
    // Narratives and JSON up to a few MB; uploads set their own limit on their route.
    app.routes.defaultMaxBodySize = "4mb"

    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(RemindersCommand(), as: "reminders")
    app.asyncCommands.use(UserCommandGroup(), as: "user")
    app.asyncCommands.use(FormCommandGroup(), as: "form")
    app.asyncCommands.use(RegimeCommandGroup(), as: "regime")
    app.asyncCommands.use(RegisterCommandGroup(), as: "register")
    app.asyncCommands.use(PlanCommandGroup(), as: "plan")
    app.asyncCommands.use(FrameworkCommandGroup(), as: "framework")
    app.asyncCommands.use(BackupCommand(), as: "backup")
    app.asyncCommands.use(RestoreCommand(), as: "restore")
    app.asyncCommands.use(BenchCommand(), as: "bench")

    app.lifecycle.use(StartupTasks())
    app.lifecycle.use(ReminderJob())
    try routes(app)
}

/// On `serve`: pragmas, migrations and the demo (when the database is empty).
struct StartupTasks: LifecycleHandler {
    /// True when the command line starts the server: `cchc`, `cchc serve …` — not a help request, not another command.
    static func serving(_ app: Application) -> Bool {
        let args = app.environment.arguments.dropFirst()
        if args.contains("--help") || args.contains("-h") { return false }
        let command = args.first(where: { !$0.hasPrefix("-") })
        return command == nil || command == "serve"
    }

    func willBootAsync(_ app: Application) async throws {
        let args = app.environment.arguments.dropFirst()
        if args.contains("--help") || args.contains("-h") { return } // help touches no database
        try await SQLitePragmas.apply(app)
        guard Self.serving(app) else { return }
        if app.config.autoMigrate {
            try await app.autoMigrate()
        }
        if app.config.demo, try await Unit.query(on: app.db).count() == 0 {
            app.logger.notice("Cơ sở dữ liệu trống: nạp dữ liệu mẫu (demo).")
            try await DemoLoader(app: app).load()
        }
    }
}

enum SQLitePragmas {
    /// SQLite: WAL (stored in the file) and a busy timeout on every pooled connection.
    static func apply(_ app: Application) async throws {
        guard case .sqlite = app.config.database else { return }
        for loop in app.eventLoopGroup.makeIterator() {
            let db = app.databases.database(logger: app.logger, on: loop)! as! any SQLDatabase
            try await db.raw("PRAGMA journal_mode=WAL").run()
            try await db.raw("PRAGMA busy_timeout=5000").run()
        }
    }
}
