import Foundation

/// Reads a regime from the Vietnamese guidance that states it, into a draft for review.
///
/// It finds the period names (Quý I, 6 tháng đầu năm, Quý III, năm; tháng) and the date phrases after
/// them — the data window ("từ ngày … đến ngày …"), the deadline ("chậm nhất là ngày …", "trước ngày …",
/// "hạn …"), the estimate window ("ước đạt từ … đến …") — and the rules stated for every period ("chậm nhất
/// là ngày 13 của tháng cuối kỳ báo cáo (không tính báo cáo năm)"). Partial dates resolve from the period
/// and the year: a day alone falls in the period's last month, a day and month in the regime's year, and a
/// window's start that would fall after its end in the year before. What it cannot read it says, one
/// note per period or phrase; it never puts in a date it did not read.
public enum RegimeReader {
    public static func read(_ text: String, year: Int? = nil) -> (regime: Regime?, notes: [String]) {
        var reading = Reading()
        for item in items(text) { reading.take(item) }
        return reading.finish(year: year, issuer: issuer(text))
    }

    /// “…”; “…”: each phrase once, in the text's order.
    static func quoted(_ list: [Phrase]) -> String {
        var seen = Set<String>()
        return list.map(\.quote).filter { seen.insert($0).inserted }.map { "“\($0)”" }.joined(separator: "; ")
    }

    /// What the text says, gathered item by item.
    struct Reading {
        var said: [PeriodKind: [Phrase]] = [:]
        var mentioned = Set<PeriodKind>()
        /// Months named only through "báo cáo hằng tháng": their notes are given once.
        var monthlyOnly = Set<PeriodKind>()
        var rules: [Phrase] = []
        var years: [Int] = []
        var unsupported: [String] = []
        var notes: [String] = []
        /// The periods of a heading item ending in ":" whose details follow in the next items.
        var heading: [Mention]?
        /// The columns of the table being read, from its header row.
        var columns: [Phrase.Role?]?

        mutating func take(_ item: Item) {
            let all = mentions(item)
            let named = all.filter { !$0.excluded }
            var groups: [[Mention]] = []
            for m in named {
                if m.linked, !groups.isEmpty { groups[groups.count - 1].append(m) } else { groups.append([m]) }
            }
            if item.marker != .row {
                columns = nil
            } else if groups.isEmpty {
                columns = item.columns
            }
            if groups.isEmpty, let heading, item.marker == .bullet {
                record(heading, phrases(item, 0..<item.tokens.count), item: item)
                return
            }
            heading = nil
            var general = phrases(item, 0..<(groups.first?.first?.start ?? item.tokens.count))
            for (n, group) in groups.enumerated() {
                let end = n + 1 < groups.count ? groups[n + 1][0].start : item.tokens.count
                let found = phrases(item, group.last!.end..<end).map { inColumn($0, item) }
                if group.contains(where: \.generic) {
                    general += found
                    if group.contains(where: \.quarterly) { mentioned.formUnion([.q1, .q3]) }
                } else if !found.isEmpty || group.contains(where: \.reported) {
                    years += group.compactMap(\.year)
                    record(group, found, item: item)
                    let tail = item.chars.last.map { $0 == ":" } ?? false
                    if n == groups.count - 1, found.isEmpty, tail { heading = group }
                }
            }
            // "(không tính báo cáo năm)" takes its period out of the rule just before it, or else the one after it.
            for m in all where m.excluded {
                if let i = general.lastIndex(where: { $0.end <= m.start }) ?? general.firstIndex(where: { $0.end > m.end }) {
                    general[i].excluded.formUnion(m.kinds)
                }
            }
            takeGeneral(general, item: item)
        }

        /// A table row's date takes its role from its column's header: a lone date under "Thời hạn gửi" is the deadline.
        func inColumn(_ p: Phrase, _ item: Item) -> Phrase {
            guard item.marker == .row, let columns else { return p }
            let c = item.cell(p.start)
            guard c < columns.count, let role = columns[c] else { return p }
            var p = p
            switch role {
            case .deadline where p.from == nil: p.role = .deadline
            case .window where p.from != nil, .estimate where p.from != nil: p.role = role
            default: break
            }
            return p
        }

        mutating func record(_ group: [Mention], _ found: [Phrase], item: Item) {
            for m in group {
                if let name = m.unsupported, !unsupported.contains(name) { unsupported.append(name) }
                for kind in m.kinds {
                    said[kind, default: []] += found
                    if m.monthly, !mentioned.contains(kind) { monthlyOnly.insert(kind) }
                    if !m.monthly { monthlyOnly.remove(kind) }
                    mentioned.insert(kind)
                }
            }
        }

        /// Phrases outside any period: rules for every period, or dates that belong to none (said so).
        mutating func takeGeneral(_ found: [Phrase], item: Item) {
            let aboutReports = item.saysReport() || item.tokens.indices.contains { item.word($0) == "so" && item.word($0 + 1) == "lieu" }
            for p in found {
                switch p.role {
                case .deadline where p.to.isRule && item.saysReport():
                    rules.append(p)
                case .window where p.to.isRule && (p.from?.isRule ?? false):
                    rules.append(p)
                case .window, .estimate, .supplement, .deadline:
                    guard aboutReports else { continue }
                    let what = switch p.role {
                    case .deadline: "Thời hạn"
                    case .estimate: "Thời gian ước tính số liệu"
                    case .supplement: "Khoảng báo cáo bổ sung"
                    default: "Thời gian chốt số liệu"
                    }
                    notes.append("\(what) “\(p.quote)” không gắn với kỳ báo cáo nào; chưa dùng.")
                case .cutoff, .unknown:
                    continue
                }
            }
        }

        func finish(year given: Int?, issuer: String) -> (regime: Regime?, notes: [String]) {
            var notes = notes
            guard !mentioned.isEmpty else {
                return (nil, notes + ["Không tìm thấy kỳ báo cáo nào (Quý I, 6 tháng đầu năm, Quý III, năm, tháng) trong văn bản."])
            }
            let stated = Self.mostCommon(years)
            let dated = Self.mostCommon(said.values.joined().compactMap { p -> Int? in if case .full(_, _, let y) = p.to { y } else { nil } })
            guard let year = given ?? stated ?? dated else {
                return (nil, notes + ["Không xác định được năm của chế độ báo cáo: văn bản không ghi năm; hãy cho biết năm (--year)."])
            }
            if let given, let textYear = stated ?? dated, textYear != given {
                notes.append("Văn bản ghi năm \(textYear), đã đọc theo năm \(given) được chọn.")
            }
            let deadlineRules = rules.filter { $0.role == .deadline }
            let windowRules = rules.filter { $0.role == .window }
            for (name, list) in [("hạn gửi báo cáo", deadlineRules), ("thời gian chốt số liệu", windowRules)]
            where Set(list.map(\.to)).count > 1 || Set(list.compactMap(\.from)).count > 1 {
                let quotes = quoted(list)
                notes.append("Văn bản nêu nhiều quy định chung về \(name) (\(quotes)); đã theo quy định đầu tiên, cần xem lại.")
            }
            var periods: [ReportingPeriod] = []
            var perPeriod: [String] = []
            for kind in mentioned.sorted() {
                let label = monthlyOnly.contains(kind) ? "Báo cáo hằng tháng" : kind.label
                var read = PeriodReading(kind: kind, year: year, label: label, phrases: said[kind] ?? [])
                if let p = read.period(deadlineRule: deadlineRules.first, windowRule: windowRules.first) { periods.append(p) }
                for note in read.notes where !perPeriod.contains(note) { perPeriod.append(note) }
            }
            notes += perPeriod
            if !mentioned.isDisjoint(with: PeriodKind.standard) {
                for kind in PeriodKind.standard where !mentioned.contains(kind) {
                    notes.append("\(kind.label): văn bản không nêu kỳ báo cáo này.")
                }
            }
            for name in unsupported {
                notes.append("\(name): hệ thống chỉ theo dõi các kỳ Quý I, 6 tháng đầu năm, Quý III, năm và tháng; đã bỏ qua kỳ này.")
            }
            var deadlineDay: Int?
            if let rule = deadlineRules.first {
                switch rule.to {
                case .day(let d), .lastMonth(let d): deadlineDay = d
                default: break
                }
            }
            let regime = Regime(issuer: issuer, year: year, deadlineDay: deadlineDay, periods: periods)
            notes += regime.problems().map(\.message)
            var seen = Set<String>()
            return (regime, notes.filter { seen.insert($0).inserted })
        }

        static func mostCommon(_ values: [Int]) -> Int? {
            let counts = Dictionary(values.map { ($0, 1) }, uniquingKeysWith: +)
            return values.first { counts[$0] == counts.values.max() }
        }
    }

    /// One period: its phrases and the rules for all, resolved to days, with a note for what is missing.
    struct PeriodReading {
        let kind: PeriodKind
        let year: Int
        let label: String
        let phrases: [Phrase]
        var notes: [String] = []
        /// Why a day could not be read, for the period's one note about it.
        var missing: [String] = []

        init(kind: PeriodKind, year: Int, label: String, phrases: [Phrase]) {
            self.kind = kind
            self.year = year
            self.label = label
            self.phrases = phrases
        }

        mutating func period(deadlineRule: Phrase?, windowRule: Phrase?) -> ReportingPeriod? {
            let phrases = phrases
            func own(_ role: Phrase.Role) -> [Phrase] { phrases.filter { $0.role == role } }
            var window: (Day, Day)?
            var cutoffs = own(.cutoff)
            if !own(.window).isEmpty {
                window = first(own(.window), what: "thời gian chốt số liệu")
            } else if !cutoffs.isEmpty {
                missing.append("chỉ thấy ngày chốt số liệu cuối (“\(cutoffs.removeFirst().quote)”), không thấy ngày bắt đầu")
            } else if let rule = windowRule {
                window = resolveWindow(rule)
            } else {
                missing.append("không tìm thấy thời gian chốt số liệu (từ ngày … đến ngày …)")
            }
            var deadline: Day?
            var strict = false
            if !own(.deadline).isEmpty {
                deadline = firstDeadline(own(.deadline), after: window?.1)
                strict = own(.deadline)[0].strict
            } else if let rule = deadlineRule, !rule.excluded.contains(kind) {
                deadline = resolve(rule.to, as: .deadline, quote: rule.quote, after: window?.1)
                strict = rule.strict
            } else if let rule = deadlineRule {
                missing.append("hạn chung (“\(rule.quote)”) không áp dụng cho kỳ này và văn bản không nêu hạn riêng")
            } else {
                missing.append("không tìm thấy thời hạn gửi báo cáo")
            }
            let estimates = own(.estimate).filter { $0.from != nil }
            let estimate = estimates.isEmpty ? nil : first(estimates, what: "thời gian ước tính số liệu")
            for p in own(.estimate) where p.from == nil {
                notes.append("\(label): số liệu ước tính “\(p.quote)” không ghi ngày bắt đầu; chưa dùng.")
            }
            for p in cutoffs {
                notes.append("\(label): “\(p.quote)” chỉ có ngày cuối, không rõ thuộc khoảng nào; chưa dùng.")
            }
            for p in own(.supplement) {
                let when = resolveWindow(p).map { " (\($0.0.vietnamese) – \($0.1.vietnamese))" } ?? ""
                notes.append("\(label): văn bản có báo cáo bổ sung “\(p.quote)”\(when) nhưng không nêu thời hạn nộp; "
                    + "thêm kỳ “\(PeriodKind.supplement.label)” (khi được yêu cầu) với hạn nộp khi cơ quan thường trực yêu cầu.")
            }
            for p in own(.unknown) {
                notes.append("\(label): không rõ ngày “\(p.quote)” dùng vào việc gì; chưa dùng.")
            }
            if window == nil, let deadline, missing.count == 1, missing[0].hasPrefix("không tìm thấy thời gian chốt") {
                let p = ReportingPeriod.deadlineOnly(kind: kind, year: year, deadline: deadline, deadlineStrict: strict ? true : nil)
                notes.append("\(label): văn bản chỉ nêu thời hạn nộp, không nêu thời gian chốt số liệu; "
                    + "bản dự thảo tạm tính \(p.windowText), cần bổ sung.")
                return p
            }
            guard let (from, to) = window, let deadline else {
                notes.append("\(label): " + (missing + ["chưa đưa kỳ này vào bản dự thảo."]).joined(separator: "; "))
                return nil
            }
            if !missing.isEmpty { notes.append("\(label): " + missing.joined(separator: "; ") + ".") }
            return ReportingPeriod(kind: kind, from: from, to: to, deadline: deadline, estimateFrom: estimate?.0, estimateTo: estimate?.1,
                                   deadlineStrict: strict ? true : nil)
        }

        /// The first window read; a note when the text gives others that differ.
        mutating func first(_ list: [Phrase], what: String) -> (Day, Day)? {
            let resolved = list.map { resolveWindow($0) }
            let distinct = Set(resolved.compactMap { $0.map { "\($0.0.vietnamese) – \($0.1.vietnamese)" } })
            if distinct.count > 1 {
                let all = quoted(list)
                notes.append("\(label): văn bản nêu nhiều \(what) khác nhau (\(all)); đã lấy cách nêu đầu tiên, cần xem lại.")
            }
            return resolved.compactMap { $0 }.first
        }

        mutating func firstDeadline(_ list: [Phrase], after window: Day?) -> Day? {
            let resolved = list.map { resolve($0.to, as: .deadline, quote: $0.quote, after: window) }
            if Set(resolved.compactMap { $0 }).count > 1 {
                let all = quoted(list)
                notes.append("\(label): văn bản nêu nhiều thời hạn gửi báo cáo khác nhau (\(all)); đã lấy cách nêu đầu tiên, cần xem lại.")
            }
            return resolved.compactMap { $0 }.first
        }

        mutating func resolveWindow(_ p: Phrase) -> (Day, Day)? {
            guard let to = resolve(p.to, as: .to, quote: p.quote, after: nil), let fromExpr = p.from,
                  let from = resolve(fromExpr, as: .from, quote: p.quote, after: to) else { return nil }
            return (from, to)
        }

        enum Role { case from, to, deadline }

        mutating func resolve(_ e: DateExpr, as role: Role, quote: String, after: Day?) -> Day? {
            if let day = resolveQuiet(e, as: role, after: after) { return day }
            switch e {
            case .day(let d) where role == .from:
                missing.append("ngày \(d) trong “\(quote)” không ghi tháng, chưa đọc được")
            default:
                missing.append("ngày trong “\(quote)” không có trong lịch, chưa đọc được")
            }
            return nil
        }

        /// A day from an expression: the period gives the month of a relative day, the year (or the year
        /// before, for a window's start that would otherwise come after its end) gives the year of a partial one.
        func resolveQuiet(_ e: DateExpr, as role: Role, after: Day?) -> Day? {
            let first: Int
            switch kind {
            case .q1, .h1, .year: first = 1
            case .q3: first = 7
            case .estimate, .supplement: first = 11
            case .month(let m): first = m
            }
            switch e {
            case .full(let d, let m, let y):
                return Day(y, m, d)
            case .dayMonth(let d, let m, let previous):
                guard let day = Day(previous ? year - 1 : year, m, d) else { return nil }
                if role == .from, !previous, let to = after, day > to { return Day(year - 1, m, d) }
                if role == .deadline, let to = after, day < to, m < to.month { return Day(year + 1, m, d) }
                return day
            case .day(let d), .lastMonth(let d):
                return role == .from ? nil : Day(year, kind.lastMonth, d)
            case .monthBefore(let d):
                return first == 1 ? Day(year - 1, 12, d) : Day(year, first - 1, d)
            case .monthAfter(let d):
                return kind.lastMonth == 12 ? Day(year + 1, 1, d) : Day(year, kind.lastMonth + 1, d)
            }
        }
    }
}
