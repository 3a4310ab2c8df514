import Fluent
import SQLKit
import Vapor
import CCHCDomain

/// What the first page after login shows each user: what their unit owes (soonest first), what was returned and why, what
/// waits for their signature (a leader) or their review (the standing agency), and what changed since their last visit.
/// Every line links to the thing to do. The page and `/api/v1/my-work` show the same.
struct MyWork: Content {
    /// A duty as a work-list line: the duty, where it stands, and its deadline in words.
    struct DutyLine: Content {
        var duty: Duty
        var status: DutyStatus
        var statusLabel: String
        var dueText: String

        init(_ duty: Duty, now: Date) {
            let status = duty.status(now: now)
            (self.duty, self.status, statusLabel, dueText) = (duty, status, status.label, duty.dueText(now: now))
        }
    }

    /// Something waiting for someone, or a change: what, whose, since when, where.
    struct Line: Content {
        var title: String
        var unitName: String
        var detail: String?
        var at: Date?
        var url: String
    }

    var fullName: String
    var roleLabel: String
    var unitID: Int
    var unitName: String
    /// Open duties of the user's unit (and, for the standing agency, of its jurisdiction), overdue and soonest first.
    var owed: [DutyLine]
    /// Open duties returned to the unit, with the reason.
    var returned: [DutyLine]
    /// Done in the last 30 days.
    var recentlyDone: [DutyLine]
    /// A leader: what waits for their signature.
    var toSign: [Line]
    /// The standing agency: what the units below sent and waits for its review.
    var toReview: [Line]
    /// What changed in the user's scope since their previous sign-in (others' changes).
    var changes: [Line]
    var lastVisit: Date?
    /// Reminders not yet read (the in-app side of the e-mails).
    var reminders: [Line]

    static func load(actor: Actor, now: Date, on db: any Database) async throws -> MyWork {
        let unit = try await UnitQueries.readable(actor.unitID, by: actor, on: db)
        let units = try await workUnits(actor, on: db)
        let duties = actor.role == .viewer || actor.role == .admin ? [] : try await DutyRegistry.around(units, now: now, on: db)
        let lines = duties.map { DutyLine($0, now: now) }
        let open = lines.filter { !$0.status.isDone }
        let done = lines.filter { $0.status.isDone && $0.status != .waived && ($0.duty.doneAt ?? .distantPast) > now.addingTimeInterval(-30 * 86_400) }
        let lastVisit = try await previousSignIn(actor, on: db)
        return MyWork(fullName: actor.fullName, roleLabel: actor.role.label, unitID: actor.unitID, unitName: unit.name,
                      owed: open, returned: open.filter { $0.duty.note?.hasPrefix("Bị trả lại") == true },
                      recentlyDone: Array(done.sorted { ($0.duty.doneAt ?? .distantPast) > ($1.duty.doneAt ?? .distantPast) }.prefix(10)),
                      toSign: try await MyWorkQueries.toSign(actor, units: units, now: now, on: db),
                      toReview: try await MyWorkQueries.toReview(actor, now: now, on: db),
                      changes: try await MyWorkQueries.changes(actor, since: lastVisit ?? now.addingTimeInterval(-7 * 86_400), on: db),
                      lastVisit: lastVisit, reminders: try await unreadReminders(actor, on: db))
    }

    /// The units whose duties are the account's: its own unit, and for the standing agency its jurisdiction (whose reports
    /// and plans it drafts).
    static func workUnits(_ actor: Actor, on db: any Database) async throws -> [Unit] {
        let unit = try await UnitQueries.readable(actor.unitID, by: actor, on: db)
        var units = [unit]
        if actor.role == .standingOfficer, actor.jurisdictionID != actor.unitID, let j = try await Unit.find(actor.jurisdictionID, on: db) {
            units.append(j)
        }
        return units
    }

    static func unreadReminders(_ actor: Actor, on db: any Database) async throws -> [Line] {
        try await ReminderRecord.query(on: db).filter(\.$user.$id == actor.userID).filter(\.$readAt == nil)
            .sort(\.$createdAt, .descending).limit(20).all()
            .map { Line(title: $0.title, unitName: "", detail: nil, at: $0.createdAt, url: $0.url) }
    }

    /// The sign-in before the current one.
    static func previousSignIn(_ actor: Actor, on db: any Database) async throws -> Date? {
        let logins = try await AuditEvent.query(on: db).filter(\.$userID == actor.userID).filter(\.$action == "auth.login")
            .sort(\.$at, .descending).limit(2).all()
        return logins.count == 2 ? logins[1].at : nil
    }
}
