import Foundation

// MARK: - Workbook model

/// A cell of a sheet.
public enum XLSXCell: Sendable, Equatable {
    case empty
    case text(String)
    /// Header and group rows.
    case bold(String)
    /// Shown "#,##0" when integral, "#,##0.00" otherwise.
    case number(Double)
    /// Shown "#,##0".
    case integer(Int)
    /// Given in percentage points (91.3), stored as a fraction (0.913) with the format "0.00%".
    case percent(Double)
    /// Shown with two decimals, "#,##0.00".
    case decimal(Double)

    /// A count: "#,##0" when it is a whole number that fits, otherwise the number as it is.
    public static func whole(_ value: Double) -> XLSXCell { Int(exactly: value).map(XLSXCell.integer) ?? .number(value) }
}

/// A sheet held in memory: its name, its rows and how Excel shows it (widths, frozen panes, hidden).
public struct XLSXSheet: Sendable {
    /// At most 31 characters, none of []:*?/\ — sanitised when written.
    public var name: String
    public var rows: [[XLSXCell]]
    /// Excel character units, per column from A; zero or negative leaves the default width.
    public var columnWidths: [Double] = []
    /// Header rows kept in view (frozen pane).
    public var frozenRows: Int = 0
    public var frozenColumns: Int = 0
    /// Kept out of sight in Excel (state="hidden"): for what a program, not a person, reads back.
    public var hidden: Bool = false

    public init(name: String, rows: [[XLSXCell]], columnWidths: [Double] = [], frozenRows: Int = 0, frozenColumns: Int = 0,
                hidden: Bool = false) {
        self.name = name
        self.rows = rows
        self.columnWidths = columnWidths
        self.frozenRows = frozenRows
        self.frozenColumns = frozenColumns
        self.hidden = hidden
    }
}

/// A workbook held in memory, written by `data()` or `write(to:)`; for sheets too large to hold, `XLSXStreamWriter`.
public struct XLSXWorkbook: Sendable {
    public var sheets: [XLSXSheet]
    public var creator: String = "CCHC"

    public init(sheets: [XLSXSheet], creator: String = "CCHC") {
        self.sheets = sheets
        self.creator = creator
    }

    /// The workbook as an .xlsx file, in memory: for small workbooks. Written through `XLSXStreamWriter` (to a
    /// temporary file, then read back), so both ways give the same file.
    public func data() throws -> Data {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-xlsx-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("workbook.xlsx")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try write(to: file, temporaryDirectory: directory)
            return try Data(contentsOf: file)
        } catch let error as XLSXStreamError {
            throw error
        } catch {
            throw XLSXStreamError.cannotWrite(error.localizedDescription)
        }
    }

    /// Writes the workbook to a file (replaced if it exists).
    public func write(to url: URL) throws {
        try write(to: url, temporaryDirectory: nil)
    }

    func write(to url: URL, temporaryDirectory: URL?) throws {
        let writer = try XLSXStreamWriter(url: url, creator: creator, temporaryDirectory: temporaryDirectory)
        for sheet in sheets {
            try writer.addSheet(name: sheet.name, columnWidths: sheet.columnWidths, frozenRows: sheet.frozenRows,
                                frozenColumns: sheet.frozenColumns, hidden: sheet.hidden)
            for row in sheet.rows {
                try writer.append(row: row)
            }
        }
        try writer.finish()
    }
}

// MARK: - Writing

/// The shared string table of a workbook being written, bounded: once it holds `maximumCount` strings or
/// `maximumBytes` of text, further new strings are written inline in their cells, so memory stays bounded
/// whatever the number of rows while repeated texts ("Đạt", unit kinds) are still stored once.
struct XLSXSharedStrings {
    static let defaultMaximumCount = 16_384
    static let defaultMaximumBytes = 2 * 1024 * 1024

    let maximumCount: Int
    let maximumBytes: Int
    private(set) var strings: [String] = []
    private var indexes: [String: Int] = [:]
    private var bytes = 0
    private(set) var references = 0

    init(maximumCount: Int = defaultMaximumCount, maximumBytes: Int = defaultMaximumBytes) {
        self.maximumCount = maximumCount
        self.maximumBytes = maximumBytes
    }

    /// The index of the text in the table (added if there is room), or nil: the cell carries the text inline.
    mutating func index(of text: String) -> Int? {
        if let index = indexes[text] {
            references += 1
            return index
        }
        let size = text.utf8.count
        guard strings.count < maximumCount, bytes + size <= maximumBytes else { return nil }
        let index = strings.count
        strings.append(text)
        indexes[text] = index
        bytes += size
        references += 1
        return index
    }

    /// xl/sharedStrings.xml, written to the sink in blocks.
    func write(to sink: OOXMLFileSink) throws {
        sink.buffer.append(OOXML.declaration)
        sink.buffer.append("<sst xmlns=\"\(XLSXWriting.mainNamespace)\" count=\"\(references)\" uniqueCount=\"\(strings.count)\">")
        for text in strings {
            sink.buffer.append("<si><t xml:space=\"preserve\">" as StaticString)
            sink.buffer.appendEscaped(text)
            sink.buffer.append("</t></si>" as StaticString)
            try sink.flushIfFull()
        }
        sink.buffer.append("</sst>" as StaticString)
        try sink.close()
    }
}

/// Style indexes of xl/styles.xml (cellXfs).
enum XLSXStyle {
    static let normal = 0
    static let bold = 1
    static let integer = 2
    static let decimal = 3
    static let percent = 4
}
