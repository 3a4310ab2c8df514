import Fluent
import Vapor
import CCHCDomain

/// An account. It belongs to one unit and has one role.
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(custom: "id", generatedBy: .database) var id: Int?

    @Field(key: "username") var username: String
    @Field(key: "full_name") var fullName: String
    @Field(key: "full_name_folded") var fullNameFolded: String
    @Field(key: "password_hash") var passwordHash: String

    @Parent(key: "unit_id") var unit: Unit
    @Field(key: "role") var role: Role
    /// Where reminders are e-mailed (optional).
    @OptionalField(key: "email") var email: String?
    @Field(key: "is_active") var isActive: Bool

    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    /// Edit counter (lost-update protection on the account pages and API).
    @OptionalField(key: "revision") var storedRevision: Int?
    /// Set when repeated wrong passwords locked the account; an administrator or the standing agency lifts it.
    @OptionalField(key: "locked_at") var lockedAt: Date?
    /// Raised when the password changes: sessions made before it end.
    @OptionalField(key: "session_epoch") var storedSessionEpoch: Int?

    var revision: Int { storedRevision ?? 0 }
    var sessionEpoch: Int { storedSessionEpoch ?? 0 }

    init() {}

    init(username: String, fullName: String, passwordHash: String, unitID: Int, role: Role) {
        self.username = username
        self.fullName = fullName
        self.fullNameFolded = Folding.fold(fullName)
        self.passwordHash = passwordHash
        self.$unit.id = unitID
        self.role = role
        self.isActive = true
    }
}

extension User: ModelSessionAuthenticatable {}

/// An API token. Only its SHA-256 is stored.
final class UserToken: Model, @unchecked Sendable {
    static let schema = "user_tokens"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "user_id") var user: User
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
    init(userID: Int, tokenHash: String, expiresAt: Date) {
        self.$user.id = userID
        self.tokenHash = tokenHash
        self.expiresAt = expiresAt
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
