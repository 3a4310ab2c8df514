import Fluent
import Foundation
import SQLKit
import CCHCDomain

/// The generated reports: one per reporting unit and period of its regime, in the states the workflow leaves them —
/// about 2 % never sent, 1 % returned, 0,5 % still drafts, 0,5 % corrected after acceptance (version 2 sent, version 1
/// kept), 3 % of the rest sent late, the others accepted (70 %) or sent and waiting — each with its figures
/// (`BenchValues`) and one directing document (Phụ lục 3A). Written a few hundred rows a statement, one transaction
/// per 150 units.
struct BenchReports {
    struct Period: Sendable {
        let id: Int
        let kind: PeriodKind
        let from: Day
        let to: Day
        let deadline: Day
    }

    let values: BenchValues
    let formID: Int
    let year: Int
    /// The periods of each issuer's regime.
    let periods: [Int: [Period]]
    var nextID: Int
    /// The commune whose annual report stays a draft, for `cchc bench run` to save.
    let draftUnitID: Int?
    private(set) var reports = 0
    private(set) var valueCount = 0

    init(values: BenchValues, formID: Int, year: Int, periods: [Int: [Period]], nextID: Int, draftUnitID: Int?) {
        self.values = values
        self.formID = formID
        self.year = year
        self.periods = periods
        self.nextID = nextID
        self.draftUnitID = draftUnitID
    }

    static let reportColumns = ["id", "unit_id", "unit_path", "period_id", "form_id", "version", "is_current", "state", "first_submitted_at",
                                "submitted_at", "doc_number", "doc_date", "return_comment", "returned_at", "accepted_at", "narrative",
                                "created_at", "updated_at", "revision", "updated_by"]
    static let valueColumns = ["report_id", "indicator_code", "number", "numerator", "denominator", "source"]
    static let documentColumns = ["report_id", "position", "number_symbol", "issued_on", "summary", "issuer"]

    enum Story { case missing, returned, draft, corrected, sent(late: Bool, accepted: Bool) }

    static func story(_ r: inout DemoReporting.Seeded) -> Story {
        let roll = r.next(0...999)
        if roll < 20 { return .missing }
        if roll < 30 { return .returned }
        if roll < 35 { return .draft }
        if roll < 40 { return .corrected }
        return .sent(late: r.next(0...99) < 3, accepted: r.next(0...99) < 70)
    }

    /// Writes every report of `units`, `progress` told the running count after each transaction.
    mutating func write(_ units: [BenchUnit], on db: any Database, progress: (Int) -> Void) async throws {
        var start = 0
        while start < units.count {
            let batch = Array(units[start..<Swift.min(units.count, start + 150)])
            start += batch.count
            let before = self
            self = try await db.writeTransaction { tx in
                var w = before
                try await w.writeBatch(batch, on: try BenchSQL.sql(tx))
                return w
            }
            if units.count > 1_000 && (start / 150) % 20 == 0 { progress(reports) }
        }
    }

    private mutating func writeBatch(_ units: [BenchUnit], on sql: any SQLDatabase) async throws {
        var reportRows = BenchInsert(sql, "reports", Self.reportColumns)
        var valueRows = BenchInsert(sql, "report_values", Self.valueColumns)
        var documentRows = BenchInsert(sql, "report_documents", Self.documentColumns)
        for unit in units {
            guard let issuer = unit.issuerID, let regimePeriods = periods[issuer] else { continue }
            for period in regimePeriods {
                var r = DemoReporting.Seeded("\(unit.code)/\(period.kind.code)")
                var story = Self.story(&r)
                if unit.id == draftUnitID && period.kind == .year { story = .draft }
                if case .missing = story { continue }
                let figures = values.values(seed: "\(unit.code)/\(period.kind.code)/v", size: unit.size, period: period.kind, catalogue: issuer)
                let onTime = period.deadline.startInVietnam.addingTimeInterval(Double(-r.next(1...5)) * 86_400 + 15 * 3600)
                let sentAt = onTime.addingTimeInterval(Double(r.next(6...12)) * 86_400)
                var version = 1
                if case .corrected = story {
                    // Version 1 was accepted; the unit corrected it and sent version 2, which is counted now.
                    try await addReport(unit, period, version: 1, current: false, state: .accepted, first: onTime, sent: onTime, into: &reportRows)
                    try await addValues(figures, into: &valueRows, after: &reportRows)
                    version = 2
                }
                let id = nextID
                switch story {
                case .missing: continue
                case .returned:
                    try await addReport(unit, period, version: 1, current: true, state: .returned, first: onTime, sent: onTime, into: &reportRows)
                case .draft:
                    try await addReport(unit, period, version: 1, current: true, state: .draft, first: nil, sent: nil, into: &reportRows)
                case .corrected:
                    try await addReport(unit, period, version: 2, current: true, state: .submitted, first: onTime,
                                        sent: onTime.addingTimeInterval(20 * 86_400), into: &reportRows)
                case .sent(let late, let accepted):
                    let at = late ? sentAt : onTime
                    try await addReport(unit, period, version: version, current: true, state: accepted ? .accepted : .submitted, first: at, sent: at,
                                        into: &reportRows)
                }
                var current = figures
                if version == 2, let code = values.inputs.first(where: \.isFraction)?.code, let d = current[code]?.denominator {
                    current[code]?.denominator = d + 1
                }
                try await addValues(current, into: &valueRows, after: &reportRows)
                try await documentRows.add([id, 1, "\(r.next(1...40))/KH-UBND", period.from.adding(days: 40 + r.next(0...20)).iso,
                                            "Kế hoạch cải cách hành chính năm \(year)", "UBND \(DemoLoader.shortName(unit.name))"], after: &reportRows)
            }
        }
        try await reportRows.flush()
        try await valueRows.flush()
        try await documentRows.flush()
    }

    private mutating func addReport(_ unit: BenchUnit, _ period: Period, version: Int, current: Bool, state: ReportState, first: Date?, sent: Date?,
                                    into rows: inout BenchInsert) async throws {
        let id = nextID
        nextID += 1
        reports += 1
        let narrative: [String: String] = [
            "toChuc": "UBND \(DemoLoader.shortName(unit.name)) đã ban hành Kế hoạch CCHC năm \(year), phân công nhiệm vụ cho từng cơ quan, "
                + "công chức; tổ chức tuyên truyền CCHC trên hệ thống truyền thanh.",
            "ketQua2": "Bộ phận một cửa tiếp nhận và giải quyết hồ sơ TTHC đúng quy định; niêm yết công khai đầy đủ TTHC.",
            "khoKhan": "Cơ sở vật chất bộ phận một cửa còn thiếu; một số người dân chưa quen nộp hồ sơ trực tuyến.",
            "kienNghi": "Đề nghị cấp trên hỗ trợ trang thiết bị cho bộ phận một cửa.",
        ]
        let json = String(decoding: try JSONEncoder.sorted.encode(narrative), as: UTF8.self)
        let returned = state == .returned ? sent.map { $0.addingTimeInterval(86_400) } : nil
        let accepted = state == .accepted ? sent.map { $0.addingTimeInterval(2 * 86_400) } : nil
        let docNumber: String? = sent == nil ? nil : "\(10 + id % 90)/BC-UBND"
        let comment: String? = returned == nil ? nil : "Đề nghị rà soát số liệu mục 3.4.2 (tử số, mẫu số) và gửi lại báo cáo."
        let created = period.deadline.startInVietnam.addingTimeInterval(-8 * 86_400)
        try await rows.add([id, unit.id, unit.path, period.id, formID, version, current, state.rawValue, first, sent, docNumber,
                            sent.map { Day($0).iso }, comment, returned, accepted, json, created, accepted ?? returned ?? sent ?? created,
                            state == .draft ? 1 : 2, "hệ thống"])
    }

    private mutating func addValues(_ figures: [String: IndicatorValue], into rows: inout BenchInsert, after reports: inout BenchInsert) async throws {
        let id = nextID - 1
        for (code, v) in figures.sorted(by: { $0.key < $1.key }) {
            try await rows.add([id, code, v.number, v.numerator, v.denominator, "entered"], after: &reports)
            valueCount += 1
        }
    }
}
