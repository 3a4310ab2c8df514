import Foundation
import Fluent
import SQLKit
import Testing
@testable import CCHCApp
import CCHCDomain

/// The benchmark harness (issue 14 §4) in small: the district scale generated into the test database (SQLite, or PostgreSQL
/// with DATABASE_URL), its counts, paths and figures checked, the consolidation against the plain GROUP BY, and the
/// in-process measurements of `cchc bench run` returning their lines — so the harness cannot rot.
@Suite struct BenchTests {
    static let year = 2025

    @Test func districtScaleGeneratesMeasuresAndRefusesToRunTwice() async throws {
        try await withTestApp(demo: false) { app in
            let summary = try await BenchGenerator(app: app, scale: .district, year: Self.year, say: { _ in }).generate()
            let db = app.db
            // 1 district, 6 offices, 20 communes; 21 jurisdictions report four periods, about 2 % missing.
            #expect(summary.units == 27)
            #expect(try await Unit.query(on: db).count() == 27)
            #expect(try await Unit.query(on: db).filter(\.$kind == .office).count() + (try await Unit.query(on: db).filter(\.$kind == .bureau).count()) == 6)
            #expect(summary.regimes == 1 && summary.periods == 4)
            let reports = try await Report.query(on: db).all()
            #expect(reports.count == summary.reports)
            #expect(reports.count >= 21 * 4 * 9 / 10 && reports.count <= 21 * 4 * 11 / 10)
            #expect(Set(reports.map(\.state)).isSuperset(of: [.accepted, .submitted]))
            let values = try await ReportValue.query(on: db).all()
            #expect(values.count == summary.values)
            #expect(values.count >= reports.count * 70 && values.count <= reports.count * 90)
            #expect(try await DirectingDocument.query(on: db).count() == reports.filter { $0.isCurrent }.count)
            #expect(summary.plans == 1 && summary.assessments == 20)
            #expect(try await User.query(on: db).count() == 3)

            // Paths, depths and folded names exactly as OrganisationService writes them; reports carry their unit's path.
            let units = try await Unit.query(on: db).all()
            let byID = Dictionary(uniqueKeysWithValues: units.map { ($0.id!, $0) })
            for u in units {
                let parentPath = u.$parent.id.flatMap { byID[$0]?.path } ?? "/"
                #expect(u.path == parentPath + "\(u.id!)/")
                #expect(u.depth == u.unitPath.depth)
                #expect(u.nameFolded == Folding.fold(u.name))
            }
            for r in reports { #expect(r.unitPath == byID[r.$unit.id]?.path) }

            // Every generated report is consistent with the form: no warning, fractions within their denominators, valid codes.
            let form = try #require(try await FormService.find(code: BenchGenerator.formCode, year: 2021, on: db)).definition()
            for (reportID, rows) in Dictionary(grouping: values, by: { $0.$report.id }) {
                let figures = Dictionary(uniqueKeysWithValues: rows.map { ($0.indicatorCode, $0.value) })
                #expect(FormValidator.warnings(form, values: figures).isEmpty, "báo cáo \(reportID)")
                for v in rows where v.denominator != nil { #expect((v.numerator ?? 0) <= (v.denominator ?? 0)) }
            }

            // The consolidation the pages show equals the plain GROUP BY over the same reports.
            let ds = try await BenchDataset.load(on: db)
            #expect(ds.scale == "district" && ds.year == Self.year && ds.root.code == "H01")
            let runner = BenchRunner(app: app, ds: ds, runs: 1)
            let floor = Dictionary(uniqueKeysWithValues: try await runner.groupBy(ds.root).map { ($0.code, $0) })
            let consolidated = try await ConsolidationService.consolidate(jurisdiction: ds.root, year: Self.year, kind: .year, on: db)
            var checked = 0
            for f in consolidated.figures {
                guard let row = floor[f.code] else { continue }
                switch f.rule {
                case .sum:
                    #expect(f.value == row.sum_number, "\(f.code)")
                    #expect(f.reports == row.reports, "\(f.code)")
                    checked += 1
                case .ratio:
                    #expect(f.numerator == row.sum_numerator && f.denominator == row.sum_denominator, "\(f.code)")
                    checked += 1
                default: break
                }
            }
            #expect(checked > 40)

            // The in-process measurements return their lines.
            let consolidation = try await runner.consolidation()
            #expect(consolidation.map(\.bench) == ["consolidation.district"] + ["form", "figures", "own", "units", "differing", "rules"]
                .map { "consolidation.part.\($0)" })
            let whole = consolidation.filter { !$0.bench.contains(".part.") }
            #expect(whole.allSatisfy { $0.ms != nil && $0.floor_ms != nil && $0.ratio != nil && $0.db == BenchSQL.name(db) })
            // Each step of the root's consolidation is timed on its own.
            #expect(consolidation.filter { $0.bench.contains(".part.") }.allSatisfy { $0.ms != nil && $0.db == BenchSQL.name(db) })
            let save = try await runner.save()
            #expect(save.first?.bench == "report.save" && save.first?.ms != nil && save.first?.floor_ms != nil)
            let saved = try await Report.query(on: db).filter(\.$unit.$id == ds.saveUnit.id!).filter(\.$state == .draft).first()
            #expect(saved?.revision ?? 0 > 2)
            let ranking = try await runner.parRanking()
            #expect(ranking.first?.ms != nil && ranking.first?.note == "20 đơn vị")
            let line = try #require(consolidation.first).jsonLine
            let decoded = try JSONDecoder().decode(BenchMeasurement.self, from: Data(line.utf8))
            #expect(decoded == consolidation.first)

            // A second run on the same database is refused with a message, not a crash.
            await #expect(throws: CCHCError.self) {
                _ = try await BenchGenerator(app: app, scale: .district, year: Self.year, say: { _ in }).generate()
            }
        }
    }

    @Test func runRefusesAnEmptyOrNonBenchDatabaseClearly() async throws {
        try await withTestApp(demo: false) { app in
            do {
                _ = try await BenchDataset.load(on: app.db)
                Issue.record("an empty database was accepted")
            } catch let error as CCHCError {
                #expect(error.message.contains("trống") && error.message.contains("bench generate"))
            }
        }
        try await withTestApp(demo: true) { app in
            do {
                _ = try await BenchDataset.load(on: app.db)
                Issue.record("the demo database was taken for a generated one")
            } catch let error as CCHCError {
                #expect(error.message == BenchDataset.notBench)
            }
        }
    }

    @Test func theNationalTreesHaveTheirSizes() {
        let tree2020 = BenchTree(scale: .nation2020, firstID: 1)
        #expect(tree2020.units.filter { $0.kind.tier == .province }.count == 63)
        #expect(tree2020.units.filter { $0.kind.tier == .district }.count == 705)
        #expect(tree2020.units.filter { $0.kind.tier == .commune }.count == 10_599)
        #expect(tree2020.issuers.count == 1 + 63 + 705)
        #expect(tree2020.reporting.count == 63 + 705 + 10_599)
        let tree2025 = BenchTree(scale: .nation2025, firstID: 1)
        #expect(tree2025.units.filter { $0.kind.tier == .province }.count == 34)
        #expect(tree2025.units.filter { $0.kind.tier == .commune }.count == 3_321)
        #expect(tree2025.units.filter { $0.kind == .department || $0.kind == .bureau || $0.kind == .board }.count == 34 * 20)
        for tree in [tree2020, tree2025] {
            #expect(Set(tree.units.map(\.code)).count == tree.units.count)
            let ids = Set(tree.units.map(\.id))
            #expect(tree.units.allSatisfy { u in u.parentID.map(ids.contains) ?? true })
        }
    }

    /// The country of 2020 in the database: its 19 k units written with their paths, and its 769 regimes with their periods —
    /// more rows than one statement holds, so a period written before its regime would fail its foreign key.
    @Test func theCountryOf2020IsWrittenWithItsRegimes() async throws {
        try await withTestApp(demo: false) { app in
            let tree = BenchTree(scale: .nation2020, firstID: 1)
            let generator = BenchGenerator(app: app, scale: .nation2020, year: Self.year, say: { _ in })
            try await generator.insertUnits(tree, on: app.db)
            #expect(try await Unit.query(on: app.db).count() == tree.units.count)
            let nation = try #require(try await Unit.query(on: app.db).filter(\.$kind == .nation).first())
            #expect(nation.path == "/\(nation.id!)/" && nation.depth == 1)
            let form = try #require(try await FormService.find(code: BenchGenerator.formCode, year: 2021, on: app.db))
            let periods = try await generator.regimes(tree, formID: try form.requireID(), on: app.db)
            #expect(periods.count == 769)
            #expect(try await RegimeRecord.query(on: app.db).count() == 769)
            #expect(try await PeriodRecord.query(on: app.db).count() == 769 * 4)
            // A commune reports under its district's regime: the one RegimeService finds for it.
            let commune = try #require(try await Unit.query(on: app.db).filter(\.$code == "T01-H01-X001").first())
            let applicable = try #require(try await RegimeService.applicable(for: commune, year: Self.year, on: app.db))
            #expect(applicable.$issuer.id == commune.$parent.id)
        }
    }

    @Test func generatedFiguresHoldTheFormsRules() throws {
        let form = try FormCodec.decode(Data(Resources.text("Forms/CCHC-TK-2021.json").utf8))
        let generator = BenchValues(form: form)
        #expect(generator.rules.count == form.rules.count)
        for n in 0..<300 {
            let kind: PeriodKind = [.q1, .h1, .q3, .year][n % 4]
            let values = generator.values(seed: "unit-\(n)", size: 0.4 + Double(n % 50) / 5, period: kind, catalogue: n % 7)
            #expect(FormValidator.warnings(form, values: values).isEmpty, "seed \(n)")
            for ind in form.indicators where ind.kind == .choice {
                #expect(values[ind.code]?.number.flatMap { $0.exactInt }.flatMap(ind.choiceLabel) != nil)
            }
        }
    }

    @Test func wrkReportIsRead() {
        let sample = """
            Running 10s test @ http://127.0.0.1:18080/health
              2 threads and 16 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     1.02ms  343.12us   9.87ms   82.00%
              Latency Distribution
                 50%  812.00us
                 75%    1.20ms
                 90%    1.50ms
                 99%    1.05s
              157613 requests in 10.00s, 20.44MB read
              Non-2xx or 3xx responses: 12
            Requests/sec:  15757.51
            Transfer/sec:      2.04MB
            """
        let parsed = BenchServer.parseWrk(sample)
        #expect(parsed.rps == 15757.51)
        #expect(parsed.p50 == 0.812)
        #expect(parsed.p99 == 1050)
        #expect(parsed.requests == 157_613)
        #expect(parsed.errors == 12)
        #expect(BenchTable.render([]).contains("Phép đo"))
    }
}
