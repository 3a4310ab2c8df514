import Fluent
import SQLKit
import Vapor
import CCHCDomain
import CCHCOffice

/// The standing agency's table: units × periods, each cell where the unit stands against the deadline.
struct TimelinessTable: Content {
    struct Period: Content { var id: Int; var kind: PeriodKind; var label: String; var deadline: String; var window: String }
    struct Cell: Content {
        var periodID: Int
        var status: String
        var label: String
        var state: String?
        var reportID: Int?
        var submittedAt: Date?
        var daysLate: Int?
    }
    struct Row: Content {
        var unitID: Int
        var unitName: String
        var unitKind: String
        var cells: [Cell]
        var lateOrMissing: Int
    }
    struct Total: Content { var periodID: Int; var counts: [String: Int] }

    var jurisdictionID: Int
    var jurisdictionName: String
    var year: Int
    var regimeIssuer: String
    var periods: [Period]
    var rows: [Row]
    var totals: [Total]
    /// The emulation summary: per unit, on time, late (days), missing, returned, ranked by `emulationRule`.
    var ranking: [Emulation.Standing]
    var emulationRule: String
}

enum TimelinessService {
    static let statusOrder = ["on_time", "late", "returned", "overdue", "due_soon", "not_due", "on_request"]
    static let statusLabels = ["on_time": "Đúng hạn", "late": "Nộp muộn", "returned": "Bị trả lại", "overdue": "Quá hạn chưa nộp",
                               "due_soon": "Sắp đến hạn", "not_due": "Chưa đến hạn", "on_request": "Khi được yêu cầu"]

    static func table(jurisdiction: Unit, year: Int, now: Date, sort: String?, on db: any Database) async throws -> TimelinessTable? {
        // The units that report to this jurisdiction: its subordinate units and its offices — never its
        // standing agency, which receives the reports and owes none to its own jurisdiction.
        let jurisdictionID = try jurisdiction.requireID()
        let units = try await Unit.query(on: db).filter(\.$parent.$id == jurisdictionID).filter(\.$retiredOn == nil)
            .filter(\.$isStandingAgency == false).all()
            .sorted { ($0.kind.isOffice ? 1 : 0, VietnameseOrder.key($0.name)) < ($1.kind.isOffice ? 1 : 0, VietnameseOrder.key($1.name)) }
        guard let probe = units.first(where: { !$0.kind.isOffice }) ?? units.first,
              let regime = try await RegimeService.applicable(for: probe, year: year, on: db) else { return nil }
        let periods = try await RegimeService.periods(of: regime, on: db)
        let periodIDs = try periods.map { try $0.requireID() }
        // The offices of the regime's issuer report by their own deadlines where the regime gives them (seed 000 §III).
        let officeDeadlines = Dictionary(try await RegimeService.officePeriods(of: regime, on: db).map { ($0.kind.code, $0.lastDay) },
                                         uniquingKeysWith: { a, _ in a })
        // Current versions of the reports of the units directly below, for these periods: one query (not every report
        // under the jurisdiction — at the national level that would be every commune's).
        let reports = try await Report.query(on: db)
            .filter(\.$period.$id ~~ periodIDs).filter(\.$isCurrent == true)
            .filter(\.$unit.$id ~~ (try units.map { try $0.requireID() }))
            .all()
        let byKey = Dictionary(reports.map { ("\($0.$unit.id)-\($0.$period.id)", $0) }, uniquingKeysWith: { a, _ in a })
        var rows: [TimelinessTable.Row] = []
        var totals: [Int: [String: Int]] = [:]
        /// unit → period → the domain's urgency (Timeliness.severity, most urgent first; then the longest delay).
        var urgency: [Int: [Int: (severity: Int, days: Int)]] = [:]
        var standings: [(id: Int, name: String, periods: [Timeliness])] = []
        for unit in units {
            let unitID = try unit.requireID()
            var cells: [TimelinessTable.Cell] = []
            var due: [Timeliness] = []
            var bad = 0
            for p in periods {
                let pid = try p.requireID()
                let r = byKey["\(unitID)-\(pid)"]
                let deadline = unit.kind.isOffice && unit.$parent.id == regime.$issuer.id ? officeDeadlines[p.kind] ?? p.lastDay : p.lastDay
                let t = Timeliness.of(r, deadline: deadline, now: now).onRequest(p.onRequest == true)
                var late: Int?
                switch t {
                case .late(let d), .overdue(let d): late = d; bad += 1
                case .resubmitted(let d) where d > 0: late = d; bad += 1
                case .returned(true): bad += 1
                default: break
                }
                cells.append(.init(periodID: pid, status: t.code, label: t.label, state: (t.code == "returned" ? ReportState.returned : r?.state)?.rawValue,
                                   reportID: r?.id,
                                   submittedAt: r?.firstSubmittedAt, daysLate: late))
                totals[pid, default: [:]][t.code, default: 0] += 1
                if now >= deadline.endInVietnam { due.append(t) }
                urgency[unitID, default: [:]][pid] = (t.severity, late ?? 0)
            }
            rows.append(.init(unitID: unitID, unitName: unit.name, unitKind: unit.kind.label, cells: cells, lateOrMissing: bad))
            standings.append((unitID, unit.name, due))
        }
        switch sort {
        case "late": rows.sort { ($0.lateOrMissing, $1.unitName) > ($1.lateOrMissing, $0.unitName) }
        case let s? where s.hasPrefix("p"):
            if let pid = Int(s.dropFirst()) {
                func key(_ r: TimelinessTable.Row) -> (Int, Int, String) {
                    let u = urgency[r.unitID]?[pid] ?? (Int.max, 0)
                    return (u.severity, -u.days, Folding.fold(r.unitName))
                }
                rows.sort { key($0) < key($1) }
            }
        default: break
        }
        let issuer = try await Unit.find(regime.$issuer.id, on: db)
        return TimelinessTable(
            jurisdictionID: jurisdictionID, jurisdictionName: jurisdiction.name, year: year, regimeIssuer: issuer?.name ?? "",
            periods: try periods.map {
                .init(id: try $0.requireID(), kind: $0.periodKind,
                      label: $0.periodKind.label,
                      deadline: ($0.domain.deadlineStrict == true ? "trước " : "") + $0.deadlineDay.vietnamese, window: $0.domain.windowText)
            },

            rows: rows,
            totals: try periods.map { .init(periodID: try $0.requireID(), counts: totals[try $0.requireID()] ?? [:]) },
            ranking: Emulation.rank(standings), emulationRule: Emulation.rule)
    }

    /// The emulation summary as a workbook: rank, unit, on time, late, days late, missing, returned.
    static func emulationXLSX(_ t: TimelinessTable) throws -> Data {
        var rows: [[XLSXCell]] = [
            [.bold("Tổng hợp chấp hành chế độ báo cáo CCHC năm \(t.year) — \(t.jurisdictionName)")],
            [.text(t.emulationRule)],
            [],
            ["Hạng", "Đơn vị", "Đúng hạn", "Nộp muộn", "Tổng số ngày muộn", "Quá hạn chưa nộp", "Bị trả lại, chờ nộp lại"].map { .bold($0) },
        ]
        for s in t.ranking {
            rows.append([.integer(s.rank), .text(s.unitName), .integer(s.onTime), .integer(s.late), .integer(s.daysLate),
                         .integer(s.missing), .integer(s.returned)])
        }
        return try XLSXWorkbook(sheets: [XLSXSheet(name: "Xếp hạng", rows: rows, columnWidths: [8, 40, 12, 12, 18, 18, 22], frozenRows: 4)]).data()
    }

    /// CSV for Excel (see `CSV`).
    static func csv(_ t: TimelinessTable) -> String {
        let q = CSV.text
        var rows = [[q("Đơn vị")] + t.periods.map { q("\($0.label) (hạn \($0.deadline))") } + [q("Số kỳ muộn/chưa nộp")]]
        for r in t.rows {
            rows.append([q(r.unitName)] + r.cells.map { q($0.label) } + [String(r.lateOrMissing)])
        }
        for status in statusOrder {
            rows.append([q("Tổng: " + (statusLabels[status] ?? status))] + t.totals.map { String($0.counts[status] ?? 0) } + [""])
        }
        return CSV.document(rows)
    }
}
