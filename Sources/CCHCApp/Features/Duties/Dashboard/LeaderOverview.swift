import Fluent
import Vapor
import CCHCDomain

/// A leader's one page on a jurisdiction's year: this period's reports (received, on time, missing), plans issued, the PAR
/// index's distribution and rank movement, open findings, overdue tasks — each figure a link to where it comes from — and
/// the timeliness over the periods as a chart with its table.
struct LeaderOverview: Content {
    struct Figure: Content {
        var label: String
        var value: String
        var detail: String?
        var url: String
    }

    struct PeriodCounts: Content {
        var label: String
        var onTime: Int
        var late: Int
        var missing: Int
        var returned: Int
    }

    struct Mover: Content {
        var unitName: String
        var rank: String
        var total: Double
        var delta: Double?
    }

    /// A reform area of the framework: its maximum and the units' average points.
    struct AreaAverage: Content {
        var code: String
        var name: String
        var max: Double
        var average: Double?
    }

    struct ParSummary: Content {
        var title: String
        var published: Bool
        var totals: [Double]
        var movers: [Mover]
        var areas: [AreaAverage]
        var url: String
    }

    var jurisdictionID: Int
    var jurisdictionName: String
    var year: Int
    var period: String?
    var figures: [Figure]
    var periods: [PeriodCounts]
    var par: ParSummary?
    /// The chosen indicator (`?code=`) across this year's and last year's periods.
    var trend: IndicatorTrend?
    /// Without a regime this year: the years the jurisdiction issued one, to go to (newest first).
    var regimeYears: [Int] = []
    /// The jurisdiction issues a reporting regime for the units below it (a district, a province, the country).
    var issuesRegimes = false

    static func load(jurisdiction j: Unit, year: Int, now: Date, actor: Actor, code: String? = nil,
                     on db: any Database) async throws -> LeaderOverview {
        let id = try j.requireID()
        let u = Parameter<Int>.value(id), y = QueryParameter("year", year)
        var figures: [Figure] = []
        var periods: [PeriodCounts] = []
        var current: String?
        if let table = try await TimelinessService.table(jurisdiction: j, year: year, now: now, sort: nil, on: db) {
            for p in table.periods {
                let c = table.totals.first { $0.periodID == p.id }?.counts ?? [:]
                periods.append(PeriodCounts(label: p.label, onTime: c["on_time", default: 0], late: c["late", default: 0],
                                            missing: c["overdue", default: 0], returned: c["returned", default: 0]))
            }
            let today = Day(now)
            let due = table.periods.filter { p in Day(vietnamese: p.deadline).map { $0 <= today } ?? false }
            if let p = due.last ?? table.periods.first, let c = table.totals.first(where: { $0.periodID == p.id })?.counts {
                current = p.label
                let url = SiteURL.Reports.timeliness(u).relativeURL(parameters: [y])
                let received = c["on_time", default: 0] + c["late", default: 0]
                figures.append(Figure(label: "Báo cáo \(p.label.lowercasedFirst) đã nhận", value: "\(received)/\(table.rows.count)",
                                      detail: "hạn \(p.deadline)", url: url))
                figures.append(Figure(label: "Đúng hạn", value: "\(c["on_time", default: 0])", detail: nil, url: url))
                figures.append(Figure(label: "Chưa nộp (quá hạn)", value: "\(c["overdue", default: 0])",
                                      detail: c["returned", default: 0] > 0 ? "\(c["returned", default: 0]) bị trả lại" : nil, url: url))
            }
        }
        let children = try await UnitQueries.children(of: id, on: db).filter { !$0.isRetired && !$0.isStandingAgency }
        let plans = try await PlanRecord.query(on: db).filter(\.$unit.$id ~~ children.compactMap(\.id)).filter(\.$year == year)
            .filter(\.$kind == PlanKind.cchc.rawValue).filter(\.$firstSubmittedAt != nil).count()
        figures.append(Figure(label: "Kế hoạch CCHC năm \(year) đã ban hành", value: "\(plans)/\(children.count)", detail: "đơn vị trực thuộc",
                              url: SiteURL.Duties.dashboard(u).relativeURL(parameters: [y])))
        if let plan = try await InspectionPlanRecord.query(on: db).filter(\.$unit.$id == id).filter(\.$year == year).first() {
            let visits = try await InspectionQueries.visits(of: plan, on: db)
            let findings = try await InspectionQueries.findings(of: visits.compactMap(\.id), on: db)
            let open = findings.filter { $0.status != .verified }
            let overdue = open.filter { $0.state(today: Day(now)).overdueDays > 0 }
            figures.append(Figure(label: "Vấn đề kiểm tra chưa khắc phục xong", value: "\(open.count)/\(findings.count)",
                                  detail: overdue.isEmpty ? nil : "\(overdue.count) quá hạn khắc phục",
                                  url: SiteURL.Inspections.overview(u).relativeURL(parameters: [y])))
        }
        let duties = try await DutyRegistry.duties(DutyScope(units: children, from: Day(year, 1, 1)!, through: Day(year, 12, 31)!, now: now), on: db)
        let overdueTasks = duties.filter { $0.kind == .planTask && $0.status(now: now) == .overdue }.count
        let overdueAll = duties.filter { $0.status(now: now) == .overdue }.count
        figures.append(Figure(label: "Nhiệm vụ kế hoạch quá hạn", value: "\(overdueTasks)", detail: "\(overdueAll) việc quá hạn mọi loại",
                              url: SiteURL.Duties.dashboard(u).relativeURL(parameters: [y])))
        return LeaderOverview(jurisdictionID: id, jurisdictionName: j.name, year: year, period: current, figures: figures, periods: periods,
                              par: try await par(j, year: year, actor: actor, now: now, on: db),
                              trend: try await IndicatorTrend.load(jurisdiction: j, year: year, code: code, on: db),
                              regimeYears: periods.isEmpty ? try await RegimeService.issuedYears(by: j, on: db) : [],
                              issuesRegimes: j.kind.receivesReports)
    }

    /// The latest PAR-index round the jurisdiction ran up to this year: its totals and who moved most since last year.
    static func par(_ j: Unit, year: Int, actor: Actor, now: Date, on db: any Database) async throws -> ParSummary? {
        guard let round = try await ParRoundRecord.query(on: db).filter(\.$unit.$id == (try j.requireID())).filter(\.$year <= year)
            .sort(\.$year, .descending).with(\.$framework).first() else { return nil }
        let standings = try await ParQueries.standings(of: round, on: db)
        var movers: [Mover] = []
        let lastYear = try await ParQueries.lastYear(of: round, group: round.framework.group, on: db)
        let units = Dictionary(try await Unit.query(on: db).filter(\.$id ~~ standings.map(\.unitID)).all().compactMap { u in u.id.map { ($0, u) } },
                               uniquingKeysWith: { a, _ in a })
        for s in standings {
            guard let unit = units[s.unitID] else { continue }
            let change = try await ParQueries.change(for: unit, total: s.total, round: round, last: lastYear, on: db)
            movers.append(Mover(unitName: s.unitName, rank: s.paddedText, total: s.total, delta: change?.delta))
        }
        // Area subtotals as the round's page computes them (scores shown only to the council, or once published).
        let view = try await ParRoundView.load(round, actor: actor, now: now, on: db)
        let visible = view.council || round.state == .published
        let scored = view.units.filter { $0.total != nil && $0.areaPoints.count == view.areas.count }
        let areas = view.areas.enumerated().map { i, a in
            AreaAverage(code: a.code, name: a.name, max: a.max,
                        average: scored.isEmpty ? nil : scored.map { $0.areaPoints[i] }.reduce(0, +) / Double(scored.count))
        }
        return ParSummary(title: "Chỉ số CCHC năm \(round.year) (\(round.state.label.lowercasedFirst))", published: round.state == .published,
                          totals: visible ? standings.map(\.total) : [], movers: visible ? movers : [], areas: visible ? areas : [],
                          url: SiteURL.Par.results(.value(try round.requireID())).path)
    }
}
