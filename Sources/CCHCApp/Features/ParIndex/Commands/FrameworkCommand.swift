import Fluent
import Vapor
import CCHCDomain

/// `cchc framework import FILE.json|FILE.xlsx [--code C --title T --year Y --group G]` · `cchc framework export CODE --year YYYY [--out FILE]`
struct FrameworkCommandGroup: AsyncCommandGroup {
    var help: String { "Nhập, xuất bộ tiêu chí chỉ số CCHC (JSON; bảng tiêu chí Excel .xlsx khi nhập)." }
    var commands: [String: any AnyAsyncCommand] { ["import": FrameworkImportCommand(), "export": FrameworkExportCommand()] }
}

struct FrameworkImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Tệp JSON của bộ tiêu chí, hoặc bảng tiêu chí .xlsx")
        var file: String
        @Option(name: "code", help: "Mã bộ tiêu chí (bắt buộc với .xlsx)")
        var code: String?
        @Option(name: "title", help: "Tên bộ tiêu chí (bắt buộc với .xlsx)")
        var title: String?
        @Option(name: "year", help: "Năm áp dụng (bắt buộc với .xlsx)")
        var year: Int?
        @Option(name: "group", help: "Nhóm đơn vị (bắt buộc với .xlsx), vd: communes")
        var group: String?
        init() {}
    }
    var help: String { "Nhập (hoặc thay) bộ tiêu chí theo mã và năm; in lỗi, cảnh báo và tiêu chí cần xem lại ra stderr." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        guard let data = FileManager.default.contents(atPath: signature.file) else {
            throw CCHCError(.notFound, "Không đọc được tệp \(signature.file).")
        }
        func fail(_ errors: [FieldError]) -> CCHCError {
            for e in errors { FileHandle.standardError.write(Data((e.message + "\n").utf8)) }
            return CCHCError(.unprocessableEntity, "Bộ tiêu chí chưa được nhập.")
        }
        do {
            var review: [String] = []
            let framework: ParFramework
            if data.starts(with: [0x50, 0x4B]) {
                guard let code = signature.code, let title = signature.title, let year = signature.year, let group = signature.group else {
                    throw CCHCError(.badRequest, "Bảng tiêu chí .xlsx: cần --code, --title, --year và --group.")
                }
                let read = try ParFiles.frameworkFromXLSX(data, code: code, title: title, year: year, group: group)
                framework = read.framework
                review = read.review.map { String(describing: $0) }
            } else {
                framework = try ParFramework.read(json: data)
            }
            let record = try await ParService(db: app.db, actor: nil, now: app.clock.now()).save(framework)
            context.console.print("Đã nhập bộ tiêu chí \(framework.code) năm \(framework.year): \(framework.criteria.count) tiêu chí, "
                                  + "tối đa \(ParPoints.text(framework.maxTotal)) điểm (mã số \(record.id ?? 0)).")
            for w in framework.problems() { FileHandle.standardError.write(Data(("Cảnh báo: " + w.message + "\n").utf8)) }
            for r in review { FileHandle.standardError.write(Data(("Cần xem lại: " + r + "\n").utf8)) }
        } catch let failure as ValidationFailure {
            throw fail(failure.errors)
        }
    }
}

struct FrameworkExportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "code", help: "Mã bộ tiêu chí")
        var code: String
        @Option(name: "year", help: "Năm áp dụng")
        var year: Int?
        @Option(name: "out", help: "Tệp ghi ra (mặc định: stdout)")
        var out: String?
        init() {}
    }
    var help: String { "Xuất bộ tiêu chí ra JSON (đúng dạng nhập lại được)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        guard let year = signature.year else { throw CCHCError(.badRequest, "Cần --year YYYY.") }
        guard let record = try await ParQueries.framework(code: signature.code, year: year, on: app.db) else {
            throw CCHCError(.notFound, "Không có bộ tiêu chí \(signature.code) năm \(year).")
        }
        let data = try record.framework().json()
        if let out = signature.out {
            guard FileManager.default.createFile(atPath: out, contents: data) else { throw CCHCError(.badRequest, "Không ghi được tệp \(out).") }
            context.console.print("Đã ghi \(out).")
        } else {
            print(String(decoding: data, as: UTF8.self))
        }
    }
}
