import Fluent
import Vapor

/// `cchc demo`: migrate and load the demo into the configured (empty) database.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Nạp dữ liệu mẫu (demo) vào cơ sở dữ liệu đang cấu hình (phải trống)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        do {
            let summary = try await DemoLoader(app: app).load()
            context.console.print("Đã nạp dữ liệu mẫu: \(summary.units) đơn vị, "
                + "\(summary.accounts) tài khoản (mật khẩu: \(DemoLoader.password)).")
        } catch let error as CCHCError {
            context.console.error(error.message)
            throw error
        }
    }
}
