import Fluent
import SQLKit
import Foundation
import Vapor
import CCHCDomain

/// Makes the reminders due at a moment (in the outbox, once each) and sends the e-mails not yet sent. Run by the background
/// job every few minutes while serving, and by `cchc reminders run`; safe to run again at any time, or after a restart.
struct ReminderService {
    let db: any Database
    let rules: ReminderRules
    let mailer: SMTPMailer?
    let logger: Logger

    struct Outcome: Sendable, Equatable {
        var created = 0
        var mailed = 0
        var failed = 0
    }

    func run(now: Date) async throws -> Outcome {
        var outcome = Outcome()
        outcome.created = try await plan(now: now)
        let (mailed, failed) = try await deliver(now: now)
        outcome.mailed = mailed
        outcome.failed = failed
        return outcome
    }

    /// Reminders for every open duty whose rule is due today, to the unit's specialists and leaders (and, for a jurisdiction,
    /// its standing agency's officers), each (duty, rule, person) once.
    func plan(now: Date) async throws -> Int {
        let today = Day(now)
        let users = try await User.query(on: db).filter(\.$isActive == true).filter(\.$role ~~ [.specialist, .leader, .standingOfficer]).all()
        guard !users.isEmpty else { return 0 }
        let unitIDs = Set(users.map { $0.$unit.id })
        let units = try await Unit.query(on: db).filter(\.$id ~~ Array(unitIDs)).all()
        // A standing agency's officers are reminded of their jurisdiction's duties.
        var owners: [Int: [User]] = [:]
        var dutyUnits: [Int: Unit] = [:]
        for u in units {
            let mine = users.filter { $0.$unit.id == u.id }
            if u.isStandingAgency, let parentID = u.$parent.id, let parent = try await Unit.find(parentID, on: db) {
                owners[parentID, default: []] += mine.filter { $0.role == .standingOfficer }
                dutyUnits[parentID] = parent
            } else {
                owners[u.id ?? 0, default: []] += mine.filter { $0.role != .standingOfficer }
                dutyUnits[u.id ?? 0] = u
            }
        }
        let longest = rules.daysBefore.max() ?? 0
        let scope = DutyScope(units: Array(dutyUnits.values), from: today.adding(days: -(rules.overdueWindow + 1)),
                              through: today.adding(days: longest), now: now)
        let duties = try await DutyRegistry.duties(scope, on: db).filter { !$0.status(now: now).isDone }
        let existing = Set(try await ReminderRecord.query(on: db).filter(\.$dutyID ~~ duties.map(\.id)).all()
            .map { "\($0.dutyID)|\($0.rule)|\($0.$user.id)" })
        var fresh: [ReminderRecord] = []
        for d in duties {
            guard let rule = rules.rule(dueDay: d.dueDay, today: today) else { continue }
            for user in owners[d.unitID] ?? [] {
                let userID = try user.requireID()
                guard !existing.contains("\(d.id)|\(rule.code)|\(userID)") else { continue }
                let r = ReminderRecord()
                r.dutyID = d.id
                r.rule = rule.code
                r.$user.id = userID
                r.unitID = d.unitID
                r.title = "Nhắc hạn: \(d.title) — \(d.unitName) (\(rule.text), hạn \(d.dueDay.vietnamese))"
                r.body = Self.body(d, rule: rule.text, user: user, now: now)
                r.url = d.url
                r.dueDay = d.dueDay.iso
                r.createdAt = now
                r.email = mailer == nil ? nil : user.email?.trimmingCharacters(in: .whitespaces).nilIfEmpty
                fresh.append(r)
            }
        }
        guard !fresh.isEmpty else { return 0 }
        let rows = fresh
        // Another instance may plan the same reminders at the same moment: the unique key keeps one, the other is skipped.
        return try await db.writeTransaction { tx in
            guard let sql = tx as? any SQLDatabase else { return 0 }
            var inserted = 0
            for r in rows {
                let made = try await sql.raw("""
                    INSERT INTO reminders (duty_id, rule, user_id, unit_id, title, body, url, due_day, created_at, email)
                    VALUES (\(bind: r.dutyID), \(bind: r.rule), \(bind: r.$user.id), \(bind: r.unitID), \(bind: r.title), \(bind: r.body),
                            \(bind: r.url), \(bind: r.dueDay), \(bind: r.createdAt), \(bind: r.email))
                    ON CONFLICT (duty_id, rule, user_id) DO NOTHING
                    RETURNING id
                    """).all()
                inserted += made.count
            }
            return inserted
        }
    }

    static func body(_ d: Duty, rule: String, user: User, now: Date) -> String {
        """
        Kính gửi \(user.fullName),

        \(d.kind.title): \(d.title)
        Đơn vị: \(d.unitName)
        \(d.dueText(now: now)) — \(rule).
        \(d.note.map { "Ghi chú: \($0)\n" } ?? "")
        Mở để thực hiện: \(ProcessInfo.processInfo.environment["CCHC_PUBLIC_URL"] ?? "")\(d.url)

        Thư nhắc việc tự động của hệ thống quản lý cải cách hành chính (CCHC). Xem mọi việc của đơn vị ở trang "Việc của tôi".
        """
    }

    /// Sends each e-mail not yet claimed: claimed first (so a crash or a second sender never sends it twice), then sent.
    func deliver(now: Date) async throws -> (Int, Int) {
        guard let mailer else { return (0, 0) }
        let pending = try await ReminderRecord.query(on: db).filter(\.$email != nil).filter(\.$mailClaimedAt == nil).sort(\.$id).limit(200).all()
        var (mailed, failed) = (0, 0)
        for r in pending {
            guard let to = r.email, let id = r.id else { continue }
            // Claim: only the sender whose update changed the row goes on.
            guard let sql = db as? any SQLDatabase else { break }
            let claimed = try await !sql.raw("""
                UPDATE reminders SET mail_claimed_at = \(bind: now) WHERE id = \(bind: id) AND mail_claimed_at IS NULL RETURNING id
                """).all().isEmpty
            guard claimed else { continue }
            do {
                try await mailer.sendAsync(MailMessage(to: [to], subject: r.title, body: r.body))
                r.mailedAt = now
                r.mailClaimedAt = now
                mailed += 1
            } catch {
                r.mailError = String(describing: error).prefix(500).description
                r.mailClaimedAt = now
                failed += 1
                logger.warning("Không gửi được thư nhắc việc \(id) tới \(to): \(error)")
            }
            try await r.save(on: db)
        }
        return (mailed, failed)
    }
}

/// The background job: while the server runs, every `CCHC_REMINDER_INTERVAL` seconds (600), makes and sends reminders.
/// What it did is in the database, so a restart picks up where it left off and sends nothing twice.
struct ReminderJob: LifecycleHandler {
    func didBootAsync(_ app: Application) async throws {
        guard StartupTasks.serving(app), Environment.get("CCHC_REMINDERS") != "off" else { return }
        let interval = max(10, Int(Environment.get("CCHC_REMINDER_INTERVAL") ?? "") ?? 600)
        let service = ReminderService(db: app.db, rules: .fromEnvironment(), mailer: MailSettings.fromEnvironment().map { SMTPMailer(settings: $0) },
                                      logger: app.logger)
        let clock = app.clock
        let logger = app.logger
        let task = Task.detached {
            while !Task.isCancelled {
                do {
                    let o = try await service.run(now: clock.now())
                    if o.created + o.mailed + o.failed > 0 {
                        logger.info("Nhắc việc: \(o.created) nhắc mới, \(o.mailed) thư đã gửi, \(o.failed) thư lỗi.")
                    }
                } catch where !Task.isCancelled {
                    logger.error("Nhắc việc: lỗi \(error)")
                } catch {
                    break // the server is stopping
                }
                try? await Task.sleep(nanoseconds: UInt64(interval) * 1_000_000_000)
            }
        }
        app.storage[ReminderTaskKey.self] = task
    }

    func shutdown(_ app: Application) {
        app.storage[ReminderTaskKey.self]?.cancel()
    }

    struct ReminderTaskKey: StorageKey { typealias Value = Task<Void, Never> }
}
