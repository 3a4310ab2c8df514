import Foundation

// MARK: - One sheet's rows, written to a temporary file as they come

/// The rows of one sheet as `<row>` elements in a temporary file; the head of the sheet (dimension, panes, column
/// widths) is written when the workbook is finished, once the last cell is known.
final class XLSXSheetStream {
    /// Excel's limits: rows and columns of a sheet.
    static let maximumRows = 1_048_576
    static let maximumColumns = 16_384

    let name: String
    let columnWidths: [Double]
    let frozenRows: Int
    let frozenColumns: Int
    let hidden: Bool
    let sink: OOXMLFileSink

    /// Rows appended so far, empty ones included (the next row is `rows + 1`).
    private(set) var rows = 0
    private(set) var lastRow = 0
    private(set) var lastColumn = 0
    private var rowDigits: [UInt8] = []

    init(name: String, columnWidths: [Double], frozenRows: Int, frozenColumns: Int, hidden: Bool, file: URL) throws {
        self.name = name
        self.columnWidths = columnWidths
        self.frozenRows = max(0, frozenRows)
        self.frozenColumns = max(0, frozenColumns)
        self.hidden = hidden
        sink = try OOXMLFileSink(url: file)
    }

    func append(_ row: [XLSXCell], strings: inout XLSXSharedStrings, columns: inout XLSXColumnNames) throws {
        guard rows < Self.maximumRows else { throw XLSXStreamError.tooManyRows(sheet: name) }
        guard row.count <= Self.maximumColumns else { throw XLSXStreamError.tooManyColumns(sheet: name) }
        rows += 1
        rowDigits.removeAll(keepingCapacity: true)
        rowDigits.appendDecimal(rows)

        let start = sink.buffer.count
        sink.buffer.append("<row r=\"" as StaticString)
        sink.buffer.append(contentsOf: rowDigits)
        sink.buffer.append("\">" as StaticString)
        var last = 0
        for (index, cell) in row.enumerated() {
            if Self.append(cell, column: index + 1, row: rowDigits, to: &sink.buffer, strings: &strings, columns: &columns) {
                last = index + 1
            }
        }
        if last == 0 {
            sink.buffer.removeSubrange(start...)
            return
        }
        sink.buffer.append("</row>" as StaticString)
        lastRow = rows
        lastColumn = max(lastColumn, last)
        try sink.flushIfFull()
    }

    /// Appends the `<c>` element of a cell; false (and nothing appended) for a cell with nothing to show.
    static func append(_ cell: XLSXCell, column: Int, row: [UInt8], to out: inout [UInt8],
                       strings: inout XLSXSharedStrings, columns: inout XLSXColumnNames) -> Bool {
        switch cell {
        case .empty:
            return false
        case .text(let raw), .bold(let raw):
            guard let text = XLSXWriting.cellText(raw) else { return false }
            let bold: Bool
            if case .bold = cell { bold = true } else { bold = false }
            open(column: column, row: row, style: bold ? XLSXStyle.bold : XLSXStyle.normal, to: &out, columns: &columns)
            if let index = strings.index(of: text) {
                out.append(" t=\"s\"><v>" as StaticString)
                out.appendDecimal(index)
                out.append("</v></c>" as StaticString)
            } else {
                out.append(" t=\"inlineStr\"><is><t xml:space=\"preserve\">" as StaticString)
                out.appendEscaped(text)
                out.append("</t></is></c>" as StaticString)
            }
            return true
        case .integer(let value):
            open(column: column, row: row, style: XLSXStyle.integer, to: &out, columns: &columns)
            out.append("><v>" as StaticString)
            out.appendDecimal(value)
            out.append("</v></c>" as StaticString)
            return true
        case .number(let value):
            guard value.isFinite else { return false }
            let style = XLSXWriting.isIntegral(value) ? XLSXStyle.integer : XLSXStyle.decimal
            open(column: column, row: row, style: style, to: &out, columns: &columns)
            closeNumber(value, to: &out)
        case .decimal(let value):
            guard value.isFinite else { return false }
            open(column: column, row: row, style: XLSXStyle.decimal, to: &out, columns: &columns)
            closeNumber(value, to: &out)
        case .percent(let points):
            let fraction = points / 100
            guard fraction.isFinite else { return false }
            open(column: column, row: row, style: XLSXStyle.percent, to: &out, columns: &columns)
            closeNumber(fraction, to: &out)
        }
        return true
    }

    /// `<c r="B12" s="2"` — the caller closes the tag.
    private static func open(column: Int, row: [UInt8], style: Int, to out: inout [UInt8], columns: inout XLSXColumnNames) {
        out.append("<c r=\"" as StaticString)
        columns.append(column, to: &out)
        out.append(contentsOf: row)
        out.append("\" s=\"" as StaticString)
        out.appendDecimal(style)
        out.append(UInt8(ascii: "\""))
    }

    private static func closeNumber(_ number: Double, to out: inout [UInt8]) {
        out.append("><v>" as StaticString)
        XLSXWriting.appendNumber(number, to: &out)
        out.append("</v></c>" as StaticString)
    }

    /// Everything before the rows: the dimension, the frozen pane, the column widths, `<sheetData>`.
    func head(selected: Bool) -> String {
        let dimension = lastRow == 0 ? "A1" : "A1:" + XLSXWriting.cellReference(row: lastRow, column: lastColumn)
        var pane = ""
        if frozenRows > 0 || frozenColumns > 0 {
            let topLeft = XLSXWriting.cellReference(row: frozenRows + 1, column: frozenColumns + 1)
            let activePane: String
            if frozenRows > 0 && frozenColumns > 0 {
                activePane = "bottomRight"
            } else if frozenRows > 0 {
                activePane = "bottomLeft"
            } else {
                activePane = "topRight"
            }
            pane += "<pane"
            if frozenColumns > 0 { pane += " xSplit=\"\(frozenColumns)\"" }
            if frozenRows > 0 { pane += " ySplit=\"\(frozenRows)\"" }
            pane += " topLeftCell=\"\(topLeft)\" activePane=\"\(activePane)\" state=\"frozen\"/>"
            pane += "<selection pane=\"\(activePane)\" activeCell=\"\(topLeft)\" sqref=\"\(topLeft)\"/>"
        }
        var columns = ""
        for (index, width) in columnWidths.prefix(Self.maximumColumns).enumerated() where width > 0 && width.isFinite {
            let clamped = min(width, 255)
            columns += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(XLSXWriting.numberText(clamped))\" customWidth=\"1\"/>"
        }
        var xml = OOXML.declaration
        xml += "<worksheet xmlns=\"\(XLSXWriting.mainNamespace)\" xmlns:r=\"\(OOXML.relationshipNamespace)\">"
        xml += "<dimension ref=\"\(dimension)\"/>"
        xml += "<sheetViews><sheetView"
        if selected { xml += " tabSelected=\"1\"" }
        xml += " workbookViewId=\"0\">\(pane)</sheetView></sheetViews>"
        xml += "<sheetFormatPr defaultRowHeight=\"15.75\"/>"
        if !columns.isEmpty {
            xml += "<cols>\(columns)</cols>"
        }
        xml += "<sheetData>"
        return xml
    }

    static let tail = "</sheetData><pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        + "<pageSetup paperSize=\"9\"/></worksheet>"

    /// The worksheet part: the head, the rows from the temporary file, the tail.
    func part(path: String, selected: Bool) throws -> OOXML.FilePart {
        try sink.close()
        return OOXML.FilePart(path: path, pieces: [
            .bytes(Data(head(selected: selected).utf8)),
            .file(sink.url, size: sink.size),
            .bytes(Data(Self.tail.utf8)),
        ])
    }
}

/// Column letters ("A", …, "XFD") as bytes, made once per column and kept.
struct XLSXColumnNames {
    private var names: [[UInt8]] = []

    mutating func append(_ column: Int, to out: inout [UInt8]) {
        while names.count < column {
            names.append(Array(XLSXWriting.columnName(names.count + 1).utf8))
        }
        out.append(contentsOf: names[column - 1])
    }
}
