import Fluent
import Vapor
import CCHCDomain

enum Passwords {
    static let minimumLength = 8

    static func validate(_ password: String, field: String = "password") -> FieldError? {
        password.count >= minimumLength ? nil
            : FieldError(field: field, message: "Mật khẩu: cần ít nhất \(minimumLength) ký tự.")
    }

    /// Checks a username and password; nil when they do not match an active account.
    static func authenticate(username: String, password: String, on req: Request) async throws -> User? {
        let name = username.trimmingCharacters(in: .whitespaces).lowercased()
        guard !name.isEmpty, !password.isEmpty,
              let user = try await User.query(on: req.db).filter(\.$username == name).first(),
              user.isActive else { return nil }
        let ok = try await req.password.async.verify(password, created: user.passwordHash)
        return ok ? user : nil
    }
}
