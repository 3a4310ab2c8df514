import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

public enum DOCXError: Error, LocalizedError, Equatable {
    case notADOCX(String)

    public var errorDescription: String? {
        switch self {
        case .notADOCX(let message): return message
        }
    }
}

/// Reads the body of a .docx in order: its paragraphs and its tables, a table as rows of cells, each cell's text as its
/// paragraphs, with the horizontal spans (`w:gridSpan`) and vertical merges (`w:vMerge`) reported as written so a
/// caller can carry a merged cell down. Text only: what a run shows (`w:t`, tabs, line breaks), not deleted text of
/// tracked changes, field codes, drawings or text boxes. A table inside a cell gives its text to that cell, row by row.
/// Hardened like `XLSXReader`: the package is read lazily with limits on every part, and anything malformed or beyond
/// the limits is refused with a message, never a crash.
public enum DOCXReader {
    public enum Block: Sendable, Equatable {
        case paragraph(String)
        case table(Table)
    }

    public struct Table: Sendable, Equatable {
        public var rows: [Row]
        /// Columns of the table's grid: the larger of the grid it declares (`w:tblGrid`) and the columns its rows reach.
        public var columnCount: Int

        public init(rows: [Row], columnCount: Int) {
            self.rows = rows
            self.columnCount = columnCount
        }
    }

    public struct Row: Sendable, Equatable {
        public var cells: [Cell]

        public init(cells: [Cell]) {
            self.cells = cells
        }
    }

    public enum VerticalMerge: String, Sendable, Equatable {
        /// The first cell of a vertically merged range: it holds the text.
        case restart
        /// A cell continuing the merged range above it: shown as part of that cell, its own text is normally empty.
        case continuation
    }

    public struct Cell: Sendable, Equatable {
        /// The grid column the cell starts at, from 0 (after `w:gridBefore` and the spans of the cells before it).
        public var column: Int
        /// Grid columns the cell covers (`w:gridSpan`, or a legacy `w:hMerge`): 1 for most cells.
        public var span: Int
        public var verticalMerge: VerticalMerge?
        /// Each paragraph's text; a line break inside a paragraph (`w:br`, `w:cr`) is "\n", a tab "\t".
        public var paragraphs: [String]

        public init(column: Int, span: Int = 1, verticalMerge: VerticalMerge? = nil, paragraphs: [String]) {
            self.column = column
            self.span = span
            self.verticalMerge = verticalMerge
            self.paragraphs = paragraphs
        }

        /// The cell's lines: its paragraphs, each split at its line breaks.
        public var lines: [String] {
            paragraphs.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        }

        /// The lines joined with "\n".
        public var text: String { paragraphs.joined(separator: "\n") }
    }

    static let invalidMessage = "Tệp không phải là văn bản Word (.docx) hợp lệ."
    static let oldFormatMessage = "Tệp là văn bản Word định dạng cũ (.doc); hãy mở bằng Word và lưu lại dưới dạng .docx."
    static let tooLargeMessage = "Văn bản Word quá lớn hoặc quá phức tạp để đọc: một kế hoạch chỉ cần vài trăm dòng bảng."

    /// Rows of one table, grid columns of a row, tables inside tables, and paragraphs of the whole body.
    static let maximumRows = 5_000
    static let maximumColumns = 200
    static let maximumNesting = 16
    static let maximumParagraphs = 100_000

    /// The body's paragraphs and tables, in order.
    public static func read(_ data: Data) throws -> [Block] {
        if data.count >= 4, data.prefix(4).elementsEqual([0xD0, 0xCF, 0x11, 0xE0]) {
            throw DOCXError.notADOCX(oldFormatMessage)
        }
        guard data.count >= 4, data.prefix(2).elementsEqual([0x50, 0x4B]) else {
            throw DOCXError.notADOCX(invalidMessage)
        }
        return try translatingPackageErrors {
            let package = try XLSXReader.Package(data)
            var documentPath = "word/document.xml"
            if let rels = try package[path: "_rels/.rels"] {
                let relationships = try XLSXReader.parseRelationships(rels)
                if let main = relationships.first(where: { $0.type.hasSuffix("/officeDocument") && !$0.external }) {
                    documentPath = XLSXReader.resolve(main.target, relativeTo: "")
                }
            }
            guard let document = try package[path: documentPath.lowercased()] else {
                throw DOCXError.notADOCX(invalidMessage)
            }
            let handler = DOCXBodyHandler()
            let parser = XLSXReader.parser(document)
            parser.shouldProcessNamespaces = false
            parser.shouldReportNamespacePrefixes = false
            parser.shouldResolveExternalEntities = false
            parser.delegate = handler
            let parsed = parser.parse()
            if let refusal = handler.refusal { throw DOCXError.notADOCX(refusal) }
            guard parsed, parser.parserError == nil, !handler.malformed, handler.closedBody else {
                throw DOCXError.notADOCX(invalidMessage)
            }
            return handler.blocks
        }
    }

    /// The body's tables, in order (tables inside cells are part of their cell's text).
    public static func tables(_ data: Data) throws -> [Table] {
        try read(data).compactMap { block in
            if case .table(let table) = block { return table }
            return nil
        }
    }

    /// The package reader and the relationships parser are the workbook reader's: their refusals are said for a document.
    private static func translatingPackageErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as XLSXError {
            if case .notAnXLSX(let message) = error, message == XLSXReader.tooLargeMessage {
                throw DOCXError.notADOCX(tooLargeMessage)
            }
            throw DOCXError.notADOCX(invalidMessage)
        }
    }
}
