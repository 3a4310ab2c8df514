import Foundation

/// The text side of the regime reader: paragraphs ("items") rebuilt from wrapped lines, words folded
/// for matching, dates recognised as tokens, and the issuer named in the document's header.
extension RegimeReader {
    struct Token {
        enum Kind { case word, number, date, punct }
        var kind: Kind
        /// Folded: lower case, no diacritics, "đ" → "d"; dashes become "-".
        var text: String
        /// Character offsets in the item's text.
        var start: Int
        var end: Int
        var value = 0
        var day = 0, month = 0
        var year: Int?
    }

    /// One paragraph or list item, its lines joined.
    struct Item {
        var chars: [Character]
        var tokens: [Token]
        /// A bullet ("-", "+") or a heading ("1.", "a)", "II.") starts the item.
        var marker: Marker?

        init(_ text: String, marker: Marker?) {
            chars = Array(text)
            tokens = RegimeReader.tokens(chars)
            self.marker = marker
        }

        /// The source text of tokens `a..<b`, at most 160 characters.
        func quote(_ a: Int, _ b: Int) -> String {
            guard a < b, a >= 0, b <= tokens.count else { return "" }
            let text = String(chars[tokens[a].start..<tokens[b - 1].end])
            return text.count > 160 ? String(text.prefix(157)) + "…" : text
        }

        /// The table cell (0, 1, …) token `k` lies in, counting tabs and "|" before it (a leading "|" opens cell 0).
        func cell(_ k: Int) -> Int {
            guard k < tokens.count else { return 0 }
            let separators = chars[..<tokens[k].start].filter { $0 == "\t" || $0 == "|" }.count
            return chars.first == "|" ? max(separators - 1, 0) : separators
        }

        /// What each column of a header row holds: "Thời gian chốt số liệu", "Thời hạn gửi", "Số liệu ước tính".
        var columns: [Phrase.Role?] {
            let text = String(chars).trimmingCharacters(in: CharacterSet(charactersIn: "| "))
            return text.split(whereSeparator: { $0 == "\t" || $0 == "|" }).map { cell -> Phrase.Role? in
                let f = " " + RegimeReader.fold(String(cell)) + " "
                if f.contains(" uoc ") { return .estimate }
                if [" han ", " cham nhat ", " gui ", " nop "].contains(where: f.contains) { return .deadline }
                if [" chot ", " so lieu ", " thoi gian "].contains(where: f.contains) { return .window }
                return nil
            }
        }

        func word(_ k: Int) -> String? { k >= 0 && k < tokens.count && tokens[k].kind == .word ? tokens[k].text : nil }
        func text(_ k: Int) -> String? { k >= 0 && k < tokens.count ? tokens[k].text : nil }

        /// True when some pair of adjacent words in `a..<b` is "báo cáo".
        func saysReport(_ a: Int = 0, _ b: Int? = nil) -> Bool {
            let end = b ?? tokens.count
            return (max(a, 0)..<max(end - 1, max(a, 0))).contains { word($0) == "bao" && word($0 + 1) == "cao" }
        }
    }

    static func fold(_ text: String) -> String {
        text.lowercased().replacingOccurrences(of: "đ", with: "d").folding(options: [.diacriticInsensitive], locale: nil)
    }

    // MARK: Items

    /// Lines joined into items: a new item starts at a bullet or heading, after a line that ends a sentence,
    /// or after a blank line unless the next line carries on the sentence (starts in lower case).
    static func items(_ text: String) -> [Item] {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "\u{00A0}", with: " ")
            .components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        var out: [Item] = []
        var current = "", currentMarker: Marker?, blank = false
        for line in lines {
            if line.isEmpty || line.allSatisfy({ "|-_=*".contains($0) }) {
                blank = true
                continue
            }
            // A table row ("Quý I/2021 <tab> 15/12/2020 - 14/3/2021 <tab> 18/3/2021", "| … | … |") stands alone.
            if line.contains("\t") || (line.hasPrefix("|") && line.dropFirst().contains("|")) {
                if !current.isEmpty { out.append(Item(current, marker: currentMarker)) }
                out.append(Item(line, marker: .row))
                current = ""
                blank = false
                continue
            }
            let marker = self.marker(line)
            let ended = current.last.map { ".;:!?".contains($0) } ?? true
            let carriesOn = line.first.map { $0.isLowercase || $0.isNumber || "(,".contains($0) } ?? false
            if current.isEmpty || marker != nil || ended || (blank && !carriesOn) {
                if !current.isEmpty { out.append(Item(current, marker: currentMarker)) }
                current = line
                currentMarker = marker
            } else {
                current += " " + line
            }
            blank = false
        }
        if !current.isEmpty { out.append(Item(current, marker: currentMarker)) }
        return out
    }

    enum Marker { case bullet, numbered, row }

    /// "- ", "+ ", "• " are bullets; "2.", "2.2.", "a)", "II." are headings.
    static func marker(_ line: String) -> Marker? {
        guard let first = line.first else { return nil }
        if "-+•*–—".contains(first), line.dropFirst().first?.isWhitespace ?? true { return .bullet }
        let head = line.prefix { !$0.isWhitespace }
        guard let last = head.last, ".)".contains(last) else { return nil }
        let body = head.dropLast()
        let numbered = !body.isEmpty && body.split(separator: ".", omittingEmptySubsequences: false)
            .allSatisfy { !$0.isEmpty && $0.count <= 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }
        let roman = !body.isEmpty && body.count <= 4 && body.allSatisfy { "IVXivx".contains($0) }
        let letter = last == ")" && body.count == 1 && body.first!.isLetter
        return numbered || roman || letter ? .numbered : nil
    }

    // MARK: Tokens

    static func tokens(_ c: [Character]) -> [Token] {
        var out: [Token] = []
        var i = 0
        while i < c.count {
            let ch = c[i]
            if ch.isWhitespace {
                i += 1
            } else if isDigit(ch) {
                if let (token, next) = date(c, i) {
                    out.append(token)
                    i = next
                    continue
                }
                var j = i
                while j < c.count, isDigit(c[j]) { j += 1 }
                let s = String(c[i..<j])
                out.append(Token(kind: .number, text: s, start: i, end: j, value: Int(s.prefix(9)) ?? 0))
                i = j
            } else if ch.isLetter {
                var j = i
                while j < c.count, c[j].isLetter { j += 1 }
                out.append(Token(kind: .word, text: fold(String(c[i..<j])), start: i, end: j))
                i = j
            } else {
                out.append(Token(kind: .punct, text: "–—‒−".contains(ch) ? "-" : String(ch), start: i, end: i + 1))
                i += 1
            }
        }
        return out
    }

    static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }

    /// "15/12/2020", "15-12-2020", "15.12.2020", "15/6" (a partial date only with "/").
    static func date(_ c: [Character], _ i: Int) -> (Token, Int)? {
        func digits(_ k: Int) -> (value: Int, count: Int, end: Int)? {
            var j = k
            while j < c.count, isDigit(c[j]) { j += 1 }
            return j > k ? (Int(String(c[k..<min(j, k + 9)])) ?? 0, j - k, j) : nil
        }
        guard let d = digits(i), d.count <= 2, d.end < c.count, "/-.".contains(c[d.end]) else { return nil }
        let sep = c[d.end]
        guard let m = digits(d.end + 1), m.count <= 2, (1...31).contains(d.value), (1...12).contains(m.value) else { return nil }
        if m.end + 1 < c.count, c[m.end] == sep, let y = digits(m.end + 1), y.count == 4 || y.count == 2 {
            let after = y.end < c.count ? c[y.end] : " "
            if !isDigit(after), !(after == sep && y.end + 1 < c.count && isDigit(c[y.end + 1])) {
                let year = y.count == 2 ? 2000 + y.value : y.value
                return (Token(kind: .date, text: String(c[i..<y.end]), start: i, end: y.end, day: d.value, month: m.value, year: year), y.end)
            }
        }
        guard sep == "/" else { return nil }
        if m.end < c.count, c[m.end] == "/" || isDigit(c[m.end]) { return nil }
        return (Token(kind: .date, text: String(c[i..<m.end]), start: i, end: m.end, day: d.value, month: m.value), m.end)
    }

    // MARK: Issuer

    /// "ỦY BAN NHÂN DÂN / THỊ XÃ AN KHÊ" (one line or two, in capitals) → "Thị xã An Khê"; else "".
    static func issuer(_ text: String) -> String {
        let lines = text.replacingOccurrences(of: "**", with: "").components(separatedBy: .newlines)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let kinds = ["thanh pho", "thi xa", "thi tran", "tinh", "huyen", "quan", "xa", "phuong"]
        for (n, line) in lines.enumerated().prefix(40) {
            let folded = fold(line)
            let head = ["uy ban nhan dan", "ubnd"].first { folded.hasPrefix($0) }
            guard let head, !line.contains(where: \.isLowercase) else { continue }
            var rest = String(line.dropFirst(head.count)).trimmingCharacters(in: .whitespaces)
            if rest.isEmpty, n + 1 < lines.count, !lines[n + 1].contains(where: \.isLowercase) { rest = lines[n + 1] }
            let words = rest.split(separator: " ").map(String.init)
            guard let kind = kinds.first(where: { k in fold(words.prefix(k.split(separator: " ").count).joined(separator: " ")) == k }) else { continue }
            let kindCount = kind.split(separator: " ").count
            guard words.count > kindCount else { continue }
            let kindText = words.prefix(kindCount).joined(separator: " ").lowercased()
            let name = words.dropFirst(kindCount).map { $0.lowercased().capitalized }.joined(separator: " ")
            return kindText.prefix(1).uppercased() + kindText.dropFirst() + " " + name
        }
        return ""
    }
}
