import Fluent
import Vapor
import CCHCDomain

/// `cchc plan import FILE [--unit U] [--year Y] [--kind K]` · `cchc plan export UNIT YEAR [--kind K] [--format json|xlsx|docx] [--out FILE]`
struct PlanCommandGroup: AsyncCommandGroup {
    var help: String { "Nhập, xuất kế hoạch (JSON của kế hoạch; bảng nhiệm vụ Word .docx, Excel .xlsx)." }
    var commands: [String: any AnyAsyncCommand] { ["import": PlanImportCommand(), "export": PlanExportCommand()] }
}

/// A unit named by its code or by its name (without diacritics, case or spacing).
enum PlanUnits {
    static func find(_ text: String, on db: any Database) async throws -> Unit {
        let folded = Folding.fold(text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if let byCode = try await Unit.query(on: db).filter(\.$code == text.trimmingCharacters(in: .whitespaces)).first() { return byCode }
        let all = try await Unit.query(on: db).filter(\.$retiredOn == nil).all()
        let matches = all.filter { Folding.fold($0.name).split(whereSeparator: \.isWhitespace).joined(separator: " ") == folded }
        guard matches.count == 1 else {
            throw CCHCError(.notFound, matches.isEmpty ? "Không có đơn vị “\(text)” (mã hoặc tên)."
                : "Có \(matches.count) đơn vị tên “\(text)”: dùng mã (\(matches.map(\.code).joined(separator: ", "))).")
        }
        return matches[0]
    }
}

struct PlanImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Tệp kế hoạch: JSON của kế hoạch, hoặc bảng nhiệm vụ .docx / .xlsx")
        var file: String
        @Option(name: "unit", help: "Đơn vị ban hành (mã hoặc tên) — bắt buộc với .docx/.xlsx; với JSON thay cho trường unit")
        var unit: String?
        @Option(name: "year", help: "Năm — bắt buộc với .docx/.xlsx")
        var year: Int?
        @Option(name: "kind", help: "cchc (mặc định), communications, inspection")
        var kind: String?
        init() {}
    }
    var help: String { "Nhập kế hoạch vào dự thảo của đơn vị; in các dòng chưa đọc được ra stderr (mã thoát 1 nếu có)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        guard let data = FileManager.default.contents(atPath: signature.file) else {
            throw CCHCError(.notFound, "Không đọc được tệp \(signature.file).")
        }
        var plan: PlanDocument
        var problems: [String] = []
        if data.first == UInt8(ascii: "{") {
            plan = try PlanImport.document(data).fillingDue()
        } else {
            guard let unit = signature.unit, let year = signature.year else {
                throw CCHCError(.badRequest, "Bảng nhiệm vụ .docx/.xlsx: cần --unit và --year.")
            }
            let (tasks, unread) = try PlanImport.tasks(data, filename: signature.file, year: year)
            plan = PlanDocument(unit: unit, year: year, tasks: tasks)
            problems = unread
        }
        if let unit = signature.unit { plan.unit = unit }
        if let year = signature.year { plan.year = year }
        if let kind = signature.kind {
            guard let k = PlanKind(rawValue: kind) else { throw CCHCError(.badRequest, "Loại kế hoạch “\(kind)”: cchc, communications hoặc inspection.") }
            plan.kind = k
        }
        let unit = try await PlanUnits.find(plan.unit, on: app.db)
        do {
            let record = try await PlanService(db: app.db, actor: nil, now: app.clock.now()).save(plan, unit: unit)
            context.console.print("Đã nhập \(plan.tasks.count) nhiệm vụ vào \(PlanService.name(plan.kind, year: plan.year, unit: unit).lowercasedFirst) "
                                  + "(mã số \(record.id ?? 0)).")
        } catch let failure as ValidationFailure {
            for e in failure.errors { FileHandle.standardError.write(Data((e.message + "\n").utf8)) }
            throw CCHCError(.unprocessableEntity, "Kế hoạch chưa được nhập.")
        }
        for p in problems { FileHandle.standardError.write(Data((p + "\n").utf8)) }
        if !problems.isEmpty { exit(1) }
    }
}

struct PlanExportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "unit", help: "Đơn vị (mã hoặc tên)")
        var unit: String
        @Argument(name: "year", help: "Năm")
        var year: Int
        @Option(name: "kind", help: "cchc (mặc định), communications, inspection")
        var kind: String?
        @Option(name: "format", help: "json (mặc định, ra stdout), xlsx, docx")
        var format: String?
        @Option(name: "out", help: "Tệp ghi ra (bắt buộc với xlsx, docx)")
        var out: String?
        init() {}
    }
    var help: String { "Xuất kế hoạch: JSON của kế hoạch (stdout), bảng nhiệm vụ .xlsx hoặc văn bản .docx." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        let unit = try await PlanUnits.find(signature.unit, on: app.db)
        guard let kind = PlanKind(rawValue: signature.kind ?? "cchc") else { throw CCHCError(.badRequest, "Loại kế hoạch không hợp lệ.") }
        guard (2000...2100).contains(signature.year) else { throw CCHCError(.badRequest, "Năm không hợp lệ (2000–2100).") }
        let view = try await PlanView.load(unit: unit, year: signature.year, kind: kind, today: Day(app.clock.now()), on: app.db)
        guard view.id != nil else { throw CCHCError(.notFound, "\(PlanService.name(kind, year: signature.year, unit: unit)) chưa được lập.") }
        let data: Data
        switch signature.format ?? "json" {
        case "json": data = try PlanExports.json(view.json)
        case "xlsx": data = try PlanFiles.xlsx(view.json)
        case "docx": data = try await PlanExports.docx(view, unit: unit, on: app.db)
        default: throw CCHCError(.badRequest, "Định dạng: json, xlsx hoặc docx.")
        }
        if let out = signature.out {
            guard FileManager.default.createFile(atPath: out, contents: data) else { throw CCHCError(.badRequest, "Không ghi được tệp \(out).") }
            context.console.print("Đã ghi \(out).")
        } else if signature.format ?? "json" == "json" {
            print(String(decoding: data, as: UTF8.self))
        } else {
            throw CCHCError(.badRequest, "Xuất \(signature.format ?? "") cần --out TỆP.")
        }
    }
}
