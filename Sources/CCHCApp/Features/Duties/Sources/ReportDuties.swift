import Fluent
import Foundation
import CCHCDomain

/// Each periodic report a unit owes under the regime it reports to (an office of the issuer by its own deadline where the
/// regime gives one); a supplementary report only once asked for. Sent decides on time; a returned report is owed again.
///
/// A dashboard asks for every unit below a province at once: the regimes, their periods and the reports are read a few
/// queries for the whole scope (units under one parent share their regime), not a few queries a unit.
enum ReportDuties: DutySource {
    static func duties(_ scope: DutyScope, on db: any Database) async throws -> [Duty] {
        let units = scope.units.filter { !$0.isStandingAgency }
        guard !units.isEmpty else { return [] }
        // Every regime a unit of the scope may report under: issued by it or by one of its ancestors, for the years.
        let issuers = Set(units.flatMap { $0.unitPath.ids })
        let regimes = try await RegimeRecord.query(on: db).filter(\.$issuer.$id ~~ Array(issuers)).filter(\.$year ~~ Array(scope.years)).all()
        let regimeIDs = try regimes.map { try $0.requireID() }
        let periods = regimeIDs.isEmpty ? [] : try await PeriodRecord.query(on: db).filter(\.$regime.$id ~~ regimeIDs).all()
            .sorted { $0.periodKind < $1.periodKind }
        let periodsOf = Dictionary(grouping: periods, by: { $0.$regime.id })
        var officeDeadlines: [Int: [String: Day]] = [:]
        for regime in regimes where units.contains(where: { $0.kind.isOffice && $0.$parent.id == regime.$issuer.id }) {
            officeDeadlines[try regime.requireID()] = Dictionary(try await RegimeService.officePeriods(of: regime, on: db)
                .map { ($0.kind.code, $0.lastDay) }, uniquingKeysWith: { a, _ in a })
        }
        var reportsOf: [Int: [Report]] = [:]
        let ids = units.compactMap(\.id), periodIDs = periods.compactMap(\.id)
        for start in stride(from: 0, to: periodIDs.isEmpty ? 0 : ids.count, by: 500) {
            let chunk = Array(ids[start..<min(start + 500, ids.count)])
            for r in try await Report.query(on: db).filter(\.$unit.$id ~~ chunk).filter(\.$isCurrent == true)
                .filter(\.$period.$id ~~ periodIDs).all() {
                reportsOf[r.$unit.id, default: []].append(r)
            }
        }
        var out: [Duty] = []
        for unit in units {
            let unitID = try unit.requireID()
            for year in scope.years {
                // Under its own regime a jurisdiction reports upward (the district to the province); the top of the tree does not.
                guard let regime = RegimeService.applicable(among: regimes.filter { $0.year == year }, for: unit),
                      regime.$issuer.id != unitID || unit.$parent.id != nil, let regimeID = regime.id else { continue }
                let ownDeadlines = unit.kind.isOffice && unit.$parent.id == regime.$issuer.id ? officeDeadlines[regimeID] ?? [:] : [:]
                let reports = reportsOf[unitID] ?? []
                for p in periodsOf[regimeID] ?? [] {
                    let pid = try p.requireID()
                    let r = reports.first { $0.$period.id == pid }
                    if p.onRequest == true && r == nil { continue }
                    let last = ownDeadlines[p.kind] ?? p.lastDay
                    var done: Date? = r?.firstSubmittedAt
                    var note: String? = r.map { $0.state == .draft || $0.state == .awaitingLeader ? $0.state.label : nil } ?? nil
                    if let r, let returned = r.returnedAt {
                        // Returned: owed again until the leader sends it again; the resubmission decides.
                        done = r.submittedAt.flatMap { $0 >= returned ? $0 : nil }
                        if done == nil { note = "Bị trả lại" + (r.returnComment.map { ": \($0)" } ?? "") }
                    }
                    let kind: DutyKind = p.onRequest == true ? .supplementaryReport : .report
                    out.append(Duty(id: "report:\(unitID):\(pid)", kind: kind, unitID: unitID, unitName: unit.name,
                                    title: p.periodKind.title(year: year), dueDay: last, doneAt: done, note: note,
                                    url: SiteURL.Reports.report(.value(unitID), .value(pid)).path))
                }
            }
        }
        return out
    }
}
