import Fluent
import Vapor
import CCHCDomain

/// Writes to accounts, used by pages, the API and the command line; validated, one transaction, audited.
struct AccountService {
    let db: any Database
    let actor: Actor?
    let now: Date
    let hasher: AsyncPasswordHasher

    struct CreateInput: Content {
        var username: String
        var fullName: String
        var unitID: Int
        var role: String
        var password: String
        /// Where reminders are e-mailed (optional).
        var email: String? = nil
    }

    struct UpdateInput: Content {
        var fullName: String
        var unitID: Int
        var role: String
        var isActive: Bool
        /// Where reminders are e-mailed; empty or absent: none.
        var email: String? = nil
        /// Empty keeps the current password.
        var password: String?
        /// The revision read (edit page, API); a change based on an older one is refused.
        var revision: Int? = nil
    }

    static func validUsername(_ name: String) -> Bool {
        (3...64).contains(name.count) && name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-") }
    }

    private func checkUnitAndRole(unitID: Int, roleText: String, errors: inout [FieldError]) async throws -> (Unit?, Role?) {
        let role = Role(rawValue: roleText)
        if role == nil { errors.append(FieldError(field: "role", message: "Vai trò: chưa chọn hoặc không hợp lệ.")) }
        let unit = try await Unit.find(unitID, on: db)
        if let actor {
            if let role, !actor.scope.assignableRoles.contains(role) {
                errors.append(FieldError(field: "role", message: "Vai trò: bạn không được cấp vai trò \(role.label)."))
            }
            if unit == nil || !actor.scope.canManage(unit!.unitPath) {
                errors.append(FieldError(field: "unitID", message: "Đơn vị: không tồn tại hoặc nằm ngoài phạm vi của bạn."))
                return (nil, role)
            }
        } else if unit == nil {
            errors.append(FieldError(field: "unitID", message: "Đơn vị: không tồn tại."))
        }
        if let unit, unit.isRetired {
            errors.append(FieldError(field: "unitID", message: "Đơn vị: \(unit.name) đã ngừng hoạt động."))
        }
        if let unit, role == .standingOfficer, !unit.isStandingAgency {
            errors.append(FieldError(field: "role",
                                     message: "Vai trò: cán bộ cơ quan thường trực phải thuộc Phòng/Sở Nội vụ "
                                         + "là cơ quan thường trực CCHC."))
        }
        return (unit, role)
    }

    /// A reminder address: empty → none; otherwise one plain address ("ten@donvi.gov.vn").
    static func email(_ text: String?, errors: inout [FieldError]) -> String? {
        let t = (text ?? "").trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty else { return nil }
        let parts = t.split(separator: "@", omittingEmptySubsequences: false)
        let ok = t.count <= 254 && parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".")
            && !parts[1].hasSuffix(".") && !t.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," || $0 == ";" })
        if !ok { errors.append(FieldError(field: "email", message: "Thư điện tử: “\(t)” không phải một địa chỉ thư (vd: chuyenvien@thachha.gov.vn).")) }
        return ok ? t : nil
    }

    func create(_ input: CreateInput) async throws -> User {
        let username = input.username.trimmingCharacters(in: .whitespaces).lowercased()
        let fullName = input.fullName.trimmingCharacters(in: .whitespaces)
        var errors: [FieldError] = []
        if !Self.validUsername(username) {
            errors.append(FieldError(field: "username",
                                     message: "Tên đăng nhập: 3–64 ký tự, chữ thường không dấu, chữ số, "
                                         + "dấu chấm, gạch dưới hoặc gạch ngang."))
        } else if try await User.query(on: db).filter(\.$username == username).first() != nil {
            errors.append(FieldError(field: "username", message: "Tên đăng nhập “\(username)” đã có người dùng."))
        }
        if fullName.isEmpty { errors.append(FieldError(field: "fullName", message: "Họ và tên: không được để trống.")) }
        let email = Self.email(input.email, errors: &errors)
        if let e = Passwords.validate(input.password, username: username) { errors.append(e) }
        let (unit, role) = try await checkUnitAndRole(unitID: input.unitID, roleText: input.role, errors: &errors)
        guard errors.isEmpty, let unit, let role else { throw ValidationFailure(errors) }
        let hash = try await hasher.hash(input.password)
        return try await db.writeTransaction { tx in
            let user = User(username: username, fullName: fullName, passwordHash: hash, unitID: try unit.requireID(), role: role)
            user.email = email
            try await user.create(on: tx)
            try await Audit.record(on: tx, at: now, actor: actor, action: "user.create", entity: "user", entityID: user.id, unit: unit,
                                   summary: "Tạo tài khoản \(username) (\(role.label)) cho \(unit.name)")
            return user
        }
    }

    func update(_ user: User, _ input: UpdateInput) async throws -> User {
        let fullName = input.fullName.trimmingCharacters(in: .whitespaces)
        var errors: [FieldError] = []
        if fullName.isEmpty { errors.append(FieldError(field: "fullName", message: "Họ và tên: không được để trống.")) }
        let email = Self.email(input.email, errors: &errors)
        let newPassword = (input.password ?? "").isEmpty ? nil : input.password
        if let newPassword, let e = Passwords.validate(newPassword, username: user.username) { errors.append(e) }
        let (unit, role) = try await checkUnitAndRole(unitID: input.unitID, roleText: input.role, errors: &errors)
        if let actor, actor.userID == user.id, !input.isActive {
            errors.append(FieldError(field: "isActive", message: "Trạng thái: bạn không thể tự khóa tài khoản của mình."))
        }
        guard errors.isEmpty, let unit, let role else { throw ValidationFailure(errors) }
        var hash: String? = nil
        if let newPassword { hash = try await hasher.hash(newPassword) }
        var changes: [String: String] = [:]
        if user.fullName != fullName { changes["fullName"] = "\(user.fullName) → \(fullName)" }
        if user.$unit.id != unit.id { changes["unitID"] = "\(user.$unit.id) → \(unit.id ?? 0)" }
        if user.role != role { changes["role"] = "\(user.role.rawValue) → \(role.rawValue)" }
        if user.isActive != input.isActive { changes["isActive"] = "\(user.isActive) → \(input.isActive)" }
        if hash != nil { changes["password"] = "đổi mật khẩu" }
        if (user.email ?? "") != (email ?? "") { changes["email"] = "\(user.email ?? "—") → \(email ?? "—")" }
        let newHash = hash
        let changeLog = changes
        let (actor, now) = (self.actor, self.now)
        return try await db.writeTransaction { tx in
            guard let fresh = try await User.find(try user.requireID(), on: tx) else { throw CCHCError.notFound() }
            try Revisions.check(fresh.revision, expected: input.revision, what: "Tài khoản \(fresh.username)",
                                saved: "họ tên “\(fresh.fullName)”, vai trò \(fresh.role.label), "
                                    + "\(fresh.isActive ? "đang hoạt động" : "đã khóa")")
            user.storedRevision = fresh.revision + 1
            user.fullName = fullName
            user.fullNameFolded = Folding.fold(fullName)
            user.$unit.id = try unit.requireID()
            user.role = role
            user.isActive = input.isActive
            user.email = email
            if let newHash {
                user.passwordHash = newHash
                // Every session made with the old password ends.
                user.storedSessionEpoch = user.sessionEpoch + 1
            }
            try await user.save(on: tx)
            if !input.isActive || newHash != nil {
                try await UserToken.query(on: tx).filter(\.$user.$id == (try user.requireID())).delete()
            }
            try await Audit.record(on: tx, at: now, actor: actor, action: "user.update", entity: "user", entityID: user.id, unit: unit,
                                   summary: "Sửa tài khoản \(user.username)", detail: changeLog)
            return user
        }
    }
}

extension AccountService {
    /// Lifts the lock that repeated wrong passwords put on an account.
    func unlock(_ user: User) async throws -> User {
        guard user.lockedAt != nil else { return user }
        let unit = try await Unit.find(user.$unit.id, on: db)
        return try await db.writeTransaction { [actor, now] tx in
            user.lockedAt = nil
            user.storedRevision = user.revision + 1
            try await user.save(on: tx)
            try await LoginThrottle.query(on: tx).filter(\.$key == "u:" + user.username).delete()
            try await Audit.record(on: tx, at: now, actor: actor, action: "user.unlock", entity: "user", entityID: user.id, unit: unit,
                                   summary: "Mở khóa tài khoản \(user.username)")
            return user
        }
    }
}

extension Request {
    var accountService: AccountService {
        get throws { AccountService(db: db, actor: try actor, now: now, hasher: password.async) }
    }
}

/// Accounts readable by an actor: those whose unit lies in its scope.
enum UserQueries {
    static func scoped(_ actor: Actor, on db: any Database) -> QueryBuilder<User> {
        var q = User.query(on: db).join(Unit.self, on: \User.$unit.$id == \Unit.$id)
        if let root = actor.scope.root { q = q.filter(Unit.self, \.$path, .custom("LIKE"), root.subtreePattern) }
        return q
    }

    static func readable(_ id: Int, by actor: Actor, on db: any Database) async throws -> User {
        guard actor.canManage || actor.userID == id,
              let user = try await scoped(actor, on: db).filter(\.$id == id).first() else {
            throw CCHCError.notFound("Không tìm thấy tài khoản, hoặc tài khoản nằm ngoài phạm vi của bạn.")
        }
        return user
    }

    static func search(_ text: String?, actor: Actor, on db: any Database) async throws -> [(User, Unit)] {
        var q = scoped(actor, on: db)
        if !actor.canManage { q = q.filter(\.$id == actor.userID) }
        for word in Folding.searchWords(text ?? "") {
            q = q.group(.or) { g in
                g.filter(\.$username, .custom("LIKE"), "%\(word)%")
                g.filter(\.$fullNameFolded, .custom("LIKE"), "%\(word)%")
                g.filter(Unit.self, \.$nameFolded, .custom("LIKE"), "%\(word)%")
            }
        }
        let users = try await q.sort(Unit.self, \.$path).sort(\.$username).limit(1000).all()
        return try users.map { ($0, try $0.joined(Unit.self)) }
    }
}
