/// The emulation summary (thi đua) of a year's reporting: per unit, reports on time, late (with the
/// days), missing past their deadline, and returned; ranked by a rule stated in words on the page.
/// Only periods whose deadline has passed are counted.
public enum Emulation {
    public static let rule = "Xếp hạng theo: ít kỳ quá hạn chưa nộp nhất; rồi ít kỳ nộp muộn nhất; rồi ít tổng số ngày muộn nhất; "
        + "rồi ít lần bị trả lại chưa nộp lại nhất; bằng nhau thì cùng hạng. Chỉ tính các kỳ đã qua hạn nộp."

    public struct Standing: Sendable, Equatable, Codable {
        public var unitID: Int
        public var unitName: String
        public var onTime: Int
        public var late: Int
        public var daysLate: Int
        public var missing: Int
        public var returned: Int
        public var rank: Int

        public init(unitID: Int, unitName: String, onTime: Int = 0, late: Int = 0, daysLate: Int = 0, missing: Int = 0, returned: Int = 0,
                    rank: Int = 0) {
            self.unitID = unitID
            self.unitName = unitName
            self.onTime = onTime
            self.late = late
            self.daysLate = daysLate
            self.missing = missing
            self.returned = returned
            self.rank = rank
        }

        var key: [Int] { [missing, late, daysLate, returned] }
    }

    /// `units`: each unit with where it stands for each period whose deadline has passed.
    public static func rank(_ units: [(id: Int, name: String, periods: [Timeliness])]) -> [Standing] {
        var out = units.map { u in
            var s = Standing(unitID: u.id, unitName: u.name)
            for t in u.periods {
                switch t {
                case .onTime, .resubmitted(0): s.onTime += 1
                case .late(let d), .resubmitted(let d): s.late += 1; s.daysLate += d
                case .overdue: s.missing += 1
                case .returned: s.returned += 1
                case .notDueYet, .dueSoon, .notRequested: break
                }
            }
            return s
        }
        out.sort { a, b in a.key != b.key ? a.key.lexicographicallyPrecedes(b.key) : Folding.fold(a.unitName) < Folding.fold(b.unitName) }
        for i in out.indices { out[i].rank = i > 0 && out[i].key == out[i - 1].key ? out[i - 1].rank : i + 1 }
        return out
    }
}
