import Foundation

/// Why a streamed workbook could not be written.
public enum XLSXStreamError: Error, LocalizedError, Equatable {
    /// A row was appended before any sheet was added.
    case noSheet
    /// The workbook was already finished (or abandoned after an error).
    case finished
    /// A sheet reached Excel's 1,048,576 rows.
    case tooManyRows(sheet: String)
    /// A row is wider than Excel's 16,384 columns.
    case tooManyColumns(sheet: String)
    /// A file could not be written (the disk, the temporary folder).
    case cannotWrite(String)

    public var errorDescription: String? {
        switch self {
        case .noSheet:
            return "Chưa có trang tính nào để ghi dòng: cần thêm trang tính trước."
        case .finished:
            return "Tệp bảng tính đã ghi xong: không thể thêm trang tính hay dòng."
        case .tooManyRows(let sheet):
            return "Trang tính “\(sheet)” vượt quá 1.048.576 dòng, giới hạn của Excel: hãy chia dữ liệu thành nhiều tệp."
        case .tooManyColumns(let sheet):
            return "Trang tính “\(sheet)” có dòng vượt quá 16.384 cột, giới hạn của Excel."
        case .cannotWrite(let detail):
            return "Không ghi được tệp bảng tính (\(detail)): ổ đĩa có thể đã đầy."
        }
    }
}

/// Writes an .xlsx file row by row in constant memory, for sheets too large to hold (the national
/// units × indicators sheet): `addSheet`, then `append(row:)` for each row, then `finish()`.
///
/// Rows go to a temporary file per sheet as they come, through a 64 KB buffer; `finish()` zips the parts into the
/// target file, reading the rows back in blocks. Texts repeated across cells are kept once in a bounded shared-string
/// table, the others written inline. Cells, styles, sheet names, frozen panes and column widths are those of
/// `XLSXWorkbook`, which writes through this type. Not thread-safe: use one writer from one thread or task.
public final class XLSXStreamWriter {
    private let url: URL
    private let creator: String
    private let directory: URL
    private let ownsDirectory: Bool
    private var sheets: [XLSXSheetStream] = []
    private var strings: XLSXSharedStrings
    private var columns = XLSXColumnNames()
    private var done = false
    private var temporaryFiles: [URL] = []

    /// A writer of the file at `url`, which is created (or replaced) by `finish()`; nothing is written there before.
    public convenience init(url: URL, creator: String = "CCHC") throws {
        try self.init(url: url, creator: creator, temporaryDirectory: nil)
    }

    /// `temporaryDirectory`: where the rows wait (nil: a new folder in the system's temporary folder, removed at the end).
    init(url: URL, creator: String, temporaryDirectory: URL?, sharedStrings: XLSXSharedStrings = XLSXSharedStrings()) throws {
        self.url = url
        self.creator = creator
        self.strings = sharedStrings
        if let temporaryDirectory {
            directory = temporaryDirectory
            ownsDirectory = false
        } else {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-xlsx-\(UUID().uuidString)")
            ownsDirectory = true
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw XLSXStreamError.cannotWrite(error.localizedDescription)
            }
        }
    }

    deinit {
        cleanUp()
    }

    /// Starts a new sheet; the rows appended from now on go to it. The name is made acceptable to Excel and unique
    /// when the file is written, as in `XLSXSheet`.
    public func addSheet(name: String, columnWidths: [Double] = [], frozenRows: Int = 0, frozenColumns: Int = 0,
                         hidden: Bool = false) throws {
        guard !done else { throw XLSXStreamError.finished }
        try plainly {
            try sheets.last?.sink.flush()
            let file = temporaryFile("sheet\(sheets.count + 1)")
            sheets.append(try XLSXSheetStream(name: name, columnWidths: columnWidths, frozenRows: frozenRows,
                                              frozenColumns: frozenColumns, hidden: hidden, file: file))
        }
    }

    /// Appends a row to the current sheet (an empty row, or one of empty cells, leaves a blank row).
    public func append(row: [XLSXCell]) throws {
        guard !done else { throw XLSXStreamError.finished }
        guard let sheet = sheets.last else { throw XLSXStreamError.noSheet }
        try plainly { try sheet.append(row, strings: &strings, columns: &columns) }
    }

    /// Writes the .xlsx file and removes the temporary files. A workbook without sheets gets one empty "Sheet1".
    public func finish() throws {
        guard !done else { throw XLSXStreamError.finished }
        if sheets.isEmpty {
            try addSheet(name: "Sheet1")
        }
        done = true
        defer { cleanUp() }
        let names = XLSXWriting.uniqueSheetNames(sheets.map(\.name))
        var parts = OOXML.leadingParts(contentTypes: XLSXWriting.contentTypes(sheetCount: sheets.count), mainPart: "xl/workbook.xml",
                                       title: "", creator: creator).map { OOXML.FilePart(path: $0.path, content: $0.content) }
        parts.append(OOXML.FilePart(path: "xl/workbook.xml", content: XLSXWriting.workbook(names: names, hidden: sheets.map(\.hidden))))
        parts.append(OOXML.FilePart(path: "xl/_rels/workbook.xml.rels", content: XLSXWriting.workbookRelationships(sheetCount: sheets.count)))
        parts.append(OOXML.FilePart(path: "xl/styles.xml", content: XLSXWriting.styles))

        let partial = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).partial")
        defer { try? FileManager.default.removeItem(at: partial) }
        try plainly {
            let stringsSink = try OOXMLFileSink(url: temporaryFile("sharedStrings"))
            try strings.write(to: stringsSink)
            parts.append(OOXML.FilePart(path: "xl/sharedStrings.xml", pieces: [.file(stringsSink.url, size: stringsSink.size)]))
            for (index, sheet) in sheets.enumerated() {
                parts.append(try sheet.part(path: "xl/worksheets/sheet\(index + 1).xml", selected: index == 0))
            }
            try OOXML.writePackage(parts, to: partial)
            // Renamed into place only once complete: a reader never sees half a file.
            guard rename(partial.path, url.path) == 0 else {
                throw XLSXStreamError.cannotWrite(String(cString: strerror(errno)))
            }
        }
    }

    private func cleanUp() {
        for sheet in sheets {
            try? sheet.sink.close()
        }
        sheets = []
        if ownsDirectory {
            try? FileManager.default.removeItem(at: directory)
        } else {
            for file in temporaryFiles { try? FileManager.default.removeItem(at: file) }
        }
        temporaryFiles = []
    }

    /// Runs the body, a file error becoming `XLSXStreamError.cannotWrite` with the system's reason.
    private func plainly(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as XLSXStreamError {
            throw error
        } catch {
            throw XLSXStreamError.cannotWrite(error.localizedDescription)
        }
    }

    /// A new file name in the temporary folder, removed at the end.
    private func temporaryFile(_ stem: String) -> URL {
        let file = directory.appendingPathComponent("\(stem)-\(UUID().uuidString).xml")
        temporaryFiles.append(file)
        return file
    }
}
