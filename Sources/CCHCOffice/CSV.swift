/// CSV for Excel: UTF-8 with a BOM, CRLF lines, every text field quoted.
///
/// Text that comes from users (unit names, indicator names, labels) and starts with `=`, `+`, `-`,
/// `@`, a tab or a carriage return is written with a leading apostrophe, so a spreadsheet shows it
/// as text instead of running it as a formula ("CSV injection").
public enum CSV {
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// A text field, quoted and made inert.
    public static func text(_ s: String) -> String {
        let inert = s.first.map { formulaStarts.contains($0) } == true ? "'" + s : s
        return "\"" + inert.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public static func document(_ rows: [[String]]) -> String {
        "\u{FEFF}" + rows.map { $0.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}
