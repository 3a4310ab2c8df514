import CCHCDomain

extension SiteURL {
    /// The PAR index's pages.
    enum Par: Resourceable {
        /// `/par`: the rounds the account sees, and for the standing agency the frameworks and a new round.
        case index
        /// `/par/frameworks` (POST): a framework imported from .json or .xlsx (multipart), or typed as JSON.
        case frameworks
        /// `/par/frameworks/:frameworkID`: the criteria tree (GET) and its JSON edited (POST).
        case framework(Parameter<Int>)
        /// `/par/frameworks/:frameworkID/export.json`
        case frameworkJSON(Parameter<Int>)
        /// `/par/frameworks/:frameworkID/edit`: the readable editor (GET) and its save (POST); `/preview`: the self-assessment as filled.
        case frameworkEdit(Parameter<Int>)
        case frameworkPreview(Parameter<Int>)
        /// `/par/rounds` (POST): a round opened.
        case rounds
        /// `/par/rounds/:roundID`: the units, their state and totals (GET); the round closed or published (POST `state=`).
        case round(Parameter<Int>)
        /// `/par/rounds/:roundID/results` and `results.xlsx`: ranking, classes, change on last year, area subtotals.
        case results(Parameter<Int>)
        case resultsXLSX(Parameter<Int>)
        /// `/par/rounds/:roundID/units/:unitID`: a unit's assessment (GET) and its scores saved (POST).
        case assessment(Parameter<Int>, Parameter<Int>)
        /// `/par/rounds/:roundID/units/:unitID/actions/:action` (POST): submit, withdraw, appraise, send, answer, plan.
        case action(Parameter<Int>, Parameter<Int>, Parameter<ParAction>)
        /// `/par/rounds/:roundID/units/:unitID/files` (POST, multipart) and `/files/:fileID` (GET), `/files/:fileID/delete` (POST).
        case files(Parameter<Int>, Parameter<Int>)
        case file(Parameter<Int>, Parameter<Int>, Parameter<Int>)
        case deleteFile(Parameter<Int>, Parameter<Int>, Parameter<Int>)
        /// `/par/rounds/:roundID/units/:unitID/sheet.xlsx`, `sheet.docx`: the unit's score sheet.
        case sheetXLSX(Parameter<Int>, Parameter<Int>)
        case sheetDOCX(Parameter<Int>, Parameter<Int>)

        var segments: [String] {
            switch self {
            case .index: ["par"]
            case .frameworks: ["par", "frameworks"]
            case .framework(let f): ["par", "frameworks", f.segment("frameworkID")]
            case .frameworkJSON(let f): ["par", "frameworks", f.segment("frameworkID"), "export.json"]
            case .frameworkEdit(let f): ["par", "frameworks", f.segment("frameworkID"), "edit"]
            case .frameworkPreview(let f): ["par", "frameworks", f.segment("frameworkID"), "preview"]
            case .rounds: ["par", "rounds"]
            case .round(let r): Self.round(r)
            case .results(let r): Self.round(r) + ["results"]
            case .resultsXLSX(let r): Self.round(r) + ["results.xlsx"]
            case .assessment(let r, let u): Self.unit(r, u)
            case .action(let r, let u, let a): Self.unit(r, u) + ["actions", a.segment("action")]
            case .files(let r, let u): Self.unit(r, u) + ["files"]
            case .file(let r, let u, let f): Self.unit(r, u) + ["files", f.segment("fileID")]
            case .deleteFile(let r, let u, let f): Self.unit(r, u) + ["files", f.segment("fileID"), "delete"]
            case .sheetXLSX(let r, let u): Self.unit(r, u) + ["sheet.xlsx"]
            case .sheetDOCX(let r, let u): Self.unit(r, u) + ["sheet.docx"]
            }
        }

        private static func round(_ r: Parameter<Int>) -> [String] { ["par", "rounds", r.segment("roundID")] }
        private static func unit(_ r: Parameter<Int>, _ u: Parameter<Int>) -> [String] { round(r) + ["units", u.segment("unitID")] }
    }
}

/// What a button on the assessment page does.
enum ParAction: String, Sendable, CaseIterable, PathValue {
    case submit, withdraw, appraise, send, answer, plan

    var pathText: String { rawValue }
}
