import Foundation

extension WordML {
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
        /// The paragraph's lines on one page.
        var keepLines = false
        /// A rule under the paragraph (between its indents).
        var rule = false

        static let body = ParagraphLayout(align: "both", firstLine: WordML.firstLineIndent, after: WordML.spacingAfter, line: WordML.bodyLine)
        static let centred = ParagraphLayout(align: "center")
        static let leftAligned = ParagraphLayout(align: "left")
    }

    static func pPr(_ layout: ParagraphLayout, markSize: Int, bold: Bool = false, italic: Bool = false, sectionProperties: String = "") -> String {
        var xml = "<w:pPr>"
        if layout.keepNext { xml += "<w:keepNext/>" }
        if layout.keepLines { xml += "<w:keepLines/>" }
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
        xml += "<w:tblBorders><w:top \(border)/><w:left \(border)/><w:bottom \(border)/><w:right \(border)/><w:insideH \(border)/>"
        xml += "<w:insideV \(border)/></w:tblBorders>"
        xml += "<w:tblLayout w:type=\"fixed\"/>"
        xml += "<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"\(cellMargin)\" w:type=\"dxa\"/>"
        xml += "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"\(cellMargin)\" w:type=\"dxa\"/></w:tblCellMar>"
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

    /// A cell holding the given paragraphs (at least one paragraph is written), across `span` grid columns, perhaps part
    /// of a vertical merge ("restart" begins one, "continue" carries it on).
    static func cell(width: Int, verticalAlign: String, paragraphs: String, span: Int = 1, verticalMerge: String? = nil) -> String {
        var xml = "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
        if span > 1 { xml += "<w:gridSpan w:val=\"\(span)\"/>" }
        if let verticalMerge { xml += "<w:vMerge w:val=\"\(verticalMerge)\"/>" }
        xml += "<w:vAlign w:val=\"\(verticalAlign)\"/></w:tcPr>"
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

    /// A bordered data table, written row by row: header row bold, centred and repeated on each page; numbers centred. A
    /// spanning row is one cell across the table; a merged column's equal texts in consecutive rows are one cell down the rows.
    static func writeDataTable(header: [String], rows: [[String]], boldRows: Set<Int>, widths relative: [Double]?, total: Int,
                               size: Int, spanningRows: Set<Int> = [], mergedColumns: Set<Int> = [], to out: OOXMLFileSink) throws {
        let columns = rows.reduce(header.count) { max($0, $1.count) }
        guard columns > 0 else { return }
        let widths = columnWidths(relative, columns: columns, total: total, sample: [header] + rows)
        var cellLayout = ParagraphLayout.leftAligned
        cellLayout.before = 40
        cellLayout.after = 40
        try out.write(tableStart(widths: widths, bordered: true, cellMargin: 85))
        if !header.isEmpty {
            var xml = rowStart(header: true, cantSplit: true)
            for index in 0..<columns {
                let text = index < header.count ? header[index] : ""
                var layout = cellLayout
                layout.align = "center"
                xml += cell(width: widths[index], verticalAlign: "center",
                            paragraphs: paragraph(text, layout, size: size, bold: true))
            }
            xml += "</w:tr>"
            try out.write(xml)
        }
        /// The text of a merged column in a row that takes part in merges (nil for a spanning row or beyond the table).
        func mergeable(_ rowIndex: Int, _ column: Int) -> String? {
            guard rows.indices.contains(rowIndex), !spanningRows.contains(rowIndex) else { return nil }
            let text = column < rows[rowIndex].count ? rows[rowIndex][column] : ""
            return text.isEmpty ? nil : text
        }
        for (rowIndex, row) in rows.enumerated() {
            let bold = boldRows.contains(rowIndex)
            var xml = rowStart(header: false, cantSplit: true)
            if spanningRows.contains(rowIndex) {
                let text = row.first { !$0.isEmpty } ?? ""
                xml += cell(width: total, verticalAlign: "center",
                            paragraphs: paragraph(text, cellLayout, size: size, bold: bold), span: columns)
                xml += "</w:tr>"
                try out.write(xml)
                continue
            }
            for index in 0..<columns {
                let text = index < row.count ? row[index] : ""
                var merge: String?
                if mergedColumns.contains(index), let own = mergeable(rowIndex, index) {
                    if mergeable(rowIndex - 1, index) == own {
                        merge = "continue"
                    } else if mergeable(rowIndex + 1, index) == own {
                        merge = "restart"
                    }
                }
                var layout = cellLayout
                layout.align = centredInTable(text) ? "center" : "left"
                let content = merge == "continue" ? paragraph("", layout, size: size) : paragraph(text, layout, size: size, bold: bold)
                xml += cell(width: widths[index], verticalAlign: merge == nil ? "center" : "top", paragraphs: content,
                            verticalMerge: merge)
            }
            xml += "</w:tr>"
            try out.write(xml)
        }
        try out.write("</w:tbl>")
    }

    // MARK: Sections

    static func sectionProperties(defaultHeader: String, firstHeader: String, landscape: Bool, restartNumbering: Bool) -> String {
        var xml = "<w:sectPr>"
        xml += "<w:headerReference w:type=\"default\" r:id=\"\(defaultHeader)\"/>"
        xml += "<w:headerReference w:type=\"first\" r:id=\"\(firstHeader)\"/>"
        if landscape {
            xml += "<w:pgSz w:w=\"\(pageHeight)\" w:h=\"\(pageWidth)\" w:orient=\"landscape\"/>"
            xml += "<w:pgMar w:top=\"\(landscapeMargin)\" w:right=\"\(landscapeMargin)\" w:bottom=\"\(landscapeMargin)\""
            xml += " w:left=\"\(landscapeMargin)\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"
        } else {
            xml += "<w:pgSz w:w=\"\(pageWidth)\" w:h=\"\(pageHeight)\"/>"
            xml += "<w:pgMar w:top=\"\(marginTop)\" w:right=\"\(marginRight)\" w:bottom=\"\(marginBottom)\" w:left=\"\(marginLeft)\""
            xml += " w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"
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
}
