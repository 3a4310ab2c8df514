import Foundation

/// A calendar day with no time and no zone: cut-off dates and deadlines as documents write them.
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(_ year: Int, _ month: Int, _ day: Int) {
        guard (1...12).contains(month), (1...VNDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// "2021-03-14"
    public init?(iso: String) {
        guard let (y, m, d) = VNDate.parseISO(iso) else { return nil }
        self.init(y, m, d)
    }

    /// "14/03/2021" or "14/3/2021"
    public init?(vietnamese text: String) {
        guard let iso = VNDate.isoFromVietnamese(text) else { return nil }
        self.init(iso: iso)
    }

    /// The given day, clamped to the month's length (day 31 of February → 28 or 29).
    public static func clamped(_ year: Int, _ month: Int, _ day: Int) -> Day {
        Day(year, month, min(max(day, 1), VNDate.daysIn(month: month, year: year)))!
    }

    public var iso: String { String(format: "%04d-%02d-%02d", year, month, day) }
    /// "14/03/2021"
    public var vietnamese: String { String(format: "%02d/%02d/%04d", day, month, year) }
    /// "ngày 05 tháng 01 năm 2021", "ngày 12 tháng 02 năm 2021", "ngày 05 tháng 3 năm 2021": as Decree 30/2020 writes
    /// a document's date — a day below 10 and the months 1 and 2 with a leading zero, the other months without.
    public var longVietnamese: String {
        let monthText = month <= 2 ? String(format: "%02d", month) : String(month)
        return "ngày \(String(format: "%02d", day)) tháng \(monthText) năm \(String(format: "%04d", year))"
    }
    public var description: String { vietnamese }

    /// Days since 1970-01-01 (proleptic Gregorian), for arithmetic.
    public var ordinal: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public init(ordinal z0: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.year = y
        self.month = m
        self.day = d
    }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }
    public func days(until other: Day) -> Int { other.ordinal - ordinal }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    /// The day a moment falls on in Vietnam (UTC+7), whatever the server's zone.
    public init(_ date: Date) {
        let seconds = Int(floor(date.timeIntervalSince1970)) + 7 * 3600
        self.init(ordinal: Int(floor(Double(seconds) / 86_400)))
    }

    /// The first instant of this day in Vietnam time.
    public var startInVietnam: Date { Date(timeIntervalSince1970: Double(ordinal * 86_400 - 7 * 3600)) }
    /// The first instant after this day ends in Vietnam time: a deadline is met strictly before it.
    public var endInVietnam: Date { adding(days: 1).startInVietnam }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let day = Day(iso: text) ?? Day(vietnamese: text) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "“\(text)” không phải là ngày hợp lệ (yyyy-MM-dd).")
        }
        self = day
    }
}
