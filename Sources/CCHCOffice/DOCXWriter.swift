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

    /// The document as a .docx file.
    public func docxData() throws -> Data {
        let hasAppendix = appendix != nil
        let title = [typeName, summary].filter { !$0.isEmpty }.joined(separator: " ")
        var parts = OOXML.leadingParts(contentTypes: WordML.contentTypes(appendix: hasAppendix), mainPart: "word/document.xml",
                                       title: title, creator: "CCHC")
        parts.append((path: "word/document.xml", content: WordML.document(self)))
        parts.append((path: "word/styles.xml", content: WordML.styles))
        parts.append((path: "word/settings.xml", content: WordML.settings))
        parts.append((path: "word/fontTable.xml", content: WordML.fontTable))
        parts.append((path: "word/_rels/document.xml.rels", content: WordML.documentRelationships(appendix: hasAppendix)))
        parts.append((path: "word/header1.xml", content: WordML.pageNumberHeader))
        parts.append((path: "word/header2.xml", content: WordML.emptyHeader))
        if hasAppendix {
            parts.append((path: "word/header3.xml", content: WordML.pageNumberHeader))
            parts.append((path: "word/header4.xml", content: WordML.emptyHeader))
        }
        return try OOXML.package(parts)
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
