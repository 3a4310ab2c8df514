import Foundation

/// A jurisdiction's yearly CCHC inspection plan (seed 003), as data: purpose and requirements, the rounds with their windows,
/// the self-inspection deadline and the units in scope, the content checklist by reform area, the budget note, and the two
/// numbers of days the procedure runs on (the pre-visit report "trước 03 ngày theo lịch kiểm tra"; remediation within 15
/// days of the conclusion, seed 001's practice). Imported and exported as JSON; the standing agency edits it.
public struct InspectionPlanDocument: Codable, Sendable, Equatable {
    /// The issuing jurisdiction: its code or its name.
    public var unit: String
    public var year: Int
    public var purpose: [String]
    public var requirements: [String]
    public var rounds: [InspectionRound]
    public var checklist: [InspectionChecklistItem]
    public var budget: String?
    /// Days before a visit the inspected unit's written report is due.
    public var preVisitDays: Int
    /// Days after a conclusion a finding must be remedied by.
    public var remediationDays: Int
    /// The plan's register document, when issued.
    public var document: PlanIssuance?

    public init(unit: String, year: Int, purpose: [String] = [], requirements: [String] = [], rounds: [InspectionRound] = [],
                checklist: [InspectionChecklistItem] = InspectionChecklistItem.seed003, budget: String? = nil,
                preVisitDays: Int = 3, remediationDays: Int = 15, document: PlanIssuance? = nil) {
        self.unit = unit
        self.year = year
        self.purpose = purpose
        self.requirements = requirements
        self.rounds = rounds
        self.checklist = checklist
        self.budget = budget
        self.preVisitDays = preVisitDays
        self.remediationDays = remediationDays
        self.document = document
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        unit = try c.decode(String.self, forKey: .unit)
        year = try c.decode(Int.self, forKey: .year)
        purpose = try c.decodeIfPresent([String].self, forKey: .purpose) ?? []
        requirements = try c.decodeIfPresent([String].self, forKey: .requirements) ?? []
        rounds = try c.decodeIfPresent([InspectionRound].self, forKey: .rounds) ?? []
        checklist = try c.decodeIfPresent([InspectionChecklistItem].self, forKey: .checklist) ?? InspectionChecklistItem.seed003
        budget = try c.decodeIfPresent(String.self, forKey: .budget)
        preVisitDays = try c.decodeIfPresent(Int.self, forKey: .preVisitDays) ?? 3
        remediationDays = try c.decodeIfPresent(Int.self, forKey: .remediationDays) ?? 15
        document = try c.decodeIfPresent(PlanIssuance.self, forKey: .document)
    }

    /// What is wrong with the plan, each naming where (Vietnamese).
    public func problems() -> [FieldError] {
        var out: [FieldError] = []
        if !(2000...2100).contains(year) { out.append(FieldError(field: "year", message: "Năm \(year) không hợp lệ")) }
        if rounds.isEmpty { out.append(FieldError(field: "rounds", message: "Kế hoạch kiểm tra chưa có đợt kiểm tra nào")) }
        if !(0...30).contains(preVisitDays) {
            out.append(FieldError(field: "preVisitDays", message: "Số ngày gửi báo cáo trước lịch kiểm tra phải từ 0 đến 30"))
        }
        if !(1...90).contains(remediationDays) {
            out.append(FieldError(field: "remediationDays", message: "Số ngày khắc phục sau kết luận phải từ 1 đến 90"))
        }
        var numbers: Set<Int> = []
        for (i, r) in rounds.enumerated() {
            let at = "rounds[\(i)]"
            if !numbers.insert(r.number).inserted { out.append(FieldError(field: at, message: "Đợt \(r.number) bị lặp")) }
            if r.to < r.from { out.append(FieldError(field: at, message: "\(r.label): ngày kết thúc trước ngày bắt đầu")) }
            if r.from.year != year && r.to.year != year {
                out.append(FieldError(field: at, message: "\(r.label): thời gian kiểm tra không thuộc năm \(year)"))
            }
            if let share = r.scope.share, !(0 < share && share <= 1) {
                out.append(FieldError(field: at, message: "\(r.label): tỷ lệ đơn vị được kiểm tra phải trong khoảng (0; 100 %]"))
            }
        }
        for (i, item) in checklist.enumerated() where item.item.trimmingCharacters(in: .whitespaces).isEmpty {
            out.append(FieldError(field: "checklist[\(i)]", message: "Nội dung kiểm tra số \(i + 1) để trống"))
        }
        return out
    }
}

/// One round (đợt) of periodic inspection: its window, the self-inspection deadline, and which units are in scope.
public struct InspectionRound: Codable, Sendable, Equatable {
    public var number: Int
    /// "Đợt 1"
    public var label: String
    public var from: Day
    public var to: Day
    /// "Trước ngày 20/5/2022" → 20/05/2022 strict; nil: set by another plan ("theo kế hoạch … chỉ số CCHC").
    public var selfDue: DueDate?
    public var selfDueNote: String?
    public var scope: InspectionScope

    public init(number: Int, label: String, from: Day, to: Day, selfDue: DueDate? = nil, selfDueNote: String? = nil,
                scope: InspectionScope = InspectionScope()) {
        self.number = number
        self.label = label
        self.from = from
        self.to = to
        self.selfDue = selfDue
        self.selfDueNote = selfDueNote
        self.scope = scope
    }

    /// The last day a self-inspection report is on time: the day itself, or the day before for "trước ngày X".
    public var selfLastDay: Day? { selfDue?.lastDay }
}

/// Which units a round inspects: named units, a share ("50 % số đơn vị"), or a minimum per group — as the plan writes it.
public struct InspectionScope: Codable, Sendable, Equatable {
    /// Units by code or name; empty: every unit of the jurisdiction.
    public var units: [String]?
    /// 0.5 for "50 % số đơn vị".
    public var share: Double?
    /// "communes": 5 — at least so many of each group.
    public var minimumPerGroup: [String: Int]?
    /// As written: "Kiểm tra 17 xã, thị trấn gắn với việc thẩm định…".
    public var text: String?

    public init(units: [String]? = nil, share: Double? = nil, minimumPerGroup: [String: Int]? = nil, text: String? = nil) {
        self.units = units
        self.share = share
        self.minimumPerGroup = minimumPerGroup
        self.text = text
    }

    /// How many of `total` units the round must inspect at least: the named ones, the share rounded up, the group minimums.
    public func required(of total: Int, groups: [String: Int] = [:]) -> Int {
        var n = 0
        if let units, !units.isEmpty { n = units.count }
        if let share { n = Swift.max(n, Int((share * Double(total)).rounded(.up))) }
        if let minimumPerGroup {
            n = Swift.max(n, minimumPerGroup.reduce(0) { $0 + Swift.min($1.value, groups[$1.key] ?? $1.value) })
        }
        return units == nil && share == nil && minimumPerGroup == nil ? total : Swift.min(n, total)
    }
}

/// One item of the content checklist, by reform area.
public struct InspectionChecklistItem: Codable, Sendable, Equatable {
    public var area: ReformArea
    public var item: String

    public init(area: ReformArea, item: String) {
        self.area = area
        self.item = item
    }

    /// Seed 003 §II.2.1, item by item.
    public static let seed003: [InspectionChecklistItem] = [
        .init(area: .direction, item: "Sự sáng tạo, tích cực, chủ động, nghiêm túc trong công tác chỉ đạo, điều hành về CCHC"),
        .init(area: .direction, item: "Xây dựng và triển khai thực hiện kế hoạch CCHC năm; kỷ luật, kỷ cương hành chính trong thực thi công vụ"),
        .init(area: .direction, item: "Khắc phục những tồn tại, hạn chế đã kết luận tại cuộc thẩm định, đánh giá xác định chỉ số CCHC năm trước"),
        .init(area: .institutions, item: "Thực hiện các chỉ tiêu, quy định về cải cách thể chế"),
        .init(area: .procedures, item: "Kiểm soát thủ tục hành chính; hướng dẫn, tiếp nhận và trả kết quả tại Bộ phận Tiếp nhận và Trả kết quả"),
        .init(area: .organisation, item: "Thực hiện các quy định về tổ chức bộ máy của cơ quan, đơn vị"),
        .init(area: .civilService, item: "Cải cách chế độ công vụ; kỷ luật, kỷ cương hành chính của cán bộ, công chức, viên chức"),
        .init(area: .publicFinance, item: "Cải cách tài chính công"),
        .init(area: .eGovernment, item: "Xây dựng, phát triển chính quyền điện tử, chính quyền số"),
    ]
}
