import Foundation

/// The text of official documents (Decree 30/2020): numbers, dates, symbols — unit-tested without files.
/// Who issues (heading, symbol, signer) is `IssuingBody`.
public enum OfficialText {
    /// "Thạch Hà, ngày 05 tháng 3 năm 2021" (see `Day.longVietnamese` for the padding).
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

    /// "Kết quả thực hiện công tác cải cách hành chính Quý I năm 2021"
    public static func reportSummary(_ kind: PeriodKind, year: Int) -> String {
        let when: String = switch kind {
        case .q1: "Quý I năm \(year)"
        case .h1: "6 tháng đầu năm \(year)"
        case .q3: "Quý III năm \(year)"
        case .year: "năm \(year)"
        case .estimate: "năm \(year) (số liệu ước đạt cuối năm)"
        case .supplement: "năm \(year) (số liệu bổ sung)"
        case .month(let m): "tháng \(m) năm \(year)"
        }
        return "Kết quả thực hiện công tác cải cách hành chính \(when)"
    }

    /// "(Kèm theo Báo cáo số 12/BC-PTP ngày 05 tháng 3 năm 2021 của Phòng Tư pháp huyện Thạch Hà)"
    public static func appendixSubtitle(number: String?, day: Day?, body: IssuingBody, typeName: String = "Báo cáo",
                                        type: String = "BC") -> String {
        let given = number?.trimmingCharacters(in: .whitespaces) ?? ""
        let n = given.isEmpty ? "      /\(body.symbol(type: type))" : given
        let d = day.map { " \($0.longVietnamese)" } ?? " ngày      tháng      năm      "
        return "(Kèm theo \(typeName) số \(n)\(d) của \(body.inSentence))"
    }

    /// A phrase as it goes inside a sentence: its first letter lower-cased — unless its first word is an acronym
    /// ("UBND cấp xã", "TTHC", "HĐND") or a quarter ("Quý I năm 2021"), which keep their capitals.
    /// "Kết quả … Quý I năm 2021" → "kết quả … Quý I năm 2021"; "Huyện Thạch Hà" → "huyện Thạch Hà".
    public static func lowerFirst(_ text: String) -> String {
        let words = text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard let first = words.first, let initial = first.first else { return text }
        let letters = first.filter(\.isLetter)
        if letters.count > 1, letters == letters.uppercased() { return text }
        if first == "Quý", words.count > 1, Self.isRomanNumeral(words[1]) { return text }
        return initial.lowercased() + text.dropFirst()
    }

    /// "I", "III", "IV/2021", "II,": a Roman numeral, perhaps followed by a year or punctuation.
    static func isRomanNumeral(_ word: Substring) -> Bool {
        let numeral = word.prefix { $0.isLetter }
        let rest = word.dropFirst(numeral.count)
        return !numeral.isEmpty && numeral.allSatisfy { "IVX".contains($0) } && !(rest.first?.isLetter ?? false)
    }
}
