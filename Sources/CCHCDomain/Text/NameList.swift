/// A list of unit names in a sentence, kept readable at any scale: a national consolidation may miss thousands of
/// communes, and a page, a cell or a paragraph names the first few and counts the rest.
public enum NameList {
    /// "Xã A, Xã B" — or "Xã A, Xã B, … và 1.234 đơn vị khác" when there are more than `limit`.
    public static func text(_ names: [String], limit: Int = 30) -> String {
        guard names.count > limit else { return names.joined(separator: ", ") }
        let rest = NumberFormat.vietnamese(Double(names.count - max(0, limit)))
        return names.prefix(max(0, limit)).joined(separator: ", ") + ", … và \(rest) đơn vị khác"
    }
}
