import Fluent
import Vapor
import CCHCDomain

/// `cchc bench generate|run|export-xlsx`: the benchmark harness (issue 14 §4) on the configured database
/// (`DATABASE_URL=… cchc bench …`; see docs/PERFORMANCE.md for the commands).
struct BenchCommand: AsyncCommandGroup {
    var help: String { "Đo hiệu năng: tạo dữ liệu tổng hợp theo quy mô (generate) và đo trên dữ liệu đó (run)." }
    var commands: [String: any AnyAsyncCommand] {
        ["generate": BenchGenerateCommand(), "run": BenchRunCommand(), "export-xlsx": BenchExportCommand()]
    }
}

/// `cchc bench generate --scale district|province|nation-2025|nation-2020 [--year N]`
struct BenchGenerateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "scale", help: "district | province | nation-2025 | nation-2020")
        var scale: String?
        @Option(name: "year", help: "Năm của số liệu (mặc định: năm trước năm nay)")
        var year: Int?
        init() {}
    }

    var help: String { "Tạo dữ liệu đo hiệu năng (đơn vị, báo cáo cả năm, kế hoạch, chỉ số CCHC) vào cơ sở dữ liệu trống." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        do {
            let scale = try BenchScale.parse(signature.scale)
            let year = signature.year ?? (Day(app.clock.now()).year - 1)
            guard (2000...2100).contains(year) else { throw CCHCError(.badRequest, "--year \(year): năm phải từ 2000 đến 2100.") }
            try await app.autoMigrate()
            context.console.print("Tạo dữ liệu quy mô \(scale.rawValue) (\(scale.label)), năm \(year), trên cơ sở dữ liệu \(BenchSQL.name(app.db)) …")
            let console = context.console
            let s = try await BenchGenerator(app: app, scale: scale, year: year, say: { console.print($0) }).generate()
            let n = { (x: Int) in NumberFormat.vietnamese(Double(x)) }
            context.console.print("""
                Đã tạo sau \(BenchTable.seconds(s.seconds)): \(n(s.units)) đơn vị, \(n(s.regimes)) chế độ báo cáo (\(n(s.periods)) kỳ), \
                \(n(s.reports)) báo cáo, \(n(s.values)) số liệu, \(n(s.plans)) kế hoạch, \(n(s.assessments)) phiếu chấm chỉ số CCHC.
                Tài khoản (mật khẩu: \(BenchGenerator.password)): \(s.accountNames.joined(separator: ", ")).
                """)
        } catch let error as CCHCError {
            context.console.error(error.message)
            throw error
        }
    }
}

/// `cchc bench run [--only consolidation|save|xlsx|docx|par|serve] [--repeat N]`
struct BenchRunCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "only", help: "consolidation | save | xlsx | docx | par | serve (mặc định: tất cả)")
        var only: String?
        @Option(name: "repeat", help: "Số lần đo mỗi phép (mặc định 5; lấy trung vị)")
        var repeats: Int?
        @Option(name: "port", help: "Cổng đầu tiên thử cho máy chủ con khi đo tải (mặc định 18480; lấy cổng trống đầu tiên)")
        var port: Int?
        @Option(name: "duration", help: "Số giây mỗi lần chạy wrk (mặc định 10)")
        var duration: Int?
        @Option(name: "scripts", help: "Thư mục các script Python so sánh (mặc định scripts/bench)")
        var scripts: String?
        init() {}
    }

    static let parts = ["consolidation", "save", "xlsx", "docx", "par", "serve"]

    var help: String { "Đo trên dữ liệu do `cchc bench generate` tạo: in mỗi phép đo một dòng JSON, rồi một bảng." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        do {
            if let only = signature.only, !Self.parts.contains(only) {
                throw CCHCError(.badRequest, "--only \(only): không có phép đo này (một trong: \(Self.parts.joined(separator: ", "))).")
            }
            let runs = signature.repeats ?? 5
            guard (1...100).contains(runs) else { throw CCHCError(.badRequest, "--repeat \(runs): phải từ 1 đến 100.") }
            app.http.client.configuration.redirectConfiguration = .disallow
            let ds = try await BenchDataset.load(on: app.db)
            context.console.print("Đo trên dữ liệu quy mô \(ds.scale), năm \(ds.year), cơ sở dữ liệu \(ds.database); mỗi phép \(runs) lần.")
            let selected = signature.only.map { [$0] } ?? Self.parts
            var all: [BenchMeasurement] = []
            for part in selected {
                let rows = try await Self.measure(part, app: app, ds: ds, runs: runs, signature: signature)
                for m in rows { print(m.jsonLine) }
                all += rows
            }
            context.console.print("")
            context.console.print(BenchTable.render(all))
        } catch let error as CCHCError {
            context.console.error(error.message)
            throw error
        }
    }

    static func measure(_ part: String, app: Application, ds: BenchDataset, runs: Int, signature: Signature) async throws -> [BenchMeasurement] {
        let runner = BenchRunner(app: app, ds: ds, runs: runs)
        switch part {
        case "consolidation": return try await runner.consolidation()
        case "save": return try await runner.save()
        case "par": return try await runner.parRanking()
        case "xlsx", "docx":
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-bench-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let files = BenchFiles(app: app, ds: ds, runs: runs, scripts: signature.scripts ?? "scripts/bench", directory: directory)
            return part == "xlsx" ? try await files.xlsx() : try await files.docx()
        default:
            var server = BenchServer(app: app, ds: ds, firstPort: signature.port ?? 18_480, seconds: signature.duration ?? 10, connections: 16)
            return try await server.measure()
        }
    }
}

/// `cchc bench export-xlsx --out FILE [--cells FILE]`: the root's .xlsx in a process of its own (started by `bench run`).
struct BenchExportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "out", help: "Tệp .xlsx ghi ra")
        var out: String?
        @Option(name: "cells", help: "Tệp JSON-lines ghi các ô (cho openpyxl)")
        var cells: String?
        init() {}
    }

    var help: String { "Xuất bảng đơn vị × chỉ tiêu của cấp cao nhất (dùng bởi `cchc bench run`), in thời gian và bộ nhớ." }

    func run(using context: CommandContext, signature: Signature) async throws {
        do {
            guard let out = signature.out, !out.isEmpty else { throw CCHCError(.badRequest, "--out: cần đường dẫn tệp .xlsx ghi ra.") }
            print(try await BenchExport.run(app: context.application, out: out, cells: signature.cells))
        } catch let error as CCHCError {
            context.console.error(error.message)
            throw error
        }
    }
}
