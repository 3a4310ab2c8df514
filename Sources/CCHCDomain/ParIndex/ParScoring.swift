import Foundation

/// Scores a unit's inputs on a framework: leaves by their method, parents as the sum of their
/// children capped at their max (unless `noCap`). Pure; the same inputs give the same scorecard.
public enum ParScoring {
    public static func score(_ framework: ParFramework, inputs: [String: ParInput]) -> ParScorecard {
        var problems: [FieldError] = []
        var byCode: [String: ParCriterion] = [:]
        for c in framework.criteria where byCode[c.code] == nil { byCode[c.code] = c }
        var children: [String: [String]] = [:]
        for c in framework.criteria { if let p = c.parent, byCode[p] != nil, p != c.code { children[p, default: []].append(c.code) } }

        var done: [String: ParCriterionScore] = [:]
        var visiting: Set<String> = []

        func scoreNode(_ code: String) -> ParCriterionScore {
            if let s = done[code] { return s }
            let c = byCode[code]!
            let office = framework.office(of: code)
            var s = ParCriterionScore(code: c.code, parent: c.parent, name: c.name, max: c.max, points: 0, explanation: "",
                                      isLeaf: true, isAdjustment: c.isAdjustment, office: office, notApplicable: false, missingInput: false)
            guard visiting.insert(code).inserted else {
                s.explanation = "Không chấm được: tiêu chí nằm trong vòng lặp cha – con"
                return s
            }
            defer { visiting.remove(code) }
            if let kids = children[code], !kids.isEmpty {
                s.isLeaf = false
                let parts = kids.compactMap { visiting.contains($0) ? nil : scoreNode($0) }
                let sum = parts.reduce(0) { $0 + $1.points }
                if c.noCap != true, ParPoints.above(sum, c.max) {
                    s.points = c.max
                    s.explanation = "Tổng các tiêu chí thành phần \(ParPoints.text(sum)), tối đa \(ParPoints.text(c.max)) → \(ParPoints.outOf(c.max, c.max))"
                } else {
                    s.points = sum
                    s.explanation = "Tổng các tiêu chí thành phần: " + ParPoints.outOf(sum, c.max)
                }
                if inputs[code] != nil {
                    problems.append(FieldError(field: "criteria." + code,
                                               message: "Tiêu chí \(code) có tiêu chí thành phần: điểm là tổng các tiêu chí thành phần, không nhập trực tiếp"))
                }
            } else {
                switch scoreLeaf(c, inputs[code]) {
                case .success(let r):
                    s.points = r.points
                    s.explanation = r.explanation
                    s.notApplicable = r.notApplicable
                    s.missingInput = r.missing
                case .failure(let problem):
                    let message = problem.message
                    problems.append(FieldError(field: "criteria." + code, message: "Tiêu chí \(code): " + message))
                    s.explanation = "Chưa chấm được (" + message + ") → " + ParPoints.outOf(0, c.max)
                }
            }
            done[code] = s
            return s
        }

        var scores: [ParCriterionScore] = []
        var emitted: Set<String> = []
        for c in framework.criteria where emitted.insert(c.code).inserted { scores.append(scoreNode(c.code)) }
        for code in inputs.keys.sorted() where byCode[code] == nil {
            problems.append(FieldError(field: "criteria." + code, message: "Không có tiêu chí \(code) trong bộ tiêu chí \(framework.code)"))
        }
        return ParScorecard(frameworkCode: framework.code, year: framework.year, scores: scores, problems: problems)
    }

    /// A leaf's points and the sentence that explains them.
    public struct LeafResult: Sendable, Equatable {
        public var points: Double
        public var explanation: String
        public var notApplicable = false
        public var missing = false
    }

    public struct InputProblem: Error, Sendable, Equatable {
        public var message: String
        init(_ message: String) { self.message = message }
    }

    /// One leaf by its method. `.failure` carries the Vietnamese reason the input does not fit.
    public static func scoreLeaf(_ c: ParCriterion, _ input: ParInput?) -> Result<LeafResult, InputProblem> {
        let max = c.max
        func ok(_ p: Double, _ why: String) -> Result<LeafResult, InputProblem> {
            .success(LeafResult(points: p, explanation: why + " → " + ParPoints.outOf(p, max)))
        }
        func fail(_ m: String) -> Result<LeafResult, InputProblem> { .failure(InputProblem(m)) }

        guard let input else {
            if c.isAdjustment { return .success(LeafResult(points: 0, explanation: "Không có")) }
            return .success(LeafResult(points: 0, explanation: "Chưa có số liệu → " + ParPoints.outOf(0, max), missing: true))
        }
        if input == .notApplicable {
            if c.notApplicableFull == true {
                return .success(LeafResult(points: max, explanation: "Không phát sinh: được điểm tối đa → " + ParPoints.outOf(max, max), notApplicable: true))
            }
            if c.isAdjustment { return .success(LeafResult(points: 0, explanation: "Không phát sinh", notApplicable: true)) }
            return fail("bộ tiêu chí không cho tính đủ điểm khi \"không phát sinh\"")
        }
        let method = c.effectiveMethod

        // A typed score is accepted by every method but bonus and penalty: the appraiser's override.
        if case .manual(let value) = input, !c.isAdjustment {
            var step: Double? = nil
            if case .manual(let s) = method { step = s }
            guard value.isFinite, ParPoints.atLeast(value, 0) else { return fail("điểm chấm \(ParPoints.text(value)) không được âm") }
            guard ParPoints.atLeast(max, value) else { return fail("điểm chấm \(ParPoints.text(value)) vượt điểm tối đa \(ParPoints.text(max))") }
            if let step, step > 0, !ParPoints.isMultiple(value, of: step) {
                return fail("điểm chấm \(ParPoints.text(value)) không theo bước \(ParPoints.text(step))")
            }
            if step == nil, !ParPoints.isMultiple(value, of: 0.01) { return fail("điểm chấm chỉ được có 2 chữ số thập phân") }
            return ok(value, "Điểm chấm \(ParPoints.text(value))")
        }

        switch (method, input) {
        case (.boolean, .boolean(let done)):
            return ok(done ? max : 0, done ? "Đạt" : "Không đạt")

        case (.levels(let levels), .level(let label)):
            guard let l = levels.first(where: { Folding.fold($0.label) == Folding.fold(label) }) else {
                return fail("mức \"\(label)\" không có; các mức: " + levels.map { "\"\($0.label)\"" }.joined(separator: ", "))
            }
            return ok(l.points, "Mức \"\(l.label)\"")

        case (.bands(let what, let bands), .measured(let v)), (.bands(let what, let bands), .indicator(let v)):
            return band(v, bands, name: what ?? "Giá trị đo", max: max)

        case (.indicator(let code, let bands), .indicator(let v)), (.indicator(let code, let bands), .measured(let v)):
            return band(v, bands, name: "Chỉ tiêu \(code)", max: max)

        case (.deduction(let d), .counts(let counts)):
            return deduction(d, counts, max: max)

        case (.deadline(let d), .deadline(let outcome)):
            let p = points(d, outcome)
            return ok(p, "Nhiệm vụ: \(outcome == .onTime ? "tất cả đúng hạn" : outcome == .late ? "có nhiệm vụ chậm hạn" : "có nhiệm vụ không thực hiện")")

        case (.deadline(let d), .duties(let given)):
            let outcomes = d.duties.map { (duty: $0, outcome: given[$0] ?? .missing) }
            let worst = ParDutyOutcome.worst(outcomes.map(\.outcome))
            let bad = outcomes.filter { $0.outcome != .onTime }.map { "\($0.duty) \($0.outcome.label)" }
            let why = bad.isEmpty ? "\(d.duties.count) nhiệm vụ đều đúng hạn" : bad.joined(separator: "; ")
            return ok(points(d, worst), why)

        case (.bonus(let cap), .points(let p)), (.bonus(let cap), .manual(let p)):
            guard p.isFinite, ParPoints.atLeast(p, 0) else { return fail("điểm thưởng không được âm") }
            let got = Swift.min(p, cap)
            let capped = ParPoints.above(p, cap) ? ", tối đa \(ParPoints.text(cap))" : ""
            return .success(LeafResult(points: got, explanation: "Điểm thưởng \(ParPoints.text(p))\(capped) → \(ParPoints.signed(got))"))

        case (.penalty(let cap), .points(let p)), (.penalty(let cap), .manual(let p)):
            guard p.isFinite else { return fail("điểm trừ không hợp lệ") }
            let size = abs(p)
            let got = -Swift.min(size, cap)
            let capped = ParPoints.above(size, cap) ? ", tối đa \(ParPoints.text(cap))" : ""
            return .success(LeafResult(points: got, explanation: "Điểm trừ \(ParPoints.text(size))\(capped) → \(ParPoints.signed(got))"))

        default:
            return fail("số liệu nhập không phù hợp với phương pháp chấm \"\(method.label)\"")
        }
    }

    static func points(_ d: ParDeadline, _ o: ParDutyOutcome) -> Double {
        switch o {
        case .onTime: d.onTime
        case .late: d.late
        case .missing: d.missing
        }
    }

    static func band(_ v: Double, _ bands: [ParBand], name: String, max: Double) -> Result<LeafResult, InputProblem> {
        guard v.isFinite else { return .failure(InputProblem("giá trị đo không hợp lệ")) }
        let shown = NumberFormat.vietnamese(v, maxFractionDigits: 4)
        guard let b = bands.first(where: { $0.contains(v) }) else {
            return .success(LeafResult(points: 0, explanation: "\(name) = \(shown): không thuộc khoảng nào → " + ParPoints.outOf(0, max)))
        }
        return .success(LeafResult(points: b.points, explanation: "\(name) = \(shown), \(b.text) → " + ParPoints.outOf(b.points, max)))
    }

    static func deduction(_ d: ParDeduction, _ counts: [Int], max: Double) -> Result<LeafResult, InputProblem> {
        let n = d.per.periodsInYear
        guard counts.count == n else {
            return .failure(InputProblem("cần số lượng của \(n) \(d.per.label), có \(counts.count)"))
        }
        guard counts.allSatisfy({ $0 >= 0 }) else { return .failure(InputProblem("số lượng không được âm")) }
        var short: [String] = []
        var missing = 0
        for (i, count) in counts.enumerated() where count < d.required {
            let gap = d.required - count
            missing += gap
            short.append(n == 1 ? "thiếu \(gap)" : "\(d.per.label) \(i + 1) thiếu \(gap)")
        }
        let head = "Yêu cầu \(d.required)/\(d.per.label)"
        if missing == 0 {
            return .success(LeafResult(points: max, explanation: "\(head); đủ số lượng → " + ParPoints.outOf(max, max)))
        }
        let off = Double(missing) * d.penalty
        let raw = max - off
        let floor = d.effectiveFloor
        let got = Swift.max(raw, floor)
        var why = "\(head); \(short.joined(separator: ", ")): \(missing) × \(ParPoints.text(d.penalty)) = −\(ParPoints.text(off))"
        if got > raw + ParPoints.epsilon { why += ", không dưới \(ParPoints.text(floor))" }
        return .success(LeafResult(points: got, explanation: why + " → " + ParPoints.outOf(got, max)))
    }
}
