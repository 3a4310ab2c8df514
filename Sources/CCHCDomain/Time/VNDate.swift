import Foundation

/// Dates as Vietnamese officials write them, in Vietnam time (UTC+7).
public enum VNDate {
    public static let timeZone = TimeZone(secondsFromGMT: 7 * 3600)!

    public static var calendar: Calendar {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = timeZone
        return cal
    }

    /// "2021-01-25" → (2021, 1, 25); nil when not a real date.
    public static func parseISO(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        guard (1...12).contains(m), (1...daysIn(month: m, year: y)).contains(d) else { return nil }
        return (y, m, d)
    }

    /// "25/01/2021" or "25/1/2021" → "2021-01-25"; nil when not a real date.
    public static func isoFromVietnamese(_ text: String) -> String? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "/")
        guard parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]), parts[2].count == 4 else { return nil }
        guard (1...12).contains(m), (1...daysIn(month: m, year: y)).contains(d) else { return nil }
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    /// Why `text` is not a day, in Vietnamese, quoting it: a wrong shape, or a right shape naming a day that
    /// does not exist ("31/02/2021" is written correctly; February has no 31st).
    public static func problem(_ text: String) -> String {
        let t = text.trimmingCharacters(in: .whitespaces)
        let slash = t.split(separator: "/"), dash = t.split(separator: "-")
        var dmy: (d: Int, m: Int, y: Int)?
        if slash.count == 3, slash[2].count == 4, let d = Int(slash[0]), let m = Int(slash[1]), let y = Int(slash[2]) { dmy = (d, m, y) }
        if dash.count == 3, dash[0].count == 4, let y = Int(dash[0]), let m = Int(dash[1]), let d = Int(dash[2]) { dmy = (d, m, y) }
        if let (d, m, y) = dmy {
            if !(1...12).contains(m) { return "“\(text)”: không có tháng \(m)." }
            if !(1...daysIn(month: m, year: y)).contains(d) { return "“\(text)”: tháng \(m)/\(y) không có ngày \(d)." }
        }
        return "“\(text)” không đúng dạng dd/MM/yyyy."
    }

    /// "2021-01-25" → "25/01/2021".
    public static func display(iso: String) -> String {
        guard let (y, m, d) = parseISO(iso) else { return iso }
        return String(format: "%02d/%02d/%04d", d, m, y)
    }

    /// A moment shown as "dd/MM/yyyy HH:mm" in Vietnam time.
    public static func display(_ date: Date, withTime: Bool = true) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let day = String(format: "%02d/%02d/%04d", c.day!, c.month!, c.year!)
        return withTime ? day + String(format: " %02d:%02d", c.hour!, c.minute!) : day
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
