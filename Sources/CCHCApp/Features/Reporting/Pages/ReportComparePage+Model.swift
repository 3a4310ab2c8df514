import Fluent
import Vapor
import CCHCDomain

/// Two versions of a report side by side: `ReportComparePage.Model` (both versions' values), loaded by
/// `Model.load`; `ReportComparePage.View` renders it.
enum ReportComparePage {}

extension ReportComparePage {
    struct Model {
        var unitID: Int
        var periodID: Int
        var unitName: String
        /// "Báo cáo Quý I/2021"
        var periodTitle: String
        var indicators: [Indicator]
        /// The versions compared: their numbers, states and values.
        var a: Version
        var b: Version

        struct Version {
            var number: Int
            var state: ReportState
            var values: [String: IndicatorValue]
        }
    }
}

extension ReportComparePage.Model {
    /// `?a=` and `?b=` (default: the first and the newest version); 404 for a version that does not exist.
    static func load(_ req: Request, _ ctx: ReportContext) async throws -> Self {
        let a = (try? req.query.get(Int.self, at: "a")) ?? 1
        let b = (try? req.query.get(Int.self, at: "b")) ?? (ctx.versions.first?.version ?? 1)
        guard let ra = ctx.versions.first(where: { $0.version == a }), let rb = ctx.versions.first(where: { $0.version == b }) else {
            throw CCHCError.notFound("Không có phiên bản này của báo cáo.")
        }
        let va = try await ReportService.values(of: ra, on: req.db)
        let vb = try await ReportService.values(of: rb, on: req.db)
        return Self(unitID: try ctx.unit.requireID(), periodID: try ctx.period.requireID(), unitName: ctx.unit.name,
                    periodTitle: ctx.period.periodKind.title(year: ctx.regime.year), indicators: ctx.form.indicators,
                    a: Version(number: a, state: ra.state, values: va), b: Version(number: b, state: rb.state, values: vb))
    }
}
