import Foundation
import Testing
@testable import CCHCDomain

/// The iCalendar feed of duties (issue 13 §5): RFC 5545 folding and escaping, whole-day and timed events in
/// Asia/Ho_Chi_Minh, stable UIDs, alarms only for what is still open. The feed is read back here by a small
/// unfolding reader; scripts/calendar/check_ics.py reads it with the `icalendar` package from PyPI.
@Suite("Lịch nhiệm vụ: tệp iCalendar (.ics)")
struct ICalendarTests {
    /// 15/05/2026 10:00 in Vietnam.
    static let now = Day(2026, 5, 15)!.startInVietnam.addingTimeInterval(10 * 3600)
    static let base = "https://cchc.example.vn"

    static func duty(_ id: String, _ kind: DutyKind = .report, title: String = "Báo cáo CCHC Quý II năm 2026", unit: String = "Xã Quảng Thọ",
                     day: Day, time: String? = nil, doneAt: Date? = nil, waived: String? = nil, note: String? = nil) -> Duty {
        Duty(id: id, kind: kind, unitID: 7, unitName: unit, title: title, dueDay: day, dueTime: time, doneAt: doneAt, waived: waived,
             note: note, url: "/reports/\(id.split(separator: ":").last ?? "")")
    }

    static let wholeDay = duty("report:12", day: Day(2026, 5, 20)!, note: "Bị trả lại: thiếu số liệu 2.1")
    static let timed = duty("section:3", .reportSection, title: "Phần báo cáo của Phòng Nội vụ", unit: "Huyện Quảng Điền",
                            day: Day(2026, 6, 25)!, time: "17:00")
    static let overdue = duty("task:5", .planTask, title: "Rà soát thủ tục hành chính", day: Day(2026, 5, 10)!)
    static let done = duty("report:9", day: Day(2026, 4, 15)!, doneAt: Day(2026, 4, 14)!.startInVietnam)
    static let waived = duty("inspection:4", .selfInspection, title: "Tự kiểm tra đợt 1", day: Day(2026, 5, 30)!, waived: "Đã kiểm tra đột xuất")
    static let all = [wholeDay, timed, overdue, done, waived]

    /// The events of a feed, each as its unfolded content lines.
    static func events(_ feed: String) -> [[String]] {
        var result: [[String]] = []
        var current: [String]?
        for line in ICalendar.unfold(feed).components(separatedBy: "\r\n") {
            if line == "BEGIN:VEVENT" { current = [] } else if line == "END:VEVENT", let c = current {
                result.append(c)
                current = nil
            } else { current?.append(line) }
        }
        return result
    }

    /// The value of the first line named `name` (with its parameters, "DTSTART;VALUE=DATE"), nil when absent.
    static func value(_ lines: [String], _ name: String) -> String? {
        lines.first { $0.hasPrefix(name + ":") }.map { String($0.dropFirst(name.count + 1)) }
    }

    static func event(_ feed: String, uid: String) -> [String]? { events(feed).first { value($0, "UID") == uid } }

    /// The physical lines as bytes, split at CRLF; fails when a bare LF or CR is found.
    static func physicalLines(_ feed: String) -> [[UInt8]] {
        let bytes = Array(feed.utf8)
        var lines: [[UInt8]] = []
        var line: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == 13, i + 1 < bytes.count, bytes[i + 1] == 10 {
                lines.append(line)
                line = []
                i += 2
                continue
            }
            #expect(bytes[i] != 10 && bytes[i] != 13, "bare CR or LF at octet \(i)")
            line.append(bytes[i])
            i += 1
        }
        #expect(line.isEmpty, "the feed ends with CRLF")
        return lines
    }

    @Test func foldsLongVietnameseTextAtSeventyFiveOctetsWithoutSplittingACharacter() throws {
        let title = "Báo cáo kết quả thực hiện nhiệm vụ cải cách hành chính quý II năm 2026 theo Kế hoạch số 45/KH-UBND"
        let long = Self.duty("report:77", title: title, unit: "Ủy ban nhân dân xã Quảng Thọ", day: Day(2026, 7, 10)!)
        let summary = "\(title) — Ủy ban nhân dân xã Quảng Thọ"
        #expect(summary.count >= 120)
        let feed = ICalendar.feed(name: "Nhiệm vụ của Ủy ban nhân dân xã Quảng Thọ, huyện Quảng Điền", duties: [long], baseURL: Self.base, now: Self.now)
        let lines = Self.physicalLines(feed)
        var folded = 0
        for line in lines {
            #expect(line.count <= 75, "\(line.count) octets: \(String(decoding: line, as: UTF8.self))")
            let text = try #require(String(data: Data(line), encoding: .utf8), "a physical line is not whole UTF-8 characters")
            if text.hasPrefix(" ") { folded += 1 }
        }
        #expect(folded >= 3)
        let event = try #require(Self.events(feed).first)
        let value = try #require(Self.value(event, "SUMMARY"))
        #expect(ICalendar.unescape(value) == summary)
        // The summary really was cut: its logical line spans several physical ones.
        #expect(!feed.contains("SUMMARY:" + ICalendar.escape(summary)))
    }

    @Test func foldingBoundaries() {
        let exact = String(repeating: "a", count: 75)
        #expect(ICalendar.fold(exact) == exact)
        #expect(ICalendar.fold(exact + "b") == exact + "\r\n b")
        // 3-octet letters: 25 fill the first line exactly, the next line holds 24 after its space.
        let letters = String(repeating: "ệ", count: 60)
        let parts = ICalendar.fold(letters).components(separatedBy: "\r\n")
        #expect(parts.map { $0.utf8.count } == [75, 73, 34])
        #expect(parts[0] == String(repeating: "ệ", count: 25))
        #expect(ICalendar.unfold(ICalendar.fold(letters)) == letters)
        // Decomposed text (a base letter and its combining marks) is broken between letters, not inside one.
        let decomposed = String(repeating: "Quảng Thọ ", count: 12).decomposedStringWithCanonicalMapping
        for part in ICalendar.fold(decomposed).components(separatedBy: "\r\n").dropFirst() {
            let first = part.unicodeScalars.dropFirst().first
            #expect(first.map { !(0x300...0x36F).contains($0.value) } ?? true, "a continuation starts with a combining mark")
        }
        #expect(ICalendar.unfold(ICalendar.fold(decomposed)) == decomposed)
    }

    @Test func escapesTextValues() {
        #expect(ICalendar.escape("Quý I, năm 2026; bản 2") == "Quý I\\, năm 2026\\; bản 2")
        #expect(ICalendar.escape("C:\\thư mục") == "C:\\\\thư mục")
        #expect(ICalendar.escape("dòng 1\ndòng 2\r\ndòng 3\rdòng 4") == "dòng 1\\ndòng 2\\ndòng 3\\ndòng 4")
        #expect(ICalendar.escape("a\u{7}b\tc") == "ab\tc")
        let text = "Bị trả lại; thiếu số liệu 2.1, 2.2\nXem lại \\ phụ lục"
        #expect(ICalendar.unescape(ICalendar.escape(text)) == text)

        let d = Self.duty("report:31", title: "Báo cáo Quý I, năm 2026; bổ sung", day: Day(2026, 5, 20)!, note: "thiếu 2.1, 2.2")
        let feed = ICalendar.feed(name: "Lịch; xã, huyện", duties: [d], baseURL: Self.base, now: Self.now)
        #expect(ICalendar.unfold(feed).contains("SUMMARY:Báo cáo Quý I\\, năm 2026\\; bổ sung — Xã Quảng Thọ\r\n"))
        #expect(ICalendar.unfold(feed).contains("X-WR-CALNAME:Lịch\\; xã\\, huyện\r\n"))
        let description = Self.value(Self.events(feed)[0], "DESCRIPTION") ?? ""
        #expect(description.contains("Ghi chú: thiếu 2.1\\, 2.2\\n"))
    }

    @Test func calendarHeaderAndTimeZone() {
        let feed = ICalendar.unfold(ICalendar.feed(name: "Nhiệm vụ CCHC", duties: Self.all, baseURL: Self.base, now: Self.now))
        let lines = feed.components(separatedBy: "\r\n")
        #expect(lines.first == "BEGIN:VCALENDAR")
        #expect(lines.suffix(2) == ["END:VCALENDAR", ""])
        for expected in ["VERSION:2.0", "PRODID:-//CCHC//Lich nhiem vu CCHC//VI", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                         "X-WR-CALNAME:Nhiệm vụ CCHC", "X-WR-TIMEZONE:Asia/Ho_Chi_Minh"] {
            #expect(lines.contains(expected), "\(expected)")
        }
        let tz = lines.drop { $0 != "BEGIN:VTIMEZONE" }.prefix { $0 != "END:VTIMEZONE" }
        #expect(Array(tz) == ["BEGIN:VTIMEZONE", "TZID:Asia/Ho_Chi_Minh", "X-LIC-LOCATION:Asia/Ho_Chi_Minh", "BEGIN:STANDARD",
                              "TZOFFSETFROM:+0700", "TZOFFSETTO:+0700", "TZNAME:ICT", "DTSTART:19700101T000000", "END:STANDARD"])
        #expect(!lines.contains("BEGIN:DAYLIGHT"))
        #expect(Self.events(feed).count == Self.all.count)
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == lines.filter { $0 == "END:VEVENT" }.count)
    }

    @Test func wholeDayEvent() throws {
        let feed = ICalendar.feed(name: "N", duties: Self.all, baseURL: Self.base, now: Self.now)
        let e = try #require(Self.event(feed, uid: "report:12@cchc"))
        #expect(Self.value(e, "DTSTART;VALUE=DATE") == "20260520")
        #expect(Self.value(e, "DTEND;VALUE=DATE") == "20260521")
        #expect(Self.value(e, "DTSTAMP") == "20260515T030000Z")
        #expect(Self.value(e, "SUMMARY") == "Báo cáo CCHC Quý II năm 2026 — Xã Quảng Thọ")
        #expect(Self.value(e, "URL") == "https://cchc.example.vn/reports/12")
        #expect(Self.value(e, "STATUS") == "CONFIRMED")
        #expect(Self.value(e, "CATEGORIES") == "Báo cáo định kỳ")
        let description = ICalendar.unescape(try #require(Self.value(e, "DESCRIPTION")))
        #expect(description.components(separatedBy: "\n") == [
            "Báo cáo định kỳ", "Trạng thái: Sắp đến hạn", "Hạn: 20/05/2026", "Ghi chú: Bị trả lại: thiếu số liệu 2.1",
            "Liên kết: https://cchc.example.vn/reports/12",
        ])
        // The last day of a year ends on the first of the next.
        let eve = Self.duty("report:40", day: Day(2026, 12, 31)!)
        let e2 = try #require(Self.events(ICalendar.feed(name: "N", duties: [eve], baseURL: Self.base + "/", now: Self.now)).first)
        #expect(Self.value(e2, "DTSTART;VALUE=DATE") == "20261231")
        #expect(Self.value(e2, "DTEND;VALUE=DATE") == "20270101")
        #expect(Self.value(e2, "URL") == "https://cchc.example.vn/reports/40")
    }

    @Test func timedEventInVietnamTime() throws {
        let feed = ICalendar.feed(name: "N", duties: Self.all, baseURL: Self.base, now: Self.now)
        let e = try #require(Self.event(feed, uid: "section:3@cchc"))
        #expect(Self.value(e, "DTSTART;TZID=Asia/Ho_Chi_Minh") == "20260625T170000")
        #expect(Self.value(e, "DTEND;TZID=Asia/Ho_Chi_Minh") == "20260625T173000")
        #expect(Self.value(e, "DTSTART;VALUE=DATE") == nil)
        #expect(Self.value(e, "CATEGORIES") == "Phần báo cáo của cơ quan chuyên môn")
        #expect(ICalendar.unescape(Self.value(e, "DESCRIPTION") ?? "").contains("Hạn: 17:00 25/06/2026"))
        // The written wall-clock time is the duty's due moment read at UTC+7.
        #expect(Self.timed.due == Date(timeIntervalSince1970: 1_782_381_600))
        // Half an hour after 23:45 is the next day; a time that is not a time makes a whole-day event.
        let late = Self.duty("task:8", .planTask, day: Day(2026, 12, 31)!, time: "23:45")
        let odd = Self.duty("task:9", .planTask, day: Day(2026, 6, 1)!, time: "chiều")
        let feed2 = ICalendar.feed(name: "N", duties: [late, odd], baseURL: Self.base, now: Self.now)
        let e2 = try #require(Self.event(feed2, uid: "task:8@cchc"))
        #expect(Self.value(e2, "DTSTART;TZID=Asia/Ho_Chi_Minh") == "20261231T234500")
        #expect(Self.value(e2, "DTEND;TZID=Asia/Ho_Chi_Minh") == "20270101T001500")
        let e3 = try #require(Self.event(feed2, uid: "task:9@cchc"))
        #expect(Self.value(e3, "DTSTART;VALUE=DATE") == "20260601")
    }

    @Test func uidsAreStableAndTheOutputDeterministic() {
        let feed = ICalendar.feed(name: "N", duties: Self.all, baseURL: Self.base, now: Self.now)
        let shuffled = ICalendar.feed(name: "N", duties: Self.all.reversed(), baseURL: Self.base, now: Self.now)
        #expect(feed == shuffled)
        let uids = Self.events(feed).compactMap { Self.value($0, "UID") }
        // Due order, then id: the overdue task (10/05), the report (20/05), the waived self-inspection (30/05), the section (25/06).
        #expect(uids == ["report:9@cchc", "task:5@cchc", "report:12@cchc", "inspection:4@cchc", "section:3@cchc"])
        #expect(Set(uids) == Set(Self.all.map(ICalendar.uid)))
        // A month later the statuses differ but every event keeps its UID; a duty listed twice is one event.
        let later = ICalendar.feed(name: "N", duties: Self.all + [Self.timed], baseURL: Self.base, now: Self.now.addingTimeInterval(30 * 86_400))
        #expect(Self.events(later).compactMap { Self.value($0, "UID") } == uids)
        #expect(later != feed)
        let tie = [Self.duty("b:2", day: Day(2026, 5, 20)!), Self.duty("a:1", day: Day(2026, 5, 20)!)]
        #expect(ICalendar.ordered(tie).map(\.id) == ["a:1", "b:2"])
    }

    @Test func alarmsOnlyForOpenDuties() throws {
        let feed = ICalendar.feed(name: "N", duties: Self.all, baseURL: Self.base, now: Self.now)
        for duty in Self.all {
            let e = try #require(Self.event(feed, uid: ICalendar.uid(duty)))
            let open = !duty.status(now: Self.now).isDone
            #expect(e.contains("BEGIN:VALARM") == open, "\(duty.id)")
            #expect(e.filter { $0.hasPrefix("TRIGGER") }.count == (open ? 1 : 0), "\(duty.id)")
        }
        let whole = try #require(Self.event(feed, uid: "report:12@cchc"))
        #expect(whole.contains("TRIGGER;RELATED=START:-PT15H"))
        #expect(whole.contains("ACTION:DISPLAY"))
        let alarm = whole.drop { $0 != "BEGIN:VALARM" }
        #expect(Self.value(Array(alarm), "DESCRIPTION") == "Báo cáo CCHC Quý II năm 2026 — Xã Quảng Thọ")
        #expect(try #require(Self.event(feed, uid: "section:3@cchc")).contains("TRIGGER:-PT2H"))
        #expect(try #require(Self.event(feed, uid: "task:5@cchc")).contains("BEGIN:VALARM"), "overdue is still open")
        let waived = try #require(Self.event(feed, uid: "inspection:4@cchc"))
        #expect(Self.value(waived, "STATUS") == "CANCELLED")
        #expect(ICalendar.unescape(Self.value(waived, "DESCRIPTION") ?? "").contains("Lý do miễn: Đã kiểm tra đột xuất"))
        let done = try #require(Self.event(feed, uid: "report:9@cchc"))
        #expect(Self.value(done, "STATUS") == "CONFIRMED")
        #expect(ICalendar.unescape(Self.value(done, "DESCRIPTION") ?? "").contains("Trạng thái: Đã xong, đúng hạn"))
    }

    @Test func emptyFeedIsAValidCalendar() {
        let feed = ICalendar.feed(name: "Không có nhiệm vụ", duties: [], baseURL: Self.base, now: Self.now)
        #expect(feed.hasPrefix("BEGIN:VCALENDAR\r\n"))
        #expect(feed.hasSuffix("END:VTIMEZONE\r\nEND:VCALENDAR\r\n"))
        #expect(Self.events(feed).isEmpty)
    }
}
