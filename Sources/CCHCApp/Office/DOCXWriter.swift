import Foundation
import ZIPFoundation

/// An administrative document laid out as Decree 30/2020/NĐ-CP prescribes, written as .docx.
struct OfficialDocument: Sendable {
    enum Block: Sendable {
        /// "I. KẾT QUẢ …": bold, justified, first-line indent.
        case heading(String)
        /// Body text; "\n" separates paragraphs.
        case paragraph(String)
        /// A bordered table, header row bold; widths relative.
        case table(title: String?, header: [String], rows: [[String]], widths: [Double]?)
    }

    /// "UBND TỈNH HÀ TĨNH" (may be empty for provinces).
    var parentBody: String
    /// "ỦY BAN NHÂN DÂN HUYỆN THẠCH HÀ"
    var issuingBody: String
    /// The whole "Số: 12/BC-UBND" line.
    var number: String
    /// "Thạch Hà, ngày 05 tháng 01 năm 2021"
    var placeAndDate: String
    /// "BÁO CÁO"
    var typeName: String
    /// "Kết quả thực hiện công tác cải cách hành chính quý I năm 2021"
    var summary: String
    var body: [Block]
    /// Lines after "Nơi nhận:", e.g. "- Sở Nội vụ;", the last "- Lưu: VT, NV."
    var recipients: [String]
    /// ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    var signerAuthority: [String]
    var signerName: String
    var appendix: Appendix?

    struct Appendix: Sendable {
        /// "Phụ lục"
        var label: String
        /// Upper-case title.
        var title: String
        /// "(Kèm theo Báo cáo số 12/BC-UBND ngày 05/01/2021 của UBND huyện Thạch Hà)"
        var subtitle: String
        var header: [String]
        var rows: [[String]]
        /// Indexes (into `rows`) of group rows, set bold.
        var boldRows: Set<Int> = []
        /// Relative column widths.
        var widths: [Double]?
        var landscape: Bool = true
    }

    /// The document as a .docx file.
    func docxData() throws -> Data {
        let hasAppendix = appendix != nil
        var parts: [(path: String, content: String)] = []
        parts.append((path: "[Content_Types].xml", content: WordML.contentTypes(appendix: hasAppendix)))
        parts.append((path: "_rels/.rels", content: OOXML.packageRelationships(mainPart: "word/document.xml")))
        let title = [typeName, summary].filter { !$0.isEmpty }.joined(separator: " ")
        parts.append((path: "docProps/core.xml", content: OOXML.coreProperties(title: title, creator: "CCHC", date: Date())))
        parts.append((path: "docProps/app.xml", content: OOXML.appProperties()))
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
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
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

    // MARK: Package parts

    static func contentTypes(appendix: Bool) -> String {
        var xml = OOXML.declaration
        xml += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml += "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
        xml += "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
        xml += "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
        xml += "<Override PartName=\"/word/fontTable.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>"
        let headerCount = appendix ? 4 : 2
        for index in 1...headerCount {
            xml += "<Override PartName=\"/word/header\(index).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
        }
        xml += "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        xml += "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        xml += "</Types>"
        return xml
    }

    static func documentRelationships(appendix: Bool) -> String {
        let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        var xml = OOXML.declaration
        xml += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        xml += "<Relationship Id=\"rId1\" Type=\"\(base)styles\" Target=\"styles.xml\"/>"
        xml += "<Relationship Id=\"rId2\" Type=\"\(base)settings\" Target=\"settings.xml\"/>"
        xml += "<Relationship Id=\"rId3\" Type=\"\(base)fontTable\" Target=\"fontTable.xml\"/>"
        xml += "<Relationship Id=\"rId4\" Type=\"\(base)header\" Target=\"header1.xml\"/>"
        xml += "<Relationship Id=\"rId5\" Type=\"\(base)header\" Target=\"header2.xml\"/>"
        if appendix {
            xml += "<Relationship Id=\"rId6\" Type=\"\(base)header\" Target=\"header3.xml\"/>"
            xml += "<Relationship Id=\"rId7\" Type=\"\(base)header\" Target=\"header4.xml\"/>"
        }
        xml += "</Relationships>"
        return xml
    }

    static let fonts = "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/>"

    static let styles: String = {
        var xml = OOXML.declaration
        xml += "<w:styles xmlns:w=\"\(WordML.wordNamespace)\">"
        xml += "<w:docDefaults>"
        xml += "<w:rPrDefault><w:rPr>\(WordML.fonts)<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/><w:lang w:val=\"vi-VN\" w:eastAsia=\"en-US\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
        xml += "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"288\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>"
        xml += "</w:docDefaults>"
        xml += "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>"
        xml += "<w:pPr><w:spacing w:before=\"0\" w:after=\"120\" w:line=\"288\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"720\"/><w:jc w:val=\"both\"/></w:pPr>"
        xml += "<w:rPr>\(WordML.fonts)<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/><w:lang w:val=\"vi-VN\"/></w:rPr></w:style>"
        xml += "<w:style w:type=\"paragraph\" w:styleId=\"Header\"><w:name w:val=\"header\"/><w:basedOn w:val=\"Normal\"/><w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/>"
        xml += "<w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/></w:pPr></w:style>"
        xml += "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"
        xml += "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/>"
        xml += "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
        xml += "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:basedOn w:val=\"TableNormal\"/><w:uiPriority w:val=\"39\"/>"
        xml += "<w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/><w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/><w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/></w:tblBorders></w:tblPr></w:style>"
        xml += "</w:styles>"
        return xml
    }()

    static let settings: String = {
        var xml = OOXML.declaration
        xml += "<w:settings xmlns:w=\"\(WordML.wordNamespace)\">"
        xml += "<w:zoom w:percent=\"100\"/>"
        xml += "<w:defaultTabStop w:val=\"720\"/>"
        xml += "<w:characterSpacingControl w:val=\"doNotCompress\"/>"
        xml += "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
        xml += "</w:settings>"
        return xml
    }()

    static let fontTable: String = {
        var xml = OOXML.declaration
        xml += "<w:fonts xmlns:w=\"\(WordML.wordNamespace)\">"
        xml += "<w:font w:name=\"Times New Roman\"><w:panose1 w:val=\"02020603050405020304\"/><w:charset w:val=\"00\"/><w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/></w:font>"
        xml += "</w:fonts>"
        return xml
    }()

    /// Centred PAGE field, 14 pt.
    static let pageNumberHeader: String = {
        let runProperties = WordML.rPr(size: 28, bold: false, italic: false)
        var xml = OOXML.declaration
        xml += "<w:hdr xmlns:w=\"\(WordML.wordNamespace)\" xmlns:r=\"\(WordML.relationshipNamespace)\">"
        xml += "<w:p><w:pPr><w:pStyle w:val=\"Header\"/><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:left=\"0\" w:right=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/>\(runProperties)</w:pPr>"
        xml += "<w:r>\(runProperties)<w:fldChar w:fldCharType=\"begin\"/></w:r>"
        xml += "<w:r>\(runProperties)<w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
        xml += "<w:r>\(runProperties)<w:fldChar w:fldCharType=\"separate\"/></w:r>"
        xml += "<w:r>\(runProperties)<w:t>2</w:t></w:r>"
        xml += "<w:r>\(runProperties)<w:fldChar w:fldCharType=\"end\"/></w:r>"
        xml += "</w:p></w:hdr>"
        return xml
    }()

    /// The first page carries no number.
    static let emptyHeader: String = {
        var xml = OOXML.declaration
        xml += "<w:hdr xmlns:w=\"\(WordML.wordNamespace)\" xmlns:r=\"\(WordML.relationshipNamespace)\">"
        xml += "<w:p><w:pPr><w:pStyle w:val=\"Header\"/><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:left=\"0\" w:right=\"0\" w:firstLine=\"0\"/></w:pPr></w:p>"
        xml += "</w:hdr>"
        return xml
    }()

    // MARK: Runs and paragraphs

    static func rPr(size: Int, bold: Bool, italic: Bool) -> String {
        var xml = "<w:rPr>" + fonts
        if bold { xml += "<w:b/><w:bCs/>" }
        if italic { xml += "<w:i/><w:iCs/>" }
        xml += "<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/></w:rPr>"
        return xml
    }

    /// One run; "\n" becomes a line break, "\t" a tab.
    static func run(_ text: String, size: Int, bold: Bool, italic: Bool) -> String {
        var xml = "<w:r>" + rPr(size: size, bold: bold, italic: italic)
        var pending = ""
        for character in text {
            switch character {
            case "\n", "\r\n", "\r":
                if !pending.isEmpty { xml += "<w:t xml:space=\"preserve\">\(OOXML.escape(pending))</w:t>" }
                pending = ""
                xml += "<w:br/>"
            case "\t":
                if !pending.isEmpty { xml += "<w:t xml:space=\"preserve\">\(OOXML.escape(pending))</w:t>" }
                pending = ""
                xml += "<w:tab/>"
            default:
                pending.append(character)
            }
        }
        if !pending.isEmpty { xml += "<w:t xml:space=\"preserve\">\(OOXML.escape(pending))</w:t>" }
        xml += "</w:r>"
        return xml
    }

    /// Paragraph layout; every paragraph states its own so nothing depends on the style.
    struct ParagraphLayout {
        var align = "both"
        var left = 0
        var right = 0
        var firstLine = 0
        var before = 0
        var after = 0
        var line = 240
        var keepNext = false
        /// A rule under the paragraph (between its indents).
        var rule = false

        static let body = ParagraphLayout(align: "both", firstLine: WordML.firstLineIndent, after: WordML.spacingAfter, line: WordML.bodyLine)
        static let centred = ParagraphLayout(align: "center")
        static let leftAligned = ParagraphLayout(align: "left")
    }

    static func pPr(_ layout: ParagraphLayout, markSize: Int, bold: Bool = false, italic: Bool = false, sectionProperties: String = "") -> String {
        var xml = "<w:pPr>"
        if layout.keepNext { xml += "<w:keepNext/>" }
        if layout.rule {
            xml += "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>"
        }
        xml += "<w:spacing w:before=\"\(layout.before)\" w:after=\"\(layout.after)\" w:line=\"\(layout.line)\" w:lineRule=\"auto\"/>"
        xml += "<w:ind w:left=\"\(layout.left)\" w:right=\"\(layout.right)\" w:firstLine=\"\(layout.firstLine)\"/>"
        xml += "<w:jc w:val=\"\(layout.align)\"/>"
        xml += rPr(size: markSize, bold: bold, italic: italic)
        xml += sectionProperties
        xml += "</w:pPr>"
        return xml
    }

    static func paragraph(_ text: String, _ layout: ParagraphLayout, size: Int, bold: Bool = false, italic: Bool = false) -> String {
        var xml = "<w:p>" + pPr(layout, markSize: size, bold: bold, italic: italic)
        if !text.isEmpty {
            xml += run(text, size: size, bold: bold, italic: italic)
        }
        xml += "</w:p>"
        return xml
    }

    /// An empty centred paragraph drawing a short rule `width` twips long in a space `available` twips wide.
    static func rule(width: Int, available: Int, after: Int = 0) -> String {
        let ruleWidth = max(200, min(width, available))
        let indent = max(0, (available - ruleWidth) / 2)
        var layout = ParagraphLayout.centred
        layout.left = indent
        layout.right = indent
        layout.after = after
        layout.rule = true
        return paragraph("", layout, size: 4)
    }

    /// Rough width in twips of a line of Times New Roman text (for the length of rules).
    static func estimatedWidth(_ text: String, size: Int, upper: Bool) -> Int {
        let perCharacter = upper ? 0.63 : 0.46
        return Int(Double(text.count) * perCharacter * Double(size) * 10)
    }

    // MARK: Tables

    /// Column widths in twips summing to `total`: the relative widths given, or from the longest text of each column.
    static func columnWidths(_ relative: [Double]?, columns: Int, total: Int, sample: [[String]]) -> [Int] {
        guard columns > 0 else { return [] }
        var weights: [Double]
        if let relative, relative.count == columns, relative.allSatisfy({ $0 > 0 && $0.isFinite }) {
            weights = relative
        } else {
            weights = Array(repeating: 4, count: columns)
            for row in sample {
                for (index, text) in row.enumerated() where index < columns {
                    weights[index] = max(weights[index], min(40, Double(text.count)))
                }
            }
        }
        let sum = weights.reduce(0, +)
        var widths = weights.map { Int((Double(total) * $0 / sum).rounded(.down)) }
        let used = widths.dropLast().reduce(0, +)
        widths[columns - 1] = total - used
        return widths
    }

    static func tableStart(widths: [Int], bordered: Bool, cellMargin: Int) -> String {
        let total = widths.reduce(0, +)
        let border = bordered ? "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"" : "w:val=\"nil\""
        var xml = "<w:tbl><w:tblPr>"
        xml += "<w:tblW w:w=\"\(total)\" w:type=\"dxa\"/>"
        xml += "<w:tblInd w:w=\"0\" w:type=\"dxa\"/>"
        xml += "<w:tblBorders><w:top \(border)/><w:left \(border)/><w:bottom \(border)/><w:right \(border)/><w:insideH \(border)/><w:insideV \(border)/></w:tblBorders>"
        xml += "<w:tblLayout w:type=\"fixed\"/>"
        xml += "<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"\(cellMargin)\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"\(cellMargin)\" w:type=\"dxa\"/></w:tblCellMar>"
        xml += "</w:tblPr><w:tblGrid>"
        for width in widths {
            xml += "<w:gridCol w:w=\"\(width)\"/>"
        }
        xml += "</w:tblGrid>"
        return xml
    }

    static func rowStart(header: Bool, cantSplit: Bool) -> String {
        var xml = "<w:tr>"
        if header || cantSplit {
            xml += "<w:trPr>"
            if cantSplit { xml += "<w:cantSplit/>" }
            if header { xml += "<w:tblHeader/>" }
            xml += "</w:trPr>"
        }
        return xml
    }

    /// A cell holding the given paragraphs (at least one paragraph is written).
    static func cell(width: Int, verticalAlign: String, paragraphs: String) -> String {
        var xml = "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/><w:vAlign w:val=\"\(verticalAlign)\"/></w:tcPr>"
        xml += paragraphs.isEmpty ? "<w:p/>" : paragraphs
        xml += "</w:tc>"
        return xml
    }

    /// Digits, separators, signs and percent only ("12", "91,3", "1.234", "45%", "12/15").
    static func looksNumeric(_ text: String) -> Bool {
        var hasDigit = false
        for character in text {
            if character.isNumber {
                hasDigit = true
            } else if !".,%-+/() ".contains(character) {
                return false
            }
        }
        return hasDigit
    }

    /// Numbers and short codes ("I", "1.1", "a", "x") are centred in data tables; text is left-aligned.
    static func centredInTable(_ text: String) -> Bool {
        looksNumeric(text) || (text.count <= 4 && !text.contains(where: { $0.isWhitespace }))
    }

    /// A bordered data table: header row bold, centred and repeated on each page; numbers centred.
    static func dataTable(header: [String], rows: [[String]], boldRows: Set<Int>, widths relative: [Double]?,
                          total: Int, size: Int) -> String {
        let columns = max(header.count, rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return "" }
        let widths = columnWidths(relative, columns: columns, total: total, sample: [header] + rows)
        var cellLayout = ParagraphLayout.leftAligned
        cellLayout.before = 40
        cellLayout.after = 40
        var xml = tableStart(widths: widths, bordered: true, cellMargin: 85)
        if !header.isEmpty {
            xml += rowStart(header: true, cantSplit: true)
            for index in 0..<columns {
                let text = index < header.count ? header[index] : ""
                var layout = cellLayout
                layout.align = "center"
                xml += cell(width: widths[index], verticalAlign: "center",
                            paragraphs: paragraph(text, layout, size: size, bold: true))
            }
            xml += "</w:tr>"
        }
        for (rowIndex, row) in rows.enumerated() {
            let bold = boldRows.contains(rowIndex)
            xml += rowStart(header: false, cantSplit: true)
            for index in 0..<columns {
                let text = index < row.count ? row[index] : ""
                var layout = cellLayout
                layout.align = centredInTable(text) ? "center" : "left"
                xml += cell(width: widths[index], verticalAlign: "center",
                            paragraphs: paragraph(text, layout, size: size, bold: bold))
            }
            xml += "</w:tr>"
        }
        xml += "</w:tbl>"
        return xml
    }

    // MARK: Sections

    static func sectionProperties(defaultHeader: String, firstHeader: String, landscape: Bool, restartNumbering: Bool) -> String {
        var xml = "<w:sectPr>"
        xml += "<w:headerReference w:type=\"default\" r:id=\"\(defaultHeader)\"/>"
        xml += "<w:headerReference w:type=\"first\" r:id=\"\(firstHeader)\"/>"
        if landscape {
            xml += "<w:pgSz w:w=\"\(pageHeight)\" w:h=\"\(pageWidth)\" w:orient=\"landscape\"/>"
            xml += "<w:pgMar w:top=\"\(landscapeMargin)\" w:right=\"\(landscapeMargin)\" w:bottom=\"\(landscapeMargin)\" w:left=\"\(landscapeMargin)\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"
        } else {
            xml += "<w:pgSz w:w=\"\(pageWidth)\" w:h=\"\(pageHeight)\"/>"
            xml += "<w:pgMar w:top=\"\(marginTop)\" w:right=\"\(marginRight)\" w:bottom=\"\(marginBottom)\" w:left=\"\(marginLeft)\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"
        }
        if restartNumbering {
            xml += "<w:pgNumType w:start=\"1\"/>"
        }
        xml += "<w:cols w:space=\"720\"/>"
        xml += "<w:titlePg/>"
        xml += "<w:docGrid w:linePitch=\"360\"/>"
        xml += "</w:sectPr>"
        return xml
    }

    // MARK: Document

    static func document(_ document: OfficialDocument) -> String {
        var body = ""
        body += headerBlock(document)
        body += titleBlock(document)
        for block in document.body {
            body += blockXML(block)
        }
        body += signatureBlock(document)

        let mainSection = sectionProperties(defaultHeader: "rId4", firstHeader: "rId5", landscape: false, restartNumbering: false)
        if let appendix = document.appendix {
            // The paragraph closing the main (portrait) section.
            var closing = ParagraphLayout.leftAligned
            closing.line = 240
            body += "<w:p>" + pPr(closing, markSize: 2, sectionProperties: mainSection) + "</w:p>"
            body += appendixBlock(appendix)
            let appendixSection = sectionProperties(defaultHeader: "rId6", firstHeader: "rId7",
                                                    landscape: appendix.landscape, restartNumbering: true)
            body += appendixSection
        } else {
            body += mainSection
        }

        var xml = OOXML.declaration
        xml += "<w:document xmlns:w=\"\(wordNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
        xml += "<w:body>\(body)</w:body>"
        xml += "</w:document>"
        return xml
    }

    /// The borderless two-column table: issuing body and number on the left, national title and date on the right.
    static func headerBlock(_ document: OfficialDocument) -> String {
        let leftWidth = textWidth * 2 / 5
        let rightWidth = textWidth - leftWidth
        let centred = ParagraphLayout.centred

        var left = ""
        let parent = document.parentBody.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        if !parent.isEmpty {
            left += paragraph(parent, centred, size: 26)
        }
        let issuing = document.issuingBody.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        left += paragraph(issuing, centred, size: 26, bold: true)
        let issuingWidth = min(leftWidth, estimatedWidth(issuing, size: 26, upper: true))
        left += rule(width: max(900, issuingWidth * 2 / 5), available: leftWidth)

        var right = ""
        right += paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", centred, size: 26, bold: true)
        right += paragraph("Độc lập - Tự do - Hạnh phúc", centred, size: 28, bold: true)
        right += rule(width: 3440, available: rightWidth)

        var numberLayout = ParagraphLayout.centred
        numberLayout.before = 120
        let numberCell = paragraph(document.number, numberLayout, size: 26)
        let dateCell = paragraph(document.placeAndDate, numberLayout, size: 28, italic: true)

        var xml = tableStart(widths: [leftWidth, rightWidth], bordered: false, cellMargin: 0)
        xml += rowStart(header: false, cantSplit: true)
        xml += cell(width: leftWidth, verticalAlign: "top", paragraphs: left)
        xml += cell(width: rightWidth, verticalAlign: "top", paragraphs: right)
        xml += "</w:tr>"
        xml += rowStart(header: false, cantSplit: true)
        xml += cell(width: leftWidth, verticalAlign: "top", paragraphs: numberCell)
        xml += cell(width: rightWidth, verticalAlign: "top", paragraphs: dateCell)
        xml += "</w:tr>"
        xml += "</w:tbl>"
        return xml
    }

    /// Type name and summary, centred bold, a short rule under the summary.
    static func titleBlock(_ document: OfficialDocument) -> String {
        var xml = ""
        var typeLayout = ParagraphLayout.centred
        typeLayout.before = 360
        typeLayout.keepNext = true
        let typeName = document.typeName.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        if !typeName.isEmpty {
            xml += paragraph(typeName, typeLayout, size: 28, bold: true)
        }
        var summaryLayout = ParagraphLayout.centred
        summaryLayout.keepNext = true
        if typeName.isEmpty { summaryLayout.before = 360 }
        let summary = document.summary.trimmingCharacters(in: .whitespacesAndNewlines)
        if !summary.isEmpty {
            xml += paragraph(summary, summaryLayout, size: 28, bold: true)
        }
        let summaryWidth = min(textWidth, estimatedWidth(summary.isEmpty ? typeName : summary, size: 28, upper: false))
        xml += rule(width: max(1200, summaryWidth / 3), available: textWidth, after: 360)
        return xml
    }

    static func blockXML(_ block: OfficialDocument.Block) -> String {
        switch block {
        case .heading(let text):
            var layout = ParagraphLayout.body
            layout.keepNext = true
            var xml = ""
            for line in lines(text) {
                xml += paragraph(line, layout, size: bodySize, bold: true)
            }
            return xml
        case .paragraph(let text):
            var xml = ""
            for line in lines(text) {
                xml += paragraph(line, ParagraphLayout.body, size: bodySize)
            }
            return xml
        case .table(let title, let header, let rows, let widths):
            var xml = ""
            if let title, !title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                var layout = ParagraphLayout.centred
                layout.before = 120
                layout.after = 120
                layout.keepNext = true
                xml += paragraph(title, layout, size: bodySize, bold: true)
            }
            xml += dataTable(header: header, rows: rows, boldRows: [], widths: widths, total: textWidth, size: 26)
            // Separates the table from what follows (two tables in a row would merge).
            var after = ParagraphLayout.leftAligned
            after.after = 120
            xml += paragraph("", after, size: 16)
            return xml
        }
    }

    /// The non-blank lines of a text.
    static func lines(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: true)
            .map(String.init)
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// The second borderless table: recipients on the left, the signer on the right.
    static func signatureBlock(_ document: OfficialDocument) -> String {
        let leftWidth = textWidth * 9 / 20
        let rightWidth = textWidth - leftWidth

        var left = ""
        var heading = ParagraphLayout.leftAligned
        heading.before = 240
        left += paragraph("Nơi nhận:", heading, size: 24, bold: true, italic: true)
        for recipient in document.recipients {
            left += paragraph(recipient, ParagraphLayout.leftAligned, size: 22)
        }

        var right = ""
        var first = true
        for line in document.signerAuthority {
            var layout = ParagraphLayout.centred
            if first { layout.before = 240 }
            first = false
            right += paragraph(line.uppercased(), layout, size: 28, bold: true)
        }
        if first {
            var layout = ParagraphLayout.centred
            layout.before = 240
            right += paragraph("", layout, size: 28)
        }
        for _ in 0..<4 {
            right += paragraph("", ParagraphLayout.centred, size: 28)
        }
        right += paragraph(document.signerName, ParagraphLayout.centred, size: 28, bold: true)

        var xml = tableStart(widths: [leftWidth, rightWidth], bordered: false, cellMargin: 0)
        xml += rowStart(header: false, cantSplit: true)
        xml += cell(width: leftWidth, verticalAlign: "top", paragraphs: left)
        xml += cell(width: rightWidth, verticalAlign: "top", paragraphs: right)
        xml += "</w:tr>"
        xml += "</w:tbl>"
        return xml
    }

    /// Label, title, subtitle and the bordered table of the appendix (in its own section).
    static func appendixBlock(_ appendix: OfficialDocument.Appendix) -> String {
        let total = appendix.landscape ? landscapeTextWidth : textWidth
        var xml = ""
        var labelLayout = ParagraphLayout.centred
        labelLayout.keepNext = true
        xml += paragraph(appendix.label, labelLayout, size: 28, bold: true)
        xml += paragraph(appendix.title.uppercased(), labelLayout, size: 28, bold: true)
        var subtitleLayout = ParagraphLayout.centred
        subtitleLayout.after = 240
        subtitleLayout.keepNext = true
        xml += paragraph(appendix.subtitle, subtitleLayout, size: 28, italic: true)
        xml += dataTable(header: appendix.header, rows: appendix.rows, boldRows: appendix.boldRows,
                         widths: appendix.widths, total: total, size: 24)
        // A document part may not end with a table.
        xml += paragraph("", ParagraphLayout.leftAligned, size: 4)
        return xml
    }
}
