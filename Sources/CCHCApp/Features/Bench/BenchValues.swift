import Foundation
import CCHCDomain

/// Figures for one generated report, consistent with the form whatever the form: counts scaled by the unit's size and
/// the period (by what the row counts: people, procedures, documents …), fractions with numerator ≤ denominator, choice
/// rows a valid code, catalogue rows (`common`) the same for the units of one regime with a few differing, and every
/// "a + b ≤ c" rule of the form made to hold, so a generated report raises no warning.
struct BenchValues: Sendable {
    let inputs: [Indicator]
    let rules: [(lhs: [Term], rhs: [Term])]
    /// Per input row, worked out once: the span of its counts, and whether its denominator counts dossiers or documents.
    private let spans: [ClosedRange<Int>]
    private let bigDenominators: [Bool]

    enum Term: Sendable {
        case code(String)
        case constant(Double)
    }

    init(form: FormDefinition) {
        inputs = form.indicators.filter { $0.kind != .group && $0.kind != .text }
        rules = form.rules.compactMap { Self.parse($0.expr) }
        spans = inputs.map(Self.scale)
        bigDenominators = inputs.map { ind in
            let folded = Folding.fold(ind.denominatorLabel ?? "")
            return folded.contains("ho so") || folded.contains("van ban")
        }
    }

    /// "[a] + [b] <= [c] + 100" as its two sides; nil for any other shape (that rule is then left to chance).
    static func parse(_ expr: String) -> (lhs: [Term], rhs: [Term])? {
        let sides = expr.components(separatedBy: "<=")
        guard sides.count == 2 else { return nil }
        func terms(_ side: String) -> [Term]? {
            var out: [Term] = []
            for part in side.split(separator: "+") {
                let t = part.trimmingCharacters(in: .whitespaces)
                if t.hasPrefix("["), t.hasSuffix("]") {
                    out.append(.code(String(t.dropFirst().dropLast())))
                } else if let n = Double(t) {
                    out.append(.constant(n))
                } else {
                    return nil
                }
            }
            return out.isEmpty ? nil : out
        }
        guard let lhs = terms(sides[0]), let rhs = terms(sides[1]) else { return nil }
        return (lhs, rhs)
    }

    /// How many units a row counts per commune-sized unit and quarter, by its unit of measure.
    static func scale(_ ind: Indicator) -> ClosedRange<Int> {
        switch Folding.fold(ind.unit ?? "") {
        case "nguoi": 15...60
        case "thu tuc", "tthc": 80...300
        case "van ban": 0...12
        case "nhiem vu": 8...30
        case "so luong": 30...120
        case "co quan, don vi": 1...12
        case "van de": 0...5
        default: 0...20
        }
    }

    /// The figures of one report. `seed` makes them repeatable; `catalogue` seeds the rows every unit of one regime shares.
    func values(seed: String, size: Double, period: PeriodKind, catalogue: Int) -> [String: IndicatorValue] {
        var r = DemoReporting.Seeded(seed)
        var shared = DemoReporting.Seeded("catalogue-\(catalogue)")
        let quarters: Double = switch period {
        case .q1: 1
        case .h1: 2
        case .q3: 3
        default: 4
        }
        var out: [String: IndicatorValue] = [:]
        for (n, ind) in inputs.enumerated() {
            let factor = ind.effectiveMeasure == .period ? size * quarters : size
            switch ind.kind {
            case .choice:
                let codes = (ind.choices ?? []).map(\.value)
                if let code = codes.isEmpty ? nil : codes[r.next(0...(codes.count - 1))] { out[ind.code] = IndicatorValue(number: Double(code)) }
            case .percent where ind.isFraction:
                let base = bigDenominators[n] ? r.next(80...600) : r.next(4...40)
                let denominator = Swift.max(1, Int(Double(base) * factor))
                let rate = Double(r.next(55...100)) / 100
                out[ind.code] = IndicatorValue(numerator: Double(Int(Double(denominator) * rate)), denominator: Double(denominator))
            case .percent:
                let range = ValueLimits.percentRange(of: ind)
                out[ind.code] = IndicatorValue(number: Swift.min(range.upperBound, Swift.max(range.lowerBound, Double(r.next(40...100)))))
            default:
                let span = spans[n]
                if ind.consolidationRule == .common {
                    // One catalogue for the level; about one unit in twenty has not updated its count.
                    let common = shared.next(span)
                    let differs = r.next(0...19) == 0
                    out[ind.code] = IndicatorValue(number: Double(differs ? Swift.max(0, common - r.next(1...5)) : common))
                } else {
                    _ = shared.next(span)
                    out[ind.code] = IndicatorValue(number: Double(Int(Double(r.next(span)) * factor)))
                }
            }
        }
        enforceRules(&out)
        return out
    }

    /// Lowers the left side of every rule that does not hold, in proportion (fractions by their numerators), three times over
    /// (a row lowered may be the right side of another rule), then to zero where it still does not hold.
    func enforceRules(_ values: inout [String: IndicatorValue]) {
        func number(_ terms: [Term]) -> Double? {
            var sum = 0.0
            for t in terms {
                switch t {
                case .constant(let c): sum += c
                case .code(let code):
                    guard let n = values[code]?.numeric else { return nil }
                    sum += n
                }
            }
            return sum
        }
        func lower(_ terms: [Term], by factor: Double) {
            for case .code(let code) in terms {
                guard var v = values[code] else { continue }
                if let n = v.numerator { v.numerator = (n * factor).rounded(.down) } else if let n = v.number { v.number = (n * factor).rounded(.down) }
                values[code] = v
            }
        }
        for pass in 0..<4 {
            for rule in rules {
                guard let lhs = number(rule.lhs), let rhs = number(rule.rhs), lhs > rhs + 1e-9 else { continue }
                lower(rule.lhs, by: pass == 3 || lhs <= 0 ? 0 : Swift.max(0, rhs) / lhs)
            }
        }
    }
}
