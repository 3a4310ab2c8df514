import CCHCDomain

/// The reporting addresses: statistics forms, and a unit's reports, their files, the timeliness table and its regime.
extension SiteURL {
    enum Forms: Resourceable {
        /// `/forms`.
        case list
        /// `/forms/import` (POST).
        case `import`
        /// `/forms/:formID`.
        case form(Parameter<Int>)
        /// `/forms/:formID/export` (JSON).
        case export(Parameter<Int>)
        /// `/forms/:formID/edit`: the readable editor (GET, POST).
        case edit(Parameter<Int>)
        /// `/forms/:formID/preview`: the form as a unit fills it.
        case preview(Parameter<Int>)

        var segments: [String] {
            switch self {
            case .list: ["forms"]
            case .import: ["forms", "import"]
            case .form(let form): ["forms", form.segment("formID")]
            case .export(let form): ["forms", form.segment("formID"), "export"]
            case .edit(let form): ["forms", form.segment("formID"), "edit"]
            case .preview(let form): ["forms", form.segment("formID"), "preview"]
            }
        }
    }

    enum Reports: Resourceable {
        /// `/units/:unitID/reports` (`?year=`).
        case list(Parameter<Int>)
        /// `/units/:unitID/reports/:periodID`: the report (GET) and its save (POST).
        case report(Parameter<Int>, Parameter<Int>)
        /// `/units/:unitID/reports/:periodID/actions/:action` (POST).
        case action(Parameter<Int>, Parameter<Int>, Parameter<ReportAction>)
        /// `/units/:unitID/reports/:periodID/compare` (`?a=&b=`).
        case compare(Parameter<Int>, Parameter<Int>)
        /// `/units/:unitID/reports/:periodID/assemble` (POST).
        case assemble(Parameter<Int>, Parameter<Int>)
        /// `/units/:unitID/reports/:periodID/export.xlsx`.
        case exportXLSX(Parameter<Int>, Parameter<Int>)
        /// `/units/:unitID/reports/:periodID/export.docx`.
        case exportDOCX(Parameter<Int>, Parameter<Int>)
        /// `/units/:unitID/reports/:periodID/import.xlsx` (POST, multipart).
        case importXLSX(Parameter<Int>, Parameter<Int>)
        /// `/units/:unitID/timeliness` (`?year=&sort=`).
        case timeliness(Parameter<Int>)
        /// `/units/:unitID/timeliness.csv` (`?year=`).
        case timelinessCSV(Parameter<Int>)
        /// `/units/:unitID/emulation.xlsx` (`?year=`): the emulation summary and ranking.
        case emulationXLSX(Parameter<Int>)
        /// `/units/:unitID/regimes/:year`: the regime the unit issues (GET, `?from=`) and its save (POST).
        case regime(Parameter<Int>, Parameter<Int>)
        /// `/units/:unitID/regimes/:year/read` (POST): the guidance text pasted, read into the regime page, nothing saved.
        case regimeRead(Parameter<Int>, Parameter<Int>)
        /// `/units/:unitID/regimes/:year/offices`: which office answers for which rows (GET, POST).
        case regimeOffices(Parameter<Int>, Parameter<Int>)

        var segments: [String] {
            switch self {
            case .list(let unit): Self.unit(unit) + ["reports"]
            case .report(let unit, let period): Self.report(unit, period)
            case .action(let unit, let period, let action): Self.report(unit, period) + ["actions", action.segment("action")]
            case .compare(let unit, let period): Self.report(unit, period) + ["compare"]
            case .assemble(let unit, let period): Self.report(unit, period) + ["assemble"]
            case .exportXLSX(let unit, let period): Self.report(unit, period) + ["export.xlsx"]
            case .exportDOCX(let unit, let period): Self.report(unit, period) + ["export.docx"]
            case .importXLSX(let unit, let period): Self.report(unit, period) + ["import.xlsx"]
            case .timeliness(let unit): Self.unit(unit) + ["timeliness"]
            case .timelinessCSV(let unit): Self.unit(unit) + ["timeliness.csv"]
            case .emulationXLSX(let unit): Self.unit(unit) + ["emulation.xlsx"]
            case .regime(let unit, let year): Self.unit(unit) + ["regimes", year.segment("year")]
            case .regimeRead(let unit, let year): Self.unit(unit) + ["regimes", year.segment("year"), "read"]
            case .regimeOffices(let unit, let year): Self.unit(unit) + ["regimes", year.segment("year"), "offices"]
            }
        }

        private static func unit(_ unit: Parameter<Int>) -> [String] { ["units", unit.segment("unitID")] }

        private static func report(_ unit: Parameter<Int>, _ period: Parameter<Int>) -> [String] {
            Self.unit(unit) + ["reports", period.segment("periodID")]
        }
    }
}

extension ReportAction: PathValue {
    var pathText: String { rawValue }
}
