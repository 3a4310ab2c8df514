import Foundation
import CCHCDomain

/// A unit's assessment scored: the self-score (what the unit typed, or what the system knows where it typed nothing) and
/// the final score (the council's points where it gave them, the self-score elsewhere), with what could not be read.
struct ParEvaluation: Sendable {
    var framework: ParFramework
    var selfInputs: [String: ParInput]
    var selfCard: ParScorecard
    var finalCard: ParScorecard
    /// Texts that do not read for their criterion (the typing is kept; the criterion scores 0 until corrected).
    var problems: [FieldError]
    var system: [String: ParSystemInput]
    /// Criteria where the council gave points.
    var appraised: Set<String>

    static func evaluate(_ framework: ParFramework, entries: [String: ParEntryRecord], system: [String: ParSystemInput]) -> ParEvaluation {
        var problems: [FieldError] = []
        var selfInputs: [String: ParInput] = [:]
        var finalInputs: [String: ParInput] = [:]
        var appraised: Set<String> = []
        for c in framework.criteria {
            let entry = entries[c.code]
            if let text = entry?.selfValue, !text.trimmingCharacters(in: .whitespaces).isEmpty {
                do {
                    if let input = try ParInputText.parse(text, for: c) { selfInputs[c.code] = input }
                } catch let failure as ValidationFailure {
                    problems += failure.errors
                } catch {
                    problems.append(FieldError(field: "criteria." + c.code, message: "Tiêu chí \(c.code): không đọc được “\(text)”"))
                }
            } else if let s = system[c.code] {
                selfInputs[c.code] = s.input
            }
            finalInputs[c.code] = selfInputs[c.code]
            if let text = entry?.appraised, let points = parsePoints(text) {
                finalInputs[c.code] = c.isAdjustment ? .points(abs(points)) : .manual(points)
                appraised.insert(c.code)
            }
        }
        let selfCard = ParScoring.score(framework, inputs: selfInputs)
        let finalCard = ParScoring.score(framework, inputs: finalInputs)
        return ParEvaluation(framework: framework, selfInputs: selfInputs, selfCard: selfCard, finalCard: finalCard,
                             problems: problems + selfCard.problems, system: system, appraised: appraised)
    }

    /// "1,5", "1.5", "2" → points; nil for anything else.
    static func parsePoints(_ text: String) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty else { return nil }
        return NumberFormat.parse(t) ?? Double(t.replacingOccurrences(of: ",", with: "."))
    }

    /// Leaves of the framework, in order.
    var leaves: [ParCriterion] {
        let parents = Set(framework.criteria.compactMap(\.parent))
        return framework.criteria.filter { !parents.contains($0.code) }
    }

    /// Leaves a unit must still deal with before it submits: not scored (bonus and penalty may stay empty), or scored with
    /// neither evidence nor the system's data nor an explanation ("mandatory where evidence is missing").
    func submissionProblems(entries: [String: ParEntryRecord], files: Set<String>) -> [FieldError] {
        var out: [FieldError] = []
        for c in leaves {
            let entry = entries[c.code]
            guard selfInputs[c.code] != nil else {
                if !c.isAdjustment { out.append(FieldError(field: "criteria." + c.code, message: "Tiêu chí \(c.code): chưa chấm điểm")) }
                continue
            }
            let hasEvidence = !(entry?.evidenceList.isEmpty ?? true) || files.contains(c.code)
                || (system[c.code] != nil && (entry?.selfValue ?? "").isEmpty)
            let explained = !(entry?.explanation ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            if !hasEvidence && !explained {
                out.append(FieldError(field: "explanation." + c.code,
                                      message: "Tiêu chí \(c.code): chưa có tài liệu kiểm chứng, phải viết giải trình"))
            }
        }
        return out + problems
    }
}

/// What the ranking shows of a scored assessment beside its total: the class and the points per area of its final card,
/// kept in the assessment's row whenever its total is (`ParAssessmentService.write`, the demo, the benchmark data), so a
/// ranking of a hundred units reads rows instead of scoring a hundred assessments.
struct ParStoredCard: Equatable {
    var classLabel: String
    var areaPoints: [String: Double]

    init(_ card: ParScorecard, framework: ParFramework) {
        classLabel = ParClassification.classify(card, classes: framework.classes).text
        areaPoints = Dictionary(framework.children(of: nil).map { ($0.code, card[$0.code]?.points ?? 0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The card kept in a row; nil when the row keeps none (no total yet).
    init?(_ record: ParAssessmentRecord) {
        guard let label = record.finalClass, let text = record.finalAreas, let data = text.data(using: .utf8),
              let areas = try? JSONDecoder().decode([String: Double].self, from: data) else { return nil }
        classLabel = label
        areaPoints = areas
    }

    var areasJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(areaPoints)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
    }

    /// Keeps the card of `evaluation` in `record` when it has a total, clears it otherwise.
    static func keep(_ evaluation: ParEvaluation, in record: ParAssessmentRecord) {
        let card = record.total == nil ? nil : ParStoredCard(evaluation.finalCard, framework: evaluation.framework)
        record.finalClass = card?.classLabel
        record.finalAreas = card?.areasJSON
    }
}
