import Fluent
import Vapor
import CCHCDomain

/// The standing agency's page: units × periods, coloured, sortable, with totals; exported as CSV.
struct TimelinessPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.Reports.timeliness(.key).pathComponents, use: show).access(.scoped)
        routes.get(SiteURL.Reports.timelinessCSV(.key).pathComponents, use: csv).access(.scoped)
        routes.get(SiteURL.Reports.emulationXLSX(.key).pathComponents, use: emulationXLSX).access(.scoped)
    }

    static func load(_ req: Request) async throws -> (Unit, TimelinessTable?, Int) {
        let actor = try req.actor
        let unit = try await UnitQueries.readable(try req.idParameter("unitID"), by: actor, on: req.db)
        guard unit.kind.receivesReports else { throw CCHCError.notFound(Actor.onlyReports(unit, "theo dõi các đơn vị nộp báo cáo")) }
        let year = try req.queryInt("year", in: 2000...2100) ?? Day(req.now).year
        let table = try await TimelinessService.table(jurisdiction: unit, year: year, now: req.now,
                                                      sort: try? req.query.get(String.self, at: "sort"), on: req.db)
        return (unit, table, year)
    }

    func show(req: Request) async throws -> HTML {
        let (unit, table, year) = try await Self.load(req)
        let unitID = try unit.requireID()
        guard let table else {
            let years = try await RegimeService.issuedYears(by: unit, on: req.db).filter { $0 != year }.map { y in
                "<a href=\"\(SiteURL.Reports.timeliness(.value(unitID)).relativeURL(parameters: [QueryParameter("year", y)]))\">\(y)</a>" as HTML
            }
            let others: HTML = years.isEmpty ? .empty : " Các năm đã có chế độ báo cáo: \(years.joined(separator: ", "))."
            return Layout.page(request: req, title: "Theo dõi nộp báo cáo", body: """
            <h1>Theo dõi nộp báo cáo năm \(year) — \(unit.name)</h1>
            <p class="muted">Chưa có chế độ báo cáo năm \(year) cho các đơn vị trực thuộc. \
            <a href="\(SiteURL.Reports.regime(.value(unitID), .value(year)).path)">Ban hành chế độ báo cáo</a>.\(others)</p>
            """)
        }
        let timeliness = SiteURL.Reports.timeliness(.value(unitID))
        let head: [HTML] = table.periods.map { p in
            let sorted = timeliness.relativeURL(parameters: [QueryParameter("year", year), QueryParameter("sort", "p\(p.id)")])
            return """
            <th><a href="\(sorted)" title="Sắp xếp theo kỳ này">\(p.label)</a>\
            <br><small>hạn \(p.deadline)</small></th>
            """
        }
        let body: [HTML] = table.rows.map { row in
            let cells: [HTML] = row.cells.map { c in
                """
                <td class="cell \(c.status)"><a href="\(SiteURL.Reports.report(.value(row.unitID), .value(c.periodID)).path)">\(c.label)</a>\
                \(c.state.flatMap { ReportState(rawValue: $0) }.map { "<br><small>\($0.label)</small>" as HTML } ?? .empty)</td>
                """
            }
            let reports = SiteURL.Reports.list(.value(row.unitID)).relativeURL(parameters: [QueryParameter("year", year)])
            return "<tr><th><a href=\"\(reports)\">\(row.unitName)</a></th>\(cells)<td>\(row.lateOrMissing)</td></tr>"
        }
        let totals: [HTML] = TimelinessService.statusOrder.map { status in
            """
            <tr class="total"><th>\(TimelinessService.statusLabels[status] ?? status)</th>\
            \(table.totals.map { "<td class=\"cell \(status)\">\($0.counts[status] ?? 0)</td>" as HTML })<td></td></tr>
            """
        }
        return Layout.page(request: req, title: "Theo dõi nộp báo cáo", body: """
        <p class="crumbs"><a href="\(SiteURL.Units.unit(.value(unitID)).path)">\(unit.name)</a></p>
        <h1>Theo dõi nộp báo cáo CCHC năm \(year) — \(unit.name)</h1>
        <p class="muted">Theo chế độ báo cáo của \(table.regimeIssuer). \
        Hạn tính theo giờ Việt Nam: nộp trước 24:00 ngày hạn là đúng hạn.
        <a href="\(timeliness.relativeURL(parameters: [QueryParameter("year", year), QueryParameter("sort", "late")]))">Sắp xếp: nhiều kỳ muộn nhất trước</a> ·
        <a href="\(timeliness.relativeURL(parameters: [QueryParameter("year", year)]))">theo tên</a> ·
        <a href="\(SiteURL.Reports.timelinessCSV(.value(unitID)).relativeURL(parameters: [QueryParameter("year", year)]))">Tải về (CSV cho Excel)</a> ·
        <a href="\(timeliness.relativeURL(parameters: [QueryParameter("year", year - 1)]))">Năm \(year - 1)</a></p>
        <p>Số liệu tổng hợp: \
        \(table.periods.map { p in
            "<a class=\"button secondary\" href=\"\(SiteURL.Consolidated.figures(.value(unitID), .value(year), .value(p.kind)).path)\">\(p.label)</a> " as HTML
        })</p>

        <table class="timeliness"><thead><tr><th>Đơn vị</th>\(head)<th>Số kỳ muộn / chưa nộp</th></tr></thead>
        <tbody>\(body)</tbody><tfoot>\(totals)</tfoot></table>
        \(Self.emulation(table, unitID: unitID))
        """)
    }

    /// The emulation summary: the ranking and the rule it follows, with its workbook.
    static func emulation(_ table: TimelinessTable, unitID: Int) -> HTML {
        let rows: [HTML] = table.ranking.map { s in
            """
            <tr><td>\(s.rank)</td><th>\(s.unitName)</th><td>\(s.onTime)</td><td>\(s.late)</td><td>\(s.daysLate)</td>\
            <td>\(s.missing)</td><td>\(s.returned)</td></tr>
            """
        }
        let xlsx = SiteURL.Reports.emulationXLSX(.value(unitID)).relativeURL(parameters: [QueryParameter("year", table.year)])
        return """
        <h2 id="thi-dua">Tổng hợp thi đua: chấp hành chế độ báo cáo năm \(table.year)</h2>
        <p class="muted">\(table.emulationRule) <a href="\(xlsx)">Tải về (.xlsx)</a></p>
        <table class="ranking"><thead><tr><th>Hạng</th><th>Đơn vị</th><th>Đúng hạn</th><th>Nộp muộn</th><th>Tổng số ngày muộn</th>\
        <th>Quá hạn chưa nộp</th><th>Bị trả lại, chờ nộp lại</th></tr></thead><tbody>\(rows)</tbody></table>
        """
    }

    func emulationXLSX(req: Request) async throws -> Response {
        let (unit, table, year) = try await Self.load(req)
        guard let table else { throw CCHCError.notFound("Chưa có chế độ báo cáo năm \(year).") }
        return Exports.file(try TimelinessService.emulationXLSX(table), type: Exports.xlsxType,
                            name: "thi-dua-bao-cao-\(Folding.slug(unit.name))-\(year).xlsx")
    }

    func csv(req: Request) async throws -> Response {
        let (unit, table, year) = try await Self.load(req)
        guard let table else { throw CCHCError.notFound("Chưa có chế độ báo cáo năm \(year).") }
        return Exports.file(Data(TimelinessService.csv(table).utf8), type: "text/csv; charset=utf-8",
                            name: "theo-doi-bao-cao-\(Folding.slug(unit.name))-\(year).csv")
    }
}
