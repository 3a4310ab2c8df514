/// A reporting regime: the periods an issuing jurisdiction sets for its units for a year.
public struct Regime: Codable, Sendable, Equatable {
    public var issuer: String
    public var year: Int
    public var deadlineDay: Int?
    public var periods: [ReportingPeriod]

    public init(issuer: String, year: Int, deadlineDay: Int? = nil, periods: [ReportingPeriod]) {
        self.issuer = issuer
        self.year = year
        self.deadlineDay = deadlineDay
        self.periods = periods
    }

    public func period(_ kind: PeriodKind) -> ReportingPeriod? { periods.first { $0.kind == kind } }
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

    public init(kind: PeriodKind, from: Day, to: Day, deadline: Day, estimateFrom: Day? = nil, estimateTo: Day? = nil) {
        self.kind = kind
        self.from = from
        self.to = to
        self.deadline = deadline
        self.estimateFrom = estimateFrom
        self.estimateTo = estimateTo
    }

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
