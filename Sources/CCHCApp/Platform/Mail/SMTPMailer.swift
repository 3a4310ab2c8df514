import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A dependency-free SMTP client: one blocking conversation per message over plain TCP, with time limits.
struct SMTPMailer: Sendable {
    let settings: MailSettings
    /// The time limit for connecting and for each read or write.
    var timeout: TimeInterval = 10

    init(settings: MailSettings, timeout: TimeInterval = 10) {
        self.settings = settings
        self.timeout = timeout
    }

    /// Sends `message`; `date` goes into the Date header (pass the app's clock). Blocks: from async code use `sendAsync`.
    func send(_ message: MailMessage, date: Date = Date()) throws {
        guard !settings.startTLS else {
            throw MailError.settings("chưa hỗ trợ STARTTLS — hãy dùng máy chủ chuyển tiếp nội bộ không mã hoá hoặc tắt STARTTLS.")
        }
        guard let sender = MailAddress(parsing: settings.from) else {
            throw MailError.settings("SMTP_FROM=\(settings.from): không phải địa chỉ thư hợp lệ.")
        }
        guard !message.to.isEmpty else { throw MailError.invalidAddress("") }
        let recipients = try message.to.map { text in
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard MailAddress.isValid(trimmed) else { throw MailError.invalidAddress(text) }
            return trimmed
        }
        let messageID = "<\(UUID().uuidString.lowercased())@\(MailComposer.hostName(sender.domain))>"
        let data = MailComposer.data(message, from: sender, to: recipients, date: date, messageID: messageID)
        let connection = try SMTPConnection(host: settings.host, port: settings.port, timeout: timeout)
        defer { connection.close() }
        do {
            try converse(connection, sender: sender.address, recipients: recipients, data: data)
        } catch let error as MailError {
            if case .refused = error { _ = try? connection.command("QUIT", step: "QUIT") }
            throw error
        }
    }

    /// `send` on a Dispatch thread, so the blocking socket never holds a thread of the cooperative pool.
    func sendAsync(_ message: MailMessage, date: Date = Date()) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            DispatchQueue.global(qos: .utility).async {
                do {
                    try send(message, date: date)
                    continuation.resume()
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    private func converse(_ connection: SMTPConnection, sender: String, recipients: [String], data: String) throws {
        try connection.reply(step: "chào").expect([220], step: "chào")
        let me = MailComposer.hostName(Self.localHostName())
        if try connection.command("EHLO \(me)", step: "EHLO").code != 250 {
            try connection.command("HELO \(me)", step: "HELO").expect([250], step: "HELO")
        }
        if let username = settings.username {
            let token = Data("\u{0}\(username)\u{0}\(settings.password ?? "")".utf8).base64EncodedString()
            try connection.command("AUTH PLAIN \(token)", step: "AUTH").expect([235], step: "AUTH")
        }
        try connection.command("MAIL FROM:<\(sender)>", step: "MAIL FROM").expect([250], step: "MAIL FROM")
        for recipient in recipients {
            try connection.command("RCPT TO:<\(recipient)>", step: "RCPT TO").expect([250, 251], step: "RCPT TO")
        }
        try connection.command("DATA", step: "DATA").expect([354], step: "DATA")
        try connection.write(MailComposer.dotStuffed(data) + ".\r\n", step: "DATA")
        try connection.reply(step: "DATA").expect([250], step: "DATA")
        // The message is accepted: a failed goodbye changes nothing.
        _ = try? connection.command("QUIT", step: "QUIT")
    }

    private static func localHostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// A server's answer: the code, and the text of every line.
struct SMTPReply: Sendable, CustomStringConvertible {
    var code: Int
    var lines: [String]
    var description: String { "\(code) " + lines.map { String($0.dropFirst(4)) }.joined(separator: " ") }

    @discardableResult
    func expect(_ codes: Set<Int>, step: String) throws -> SMTPReply {
        guard codes.contains(code) else { throw MailError.refused(step: step, reply: description) }
        return self
    }
}

/// One TCP connection to an SMTP server (IPv4), blocking, with SO_RCVTIMEO/SO_SNDTIMEO time limits.
final class SMTPConnection {
    private var socket: Int32
    private var buffer: [UInt8] = []
    let endpoint: String

    init(host: String, port: Int, timeout: TimeInterval) throws {
        endpoint = "\(host):\(port)"
        socket = try Self.open(host: host, port: port, timeout: timeout, endpoint: endpoint)
    }

    deinit { close() }

    func close() {
        guard socket >= 0 else { return }
        #if canImport(Glibc)
        _ = Glibc.close(socket)
        #else
        _ = Darwin.close(socket)
        #endif
        socket = -1
    }

    /// Writes `line` and CRLF, then reads the reply.
    func command(_ line: String, step: String) throws -> SMTPReply {
        try write(line + "\r\n", step: step)
        return try reply(step: step)
    }

    /// Reads one reply, all of its `250-…` lines up to the last `250 …`.
    func reply(step: String) throws -> SMTPReply {
        var lines: [String] = []
        while true {
            let line = try readLine(step: step)
            lines.append(line)
            guard line.count >= 3, let code = Int(line.prefix(3)), (200...599).contains(code) else {
                throw MailError.refused(step: step, reply: "trả lời không đúng giao thức SMTP: \(line.prefix(200))")
            }
            let separator = line.dropFirst(3).first
            if separator == nil || separator == " " { return SMTPReply(code: code, lines: lines) }
            guard separator == "-", lines.count < 1_000 else {
                throw MailError.refused(step: step, reply: "trả lời không đúng giao thức SMTP: \(line.prefix(200))")
            }
        }
    }

    func write(_ text: String, step: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { raw in Self.systemSend(socket, raw.baseAddress, raw.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw MailError.unreachable("\(endpoint): \(Self.explain(errno)) ở bước \(step)")
            }
            sent += count
        }
    }

    private func readLine(step: String) throws -> String {
        while true {
            if let newline = buffer.firstIndex(of: 10) {
                var line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                if line.last == 13 { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            guard buffer.count < 65_536 else { throw MailError.refused(step: step, reply: "dòng trả lời quá dài") }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count == 0 { throw MailError.unreachable("\(endpoint): máy chủ đóng kết nối ở bước \(step)") }
            if count < 0 {
                if errno == EINTR { continue }
                throw MailError.unreachable("\(endpoint): \(Self.explain(errno)) ở bước \(step)")
            }
            buffer += chunk[..<count]
        }
    }

    private static func open(host: String, port: Int, timeout: TimeInterval, endpoint: String) throws -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_INET
        hints.ai_socktype = streamType
        hints.ai_protocol = Int32(IPPROTO_TCP)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw MailError.unreachable("\(endpoint): không tìm thấy máy chủ (\(String(cString: gai_strerror(status))))")
        }
        defer { freeaddrinfo(first) }
        var failure: Int32 = 0
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let info = cursor {
            cursor = info.pointee.ai_next
            let candidate = Self.systemSocket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            guard candidate >= 0 else { failure = errno; continue }
            var limit = timeval(tv_sec: Int(timeout), tv_usec: .init(timeout.truncatingRemainder(dividingBy: 1) * 1_000_000))
            setsockopt(candidate, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
            setsockopt(candidate, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
            #if canImport(Darwin)
            var one: Int32 = 1
            setsockopt(candidate, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
            #endif
            if connect(candidate, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 { return candidate }
            failure = errno
            #if canImport(Glibc)
            _ = Glibc.close(candidate)
            #else
            _ = Darwin.close(candidate)
            #endif
        }
        throw MailError.unreachable("\(endpoint): \(explain(failure))")
    }

    /// The system's reason, in Vietnamese first.
    static func explain(_ code: Int32) -> String {
        let reason: String
        switch code {
        case ECONNREFUSED: reason = "máy chủ từ chối kết nối"
        case ETIMEDOUT, EAGAIN, EWOULDBLOCK, EINPROGRESS: reason = "hết thời gian chờ"
        case EHOSTUNREACH, ENETUNREACH: reason = "không có đường tới máy chủ"
        case ECONNRESET, EPIPE: reason = "kết nối bị ngắt"
        default: reason = "lỗi mạng"
        }
        return "\(reason) (\(String(cString: strerror(code))))"
    }

    #if canImport(Glibc)
    private static let streamType = Int32(SOCK_STREAM.rawValue)
    private static func systemSocket(_ family: Int32, _ type: Int32, _ proto: Int32) -> Int32 { Glibc.socket(family, type, proto) }
    private static func systemSend(_ socket: Int32, _ base: UnsafeRawPointer?, _ count: Int) -> Int {
        Glibc.send(socket, base, count, Int32(MSG_NOSIGNAL))
    }
    #else
    private static let streamType = SOCK_STREAM
    private static func systemSocket(_ family: Int32, _ type: Int32, _ proto: Int32) -> Int32 { Darwin.socket(family, type, proto) }
    private static func systemSend(_ socket: Int32, _ base: UnsafeRawPointer?, _ count: Int) -> Int { Darwin.send(socket, base, count, 0) }
    #endif
}
