import Foundation

/// A task's time frame ("Thời gian thực hiện") as a plan writes it, and what it says about when the task is due.
///
/// The text is kept verbatim; `read(_:year:)` reads the due dates it names and never guesses one: what it
/// cannot read is said in `unread`, in Vietnamese, with the words it could not read.
///
/// How the text is read (see `TimeFrameReader` for the phrases):
/// - A month ("Tháng 02/2021") is due on its last day, a quarter ("Quý 3/2021", "Quý III/2021", "trong Quý II
///   năm 2021") on the quarter's last day, "6 tháng đầu năm" on 30/6, "9 tháng" on 30/9, a year ("Năm 2021",
///   "Trong năm 2021") on 31/12; a date ("Ngày 30/6/2021", "Chậm nhất ngày 15/11", "hạn chót 20/10/2021") on itself.
/// - "Trước ngày X", "Trước X", "Trước tháng X" make a strict due (`DueDate.strict`): the day before is the last.
/// - A year left out ("Chậm nhất ngày 15/11", "Quý I và Quý III") is taken from the next phrase of the same item
///   that writes one ("Tháng 3, tháng 9/2021", "Từ tháng 3 đến tháng 6/2021"), else the previous one, else the plan's.
/// - A list ("- Tháng 02/2021\n- Ngày 15/11/2021", "Tháng 3, tháng 9/2021", "Quý I và Quý III") gives one due per
///   milestone. In a cell that starts with a bullet, a dash separates milestones; elsewhere a dash between two
///   phrases is a range, as are "từ … đến …": "Tháng 12/2020 - Tháng 12/2021" starts on 01/12/2020 and is due
///   on 31/12/2021.
/// - "Hàng quý", "Định kỳ hằng tháng", "Hằng năm", "Định kỳ 6 tháng" are due at the end of every quarter, month,
///   year or half of the plan's year (or the year written: "Hàng quý và năm 2021").
/// - "Thường xuyên", "Liên tục" have no due; nor have "Theo quy định của Trung ương", "Theo văn bản triển khai của
///   Bộ Nội vụ", "Theo thời gian …" (set by another document) and "Khi có yêu cầu", "Đột xuất" (on demand).
/// - "(nếu có)", "nếu phát sinh", "(khi cần thiết)" after a due make the task conditional.
/// - Vague words ("Đầu năm", "Cuối quý", "Giữa tháng 6"), a date counted from an event ("Sau 15 ngày …"), dates
///   that do not exist ("31/02/2021", "Quý 5/2021"), alternatives ("Quý 3 hoặc Quý 4") and unknown words are unread.
public struct TimeFrame: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// One or more due dates: "Quý 3/2021", "- Tháng 02/2021\n- Ngày 15/11/2021", "Tháng 12/2020 - Tháng 12/2021".
        case dated
        /// Every month, quarter, half or year: "Hàng quý và năm 2021", "Định kỳ hằng tháng".
        case recurring
        /// All year long, no due: "Thường xuyên", "Liên tục".
        case continuous
        /// Set by another document: "Theo quy định của Trung ương", "Theo văn bản triển khai của Bộ Nội vụ".
        case external
        /// When asked: "Khi có yêu cầu", "Đột xuất".
        case onDemand
        /// No time frame written.
        case missing
        /// Nothing could be read (`unread` says why).
        case unread

        public var title: String {
            switch self {
            case .dated: "Có hạn"
            case .recurring: "Định kỳ"
            case .continuous: "Thường xuyên"
            case .external: "Theo văn bản khác"
            case .onDemand: "Khi có yêu cầu"
            case .missing: "Chưa có thời gian thực hiện"
            case .unread: "Chưa đọc được"
            }
        }
    }

    /// The time frame as written.
    public var text: String
    public var kind: Kind
    /// The due dates, in order of their last day; empty for "Thường xuyên" and what cannot be read.
    public var dues: [DueDate]
    /// The first day of a range ("Từ tháng 3 đến tháng 6/2021" → 01/03/2021); the earliest when there are several.
    public var start: Day?
    /// "(nếu có)": the task is done only if the occasion arises.
    public var conditional: Bool
    /// Why the text, or a part of it, could not be read; nil when all of it was.
    public var unread: String?
    /// A due falling on a weekend or a public holiday: "Hạn 28/02/2021 (hết Tháng 02/2021) rơi vào ngày nghỉ (Chủ nhật)."
    public var notes: [String]

    public init(text: String, kind: Kind, dues: [DueDate] = [], start: Day? = nil, conditional: Bool = false,
                unread: String? = nil, notes: [String] = []) {
        self.text = text
        self.kind = kind
        self.dues = dues
        self.start = start
        self.conditional = conditional
        self.unread = unread
        self.notes = notes
    }

    /// Reads a time frame of a plan for `year` (the year of the plan: it completes dates written without one).
    public static func read(_ text: String, year: Int) -> TimeFrame {
        TimeFrameReader.read(text, year: year)
    }

    /// All of the text was read.
    public var isRead: Bool { unread == nil }
    /// The last due: a task done after its `lastDay` is late.
    public var lastDue: DueDate? { dues.max { $0.lastDay < $1.lastDay } }
}

extension PlanTaskEntry {
    /// The task's time frame read for a plan of `year`.
    public func readTimeFrame(year: Int) -> TimeFrame { TimeFrame.read(timeFrame, year: year) }

    /// The entry with `due` read from `timeFrame` when it has none (an import without "due"); a `due` given is kept.
    public func fillingDue(year: Int) -> PlanTaskEntry {
        var copy = self
        copy.fillDue(year: year)
        return copy
    }

    /// Sets `due` from `timeFrame` when it is nil; an empty list stays empty ("Thường xuyên").
    public mutating func fillDue(year: Int) {
        if due == nil { due = readTimeFrame(year: year).dues }
    }
}

extension PlanDocument {
    /// The plan with every task's `due` read from its time frame where absent, for the plan's year.
    public func fillingDue() -> PlanDocument {
        var copy = self
        copy.tasks = tasks.map { $0.fillingDue(year: year) }
        return copy
    }
}
