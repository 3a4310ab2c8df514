import Foundation

// MARK: - Phrases

extension TimeFrameReader.ItemReading {
    /// An optional year after a month, a quarter or a period: "/2021", "-2021", "năm 2021", "2021", "năm nay".
    mutating func yearTail() -> Int? {
        if let t = text(i), t == "/" || t == "-", let y = fullYear(i + 1) {
            i += 2
            return y
        }
        if word(i) == "nam", let y = fullYear(i + 1) {
            i += 2
            return y
        }
        if word(i) == "nam", word(i + 1) == "nay" {
            i += 2
            return planYear
        }
        if let y = fullYear(i) {
            i += 1
            return y
        }
        return nil
    }

    /// A month after "tháng": "02", "3", "Giêng", "Mười Một", "Chạp".
    mutating func monthNumber() -> Int? {
        if let m = number(i), digits(i) <= 2 {
            i += 1
            return m
        }
        if let w = word(i), let m = TimeFrameReader.monthWords[w] {
            if w == "muoi", let next = word(i + 1), next == "mot" || next == "hai" {
                i += 2
                return next == "mot" ? 11 : 12
            }
            i += 1
            return m
        }
        return nil
    }

    /// The phrase starting at `i`, if it names a span of time; `i` moves past it (and stays when it does not).
    mutating func term() -> Term? {
        let k = i
        guard k < toks.count, var t = rawTerm() else {
            i = k
            return nil
        }
        t.quote = quote(k, i)
        return t
    }

    private mutating func rawTerm() -> Term? {
        let k = i
        if let a = number(k) {
            // A date written with numbers: "15/11/2021", "15-11-2021", "15.11.2021", "15/11"; a month: "02/2021".
            if let sep = text(k + 1), ["/", "-", "."].contains(sep), let b = number(k + 2), digits(k) <= 2, digits(k + 2) <= 2 {
                if text(k + 3) == sep, let y = number(k + 4), digits(k + 4) == 4 || digits(k + 4) == 2 {
                    i = k + 5
                    return Term(unit: .day, day: a, month: b, year: digits(k + 4) == 2 ? 2000 + y : y, quote: "")
                }
                if sep == "/", text(k + 3) != "/" {
                    i = k + 3
                    return Term(unit: .day, day: a, month: b, quote: "")
                }
            }
            if text(k + 1) == "/", digits(k) <= 2, let y = fullYear(k + 2) {
                i = k + 3
                return Term(unit: .month, month: a, year: y, quote: "")
            }
            if digits(k) == 4, (1900...2200).contains(a), text(k + 1) != "/" {
                i = k + 1
                return Term(unit: .year, year: a, quote: "")
            }
            // "6 tháng đầu năm", "9 tháng", "3 tháng đầu năm".
            if word(k + 1) == "thang" { return months(count: a, at: k + 2) }
            return nil
        }
        guard let w = word(k) else { return nil }
        switch w {
        case "ngay":
            guard number(k + 1) != nil, digits(k + 1) <= 2 else { return nil }
            i = k + 1
            if let t = rawTerm(), t.unit == .day { return t }
            let d = number(k + 1)!
            i = k + 2
            guard word(i) == "thang" else { return nil }
            i += 1
            guard let m = monthNumber() else { return nil }
            return Term(unit: .day, day: d, month: m, year: yearTail(), quote: "")
        case "thang":
            i = k + 1
            guard let m = monthNumber() else { return nil }
            return Term(unit: .month, month: m, year: yearTail(), quote: "")
        case "quy":
            var q: Int?
            if let n = number(k + 1), digits(k + 1) <= 2 { q = n } else if let w2 = word(k + 1) { q = TimeFrameReader.quarterWords[w2] }
            guard let q else { return nil }
            i = k + 2
            return Term(unit: .quarter, number: q, year: yearTail(), quote: "")
        case "sau", "chin", "ba":
            guard word(k + 1) == "thang" else { return nil }
            return months(count: w == "sau" ? 6 : w == "chin" ? 9 : 3, at: k + 2)
        case "nua":
            // "nửa đầu năm", "nửa năm đầu", "nửa cuối năm", "nửa năm cuối".
            let a = word(k + 1), b = word(k + 2)
            let first = (a == "dau" && b == "nam") || (a == "nam" && b == "dau")
            let second = (a == "cuoi" && b == "nam") || (a == "nam" && b == "cuoi")
            guard first || second else { return nil }
            i = k + 3
            return Term(unit: .half, number: first ? 1 : 2, year: yearTail(), quote: "")
        case "nam":
            if let y = fullYear(k + 1) {
                i = k + 2
                return Term(unit: .year, year: y, quote: "")
            }
            if word(k + 1) == "nay" {
                i = k + 2
                return Term(unit: .year, year: planYear, quote: "")
            }
            // "Trong năm", "Cả năm": the plan's year.
            guard isBoundary(k + 1) else { return nil }
            i = k + 1
            return Term(unit: .year, quote: "")
        default:
            return nil
        }
    }

    /// "… tháng đầu năm [2021]" after a count, "tháng" at `k - 1`: 6 → the first half, 9 → nine months, 3 → the first
    /// quarter; "6 tháng cuối năm" → the second half; "9 tháng [2021]" alone → nine months.
    mutating func months(count n: Int, at k: Int) -> Term? {
        let firstOfYear = word(k) == "dau" && word(k + 1) == "nam"
        let lastOfYear = word(k) == "cuoi" && word(k + 1) == "nam"
        if firstOfYear || lastOfYear {
            i = k + 2
            let year = yearTail()
            switch (n, firstOfYear) {
            case (6, true): return Term(unit: .half, number: 1, year: year, quote: "")
            case (6, false): return Term(unit: .half, number: 2, year: year, quote: "")
            case (9, true): return Term(unit: .nineMonths, year: year, quote: "")
            case (3, true): return Term(unit: .quarter, number: 1, year: year, quote: "")
            default: return nil
            }
        }
        if n == 9 {
            i = k
            return Term(unit: .nineMonths, year: yearTail(), quote: "")
        }
        return nil
    }

    /// After "," or "và" in a list of months or quarters, a number alone names another: "Tháng 3, 6/2021", "Quý I và III".
    mutating func continuation(_ unit: Term.Unit) -> Term? {
        let k = i
        var t: Term
        switch unit {
        case .month:
            guard let m = number(k), digits(k) <= 2 else { return nil }
            t = Term(unit: .month, month: m, quote: "")
        case .quarter:
            let q = number(k).flatMap { digits(k) <= 2 ? $0 : nil }
                ?? word(k).flatMap { ["i", "ii", "iii", "iv"].contains($0) ? TimeFrameReader.quarterWords[$0] : nil }
            guard let q else { return nil }
            t = Term(unit: .quarter, number: q, quote: "")
        default:
            return nil
        }
        // "Tháng 3, 15/11/2021": a date, not a month.
        if number(k) != nil, let sep = text(k + 1), ["/", "-", "."].contains(sep), digits(k + 2) > 0, digits(k + 2) <= 2 { return nil }
        i = k + 1
        t.year = yearTail()
        t.quote = quote(k, i)
        return t
    }

    /// "hàng quý", "hằng tháng", "mỗi năm", "định kỳ (hằng) quý", "định kỳ 6 tháng", "hằng ngày" (continuous).
    mutating func recurrence() -> Bool {
        var k = i
        if word(k) == "dinh" { k += 2 }
        if word(k) == "hang" || word(k) == "moi" { k += 1 }
        let found: Recurrence
        switch word(k) {
        case "thang": found = .monthly; k += 1
        case "quy": found = .quarterly; k += 1
        case "nam": found = .yearly; k += 1
        case "tuan": found = .weekly; k += 1
        case "ngay":
            result.continuous = true
            i = k + 1
            return true
        case "nua" where word(k + 1) == "nam": found = .halfYearly; k += 2
        case "sau" where word(k + 1) == "thang": found = .halfYearly; k += 2
        default:
            guard number(k) == 6, word(k + 1) == "thang" else { return false }
            found = .halfYearly
            k += 2
        }
        recurrences.append(found)
        i = k
        return true
    }

    /// "6 tháng", "năm" standing alone after a recurrence ("Hàng quý, 6 tháng và năm"): the half-year and the year.
    mutating func recurringTail() -> Recurrence? {
        let k = i
        if word(k) == "nam", isBoundary(k + 1) {
            i = k + 1
            return .yearly
        }
        if number(k) == 6 || word(k) == "sau", word(k + 1) == "thang", isBoundary(k + 2) {
            i = k + 2
            return .halfYearly
        }
        return nil
    }
}
