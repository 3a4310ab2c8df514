import Foundation

// MARK: - Reading one item

extension TimeFrameReader {
    /// What one item says, gathered by `ItemReading` and merged over the cell.
    struct Result {
        var dues: [DueDate] = []
        /// How a note names a due: "hết tháng 02/2021", "trước ngày 15/12/2021".
        var labels: [DueDate: String] = [:]
        var starts: [Day] = []
        var problems: [String] = []
        var recurring = false, continuous = false, external = false, onDemand = false, conditional = false

        mutating func merge(_ other: Result) {
            dues += other.dues
            labels.merge(other.labels) { a, _ in a }
            starts += other.starts
            problems += other.problems
            recurring = recurring || other.recurring
            continuous = continuous || other.continuous
            external = external || other.external
            onDemand = onDemand || other.onDemand
            conditional = conditional || other.conditional
        }
    }

    struct ItemReading {
        /// The reader's types, named here for the extensions of `ItemReading` in other files.
        typealias Term = TimeFrameReader.Term
        typealias Recurrence = TimeFrameReader.Recurrence
        typealias Result = TimeFrameReader.Result

        enum Element {
            /// A due: the term's last day, or with "trước" the day before its first.
            case point(Term, strict: Bool)
            /// "Từ X đến Y", "X - Y": starts on X's first day, due at Y.
            case range(Term, Term, strict: Bool)
        }

        let chars: [Character]
        let toks: [Token]
        let planYear: Int
        var elements: [Element] = []
        /// Points read after "từ" that no "đến" followed: a start with no due.
        var startsOnly = Set<Int>()
        var recurrences: [Recurrence] = []
        var result = Result()
        var i = 0

        init(item: String, planYear: Int) {
            self.chars = Array(item)
            self.toks = TimeFrameReader.tokens(chars)
            self.planYear = planYear
        }

        // MARK: Token helpers

        func word(_ k: Int) -> String? { k >= 0 && k < toks.count && toks[k].kind == .word ? toks[k].text : nil }
        func text(_ k: Int) -> String? { k >= 0 && k < toks.count ? toks[k].text : nil }
        func number(_ k: Int) -> Int? { k >= 0 && k < toks.count && toks[k].kind == .number ? toks[k].value : nil }
        func digits(_ k: Int) -> Int { k >= 0 && k < toks.count && toks[k].kind == .number ? toks[k].text.count : 0 }
        /// A four-digit year at `k`.
        func fullYear(_ k: Int) -> Int? { digits(k) == 4 ? number(k) : nil }
        func quote(_ a: Int, _ b: Int) -> String {
            guard a < b, a >= 0, b <= toks.count else { return "" }
            return TimeFrameReader.quoted(String(chars[toks[a].start..<toks[b - 1].end]))
        }
        /// The end of the item or a connector between phrases: punctuation but "/", "và", "hoặc".
        func isBoundary(_ k: Int) -> Bool {
            guard k < toks.count else { return true }
            return (toks[k].kind == .punct && toks[k].text != "/") || ["va", "hoac"].contains(word(k) ?? "")
        }

        // MARK: Reading

        mutating func read() {
            i = labelEnd()
            if (i..<toks.count).contains(where: { word($0) == "hoac" }) {
                result.problems.append("Chưa đọc được “\(quote(i, toks.count))”: “hoặc” nêu các hạn thay thế nhau, không rõ hạn nào.")
                return
            }
            var strict = false, from = false, to = false
            var lastUnit: Term.Unit?
            var afterConnector = false
            while i < toks.count {
                let k = i
                // "Tháng 02, 2021": the year of the month before, not a year of its own.
                if afterConnector, lastUnit == .month || lastUnit == .quarter, let y = fullYear(k), isBoundary(k + 1),
                   case .point(var t, let s)? = elements.last, t.year == nil {
                    t.year = y
                    t.quote += ", \(y)"
                    elements[elements.count - 1] = .point(t, strict: s)
                    i = k + 1
                    afterConnector = false
                    lastUnit = nil
                    continue
                }
                // A number continuing a list of months or quarters: "Tháng 3, 6, 9 và 12/2021", "Quý I và III".
                if afterConnector, let unit = lastUnit, let term = continuation(unit) {
                    add(term, strict: &strict, from: &from, to: &to)
                    afterConnector = false
                    continue
                }
                // In a recurring list, "6 tháng" and "năm" alone are the half-year and the year: "Hàng quý, 6 tháng và năm".
                if !recurrences.isEmpty, let r = recurringTail() {
                    recurrences.append(r)
                    afterConnector = false
                    lastUnit = nil
                    continue
                }
                // "Ngày 20 hằng tháng": every month on that day.
                if word(k) == "ngay", let d = number(k + 1), digits(k + 1) <= 2, (1...31).contains(d),
                   ["hang", "moi"].contains(word(k + 2) ?? ""), word(k + 3) == "thang" {
                    recurrences.append(.monthlyOn(d))
                    i = k + 4
                    lastUnit = nil
                    afterConnector = false
                    continue
                }
                if let term = self.term() {
                    add(term, strict: &strict, from: &from, to: &to)
                    lastUnit = term.unit
                    afterConnector = false
                    continue
                }
                let t = toks[k]
                afterConnector = false
                if t.kind == .punct {
                    i += 1
                    switch t.text {
                    case ",", "&":
                        afterConnector = true
                    case "-":
                        // "Tháng 12/2020 - Tháng 12/2021": a range when a phrase stands just before.
                        if case .point? = elements.last, k > 0, toks[k - 1].kind != .punct { to = true }
                        lastUnit = nil
                    default:
                        lastUnit = nil
                    }
                    continue
                }
                if t.kind == .number {
                    if number(k + 1) == nil, ["dot", "lan"].contains(word(k - 1) ?? "") {
                        // "Đợt 1", "Lần 2": a label.
                        i += 1
                    } else {
                        problem(from: k, "")
                    }
                    lastUnit = nil
                    continue
                }
                let w = t.text, next = word(k + 1) ?? ""
                if w == "va" {
                    i += 1
                    afterConnector = true
                    continue
                }
                lastUnit = nil
                let problems = result.problems.count
                defer {
                    // After words not read, "trước", "từ", "đến" before them say nothing of what follows.
                    if result.problems.count > problems {
                        strict = false
                        from = false
                        to = false
                    }
                }
                switch (w, next) {
                case ("thuong", "xuyen"), ("lien", "tuc"):
                    result.continuous = true
                    i += 2
                case ("theo", "yeu"), ("dot", "xuat"), ("khi", _):
                    // "Theo yêu cầu", "Đột xuất", "Khi có yêu cầu", "(khi cần thiết)".
                    result.onDemand = true
                    skipClause()
                case ("theo", _), ("can", "cu"):
                    // "Theo quy định của Trung ương", "Căn cứ …": set by another document; its dates are not dues.
                    result.external = true
                    skipClause()
                case ("neu", _):
                    // "(nếu có)", "nếu phát sinh".
                    result.conditional = true
                    skipClause(stopAtComma: true)
                case ("hang", _), ("moi", _), ("dinh", "ky"):
                    if !recurrence() { problem(from: k, "không rõ định kỳ theo tháng, quý hay năm.") }
                case ("bat", "dau"):
                    from = true
                    i += 2
                case ("thoi", "gian"), ("thoi", "han"), ("han", "chot"), ("cham", "nhat"), ("muon", "nhat"), ("thuc", "hien"),
                     ("hoan", "thanh"), ("trien", "khai"), ("ban", "hanh"), ("ke", "hoach"), ("bao", "cao"), ("to", "chuc"),
                     ("xay", "dung"), ("ket", "thuc"), ("dot", _), ("lan", _):
                    i += 2
                    if w == "dot" || w == "lan" { i -= 1 }
                case ("truoc", _):
                    strict = true
                    i += 1
                case ("tu", _):
                    from = true
                    i += 1
                case ("den", _), ("toi", _):
                    if case .point? = elements.last { to = true }
                    i += 1
                case ("het", _), ("la", _), ("vao", _), ("trong", _), ("ca", _), ("han", _), ("xong", _), ("gui", _), ("nop", _),
                     ("trinh", _):
                    i += 1
                case ("dau", _), ("giua", _), ("cuoi", _), ("tuan", _), ("khoang", _), ("som", _), ("gan", _), ("nua", _), ("thang", _),
                     ("quy", _), ("ngay", _):
                    problem(from: k, "không chỉ ra một ngày cụ thể; cần ghi rõ hạn, ví dụ “Tháng 02/\(planYear)” hoặc “Trước ngày 15/02/\(planYear)”.")
                case ("sau", _):
                    problem(from: k, "hạn tính từ một việc khác, không ra được ngày cụ thể.")
                default:
                    problem(from: k, "")
                }
            }
        }

        /// "Kế hoạch: Tháng 01/2021", "Đợt 1: Quý 2/2021": the words before ":" are a label when they name no time.
        func labelEnd() -> Int {
            guard let colon = toks.firstIndex(where: { $0.text == ":" }) else { return 0 }
            let timeWords: Set<String> = ["thang", "quy", "nam", "ngay", "truoc", "tu", "den"]
            let named = (0..<colon).contains { k in
                (toks[k].kind == .word && timeWords.contains(toks[k].text))
                    || (toks[k].kind == .number && !["dot", "lan"].contains(word(k - 1) ?? ""))
            }
            return named ? 0 : colon + 1
        }

        mutating func add(_ term: Term, strict: inout Bool, from: inout Bool, to: inout Bool) {
            if to, case .point(let start, _)? = elements.last {
                elements.removeLast()
                startsOnly.remove(elements.count)
                elements.append(.range(start, term, strict: strict))
            } else {
                elements.append(.point(term, strict: from ? false : strict))
                if from { startsOnly.insert(elements.count - 1) }
            }
            strict = false
            from = false
            to = false
        }

        /// Skips the rest of a clause: to ")", to "," when asked, or to the end — but not past a remark in parentheses
        /// that states a deadline ("Theo quy định (chậm nhất ngày 15/12/2021)"), which is read.
        mutating func skipClause(stopAtComma: Bool = false) {
            let deadlineWords: Set<String> = ["cham", "muon", "truoc", "han", "hoan", "thoi"]
            while i < toks.count, toks[i].text != ")", !(stopAtComma && toks[i].text == ",") {
                if toks[i].text == "(", deadlineWords.contains(word(i + 1) ?? "") { return }
                i += 1
            }
        }

        /// Reports the words from `k` up to the next connector as unread.
        mutating func problem(from k: Int, _ why: String) {
            var e = k + 1
            while e < toks.count, !isBoundary(e) || (toks[e].text == "-" && e + 1 < toks.count && toks[e + 1].kind == .number && toks[e - 1].kind == .number) {
                e += 1
            }
            let reason = why.isEmpty ? "chưa hiểu được cách ghi này." : why
            result.problems.append("Chưa đọc được “\(quote(k, e))”: \(reason)")
            i = e
        }
    }
}
