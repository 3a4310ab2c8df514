import Foundation

/// A plan's task table as users keep it in Word and Excel (the appendix of seed 004, Phụ lục 1B of seed 000): one row
/// per task, the reform area either as a row spanning the table or in a column, cells of several lines. The columns are
/// data (`names`), found by reading the header row; `read(rows:)` turns the rows into tasks and lists every row it could
/// not read; `rows(of:)` writes a plan back as rows, so export → import gives back the same tasks.
public enum PlanTable {
    /// A column of the table.
    public enum Column: String, Sendable, CaseIterable, Codable {
        /// TT / STT: read past.
        case number
        /// A column naming the reform area of each row (when areas are not rows spanning the table).
        case area
        /// Nhiệm vụ chung
        case task
        /// Nhiệm vụ cụ thể
        case detail
        case product
        case lead
        case coordinators
        case timeFrame
        case result
        case resources
    }

    /// How headers name a column: `title` is what an export writes; every name is matched without diacritics, case or
    /// punctuation, a header may add words after it ("Thời gian thực hiện (tháng, quý)"), the longest name wins.
    public struct ColumnName: Sendable, Equatable {
        public var column: Column
        public var title: String
        public var aliases: [String]

        public init(_ column: Column, _ title: String, _ aliases: [String] = []) {
            self.column = column
            self.title = title
            self.aliases = aliases
        }
    }

    public static let names: [ColumnName] = [
        ColumnName(.number, "TT", ["STT", "Số TT", "Số thứ tự"]),
        ColumnName(.area, "Lĩnh vực", ["Lĩnh vực cải cách", "Lĩnh vực CCHC", "Lĩnh vực cải cách hành chính"]),
        ColumnName(.task, "Nhiệm vụ chung", ["Nhóm nhiệm vụ"]),
        ColumnName(.detail, "Nhiệm vụ cụ thể", ["Nội dung nhiệm vụ", "Nội dung công việc", "Nội dung", "Nhiệm vụ", "Tên nhiệm vụ"]),
        ColumnName(.product, "Sản phẩm", ["Kết quả/sản phẩm", "Kết quả, sản phẩm", "Sản phẩm đầu ra", "Hình thức sản phẩm"]),
        ColumnName(.lead, "Cơ quan chủ trì", ["Đơn vị chủ trì", "Cơ quan, đơn vị chủ trì", "Cơ quan chủ trì thực hiện", "Chủ trì"]),
        ColumnName(.coordinators, "Cơ quan phối hợp", ["Đơn vị phối hợp", "Cơ quan, đơn vị phối hợp", "Phối hợp"]),
        ColumnName(.timeFrame, "Thời gian thực hiện", ["Thời gian hoàn thành", "Thời hạn hoàn thành", "Thời hạn", "Thời gian",
                                                       "Tiến độ thực hiện", "Tiến độ hoàn thành"]),
        ColumnName(.result, "Kết quả dự kiến", ["Kết quả cần đạt", "Kết quả dự kiến đạt được", "Yêu cầu kết quả"]),
        ColumnName(.resources, "Nguồn lực", ["Kinh phí", "Nguồn kinh phí", "Kinh phí thực hiện", "Nguồn lực thực hiện"]),
    ]

    /// The title an export writes for a column.
    public static func title(_ column: Column) -> String {
        names.first { $0.column == column }?.title ?? column.rawValue
    }

    /// The column a header cell names (nil when it names none of them).
    public static func column(named header: String) -> Column? {
        let key = matchKey(header)
        guard !key.isEmpty else { return nil }
        var best: (column: Column, length: Int)?
        for name in names {
            for alias in [name.title] + name.aliases {
                let aliasKey = matchKey(alias)
                guard key == aliasKey || key.hasPrefix(aliasKey + " ") else { continue }
                if aliasKey.count > best?.length ?? -1 { best = (name.column, aliasKey.count) }
            }
        }
        return best?.column
    }

    /// Folded, punctuation as spaces: "Kết quả/sản phẩm" → "ket qua san pham".
    static func matchKey(_ text: String) -> String {
        let folded = Folding.fold(text)
        let spaced = String(folded.map { $0.isLetter || $0.isNumber ? $0 : " " })
        return spaced.split(separator: " ").joined(separator: " ")
    }

    /// A cell as a file gives it: its lines (a Word cell's paragraphs, an Excel cell's text split at line breaks), the
    /// grid columns it covers, and whether it continues a merged cell above it (so holds that cell's text).
    public struct Cell: Sendable, Equatable {
        public var lines: [String]
        public var span: Int
        public var continuesAbove: Bool
        /// The grid column it starts at, from 0; nil: right after the cell before it.
        public var column: Int?

        public init(lines: [String], span: Int = 1, continuesAbove: Bool = false, column: Int? = nil) {
            self.lines = lines
            self.span = max(1, span)
            self.continuesAbove = continuesAbove
            self.column = column
        }

        /// A cell of text, lines separated by "\n".
        public init(_ text: String, span: Int = 1, continuesAbove: Bool = false, column: Int? = nil) {
            self.init(lines: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), span: span,
                      continuesAbove: continuesAbove, column: column)
        }

        /// The lines trimmed, blank ones left out.
        public var textLines: [String] {
            lines.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        }

        public var isBlank: Bool { textLines.isEmpty }
    }
}

/// What reading a table gave: the tasks in order, and every row that could not be read, with the reason.
public struct PlanTableImport: Sendable, Equatable {
    public var tasks: [PlanTaskEntry]
    /// The row each task was read from (1 = the first row given), parallel to `tasks`.
    public var taskRows: [Int]
    public var problems: [PlanTableProblem]
    /// The row holding the header (nil when none was found).
    public var headerRow: Int?
    /// The columns found, in the table's order.
    public var columns: [PlanTable.Column]
    /// Header cells naming none of the columns (read past): "Ghi chú".
    public var ignoredHeaders: [String]

    public init(tasks: [PlanTaskEntry] = [], taskRows: [Int] = [], problems: [PlanTableProblem] = [], headerRow: Int? = nil,
                columns: [PlanTable.Column] = [], ignoredHeaders: [String] = []) {
        self.tasks = tasks
        self.taskRows = taskRows
        self.problems = problems
        self.headerRow = headerRow
        self.columns = columns
        self.ignoredHeaders = ignoredHeaders
    }
}

/// A row that could not be read: where, why (in Vietnamese) and the start of its text, so the user can find it.
public struct PlanTableProblem: Sendable, Equatable, Codable {
    public var row: Int
    public var reason: String
    public var excerpt: String

    public init(row: Int, reason: String, excerpt: String = "") {
        self.row = row
        self.reason = reason
        self.excerpt = excerpt
    }

    /// "Dòng 7: không có nội dung ở cột «Nhiệm vụ cụ thể» (…)"
    public var message: String {
        excerpt.isEmpty ? "Dòng \(row): \(reason)." : "Dòng \(row): \(reason) («\(excerpt)»)."
    }
}
