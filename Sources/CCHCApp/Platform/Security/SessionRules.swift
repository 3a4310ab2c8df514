import Fluent
import Vapor

/// What a signed-in session holds and when it ends.
///
/// - Made only at sign-in (anonymous visitors get no session row), with a new id each time.
/// - Ends after `idle` without a request, `absolute` after sign-in, or when the account's password
///   changes (`User.sessionEpoch`), whichever comes first — checked on the server on every request.
enum SessionRules {
    static let idle: TimeInterval = 8 * 3600
    static let absolute: TimeInterval = 12 * 3600
    /// "Last seen" is written at most this often, so reading a page does not write a row each time.
    static let touchEvery: TimeInterval = 300

    static func start(_ session: Session, user: User, now: Date) {
        session.data["userID"] = user.id.map(String.init)
        session.data["epoch"] = String(user.sessionEpoch)
        session.data["at"] = String(Int(now.timeIntervalSince1970))
        session.data["seen"] = String(Int(now.timeIntervalSince1970))
        session.data[CSRF.sessionKey] = CSRF.newToken()
    }

    /// The user of a live session, or nil when it has expired or was ended.
    static func user(of session: Session, now: Date, on db: any Database) async throws -> User? {
        guard let id = session.data["userID"].flatMap({ Int($0) }),
              let at = session.data["at"].flatMap({ Double($0) }),
              let seen = session.data["seen"].flatMap({ Double($0) }) else { return nil }
        let t = now.timeIntervalSince1970
        guard t - at <= absolute, t - seen <= idle else { return nil }
        guard let user = try await User.find(id, on: db), user.isActive, user.lockedAt == nil,
              session.data["epoch"] == String(user.sessionEpoch) else { return nil }
        if t - seen > touchEvery { session.data["seen"] = String(Int(t)) }
        return user
    }
}
