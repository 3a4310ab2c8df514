import Foundation

/// Numbers as Vietnamese write them: "1.245" (thousands), "92,63" (decimals).
///
/// Formatting never traps: any finite `Double`, however large, is written digit by digit; a
/// non-finite one is "—".
public enum NumberFormat {
    public static func vietnamese(_ value: Double, maxFractionDigits: Int = 2) -> String {
        guard value.isFinite else { return "—" }
        let digits = max(0, min(maxFractionDigits, 10))
        // "%.*f" writes every finite double exactly to the asked precision, with no integer conversion.
        let plain = String(format: "%.\(digits)f", abs(value))
        let parts = plain.split(separator: ".", omittingEmptySubsequences: false)
        let integer = String(parts[0])
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        while fraction.hasSuffix("0") { fraction.removeLast() }
        var groups: [Substring] = []
        var end = integer.endIndex
        while end > integer.startIndex {
            let start = integer.index(end, offsetBy: -3, limitedBy: integer.startIndex) ?? integer.startIndex
            groups.insert(integer[start..<end], at: 0)
            end = start
        }
        let isZero = integer.allSatisfy { $0 == "0" } && fraction.isEmpty
        let sign = value < 0 && !isZero ? "-" : ""
        return sign + groups.joined(separator: ".") + (fraction.isEmpty ? "" : "," + fraction)
    }

    /// Why a count row refuses what was typed: the text as typed, how it was read, what to type instead.
    /// "12.5" → "đã nhập “12.5”, hiểu là 12,5 (dấu chấm ở đây là dấu thập phân). Hãy nhập số nguyên: 12 hay 125? …"
    public static func notACount(typed: String, read n: Double) -> String {
        if n < 0 { return "đã nhập “\(typed)” (số âm). Hãy nhập 0 hoặc một số nguyên dương." }
        let whole = vietnamese(n.rounded(.down), maxFractionDigits: 0)
        if typed.contains("."), !typed.contains(","), let joined = parse(typed.replacingOccurrences(of: ".", with: "")) {
            // "12.5" may be twelve and a half or a mistyped 125: say how it was read, offer both.
            return "đã nhập “\(typed)”, hiểu là \(vietnamese(n, maxFractionDigits: 4)) (dấu chấm ở đây là dấu thập phân). "
                + "Hãy nhập số nguyên: \(whole) hay \(vietnamese(joined, maxFractionDigits: 0))? "
                + "Số thập phân viết bằng dấu phẩy (12,5); dấu chấm chỉ dùng tách hàng nghìn (1.245)."
        }
        return "đã nhập “\(typed)” (có phần thập phân). Hãy nhập số nguyên, vd: \(whole)."
    }

    /// Reads what a Vietnamese user types: "92,63", "1.245", "1.245,5", "12.5", " 7 ".
    /// nil when it is not a number (or too long to be one anybody types).
    public static func parse(_ text: String) -> Double? {
        guard text.utf8.count <= 64 else { return nil }
        var s = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "")
        if s.hasSuffix("%") { s.removeLast() }
        guard !s.isEmpty else { return nil }
        let hasComma = s.contains(",")
        let dotGroups = s.split(separator: ".", omittingEmptySubsequences: false)
        if hasComma {
            // comma is the decimal mark; dots are thousands separators
            s = s.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
        } else if dotGroups.count > 2
                    || (dotGroups.count == 2 && dotGroups[1].count == 3 && dotGroups[0].count <= 3 && !dotGroups[0].isEmpty && dotGroups[0] != "0") {
            // "1.245" or "1.245.000": thousands
            s = s.replacingOccurrences(of: ".", with: "")
        }
        guard s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }), let value = Double(s), value.isFinite else { return nil }
        return value
    }
}

public extension Double {
    /// The whole number this value holds, or nil when it has a fraction or does not fit an `Int`.
    /// Use it instead of `Int(_:)`, which traps on values out of range.
    var exactInt: Int? { Int(exactly: self) }
}
