import Foundation

// MARK: - Names

extension UnitReferenceReader {
    /// A name matched whole; else, split at its line breaks, or else at "và", or else at "-" or "/", when every part matches
    /// a unit or at least starts like the name of one ("Sở …", "Phòng …", "Công an …", "Bộ …"): "Công an tỉnh và Bộ Chỉ
    /// huy Quân sự tỉnh" is two names, "Sở Giáo dục và Đào tạo" and "Phòng Kinh tế - Hạ tầng" one each.
    func matchName(_ text: String, chars: [Character], toks: [Token]) -> [UnitReference] {
        let whole = match(text)
        if case .unit = whole { return [UnitReference(text: text, target: whole)] }
        let splitters: [(Token) -> Bool] = [{ $0.afterBreak }, { $0.text == "va" }, { ["-", "–", "—", "/"].contains($0.text) }]
        for (which, splits) in splitters.enumerated() {
            var parts: [ArraySlice<Token>] = []
            var start = 0
            for (n, t) in toks.enumerated() where n > start && splits(t) {
                parts.append(toks[start..<n])
                // A line break starts the next part; "và", "-" and "/" stand between.
                start = which == 0 ? n : n + 1
            }
            guard !parts.isEmpty, start < toks.count else { continue }
            parts.append(toks[start...])
            let matched = parts.map { part in (text: Self.text(chars, part), target: match(Self.text(chars, part)), head: Self.startsLikeAUnit(part)) }
            if matched.allSatisfy({ m in
                if case .unit = m.target { return true }
                return m.head
            }) {
                return matched.map { UnitReference(text: $0.text, target: $0.target) }
            }
        }
        return [UnitReference(text: text, target: whole)]
    }

    /// The words a unit's name starts with.
    static let heads: [[String]] = [["so"], ["phong"], ["ban"], ["bo"], ["cong", "an"], ["van", "phong"], ["trung", "tam"], ["uy", "ban"],
                                    ["ubnd"], ["hoi"], ["doan"], ["mat", "tran"], ["chi", "cuc"], ["cuc"], ["vien"], ["benh", "vien"],
                                    ["truong"], ["kho", "bac"], ["ngan", "hang"], ["bao"], ["dai"], ["toa", "an"], ["chi", "nhanh"]]

    static func startsLikeAUnit(_ toks: ArraySlice<Token>) -> Bool {
        let words = toks.filter(\.isWord).prefix(2).map(\.text)
        return heads.contains { words.starts(with: $0) }
    }

    static func text(_ chars: [Character], _ toks: ArraySlice<Token>) -> String {
        guard let a = toks.first, let b = toks.last else { return "" }
        return String(chars[a.start..<b.end]).replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
    }

    /// Folded words with abbreviations spelled out and punctuation gone: "VP UBND tỉnh" → ["van", "phong", "uy", "ban", "nhan", "dan", "tinh"].
    static func words(_ text: String) -> [String] {
        let folded = Folding.fold(text.replacingOccurrences(of: "&", with: " và "))
        var out: [String] = []
        for w in folded.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init) {
            switch w {
            case "ubnd": out += ["uy", "ban", "nhan", "dan"]
            case "hdnd": out += ["hoi", "dong", "nhan", "dan"]
            case "vp": out += ["van", "phong"]
            case "va": continue
            default: out.append(w)
            }
        }
        return out
    }

    /// The words without a trailing level ("tỉnh", "cấp huyện", "thị xã" …) and, for a jurisdiction, its leading committee.
    static func core(_ words: [String]) -> [String] {
        var w = words
        let tails: [[String]] = [["cap", "tinh"], ["cap", "huyen"], ["cap", "xa"], ["thi", "xa"], ["thanh", "pho"], ["tinh"], ["huyen"], ["xa"]]
        if let tail = tails.first(where: { w.count > $0.count + 1 && Array(w.suffix($0.count)) == $0 }) { w.removeLast(tail.count) }
        return w
    }

    static let kindLabels: [[String]] = UnitKind.allCases.filter(\.isJurisdiction).map { Folding.fold($0.label).split(separator: " ").map(String.init) }

    static let longestFirstKindLabels = kindLabels.sorted { $0.count > $1.count }

    /// The words of a jurisdiction's name without its kind: "Xã Thạch Đài" → ["thach", "dai"].
    static func placeWords(_ words: [String]) -> [String] {
        var w = words
        if w.starts(with: ["uy", "ban", "nhan", "dan"]) { w.removeFirst(4) }
        if let label = longestFirstKindLabels.first(where: { w.count > $0.count && w.starts(with: $0) }) {
            w.removeFirst(label.count)
        }
        return w
    }

    func match(_ text: String) -> UnitReference.Target {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return .unmatched(reason: "không có tên.") }
        if let c = pool.first(where: { $0.unit.code.caseInsensitiveCompare(trimmed) == .orderedSame }) { return .unit(id: c.unit.id) }
        let words = Self.words(trimmed)
        let core = Self.core(words)
        let committee = ["uy", "ban", "nhan", "dan"]
        func unique(_ found: [Prepared]) -> UnitReference.Target? {
            if found.count == 1 { return .unit(id: found[0].unit.id) }
            if found.count > 1 {
                return .unmatched(reason: "khớp với nhiều đơn vị (\(found.map(\.unit.name).joined(separator: ", "))).")
            }
            return nil
        }
        // The same words, with or without a trailing level.
        if let t = unique(pool.filter { $0.words == words || $0.core == core }) { return t }
        // A jurisdiction: "UBND xã Thạch Đài", "Thạch Đài", "UBND huyện Thạch Hà"; a kind written must agree
        // ("huyện Thạch Hà" is not "thị trấn Thạch Hà").
        let place = Self.placeWords(words)
        if !place.isEmpty {
            let written = Self.kindLabels.first { words.dropFirst(words.starts(with: committee) ? 4 : 0).starts(with: $0) }
            if let t = unique(pool.filter { !$0.place.isEmpty && $0.place == place && (written == nil || $0.kindWords == written!) }) { return t }
        }
        // A bare "UBND tỉnh", "UBND huyện", "UBND xã": the issuer.
        let afterCommittee = Array(words.dropFirst(4))
        if words.starts(with: committee), afterCommittee.isEmpty || Self.kindLabels.contains(afterCommittee) {
            if let issuer, issuer.kind.isJurisdiction,
               afterCommittee.isEmpty || Folding.fold(issuer.kind.label).split(separator: " ").map(String.init) == afterCommittee {
                return .unit(id: issuer.id)
            }
            return .unmatched(reason: "không rõ là Ủy ban nhân dân nào.")
        }
        // All the words in one candidate with the same head ("Phòng Tài chính" → "Phòng Tài chính - Kế hoạch").
        let head = core.starts(with: ["van", "phong"]) ? 2 : 1
        if core.count > head {
            let wanted = Set(core)
            if let t = unique(pool.filter { $0.core.starts(with: core.prefix(head)) && wanted.isSubset(of: $0.coreSet) }) { return t }
        }
        // An abbreviation: "Sở TT&TT", "Sở KH&ĐT", "Sở GD&ĐT".
        let hasAcronym = trimmed.split(whereSeparator: { $0.isWhitespace }).contains { w in
            let letters = w.filter(\.isLetter)
            return letters.count >= 2 && letters == letters.uppercased() && !["UBND", "HĐND", "VP"].contains(String(letters))
        }
        if hasAcronym {
            let abbreviation = Folding.fold(IssuingBody.abbreviation(of: trimmed))
            if let t = unique(pool.filter { $0.abbreviation == abbreviation }) { return t }
        }
        return .unmatched(reason: "không có đơn vị nào tên như vậy.")
    }
}
