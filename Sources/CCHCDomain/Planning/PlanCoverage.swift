import Foundation

/// A task a higher level's plan assigns to a unit, as lead or coordinator: what the unit's own plan must carry.
public struct AssignedTask: Codable, Sendable, Equatable, Hashable {
    /// Stable identifier of the task in the higher plan (a database id, or "142/KH-UBND#3").
    public var id: String
    /// The task as the higher plan writes it.
    public var title: String
    public var area: ReformArea?
    /// The plan that assigns it, as a message names it: "Kế hoạch số 10/KH-UBND ngày 22/01/2021 của UBND huyện".
    public var plan: String

    public init(id: String, title: String, area: ReformArea? = nil, plan: String) {
        self.id = id
        self.title = title
        self.area = area
        self.plan = plan
    }
}

/// One problem the coverage check finds in a plan, in Vietnamese, naming what it is about.
public struct CoverageWarning: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// One of the six reform areas has no task.
        case areaMissing
        /// A task's area is empty or names none of the areas.
        case areaUnknown
        case leadMissing
        case productMissing
        case timeFrameMissing
        /// The time frame, or a part of it, cannot be read (`TimeFrame.unread`).
        case timeFrameUnread
        /// A task assigned by a higher plan is not in the plan.
        case assignedMissing
        /// A task links to an assigned task the higher plans do not hold.
        case assignedUnknown
        /// Issued after the deadline the higher level set.
        case issuedLate
        /// Not issued (yet).
        case notIssued
    }

    public var kind: Kind
    public var message: String
    /// The task's row (1 = the first task) for a warning about one task.
    public var row: Int?
    public var area: ReformArea?
    /// The assigned task a warning is about.
    public var assignedID: String?

    public init(kind: Kind, message: String, row: Int? = nil, area: ReformArea? = nil, assignedID: String? = nil) {
        self.kind = kind
        self.message = message
        self.row = row
        self.area = area
        self.assignedID = assignedID
    }
}

/// The coverage check of a unit's plan (issue 10 §3): pure, from the plan's tasks, the tasks higher plans assign to
/// the unit, the plan's issue date and the deadline the higher level set (seed 000: "Hoàn thành trước ngày 30/01/2021").
///
/// Warned about, in this order:
/// - the plan not issued, or issued after the deadline's last day (by N days);
/// - each of the six reform areas with no task ("Công tác chỉ đạo điều hành" need not have one);
/// - per task, in row order: an area that names none of the areas, no lead, no product, no time frame, a time frame
///   that cannot be read (wholly or in part), a link to an assigned task that does not exist;
/// - each assigned task the plan does not carry.
///
/// **Which task carries an assigned task.** A task that carries a link (`Task.assignedID`) carries that assigned task
/// and no other. The assigned tasks left are matched by text, one task to one assigned task: the words of both are
/// folded (no diacritics, lower case), words that every plan repeats or that change between levels ("và", "của",
/// "năm", "thực hiện", "UBND", "xã", "huyện", numbers …) are left out, and the score is 1 when the assigned task's
/// words appear as a run in the task's words, else the Dice coefficient of the two word sets
/// (2·|common| / (|a| + |b|)). Pairs scoring at least `similarityThreshold` are taken best first, so of
/// "Kế hoạch CCHC" and "Kế hoạch tuyên truyền CCHC" the plan's "Xây dựng Kế hoạch CCHC năm 2021" carries the first
/// and the second is reported missing. A task that merges two assigned tasks carries one of them: link it to say so.
public enum PlanCoverage {
    /// A task as the check sees it.
    public struct Task: Sendable, Equatable {
        /// 1 for the first task of the table.
        public var row: Int
        /// The area as written.
        public var area: String
        /// The task as written (general and specific task together).
        public var title: String
        public var lead: [String]
        public var product: String
        public var timeFrame: String
        /// The assigned task this task carries out, when the plan links it.
        public var assignedID: String?

        public init(row: Int, area: String, title: String, lead: [String], product: String, timeFrame: String, assignedID: String? = nil) {
            self.row = row
            self.area = area
            self.title = title
            self.lead = lead
            self.product = product
            self.timeFrame = timeFrame
            self.assignedID = assignedID
        }

        /// A row of the plan's table: the title is the specific task, or the general task when there is none.
        public init(_ entry: PlanTaskEntry, row: Int, assignedID: String? = nil) {
            let detail = entry.detail.trimmingCharacters(in: .whitespacesAndNewlines)
            let task = entry.task.trimmingCharacters(in: .whitespacesAndNewlines)
            let title = detail.isEmpty ? task : task.isEmpty ? detail : task + " - " + detail
            self.init(row: row, area: entry.area, title: title, lead: entry.lead, product: entry.product,
                      timeFrame: entry.timeFrame, assignedID: assignedID)
        }

        /// How a message names the task: "dòng 3 (“Tổ chức tuyển dụng công chức”)".
        var named: String {
            let t = TimeFrameReader.quoted(title)
            return t.isEmpty ? "Nhiệm vụ dòng \(row)" : "Nhiệm vụ dòng \(row) (“\(t)”)"
        }
    }

    /// The least score at which a task carries an assigned task by its words.
    public static let similarityThreshold = 0.5

    /// The warnings about a plan of `year`.
    /// - Parameters:
    ///   - issued: the date of the plan's document; nil when not issued.
    ///   - deadline: the deadline the higher level set; nil when none was set.
    ///   - today: when given, a plan not issued says how many days it is overdue.
    public static func check(tasks: [Task], assigned: [AssignedTask], year: Int, issued: Day?, deadline: DueDate?,
                             today: Day? = nil) -> [CoverageWarning] {
        var out: [CoverageWarning] = []
        // Issuance.
        if let issued {
            if let deadline, issued > deadline.lastDay {
                let late = deadline.lastDay.days(until: issued)
                let message = "Kế hoạch ban hành ngày \(issued.vietnamese), chậm \(late) ngày so với hạn (\(describe(deadline)))."
                out.append(CoverageWarning(kind: .issuedLate, message: message))
            }
        } else {
            var message = "Chưa ban hành kế hoạch"
            if let deadline {
                message += " (hạn: \(describe(deadline)))"
                if let today, today > deadline.lastDay { message += "; đã quá hạn \(deadline.lastDay.days(until: today)) ngày" }
            }
            out.append(CoverageWarning(kind: .notIssued, message: message + "."))
        }
        // Areas.
        let areas = tasks.map { ReformArea.match($0.area) }
        for area in ReformArea.required where !areas.contains(area) {
            out.append(CoverageWarning(kind: .areaMissing, message: "Chưa có nhiệm vụ nào thuộc lĩnh vực “\(area.title)”.", area: area))
        }
        // Tasks.
        let assignedIDs = Set(assigned.map(\.id))
        for (task, area) in zip(tasks, areas) {
            let blank = { (s: String) in s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            if area == nil {
                let message = blank(task.area) ? "\(task.named): chưa ghi lĩnh vực."
                    : "\(task.named): lĩnh vực “\(TimeFrameReader.quoted(task.area))” không phải một lĩnh vực cải cách hành chính."
                out.append(CoverageWarning(kind: .areaUnknown, message: message, row: task.row))
            }
            if task.lead.allSatisfy(blank) {
                out.append(CoverageWarning(kind: .leadMissing, message: "\(task.named): chưa có cơ quan chủ trì.", row: task.row, area: area))
            }
            if blank(task.product) {
                out.append(CoverageWarning(kind: .productMissing, message: "\(task.named): chưa có sản phẩm.", row: task.row, area: area))
            }
            if blank(task.timeFrame) {
                out.append(CoverageWarning(kind: .timeFrameMissing, message: "\(task.named): chưa có thời gian thực hiện.", row: task.row, area: area))
            } else if let unread = TimeFrame.read(task.timeFrame, year: year).unread {
                let written = TimeFrameReader.quoted(task.timeFrame)
                out.append(CoverageWarning(kind: .timeFrameUnread,
                                           message: "\(task.named): thời gian thực hiện “\(written)” chưa đọc được hết. \(unread)",
                                           row: task.row, area: area))
            }
            if let link = task.assignedID, !assignedIDs.contains(link) {
                out.append(CoverageWarning(kind: .assignedUnknown,
                                           message: "\(task.named): dẫn tới nhiệm vụ được giao “\(link)” không có trong các kế hoạch cấp trên.",
                                           row: task.row, area: area, assignedID: link))
            }
        }
        // Assigned tasks.
        let carried = carriers(tasks: tasks, assigned: assigned)
        for a in assigned where carried[a.id] == nil {
            out.append(CoverageWarning(kind: .assignedMissing,
                                       message: "Chưa có nhiệm vụ “\(TimeFrameReader.quoted(a.title))” do \(a.plan) giao.",
                                       area: a.area, assignedID: a.id))
        }
        return out
    }

    /// The check of a plan as the JSON carries it: rows numbered from 1, the issue date from its document.
    /// `links[n]`, when given, is the assigned task the n-th task carries out.
    public static func check(plan: PlanDocument, links: [String?] = [], assigned: [AssignedTask], deadline: DueDate?,
                             today: Day? = nil) -> [CoverageWarning] {
        let tasks = plan.tasks.enumerated().map { n, entry in
            Task(entry, row: n + 1, assignedID: n < links.count ? links[n] : nil)
        }
        return check(tasks: tasks, assigned: assigned, year: plan.year, issued: plan.document?.date, deadline: deadline, today: today)
    }

    /// Which task (its row) carries each assigned task, by link first and then by words (see the type's notes).
    public static func carriers(tasks: [Task], assigned: [AssignedTask]) -> [String: Int] {
        var out: [String: Int] = [:]
        let ids = Set(assigned.map(\.id))
        for task in tasks {
            if let link = task.assignedID, ids.contains(link), out[link] == nil { out[link] = task.row }
        }
        let free = tasks.filter { $0.assignedID == nil }
        var pairs: [(score: Double, a: Int, t: Int)] = []
        for (ai, a) in assigned.enumerated() where out[a.id] == nil {
            for (ti, t) in free.enumerated() {
                let s = similarity(a.title, t.title)
                if s >= similarityThreshold { pairs.append((s, ai, ti)) }
            }
        }
        pairs.sort { ($0.score, -$0.a, -$0.t) > ($1.score, -$1.a, -$1.t) }
        var usedTasks = Set<Int>()
        for p in pairs where out[assigned[p.a].id] == nil && !usedTasks.contains(p.t) {
            out[assigned[p.a].id] = free[p.t].row
            usedTasks.insert(p.t)
        }
        return out
    }

    /// Words left out of the comparison: joining words, and words that change between levels or years.
    static let stopWords: Set<String> = ["va", "cua", "cac", "nhung", "trong", "theo", "tai", "tren", "voi", "cho", "de", "ve", "la",
                                         "duoc", "nay", "nam", "thuc", "hien", "ubnd", "uy", "ban", "nhan", "dan", "xa", "huyen",
                                         "tinh", "thi", "tran", "phuong", "cap", "don", "vi", "dia", "phuong", "co", "quan", "mot", "so"]

    /// Abbreviations plans use, spelled out so "TTHC" and "thủ tục hành chính" compare alike. "CCHC" and "cải cách hành
    /// chính" are left out altogether: every task of a CCHC plan is about it, so they tell no two tasks apart.
    static let abbreviations: [String: [String]] = [
        "cchc": [], "tthc": ["thu", "tuc", "hanh", "chinh"],
        "vbqppl": ["van", "ban", "quy", "pham", "phap", "luat"], "cntt": ["cong", "nghe", "thong", "tin"],
        "cbcc": ["can", "bo", "cong", "chuc"], "cbccvc": ["can", "bo", "cong", "chuc", "vien", "chuc"],
        "hcc": ["hanh", "chinh", "cong"], "dvc": ["dich", "vu", "cong"],
    ]

    /// The content words of a text, in order.
    static func contentWords(_ text: String) -> [String] {
        var words = Folding.fold(text).split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
            .flatMap { abbreviations[$0] ?? [$0] }
        let reform = ["cai", "cach", "hanh", "chinh"]
        var k = 0
        while k + reform.count <= words.count {
            if Array(words[k..<k + reform.count]) == reform { words.removeSubrange(k..<k + reform.count) } else { k += 1 }
        }
        return words.filter { !stopWords.contains($0) && !$0.allSatisfy(\.isNumber) }
    }

    /// 1 when the assigned task's words occur as a run in the task's; else the Dice coefficient of the word sets.
    public static func similarity(_ assigned: String, _ task: String) -> Double {
        let a = contentWords(assigned), t = contentWords(task)
        guard !a.isEmpty, !t.isEmpty else { return 0 }
        if " \(t.joined(separator: " ")) ".contains(" \(a.joined(separator: " ")) ") { return 1 }
        let sa = Set(a), st = Set(t)
        return 2 * Double(sa.intersection(st).count) / Double(sa.count + st.count)
    }

    /// "trước ngày 30/01/2021", "chậm nhất ngày 30/01/2021".
    static func describe(_ due: DueDate) -> String {
        due.strict == true ? "trước ngày \(due.day.vietnamese)" : "chậm nhất ngày \(due.day.vietnamese)"
    }
}
