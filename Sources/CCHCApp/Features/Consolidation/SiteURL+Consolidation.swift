import CCHCDomain

/// The consolidated figures' addresses: a jurisdiction's figures for a period, and their files.
extension SiteURL {
    enum Consolidated: Resourceable {
        /// `/units/:unitID/consolidation/:year/:kind` (`?accepted=1`, `?code=` for one indicator's drill-down).
        case figures(Parameter<Int>, Parameter<Int>, Parameter<PeriodKind>)
        /// `…/export.xlsx`.
        case exportXLSX(Parameter<Int>, Parameter<Int>, Parameter<PeriodKind>)
        /// `…/export.csv`.
        case exportCSV(Parameter<Int>, Parameter<Int>, Parameter<PeriodKind>)
        /// `…/export.docx`.
        case exportDOCX(Parameter<Int>, Parameter<Int>, Parameter<PeriodKind>)

        var segments: [String] {
            switch self {
            case .figures(let unit, let year, let kind): Self.figures(unit, year, kind)
            case .exportXLSX(let unit, let year, let kind): Self.figures(unit, year, kind) + ["export.xlsx"]
            case .exportCSV(let unit, let year, let kind): Self.figures(unit, year, kind) + ["export.csv"]
            case .exportDOCX(let unit, let year, let kind): Self.figures(unit, year, kind) + ["export.docx"]
            }
        }

        private static func figures(_ unit: Parameter<Int>, _ year: Parameter<Int>, _ kind: Parameter<PeriodKind>) -> [String] {
            ["units", unit.segment("unitID"), "consolidation", year.segment("year"), kind.segment("kind")]
        }
    }
}

extension PeriodKind: PathValue {
    var pathText: String { code }
}
