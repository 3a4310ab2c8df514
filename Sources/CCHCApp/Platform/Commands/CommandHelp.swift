import Vapor

/// `cchc --help` in Vietnamese and English: each command's English line beside the Vietnamese one its `help` gives
/// (Vapor's own `serve`, `migrate` and `routes` get their Vietnamese line here). Printed without touching a database.
public enum CommandHelp {
    /// Command path ("bench run") → (Vietnamese, English). A command missing here shows its own `help` alone.
    static let table: [String: (vi: String?, en: String)] = [
        "backup": (nil, "Back up the whole database to one file (SQLite: an online copy; PostgreSQL: pg_dump)."),
        "restore": (nil, "Restore the database from a backup file (replaces all data; with SQLite, stop the server first)."),
        "bench": (nil, "Benchmarks: generate a synthetic dataset at a scale (generate) and measure on it (run)."),
        "bench generate": (nil, "Generate benchmark data (units, a year of reports, plans, PAR scores) into an empty database."),
        "bench run": (nil, "Measure on the data `cchc bench generate` made: one JSON line per measurement, then a table."),
        "bench export-xlsx": (nil, "Export the top unit's units × indicators workbook (used by `cchc bench run`); prints time and memory."),
        "demo": (nil, "Load the demo data into the configured database (which must be empty)."),
        "form": (nil, "Import and export statistics forms (JSON)."),
        "form import": (nil, "Import a form from a JSON file (same code and year: replaces it)."),
        "form export": (nil, "Print a form as JSON (stdout)."),
        "framework": (nil, "Import and export PAR-index frameworks (JSON; an Excel .xlsx criteria table on import)."),
        "plan": (nil, "Import and export plans (the plan's JSON; the task table as Word .docx or Excel .xlsx)."),
        "regime": (nil, "Reporting regimes: check one (check), read one from its guidance document (read)."),
        "register": (nil, "The register of outgoing documents: import, export (JSON)."),
        "reminders": (nil, "Create the deadline reminders that are due and send unsent mail (without SMTP_HOST: in-app only)."),
        "user": (nil, "Manage accounts from the command line."),
        "migrate": ("Chuẩn bị hoặc hoàn tác các bước nâng cấp cơ sở dữ liệu (migration).", "Prepare or revert your database migrations."),
        "routes": ("Liệt kê mọi địa chỉ (route) của ứng dụng.", "Displays all registered routes."),
        "serve": ("Chạy máy chủ web (mặc định khi không ghi lệnh nào).", "Begins serving the app over HTTP (the default with no command)."),
    ]

    /// The help to print and exit 0 with: `cchc --help` (or `-h`), and `cchc <group> --help`; nil otherwise
    /// (a command's own `--help` is Vapor's, from its `help` and signature).
    public static func text(_ app: Application) -> String? {
        let args = Array(app.environment.arguments.dropFirst())
        guard args.contains("--help") || args.contains("-h") else { return nil }
        let words = args.filter { !$0.hasPrefix("-") }
        let commands = app.asyncCommands.commands
        if words.isEmpty { return usage(commands, path: nil) }
        if words.count == 1, let group = commands[words[0]] as? any AsyncCommandGroup {
            return "\(words[0]): " + describe(words[0], group.help) + "\n\n" + usage(group.commands, path: words[0])
        }
        return nil
    }

    /// Each command on a line in Vietnamese, its English line under it, in alphabetical order.
    static func usage(_ commands: [String: any AnyAsyncCommand], path: String?) -> String {
        let prefix = path.map { "cchc \($0)" } ?? "cchc"
        let width = commands.keys.map(\.count).max() ?? 0
        let lines = commands.keys.sorted().map { name in
            let key = path.map { "\($0) \(name)" } ?? name
            let vi = table[key]?.vi ?? commands[name]?.help ?? ""
            let en = table[key]?.en
            let pad = String(repeating: " ", count: width + 4)
            return "  " + name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + vi + (en.map { "\n" + pad + $0 } ?? "")
        }
        return "Cách dùng (usage): \(prefix) <lệnh|command> [--help]\n\nCác lệnh (commands):\n" + lines.joined(separator: "\n")
            + "\n\n`\(prefix) <lệnh> --help`: các tùy chọn của một lệnh (a command's options).\n"
    }

    private static func describe(_ key: String, _ help: String) -> String {
        (table[key]?.vi ?? help) + (table[key].map { "\n" + $0.en } ?? "")
    }
}
