import Foundation

/// The kinds of dated duty the system tracks. A new kind is a new case here and a new `DutySource` in the app.
public enum DutyKind: String, Codable, Sendable, CaseIterable {
    /// Ban hành kế hoạch (CCHC, tuyên truyền …) by the day the level above set.
    case planIssuance
    /// A periodic report of a regime (Quý I, 6 tháng, Quý III, năm).
    case report
    /// An office's section of its jurisdiction's report.
    case reportSection
    /// A supplementary (đột xuất) report the standing agency asked for.
    case supplementaryReport
    /// A unit's self-inspection report for a round of the inspection plan.
    case selfInspection
    /// The inspected unit's written report before a visit.
    case preVisitReport
    /// Fixing a finding of an inspection within the set days.
    case remediation
    /// A unit's PAR-index self-assessment.
    case parSelfAssessment
    /// A unit's answer (giải trình) to the council's appraisal.
    case parExplanation
    /// A task of a plan, the unit's own or assigned to it.
    case planTask

    /// The kind in words, for lists and calendar entries.
    public var title: String {
        switch self {
        case .planIssuance: "Ban hành kế hoạch"
        case .report: "Báo cáo định kỳ"
        case .reportSection: "Phần báo cáo của cơ quan chuyên môn"
        case .supplementaryReport: "Báo cáo đột xuất"
        case .selfInspection: "Báo cáo tự kiểm tra"
        case .preVisitReport: "Báo cáo trước kiểm tra"
        case .remediation: "Khắc phục sau kiểm tra"
        case .parSelfAssessment: "Tự đánh giá chỉ số CCHC"
        case .parExplanation: "Giải trình kết quả thẩm định"
        case .planTask: "Nhiệm vụ kế hoạch"
        }
    }
}

/// Where a duty stands at a moment.
public enum DutyStatus: String, Codable, Sendable, CaseIterable {
    case upcoming, dueSoon, overdue, doneOnTime, doneLate, waived

    public var label: String {
        switch self {
        case .upcoming: "Sắp tới"
        case .dueSoon: "Sắp đến hạn"
        case .overdue: "Quá hạn"
        case .doneOnTime: "Đã xong, đúng hạn"
        case .doneLate: "Đã xong, muộn"
        case .waived: "Được miễn"
        }
    }

    public var isDone: Bool { self == .doneOnTime || self == .doneLate || self == .waived }
}

/// One dated thing a unit owes: a report, a self-inspection, a remediation, a task … with its due moment (Vietnam time:
/// the end of the last day, or the hour the document gives, e.g. 17:00), when it was done, and the page to do it on.
public struct Duty: Codable, Sendable, Equatable, Identifiable {
    /// Stable across loads ("report:12", "finding:7"): a reminder or a calendar event is keyed on it.
    public var id: String
    public var kind: DutyKind
    public var unitID: Int
    public var unitName: String
    /// "Báo cáo CCHC Quý I năm 2026".
    public var title: String
    /// The last moment it is on time.
    public var due: Date
    /// The due day as the document writes it (Vietnam time).
    public var dueDay: Day
    /// A time of day the document gives ("17:00"); nil: the whole day.
    public var dueTime: String?
    public var doneAt: Date?
    /// Waived, with the reason.
    public var waived: String?
    /// What the unit must know: "Bị trả lại: thiếu số liệu 2.1", "Đang soạn".
    public var note: String?
    /// The page to do it on.
    public var url: String

    public init(id: String, kind: DutyKind, unitID: Int, unitName: String, title: String, dueDay: Day, dueTime: String? = nil,
                doneAt: Date? = nil, waived: String? = nil, note: String? = nil, url: String) {
        self.id = id
        self.kind = kind
        self.unitID = unitID
        self.unitName = unitName
        self.title = title
        self.dueDay = dueDay
        self.dueTime = dueTime
        self.due = Duty.moment(dueDay, time: dueTime)
        self.doneAt = doneAt
        self.waived = waived
        self.note = note
        self.url = url
    }

    /// The last second of the day in Vietnam (23:59:59), or the given hour ("17:00") on it.
    public static func moment(_ day: Day, time: String?) -> Date {
        if let time, let (h, m) = hourMinute(time) { return day.startInVietnam.addingTimeInterval(Double(h * 3600 + m * 60)) }
        return day.endInVietnam.addingTimeInterval(-1)
    }

    static func hourMinute(_ text: String) -> (Int, Int)? {
        let parts = text.split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2, (0...23).contains(parts[0]), (0...59).contains(parts[1]) else { return nil }
        return (parts[0], parts[1])
    }

    /// `soonDays`: within so many days of the due day it is "sắp đến hạn".
    public func status(now: Date, soonDays: Int = 7) -> DutyStatus {
        if waived != nil { return .waived }
        if let doneAt { return doneAt <= due ? .doneOnTime : .doneLate }
        if now > due { return .overdue }
        return Day(now).days(until: dueDay) <= soonDays ? .dueSoon : .upcoming
    }

    /// Whole days late (done late, or still open after the due moment), in Vietnam days; 0 when not late.
    public func daysLate(now: Date) -> Int {
        let end = doneAt ?? now
        guard end > due else { return 0 }
        return max(1, dueDay.days(until: Day(end)))
    }

    /// "Hạn 20/05/2026", "Hạn 17:00 20/05/2026", and how far: "còn 3 ngày", "hôm nay", "quá hạn 2 ngày".
    public func dueText(now: Date) -> String {
        let when = "Hạn " + (dueTime.map { "\($0) " } ?? "") + dueDay.vietnamese
        switch status(now: now) {
        case .upcoming, .dueSoon:
            let d = Day(now).days(until: dueDay)
            return when + (d == 0 ? " (hôm nay)" : " (còn \(d) ngày)")
        case .overdue: return when + " (quá hạn \(daysLate(now: now)) ngày)"
        case .doneOnTime: return when + " · đã xong đúng hạn"
        case .doneLate: return when + " · xong muộn \(daysLate(now: now)) ngày"
        case .waived: return when + " · được miễn" + (waived.map { ": \($0)" } ?? "")
        }
    }
}

/// Duties in the order a work list shows them: open ones soonest first, then done ones latest first.
public enum DutyOrder {
    public static func sorted(_ duties: [Duty], now: Date) -> [Duty] {
        duties.sorted { a, b in
            let (da, db) = (a.status(now: now).isDone, b.status(now: now).isDone)
            if da != db { return !da }
            if a.due != b.due { return da ? a.due > b.due : a.due < b.due }
            return a.id < b.id
        }
    }
}
