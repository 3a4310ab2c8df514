import Fluent
import SQLKit
import CCHCDomain

/// The second level of the live partial sums: per **area** — a province-tier unit — the sum of the rows of every bucket
/// at or below it, so the country reads one row per province and indicator instead of one per district.
///
/// An area's rows are recomputed from its buckets' rows (a few hundred) in the same transaction that refreshes one of
/// them, under the area's own lock: a submission locks its district's bucket and its province's area, never a row every
/// submission in the country shares. The tables mirror the bucket tables (`bucket_id`, `bucket_path` name the area).
/// Reading: a province reads its area row; the country reads its provinces' areas plus its own bucket (the provinces' own
/// reports) — a nation holds only provinces and ministries, and a ministry holds nothing.
enum ConsolidationAreas {
    /// Bucket table → its area table.
    static let tables: [(bucket: String, area: String)] = [
        (ConsolidationPartials.partials, "consolidation_area_partials"),
        (ConsolidationPartials.answers, "consolidation_area_answers"),
        (ConsolidationPartials.reports, "consolidation_area_reports"),
    ]
    static var partials: String { tables[0].area }
    static var answers: String { tables[1].area }
    static var reports: String { tables[2].area }

    static var areaKinds: [String] { UnitKind.allCases.filter { $0.tier == .province }.map(\.rawValue) }

    /// The area of a bucket: the province-tier unit at or above it (nil for the nation's own bucket).
    static func area(ofBucket bucket: Int, on db: any Database) async throws -> Unit? {
        guard let unit = try await Unit.find(bucket, on: db) else { return nil }
        return try await area(within: Array(unit.unitPath.ids), on: db)
    }

    /// The province-tier unit among `ids` (a path's units, top first), in one query.
    static func area(within ids: [Int], on db: any Database) async throws -> Unit? {
        try await Unit.query(on: db).filter(\.$id ~~ ids).filter(\.$kind ~~ UnitKind.allCases.filter { $0.tier == .province }).first()
    }

    /// Only this transaction recomputes the area until it ends (taken before any of its buckets' locks).
    static func lock(area: Int, on sql: any SQLDatabase) async throws {
        guard sql.dialect.name == "postgresql" else { return }
        try await sql.raw("SELECT pg_advisory_xact_lock(\(bind: 74_000_000 + area))").run()
    }

    /// Recomputes the rows of `areas` from their buckets' rows (for one form, year and period kind, or all).
    static func rebuild(_ areas: [Unit], scope: ConsolidationPartials.Scope, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        var only: SQLQueryString = ""
        if let formID = scope.formID { only = only + " AND form_id = \(bind: formID)" }
        if let year = scope.year { only = only + " AND year = \(bind: year)" }
        if let kind = scope.kind { only = only + " AND period_kind = \(bind: kind.code)" }
        let keys = "form_id, year, period_kind, basis"
        for area in areas {
            guard let id = area.id else { continue }
            for (_, table) in tables { try await sql.raw("DELETE FROM \(ident: table) WHERE bucket_id = \(bind: id)\(only)").run() }
            let from: SQLQueryString = "WHERE \(SubtreeMatch(column: "bucket_path", pattern: area.unitPath.subtreePattern))\(only)"
            try await sql.raw("""
                INSERT INTO \(ident: partials) (bucket_id, bucket_path, \(unsafeRaw: keys), indicator_code, reports, sum_number, count_number,
                    sum_numerator, sum_denominator, count_fraction, sum_percent, count_percent, max_number, min_number)
                SELECT \(bind: id), \(bind: area.path), \(unsafeRaw: keys), indicator_code, SUM(reports), SUM(sum_number), SUM(count_number),
                       SUM(sum_numerator), SUM(sum_denominator), SUM(count_fraction), SUM(sum_percent), SUM(count_percent),
                       MAX(max_number), MIN(min_number)
                FROM \(ident: ConsolidationPartials.partials) \(from)
                GROUP BY \(unsafeRaw: keys), indicator_code
                """).run()
            try await sql.raw("""
                INSERT INTO \(ident: answers) (bucket_id, bucket_path, \(unsafeRaw: keys), indicator_code, answer, units)
                SELECT \(bind: id), \(bind: area.path), \(unsafeRaw: keys), indicator_code, answer, SUM(units)
                FROM \(ident: ConsolidationPartials.answers) \(from)
                GROUP BY \(unsafeRaw: keys), indicator_code, answer
                """).run()
            try await sql.raw("""
                INSERT INTO \(ident: reports) (bucket_id, bucket_path, \(unsafeRaw: keys), reports)
                SELECT \(bind: id), \(bind: area.path), \(unsafeRaw: keys), SUM(reports)
                FROM \(ident: ConsolidationPartials.reports) \(from)
                GROUP BY \(unsafeRaw: keys)
                """).run()
        }
    }

    /// Every area, from the bucket rows (after a bulk load).
    static func rebuildAll(on db: any Database) async throws {
        let areas = try await Unit.query(on: db).filter(\.$kind ~~ UnitKind.allCases.filter { $0.tier == .province }).all()
        try await rebuild(areas, scope: .init(), on: db)
    }

    /// `SELECT columns` over the rows a jurisdiction's figures are read from, for the counted form, year, period and basis:
    /// its area row (a province), its provinces' areas and its own bucket (the country), or its buckets (a district or
    /// below, and a province when `areaRow` is false: its districts by name for the differing areas).
    static func select(_ columns: String, bucketTable: String, for jurisdiction: Unit, counted: CountedReports,
                       areaRow: Bool = true) -> SQLQueryString {
        let basis: ConsolidationPartials.Basis = counted.acceptedOnly ? .accepted : .submitted
        let keys: SQLQueryString = """
            form_id = \(bind: counted.formID) AND year = \(bind: counted.year) AND period_kind = \(bind: counted.kind.code) \
            AND basis = \(bind: basis.rawValue)
            """
        let areaTable = tables.first { $0.bucket == bucketTable }?.area ?? bucketTable
        switch jurisdiction.kind.tier {
        case .province where areaRow:
            return "SELECT \(unsafeRaw: columns) FROM \(ident: areaTable) WHERE \(keys) AND bucket_id = \(bind: jurisdiction.id ?? 0)"
        case .nation:
            return """
                SELECT \(unsafeRaw: columns) FROM \(ident: areaTable) WHERE \(keys) AND \(SubtreeMatch(column: "bucket_path", pattern: counted.pattern)) \
                UNION ALL SELECT \(unsafeRaw: columns) FROM \(ident: bucketTable) WHERE \(keys) AND bucket_id = \(bind: jurisdiction.id ?? 0)
                """
        default:
            return "SELECT \(unsafeRaw: columns) FROM \(ident: bucketTable) WHERE \(keys) AND \(SubtreeMatch(column: "bucket_path", pattern: counted.pattern))"
        }
    }
}
