import Fluent
import Foundation
import CCHCDomain

/// What the system already knows for a unit's criteria (issue 11 §3: "Criteria the system can score, it scores, showing the
/// data it used"): a `deadline` criterion from the unit's own timeliness records (its plan for the year against the deadline
/// the plan above set; its reports against the regime's deadlines), an `indicator` criterion from its annual report.
struct ParSystemInput: Sendable, Equatable {
    var input: ParInput
    /// The data used, in Vietnamese: "Kế hoạch 12/KH-UBND ngày 25/01/2021, hạn 30/01/2021: đúng hạn".
    var basis: String
}

enum ParSystemInputs {
    static func load(_ framework: ParFramework, unit: Unit, year: Int, now: Date, on db: any Database) async throws -> [String: ParSystemInput] {
        var out: [String: ParSystemInput] = [:]
        var duties: [String: (ParDutyOutcome, String)?] = [:]
        var reports: ReportsOfYear?
        for c in framework.criteria {
            switch c.method {
            case .deadline(let d)?:
                var given: [String: ParDutyOutcome] = [:]
                var lines: [String] = []
                for duty in d.duties {
                    if duties[duty] == nil {
                        if reports == nil { reports = try await ReportsOfYear.load(unit: unit, year: year, on: db) }
                        duties[duty] = try await outcome(of: duty, unit: unit, year: year, reports: reports!, now: now, on: db)
                    }
                    guard let known = duties[duty] ?? nil else { continue }
                    given[duty] = known.0
                    lines.append(known.1)
                }
                // Scored only when every duty is known: a duty not yet due, or one the system does not keep, is the unit's to tell.
                if given.count == d.duties.count, !given.isEmpty {
                    out[c.code] = ParSystemInput(input: .duties(given), basis: lines.joined(separator: "; "))
                }
            case .indicator(let code, _)?:
                if reports == nil { reports = try await ReportsOfYear.load(unit: unit, year: year, on: db) }
                if let (value, basis) = try await indicator(code, reports: reports!, on: db) {
                    out[c.code] = ParSystemInput(input: .indicator(value), basis: basis)
                }
            default:
                continue
            }
        }
        return out
    }

    /// The unit's current reports of the year by period kind, with their deadlines.
    struct ReportsOfYear {
        var periods: [PeriodKind: (period: PeriodRecord, report: Report?)]

        static func load(unit: Unit, year: Int, on db: any Database) async throws -> ReportsOfYear {
            guard let regime = try await RegimeService.applicable(for: unit, year: year, on: db) else { return ReportsOfYear(periods: [:]) }
            let periods = try await RegimeService.periods(of: regime, on: db)
            let reports = try await Report.query(on: db).filter(\.$unit.$id == (try unit.requireID()))
                .filter(\.$period.$id ~~ (try periods.map { try $0.requireID() })).filter(\.$isCurrent == true).all()
            var out: [PeriodKind: (PeriodRecord, Report?)] = [:]
            for p in periods { out[p.periodKind] = (p, reports.first { $0.$period.id == p.id }) }
            return ReportsOfYear(periods: out)
        }
    }

    /// "plan" (the unit's CCHC plan for the year), "report:<period code>" ("report:Q1") or "remediation" (the findings of the
    /// year's inspections of the unit, fixed by their due day); nil: not known (yet).
    static func outcome(of duty: String, unit: Unit, year: Int, reports: ReportsOfYear, now: Date,
                        on db: any Database) async throws -> (ParDutyOutcome, String)? {
        if duty == "remediation" { return try await remediation(unit: unit, year: year, today: Day(now), on: db) }
        if duty == "plan" {
            guard let (due, setBy) = try await PlanQueries.deadline(for: unit, year: year, kind: .cchc, on: db) else { return nil }
            let plan = try await PlanQueries.plan(of: try unit.requireID(), year: year, kind: .cchc, on: db)
            let deadline = "hạn \(due.day.vietnamese) (\(setBy))"
            if let plan, let issued = plan.issuedOn {
                let onTime = issued <= due.day
                return (onTime ? .onTime : .late, "Kế hoạch \(plan.docNumber ?? "") ngày \(issued.vietnamese), \(deadline): "
                        + (onTime ? "đúng hạn" : "chậm hạn"))
            }
            guard now >= due.day.endInVietnam else { return nil }
            return (.missing, "Chưa ban hành kế hoạch CCHC năm \(year), \(deadline): không thực hiện")
        }
        guard duty.hasPrefix("report:"), let kind = PeriodKind(code: String(duty.dropFirst("report:".count))),
              let (period, report) = reports.periods[kind] else { return nil }
        let t = Timeliness.of(report, deadline: period.lastDay, now: now).onRequest(period.onRequest == true)
        guard let outcome = ParDutyOutcome(t) else { return nil }
        return (outcome, "Báo cáo \(kind.label.lowercasedFirst) năm \(year), hạn \(period.lastDay.vietnamese): \(t.label.lowercased())")
    }

    /// The figure of the unit's annual report for the indicator: a number, or a ratio as a percentage.
    static func indicator(_ code: String, reports: ReportsOfYear, on db: any Database) async throws -> (Double, String)? {
        guard let report = reports.periods[.year]?.report, report.state != .draft else { return nil }
        guard let value = try await ReportValue.query(on: db).filter(\.$report.$id == (try report.requireID()))
            .filter(\.$indicatorCode == code).first() else { return nil }
        let figure: Double
        if let n = value.number {
            figure = n
        } else if let num = value.numerator, let den = value.denominator, den > 0 {
            figure = num / den * 100
        } else {
            return nil
        }
        return (figure, "Chỉ tiêu \(code) trong báo cáo năm: \(NumberFormat.vietnamese(figure, maxFractionDigits: 2))")
    }

    /// Remediation of the inspections' findings at the unit in the year: any still open past its due day → not done; any fixed
    /// after it → late; otherwise on time. No finding (nothing to remedy): on time.
    static func remediation(unit: Unit, year: Int, today: Day, on db: any Database) async throws -> (ParDutyOutcome, String)? {
        let visits = try await InspectionVisitRecord.query(on: db).filter(\.$unit.$id == (try unit.requireID())).all()
        let findings = try await InspectionQueries.findings(of: visits.compactMap(\.id), on: db)
            .filter { Day(iso: $0.foundOn)?.year == year }
        let states = findings.map { $0.state(today: today) }
        let open = states.filter(\.isOverdue).count, late = states.filter { $0.lateDays > 0 }.count
        let outcome: ParDutyOutcome = open > 0 ? .missing : late > 0 ? .late : .onTime
        let basis = findings.isEmpty ? "Không có vấn đề phải khắc phục sau kiểm tra năm \(year)"
            : "Khắc phục sau kiểm tra năm \(year): \(findings.count) vấn đề, \(late) khắc phục chậm, \(open) quá hạn chưa khắc phục"
        return (outcome, basis)
    }
}
