import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Walks word/document.xml once (SAX), building the body's blocks. Namespace prefixes are ignored ("w:p" is "p").
final class DOCXBodyHandler: NSObject, XMLParserDelegate {
    private(set) var blocks: [DOCXReader.Block] = []
    /// Set when the document goes beyond a limit; parsing stops there.
    private(set) var refusal: String?
    private(set) var sawBody = false
    /// The body was closed: a document cut short is not read as if it ended there (the parser does not always say so).
    private(set) var closedBody = false
    /// The XML is malformed. On Linux the parser reports the error, goes on (closing what was open) and still answers that
    /// parsing succeeded: nothing after the first error counts.
    private(set) var malformed = false

    /// Subtrees whose text is not the document's: deleted or moved-away text, field codes, drawings and text boxes
    /// (and the fallback copy of alternate content), the former properties of tracked changes.
    private static let skipped: Set<String> = [
        "delText", "instrText", "moveFrom", "drawing", "pict", "object", "txbxContent", "Fallback",
        "pPrChange", "rPrChange", "tcPrChange", "trPrChange", "tblPrChange", "sectPrChange", "tblGridChange",
    ]

    private struct TableBuilder {
        var rows: [DOCXReader.Row] = []
        var gridColumns = 0
        var reached = 0
        var row: [DOCXReader.Cell]?
        var nextColumn = 0
        var cell: DOCXReader.Cell?
    }

    private var skipping = 0
    private var tables: [TableBuilder] = []
    private var inGrid = false
    private var paragraph: String?
    private var runDepth = 0
    private var capturing = false
    private var paragraphCount = 0

    private func refuse(_ parser: XMLParser) {
        if refusal == nil { refusal = DOCXReader.tooLargeMessage }
        parser.abortParsing()
    }

    /// The `w:val` attribute, whatever its prefix.
    private static func value(_ attributes: [String: String]) -> String? {
        attributes.first { XLSXReader.localName($0.key) == "val" }?.value
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        guard refusal == nil, !malformed else { return }
        let name = XLSXReader.localName(elementName)
        if skipping > 0 || Self.skipped.contains(name) {
            skipping += 1
            return
        }
        switch name {
        case "body":
            sawBody = true
        case "p":
            finishParagraph(parser)
            paragraph = ""
        case "r":
            runDepth += 1
        case "t":
            capturing = paragraph != nil
        case "tab":
            if runDepth > 0 { paragraph?.append("\t") }
        case "br", "cr":
            // A page or column break ends nothing in the text; a line break is a new line.
            let type = attributeDict.first { XLSXReader.localName($0.key) == "type" }?.value ?? "textWrapping"
            if runDepth > 0, type == "textWrapping" { paragraph?.append("\n") }
        case "noBreakHyphen":
            if runDepth > 0 { paragraph?.append("-") }
        case "tbl":
            guard tables.count < DOCXReader.maximumNesting else { return refuse(parser) }
            tables.append(TableBuilder())
        case "tblGrid":
            inGrid = true
        case "gridCol":
            if inGrid, !tables.isEmpty { tables[tables.count - 1].gridColumns += 1 }
        case "tr":
            guard !tables.isEmpty else { return }
            tables[tables.count - 1].row = []
            tables[tables.count - 1].nextColumn = 0
        case "gridBefore":
            guard !tables.isEmpty, let text = Self.value(attributeDict), let count = Int(text), count > 0 else { return }
            guard count <= DOCXReader.maximumColumns else { return refuse(parser) }
            tables[tables.count - 1].nextColumn += count
        case "tc":
            guard !tables.isEmpty, tables[tables.count - 1].row != nil else { return }
            tables[tables.count - 1].cell = DOCXReader.Cell(column: tables[tables.count - 1].nextColumn, paragraphs: [])
        case "gridSpan":
            guard !tables.isEmpty, tables[tables.count - 1].cell != nil else { return }
            let span = Self.value(attributeDict).flatMap { Int($0) } ?? 1
            guard span <= DOCXReader.maximumColumns else { return refuse(parser) }
            tables[tables.count - 1].cell?.span = max(1, span)
        case "vMerge":
            guard !tables.isEmpty, tables[tables.count - 1].cell != nil else { return }
            let restart = Self.value(attributeDict) == "restart"
            tables[tables.count - 1].cell?.verticalMerge = restart ? .restart : .continuation
        case "hMerge":
            // Word 97's horizontal merge: a continuing cell widens the cell before it (see `finishCell`).
            guard !tables.isEmpty, tables[tables.count - 1].cell != nil, Self.value(attributeDict) != "restart" else { return }
            tables[tables.count - 1].cell?.span = 0
        default:
            break
        }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?
    ) {
        guard refusal == nil, !malformed else { return }
        if skipping > 0 {
            skipping -= 1
            return
        }
        switch XLSXReader.localName(elementName) {
        case "body":
            closedBody = sawBody
        case "p":
            finishParagraph(parser)
        case "r":
            runDepth = max(0, runDepth - 1)
        case "t":
            capturing = false
        case "tblGrid":
            inGrid = false
        case "tc":
            finishCell(parser)
        case "tr":
            finishRow(parser)
        case "tbl":
            finishTable()
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if capturing, skipping == 0, !malformed { paragraph?.append(string) }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        malformed = true
    }

    func parser(_ parser: XMLParser, validationErrorOccurred validationError: any Error) {
        malformed = true
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        self.parser(parser, foundCharacters: String(decoding: CDATABlock, as: UTF8.self))
    }

    // MARK: Building

    private func finishParagraph(_ parser: XMLParser) {
        guard let text = paragraph else { return }
        paragraph = nil
        capturing = false
        runDepth = 0
        paragraphCount += 1
        guard paragraphCount <= DOCXReader.maximumParagraphs else { return refuse(parser) }
        if tables.isEmpty {
            blocks.append(.paragraph(text))
        } else if tables[tables.count - 1].cell != nil {
            tables[tables.count - 1].cell?.paragraphs.append(text)
        }
    }

    private func finishCell(_ parser: XMLParser) {
        guard !tables.isEmpty, var cell = tables[tables.count - 1].cell else { return }
        tables[tables.count - 1].cell = nil
        if cell.span == 0 {
            // A continuing legacy horizontal merge: the cell before covers this column too.
            if var row = tables[tables.count - 1].row, !row.isEmpty {
                row[row.count - 1].span += 1
                row[row.count - 1].paragraphs += cell.paragraphs.filter { !$0.isEmpty }
                tables[tables.count - 1].row = row
                tables[tables.count - 1].nextColumn += 1
                return
            }
            cell.span = 1
        }
        let end = cell.column + cell.span
        guard end <= DOCXReader.maximumColumns else { return refuse(parser) }
        tables[tables.count - 1].nextColumn = end
        tables[tables.count - 1].reached = max(tables[tables.count - 1].reached, end)
        tables[tables.count - 1].row?.append(cell)
    }

    private func finishRow(_ parser: XMLParser) {
        guard !tables.isEmpty, let cells = tables[tables.count - 1].row else { return }
        tables[tables.count - 1].row = nil
        tables[tables.count - 1].rows.append(DOCXReader.Row(cells: cells))
        guard tables[tables.count - 1].rows.count <= DOCXReader.maximumRows else { return refuse(parser) }
    }

    private func finishTable() {
        guard let builder = tables.popLast() else { return }
        let table = DOCXReader.Table(rows: builder.rows, columnCount: max(builder.gridColumns, builder.reached))
        if tables.isEmpty {
            blocks.append(.table(table))
        } else if tables[tables.count - 1].cell != nil {
            // A table inside a cell: its text belongs to the cell, row by row.
            for row in table.rows {
                for cell in row.cells {
                    tables[tables.count - 1].cell?.paragraphs += cell.paragraphs
                }
            }
        }
    }
}
