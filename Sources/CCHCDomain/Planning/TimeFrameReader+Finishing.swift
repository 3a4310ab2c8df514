import Foundation

// MARK: - Finishing

extension TimeFrameReader.ItemReading {
    /// The dues, starts and problems of the item, every year resolved.
    mutating func finish() -> Result {
        let terms: [Term] = elements.flatMap { e -> [Term] in
            switch e {
            case .point(let t, _): [t]
            case .range(let a, let b, _): [a, b]
            }
        }
        // A year left out comes from the next term that writes one, else the previous one, else the plan.
        func year(_ index: Int) -> Int {
            terms[index].year ?? terms[(index + 1)...].first { $0.year != nil }?.year
                ?? terms[..<index].last { $0.year != nil }?.year ?? planYear
        }
        var n = 0
        for (index, e) in elements.enumerated() {
            switch e {
            case .point(let t, let strict):
                let y = year(n)
                n += 1
                guard let b = t.bounds(y) else {
                    impossible(t)
                    continue
                }
                if startsOnly.contains(index) {
                    result.starts.append(b.first)
                    result.problems.append("Chưa đọc được hạn của “Từ \(t.quote)”: chỉ nêu ngày bắt đầu, không nêu hạn hoàn thành.")
                    continue
                }
                due(t, y, b, strict: strict)
            case .range(let a, let b, let strict):
                var ya = year(n)
                let yb = year(n + 1)
                n += 2
                guard let eb = b.bounds(yb) else {
                    impossible(b)
                    continue
                }
                guard var ea = a.bounds(ya) else {
                    impossible(a)
                    continue
                }
                if ea.first > eb.last {
                    // "Tháng 12 - Tháng 02/2021": a start written without its year falls in the year before.
                    if a.year == nil, let earlier = a.bounds(ya - 1), earlier.first <= eb.last {
                        ya -= 1
                        ea = earlier
                    } else {
                        result.problems.append("Chưa đọc được “\(a.quote) - \(b.quote)”: bắt đầu sau khi kết thúc.")
                        continue
                    }
                }
                result.starts.append(ea.first)
                due(b, yb, eb, strict: strict)
            }
        }
        if !recurrences.isEmpty {
            result.recurring = true
            let y = terms.compactMap(\.year).first ?? planYear
            for r in recurrences {
                let months: [Int]
                var day = 31
                switch r {
                case .monthly: months = Array(1...12)
                case .monthlyOn(let d):
                    months = Array(1...12)
                    day = d
                case .quarterly: months = [3, 6, 9, 12]
                case .halfYearly: months = [6, 12]
                // "Tháng 6 hằng năm", "15/11 hằng năm": the dates written are the yearly dues.
                case .yearly: months = terms.isEmpty ? [12] : []
                case .weekly: months = []
                }
                for m in months {
                    let due = DueDate(day: Day.clamped(y, m, day))
                    result.dues.append(due)
                    if result.labels[due] == nil, day == 31 { result.labels[due] = Term(unit: .month, month: m, quote: "").label(y) }
                }
            }
        }
        return result
    }

    mutating func impossible(_ t: Term) {
        let why = switch t.unit {
        case .day: (1...12).contains(t.month) ? "không có ngày này (tháng \(t.month) không có ngày \(t.day))." : "không có tháng \(t.month)."
        case .month: "không có tháng \(t.month)."
        case .quarter: "một năm chỉ có 4 quý."
        default: "không có khoảng thời gian này."
        }
        result.problems.append("Chưa đọc được “\(t.quote)”: \(why)")
    }

    /// The due of a term: its last day, or with "trước" the day before its first ("trước ngày 15/12/2021", "trước tháng 3").
    mutating func due(_ t: Term, _ year: Int, _ b: (first: Day, last: Day), strict: Bool) {
        let due = strict ? DueDate(day: b.first, strict: true) : DueDate(day: b.last)
        result.dues.append(due)
        let label: String?
        if strict {
            label = t.unit == .day ? "trước ngày \(b.first.vietnamese)" : t.label(year).map { "trước " + $0.dropFirst(4) }
        } else {
            label = t.label(year)
        }
        if let label, result.labels[due] == nil { result.labels[due] = label }
    }
}
