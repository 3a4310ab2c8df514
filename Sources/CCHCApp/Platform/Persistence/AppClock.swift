import Vapor
import NIOConcurrencyHelpers

/// "Now", injected so tests can set it: deadlines are the heart of this product.
protocol AppClock: Sendable {
    func now() -> Date
}

struct SystemClock: AppClock {
    func now() -> Date { Date() }
}

/// A clock the tests set and move.
final class FixedClock: AppClock {
    private let current: NIOLockedValueBox<Date>
    init(_ date: Date) { current = .init(date) }
    func now() -> Date { current.withLockedValue { $0 } }
    func set(_ date: Date) { current.withLockedValue { $0 = date } }
    func advance(by seconds: TimeInterval) { current.withLockedValue { $0 += seconds } }
}

extension Application {
    private struct ClockKey: StorageKey { typealias Value = any AppClock }
    var clock: any AppClock {
        get { storage[ClockKey.self] ?? SystemClock() }
        set { storage[ClockKey.self] = newValue }
    }

    private struct ConfigKey: StorageKey { typealias Value = AppConfig }
    var config: AppConfig {
        get { storage[ConfigKey.self]! }
        set { storage[ConfigKey.self] = newValue }
    }
}

extension Request {
    var now: Date { application.clock.now() }
}
