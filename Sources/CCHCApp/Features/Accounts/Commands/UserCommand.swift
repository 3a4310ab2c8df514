import Fluent
import Vapor
import CCHCDomain

/// `cchc user add …`
struct UserCommandGroup: AsyncCommandGroup {
    var help: String { "Quản lý tài khoản từ dòng lệnh." }
    var commands: [String: any AnyAsyncCommand] { ["add": UserAddCommand()] }
}

/// `cchc user add USERNAME --name "Họ tên" --role admin [--unit CODE]`; the password is read
/// from a prompt, or from standard input when it is not a terminal.
struct UserAddCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "username", help: "Tên đăng nhập (chữ thường không dấu)")
        var username: String
        @Option(name: "name", short: "n", help: "Họ và tên")
        var fullName: String?
        @Option(name: "unit", short: "u", help: "Mã đơn vị (vd: HT-THA-NV). Bỏ trống với quản trị hệ thống.")
        var unit: String?
        @Option(name: "role", short: "r", help: "admin | standingOfficer | specialist | leader | viewer")
        var role: String?
        init() {}
    }

    var help: String { "Tạo tài khoản. Mật khẩu nhập từ bàn phím hoặc từ stdin." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        let roleText = signature.role ?? "admin"
        guard let role = Role(rawValue: roleText) else {
            throw CCHCError(.badRequest, "--role \(roleText): phải là một trong \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        let unit: Unit
        if let code = signature.unit {
            guard let found = try await Unit.query(on: app.db).filter(\.$code == code.uppercased()).first() else {
                throw CCHCError(.notFound, "--unit \(code): không có đơn vị nào mang mã này.")
            }
            unit = found
        } else if role == .admin {
            unit = try await SystemUnit.ensure(on: app.db)
        } else {
            throw CCHCError(.badRequest, "--unit: cần mã đơn vị cho vai trò \(role.label).")
        }
        let password = readPassword(context)
        let service = AccountService(db: app.db, actor: nil, now: app.clock.now(), hasher: app.password.async)
        do {
            let user = try await service.create(.init(username: signature.username, fullName: signature.fullName ?? signature.username,
                                                      unitID: try unit.requireID(), role: role.rawValue, password: password))
            context.console.print("Đã tạo tài khoản \(user.username) (\(role.label)) thuộc \(unit.name).")
        } catch let failure as ValidationFailure {
            for e in failure.errors { context.console.error(e.message) }
            throw CCHCError(.unprocessableEntity, "Chưa tạo được tài khoản.")
        }
    }

    private func readPassword(_ context: CommandContext) -> String {
        if isatty(STDIN_FILENO) != 0 {
            return context.console.ask("Mật khẩu (ít nhất 10 ký tự):", isSecure: true)
        }
        return readLine(strippingNewline: true) ?? ""
    }
}
