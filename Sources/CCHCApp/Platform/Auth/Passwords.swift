import Fluent
import Vapor
import CCHCDomain

enum Passwords {
    static let minimumLength = 10
    static let maximumLength = 128
    /// Passwords people choose first; refused whatever their length.
    static let common: Set<String> = ["1234567890", "12345678910", "0123456789", "matkhau123", "matkhau@123", "password123",
                                      "qwertyuiop", "abc1234567", "admin12345", "1111111111", "123456789a", "a123456789"]

    /// The password policy: 10 to 128 characters, not only digits or one repeated character, not a
    /// common password, not containing the username.
    static func validate(_ password: String, username: String? = nil, field: String = "password") -> FieldError? {
        func refuse(_ why: String) -> FieldError { FieldError(field: field, message: "Mật khẩu: \(why)") }
        if password.count < minimumLength { return refuse("cần ít nhất \(minimumLength) ký tự.") }
        if password.count > maximumLength { return refuse("tối đa \(maximumLength) ký tự.") }
        if password.allSatisfy(\.isNumber) { return refuse("không được chỉ gồm chữ số.") }
        if Set(password).count < 3 { return refuse("quá đơn giản (lặp lại ít ký tự).") }
        if common.contains(password.lowercased()) { return refuse("quá phổ biến, dễ đoán.") }
        if let username, username.count >= 3, password.lowercased().contains(username.lowercased()) {
            return refuse("không được chứa tên đăng nhập.")
        }
        return nil
    }

    enum Outcome {
        case success(User)
        case failure
        case locked
    }

    /// Checks a username and password with the sign-in rules: waiting after repeated failures
    /// (`LoginPolicy.Blocked`), accounts locked after many, and the same Bcrypt work whether or not
    /// the account exists. Failures are audited.
    static func authenticate(username: String, password: String, on req: Request) async throws -> Outcome {
        let name = String(username.trimmingCharacters(in: .whitespaces).lowercased().prefix(64))
        guard !name.isEmpty, !password.isEmpty, password.count <= maximumLength else { return .failure }
        try await LoginPolicy.check(username: name, req: req)
        let user = try await User.query(on: req.db).filter(\.$username == name).first()
        let hash: String
        if let user { hash = user.passwordHash } else { hash = try await LoginPolicy.dummyHash(req) }
        let ok = try await req.password.async.verify(password, created: hash)
        if ok, let user, user.isActive {
            guard user.lockedAt == nil else { return .locked }
            try await LoginPolicy.succeeded(username: name, req: req)
            return .success(user)
        }
        let locked = try await LoginPolicy.failed(username: name, user: user, req: req)
        let unit = try await Unit.find(optional: user?.$unit.id, on: req.db)
        try await Audit.record(on: req.db, at: req.now, actor: nil, action: "auth.failed", entity: "user", entityID: user?.id,
                               unit: unit,
                               summary: "Đăng nhập sai: “\(name)” từ \(LoginPolicy.address(req))\(locked ? " — tài khoản bị khóa" : "")")
        return user?.lockedAt != nil || locked ? .locked : .failure
    }
}
