import Fluent
import SQLKit
import Vapor
import CCHCDomain

/// The consolidated form of a jurisdiction for a period: every received report under it, at any
/// depth, aggregated in the database with one GROUP BY over the unit tree (the materialised path
/// makes "all units under X" one indexed prefix condition).
struct ConsolidatedReport: Content {
    struct Unit: Content { var id: Int; var name: String; var kind: String }
    var jurisdiction: Unit
    var year: Int
    var period: PeriodKind
    var periodTitle: String
    var formCode: String
    var formTitle: String
    /// The units whose reports are counted (submitted or accepted, newest version), named while there are at most
    /// `ConsolidationService.namedIncludedLimit`; beyond that only `includedCount` gives them.
    var included: [Unit]
    /// Jurisdictions under it with no report received for the period (never itself: its own report goes upward).
    var missing: [Unit]
    var figures: [Consolidation.Figure]
    /// Only accepted reports were counted (otherwise everything submitted).
    var acceptedOnly: Bool = false
    /// The same figures for the previous period of the year and the same period a year earlier.
    var previousPeriod: String?
    var previous: [String: Double]?
    var lastYear: [String: Double]?
    /// Reports counted, the jurisdiction's own included.
    var includedCount: Int = 0
    /// Reports counted from the units below it.
    var includedBelow: Int = 0
}

enum ConsolidationService {
    /// States whose figures count: the report has reached the standing agency.
    static let countedStates = [ReportState.submitted.rawValue, ReportState.accepted.rawValue]

    /// The form a jurisdiction's area reports on for a year: its own regime's, the one it reports under,
    /// or (a province whose districts set the regimes) one issued below it.
    static func form(of jurisdiction: CCHCApp.Unit, year: Int, on db: any Database) async throws -> (id: Int, form: FormDefinition) {
        var found = try await RegimeRecord.query(on: db).filter(\.$issuer.$id == (try jurisdiction.requireID())).filter(\.$year == year).first()
        if found == nil { found = try await RegimeService.applicable(for: jurisdiction, year: year, on: db) }
        if found == nil {
            found = try await RegimeRecord.query(on: db).join(CCHCApp.Unit.self, on: \RegimeRecord.$issuer.$id == \CCHCApp.Unit.$id)
                .filter(CCHCApp.Unit.self, \.$path, .custom("LIKE"), jurisdiction.unitPath.subtreePattern).filter(\.$year == year).first()
        }
        guard let regime = found, let formID = regime.$form.id, let formRecord = try await FormRecord.find(formID, on: db) else {
            throw CCHCError.notFound("Chưa có chế độ báo cáo và biểu mẫu năm \(year) cho \(jurisdiction.name).")
        }
        return (formID, try formRecord.definition())
    }

    static func consolidate(jurisdiction: CCHCApp.Unit, year: Int, kind: PeriodKind, acceptedOnly: Bool = false,
                            on db: any Database) async throws -> ConsolidatedReport {
        guard let sql = db as? any SQLDatabase else { throw CCHCError(.internalServerError, "Cơ sở dữ liệu không hỗ trợ SQL.") }
        let (formID, form) = try await Self.form(of: jurisdiction, year: year, on: db)
        let pattern = jurisdiction.unitPath.subtreePattern
        let counted = CountedReports(pattern: pattern, formID: formID, kind: kind, year: year, acceptedOnly: acceptedOnly)

        // 1. Sums, fractions, the plain average of percentages, extremes and the answers of coded and catalogue rows,
        //    per indicator — from the live partial sums of the buckets below, plus the jurisdiction's own report.
        let jurisdictionID = try jurisdiction.requireID()
        var aggregates = try await Self.aggregates(jurisdiction: jurisdiction, form: form, counted: counted, on: sql)
        for (code, own) in try await Self.ownValues(of: jurisdictionID, formID: formID, year: year, kind: kind, on: sql) {
            aggregates[code, default: .init(code: code, reports: 0)].own = own
        }

        // 3. Who is in, who is missing.
        let units = try await Self.units(jurisdiction: jurisdiction, counted: counted, on: sql)
        // 2. For catalogue rows, who gave another value than most: each unit by name while the area is a district's size;
        //    beyond that, each area below (from the partial sums) with how many of its units differ.
        if units.count <= Self.namedDifferingLimit {
            try await Self.addDiffering(to: &aggregates, counted: counted, excluding: jurisdictionID, on: sql)
        } else {
            try await Self.addDifferingAreas(to: &aggregates, jurisdiction: jurisdiction, counted: counted, on: sql)
        }
        return ConsolidatedReport(
            jurisdiction: .init(id: try jurisdiction.requireID(), name: jurisdiction.name, kind: jurisdiction.kind.label),
            year: year, period: kind, periodTitle: kind.title(year: year), formCode: form.code, formTitle: form.title,
            included: units.included, missing: units.missing,
            figures: Consolidation.figures(form, aggregates), acceptedOnly: acceptedOnly, includedCount: units.count, includedBelow: units.below)
    }

    /// The jurisdiction's own report (current version, any state): its own figures for `own`, `areaWide` and `choice` rows.
    static func ownValues(of unitID: Int, formID: Int, year: Int, kind: PeriodKind,
                          on sql: any SQLDatabase) async throws -> [String: Consolidation.OwnValue] {
        struct Row: Decodable { let code: String; let number: Double?; let numerator: Double?; let denominator: Double? }
        let rows = try await sql.raw("""
            SELECT v.indicator_code AS code, v.number, v.numerator, v.denominator
            FROM report_values v
            JOIN reports r ON r.id = v.report_id
            JOIN reporting_periods p ON p.id = r.period_id JOIN regimes g ON g.id = p.regime_id
            WHERE r.unit_id = \(bind: unitID) AND r.is_current = \(bind: true) AND r.form_id = \(bind: formID)
              AND p.kind = \(bind: kind.code) AND g.year = \(bind: year)
            """).all(decoding: Row.self)
        return Dictionary(rows.map { ($0.code, .init(number: $0.number, numerator: $0.numerator, denominator: $0.denominator)) },
                          uniquingKeysWith: { a, _ in a })
    }

    /// For `common` rows, the units below that gave another value than the most frequent one (at most 20 a row).
    static func addDiffering(to aggregates: inout [String: Consolidation.Aggregate], counted: CountedReports, excluding unitID: Int,
                             on sql: any SQLDatabase) async throws {
        guard let differs = Self.differsFromMode(aggregates, code: "v.indicator_code", value: "v.number") else { return }
        struct Row: Decodable { let code: String; let number: Double; let name: String }
        let rows = try await sql.raw("""
            SELECT v.indicator_code AS code, v.number, u.name
            FROM report_values v
            JOIN reports r ON r.id = v.report_id \(counted.joins)
            JOIN units u ON u.id = r.unit_id
            WHERE \(counted.conditions) AND r.unit_id <> \(bind: unitID) AND v.number IS NOT NULL AND (\(differs))
            ORDER BY u.name_folded
            LIMIT 2000
            """).all(decoding: Row.self)
        for r in rows where (aggregates[r.code]?.differing.count ?? 20) < 20 {
            aggregates[r.code]?.differing.append("\(r.name): \(NumberFormat.vietnamese(r.number))")
        }
    }

    /// "(code = c1 AND value <> mode1) OR …" over the catalogue rows whose units gave more than one value; nil when none did.
    static func differsFromMode(_ aggregates: [String: Consolidation.Aggregate], code: String, value: String) -> SQLQueryString? {
        let modes = aggregates.values.compactMap { a in
            a.common.flatMap { c in c.values > 1 ? (a.code, c.mode) : nil }
        }.sorted { $0.0 < $1.0 }
        guard !modes.isEmpty else { return nil }
        let one = { (c: String, v: Double) -> SQLQueryString in "(\(unsafeRaw: code) = \(bind: c) AND \(unsafeRaw: value) <> \(bind: v))" }
        return modes.dropFirst().reduce(one(modes[0].0, modes[0].1)) { $0 + " OR " + one($1.0, $1.1) }
    }

    /// Adds the previous period's and last year's figures, for comparison with the change.
    static func withComparisons(_ report: ConsolidatedReport, jurisdiction: CCHCApp.Unit, on db: any Database) async throws -> ConsolidatedReport {
        var out = report
        let kind = report.period
        func values(_ r: ConsolidatedReport) -> [String: Double] {
            Dictionary(r.figures.compactMap { f in f.value.map { (f.code, $0) } }, uniquingKeysWith: { a, _ in a })
        }
        if let prev = kind.previousInYear,
           let r = try? await consolidate(jurisdiction: jurisdiction, year: report.year, kind: prev, acceptedOnly: report.acceptedOnly, on: db) {
            out.previousPeriod = prev.label
            out.previous = values(r)
        }
        if let r = try? await consolidate(jurisdiction: jurisdiction, year: report.year - 1, kind: kind, acceptedOnly: report.acceptedOnly, on: db) {
            out.lastYear = values(r)
        }
        return out
    }

    typealias MatrixRow = (unitID: Int, unit: String, values: [String: IndicatorValue])

    /// Units × indicators, for the second sheet of the workbook and the drill-down (plain rows, no aggregation), on the
    /// same basis as the figures (form, states, period).
    static func matrix(jurisdiction: CCHCApp.Unit, year: Int, kind: PeriodKind, acceptedOnly: Bool = false,
                       on db: any Database) async throws -> [MatrixRow] {
        var all: [MatrixRow] = []
        try await matrix(jurisdiction: jurisdiction, year: year, kind: kind, acceptedOnly: acceptedOnly, on: db) { all += $0 }
        return all
    }

    /// The same rows handed over `chunk` units at a time, in order (by level, then name), so a national export holds a
    /// few hundred units in memory, never the country.
    static func matrix(jurisdiction: CCHCApp.Unit, year: Int, kind: PeriodKind, acceptedOnly: Bool = false, chunk: Int = 400,
                       on db: any Database, _ body: ([MatrixRow]) throws -> Void) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        let (formID, _) = try await Self.form(of: jurisdiction, year: year, on: db)
        let counted = CountedReports(pattern: jurisdiction.unitPath.subtreePattern, formID: formID, kind: kind, year: year, acceptedOnly: acceptedOnly)
        // Keyed by unit, not by name: two communes may share a name. Each unit with the reports of it that count, read once,
        // so each chunk reads its values by report (an index) instead of finding the counted reports again.
        struct U: Decodable { let id: Int; let name: String; let depth: Int; let report_id: Int }
        let reporting = try await sql.raw("""
            SELECT u.id, u.name, u.depth, r.id AS report_id FROM reports r JOIN units u ON u.id = r.unit_id \(counted.joins)
            WHERE \(counted.conditions)
            """).all(decoding: U.self)
        let reportsOf = Dictionary(grouping: reporting, by: \.id).mapValues { $0.map(\.report_id) }
        // By level, then in Vietnamese alphabetical order (two units of one name by their number, always the same way).
        var seen = Set<Int>()
        let units = reporting.filter { seen.insert($0.id).inserted }
            .map { (VietnameseOrder.key(String(format: "%03d ", $0.depth) + $0.name), $0) }.sorted { ($0.0, $0.1.id) < ($1.0, $1.1.id) }.map(\.1)
        struct Row: Decodable {
            let report_id: Int; let code: String
            let number: Double?; let numerator: Double?; let denominator: Double?; let text: String?
        }
        for start in stride(from: 0, to: units.count, by: max(1, chunk)) {
            let part = units[start..<min(units.count, start + max(1, chunk))]
            var unitOf: [Int: Int] = [:]
            for u in part { for report in reportsOf[u.id] ?? [] { unitOf[report] = u.id } }
            let rows = try await sql.raw("""
                SELECT v.report_id, v.indicator_code AS code, v.number, v.numerator, v.denominator, v.text
                FROM report_values v WHERE v.report_id IN (\(binds: Array(unitOf.keys)))
                """).all(decoding: Row.self)
            var byUnit: [Int: [String: IndicatorValue]] = [:]
            for r in rows {
                guard let unit = unitOf[r.report_id] else { continue }
                byUnit[unit, default: [:]][r.code] = IndicatorValue(number: r.number, numerator: r.numerator, denominator: r.denominator,
                                                                    text: r.text)
            }
            try body(part.map { ($0.id, $0.name, byUnit[$0.id] ?? [:]) })
        }
    }
}

/// The one definition of "reports counted for this jurisdiction, period and basis", used by the figures,
/// the distributions, the list of units in and missing, the drill-down and every export: for each unit, the
/// newest version on the form that reached the standing agency — a correction in progress leaves the accepted
/// version counted until the new one is submitted — anywhere under the jurisdiction, that reached the standing agency (or, on the
/// accepted-only basis, were accepted), for the period kind of the year. For a query over `reports r`.
struct CountedReports {
    let pattern: String
    let formID: Int
    let kind: PeriodKind
    let year: Int
    let acceptedOnly: Bool
    /// Only this unit's own reports (by its id, which an index finds; the path pattern alone would scan every report).
    var unitID: Int?

    var states: [String] { acceptedOnly ? [ReportState.accepted.rawValue] : ConsolidationService.countedStates }
    var joins: SQLQueryString { "JOIN reporting_periods p ON p.id = r.period_id JOIN regimes g ON g.id = p.regime_id" }
    var conditions: SQLQueryString {
        let whose: SQLQueryString = unitID.map { "r.unit_id = \(bind: $0)" } ?? "\(SubtreeMatch(column: "r.unit_path", pattern: pattern))"
        return """
        \(whose) AND r.form_id = \(bind: formID) \
        AND p.kind = \(bind: kind.code) AND g.year = \(bind: year) AND \(Self.latest(states: states))
        """
    }

    /// The version that counts: in one of `states`, and no newer version of the unit's report for the period is.
    static func latest(states: [String]) -> SQLQueryString {
        """
        r.state IN (\(binds: states)) \
        AND NOT EXISTS (SELECT 1 FROM reports newer WHERE newer.unit_id = r.unit_id AND newer.period_id = r.period_id \
        AND newer.version > r.version AND newer.state IN (\(binds: states)))
        """
    }
}
