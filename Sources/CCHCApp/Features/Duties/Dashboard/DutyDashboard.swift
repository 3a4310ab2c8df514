import Fluent
import Vapor
import CCHCDomain
import CCHCOffice

/// The standing agency's dashboard: the units below a jurisdiction × the kinds of duty of a year — on time, late, overdue,
/// returned — with totals per unit and per kind, each cell a link to the unit's duties, and the emulation ranking over all
/// kinds by `DutyTally.rule`.
struct DutyDashboard: Content {
    struct Row: Content {
        var unitID: Int
        var unitName: String
        /// `DutyKind.rawValue` → the unit's tally of that kind.
        var kinds: [String: DutyTally]
        var total: DutyTally
        var url: String
    }

    var jurisdictionID: Int
    var jurisdictionName: String
    var year: Int
    /// The kinds that occur, in `DutyKind` order.
    var kinds: [DutyKind]
    var rows: [Row]
    /// `DutyKind.rawValue` → all units' tally.
    var byKind: [String: DutyTally]
    var total: DutyTally
    var ranking: [DutyRanking.Entry]
    var rule: String
    /// With nothing due this year: the years the jurisdiction issued a reporting regime, to go to (newest first).
    var regimeYears: [Int] = []
    /// The jurisdiction issues a reporting regime for the units below it (a district, a province, the country).
    var issuesRegimes = false

    static func load(jurisdiction: Unit, year: Int, now: Date, on db: any Database) async throws -> DutyDashboard {
        let jurisdictionID = try jurisdiction.requireID()
        let units = try await UnitQueries.children(of: jurisdictionID, on: db).filter { !$0.isRetired && !$0.isStandingAgency }
            .sorted { ($0.kind.isOffice ? 1 : 0, VietnameseOrder.key($0.name)) < ($1.kind.isOffice ? 1 : 0, VietnameseOrder.key($1.name)) }
        let duties = try await DutyRegistry.duties(DutyScope(units: units, from: Day(year, 1, 1)!, through: Day(year, 12, 31)!, now: now), on: db)
        let byUnit = Dictionary(grouping: duties, by: \.unitID)
        var rows: [Row] = []
        var byKind: [String: DutyTally] = [:]
        for u in units {
            let id = try u.requireID()
            let mine = byUnit[id] ?? []
            var kinds: [String: DutyTally] = [:]
            for d in mine {
                kinds[d.kind.rawValue, default: DutyTally()].add(d, now: now)
                byKind[d.kind.rawValue, default: DutyTally()].add(d, now: now)
            }
            rows.append(Row(unitID: id, unitName: u.name, kinds: kinds, total: DutyTally(mine, now: now),
                            url: SiteURL.Duties.unit(.value(id)).relativeURL(parameters: [QueryParameter("year", year)])))
        }
        let total = rows.reduce(DutyTally()) { $0 + $1.total }
        return DutyDashboard(jurisdictionID: jurisdictionID, jurisdictionName: jurisdiction.name, year: year,
                             kinds: DutyKind.allCases.filter { byKind[$0.rawValue] != nil }, rows: rows, byKind: byKind, total: total,
                             ranking: DutyRanking.rank(rows.map { ($0.unitID, $0.unitName, $0.total) }), rule: DutyTally.rule,
                             regimeYears: total.total > 0 ? [] : try await RegimeService.issuedYears(by: jurisdiction, on: db),
                             issuesRegimes: jurisdiction.kind.receivesReports)
    }

    /// The dashboard as a workbook: the units × kinds sheet and the ranking.
    func xlsx() throws -> Data {
        var head: [XLSXCell] = [.bold("Đơn vị")]
        for k in kinds { head += [.bold("\(k.title): đúng hạn"), .bold("muộn"), .bold("quá hạn"), .bold("bị trả lại")] }
        head += [.bold("Tổng đã đến hạn"), .bold("Tỷ lệ (%)")]
        var rowsOut: [[XLSXCell]] = [[.bold("Theo dõi thực hiện nhiệm vụ có thời hạn năm \(year) — \(jurisdictionName)")], [], head]
        for r in rows {
            var line: [XLSXCell] = [.text(r.unitName)]
            for k in kinds {
                let t = r.kinds[k.rawValue] ?? DutyTally()
                line += [.integer(t.onTime), .integer(t.late), .integer(t.overdue), .integer(t.returned)]
            }
            line += [.integer(r.total.due), r.total.rate.map { .number(($0 * 100).rounded() / 100) } ?? .text("")]
            rowsOut.append(line)
        }
        let sheet = XLSXSheet(name: "Theo dõi", rows: rowsOut, columnWidths: [28] + Array(repeating: 9, count: kinds.count * 4 + 2), frozenRows: 3,
                              frozenColumns: 1)
        var ranked: [[XLSXCell]] = [[.bold("Xếp hạng thi đua năm \(year)")], [.text(rule)], [],
                                    ["Hạng", "Đơn vị", "Đúng hạn", "Muộn", "Quá hạn", "Tỷ lệ (%)"].map { .bold($0) }]
        for e in ranking {
            ranked.append([.text(String(format: "%02d", e.rank) + (e.tied ? " (đồng hạng)" : "")), .text(e.unitName), .integer(e.tally.onTime),
                           .integer(e.tally.late), .integer(e.tally.overdue), e.tally.rate.map { .number(($0 * 100).rounded() / 100) } ?? .text("")])
        }
        let second = XLSXSheet(name: "Xếp hạng", rows: ranked, columnWidths: [14, 30, 10, 10, 10, 10], frozenRows: 4)
        return try XLSXWorkbook(sheets: [sheet, second]).data()
    }
}
