import Foundation

/// An administrative document laid out as Decree 30/2020/NĐ-CP prescribes, written as .docx.
public struct OfficialDocument: Sendable {
    public enum Block: Sendable {
        /// "I. KẾT QUẢ …": bold, justified, first-line indent.
        case heading(String)
        /// Body text; "\n" separates paragraphs. The document's last paragraph stays on the page of the signature.
        case paragraph(String)
        /// A bordered table, header row bold; widths relative.
        case table(title: String?, header: [String], rows: [[String]], widths: [Double]?)
    }

    /// The superior body, regular, above the issuing body — offices and departments only: "UBND HUYỆN THẠCH HÀ".
    /// Empty for a People's Committee. "\n" separates lines.
    public var parentBody: String
    /// The issuing body, bold, one line a paragraph: "ỦY BAN NHÂN DÂN\nHUYỆN THẠCH HÀ", "PHÒNG TƯ PHÁP".
    public var issuingBody: String
    /// The whole "Số: 12/BC-UBND" line.
    public var number: String
    /// "Thạch Hà, ngày 05 tháng 01 năm 2021"
    public var placeAndDate: String
    /// "BÁO CÁO"
    public var typeName: String
    /// "Kết quả thực hiện công tác cải cách hành chính quý I năm 2021"
    public var summary: String
    public var body: [Block]
    /// Lines after "Nơi nhận:", e.g. "- Sở Nội vụ;", the last "- Lưu: VT, NV."
    public var recipients: [String]
    /// ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], ["TRƯỞNG PHÒNG"]
    public var signerAuthority: [String]
    /// The name of the person who signs.
    public var signerName: String
    public var appendix: Appendix?

    public struct Appendix: Sendable {
        /// "Phụ lục"
        public var label: String
        /// Upper-case title.
        public var title: String
        /// "(Kèm theo Báo cáo số 12/BC-UBND ngày 05/01/2021 của UBND huyện Thạch Hà)"
        public var subtitle: String
        public var header: [String]
        public var rows: [[String]]
        /// Indexes (into `rows`) of group rows, set bold.
        public var boldRows: Set<Int> = []
        /// Relative column widths.
        public var widths: [Double]?
        public var landscape: Bool = true
        /// Indexes (into `rows`) of rows written as one cell across the table (a group's title): their first text.
        public var spanningRows: Set<Int> = []
        /// Columns whose equal texts in consecutive rows are merged into one cell down the rows (`w:vMerge`); a spanning
        /// row ends a merge.
        public var mergedColumns: Set<Int> = []

        public init(label: String, title: String, subtitle: String, header: [String], rows: [[String]],
                    boldRows: Set<Int> = [], widths: [Double]? = nil, landscape: Bool = true,
                    spanningRows: Set<Int> = [], mergedColumns: Set<Int> = []) {
            self.label = label
            self.title = title
            self.subtitle = subtitle
            self.header = header
            self.rows = rows
            self.boldRows = boldRows
            self.widths = widths
            self.landscape = landscape
            self.spanningRows = spanningRows
            self.mergedColumns = mergedColumns
        }
    }

    public init(parentBody: String, issuingBody: String, number: String, placeAndDate: String, typeName: String,
                summary: String, body: [Block], recipients: [String], signerAuthority: [String], signerName: String,
                appendix: Appendix? = nil) {
        self.parentBody = parentBody
        self.issuingBody = issuingBody
        self.number = number
        self.placeAndDate = placeAndDate
        self.typeName = typeName
        self.summary = summary
        self.body = body
        self.recipients = recipients
        self.signerAuthority = signerAuthority
        self.signerName = signerName
        self.appendix = appendix
    }

    /// The document as a .docx file, in memory: written by `write(to:)` to a temporary file and read back, so both
    /// ways give the same file.
    public func docxData() throws -> Data {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-docx-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("document.docx")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try write(to: file, temporaryDirectory: directory)
            return try Data(contentsOf: file)
        } catch let error as DOCXWriteError {
            throw error
        } catch {
            throw DOCXWriteError.cannotWrite(error.localizedDescription)
        }
    }

    /// Writes the document as a .docx file at `url` (replaced if it exists). The body goes block by block — a table
    /// row by row — to a temporary file through a 64 KB buffer, and the parts are zipped into the target reading it
    /// back in blocks: memory does not grow with the length of the document beyond the blocks themselves. The file
    /// appears (renamed into place) only once complete; the temporary files are removed whatever happens.
    public func write(to url: URL) throws {
        try write(to: url, temporaryDirectory: nil)
    }

    /// `temporaryDirectory`: where the body waits (nil: a new folder in the system's temporary folder, removed at the end).
    func write(to url: URL, temporaryDirectory: URL?) throws {
        let folder = url.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw DOCXWriteError.noFolder(folder.path)
        }
        let work = temporaryDirectory ?? FileManager.default.temporaryDirectory.appendingPathComponent("cchc-docx-\(UUID().uuidString)")
        let body = work.appendingPathComponent("document-\(UUID().uuidString).xml")
        let partial = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).partial")
        defer {
            try? FileManager.default.removeItem(at: body)
            try? FileManager.default.removeItem(at: partial)
            if temporaryDirectory == nil { try? FileManager.default.removeItem(at: work) }
        }
        do {
            if temporaryDirectory == nil {
                try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            }
            let sink = try OOXMLFileSink(url: body)
            try WordML.writeDocument(self, to: sink)
            try sink.close()
            try OOXML.writePackage(parts(body: .file(body, size: sink.size)), to: partial)
            // Renamed into place only once complete: a reader never sees half a file.
            guard rename(partial.path, url.path) == 0 else {
                throw DOCXWriteError.cannotWrite(String(cString: strerror(errno)))
            }
        } catch let error as DOCXWriteError {
            throw error
        } catch XLSXStreamError.cannotWrite(let detail) {
            throw DOCXWriteError.cannotWrite(detail)
        } catch {
            throw DOCXWriteError.cannotWrite(error.localizedDescription)
        }
    }

    /// The parts of the package in order, word/document.xml being `body`.
    private func parts(body: OOXML.FilePart.Piece) -> [OOXML.FilePart] {
        let hasAppendix = appendix != nil
        let title = [typeName, summary].filter { !$0.isEmpty }.joined(separator: " ")
        var parts = OOXML.leadingParts(contentTypes: WordML.contentTypes(appendix: hasAppendix), mainPart: "word/document.xml",
                                       title: title, creator: "CCHC").map { OOXML.FilePart(path: $0.path, content: $0.content) }
        parts.append(OOXML.FilePart(path: "word/document.xml", pieces: [body]))
        parts.append(OOXML.FilePart(path: "word/styles.xml", content: WordML.styles))
        parts.append(OOXML.FilePart(path: "word/settings.xml", content: WordML.settings))
        parts.append(OOXML.FilePart(path: "word/fontTable.xml", content: WordML.fontTable))
        parts.append(OOXML.FilePart(path: "word/_rels/document.xml.rels", content: WordML.documentRelationships(appendix: hasAppendix)))
        parts.append(OOXML.FilePart(path: "word/header1.xml", content: WordML.pageNumberHeader))
        parts.append(OOXML.FilePart(path: "word/header2.xml", content: WordML.emptyHeader))
        if hasAppendix {
            parts.append(OOXML.FilePart(path: "word/header3.xml", content: WordML.pageNumberHeader))
            parts.append(OOXML.FilePart(path: "word/header4.xml", content: WordML.emptyHeader))
        }
        return parts
    }
}

/// Why a document could not be written as a .docx file.
public enum DOCXWriteError: Error, LocalizedError, Equatable {
    /// The folder the file was to go in does not exist.
    case noFolder(String)
    /// A file could not be written (the disk, the temporary folder): the system's reason.
    case cannotWrite(String)

    public var errorDescription: String? {
        switch self {
        case .noFolder(let path):
            return "Không có thư mục “\(path)” để lưu văn bản Word: hãy chọn một thư mục đã có."
        case .cannotWrite(let detail):
            return "Không ghi được văn bản Word (\(detail)): ổ đĩa có thể đã đầy hoặc không có quyền ghi."
        }
    }
}

// MARK: - WordprocessingML

/// The XML of the parts of an official document. Sizes are half-points (28 = 14 pt), lengths twips (567 = 1 cm).
enum WordML {
    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let font = "Times New Roman"

    // Page (A4) and margins.
    static let pageWidth = 11906
    static let pageHeight = 16838
    static let marginTop = 1134
    static let marginBottom = 1134
    static let marginLeft = 1701
    static let marginRight = 851
    static let landscapeMargin = 1134
    /// Text width of a portrait page: 9354.
    static let textWidth = pageWidth - marginLeft - marginRight
    /// Text width of a landscape page: 14570.
    static let landscapeTextWidth = pageHeight - 2 * landscapeMargin

    // Body paragraphs.
    static let bodySize = 28
    static let firstLineIndent = 720
    static let spacingAfter = 120
    /// 1.2 lines.
    static let bodyLine = 288
}
