import Foundation

/// The phrases the regime reader understands: dates as Vietnamese guidance writes them ("ngày 15/12/2020",
/// "15/6", "ngày 05", "ngày 13 của tháng cuối kỳ báo cáo", "ngày 15 tháng Ba năm 2021"), windows
/// ("từ … đến …"), deadlines ("chậm nhất", "trước ngày", "hạn …") and the names of the periods.
extension RegimeReader {
    /// A date as the text writes it, before the period and the year resolve it.
    enum DateExpr: Hashable {
        case full(Int, Int, Int)
        case dayMonth(Int, Int, previousYear: Bool)
        /// "ngày 05": a day of the period's last month.
        case day(Int)
        /// "ngày 13 của tháng cuối kỳ báo cáo".
        case lastMonth(Int)
        /// "ngày 15 của tháng trước kỳ báo cáo".
        case monthBefore(Int)
        /// "ngày 05 của tháng sau (kỳ báo cáo)".
        case monthAfter(Int)

        /// A rule for every period rather than a date of one.
        var isRule: Bool {
            switch self {
            case .full, .dayMonth: false
            case .day, .lastMonth, .monthBefore, .monthAfter: true
            }
        }
    }

    struct Phrase {
        enum Role { case window, estimate, supplement, deadline, cutoff, unknown }
        var role: Role
        var from: DateExpr?
        /// The window's end, or the one date of a deadline, a cut-off or an unknown date.
        var to: DateExpr
        var quote: String
        /// Token indices of the phrase in its item.
        var start: Int
        var end: Int
        /// Periods a rule does not apply to ("không tính báo cáo năm").
        var excluded: Set<PeriodKind> = []
        /// A deadline written "trước ngày X" (before X), not "chậm nhất là ngày X" (at the latest on X).
        var strict = false
    }

    static let monthWords: [String: Int] = ["gieng": 1, "mot": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4, "nam": 5, "sau": 6,
                                            "bay": 7, "tam": 8, "chin": 9, "muoi": 10, "chap": 12]

    /// A month after "tháng": "3", "03", "Ba", "Mười Một"; with the index after it.
    static func month(_ it: Item, _ k: Int) -> (Int, Int)? {
        guard k < it.tokens.count else { return nil }
        let t = it.tokens[k]
        if t.kind == .number, t.text.count <= 2, (1...12).contains(t.value) { return (t.value, k + 1) }
        guard let w = it.word(k), let m = monthWords[w] else { return nil }
        if m == 10, let next = it.word(k + 1), next == "mot" || next == "hai" { return (next == "mot" ? 11 : 12, k + 2) }
        if m == 5, it.word(k + 1) != "nam" { return nil }
        return (m, k + 1)
    }

    static func fourDigits(_ it: Item, _ k: Int) -> Int? {
        k < it.tokens.count && it.tokens[k].kind == .number && it.tokens[k].text.count == 4 ? it.tokens[k].value : nil
    }

    /// A date expression starting at `k` (an optional "ngày" first); its end.
    static func date(_ it: Item, _ k0: Int) -> (DateExpr, Int)? {
        var k = k0
        let hadDay = it.word(k) == "ngay"
        if hadDay { k += 1 }
        guard k < it.tokens.count else { return nil }
        let t = it.tokens[k]
        func yearTail(_ d: Int, _ m: Int, _ e: Int) -> (DateExpr, Int) {
            if it.word(e) == "nam", let y = fourDigits(it, e + 1) { return (.full(d, m, y), e + 2) }
            if it.word(e) == "nam", it.word(e + 1) == "truoc" { return (.dayMonth(d, m, previousYear: true), e + 2) }
            return (.dayMonth(d, m, previousYear: false), e)
        }
        if t.kind == .date {
            if let y = t.year { return (.full(t.day, t.month, y), k + 1) }
            return yearTail(t.day, t.month, k + 1)
        }
        guard hadDay, t.kind == .number, t.text.count <= 2, (1...31).contains(t.value) else { return nil }
        let day = t.value
        var e = k + 1
        if it.word(e) == "hang", it.word(e + 1) == "thang" { return (.lastMonth(day), e + 2) }
        if it.word(e) == "cua", it.word(e + 1) == "thang" { e += 1 }
        guard it.word(e) == "thang" else { return (.day(day), k + 1) }
        if let (m, after) = month(it, e + 1) { return yearTail(day, m, after) }
        func skip(_ words: [String], from s: Int) -> Int {
            var s = s
            while let w = it.word(s), words.contains(w) { s += 1 }
            return s
        }
        let tail = ["ky", "quy", "nam", "bao", "cao", "do", "cua", "thang"]
        switch it.word(e + 1) {
        case "cuoi": return (.lastMonth(day), skip(tail, from: e + 2))
        case "bao" where it.word(e + 2) == "cao": return (.lastMonth(day), e + 3)
        case "truoc": return (.monthBefore(day), skip(tail, from: e + 2))
        case "sau", "ke", "tiep": return (.monthAfter(day), skip(tail + ["tiep", "theo"], from: e + 2))
        default: return (.day(day), k + 1)
        }
    }

    /// Token indices inside date expressions, so "tháng 3" in "ngày 14 tháng 3" is not taken for a period.
    static func dateSpans(_ it: Item) -> Set<Int> {
        var out = Set<Int>()
        var k = 0
        while k < it.tokens.count {
            if let (_, e) = date(it, k) {
                out.formUnion(k..<e)
                k = e
            } else {
                k += 1
            }
        }
        return out
    }

    /// The words before `k` back to the start of its sentence (at most 12), padded with spaces.
    static func context(_ it: Item, from lower: Int, to k: Int) -> String {
        var a = k
        while a > max(lower, k - 12), !".;?!".contains(it.tokens[a - 1].text) { a -= 1 }
        return " " + (a..<k).compactMap { it.word($0) }.joined(separator: " ") + " "
    }

    static let deadlineWords = [" cham nhat ", " muon nhat ", " truoc ", " han ", " khong qua ", " nop ", " gui ", " hoan thanh "]

    /// The windows, deadlines, cut-offs and loose dates in tokens `range` of an item.
    static func phrases(_ it: Item, _ range: Range<Int>) -> [Phrase] {
        var out: [Phrase] = []
        // The first phrase's context reaches back before the period's name: "Thời hạn gửi báo cáo quý I là ngày 20/3".
        var k = range.lowerBound, lastEnd = 0
        // "đến", "tới", "–", past what may follow a start ("15/12 năm trước kỳ báo cáo đến …"); "hết" after it.
        func isTo(_ e0: Int) -> Int? {
            var e = e0
            while e < e0 + 4, let w = it.word(e), ["cua", "ky", "bao", "cao", "nam", "truoc", "nay"].contains(w) { e += 1 }
            guard let t = it.text(e), ["den", "toi", "-"].contains(t) else { return nil }
            return it.word(e + 1) == "het" ? e + 2 : e + 1
        }
        while k < range.upperBound {
            let ctx = context(it, from: lastEnd, to: k)
            if it.word(k) == "tu", let (from, e1) = date(it, k + 1) {
                if let s = isTo(e1), let (to, e2) = date(it, s), e2 <= range.upperBound {
                    let role: Phrase.Role = ctx.contains(" uoc ") ? .estimate : ctx.contains(" bo sung ") ? .supplement : .window
                    out.append(Phrase(role: role, from: from, to: to, quote: it.quote(k, e2), start: k, end: e2))
                    k = e2
                } else {
                    out.append(Phrase(role: .unknown, from: nil, to: from, quote: it.quote(k, e1), start: k, end: e1))
                    k = e1
                }
                lastEnd = k
                continue
            }
            guard let (d, e1) = date(it, k), e1 <= range.upperBound else {
                k += 1
                continue
            }
            if it.text(e1) == "-", let (to, e2) = date(it, e1 + 1), e2 <= range.upperBound {
                let role: Phrase.Role = ctx.contains(" uoc ") ? .estimate : ctx.contains(" bo sung ") ? .supplement : .window
                out.append(Phrase(role: role, from: d, to: to, quote: it.quote(k, e2), start: k, end: e2))
                k = e2
                lastEnd = k
                continue
            }
            let afterTo = ["den", "toi"].contains(it.word(k - 1) ?? "") || (it.word(k - 1) == "het" && it.word(k - 2) == "den")
            let cutoffWords = ctx.contains(" chot ") || ctx.contains(" so lieu ") || ctx.contains(" tinh ")
            let role: Phrase.Role
            if afterTo && ctx.contains(" uoc ") {
                role = .estimate
            } else if afterTo && cutoffWords {
                role = .cutoff
            } else if deadlineWords.contains(where: ctx.contains) {
                role = .deadline
            } else if cutoffWords {
                role = .cutoff
            } else {
                role = .unknown
            }
            let start = afterTo ? (it.word(k - 1) == "het" ? k - 2 : k - 1) : k
            var phrase = Phrase(role: role, from: nil, to: d, quote: it.quote(start, e1), start: k, end: e1)
            // "trước ngày 18/3", "trước 18/3": the day itself is already late.
            phrase.strict = role == .deadline && (it.word(k - 1) == "truoc" || (it.word(k - 1) == "ngay" && it.word(k - 2) == "truoc"))
            out.append(phrase)
            k = e1
            lastEnd = k
        }
        return out
    }

    // MARK: Period names

    struct Mention {
        var kinds: [PeriodKind]
        /// A period the system does not keep ("Quý II", "9 tháng").
        var unsupported: String?
        /// "hàng quý": names no period, makes its group a rule for all.
        var generic = false
        /// "Báo cáo quý …": the quarterly reports of the cycle (Quý I and Quý III; the six months and the year take the
        /// places of quarters II and IV), governed by the rules that follow.
        var quarterly = false
        /// "báo cáo hằng tháng": every month.
        var monthly = false
        /// Needs a link to the name before it ("quý I, 6 tháng và năm").
        var linkOnly = false
        /// Strong names ("Quý I", "6 tháng đầu năm") count at the start of a clause without "báo cáo".
        var strong = false
        var excluded = false
        /// Joined to the name before it, in one group sharing what follows.
        var linked = false
        /// "báo cáo" stands before it, or it is linked: a table cell "Quý 3/2021" alone is neither.
        var reported = false
        var year: Int?
        var start: Int
        var end: Int
    }

    /// A period name starting at `k`.
    static func candidate(_ it: Item, _ k: Int) -> Mention? {
        guard let w = it.text(k) else { return nil }
        func make(_ kinds: [PeriodKind], _ end: Int, unsupported: String? = nil, strong: Bool = true, linkOnly: Bool = false) -> Mention {
            var m = Mention(kinds: kinds, unsupported: unsupported, linkOnly: linkOnly, strong: strong, start: k, end: end)
            if it.text(end) == "/" || it.word(end) == "nam", let y = fourDigits(it, end + 1) {
                m.year = y
                m.end = end + 2
            } else if it.word(end - 1) == "nam", let y = fourDigits(it, end) {
                m.year = y
                m.end = end + 1
            }
            return m
        }
        let next = it.word(k + 1), prev = it.word(k - 1)
        switch w {
        case "quy":
            switch it.text(k + 1) ?? "" {
            case "i", "1", "mot": return make([.q1], k + 2)
            case "iii", "3", "ba": return make([.q3], k + 2)
            case "ii", "2", "hai": return make([], k + 2, unsupported: "Quý II")
            case "iv", "4", "bon", "tu": return make([], k + 2, unsupported: "Quý IV")
            default:
                let listed = [",", "va"].contains(it.text(k + 1) ?? "") || it.text(k + 1) == nil
                guard prev == "hang" || prev == "moi" || prev == "cao" || listed else { return nil }
                var m = make([], k + 1, strong: false)
                m.generic = true
                m.quarterly = prev == "cao"
                return m
            }
        case "6", "sau", "3", "ba", "9", "chin", "nua":
            let halfYear = w == "nua" && next == "dau" && it.word(k + 2) == "nam"
            if halfYear { return make([.h1], k + 3) }
            guard next == "thang", it.tokens[k].kind == .word || it.tokens[k].text.count == 1 else { return nil }
            let firstOfYear = it.word(k + 2) == "dau" && it.word(k + 3) == "nam"
            switch w {
            case "6", "sau":
                if it.word(k + 2) == "cuoi", it.word(k + 3) == "nam" { return make([], k + 4, unsupported: "6 tháng cuối năm") }
                return firstOfYear ? make([.h1], k + 4) : make([.h1], k + 2, strong: false)
            case "3", "ba": return firstOfYear ? make([.q1], k + 4) : nil
            default: return make([], firstOfYear ? k + 4 : k + 2, unsupported: "9 tháng")
            }
        case "nam":
            guard next != "thang", next != "hoc" else { return nil }
            let named = ["cao", "hop", "ca", "hang"].contains(prev ?? "") || k == 0 || [":", "-", "+"].contains(it.text(k - 1) ?? "")
            return make([.year], k + 1, strong: false, linkOnly: !named)
        case "thang":
            guard prev == "cao" || prev == "hang" else { return nil }
            if prev == "cao", let (m, e) = month(it, k + 1) { return make([.month(m)], e, strong: false) }
            var m = make((1...12).map { PeriodKind.month($0) }, k + 1, strong: false)
            m.monthly = true
            return m
        default:
            return nil
        }
    }

    static let linkWords: Set<String> = [",", ";", "-", "/", "(", ")", "va", "hoac", "bao", "cao", "cchc", "tong", "hop", "ca", "dinh", "ky",
                                         "ket", "qua", "tinh", "hinh", "cac", "doi", "voi"]

    /// The period names of an item, in order: accepted when "báo cáo" stands shortly before, at the start of
    /// a clause (strong names), or linked to the name before ("Báo cáo Quý I/2021, báo cáo 6 tháng đầu năm 2021").
    static func mentions(_ it: Item) -> [Mention] {
        let covered = dateSpans(it)
        var out: [Mention] = []
        var k = 0
        while k < it.tokens.count {
            guard !covered.contains(k), var m = candidate(it, k) else {
                k += 1
                continue
            }
            let linked = out.last.map { last in
                !last.excluded && k - last.end <= 6 && (last.end..<k).allSatisfy { linkWords.contains(it.tokens[$0].text) }
            } ?? false
            let before = " " + (max(0, k - 5)..<k).compactMap { it.word($0) }.joined(separator: " ") + " "
            let reported = (max(0, k - 7)..<k).contains { it.word($0) == "bao" && it.word($0 + 1) == "cao" }
            let clauseStart = k == 0 || [".", ";", ":", "-", "+", ")", "|"].contains(it.text(k - 1) ?? "")
            // A name heading its clause and followed by what it states: "…; 6 tháng từ 15/12/2020 …", "…; năm trước ngày 15/12/2021".
            // So is the first cell of a table row.
            let labels = clauseStart && (it.text(m.end) == ":" || ["tu", "truoc", "cham", "han", "gui", "nop"].contains(it.word(m.end) ?? "")
                || (m.end < it.tokens.count && it.tokens[m.end].kind == .date)) || (it.marker == .row && it.cell(k) == 0)
            if [" khong tinh ", " tru ", " khong ap dung ", " khong bao gom "].contains(where: before.contains) {
                m.excluded = true
            } else if !labels && (m.linkOnly ? !linked : !(linked || reported || (m.strong && clauseStart))) {
                k += 1
                continue
            }
            m.linked = linked && !m.excluded
            m.reported = linked || reported
            out.append(m)
            k = max(m.end, k + 1)
        }
        return out
    }
}
