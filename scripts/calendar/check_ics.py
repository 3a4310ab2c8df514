"""Read a duty calendar feed (.ics) with the `icalendar` package from PyPI and check it.

Usage: python3 scripts/calendar/check_ics.py FILE.ics EXPECTED_COUNT

Exit 0 when the file parses as a calendar, holds EXPECTED_COUNT VEVENTs, each with a UID (all different), a SUMMARY
and a DTSTART — a date for a whole-day duty, a time-zone-aware moment at UTC+7 for a timed one — and its physical lines
end in CRLF and are at most 75 octets (RFC 5545 §3.1). Prints one line per event: UID, DTSTART, SUMMARY, tab-separated.
On failure prints what is wrong to stderr and exits 1 (2 for wrong usage, or when `icalendar` is not installed).
"""
import datetime
import sys

try:
    import icalendar
except ImportError:  # pragma: no cover - depends on the machine
    print("check_ics: the 'icalendar' package is missing (pip install icalendar)", file=sys.stderr)
    sys.exit(2)

VIETNAM = datetime.timedelta(hours=7)


def physical_line_problems(data):
    """Lines longer than 75 octets, or ending otherwise than in CRLF."""
    problems = []
    if not data.endswith(b"\r\n"):
        problems.append("the file does not end with CRLF")
    for number, line in enumerate(data.split(b"\r\n"), start=1):
        if b"\n" in line or b"\r" in line:
            problems.append(f"line {number}: a bare CR or LF")
        if len(line) > 75:
            problems.append(f"line {number}: {len(line)} octets (more than 75)")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"line {number}: a UTF-8 character is split by the folding")
    return problems


def describe(start):
    """DTSTART as one word, and what is wrong with it (None when right)."""
    if isinstance(start, datetime.datetime):
        if start.tzinfo is None or start.utcoffset() is None:
            return start.isoformat(), "DTSTART is a floating time, not tied to Asia/Ho_Chi_Minh"
        if start.utcoffset() != VIETNAM:
            return start.isoformat(), f"DTSTART is at UTC offset {start.utcoffset()}, not +07:00"
        return start.isoformat(), None
    if isinstance(start, datetime.date):
        return start.isoformat(), None
    return repr(start), f"DTSTART is neither a date nor a date-time: {start!r}"


def check(path, expected):
    with open(path, "rb") as handle:
        data = handle.read()
    problems = physical_line_problems(data)
    try:
        calendar = icalendar.Calendar.from_ical(data)
    except Exception as error:  # icalendar raises ValueError and others on malformed input
        return [], problems + [f"does not parse: {error}"]
    if calendar.name != "VCALENDAR":
        problems.append(f"top component is {calendar.name}, not VCALENDAR")
    lines, uids = [], set()
    events = list(calendar.walk("VEVENT"))
    for index, event in enumerate(events, start=1):
        uid, summary, start = event.get("UID"), event.get("SUMMARY"), event.get("DTSTART")
        missing = [name for name, value in (("UID", uid), ("SUMMARY", summary), ("DTSTART", start)) if value is None]
        if missing:
            problems.append(f"event {index}: no {', '.join(missing)}")
            continue
        if str(uid) in uids:
            problems.append(f"event {index}: UID {uid} used twice")
        uids.add(str(uid))
        when, problem = describe(start.dt)
        if problem:
            problems.append(f"event {index} ({uid}): {problem}")
        lines.append(f"{uid}\t{when}\t{summary}")
    if len(events) != expected:
        problems.append(f"{len(events)} events, expected {expected}")
    return lines, problems


def main(argv):
    if len(argv) != 3 or not argv[2].isdigit():
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    lines, problems = check(argv[1], int(argv[2]))
    for line in lines:
        print(line)
    for problem in problems:
        print("check_ics: " + problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
