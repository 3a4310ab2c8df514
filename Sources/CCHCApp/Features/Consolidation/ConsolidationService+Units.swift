import Fluent
import SQLKit
import CCHCDomain

/// Who is in a consolidation and who is missing, two ways that must agree (as the figures):
/// - `units`, what the pages, the API and the files use: the number of reports counted from the live per-bucket counts
///   (`consolidation_reports`) plus the jurisdiction's own report; the names of the units counted only while they are a
///   district's size (`namedIncludedLimit`), and always the names of the jurisdictions still missing, found by one
///   anti-join against the units that reported (one set from the period's reports, not a probe a unit) — a national
///   consolidation reads the few hundred missing units, never the eleven thousand that reported;
/// - `plainUnits`, the floor: every jurisdiction under it with the reports counted of each, one LEFT JOIN.
extension ConsolidationService {
    struct Units {
        /// Reports counted, the jurisdiction's own included.
        var count: Int
        /// Reports counted from the units below it.
        var below: Int
        /// The units counted, by level then in Vietnamese order; empty beyond `namedIncludedLimit`.
        var included: [ConsolidatedReport.Unit]
        /// The jurisdictions below it (not retired) with no report counted, by level then in Vietnamese order.
        var missing: [ConsolidatedReport.Unit]
    }

    /// Beyond this many reports the units counted are given by number only.
    static let namedIncludedLimit = 300

    private struct Listed: Decodable { let id: Int; let name: String; let kind: String; let depth: Int; let received: Int }
    private struct Count: Decodable { let n: Int }

    /// `namedLimit` is the test suite's way to take the counting path on a small tree.
    static func units(jurisdiction: CCHCApp.Unit, counted: CountedReports, namedLimit: Int = namedIncludedLimit,
                      on sql: any SQLDatabase) async throws -> Units {
        let jurisdictionID = try jurisdiction.requireID()
        let own = CountedReports(pattern: jurisdiction.path, formID: counted.formID, kind: counted.kind, year: counted.year,
                                 acceptedOnly: counted.acceptedOnly, unitID: try jurisdiction.requireID())
        let counts = ConsolidationAreas.select("reports", bucketTable: ConsolidationPartials.reports, for: jurisdiction, counted: counted)
        let below = try await sql.raw("SELECT CAST(COALESCE(SUM(reports), 0) AS BIGINT) AS n FROM (\(counts)) x")
            .first(decoding: Count.self)?.n ?? 0
        let ownCounted = try await sql.raw("SELECT COUNT(*) AS n FROM reports r \(own.joins) WHERE \(own.conditions)")
            .first(decoding: Count.self)?.n ?? 0
        if below + ownCounted <= namedLimit {
            return try await plainUnits(jurisdiction: jurisdiction, counted: counted, on: sql)
        }
        let missing = try await missingJurisdictions(under: jurisdiction, counted: counted, on: sql)
        return Units(count: below + ownCounted, below: below, included: [], missing: missing)
    }

    /// The jurisdictions below with no report counted, looked for only in the buckets that hold more jurisdictions than
    /// report in them: per bucket, the jurisdictions not retired from the units, against the distinct ones with a report
    /// counted from `consolidation_reports` (kept by the transactions that submit, move, change a unit's kind or merge).
    /// Where the two agree every jurisdiction of the bucket reported; elsewhere each is probed for a report. A national
    /// consolidation reads the units' kinds and a few hundred bucket rows, then probes the buckets with someone missing.
    static func missingJurisdictions(under jurisdiction: CCHCApp.Unit, counted: CountedReports,
                                     on sql: any SQLDatabase) async throws -> [ConsolidatedReport.Unit] {
        struct Bucket: Decodable { let bucket: Int }
        let jurisdictionID = try jurisdiction.requireID()
        let basis: ConsolidationPartials.Basis = counted.acceptedOnly ? .accepted : .submitted
        let short = try await sql.raw("""
            SELECT e.bucket FROM (
                SELECT u.parent_id AS bucket, COUNT(*) AS n FROM units u
                WHERE \(SubtreeMatch(column: "u.path", pattern: counted.pattern)) AND u.id <> \(bind: jurisdictionID)
                  AND u.kind IN (\(binds: jurisdictionKinds)) AND u.retired_on IS NULL
                GROUP BY u.parent_id) e
            LEFT JOIN \(ident: ConsolidationPartials.reports) c
              ON c.bucket_id = e.bucket AND c.form_id = \(bind: counted.formID) AND c.year = \(bind: counted.year)
             AND c.period_kind = \(bind: counted.kind.code) AND c.basis = \(bind: basis.rawValue)
            WHERE COALESCE(c.reporters, 0) < e.n
            """).all(decoding: Bucket.self).map(\.bucket)
        guard !short.isEmpty else { return [] }
        let missing = try await sql.raw("""
            SELECT u.id, u.name, u.kind, u.depth, 0 AS received FROM units u
            WHERE u.parent_id IN (\(binds: short)) AND \(SubtreeMatch(column: "u.path", pattern: counted.pattern)) AND u.id <> \(bind: jurisdictionID)
              AND u.retired_on IS NULL AND u.kind IN (\(binds: jurisdictionKinds))
              AND NOT EXISTS (SELECT 1 FROM reports r \(counted.joins)
                              WHERE r.unit_id = u.id AND r.form_id = \(bind: counted.formID) AND r.state IN (\(binds: counted.states))
                                AND p.kind = \(bind: counted.kind.code) AND g.year = \(bind: counted.year))
            """).all(decoding: Listed.self)
        return ordered(missing)
    }

    /// The floor, and the named lists of a district-sized consolidation: every jurisdiction under it (and itself) with the
    /// reports counted of each, and the retired units whose reports still count.
    static func plainUnits(jurisdiction: CCHCApp.Unit, counted: CountedReports, on sql: any SQLDatabase) async throws -> Units {
        let jurisdictionID = try jurisdiction.requireID()
        let units = try await sql.raw("""
            SELECT u.id, u.name, u.kind, u.depth, COALESCE(c.received, 0) AS received
            FROM units u
            LEFT JOIN (SELECT r.unit_id, COUNT(*) AS received FROM reports r \(counted.joins)
                       WHERE \(counted.conditions) GROUP BY r.unit_id) c ON c.unit_id = u.id
            WHERE \(SubtreeMatch(column: "u.path", pattern: counted.pattern))
              AND ((u.retired_on IS NULL AND u.kind IN (\(binds: jurisdictionKinds))) OR c.received > 0)
            """).all(decoding: Listed.self)
        let included = units.filter { $0.received > 0 }
        let below = included.filter { $0.id != jurisdictionID }.reduce(0) { $0 + $1.received }
        return Units(count: included.reduce(0) { $0 + $1.received }, below: below, included: ordered(included),
                     missing: ordered(units.filter { $0.received == 0 && $0.id != jurisdictionID }))
    }

    static var jurisdictionKinds: [String] { UnitKind.allCases.filter(\.isJurisdiction).map(\.rawValue) }

    /// By level, then in Vietnamese alphabetical order; two units of one name by their number, so both paths agree.
    private static func ordered(_ units: [Listed]) -> [ConsolidatedReport.Unit] {
        units.map { (String(format: "%03d", $0.depth) + VietnameseOrder.key($0.name), $0) }.sorted { ($0.0, $0.1.id) < ($1.0, $1.1.id) }
            .map { .init(id: $0.1.id, name: $0.1.name, kind: UnitKind(rawValue: $0.1.kind)?.label ?? $0.1.kind) }
    }
}
