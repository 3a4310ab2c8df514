import Fluent
import Foundation
import CCHCDomain

/// One reminder to one person about one duty under one rule ("5 days before", "on the day", "overdue"): shown in the app
/// until read, and e-mailed when mail is set up. The (duty, rule, user) triple is unique: never the same reminder twice.
final class ReminderRecord: Model, @unchecked Sendable {
    static let schema = "reminders"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "duty_id") var dutyID: String
    @Field(key: "rule") var rule: String
    @Parent(key: "user_id") var user: User
    @Field(key: "unit_id") var unitID: Int
    @Field(key: "title") var title: String
    @Field(key: "body") var body: String
    @Field(key: "url") var url: String
    @Field(key: "due_day") var dueDay: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "read_at") var readAt: Date?
    /// The address it goes to; nil: in the app only.
    @OptionalField(key: "email") var email: String?
    /// Taken by a sender (at most once: a crash after this sends nothing again).
    @OptionalField(key: "mail_claimed_at") var mailClaimedAt: Date?
    @OptionalField(key: "mailed_at") var mailedAt: Date?
    @OptionalField(key: "mail_error") var mailError: String?

    init() {}
}

/// When reminders fire, relative to a duty's due day (Vietnam days): so many days before, on the day, the day after.
struct ReminderRules: Sendable {
    /// Days before the due day, e.g. [5, 1].
    var daysBefore: [Int]
    /// An overdue reminder is sent only within so many days of the due day (old history is not mailed).
    var overdueWindow: Int = 30

    /// From `CCHC_REMINDER_DAYS` ("5,1"), or 5 and 1.
    static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> ReminderRules {
        let days = (env["CCHC_REMINDER_DAYS"] ?? "").split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            .filter { (1...60).contains($0) }
        return ReminderRules(daysBefore: days.isEmpty ? [5, 1] : Array(Set(days)).sorted(by: >))
    }

    /// The rule that is due today for an open duty, if any: each rule from its day until the next rule's day.
    func rule(dueDay: Day, today: Day) -> (code: String, text: String)? {
        var steps: [(day: Day, code: String, text: String)] = daysBefore.sorted(by: >).map { n in
            (dueDay.adding(days: -n), "before-\(n)", "còn \(n) ngày")
        }
        steps.append((dueDay, "due", "hạn là hôm nay"))
        steps.append((dueDay.adding(days: 1), "overdue", "đã quá hạn"))
        for (i, s) in steps.enumerated() where s.day <= today {
            let next = i + 1 < steps.count ? steps[i + 1].day : dueDay.adding(days: overdueWindow + 1)
            if today < next { return (s.code, s.text) }
        }
        return nil
    }
}
