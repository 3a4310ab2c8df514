import Fluent
import SQLKit
import CCHCDomain

/// Where a consolidation's time goes (`cchc bench run --only consolidation`): each step of `ConsolidationService.consolidate`
/// timed alone for the root, so docs/PERFORMANCE.md can say which part a miss is made of.
extension BenchRunner {
    func consolidationParts(_ unit: Unit) async throws -> [BenchMeasurement] {
        let sql = try BenchSQL.sql(db)
        let (year, kind, db) = (ds.year, kind, db)
        let (formID, form) = try await ConsolidationService.form(of: unit, year: year, on: db)
        let counted = CountedReports(pattern: unit.unitPath.subtreePattern, formID: formID, kind: kind, year: year, acceptedOnly: false)
        let aggregates = try await ConsolidationService.aggregates(jurisdiction: unit, form: form, counted: counted, on: sql)
        let steps: [(String, String, () async throws -> Void)] = [
            ("form", "the regime's form, read and decoded", { _ = try await ConsolidationService.form(of: unit, year: year, on: db) }),
            ("figures", "the partial sums' rows and answers", {
                _ = try await ConsolidationService.aggregates(jurisdiction: unit, form: form, counted: counted, on: sql)
            }),
            ("own", "the jurisdiction's own report", {
                _ = try await ConsolidationService.ownValues(of: try unit.requireID(), formID: formID, year: year, kind: kind, on: sql)
            }),
            ("units", "reports counted, the missing named", {
                _ = try await ConsolidationService.units(jurisdiction: unit, counted: counted, on: sql)
            }),
            ("differing", "catalogue rows' differing areas", {
                var copy = aggregates
                try await ConsolidationService.addDifferingAreas(to: &copy, jurisdiction: unit, counted: counted, on: sql)
            }),
            ("rules", "the figures computed from the aggregates", { _ = Consolidation.figures(form, aggregates) }),
        ]
        var out: [BenchMeasurement] = []
        for (name, note, body) in steps {
            let ms = try await BenchTable.median(runs: runs, body)
            out.append(BenchMeasurement("consolidation.part.\(name)", ds, ms: ms, runs: runs, note: note))
        }
        return out
    }
}
