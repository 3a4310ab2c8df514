import Fluent
import Vapor
import CCHCDomain

/// A jurisdiction's consolidated figures for a period: `ConsolidationPage.Model` (the figures, the form,
/// the drill-down into one row), loaded by `Model.load`; `ConsolidationPage.View` renders it.
enum ConsolidationPage {}

extension ConsolidationPage {
    struct Model {
        var unit: Unit
        var unitID: Int
        var report: ConsolidatedReport
        var form: FormDefinition
        /// `?code=`: one indicator, every unit's own value.
        var drill: Drill?

        /// The page's title in the browser.
        var pageTitle: String { "Tổng hợp \(report.periodTitle)" }

        struct Drill {
            var code: String
            var indicator: Indicator
            var values: [(unit: String, value: IndicatorValue?)]
        }
    }
}

extension ConsolidationPage.Model {
    static func load(_ req: Request) async throws -> Self {
        let (unit, report, form) = try await ConsolidationPages.load(req)
        let unitID = try unit.requireID()
        var drill: Drill?
        if let code = try? req.query.get(String.self, at: "code"), let ind = form.indicator(code) {
            let matrix = try await ConsolidationService.matrix(jurisdiction: unit, year: report.year, kind: report.period,
                                                               acceptedOnly: report.acceptedOnly, on: req.db)
            drill = Drill(code: code, indicator: ind, values: matrix.map { ($0.unit, $0.values[code]) })
        }
        return Self(unit: unit, unitID: unitID, report: report, form: form, drill: drill)
    }
}
