import Fluent
import Vapor
import CCHCDomain

/// A unit's plans for a year and — for a jurisdiction — the plans of the units below it, as the standing agency tracks
/// them (seed 000: "Phòng Nội vụ theo dõi chất lượng, thời gian ban hành Kế hoạch CCHC năm 2021 của các đơn vị").
enum PlanListPage {
    struct Row: Content {
        var unitID: Int
        var unitName: String
        var state: ReportState?
        var stateLabel: String
        var document: PlanIssuance?
        /// "Đúng hạn", "Chậm 3 ngày", "Quá hạn 5 ngày, chưa ban hành", "Chưa đến hạn"; nil without a deadline.
        var timeliness: String?
        var late: Bool
        var tasks: Int
        var done: Int
        var overdue: Int
        var warnings: [CoverageWarning]
    }

    struct Model: Content {
        var unitID: Int
        var unitName: String
        var year: Int
        var years: [Int]
        var kind: PlanKind
        /// The unit's own plans, one per kind.
        var own: [Row]
        var ownKinds: [PlanKind]
        /// The units below (a jurisdiction's subordinate units and offices), for `kind`.
        var below: [Row]
        var deadline: DueDate?

        static func load(_ req: Request) async throws -> Model {
            let actor = try req.actor
            let unit = try await UnitQueries.readable(try req.idParameter("unitID"), by: actor, on: req.db)
            let today = Day(req.now)
            let year = try req.queryInt("year", in: 2000...2100) ?? today.year
            // Only `year` and `kind`: anything else is a mistyped address, said so rather than ignored.
            let keys = (req.url.query ?? "").split(separator: "&").map { String($0.prefix { $0 != "=" }) }.filter { !$0.isEmpty }
            if let other = keys.first(where: { $0 != "year" && $0 != "kind" }) {
                throw CCHCError(.badRequest, "Tham số “\(other.removingPercentEncoding?.prefix(20) ?? "")” không dùng ở đây (chỉ year, kind).")
            }
            var kind = PlanKind.cchc
            if (req.url.query ?? "").split(separator: "&").contains(where: { $0.hasPrefix("kind=") }) {
                guard let typed = req.query[String.self, at: "kind"], let k = PlanKind(rawValue: typed) else {
                    throw CCHCError(.badRequest, "Loại kế hoạch không hợp lệ (kind: cchc, communications hoặc inspection).")
                }
                kind = k
            }
            let years = Set(try await PlanRecord.query(on: req.db).filter(\.$unitPath, .custom("LIKE"), unit.unitPath.subtreePattern).all()
                .map(\.year)).union([today.year, year])
                .union(try await RegimeService.years(for: unit, on: req.db)).sorted(by: >)
            var own: [Row] = []
            for k in PlanKind.allCases { own.append(try await row(unit, year: year, kind: k, today: today, on: req.db)) }
            var below: [Row] = []
            if unit.kind.isJurisdiction {
                let units = try await Unit.query(on: req.db).filter(\.$parent.$id == (try unit.requireID())).filter(\.$retiredOn == nil)
                    .filter(\.$isStandingAgency == false).all()
                    .sorted { ($0.kind.isOffice ? 1 : 0, VietnameseOrder.key($0.name)) < ($1.kind.isOffice ? 1 : 0, VietnameseOrder.key($1.name)) }
                for u in units { below.append(try await row(u, year: year, kind: kind, today: today, on: req.db)) }
            }
            let own0 = try await PlanQueries.plan(of: try unit.requireID(), year: year, kind: kind, on: req.db)
            return Model(unitID: try unit.requireID(), unitName: unit.name, year: year, years: years, kind: kind, own: own,
                         ownKinds: PlanKind.allCases, below: below, deadline: own0?.deadlineForBelow)
        }

        static func row(_ unit: Unit, year: Int, kind: PlanKind, today: Day, on db: any Database) async throws -> Row {
            let plan = try await PlanQueries.plan(of: try unit.requireID(), year: year, kind: kind, on: db)
            var tasks: [PlanTaskRecord] = []
            if let plan { tasks = try await PlanQueries.tasks(of: plan, on: db) }
            let states = tasks.map { $0.progress(today: today) }
            let warnings = try await PlanQueries.coverage(unit: unit, plan: plan, tasks: tasks, year: year, kind: kind, today: today, on: db)
            let deadline = try await PlanQueries.deadline(for: unit, year: year, kind: kind, on: db)?.0
            let issued = plan.flatMap { $0.firstSubmittedAt != nil ? $0.issuedOn : nil }
            var timeliness: String?
            var late = false
            if let deadline {
                let last = deadline.lastDay
                if let issued {
                    late = issued > last
                    timeliness = late ? "Ban hành chậm \(last.days(until: issued)) ngày" : "Ban hành đúng hạn"
                } else if today > last {
                    late = true
                    timeliness = "Quá hạn \(last.days(until: today)) ngày, chưa ban hành"
                } else {
                    timeliness = "Chưa đến hạn (còn \(today.days(until: last)) ngày)"
                }
            }
            return Row(unitID: try unit.requireID(), unitName: unit.name, state: plan?.state, stateLabel: plan?.state.label ?? "Chưa lập",
                       document: plan.map { PlanIssuance(number: $0.docNumber, date: $0.issuedOn, signer: $0.signer) },
                       timeliness: timeliness, late: late, tasks: tasks.count, done: states.filter { $0.status.isDone }.count,
                       overdue: states.filter { ($0.overdueDays ?? 0) > 0 }.count, warnings: warnings)
        }
    }

    static func render(_ m: Model) -> HTML {
        let unitRef = Parameter<Int>.value(m.unitID)
        let years: [HTML] = m.years.map { y in
            y == m.year ? "<strong>\(y)</strong> " as HTML
                : "<a href=\"\(SiteURL.Plans.list(unitRef).relativeURL(parameters: [QueryParameter("year", y)]))\">\(y)</a> " as HTML
        }
        let own: [HTML] = zip(m.ownKinds, m.own).map { kind, r in
            """
            <tr><td><a href="\(SiteURL.Plans.plan(unitRef, .value(m.year), .value(kind)).path)">\(kind.title)</a></td><td>\(r.stateLabel)</td>\
            <td>\(issued(r))</td><td>\(r.tasks) (\(r.done) hoàn thành, \(r.overdue) quá hạn)</td><td>\(r.timeliness ?? "")</td></tr>
            """
        }
        let belowRows: [HTML] = m.below.map { r in
            let link = SiteURL.Plans.plan(.value(r.unitID), .value(m.year), .value(m.kind)).path
            let warn: HTML = r.warnings.isEmpty ? "—"
                : "<details><summary>\(r.warnings.count) điểm</summary><ul>\(r.warnings.map { "<li>\($0.message)</li>" as HTML })</ul></details>"
            return """
                <tr><td><a href="\(link)">\(r.unitName)</a></td><td>\(r.stateLabel)</td><td>\(issued(r))</td>\
                <td>\(r.timeliness.map { "<span class=\"tag \(r.late ? "overdue" : "on_time")\">\($0)</span>" as HTML } ?? .empty)</td>\
                <td class="num">\(r.tasks)</td><td class="num">\(r.done)</td>\
                <td class="num">\(r.overdue > 0 ? "<span class=\"tag overdue\">\(r.overdue)</span>" as HTML : "0")</td>\
                <td>\(warn)</td></tr>
                """
        }
        let deadline = m.deadline.map { ($0.strict == true ? "trước ngày " : "chậm nhất ngày ") + $0.day.vietnamese }
            ?? "chưa đặt (đặt trên trang kế hoạch của \(m.unitName))"
        let issuedCount = m.below.filter { $0.document?.date != nil && $0.state != .draft && $0.state != .awaitingLeader }.count
        let below: HTML = m.below.isEmpty ? .empty : """
            <h2>\(m.kind.title) năm \(m.year) của các đơn vị trực thuộc</h2>
            <p>Hạn ban hành: \(deadline). Đã ban hành: \(issuedCount)/\(m.below.count) đơn vị.</p>
            <div class="table-wrap"><table><thead><tr><th>Đơn vị</th><th>Trạng thái</th><th>Văn bản</th><th>Thời hạn</th><th>Nhiệm vụ</th>\
            <th>Hoàn thành</th><th>Quá hạn</th><th>Kiểm tra kế hoạch</th></tr></thead><tbody>\(belowRows)</tbody></table></div>
            """
        let none: HTML = m.own.allSatisfy { $0.state == nil }
            ? "<p class=\"muted\">\(m.unitName) chưa lập kế hoạch nào năm \(m.year). Bấm tên kế hoạch để lập bảng nhiệm vụ, hoặc nhập từ tệp Word, Excel.</p>"
            : .empty
        return """
        <p class="crumbs"><a href="\(SiteURL.Units.unit(unitRef).path)">\(m.unitName)</a></p>
        <h1>Kế hoạch CCHC — \(m.unitName)</h1>
        <p>Năm: \(years)</p>
        <h2>Kế hoạch của \(m.unitName) năm \(m.year)</h2>
        \(none)
        <table><thead><tr><th>Kế hoạch</th><th>Trạng thái</th><th>Văn bản</th><th>Nhiệm vụ</th><th>Thời hạn</th></tr></thead><tbody>\(own)</tbody></table>
        \(below)
        """
    }

    static func issued(_ r: Row) -> String {
        guard let d = r.document, d.number != nil || d.date != nil else { return "" }
        return [d.number, d.date.map { "ngày " + $0.vietnamese }].compactMap { $0 }.joined(separator: " ")
    }
}

/// The tasks a plan assigns, with every assignee's progress: per task, and per unit.
enum PlanProgressPage {
    static func render(_ v: PlanView) -> HTML {
        let unitRef = Parameter<Int>.value(v.unitID)
        let assignedTasks = v.tasks.filter { !$0.assignees.isEmpty }
        let rows: [HTML] = assignedTasks.map { t in
            let who: [HTML] = t.assignees.map { a in
                "<li>\(a.unitName) (\(a.role == "lead" ? "chủ trì" : "phối hợp")): "
                    + "<span class=\"tag \(PlanPage.tag(a.state))\">\(a.state.label)</span></li>"
            }
            return "<tr><td>\(t.position)</td><td>\(PlanPage.lines(t.entry.detail))</td><td>\(PlanPage.lines(t.entry.timeFrame))</td>"
                + "<td><ul>\(who)</ul></td></tr>"
        }
        // Per unit: the communes (and other jurisdictions) first, then the offices, each in Vietnamese order.
        var perUnit: [Int: (name: String, office: Bool, total: Int, done: Int, overdue: Int)] = [:]
        for t in assignedTasks {
            for a in t.assignees {
                var c = perUnit[a.unitID] ?? (a.unitName, a.isOffice, 0, 0, 0)
                c.total += 1
                if a.state.status.isDone { c.done += 1 }
                if (a.state.overdueDays ?? 0) > 0 { c.overdue += 1 }
                perUnit[a.unitID] = c
            }
        }
        let units: [HTML] = VietnameseOrder.sorted(perUnit.values) { ($0.office ? "1 " : "0 ") + $0.name }.map { c in
            let overdue: HTML = c.overdue > 0 ? "<span class=\"tag overdue\">\(c.overdue)</span>" : "0"
            return "<tr><td>\(c.name)</td><td class=\"num\">\(c.total)</td><td class=\"num\">\(c.done)</td><td class=\"num\">\(overdue)</td></tr>"
        }
        return """
        <p class="crumbs"><a href="\(SiteURL.Units.unit(unitRef).path)">\(v.unitName)</a> › \
        <a href="\(SiteURL.Plans.plan(unitRef, .value(v.year), .value(v.kind)).path)">\(v.title)</a></p>
        <h1>Tiến độ các nhiệm vụ giao — \(v.title) — \(v.unitName)</h1>
        <h2>Theo đơn vị</h2>
        <table><thead><tr><th>Đơn vị</th><th>Nhiệm vụ được giao</th><th>Hoàn thành</th><th>Quá hạn</th></tr></thead><tbody>\(units)</tbody></table>
        <h2>Theo nhiệm vụ</h2>
        <div class="table-wrap"><table><thead><tr><th>TT</th><th>Nhiệm vụ</th><th>Thời gian</th><th>Đơn vị được giao</th></tr></thead>\
        <tbody>\(rows)</tbody></table></div>
        """
    }
}
