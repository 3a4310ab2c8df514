import Fluent
import Foundation
import CCHCDomain

/// Each periodic report a unit owes under the regime it reports to (an office of the issuer by its own deadline where the
/// regime gives one); a supplementary report only once asked for. Sent decides on time; a returned report is owed again.
enum ReportDuties: DutySource {
    static func duties(_ scope: DutyScope, on db: any Database) async throws -> [Duty] {
        var out: [Duty] = []
        for unit in scope.units where !unit.isStandingAgency {
            let unitID = try unit.requireID()
            for year in scope.years {
                // Under its own regime a jurisdiction reports upward (the district to the province); the top of the tree does not.
                guard let regime = try await RegimeService.applicable(for: unit, year: year, on: db),
                      regime.$issuer.id != unitID || unit.$parent.id != nil else { continue }
                let periods = try await RegimeService.periods(of: regime, on: db)
                let ownDeadlines = unit.kind.isOffice && unit.$parent.id == regime.$issuer.id
                    ? Dictionary(try await RegimeService.officePeriods(of: regime, on: db).map { ($0.kind.code, $0.lastDay) },
                                 uniquingKeysWith: { a, _ in a })
                    : [:]
                let reports = try await Report.query(on: db).filter(\.$unit.$id == unitID).filter(\.$isCurrent == true)
                    .filter(\.$period.$id ~~ (try periods.map { try $0.requireID() })).all()
                for p in periods {
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
