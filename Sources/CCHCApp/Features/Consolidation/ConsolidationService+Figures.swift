import Fluent
import SQLKit
import CCHCDomain

/// The per-indicator aggregates of a consolidation, two ways that must agree:
/// - `aggregates`, what the pages, the API and the files use: the live partial sums of every bucket at or below the
///   jurisdiction (`ConsolidationPartials`) and its own report, one GROUP BY over a few rows per bucket;
/// - `plainAggregates`, the floor: one GROUP BY over every counted value below the jurisdiction. The test suite and the
///   benchmark harness hold the first against the second.
extension ConsolidationService {
    private struct Row: Decodable {
        let code: String
        let reports: Int
        let sum_number: Double?
        let count_number: Int
        let sum_numerator: Double?
        let sum_denominator: Double?
        let count_fraction: Int
        let sum_percent: Double?
        let count_percent: Int
        let max_number: Double?
        let min_number: Double?

        var aggregate: Consolidation.Aggregate {
            .init(code: code, reports: reports, sumNumber: sum_number, countNumber: count_number, sumNumerator: sum_numerator,
                  sumDenominator: sum_denominator, countFraction: count_fraction,
                  averagePercent: count_percent > 0 ? sum_percent.map { $0 / Double(count_percent) } : nil,
                  maxNumber: max_number, minNumber: min_number)
        }
    }

    private struct Answer: Decodable { let code: String; let answer: Double; let units: Int }

    /// The figures' aggregates from the partial sums (see the type's comment).
    static func aggregates(jurisdiction: CCHCApp.Unit, form: FormDefinition, counted: CountedReports,
                           on sql: any SQLDatabase) async throws -> [String: Consolidation.Aggregate] {
        let own = CountedReports(pattern: jurisdiction.path, formID: counted.formID, kind: counted.kind, year: counted.year,
                                 acceptedOnly: counted.acceptedOnly, unitID: try jurisdiction.requireID())
        let partials = ConsolidationAreas.select("""
            indicator_code AS code, reports, sum_number, count_number, sum_numerator, sum_denominator, count_fraction, \
            sum_percent, count_percent, max_number, min_number
            """, bucketTable: ConsolidationPartials.partials, for: jurisdiction, counted: counted)
        let percent = ConsolidationPartials.percent
        let rows = try await sql.raw("""
            SELECT code, CAST(SUM(reports) AS BIGINT) AS reports, SUM(sum_number) AS sum_number,
                   CAST(SUM(count_number) AS BIGINT) AS count_number, SUM(sum_numerator) AS sum_numerator,
                   SUM(sum_denominator) AS sum_denominator, CAST(SUM(count_fraction) AS BIGINT) AS count_fraction,
                   SUM(sum_percent) AS sum_percent, CAST(SUM(count_percent) AS BIGINT) AS count_percent,
                   MAX(max_number) AS max_number, MIN(min_number) AS min_number
            FROM (
                \(partials)
                UNION ALL
                SELECT v.indicator_code, 1, v.number, CASE WHEN v.number IS NULL THEN 0 ELSE 1 END, v.numerator, v.denominator,
                       CASE WHEN v.denominator IS NULL THEN 0 ELSE 1 END, \(percent), CASE WHEN \(percent) IS NULL THEN 0 ELSE 1 END,
                       v.number, v.number
                FROM report_values v JOIN reports r ON r.id = v.report_id \(own.joins)
                WHERE \(own.conditions)
            ) x
            GROUP BY code
            """).all(decoding: Row.self)
        var out = Dictionary(rows.map { ($0.code, $0.aggregate) }, uniquingKeysWith: { a, _ in a })
        let answers = ConsolidationAreas.select("indicator_code AS code, answer, units", bucketTable: ConsolidationPartials.answers,
                                                for: jurisdiction, counted: counted)
        let choices = form.indicators.filter { $0.consolidationRule == .choice }.map(\.code).sorted()
        if !choices.isEmpty {
            add(try await sql.raw("""
                SELECT code, answer, CAST(SUM(units) AS BIGINT) AS units FROM (\(answers)) x
                WHERE code IN (\(binds: choices)) GROUP BY code, answer
                """).all(decoding: Answer.self), to: &out, form: form)
        }
        let catalogue = form.indicators.filter { $0.consolidationRule == .common }.map(\.code).sorted()
        if !catalogue.isEmpty {
            for (code, common) in try await commonAnswers(of: answers, codes: catalogue, on: sql) { out[code]?.common = common }
        }
        return out
    }

    /// Each catalogue row's most frequent answer (the smaller on a tie, as `CommonAnswers(counts:)`), with how many units
    /// gave it, gave any and how many values there were — one row per catalogue row out of the database, however many
    /// different values the country's units gave.
    static func commonAnswers(of answers: SQLQueryString, codes: [String],
                              on sql: any SQLDatabase) async throws -> [String: Consolidation.CommonAnswers] {
        struct Row: Decodable { let code: String; let answer: Double; let units: Int; let total: Int; let kinds: Int }
        let rows = try await sql.raw("""
            SELECT code, answer, units, total, kinds FROM (
                SELECT code, answer, units, CAST(SUM(units) OVER (PARTITION BY code) AS BIGINT) AS total,
                       CAST(COUNT(*) OVER (PARTITION BY code) AS BIGINT) AS kinds,
                       ROW_NUMBER() OVER (PARTITION BY code ORDER BY units DESC, answer) AS place
                FROM (SELECT code, answer, CAST(SUM(units) AS BIGINT) AS units FROM (\(answers)) x
                      WHERE code IN (\(binds: codes)) GROUP BY code, answer) t
            ) m WHERE place = 1
            """).all(decoding: Row.self)
        return Dictionary(rows.map { ($0.code, .init(mode: $0.answer, agreeing: $0.units, total: $0.total, values: $0.kinds)) },
                          uniquingKeysWith: { a, _ in a })
    }

    /// The floor: the same aggregates by one GROUP BY over every counted value below the jurisdiction.
    static func plainAggregates(jurisdiction: CCHCApp.Unit, form: FormDefinition, counted: CountedReports,
                                on sql: any SQLDatabase) async throws -> [String: Consolidation.Aggregate] {
        let percent = ConsolidationPartials.percent
        let rows = try await sql.raw("""
            SELECT v.indicator_code AS code, COUNT(*) AS reports, SUM(v.number) AS sum_number, COUNT(v.number) AS count_number,
                   SUM(v.numerator) AS sum_numerator, SUM(v.denominator) AS sum_denominator, COUNT(v.denominator) AS count_fraction,
                   SUM(\(percent)) AS sum_percent, COUNT(\(percent)) AS count_percent,
                   MAX(v.number) AS max_number, MIN(v.number) AS min_number
            FROM report_values v
            JOIN reports r ON r.id = v.report_id \(counted.joins)
            WHERE \(counted.conditions)
            GROUP BY v.indicator_code
            """).all(decoding: Row.self)
        var out = Dictionary(rows.map { ($0.code, $0.aggregate) }, uniquingKeysWith: { a, _ in a })
        let codes = form.indicators.filter { $0.consolidationRule == .choice || $0.consolidationRule == .common }.map(\.code).sorted()
        guard !codes.isEmpty else { return out }
        let answers = try await sql.raw("""
            SELECT v.indicator_code AS code, v.number AS answer, COUNT(*) AS units
            FROM report_values v
            JOIN reports r ON r.id = v.report_id \(counted.joins)
            WHERE \(counted.conditions) AND r.unit_path <> \(bind: jurisdiction.path)
              AND v.indicator_code IN (\(binds: codes)) AND v.number IS NOT NULL
            GROUP BY v.indicator_code, v.number
            """).all(decoding: Answer.self)
        add(answers, to: &out, form: form)
        return out
    }

    /// Above this many reports, the units that differ on a catalogue row are counted per area, not named one by one.
    static let namedDifferingLimit = 300

    /// For `common` rows at scale: "Tỉnh An Thạnh: 2 đơn vị khác (108; 110)" for each area below whose units gave another
    /// value than the most frequent, from the partial sums' answers (at most 20 a row).
    static func addDifferingAreas(to aggregates: inout [String: Consolidation.Aggregate], jurisdiction: CCHCApp.Unit,
                                  counted: CountedReports, on sql: any SQLDatabase) async throws {
        guard let differs = differsFromMode(aggregates, code: "a.indicator_code", value: "a.answer") else { return }
        struct Row: Decodable { let code: String; let units: Int; let name: String; let answers: String }
        // The country: its provinces (the area rows); a province or below: the districts (the buckets). One row per
        // catalogue row and area, its other values joined in SQL: a few hundred rows, not one per value and area.
        let answers = ConsolidationAreas.select("bucket_id, indicator_code, answer, units", bucketTable: ConsolidationPartials.answers,
                                                for: jurisdiction, counted: counted, areaRow: false)
        let joined: SQLQueryString = sql.dialect.name == "postgresql"
            ? "string_agg(CAST(a.answer AS TEXT), ';')" : "group_concat(CAST(a.answer AS TEXT), ';')"
        let rows = try await sql.raw("""
            SELECT a.indicator_code AS code, CAST(SUM(a.units) AS BIGINT) AS units, b.name, \(joined) AS answers
            FROM (\(answers)) a JOIN units b ON b.id = a.bucket_id
            WHERE \(differs)
            GROUP BY a.indicator_code, b.id, b.name
            """).all(decoding: Row.self)
        for (code, areas) in Dictionary(grouping: rows, by: \.code) {
            for area in VietnameseOrder.sorted(areas, by: { $0.name }).prefix(20) {
                let values = Set(area.answers.split(separator: ";").compactMap { Double($0) }).sorted().map { NumberFormat.vietnamese($0) }
                aggregates[code]?.differing.append("\(area.name): \(area.units) đơn vị khác (\(values.joined(separator: "; ")))")
            }
        }
    }

    /// What the units below answered on coded rows (the distribution) and catalogue rows (the most frequent value and
    /// how many agree, from every value's units).
    private static func add(_ answers: [Answer], to aggregates: inout [String: Consolidation.Aggregate], form: FormDefinition) {
        let rules = Dictionary(form.indicators.map { ($0.code, $0.consolidationRule) }, uniquingKeysWith: { a, _ in a })
        var catalogue: [String: [Double: Int]] = [:]
        for c in answers {
            if rules[c.code] == .choice, let answer = c.answer.exactInt { aggregates[c.code]?.distribution[answer, default: 0] += c.units }
            if rules[c.code] == .common { catalogue[c.code, default: [:]][c.answer, default: 0] += c.units }
        }
        for (code, counts) in catalogue { aggregates[code]?.common = .init(counts: counts) }
    }
}
