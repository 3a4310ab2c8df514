import Fluent
import Vapor
import CCHCDomain

/// Every duty of a unit in a year — reports, plans, inspections, the PAR index, tasks — with where each stands, counted.
struct UnitDuties: Content {
    var unitID: Int
    var unitName: String
    var year: Int
    var duties: [MyWork.DutyLine]
    /// `DutyStatus.rawValue` → how many.
    var counts: [String: Int]

    static func load(_ req: Request) async throws -> UnitDuties {
        let actor = try req.actor
        let unit = try await UnitQueries.readable(try req.idParameter("unitID"), by: actor, on: req.db)
        let year = try req.queryInt("year", in: 2000...2100) ?? Day(req.now).year
        let now = req.now
        let duties = try await DutyRegistry.duties(DutyScope(units: [unit], from: Day(year, 1, 1)!, through: Day(year, 12, 31)!, now: now), on: req.db)
            .sorted { ($0.due, $0.id) < ($1.due, $1.id) }
        let lines = duties.map { MyWork.DutyLine($0, now: now) }
        return UnitDuties(unitID: try unit.requireID(), unitName: unit.name, year: year, duties: lines,
                          counts: Dictionary(grouping: lines, by: \.status.rawValue).mapValues(\.count))
    }
}

enum UnitDutiesView {
    static func render(_ v: UnitDuties) -> HTML {
        let u = Parameter<Int>.value(v.unitID)
        let years: [HTML] = [v.year - 1, v.year + 1].map { y in
            "<a href=\"\(SiteURL.Duties.unit(u).relativeURL(parameters: [QueryParameter("year", y)]))\">Năm \(y)</a>"
        }
        let counts: [HTML] = DutyStatus.allCases.compactMap { s in
            guard let n = v.counts[s.rawValue], n > 0 else { return nil }
            return "<span class=\"tag \(MyWorkView.tagClass(s))\">\(s.label): \(n)</span> "
        }
        let table: HTML = v.duties.isEmpty
            ? "<p class=\"card\">Năm \(v.year) \(v.unitName) chưa có việc nào có hạn trong hệ thống: chưa có chế độ báo cáo, kế hoạch, "
                + "kế hoạch kiểm tra hay đợt đánh giá chỉ số CCHC nào áp dụng cho đơn vị.</p>"
            : MyWorkView.section("Các việc có hạn trong năm \(v.year)", id: "duties", v.duties.map(MyWorkView.dutyRow), lead: "<p>\(counts)</p>")
        return """
            <p class="crumbs"><a href="\(SiteURL.Units.unit(u).path)">\(v.unitName)</a> › Lịch việc</p>
            <h1>Lịch việc năm \(v.year) — \(v.unitName)</h1>
            <p class="actions">\(years.joined(separator: " · "))</p>
            \(table)
            """
    }
}
