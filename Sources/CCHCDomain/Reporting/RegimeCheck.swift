/// Checks a regime for what does not add up. It warns; it never refuses.
/// Real documents contain slips: the system points them out in plain Vietnamese, naming the dates.
public enum RegimeCheck {
    public struct Warning: Sendable, Equatable, CustomStringConvertible {
        public enum Kind: String, Sendable { case order, gap, overlap, afterDeadline, length, outsideYear, parentDeadline, duplicate, start, estimate
            /// Days of the reporting year in no period's window.
            case uncovered
            /// A deadline outside the period's last month.
            case deadlineMonth
            /// Less than one working day between the end of the window and the deadline (Decree 09/2019, Art. 8).
            case tooLittleTime
            /// A deadline on a weekend or public holiday: noted, not a fault.
            case nonWorkingDay
            /// A window that differs from the level above's for the same period.
            case parentWindow
            /// A period given a deadline only, no cut-off window: what is missing, and the window assumed.
            case noWindow
            /// The supplementary report's window or deadline does not fit the year.
            case supplement }
        public var kind: Kind
        public var period: String
        public var message: String
        public var description: String { message }
        /// Noted for the reader, not a slip: a deadline on a day off.
        public var isNote: Bool { kind == .nonWorkingDay }
    }

    /// Expected window length in days, for the plausibility check.
    static func expectedLength(_ kind: PeriodKind) -> Int {
        switch kind {
        case .q1: 90
        case .h1: 181
        case .q3: 92
        case .year: 365
        case .estimate, .supplement: 30
        case .month: 30
        }
    }

    /// The units' periods, then — where the regime gives its offices their own windows — the offices'
    /// periods as they report them, each warning said once and marked as the offices'.
    public static func check(_ regime: Regime, parent: Regime? = nil, parentName: String? = nil) -> [Warning] {
        let units = checkPeriods(regime, parent: parent, parentName: parentName)
        guard let offices = regime.officePeriods, !offices.isEmpty else { return units }
        var effective = regime
        effective.periods = regime.periods.map { p in offices.first { $0.kind == p.kind } ?? p }
        let said = Set(units.map(\.message))
        let theirs = checkPeriods(effective).filter { !said.contains($0.message) }.map { w in
            Warning(kind: w.kind, period: w.period, message: "Các cơ quan chuyên môn — " + w.message)
        }
        return units + theirs
    }

    static func checkPeriods(_ regime: Regime, parent: Regime? = nil, parentName: String? = nil) -> [Warning] {
        var out: [Warning] = []
        let year = regime.year
        func name(_ p: ReportingPeriod) -> String { p.kind.title(year: year).replacingOccurrences(of: "Báo cáo ", with: "Kỳ ") }
        func warn(_ kind: Warning.Kind, _ p: ReportingPeriod, _ message: String) {
            out.append(Warning(kind: kind, period: p.kind.code, message: message))
        }
        let all = regime.periods.sorted { $0.kind < $1.kind }
        // The estimate and the supplement accompany the annual report: checked on their own below.
        let cycle = all.filter { !$0.kind.accompaniesYear }
        // A period with a deadline only has no window to compare.
        let periods = cycle.filter(\.hasGivenWindow)
        for p in cycle where !p.hasGivenWindow {
            warn(.noWindow, p, "\(name(p)): chế độ chỉ nêu thời hạn nộp (\(p.deadlineText)), không nêu thời gian chốt số liệu; "
                + "hệ thống tạm tính \(p.windowText) — cần bổ sung khoảng chốt số liệu.")
        }
        for p in all where p.kind == .supplement {
            if p.from > p.to {
                warn(.supplement, p, "\(name(p)): ngày bắt đầu \(p.from) sau ngày kết thúc \(p.to).")
            } else if let y = regime.period(.year), p.hasGivenWindow, y.from <= y.to, p.from < y.from {
                warn(.supplement, p, "\(name(p)): khoảng \(p.windowText) bắt đầu trước kỳ năm (\(y.windowText)).")
            }
            if p.deadline < p.to {
                warn(.supplement, p, "\(name(p)): thời hạn nộp \(p.deadline) trước ngày kết thúc số liệu bổ sung \(p.to).")
            }
            if let off = WorkingDays.reasonOff(p.deadline) {
                warn(.nonWorkingDay, p, "\(name(p)): thời hạn nộp \(p.deadline) rơi vào \(off).")
            }
        }
        if all.contains(where: { $0.kind == .estimate }) {
            out.append(Warning(kind: .estimate, period: PeriodKind.estimate.code,
                               message: "Số liệu ước đạt cuối năm được khai báo trong kỳ năm (estimateFrom, estimateTo), không thành kỳ riêng."))
        }

        var seen = Set<PeriodKind>()
        for p in all where !seen.insert(p.kind).inserted {
            warn(.duplicate, p, "\(name(p)) được khai báo nhiều lần.")
        }

        let earliest = Day(year - 1, 12, 1)!
        let latest = Day(year, 12, 31)!
        for p in periods {
            if p.from > p.to {
                warn(.order, p, "\(name(p)): ngày bắt đầu chốt số liệu \(p.from) sau ngày kết thúc \(p.to).")
            } else {
                let expected = expectedLength(p.kind)
                let length = p.lengthInDays
                if Double(length) < Double(expected) * 0.5 || Double(length) > Double(expected) * 1.5 {
                    warn(.length, p, "\(name(p)): khoảng chốt số liệu \(p.windowText) dài \(length) ngày, "
                        + "bất thường so với khoảng \(expected) ngày của một kỳ \(p.kind.label.lowercased()).")
                }
            }
            if p.from < earliest || p.to > latest {
                warn(.outsideYear, p,
                     "\(name(p)): khoảng chốt số liệu \(p.windowText) nằm ngoài năm báo cáo \(year) (từ \(earliest) đến \(latest)).")
            }
            if p.deadline.year != year {
                warn(.outsideYear, p, "\(name(p)): thời hạn nộp \(p.deadline) không thuộc năm \(year).")
            }
            if p.to > p.deadline {
                warn(.afterDeadline, p, "\(name(p)): chốt số liệu đến \(p.to), sau thời hạn nộp báo cáo \(p.deadline).")
            } else if p.from > p.deadline {
                warn(.afterDeadline, p, "\(name(p)): thời hạn nộp \(p.deadline) trước cả ngày bắt đầu chốt số liệu \(p.from).")
            }
            if let ef = p.estimateFrom, let et = p.estimateTo {
                if ef > et {
                    warn(.estimate, p, "\(name(p)): khoảng số liệu ước tính bắt đầu \(ef) sau ngày kết thúc \(et).")
                } else if ef <= p.to {
                    let overlapEnd = min(p.to, et)
                    warn(.estimate, p, "\(name(p)): khoảng số liệu ước tính \(ef) – \(et) trùng với khoảng chốt số liệu "
                        + "\(ef.days(until: overlapEnd) + 1) ngày (\(ef) – \(overlapEnd)); "
                        + "số liệu ước tính nên bắt đầu từ \(p.to.adding(days: 1)).")
                } else if ef > p.to.adding(days: 1) {
                    warn(.estimate, p, "\(name(p)): giữa khoảng chốt số liệu (đến \(p.to)) và khoảng ước tính (từ \(ef)) "
                        + "bỏ trống \(p.to.days(until: ef) - 1) ngày.")
                }
            } else if (p.estimateFrom == nil) != (p.estimateTo == nil) {
                warn(.estimate, p, "\(name(p)): khoảng số liệu ước tính cần có cả ngày bắt đầu và ngày kết thúc.")
            }
        }

        func meet(_ a: ReportingPeriod, _ b: ReportingPeriod) {
            guard a.from <= a.to, b.from <= b.to else { return }
            let expected = a.to.adding(days: 1)
            if b.from > expected {
                let gapEnd = b.from.adding(days: -1)
                let days = expected.days(until: gapEnd) + 1
                warn(.gap, b, "Giữa \(name(a)) (chốt đến \(a.to)) và \(name(b)) (chốt từ \(b.from)) bỏ trống \(days) ngày: "
                    + "\(expected) – \(gapEnd); số liệu các ngày này không thuộc kỳ nào.")
            } else if b.from < expected {
                let overlapStart = max(a.from, b.from), overlapEnd = min(a.to, b.to)
                let days = overlapStart.days(until: overlapEnd) + 1
                warn(.overlap, b, "\(name(a)) (chốt đến \(a.to)) và \(name(b)) (chốt từ \(b.from)) trùng nhau \(days) ngày: "
                    + "\(overlapStart) – \(overlapEnd); số liệu các ngày này bị tính hai lần.")
            }
        }
        let byKind = Dictionary(periods.map { ($0.kind, $0) }, uniquingKeysWith: { a, _ in a })
        // Q3 picks up where the first six months end.
        if let h1 = byKind[.h1], let q3 = byKind[.q3] { meet(h1, q3) }
        // Months follow each other.
        for m in 2...12 {
            if let a = byKind[.month(m - 1)], let b = byKind[.month(m)] { meet(a, b) }
        }
        // Cumulative reports (Q1, six months, year) start together.
        let cumulative = [PeriodKind.q1, .h1, .year].compactMap { byKind[$0] }
        if let first = cumulative.first {
            for p in cumulative.dropFirst() where p.from != first.from {
                warn(.start, p, "\(name(p)) bắt đầu chốt số liệu từ \(p.from), còn \(name(first)) từ \(first.from): "
                    + "các kỳ lũy kế từ đầu năm nên cùng ngày bắt đầu.")
            }
        }
        // A longer cumulative period should not end before a shorter one.
        for (a, b) in [(PeriodKind.q1, PeriodKind.h1), (.h1, .year), (.q3, .year)] {
            if let pa = byKind[a], let pb = byKind[b], pb.to < pa.to {
                warn(.order, pb, "\(name(pb)) chốt số liệu đến \(pb.to), trước cả \(name(pa)) (đến \(pa.to)).")
            }
            if let pa = byKind[a], let pb = byKind[b], pb.deadline < pa.deadline {
                warn(.order, pb, "Thời hạn nộp \(name(pb)) (\(pb.deadline)) trước thời hạn \(name(pa)) (\(pa.deadline)).")
            }
        }

        out += uncovered(periods + all.filter { $0.kind == .supplement && $0.hasGivenWindow })
        for p in cycle {
            if p.deadline.month != p.kind.lastMonth || p.deadline.year != year {
                warn(.deadlineMonth, p, "\(name(p)): thời hạn nộp \(p.deadline) không thuộc tháng cuối kỳ (tháng \(p.kind.lastMonth)/\(year)).")
            }
            if p.hasGivenWindow, p.to <= p.deadline, WorkingDays.count(after: p.to, through: p.deadline) < 1 {
                warn(.tooLittleTime, p, "\(name(p)): từ ngày chốt số liệu \(p.to) đến thời hạn nộp \(p.deadline) không có ngày làm việc nào "
                    + "(Nghị định 09/2019/NĐ-CP, Điều 8: cần đủ thời gian tổng hợp).")
            }
            if let off = WorkingDays.reasonOff(p.deadline) {
                warn(.nonWorkingDay, p, "\(name(p)): thời hạn nộp \(p.deadline) rơi vào \(off).")
            }
        }

        if let parent {
            let who = parentName ?? parent.issuer
            for p in periods {
                if let q = parent.period(p.kind), q.from <= q.to, p.from <= p.to, p.from != q.from || p.to > q.to {
                    warn(.parentWindow, p, "\(name(p)): khoảng chốt số liệu \(p.windowText) khác cấp trên (\(who)): \(q.windowText)"
                        + (p.to > q.to ? "; chốt sau cấp trên nên số liệu không kịp đưa vào báo cáo của cấp trên." : "."))
                }
            }
            for p in cycle {
                if let q = parent.period(p.kind), p.deadline > q.deadline {
                    warn(.parentDeadline, p,
                         "\(name(p)): thời hạn nộp \(p.deadline) muộn hơn thời hạn cấp trên (\(who)) yêu cầu cho cùng kỳ: \(q.deadline).")
                }
            }
        }
        return out
    }

    /// Days of the reporting year — from the annual window's start, for a year — that fall in no
    /// period's cut-off or estimate window (An Khê's year ends 30/11: 01–14/12 belong to no period).
    static func uncovered(_ periods: [ReportingPeriod]) -> [Warning] {
        guard let y = periods.first(where: { $0.kind == .year }), y.from <= y.to,
              let end = Day(y.from.year + 1, y.from.month, y.from.day)?.adding(days: -1) else { return [] }
        var windows = periods.filter { $0.from <= $0.to }.map { ($0.from, $0.to) }
        windows += periods.compactMap { p in p.estimateFrom.flatMap { f in p.estimateTo.map { (f, $0) } } }.filter { $0.0 <= $0.1 }
        windows.sort { $0.0 < $1.0 }
        var out: [Warning] = []
        var next = y.from
        func gap(until last: Day) {
            guard next <= last else { return }
            let days = next.days(until: last) + 1
            out.append(Warning(kind: .uncovered, period: y.kind.code,
                               message: "Số liệu từ \(next) đến \(last) (\(days) ngày) không thuộc khoảng chốt số liệu hay ước tính của kỳ nào."))
        }
        for (from, to) in windows where to >= next {
            if from > next { gap(until: min(from.adding(days: -1), end)) }
            if to >= next { next = to.adding(days: 1) }
            if next > end { break }
        }
        gap(until: end)
        return out
    }
}
