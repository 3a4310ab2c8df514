import Fluent
import SQLKit
import Vapor

/// Backups of the whole database: SQLite through `VACUUM INTO` (an online, consistent copy taken
/// while the server runs), PostgreSQL through `pg_dump`/`pg_restore` (custom format).
enum Backups {
    struct Failure: Error, CustomStringConvertible { var description: String }

    static func backup(_ app: Application, to path: String) async throws {
        let target = URL(fileURLWithPath: path).standardizedFileURL.path
        guard !FileManager.default.fileExists(atPath: target) else {
            throw Failure(description: "Tệp \(target) đã có: chọn tên khác, bản sao lưu không ghi đè lên tệp cũ.")
        }
        switch app.config.database {
        case .sqlite:
            try await (app.db as! any SQLDatabase).raw("VACUUM INTO \(bind: target)").run()
        case .postgres(let url):
            var args = ["--format=custom", "--no-owner", "--file=\(target)"]
            if let schema = app.config.postgresSchema { args.append("--schema=\(schema)") }
            try run("pg_dump", args + [url])
        }
    }

    /// Replaces the database's content with the backup's. For SQLite the server must be stopped.
    static func restore(_ app: Application, from path: String) async throws {
        let source = URL(fileURLWithPath: path).standardizedFileURL.path
        guard FileManager.default.isReadableFile(atPath: source) else { throw Failure(description: "Không đọc được tệp \(source).") }
        switch app.config.database {
        case .sqlite(let database):
            try restoreSQLite(from: source, to: database)
        case .postgres(let url):
            try run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--dbname=\(url)", source])
        }
    }

    static func restoreSQLite(from source: String, to database: String) throws {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: source))
        let header = try handle.read(upToCount: 16) ?? Data()
        try handle.close()
        guard header == Data("SQLite format 3\0".utf8) else { throw Failure(description: "Tệp \(source) không phải là bản sao lưu SQLite.") }
        let fm = FileManager.default
        let staging = database + ".restoring"
        try? fm.removeItem(atPath: staging)
        try fm.copyItem(atPath: source, toPath: staging)
        for suffix in ["-wal", "-shm"] { try? fm.removeItem(atPath: database + suffix) }
        // rename(2) replaces the file in one step: the database is either the old one or the restored one.
        guard rename(staging, database) == 0 else {
            throw Failure(description: "Không thay được tệp \(database) (mã lỗi \(errno)).")
        }
    }

    /// Runs a PostgreSQL client program found on PATH; its error output becomes the message.
    static func run(_ program: String, _ arguments: [String]) throws {
        let installed = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
            + installed.sorted(by: >).map { "/usr/lib/postgresql/\($0)/bin" }
        guard let executable = paths.map({ $0 + "/" + program }).first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw Failure(description: "Không tìm thấy chương trình \(program) (cài gói postgresql-client).")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(program) lỗi (mã \(process.terminationStatus)): " + String(decoding: message, as: UTF8.self))
        }
    }
}

/// `cchc backup FILE`
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Tệp sao lưu sẽ tạo (không ghi đè tệp có sẵn)")
        var file: String
        init() {}
    }
    var help: String { "Sao lưu toàn bộ cơ sở dữ liệu (SQLite: bản sao trực tuyến; PostgreSQL: pg_dump) ra một tệp." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await Backups.backup(context.application, to: signature.file)
        context.console.print("Đã sao lưu vào \(signature.file).")
    }
}

/// `cchc restore FILE`
struct RestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Tệp sao lưu do `cchc backup` tạo")
        var file: String
        @Flag(name: "yes", help: "Không hỏi lại")
        var yes: Bool
        init() {}
    }
    var help: String {
        "Khôi phục cơ sở dữ liệu từ tệp sao lưu (thay toàn bộ dữ liệu hiện có; với SQLite, dừng máy chủ trước)."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        if !signature.yes {
            guard context.console.confirm("Toàn bộ dữ liệu hiện có sẽ được thay bằng bản sao lưu \(signature.file). Tiếp tục?") else {
                return
            }
        }
        try await Backups.restore(context.application, from: signature.file)
        context.console.print("Đã khôi phục từ \(signature.file).")
    }
}
