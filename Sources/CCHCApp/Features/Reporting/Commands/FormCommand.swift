import Fluent
import Vapor
import CCHCDomain

/// `cchc form import FILE.json` · `cchc form export CODE [--year YYYY]`
struct FormCommandGroup: AsyncCommandGroup {
    var help: String { "Nhập, xuất biểu mẫu thống kê (JSON)." }
    var commands: [String: any AnyAsyncCommand] { ["import": FormImportCommand(), "export": FormExportCommand()] }
}

struct FormImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Tệp JSON của biểu mẫu")
        var file: String
        init() {}
    }
    var help: String { "Nhập biểu mẫu từ tệp JSON (cùng mã và năm thì thay thế)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        guard let data = FileManager.default.contents(atPath: signature.file) else {
            throw CCHCError(.notFound, "Không đọc được tệp \(signature.file).")
        }
        do {
            let (record, created) = try await FormService.importForm(data, on: app.db, actor: nil, now: app.clock.now())
            context.console.print("\(created ? "Đã nhập" : "Đã cập nhật") biểu mẫu \(record.code) năm \(record.year) "
                                  + "(mã số \(record.id ?? 0)).")
        } catch let failure as ValidationFailure {
            for e in failure.errors { context.console.error(e.message) }
            throw CCHCError(.unprocessableEntity, "Biểu mẫu chưa được nhập.")
        }
    }
}

struct FormExportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "code", help: "Mã biểu mẫu")
        var code: String
        @Option(name: "year", help: "Năm (mặc định: mới nhất)")
        var year: Int?
        init() {}
    }
    var help: String { "In biểu mẫu ra JSON (stdout)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        guard let record = try await FormService.find(code: signature.code, year: signature.year, on: app.db) else {
            throw CCHCError(.notFound, "Không có biểu mẫu \(signature.code)\(signature.year.map { " năm \($0)" } ?? "").")
        }
        print(try FormCodec.encode(try record.definition()))
    }
}

/// `cchc regime check FILE.json`: one warning per line; exit 0 none, 1 warnings, 2 unreadable.
/// `cchc regime read FILE.txt [--year YYYY] [--issuer NAME]`: the regime a guidance text states (`RegimeReadCommand`).
struct RegimeCommandGroup: AsyncCommandGroup {
    var help: String { "Chế độ báo cáo: kiểm tra (check), đọc từ văn bản hướng dẫn (read)." }
    var commands: [String: any AnyAsyncCommand] { ["check": RegimeCheckCommand(), "read": RegimeReadCommand()] }
}

struct RegimeCheckCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Tệp JSON của chế độ báo cáo")
        var file: String
        init() {}
    }
    var help: String {
        "Kiểm tra chế độ báo cáo: in mỗi cảnh báo một dòng; mã thoát 0 = không có, 1 = có cảnh báo, 2 = không đọc được tệp."
    }


    func run(using context: CommandContext, signature: Signature) async throws {
        let code = RegimeFileCheck.run(path: signature.file) { context.console.print($0) } error: { context.console.error($0) }
        if code != 0 { exit(code) }
    }
}

/// The regime check of a file, apart from the command so tests can call it.
enum RegimeFileCheck {
    static func run(path: String, output: (String) -> Void, error report: (String) -> Void) -> Int32 {
        guard let data = FileManager.default.contents(atPath: path) else {
            report("Không đọc được tệp \(path).")
            return 2
        }
        let regime: Regime
        do {
            regime = try JSONDecoder().decode(Regime.self, from: data)
        } catch let e as DecodingError {
            report("Tệp \(path) không đúng dạng chế độ báo cáo: " + CCHCErrorMiddleware.decodingMessage(e))
            return 2
        } catch {
            report("Tệp \(path) không phải JSON hợp lệ.")
            return 2
        }
        let warnings = RegimeCheck.check(regime)
        for w in warnings where !w.isNote { output(w.message) }
        for w in warnings where w.isNote { output("Lưu ý: " + w.message) }
        return warnings.contains { !$0.isNote } ? 1 : 0
    }
}
