import Foundation

// MARK: - Writing the parts of a workbook

enum XLSXWriting {
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    /// Excel's limit on the text of one cell.
    static let maximumCellText = 32767

    static func contentTypes(sheetCount: Int) -> String {
        let type = "application/vnd.openxmlformats-officedocument.spreadsheetml."
        var parts = [(name: "/xl/workbook.xml", type: type + "sheet.main+xml")]
        for index in 0..<sheetCount {
            parts.append((name: "/xl/worksheets/sheet\(index + 1).xml", type: type + "worksheet+xml"))
        }
        parts.append((name: "/xl/styles.xml", type: type + "styles+xml"))
        parts.append((name: "/xl/sharedStrings.xml", type: type + "sharedStrings+xml"))
        return OOXML.contentTypes(parts)
    }

    static func workbook(names: [String], hidden: [Bool] = []) -> String {
        var xml = OOXML.declaration
        xml += "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(OOXML.relationshipNamespace)\">"
        xml += "<bookViews><workbookView xWindow=\"0\" yWindow=\"0\" windowWidth=\"28800\" windowHeight=\"15000\" activeTab=\"0\"/></bookViews>"
        xml += "<sheets>"
        for (index, name) in names.enumerated() {
            let state = index < hidden.count && hidden[index] ? " state=\"hidden\"" : ""
            xml += "<sheet name=\"\(OOXML.escape(name))\" sheetId=\"\(index + 1)\"\(state) r:id=\"rId\(index + 1)\"/>"
        }
        xml += "</sheets>"
        xml += "</workbook>"
        return xml
    }

    /// The sheets first (rId1… as the workbook refers to them), then the styles and the shared strings.
    static func workbookRelationships(sheetCount: Int) -> String {
        var entries = (0..<sheetCount).map { (type: OOXML.relationshipType("worksheet"), target: "worksheets/sheet\($0 + 1).xml") }
        entries.append((type: OOXML.relationshipType("styles"), target: "styles.xml"))
        entries.append((type: OOXML.relationshipType("sharedStrings"), target: "sharedStrings.xml"))
        return OOXML.relationships(entries)
    }

    /// Fonts: 0 Times New Roman 12, 1 the same bold. Cell formats (see `XLSXStyle`): built-in number formats
    /// 3 "#,##0", 4 "#,##0.00", 10 "0.00%".
    static let styles: String = {
        var xml = OOXML.declaration
        xml += "<styleSheet xmlns=\"\(mainNamespace)\">"
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
        xml += "<worksheet xmlns=\"\(mainNamespace)\" xmlns:r=\"\(OOXML.relationshipNamespace)\">"
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
