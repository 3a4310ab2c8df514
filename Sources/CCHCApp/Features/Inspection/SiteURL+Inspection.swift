import CCHCDomain

extension SiteURL {
    /// The inspections' pages.
    enum Inspections: Resourceable {
        /// `/units/:unitID/inspections` (`?year=`): the jurisdiction's plan, self-inspection, visits and findings; for a unit
        /// below, what the plan asks of it.
        case overview(Parameter<Int>)
        /// `/units/:unitID/inspections/plan` (POST): the plan JSON saved.
        case plan(Parameter<Int>)
        /// `/units/:unitID/inspections/self` (POST): the unit's self-inspection report for a round (`send=1` to send).
        case selfReport(Parameter<Int>)
        /// `/units/:unitID/inspections/visits` (POST): a visit scheduled by the jurisdiction.
        case visits(Parameter<Int>)
        /// `/units/:unitID/inspections/visits/:visitID`: a visit at the unit (GET).
        case visit(Parameter<Int>, Parameter<Int>)
        /// `/units/:unitID/inspections/visits/:visitID/:action` (POST): move, prereport, conclude.
        case visitAction(Parameter<Int>, Parameter<Int>, Parameter<VisitAction>)
        /// `/units/:unitID/inspections/visits/:visitID/findings/:findingID/:action` (POST): remediate, verify, reopen.
        case findingAction(Parameter<Int>, Parameter<Int>, Parameter<Int>, Parameter<FindingAction>)
        /// `/units/:unitID/inspections/findings.xlsx` (`?year=`): the findings across the jurisdiction.
        case findingsXLSX(Parameter<Int>)
        /// `/units/:unitID/inspections/plan.docx` (`?year=`): the plan in the state layout.
        case planDOCX(Parameter<Int>)
        /// `/units/:unitID/inspections/visits/:visitID/conclusion.docx`: the conclusion notice.
        case conclusionDOCX(Parameter<Int>, Parameter<Int>)

        var segments: [String] {
            switch self {
            case .overview(let u): Self.base(u)
            case .plan(let u): Self.base(u) + ["plan"]
            case .selfReport(let u): Self.base(u) + ["self"]
            case .visits(let u): Self.base(u) + ["visits"]
            case .visit(let u, let v): Self.base(u) + ["visits", v.segment("visitID")]
            case .visitAction(let u, let v, let a): Self.base(u) + ["visits", v.segment("visitID"), a.segment("action")]
            case .findingAction(let u, let v, let f, let a):
                Self.base(u) + ["visits", v.segment("visitID"), "findings", f.segment("findingID"), a.segment("action")]
            case .findingsXLSX(let u): Self.base(u) + ["findings.xlsx"]
            case .planDOCX(let u): Self.base(u) + ["plan.docx"]
            case .conclusionDOCX(let u, let v): Self.base(u) + ["visits", v.segment("visitID"), "conclusion.docx"]
            }
        }

        private static func base(_ u: Parameter<Int>) -> [String] { ["units", u.segment("unitID"), "inspections"] }
    }
}

enum VisitAction: String, Sendable, CaseIterable, PathValue {
    case move, prereport, conclude
    var pathText: String { rawValue }
}

enum FindingAction: String, Sendable, CaseIterable, PathValue {
    case remediate, verify, reopen
    var pathText: String { rawValue }
}
