import Fluent
import Vapor
import CCHCDomain

/// What the inspections page and the API show for a unit and a year: the plan that covers it, the self-inspection reports
/// (all of them, to the team; the unit's own, to a unit), the visits with their pre-visit deadline, and the findings.
struct InspectionView: Content {
    struct SelfRow: Content {
        var round: Int
        var roundLabel: String
        var unitID: Int
        var unitName: String
        var lastDay: Day?
        var sentAt: Date?
        /// "Đúng hạn", "Nộp muộn 2 ngày", "Chưa nộp", "Quá hạn, chưa nộp".
        var status: String
        var late: Bool
        var answers: [String: String]
        var narrative: String?
    }

    struct VisitRow: Content {
        var id: Int
        var unitID: Int
        var unitName: String
        var round: Int?
        var date: Day
        var unannounced: Bool
        var origin: String?
        var complaintSummary: String?
        var complaintRef: String?
        var complaintOn: Day?
        var team: InspectionTeam
        var moves: [VisitMove]
        var preReportDue: Day?
        var preReportAt: Date?
        var preReportStatus: String
        var concludedOn: Day?
        var conclusionNumber: String?
        var findings: Int
        var open: Int
        var url: String
    }

    struct ScopeUnit: Content {
        var id: Int
        var name: String
    }

    struct FindingRow: Content {
        var id: Int
        var visitID: Int
        var unitID: Int
        var unitName: String
        var area: String
        var areaTitle: String
        var description: String
        var severity: String
        var responsible: String
        var person: String?
        var foundOn: Day
        var due: Day
        var status: FindingStatus
        var state: FindingState
        var fixedOn: Day?
        var remediation: String?
        var verifiedOn: Day?
        var revision: Int
    }

    /// The same plan in the planning capability: its sign-off, register number and task tracking.
    struct SignOff: Content {
        var state: ReportState
        var stateLabel: String
        var number: String?
        var date: Day?
        var tasks: Int
        var url: String
    }

    var unitID: Int
    var unitName: String
    var year: Int
    var planID: Int?
    var signOff: SignOff?
    var planRevision: Int?
    var planOwner: String?
    var plan: InspectionPlanDocument?
    /// The account is on the team (the standing agency of the plan's jurisdiction).
    var team: Bool
    /// This unit issues the plan (its page shows the whole jurisdiction).
    var ownsPlan: Bool
    /// The units the plan covers (id and name), in Vietnamese order.
    var scope: [ScopeUnit]
    var selfReports: [SelfRow]
    var visits: [VisitRow]
    var findings: [FindingRow]

    static func load(unit: Unit, year: Int, actor: Actor, today: Day, now: Date, on db: any Database) async throws -> InspectionView {
        let unitID = try unit.requireID()
        guard let plan = try await InspectionQueries.plan(covering: unit, year: year, on: db) else {
            return InspectionView(unitID: unitID, unitName: unit.name, year: year, planID: nil, signOff: nil, planRevision: nil, planOwner: nil, plan: nil,
                                  team: false, ownsPlan: false, scope: [], selfReports: [], visits: [], findings: [])
        }
        let doc = try plan.document()
        let owns = plan.$unit.id == unitID
        let team = UnitPath(plan.unitPath).map { actor.scope.canManage($0) } ?? false
        let scope = try await InspectionQueries.scope(of: plan, doc, on: db)
        let subjects = owns ? scope : scope.filter { $0.id == unitID }
        let reports = try await InspectionSelfReportRecord.query(on: db).filter(\.$plan.$id == (try plan.requireID())).all()
        var selfRows: [SelfRow] = []
        for r in doc.rounds {
            for u in subjects {
                let rep = reports.first { $0.round == r.number && $0.$unit.id == u.id }
                let last = r.selfLastDay
                let sent = rep?.sentAt
                let status: String
                var late = false
                if let sent, let last {
                    let days = last.days(until: Day(sent))
                    late = days > 0
                    status = late ? "Nộp muộn \(days) ngày" : "Đúng hạn"
                } else if sent != nil {
                    status = "Đã nộp"
                } else if let last, now >= last.endInVietnam {
                    status = "Quá hạn \(last.days(until: today)) ngày, chưa nộp"
                    late = true
                } else {
                    status = rep == nil ? "Chưa nộp" : "Đang soạn"
                }
                selfRows.append(SelfRow(round: r.number, roundLabel: r.label, unitID: try u.requireID(), unitName: u.name, lastDay: last,
                                        sentAt: sent, status: status, late: late, answers: rep?.answers ?? [:], narrative: rep?.narrative))
            }
        }
        let visits = try await InspectionQueries.visits(of: plan, unitID: owns ? nil : unitID, on: db)
        let findings = try await InspectionQueries.findings(of: visits.compactMap(\.id), on: db)
        let visitRows: [VisitRow] = try visits.map { v in
            let due = InspectionRules.preVisitDue(visit: v.day, days: doc.preVisitDays, unannounced: v.unannounced)
            let preStatus: String
            if v.unannounced { preStatus = "Không yêu cầu (kiểm tra không báo trước)" }
            else if let at = v.preReportAt, let due { preStatus = InspectionRules.onTime(sent: at, lastDay: due) == true ? "Đúng hạn" : "Gửi muộn" }
            else if let due, now >= due.endInVietnam { preStatus = "Quá hạn, chưa gửi" }
            else { preStatus = "Chưa gửi" }
            let mine = findings.filter { $0.$visit.id == v.id }
            return VisitRow(id: try v.requireID(), unitID: v.$unit.id, unitName: v.unit.name, round: v.round, date: v.day, unannounced: v.unannounced,
                            origin: v.origin, complaintSummary: v.complaintSummary,
                            complaintRef: v.complaintRef, complaintOn: v.complaintOn.flatMap { Day(iso: $0) },
                            team: v.team, moves: v.history, preReportDue: due,
                            preReportAt: v.preReportAt, preReportStatus: preStatus, concludedOn: v.concludedDay, conclusionNumber: v.conclusionNumber,
                            findings: mine.count, open: mine.filter { $0.status != .verified }.count,
                            url: SiteURL.Inspections.visit(.value(v.$unit.id), .value(try v.requireID())).path)
        }
        let findingRows: [FindingRow] = try findings.map { f in
            let v = visits.first { $0.id == f.$visit.id }
            let area = ReformArea(rawValue: f.area)
            return FindingRow(id: try f.requireID(), visitID: f.$visit.id, unitID: v?.$unit.id ?? 0, unitName: v?.unit.name ?? "",
                              area: f.area, areaTitle: area?.title ?? f.area, description: f.description, severity: f.severity,
                              responsible: f.responsible, person: f.person, foundOn: Day(iso: f.foundOn) ?? f.dueDay, due: f.dueDay,
                              status: f.status, state: f.state(today: today), fixedOn: f.fixedOn.flatMap { Day(iso: $0) }, remediation: f.remediation,
                              verifiedOn: f.verifiedOn.flatMap { Day(iso: $0) }, revision: f.revision)
        }
        let owner = try await Unit.find(plan.$unit.id, on: db)
        var signOff: SignOff?
        if let record = try await PlanRecord.query(on: db).filter(\.$unit.$id == plan.$unit.id).filter(\.$year == year)
            .filter(\.$kind == PlanKind.inspection.rawValue).first() {
            let tasks = try await PlanTaskRecord.query(on: db).filter(\.$plan.$id == (try record.requireID())).count()
            signOff = SignOff(state: record.state, stateLabel: record.state.label, number: record.docNumber, date: record.issuedOn,
                              tasks: tasks, url: SiteURL.Plans.plan(.value(plan.$unit.id), .value(year), .value(.inspection)).path)
        }
        return InspectionView(unitID: unitID, unitName: unit.name, year: year, planID: plan.id, signOff: signOff, planRevision: plan.revision,
                              planOwner: owner?.name,
                              plan: doc, team: team, ownsPlan: owns,
                              scope: try scope.map { ScopeUnit(id: try $0.requireID(), name: $0.name) }, selfReports: selfRows,
                              visits: visitRows, findings: findingRows)
    }
}
