import Foundation

/// Numbers as Vietnamese write them: "1.245" (thousands), "92,63" (decimals).
public enum NumberFormat {
    public static func vietnamese(_ value: Double, maxFractionDigits: Int = 2) -> String {
        guard value.isFinite else { return "—" }
        let negative = value < 0
        let factor = pow(10.0, Double(maxFractionDigits))
        let rounded = (abs(value) * factor).rounded() / factor
        let integer = Int(rounded.rounded(.down))
        var fraction = Int(((rounded - Double(integer)) * factor).rounded())
        var digits = ""
        if fraction > 0 {
            var f = String(format: "%0\(maxFractionDigits)d", fraction)
            while f.hasSuffix("0") { f.removeLast() }
            digits = "," + f
            fraction = 0
        }
        var groups: [String] = []
        var n = integer
        repeat {
            let part = n % 1000
            n /= 1000
            groups.insert(n > 0 ? String(format: "%03d", part) : String(part), at: 0)
        } while n > 0
        return (negative ? "-" : "") + groups.joined(separator: ".") + digits
    }

    /// Reads what a Vietnamese user types: "92,63", "1.245", "1.245,5", "12.5", " 7 ".
    /// nil when it is not a number.
    public static func parse(_ text: String) -> Double? {
        var s = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "")
        if s.hasSuffix("%") { s.removeLast() }
        guard !s.isEmpty else { return nil }
        let hasComma = s.contains(",")
        let dotGroups = s.split(separator: ".", omittingEmptySubsequences: false)
        if hasComma {
            // comma is the decimal mark; dots are thousands separators
            s = s.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
        } else if dotGroups.count > 2 || (dotGroups.count == 2 && dotGroups[1].count == 3 && dotGroups[0].count <= 3 && !dotGroups[0].isEmpty && dotGroups[0] != "0") {
            // "1.245" or "1.245.000": thousands
            s = s.replacingOccurrences(of: ".", with: "")
        }
        guard s.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }), let value = Double(s), value.isFinite else { return nil }
        return value
    }
}
