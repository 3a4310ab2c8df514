import Foundation

/// What a unit (or the system) gives for one leaf criterion.
public enum ParInput: Sendable, Equatable, Codable {
    /// A score typed in (manual criteria; also accepted by any method, as the appraiser's override).
    case manual(Double)
    /// Done or not (boolean).
    case boolean(Bool)
    /// The label of the outcome reached (levels), matched ignoring case and diacritics' composition.
    case level(String)
    /// The measured number (bands).
    case measured(Double)
    /// Items counted in each period, in order (deduction): 12 months, 4 quarters or 1 year.
    case counts([Int])
    /// The duties' outcomes by duty code (deadline); a listed duty without an outcome is missing.
    case duties([String: ParDutyOutcome])
    /// The overall outcome, when the duties are not told apart (deadline).
    case deadline(ParDutyOutcome)
    /// The indicator's value from the unit's annual report (indicator).
    case indicator(Double)
    /// Bonus or penalty points (the size; a penalty of 1 takes 1 point off).
    case points(Double)
    /// "Không phát sinh": nothing happened that the criterion measures.
    case notApplicable
}

/// How a dated duty went, as the system's timeliness records say.
public enum ParDutyOutcome: String, Sendable, Equatable, Codable, CaseIterable {
    case onTime, late, missing

    /// "đúng hạn", "chậm hạn", "không thực hiện"
    public var label: String {
        switch self {
        case .onTime: "đúng hạn"
        case .late: "chậm hạn"
        case .missing: "không thực hiện"
        }
    }

    /// From the reporting module's timeliness: nil while the duty is not yet due (nothing to judge).
    public init?(_ t: Timeliness) {
        switch t {
        case .onTime: self = .onTime
        case .resubmitted(let d): self = d > 0 ? .late : .onTime
        case .late: self = .late
        case .overdue, .returned(overdue: true): self = .missing
        case .notDueYet, .dueSoon, .returned(overdue: false), .notRequested: return nil
        }
    }

    /// The worst of several: any missing → missing; else any late → late; else on time.
    public static func worst(_ outcomes: [ParDutyOutcome]) -> ParDutyOutcome {
        if outcomes.contains(.missing) { return .missing }
        if outcomes.contains(.late) { return .late }
        return .onTime
    }
}
