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

    /// The periods reports are made for: the regime's own, and — where the annual period gives an estimate
    /// window — the estimate of the tail of the year as a report of its own (kept and consolidated apart), due
    /// with the annual report.
    public var reportedPeriods: [ReportingPeriod] {
        var out = periods.filter { $0.kind != .estimate }
        if let y = period(.year), let ef = y.estimateFrom, let et = y.estimateTo, ef <= et {
            out.append(ReportingPeriod(kind: .estimate, from: ef, to: et, deadline: y.deadline, deadlineStrict: y.deadlineStrict))
        }
        return out.sorted { $0.kind < $1.kind }
    }

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
        for p in periods + (officePeriods ?? []) where p.halfWindow == true {
            out.append(FieldError(field: "periods", message: "\(p.kind.label): cần cả ngày bắt đầu (from) và ngày kết thúc (to) chốt số liệu, "
                                  + "hoặc bỏ cả hai khi văn bản chỉ nêu hạn nộp."))
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
    /// Owed only when the standing agency asks for it (the supplementary report: "trường hợp … yêu cầu báo cáo
    /// bổ sung"): a unit that has not sent one is not late.
    public var onRequest: Bool?
    /// `false` when the regime gives only a deadline for the period, no cut-off window (older guidance: "báo cáo
    /// quý trước ngày 05 của tháng cuối quý"). The window is then the calendar period up to the day before the
    /// deadline — said by the check every time, never silently.
    public var windowGiven: Bool?
    /// Decoded with only one of `from` and `to`: refused by `Regime.problems` (not written back).
    public var halfWindow: Bool?

    public init(kind: PeriodKind, from: Day, to: Day, deadline: Day, estimateFrom: Day? = nil, estimateTo: Day? = nil,
                deadlineStrict: Bool? = nil, onRequest: Bool? = nil, windowGiven: Bool? = nil) {
        self.kind = kind
        self.from = from
        self.to = to
        self.deadline = deadline
        self.estimateFrom = estimateFrom
        self.estimateTo = estimateTo
        self.deadlineStrict = deadlineStrict
        self.onRequest = onRequest == true ? true : nil
        self.windowGiven = windowGiven == false ? false : nil
    }

    /// A period the regime gives only a deadline for: the window assumed from the calendar (see `windowGiven`).
    public static func deadlineOnly(kind: PeriodKind, year: Int, deadline: Day, deadlineStrict: Bool? = nil,
                                    onRequest: Bool? = nil) -> ReportingPeriod {
        let firstMonth: Int = switch kind {
        case .q3: 7
        case .estimate, .supplement: 12
        case .month(let m): m
        case .q1, .h1, .year: 1
        }
        let last = deadlineStrict == true ? deadline.adding(days: -2) : deadline.adding(days: -1)
        let from = Day(year, firstMonth, 1)!
        return ReportingPeriod(kind: kind, from: from, to: max(from, last), deadline: deadline, deadlineStrict: deadlineStrict,
                               onRequest: onRequest, windowGiven: false)
    }

    /// Was the cut-off window written in the regime (not assumed from a deadline alone)?
    public var hasGivenWindow: Bool { windowGiven != false }

    enum CodingKeys: String, CodingKey {
        case kind, from, to, deadline, estimateFrom, estimateTo, deadlineStrict, onRequest, windowGiven
    }

    /// `from` and `to` may be left out when the regime gives only a deadline (`windowGiven` is then false).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try c.decode(PeriodKind.self, forKey: .kind)
        let deadline = try c.decode(Day.self, forKey: .deadline)
        let strict = try c.decodeIfPresent(Bool.self, forKey: .deadlineStrict)
        let onRequest = try c.decodeIfPresent(Bool.self, forKey: .onRequest)
        if let from = try c.decodeIfPresent(Day.self, forKey: .from), let to = try c.decodeIfPresent(Day.self, forKey: .to) {
            self.init(kind: kind, from: from, to: to, deadline: deadline,
                      estimateFrom: try c.decodeIfPresent(Day.self, forKey: .estimateFrom),
                      estimateTo: try c.decodeIfPresent(Day.self, forKey: .estimateTo), deadlineStrict: strict, onRequest: onRequest,
                      windowGiven: try c.decodeIfPresent(Bool.self, forKey: .windowGiven))
        } else {
            self = .deadlineOnly(kind: kind, year: deadline.year, deadline: deadline, deadlineStrict: strict, onRequest: onRequest)
            // Half a window is refused by `Regime.problems`, naming the period, not guessed.
            if try c.decodeIfPresent(Day.self, forKey: .from) != nil || c.decodeIfPresent(Day.self, forKey: .to) != nil {
                halfWindow = true
            }
            estimateFrom = try c.decodeIfPresent(Day.self, forKey: .estimateFrom)
            estimateTo = try c.decodeIfPresent(Day.self, forKey: .estimateTo)
        }
    }

    /// A period whose window was assumed is written without it, as the regime gave it.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        if hasGivenWindow {
            try c.encode(from, forKey: .from)
            try c.encode(to, forKey: .to)
        }
        try c.encode(deadline, forKey: .deadline)
        try c.encodeIfPresent(estimateFrom, forKey: .estimateFrom)
        try c.encodeIfPresent(estimateTo, forKey: .estimateTo)
        try c.encodeIfPresent(deadlineStrict, forKey: .deadlineStrict)
        try c.encodeIfPresent(onRequest, forKey: .onRequest)
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
