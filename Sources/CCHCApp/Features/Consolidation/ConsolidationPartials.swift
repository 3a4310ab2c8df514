import Fluent
import SQLKit
import CCHCDomain

/// Live partial sums that make a consolidation read hundreds of rows instead of every value below it.
///
/// Every counted report belongs to one **bucket**: the unit directly above its unit (a commune's district, a
/// district's province, a province's nation). Per bucket, form, year, period kind and basis (everything submitted, or
/// only what was accepted) `consolidation_partials` keeps, per indicator, the sums, counts, maxima and minima of
/// its reports' values, and `consolidation_answers` how many reports gave each answer of the coded (`choice`) and
/// catalogue (`common`) rows, and `consolidation_reports` how many reports count and from how many jurisdictions not
/// retired (with the jurisdictions per bucket, where to look for the missing; a merge rebuilds its predecessors' buckets).
/// A jurisdiction's figures are then its buckets' rows (every bucket at or below it) plus
/// its own report — exactly the reports `CountedReports` counts, because every unit below a jurisdiction has its
/// parent at or below it.
///
/// The rows of one bucket are recomputed from its reports in the same transaction that submits, accepts, returns or
/// corrects one of them (`refresh`), under a lock of that bucket alone (PostgreSQL advisory lock; SQLite writes one at a
/// time), so no row is locked by every submission in the country. A move rebuilds the two buckets concerned; bulk loads
/// (the demo, the benchmark generator, the migration that created the tables) rebuild everything (`rebuildAll`).
enum ConsolidationPartials {
    static let partials = "consolidation_partials"
    static let answers = "consolidation_answers"
    static let reports = "consolidation_reports"

    enum Basis: String, CaseIterable {
        case submitted, accepted
        var states: [String] { self == .accepted ? [ReportState.accepted.rawValue] : ConsolidationService.countedStates }
    }

    /// Which reports a rebuild covers (beyond being counted on the basis).
    struct Scope {
        var buckets: [Int]?
        var formID: Int?
        var year: Int?
        var kind: PeriodKind?

        var conditions: SQLQueryString {
            var out: SQLQueryString = ""
            if let buckets { out = out + " AND pu.id IN (\(binds: buckets))" }
            if let formID { out = out + " AND r.form_id = \(bind: formID)" }
            if let year { out = out + " AND g.year = \(bind: year)" }
            if let kind { out = out + " AND p.kind = \(bind: kind.code)" }
            return out
        }
    }

    /// Recomputes the bucket of a report's unit for its form and period, both bases — call inside the transaction
    /// that changed which of its versions count.
    static func refresh(report: Report, year: Int, kind: PeriodKind, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase,
              let unit = try await CCHCApp.Unit.find(report.$unit.id, on: db), let bucket = unit.$parent.id else { return }
        // The bucket's area is among the report's unit's ancestors: no second read of the bucket.
        let area = try await ConsolidationAreas.area(within: Array(unit.unitPath.ids.dropLast()), on: db)
        if let id = area?.id { try await ConsolidationAreas.lock(area: id, on: sql) }
        try await lock(bucket: bucket, on: sql)
        let scope = Scope(buckets: [bucket], formID: report.$form.id, year: year, kind: kind)
        try await rebuild(scope, on: db)
        if let area { try await ConsolidationAreas.rebuild([area], scope: scope, on: db) }
    }

    /// Rebuilds the buckets of the given units (after a move: the old parent and the new one), every form and period.
    static func rebuild(buckets: [Int], on db: any Database) async throws {
        guard !buckets.isEmpty, let sql = db as? any SQLDatabase else { return }
        var areas: [Int: Unit] = [:]
        for bucket in Set(buckets) { if let a = try await ConsolidationAreas.area(ofBucket: bucket, on: db), let id = a.id { areas[id] = a } }
        for id in areas.keys.sorted() { try await ConsolidationAreas.lock(area: id, on: sql) }
        for bucket in Set(buckets).sorted() { try await lock(bucket: bucket, on: sql) }
        try await rebuild(Scope(buckets: buckets), on: db)
        try await ConsolidationAreas.rebuild(areas.keys.sorted().compactMap { areas[$0] }, scope: Scope(), on: db)
    }

    /// Rebuilds every bucket from the reports (after a bulk load).
    static func rebuildAll(on db: any Database) async throws {
        try await rebuild(Scope(), on: db)
        try await ConsolidationAreas.rebuildAll(on: db)
    }

    /// Only this transaction recomputes the bucket until it ends; other buckets go on in parallel.
    private static func lock(bucket: Int, on sql: any SQLDatabase) async throws {
        guard sql.dialect.name == "postgresql" else { return }
        try await sql.raw("SELECT pg_advisory_xact_lock(\(bind: 73_000_000 + bucket))").run()
    }

    private static func rebuild(_ scope: Scope, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        var delete: SQLQueryString = "WHERE 1 = 1"
        if let buckets = scope.buckets { delete = delete + " AND bucket_id IN (\(binds: buckets))" }
        if let formID = scope.formID { delete = delete + " AND form_id = \(bind: formID)" }
        if let year = scope.year { delete = delete + " AND year = \(bind: year)" }
        if let kind = scope.kind { delete = delete + " AND period_kind = \(bind: kind.code)" }
        try await sql.raw("DELETE FROM \(ident: partials) \(delete)").run()
        try await sql.raw("DELETE FROM \(ident: answers) \(delete)").run()
        try await sql.raw("DELETE FROM \(ident: reports) \(delete)").run()
        let forms = try await answerCodes(formID: scope.formID, on: db)
        for basis in Basis.allCases {
            try await sql.raw("""
                INSERT INTO \(ident: reports) (bucket_id, bucket_path, form_id, year, period_kind, basis, reports, reporters)
                SELECT pu.id, pu.path, r.form_id, g.year, p.kind, \(bind: basis.rawValue), COUNT(*),
                       COUNT(DISTINCT CASE WHEN u.kind IN (\(binds: ConsolidationService.jurisdictionKinds)) AND u.retired_on IS NULL THEN u.id END)
                \(from(basis, values: false))\(scope.conditions)
                GROUP BY pu.id, pu.path, r.form_id, g.year, p.kind
                """).run()
            try await sql.raw("""
                INSERT INTO \(ident: partials) (bucket_id, bucket_path, form_id, year, period_kind, basis, indicator_code, reports,
                    sum_number, count_number, sum_numerator, sum_denominator, count_fraction, sum_percent, count_percent, max_number, min_number)
                SELECT pu.id, pu.path, r.form_id, g.year, p.kind, \(bind: basis.rawValue), v.indicator_code, COUNT(*),
                       SUM(v.number), COUNT(v.number), SUM(v.numerator), SUM(v.denominator), COUNT(v.denominator),
                       SUM(\(percent)), COUNT(\(percent)), MAX(v.number), MIN(v.number)
                \(from(basis))\(scope.conditions)
                GROUP BY pu.id, pu.path, r.form_id, g.year, p.kind, v.indicator_code
                """).run()
            for (formID, codes) in forms where !codes.isEmpty {
                try await sql.raw("""
                    INSERT INTO \(ident: answers) (bucket_id, bucket_path, form_id, year, period_kind, basis, indicator_code, answer, units)
                    SELECT pu.id, pu.path, r.form_id, g.year, p.kind, \(bind: basis.rawValue), v.indicator_code, v.number, COUNT(*)
                    \(from(basis))\(scope.conditions) AND r.form_id = \(bind: formID)
                      AND v.indicator_code IN (\(binds: codes)) AND v.number IS NOT NULL
                    GROUP BY pu.id, pu.path, r.form_id, g.year, p.kind, v.indicator_code, v.number
                    """).run()
            }
        }
    }

    /// A unit's percentage on a row: from its fraction, or the percentage it gave.
    static let percent: SQLQueryString = "CASE WHEN v.denominator > 0 THEN v.numerator * 100.0 / v.denominator ELSE v.number END"

    /// The counted values (or reports) with their report's bucket (the parent of its unit).
    private static func from(_ basis: Basis, values: Bool = true) -> SQLQueryString {
        """
        FROM \(unsafeRaw: values ? "report_values v JOIN reports r ON r.id = v.report_id" : "reports r")
        JOIN reporting_periods p ON p.id = r.period_id JOIN regimes g ON g.id = p.regime_id
        JOIN units u ON u.id = r.unit_id JOIN units pu ON pu.id = u.parent_id
        WHERE \(CountedReports.latest(states: basis.states))
        """
    }

    /// The `choice` and `common` rows of each form concerned: the rows whose answers are counted one by one.
    private static func answerCodes(formID: Int?, on db: any Database) async throws -> [(Int, [String])] {
        var query = FormRecord.query(on: db)
        if let formID { query = query.filter(\.$id == formID) }
        return try await query.all().compactMap { record in
            guard let id = record.id, let form = try? record.definition() else { return nil }
            return (id, form.indicators.filter { $0.consolidationRule == .choice || $0.consolidationRule == .common }.map(\.code).sorted())
        }
    }
}
