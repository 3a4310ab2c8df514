import Foundation

// MARK: - Reader

struct UnitReferenceReader {
    let candidates: [UnitCandidate]
    let issuer: UnitCandidate?
    /// The candidates and the issuer, their names read once: a name may be the issuer's own ("UBND huyện Thạch Hà"),
    /// and is ambiguous when it names the issuer and a candidate alike ("Thạch Hà": the district or its town).
    let pool: [Prepared]

    struct Prepared {
        var unit: UnitCandidate
        var words: [String]
        var core: [String]
        var coreSet: Set<String>
        /// A jurisdiction's name without its kind; empty for an office.
        var place: [String]
        var kindWords: [String]
        var abbreviation: String
    }

    init(candidates: [UnitCandidate], issuer: UnitCandidate?) {
        self.candidates = candidates
        self.issuer = issuer
        var all = candidates
        if let issuer, !candidates.contains(where: { $0.id == issuer.id }) { all.append(issuer) }
        pool = all.map { c in
            let words = Self.words(c.name)
            let core = Self.core(words)
            return Prepared(unit: c, words: words, core: core, coreSet: Set(core), place: c.kind.isJurisdiction ? Self.placeWords(words) : [],
                            kindWords: Folding.fold(c.kind.label).split(separator: " ").map(String.init),
                            abbreviation: Folding.fold(IssuingBody.abbreviation(of: c.name)))
        }
    }

    struct Token {
        var text: String
        var isWord: Bool
        var start: Int
        var end: Int
        /// A line break stands before it.
        var afterBreak = false
    }

    func read(_ cell: String) -> [UnitReference] {
        var out: [UnitReference] = []
        for item in items(cell) {
            out += readItem(item)
        }
        return out
    }

    /// Bullets ("-", "+", "•") start items; ";" ends one; other line breaks are kept as soft breaks.
    func items(_ cell: String) -> [String] {
        let clean = cell.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "\u{00A0}", with: " ")
        var items: [String] = []
        var current: String?
        for raw in clean.components(separatedBy: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            if let first = line.first, "-+•*–".contains(first) {
                if let c = current { items.append(c) }
                current = String(line.dropFirst()).trimmingCharacters(in: .whitespaces)
            } else {
                current = current.map { $0.isEmpty ? line : $0 + "\n" + line } ?? line
            }
        }
        if let c = current { items.append(c) }
        return items.flatMap { $0.split(separator: ";").map { $0.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: ".,"))) } }
            .filter { !$0.isEmpty }
    }

    static func tokens(_ c: [Character]) -> [Token] {
        var out: [Token] = []
        var i = 0
        var pendingBreak = false
        while i < c.count {
            let ch = c[i]
            if ch.isWhitespace {
                if ch.isNewline { pendingBreak = true }
                i += 1
            } else if ch.isLetter || ch.isNumber {
                var j = i
                while j < c.count, c[j].isLetter || c[j].isNumber { j += 1 }
                out.append(Token(text: Folding.fold(String(c[i..<j])), isWord: true, start: i, end: j, afterBreak: pendingBreak))
                pendingBreak = false
                i = j
            } else {
                out.append(Token(text: String(ch), isWord: false, start: i, end: i + 1, afterBreak: pendingBreak))
                pendingBreak = false
                i += 1
            }
        }
        return out
    }

    // MARK: One item

    func readItem(_ item: String) -> [UnitReference] {
        let chars = Array(item)
        let toks = Self.tokens(chars)
        func word(_ k: Int) -> String? { k >= 0 && k < toks.count && toks[k].isWord ? toks[k].text : nil }
        func source(_ a: Int, _ b: Int) -> String {
            guard a < b else { return "" }
            return String(chars[toks[a].start..<toks[b - 1].end]).replacingOccurrences(of: "\n", with: " ")
                .trimmingCharacters(in: .whitespaces)
        }
        /// "," or "và" between references.
        func isSeparator(_ k: Int) -> Bool { k < toks.count && (toks[k].text == "," || word(k) == "va") }
        func isEnd(_ k: Int) -> Bool { k >= toks.count || isSeparator(k) || [")", "(", ":"].contains(toks[k].text) }

        // MARK: Groups

        let officeWords: Set<String> = ["so", "ban", "nganh", "phong"]
        let relatedHeads: [[String]] = [["co", "quan"], ["don", "vi"], ["dia", "phuong"], ["to", "chuc"], ["doanh", "nghiep"], ["ca", "nhan"]]
        func relatedHead(_ k: Int) -> Int? {
            for head in relatedHeads where (0..<head.count).allSatisfy({ word(k + $0) == head[$0] }) { return k + head.count }
            return nil
        }
        /// "(có) liên quan" at `k`: its end.
        func concerned(_ k: Int) -> Int? {
            if word(k) == "co", word(k + 1) == "lien", word(k + 2) == "quan" { return k + 3 }
            if word(k) == "lien", word(k + 1) == "quan" { return k + 2 }
            return nil
        }
        /// "(các) cơ quan, đơn vị (có) liên quan …", "Các đơn vị sự nghiệp công lập": to the end of the clause.
        func related(_ k: Int) -> Int? {
            guard let head = relatedHead(word(k) == "cac" ? k + 1 : k) else { return nil }
            // "cơ quan chuyên môn" are the offices.
            if word(head) == "chuyen", word(head + 1) == "mon" { return nil }
            var e = head
            while true {
                // ", đơn vị, địa phương": more heads of the same group.
                if isSeparator(e), let next = relatedHead(e + 1) ?? (word(e + 1) == "cac" ? relatedHead(e + 2) : nil) {
                    e = next
                } else if e < toks.count, !isSeparator(e) {
                    e += 1
                } else {
                    return e
                }
            }
        }

        /// "Sở, ban, ngành (tỉnh)", "Các sở, ban ngành", "Các phòng, ban chuyên môn", "Các ngành", "Các cơ quan chuyên môn
        /// (thuộc UBND huyện)": the offices; followed by "(có) liên quan" a part of them no one can tell.
        func offices(_ k: Int) -> (Int, UnitGroup)? {
            let plural = word(k) == "cac"
            var e = plural ? k + 1 : k
            if word(e) == "co", word(e + 1) == "quan", word(e + 2) == "chuyen", word(e + 3) == "mon" {
                e += 4
                return (qualifiers(e), .offices)
            }
            var count = 0
            while let w = word(e), officeWords.contains(w) {
                // An office word followed by a name is a unit: "Sở Nội vụ", "Ban Dân tộc".
                let next = e + 1
                let boundary = isEnd(next) || word(next).map { officeWords.contains($0) || qualifierStart(next) } ?? true
                guard boundary else { break }
                count += 1
                e = next
                if isSeparator(e), let w2 = word(e + 1), officeWords.contains(w2),
                   isEnd(e + 2) || word(e + 2).map({ officeWords.contains($0) || qualifierStart(e + 2) }) ?? true {
                    e += 1
                }
            }
            guard count >= 2 || (plural && count >= 1) else { return nil }
            e = qualifiers(e)
            if let c = concerned(e) { return (c, .related) }
            return (e, .offices)
        }
        func qualifierStart(_ k: Int) -> Bool {
            guard let w = word(k) else { return false }
            return ["tinh", "huyen", "cap", "chuyen", "thuoc", "truc", "co", "lien", "doan", "tren", "thi", "thanh"].contains(w)
        }
        /// "chuyên môn", "tỉnh", "cấp tỉnh", "cấp huyện", "huyện", "thị xã", "thành phố", "thuộc …", "trực thuộc …", "trên địa bàn …".
        func qualifiers(_ k: Int) -> Int {
            var e = k
            while true {
                if word(e) == "chuyen", word(e + 1) == "mon" { e += 2; continue }
                if word(e) == "cap", ["tinh", "huyen", "xa"].contains(word(e + 1) ?? "") { e += 2; continue }
                if ["tinh", "huyen"].contains(word(e) ?? ""), isEnd(e + 1) || qualifierStart(e + 1) { e += 1; continue }
                if word(e) == "thi", word(e + 1) == "xa", isEnd(e + 2) { e += 2; continue }
                if word(e) == "thanh", word(e + 1) == "pho", isEnd(e + 2) { e += 2; continue }
                if ["thuoc", "truc", "tren"].contains(word(e) ?? "") {
                    while e < toks.count, !isSeparator(e) { e += 1 }
                    continue
                }
                return e
            }
        }

        /// Jurisdiction words after "UBND (các)": "cấp huyện", "cấp xã", "các cấp", "huyện", "thị xã", "thành phố", "quận",
        /// "xã", "phường", "thị trấn"; the group each names and its end.
        func jurisdiction(_ k: Int) -> (UnitGroup, Int, level: Bool)? {
            switch (word(k), word(k + 1)) {
            case ("cap", "huyen"): return (.districts, k + 2, true)
            case ("cap", "xa"): return (.communes, k + 2, true)
            case ("cac", "cap"): return (.localities, k + 2, true)
            case ("thi", "xa"): return (.districts, k + 2, false)
            case ("thanh", "pho"): return (.districts, k + 2, false)
            case ("thi", "tran"): return (.communes, k + 2, false)
            case ("huyen", _), ("quan", _): return (.districts, k + 1, false)
            case ("xa", _), ("phuong", _): return (.communes, k + 1, false)
            default: return nil
            }
        }

        /// "UBND cấp huyện, cấp xã", "UBND các huyện, thị xã, thành phố", "UBND các xã, thị trấn", "UBND các cấp", "cấp xã",
        /// "các cấp": one reference per group, each with its words. Nil when the words name a unit ("UBND huyện Thạch Hà").
        func committees(_ k: Int) -> (end: Int, parts: [(UnitGroup, Int, Int)])? {
            var e = k
            if word(e) == "ubnd" { e += 1 } else if word(e) == "uy", word(e + 1) == "ban", word(e + 2) == "nhan", word(e + 3) == "dan" { e += 4 }
            let committee = e > k
            let plural = word(e) == "cac" && word(e + 1) != "cap"
            if plural { e += 1 }
            var parts: [(UnitGroup, Int, Int)] = []
            var partStart = k
            var kindWords = 0
            var level = false
            while let (group, end, isLevel) = jurisdiction(e) {
                // A kind word followed by a name is a unit: "huyện Thạch Hà", "xã Thạch Đài".
                guard isEnd(end) || jurisdiction(end) != nil || word(end) == "trong" || word(end) == "tren" else { break }
                kindWords += 1
                level = level || isLevel
                if let last = parts.last, last.0 == group {
                    parts[parts.count - 1].2 = end
                } else {
                    parts.append((group, partStart, end))
                }
                e = end
                if isSeparator(e), jurisdiction(e + 1) != nil || (word(e + 1) == "cap") {
                    e += 1
                    partStart = e
                    continue
                }
                if ["trong", "tren"].contains(word(e) ?? "") {
                    // "trong tỉnh", "trên địa bàn": part of the group.
                    while e < toks.count, !isSeparator(e) { e += 1 }
                    parts[parts.count - 1].2 = e
                }
                break
            }
            guard !parts.isEmpty else { return nil }
            // "UBND huyện" alone is one unit (the issuer), not a group; "cấp xã" and "các cấp" are groups with or without "UBND".
            guard plural || level || kindWords >= 2 else { return nil }
            // "cấp xã" alone after "UBND cấp huyện,": the committees of that level too; a bare "huyện, xã" needs "UBND".
            guard committee || level || plural else { return nil }
            return (e, parts)
        }

        // MARK: Scan

        var out: [UnitReference] = []
        var k = 0
        while k < toks.count {
            if isSeparator(k) || !toks[k].isWord && toks[k].text != "(" {
                k += 1
                continue
            }
            if let r = related(k) {
                out.append(UnitReference(text: source(k, r), target: .group(.related)))
                k = r
                continue
            }
            if let (end, parts) = committees(k) {
                for (group, a, b) in parts { out.append(UnitReference(text: source(a, b), target: .group(group))) }
                k = end
                continue
            }
            if let (end, group) = offices(k) {
                out.append(UnitReference(text: source(k, end), target: .group(group)))
                k = end
                continue
            }
            // A name: to the next "," or a "và" before a group ("Sở Nội vụ và các đơn vị có liên quan").
            var e = k + 1
            while e < toks.count {
                if toks[e].text == "," { break }
                if word(e) == "va", related(e + 1) != nil || committees(e + 1) != nil || offices(e + 1) != nil { break }
                e += 1
            }
            let text = source(k, e)
            out += matchName(text, chars: chars, toks: Array(toks[k..<e]))
            k = e
        }
        return out
    }
}
