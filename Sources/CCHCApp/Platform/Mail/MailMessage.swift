import Foundation

/// Where e-mail goes, read from the `SMTP_*` environment variables; e-mail is off when `SMTP_HOST` is unset or empty.
/// No TLS: point it at the province's relay, or a local MTA that relays onward.
struct MailSettings: Sendable, Equatable {
    var host: String
    var port: Int
    /// The sender: `cchc@example.gov.vn` or `Hệ thống CCHC <cchc@example.gov.vn>`.
    var from: String
    var username: String?
    var password: String?
    /// Not supported yet: a mailer with this set refuses to send rather than send in the clear.
    var startTLS: Bool = false

    init(host: String, port: Int = 25, from: String = "cchc@localhost", username: String? = nil, password: String? = nil,
         startTLS: Bool = false) {
        self.host = host
        self.port = port
        self.from = from
        self.username = username
        self.password = password
        self.startTLS = startTLS
    }

    /// The settings, or nil when e-mail is off — or when the variables are wrong (use `load` to be told what is wrong).
    static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> MailSettings? {
        (try? load(env)) ?? nil
    }

    /// The settings, nil when `SMTP_HOST` is unset or empty; throws `MailError.settings` naming a wrong variable.
    static func load(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> MailSettings? {
        func value(_ key: String) -> String? {
            guard let text = env[key]?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
            return text
        }
        guard let host = value("SMTP_HOST") else { return nil }
        var port = 25
        if let text = value("SMTP_PORT") {
            guard let number = Int(text), (1...65_535).contains(number) else {
                throw MailError.settings("SMTP_PORT=\(text): phải là số nguyên trong khoảng 1…65535.")
            }
            port = number
        }
        let from = value("SMTP_FROM") ?? "cchc@localhost"
        guard MailAddress(parsing: from) != nil else { throw MailError.settings("SMTP_FROM=\(from): không phải địa chỉ thư hợp lệ.") }
        let username = value("SMTP_USERNAME")
        return MailSettings(host: host, port: port, from: from, username: username,
                            password: username == nil ? nil : (env["SMTP_PASSWORD"] ?? ""))
    }
}

/// One plain-text e-mail (UTF-8, Vietnamese text welcome in the subject and body).
struct MailMessage: Sendable, Equatable {
    var to: [String]
    var subject: String
    var body: String

    init(to: [String], subject: String, body: String) {
        self.to = to
        self.subject = subject
        self.body = body
    }
}

/// Why an e-mail was not sent, in Vietnamese for the outbox page and the log.
enum MailError: Error, Equatable, CustomStringConvertible {
    /// The server answered a step with a code other than the expected one; `reply` is its answer, code first.
    case refused(step: String, reply: String)
    /// No conversation with the server: `host:port: why`.
    case unreachable(String)
    /// A recipient that is not an address (empty when the message has no recipient at all).
    case invalidAddress(String)
    /// The `SMTP_*` settings cannot work.
    case settings(String)

    var description: String {
        switch self {
        case .refused(let step, let reply): "Máy chủ thư từ chối bước \(step): \(reply)"
        case .unreachable(let detail): "Không kết nối được máy chủ thư \(detail)"
        case .invalidAddress(let address):
            address.isEmpty ? "Thư chưa có người nhận." : "Địa chỉ người nhận không hợp lệ: “\(address)”."
        case .settings(let problem): "Cấu hình thư chưa đúng: \(problem)"
        }
    }
}

/// An address as the envelope needs it (`local@domain`, printable ASCII), with the display name the From header shows.
struct MailAddress: Sendable, Equatable {
    var name: String?
    var address: String
    var domain: String { address.split(separator: "@").last.map(String.init) ?? "localhost" }

    /// `a@b` or `Name <a@b>` (the name may be quoted, and in Vietnamese); nil when it is neither.
    init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let open = trimmed.lastIndex(of: "<"), trimmed.hasSuffix(">") {
            let address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            var name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
            if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") { name = String(name.dropFirst().dropLast()) }
            guard Self.isValid(address), !name.contains(where: \.isNewline) else { return nil }
            self.name = name.isEmpty ? nil : name
            self.address = address
        } else {
            guard Self.isValid(trimmed) else { return nil }
            self.name = nil
            self.address = trimmed
        }
    }

    /// One `@` with something on both sides, printable ASCII, none of the characters that end an address in SMTP or a header.
    static func isValid(_ address: String) -> Bool {
        let forbidden: Set<Unicode.Scalar> = ["<", ">", "(", ")", "[", "]", ",", ";", ":", "\\", "\""]
        guard address.utf8.count <= 254,
              address.unicodeScalars.allSatisfy({ (33...126).contains($0.value) && !forbidden.contains($0) }) else { return false }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty
    }
}

/// The message text: headers, then the body in base64 — every line ASCII and short, whatever the Vietnamese inside.
enum MailComposer {
    static func data(_ message: MailMessage, from sender: MailAddress, to recipients: [String], date: Date, messageID: String) -> String {
        var fromTokens = sender.name.map { encodedWords($0, firstRoom: 76 - "From: ".count) } ?? []
        fromTokens.append(fromTokens.isEmpty ? sender.address : "<\(sender.address)>")
        let toTokens = recipients.enumerated().map { $0.offset < recipients.count - 1 ? $0.element + "," : $0.element }
        let subject = message.subject.replacingOccurrences(of: "\r\n", with: " ")
            .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
        let headers = [
            fold("From", fromTokens),
            fold("To", toTokens),
            fold("Subject", encodedWords(subject, firstRoom: 76 - "Subject: ".count)),
            "Date: \(rfc5322(date))",
            "Message-ID: \(messageID)",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: base64",
        ]
        let text = message.body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "\n", with: "\r\n")
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + base64Lines(Data(text.utf8))
    }

    /// RFC 2047 encoded words (`=?UTF-8?B?…?=`): the first fits `firstRoom` characters, the others a folded line (75);
    /// no character is cut between two words.
    static func encodedWords(_ text: String, firstRoom: Int) -> [String] {
        func capacity(_ room: Int) -> Int { max(1, (room - "=?UTF-8?B??=".count) / 4) * 3 }
        var words: [String] = []
        var chunk: [UInt8] = []
        var limit = capacity(firstRoom)
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if !chunk.isEmpty, chunk.count + bytes.count > limit {
                words.append("=?UTF-8?B?\(Data(chunk).base64EncodedString())?=")
                chunk = []
                limit = capacity(75)
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append("=?UTF-8?B?\(Data(chunk).base64EncodedString())?=") }
        return words
    }

    /// `Name: token token…`, folded before a token that would take the line past 76 characters.
    static func fold(_ name: String, _ tokens: [String]) -> String {
        var lines: [String] = []
        var line = name + ":"
        for token in tokens {
            if line.count + 1 + token.count > 76, line != name + ":" {
                lines.append(line)
                line = ""
            }
            line += " " + token
        }
        lines.append(line)
        return lines.joined(separator: "\r\n")
    }

    /// `Tue, 24 Nov 2026 08:05:09 +0000` (RFC 5322, in UTC).
    static func rfc5322(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let parts = calendar.dateComponents([.weekday, .day, .month, .year, .hour, .minute, .second], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        let weekday = days[((parts.weekday ?? 1) - 1 + 7) % 7]
        let month = months[((parts.month ?? 1) - 1 + 12) % 12]
        return "\(weekday), \(parts.day ?? 1) \(month) \(parts.year ?? 1970) \(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) +0000"
    }

    /// Base64 in lines of 76 characters, each ending in CRLF.
    static func base64Lines(_ data: Data) -> String {
        let encoded = Array(data.base64EncodedString().utf8)
        return stride(from: 0, to: encoded.count, by: 76)
            .map { String(decoding: encoded[$0..<min($0 + 76, encoded.count)], as: UTF8.self) + "\r\n" }.joined()
    }

    /// A line that starts with "." gets a second one (RFC 5321 §4.5.2); the text must end in CRLF.
    static func dotStuffed(_ text: String) -> String {
        let stuffed = text.replacingOccurrences(of: "\r\n.", with: "\r\n..")
        return stuffed.hasPrefix(".") ? "." + stuffed : stuffed
    }

    /// A name fit for EHLO and Message-ID: letters, digits, dots and hyphens only.
    static func hostName(_ name: String) -> String {
        let kept = String(name.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "." || $0 == "-") })
        return kept.isEmpty ? "localhost" : kept
    }
}
