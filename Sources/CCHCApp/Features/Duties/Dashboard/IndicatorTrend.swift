import Fluent
import Vapor
import CCHCDomain

/// One indicator of the statistics form across the periods of this year and last year, as consolidated for the jurisdiction
/// (the same consolidation the figures page shows): the overview's trend chart, the indicator chosen on the page.
struct IndicatorTrend: Content {
    struct Option: Content {
        var code: String
        var name: String
    }

    struct Series: Content {
        var year: Int
        var values: [Double?]
    }

    var code: String
    var name: String
    var periods: [String]
    var series: [Series]
    var options: [Option]

    static let kinds: [PeriodKind] = [.q1, .h1, .q3, .year]

    static func load(jurisdiction: Unit, year: Int, code: String?, on db: any Database) async throws -> IndicatorTrend? {
        guard let (_, form) = try? await ConsolidationService.form(of: jurisdiction, year: year, on: db) else { return nil }
        let numeric = form.indicators.filter { [.count, .number, .percent].contains($0.kind) }
        guard let chosen = numeric.first(where: { $0.code == code }) ?? numeric.first else { return nil }
        var series: [Series] = []
        for y in [year - 1, year] {
            var values: [Double?] = []
            for kind in kinds {
                let report = try? await ConsolidationService.consolidate(jurisdiction: jurisdiction, year: y, kind: kind, on: db)
                values.append(report.flatMap { r in r.includedCount == 0 ? nil : r.figures.first { $0.code == chosen.code }?.value })
            }
            series.append(Series(year: y, values: values))
        }
        return IndicatorTrend(code: chosen.code, name: chosen.name, periods: kinds.map(\.label), series: series,
                              options: numeric.map { Option(code: $0.code, name: $0.name) })
    }
}
