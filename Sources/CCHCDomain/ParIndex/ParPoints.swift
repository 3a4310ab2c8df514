import Foundation

/// Points of the PAR index (Chỉ số CCHC) and how they are compared and shown.
///
/// Points are kept as exact `Double`s through scoring and aggregation and rounded to 2 decimals
/// only when shown ("92,63"). Framework points are quarter- or half-points and survey scores have
/// two decimals, so binary floating point is exact enough; every comparison (a band edge, a class
/// threshold, a tie in the ranking, a manual score on its step) allows `epsilon`, so 0,1 + 0,2 is 0,3.
public enum ParPoints {
    /// Two figures closer than this are the same figure.
    public static let epsilon = 1e-6

    public static func same(_ a: Double, _ b: Double) -> Bool { abs(a - b) < epsilon }
    /// a ≥ b, allowing `epsilon`.
    public static func atLeast(_ a: Double, _ b: Double) -> Bool { a > b - epsilon }
    /// a > b by more than `epsilon`.
    public static func above(_ a: Double, _ b: Double) -> Bool { a > b + epsilon }

    /// Rounded to 2 decimals, as published.
    public static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }

    /// "92,63", "1,5", "2".
    public static func text(_ value: Double) -> String { NumberFormat.vietnamese(rounded(value)) }

    /// "+4,47", "−1,2", "0": a change, with its sign.
    public static func signed(_ value: Double) -> String {
        let r = rounded(value)
        if same(r, 0) { return "0" }
        return (r > 0 ? "+" : "−") + NumberFormat.vietnamese(abs(r))
    }

    /// "1,5/2"
    public static func outOf(_ points: Double, _ max: Double) -> String { text(points) + "/" + text(max) }

    /// Whether `value` is a whole number of `step`s (0,75 on a step of 0,25: yes; 0,3: no).
    static func isMultiple(_ value: Double, of step: Double) -> Bool {
        guard step > 0 else { return true }
        let n = (value / step).rounded()
        return abs(n * step - value) < epsilon
    }
}
