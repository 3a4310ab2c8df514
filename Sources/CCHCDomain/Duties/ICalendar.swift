import Foundation

/// Duties as an iCalendar feed (RFC 5545), for the phone or desktop calendar people already use.
///
/// The text is deterministic for the same duties and `now`: events come in due order (then by id), one per duty id,
/// each keyed `<duty.id>@cchc` so a calendar that subscribes to the feed updates an event instead of adding a new one.
/// Lines end in CRLF and are folded at 75 octets of UTF-8 without splitting a character; TEXT values are escaped.
/// Times are written in Vietnam time under `TZID=Asia/Ho_Chi_Minh`, whose VTIMEZONE the feed carries.
public enum ICalendar {
    /// The zone the feed's timed events are written in.
    public static let timeZoneID = "Asia/Ho_Chi_Minh"
    /// The product identifier of the feed.
    public static let productID = "-//CCHC//Lich nhiem vu CCHC//VI"
    /// How long a timed duty's event lasts in the calendar.
    public static let timedEventMinutes = 30

    /// The whole feed: `name` is the calendar's name as the subscribing app shows it ("Nhiệm vụ CCHC — Xã Quảng Thọ"),
    /// `baseURL` the site's address ("https://cchc.example.vn") put before each duty's page, `now` the moment the
    /// statuses, the alarms and DTSTAMP are computed for.
    public static func feed(name: String, duties: [Duty], baseURL: String, now: Date) -> String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:" + productID,
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + escape(name),
            "X-WR-TIMEZONE:" + timeZoneID,
            "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
            "X-PUBLISHED-TTL:PT1H",
        ]
        lines += timeZoneLines
        var seen = Set<String>()
        for duty in ordered(duties) where seen.insert(duty.id).inserted {
            lines += eventLines(duty, baseURL: baseURL, now: now)
        }
        lines.append("END:VCALENDAR")
        return lines.map { fold($0) + "\r\n" }.joined()
    }

    /// The order of the events: due moment, then id — the same whatever order the duties came in.
    public static func ordered(_ duties: [Duty]) -> [Duty] {
        duties.sorted { $0.due != $1.due ? $0.due < $1.due : $0.id < $1.id }
    }

    // MARK: - Events

    static let timeZoneLines = [
        "BEGIN:VTIMEZONE",
        "TZID:" + timeZoneID,
        "X-LIC-LOCATION:" + timeZoneID,
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0700",
        "TZOFFSETTO:+0700",
        "TZNAME:ICT",
        "DTSTART:19700101T000000",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]

    static func eventLines(_ duty: Duty, baseURL: String, now: Date) -> [String] {
        let status = duty.status(now: now)
        let summary = "\(duty.title) — \(duty.unitName)"
        let link = address(duty.url, baseURL: baseURL)
        var lines = [
            "BEGIN:VEVENT",
            "UID:" + escape(uid(duty)),
            "DTSTAMP:" + utcStamp(now),
        ]
        let time = duty.dueTime.flatMap { Duty.hourMinute($0) }
        if let (hour, minute) = time {
            let start = hour * 60 + minute
            let end = start + timedEventMinutes
            lines.append("DTSTART;TZID=\(timeZoneID):" + localStamp(duty.dueDay, minutes: start))
            lines.append("DTEND;TZID=\(timeZoneID):" + localStamp(duty.dueDay.adding(days: end / 1440), minutes: end % 1440))
        } else {
            lines.append("DTSTART;VALUE=DATE:" + dateStamp(duty.dueDay))
            lines.append("DTEND;VALUE=DATE:" + dateStamp(duty.dueDay.adding(days: 1)))
        }
        lines += [
            "SUMMARY:" + escape(summary),
            "DESCRIPTION:" + escape(description(duty, status: status, link: link)),
            "URL:" + link,
            "STATUS:" + (status == .waived ? "CANCELLED" : "CONFIRMED"),
            "CATEGORIES:" + escape(duty.kind.title),
            "TRANSP:TRANSPARENT",
        ]
        if !status.isDone {
            lines += [
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                "DESCRIPTION:" + escape(summary),
                // A whole-day event starts at 00:00: 15 hours before is 09:00 the day before.
                time == nil ? "TRIGGER;RELATED=START:-PT15H" : "TRIGGER:-PT2H",
                "END:VALARM",
            ]
        }
        lines.append("END:VEVENT")
        return lines
    }

    /// The event's UID: the duty's stable id, so the event survives reloads of the feed.
    public static func uid(_ duty: Duty) -> String { duty.id + "@cchc" }

    /// The description: the kind, the status, the due moment, the note, the waiver's reason and the link, one a line.
    static func description(_ duty: Duty, status: DutyStatus, link: String) -> String {
        var parts = [duty.kind.title, "Trạng thái: " + status.label, "Hạn: " + (duty.dueTime.map { "\($0) " } ?? "") + duty.dueDay.vietnamese]
        if let note = duty.note, !note.isEmpty { parts.append("Ghi chú: " + note) }
        if let waived = duty.waived, !waived.isEmpty { parts.append("Lý do miễn: " + waived) }
        parts.append("Liên kết: " + link)
        return parts.joined(separator: "\n")
    }

    /// `baseURL` + the duty's page, with one slash between; an absolute page address is kept as it is.
    static func address(_ path: String, baseURL: String) -> String {
        if path.hasPrefix("http://") || path.hasPrefix("https://") { return path }
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        if path.isEmpty { return base }
        return path.hasPrefix("/") ? base + path : base + "/" + path
    }

    // MARK: - Dates

    /// "20260520": a DATE value.
    static func dateStamp(_ day: Day) -> String { String(format: "%04d%02d%02d", day.year, day.month, day.day) }

    /// "20260520T170000": a local DATE-TIME value, `minutes` after the day's midnight.
    static func localStamp(_ day: Day, minutes: Int) -> String {
        dateStamp(day) + String(format: "T%02d%02d00", minutes / 60, minutes % 60)
    }

    /// "20260520T100000Z": a moment in UTC, to the second.
    static func utcStamp(_ date: Date) -> String {
        let seconds = Int(floor(date.timeIntervalSince1970))
        let days = Int(floor(Double(seconds) / 86_400))
        let rest = seconds - days * 86_400
        return dateStamp(Day(ordinal: days)) + String(format: "T%02d%02d%02dZ", rest / 3600, rest % 3600 / 60, rest % 60)
    }

    // MARK: - Text

    /// A TEXT value escaped (RFC 5545 §3.3.11): backslash, semicolon and comma get a backslash, a line break
    /// (CRLF, CR or LF) becomes `\n`; other control characters, which a TEXT value may not hold, are dropped.
    public static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            switch scalar {
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case ";": out.append(contentsOf: "\\;".unicodeScalars)
            case ",": out.append(contentsOf: "\\,".unicodeScalars)
            case "\r": out.append(contentsOf: "\\n".unicodeScalars)
            case "\n": if !afterCR { out.append(contentsOf: "\\n".unicodeScalars) }
            case "\t": out.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// The inverse of `escape` (for tests and readers): `\n` or `\N` is a newline, `\\`, `\;`, `\,` the character.
    public static func unescape(_ text: String) -> String {
        var out = ""
        var pending = false
        for ch in text {
            if pending {
                out.append(ch == "n" || ch == "N" ? "\n" : ch)
                pending = false
            } else if ch == "\\" {
                pending = true
            } else {
                out.append(ch)
            }
        }
        if pending { out.append("\\") }
        return out
    }

    /// A content line folded (RFC 5545 §3.1): no physical line longer than 75 octets of UTF-8, each continuation
    /// starting with one space (which counts); a break falls between characters, never inside one. No line ending added.
    public static func fold(_ line: String, limit: Int = 75) -> String {
        var out = ""
        var used = 0
        var room = limit
        func put(_ piece: String, _ size: Int) {
            if used + size > room, used > 0 {
                out += "\r\n "
                used = 0
                room = limit - 1
            }
            out += piece
            used += size
        }
        for ch in line {
            let size = ch.utf8.count
            if size <= limit - 1 {
                put(String(ch), size)
            } else {
                // A character longer than a whole line (a long run of combining marks): break between its scalars.
                for scalar in ch.unicodeScalars { put(String(scalar), String(scalar).utf8.count) }
            }
        }
        return out
    }

    /// The inverse of `fold`: CRLF followed by a space or a tab is removed.
    public static func unfold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "\r", i + 2 < scalars.count, scalars[i + 1] == "\n", scalars[i + 2] == " " || scalars[i + 2] == "\t" {
                i += 3
                continue
            }
            out.append(scalars[i])
            i += 1
        }
        return String(out)
    }
}
