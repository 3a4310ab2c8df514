import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A real SMTP server for tests, on 127.0.0.1 and a port the system picks: it speaks enough SMTP for a client
/// (greeting, EHLO/HELO, AUTH PLAIN, MAIL, RCPT, DATA with dot-unstuffing, RSET, NOOP, QUIT) and keeps every message,
/// so a test reads back what a real server would have received. Self-contained: it shares no code with the mailer.
final class SMTPSink: @unchecked Sendable {
    /// One message as it arrived: the envelope, the text after DATA (dot-unstuffed, lines ending in CRLF), and helpers
    /// that decode the Subject (RFC 2047) and the body (base64 or plain) back to text.
    struct Received: Sendable {
        var from: String
        var to: [String]
        var raw: String
        /// The user and password of AUTH PLAIN, when the client logged in.
        var authUser: String?
        var authPassword: String?
        /// The session's commands up to this message (EHLO, HELO, AUTH, MAIL, RCPT, DATA…), as the client sent them.
        var commands: [String]

        /// The header section, unfolded: name and value, in order.
        var headers: [(name: String, value: String)] {
            let head = raw.components(separatedBy: "\r\n\r\n").first ?? ""
            var fields: [(name: String, value: String)] = []
            for line in head.components(separatedBy: "\r\n") {
                if line.first == " " || line.first == "\t", let last = fields.popLast() {
                    fields.append((last.name, last.value + line))
                } else if let colon = line.firstIndex(of: ":") {
                    fields.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
                }
            }
            return fields
        }

        /// The first header of that name (any case), as it is on the wire (unfolded, still encoded).
        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }

        /// The Subject, RFC 2047 encoded words decoded ("" without one).
        var subject: String { header("Subject").map(Self.decodeWords) ?? "" }

        /// The body as text: base64 undone when the header says so, UTF-8, line ends back to "\n" ("" when unreadable).
        var text: String {
            guard let range = raw.range(of: "\r\n\r\n") else { return "" }
            let body = String(raw[range.upperBound...])
            let decoded: String?
            if header("Content-Transfer-Encoding")?.lowercased() == "base64" {
                decoded = Data(base64Encoded: body, options: .ignoreUnknownCharacters).flatMap { String(data: $0, encoding: .utf8) }
            } else {
                decoded = body
            }
            return decoded?.replacingOccurrences(of: "\r\n", with: "\n") ?? ""
        }

        /// Decodes `=?charset?B|Q?…?=` words (UTF-8 assumed); the whitespace between two adjacent words goes away.
        static func decodeWords(_ value: String) -> String {
            var output = ""
            var pending: [UInt8] = []
            var gap = ""
            var rest = Substring(value)
            func flush() {
                output += String(decoding: pending, as: UTF8.self) + gap
                pending = []
                gap = ""
            }
            while let first = rest.first {
                if let (bytes, length) = encodedWord(rest) {
                    pending += bytes
                    gap = ""
                    rest = rest.dropFirst(length)
                } else if !pending.isEmpty, first.isWhitespace {
                    gap.append(first)
                    rest = rest.dropFirst()
                } else {
                    flush()
                    output.append(first)
                    rest = rest.dropFirst()
                }
            }
            flush()
            return output
        }

        /// The bytes of the encoded word at the start of `text` and its length in characters, or nil.
        private static func encodedWord(_ text: Substring) -> ([UInt8], Int)? {
            guard text.hasPrefix("=?") else { return nil }
            let parts = text.dropFirst(2).split(separator: "?", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, let end = parts[2].range(of: "?=") else { return nil }
            let payload = String(parts[2][..<end.lowerBound])
            let length = 2 + parts[0].count + 1 + parts[1].count + 1 + payload.count + 2
            switch parts[1].uppercased() {
            case "B":
                return Data(base64Encoded: payload).map { (Array($0), length) }
            case "Q":
                var bytes: [UInt8] = []
                var index = payload.startIndex
                while index < payload.endIndex {
                    let character = payload[index]
                    if character == "=", let hexEnd = payload.index(index, offsetBy: 3, limitedBy: payload.endIndex),
                       let byte = UInt8(payload[payload.index(after: index)..<hexEnd], radix: 16) {
                        bytes.append(byte)
                        index = hexEnd
                        continue
                    }
                    bytes += character == "_" ? [32] : Array(String(character).utf8)
                    index = payload.index(after: index)
                }
                return (bytes, length)
            default:
                return nil
            }
        }
    }

    /// The port to give the client.
    let port: Int
    private let listener: Int32
    private let rejected: Set<String>
    private let ehlo: Bool
    private let condition = NSCondition()
    private var received: [Received] = []
    private var clients: Set<Int32> = []
    private var stopping = false
    private let finished = DispatchSemaphore(value: 0)

    /// Listens on 127.0.0.1 at once. `rejecting`: recipients answered `550` at RCPT; `ehlo: false` answers EHLO
    /// with `502`, as an old server would, so the client must fall back to HELO.
    init(rejecting: Set<String> = [], ehlo: Bool = true) throws {
        rejected = Set(rejecting.map { $0.lowercased() })
        self.ehlo = ehlo
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw SinkError("socket: \(errno)") }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(0).bigEndian
        address.sin_addr = in_addr(s_addr: inet_addr("127.0.0.1"))
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(fd, raw, length) == 0 && listen(fd, 16) == 0 && getsockname(fd, raw, &length) == 0
            }
        }
        guard bound else {
            _ = close(fd)
            throw SinkError("bind/listen: \(errno)")
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread { [self] in acceptLoop() }.start()
    }

    /// The accept thread holds the sink until `stop()`: call it (`defer { sink.stop() }`).
    deinit { stop() }

    /// What has arrived so far, in order.
    func messages() -> [Received] {
        condition.lock()
        defer { condition.unlock() }
        return received
    }

    /// Waits until `count` messages have arrived, or `timeout` has passed; returns what has arrived.
    func waitFor(count: Int, timeout: TimeInterval = 5) -> [Received] {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while received.count < count, condition.wait(until: deadline) {}
        return received
    }

    /// Stops listening and ends open sessions; the port is free when it returns. Safe to call twice.
    func stop() {
        condition.lock()
        let first = !stopping
        stopping = true
        for client in clients { _ = shutdown(client, Int32(SHUT_RDWR)) }
        condition.unlock()
        guard first else { return }
        _ = finished.wait(timeout: .now() + 5)
        _ = close(listener)
    }

    private var isStopping: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopping
    }

    private func acceptLoop() {
        defer { finished.signal() }
        while !isStopping {
            var watch = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&watch, 1, 100) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            var limit = timeval(tv_sec: 10, tv_usec: 0)
            setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
            setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
            #if canImport(Darwin)
            var one: Int32 = 1
            setsockopt(client, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
            #endif
            condition.lock()
            clients.insert(client)
            condition.unlock()
            Thread { [self] in
                var session = Session(socket: client)
                serve(&session)
                condition.lock()
                clients.remove(client)
                condition.unlock()
                _ = close(client)
            }.start()
        }
    }

    private func serve(_ session: inout Session) {
        var from: String?
        var to: [String] = []
        var user: String?
        var password: String?
        var commands: [String] = []
        session.write("220 cchc-sink ESMTP sẵn sàng")
        while let line = session.readLine() {
            commands.append(line)
            let verb = line.prefix { $0 != " " }.uppercased()
            let argument = line.dropFirst(verb.count).trimmingCharacters(in: .whitespaces)
            switch verb {
            case "EHLO" where ehlo:
                session.write("250-cchc-sink xin chào \(argument)\r\n250-AUTH PLAIN\r\n250-8BITMIME\r\n250 SIZE 10485760")
            case "HELO":
                session.write("250 cchc-sink xin chào \(argument)")
            case "AUTH" where argument.uppercased().hasPrefix("PLAIN"):
                var token = argument.dropFirst(5).trimmingCharacters(in: .whitespaces)
                if token.isEmpty {
                    session.write("334 ")
                    token = session.readLine() ?? ""
                }
                let parts = Data(base64Encoded: token).map { $0.split(separator: 0, omittingEmptySubsequences: false) } ?? []
                guard parts.count == 3 else { session.write("501 5.5.2 AUTH PLAIN sai dạng"); continue }
                user = String(decoding: parts[1], as: UTF8.self)
                password = String(decoding: parts[2], as: UTF8.self)
                session.write("235 2.7.0 Đăng nhập thành công")
            case "MAIL":
                from = Self.angle(argument)
                to = []
                session.write("250 2.1.0 Ok")
            case "RCPT":
                let recipient = Self.angle(argument)
                if from == nil {
                    session.write("503 5.5.1 Cần MAIL FROM trước")
                } else if rejected.contains(recipient.lowercased()) {
                    session.write("550-5.1.1 <\(recipient)>: không có hộp thư này\r\n550 5.1.1 Kiểm tra lại địa chỉ")
                } else {
                    to.append(recipient)
                    session.write("250 2.1.5 Ok")
                }
            case "DATA":
                guard let sender = from, !to.isEmpty else { session.write("503 5.5.1 Cần RCPT TO trước"); continue }
                session.write("354 Gửi nội dung, kết thúc bằng <CR><LF>.<CR><LF>")
                var lines: [String] = []
                while let dataLine = session.readLine(), dataLine != "." {
                    lines.append(dataLine.hasPrefix(".") ? String(dataLine.dropFirst()) : dataLine)
                }
                let message = Received(from: sender, to: to, raw: lines.map { $0 + "\r\n" }.joined(),
                                       authUser: user, authPassword: password, commands: commands)
                condition.lock()
                received.append(message)
                condition.broadcast()
                condition.unlock()
                from = nil
                to = []
                session.write("250 2.0.0 Ok: đã nhận")
            case "RSET":
                from = nil
                to = []
                session.write("250 2.0.0 Ok")
            case "NOOP":
                session.write("250 2.0.0 Ok")
            case "QUIT":
                session.write("221 2.0.0 Tạm biệt")
                return
            default:
                session.write("502 5.5.2 Lệnh không được hỗ trợ")
            }
        }
    }

    /// `FROM:<a@b> SIZE=10` → `a@b`.
    private static func angle(_ argument: String) -> String {
        guard let open = argument.firstIndex(of: "<"), let close = argument[open...].firstIndex(of: ">") else {
            return String(argument.split(separator: ":", maxSplits: 1).last ?? "").trimmingCharacters(in: .whitespaces)
        }
        return String(argument[argument.index(after: open)..<close])
    }

    /// One client connection: CRLF lines in, replies out.
    private struct Session {
        let socket: Int32
        var buffer: [UInt8] = []

        mutating func readLine() -> String? {
            while true {
                if let newline = buffer.firstIndex(of: 10) {
                    var line = Array(buffer[..<newline])
                    buffer.removeSubrange(...newline)
                    if line.last == 13 { line.removeLast() }
                    return String(decoding: line, as: UTF8.self)
                }
                var chunk = [UInt8](repeating: 0, count: 4096)
                let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return nil }
                buffer += chunk[..<count]
            }
        }

        func write(_ reply: String) {
            let bytes = Array((reply + "\r\n").utf8)
            var sent = 0
            while sent < bytes.count {
                #if canImport(Glibc)
                let count = bytes[sent...].withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                #else
                let count = bytes[sent...].withUnsafeBytes { send(socket, $0.baseAddress, $0.count, 0) }
                #endif
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return }
                sent += count
            }
        }
    }

    struct SinkError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
