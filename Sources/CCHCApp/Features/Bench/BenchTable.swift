import Foundation
import CCHCDomain

/// One measurement of `cchc bench run`, printed as one JSON line: the median of `runs` timed runs (after one warm-up),
/// beside its floor (what the same work costs done bare) and their ratio; load tests add throughput and latency
/// percentiles, memory measurements kilobytes. Absent fields are left out of the line.
struct BenchMeasurement: Codable, Sendable, Equatable {
    var bench: String
    var db: String
    var scale: String
    var ms: Double?
    var runs: Int = 0
    var floor_ms: Double?
    var ratio: Double?
    var rps: Double?
    var p50_ms: Double?
    var p99_ms: Double?
    var floor_rps: Double?
    var kb: Int?
    var floor_kb: Int?
    /// Why a measurement was skipped, or what it measured exactly.
    var note: String?

    init(_ bench: String, _ ds: BenchDataset, ms: Double? = nil, runs: Int = 0, floor: Double? = nil, note: String? = nil) {
        self.bench = bench
        self.db = ds.database
        self.scale = ds.scale
        self.ms = ms.map(Self.round)
        self.runs = runs
        self.floor_ms = floor.map(Self.round)
        if let ms, let floor, floor > 0 { ratio = Self.ratio(ms / floor) }
        self.note = note
    }

    static func round(_ x: Double) -> Double { (x * 100).rounded() / 100 }

    /// A ratio to three significant digits at least (0.00412, 0.88, 412).
    static func ratio(_ x: Double) -> Double { x >= 1 ? round(x) : (x * 100_000).rounded() / 100_000 }

    var jsonLine: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(self), as: UTF8.self)) ?? "{}"
    }
}

/// Timing and the readable table.
enum BenchTable {
    /// Runs `body` once to warm up, then `runs` times; the median in milliseconds.
    static func median(runs: Int, _ body: () async throws -> Void) async throws -> Double {
        try await body()
        var times: [Double] = []
        for _ in 0..<Swift.max(1, runs) {
            times.append(try await milliseconds(body))
        }
        times.sort()
        let n = times.count
        return n % 2 == 1 ? times[n / 2] : (times[n / 2 - 1] + times[n / 2]) / 2
    }

    static func milliseconds(_ body: () async throws -> Void) async throws -> Double {
        let start = ContinuousClock.now
        try await body()
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }

    /// "12,3 giây", "850 ms".
    static func seconds(_ s: Double) -> String {
        s < 1 ? "\(NumberFormat.vietnamese((s * 1000).rounded())) ms" : "\(NumberFormat.vietnamese(s, maxFractionDigits: 1)) giây"
    }

    static func number(_ x: Double?, digits: Int = 1) -> String {
        x.map { NumberFormat.vietnamese($0, maxFractionDigits: digits) } ?? "—"
    }

    /// The measurements as a table for people: Vietnamese headers, decimal commas.
    static func render(_ rows: [BenchMeasurement]) -> String {
        let head = ["Phép đo", "CSDL", "Quy mô", "Trung vị (ms)", "Sàn (ms)", "Tỷ lệ", "Yêu cầu/giây", "p50 / p99 (ms)", "Bộ nhớ (MB)", "Ghi chú"]
        var lines: [[String]] = [head]
        for m in rows {
            let latency = m.p50_ms.map { number($0) + " / " + number(m.p99_ms) } ?? ""
            let rps = m.rps.map { number($0) + (m.floor_rps.map { " (trần " + number($0) + ")" } ?? "") } ?? ""
            let memory = m.kb.map { number(Double($0) / 1024) + (m.floor_kb.map { " (sàn " + number(Double($0) / 1024) + ")" } ?? "") } ?? ""
            lines.append([m.bench, m.db, m.scale, m.ms.map { number($0) } ?? "", m.floor_ms.map { number($0) } ?? "",
                          m.ratio.map { number($0, digits: $0 < 0.1 ? 5 : 2) } ?? "", rps, latency, memory, m.note ?? ""])
        }
        let widths = head.indices.map { c in lines.map { $0[c].count }.max() ?? 0 }
        return lines.enumerated().map { n, row in
            let text = row.enumerated().map { c, cell in cell.padding(toLength: widths[c], withPad: " ", startingAt: 0) }
                .joined(separator: " │ ").trimmingCharacters(in: .whitespaces)
            return n == 0 ? text + "\n" + widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─") : text
        }.joined(separator: "\n")
    }
}
