import Fluent
import Vapor
import CCHCDomain

/// 6 and 7 of `cchc bench run`: a `cchc serve` child on the same database, signed in through the login form like a
/// browser, loaded with `wrk` page by page (a report, a consolidation, the dashboard of the load jurisdiction) beside
/// `/health` (no session, no database: the ceiling); its resident memory idle, under that load, and after the root's
/// .xlsx export.
struct BenchServer {
    let app: Application
    let ds: BenchDataset
    /// The first port tried; the server child takes the first free one from it on.
    let firstPort: Int
    let seconds: Int
    let connections: Int

    /// Filled by `measure()` once a free port is found.
    private(set) var port = 0

    var base: String { "http://127.0.0.1:\(port)" }

    init(app: Application, ds: BenchDataset, firstPort: Int, seconds: Int, connections: Int) {
        self.app = app
        self.ds = ds
        self.firstPort = firstPort
        self.seconds = seconds
        self.connections = connections
    }

    /// The first port from `firstPort` on where nothing answers (another server there would be measured instead of ours).
    mutating func findFreePort() async throws {
        for candidate in firstPort..<(firstPort + 50) {
            port = candidate
            if (try? await get(SiteURL.health.path, cookie: nil)) == nil { return }
        }
        throw CCHCError(.conflict, "Không tìm được cổng trống từ \(firstPort) đến \(firstPort + 49) cho máy chủ con (--port).")
    }

    mutating func measure() async throws -> [BenchMeasurement] {
        try await findFreePort()
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-bench-serve-\(port).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BenchProcess.selfPath)
        process.arguments = ["serve", "--hostname", "127.0.0.1", "--port", String(port), "--log", "warning"]
        var env = ProcessInfo.processInfo.environment
        env["CCHC_DEMO"] = "off"
        env["CCHC_AUTO_MIGRATE"] = "false"
        process.environment = env
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        defer {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            try? handle.close()
        }
        guard try await ready(process) else {
            return [BenchMeasurement("serve", ds, note: "Máy chủ con đã dừng hoặc không trả lời sau 60 giây (xem \(log.path)).")]
        }
        let pid = process.processIdentifier
        let officer = try await signIn(ds.loadOfficer.username)
        var out: [BenchMeasurement] = []
        let pages = try await self.pages()
        for (_, path) in pages { _ = try? await get(path, cookie: officer) }
        var idle = BenchMeasurement("memory.idle", ds, note: "VmRSS của máy chủ sau khi khởi động và mở mỗi trang một lần")
        idle.kb = BenchProcess.memory(pid)
        out.append(idle)
        guard let wrk = BenchProcess.which("wrk") else {
            out.append(BenchMeasurement("load", ds, note: "Chưa cài wrk (apt-get install wrk): bỏ qua đo tải."))
            out.append(try await afterExport(pid))
            return out
        }
        let health = try await get("/health", cookie: nil)
        var ceiling: Double?
        var peak = 0
        if health.status == .ok {
            let (m, top) = try await load("load.health", "/health", cookie: nil, wrk: wrk, pid: pid, ceiling: nil)
            ceiling = m.rps
            peak = Swift.max(peak, top)
            out.append(m)
        } else {
            out.append(BenchMeasurement("load.health", ds, note: "Chưa có /health (HTTP \(health.status.code)): không có trần để so."))
        }
        for (name, path) in pages {
            let (m, top) = try await load("load.\(name)", path, cookie: officer, wrk: wrk, pid: pid, ceiling: ceiling)
            peak = Swift.max(peak, top)
            out.append(m)
        }
        var loaded = BenchMeasurement("memory.load", ds, note: "VmRSS lớn nhất trong khi đo tải")
        loaded.kb = peak
        out.append(loaded)
        out.append(try await afterExport(pid))
        return out
    }

    /// The pages loaded: a commune's annual report, the load jurisdiction's consolidation of the year, its dashboard.
    func pages() async throws -> [(String, String)] {
        let period = try await ds.period(.year, for: ds.saveUnit, on: app.db)
        let loadID = try ds.load.requireID()
        return [
            ("report", SiteURL.Reports.report(.value(try ds.saveUnit.requireID()), .value(try period.requireID())).path),
            ("consolidation", SiteURL.Consolidated.figures(.value(loadID), .value(ds.year), .value(.year)).path),
            ("dashboard", SiteURL.Duties.dashboard(.value(loadID)).relativeURL(parameters: [QueryParameter("year", ds.year)])),
        ]
    }

    /// The root's .xlsx through the server, signed in as the root's standing officer; the memory two seconds later.
    func afterExport(_ pid: Int32) async throws -> BenchMeasurement {
        let cookie = try await signIn(ds.topOfficer.username)
        let path = SiteURL.Consolidated.exportXLSX(.value(try ds.root.requireID()), .value(ds.year), .value(.year)).path
        let response = try await get(path, cookie: cookie)
        try await Task.sleep(nanoseconds: 2_000_000_000)
        var m = BenchMeasurement("memory.after-export", ds,
                                 note: "VmRSS 2 giây sau khi tải \(path) (HTTP \(response.status.code), "
                                     + "\(response.body?.readableBytes ?? 0) byte)")
        m.kb = BenchProcess.memory(pid)
        return m
    }

    func ready(_ process: Process) async throws -> Bool {
        for _ in 0..<120 {
            guard process.isRunning else { return false }
            if let r = try? await get(SiteURL.login.path, cookie: nil), r.status == .ok { return true }
            try await Task.sleep(nanoseconds: 500_000_000)
        }
        return false
    }

    func get(_ path: String, cookie: String?) async throws -> ClientResponse {
        var headers = HTTPHeaders()
        if let cookie { headers.add(name: .cookie, value: cookie) }
        return try await app.client.get(URI(string: base + path), headers: headers)
    }

    /// Signs in through the login form as a browser does (its CSRF cookie and field); the session cookie. Tried three times.
    func signIn(_ username: String) async throws -> String {
        var failure = ""
        for _ in 0..<3 {
            let page = try await get(SiteURL.login.path, cookie: nil)
            let html = page.body.map { String(buffer: $0) } ?? ""
            guard let range = html.range(of: "name=\"\(CSRF.field)\" value=\"") else {
                throw CCHCError(.internalServerError, "Trang đăng nhập của máy chủ con không có mã CSRF.")
            }
            let token = String(html[range.upperBound...].prefix { $0 != "\"" })
            let cookies = page.headers[.setCookie].compactMap { $0.split(separator: ";").first.map(String.init) }.joined(separator: "; ")
            var headers = HTTPHeaders()
            headers.add(name: .cookie, value: cookies)
            headers.add(name: .origin, value: base)
            headers.add(name: .contentType, value: "application/x-www-form-urlencoded")
            let pairs = [("username", username), ("password", BenchGenerator.password), (CSRF.field, token), ("next", "/")]
            let body = pairs.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
            headers.add(name: .contentLength, value: String(body.utf8.count))
            let response = try await app.client.send(.POST, headers: headers, to: URI(string: base + SiteURL.login.path)) { req in
                req.body = ByteBuffer(string: body)
            }
            if let session = response.headers[.setCookie].first(where: { $0.hasPrefix("cchc-session=") })?.split(separator: ";").first {
                return String(session)
            }
            let text = response.body.map { String(buffer: $0) } ?? ""
            let said = text.range(of: "role=\"alert\">").map { String(text[$0.upperBound...].prefix { $0 != "<" }) } ?? ""
            failure = "(HTTP \(response.status.code)) \(said)"
            try await Task.sleep(nanoseconds: 500_000_000)
        }
        throw CCHCError(.unauthorized, "Không đăng nhập được vào máy chủ con với tài khoản \(username) \(failure)")
    }

    static func encode(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? s
    }

    /// One `wrk` run; the resident memory sampled every half second while it runs.
    func load(_ name: String, _ path: String, cookie: String?, wrk: String, pid: Int32, ceiling: Double?) async throws -> (BenchMeasurement, Int) {
        var args = ["-t2", "-c\(connections)", "-d\(seconds)s", "--timeout", "60s", "--latency"]
        if let cookie { args += ["-H", "Cookie: \(cookie)"] }
        args.append(base + path)
        let sampler = Task { () -> Int in
            var top = 0
            while !Task.isCancelled {
                top = Swift.max(top, BenchProcess.memory(pid) ?? 0)
                try? await Task.sleep(nanoseconds: 500_000_000)
            }
            return top
        }
        let result = try await BenchProcess.run(wrk, args, mergeErrors: true)
        sampler.cancel()
        let top = await sampler.value
        var m = BenchMeasurement(name, ds, note: path)
        let parsed = Self.parseWrk(result.output)
        guard result.status == 0, let rps = parsed.rps else {
            m.note = "\(path): wrk không chạy được (mã \(result.status))"
            return (m, top)
        }
        guard let requests = parsed.requests, requests > 0 else {
            m.rps = 0
            m.note = "\(path): không có yêu cầu nào xong trong \(seconds) giây"
            return (m, top)
        }
        m.rps = BenchMeasurement.round(rps)
        m.p50_ms = parsed.p50.map(BenchMeasurement.round)
        m.p99_ms = parsed.p99.map(BenchMeasurement.round)
        m.ms = m.p50_ms
        m.runs = requests
        if let ceiling, ceiling > 0 {
            m.floor_rps = BenchMeasurement.round(ceiling)
            m.ratio = BenchMeasurement.ratio(rps / ceiling)
        }
        if parsed.errors > 0 { m.note = "\(path): \(parsed.errors) phản hồi lỗi (không phải 2xx/3xx)" }
        return (m, top)
    }

    /// Requests/sec, the 50 % and 99 % latencies in milliseconds, the request count and the non-2xx/3xx responses of wrk's report.
    static func parseWrk(_ text: String) -> (rps: Double?, p50: Double?, p99: Double?, requests: Int?, errors: Int) {
        var rps: Double?, p50: Double?, p99: Double?, requests: Int?, errors = 0
        func duration(_ s: Substring) -> Double? {
            for (suffix, factor) in [("us", 0.001), ("ms", 1.0), ("s", 1000.0), ("m", 60_000.0)] where s.hasSuffix(suffix) {
                return Double(s.dropLast(suffix.count)).map { $0 * factor }
            }
            return nil
        }
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            guard let first = words.first else { continue }
            if first == "Requests/sec:", words.count > 1 { rps = Double(words[1]) }
            if first == "50%", words.count > 1 { p50 = duration(words[1]) }
            if first == "99%", words.count > 1 { p99 = duration(words[1]) }
            if words.count > 3, words[1] == "requests", words[2] == "in" { requests = Int(first) }
            if line.contains("Non-2xx or 3xx responses:"), let n = words.last.flatMap({ Int($0) }) { errors += n }
            if first == "Socket", let n = words.last.flatMap({ Int($0) }) { errors += n }
        }
        return (rps, p50, p99, requests, errors)
    }
}
