import Fluent
import Vapor
import CCHCDomain

/// `cchc reminders [--at dd/MM/yyyy]`: makes the reminders due now (or on a given day, for a catch-up) and sends the e-mails
/// not yet sent — what the background job does every few minutes; safe to run from cron as well.
struct RemindersCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "at", help: "Ngày tính nhắc (dd/MM/yyyy), mặc định hôm nay")
        var at: String?
        init() {}
    }
    var help: String { "Tạo các nhắc hạn đến lúc và gửi thư chưa gửi (SMTP_HOST chưa đặt: chỉ nhắc trong ứng dụng)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        var now = app.clock.now()
        if let text = signature.at {
            guard let day = Day(vietnamese: text) else { throw ValidationFailure(field: "at", "Ngày tính nhắc: " + VNDate.problem(text)) }
            now = day.startInVietnam.addingTimeInterval(8 * 3600)
        }
        let mail = MailSettings.fromEnvironment()
        let o = try await ReminderService(db: app.db, rules: .fromEnvironment(), mailer: mail.map { SMTPMailer(settings: $0) }, logger: app.logger)
            .run(now: now)
        context.console.print("\(o.created) nhắc mới · \(o.mailed) thư đã gửi · \(o.failed) thư lỗi"
                              + (mail == nil ? " (chưa đặt SMTP_HOST: thư điện tử tắt)" : ""))
    }
}
