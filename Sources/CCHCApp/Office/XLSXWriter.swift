import Foundation
import ZIPFoundation

// MARK: - Shared OOXML helpers (used by the .xlsx and .docx writers and the .xlsx reader)

/// Small helpers shared by the Office Open XML writers: XML escaping and ZIP packaging.
enum OOXML {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    /// Whether XML 1.0 may carry the scalar (Char production of the XML 1.0 specification).
    static func isLegal(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value == 0x9 || value == 0xA || value == 0xD
            || (value >= 0x20 && value <= 0xD7FF)
            || (value >= 0xE000 && value <= 0xFFFD)
            || value >= 0x10000
    }

    /// The text without the characters XML 1.0 cannot carry.
    static func clean(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where isLegal(scalar) {
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// The text escaped for XML element content and attribute values; illegal characters are dropped.
    static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x26: out.append(contentsOf: "&amp;".unicodeScalars)
            case 0x3C: out.append(contentsOf: "&lt;".unicodeScalars)
            case 0x3E: out.append(contentsOf: "&gt;".unicodeScalars)
            case 0x22: out.append(contentsOf: "&quot;".unicodeScalars)
            case 0x27: out.append(contentsOf: "&apos;".unicodeScalars)
            default:
                if isLegal(scalar) { out.append(scalar) }
            }
        }
        return String(out)
    }

    /// "2021-01-05T08:30:00Z"
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// docProps/core.xml
    static func coreProperties(title: String, creator: String, date: Date) -> String {
        let stamp = timestamp(date)
        var xml = declaration
        xml += "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        if !title.isEmpty {
            xml += "<dc:title>\(escape(title))</dc:title>"
        }
        xml += "<dc:creator>\(escape(creator))</dc:creator>"
        xml += "<cp:lastModifiedBy>\(escape(creator))</cp:lastModifiedBy>"
        xml += "<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(stamp)</dcterms:created>"
        xml += "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">\(stamp)</dcterms:modified>"
        xml += "</cp:coreProperties>"
        return xml
    }

    /// docProps/app.xml
    static func appProperties() -> String {
        var xml = declaration
        xml += "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
        xml += "<Application>CCHC</Application>"
        xml += "</Properties>"
        return xml
    }

    /// _rels/.rels for a package whose main part is `mainPart` ("xl/workbook.xml", "word/document.xml").
    static func packageRelationships(mainPart: String) -> String {
        var xml = declaration
        xml += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        xml += "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"\(mainPart)\"/>"
        xml += "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        xml += "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
        xml += "</Relationships>"
        return xml
    }

    /// Zips the parts (in the given order; [Content_Types].xml should come first) into an in-memory package.
    static func package(_ parts: [(path: String, content: String)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
        for part in parts {
            let bytes = Data(part.content.utf8)
            try archive.addEntry(
                with: part.path,
                type: .file,
                uncompressedSize: Int64(bytes.count),
                compressionMethod: .deflate
            ) { position, size in
                let start = Int(position)
                let end = min(start + size, bytes.count)
                guard start < end else { return Data() }
                return bytes.subdata(in: start..<end)
            }
        }
        guard let data = archive.data else { throw OOXMLPackageError.noData }
        return data
    }
}

enum OOXMLPackageError: Error {
    case noData
}

// MARK: - Workbook model

/// A cell of a sheet.
enum XLSXCell: Sendable, Equatable {
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
    static func whole(_ value: Double) -> XLSXCell { Int(exactly: value).map(XLSXCell.integer) ?? .number(value) }
}

struct XLSXSheet: Sendable {
    /// At most 31 characters, none of []:*?/\ — sanitised when written.
    var name: String
    var rows: [[XLSXCell]]
    /// Excel character units, per column from A; zero or negative leaves the default width.
    var columnWidths: [Double] = []
    /// Header rows kept in view (frozen pane).
    var frozenRows: Int = 0
    var frozenColumns: Int = 0
}

struct XLSXWorkbook: Sendable {
    var sheets: [XLSXSheet]
    var creator: String = "CCHC"

    /// The workbook as an .xlsx file.
    func data() throws -> Data {
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

        var parts: [(path: String, content: String)] = []
        parts.append((path: "[Content_Types].xml", content: XLSXWriting.contentTypes(sheetCount: sheets.count)))
        parts.append((path: "_rels/.rels", content: OOXML.packageRelationships(mainPart: "xl/workbook.xml")))
        parts.append((path: "docProps/core.xml", content: OOXML.coreProperties(title: "", creator: creator, date: Date())))
        parts.append((path: "docProps/app.xml", content: OOXML.appProperties()))
        parts.append((path: "xl/workbook.xml", content: XLSXWriting.workbook(names: names)))
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
        xml += "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"\(references)\" uniqueCount=\"\(strings.count)\">"
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

enum XLSXWriting {
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    /// Excel's limit on the text of one cell.
    static let maximumCellText = 32767

    static func contentTypes(sheetCount: Int) -> String {
        var xml = OOXML.declaration
        xml += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        for index in 0..<sheetCount {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(index + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        xml += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        xml += "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
        xml += "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        xml += "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        xml += "</Types>"
        return xml
    }

    static func workbook(names: [String]) -> String {
        var xml = OOXML.declaration
        xml += "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
        xml += "<bookViews><workbookView xWindow=\"0\" yWindow=\"0\" windowWidth=\"28800\" windowHeight=\"15000\" activeTab=\"0\"/></bookViews>"
        xml += "<sheets>"
        for (index, name) in names.enumerated() {
            xml += "<sheet name=\"\(OOXML.escape(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        xml += "</sheets>"
        xml += "</workbook>"
        return xml
    }

    static func workbookRelationships(sheetCount: Int) -> String {
        var xml = OOXML.declaration
        xml += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for index in 0..<sheetCount {
            xml += "<Relationship Id=\"rId\(index + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        xml += "<Relationship Id=\"rId\(sheetCount + 2)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        xml += "</Relationships>"
        return xml
    }

    /// Fonts: 0 Times New Roman 12, 1 the same bold. Cell formats (see `XLSXStyle`): built-in number formats
    /// 3 "#,##0", 4 "#,##0.00", 10 "0.00%".
    static let styles: String = {
        var xml = OOXML.declaration
        xml += "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        xml += "<fonts count=\"2\">"
        xml += "<font><sz val=\"12\"/><name val=\"Times New Roman\"/><family val=\"1\"/></font>"
        xml += "<font><b/><sz val=\"12\"/><name val=\"Times New Roman\"/><family val=\"1\"/></font>"
        xml += "</fonts>"
        xml += "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        xml += "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        xml += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        xml += "<cellXfs count=\"5\">"
        xml += "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        xml += "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        xml += "<xf numFmtId=\"3\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        xml += "<xf numFmtId=\"4\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        xml += "<xf numFmtId=\"10\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        xml += "</cellXfs>"
        xml += "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        xml += "</styleSheet>"
        return xml
    }()

    static func worksheet(_ sheet: XLSXSheet, selected: Bool, strings: inout XLSXSharedStrings) -> String {
        var sheetData = ""
        var lastRow = 0
        var lastColumn = 0
        for (rowIndex, row) in sheet.rows.enumerated() {
            var cells = ""
            for (columnIndex, cell) in row.enumerated() {
                let reference = cellReference(row: rowIndex + 1, column: columnIndex + 1)
                guard let xml = cellXML(cell, reference: reference, strings: &strings) else { continue }
                cells += xml
                lastRow = rowIndex + 1
                lastColumn = max(lastColumn, columnIndex + 1)
            }
            if !cells.isEmpty {
                sheetData += "<row r=\"\(rowIndex + 1)\">\(cells)</row>"
            }
        }

        let dimension = lastRow == 0 ? "A1" : "A1:" + cellReference(row: lastRow, column: lastColumn)
        let frozenRows = max(0, sheet.frozenRows)
        let frozenColumns = max(0, sheet.frozenColumns)
        var pane = ""
        if frozenRows > 0 || frozenColumns > 0 {
            let topLeft = cellReference(row: frozenRows + 1, column: frozenColumns + 1)
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
        for (index, width) in sheet.columnWidths.enumerated() where width > 0 && width.isFinite {
            let clamped = min(width, 255)
            columns += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(numberText(clamped))\" customWidth=\"1\"/>"
        }

        var xml = OOXML.declaration
        xml += "<worksheet xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
        xml += "<dimension ref=\"\(dimension)\"/>"
        xml += "<sheetViews><sheetView"
        if selected { xml += " tabSelected=\"1\"" }
        xml += " workbookViewId=\"0\">\(pane)</sheetView></sheetViews>"
        xml += "<sheetFormatPr defaultRowHeight=\"15.75\"/>"
        if !columns.isEmpty {
            xml += "<cols>\(columns)</cols>"
        }
        xml += "<sheetData>\(sheetData)</sheetData>"
        xml += "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        xml += "<pageSetup paperSize=\"9\"/>"
        xml += "</worksheet>"
        return xml
    }

    /// The `<c>` element of a cell, or nil for a cell with nothing to show.
    static func cellXML(_ cell: XLSXCell, reference: String, strings: inout XLSXSharedStrings) -> String? {
        switch cell {
        case .empty:
            return nil
        case .text(let text):
            return stringCell(text, style: XLSXStyle.normal, reference: reference, strings: &strings)
        case .bold(let text):
            return stringCell(text, style: XLSXStyle.bold, reference: reference, strings: &strings)
        case .integer(let value):
            return "<c r=\"\(reference)\" s=\"\(XLSXStyle.integer)\"><v>\(value)</v></c>"
        case .number(let value):
            guard value.isFinite else { return nil }
            let style = isIntegral(value) ? XLSXStyle.integer : XLSXStyle.decimal
            return "<c r=\"\(reference)\" s=\"\(style)\"><v>\(numberText(value))</v></c>"
        case .decimal(let value):
            guard value.isFinite else { return nil }
            return "<c r=\"\(reference)\" s=\"\(XLSXStyle.decimal)\"><v>\(numberText(value))</v></c>"
        case .percent(let points):
            let fraction = points / 100
            guard fraction.isFinite else { return nil }
            return "<c r=\"\(reference)\" s=\"\(XLSXStyle.percent)\"><v>\(numberText(fraction))</v></c>"
        }
    }

    static func stringCell(_ raw: String, style: Int, reference: String, strings: inout XLSXSharedStrings) -> String? {
        var text = OOXML.clean(raw)
            .replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\r", with: "\n")
        if text.isEmpty { return nil }
        if text.utf16.count > maximumCellText {
            text = truncated(text, utf16Limit: maximumCellText)
        }
        let index = strings.index(of: text)
        return "<c r=\"\(reference)\" s=\"\(style)\" t=\"s\"><v>\(index)</v></c>"
    }

    static func isIntegral(_ value: Double) -> Bool {
        value.isFinite && value == value.rounded() && abs(value) < 1e15
    }

    /// A number as stored in a cell: integers without a decimal point, others with up to 15 significant digits
    /// (what Excel keeps), so 91.3 / 100 is written "0.913".
    static func numberText(_ value: Double) -> String {
        if isIntegral(value) {
            return String(Int64(value))
        }
        return String(format: "%.15g", value)
    }

    /// "A", "Z", "AA", … for 1, 26, 27, …
    static func columnName(_ column: Int) -> String {
        var number = max(1, column)
        var letters: [Character] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
            number = (number - 1) / 26
        }
        return String(letters.reversed())
    }

    static func cellReference(row: Int, column: Int) -> String {
        columnName(column) + String(row)
    }

    static func truncated(_ text: String, utf16Limit: Int) -> String {
        var out = ""
        var count = 0
        for character in text {
            let length = character.utf16.count
            if count + length > utf16Limit { break }
            out.append(character)
            count += length
        }
        return out
    }

    /// A name Excel accepts: no []:*?/\, no leading or trailing apostrophe, at most 31 characters, not empty.
    static func sanitizedSheetName(_ raw: String, position: Int) -> String {
        let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
        var name = ""
        for character in OOXML.clean(raw) {
            if forbidden.contains(character) || character.isNewline || character == "\t" {
                name.append(" ")
            } else {
                name.append(character)
            }
        }
        name = name.trimmingCharacters(in: .whitespaces)
        while name.hasPrefix("'") { name.removeFirst() }
        while name.hasSuffix("'") { name.removeLast() }
        name = truncated(name.trimmingCharacters(in: .whitespaces), utf16Limit: 31)
            .trimmingCharacters(in: .whitespaces)
        if name.isEmpty || name.lowercased() == "history" {
            name = "Sheet\(position + 1)"
        }
        return name
    }

    /// Sanitised names, made unique without regard to case ("Biểu", "Biểu (2)").
    static func uniqueSheetNames(_ raw: [String]) -> [String] {
        var used: Set<String> = []
        var names: [String] = []
        for (position, rawName) in raw.enumerated() {
            let base = sanitizedSheetName(rawName, position: position)
            var name = base
            var counter = 2
            while used.contains(name.lowercased()) {
                let suffix = " (\(counter))"
                name = truncated(base, utf16Limit: 31 - suffix.utf16.count) + suffix
                counter += 1
            }
            used.insert(name.lowercased())
            names.append(name)
        }
        return names
    }
}
