import Foundation

/// The reader behind `TimeFrame.read`: the cell is cut into items (bullets, ";"), each item into tokens
/// (folded words, numbers, punctuation), and the tokens are read phrase by phrase. Every word must be
/// understood — a time word, a connector, or a known filler ("thực hiện", "hoàn thành", "báo cáo" …) —
/// or the words around it are reported unread: a word the reader does not know may change the date
/// ("Sau 15 ngày kể từ …"), so it is never skipped.
enum TimeFrameReader {
    static func read(_ text: String, year: Int) -> TimeFrame {
        let items = self.items(text)
        guard !items.isEmpty else { return TimeFrame(text: text, kind: .missing) }
        guard (1000...9999).contains(year) else {
            return TimeFrame(text: text, kind: .unread, unread: "Chưa đọc được thời gian thực hiện: năm của kế hoạch (\(year)) không hợp lệ.")
        }
        var all = Result()
        for item in items {
            var reading = ItemReading(item: item, planYear: year)
            reading.read()
            all.merge(reading.finish())
        }
        var dues: [DueDate] = []
        for due in all.dues.sorted(by: { ($0.lastDay, $0.day) < ($1.lastDay, $1.day) }) where !dues.contains(due) {
            dues.append(due)
        }
        let kind: TimeFrame.Kind
        if all.recurring { kind = .recurring }
        else if all.continuous { kind = .continuous }
        else if !dues.isEmpty { kind = .dated }
        else if all.external { kind = .external }
        else if all.onDemand { kind = .onDemand }
        else { kind = .unread }
        var problems = all.problems
        if kind == .unread && problems.isEmpty { problems = ["Chưa đọc được “\(Self.quoted(text))”: không nêu tháng, quý, năm hay ngày nào."] }
        var notes: [String] = []
        for due in dues {
            guard let reason = WorkingDays.reasonOff(due.lastDay) else { continue }
            let said = all.labels[due].map { " (\($0))" } ?? ""
            let note = "Hạn \(due.lastDay.vietnamese)\(said) rơi vào ngày nghỉ (\(reason))."
            if !notes.contains(note) { notes.append(note) }
        }
        return TimeFrame(text: text, kind: kind, dues: dues, start: all.starts.min(),
                         conditional: all.conditional || (all.onDemand && !dues.isEmpty),
                         unread: problems.isEmpty ? nil : problems.joined(separator: " "), notes: notes)
    }

    /// At most 80 characters of `text`, on one line.
    static func quoted(_ text: String) -> String {
        let one = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return one.count > 80 ? String(one.prefix(77)) + "…" : one
    }

    // MARK: Items

    /// The items of a cell. A line starting with a bullet ("-", "+", "•", "*") starts an item; other lines carry
    /// on the item before (a table flattened to text breaks lines anywhere: "Quý\n3/2021"). In a cell that has
    /// bullets, " - " inside a line separates items too ("- Tháng 02/2021 - Ngày 15/11/2021"). ";" always does.
    static func items(_ text: String) -> [String] {
        let clean = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "\u{00A0}", with: " ")
            .replacingOccurrences(of: "\u{2028}", with: "\n")
            .map { "–—‒−".contains($0) ? "-" : $0 }
        let lines = String(clean).components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        func isBullet(_ line: String) -> Bool { line.first.map { "-+•*".contains($0) } ?? false }
        let bulleted = lines.contains(where: isBullet)
        var items: [String] = []
        var current: String?
        for line in lines where !line.isEmpty {
            if isBullet(line) {
                if let c = current { items.append(c) }
                current = String(line.dropFirst()).trimmingCharacters(in: .whitespaces)
            } else {
                current = current.map { $0.isEmpty ? line : $0 + " " + line } ?? line
            }
        }
        if let c = current { items.append(c) }
        var out: [String] = []
        for item in items {
            let parts = bulleted ? item.components(separatedBy: " - ") : [item]
            for part in parts {
                for piece in part.split(separator: ";") {
                    let t = piece.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "-+•*.")))
                    if !t.isEmpty { out.append(t) }
                }
            }
        }
        return out
    }

    // MARK: Tokens

    struct Token {
        enum Kind { case word, number, punct }
        var kind: Kind
        /// Folded for words ("quý" → "quy"), the digits for numbers, the character for punctuation.
        var text: String
        var value = 0
        var start: Int
        var end: Int
    }

    static func tokens(_ c: [Character]) -> [Token] {
        var out: [Token] = []
        var i = 0
        while i < c.count {
            let ch = c[i]
            if ch.isWhitespace {
                i += 1
            } else if ch.isASCII && ch.isNumber {
                var j = i
                while j < c.count, c[j].isASCII, c[j].isNumber { j += 1 }
                let s = String(c[i..<j])
                out.append(Token(kind: .number, text: s, value: Int(s.prefix(9)) ?? 0, start: i, end: j))
                i = j
            } else if ch.isLetter {
                var j = i
                while j < c.count, c[j].isLetter { j += 1 }
                out.append(Token(kind: .word, text: Folding.fold(String(c[i..<j])), start: i, end: j))
                i = j
            } else {
                out.append(Token(kind: .punct, text: String(ch), start: i, end: i + 1))
                i += 1
            }
        }
        return out
    }
}

// MARK: - Terms

extension TimeFrameReader {
    /// A span of time a phrase names, its year perhaps left to the context.
    struct Term {
        enum Unit { case day, month, quarter, half, nineMonths, year }
        var unit: Unit
        /// The day of a `day`, the month of a `day` or `month`, the quarter, the half (1, 2).
        var day = 0, month = 0, number = 0
        var year: Int?
        /// The words as written.
        var quote: String

        /// First and last day in `year`; nil when no such day exists ("31/02/2021", "Tháng 13").
        func bounds(_ year: Int) -> (first: Day, last: Day)? {
            switch unit {
            case .day:
                guard let d = Day(year, month, day) else { return nil }
                return (d, d)
            case .month:
                guard (1...12).contains(month) else { return nil }
                return (Day(year, month, 1)!, Day.clamped(year, month, 31))
            case .quarter:
                guard (1...4).contains(number) else { return nil }
                return (Day(year, 3 * number - 2, 1)!, Day.clamped(year, 3 * number, 31))
            case .half:
                return number == 1 ? (Day(year, 1, 1)!, Day(year, 6, 30)!) : (Day(year, 7, 1)!, Day(year, 12, 31)!)
            case .nineMonths:
                return (Day(year, 1, 1)!, Day(year, 9, 30)!)
            case .year:
                return (Day(year, 1, 1)!, Day(year, 12, 31)!)
            }
        }

        /// How a note names the span: "hết Tháng 02/2021", "hết Quý 3/2021"; nil for a day.
        func label(_ year: Int) -> String? {
            switch unit {
            case .day: nil
            case .month: "hết tháng \(String(format: "%02d", month))/\(year)"
            case .quarter: "hết quý \(["I", "II", "III", "IV"][number - 1])/\(year)"
            case .half: number == 1 ? "hết 6 tháng đầu năm \(year)" : "hết năm \(year)"
            case .nineMonths: "hết 9 tháng năm \(year)"
            case .year: "hết năm \(year)"
            }
        }
    }

    /// Recurring every month, quarter, half year, year (due at each end) or week (no due).
    enum Recurrence: Equatable { case monthly, quarterly, halfYearly, yearly, weekly, monthlyOn(Int) }

    static let quarterWords: [String: Int] = ["i": 1, "ii": 2, "iii": 3, "iv": 4, "mot": 1, "nhat": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4]
    static let monthWords: [String: Int] = ["gieng": 1, "mot": 1, "hai": 2, "ba": 3, "tu": 4, "sau": 6, "bay": 7, "tam": 8, "chin": 9,
                                            "muoi": 10, "chap": 12]
}
