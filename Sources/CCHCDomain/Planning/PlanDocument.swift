/// A plan as the JSON interface carries it (`cchc plan import|export`, the API, the .xlsx/.docx round trip):
/// everything kept as the document writes it. Units are named by code, by name (matched without diacritics) or by a
/// group as written ("UBND cấp xã"); `due` is read from `timeFrame` when absent and always written on export.
public struct PlanDocument: Codable, Sendable, Equatable {
    /// The issuing unit: its code or its name.
    public var unit: String
    public var year: Int
    public var kind: PlanKind
    /// The plan's register document, when issued.
    public var document: PlanIssuance?
    public var tasks: [PlanTaskEntry]

    public init(unit: String, year: Int, kind: PlanKind = .cchc, document: PlanIssuance? = nil, tasks: [PlanTaskEntry] = []) {
        self.unit = unit
        self.year = year
        self.kind = kind
        self.document = document
        self.tasks = tasks
    }
}

/// The kinds of plan a unit issues each year.
public enum PlanKind: String, Codable, Sendable, CaseIterable {
    /// Kế hoạch cải cách hành chính
    case cchc
    /// Kế hoạch tuyên truyền cải cách hành chính (seed 002)
    case communications
    /// Kế hoạch kiểm tra cải cách hành chính (seed 003)
    case inspection
    /// Kế hoạch nâng cao chỉ số cải cách hành chính (seed 001): drafted from the weak criteria of the PAR index
    case parImprovement

    public var title: String {
        switch self {
        case .cchc: "Kế hoạch cải cách hành chính"
        case .communications: "Kế hoạch tuyên truyền cải cách hành chính"
        case .inspection: "Kế hoạch kiểm tra cải cách hành chính"
        case .parImprovement: "Kế hoạch nâng cao chỉ số cải cách hành chính"
        }
    }
}

/// Number and symbol ("142/KH-UBND"), date and signer of the document that issued a plan.
public struct PlanIssuance: Codable, Sendable, Equatable {
    public var number: String?
    public var date: Day?
    public var signer: String?

    public init(number: String? = nil, date: Day? = nil, signer: String? = nil) {
        self.number = number
        self.date = date
        self.signer = signer
    }
}

/// One row of a plan's task table, verbatim.
public struct PlanTaskEntry: Codable, Sendable, Equatable {
    /// The reform area as written ("Cải cách thể chế"); `ReformArea.match` reads it.
    public var area: String
    /// Nhiệm vụ chung (may be empty when the table has one task column).
    public var task: String
    /// Nhiệm vụ cụ thể.
    public var detail: String
    /// Sản phẩm: several lines kept as written, one per line.
    public var product: String
    /// Cơ quan chủ trì, one entry per unit or group as written.
    public var lead: [String]
    /// Cơ quan phối hợp, one entry per unit or group as written.
    public var coordinators: [String]
    /// Thời gian thực hiện, verbatim ("- Tháng 02/2021\n- Ngày 15/11/2021").
    public var timeFrame: String
    /// The due dates read from `timeFrame` (empty for "Thường xuyên").
    public var due: [DueDate]?
    public var result: String?
    public var resources: String?

    public init(area: String, task: String = "", detail: String, product: String = "", lead: [String] = [],
                coordinators: [String] = [], timeFrame: String = "", due: [DueDate]? = nil,
                result: String? = nil, resources: String? = nil) {
        self.area = area
        self.task = task
        self.detail = detail
        self.product = product
        self.lead = lead
        self.coordinators = coordinators
        self.timeFrame = timeFrame
        self.due = due
        self.result = result
        self.resources = resources
    }
}

/// A due date read from a time frame: on the day ("chậm nhất ngày X", inclusive) or before it ("trước ngày X").
public struct DueDate: Codable, Sendable, Equatable, Hashable {
    public var day: Day
    /// Written "trước ngày X": the last day is the day before.
    public var strict: Bool?

    public init(day: Day, strict: Bool = false) {
        self.day = day
        self.strict = strict ? true : nil
    }

    /// The last day the task may be done on time.
    public var lastDay: Day { strict == true ? day.adding(days: -1) : day }
}
