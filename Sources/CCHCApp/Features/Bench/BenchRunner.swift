import Fluent
import Vapor
import SQLKit
import CCHCDomain

/// The in-process measurements of `cchc bench run`, each a small function returning its JSON lines: the consolidation
/// beside the plain GROUP BY, saving a report beside inserting its values bare, ranking a PAR-index round beside the bare
/// ORDER BY. Files and the server under load are `BenchFiles` and `BenchServer`.
struct BenchRunner {
    let app: Application
    let ds: BenchDataset
    let runs: Int
    /// The period every measurement reads: the annual report.
    let kind: PeriodKind = .year

    var db: any Database { app.db }

    /// The jurisdictions consolidated: the root (the country, or the district or province generated), a province and a district below it.
    func consolidationTargets() async throws -> [(String, Unit)] {
        var out: [(String, Unit)] = []
        let level: (Unit) -> String = { $0.kind == .nation ? "national" : $0.kind.tier == .province ? "province" : "district" }
        out.append((level(ds.root), ds.root))
        if let p = ds.province, p.id != ds.root.id { out.append(("province", p)) }
        if ds.root.kind.tier != .district, let d = try await Unit.query(on: db).filter(\.$path, .custom("LIKE"), ds.load.unitPath.subtreePattern)
            .filter(\.$kind ~~ UnitKind.allCases.filter { $0.tier == .district }).sort(\.$id).first() {
            out.append(("district", d))
        }
        return out
    }

    /// 1. `ConsolidationService.consolidate`, the code the pages and the API use, beside the floor: its first query alone.
    func consolidation() async throws -> [BenchMeasurement] {
        var out: [BenchMeasurement] = []
        for (level, unit) in try await consolidationTargets() {
            let (year, kind, db) = (ds.year, kind, db)
            let ms = try await BenchTable.median(runs: runs) {
                _ = try await ConsolidationService.consolidate(jurisdiction: unit, year: year, kind: kind, on: db)
            }
            let floor = try await BenchTable.median(runs: runs) { _ = try await groupBy(unit) }
            out.append(BenchMeasurement("consolidation.\(level)", ds, ms: ms, runs: runs, floor: floor, note: unit.name))
        }
        out += try await consolidationParts(ds.root)
        return out
    }

    /// The floor of a consolidation: sums, counts and extremes per indicator over the counted reports of the subtree (submitted
    /// or accepted, newest version) — the plain GROUP BY, through SQLKit as the service runs its own.
    struct GroupRow: Decodable, Sendable {
        let code: String
        let reports: Int
        let sum_number: Double?
        let sum_numerator: Double?
        let sum_denominator: Double?
    }

    func groupBy(_ unit: Unit) async throws -> [GroupRow] {
        let sql = try BenchSQL.sql(db)
        let (formID, _) = try await ConsolidationService.form(of: unit, year: ds.year, on: db)
        let counted = CountedReports(pattern: unit.unitPath.subtreePattern, formID: formID, kind: kind, year: ds.year, acceptedOnly: false)
        return try await sql.raw("""
            SELECT v.indicator_code AS code, COUNT(*) AS reports, SUM(v.number) AS sum_number, COUNT(v.number) AS count_number,
                   SUM(v.numerator) AS sum_numerator, SUM(v.denominator) AS sum_denominator, COUNT(v.denominator) AS count_fraction,
                   AVG(CASE WHEN v.denominator > 0 THEN v.numerator * 100.0 / v.denominator ELSE v.number END) AS avg_percent,
                   MAX(v.number) AS max_number, MIN(v.number) AS min_number
            FROM report_values v
            JOIN reports r ON r.id = v.report_id \(counted.joins)
            WHERE \(counted.conditions)
            GROUP BY v.indicator_code
            """).all(decoding: GroupRow.self)
    }

    /// The figures the commune's specialist types into the annual report: its generated ones, as the form posts them.
    func typedValues(form: FormDefinition) -> [String: RawValue] {
        let figures = BenchValues(form: form).values(seed: "\(ds.saveUnit.code)/typed", size: 1, period: kind, catalogue: 0)
        func text(_ x: Double?) -> String? { x.map { $0 == $0.rounded() ? String(Int($0)) : String($0) } }
        return figures.mapValues { RawValue(value: text($0.number), numerator: text($0.numerator), denominator: text($0.denominator)) }
    }

    /// 2. Saving and validating the commune's annual report through `ReportService` as the page's POST does (the context, then
    /// the save: parse, range checks, rules, one transaction, audit), beside replacing the same values bare in one transaction.
    func save() async throws -> [BenchMeasurement] {
        let actor = try await Actor.load(ds.saveUser, on: db)
        let unit = ds.saveUnit
        let period = try await ds.period(kind, for: unit, on: db)
        let periodID = try period.requireID()
        let service = ReportService(db: db, actor: actor, now: app.clock.now())
        let first = try await service.context(unit: unit, periodID: periodID)
        guard first.state.isEditable else {
            return [BenchMeasurement("report.save", ds, note: "Báo cáo năm của \(unit.name) không còn ở trạng thái soạn thảo: bỏ qua.")]
        }
        let input = ReportService.SaveInput(values: typedValues(form: first.form), narrative: first.report?.narrative ?? [:])
        let ms = try await BenchTable.median(runs: runs) {
            let ctx = try await service.context(unit: unit, periodID: periodID)
            _ = try await service.save(ctx, input)
        }
        let saved = try await service.context(unit: unit, periodID: periodID)
        guard let reportID = saved.report?.id else { return [BenchMeasurement("report.save", ds, ms: ms, runs: runs)] }
        let rows = saved.values.sorted { $0.key < $1.key }
        let floor = try await BenchTable.median(runs: runs) {
            try await db.writeTransaction { tx in
                let sql = try BenchSQL.sql(tx)
                try await sql.delete(from: "report_values").where("report_id", .equal, SQLBind(reportID)).run()
                var insert = BenchInsert(sql, "report_values", BenchReports.valueColumns)
                for (code, v) in rows { try await insert.add([reportID, code, v.number, v.numerator, v.denominator, "entered"]) }
                try await insert.flush()
            }
        }
        // Its two parts: reading the report's context (what the page shows), and the save given that context.
        let contextMS = try await BenchTable.median(runs: runs) { _ = try await service.context(unit: unit, periodID: periodID) }
        let writeMS = try await BenchTable.median(runs: runs) { _ = try await service.save(saved, input) }
        return [BenchMeasurement("report.save", ds, ms: ms, runs: runs, floor: floor,
                                 note: "\(rows.count) số liệu; sàn: xóa và chèn lại cùng số liệu trong một giao dịch"),
                BenchMeasurement("report.save.part.context", ds, ms: contextMS, runs: runs, note: "đọc ngữ cảnh báo cáo (như trang hiển thị)"),
                BenchMeasurement("report.save.part.write", ds, ms: writeMS, runs: runs, note: "kiểm tra, giao dịch ghi, nhật ký")]
    }

    /// 5. The ranking of the biggest PAR-index round (`ParRoundView.load`, what the results page and the API show), beside the
    /// bare ORDER BY of its totals.
    func parRanking() async throws -> [BenchMeasurement] {
        struct Biggest: Decodable { let round_id: Int; let n: Int }
        let sql = try BenchSQL.sql(db)
        guard let biggest = try await sql.raw("""
            SELECT round_id, COUNT(*) AS n FROM par_assessments GROUP BY round_id ORDER BY COUNT(*) DESC, round_id LIMIT 1
            """).first(decoding: Biggest.self), let round = try await ParRoundRecord.find(biggest.round_id, on: db) else {
            return [BenchMeasurement("par.ranking", ds, note: "Không có đợt đánh giá chỉ số CCHC nào: bỏ qua.")]
        }
        let actor = try await Actor.load(ds.topOfficer, on: db)
        let (now, db) = (app.clock.now(), db)
        let ms = try await BenchTable.median(runs: runs) { _ = try await ParRoundView.load(round, actor: actor, now: now, on: db) }
        struct Row: Decodable { let unit_id: Int; let total: Double? }
        let floor = try await BenchTable.median(runs: runs) {
            _ = try await sql.raw("""
                SELECT unit_id, total FROM par_assessments WHERE round_id = \(bind: biggest.round_id) AND total IS NOT NULL ORDER BY total DESC
                """).all(decoding: Row.self)
        }
        return [BenchMeasurement("par.ranking", ds, ms: ms, runs: runs, floor: floor, note: "\(biggest.n) đơn vị")]
    }
}
