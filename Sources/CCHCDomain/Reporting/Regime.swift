/// A reporting regime: the periods an issuing jurisdiction sets for its units for a year.
public struct Regime: Codable, Sendable, Equatable {
    public var issuer: String
    public var year: Int
    public var deadlineDay: Int?
    public var periods: [ReportingPeriod]
    /// The jurisdiction's offices' own windows and deadlines, where they differ from the units' (seed 000 §III).
    public var officePeriods: [ReportingPeriod]?

    public init(issuer: String, year: Int, deadlineDay: Int? = nil, periods: [ReportingPeriod], officePeriods: [ReportingPeriod]? = nil) {
        self.issuer = issuer
        self.year = year
        self.deadlineDay = deadlineDay
        self.periods = periods
        self.officePeriods = officePeriods
    }

    public func period(_ kind: PeriodKind) -> ReportingPeriod? { periods.first { $0.kind == kind } }

    /// The period as an office of the jurisdiction reports it: its own window where the regime gives one.
    public func officePeriod(_ kind: PeriodKind) -> ReportingPeriod? { officePeriods?.first { $0.kind == kind } ?? period(kind) }

    /// What makes a regime unusable (not the slips `RegimeCheck` warns about): a year outside
    /// 2000–2100, a deadline day outside 1–31, a kind declared twice, a date more than five years from
    /// the regime's year. Checked before any date arithmetic, so no input can overflow it.
    public func problems() -> [FieldError] {
        var out: [FieldError] = []
        guard (2000...2100).contains(year) else { return [FieldError(field: "year", message: "Năm: \(year) không hợp lệ (2000–2100).")] }
        if let d = deadlineDay, !(1...31).contains(d) { out.append(FieldError(field: "deadlineDay", message: "Ngày hạn nộp: phải từ 1 đến 31.")) }
        if Set(periods.map(\.kind)).count != periods.count {
            out.append(FieldError(field: "periods", message: "Kỳ báo cáo: mỗi loại kỳ chỉ khai báo một lần."))
        }
        if let offices = officePeriods {
            if Set(offices.map(\.kind)).count != offices.count {
                out.append(FieldError(field: "officePeriods", message: "Kỳ báo cáo của các cơ quan chuyên môn: mỗi loại kỳ chỉ khai báo một lần."))
            }
            for p in offices where period(p.kind) == nil {
                out.append(FieldError(field: "officePeriods", message: "Cơ quan chuyên môn, \(p.kind.label): chế độ chưa có kỳ này cho các đơn vị."))
            }
        }
        let plausible = (year - 5)...(year + 5)
        for p in periods + (officePeriods ?? []) {
            for day in [p.from, p.to, p.deadline] + [p.estimateFrom, p.estimateTo].compactMap({ $0 }) where !plausible.contains(day.year) {
                out.append(FieldError(field: "periods", message: "\(p.kind.label): ngày \(day.vietnamese) cách năm \(year) quá xa."))
            }
        }
        return out
    }
}

/// One period of a regime: data cut-off window, deadline, and for the annual report an estimate window.
public struct ReportingPeriod: Codable, Sendable, Equatable {
    public var kind: PeriodKind
    public var from: Day
    public var to: Day
    public var deadline: Day
    /// Figures estimated for the tail of the year, reported separately (annual report).
    public var estimateFrom: Day?
    public var estimateTo: Day?
    /// The deadline was written "trước ngày X" (before day X: the last day is the day before), not
    /// "chậm nhất là ngày X" (at the latest on day X).
    public var deadlineStrict: Bool?

    public init(kind: PeriodKind, from: Day, to: Day, deadline: Day, estimateFrom: Day? = nil, estimateTo: Day? = nil,
                deadlineStrict: Bool? = nil) {
        self.kind = kind
        self.from = from
        self.to = to
        self.deadline = deadline
        self.estimateFrom = estimateFrom
        self.estimateTo = estimateTo
        self.deadlineStrict = deadlineStrict
    }

    /// The last day a report is on time: the deadline, or the day before a "trước ngày" deadline.
    public var lastDay: Day { deadlineStrict == true ? deadline.adding(days: -1) : deadline }

    /// "chậm nhất ngày 13/03/2021", "trước ngày 18/03/2021".
    public var deadlineText: String { (deadlineStrict == true ? "trước ngày " : "chậm nhất ngày ") + deadline.vietnamese }

    /// "15/12/2020 – 14/03/2021"
    public var windowText: String { "\(from.vietnamese) – \(to.vietnamese)" }
    public var lengthInDays: Int { from.days(until: to) + 1 }
}

/// Presets that build a regime from the national rule.
public enum RegimePreset {
    /// Decree 09/2019: windows from the 15th of the month before the period to the 14th of its
    /// last month (the year's reports start on 15 December of the year before), deadline on
    /// `deadlineDay` of the period's last month.
    public static func decree09(issuer: String, year: Int, deadlineDay: Int, months: Bool = false) -> Regime {
        let start = Day(year - 1, 12, 15)!
        func window(_ kind: PeriodKind, from: Day) -> ReportingPeriod {
            let last = kind.lastMonth
            return ReportingPeriod(kind: kind, from: from, to: Day(year, last, 14)!,
                                   deadline: Day.clamped(year, last, deadlineDay))
        }
        var periods = [
            window(.q1, from: start),
            window(.h1, from: start),
            window(.q3, from: Day(year, 6, 15)!),
            window(.year, from: start),
        ]
        if months {
            for m in 1...12 {
                let from = m == 1 ? start : Day(year, m - 1, 15)!
                periods.append(window(.month(m), from: from))
            }
            periods.sort { $0.kind < $1.kind }
        }
        return Regime(issuer: issuer, year: year, deadlineDay: deadlineDay, periods: periods)
    }
}
