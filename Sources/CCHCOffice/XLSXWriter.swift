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

public struct XLSXWorkbook: Sendable {
    public var sheets: [XLSXSheet]
    public var creator: String = "CCHC"

    public init(sheets: [XLSXSheet], creator: String = "CCHC") {
        self.sheets = sheets
        self.creator = creator
    }

    /// The workbook as an .xlsx file.
    public func data() throws -> Data {
        var sheets = self.sheets
        if sheets.isEmpty {
            sheets = [XLSXSheet(name: "Sheet1", rows: [])]
        }
        let names = XLSXWriting.uniqueSheetNames(sheets.map(\.name))
        var strings = XLSXSharedStrings()
        var worksheets: [String] = []
        for (index, sheet) in sheets.enumerated() {
            worksheets.append(XLSXWriting.worksheet(sheet, selected: index == 0, strings: &strings))
        }

        var parts = OOXML.leadingParts(contentTypes: XLSXWriting.contentTypes(sheetCount: sheets.count), mainPart: "xl/workbook.xml",
                                       title: "", creator: creator)
        parts.append((path: "xl/workbook.xml", content: XLSXWriting.workbook(names: names, hidden: sheets.map(\.hidden))))
        parts.append((path: "xl/_rels/workbook.xml.rels", content: XLSXWriting.workbookRelationships(sheetCount: sheets.count)))
        parts.append((path: "xl/styles.xml", content: XLSXWriting.styles))
        parts.append((path: "xl/sharedStrings.xml", content: strings.xml()))
        for (index, worksheet) in worksheets.enumerated() {
            parts.append((path: "xl/worksheets/sheet\(index + 1).xml", content: worksheet))
        }
        return try OOXML.package(parts)
    }
}

// MARK: - Writing

/// The shared string table of a workbook being written.
struct XLSXSharedStrings: Sendable {
    private(set) var strings: [String] = []
    private var indexes: [String: Int] = [:]
    private(set) var references = 0

    mutating func index(of text: String) -> Int {
        references += 1
        if let index = indexes[text] { return index }
        let index = strings.count
        strings.append(text)
        indexes[text] = index
        return index
    }

    func xml() -> String {
        var xml = OOXML.declaration
        xml += "<sst xmlns=\"\(XLSXWriting.mainNamespace)\" count=\"\(references)\" uniqueCount=\"\(strings.count)\">"
        for text in strings {
            xml += "<si><t xml:space=\"preserve\">\(OOXML.escape(text))</t></si>"
        }
        xml += "</sst>"
        return xml
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
