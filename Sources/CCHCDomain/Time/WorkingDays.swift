/// Saturdays, Sundays and Vietnam's public holidays (Labour Code 2019, Art. 112): 01/01; Tết
/// Nguyên đán (the last day of the lunar year and the first four days of the new one); Giỗ Tổ Hùng
/// Vương (10/3 lunar); 30/4 and 01/5; 02/9 and the day before or after it. Lunar dates come from a
/// table; years outside it are checked for weekends and solar holidays only. Compensatory days off
/// that the government announces each year are not known here.
public enum WorkingDays {
    /// Lunar new year's day (mùng 1 Tết) by solar year.
    static let tet: [Int: Day] = [
        2020: Day(2020, 1, 25)!, 2021: Day(2021, 2, 12)!, 2022: Day(2022, 2, 1)!, 2023: Day(2023, 1, 22)!, 2024: Day(2024, 2, 10)!,
        2025: Day(2025, 1, 29)!, 2026: Day(2026, 2, 17)!, 2027: Day(2027, 2, 6)!, 2028: Day(2028, 1, 26)!, 2029: Day(2029, 2, 13)!,
        2030: Day(2030, 2, 3)!,
    ]
    /// Giỗ Tổ Hùng Vương (10/3 lunar) by solar year.
    static let hungKings: [Int: Day] = [
        2020: Day(2020, 4, 2)!, 2021: Day(2021, 4, 21)!, 2022: Day(2022, 4, 10)!, 2023: Day(2023, 4, 29)!, 2024: Day(2024, 4, 18)!,
        2025: Day(2025, 4, 7)!, 2026: Day(2026, 4, 26)!,
    ]

    /// 0 = Sunday … 6 = Saturday.
    public static func weekday(_ day: Day) -> Int { ((day.ordinal + 4) % 7 + 7) % 7 }

    /// "thứ Bảy", "Chủ nhật", "Tết Nguyên đán", … — nil on a working day.
    public static func reasonOff(_ day: Day) -> String? {
        if let name = holiday(day) { return name }
        switch weekday(day) {
        case 0: return "Chủ nhật"
        case 6: return "thứ Bảy"
        default: return nil
        }
    }

    public static func holiday(_ day: Day) -> String? {
        switch (day.month, day.day) {
        case (1, 1): return "Tết Dương lịch"
        case (4, 30): return "ngày Chiến thắng 30/4"
        case (5, 1): return "ngày Quốc tế Lao động"
        case (9, 2): return "Quốc khánh"
        case (9, 1) where day.year >= 2021, (9, 3) where day.year >= 2021: return "nghỉ Quốc khánh"
        default: break
        }
        if let tet = tet[day.year] ?? tet[day.year + 1], (-1...3).contains(tet.days(until: day)) { return "Tết Nguyên đán" }
        if let next = tet[day.year + 1], (-1...3).contains(next.days(until: day)) { return "Tết Nguyên đán" }
        if hungKings[day.year] == day { return "Giỗ Tổ Hùng Vương" }
        return nil
    }

    public static func isWorkingDay(_ day: Day) -> Bool { reasonOff(day) == nil }

    /// Working days after `start` up to and including `end`.
    public static func count(after start: Day, through end: Day) -> Int {
        guard start < end else { return 0 }
        var n = 0
        var d = start.adding(days: 1)
        while d <= end && n < 400 {
            if isWorkingDay(d) { n += 1 }
            d = d.adding(days: 1)
        }
        return n
    }
}
