import Foundation

/// The text of official documents (Decree 30/2020): numbers, dates, symbols — unit-tested without files.
public enum OfficialText {
    /// "Thạch Hà, ngày 05 tháng 01 năm 2021"
    public static func placeAndDate(_ place: String, _ day: Day) -> String { "\(place), \(day.longVietnamese)" }

    /// "Số: 12/BC-UBND"; an empty number leaves room to write it by hand: "Số:      /BC-UBND".
    public static func numberLine(_ number: String?, symbol: String = "BC-UBND") -> String {
        guard let number, !number.trimmingCharacters(in: .whitespaces).isEmpty else { return "Số:      /\(symbol)" }
        return number.contains("/") ? "Số: \(number)" : "Số: \(number)/\(symbol)"
    }

    /// The place name of a unit as documents write it: "Huyện Thạch Hà" → "Thạch Hà".
    public static func place(of name: String) -> String {
        let prefixes = ["Thành phố ", "Thị xã ", "Thị trấn ", "Huyện ", "Tỉnh ", "Xã ", "Phường ", "Đặc khu "]
        for p in prefixes where name.hasPrefix(p) { return String(name.dropFirst(p.count)) }
        return name
    }

    /// "ỦY BAN NHÂN DÂN HUYỆN THẠCH HÀ"
    public static func issuingBody(of name: String) -> String { "ỦY BAN NHÂN DÂN " + name.uppercased() }

    /// "UBND TỈNH HÀ TĨNH"
    public static func parentBody(of name: String?) -> String { name.map { "UBND " + $0.uppercased() } ?? "" }

    /// "Kết quả thực hiện công tác cải cách hành chính quý I năm 2021"
    public static func reportSummary(_ kind: PeriodKind, year: Int) -> String {
        let when: String = switch kind {
        case .q1: "quý I năm \(year)"
        case .h1: "6 tháng đầu năm \(year)"
        case .q3: "quý III năm \(year)"
        case .year: "năm \(year)"
        case .month(let m): "tháng \(m) năm \(year)"
        }
        return "Kết quả thực hiện công tác cải cách hành chính \(when)"
    }

    /// "(Kèm theo Báo cáo số 12/BC-UBND ngày 05/01/2021 của UBND huyện Thạch Hà)"
    public static func appendixSubtitle(number: String?, day: Day?, issuer: String) -> String {
        let n = (number?.isEmpty ?? true) ? "      /BC-UBND" : number!
        let d = day.map { " ngày \($0.vietnamese)" } ?? " ngày     /     /     "
        return "(Kèm theo Báo cáo số \(n)\(d) của UBND \(issuer.prefix(1).lowercased() + issuer.dropFirst()))"
    }
}
