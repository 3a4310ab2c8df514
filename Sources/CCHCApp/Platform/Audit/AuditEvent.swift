import Fluent
import Foundation

/// Who did what, when: one row per change.
final class AuditEvent: Model, @unchecked Sendable {
    static let schema = "audit_events"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "at") var at: Date
    @OptionalField(key: "user_id") var userID: Int?
    /// Kept as text so the record survives the account.
    @Field(key: "username") var username: String
    /// "unit.create", "user.update", "auth.login" …
    @Field(key: "action") var action: String
    @Field(key: "entity") var entity: String
    @OptionalField(key: "entity_id") var entityID: Int?
    /// The unit the change concerns, and its path, so the log is scoped like everything else.
    @OptionalField(key: "unit_id") var unitID: Int?
    @OptionalField(key: "unit_path") var unitPath: String?
    /// Human-readable summary in Vietnamese.
    @Field(key: "summary") var summary: String
    /// JSON of the changed fields (before/after), when useful.
    @OptionalField(key: "detail") var detail: String?

    init() {}
}
