import Fluent
import Vapor
import SQLKit
import CCHCDomain

/// `cchc bench generate`: a synthetic year of a district, a province or the whole country, written with multi-row INSERTs
/// in transactions (never a model save per row) so the national scale takes minutes. Units carry their paths, depths and
/// folded names exactly as `OrganisationService` writes them; reports, values and states as the workflow leaves them.
struct BenchGenerator {
    /// Every generated account's password (printed at the end).
    static let password = "cchc-bench"
    /// The action of the audit event that marks a generated database (its detail says the scale and the year).
    static let marker = "bench.generate"
    static let formCode = "CCHC-TK-2021"

    let app: Application
    let scale: BenchScale
    let year: Int
    /// Progress lines, as they happen.
    let say: @Sendable (String) -> Void

    struct Summary: Sendable {
        var units = 0, accounts = 0, regimes = 0, periods = 0, reports = 0, values = 0, plans = 0, assessments = 0
        var accountNames: [String] = []
        var seconds = 0.0
    }

    func generate() async throws -> Summary {
        let started = Date()
        let db = app.db
        let sql = try BenchSQL.sql(db)
        if try await Unit.query(on: db).count() > 0 {
            throw CCHCError(.conflict, "Cơ sở dữ liệu đã có dữ liệu: `cchc bench generate` chỉ ghi vào cơ sở dữ liệu trống "
                            + "(một tệp SQLite mới, hoặc một cơ sở dữ liệu PostgreSQL mới qua DATABASE_URL).")
        }
        guard let form = try await FormService.find(code: Self.formCode, year: 2021, on: db) else {
            throw CCHCError(.conflict, "Không tìm thấy biểu mẫu có sẵn \(Self.formCode): hãy chạy lại với cơ sở dữ liệu mới.")
        }
        let formID = try form.requireID()
        let tree = BenchTree(scale: scale, firstID: try await BenchSQL.nextID("units", on: sql))
        var summary = Summary()
        try await phase("Đơn vị") { try await insertUnits(tree, on: db); summary.units = tree.units.count }
        try await phase("Tài khoản") { summary.accountNames = try await accounts(tree, on: db); summary.accounts = summary.accountNames.count }
        var periods: [Int: [BenchReports.Period]] = [:]
        try await phase("Chế độ báo cáo") {
            periods = try await regimes(tree, formID: formID, on: db)
            summary.regimes = periods.count
            summary.periods = periods.values.reduce(0) { $0 + $1.count }
        }
        try await phase("Báo cáo và số liệu") {
            var writer = BenchReports(values: BenchValues(form: try form.definition()), formID: formID, year: year, periods: periods,
                                      nextID: try await BenchSQL.nextID("reports", on: sql), draftUnitID: BenchDataset.saveUnit(of: tree)?.id)
            try await writer.write(tree.reporting, on: db) { say("  … \($0) báo cáo") }
            summary.reports = writer.reports
            summary.values = writer.valueCount
        }
        let extras = BenchExtras(app: app, year: year)
        try await phase("Kế hoạch CCHC") { summary.plans = try await extras.plans(tree) }
        try await phase("Chỉ số CCHC") { summary.assessments = try await extras.parIndex(tree) }
        try await phase("Đồng bộ và thống kê") {
            try await BenchSQL.resetSequences(["units", "regimes", "reporting_periods", "reports", "par_rounds", "par_assessments"], on: sql)
            try await BenchExtras.rebuildConsolidation(on: db)
            try await BenchSQL.analyze(on: sql)
        }
        summary.seconds = Date().timeIntervalSince(started)
        try await Audit.record(on: db, at: app.clock.now(), actor: nil, action: Self.marker, entity: "system", entityID: nil, unit: nil,
                               summary: "Tạo dữ liệu đo hiệu năng: \(scale.label), năm \(year)",
                               detail: ["scale": scale.rawValue, "year": String(year), "root": String(tree.root.id),
                                        "seconds": String(format: "%.1f", summary.seconds)])
        return summary
    }

    private func phase(_ name: String, _ body: () async throws -> Void) async throws {
        let started = Date()
        try await body()
        say("\(name): xong sau \(BenchTable.seconds(Date().timeIntervalSince(started))).")
    }

    func insertUnits(_ tree: BenchTree, on db: any Database) async throws {
        let now = app.clock.now()
        try await db.writeTransaction { tx in
            var insert = BenchInsert(try BenchSQL.sql(tx), "units", ["id", "code", "name", "name_folded", "kind", "parent_id", "path", "depth",
                                                                      "is_standing_agency", "created_at", "updated_at", "revision"])
            for u in tree.units {
                try await insert.add([u.id, u.code, u.name, Folding.fold(u.name), u.kind.rawValue, u.parentID, u.path, u.depth, u.standing,
                                      now, now, 0])
            }
            try await insert.flush()
        }
    }

    /// The standing officer of the country (or of the root) and of every province, and the specialist and leader of the
    /// commune whose report `cchc bench run` saves — one Bcrypt hash for all, as the demo does.
    private func accounts(_ tree: BenchTree, on db: any Database) async throws -> [String] {
        let hash = try await app.password.async.hash(Self.password)
        var made: [(String, String, Int, Role)] = []
        for u in tree.units where u.standing {
            guard let parent = tree.units.first(where: { $0.id == u.parentID }), parent.parentID == nil || parent.kind.tier == .province else { continue }
            let username = parent.parentID == nil && scale.hasNation ? "bo.noivu" : parent.code.lowercased() + ".noivu"
            made.append((username, "Cán bộ \(u.name) \(DemoLoader.shortName(parent.name))", u.id, .standingOfficer))
        }
        if let commune = BenchDataset.saveUnit(of: tree) {
            let slug = commune.code.lowercased()
            made.append((slug + ".cv", "Chuyên viên UBND \(DemoLoader.shortName(commune.name))", commune.id, .specialist))
            made.append((slug + ".ld", "Chủ tịch UBND \(DemoLoader.shortName(commune.name))", commune.id, .leader))
        }
        let rows = made
        try await db.writeTransaction { tx in
            for (username, name, unitID, role) in rows {
                try await User(username: username, fullName: name, passwordHash: hash, unitID: unitID, role: role).create(on: tx)
            }
        }
        return rows.map(\.0)
    }

    /// One regime a year per issuing jurisdiction, on the built-in form, with its four periods: windows from 15/12 of the year
    /// before, cut-offs on the 14th; the lower the level, the earlier the deadline (communes the 16th, districts the 18th,
    /// provinces the 20th).
    func regimes(_ tree: BenchTree, formID: Int, on db: any Database) async throws -> [Int: [BenchReports.Period]] {
        let sql = try BenchSQL.sql(db)
        var regimeID = try await BenchSQL.nextID("regimes", on: sql)
        var periodID = try await BenchSQL.nextID("reporting_periods", on: sql)
        let (now, year) = (app.clock.now(), year)
        var plan: [(regime: Int, issuer: BenchUnit, periods: [BenchReports.Period])] = []
        let issuers = tree.issuers + tree.units.filter { $0.parentID == nil && $0.issuerID == $0.id && !$0.issues }
        for issuer in issuers {
            let day = issuer.kind.tier == .district ? 16 : issuer.kind.tier == .province ? 18 : 20
            let kinds: [(PeriodKind, Int)] = [(.q1, 3), (.h1, 6), (.q3, 9), (.year, 12)]
            let periods = kinds.map { kind, month in
                defer { periodID += 1 }
                return BenchReports.Period(id: periodID, kind: kind, from: Day.clamped(year - 1, 12, 15), to: Day.clamped(year, month, 14),
                                           deadline: Day.clamped(year, month, day))
            }
            plan.append((regimeID, issuer, periods))
            regimeID += 1
        }
        let rows = plan
        try await db.writeTransaction { tx in
            let sql = try BenchSQL.sql(tx)
            var regimes = BenchInsert(sql, "regimes", ["id", "issuer_id", "year", "deadline_day", "form_id", "document", "created_at", "updated_at",
                                                       "revision"])
            var periods = BenchInsert(sql, "reporting_periods", ["id", "regime_id", "kind", "from_day", "to_day", "deadline"])
            for (n, r) in rows.enumerated() {
                let document = "\(n + 10)/UBND-NV ngày \(Day.clamped(year, 1, 15).vietnamese) của UBND \(DemoLoader.shortName(r.issuer.name))"
                try await regimes.add([r.regime, r.issuer.id, year, r.periods[0].deadline.day, formID, document, now, now, 0])
                for p in r.periods {
                    try await periods.add([p.id, r.regime, p.kind.code, p.from.iso, p.to.iso, p.deadline.iso], after: &regimes)
                }
            }
            try await regimes.flush()
            try await periods.flush()
        }
        return Dictionary(rows.map { ($0.issuer.id, $0.periods) }, uniquingKeysWith: { a, _ in a })
    }
}
