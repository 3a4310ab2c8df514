import Fluent
import Vapor
import CCHCDomain

/// Failed sign-ins counted per account and per address, in the database (so every instance sees them).
final class LoginThrottle: Model, @unchecked Sendable {
    static let schema = "login_throttles"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    /// "u:thachdai.cv" or "a:203.0.113.7".
    @Field(key: "key") var key: String
    @Field(key: "failures") var failures: Int
    @Field(key: "window_start") var windowStart: Date
    @OptionalField(key: "blocked_until") var blockedUntil: Date?

    init() {}
}

/// The sign-in rules: slowed after repeated failures, locked after many, equal timing either way.
///
/// | what | rule |
/// |---|---|
/// | account | failures count until a successful sign-in; from the 5th, wait 30 s, doubling, at most 15 min; the 20th locks the account until lifted |
/// | address | failures count for 15 minutes from the first; from the 30th, wait 15 min |
enum LoginPolicy {
    static let window: TimeInterval = 15 * 60
    static let accountFreeFailures = 4
    static let accountLockFailures = 20
    static let addressFailures = 30
    static let maxDelay: TimeInterval = 15 * 60

    struct Blocked: Error {
        let retryAfter: Int
        var message: String {
            "Đăng nhập tạm dừng do nhập sai nhiều lần; vui lòng thử lại sau \(retryAfter) giây."
        }
    }

    static let lockedMessage = "Tài khoản đã bị khóa do nhập sai mật khẩu nhiều lần; "
        + "liên hệ cán bộ quản trị (Phòng/Sở Nội vụ) để mở khóa."

    /// Proxies whose X-Forwarded-For is believed: loopback, and the addresses in CCHC_TRUSTED_PROXIES (comma-separated),
    /// for a proxy on another machine in front of several instances.
    static let trustedProxies: Set<String> = {
        let listed = (ProcessInfo.processInfo.environment["CCHC_TRUSTED_PROXIES"] ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return Set(["127.0.0.1", "::1"] + listed)
    }()

    /// The address a request comes from: behind a trusted reverse proxy, the one it forwards.
    static func address(_ req: Request) -> String {
        let remote = req.remoteAddress?.ipAddress ?? "?"
        if trustedProxies.contains(remote), let forwarded = req.headers.first(name: "X-Forwarded-For")?
            .split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !forwarded.isEmpty {
            return forwarded
        }
        return remote
    }

    static func keys(username: String, req: Request) -> [String] {
        ["u:" + username.trimmingCharacters(in: .whitespaces).lowercased().prefix(64), "a:" + address(req)]
    }

    /// Refuses before the password is even checked when the account or address must wait.
    static func check(username: String, req: Request) async throws {
        let now = req.now
        let rows = try await LoginThrottle.query(on: req.db).filter(\.$key ~~ keys(username: username, req: req)).all()
        let until = rows.compactMap(\.blockedUntil).filter { $0 > now }.max()
        if let until { throw Blocked(retryAfter: max(1, Int(until.timeIntervalSince(now).rounded(.up)))) }
    }

    /// Counts a failure; returns true when it locked the account.
    @discardableResult
    static func failed(username: String, user: User?, req: Request) async throws -> Bool {
        let now = req.now
        let keys = keys(username: username, req: req)
        return try await req.db.writeTransaction { tx in
            var locked = false
            for key in keys {
                let row = try await LoginThrottle.query(on: tx).filter(\.$key == key).first() ?? {
                    let r = LoginThrottle(); r.key = key; r.failures = 0; r.windowStart = now; return r
                }()
                // An address's failures count within the window; an account's until it signs in successfully.
                if key.hasPrefix("a:"), now.timeIntervalSince(row.windowStart) > window, (row.blockedUntil ?? .distantPast) <= now {
                    row.failures = 0
                    row.windowStart = now
                }
                row.failures += 1
                if key.hasPrefix("u:"), row.failures > accountFreeFailures {
                    let delay = min(maxDelay, 30 * pow(2, Double(row.failures - accountFreeFailures - 1)))
                    row.blockedUntil = now.addingTimeInterval(delay)
                } else if key.hasPrefix("a:"), row.failures >= addressFailures {
                    row.blockedUntil = now.addingTimeInterval(maxDelay)
                }
                try await row.save(on: tx)
                if key.hasPrefix("u:"), row.failures >= accountLockFailures, let user, user.lockedAt == nil {
                    user.lockedAt = now
                    try await user.save(on: tx)
                    locked = true
                }
            }
            return locked
        }
    }

    static func succeeded(username: String, req: Request) async throws {
        try await LoginThrottle.query(on: req.db).filter(\.$key == keys(username: username, req: req)[0]).delete()
    }

    /// A Bcrypt hash of nothing anybody types, so an unknown user costs the same time as a wrong password.
    static func dummyHash(_ req: Request) async throws -> String {
        // Made once at start-up (`configure`): the application's storage is not written from requests.
        if let made = req.application.storage[DummyHashKey.self] { return made }
        return try await req.password.async.hash(CSRF.newToken())
    }

    struct DummyHashKey: StorageKey { typealias Value = String }
}
