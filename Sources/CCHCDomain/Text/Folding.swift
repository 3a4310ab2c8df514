import Foundation

/// Text folding for search: "Quảng Thọ" and "quang tho" fold to the same key.
public enum Folding {
    /// Lower case, diacritics removed, "đ" → "d", runs of whitespace collapsed.
    public static func fold(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        let lowered = text.lowercased()
            .replacingOccurrences(of: "đ", with: "d")
        let stripped = lowered.folding(options: [.diacriticInsensitive], locale: nil)
        var lastWasSpace = true
        for ch in stripped {
            if ch.isWhitespace {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
            } else {
                out.append(ch)
                lastWasSpace = false
            }
        }
        if out.hasSuffix(" ") { out.removeLast() }
        return out
    }

    /// Most words a search uses: a query is a few words, and each adds a condition to the SQL.
    public static let maxSearchWords = 8
    /// Longest query read, in characters.
    public static let maxSearchLength = 200

    /// The folded, distinct words of a search query, at most `maxSearchWords` of them, with the
    /// SQL `LIKE` wildcards `%` and `_` removed, so any text typed gives a bounded, literal search.
    public static func searchWords(_ query: String) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for word in fold(String(query.prefix(maxSearchLength))).split(separator: " ") {
            let clean = word.filter { $0 != "%" && $0 != "_" && $0 != "\\" && !$0.unicodeScalars.contains { $0.properties.generalCategory == .control } }
            guard !clean.isEmpty, seen.insert(clean).inserted else { continue }
            out.append(clean)
            if out.count == maxSearchWords { break }
        }
        return out
    }

    /// True when every word of `query` occurs in `text`, ignoring case and diacritics.
    public static func matches(_ text: String, query: String) -> Bool {
        let hay = fold(text)
        return fold(query).split(separator: " ").allSatisfy { hay.contains($0) }
    }

    /// "Thạch Đài" → "thachdai": lower case ASCII letters and digits only.
    public static func slug(_ text: String) -> String {
        String(fold(text).filter { $0.isASCII && ($0.isLetter || $0.isNumber) })
    }
}
